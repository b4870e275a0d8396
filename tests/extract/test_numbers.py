"""Surface forms of numbers → values (kg.extract.numbers): pure string functions, no spaCy."""

from __future__ import annotations

import pytest

from kg.extract import numbers as nb
from kg.records import QUALIFIERS


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,400", 1400),
        ("1400", 1400),
        ("1.4 thousand", 1400),
        ("0.2", 0.2),
        ("1.6 million", 1_600_000),
        ("9 million", 9_000_000),
        ("a thousand", 1000),
        ("an hundred", 100),
        ("twenty", 20),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("two thousand five hundred", 2500),
        ("two dozen", 24),
        ("3bn", 3_000_000_000),
        ("1.6m", 1_600_000),
        ("10k", 10_000),
        ("eight", 8),
    ],
)
def test_numbers_parse_number(text, value):
    assert nb.parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "companies", "7th", "1.400.000", "two 3", "k", "a", "1,40"])
def test_numbers_parse_number_rejects(text):
    assert nb.parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tens of thousands", (10_000, 100_000)),
        ("Tens of thousands", (10_000, 100_000)),
        ("hundreds of thousands", (100_000, 1_000_000)),
        ("hundreds", (200, 1000)),
        ("dozens", (24, 100)),
        ("several hundred", (300, 1000)),
        ("a thousand", None),
    ],
)
def test_numbers_vague_range(text, expected):
    assert nb.vague_range(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,400", (1400, None)),
        ("1.4 thousand", (1400, None)),
        ("38%", (0.38, "%")),
        ("0.2%", (0.002, "%")),
        ("38 percent", (0.38, "%")),
        ("$415", (415, "USD")),
        ("415 dollars", (415, "USD")),
        ("€2 million", (2_000_000, "EUR")),
        ("one in two", (0.5, "ratio")),
        ("one out of two", (0.5, "ratio")),
        ("a third", (1 / 3, "ratio")),
        ("two-thirds", (2 / 3, "ratio")),
        ("nonsense", None),
    ],
)
def test_numbers_parse_value(text, expected):
    got = nb.parse_value(text)
    if expected is None:
        assert got is None
    else:
        assert got[0] == pytest.approx(expected[0]) and got[1] == expected[1]


@pytest.mark.parametrize(
    ("text", "share"), [("half", 0.5), ("a third", 1 / 3), ("two-thirds", 2 / 3), ("three quarters", 0.75),
                        ("third", None), ("twenty", None)],
)
def test_numbers_parse_fraction(text, share):
    assert nb.parse_fraction(text) == (None if share is None else pytest.approx(share))


@pytest.mark.parametrize("word", ["half", "third", "quarter"])
def test_numbers_fractions_are_not_cardinals(word):
    assert nb.parse_number(word) is None and not nb.is_number_word(word)


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ((1400,), "1,400"),
        ((0.38, "%"), "38%"),
        ((0.5, "ratio"), "50%"),
        ((415, "USD", 1040), "415–1,040 USD"),
        ((1.6e6,), "1,600,000"),
        ((2.5,), "2.5"),
    ],
)
def test_numbers_format_value(args, text):
    assert nb.format_value(*args) == text


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("nearly", "approx"), ("about", "approx"), ("roughly", "approx"), ("around", "approx"),
        ("some", "approx"), ("more than", "over"), ("over", "over"), ("above", "over"),
        ("greater than", "over"), ("less than", "under"), ("fewer than", "under"), ("below", "under"),
        ("at least", "at_least"), ("up to", "at_most"), ("at most", "at_most"),
    ],
)
def test_numbers_qualifier_lexicon(phrase, qualifier):
    table = {" ".join(p): q for p, q, pos in nb.qualifiers() if pos == "before"}
    assert table[phrase] == qualifier


def test_numbers_qualifier_lexicon_uses_known_qualifiers():
    assert {q for _p, q, _pos in nb.qualifiers()} <= set(QUALIFIERS)


def test_numbers_qualifiers_longest_first():
    lengths = [len(p) for p, _q, _pos in nb.qualifiers()]
    assert lengths == sorted(lengths, reverse=True)


def test_numbers_context_unknown_section_names_the_valid_ones():
    with pytest.raises(KeyError, match="time_units"):
        nb.context("no_such_section")


# --- issue 11: glued tokens, units, currencies ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("PS21,700", ("PS", 1.0, "21,700", "")), ("Y=5,182", ("Y=", 1.0, "5,182", "")),
        ("USD10m", ("USD", 1.0, "10", "m")), ("50mph", ("", 1.0, "50", "mph")), ("-1.6", ("", -1.0, "1.6", "")),
        ("+0.2", ("", 1.0, "0.2", "")), ("minus-1.4", ("minus", -1.0, "1.4", "")), ("1.38pc", ("", 1.0, "1.38", "pc")),
    ],
)
def test_numbers_split_glued(text, parts):
    g = nb.split_glued(text)
    assert (g.prefix, g.sign, g.number, g.suffix) == parts


@pytest.mark.parametrize("text", ["abc", "", "1" * 400, "$"])
def test_numbers_split_glued_rejects(text):
    assert nb.split_glued(text) is None


@pytest.mark.parametrize(("text", "value"), [("1⁄32", 1 / 32), ("3/4", 0.75), ("24/7", None), ("0/5", None)])
def test_numbers_fraction(text, value):
    assert nb.fraction(text) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize(
    ("surface", "glued", "unit", "code"),
    [
        ("mph", False, "mile_per_hour", "HM"), ("miles", False, "mile", "SMI"),
        ("km", False, "kilometer", "KMT"), ("tonnes", False, "metric_ton", "TNE"),
        ("barrels", False, "barrel", "BLL"), ("kilos", False, "kilogram", "KGM"),
        ("sq ft", False, "square_foot", "FTK"), ("kg", True, "kilogram", "KGM"),
        ("kWh", True, "kilowatt_hour", "KWH"), ("km/h", False, "kilometer_per_hour", "KMH"),
        ("GB", True, "gigabyte", "E34"), ("m2", True, "square_meter", "MTK"), ("g", True, "gram", "GRM"),
    ],
)
def test_numbers_measure_unit_from_pint(surface, glued, unit, code):
    assert nb.measure_unit(surface, glued) == unit
    assert nb.unit_code(unit) == code


@pytest.mark.parametrize("surface", ["points", "people", "units", "m", "g", "bars", "a", "in", "million"])
def test_numbers_measure_unit_leaves_plain_words(surface):
    assert nb.measure_unit(surface) is None


@pytest.mark.parametrize(
    ("surface", "code"),
    [("$", "USD"), ("US$", "USD"), ("HK$", "HKD"), ("hk $", "HKD"), ("C$", "CAD"), ("PS", "GBP"), ("Y=", "JPY"),
     ("dlrs", "USD"), ("stg", "GBP"), ("yen", "JPY"), ("rupees", "INR"), ("€", "EUR"), ("pct", None)],
)
def test_numbers_currency_code_iso_4217(surface, code):
    assert nb.currency_code(surface) == code


def test_numbers_percent_convention():
    assert nb.unit_code("%") == "P1"
    assert nb.parse_value("38%") == (pytest.approx(0.38), "%")


@pytest.mark.parametrize(("text", "value"), [("17 mln", 17e6), ("1.5 bn", 1.5e9), ("3 bln", 3e9)])
def test_numbers_spaced_scale_suffix(text, value):
    assert nb.parse_number(text) == pytest.approx(value)


def test_numbers_overflow_is_no_value():
    assert nb.parse_number("9" * 400) is None
    assert nb.parse_value("9" * 400) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42–48", ("", 42.0, 48.0, "")),
        ("∼1.5–3", ("∼", 1.5, 3.0, "")),
        ("10–15%", ("", 10.0, 15.0, "%")),
        ("3–1", None),  # a score: the first value is not below the second
        ("42-48", None),  # spaCy splits a hyphen; only dashes stay in one token
        ("A–B", None),
    ],
)
def test_numbers_split_range(text, expected):
    assert nb.split_range(text) == expected


@pytest.mark.parametrize(
    ("words", "code"),
    [(("danish", "kroner"), "DKK"), (("brazilian", "reals"), "BRL"), (("uae", "dirhams"), "AED"),
     (("danish", "crowns"), "DKK"), (("swiss", "francs"), "CHF")],
)
def test_numbers_currency_names_from_cldr_and_the_rule_file(words, code):
    assert (words, code) in {(surface, unit) for surface, unit, _pos in nb.units()}


def test_numbers_one_word_cldr_names_are_not_taken():
    # "rand" and "won" are hand-listed with a note; CLDR's one-word names would catch common words
    from kg.extract.numbers.parse import currency_names

    names = dict(currency_names())
    assert names["danish kroner"] == "DKK"
    assert all(len(name.split()) >= 2 for name in names)


@pytest.mark.parametrize(
    ("surface", "unit"),
    [("mths", "month"), ("yrs", "year"), ("GWh", "gigawatt_hour"), ("GiB", "gibibyte"), ("Ma", "megayear"),
     ("Kia", None), ("kR", None)],  # a prefix goes with an SI-like unit only: no kibi-years
)
def test_numbers_prefixed_units(surface, unit):
    assert nb.measure_unit(surface, glued=True) == unit

"""What a number measures when its clause names it only indirectly ("it"/"they" for a thing named before, a
"be" the parse does not attach the number to), counts hyphenated onto a noun, ages after "be", and counted
phrases without the words of other amounts."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.quantities import extract_quantities
from kg.records import Document


def _claims(nlp, text):
    doc = nlp(text)
    document = Document(id="t", text=text, source_path="t.txt", content_hash="x")
    return list(extract_quantities(doc, (), extract_entities(doc), document))


def _one(nlp, text, surface):
    found = [c for c in _claims(nlp, text) if c.text == surface]
    assert len(found) == 1, [(c.text, c.counts) for c in _claims(nlp, text)]
    return found[0]


# sentence, surface, head lemma of what is counted (None: nothing the text names)
PRONOUNS = [
    # "they"/"it" as the subject of the amount's clause: the thing of the same number named before it
    ("Shares of Acme jumped on Monday and they were up 6 pct by the close.", "6 pct", "share"),
    ("The bonds rallied after the vote. They yielded 4.2 pct on Friday.", "4.2 pct", "bond"),
    # coordinated clauses: "it" is the subject of the clause it is coordinated with
    ("Traders expect the euro to climb to $1.20 in spring and it could fall back to $1.05 later.", "$1.05", "euro"),
    # the subject of a clause that holds the pronoun's clause speaks or acts; it is not what costs
    ("The garage says it will cost owners about $900 to fix the brakes.", "about $900", None),
    # a person is never what an amount measures
    ("Lena Ortiz sold the farm and she earned $2 million from it.", "$2 million", None),
]


@pytest.mark.parametrize(("text", "surface", "head"), PRONOUNS)
def test_subjects_it_and_they_stand_for_the_thing_named_before(nlp, text, surface, head):
    assert _one(nlp, text, surface).counts_head == head


def test_subjects_be_right_before_a_number_gives_its_subject(nlp):
    # the small model attaches the bare number to the next verb; the "is" before it still has the subject
    c = _one(nlp, "The median waiting time for a hip operation in the county is around 140 leaving many in pain.",
             "around 140")
    assert c.counts_head == "time"
    assert _one(nlp, "The toll is 41.", "41").counts_head == "toll"


@pytest.mark.parametrize("text", [
    "He will be 35 by the end of the year.",
    "Maria Lopez is 61 and still runs marathons.",
    "He was 35 when he founded the company.",
])
def test_subjects_age_after_be_with_a_person_subject_is_left_out(nlp, text):
    assert _claims(nlp, text) == []


@pytest.mark.parametrize(("text", "surface", "head"), [
    ("She was 12 points ahead in the poll.", "12", "point"),
    ("The turnout was 61 percent in the north.", "61 percent", "turnout"),
])
def test_subjects_be_with_a_counted_noun_or_unit_is_no_age(nlp, text, surface, head):
    assert _one(nlp, text, surface).counts_head == head


@pytest.mark.parametrize(("text", "surface", "head"), [
    # a plural model name holds digits but is what is counted
    ("The carrier took delivery of 40 Boeing 737s last year.", "40", "737s"),
    ("Volta shipped 12,400 Model Ys and 3,100 Model 9s in May.", "3,100", "9s"),
    # coordinated adjectives the parse takes for the head: the noun is their conjunct
    ("Nearly half of the combined 2.6M digital and physical sales of The Long Road came from stores.", "2.6M",
     "sale"),
])
def test_subjects_model_plurals_and_coordinated_adjectives_are_counted(nlp, text, surface, head):
    assert _one(nlp, text, surface).counts_head == head


# sentence, surface, counts, head: a count hyphenated onto the noun it counts
HYPHEN_COUNTS = [
    ("The council named a 10-member panel to review the plan.", "10", "member panel", "member"),
    ("The car has a six-cylinder engine.", "six", "cylinder engine", "cylinder"),
    ("A three-judge panel heard the appeal.", "three", "judge panel", "judge"),
    # suspended hyphens: each number waits for the noun of the last one
    ("They offer four-, five- and eight-seat versions of the van.", "four-", "seat versions of van", "seat"),
    ("They offer four-, five- and eight-seat versions of the van.", "five-", "seat versions of van", "seat"),
    ("They offer four-, five- and eight-seat versions of the van.", "eight", "seat versions of van", "seat"),
    ("Dealers sell two- and three-bedroom flats.", "two-", "bedroom flats", "bedroom"),
    ("Dealers sell two- and three-bedroom flats.", "three", "bedroom flats", "bedroom"),
]


@pytest.mark.parametrize(("text", "surface", "counts", "head"), HYPHEN_COUNTS)
def test_subjects_count_hyphenated_onto_a_noun(nlp, text, surface, counts, head):
    c = _one(nlp, text, surface)
    assert (c.value_max, c.unit, c.counts, c.counts_head) == (None, None, counts, head)


@pytest.mark.parametrize("text", [
    "It was a one-off payment.",  # idioms, ratings and multipliers (`[hyphen_not_counted]`)
    "The two-time champion spoke first.",
    "They stayed at a four-star hotel.",
    "He faced a one-on-one interview.",  # a longer chain
    "Voters chose a two-way split.",
    "Prices rose 5- or 6-fold.",  # suspended hyphens before a multiplier
])
def test_subjects_hyphenated_idioms_count_nothing(nlp, text):
    assert _claims(nlp, text) == []


def test_subjects_hyphenated_unit_is_still_a_measure(nlp):
    c = _one(nlp, "Acme signed a three-year deal.", "three-year")
    assert (c.unit, c.counts_head) == ("year", "deal")


@pytest.mark.parametrize(("text", "surface", "value", "unit", "head"), [
    # a currency word hyphenated onto the amount makes it money (wire copy's "mln-dlr")
    ("Acme arranged a 750 mln-dlr bridge loan.", "750 mln-dlr", 7.5e8, "USD", "loan"),
    ("It issued 50-cent shares.", "50-cent", 0.5, "USD", "share"),
    ("The fund is a 2-billion-euro vehicle.", "2-billion-euro", 2e9, "EUR", "vehicle"),
])
def test_subjects_currency_hyphenated_onto_an_amount(nlp, text, surface, value, unit, head):
    c = _one(nlp, text, surface)
    assert (c.value, c.unit, c.counts_head) == (pytest.approx(value), unit, head)


def test_subjects_zero_hyphenated_is_a_kind_of_thing(nlp):
    assert _claims(nlp, "The bank sold zero-coupon bonds.") == []


@pytest.mark.parametrize(("text", "surface", "value", "counts"), [
    # a spaced wire scale word after a number word
    ("Acme issued four mln 25-cent shares.", "four mln", 4e6, "shares"),
    # another amount's words are not part of the counted phrase; a length of time is ("nine month profits")
    ("Acme issued four mln 25-cent shares.", "25-cent", 0.25, "shares"),
    ("Larkspur Mills said nine month profits declined slightly to 41.5 mln dlrs.", "41.5 mln dlrs", 4.15e7,
     "nine month profits"),
    # "issue" as a verb is no identifier label ("issue 176")
    ("The bank will issue 2.18 mln new shares.", "2.18 mln", 2.18e6, "new shares"),
])
def test_subjects_counted_phrase_without_other_amounts(nlp, text, surface, value, counts):
    c = _one(nlp, text, surface)
    assert (c.value, c.counts) == (pytest.approx(value), counts)


def test_subjects_issue_as_a_label_is_still_an_identifier(nlp):
    assert _claims(nlp, "See issue 176 of the journal.") == []


# a price list of London copy: pence spaced after a price move or level, each figure with its company
PENCE = [
    ("Leading the risers were Halden Foods, up 12 p at 340 p, and Corvo Mining, up 3.5 p at 61 p.",
     [("12 p", 0.12, "Halden Foods", "up"), ("340 p", 3.4, "Halden Foods", None),
      ("3.5 p", 0.035, "Corvo Mining", "up"), ("61 p.", 0.61, "Corvo Mining", None)]),
    ("The shares rose 4 p to 90 p.", [("4 p", 0.04, "shares", "up"), ("90 p.", 0.9, "shares", None)]),
]


@pytest.mark.parametrize(("text", "expected"), PENCE)
def test_subjects_spaced_pence_in_a_price_list(nlp, text, expected):
    got = [(c.text, round(c.value, 6), c.counts, c.change) for c in _claims(nlp, text) if c.unit == "GBP"]
    assert got == expected


def test_subjects_spaced_p_elsewhere_is_no_money(nlp):
    assert all(c.unit is None for c in _claims(nlp, "See 5 p for details."))


@pytest.mark.parametrize(("text", "surface", "head"), [
    # "which" never stands for a person: the thing the person phrase hangs on
    ("Shareholders rejected a bonus for the finance director, Tom Hale, which was worth up to $3 million.",
     "up to $3 million", "bonus"),
    # a change verb tagged as a noun, its subject tagged as a compound
    ("The Paris bourse increased by 2 percent but Ibex decrease by 1.", "1", "ibex"),
])
def test_subjects_which_and_misparsed_change_verbs(nlp, text, surface, head):
    assert _one(nlp, text, surface).counts_head == head


def test_subjects_bracketed_conversion_glued_to_its_extent_adjective(nlp):
    # the tokenizer keeps "82ft)-long" as one token: the conversion is read and measures the same skeleton
    got = {c.unit: (c.value, c.counts_head) for c in _claims(nlp, "The museum shows the 25m (82ft)-long skeleton.")}
    assert got == {"meter": (25.0, "skeleton"), "foot": (82.0, "skeleton")}

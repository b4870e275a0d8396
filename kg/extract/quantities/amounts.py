"""Reading one amount at a token: the cardinal (digits, number words, spaced or glued scale words), the currency
or unit written before or after it, "per" rates, sub-units (cents), vague amounts and fractions. scan.py puts the
amounts together into numbers, ranges and ratios."""

from __future__ import annotations

import math
import re
from functools import cache

from spacy.tokens import Doc

from kg.extract import numbers as nb
from kg.extract.quantities.tokens import _TIME_CODES, _glued, _low, _lows, _match

_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th", "s", "am", "pm", "a.m.", "p.m.", "'s", "x"}


def _core(doc: Doc, i: int) -> tuple[int, float] | None:
    """The longest cardinal starting at token i: (end, value)."""
    if not 0 <= i < len(doc):
        return None  # a text that ends in "$" or "one in"
    scaled = _fraction_of_scale(doc, i)
    if scaled is not None:
        return scaled
    tok = doc[i]
    if nb.is_digits(tok.text) or nb.is_number_word(tok.text):
        j = i + 1
    elif tok.lower_ in ("a", "an") and i + 1 < len(doc) and nb.is_scale_word(doc[i + 1].text):
        j = i + 2
    else:
        return None
    while j < len(doc):
        t = doc[j]
        if j == i + 1 and _glued(doc, j) and nb.is_digits(tok.text) and \
                nb.is_number_word(tok.text + (t.text.rstrip(".") or t.text)) and \
                not (t.lower_ == "m" and _metres(doc, i, j + 1)):
            j += 1  # "2.3" "m": spaCy splits the scale suffix off "€2.3m" (and "m." at a sentence end)
        elif j == i + 1 and (nb.is_digits(tok.text) or nb.is_number_word(tok.text)) and _spaced_suffix(t.text):
            j += 1  # "17 mln dlrs", "1.5 bn", "seven mln shares": wire copy spaces the abbreviated scale word
        elif nb.is_number_word(t.text) and not nb.is_digits(t.text):
            j += 1
        elif (t.text in ("-", "–") and _glued(doc, j) and j + 1 < len(doc) and _glued(doc, j + 1)
              and nb.is_number_word(doc[j + 1].text) and not nb.is_digits(doc[j + 1].text)):
            j += 2  # "twenty-five"
        elif t.lower_ == "and" and j + 1 < len(doc) and nb.is_scale_word(doc[j - 1].text) \
                and nb.is_number_word(doc[j + 1].text) and not nb.is_digits(doc[j + 1].text):
            j += 2  # "one hundred and twenty"
        else:
            break
    and_a = _and_a_fraction(doc, i, j)
    if and_a is not None:
        return and_a
    while j > i:
        text = doc[i:j].text
        value = nb.parse_number(text[:-1] if j > i + 1 and text.endswith(".") else text)
        if value is not None:
            return j, value
        j -= 1
    return None


def _fraction_of_scale(doc: Doc, i: int) -> tuple[int, float] | None:
    """A share of a scale word at token i is one number: 'half a million' → 500,000, 'a quarter of a billion',
    'three quarters of a million', 'half a dozen' → 6 (read as a share of what follows, it was 'a million')."""
    for k in (i, i + 1, i + 2):
        if k >= len(doc) or not nb.is_fraction_word(doc[k].text):
            continue
        if k > i and not all(t.lower_ in ("a", "an") or nb.is_number_word(t.text) for t in doc[i:k]):
            return None  # only "a quarter", "three quarters": not a paragraph break or a qualifier before them
        share = nb.parse_fraction(doc[i:k + 1].text)
        if share is None:
            return None
        j = k + 2 if _low(doc, k + 1) == "of" else k + 1
        if _low(doc, j) in ("a", "an") and j + 1 < len(doc) and nb.is_scale_word(doc[j + 1].text):
            return j + 2, share * nb.words()[doc[j + 1].lower_][0]
        return None
    return None


def _and_a_fraction(doc: Doc, i: int, j: int) -> tuple[int, float] | None:
    """A cardinal doc[i:j] going on with 'and a half' / 'and a quarter', a scale word after it multiplying
    the whole: 'two and a half million' → 2,500,000, 'four and a half years' → 4.5."""
    if not (_low(doc, j) == "and" and _low(doc, j + 1) in ("a", "an") and j + 2 < len(doc)
            and nb.is_fraction_word(doc[j + 2].text) and not nb.is_scale_word(doc[j - 1].text)):
        return None
    base, share = nb.parse_number(doc[i:j].text), nb.parse_fraction(doc[j + 1:j + 3].text)
    if base is None or share is None:
        return None
    end, value = j + 3, base + share
    if end < len(doc) and nb.is_scale_word(doc[end].text):
        end, value = end + 1, value * nb.words()[doc[end].lower_][0]
    return end, value


_IMPERIAL_LENGTH = re.compile(r"^\d[\d.,]*(?:ft|feet|foot|in|inches|yd|yards|mi|miles)\b", re.I)


def _metres(doc: Doc, i: int, k: int) -> bool:
    """An "m" written onto the number at i, with k the token after it, is metres when no currency is written
    before the number and a length follows: a dimension adjective ("330m tall", "a 12m-high wall",
    `[dimension_adjectives]`) or the same length in feet in brackets ("25m (82ft)")."""
    if _unit_before(doc, i) is not None or (i > 0 and nb.currency_code(doc[i - 1].text) is not None):
        return False
    dims = nb.context("dimension_adjectives")
    if _low(doc, k) in dims or (_low(doc, k) in ("-", "–") and _low(doc, k + 1) in dims):
        return True
    if _low(doc, k) == "(" and k + 1 < len(doc):
        after = doc[k + 1].text + (doc[k + 2].text if k + 2 < len(doc) else "")
        return bool(_IMPERIAL_LENGTH.match(after))
    return False


def _spaced_suffix(text: str) -> bool:
    low = text.lower().rstrip(".")
    return len(low) >= 2 and nb.words().get(low, (0, ""))[1] == "suffix"


@cache
def _vague_by_first_word() -> dict[str, tuple]:
    """``nb.vague()`` grouped by first word, in its order: at token i only the phrases starting with that
    token's word can match, so ``_vague_at`` tries those instead of every phrase at every token (a phrase
    has at least one word: rule rows are non-empty lines)."""
    out: dict[str, list] = {}
    for row in nb.vague():
        out.setdefault(row[0][0], []).append(row)
    return {k: tuple(v) for k, v in out.items()}


def _vague_at(doc: Doc, i: int) -> tuple[int, float, float] | None:
    lows = _lows(doc)
    if not 0 <= i < len(lows):
        return None
    for phrase, low, high in _vague_by_first_word().get(lows[i], ()):
        if _match(doc, i, phrase):
            if phrase[-1] in nb.context("vague_needs_of") and _low(doc, i + len(phrase)) != "of":
                continue  # "test scores ranged ...": a plain noun, not "scores of people"
            return i + len(phrase), low, high
    return None


def _fraction_at(doc: Doc, i: int) -> tuple[int, float] | None:
    """'half of', 'a third of', 'two-thirds of' at token i: (end before "of", share); a bare "half" where it
    is a share too (``_bare_half``)."""
    if doc[i].is_space or _fraction_of_scale(doc, i) is not None:
        return None  # a paragraph break is no part of it; "half a million", "a quarter of a billion": an amount (_core)
    for end in (i + 1, i + 2, i + 3):
        if end >= len(doc) or _low(doc, end) != "of" or not nb.is_fraction_word(doc[end - 1].text):
            continue
        share = nb.parse_fraction(doc[i:end].text)
        if share is not None:
            return end, share
    if _bare_half(doc, i):
        return i + 1, 0.5
    return None


# "half" with no "of" is a share before a determiner or a possessive ("half the world's population", "half
# its staff", "half Acme's stores") ...
_HALF_DETERMINERS = frozenset("the its their his her our my your all those these this that".split())
# ... as the size of a change ("cut by half"), or on its own after a word of approximation ("about half
# said they would stay", "more than half"); not "half an hour", "half-pregnant", "half a dozen" (a number)
_HALF_APPROX = frozenset("about nearly almost roughly around over under only just than".split())


def _bare_half(doc: Doc, i: int) -> bool:
    if _low(doc, i) != "half" or i + 1 >= len(doc) or doc[i + 1].text in ("-", "–"):
        return False
    nxt = doc[i + 1]
    if nxt.lower_ in _HALF_DETERMINERS:
        return True
    if nxt.pos_ == "PROPN" and i + 2 < len(doc) and doc[i + 2].tag_ == "POS":
        return True  # "half Acme's stores"
    if _low(doc, i - 1) == "by":
        return True
    return _low(doc, i - 1) in _HALF_APPROX and nxt.lower_ not in ("a", "an") \
        and nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")


def _unit_before(doc: Doc, i: int) -> tuple[int, str] | None:
    for surface, unit in nb.units_by_word("before").get(_low(doc, i - 1), ()):
        if _match(doc, i - len(surface), surface):
            return i - len(surface), unit
    return None


def _unit_after(doc: Doc, j: int) -> tuple[int, str] | None:
    """A currency, percent or unit of measure right after the number at j: (end, unit)."""
    for surface, unit in nb.units_by_word("after").get(_low(doc, j), ()):
        if _match(doc, j, surface):
            if unit == "GBP" and surface[-1] in ("pound", "pounds") and not _pound_money(doc, j, j + len(surface)):
                break  # "310 pound-feet", "weighed 161 pounds": pint reads the unit of measure below
            return j + len(surface), unit
    for n in (3, 2, 1):  # "miles per hour", "sq ft", "tonnes"
        if j + n <= len(doc) and all(not doc[k].is_punct or doc[k].text in "/.-" for k in range(j, j + n)):
            # a one-letter symbol counts when it is written onto the number ("~45" "g" as spaCy splits "~45g")
            glued = n == 1 and _glued(doc, j) and _low(doc, j) not in nb.context("time_words")  # not "5am"
            unit = nb.measure_unit(doc[j : j + n].text, glued=glued)
            if unit is not None:
                return j + n, unit
    return None


def _pound_money(doc: Doc, j: int, end: int) -> bool:
    """"pound(s)" at j..end is money unless it is a unit of force or torque glued on by a hyphen ("275
    pound-feet", "a 30 pound-force pull") or a weight: no scale word before it ("10 million pounds" is money)
    and a word of weighing, body or fitness in its sentence ("he weighs 161 pounds", "she lost 30 pounds on
    the new diet"; `[weight_cues]`)."""
    if end < len(doc) and doc[end].text in ("-", "–") and _glued(doc, end):
        return False
    if j > 0 and nb.is_scale_word(doc[j - 1].text) and not nb.is_digits(doc[j - 1].text):
        return True
    cues = nb.context("weight_cues")
    return not any(t.lower_ in cues or t.lemma_.lower() in cues for t in doc[j].sent)


def _per(doc: Doc, j: int, unit: str | None) -> tuple[int, str] | None:
    """"$2.11 per gallon", "$1,271 an ounce": the amount is a rate per unit of measure."""
    if unit is None or _low(doc, j) not in ("per", "a", "an") or j + 1 >= len(doc):
        return None
    for n in (2, 1):
        if j + 1 + n <= len(doc):
            per = nb.measure_unit(doc[j + 1 : j + 1 + n].text)
            if per is not None and (_low(doc, j) == "per" or nb.unit_code(per) not in _TIME_CODES):
                return j + 1 + n, f"{unit}_per_{per}"
    return None


def _subunit(value: float, unit: str | None) -> tuple[float, str | None]:
    """'USD/100' (cents) → the amount in dollars."""
    if unit and "/" in unit and unit.split("/")[1].isdigit():
        base, div = unit.split("/")
        return value / float(div), base
    return value, unit


def _currency_prefix(doc: Doc, i: int, prefix: str) -> tuple[int, str] | None:
    """The currency written onto the digits of token i ("PS", "US", "HK$"), with glued tokens before it
    ("$" + "US55,931,000"): (start, ISO code)."""
    start, text = i, prefix
    for back in (1, 2):
        k = i - back
        if k < 0 or not _glued(doc, k + 1) and not (back == 2 and doc[k].text.lower() in ("hk", "us", "c", "a")):
            break
        if nb.currency_code(doc[k].text + text) is not None:
            start, text = k, doc[k].text + text
        else:
            break
    if not prefix and start == i:
        return None
    code = nb.currency_code(text)
    return (start, code) if code is not None else None


def _glued_amount(doc: Doc, i: int) -> tuple[int, int, float, str | None, set[int]] | None:
    """An amount written in one token with a prefix or suffix: "PS21,700", "Y=5,182", "USD10m", "50mph",
    "1.38pc", "-1.6", "minus-1.4", "118.5p"."""
    if not 0 <= i < len(doc):
        return None
    g = nb.split_glued(_before_extent(doc[i].text))
    if g is None or (not g.prefix and not g.suffix and g.sign > 0 and not doc[i].text.startswith("+")):
        return None
    sign = g.sign
    start, unit = i, None
    prefix = "" if g.prefix in nb.SIGN_QUALIFIERS else g.prefix  # "∼56": the caller reads the qualifier
    if prefix.lower() == "sub" and sign < 0:
        prefix, sign = "", 1.0  # "sub-7 nanometer chips", "sub-$1,000 phones": the caller reads "under"
    if prefix.lower() in ("minus", "minus-"):
        sign, prefix = -1.0, ""
    if prefix:
        found = _currency_prefix(doc, i, prefix)
        if found is None:
            return None
        start, unit = found
        if prefix.lower() in ("ps", "rm", "rs", "y=") and "," not in g.number and "." not in g.number \
                and len(g.number) < 2 and not g.suffix:
            return None  # "PS4" is a games console, not four pounds
    elif _unit_before(doc, i) is not None:
        start, unit = _unit_before(doc, i)  # "$" "-50.8bn"
    value = float(g.number.replace(",", ""))
    suffix, end = g.suffix, i + 1
    if suffix.lower() == "m" and unit is None and _metres(doc, i, end):
        unit, suffix = nb.measure_unit("m", glued=True), ""  # "a 12m-long whale": metres, not millions
    elif suffix and nb.words().get(suffix.lower(), (0, ""))[1] == "suffix":
        value *= nb.words()[suffix.lower()][0]
        suffix = ""
    elif not suffix and end < len(doc) and _glued(doc, end) and \
            nb.words().get(_low(doc, end).rstrip("."), (0, ""))[1] == "suffix":
        value *= nb.words()[_low(doc, end).rstrip(".")][0]  # "HK$5.4" "m", "PS2.7" "m." at a sentence end
        end += 1
    if suffix.lower() in _ORDINAL_SUFFIXES:
        return None  # "3rd", "176th", "1990s", "10am"
    if suffix:
        low = suffix.lower()
        rows = {" ".join(surface): u for surface, u, pos in nb.units() if pos in ("after", "glued")}
        if low in rows and unit is None:
            unit = rows[low]
        elif unit is None and nb.measure_unit(suffix, glued=True) is not None:
            unit = nb.measure_unit(suffix, glued=True)
            if _low(doc, end) == "/" and _glued(doc, end) and _glued(doc, end + 1) and end + 1 < len(doc):
                per = nb.measure_unit(doc[end + 1].text, glued=True)
                if per is not None:  # "100km/hr"
                    unit, end = f"{unit}_per_{per}", end + 2
        else:
            return None  # "a78294", "15x"
    else:
        while end < len(doc) and nb.is_scale_word(doc[end].text) and not nb.is_digits(doc[end].text):
            value *= nb.words()[_low(doc, end)][0]  # "$5.4 million"
            end += 1
    value = sign * value
    if not math.isfinite(value):
        return None
    if unit is None or unit == "%" or not unit.isupper():
        after = _unit_after(doc, end) if unit is None else None
        if after is not None:
            end, unit = after
    per = _per(doc, end, unit)
    if per is not None:
        end, unit = per
    end = _country_after(doc, end, unit)
    value, unit = _subunit(value, unit)
    if unit == "%":
        value = value / 100.0
    return start, end, value, unit, set(range(start, end))


def _before_extent(text: str) -> str:
    """"82ft" of "82ft)-long": the tokenizer keeps a bracketed conversion glued to the adjective of extent
    after it ("a 25m (82ft)-long skeleton")."""
    head, sep, tail = text.partition(")")
    if sep and tail[:1] in "-–" and tail[1:].lower() in nb.context("dimension_adjectives"):
        return head
    return text


def _country_after(doc: Doc, end: int, unit: str | None) -> int:
    """"$12.40 US", "$5 million U.S.": the country written after a dollar amount is part of its currency."""
    if unit == "USD" and _low(doc, end) in ("us", "u.s.", "u.s") and doc[end].text[:1] == "U":
        return end + 1
    return end


def _spaced_pence(doc: Doc, i: int, j: int) -> bool:
    """A "p" spaced after a number is pence in a price move or level ("down 68 p at 1112 p", "rose 4 p to
    90 p"): a change word or "at"/"to"/"from" right before the number; elsewhere it is too often something else."""
    if _low(doc, j) not in ("p", "p.") or j == i or not doc[j - 1].whitespace_:
        return False
    before = _low(doc, i - 1)
    return before in ("at", "to", "from", "by") or before in nb.context("change_up") | nb.context("change_down") \
        or (i > 0 and doc[i - 1].lemma_.lower() in nb.context("change_up") | nb.context("change_down"))


def _age_after(doc: Doc, j: int) -> tuple[int, str] | None:
    """An age written with its unit: "a 50-year-old man", "an 18-month-old girl", "400 million year-old
    rock", "the bridge is 120 years old": (end after "old", the time unit)."""
    k = j + 1 if _low(doc, j) in ("-", "–") and _glued(doc, j) else j
    if k >= len(doc) or _low(doc, k) not in nb.context("time_units"):
        return None
    unit = nb.measure_unit(doc[k].text)
    k += 1
    if _low(doc, k) in ("-", "–"):
        k += 1
    return (k + 1, unit) if unit is not None and _low(doc, k) == "old" else None


def _hyphen_unit(doc: Doc, end: int) -> tuple[int, str] | None:
    """"a 6.1-inch display", "a five-year journey": a unit hyphenated onto the number."""
    if end + 1 < len(doc) and doc[end].text in ("-", "–") and _glued(doc, end) and _glued(doc, end + 1):
        # a currency word: "a 500 mln-dlr loan", "50-cent shares", "a 2-billion-euro fund"
        low = _low(doc, end + 1)  # (the plural's row serves the singular: "a 100-franc share", "francs")
        rows = nb.units_by_word("after").get(low, ()) or nb.units_by_word("after").get(low + "s", ())
        money = next((u for surface, u in rows if len(surface) == 1 and u not in ("%", "GBP")), None)
        if money is not None:
            return end + 2, money
        unit = nb.measure_unit(doc[end + 1].text)
        if unit is not None and not (end + 2 < len(doc) and doc[end + 2].text in ("-", "–") and _glued(doc, end + 2)):
            return end + 2, unit  # but not "50 year-old": an age
    return None


def _amount(doc: Doc, i: int) -> tuple[int, int, float, str | None, set[int]] | None:
    """A cardinal at i with its units: (start, end, value, unit, core tokens)."""
    glued = _glued_amount(doc, i)
    if glued is not None:
        return glued
    start = i
    unit = None
    before = _unit_before(doc, i)
    if before is not None:
        start, unit = before
    core = _core(doc, i)
    if core is None:
        return None
    end, value = core
    if not math.isfinite(value):
        return None
    after = _age_after(doc, end) if unit is None else None
    if after is None:
        after = _unit_after(doc, end)
    if after is None and unit is None and _spaced_pence(doc, start, end):
        after = end + 1, "GBP/100"
    if after is not None and (unit is None or after[1] == unit):
        end, unit = after[0], after[1]
    elif unit is None:
        hyphen = _hyphen_unit(doc, end)
        if hyphen is not None:
            end, unit = hyphen
    per = _per(doc, end, unit)
    if per is not None:
        end, unit = per
    end = _country_after(doc, end, unit)
    if _low(doc, start - 1) == "minus":
        start, value = start - 1, -value
    value, unit = _subunit(value, unit)
    if unit == "%":
        value = value / 100.0
    return start, end, value, unit, set(range(start, end))

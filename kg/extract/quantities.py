"""Numeric claims: every number in the text with what it counts, its qualifier and who asserted it.

spaCy's small model misses and mislabels many numbers ("one in two" as two CARDINALs, "1.6 million" as
QUANTITY, "Tens of thousands" glued to "the"), so numbers are found by token patterns over the lexicons in
``rules/`` (``kg.extract.numbers``); spaCy's entities are only used to leave out dates, times and names.
For each number:

- **what is counted** comes from the dependency parse: the noun the number modifies ("1,400 companies"),
  the noun after a partitive "of" ("one in two of the ... companies", "eight of the banks"), the noun a
  number is "of" ("a workforce of 9 million"), the subject of a change verb ("the number of firms rose by
  4,000"), else the counted noun of the previous number in the sentence ("..., while another 56 ...");
- **the predicate** is the verb phrase the counted phrase is subject/object of, or its relative clause;
  place and time scope are the GPE/LOC and DATE phrases attached to that verb;
- **who asserted it**: the speaker of the quote whose span holds the number, else "according to X",
  else the subject of a speech verb governing the number ("he stated that ..."), else a source named in
  the phrase ("A U.S. Treasury list of at least 18 countries"), else None (the publisher).

Left out, by rule: dates, years, clock times, durations and stay rules ("10 years in prison", "90 out of
180 days"), ordinals, identifiers ("page 5", "issue 176", "Su-27", URLs), ages, the word "one" used as an
article ("one district hospital"), hyphenated modifiers ("one-room flats") and boilerplate sentences.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract import numbers as nb
from kg.extract.entities import DocEntities, clean_name
from kg.extract.text import doc_text
from kg.records import Document, Evidence, NumericClaim, Quote

_MODIFIER_DEPS = {"nummod", "quantmod", "amod", "compound", "nmod", "det", "npadvmod", "advmod", "appos"}
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd", "npadvmod"}  # npadvmod: "rose 5%"
_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "conj", "appos", "ROOT", "dative", "oprd"}
_CHANGE_PREPS = {"by", "to", "from"}
_PRED_CHILD_DEPS = {"prt", "dobj", "prep", "xcomp", "acomp", "attr", "dative", "agent", "oprd", "cc", "conj"}
_NP_SKIP_DEPS = {"det", "predet", "nummod", "quantmod", "punct", "advmod", "cc", "prep", "relcl", "acl"}
_NAME_LABELS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT", "NORP", "GPE", "LOC"}
_DATE_LABELS = {"DATE", "TIME"}
_PLACE_LABELS = {"GPE", "LOC"}
_PRONOUNS = {"he", "him", "she", "her"}
_RELATIVE = {"which", "that", "who"}
_PERSONISH = {"PERSON"}
_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th", "s", "am", "pm", "a.m.", "p.m.", "'s", "x"}
_TIME_CODES = {"SEC", "MIN", "HUR", "DAY", "WEE", "MON", "ANN"}  # "a year earlier" is no rate
_MAX_PHRASE = 12  # tokens kept in a predicate or time phrase


@dataclass
class _Number:
    """One number found in the text, before what it counts is known (token indices, end exclusive)."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    qualifier: str = "exact"
    kind: str = "count"  # count | vague | ratio
    core: set[int] = field(default_factory=set)  # the number (and unit) tokens, without the qualifier
    words_only_one: bool = False  # the bare word "one"/"a" without scale, unit or ratio
    lead: int | None = None  # "from"/"between" opening a range: part of the surface, not of the number


def extract_quantities(
    doc: Doc, quotes: Sequence[Quote], entities: DocEntities, document: Document
) -> Iterator[NumericClaim]:
    claims = list(_claims(doc, quotes, entities, document))
    yield from _drop_headline_repeats(claims, document)


def _drop_headline_repeats(claims: list[NumericClaim], document: Document) -> Iterator[NumericClaim]:
    """A headline number restated in the body ("50 companies left" / "50 companies have relocated") is one
    claim, not two: the body's copy, with its sentence and attribution, is kept."""
    title = (document.title or "").strip()
    in_title = len(title) if title and document.text.startswith(title) else 0
    body = {(c.value, c.unit, c.counts_head) for c in claims if c.evidence.start >= in_title}
    for c in claims:
        if c.evidence.end <= in_title and (c.value, c.unit, c.counts_head) in body:
            continue
        yield c


def _claims(
    doc: Doc, quotes: Sequence[Quote], entities: DocEntities, document: Document
) -> Iterator[NumericClaim]:
    cutoff = _end_of_article(doc_text(doc))
    previous: dict[int, tuple[Token, str]] = {}  # sentence start -> last counted noun and its text
    for num in _scan(doc):
        span = doc[num.start : num.end]
        if span.start_char >= cutoff or _excluded(doc, num):
            continue
        sent = span.sent
        if _boilerplate(sent):
            continue
        top = _top(doc, num)
        noun, arg, inherited = _counted(doc, num, top, previous.get(sent.start))
        if noun is not None and inherited is None and (_numberish(noun) or nb.split_glued(noun.text) is not None):
            noun = None  # "rose 18 sen to RM23.50": the other amount is not what this one counts
        if (noun is not None and noun.lower_ in nb.context("time_units") and num.unit is None) or \
                (nb.unit_code(num.unit) in _TIME_CODES and not (noun is not None and "-" in span.text)):
            continue  # a duration or a rule about time ("10 years in prison", "90 out of 180 days"), not a
            # count; but "a five-year journey" measures the journey
        if noun is not None and inherited is None and _reference(doc, num, noun):
            continue
        if _in_date(doc, num) and (noun is None or noun.ent_type_ in _DATE_LABELS):
            continue  # "July 14", "September 21, 2022": spaCy's DATE, and nothing else is counted
        counts = _np_text(noun, num) if noun is not None else None
        if inherited is not None:
            counts = inherited[1]
        if noun is not None and num.unit not in ("%", "ratio") and inherited is None:
            previous[sent.start] = (noun, counts)
        # "one in two of [the nearly 1,400 companies] has left": the verb is about the part, not the whole
        base = arg is not top and arg.dep_ == "pobj" and arg.head.dep_ == "prep" and _numberish(arg.head.head)
        verb = None if base else _governing_verb(arg, noun)
        pred_tokens = _predicate_tokens(verb, arg) if verb is not None else []
        source, kind, quote_index = _source(doc, num, span, top, arg, quotes, entities)
        confidence = 1.0
        if num.kind == "vague":
            confidence = 0.8
        if inherited is not None:
            confidence = 0.7
        if counts is None and num.unit is None:
            confidence = 0.5
        yield NumericClaim(
            value=num.value,
            value_max=num.value_max,
            qualifier=num.qualifier,
            text=span.text,
            evidence=_evidence(document.text, span),
            unit=num.unit,
            counts=counts,
            counts_head=_head_lemma(noun) if noun is not None else None,
            predicate=_phrase(pred_tokens) or None,
            place=_place(pred_tokens, arg, noun, entities),
            time=_time(doc, verb, sent, num),
            source=source,
            source_kind=kind,
            quote_index=quote_index,
            confidence=confidence,
            unit_code=None if nb.is_currency(num.unit) else nb.unit_code(num.unit),
            change=_change(doc, num),
            subject=_subject(doc, num, noun, verb, entities),
        )


# --- finding numbers -------------------------------------------------------------------------------------


def _lows(doc: Doc) -> tuple[str, ...]:
    # every lexicon phrase is tried at every token: indexing a tuple of strings is ~20x cheaper than
    # building a spaCy Token for each comparison, so the lower-cased words are computed once per Doc
    lows = doc.user_data.get("kg.lows")
    if lows is None:
        lows = doc.user_data["kg.lows"] = tuple(t.lower_ for t in doc)
    return lows


def _low(doc: Doc, i: int) -> str:
    lows = _lows(doc)
    return lows[i] if 0 <= i < len(lows) else ""


def _match(doc: Doc, i: int, phrase: tuple[str, ...]) -> bool:
    return i >= 0 and _lows(doc)[i : i + len(phrase)] == phrase


def _glued(doc: Doc, i: int) -> bool:
    """Token i follows token i-1 without whitespace."""
    return i > 0 and not doc[i - 1].whitespace_


def _core(doc: Doc, i: int) -> tuple[int, float] | None:
    """The longest cardinal starting at token i: (end, value)."""
    if not 0 <= i < len(doc):
        return None  # a text that ends in "$" or "one in"
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
                nb.is_number_word(tok.text + (t.text.rstrip(".") or t.text)):
            j += 1  # "2.3" "m": spaCy splits the scale suffix off "€2.3m" (and "m." at a sentence end)
        elif j == i + 1 and nb.is_digits(tok.text) and _spaced_suffix(t.text):
            j += 1  # "17 mln dlrs", "1.5 bn": wire copy spaces the abbreviated scale word
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
    while j > i:
        text = doc[i:j].text
        value = nb.parse_number(text[:-1] if j > i + 1 and text.endswith(".") else text)
        if value is not None:
            return j, value
        j -= 1
    return None


def _spaced_suffix(text: str) -> bool:
    low = text.lower().rstrip(".")
    return len(low) >= 2 and nb.words().get(low, (0, ""))[1] == "suffix"


def _vague_at(doc: Doc, i: int) -> tuple[int, float, float] | None:
    for phrase, low, high in nb.vague():
        if _match(doc, i, phrase):
            return i + len(phrase), low, high
    return None


def _fraction_at(doc: Doc, i: int) -> tuple[int, float] | None:
    """'half of', 'a third of', 'two-thirds of' at token i: (end before "of", share)."""
    for end in (i + 1, i + 2, i + 3):
        if end >= len(doc) or _low(doc, end) != "of" or not nb.is_fraction_word(doc[end - 1].text):
            continue
        share = nb.parse_fraction(doc[i:end].text)
        if share is not None:
            return end, share
    return None


def _unit_before(doc: Doc, i: int) -> tuple[int, str] | None:
    for surface, unit, pos in nb.units():
        if pos == "before" and _match(doc, i - len(surface), surface):
            return i - len(surface), unit
    return None


def _unit_after(doc: Doc, j: int) -> tuple[int, str] | None:
    """A currency, percent or unit of measure right after the number at j: (end, unit)."""
    for surface, unit, pos in nb.units():
        if pos == "after" and _match(doc, j, surface):
            return j + len(surface), unit
    for n in (3, 2, 1):  # "miles per hour", "sq ft", "tonnes"
        if j + n <= len(doc) and all(not doc[k].is_punct or doc[k].text in "/." for k in range(j, j + n)):
            unit = nb.measure_unit(doc[j : j + n].text)
            if unit is not None:
                return j + n, unit
    return None


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
    g = nb.split_glued(doc[i].text)
    if g is None or (not g.prefix and not g.suffix and g.sign > 0 and not doc[i].text.startswith("+")):
        return None
    sign = g.sign
    start, unit = i, None
    prefix = g.prefix
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
    if suffix and nb.words().get(suffix.lower(), (0, ""))[1] == "suffix":
        value *= nb.words()[suffix.lower()][0]
        suffix = ""
    elif not suffix and end < len(doc) and _glued(doc, end) and nb.words().get(_low(doc, end), (0, ""))[1] == "suffix":
        value *= nb.words()[_low(doc, end)][0]  # "HK$5.4" "m"
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
    value, unit = _subunit(value, unit)
    if unit == "%":
        value = value / 100.0
    return start, end, value, unit, set(range(start, end))


def _hyphen_unit(doc: Doc, end: int) -> tuple[int, str] | None:
    """"a 6.1-inch display", "a five-year journey": a unit hyphenated onto the number."""
    if end + 1 < len(doc) and doc[end].text in ("-", "–") and _glued(doc, end) and _glued(doc, end + 1):
        unit = nb.measure_unit(doc[end + 1].text)
        if unit is not None and not (end + 2 < len(doc) and doc[end + 2].text in ("-", "–") and _glued(doc, end + 2)):
            return end + 2, unit  # but not "50 year-old": an age
    return None


def _qualifier(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    """Extend [start, end) over a qualifier before or after; returns (start, end, qualifier)."""
    for phrase, qual, pos in nb.qualifiers():
        if pos == "before" and _match(doc, start - len(phrase), phrase):
            return start - len(phrase), end, qual
    for phrase, qual, pos in nb.qualifiers():
        if pos == "after" and _match(doc, end, phrase):
            return start, end + len(phrase), qual
    return start, end, "exact"


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
    after = _unit_after(doc, end)
    if after is not None and (unit is None or after[1] == unit):
        end, unit = after[0], after[1]
    elif unit is None:
        hyphen = _hyphen_unit(doc, end)
        if hyphen is not None:
            end, unit = hyphen
    per = _per(doc, end, unit)
    if per is not None:
        end, unit = per
    if _low(doc, start - 1) == "minus":
        start, value = start - 1, -value
    value, unit = _subunit(value, unit)
    if unit == "%":
        value = value / 100.0
    return start, end, value, unit, set(range(start, end))


def _scan(doc: Doc) -> Iterator[_Number]:
    i = 0
    while i < len(doc):
        num = _number_at(doc, i)
        if num is None:
            i += 1
            continue
        yield num
        i = max(num.end, i + 1)


def _number_at(doc: Doc, i: int) -> _Number | None:
    vague = _vague_at(doc, i)
    if vague is not None:
        end, low, high = vague
        unit = None
        if _low(doc, end) == "of" and _unit_after(doc, end + 1) is not None:
            end, unit = _unit_after(doc, end + 1)  # "tens of millions of dollars", "hundreds of miles"
        start, end, qual = _qualifier(doc, i, end)
        return _Number(i if start == i else start, end, low, high, unit, "approx" if qual == "exact" else qual,
                       "vague", set(range(i, end)))
    fraction = _fraction_at(doc, i)
    if fraction is not None:
        end, share = fraction
        num = _Number(i, end, share, unit="ratio", kind="ratio", core=set(range(i, end)))
        num.start, num.end, num.qualifier = _qualifier(doc, num.start, num.end)
        return num
    share = nb.fraction(doc[i].text)
    if share is not None and ("⁄" in doc[i].text or _low(doc, i + 1) == "of"):
        num = _Number(i, i + 1, share, unit="ratio", kind="ratio", core={i})  # "1⁄32 of a quart", "3/4 of"
        num.start, num.end, num.qualifier = _qualifier(doc, num.start, num.end)
        return num
    if _unit_before(doc, i + 1) is not None and _core(doc, i + 1) is not None:
        return None  # the currency symbol starts the amount at i + 1
    amount = _amount(doc, i)
    if amount is None:
        return None
    start, end, value, unit, core = amount
    num = _Number(start, end, value, unit=unit, core=core)
    first = doc[i].lower_
    num.words_only_one = first in ("one", "a", "an") and value == 1 and unit is None
    # ratio: "one in two", "one out of two", "one of every three"
    for link in (("in",), ("out", "of"), ("of", "every")):
        if _match(doc, end, link):
            denom = _core(doc, end + len(link))
            if denom is not None and value <= denom[1] and denom[1] > 1 and unit is None \
                    and not _year_like(doc[end + len(link)].text):
                num.core |= set(range(end, denom[0]))
                num.end, num.value, num.unit, num.kind = denom[0], value / denom[1], "ratio", "ratio"
                num.words_only_one = False
                break
    # range: "from $415 to $1040", "between 10 and 20", "10-15", "10 to 15 people"
    if num.kind == "count":
        _range(doc, num)
    num.start, num.end, num.qualifier = _qualifier(doc, num.start, num.end)
    return num


def _range(doc: Doc, num: _Number) -> None:
    j = num.end
    lead = _low(doc, num.start - 1)
    link = _low(doc, j)
    if not ((link == "to") or (link == "and" and lead == "between") or (link in ("-", "–") and _glued(doc, j))):
        return
    k = j + 1
    second = None
    for s in (k, k + 1):  # the second amount may start with its own currency symbol
        if s < len(doc) and _core(doc, s) is not None:
            second = _amount(doc, s if _unit_before(doc, s) is None else _unit_before(doc, s)[0])
            if second is None:
                second = _amount(doc, s)
            break
    if second is None:
        return
    _s2, end2, value2, unit2, core2 = second
    if unit2 != num.unit and unit2 is not None and num.unit is not None:
        return
    if lead not in ("from", "between") and value2 <= num.value:
        return  # "cut 50 to 30" is a change between two numbers, not a range
    if lead == "by" or _change_verb(doc[num.start - 1]):
        return  # "rose by 4 pct to 120", "fell from 208 to 193": a change and a level, two numbers
    scale = _scale_of(doc, core2)
    if scale and not _scale_of(doc, num.core) and num.value * scale <= value2 and unit2 == num.unit:
        num.value *= scale  # "between one and three billion": the scale word belongs to both
    if _year_like(doc[j + 1].text) or _year_like(doc[num.start].text):
        return
    num.core |= set(range(j, end2)) | core2
    if lead in ("from", "between"):
        num.start -= 1  # the surface is "between 10 and 20", "from $415 to $1040"
        num.lead = num.start
    num.unit = num.unit or unit2
    num.value, num.value_max = min(num.value, value2), max(num.value, value2)
    num.end = end2
    num.words_only_one = False


def _scale_of(doc: Doc, core: set[int]) -> float | None:
    scales = [nb.words()[doc[k].lower_][0] for k in sorted(core) if nb.is_scale_word(doc[k].text)]
    g = [nb.split_glued(doc[k].text) for k in sorted(core)]
    scales += [nb.words()[x.suffix.lower()][0] for x in g if x and x.suffix.lower() in nb.words()]
    return scales[-1] if scales else None


def _change_verb(tok: Token) -> bool:
    return tok.lemma_.lower() in nb.context("change_up") | nb.context("change_down")


def _change(doc: Doc, num: _Number) -> str | None:
    """"up"/"down" when the number is the size of a change: "rose 12 cts", "fell by 3%", "up 9.4 per cent",
    a signed "+0.2%" (not "rose to 7.5%": that is the level reached). Plain counts get none: "lost 300
    jobs" counts the jobs lost."""
    if num.unit is None or num.unit == "ratio":
        return None
    k = num.start - 1
    if _low(doc, k) == "by":
        k -= 1
    if _low(doc, k) in ("to", "from", "at"):
        return None
    if 0 <= k < len(doc):
        lemma = doc[k].lemma_.lower()
        if lemma in nb.context("change_up") or doc[k].lower_ in nb.context("change_up"):
            return "up"
        if lemma in nb.context("change_down") or doc[k].lower_ in nb.context("change_down"):
            return "down"
    first = doc[num.start].text
    if first.startswith("+"):
        return "up"
    return None


def _year_like(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1500 <= int(text) <= 2100


# --- leaving numbers out ---------------------------------------------------------------------------------


def _excluded(doc: Doc, num: _Number) -> bool:
    core = sorted(num.core)
    first, last = doc[core[0]], doc[core[-1]]
    numeric = [doc[i] for i in core if nb.is_digits(doc[i].text) or nb.is_number_word(doc[i].text)
               or nb.split_glued(doc[i].text) is not None or nb.fraction(doc[i].text) is not None]
    if num.kind == "vague" or (num.kind == "ratio" and any(nb.is_fraction_word(doc[i].text) for i in core)):
        numeric = [doc[i] for i in core]
    if not numeric:
        return True
    # the article "one" ("one district hospital") is not a count
    if num.words_only_one:
        return True
    # a year ("in 2022") is a date, whatever spaCy says
    if num.unit is None and num.kind == "count" and len(numeric) == 1 and _year_like(numeric[0].text):
        return True
    text = doc_text(doc)
    # part of a URL, a path or a code ("a78294", "2022/07/14", "COVID-19", "Su-27")
    before = text[first.idx - 1] if first.idx > 0 else " "
    after_idx = last.idx + len(last.text)
    after = text[after_idx] if after_idx < len(text) else " "
    if before.isalnum() or before in "/_#" or after.isalnum() or after in "/_" or first.like_url:
        return True
    if before in "-–" and first.idx > 1 and text[first.idx - 2].isalpha():
        return True
    # hyphenated modifier ("one-room flats", "5-year plan") describes a thing, it counts nothing
    if after in "-–" and after_idx + 1 < len(text) and text[after_idx + 1].isalpha():
        return True
    # identifiers and ages: "page 5", "issue 176", "No. 3", "aged 45"
    if _low(doc, num.start - 1).rstrip(":") in nb.context("identifier_words"):
        return True
    if _low(doc, num.start - 2) == "no" and _low(doc, num.start - 1) == ".":
        return True
    # clock times: "10 a.m.", "14:00 GMT"
    if _low(doc, num.end) in nb.context("time_words") or ":" in first.text:
        return True
    # inside a name: "Channel 4", "Group of Seven", "Boeing 737"
    for tok in numeric:
        if tok.ent_type_ in _NAME_LABELS and num.unit is None:
            return True
    # an age in apposition: "Ivan Petrov, 45, said"
    if (_low(doc, num.start - 1) == "," and _low(doc, num.end) == "," and num.start >= 2
            and doc[num.start - 2].ent_type_ == "PERSON"):
        return True
    return False


def _reference(doc: Doc, num: _Number, noun: Token) -> bool:
    """A number that points back at things already named instead of counting them: "all three nations",
    "the first two waves", "Uzbekistan and Kyrgyzstan, two other Central Asian nations"."""
    if num.qualifier != "exact" or num.kind != "count" or num.unit is not None:
        return False
    spelled = all(not nb.is_digits(doc[i].text) for i in num.core)
    if not spelled or num.value > 10:
        return False
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return True
    dets = {c.lower_ for c in noun.lefts if c.dep_ in ("det", "predet") and c.i < num.start}
    dets |= {doc[i].lower_ for i in range(max(num.start - 2, 0), num.start)}
    return bool(dets & {"the", "all", "both", "these", "those"})


def _in_date(doc: Doc, num: _Number) -> bool:
    return any(doc[i].ent_type_ in _DATE_LABELS for i in num.core)


def _boilerplate(sent: Span) -> bool:
    low = sent.text.lower()
    return any(marker in low for marker in nb.context("boilerplate"))


def _end_of_article(text: str) -> int:
    """Offset of a "Recent posts"-style heading after which nothing is the article's (or len(text))."""
    markers = nb.context("end_of_article")
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip().lower().rstrip(":") in markers and offset > len(text) // 3:
            return offset
        offset += len(line)
    return len(text)


# --- what is counted -------------------------------------------------------------------------------------


def _top(doc: Doc, num: _Number) -> Token:
    """The token of the number whose head lies outside it (the number's attachment point)."""
    inside = (set(range(num.start, num.end)) | num.core) - {num.lead}
    tops = [doc[i] for i in sorted(inside) if doc[i].head.i not in inside or doc[i].head.i == i]
    tops = [t for t in tops if t.dep_ != "punct"] or tops or [doc[num.start]]
    for t in tops:
        if nb.is_digits(t.text) or nb.is_number_word(t.text) or t.i in num.core:
            return t
    return tops[0]


def _counted(
    doc: Doc, num: _Number, top: Token, previous: tuple[Token, str] | None
) -> tuple[Token | None, Token, tuple[Token, str] | None]:
    """(counted noun, the argument token of the clause, inherited (noun, text) for an elliptical number)."""
    inside = set(range(num.start, num.end)) | num.core
    head = top.head
    # the number modifies a noun: "1,400 companies", "a thousand foreign companies"
    if top.dep_ in _MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i not in inside \
            and not (num.unit == "%" and head.i < top.i) and not _unit_word(head):
        return _measured(head), head, None
    # partitive: "one in two of the companies", "eight of the banks", "38% of Kazakhs"
    for i in sorted(inside):
        for child in doc[i].children:
            if child.dep_ == "prep" and child.lower_ in ("of", "out") and child.i not in inside:
                pobj = _pobj(child)
                if pobj is not None and pobj.i not in inside:
                    if pobj.lower_ in nb.context("generic_totals"):
                        subj = _clause_subject(top, inside)
                        if subj is not None:
                            return _measured(subj), top, None
                        return None, top, None
                    return _measured(pobj), top, None
    # the number is "of" a noun: "a workforce of 9 million"
    if top.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head, top, None
    # a change: "the number of Russian companies increased by about 4,000"
    if top.dep_ == "pobj" and head.lower_ in _CHANGE_PREPS and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        # "raised its key rate to 20%": what changed is the object; "rose to 7.5%": the subject
        subj = next((c for c in verb.children if c.dep_ == "dobj"), None) or \
            next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            subj = verb.head  # "the number of firms (which) increased by 4,000"
        if subj is not None:
            return _measured(subj), top, None
    # money spent, paid or lent: what it is spent on ("spent $415 on each flat", "raised 2 billion euros
    # for schools", "allocated 2.5 billion tenge to the program")
    if nb.is_currency((num.unit or "").split("_")[0]) and top.dep_ in ("dobj", "attr", "pobj", "npadvmod", "conj"):
        verb = top.head if top.head.pos_ in ("VERB", "AUX") else None
        for child in [*top.children, *(verb.children if verb is not None else ())]:
            if child.dep_ == "prep" and child.lower_ in ("on", "for", "to", "into") and child.i > top.i \
                    and not (child.lower_ == "to" and verb is not None and _change_verb(verb)):
                pobj = _pobj(child)
                if pobj is not None and pobj.i not in inside and pobj.ent_type_ not in _DATE_LABELS \
                        and pobj.pos_ != "PRON" and not any(_amount_word(t) for t in pobj.subtree):
                    return _measured(pobj), top, None
    # a share, an amount of money or a measure with no "of": the subject of its clause ("..., accounting
    # for 0.2%", "Shares of Acme fell 1.6%", "the tickets cost HK $5.4m")
    if num.unit is not None and num.unit != "ratio":
        subj = _clause_subject(top, inside)
        if subj is not None:
            return _measured(subj), top, None
    # ellipsis: "more than 50 businesses have moved, while another 56 have ...", "of 500 residents, 30% said"
    if num.unit in (None, "%") and top.dep_ in _NOMINAL_DEPS and previous is not None:
        return previous[0], top, previous
    return None, top, None


def _amount_word(tok: Token) -> bool:
    """A number, a glued amount ("RM23.50"), a currency or percent word: never what a number counts."""
    return _numberish(tok) or nb.split_glued(tok.text) is not None or _unit_word(tok)


def _unit_word(tok: Token) -> bool:
    """'tenge' in "2.5 billion tenge ($5.7 million)": a currency is the unit of another amount, not counted."""
    return any(len(surface) == 1 and surface[0] == tok.lower_ for surface, _u, _p in nb.units())


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            return child
        if child.dep_ == "prep":  # "out of"
            return _pobj(child)
    return None


def _measured(noun: Token) -> Token:
    """'the number of companies' -> companies: measure nouns only carry the quantity."""
    if noun.lower_ in nb.context("measure_nouns"):
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = _pobj(child)
                if pobj is not None:
                    return pobj
    return noun


def _clause_subject(tok: Token, inside: set[int]) -> Token | None:
    """The subject of the number's clause; a relative pronoun stands for the noun it follows ("bank stocks,
    which were up 2.8%"); other pronouns ("this", "he") name no measured thing."""
    # "Blackmores up 9.4 per cent": the number hangs on "up", which hangs on the noun that moved
    if tok.head.lower_ in ("up", "down") and tok.head.head.pos_ in ("NOUN", "PROPN") and tok.head.head.i not in inside:
        return tok.head.head
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside), None)
            if subj is not None and subj.lower_ in _RELATIVE and anc.dep_ == "relcl" \
                    and anc.head.pos_ in ("NOUN", "PROPN"):
                return anc.head
            if subj is not None and subj.pos_ == "PRON":
                return None
            if subj is not None and subj.lower_ not in nb.context("generic_totals"):
                return subj
    return None


def _head_lemma(noun: Token) -> str:
    # spaCy keeps plural proper nouns as they are ("Russians"); the head is the singular ("russian")
    lemma = noun.lemma_.lower()
    if noun.tag_ == "NNPS" and lemma.endswith("s") and len(lemma) > 3:
        lemma = lemma[:-1]
    return lemma


def _np_text(noun: Token, num: _Number) -> str:
    inside = set(range(num.start, num.end)) | num.core
    toks: list[Token] = []
    for child in noun.lefts:
        if child.dep_ in _NP_SKIP_DEPS or child.i in inside:
            continue
        toks.extend(t for t in child.subtree if t.i not in inside and t.dep_ not in ("det", "punct"))
    toks.append(noun)
    return _phrase(sorted(set(toks), key=lambda t: t.i))


# --- whose it is ---------------------------------------------------------------------------------------------


def _entity_name(tok: Token, entities: DocEntities) -> str | None:
    ent = entities.at(tok.idx, tok.idx + len(tok.text))
    if ent is not None:
        return ent.name
    span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ in ("ORG", "GPE", "PERSON")), None)
    return clean_name(span.text) or None if span is not None else None


def _preceding_org(doc: Doc, before: int, entities: DocEntities) -> str | None:
    """"its net profit": the organisation named last before the pronoun."""
    best, best_end = None, -1
    for ent in entities.entities:
        if ent.type in ("Person", "Place", "Country", "City", "Region", "Group"):
            continue
        for m in ent.mentions:
            if best_end < m.end <= before:
                best, best_end = ent.name, m.end
    return best


def _subject(doc: Doc, num: _Number, noun: Token | None, verb: Token | None, entities: DocEntities) -> str | None:
    """The entity the measured thing belongs to: a possessive ("Ford's 13,000 workers", "its net profit"),
    an "of" phrase ("sales of Acme"), a name compounded with it ("Acme shares"), the thing itself when it is
    a name ("Acme rose 12 cts"), or the named subject of the clause that has the number as its object
    ("Acme reported a net profit of 17 mln dlrs")."""
    inside = set(range(num.start, num.end)) | num.core
    if noun is not None:
        # the named thing itself when the number measures it ("Acme rose 12 cts"), not when it counts it
        # ("98,000 Russians")
        if num.unit is not None and (noun.ent_type_ in ("ORG", "GPE", "PERSON") or noun.pos_ == "PROPN") \
                and noun.i not in inside:
            name = _entity_name(noun, entities)
            if name:
                return name
        for child in noun.children:
            if child.i in inside:
                continue
            if child.dep_ == "poss":
                if child.lower_ in ("its", "their"):
                    return _preceding_org(doc, child.idx, entities)
                name = _entity_name(child, entities)
                if name:
                    return name
            if child.dep_ == "compound" and (child.ent_type_ in ("ORG", "GPE", "PERSON") or child.pos_ == "PROPN"):
                name = _entity_name(child, entities)
                if name:
                    return name
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = _pobj(child)
                if pobj is not None and pobj.ent_type_ in ("ORG", "GPE", "PERSON"):
                    name = _entity_name(pobj, entities)
                    if name:
                        return name
    if verb is not None and verb.lemma_.lower() not in nb.context("source_verbs"):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i not in inside and (noun is None or subj.i != noun.i) \
                and (subj.ent_type_ in ("ORG", "GPE", "PERSON") or subj.pos_ == "PROPN"):
            return _entity_name(subj, entities)
    return None


# --- predicate, place, time ------------------------------------------------------------------------------


def _governing_verb(arg: Token, noun: Token | None = None) -> Token | None:
    """The verb the counted phrase is subject of; for an object, its relative clause if it has one
    ("accommodate the hundreds of businesses that have left Russia" -> "left Russia")."""
    seen = 0
    while seen < 8:
        if arg.dep_ == "conj":  # "companies and banks ... left": the first conjunct's verb
            arg = arg.head
        elif arg.dep_ == "pobj" and arg.head.dep_ == "prep" and _numberish(arg.head.head):
            arg = arg.head.head  # "one in two of the ... companies has suspended": the partitive's verb
        elif arg.dep_ == "prep" and _numberish(arg.head):
            arg = arg.head  # "out" in "one out of two"
        else:
            break
        seen += 1
    if arg.dep_ in ("nsubj", "nsubjpass") and arg.head.pos_ in ("VERB", "AUX"):
        return arg.head
    for holder in (arg, noun):
        if holder is None:
            continue
        rel = next((c for c in holder.children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")), None)
        if rel is not None:
            return rel
    if arg.dep_ in _ARG_DEPS and arg.head.pos_ in ("VERB", "AUX"):
        return arg.head
    if arg.dep_ == "pobj" and arg.head.head.pos_ in ("VERB", "AUX"):
        return arg.head.head
    return None


def _numberish(tok: Token) -> bool:
    return tok.like_num or nb.is_number_word(tok.text) or tok.lower_ in ("out",) or \
        any(tok.lower_ == p[0] for p, _l, _h in nb.vague() if p[0] not in ("a", "an", "several"))


def _predicate_tokens(verb: Token, arg: Token) -> list[Token]:
    # a relative clause ("companies that have suspended operations") lies inside the counted phrase
    skip = {t.i for t in arg.subtree} if arg.i != verb.i else set()
    if verb in arg.subtree:
        skip -= {t.i for t in verb.subtree}
    toks = [verb]
    toks.extend(c for c in verb.children if c.dep_ in ("neg", "auxpass") and c.i not in skip)
    grouped = False
    for child in verb.rights:
        if child.dep_ not in _PRED_CHILD_DEPS or child.i in skip:
            continue
        if child.lower_ == "according":
            continue  # "according to the reports" is the source, not the predicate
        if child.dep_ == "conj" and (child.pos_ not in ("VERB", "AUX")
                                     or any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)):
            continue  # "..., and 50 more could follow": another clause with its own subject
        if child.dep_ in ("conj", "xcomp") and child.pos_ in ("VERB", "AUX"):
            # "stopped or [suspended their operations in Russia]", "known [to have shipped goods to Russia]"
            sub = [t for t in child.lefts if t.dep_ in ("cc", "aux")] + _predicate_tokens(child, arg)
        else:
            sub = [t for t in child.subtree if t.i not in skip and t.dep_ != "relcl"]
        if child.dep_ == "prep" and any(t.ent_type_ in _DATE_LABELS for t in sub):
            continue  # a time phrase is the time scope, not the predicate
        if grouped and len(toks) + len(sub) > _MAX_PHRASE:
            break  # whole phrases only: "suspended operations in Russia", not "... after the start of the"
        toks.extend(sub)
        grouped = True
    kept = {t.i for t in toks}
    # "includes Kazakhstan and [four other republics]": a conjunction whose conjunct is gone
    toks = [t for t in toks if t.dep_ != "cc" or any(c.dep_ == "conj" and c.i in kept for c in t.head.children)]
    # a preposition whose object is the number itself ("rose from [$415 to $1040]") says nothing alone
    toks = [t for t in toks if t.dep_ != "prep" or any(c.i in kept for c in t.children)]
    toks = sorted(set(toks), key=lambda t: t.i)
    return _paragraph([t for t in toks if not t.is_punct or t.text in "-–"], verb)[:_MAX_PHRASE]


def _paragraph(toks: list[Token], anchor: Token) -> list[Token]:
    """Keep only tokens in the anchor's paragraph (the small model runs sentences across blank lines)."""
    lo, hi = _paragraph_bounds(doc_text(anchor.doc), anchor.idx)
    return [t for t in toks if lo <= t.idx < hi]


def _paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    lo = text.rfind("\n\n", 0, offset)
    hi = text.find("\n\n", offset)
    return (0 if lo < 0 else lo + 2), (len(text) if hi < 0 else hi)


def _phrase(toks: list[Token]) -> str:
    out = ""
    for k, t in enumerate(toks):
        out += t.text
        if k + 1 < len(toks):
            out += t.whitespace_ if toks[k + 1].i == t.i + 1 else " "
    return out.strip()


def _place(pred: list[Token], arg: Token, noun: Token | None, entities: DocEntities) -> str | None:
    cands = [t for t in list(pred) + [t for t in arg.rights for t in t.subtree]
             if t.ent_type_ in _PLACE_LABELS and t != noun]
    # "moved from Russia to Kazakhstan": the place a claim is about is where things are, not where they left
    cands.sort(key=lambda t: t.head.lower_ == "from")
    if not cands:
        return None
    tok = cands[0]
    ent = entities.at(tok.idx, tok.idx + len(tok.text))
    if ent is not None:
        return ent.name
    span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return clean_name(span.text) if span is not None else tok.text


def _time(doc: Doc, verb: Token | None, sent: Span, num: _Number) -> str | None:
    scope = {t.i for t in verb.subtree} if verb is not None else set(range(sent.start, sent.end))
    inside = set(range(num.start, num.end)) | num.core
    for ent in sent.ents:
        if ent.label_ not in _DATE_LABELS or ent.root.i not in scope or any(t.i in inside for t in ent):
            continue
        root = ent.root
        # the whole time phrase: "since [the beginning of 2022]", "[the week] after mobilization"
        in_prep = root.dep_ in ("pobj", "npadvmod") and root.head.dep_ == "prep"
        toks = list(root.head.subtree) if in_prep else list(root.subtree)
        toks = [t for t in toks if t.i not in inside and not t.is_punct][:_MAX_PHRASE]
        return _phrase(toks) or None
    return None


# --- who asserted it -------------------------------------------------------------------------------------


def _source(
    doc: Doc, num: _Number, span: Span, top: Token, arg: Token, quotes: Sequence[Quote], entities: DocEntities
) -> tuple[str | None, str | None, int | None]:
    quote_index = next((qi for qi, q in enumerate(quotes) if q.evidence.start <= span.start_char < q.evidence.end),
                       None)
    # "According to the Ministry of Internal Affairs, more than 1.6 million ...": the attribution in the
    # number's own sentence is the most specific one, even inside a longer quote
    lo, hi = _paragraph_bounds(doc_text(doc), span.start_char)
    for tok in span.sent:
        if tok.lower_ == "according" and _low(doc, tok.i + 1) == "to" and lo <= tok.idx < hi:
            pobj = _pobj(doc[tok.i + 1])
            if pobj is not None:
                name = _name(pobj, entities)
                if name:
                    return name, "according_to", quote_index
    # the speaker of the quote (direct or reported) whose span holds the number
    if quote_index is not None:
        quote = quotes[quote_index]
        name = quote.speaker or quote.speaker_mention
        if name:
            return name, "speaker", quote_index
    # "he stated that one in two ...", "Tokayev proposed ... for the nearly 1,000 companies"
    inside = set(range(num.start, num.end)) | num.core
    for verb in _speech_verbs(top):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        # "30% said ...": a counted subject is the respondents, not a source
        if subj is not None and not any(t.i in inside for t in subj.subtree) and arg not in subj.subtree \
                and not any(_numberish(t) or t.text == "%" for t in subj.subtree):
            name = _name(subj, entities)
            if name:
                kind = "speaker" if subj.lower_ in _PRONOUNS or subj.ent_type_ in _PERSONISH else "named_source"
                return name, kind, quote_index
        break
    # "A U.S. Treasury and Commerce Department list of at least 18 countries"
    node = arg
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in nb.context("source_nouns"):
        src = node.head.head
        mods = [t for c in src.lefts if c.dep_ not in ("det", "punct", "amod") or c.ent_type_
                for t in c.subtree if t.dep_ != "det"]
        if mods:
            text = _phrase(sorted(mods, key=lambda t: t.i))
            ent = entities.at(mods[0].idx, mods[-1].idx + len(mods[-1].text))
            return (ent.name if ent is not None and len(ent.name) >= len(text) else clean_name(text)), \
                "named_source", quote_index
    return None, None, quote_index


def _speech_verbs(top: Token) -> Iterator[Token]:
    """Speech verbs governing the number: an ancestor ("he stated that ..."), or a clause hung on the
    number's clause after a comma ("700,000 people have left, Forbes reported")."""
    verbs = nb.context("source_verbs")
    for anc in top.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in verbs:
            yield anc
            return
    for anc in top.ancestors:
        for child in anc.children:
            if child.dep_ in ("parataxis", "ccomp", "advcl") and child.i > top.i and child.pos_ == "VERB" \
                    and child.lemma_.lower() in verbs:
                yield child
                return


def _name(tok: Token, entities: DocEntities) -> str | None:
    """The entity (or noun phrase) a subject or 'according to' object names; pronouns resolved backwards."""
    if tok.lower_ in _PRONOUNS:
        return _antecedent(tok, entities)
    if tok.pos_ == "PRON":
        return None
    ent = entities.at(tok.idx, tok.idx + len(tok.text))
    if ent is not None:  # the head word is a named entity: its canonical name
        return ent.name
    # otherwise the noun phrase: "Kazakh officials", "the press service of the Ministry of Defense"
    toks = [t for c in tok.lefts if c.dep_ not in ("det", "punct") for t in c.subtree] + [tok]
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            toks.extend(t for t in child.subtree)
            break
    toks = sorted({t for t in toks if t.dep_ != "det" or t.i > tok.i}, key=lambda t: t.i)
    return clean_name(_phrase(toks)) or None


def _antecedent(tok: Token, entities: DocEntities) -> str | None:
    best, best_end = None, -1
    for ent in entities.entities:
        if ent.type != "Person":
            continue
        for m in ent.mentions:
            if best_end < m.end <= tok.idx:
                best, best_end = ent.name, m.end
    return best


def _evidence(text: str, span: Span) -> Evidence:
    sent = span.sent
    lo, hi = _paragraph_bounds(text, span.start_char)
    start, end = max(sent.start_char, lo), min(sent.end_char, hi)
    return Evidence(
        start=span.start_char,
        end=span.end_char,
        text=text[span.start_char : span.end_char],
        sentence_start=start,
        sentence_end=end,
        sentence=text[start:end],
    )

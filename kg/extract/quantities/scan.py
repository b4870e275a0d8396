"""Finding numbers in a parsed text: cardinals, amounts, units, ranges, ratios and qualifiers (exclude.py leaves out
those that are no claims). One amount is read by amounts.py; the shared token helpers are in tokens.py and are
re-exported here under their old names."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract import numbers as nb
from kg.extract.doccache import column
from kg.extract.quantities.amounts import (
    _amount,
    _before_extent,
    _core,
    _fraction_at,
    _glued_amount,
    _unit_after,
    _unit_before,
    _vague_at,
    _vague_by_first_word,
)
from kg.extract.quantities.tokens import (
    _ARG_DEPS,
    _CHANGE_PREPS,
    _DATE_LABELS,
    _MAX_PHRASE,
    _MODIFIER_DEPS,
    _NAME_LABELS,
    _NOMINAL_DEPS,
    _NP_SKIP_DEPS,
    _PERSONISH,
    _PLACE_LABELS,
    _PRED_CHILD_DEPS,
    _PRONOUNS,
    _RELATIVE,
    _TIME_CODES,
    _glued,
    _low,
    _lows,
    _match,
    _Number,
    _numberish,
    _paragraph_bounds,
    _phrase,
    _pobj,
    _year_like,
)

__all__ = [
    "_ARG_DEPS", "_CHANGE_PREPS", "_DATE_LABELS", "_MAX_PHRASE", "_MODIFIER_DEPS", "_NAME_LABELS", "_NOMINAL_DEPS",
    "_NP_SKIP_DEPS", "_PERSONISH", "_PLACE_LABELS", "_PRED_CHILD_DEPS", "_PRONOUNS", "_RELATIVE", "_TIME_CODES",
    "_Number", "_change", "_change_verb", "_low", "_lows", "_numberish", "_paragraph_bounds", "_phrase", "_pobj",
    "_scan", "_year_like",
]


def _qualifier(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    """Extend [start, end) over a qualifier before or after; returns (start, end, qualifier)."""
    for phrase, qual, pos in nb.qualifiers():
        if pos == "before" and _match(doc, start - len(phrase), phrase):
            return start - len(phrase), end, qual
    for phrase, qual, pos in nb.qualifiers():
        if pos == "after" and _match(doc, end, phrase):
            return start, end + len(phrase), qual
    return start, end, "exact"


def _scan(doc: Doc) -> Iterator[_Number]:
    starts = _may_start(doc)  # (a new kind of number needs its first token admitted there too)
    i = 0
    while i < len(doc):
        if not starts[i]:
            i += 1
            continue
        num = _number_at(doc, i)
        if num is None:
            i += 1
            continue
        yield num
        i = max(num.end, i + 1)


def _one_counting(doc: Doc, i: int, end: int) -> bool:
    """"one" written as a count of the common noun right after it ("one analyst", "one vote for Ruiz",
    "in one case"), also with adjectives between ("one independent review", "one such email"): a number,
    where "a"/"an" would be the article; "one" standing alone ("a simple one") or before a name ("One World
    Trade Center") or a compound ("one district hospital") is none."""
    if doc[i].lower_ != "one" or end != i + 1 or doc[i].dep_ != "nummod":
        return False
    noun = doc[i].head
    return noun.i >= end and noun.pos_ == "NOUN" and noun.tag_ == "NN" \
        and all(t.pos_ == "ADJ" and t.dep_ == "amod" and t.head.i == noun.i for t in doc[end : noun.i])


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
    suspended = _suspended(doc, i)
    if suspended is not None:
        return suspended
    if _unit_before(doc, i + 1) is not None and _core(doc, i + 1) is not None:
        return None  # the currency symbol starts the amount at i + 1
    joined = _joined_range(doc, i)
    if joined is not None:
        return joined
    amount = _amount(doc, i)
    if amount is None:
        return None
    start, end, value, unit, core = amount
    if unit is None:
        unit = doc.user_data.get("kg.carried_units", {}).get(start)  # the unit written once, on the first level
    num = _Number(start, end, value, unit=unit, core=core)
    first = doc[i].lower_
    # "one" as an article; but "one of the best screens" counts one of a set, "one analyst" one analyst
    of_set = first == "one" and _low(doc, end) == "of" and _low(doc, end + 1) in ("the", "its", "their", "his", "her")
    num.words_only_one = first in ("one", "a", "an") and value == 1 and unit is None and not of_set \
        and not _one_counting(doc, i, end)
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
    sign = doc[min(num.core)].text[:1]
    if num.qualifier == "exact" and sign in nb.SIGN_QUALIFIERS:
        num.qualifier = nb.SIGN_QUALIFIERS[sign]  # "∼56 Ma", "≥16"
    if num.qualifier == "exact" and doc[min(num.core)].lower_.startswith("sub-"):
        num.qualifier = "under"
    return num


def _suspended(doc: Doc, i: int) -> _Number | None:
    """A number whose hyphen waits for the noun of a later one: "four-" and "five-" in "four-, five- and
    six-cylinder engines". The hyphenated noun's position is kept in ``kg.suspended`` (frame.hyphen_count)."""
    text = doc[i].text
    if len(text) < 2 or text[-1] not in "-–" or not (nb.is_digits(text[:-1]) or nb.is_number_word(text[:-1])):
        return None
    value = nb.parse_number(text[:-1])
    j = i + 1
    while j < min(i + 8, len(doc)) and (doc[j].lower_ in (",", "and", "or") or doc[j].text[-1:] in "-–"):
        j += 1
    core = _core(doc, j)
    if value is None or core is None or _low(doc, core[0]) not in ("-", "–"):
        return None
    doc.user_data.setdefault("kg.suspended", {})[i] = core[0]
    return _Number(i, i + 1, value, core={i})


def _joined_range(doc: Doc, i: int) -> _Number | None:
    """A range spaCy keeps in one token: "42–48%", "2609–2613 m", "∼1.5–3 Å/s"; not a period ("2005–2010")."""
    r = nb.split_range(doc[i].text)
    if r is None or (_year_like(f"{r[1]:g}") and _year_like(f"{r[2]:g}")):
        return None
    pre, low, high, suffix = r
    start, end, unit = i, i + 1, "%" if suffix else None
    before = _unit_before(doc, i)
    if before is not None and unit is None:
        start, unit = before  # "$5–10"
    elif unit is None:
        after = _unit_after(doc, end)
        if after is not None:
            end, unit = after
    if unit == "%":
        low, high = low / 100.0, high / 100.0
    num = _Number(start, end, low, high, unit, core=set(range(start, end)))
    num.start, num.end, num.qualifier = _qualifier(doc, num.start, num.end)
    if num.qualifier == "exact" and pre:
        num.qualifier = nb.SIGN_QUALIFIERS[pre]
    return num


def _range(doc: Doc, num: _Number) -> None:
    j = num.end
    lead = _low(doc, num.start - 1)
    link = _low(doc, j)
    # "10-15", "25 – 40 min": a hyphen written onto both numbers, or a spaced en dash
    dash = (link in ("-", "–") and _glued(doc, j)) or link in ("–", "—")
    if not ((link == "to") or (link == "and" and lead == "between") or dash):
        return
    k = j + 1
    second = None
    for s in (k, k + 1):  # the second amount may start with its own currency symbol, or hold its unit ("40min")
        if s < len(doc) and (_core(doc, s) is not None or _glued_amount(doc, s) is not None):
            second = _amount(doc, s if _unit_before(doc, s) is None else _unit_before(doc, s)[0])
            if second is None:
                second = _amount(doc, s)
            break
    if second is None:
        return
    _s2, end2, value2, unit2, core2 = second
    if unit2 != num.unit and unit2 is not None and num.unit is not None:
        return
    if (lead not in ("from", "between") or link in ("-", "–", "—")) and value2 <= num.value:
        return  # "cut 50 to 30" is a change between two numbers, "from 2-0 down" a score: not ranges
    if lead == "by" or _change_verb(doc[num.start - 1]):
        return  # "rose by 4 pct to 120", "fell 208 to 193": a change and a level, two numbers
    scale = _scale_of(doc, core2)
    changed = num.start >= 2 and (_change_verb(doc[num.start - 2]) or _change_verb(doc[num.start - 1].head))
    if lead == "from" and changed:
        # "eased from 6.3 to 6.1 percent", "fares rose from $520 to $880": the level before and the level
        # after, two numbers; the first takes the unit and scale written once after the second
        if num.unit is None and unit2 is not None:
            num.unit = unit2
            num.value = num.value / 100.0 if unit2 == "%" else num.value
        if scale and not _scale_of(doc, num.core) and unit2 == num.unit:
            num.value *= scale
        if unit2 is None and num.unit is not None and num.unit != "%":
            doc.user_data.setdefault("kg.carried_units", {})[_s2] = num.unit  # "from 208 pounds to 193"
        return
    if scale and not _scale_of(doc, num.core) and num.value * scale <= value2 and unit2 == num.unit:
        num.value *= scale  # "between one and three billion": the scale word belongs to both
    if _year_like(doc[j + 1].text) or _year_like(doc[num.start].text):
        return
    num.core |= set(range(j, end2)) | core2
    if lead in ("from", "between"):
        num.start -= 1  # the surface is "between 10 and 20", "from $415 to $1040"
        num.lead = num.start
    if num.unit is None and unit2 == "%":
        num.value /= 100.0  # "between 10 and 15 percent": the percent sign belongs to both
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


def _may_start(doc: Doc) -> list[bool]:
    """Per token, whether ``_number_at`` can find a number there: a condition every one of its branches needs
    (read off the token's own text, or a fraction word within two tokens after it), so that the other tokens,
    most of an article, skip its dozen lookups. Each distinct word is judged once per Doc."""
    texts, lows = column(doc, "text"), _lows(doc)
    first_words = _vague_by_first_word()
    # _fraction_at: "half of", "a third of", "two-thirds of", a bare "half the staff": a fraction word at the
    # token or up to two tokens after it (kept wide: any share the rules may read starts near such a word)
    fractions = [k for k, text in enumerate(texts) if nb.is_fraction_word(text)]
    known: dict[tuple[str, str], bool] = {}
    out = []
    for text, low in zip(texts, lows, strict=True):
        ok = known.get((text, low))
        if ok is None:
            ok = known[(text, low)] = _may_start_word(text, low, first_words)
        out.append(ok)
    for k in fractions:
        for i in range(max(0, k - 2), k + 1):
            out[i] = True
    return out


def _may_start_word(text: str, low: str, first_words: dict) -> bool:
    return (low in first_words  # _vague_at: "dozens", "a few"
            or low in ("a", "an")  # _core: "a million"
            or nb.is_digits(text) or nb.is_number_word(text)  # _core
            or nb.fraction(text) is not None  # "1⁄32", "3/4"
            or (len(text) >= 2 and text[-1] in "-–" and (nb.is_digits(text[:-1]) or nb.is_number_word(text[:-1])))
            or nb.split_range(text) is not None  # _joined_range
            or nb.split_glued(_before_extent(text)) is not None)  # _glued_amount

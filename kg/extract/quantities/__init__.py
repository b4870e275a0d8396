"""Numeric claims: every number in the text with what it counts, its qualifier and who asserted it.

spaCy's small model misses and mislabels many numbers ("one in two" as two CARDINALs, "1.6 million" as
QUANTITY, "Tens of thousands" glued to "the"), so numbers are found by token patterns over the lexicons in
``rules/`` (``kg.extract.numbers``); spaCy's entities are only used to leave out dates, times and names.
For each number:

- **what is counted** comes from the dependency parse: the noun the number modifies ("1,400 companies") or
  is hyphenated onto ("a 10-member panel": members, of the panel),
  the noun after a partitive "of" ("one in two of the ... companies", "eight of the banks"), the noun a
  number is "of" ("a workforce of 9 million"), the subject of a change verb ("the number of firms rose by
  4,000") or of "be" ("the toll is 41"), with "it"/"they" standing for the thing named before ("the shares
  surged and they were up 5%"), else the counted noun of the previous number in the sentence ("..., while
  another 56 ...");
- **the predicate** is the verb phrase the counted phrase is subject/object of, or its relative clause;
  place and time scope are the GPE/LOC and DATE phrases attached to that verb;
- **who asserted it**: the speaker of the quote whose span holds the number, else "according to X",
  else the subject of a speech verb governing the number ("he stated that ..."), else a source named in
  the phrase ("A U.S. Treasury list of at least 18 countries"), else None (the publisher).

Left out, by rule: dates, years, clock times, durations that date an event and stay rules ("seven months
ago", "10 years in prison", "90 out of 180 days"), ordinals, identifiers ("page 5", "issue 176", "Su-27",
URLs), the word "one" used as an article or a pronoun ("one district hospital", "a simple one"), references
to a whole set ("all three nations"), hyphenated idioms and ratings ("a one-off payment", "a four-star
hotel"), ages ("Ivan Petrov, 45", "she is 61") and boilerplate sentences. Kept, with no counted phrase and a
lower confidence: the period a statement covers ("over the past three months"); kept with what they count:
"one" before its noun ("one analyst") and definite counts ("the two candidates", confidence 0.7).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from kg.extract import numbers as nb
from kg.extract.entities import DocEntities
from kg.extract.quantities.exclude import (
    _boilerplate,
    _definite_count,
    _end_of_article,
    _excluded,
    _in_date,
    _period_covered,
    _reference,
    _time_reference,
)
from kg.extract.quantities.frame import (
    _counted,
    _head_lemma,
    _np_text,
    _top,
    hyphen_count,
    hyphen_counts_text,
    index_name,
    model_plural,
)
from kg.extract.quantities.owner import counted_owner
from kg.extract.quantities.scan import (
    _DATE_LABELS,
    _TIME_CODES,
    _change,
    _Number,
    _numberish,
    _phrase,
    _scan,
)
from kg.extract.quantities.scope import _governing_verb, _place, _predicate_tokens, _subject, _time
from kg.extract.quantities.source import _evidence, _source
from kg.extract.quantities.tables import table_label, table_period
from kg.extract.text import doc_text
from kg.records import Document, NumericClaim, Quote

__all__ = ["extract_quantities"]


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


# between a figure and a time word, these make the time word a time reference ("4.6 last season"), not its unit
_DEICTIC = {"last", "next", "this", "that", "past", "coming", "following", "the", "a", "each", "every"}


def _glued_amount_text(text: str) -> bool:
    """"RM23.50", "5,000", "-1.6", "50mph" are amounts; a name with a number in it ("XB-90", "Su-27") is not."""
    g = nb.split_glued(text)
    if g is None:
        return False
    return not (g.prefix[:1].isalpha() and nb.currency_code(g.prefix) is None and g.sign < 0)


def _conversion(doc: Doc, before: _Number, num: _Number) -> bool:
    """num restates the amount just before it in another unit: "87 mph (140 km/h)", "296 hp (224 kW / 300 PS)"."""
    between = [doc[k].text for k in range(before.end, num.start)]
    return num.unit is not None and num.unit != "ratio" and bool(between) and len(between) <= 2 \
        and set(between) <= {"(", "/", ","} and ("(" in between or "/" in between) \
        and (doc[before.start - 1].text == "(" or "(" in between)


def _claims(
    doc: Doc, quotes: Sequence[Quote], entities: DocEntities, document: Document
) -> Iterator[NumericClaim]:
    cutoff = _end_of_article(doc_text(doc))
    previous: dict[int, tuple[Token, str]] = {}  # sentence start -> last counted noun and its text
    last: tuple[_Number, Token | None, str | None] | None = None  # the last number kept, what it counts
    found = list(_scan(doc))
    doc.user_data["kg.number_tokens"] = frozenset(i for n in found for i in range(n.start, n.end))
    kept = [n for n in found if doc[n.start].idx < cutoff and not _excluded(doc, n)]
    # the words of other amounts, left out of a counted phrase ("seven mln 50-cent shares" counts "shares");
    # a length of time stays, it tells the thing apart ("nine month profits", "a four-week moving average"),
    # and so does a number that is no claim ("five Boeing 757-200 planes")
    doc.user_data["kg.amount_tokens"] = frozenset(i for n in kept if nb.unit_code(n.unit) not in _TIME_CODES
                                                  for i in range(n.start, n.end))
    for num in kept:
        placing = False  # a length of time that is the period a statement covers ("the past five days")
        span = doc[num.start : num.end]
        sent = span.sent
        if _boilerplate(sent):
            continue
        top = _top(doc, num)
        label = table_label(doc, num)
        hyphened = hyphen_count(doc, num) if label is None else None
        if hyphened is not None:
            # "a 10-member panel": the members are counted, the panel is what has them
            noun, arg, inherited = hyphened[0], hyphened[1], None
        elif label is not None:
            # "Revs 48.2 mln vs 44.9 mln": the line's label is what both figures measure
            noun, arg, inherited = label[0], top, None
        elif last is not None and _conversion(doc, last[0], num):
            # "seven miles (11 km)", "1.3 billion shekels ($350 million)": the same amount in another unit
            # measures what the first one measures
            noun, arg, inherited = last[1], top, (last[1], last[2]) if last[1] is not None else None
        else:
            noun, arg, inherited = _counted(doc, num, top, previous.get(sent.start))
        if noun is not None and not any(ch.isalpha() for ch in noun.text) and not index_name(noun):
            noun = None  # punctuation the parser took for a noun counts nothing
        if noun is not None and inherited is None and (_numberish(noun) or _glued_amount_text(noun.text)) \
                and not index_name(noun) and not model_plural(noun):
            noun = None  # "rose 18 sen to RM23.50": the other amount is not what this one counts
        if noun is not None and noun.lower_ in nb.context("time_units") and num.unit == "ratio":
            continue  # a rule about time ("90 out of 180 days"), not a share of anything
        if (noun is not None and noun.lower_ in nb.context("time_units") and num.unit is None) or \
                nb.unit_code(num.unit) in _TIME_CODES:
            if _time_reference(doc, num):
                if not _period_covered(doc, num):
                    continue  # "two years later", "seven months ago", "10 years in prison": a date, a term
                # "over the past three months", "in the first 100 days": the period a statement covers is a
                # figure the text states, with its time unit; it measures nothing else, so it has no counted
                # phrase and compares with nothing
                if num.unit is None and noun.i == num.end:
                    num.unit = nb.measure_unit(noun.text)
                if num.unit is None:
                    continue  # "two of them last year": the time word is no unit of this number
                noun, inherited, placing = None, None, True
            elif num.unit is None and noun.i > num.end \
                    and any(doc[k].lower_ in _DEICTIC for k in range(num.end, noun.i)):
                noun = None  # "4.6 last year": a time word after other words places the figure, it is no unit
            elif num.unit is None and noun.i < num.start:
                pass  # "the winter months stayed at 9,200": the months stand at the level, they are no unit
            elif num.unit is None:  # "for three months": the time word is the unit
                num.unit = nb.measure_unit(noun.text)
                noun, arg, inherited = _counted(doc, num, top, None)  # what lasts that long
        if noun is not None and inherited is None and _reference(doc, num, noun):
            continue
        definite = noun is not None and inherited is None and _definite_count(doc, num, noun)
        if _in_date(doc, num) and (noun is None or noun.ent_type_ in _DATE_LABELS) \
                and not (nb.unit_code(num.unit) in _TIME_CODES and noun is None) \
                and not nb.is_currency(num.unit):  # the small model tags "at 1112 p" a date: money is none
            continue  # "July 14", "September 21, 2022": spaCy's DATE, and nothing else is counted
        counts = _np_text(noun, num) if noun is not None else None
        if hyphened is not None:
            counts = hyphen_counts_text(*hyphened)  # "member panel", "cylinder engine"
        if label is not None:
            counts = label[1]
        if inherited is not None:
            counts = inherited[1]
        last = (num, noun, counts)
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
        if placing:
            confidence = 0.6
        if definite:
            confidence = 0.7  # "the two candidates": how many, of a set the story may have named before
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
            time=(table_period(doc, num) if label is not None else None) or _time(doc, verb, sent, num),
            source=source,
            source_kind=kind,
            quote_index=quote_index,
            confidence=confidence,
            unit_code=None if nb.is_currency(num.unit) else nb.unit_code(num.unit),
            change=_change(doc, num),
            subject=_subject(doc, num, noun, verb, entities),
            owner=None if inherited is not None else counted_owner(noun, set(range(num.start, num.end)) | num.core,
                                                                    entities),
        )

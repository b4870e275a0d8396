"""Numbers in words that go on with a statement the quote extractor attributed only in part.

A reporter attributes a statement once and lets it run on: a quotation that opens after an attributed one
("Lind said the fund was short. “It has lost nearly half its money in two years.”"), or the sentence
after a lead-in that ends in a colon ("The audit found: 40 percent of the buses were late."). The
quote extractor keeps to the words it can tie to a cue; the numbers in what follows are still that
source's, and this module finds whose they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.quantities.tokens import _paragraph_bounds
from kg.records import Quote

# opening and closing marks of a quotation; the straight double quote opens and closes alike
_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'
# how far before the opening mark the attributed statement may end: the paragraph before, not the article
_MAX_GAP = 400
# fewest words a quotation has to be a statement of its own rather than a phrase in scare quotes
_MIN_WORDS = 6


def opening_mark(text: str, lo: int, start: int) -> int | None:
    """The offset of the quotation mark still open at ``start`` in the paragraph that begins at ``lo``,
    or None when ``start`` is outside any quotation there."""
    stack: list[int] = []
    straight: int | None = None
    for k in range(lo, start):
        ch = text[k]
        if ch == _OPEN:
            stack.append(k)
        elif ch == _CLOSE and stack:
            stack.pop()
        elif ch == _STRAIGHT:
            straight = k if straight is None else None
    found = [k for k in (*stack[-1:], straight) if k is not None]
    return max(found) if found else None


def continued_quote(text: str, quotes: Sequence[Quote], start: int, named) -> int | None:
    """The index of the attributed quote whose statement a quotation holding ``start`` goes on with: the
    quotation opens after that quote ends, in the same paragraph or the one after it, with no other
    quotation between them ("Carter said the region matters. “It is home to half the world's people.”").
    ``named(quote)`` tells a quote whose source has a name; the quote right before must have one."""
    lo, hi = _paragraph_bounds(text, start)
    opening = opening_mark(text, lo, start)
    if opening is None:
        return None
    # a statement, not a phrase in scare quotes ("Romney's “47 percent” remark"): several words quoted
    close = min((k for k in (text.find(_CLOSE, start, hi), text.find(_STRAIGHT, start, hi)) if k >= 0), default=hi)
    if len(text[opening + 1 : close].split()) < _MIN_WORDS:
        return None
    before = [(q.evidence.end, qi) for qi, q in enumerate(quotes)
              if q.evidence.end <= opening and opening - q.evidence.end <= _MAX_GAP]
    if not before:
        return None
    end, qi = max(before)
    between = text[end:opening]
    # another quotation between them has a speaker of its own, even if no one attributed it
    if between.count(_OPEN) or between.count(_STRAIGHT) > 1:
        return None
    # the statement ended in the paragraph before this one at the latest
    if text.count("\n\n", end, opening) > 1:
        return None
    return qi if named(quotes[qi]) else None


# marks that end a quote's clause but not the sentence a fronted attribution governs: "The audit found that
# 40 percent were late; 12 percent were cancelled"
_CLAUSE_ENDS = (";",)


def semicolon_continued(text: str, quotes: Sequence[Quote], start: int, sentence: tuple[int, int], named) -> int | None:
    """The index of the quote whose statement a later clause of the same sentence goes on with after a
    semicolon, when the attribution comes first and so governs the whole sentence ("As the survey noted, rents
    in the county rose 4 percent; in the city they rose 9 percent"; "The auditors reported that Acme holds
    $20 billion abroad; Zenith holds $3 billion"). An attribution at the end of a clause vouches only for
    that clause, so the speaker must stand before the quote's words; nothing quoted lies between."""
    lo, hi = sentence
    before = [(q.evidence.end, qi) for qi, q in enumerate(quotes)
              if lo <= q.evidence.start and q.evidence.end <= start and not q.parts]
    if not before:
        return None
    end, qi = max(before)
    quote = quotes[qi]
    said = quote.speaker_evidence
    if said is None or said.start >= quote.evidence.start or said.start < lo:
        return None  # "…, the survey found": the attribution stops at its own clause
    if len(quote.content.split()) < _MIN_WORDS:
        return None  # a stance on someone ("have endorsed her"), not a statement a clause could go on with
    between = text[end:start]
    if not any(mark in between for mark in _CLAUSE_ENDS) or any(ch in between for ch in (_OPEN, _STRAIGHT, _CLOSE)):
        return None
    return qi if named(quote) else None

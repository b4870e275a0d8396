"""Quotation marks: which marks open and close a quotation, paragraph by paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.quotes.common import _AFTER_CLOSER, _BEFORE_OPENER, _MARKS, _OPENERS, paragraphs
from kg.extract.quotes.cues import _Attribution


@dataclass(frozen=True)
class Quoted:
    """A stretch of text in quotation marks (marks excluded); ``close`` None when never closed."""

    start: int
    end: int
    open: int | None
    close: int | None
    para_start: int
    para_end: int
    attribution: _Attribution | None = None


def _closer_like(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return not before.isspace() and (after.isspace() or after in _AFTER_CLOSER)


def _opener_like(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return (before.isspace() or before in _BEFORE_OPENER) and not after.isspace()


def mark_pairs(text: str) -> list[tuple[int, int | None, int, int]]:
    """(open, close, paragraph start, paragraph end) for every quotation, paragraph by paragraph.

    Marks alternate open/close within a paragraph whatever their shape (sites type “ for ” and
    straight quotes are ambiguous); a closing-looking mark while nothing is open is dropped.
    """
    paras = paragraphs(text)
    marks = [[i for i in range(s, e) if text[i] in _MARKS] for s, e in paras]
    out: list[tuple[int, int | None, int, int]] = []
    skip: set[int] = set()
    for k, (ps, pe) in enumerate(paras):
        opened = None
        for m in marks[k]:
            if m in skip:
                continue
            if opened is None:
                if text[m] not in _OPENERS and _closer_like(text, m, ps, pe) and not _opener_like(text, m, ps, pe):
                    continue  # a closing mark with nothing open: its opening mark was lost
                opened = m
            else:
                out.append((opened, m, ps, pe))
                opened = None
        if opened is None:
            continue
        # a line that starts by closing the quote continues it (a hard line break inside a quote)
        if k + 1 < len(paras) and marks[k + 1]:
            ns, ne = paras[k + 1]
            first = marks[k + 1][0]
            if _closer_like(text, first, ns, ne) and not _opener_like(text, first, ns, ne):
                out.append((opened, first, ps, ne))
                skip.add(first)
                continue
        out.append((opened, None, ps, pe))
    return out

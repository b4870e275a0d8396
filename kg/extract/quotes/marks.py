"""Quotation marks: which marks open and close a quotation, paragraph by paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.quotes.common import _AFTER_CLOSER, _BEFORE_OPENER, _MARKS, _OPENERS, paragraphs
from kg.extract.quotes.cues import _Attribution

# two-character quotation marks: two apostrophes for both “ and ” (''We won,'' she said. -- as some
# newspaper archives type them), two backticks for an opening mark (``We won,'' in typewriter style)
_DOUBLE_APOSTROPHE = "''"
_BACKTICKS = "``"


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


def _marks_in(text: str, start: int, end: int) -> list[int]:
    """Positions of the quotation marks in ``text[start:end]``. A two-character mark (``''`` as the
    New York Times types “ and ”, the typewriter opener ````) is given by the character next to the
    quoted text: its second character when it opens, its first when it closes, so that the quotation
    is always ``text[open + 1 : close]`` (a mark that may do either is recorded at its first
    character; ``_as_opener`` moves it when it opens)."""
    out = []
    i = start
    while i < end:
        ch = text[i]
        if ch in _MARKS:
            out.append(i)
        elif text.startswith(_DOUBLE_APOSTROPHE, i) or text.startswith(_BACKTICKS, i):
            out.append(i)
            i += 2
            continue
        i += 1
    return out


def is_double_mark(text: str, i: int) -> bool:
    """The mark recorded at ``i`` is the first character of a two-character mark."""
    return text.startswith(_DOUBLE_APOSTROPHE, i) or text.startswith(_BACKTICKS, i)


def _as_opener(text: str, m: int) -> int:
    return m + 1 if is_double_mark(text, m) else m


def _closer_like_at(text: str, m: int, lo: int, hi: int) -> bool:
    if not is_double_mark(text, m):
        return _closer_like(text, m, lo, hi)
    before = text[m - 1] if m > lo else " "
    after = text[m + 2] if m + 2 < hi else " "
    return not before.isspace() and (after.isspace() or after in _AFTER_CLOSER)


def _opener_like_at(text: str, m: int, lo: int, hi: int) -> bool:
    if not is_double_mark(text, m):
        return _opener_like(text, m, lo, hi)
    before = text[m - 1] if m > lo else " "
    after = text[m + 2] if m + 2 < hi else " "
    return (before.isspace() or before in _BEFORE_OPENER) and not after.isspace()


def mark_pairs(text: str) -> list[tuple[int, int | None, int, int]]:
    """(open, close, paragraph start, paragraph end) for every quotation, paragraph by paragraph.

    Marks alternate open/close within a paragraph whatever their shape (sites type “ for ” and
    straight quotes are ambiguous); a closing-looking mark while nothing is open is dropped. The
    quotation is ``text[open + 1 : close]`` also for the two-character marks ``''`` and ````.
    """
    paras = paragraphs(text)
    marks = [_marks_in(text, s, e) for s, e in paras]
    out: list[tuple[int, int | None, int, int]] = []
    skip: set[int] = set()
    for k, (ps, pe) in enumerate(paras):
        opened = None
        for m in marks[k]:
            if m in skip:
                continue
            if opened is None:
                if (text[m] not in _OPENERS and not text.startswith(_BACKTICKS, m)
                        and _closer_like_at(text, m, ps, pe) and not _opener_like_at(text, m, ps, pe)):
                    continue  # a closing mark with nothing open: its opening mark was lost
                opened = _as_opener(text, m)
            else:
                out.append((opened, m, ps, pe))
                opened = None
        if opened is None:
            continue
        # a line that starts by closing the quote continues it (a hard line break inside a quote)
        if k + 1 < len(paras) and marks[k + 1]:
            ns, ne = paras[k + 1]
            first = marks[k + 1][0]
            if _closer_like_at(text, first, ns, ne) and not _opener_like_at(text, first, ns, ne):
                out.append((opened, first, ps, ne))
                skip.add(first)
                continue
        out.append((opened, None, ps, pe))
    return out

"""Wire-service result tables: one figure line per paragraph, "LABEL figure vs figure".

Newswires publish company results as short lines under a headline ("Shr 41 cts vs 37 cts", "Net 2,310,000 vs
1,980,000", "Revs 48.2 mln vs 44.9 mln", "Oper shr loss 9 cts vs profit 4 cts"): the figure before "vs" is
this period, the one after it the same period a year earlier. The label at the start of the line is what both
figures measure, and the parse of such a line says nothing useful, so it is read from the tokens.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import numbers as nb
from kg.extract.quantities.tokens import _Number, _numberish, _paragraph_bounds
from kg.extract.text import doc_text

_VS = {"vs", "vs.", "versus"}
_SIGN_WORDS = {"profit", "loss"}  # "Shr profit 15 cts vs loss four cts": each figure says which it is
_MAX_LABEL = 5


def table_label(doc: Doc, num: _Number) -> tuple[Token, str] | None:
    """(head token, label text) when the number stands in a "LABEL figure vs figure" line, else None."""
    text = doc_text(doc)
    lo, hi = _paragraph_bounds(text, doc[num.start].idx)
    para = text[lo:hi]
    if " vs" not in para and " versus " not in para or "\n" in para.strip() or hi - lo > 200:
        return None  # cheap tests first: a results line is short and says "vs"
    span = doc.char_span(lo, hi, alignment_mode="expand")
    line = list(span) if span is not None else []
    if not line or not any(t.lower_ in _VS for t in line):
        return None
    first_num = next((k for k, t in enumerate(line) if _numberish(t) or nb.split_glued(t.text) is not None), None)
    if first_num is None or not 1 <= first_num <= _MAX_LABEL:
        return None
    label = line[:first_num]
    if not all(t.is_alpha or t.text in (".", "&", "-") for t in label) or not label[0].is_alpha \
            or any(t.lower_ in _VS for t in label):  # "div sevens cts vs 6.5 cts": a misspelt figure, no label
        return None
    # the figure's own words after "vs" ("vs loss 2,516,000") replace the label's profit/loss word
    own: list[Token] = []
    for t in reversed([t for t in line if t.i < num.start]):
        if t.lower_ in _VS:
            break
        if not t.is_alpha:
            own = []
            break
        own.insert(0, t)
    else:
        own = []  # the first figure: the label is its own
    words = [t.text for t in label]
    if own and any(t.lower_ in _SIGN_WORDS for t in own):
        words = [w for w in words if w.lower() not in _SIGN_WORDS] + [t.text for t in own]
    head = next((t for t in reversed(label) if t.lower_ not in _SIGN_WORDS), label[-1])
    return head, " ".join(words)


def table_period(doc: Doc, num: _Number) -> str | None:
    """The period a results line reports: the nearest period line above it ("Six mths", "Year"), else the
    period in the headline ("... 2ND QTR NET"); the figure after "vs" is the same period a year earlier."""
    text = doc_text(doc)
    lo, hi = _paragraph_bounds(text, doc[num.start].idx)
    period = None
    end = lo
    while end > 0 and period is None:
        start = text.rfind("\n\n", 0, max(end - 2, 0))
        para = text[(start + 2 if start >= 0 else 0) : end].strip()
        end = start if start >= 0 else 0
        if not para:
            continue
        words = para.split()
        periodic = [k for k, w in enumerate(words) if w.lower().strip(".,") in nb.context("results_periods")]
        if start < 0 and periodic:  # the headline: "NORTHWIND TOOLS INC <NWT> 2ND QTR NET"
            k = periodic[0]
            period = " ".join(words[max(k - 1, 0) : k + 1]) if k and _ordinal_like(words[k - 1]) else words[k]
        elif len(words) <= 4 and periodic and " vs" not in para and not any(c.isdigit() for c in para[:1]):
            period = para  # "Six mths", "Year", "12 mths"
    if period is None:
        return None
    after_vs = any(t.lower_ in _VS for t in doc[max(num.start - 4, 0) : num.start]
                   if lo <= t.idx < hi)
    return f"{period}, a year earlier" if after_vs else period


def _ordinal_like(word: str) -> bool:
    low = word.lower()
    return low[:1].isdigit() and low.endswith(("st", "nd", "rd", "th")) or low in (
        "first", "second", "third", "fourth", "nine", "six", "three", "twelve", "12")

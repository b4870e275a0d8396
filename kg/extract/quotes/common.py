"""Shared pieces of quote extraction: constants, evidence spans, token lookup by offset, the Quote builder."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from kg.extract.coref import Sentences
from kg.records import Evidence

_SUBJ = "nsubj"
_CLAUSE = ("ccomp",)
_OPEN_CLAUSE = "xcomp"
_NEG = "neg"
_RELATIVE = ("WP", "WDT")
# children of a reporting verb that may sit in an attribution ("he said at a government session")
_ATTRIB_CHILDREN = ("advmod", "prep", "npadvmod", "punct", "aux", "neg", "dobj", "dative", "prt", "cc", "tmod")
_TERMINAL = ".!?…"
_MARKS = "\"“”„«»"
# quotation marks as spaCy tokens: the one-character marks and the two-character '' and ``
_MARK_TOKENS = frozenset((*_MARKS, "''", "``"))
_OPENERS = "“„«"
# dashes: em, en, the horizontal bar (some sites type ― for every dash: "…” ― Ana Ruiz") and the hyphen
_DASHES = "—–―-"
_AFTER_CLOSER = ".,;:!?)]…" + _DASHES
_BEFORE_OPENER = "([{:" + _DASHES
# a news-agency dateline opening a paragraph: upper-case place, optional date, optional (Agency), a dash
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:,[^\n()—–-]{0,30})?\s*(?:\([^)\n]{1,30}\))?\s*[—–-]+\s*")
_MIN_WORDS = 3  # fewer words in marks is a name, a title or a scare quote, not a statement

CONF_SAME_SENTENCE = 0.9
CONF_DASH = 0.8
CONF_NEIGHBOUR = 0.7
CONF_RECOVERED = 0.6
CONF_REPORTED = 0.85

def evidence(doc: Doc, start: int, end: int, sentences: Sentences | None = None) -> Evidence:
    """Evidence for ``text[start:end]`` with the sentence(s) it sits in (pass ``sentences`` when
    calling it many times on one Doc)."""
    sentences = sentences or Sentences(doc)
    text = sentences.text
    if end <= start:
        s_start, s_end = start, end
    else:
        s_start, s_end = sentences.at(start).start_char, sentences.at(end - 1).end_char
    # spaCy's sentences sometimes run over a paragraph break: the sentence stops at the paragraph
    para_end = text.find("\n", end)
    s_start = max(s_start, text.rfind("\n", 0, start) + 1)
    s_end = min(s_end, para_end if para_end >= 0 else len(text))
    while s_end > s_start and text[s_end - 1].isspace():
        s_end -= 1
    s_start, s_end = min(s_start, start), max(s_end, end)
    return Evidence(start, end, text[start:end], s_start, s_end, text[s_start:s_end])


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, surrounding blanks excluded."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    return out


class _Tokens:
    """Character offsets → tokens, and the reporting-verb tests the extractor needs."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def between(self, start: int, end: int) -> list[Token]:
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        return [self.doc[i] for i in range(lo, hi) if not self.doc[i].is_space]

    def at(self, offset: int) -> Token:
        return self.doc[max(0, bisect_right(self.starts, offset) - 1)]


def _longest_run(toks: list[Token]) -> list[Token]:
    """The longest stretch of consecutive tokens."""
    runs: list[list[Token]] = []
    for tok in toks:
        if runs and runs[-1][-1].i + 1 == tok.i:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return max(runs, key=len) if runs else []

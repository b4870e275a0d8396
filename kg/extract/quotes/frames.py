"""The text around a quotation: the words before and after its marks, the neighbouring sentences, where
it starts and ends, and pairs of marks that hold a name or a title (a mixin of ``DirectQuotes``).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.quotes.common import (
    _DASHES,
    _MARK_TOKENS,
    _MIN_WORDS,
    _TERMINAL,
)
from kg.extract.quotes.cues import (
    is_reporting,
)
from kg.extract.quotes.marks import Quoted, is_double_mark
from kg.records import Quote

_WORD = re.compile(r"[^\W_]+")
_MAX_TITLE_WORDS = 4  # "Meet the Press", "Vote Gomez", "Make It Work Again": a name or a slogan


class QuoteFrames:
    """The words, sentences and marks around a quotation."""

    def _after_frame(self, q: Quoted) -> list[Token]:
        """Tokens after the closing mark up to the end of the sentence, the paragraph or the next mark."""
        out = []
        for tok in self.tokens.between(q.close + 1, q.para_end):
            if tok.text in _MARK_TOKENS:
                if self._title_mark(tok):
                    continue  # “…,” said Eastland, wearing a “Cruz” pin: a name in marks, not a quotation
                break
            out.append(tok)
            if tok.text in _TERMINAL and tok.i > 0:
                break
        return out

    def _before_frame(self, q: Quoted) -> list[Token]:
        toks = self.tokens.between(q.para_start, self._mark_start(q))
        out: list[Token] = []
        for tok in reversed(toks):
            if tok.text in _MARK_TOKENS and self._title_mark(tok):
                continue  # On “Meet the Press” Sunday, she said, “…”
            if tok.text in _TERMINAL or tok.text in _MARK_TOKENS:
                break
            out.insert(0, tok)
        return out

    def _neighbour_sentence(self, offset: int, before: bool, cross_paragraph: bool):
        sent = self.sentence_at(offset)
        k = self.sentences.index_at(sent.start_char)
        k = k - 1 if before else k + 1
        if not 0 <= k < len(self.sents):
            return None
        cand = self.sents[k]
        # a sentence span ends with the blank lines after it: the paragraph break is between them
        lo, hi = (cand.start_char + len(cand.text.rstrip()), offset) if before else (offset, cand.start_char)
        if not cross_paragraph and "\n" in self.text[lo:hi]:
            return None
        if cross_paragraph and self.text[lo:hi].count("\n") > 2:
            return None
        return cand

    def _same_paragraph(self, a: int, b: int) -> bool:
        return "\n" not in self.text[a:b].strip()

    def _introduces(self, sent) -> bool:
        """A paragraph that ends by introducing a quotation ("He told the crowd:"); any other sentence
        ending a paragraph (“… asked him about the schools.”) does not attribute the next paragraph."""
        return sent.text.rstrip()[-1:] in ":,"

    def _title_mark(self, tok: Token) -> bool:
        """A mark of a pair that holds a short name or title (a show, a slogan, a nickname) and no
        statement: it belongs to the sentence around it."""
        span = self._short_pairs.get(tok.idx)
        if span is None:
            return False
        o, c = span
        return not any(q.start < c and q.end > o for q in self.quoted)

    @property
    def _short_pairs(self) -> dict[int, tuple[int, int]]:
        """Mark offset → (open, close) of every closed pair of marks in one paragraph holding at most
        ``_MAX_TITLE_WORDS`` words (both marks point to the pair; a two-character mark by either character)."""
        if getattr(self, "_short_pairs_cache", None) is None:
            out = {}
            for o, c, _, _ in self.pairs:
                if c is None or len(_WORD.findall(self.text[o + 1 : c])) > _MAX_TITLE_WORDS:
                    continue
                for i in (o - 1, o, c, c + 1):
                    out[i] = (o, c)
            self._short_pairs_cache = out
        return self._short_pairs_cache

    def _mark_start(self, q: Quoted) -> int:
        """Where the opening mark begins (``q.open`` is the last character of a two-character mark)."""
        return q.open - 1 if q.open > 0 and is_double_mark(self.text, q.open - 1) else q.open

    def _ends_sentence(self, q: Quoted) -> bool:
        """The quotation ends its sentence: a full stop inside the marks and a capital after them (“We won.”
        The count …), or "?"/"!" and a capitalised word that is no name (“Why?” She answered, “…”); not
        “We won,” she said, nor “Won?” he asked, nor “Why?” Smith asked."""
        end = self.text[q.start : q.close].rstrip("'’ ")[-1:]
        rest = self.text[q.close + 1 : q.para_end].lstrip(" '\"”’")
        if end == ".":
            return rest[:1].isupper()
        # after "?" or "!" a name may follow ("“Why?” Smith asked"), a capitalised common word starts anew
        if end in "?!" and rest[:1].isupper():
            first = self.tokens.at(q.close + 1 + len(self.text[q.close + 1 : q.para_end]) - len(rest))
            return first.pos_ != "PROPN"
        return False

    def _starts_paragraph(self, q: Quoted) -> bool:
        return not self.text[q.para_start : self._mark_start(q) if q.open is not None else q.start].strip()

    def _whole_sentence(self, q: Quoted) -> bool:
        content = self.text[q.start : q.end].rstrip()
        first = next((c for c in content if c.isalpha()), "")
        return first.isupper() and content[-1:] in _TERMINAL and len(content.split()) >= _MIN_WORDS

    def _embedded(self, q: Quoted) -> bool:
        """The opening mark continues a running sentence ("proposed creating “favorable conditions”"),
        unless the word before it is a reporting verb ("said “We …”")."""
        text = self.text
        i = self._mark_start(q) - 1
        while i >= q.para_start and text[i] in " \t":
            i -= 1
        if i < q.para_start:
            return False
        prev = text[i]
        if prev in ".!?:,;(…" + _DASHES or prev in "”\"»":
            return False
        return not is_reporting(self.tokens.at(i))

    def _short(self, q: Quoted) -> bool:
        return len([t for t in self.tokens.between(q.start, q.end) if t.is_alpha or t.like_num]) < _MIN_WORDS

    def _quote_speaker_in(self, start: int, end: int) -> Quote | None:
        for quote in reversed(self.direct):
            if quote.speaker is not None and quote.evidence.start < end and quote.evidence.end > start:
                return quote
        return None

"""Content spans of reported statements: the words of a statement as one stretch of the text, never across a
paragraph break or a wire dateline, with the quotation marks of a partial quote it holds kept."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.quotes.common import _DATELINE, _MARK_TOKENS, _MIN_WORDS, _OPENERS, _longest_run
from kg.extract.quotes.cues import source_phrase


def _without_terms(toks: list[Token]) -> list[Token]:
    """The statement without a closing "on (the) condition of anonymity" / "on condition that …"."""
    if not toks:
        return toks
    last = toks[-1].i
    for k, t in enumerate(toks):
        if k and t.lower_ == "on" and t.dep_ == "prep" and t.right_edge.i >= last:
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() == "condition":
                return toks[:k]
    return toks


def _twos(marks: list[str]) -> int:
    """How many two-character marks (''We won,'' as some archives type “ and ”, or ``We won,'')."""
    return marks.count("''") + marks.count("``")


class ContentSpans:
    """Mixed into ``_Extractor``: needs ``doc``, ``text`` and ``_paragraph_of``."""

    @staticmethod
    def _closed_in(toks: list[Token]) -> bool:
        marks = [t.text for t in toks if t.text in _MARK_TOKENS]
        return bool(marks) and (marks.count('"') % 2 == 1 or "”" in marks or _twos(marks) % 2 == 1)

    @staticmethod
    def _opened_in(toks: list[Token]) -> bool:
        marks = [t.text for t in toks if t.text in _MARK_TOKENS]
        return bool(marks) and (marks.count('"') % 2 == 1 or marks.count("“") > marks.count("”")
                                or _twos(marks) % 2 == 1)

    def _content_span(self, toks: list[Token], anchor: Token, min_words: int = _MIN_WORDS) -> tuple[int, int] | None:
        # a statement never crosses a paragraph break, though spaCy's sentences sometimes do
        ps, pe = self._paragraph_of(anchor.idx)
        toks = [t for t in toks if not t.is_space and ps <= t.idx < pe]
        # nor does it include a wire dateline ("LONDON, June 2 (Reuters) - ")
        if toks:
            m = _DATELINE.match(self.text, toks[0].idx, toks[-1].idx)
            if m:
                toks = [t for t in toks if t.idx >= m.end()]
        # an "according to …" inside the statement is a second attribution, not part of what was said
        nested = {d.i for t in toks if source_phrase(t) is not None for d in t.subtree}
        if nested:
            toks = _longest_run([t for t in toks if t.i not in nested])
        # leading punctuation goes, except the opening mark of a partial quote ('that "thieves" had …')
        while toks and (toks[0].dep_ in ("mark", "cc") or toks[0].lower_ == "that" or (
                toks[0].is_punct and not (toks[0].text in _OPENERS + '"' and self._closed_in(toks[1:])))):
            toks = toks[1:]
        # "… on (the) condition of anonymity" at the end tells how the source spoke, not what it said
        toks = _without_terms(toks)
        # trailing punctuation goes, except the closing mark of a partial quote the statement contains
        while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct) and not (
                toks[-1].text in ("”", '"', "’", "''") and self._opened_in(toks[:-1])):
            toks = toks[:-1]  # "… any candidate, and": a conjunction left by a clause the parser split off
        words = [t for t in toks if t.is_alpha or t.like_num]
        if len(words) < min_words:
            return None
        end = toks[-1].idx + len(toks[-1].text)
        # the closing mark of a partial quote that ends the statement is attached elsewhere by the parser
        text = self.text
        start = toks[0].idx
        if self._closed_in(toks) and not self._opened_in(toks):
            # and so is the opening mark of a quotation that starts it: 'said “it is late” every time …'
            before = start
            while before > ps and text[before - 1] in " \t":
                before -= 1
            if before > ps and text[before - 1] in _OPENERS + '"':
                start = before - 1
        if self._opened_in(toks):
            if text.startswith("''", end):
                end += 2  # the two-apostrophe closing mark some archives type for ”
            elif text[end : end + 1] in ("”", '"'):
                end += 1
            elif text[end : end + 1] in (".", ",", "!", "?") and text[end + 1 : end + 2] in ("”", '"'):
                end += 2  # 'had "given a lesson in democracy."' keeps the period typed inside the marks
            elif text[end : end + 1] in (".", ",", "!", "?") and text.startswith("''", end + 1):
                end += 3
        return start, end

    def _quotation_end(self, start: int, end: int, para_end: int, embedded: bool = False) -> tuple[int, int]:
        """A statement that opens a quotation it does not close ends at the closing mark, in the same paragraph,
        though the parser ends it with the first sentence in the marks: 'Cruz added that he was "fighting for
        the Constitution. I will tell you this, we will win."' is one statement, and so is 'argues that "only
        Cruz can win. The math works."' (its opening mark kept). ``embedded``: only a quotation the sentence runs
        into ('cited "broken pipes, dirty floors."'), not one a comma or a colon introduces as a direct quote of
        its own ('released a statement saying, "…"')."""
        for o, c, _, _ in self.pairs:
            if o >= end:
                break
            if c is None or not end <= c < para_end or not any(ch.isalnum() for ch in self.text[end:c]):
                continue  # (only words the statement left out: not a mark or a comma it stopped before)
            if embedded and self.text[:o].rstrip()[-1:] in (",", ":"):
                continue
            if start <= o:
                return start, c + 1
            if not self.text[o + 1 : start].strip():
                return o, c + 1
        return start, end

"""Direct quotes: stretches in quotation marks and who they are attributed to."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.quotes.attribute import DirectAttribution
from kg.extract.quotes.common import (
    _DASHES,
    _MIN_WORDS,
    _TERMINAL,
    evidence,
)
from kg.extract.quotes.cues import (
    _according_to,
    _Attribution,
    _attribution,
    _attribution_only,
    _quote,
    _trailing_attribution,
    relative_mention,
)
from kg.extract.quotes.frames import QuoteFrames
from kg.extract.quotes.marks import Quoted
from kg.records import Quote

_WORD = re.compile(r"[^\W_]+")


class DirectQuotes(DirectAttribution, QuoteFrames):
    """The direct-quote half of the extractor (mixed into ``_Extractor``): finding the quotations here,
    attributing them in ``attribute``, the text around them in ``frames``."""

    def _paragraph_of(self, offset: int) -> tuple[int, int]:
        k = bisect_right(self._para_starts, offset) - 1
        if k >= 0 and offset < self.paragraphs[k][1]:
            return self.paragraphs[k]
        return 0, len(self.text)

    def sentence_at(self, offset: int):
        return self.sentences.at(offset)

    def _inside_quote(self, tok: Token) -> bool:
        return bool(self._quoted_chars[tok.idx])

    def _outside(self, toks: list[Token]) -> list[Token]:
        return [t for t in toks if not self._inside_quote(t)]

    # -- direct quotes --------------------------------------------------------------------------------
    def direct_quotes(self) -> Iterator[Quote]:
        text = self.text
        self.resolver.quoted_chars = self._marked_chars  # names inside quotations are no antecedents
        self.quoted = [q for q in self._quoted(text) if self._is_statement(q)]
        self.contents = [(q.start, q.end) for q in self.quoted]
        for s, e in self.contents:
            self._quoted_chars[s:e] = b"\x01" * (e - s)
        for q in self.quoted:
            att, conf = self._attribute(q)
            quote = self._make(q, att, conf)
            if quote is not None:
                self.direct.append(quote)
                yield quote

    def _quoted(self, text: str) -> list[Quoted]:
        out: list[Quoted] = []
        for o, c, ps, pe in self.pairs:
            if c is not None:
                span = self._trim(o + 1, c)
                if span is not None:
                    out.append(self._mixed(Quoted(span[0], span[1], o, c, ps, pe)))
                continue
            first = self._first_sentence(o + 1, pe)
            att = _attribution_only(first) if first else None
            if att is not None:
                self._misplaced_closer(out, o, ps, pe, att)
                continue
            end, att = self._cut_unclosed(o + 1, pe)
            span = self._trim(o + 1, end)
            if span is not None:
                out.append(Quoted(span[0], span[1], o, None, ps, pe, att))
        return out

    def _mixed(self, q: Quoted) -> Quoted:
        """A quotation that the sentence runs into and its attribution follows straight away is one statement
        from the sentence's start: 'The people of Dover “deserve a mayor who shows up,” said the man who …' --
        the words before the marks are the speaker's too (a mixed quotation). Else ``q`` unchanged."""
        if self.text[q.start : q.close].rstrip()[-1:] not in ",?!" or not self._embedded(q):
            return q
        mark = self._mark_start(q)
        start = max(self.sentence_at(mark).start_char, q.para_start)
        lead = self.text[start:mark]
        if len(_WORD.findall(lead)) < 2 or any(ch in lead for ch in "\"“”„«»") or not self._said_right_after(q):
            return q
        return Quoted(start, q.close + 1, None, q.close, q.para_start, q.para_end)

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in _DASHES):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in "," + _DASHES):
            end -= 1
        return (start, end) if end > start else None

    def _first_sentence(self, start: int, end: int) -> list[Token]:
        out = []
        for tok in self.tokens.between(start, end):
            out.append(tok)
            if tok.text in _TERMINAL:
                break
        return out

    def _misplaced_closer(self, out: list[Quoted], mark: int, ps: int, pe: int, att: _Attribution) -> None:
        """A mark before a bare attribution closes what came before it: the quotation opened earlier in
        the paragraph when nothing attributes it in between, else the sentence just before."""
        prev = out[-1] if out and out[-1].para_start == ps and out[-1].close is not None else None
        if prev is not None and not self._is_statement(prev):
            prev = None
        if prev is not None and _attribution(self.tokens.between(prev.close + 1, mark)) is None:
            span = self._trim(prev.start, mark)
            if span is not None:
                out[-1] = Quoted(span[0], span[1], prev.open, mark, ps, pe, att)
            return
        if mark <= ps:
            return
        sent = self.sentence_at(mark - 1)
        span = self._trim(max(sent.start_char, ps), mark)
        if span is not None and not any(q.start < span[1] and q.end > span[0] for q in out):
            out.append(Quoted(span[0], span[1], None, mark, ps, pe, att))

    def _cut_unclosed(self, start: int, end: int) -> tuple[int, _Attribution | None]:
        """Where a quotation that is never closed ends: before an attribution inside the paragraph,
        else at the paragraph end."""
        for sent in self.sents[self.sentences.index_at(start) :]:
            if sent.start_char >= end:
                break
            if sent.end_char <= start:
                continue
            toks = self.tokens.between(max(sent.start_char, start), min(sent.end_char, end))
            trailing = _trailing_attribution(toks)
            if trailing is not None:
                return trailing
            if sent.start_char > start:
                att = _attribution(toks)
                if att is not None and att.subject.i < att.verb.i:
                    return sent.start_char, att
        return end, None

    def _is_statement(self, q: Quoted) -> bool:
        """A statement, not a scare quote, a title or a name in quotation marks."""
        toks = self.tokens.between(q.start, q.end)
        words = [t for t in toks if t.is_alpha or t.like_num]
        # the punctuation typed before the closing mark ("…,” she said"), which q.end leaves out
        content = self.text[q.start : q.close if q.close is not None else q.end].rstrip()
        if len(words) < _MIN_WORDS:
            # a chant or a shout straight after its speech verb is a statement however short ("The crowd
            # chanted, “No toll!”"); two words in marks otherwise are a name, a title or a scare quote
            # -- and so is a short answer its attribution follows straight away ("“Absolutely,” he said",
            # "“Never!” the fans shouted"), when the marks do not sit inside a running sentence
            if not words or q.open is None:
                return False
            if (content[-1:] in "!?" or (content[-1:] == "." and content[:1].isupper())) and self._verb_before(q):
                return True  # (and a short whole sentence: she laughed and said, “We’ll see.”)
            return (q.close is not None and content[-1:] in ",?!" and not self._embedded(q)
                    and self._said_right_after(q))
        ends_clause = content[-1:] in _TERMINAL + ",;:" + _DASHES[:-1]
        if q.attribution is not None:
            return True
        if not ends_clause and not any(t.pos_ in ("VERB", "AUX") for t in toks):
            return False
        if q.open is not None and self._embedded(q):
            return False
        # a quotation the sentence goes on to use as a phrase ("“Build back better” was the slogan")
        if q.close is not None and not ends_clause:
            after = self._after_frame(q)
            if any(t.is_alpha for t in after) and after[0].text not in _DASHES and not (
                    _attribution(after) or _according_to(after)):
                return False
        return True

























    def _make(self, q: Quoted, att, conf: float) -> Quote | None:
        ev = evidence(self.doc, q.start, q.end, self.sentences)
        content = ev.text
        if isinstance(att, Quote):  # inherited from the quote just before (continued quotation)
            return Quote(att.speaker, att.speaker_mention, att.cue, content, True, ev, att.speaker_evidence,
                         att.speaker_type, round(conf * att.confidence, 2), stance=att.stance)
        if att is None:
            # a whole unattributed sentence in quotation marks is kept while pieces are joined (it may
            # continue an attributed quotation) and dropped after that (see merge.join_pieces)
            if content.rstrip()[-1:] not in _TERMINAL:
                return None
            return Quote(None, None, None, content, True, ev, None, None, 0.5,
                         reason="no attribution found near the quotation")
        spk = self.resolver.resolve(att.subject)
        if att.cue == "unnamed":  # a common noun in the speaker's place (see _after_subject)
            spk = spk or self.resolver.unnamed(att.subject)
            att = _Attribution(att.verb, att.subject)
        if spk is None:
            return Quote(None, None, None, content, True, ev, None, None, 0.5,
                         reason=f"attributed to {att.subject.text!r}, which is not a speaker")
        if att.verb is not None:  # "the report, which notes, “…”": Resolved name, the mention "which"
            spk = relative_mention(att.verb, spk)
        return _quote(self.doc, spk, att.verb, content, True, ev, conf, cue=att.cue, sentences=self.sentences)

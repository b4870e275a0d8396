"""Reported speech from the dependency parse: "X said (that) …", "according to X, …"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.coref import Speaker, could_speak
from kg.extract.quotes.common import (
    _CLAUSE,
    _DATELINE,
    _MARKS,
    _MIN_WORDS,
    _NEG,
    _OPEN_CLAUSE,
    _OPENERS,
    CONF_REPORTED,
    _longest_run,
    evidence,
)
from kg.extract.quotes.cues import (
    _quote,
    cue_of,
    is_object_cue,
    is_reporting,
    noun_cues,
    object_cue_of,
    proposal_verbs,
    relative_mention,
    source_phrase,
    subject_of,
)
from kg.records import Quote

# the children of an object cue that carry what was criticised, praised or asked for
_OBJECT_PARTS = ("dobj", "oprd", "prep", "attr", "dative", "acomp", "xcomp", "ccomp", "prt")
# prepositions that usually give the circumstances of the act, not its content
_CIRCUMSTANCE_PREPS = frozenset(("in", "on", "at", "during", "after", "before", "since", "while", "at", "from", "via"))
CONF_OBJECT = 0.75
CONF_LABEL = 0.7
CONF_NOUN = 0.65
# the prepositions after a noun cue whose object is the content ("criticism of the plan", "support for X")
_NOUN_CONTENT_PREPS = frozenset(("of", "for", "on", "about", "against", "to"))


class ReportedSpeech:
    """The reported-speech half of the extractor (mixed into ``_Extractor``)."""

    def reported(self) -> Iterator[Quote]:
        direct = [(q.evidence.start, q.evidence.end) for q in self.direct]
        taken: list[tuple[int, int]] = []
        for tok in self.doc:
            nested = self._inside_quote(tok) or self._in_marks(tok)
            if nested and not self._named_subject(tok):
                continue  # someone else's words: only a named inner speaker is attributed there
            obj = source_phrase(tok)
            if obj is not None:
                quote = self._according(tok, obj)
            elif is_reporting(tok):
                quote = self._said_that(tok)
                if quote is None and is_object_cue(tok):
                    quote = self._object_cue(tok)
            elif is_object_cue(tok):
                quote = self._object_cue(tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in noun_cues():
                quote = self._noun_cue(tok)
            else:
                continue
            if quote is None:
                continue
            # a nested quote (a speaker quoting someone else) keeps its inner speaker
            if any(quote.evidence.start < e and quote.evidence.end > s for s, e in taken + ([] if nested else direct)):
                continue
            taken.append((quote.evidence.start, quote.evidence.end))
            yield quote

    def _in_marks(self, tok: Token) -> bool:
        return bool(self._marked_chars[tok.idx])

    def _named_subject(self, tok: Token) -> bool:
        """A cue inside quotation marks whose own subject, inside the marks too, is a name: the inner
        speaker of a nested quote ("“My father told me Rosa Diaz said …”")."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return (subj is not None and subj.pos_ == "PROPN"
                and bool(self._marked_chars[subj.idx] or self._quoted_chars[subj.idx]))

    def labelled(self) -> Iterator[Quote]:
        """Paragraphs opening with a speaker label ("Pratt: Toll Plan Is a Tax on Commuters") whose
        rest is not a quotation already attributed."""
        for label in self.labels.values():
            end = label.content_end
            if sum(self._quoted_chars[label.content_start : end]) * 2 > end - label.content_start:
                continue  # a quotation: the direct quote carries it
            while end > label.content_start and self.text[end - 1] in ". ":
                end -= 1
            spk = self.resolver.resolve(label.head)
            if spk is None or end - label.content_start < 8:
                continue
            if spk.start < label.start or spk.end > label.end:  # resolved outside the label: keep the label
                mention = self.text[label.start : label.end]
                spk = Speaker(None, mention, label.start, label.end, None, 0.5, f"unnamed source {mention!r}")
            yield _quote(self.doc, spk, None, self.text[label.content_start : end], False,
                         evidence(self.doc, label.content_start, end, self.sentences), CONF_LABEL, cue="label",
                         sentences=self.sentences)

    def _said_that(self, verb: Token) -> Quote | None:
        if any(c.dep_ == _NEG for c in verb.children):
            return None
        subj, comps, own = self._statement_of(verb)
        if subj is None or not comps:
            return None
        toks = sorted(t for c in comps for t in c.subtree if t.i not in own)
        span = self._content_span(toks, verb)
        if span is None:
            return None
        topic = subject_of(comps[0]) if comps[0].i != verb.i else None
        spk = self.resolver.resolve(subj, topic)
        if spk is None:
            return None
        spk = relative_mention(verb, spk)
        return _quote(self.doc, spk, verb, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_REPORTED, sentences=self.sentences)

    def _object_cue(self, verb: Token) -> Quote | None:
        """"X criticized the plan as reckless", "X called for an inquiry", passive "the plan was
        praised by X": the object and what completes it are the content."""
        if any(c.dep_ == _NEG for c in verb.children):
            return None
        subj = subject_of(verb)
        toks: list[Token] = []
        if subj is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if subj is None:
                return None
            # the passive's subject is what was praised; what follows the agent is left out (one span)
            toks = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
        phrasal = object_cue_of(verb).split("_")[1:]
        for c in verb.children if not toks else ():
            if c.i < verb.i or c.dep_ not in _OBJECT_PARTS:
                continue
            if c.dep_ == "prep" and c.lower_ in phrasal:
                toks.extend(t for g in c.children for t in g.subtree)  # "called for an inquiry": the inquiry
                continue
            if c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE_PREPS:
                continue  # "on Tuesday", "in a statement": when and where, not what
            toks.extend(c.subtree)
        if not toks or self._inside_quote(subj):
            return None
        span = self._content_span(sorted(set(toks)), verb, min_words=1)  # "endorsed Smith"
        if span is None:
            return None
        spk = self.resolver.resolve(subj)
        if spk is None:
            return None
        spk = relative_mention(verb, spk)
        return _quote(self.doc, spk, verb, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_OBJECT, sentences=self.sentences)

    def _noun_cue(self, noun: Token) -> Quote | None:
        """"his claim that …", "the senator's criticism of the plan", "a statement by the ministry that …"."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        content: list[Token] = []
        for c in noun.children:
            if c.i < noun.i:
                continue
            if c.dep_ == "prep" and c.lower_ in ("by", "from") and owner is None:
                owner = next((g for g in c.children if g.dep_ == "pobj"), None)
            elif c.dep_ in ("acl", "ccomp") and not content:
                content = list(c.subtree)  # "claim that …", "promise to …"
            elif (c.dep_ == "prep" and c.lower_ in _NOUN_CONTENT_PREPS and not content
                  and "object" in noun_cues()[noun.lemma_.lower()]):
                content = [t for g in c.children if g.dep_ == "pobj" for t in g.subtree]
        if owner is None or not content or not (could_speak(owner) or owner.lower_ in ("his", "her", "their")):
            return None
        span = self._content_span(content, noun, min_words=1)
        if span is None:
            return None
        spk = self.resolver.resolve(owner)
        if spk is None:
            return None
        return _quote(self.doc, spk, None, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_NOUN, cue=noun.lemma_.lower(),
                      sentences=self.sentences)

    def _statement_of(self, verb: Token) -> tuple[Token | None, list[Token], set[int]]:
        """(speaker head, heads of the statement's clauses, token ids to leave out of the statement)."""
        subj = subject_of(verb)
        if subj is None:
            # "…, the press service of the president reported on Tuesday": parsed as a participle
            # modifying the speaker ("the service reported" = "the service that was reported")
            if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and self._closes(verb, verb.head):
                clause = verb.head.head
                while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                    clause = clause.head
                if clause.pos_ in ("VERB", "AUX") and clause.i < verb.head.i:
                    return verb.head, [clause], {t.i for t in verb.head.subtree}
            return None, [], set()
        comps = [c for c in verb.children if c.dep_ in _CLAUSE]
        # the statement follows the verb ("said that …") or precedes it and its subject, set off by a
        # comma ("…, the president said"); a clause before a colon introduces the speaker instead
        right = [c for c in comps if c.i > verb.i]
        comps = right or [c for c in comps if self._comma_after(c) and c.right_edge.i < subj.left_edge.i]
        if not comps and cue_of(verb).replace("_", " ") in proposal_verbs():
            comps = [c for c in verb.children if c.dep_ == _OPEN_CLAUSE and c.tag_ in ("VBG", "VB")]
        # "X will cut flights, the carrier said": parsed as a clause coordinated with the statement
        if (not comps and verb.dep_ in ("conj", "parataxis") and verb.head.i < subj.i < verb.i
                and self._closes(verb, subj)):
            return subj, [verb.head], {t.i for t in verb.subtree}
        return subj, comps, set()

    def _closes(self, verb: Token, subj: Token) -> bool:
        """The speaker and the verb close the sentence after a comma: ", the carrier said on Monday." """
        before = subj.left_edge.i - 1
        if before < 0 or self.doc[before].text != ",":
            return False
        rest = [t for t in self.doc[verb.i + 1 : self.sentences.of(verb).end] if not t.is_space]
        return all(t.is_punct or verb.is_ancestor(t) for t in rest) and not any(
            c.dep_ in (*_CLAUSE, _OPEN_CLAUSE) for c in verb.children)

    def _according(self, tok: Token, obj: Token) -> Quote | None:
        """"According to X, <statement>" / "<statement>, according to X": the clause the phrase modifies."""
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        while head.dep_ == "conj" and head.head.i < head.i and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "A rose, and B could follow, according to X": X said both
        phrase = {t.i for t in tok.subtree}
        clause = sorted(t for t in head.subtree if t.i not in phrase)
        if tok.i < head.i:
            part = [t for t in clause if t.i > max(phrase)]
        else:
            part = [t for t in clause if t.i < min(phrase)]
        span = self._content_span(part, tok)
        if span is None:
            return None
        spk = self.resolver.resolve(obj)
        if spk is None:
            return None
        return _quote(self.doc, spk, None, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_REPORTED, cue="according_to",
                      sentences=self.sentences)

    @staticmethod
    def _closed_in(toks: list[Token]) -> bool:
        marks = [t.text for t in toks if t.text in _MARKS]
        return bool(marks) and (marks.count('"') % 2 == 1 or "”" in marks)

    @staticmethod
    def _opened_in(toks: list[Token]) -> bool:
        marks = [t.text for t in toks if t.text in _MARKS]
        return bool(marks) and (marks.count('"') % 2 == 1 or marks.count("“") > marks.count("”"))

    def _comma_after(self, clause: Token) -> bool:
        nxt = clause.right_edge.i + 1
        return nxt < len(self.doc) and self.doc[nxt].text in (",", "”", '"')

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
        # trailing punctuation goes, except the closing mark of a partial quote the statement contains
        while toks and toks[-1].is_punct and not (toks[-1].text in "”\"’" and self._opened_in(toks[:-1])):
            toks = toks[:-1]
        words = [t for t in toks if t.is_alpha or t.like_num]
        if len(words) < min_words:
            return None
        end = toks[-1].idx + len(toks[-1].text)
        # the closing mark of a partial quote that ends the statement is attached elsewhere by the parser
        text = self.text
        if self._opened_in(toks):
            if text[end : end + 1] in ("”", '"'):
                end += 1
            elif text[end : end + 1] in (".", ",", "!", "?") and text[end + 1 : end + 2] in ("”", '"'):
                end += 2  # 'had "given a lesson in democracy."' keeps the period typed inside the marks
        return toks[0].idx, end

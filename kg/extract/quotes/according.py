"""Attributions through a source phrase: "according to X, …", "…, per the filing", "That's according to X"
(the sentence before). Whatever "according to" names is a source, even a noun no list has."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import Speaker, document_nouns, noun_phrase
from kg.extract.quotes.common import CONF_REPORTED, evidence
from kg.extract.quotes.cues import _quote, is_object_cue, is_reporting, subject_of
from kg.records import Quote

# words that point back to the sentence before: "That's according to the filings."
_POINTERS = frozenset(("that", "this", "those", "these", "it"))


def _per_source(obj: Token) -> bool:
    """"per the filing", "per her lawyer", "per Jane Smith": a determined noun or a person's name; a bare
    noun after "per" is a rate ("per share", "per tonne")."""
    if obj.ent_type_ == "PERSON":
        return True
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "each", "every") for c in obj.children)


def _is_document(tok: Token) -> bool:
    """A poll, report, record or count (quote_document_nouns.txt): "the audit found", "records show"."""
    return tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in document_nouns() or tok.lower_ in document_nouns())


class SourcePhrases:
    """Mixed into ``_Extractor``: needs ``doc``, ``text``, ``sentences``, ``resolver`` and ``_content_span``."""

    def _according(self, tok: Token, obj: Token) -> Quote | None:
        """"According to X, <statement>" / "<statement>, according to X": the clause the phrase modifies."""
        if tok.lower_ == "per" and not _per_source(obj):
            return None  # "1.50 dlrs per share", "per tonne FOB": a rate, not a source
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        while head.dep_ == "conj" and head.head.i < head.i and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "A rose, and B could follow, according to X": X said both
        phrase = {t.i for t in tok.subtree}
        clause = sorted(t for t in head.subtree if t.i not in phrase)
        if head.i == tok.i:  # "That's according to …" parsed with "according" as the verb
            part = [t for c in tok.children if c.i < tok.i for t in c.subtree]
        elif tok.i < head.i:
            part = [t for t in clause if t.i > max(phrase)]
        else:
            part = [t for t in clause if t.i < min(phrase)]
        anchor = tok
        if self._only_pointer(part):
            part = self._previous_sentence(tok)  # "That's according to the filings": what came before
            anchor = part[0] if part else tok
        span = self._content_span(part, anchor)
        if span is None:
            return None
        spk = self.resolver.resolve(obj)
        if spk is None and tok.lower_ == "according":  # "per graduate" is a rate, "according to" always a source
            spk = self._any_source(obj)
        if spk is None:
            return None
        return _quote(self.doc, spk, None, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_REPORTED, cue="according_to",
                      sentences=self.sentences)

    def _named_actor(self, verb: Token) -> bool:
        """The verb's subject resolves to a named source (a person or organisation the article names)."""
        subj = subject_of(verb)
        spk = self.resolver.resolve(subj) if subj is not None else None
        return spk is not None and spk.name is not None

    @staticmethod
    def _only_pointer(toks: list[Token]) -> bool:
        """The clause is nothing but a pointer back ("That's", "This is") to the sentence before."""
        words = [t for t in toks if not t.is_punct and not t.is_space]
        return (0 < len(words) <= 2 and words[0].lower_ in _POINTERS
                and all(t.lemma_ == "be" for t in words[1:]))

    def _previous_sentence(self, tok: Token) -> list[Token]:
        """The tokens of the sentence before ``tok``'s (it may close the paragraph before)."""
        sent = self.sentences.of(tok)
        if sent.start == 0:
            return []
        prev = self.sentences.of(self.doc[sent.start - 1])
        return [t for t in prev if not t.is_space]

    def _any_source(self, obj: Token) -> Speaker | None:
        """Whatever "according to" names is a source, even a noun no source list has ("according to a
        CNN tally", "according to state law"): a name inside it is who stands behind it, else the noun
        phrase is an unnamed source."""
        if obj.pos_ not in ("NOUN", "PROPN"):
            return None
        span = noun_phrase(obj)
        for t in span:
            if t.i != obj.i and (t.dep_ == "poss" or (t.dep_ == "compound" and t.pos_ == "PROPN")) and t.head == obj:
                found = self.resolver.resolve(t)
                if found is not None and found.name is not None:
                    return Speaker(found.name, span.text, span.start_char, span.end_char, found.type,
                                   round(found.confidence * 0.9, 2))
        return Speaker(None, span.text, span.start_char, span.end_char, None, 0.0,
                       reason=f"unnamed source {span.text!r}")

    def _in_document(self, prep: Token) -> Quote | None:
        """"In a Harbour Institute survey published on Friday, most tenants backed a rent cap": a
        sentence that opens with "In" + a poll, survey or report and a comma reports that document's finding.
        Not when the clause is someone's statement ("In a letter, the mayor said …": the letter is only the
        channel) or the document is the place of an act ("In the report, the auditors list …" is kept: lists
        are findings; "In the ruling, the judge said" is not)."""
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        sent = self.sentences.of(prep)
        first = sent.start
        while first < prep.i and self.doc[first].is_space:
            first += 1
        if obj is None or prep.i != first or not _is_document(obj):
            return None
        after = prep.right_edge.i + 1
        head = prep.head
        if after >= sent.end or self.doc[after].text != "," or head.pos_ not in ("VERB", "AUX") or head.i < after:
            return None
        if is_reporting(head) or any(is_reporting(c) for c in head.children if c.dep_ in ("ccomp", "parataxis")):
            return None
        if is_object_cue(head) and self._named_actor(head):
            return None  # "In a letter, the mayor criticized …"; but "In a poll, most tenants backed …" is found
        span = self._content_span([t for t in head.subtree if t.i > after], prep)
        if span is None:
            return None
        spk = self._any_source(obj)
        if spk is None:
            return None
        return _quote(self.doc, spk, None, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_REPORTED, cue="in",
                      sentences=self.sentences)

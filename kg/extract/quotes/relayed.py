"""Statements relayed by a second source: "“…,” the senator said, according to the pool report." names two
sources of the same words -- the senator who said them and the report that passes them on. The second one is
an attribution of its own (stance ``reported``), so a reader can see who vouches for the quotation. The relaying
phrase is "according to Y" or a relay verb (quote_relay_verbs.txt) with its own subject: "…, reports the
Gazette", "As the Gazette reported, …"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from spacy.tokens import Token

from kg.extract.coref import noun_phrase
from kg.extract.lexicon import rule_words
from kg.extract.quotes.according import _is_document
from kg.extract.quotes.common import evidence
from kg.extract.quotes.cues import SHARE, source_phrase, subject_of
from kg.records import Quote

# the source phrases that relay someone's words ("…,” she said, according to CNN"); "per" is left out: after
# a quotation it names a translator or a rate more often than a second source ("said, per a translator")
_RELAY_WORDS = frozenset(("according",))
# how much less sure a relayed attribution is than the attribution it relays
_RELAY_CONF = 0.9
# where the parser puts the subject of an inverted relay verb: "…, reports the Gazette"
_INVERTED = ("nsubj", "dobj", "attr", "npadvmod", "dep")


@cache
def relay_verbs() -> frozenset[str]:
    return frozenset(rule_words("quote_relay_verbs.txt"))


def _relaying(tok: Token, q: Quote) -> Token | None:
    """The source named by "according to Y" at ``tok``, the subject of a relay verb at ``tok``, or for a share
    of those polled the poll named by an "in" phrase ("In the harbour survey, 55 percent said …")."""
    if tok.lower_ in _RELAY_WORDS:
        return source_phrase(tok)
    if tok.lower_ == "in" and tok.dep_ == "prep" and (q.reason or "").startswith(SHARE):
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        return obj if obj is not None and _is_document(obj) else None
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in relay_verbs():
        return None
    subj = subject_of(tok)
    if subj is None:  # "…, reports the Gazette": the subject after its verb
        subj = next((c for c in tok.rights if c.dep_ in _INVERTED and c.pos_ in ("NOUN", "PROPN")), None)
    return subj


class RelayedSources:
    """Mixed into ``_Extractor``: needs ``sentences``, ``resolver``, ``doc`` and ``_any_source``."""

    def relayed(self, quotes: list[Quote]) -> Iterator[Quote]:
        """For each attributed quote whose attribution sentence also has an "according to Y" phrase outside
        the quoted words (or "…, the Gazette reported"), the same words attributed to Y."""
        taken = {(q.speaker_evidence.start, q.speaker_evidence.end) for q in quotes if q.speaker_evidence}
        for q in quotes:
            spk_ev = q.speaker_evidence
            if spk_ev is None or q.cue == "according_to":
                continue
            sent = self.sentences.at(spk_ev.start)
            for tok in sent:
                obj = _relaying(tok, q)
                found = self._relay(q, tok, obj, taken) if obj is not None else None
                if found is not None:
                    taken.add((found.speaker_evidence.start, found.speaker_evidence.end))
                    yield found
                    break

    def _relay(self, q: Quote, tok: Token, obj: Token, taken: set[tuple[int, int]]) -> Quote | None:
        spk_ev = q.speaker_evidence
        phrase = noun_phrase(obj)
        if obj.pos_ not in ("NOUN", "PROPN"):
            return None  # "according to him": the speaker again
        if any(ev.start <= tok.idx < ev.end or ev.start <= obj.idx < ev.end for ev in q.parts or (q.evidence,)):
            return None  # inside the quoted words: part of what was said
        if phrase.start_char < spk_ev.end and spk_ev.start < phrase.end_char:
            return None  # the phrase is what attributes the quote in the first place
        if any(phrase.start_char <= s < phrase.end_char for s, _ in taken):
            return None  # the phrase already attributes a statement of its own
        spk = self.resolver.resolve(obj) or self._any_source(obj)
        if spk is None or (spk.name is not None and spk.name == q.speaker):
            return None
        spk_evidence = evidence(self.doc, spk.start, spk.end, self.sentences)
        conf = round(q.confidence * _RELAY_CONF * (spk.confidence if spk.name else 0.5), 2)
        cue = "according_to" if tok.lower_ in _RELAY_WORDS | {"in"} else tok.lemma_.lower()
        return replace(q, speaker=spk.name, speaker_mention=spk.mention, cue=cue,
                       speaker_evidence=spk_evidence, speaker_type=spk.type, confidence=conf,
                       reason=None if spk.name else spk.reason, stance="reported")

"""Documents introduced by a lead-in paragraph: "Transcript as follows:", "The letter reads:", "Full text of
the memo below:" — a short paragraph that ends with a colon and names a document (quote_document_nouns.txt)
with no speaker of its own. The paragraphs after it, up to the next such lead-in or the end of the article, are
that document's words: one statement whose source is the document (an unnamed source when no name stands
behind it), with one part per paragraph. Speakers quoted inside it keep their own attributions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from kg.extract.coref import document_nouns
from kg.extract.quotes.common import CONF_REPORTED, evidence
from kg.extract.quotes.cues import _quote
from kg.extract.quotes.merge import JOINER
from kg.records import Quote

# the longest lead-in, in words: "The full transcript of the interview follows:"
_MAX_LEAD_WORDS = 8
# the only verbs a lead-in may hold: "as follows", "reads", "is below"
_LEAD_VERBS = frozenset(("follow", "read", "be"))
# the most paragraphs a document runs over
_MAX_PARAGRAPHS = 40


class DocumentLeadIns:
    """Mixed into ``_Extractor``: needs ``doc``, ``text``, ``paragraphs``, ``tokens``, ``sentences`` and
    ``_any_source``."""

    def document_leadins(self) -> Iterator[Quote]:
        leads = [(k, noun) for k, (ps, pe) in enumerate(self.paragraphs)
                 if (noun := self._document_lead(ps, pe)) is not None]
        for n, (k, noun) in enumerate(leads):
            stop = leads[n + 1][0] if n + 1 < len(leads) else len(self.paragraphs)
            body = [(s, e) for s, e in self.paragraphs[k + 1 : min(stop, k + 1 + _MAX_PARAGRAPHS)]
                    if self.text[s:e].strip()]
            if not body:
                continue
            spk = self._any_source(noun)
            if spk is None:
                continue
            if spk.name is None:  # "Partial transcript as follows:" is the partial transcript
                first = next(t for t in self.doc[noun.left_edge.i : noun.i + 1] if t.dep_ != "det" or t.i == noun.i)
                mention = self.text[first.idx : noun.idx + len(noun.text)]
                spk = replace(spk, mention=mention, start=first.idx, end=noun.idx + len(noun.text),
                              reason=f"unnamed source {mention!r}")
            pieces = [evidence(self.doc, s, e, self.sentences) for s, e in body]
            ev = evidence(self.doc, body[0][0], body[-1][1], self.sentences)
            quote = _quote(self.doc, spk, None, JOINER.join(p.text for p in pieces), False, ev, CONF_REPORTED,
                           cue="document", sentences=self.sentences)
            if quote is not None:
                yield replace(quote, parts=tuple(pieces)) if len(pieces) > 1 else quote

    def _document_lead(self, ps: int, pe: int) -> Token | None:
        """The document noun of a lead-in paragraph ``text[ps:pe]``, or None."""
        line = self.text[ps:pe].rstrip()
        if not line.endswith(":"):
            return None
        toks = [t for t in self.tokens.between(ps, ps + len(line)) if not t.is_punct and not t.is_space]
        if not toks or len(toks) > _MAX_LEAD_WORDS:
            return None
        if any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in _LEAD_VERBS for t in toks):
            return None  # "The mayor wrote:" is a speaker's lead-in (direct quotes read it)
        if any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in toks):
            return None  # "Ruiz's letter:" has a speaker
        return next((t for t in toks if t.pos_ in ("NOUN", "PROPN")
                     and (t.lemma_.lower() in document_nouns() or t.lower_ in document_nouns())), None)

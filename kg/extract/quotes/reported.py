"""Reported speech from the dependency parse: "X said (that) …", "according to X, …".

This module walks the tokens and picks, for each cue, the family of rules that reads it; each family lives in its
own module: ``statements`` (the clause of a reporting verb and the layouts the parser gives it), ``acts`` (object
cues, noun cues, verbs with quoted words in their object), ``according`` (source phrases), ``documents`` (a
document introduced by a lead-in paragraph, "Transcript as follows:") and ``spans`` (the content span of a
statement). A statement reported inside another one is the outer source's account and no claim of its own ("Ortiz
said Lane wants a new depot"), except a document's finding ("She said the audit found that …") and what an
"according to" source relays. The cue lists are data files under ``kg/extract/rules/``."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.coref import Speaker
from kg.extract.quotes.according import SourcePhrases, _is_document
from kg.extract.quotes.acts import ObjectCues
from kg.extract.quotes.common import evidence
from kg.extract.quotes.cues import (
    SHARE,
    _quote,
    cue_of,
    is_object_cue,
    is_reporting,
    noun_cues,
    reporting_verbs,
    source_phrase,
    stance_of,
)
from kg.extract.quotes.documents import DocumentLeadIns
from kg.extract.quotes.spans import ContentSpans
from kg.extract.quotes.statements import _FINDING_FORMS, Statements
from kg.records import Quote

CONF_LABEL = 0.7
# cues of findings: what a document or a record shows, not what a person says
_FINDING_CUES = frozenset(("show", "find", "indicate", "suggest", "demonstrate", "reveal", "determine", "conclude"))
# mentions that take up a speaker already named: not a second source inside a statement
_PRONOUN_MENTIONS = frozenset(("he", "she", "they", "i", "we", "you", "it", "who", "him", "her", "them", "his",
                               "their", "its", "one", "which", "that"))
# words of its own (outside the marks) a reported statement needs to absorb a quotation it holds:
# 'said “it is late” every time the bus came' has them, 'said that “we will win.”' has none
_ABSORB_WORDS = 2


def _within(s: int, e: int, outer_start: int, outer_end: int) -> bool:
    """[s, e) lies strictly inside [outer_start, outer_end)."""
    return outer_start <= s and e <= outer_end and (s, e) != (outer_start, outer_end)


def _another(inner: Quote, outer: Quote) -> bool:
    """The inner statement has a source of its own: a noun ("the audit found"), not a pronoun taking up the
    outer speaker ("Cruz says he supports …") and not the outer speaker again."""
    mention = (inner.speaker_mention or "").lower()
    if mention in _PRONOUN_MENTIONS:
        return False
    if (inner.reason or "").startswith(SHARE):
        return False  # "The poll found that 30% feared …": the share's answer is the poll's finding
    return inner.speaker is None or inner.speaker != outer.speaker


class ReportedSpeech(Statements, ObjectCues, SourcePhrases, ContentSpans, DocumentLeadIns):
    """The reported-speech half of the extractor (mixed into ``_Extractor``)."""

    def reported(self) -> Iterator[Quote]:
        direct = [((q.evidence.start, q.evidence.end), q) for q in self.direct]
        taken: list[tuple[int, int, Quote]] = []
        for tok in self.doc:
            nested = self._inside_quote(tok) or self._in_marks(tok)
            if nested and not self._named_subject(tok):
                continue  # someone else's words: only a named inner speaker is attributed there
            obj = source_phrase(tok)
            if obj is not None:
                quote = self._according(tok, obj)
            elif is_reporting(tok):
                quote = self._said_that(tok)
                if quote is None and (is_object_cue(tok) or self._passive_report(tok)):
                    quote = self._object_cue(tok)
            elif is_object_cue(tok) or self._provision(tok) or self._estimate(tok):
                quote = self._object_cue(tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in noun_cues():
                quote = self._noun_cue(tok)
            elif tok.lower_ == "in" and tok.dep_ == "prep":
                quote = self._in_document(tok)
            elif tok.pos_ == "NOUN" and tok.lower_ in _FINDING_FORMS:
                quote = self._noun_finding(tok)
            elif tok.pos_ == "VERB" and self._marks_after(tok):
                quote = self._quoted_act(tok)
            else:
                continue
            if quote is None:
                continue
            # a nested quote (a speaker quoting someone else) keeps its inner speaker
            qs, qe = quote.evidence.start, quote.evidence.end
            if any(qs < e and qe > s and not self._may_absorb(quote, d)
                   for (s, e), d in ([] if nested else direct)):
                continue
            # a statement inside another one is the outer source's account of it, and goes ("Ortiz said Lane
            # wants to close the depot" is Ortiz's claim; on PolNeAR dev the inner ones were 1 right in 6);
            # the outer statement replaces an inner one found first (", officials said" closing a sentence
            # that holds a cue). Some inner ones stay: see _keeps_inner
            inner = [k for k, (s, e, q) in enumerate(taken) if _within(s, e, qs, qe)
                     and _another(q, quote) and not self._keeps_inner(q, quote)]
            if any(qs < e and qe > s and not (_within(qs, qe, s, e) and self._keeps_inner(quote, q))
                   for k, (s, e, q) in enumerate(taken) if k not in inner):
                continue
            taken = [t for k, t in enumerate(taken) if k not in inner]
            taken.append((qs, qe, quote))
        yield from (q for _, _, q in taken)

    def _keeps_inner(self, inner: Quote, outer: Quote) -> bool:
        """``inner`` (inside ``outer``) stays a statement of its own: a document's finding with a source of its own
        ("She said the audit found that …": the figures in it are the audit's), or what an "according to" source
        says someone said ("Ruiz said the depot would close, according to the Gazette": Ruiz said it)."""
        if outer.cue == "according_to" and (inner.cue or "").replace("_", " ") in reporting_verbs():
            return True
        ev = inner.speaker_evidence
        mention = self.doc.char_span(ev.start, ev.end, alignment_mode="expand") if ev is not None else None
        return mention is not None and _is_document(mention.root) and _another(inner, outer)

    def _may_absorb(self, quote: Quote, direct: Quote) -> bool:
        """A reported statement that holds a whole direct quotation of the same speaker (or of none) and
        words of its own around it: "She said “the budget is sound” whenever the council asked" is one
        statement, the reported one; the quotation is part of its content (see ``absorb``)."""
        ev, dev = quote.evidence, direct.evidence
        if not (ev.start <= dev.start and dev.end <= ev.end) or quote.parts:
            return False
        if direct.speaker is not None and direct.speaker != quote.speaker:
            return False
        outside = [t for t in self.doc.char_span(ev.start, ev.end, alignment_mode="expand") or ()
                   if t.is_alpha and not self._marked_chars[t.idx] and not self._quoted_chars[t.idx]]
        return len(outside) >= _ABSORB_WORDS

    def _in_marks(self, tok: Token) -> bool:
        return bool(self._marked_chars[tok.idx])

    def _named_subject(self, tok: Token) -> bool:
        """A cue inside quotation marks whose own subject, inside the marks too, is a name: the inner
        speaker of a nested quote ("“My father told me Rosa Diaz said …”")."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        # only an act of speech reports the inner speaker's words: in “Ortiz has shown us who he is,” the
        # quoted speaker judges Ortiz, who says nothing (findings and states of mind stay the quotation's)
        if not is_reporting(tok) or cue_of(tok) in _FINDING_CUES or stance_of(cue_of(tok)) == "believes":
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
        yield from self.document_leadins()  # "Transcript as follows:" and the paragraphs after it


def absorb(direct: list[Quote], reported: list[Quote]) -> tuple[list[Quote], list[Quote]]:
    """A direct quotation inside a reported statement of the same speaker is part of that statement:
    'Ortiz said “it is late” every time the bus came' is one attribution whose content holds the marks.
    The reported statement stays and the quotation goes when every part of the quotation lies inside it;
    when only one part of a quotation split by its attribution does, the quotation stays whole and the
    reported statement goes (the same words are never claimed twice)."""
    keep_direct, drop_reported = [], set()
    for d in direct:
        pieces = d.parts or (d.evidence,)
        fits = [i for i, r in enumerate(reported) if _compatible(r, d)]
        if any(_holds(reported[i], d.evidence) for i in fits):
            continue  # the whole quotation is in a reported statement: that statement carries it
        drop_reported.update(i for i in fits if any(_holds(reported[i], p) for p in pieces))
        keep_direct.append(d)
    return keep_direct, [r for i, r in enumerate(reported) if i not in drop_reported]


def _holds(quote: Quote, ev) -> bool:
    return quote.evidence.start <= ev.start and ev.end <= quote.evidence.end and not quote.parts


def _compatible(reported: Quote, direct: Quote) -> bool:
    return direct.speaker is None or direct.speaker == reported.speaker

"""Quote attribution: who said what, as direct quotes (in quotation marks) and reported speech.

Direct quotes are found from the quotation marks of each paragraph, never across the whole text, so
one unbalanced mark costs at most one paragraph: an opening mark left open at the end of a paragraph
is closed by the next line only when that line starts by closing it (a broken line), otherwise the
quote ends at the paragraph end or before an attribution found inside it ("…, he continued.",
"In a cabinet meeting, he stated that …"); a stray mark in front of a bare attribution
("… payments. "Sayakmantova said.") is read as the misplaced closing mark it is. Each quoted stretch is
then attributed from, in order: the rest of its sentence (``“…,” he said``, ``— Tokayev``), the text
before it (``He wrote: “…``), the sentence before it (``He noted that … “…”`` and the second half of a
split quote), the sentence after it in the same paragraph. An "according to Y" in the attribution sentence
of a quote by someone else ("“…,” she said, according to CNN") makes Y a second, relaying source of the
same words.

Reported speech comes from the dependency parse: the clausal complement of a reporting verb whose
subject is the speaker (``X said/noted/told Y (that) …``), the gerund or infinitive of a proposal verb
(``proposed creating …``) and the clause an ``according to X`` phrase modifies. The verb lists are data
files under ``kg/extract/rules/``; speakers are resolved by ``kg.extract.coref``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from kg.extract.coref import Resolver, Sentences
from kg.extract.entities import DocEntities
from kg.extract.quotes.common import _Tokens, evidence, paragraphs
from kg.extract.quotes.cues import cue_of, is_reporting, proposal_verbs, reporting_verbs, source_phrase, subject_of
from kg.extract.quotes.direct import DirectQuotes
from kg.extract.quotes.labels import find_label
from kg.extract.quotes.marks import Quoted, mark_pairs
from kg.extract.quotes.merge import join_pieces, parts_of
from kg.extract.quotes.relayed import RelayedSources
from kg.extract.quotes.reported import ReportedSpeech, absorb
from kg.records import Quote

__all__ = [
    "Quoted", "cue_of", "evidence", "extract_quotes", "is_reporting", "mark_pairs", "paragraphs", "parts_of",
    "proposal_verbs", "reporting_verbs", "source_phrase", "subject_of",
]


class _Extractor(DirectQuotes, ReportedSpeech, RelayedSources):
    def __init__(self, doc: Doc, entities: DocEntities):
        self.doc = doc
        self.tokens = _Tokens(doc)
        self.sentences = Sentences(doc)
        self.text = self.sentences.text
        self.resolver = Resolver(doc, entities, self.sentences)
        self.sents = self.sentences.spans
        self.paragraphs = paragraphs(self.text)
        self._para_starts = [ps for ps, _ in self.paragraphs]
        self.quoted: list[Quoted] = []
        self.direct: list[Quote] = []
        self.contents: list[tuple[int, int]] = []  # every quoted stretch, attributed or not
        self._quoted_chars = bytearray(len(self.text) + 1)  # 1 where a character is inside a quotation
        self._marked_chars = bytearray(len(self.text) + 1)  # 1 inside any pair of double quotation marks
        self.pairs = mark_pairs(self.text)
        for o, c, _, _ in self.pairs:
            if c is not None:  # an unclosed mark's extent is decided later (it may stop before an attribution)
                self._marked_chars[o:c] = b"\x01" * (c - o)
        self.labels = {ps: lab for ps, pe in self.paragraphs if (lab := find_label(self.tokens, self.text, ps, pe))}


def extract_quotes(doc: Doc, entities: DocEntities) -> Iterator[Quote]:
    ex = _Extractor(doc, entities)
    direct = join_pieces(doc, list(ex.direct_quotes()), ex.sentences)
    reported = list(ex.reported()) + list(ex.labelled())
    direct, reported = absorb(direct, reported)  # a quotation inside a reported statement is part of it
    quotes = direct + reported
    quotes += list(ex.relayed(quotes))  # "…,” she said, according to the pool report": the report relays it
    yield from sorted(quotes, key=lambda q: (q.evidence.start, q.evidence.end))

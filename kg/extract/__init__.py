"""Extraction: spaCy ``Doc`` → typed records (``kg.records``). Never imports rdflib.

``extract_doc`` runs the extractors in a fixed order; each is a plain function over the ``Doc``
that later extractors may build on (quotes use entities; numbers use quotes for who asserted them).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from kg.extract.entities import extract_entities
from kg.records import Document, Extraction


def extract_doc(doc: Doc, document: Document, pipeline: str = "") -> Extraction:
    from kg.extract.quantities import extract_quantities
    from kg.extract.quotes import extract_quotes
    from kg.extract.relations import extract_relations

    _cache_sentences(doc)
    ents = extract_entities(doc)
    quotes = tuple(extract_quotes(doc, ents))
    quantities = tuple(extract_quantities(doc, quotes, ents, document))
    relations = tuple(extract_relations(doc, ents, document))
    return Extraction(
        document=document,
        entities=tuple(ents.entities),
        quotes=quotes,
        quantities=quantities,
        relations=relations,
        pipeline=pipeline,
    )


def _cache_sentences(doc: Doc) -> None:
    """Make ``span.sent`` and ``doc.sents`` O(log n) for the extractors.

    spaCy answers every ``span.sent`` by checking the whole Doc for sentence annotation and walking
    tokens; the extractors ask thousands of times per article, which made sentence lookup ~60% of
    extraction time. spaCy's own hooks let us compute the sentences once per Doc.
    """
    sents = list(doc.sents)
    starts = [s.start for s in sents]

    def sent_of(span: Span) -> Span:
        return sents[max(0, bisect_right(starts, span.start) - 1)]

    doc.user_hooks["sents"] = lambda _doc: iter(sents)
    doc.user_span_hooks["sent"] = sent_of

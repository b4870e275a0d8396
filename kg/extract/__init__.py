"""Extraction: spaCy ``Doc`` → typed records (``kg.records``). Never imports rdflib.

``extract_doc`` runs the extractors in a fixed order; each is a plain function over the ``Doc``
that later extractors may build on (quotes use entities; numbers use quotes for who asserted them).
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.entities import extract_entities
from kg.records import Document, Extraction


def extract_doc(doc: Doc, document: Document, pipeline: str = "") -> Extraction:
    from kg.extract.quantities import extract_quantities
    from kg.extract.quotes import extract_quotes
    from kg.extract.relations import extract_relations

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

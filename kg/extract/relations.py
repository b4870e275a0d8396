"""Relations (issue 6 replaces this placeholder body with the real extractor)."""

from collections.abc import Iterator

from spacy.tokens import Doc

from kg.extract.entities import DocEntities
from kg.records import Document, Relation


def extract_relations(doc: Doc, entities: DocEntities, document: Document) -> Iterator[Relation]:
    return iter(())

"""Numeric claims (issue 5 replaces this placeholder body with the real extractor)."""

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from kg.extract.entities import DocEntities
from kg.records import Document, NumericClaim, Quote


def extract_quantities(
    doc: Doc, quotes: Sequence[Quote], entities: DocEntities, document: Document
) -> Iterator[NumericClaim]:
    return iter(())

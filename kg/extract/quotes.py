"""Quote attribution (issue 4 replaces this placeholder body with the real extractor)."""

from collections.abc import Iterator

from spacy.tokens import Doc

from kg.extract.entities import DocEntities
from kg.records import Quote


def extract_quotes(doc: Doc, entities: DocEntities) -> Iterator[Quote]:
    return iter(())

"""ingest → extract → records: the NLP half of ``kg build`` and all of ``kg extract``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.extract import extract_doc
from kg.nlp import describe, load
from kg.records import Document, Extraction


def extract_documents(
    documents: Iterable[Document], pipeline: str | None = None, batch_size: int = 16
) -> Iterator[Extraction]:
    """One ``nlp.pipe`` pass over the documents; the extractors run on each parsed Doc."""
    nlp = load(pipeline)
    name = describe(nlp)
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, document, pipeline=name)

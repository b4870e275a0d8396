"""ingest → extract → records: the NLP half of ``kg build`` and all of ``kg extract``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from kg.extract import extract_doc
from kg.nlp import describe, load
from kg.records import Document, Extraction

OnError = Callable[[Document, Exception], None]


def extract_documents(
    documents: Iterable[Document],
    pipeline: str | None = None,
    batch_size: int = 16,
    on_error: OnError | None = None,
) -> Iterator[Extraction]:
    """One ``nlp.pipe`` pass over the documents; the extractors run on each parsed Doc.

    With ``on_error``, an article that breaks an extractor is handed to it and skipped, so one bad
    article never stops a batch; without it the exception propagates.
    """
    nlp = load(pipeline)
    name = describe(nlp)
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        try:
            yield extract_doc(doc, document, pipeline=name)
        except Exception as exc:
            if on_error is None:
                raise
            on_error(document, exc)

"""ingest → extract → records: the NLP half of ``kg build`` and all of ``kg extract``.

spaCy is ~90% of the time. ``nlp.pipe(n_process=2)`` gains only ~1.2× on two cores because the parent
rebuilds every Doc it receives; with ``workers > 1`` each worker process parses *and* extracts, and
sends back only the small frozen records.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from kg.extract import extract_doc
from kg.nlp import describe, load
from kg.records import Document, Extraction

OnError = Callable[[Document, Exception], None]


class ExtractionFailed(Exception):
    """Carries a worker's failure back to the parent (exceptions from extractors may not pickle)."""


def extract_documents(
    documents: Iterable[Document],
    pipeline: str | None = None,
    batch_size: int = 16,
    on_error: OnError | None = None,
    workers: int = 1,
) -> Iterator[Extraction]:
    """One ``nlp.pipe`` pass over the documents; the extractors run on each parsed Doc.

    With ``on_error``, an article that breaks an extractor is handed to it and skipped, so one bad
    article never stops a batch; without it the exception propagates. Output order = input order.
    """
    if workers > 1:
        pairs = _parallel(documents, pipeline, batch_size, workers)
    else:
        pairs = _extract(documents, pipeline, batch_size)
    for document, result in pairs:
        if isinstance(result, Extraction):
            yield result
        elif on_error is None:
            raise result
        else:
            on_error(document, result)


def _extract(documents: Iterable[Document], pipeline: str | None, batch_size: int):
    nlp = load(pipeline)
    name = describe(nlp)
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        try:
            yield document, extract_doc(doc, document, pipeline=name)
        except Exception as exc:
            yield document, exc


def _work(args: tuple[list[Document], str | None, int]) -> list[tuple[Document, Extraction | ExtractionFailed]]:
    docs, pipeline, batch_size = args
    return [
        (d, r if isinstance(r, Extraction) else ExtractionFailed(f"{r.__class__.__name__}: {r}"))
        for d, r in _extract(docs, pipeline, batch_size)
    ]


def _chunks(it: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(it)
    while chunk := list(islice(it, size)):
        yield chunk


def _parallel(documents, pipeline, batch_size, workers) -> Iterator[tuple[Document, Extraction | Exception]]:
    load(pipeline)  # load once in the parent: forked workers share it copy-on-write
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        jobs = ((chunk, pipeline, batch_size) for chunk in _chunks(documents, batch_size))
        for results in pool.imap(_work, jobs):
            yield from results

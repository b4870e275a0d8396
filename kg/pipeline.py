"""ingest → extract → records: the NLP half of ``kg build`` and all of ``kg extract``.

spaCy is most of the time. ``nlp.pipe(n_process=2)`` gains only ~1.2× on two cores because the parent
rebuilds every Doc it receives; with ``workers > 1`` each worker process parses *and* extracts (and, with
``finish``, renders the records — ``kg build`` gets N-Triples text back), so the parent only reads and
writes. With ``cluster`` (a ``dask.distributed`` scheduler address) the same batches run on a Dask cluster.

Everything streams: at most a few batches per worker are in flight, so memory does not grow with the
corpus, however many documents the iterator yields.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice

from kg.extract import extract_doc
from kg.nlp import describe, load
from kg.records import Document

OnError = Callable[[Document, Exception], None]
Finish = Callable  # (Extraction) -> anything picklable; runs where the extraction ran


class ExtractionFailed(Exception):
    """Carries a worker's failure back to the parent (exceptions from extractors may not pickle)."""


class WorkerLost(ExtractionFailed):
    """The process running a batch died (killed, out of memory) twice."""


def extract_documents(
    documents: Iterable[Document],
    pipeline: str | None = None,
    batch_size: int = 16,
    on_error: OnError | None = None,
    workers: int = 1,
    finish: Finish | None = None,
    cluster=None,
) -> Iterator:
    """One ``nlp.pipe`` pass over the documents; the extractors run on each parsed Doc.

    With ``on_error``, an article that breaks an extractor is handed to it and skipped, so one bad
    article never stops a batch; without it the exception propagates. Output order = input order, except
    on a Dask ``cluster`` (results come back as batches finish). ``finish`` maps each Extraction to what
    is yielded, in the worker. ``cluster``: a scheduler address or a ``distributed.Client``.
    """
    if cluster:
        pairs = _dask(documents, pipeline, batch_size, finish, cluster)
    elif workers > 1:
        pairs = _parallel(documents, pipeline, batch_size, workers, finish)
    else:
        pairs = _extract(documents, pipeline, batch_size, finish)
    for document, result in pairs:
        if not isinstance(result, Exception):
            yield result
        elif on_error is None:
            raise result
        else:
            on_error(document, result)


def _extract(documents: Iterable[Document], pipeline: str | None, batch_size: int, finish: Finish | None = None):
    nlp = load(pipeline)
    name = describe(nlp)
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        try:
            ex = extract_doc(doc, document, pipeline=name)
            yield document, (finish(ex) if finish is not None else ex)
        except Exception as exc:
            yield document, exc


# A short article of our own that reaches every extractor's lazily built tables (unit registry, gazetteer,
# lexicons, matchers): built once in the parent, forked workers share them instead of each building its own.
_WARM_UP = ('Acme Corp. said on Monday it would hire about 300 workers in Springfield, Ohio, 5 kilometres from Dayton, '
            'for $2.5 million, up 10% from last year. "We are growing," said Dana Whitfield, its chief executive, '
            'who told reporters that tens of thousands of people had applied.')


def warm_up(pipeline: str | None = None) -> None:
    """Load the pipeline and run the extractors once on ``_WARM_UP`` (whatever goes wrong there is left
    for the real articles to report)."""
    nlp = load(pipeline)
    try:
        extract_doc(nlp(_WARM_UP), Document(id="kg-warm-up", text=_WARM_UP, source_path="", content_hash=""))
    except Exception:  # noqa: BLE001, S110 - only a cache warm-up
        pass


def _light(doc: Document) -> Document:
    """What the parent needs of a failed document (its name), without sending its text back."""
    return replace(doc, text="", removed=())


def _work(args: tuple) -> list[tuple[Document | None, object]]:
    docs, pipeline, batch_size, finish = args
    return [
        (None, r) if not isinstance(r, Exception) else (_light(d), ExtractionFailed(f"{r.__class__.__name__}: {r}"))
        for d, r in _extract(docs, pipeline, batch_size, finish)
    ]


def _chunks(it: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(it)
    while chunk := list(islice(it, size)):
        yield chunk


def _parallel(documents, pipeline, batch_size, workers, finish) -> Iterator[tuple[Document | None, object]]:
    """Batches on a pool of forked worker processes, in input order. A batch whose worker died (killed,
    out of memory) is run once more, alone on a fresh pool; if it is lost again its documents are reported."""
    import os
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    from functools import partial

    from kg.children import die_with_parent

    warm_up(pipeline)  # load once in the parent: forked workers share it copy-on-write
    ctx = multiprocessing.get_context("fork")
    window = 2 * workers  # batches in flight: enough to keep every worker busy, bounded memory
    # a worker ends with the build, even one killed by the kernel (it would wait for its next batch forever)
    Pool = partial(ProcessPoolExecutor, mp_context=ctx, initializer=die_with_parent, initargs=(os.getpid(),))
    pool = Pool(workers)
    pending: deque = deque()  # (future, chunk)

    def submit(chunk):
        pending.append((pool.submit(_work, (chunk, pipeline, batch_size, finish)), chunk))

    try:
        chunks = _chunks(documents, batch_size)
        while True:
            while len(pending) < window and (chunk := next(chunks, None)) is not None:
                submit(chunk)
            if not pending:
                break
            fut, chunk = pending.popleft()
            try:
                results = fut.result()
            except BrokenProcessPool:
                # every batch in flight is lost with the pool, but only one killed it: rerun each alone on
                # a fresh pool, so a second death is that batch's own; the others come through
                lost = [chunk] + [c for _, c in pending]
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                for c in lost:
                    pool = Pool(1)
                    try:
                        yield from pool.submit(_work, (c, pipeline, batch_size, finish)).result()
                    except BrokenProcessPool:
                        for d in c:
                            yield _light(d), WorkerLost("its worker process died twice (killed or out of memory)")
                    finally:
                        pool.shutdown(wait=True)
                pool = Pool(workers)
                continue
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ------------------------------------------------------------------------------------------- Dask
def connect(address: str):
    """A ``dask.distributed`` client for ``address`` (``tcp://host:8786``), or one clear line."""
    from kg.errors import KgError

    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - distributed is a dependency
        raise KgError("--cluster needs dask.distributed (pip install 'distributed')") from None
    import os

    timeout = os.environ.get("KG_CLUSTER_TIMEOUT", "15")
    try:
        return Client(address, timeout=f"{timeout}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise KgError(f"{address}: cannot reach the Dask scheduler ({reason})") from None


def pipeline_on(client, pipeline: str | None) -> str:
    """The pipeline's name as a cluster worker loads it (what provenance records), or one clear line."""
    from kg.errors import KgError

    try:
        return client.submit(_describe, pipeline, pure=False).result()
    except KgError:
        raise
    except Exception as exc:
        raise KgError(f"the Dask cluster cannot load the pipeline ({exc.__class__.__name__}: {exc})") from None


def _describe(pipeline: str | None) -> str:
    return describe(load(pipeline))


def _dask(documents, pipeline, batch_size, finish, address) -> Iterator[tuple[Document | None, object]]:
    """Batches on a Dask cluster: each worker process loads the pipeline once (``kg.nlp.load`` caches
    it), at most two batches per worker thread are in flight, results stream back as they finish. A
    batch whose worker died is retried once (``retries=1``; the scheduler also reassigns tasks of a
    lost worker), then each of its documents is reported."""
    from distributed import as_completed

    client = connect(address) if isinstance(address, str) else address
    try:
        threads = sum(client.nthreads().values()) or 1
        window = 2 * threads
        chunks = _chunks(documents, batch_size)
        names: dict = {}
        done = as_completed(loop=client.loop)
        for chunk in chunks:
            fut = client.submit(_work, (chunk, pipeline, batch_size, finish), pure=False, retries=1)
            names[fut.key] = [_light(d) for d in chunk]
            done.add(fut)
            if done.count() >= window:
                yield from _dask_result(next(done), names)
        for fut in done:
            yield from _dask_result(fut, names)
    finally:
        if isinstance(address, str):
            client.close()


def _dask_result(fut, names: dict):
    docs = names.pop(fut.key)
    try:
        results = fut.result()
    except Exception as exc:  # KilledWorker, CommClosedError, a worker without kg installed, ...
        reason = f"{exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")
        for d in docs:
            yield d, WorkerLost(f"its batch was lost twice on the cluster ({reason})")
        return
    finally:
        fut.release()
    yield from results

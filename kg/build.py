"""``kg build``: ingest → extract → RDF → store, incrementally, streaming, crash-safe.

Stages, each idempotent, so a build killed at any moment is repaired by the next one:

1. **store** — a document whose content hash is already stored is skipped; the others are parsed and
   extracted (in worker processes or on a Dask cluster, which send back N-Triples text), and written
   ``batch`` documents per transaction: a batch is stored whole or not at all, and a document counts as
   stored only once its content hash is (it is written with the batch).
2. **link** — the republication (dedup) index beside the store records the id and content hash of every
   document it covers; whatever differs from the store's documents (new, changed, removed — also after a
   crash) is brought up to date, its links replaced in one transaction, then the index saved atomically.
3. **resolve** — canonical entities are recomputed from every document's local entities whenever the
   set of stored documents differs from the one they were last computed from (a fingerprint in
   ``build-state.json``, written only after the canonical graph is committed).

Derived state is never trusted just because a build ran: it is checked against the store's documents
every time, so "unchanged 453" after a crash still repairs links and entities.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path

from kg.beside import ResolvingBeside, compare_beside, compare_progress, keep_rows_beside
from kg.errors import InputError, KgError, StoreError
from kg.ingest import corpus, dedup, estimate_articles, read_documents
from kg.nlp import describe, load
from kg.pipeline import extract_documents, warm_up
from kg.rdf.mapping import build_time, canonical_triples, link_triples
from kg.records import Document, Extraction
from kg.rendered import Examples, Rendered, render
from kg.store.updates import LOCAL_SCANS

DEDUP_FILE = "dedup-index.pkl"
STATE_FILE = "build-state.json"
PARALLEL_FROM = 32  # articles; below this a second process costs more than it saves
BATCH = 128  # documents per store transaction (an oxigraph bulk load costs ~0.08 s CPU besides its quads)
FLUSH_BYTES = 32_000_000  # N-Triples written between two flushes of the store's write buffers to disk
PAUSE_ENV = "KG_BUILD_PAUSE_AT"  # tests: stop (sleep) at a named point so a real process can be killed there


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[KgError] = field(default_factory=list)
    claims: dict[str, int] = field(default_factory=lambda: {"quote": 0, "quantity": 0, "relation": 0})
    links: int = 0
    entities: int = 0
    extractions: list[Extraction] = field(default_factory=list)  # only with keep_extractions (grows with the corpus)
    examples: list[dict] = field(default_factory=list)  # with examples=N: the N most telling claims (bounded)
    # the dedup index's MinHash signatures of the documents this build stored, computed by the workers with
    # the rest of each document (1 KB a document), so linking after the articles stage only looks things up
    signatures: dict[tuple[str, str], tuple] = field(default_factory=dict, repr=False)  # (id, content hash) →
    repaired: list[str] = field(default_factory=list)  # derived state found stale without a document change
    # per stage: (wall seconds, CPU seconds of this process — all its threads, not worker processes)
    stages: dict[str, tuple[float, float]] = field(default_factory=dict)

    def timed(self, stage: str, since: tuple[float, float]) -> tuple[float, float]:
        """Add the time since ``since`` (a ``clocks()`` reading) to ``stage``; return a new reading."""
        now = clocks()
        wall, cpu = self.stages.get(stage, (0.0, 0.0))
        self.stages[stage] = (wall + now[0] - since[0], cpu + now[1] - since[1])
        return now

    @property
    def ok(self) -> bool:
        return not self.problems


def clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


Progress = Callable[[str, int, int | None], None]  # (stage, done, total or None when unknown)


def _no_progress(stage: str, done: int, total: int | None) -> None:
    pass


def pause_point(name: str) -> None:
    """With ``KG_BUILD_PAUSE_AT=name``, say so on stderr and wait to be killed (crash tests only)."""
    if os.environ.get(PAUSE_ENV) == name:
        import sys

        print(f"kg-paused-at {name}", file=sys.stderr, flush=True)
        time.sleep(600)


def build(
    paths: Iterable[str],
    store,
    pipeline: str | None = None,
    progress: Progress = _no_progress,
    keep_extractions: bool = False,
    examples: int = 0,
    workers: int = 0,
    cluster: str | None = None,
    batch: int = BATCH,
    total: int | None = None,
) -> BuildReport:
    """Build or update ``store`` from ``paths``. ``workers=0`` picks: one process for a handful of
    articles (forking costs more than it saves), up to the number of cores for a batch. ``cluster``: a
    ``dask.distributed`` scheduler address to parse and extract on instead. ``total``: how many articles
    to expect (for progress; estimated from the inputs when not given). ``keep_extractions``: every
    Extraction in the report (memory grows with the corpus); ``examples``: only that many telling claims."""
    report = BuildReport()
    started = clocks()
    paths = [str(p) for p in paths]
    known = store.document_hashes()
    if total is None:
        total = estimate_articles(paths)
    if workers <= 0:
        workers = min(os.cpu_count() or 1, 4) if (total or 0) >= PARALLEL_FROM else 1
    seen = 0
    # the publisher-boilerplate pass streams: the few documents whose boilerplate only the rest of the
    # batch decides come back once it is read, re-cleaned, and replace what was stored of them
    late: list[Document | InputError] = []
    this_build: dict[str, str] = {}  # id → content hash of each document handed on to be parsed
    again_ids: set[str] = set()  # documents stored once in this build, now replaced (their claims recounted)

    def counted() -> None:
        nonlocal seen
        seen += 1
        progress("articles", seen, max(total or 0, seen))

    def todo(items: Iterable[Document | InputError], again_pass: bool = False) -> Iterator[Document]:
        for item in items:
            if isinstance(item, InputError):
                report.problems.append(item)
                counted()
                continue
            again = this_build.get(item.id)
            if again is not None:  # a late document: what this build stored of it is replaced, if it differs
                if again == item.content_hash:
                    continue
                known[item.id] = again  # the writer then deletes the version stored before it
                again_ids.add(item.id)
            else:
                old = known.get(item.id)
                if old == item.content_hash:
                    report.unchanged.append(item.id)
                    counted()
                    continue
                if again_pass and item.id in report.unchanged:  # unchanged as first cleaned, not as now
                    report.unchanged.remove(item.id)
                (report.replaced if old else report.added).append(item.id)
            this_build[item.id] = item.content_hash
            yield item

    progress("articles", 0, total)
    # publisher boilerplate across the store: its passage index sits in the store folder
    docs = todo(read_documents(paths, boilerplate_index=corpus.index_path(store), late=late.append))
    first = next(docs, None)  # nothing to parse: do not even load the pipeline (or reach the cluster)
    if first is None:  # the batch is read: only late documents (if any) are left
        docs = todo(list(late), again_pass=True)
        late.clear()
        first = next(docs, None)
    docs = chain([first], docs) if first is not None else iter(())
    client = None
    beside = workers > 1 or bool(cluster)
    if first is None:
        name = ""
    elif cluster:
        from kg.pipeline import connect, pipeline_on

        client = connect(cluster)
        name = pipeline_on(client, pipeline)
    else:
        name = describe(load(pipeline))
    resolver = None
    if beside and first is not None:
        # a build that may use more than one process resolves entities beside it, in a process forked now:
        # after the pipeline and the extractors' tables are loaded (shared with it, as with the workers),
        # before anything that grows with the corpus is read
        if not cluster:
            warm_up(pipeline)
        resolver = ResolvingBeside()
    finish = partial(render, pipeline=name, when=build_time(), keep=keep_extractions, examples=examples)
    stored: set[str] = set()
    pending: list[Rendered] = []

    def failed(doc: Document, exc: Exception) -> None:
        if doc.id not in again_ids:  # a late document was counted with its first version
            counted()
        report.problems.append(
            InputError(doc.source_path, f"extraction failed ({exc.__class__.__name__}: {exc}); document skipped")
        )

    writer = _Writer(store, report, stored, known, Examples(examples), again_ids)

    def flush() -> None:
        if pending:
            writer.put(list(pending))
            pending.clear()

    def run(docs: Iterable[Document], workers: int) -> None:
        for rendered in extract_documents(docs, pipeline=pipeline, on_error=failed, workers=workers,
                                          finish=finish, cluster=client):
            pending.append(rendered)
            if rendered.id not in again_ids:  # a late document was counted with its first version
                counted()
            if len(pending) >= batch:
                flush()
        flush()

    try:
        try:
            run(docs, workers)
            if late:  # after every first version is written (a cluster returns batches in any order); a
                # few documents, parsed here (the pipeline is loaded) unless on the cluster
                run(todo(late, again_pass=True), 1)
        finally:
            writer.close()
            if client is not None:
                client.close()
        progress("articles", seen, seen)  # the estimate may have counted lines that held no article
        # by id, not by path: one JSONL file holds many documents, and a bad line must not hide the good ones
        report.added = [d for d in report.added if d in stored]
        report.replaced = [d for d in report.replaced if d in stored]
        clock = report.timed("articles", started)
        derive(store, report, progress, beside=beside, resolver=resolver)
    finally:
        if resolver is not None:
            resolver.close()
    clock = clocks()
    _commit(store)
    clock = report.timed("commit", clock)
    _compare(store, progress, beside=beside)
    report.timed("compare", clock)
    return report


def _compare(store, progress: Progress, beside: bool = False) -> None:
    """``kg conflicts`` / ``kg agreements`` answer from a file kept per state of the store: compute it now,
    so the first query after a build reads it (kg.compare.cache). It is derived state: a failure here only
    leaves the first query to compute it. ``beside``: a build that may use more than one process keeps the
    answer and the rows of kg trace / quotes / stats in two other processes, on the checkpoint just
    published, so it holds neither (each grows with the corpus)."""
    from kg.compare.cache import cache_file, warm

    progress("compare", 0, None)  # reading the claims: how many is not known yet
    last = [1]

    def grouped(done: int, total: int) -> None:  # claims grouped of all compared (kg.compare.grouping)
        last[0] = max(total, 1)
        progress("compare", done, total)

    rows = keep_rows_beside(store) if beside else None
    compared = compare_beside(store) if beside else None
    if compared is not None:
        for done, total in compare_progress(compared):
            grouped(done, total)
    try:  # kept already when the second process did it (its file is there), or computed here
        if compared is None or compared.wait() != 0 or (f := cache_file(store)) is None or not f.exists():
            warm(store, grouped)
    except Exception:  # noqa: BLE001 — never fail a finished build over a cache
        pass
    progress("compare", last[0], last[0])
    shown = [-1]

    def kept(done: int, total: int) -> None:  # steps of kg.query.rowwrite.STEPS, never backwards (a fallback
        if done > shown[0]:  # here after the helper kept them reports 0 again)
            shown[0] = done
            progress("rows", done, total)

    if rows is not None:
        for done, total in compare_progress(rows):  # its 'done total' lines, as the comparing process's
            kept(done, total)
        rows.wait()
    try:  # the rows of kg trace / quotes / stats, kept the same way (kg.query.rowindex); kept already when
        # the helper did it, or computed here when it could not
        from kg.query.rowindex import warm as keep_rows

        keep_rows(store, kept)
    except Exception:  # noqa: BLE001
        pass


def _commit(store) -> None:
    """Readers (``kg serve``, other commands) see the store as it is now (kg/store/lock.py)."""
    commit = getattr(store, "commit", None)
    if commit is not None:
        commit()


class _Writer:
    """Writes batches on a thread of its own while the next ones are parsed: the store's loader releases
    the GIL, so a single-process build overlaps NLP and storage. At most two batches wait; ``close``
    waits for the last one and re-raises what the thread hit (a store error is per document, see
    ``_write``; anything else stops the build as it would without the thread)."""

    def __init__(self, store, report: BuildReport, stored: set[str], known: dict[str, str], examples: Examples,
                 again: set[str] | None = None):
        import queue
        import threading

        self.store, self.report, self.stored, self.known = store, report, stored, known
        self.examples = examples
        self.again = again if again is not None else set()
        self.queue: queue.Queue = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.unflushed = 0
        self.thread = threading.Thread(target=self._run, name="kg-store-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (batch := self.queue.get()) is not None:
            if self.error is not None:
                continue  # drain: the build is failing anyway
            try:
                for r in batch:
                    if r.id in self.again:  # what this build counted of its first version is taken back
                        for kind, n in _stored_claims(self.store, r.graph).items():
                            self.report.claims[kind] -= n
                _write(self.store, batch, self.report, self.stored,
                       fresh=not any(r.id in self.known for r in batch), examples=self.examples)
                self.unflushed += sum(len(r.quads) for r in batch)
                if self.unflushed >= FLUSH_BYTES:
                    # the embedded store's write buffers (one per index) otherwise grow with the corpus
                    self.store.flush()
                    self.unflushed = 0
                pause_point("store")
            except BaseException as exc:  # re-raised in the building thread by close()
                self.error = exc

    def put(self, batch: list[Rendered]) -> None:
        if self.error is not None:
            self.close()
        self.queue.put(batch)

    def close(self) -> None:
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()
        self.report.examples = self.examples.picked()
        if self.error is not None:
            error, self.error = self.error, None
            raise error


_CLAIM_KINDS = {"Quote": "quote", "NumericClaim": "quantity", "RelationClaim": "relation"}


def _stored_claims(store, graph: str) -> dict[str, int]:
    """How many claims of each kind the named graph ``graph`` holds now."""
    from kg.query.terms import iri

    _, rows = store.select(f"SELECT ?t (COUNT(?c) AS ?n) WHERE {{ GRAPH {iri(graph)} {{ ?c a ?t }} "
                           "VALUES ?t { kg:Quote kg:NumericClaim kg:RelationClaim } } GROUP BY ?t")
    return {_CLAIM_KINDS[str(r["t"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]]: int(r["n"]) for r in rows}


def _write(store, batch: list[Rendered], report: BuildReport, stored: set[str], fresh: bool,
           examples: Examples) -> None:
    """One transaction for the batch; if the store refuses it, each document alone, so one bad document
    (or a server hiccup) costs only itself. A refused document stays unmarked: the next build retries it."""
    try:
        store.write_documents(batch, fresh=fresh)
        ok = batch
    except KgError:
        ok = []
        for r in batch:
            try:
                store.write_documents([r], fresh=fresh)
            except KgError as exc:
                report.problems.append(InputError(r.source_path, f"not stored: {exc}"))
            else:
                ok.append(r)
    for r in ok:
        stored.add(r.id)
        for error in r.errors:
            report.problems.append(InputError(r.source_path, f"{error}; its other claims are stored"))
        for kind, n in r.claims:
            report.claims[kind] += n
        if r.extraction is not None:
            report.extractions.append(r.extraction)
        if r.examples:
            examples.add(r.examples)
        if r.signatures is not None and r.content_hash:
            report.signatures[r.id, r.content_hash] = r.signatures


# ------------------------------------------------------------------------------------------- derived state
def derive(store, report: BuildReport | None = None, progress: Progress = _no_progress,
           beside: bool = False, resolver: ResolvingBeside | None = None) -> BuildReport:
    """Bring links and canonical entities up to date with the stored documents (no NLP; a no-op when
    they already are). Run by every build and by ``remove``; after a crash it is the repair. ``beside``:
    the entities are resolved in a second process while this one links (kg.beside): ``resolver``, forked
    earlier, or one forked now. The caller closes ``resolver``."""
    report = report if report is not None else BuildReport()
    clock = clocks()
    hashes = store.document_hashes()
    ahead = None
    out = None  # the file the second process writes the canonical entities to, for a local store
    if beside and _read_state(store).get("entities") != fingerprint(hashes):
        ahead = resolver if resolver is not None else ResolvingBeside()
        if getattr(store, "path", None) is not None:
            import tempfile

            fd, name = tempfile.mkstemp(prefix="kg-canonical-", suffix=".nt")
            os.close(fd)
            out = Path(name)
        # the rows of the store's scans go to it as they are read: this process never holds them all
        ahead.start_scans(lambda kind: store.scan(LOCAL_SCANS[kind]), out)
    try:
        report.links = link(store, hashes, progress, report)
        clock = report.timed("link", clock)
        report.entities = resolve_if_stale(store, hashes, progress, report, ahead)
    finally:
        if ahead is not None:
            ahead.close()
        if out is not None:
            out.unlink(missing_ok=True)
    report.timed("resolve", clock)
    return report


def fingerprint(hashes: dict[str, str]) -> str:
    """What derived state is versioned by: the stored documents' ids and content hashes."""
    h = hashlib.sha256()
    for doc_id in sorted(hashes):
        h.update(f"{doc_id}\t{hashes[doc_id]}\n".encode())
    return h.hexdigest()


def _dedup_path(store) -> Path | None:
    """Where the store keeps its LSH index (a store without a local ``path`` keeps none)."""
    path = getattr(store, "path", None)
    return Path(path) / DEDUP_FILE if path is not None else None


def _load_index(path: Path | None):
    if path is None:
        return dedup.DedupIndex()
    try:
        return dedup.DedupIndex.load(path)
    except StoreError:
        return dedup.DedupIndex()  # unreadable or from another version: derived state, so recompute it


TEXT_BATCH = 256  # documents' texts fetched per query while indexing
# documents to link from which the sentence alignments run in processes of their own (kg.ingest.dedup.add_all):
# fewer are linked faster in this process (Reuters dev, 2 cores: 500 documents 0.69 s alone, 0.90 s with two
# processes, in wall and CPU time; 750 still slower with them on a busy machine; 1,000 and up faster)
LINK_PARALLEL_FROM = 1024


def link(store, hashes: dict[str, str], progress: Progress = _no_progress, report: BuildReport | None = None) -> int:
    """Republication / passage-reuse links for every document the index does not cover as stored."""
    path = _dedup_path(store)
    index = _load_index(path)
    covered = index.hashes
    gone = sorted(d for d, h in covered.items() if hashes.get(d) != h)
    todo = sorted(d for d, h in hashes.items() if covered.get(d) != h)
    if not gone and not todo:
        return 0
    if report is not None and not report.added and not report.replaced:
        report.repaired.append("links")
    for d in gone:
        index.remove(d)

    def documents() -> Iterator[tuple[Document, tuple | None]]:
        for start in range(0, len(todo), TEXT_BATCH):
            ids = todo[start : start + TEXT_BATCH]
            texts = store.document_texts(ids)
            for doc_id in ids:
                if doc_id not in texts:
                    continue
                text, date = texts[doc_id]
                signatures = report.signatures.get((doc_id, hashes[doc_id])) if report is not None else None
                yield Document(id=doc_id, text=text, source_path="", content_hash=hashes[doc_id], date=date), signatures

    links = []
    progress("link", 0, len(todo))
    cores = os.cpu_count() or 1
    workers = min(cores, 2) if cores > 1 and len(todo) >= LINK_PARALLEL_FROM else 1
    for i, found in enumerate(index.add_all(documents(), workers=workers), start=1):
        links += found
        progress("link", i, len(todo))
    pause_point("link")
    store.replace_links_of(gone + todo, link_triples(links))
    pause_point("linked")
    if path is not None:
        index.save(path)
    return len(links)


def _read_state(store) -> dict:
    path = getattr(store, "path", None)
    if path is None:
        return {}
    try:
        data = json.loads((Path(path) / STATE_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_state(store, **values) -> None:
    path = getattr(store, "path", None)
    if path is None:
        return
    target = Path(path) / STATE_FILE
    state = _read_state(store) | values
    tmp = target.with_name(target.name + ".tmp")
    try:
        tmp.write_text(json.dumps(state, sort_keys=True), encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        raise StoreError(f"{target}: cannot write the build state ({exc.strerror})") from None


def resolve_if_stale(store, hashes: dict[str, str], progress: Progress = _no_progress,
                     report: BuildReport | None = None, ahead: ResolvingBeside | None = None) -> int:
    fp = fingerprint(hashes)
    if _read_state(store).get("entities") == fp:
        return 0
    if report is not None and not report.added and not report.replaced:
        report.repaired.append("entities")
    n = resolve_entities(store, progress, ahead)
    _write_state(store, entities=fp)
    return n


RESOLVE_STEPS = len(LOCAL_SCANS) + 3  # the store's scans of local entities, resolving, mapping, writing


def resolve_entities(store, progress: Progress = _no_progress, ahead: ResolvingBeside | None = None) -> int:
    """Recompute canonical entities from every document's local entities (cheap: no NLP). Progress is
    counted in steps as they finish — reading (one per scan of the store), resolving, mapping, writing —
    not in entities, which are known only once read and all finish together. ``ahead``: the local
    entities read already, resolved and mapped in a second process (what it gives is what this would)."""
    from kg.resolve import resolve

    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        progress("resolve", done, RESOLVE_STEPS)

    progress("resolve", 0, RESOLVE_STEPS)
    got = ahead.result() if ahead is not None else None
    if got is None:  # resolved here (or the second process failed)
        local = ahead.local if ahead is not None and ahead.local is not None else store.local_entities(step=step)
    done = len(LOCAL_SCANS)  # a store that reads them otherwise still reports its reading as done
    progress("resolve", done, RESOLVE_STEPS)
    if got is None:
        canonicals = resolve(local)
        count = len(canonicals)
        step()
        pause_point("resolve")
        triples = canonical_triples(canonicals)
    else:
        count, triples = got
        step()
        pause_point("resolve")
    step()
    store.replace_canonical(triples)
    step()
    return count


def remove(doc_ids: Iterable[str], store) -> list[str]:
    removed = [d for d in doc_ids if store.remove_document(d)]
    if removed:
        corpus.forget(removed, corpus.index_path(store))
        derive(store)
        _commit(store)
    return removed

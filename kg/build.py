"""``kg build``: ingest → extract → RDF → store, incrementally.

A document whose content hash is already stored is skipped; a changed one has its named graph replaced
in one transaction. After the documents, republication links and canonical entities are recomputed
from what the store holds, so adding one article equals a full rebuild without re-parsing the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.claims import iter_claims
from kg.errors import InputError, KgError
from kg.ingest import read_documents
from kg.nlp import describe, load
from kg.pipeline import extract_documents
from kg.rdf.mapping import build_time, canonical_graph, document_graph, document_metadata, link_graph
from kg.records import Document, Extraction

DEDUP_FILE = "dedup-index.pkl"
PARALLEL_FROM = 32  # articles; below this a second process costs more than it saves


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[KgError] = field(default_factory=list)
    claims: dict[str, int] = field(default_factory=lambda: {"quote": 0, "quantity": 0, "relation": 0})
    links: int = 0
    entities: int = 0
    extractions: list[Extraction] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


def build(
    paths: Iterable[str],
    store,
    pipeline: str | None = None,
    progress: Progress = _no_progress,
    keep_extractions: bool = False,
    workers: int = 0,
) -> BuildReport:
    """Build or update ``store`` from ``paths``. ``workers=0`` picks: one process for a handful of
    articles (forking costs more than it saves), up to the number of cores for a batch."""
    report = BuildReport()
    todo: list[Document] = []
    from kg.ingest import corpus  # publisher boilerplate across the store: its passage index sits in the store folder

    for item in read_documents(paths, boilerplate_index=corpus.index_path(store)):
        if isinstance(item, InputError):
            report.problems.append(item)
            continue
        old = store.document_hash(item.id)
        if old == item.content_hash:
            report.unchanged.append(item.id)
        else:
            (report.replaced if old else report.added).append(item.id)
            todo.append(item)
    total = len(todo)
    progress("extract", 0, total)
    name = describe(load(pipeline)) if todo else ""
    when = build_time()
    if workers <= 0:
        workers = min(os.cpu_count() or 1, 4) if total >= PARALLEL_FROM else 1
    stored_ids: set[str] = set()
    for done, ex in enumerate(_safe_extract(todo, pipeline, report, workers), start=1):
        try:
            store.replace_document(ex.document.id, document_graph(ex), document_metadata(ex.document, name, when))
        except KgError as exc:
            report.problems.append(InputError(ex.document.source_path, f"not stored: {exc}"))
        else:
            stored_ids.add(ex.document.id)
            for error in ex.extra.get("errors", ()):
                report.problems.append(InputError(ex.document.source_path, f"{error}; its other claims are stored"))
            for kind, *_ in iter_claims(ex):
                report.claims[kind] += 1
            if keep_extractions:
                report.extractions.append(ex)
        progress("extract", done, total)
    # by id, not by path: one JSONL file holds many documents, and a bad line must not hide the good ones
    stored = [d for d in todo if d.id in stored_ids]
    report.added = [d for d in report.added if d in stored_ids]
    report.replaced = [d for d in report.replaced if d in stored_ids]
    if stored:
        progress("link", 0, 1)
        report.links = _link(stored, store)
        progress("link", 1, 1)
    if todo:
        progress("resolve", 0, 1)
        report.entities = resolve_entities(store)
        progress("resolve", 1, 1)
    _commit(store)
    return report


def _commit(store) -> None:
    """Readers (``kg serve``, other commands) see the store as it is now (kg/store/lock.py)."""
    commit = getattr(store, "commit", None)
    if commit is not None:
        commit()


def _safe_extract(todo: list[Document], pipeline: str | None, report: BuildReport, workers: int):
    def failed(doc: Document, exc: Exception) -> None:
        report.problems.append(
            InputError(doc.source_path, f"extraction failed ({exc.__class__.__name__}: {exc}); document skipped")
        )

    return extract_documents(todo, pipeline=pipeline, on_error=failed, workers=workers)


def _dedup_path(store) -> Path | None:
    """Where the store keeps its LSH index (a store without a local ``path`` keeps none)."""
    path = getattr(store, "path", None)
    return Path(path) / DEDUP_FILE if path is not None else None


def _link(docs: list[Document], store) -> int:
    """Republication / passage-reuse links of the new documents, via the persisted LSH index."""
    from kg.ingest.dedup import DedupIndex

    path = _dedup_path(store)
    index = DedupIndex.load(path) if path is not None else DedupIndex()
    n = 0
    for doc in sorted(docs, key=lambda d: d.id):
        index.remove(doc.id)
        links = index.add(doc)
        store.replace_links(doc.id, link_graph(links))
        n += len(links)
    if path is not None:
        index.save(path)
    return n


def resolve_entities(store) -> int:
    """Recompute canonical entities from every document's local entities (cheap: no NLP)."""
    from kg.resolve import resolve

    canonicals = resolve(store.local_entities())
    store.replace_canonical(canonical_graph(canonicals))
    return len(canonicals)


def remove(doc_ids: Iterable[str], store) -> list[str]:
    removed = [d for d in doc_ids if store.remove_document(d)]
    if removed:
        from kg.ingest import corpus

        corpus.forget(removed, corpus.index_path(store))
        path = _dedup_path(store)
        if path is not None and path.exists():
            from kg.ingest.dedup import DedupIndex

            index = DedupIndex.load(path)
            for d in removed:
                index.remove(d)
            index.save(path)
        resolve_entities(store)
        _commit(store)
    return removed

"""The embedded store: pyoxigraph on disk. Fast SPARQL 1.1 (milliseconds at a million quads), bulk
loading in seconds, ACID updates — rdflib's in-memory Dataset is 20–1000× slower at that size."""

from __future__ import annotations

import importlib.util
import sys
import weakref
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.query import with_prefixes
from kg.store import lock

if TYPE_CHECKING:
    from rdflib import Graph


def _lazy(name: str):
    """Module ``name``, loaded on its first attribute access (``importlib.util.LazyLoader``): reading a
    store never needs the write side's rdflib (a third of a second of start-up for `kg trace`)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


updates = _lazy("kg.store.updates")  # the SPARQL texts of every write
sink = _lazy("kg.rdf.sink")  # N-Triples text of the canonical entities (imports rdflib)

FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
SUFFIX_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "ntriples", ".jsonld": "jsonld",
                  ".rdf": "rdfxml", ".owl": "rdfxml"}
# formats with named graphs; the others only hold the default graph
DATASET_FORMATS = {"trig", "nquads", "jsonld"}
# oxigraph's bulk loader ingests what it read in one atomic step up to 1M quads (its chunk size); half of that
# leaves room should a later version lower it
BULK_ATOMIC_QUADS = 500_000


_XSD = "http://www.w3.org/2001/XMLSchema#"
# literal datatype → the Python value of its lexical form; any other literal is its text
_CONVERT = {ox.NamedNode(_XSD + name): convert for name, convert in (
    ("integer", int), ("int", int), ("long", int), ("decimal", float), ("double", float), ("float", float),
    ("boolean", "true".__eq__))}


def python_value(term):
    """A SPARQL result term as a plain Python value (numbers as int/float, booleans as bool). One dict
    lookup by datatype: a query's rows of a few thousand articles are converted term by term."""
    if type(term) is ox.Literal:
        convert = _CONVERT.get(term.datatype)
        return term.value if convert is None else convert(term.value)
    return None if term is None else term.value


def local_entities_from_scans(scan, step=None):
    """Every local entity (a kg:LocalEntity with a name and a type in a document's graph) of every stored
    document, as ``kg.resolve.LocalEntity`` records in a stable order, from the one-pattern scans of
    ``updates.LOCAL_SCANS``: ``scan(kind)`` yields each row of one as a tuple of plain values, in its
    variables' order; ``step()`` is called after each scan.

    Rows are folded in as they come — one small record per local entity, nothing per row — instead of a
    list of row dicts per scan (~600 bytes a row): on a store of 3,000 newswire articles (17,854 local
    entities) reading them peaked at 101 MB instead of 139 MB, the same records."""
    from kg.resolve import LocalEntity

    def done() -> None:
        if step is not None:
            step()

    # local entity IRI → [graph, names, types, alt labels, roles, mentions]; an entity IRI names its
    # document (kg.ids.local_entity_iri), so it is in one graph
    ents: dict[str, list] = {}
    graphs: dict[str, str] = {}  # one string per graph, shared by its entities
    doc_of: dict[str, str] = {}
    ids: dict[str, str] = {}
    for kind in updates.LOCAL_SCANS:
        if kind == "kinds":
            for g, le in scan(kind):
                ents[le] = [graphs.setdefault(g, g), [], [], set(), set(), 0]
        elif kind in ("names", "types", "alts", "roles", "mentions"):
            slot = {"names": 1, "types": 2, "alts": 3, "roles": 4, "mentions": 5}[kind]
            for g, le, v in scan(kind):
                e = ents.get(le)
                if e is None or e[0] != g:
                    continue
                if slot == 5:
                    e[5] = int(v)
                elif slot >= 3:
                    e[slot].add(v)
                elif v not in e[slot]:
                    e[slot].append(v)
        elif kind == "ids":
            ids.update(scan(kind))
        elif kind == "graphs":
            doc_of.update((g, d) for d, g in scan(kind))
        done()
    doc_of = {g: ids[d] for g, d in doc_of.items() if d in ids}
    out = [LocalEntity(doc=doc_of[g], name=n, type=t, alt_labels=tuple(sorted(alts)), roles=tuple(sorted(roles)),
                       mentions=mentions)
           for g, names, types, alts, roles, mentions in ents.values() if g in doc_of
           for n in names for t in types]
    return sorted(out, key=lambda e: (e.doc, e.type, e.name))


def _parts(batch, limit: int):
    """N-Quads of rendered documents in parts of at most ``limit`` quads (a larger document alone), cut
    between documents."""
    part, n = [], 0
    for r in batch:
        k = updates.quad_count(r)
        if part and n + k > limit:
            yield updates.nquads(part)
            part, n = [], 0
        part.append(r)
        n += k
    if part:
        yield updates.nquads(part)


class LocalStore:
    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.location = str(self.path)
        self._done = None
        self.immutable = False
        # written since the last checkpoint? (shared with the finaliser: closing publishes only then)
        self._written = {"since_publish": False}
        # one writer at a time; readers open the last published checkpoint, never the live directory
        # (kg/store/lock.py says why), or the writer's own handle in the process that writes
        try:
            if read_only:
                if not self.path.exists():
                    raise StoreError(f"{self.path}: no store here; build one with `kg build PATH --store {path}`")
                writer = lock.writer_in_process(self.path)
                self.db = writer.db if writer is not None else ox.Store.read_only(str(lock.reader_path(self.path)))
                # a published checkpoint never changes: what is read from it may be kept (kg.query.index)
                self.immutable = writer is None
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                held = lock.WriterLock(self.path)
                try:
                    self.db = ox.Store(str(self.path))
                except BaseException:
                    held.release()
                    raise
                self._done = weakref.finalize(self, lock.finish, self.db, held, self.path, self._written)
                lock.register_writer(self)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open store ({exc})") from None

    # ---------------------------------------------------------------- reads
    def raw_query(self, sparql: str, **options):
        try:
            return self.db.query(with_prefixes(sparql), **options)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except (OSError, ValueError) as exc:
            raise QueryError(f"query failed: {exc}") from None

    def select(self, sparql: str) -> tuple[list[str], list[dict]]:
        """Run a SELECT; return the variable names and rows of plain Python values."""
        res = self.raw_query(sparql)
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in res.variables]
        rows = [dict(zip(names, map(python_value, sol), strict=True)) for sol in res]
        return names, rows

    def document_hash(self, doc_id: str) -> str | None:
        from kg.ids import doc_iri
        from kg.query.terms import iri

        _, rows = self.select(f"SELECT ?h WHERE {{ {iri(doc_iri(doc_id))} kg:contentHash ?h }}")
        return rows[0]["h"] if rows else None

    def document_ids(self) -> list[str]:
        _, rows = self.select("SELECT ?id WHERE { ?d a kg:Document ; schema:identifier ?id } ORDER BY ?id")
        return [r["id"] for r in rows]

    def document_hashes(self) -> dict[str, str]:
        """Every stored document's id → content hash (one query: what derived state is versioned by)."""
        _, rows = self.select("SELECT ?id ?h WHERE { ?d a kg:Document ; schema:identifier ?id ; kg:contentHash ?h }")
        return {r["id"]: r["h"] for r in rows}

    def document_texts(self, doc_ids: list[str]) -> dict[str, tuple[str, str | None]]:
        """id → (cleaned text, publication date) of stored documents (what the dedup index needs)."""
        from rdflib import Literal

        from kg.rdf.sink import literal

        if not doc_ids:
            return {}
        values = " ".join(literal(Literal(d)) for d in doc_ids)
        _, rows = self.select(
            f"SELECT ?id ?text ?date WHERE {{ VALUES ?id {{ {values} }} ?d schema:identifier ?id ; a kg:Document ; "
            f"schema:text ?text . OPTIONAL {{ ?d schema:datePublished ?date }} }}"
        )
        return {r["id"]: (r["text"], None if r["date"] is None else str(r["date"])) for r in rows}

    def scan(self, sparql: str):
        """The rows of a SELECT as tuples of plain Python values in its variables' order, one at a time
        (``select`` builds a list of dicts of every row first)."""
        res = self.raw_query(sparql)
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        for sol in res:
            yield tuple(map(python_value, sol))

    def local_entities(self, step=None):
        """Every stored document's local entities; ``step()`` is called after each of the scans."""
        return local_entities_from_scans(lambda kind: self.scan(updates.LOCAL_SCANS[kind]), step)

    # ---------------------------------------------------------------- writes
    def update(self, sparql: str) -> None:
        if self.db is None:
            raise StoreError(f"{self.path}: store is closed")
        self._written["since_publish"] = True
        try:
            self.db.update(sparql)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL update syntax error: {exc}") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: write failed ({exc})") from None

    def replace_document(self, doc_id: str, named: Graph, metadata: Graph) -> None:
        self.update(updates.replace_document(doc_id, named, metadata))

    def write_documents(self, batch, fresh: bool = False) -> None:
        """Store many rendered documents (``kg.rendered.Rendered``): all or none.

        ``fresh`` (none of them is stored yet, nothing to delete): through oxigraph's bulk loader, 3× less
        CPU than its transactional ``load`` (which is itself 2.5× faster than SPARQL INSERT DATA). The bulk
        loader parses everything first, then writes one sorted file per index and adds them all in one
        RocksDB ingestion, atomic across indexes — for up to ``BULK_ATOMIC_QUADS`` quads (past that it
        ingests in several steps), so bigger batches are cut at document boundaries: a document's quads
        are always stored together, and a crash keeps whole documents only (tests/test_crash.py kills
        a loading process to check it). Otherwise one SPARQL update deletes the old versions and inserts
        the new ones in one transaction."""
        if not fresh:
            self.update(updates.replace_documents(batch))
            return
        if self.db is None:
            raise StoreError(f"{self.path}: store is closed")
        self._written["since_publish"] = True
        for part in _parts(batch, BULK_ATOMIC_QUADS):
            try:
                self.db.bulk_load(part, format=ox.RdfFormat.N_QUADS)
            except SyntaxError as exc:
                raise StoreError(f"cannot store the batch ({exc})") from None
            except OSError as exc:
                raise StoreError(f"{self.path}: write failed ({exc})") from None

    def replace_links_of(self, doc_ids, links) -> None:
        self.update(updates.replace_links_of(doc_ids, links))

    def remove_document(self, doc_id: str) -> bool:
        if self.document_hash(doc_id) is None:
            return False
        self.update(updates.remove_document(doc_id))
        return True

    def replace_links(self, doc_id: str, links: Graph) -> None:
        self.update(updates.replace_links(doc_id, links))

    def replace_canonical(self, canonical: Graph) -> None:
        """The canonical entities replaced by ``canonical`` (a default-graph sink, a Graph, N-Triples text or
        the ``Path`` of an N-Triples file): the old ones deleted in one update, the new ones through the
        N-Quads loader (one transaction). Not one transaction together: ``kg.build`` marks the entities
        current only after both, so a crash between them is repaired by the next build."""
        self.update(updates.delete_canonical())
        if self.db is None:
            raise StoreError(f"{self.path}: store is closed")
        self._written["since_publish"] = True
        try:
            if isinstance(canonical, Path):  # a file of N-Triples, read by the loader as it goes
                self.db.bulk_load(path=str(canonical), format=ox.RdfFormat.N_TRIPLES)
            elif data := sink.ntriples(canonical).encode("utf-8"):
                # the bulk loader: no transaction needed (see above), a third of the CPU
                self.db.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
        except SyntaxError as exc:
            raise StoreError(f"cannot store the canonical entities ({exc})") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: write failed ({exc})") from None

    # ---------------------------------------------------------------- import / export
    def export(self, out: IO[bytes], fmt: str = "trig", prefixes: dict[str, str] | None = None) -> None:
        if fmt not in FORMATS:
            raise StoreError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        if fmt in DATASET_FORMATS:
            self.db.dump(out, FORMATS[fmt], prefixes=prefixes)
        else:
            self.db.dump(out, FORMATS[fmt], from_graph=ox.DefaultGraph(), prefixes=prefixes)

    def load(self, path: str | Path, fmt: str | None = None) -> None:
        path = Path(path)
        fmt = fmt or SUFFIX_FORMATS.get(path.suffix.lower())
        if fmt not in FORMATS:
            raise StoreError(f"{path}: cannot tell the RDF format; use --format ({', '.join(FORMATS)})")
        self._written["since_publish"] = True
        try:
            self.db.bulk_load(path=str(path), format=FORMATS[fmt])
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"{path}: cannot load ({exc})") from None

    def __len__(self) -> int:
        return len(self.db)

    def flush(self) -> None:
        self.db.flush()

    def commit(self) -> None:
        """Make everything written so far what readers (``kg serve``, other commands) see."""
        if self._done is not None and self._done.alive:
            lock.publish(self.db, self.path)
            self._written["since_publish"] = False

    def close(self) -> None:
        if self._done is not None:
            lock.unregister_writer(self)
            self._done()  # publish, release the writer lock
        self.db = None

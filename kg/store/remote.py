"""An external SPARQL 1.1 server as the store (Oxigraph server, Apache Jena Fuseki, GraphDB, Virtuoso, QLever…).

Everything goes through the W3C protocols: reads through the SPARQL 1.1 Protocol query endpoint, every
write as ONE SPARQL 1.1 Update request (one transaction on the server; the texts come from
``kg.store.updates``, the same ones the embedded store runs), export and import through the SPARQL 1.1
Graph Store HTTP Protocol. The layout stays the same: one named graph per document, the default graph
for documents, canonical entities and links — so the server must NOT be configured to use the union of
the named graphs as its default graph.

URL conventions (``--store URL``)
    ``http://host:7878``                the Oxigraph server layout: URL/query, URL/update, URL/store
    ``http://host:3030/ds#fuseki``      Fuseki: ds/query, ds/update, ds/data
    ``http://host:7200/repositories/R#graphdb``   GraphDB: R, R/statements, R/rdf-graphs/service
    ``http://host:8890#virtuoso``       Virtuoso: /sparql for query and update, /sparql-graph-crud
    ``http://host/sparql#single``       one URL for query, update and graph store (QLever, Blazegraph)
    ``…#query=sparql&update=update&store=data``   any endpoint set by hand, relative to the URL or absolute
The fragment (after ``#``) is never sent to the server.

Credentials come only from the environment, never from the URL, the command line or the logs:
``KG_STORE_TOKEN`` (sent as ``Authorization: Bearer``), or ``KG_STORE_USER`` + ``KG_STORE_PASSWORD``
(HTTP Basic). ``KG_STORE_TIMEOUT`` sets the request timeout in seconds (default 300). Proxy and
``.netrc`` settings from the environment are not used, so no other credential is ever sent; a private
certificate authority can be given with ``SSL_CERT_FILE``.

``path`` is a local cache directory (``$KG_STORE_CACHE`` or ``~/.cache/kg/stores``, one folder per
server URL) where ``kg build`` keeps its republication (dedup) index for this store.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from urllib.parse import parse_qsl, quote, urldefrag, urlsplit

import httpx
import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.ids import slug
from kg.query import with_prefixes
from kg.rdf.sink import ntriples
from kg.store import updates
from kg.store.local import DATASET_FORMATS, FORMATS, SUFFIX_FORMATS, LocalStore

TOKEN_ENV = "KG_STORE_TOKEN"
USER_ENV = "KG_STORE_USER"
PASSWORD_ENV = "KG_STORE_PASSWORD"
TIMEOUT_ENV = "KG_STORE_TIMEOUT"
CACHE_ENV = "KG_STORE_CACHE"
DEFAULT_TIMEOUT = 300.0

# endpoint paths relative to the store URL, per server family
LAYOUTS = {
    "oxigraph": {"query": "query", "update": "update", "store": "store"},
    "fuseki": {"query": "query", "update": "update", "store": "data"},
    "graphdb": {"query": "", "update": "statements", "store": "rdf-graphs/service"},
    "virtuoso": {"query": "sparql", "update": "sparql", "store": "sparql-graph-crud"},
    "single": {"query": "", "update": "", "store": ""},
}

# what we ask the query endpoint for: SPARQL JSON for SELECT/ASK, N-Triples (or Turtle) for CONSTRUCT/DESCRIBE
QUERY_ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, "
                "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5")
NTRIPLES = "application/n-triples"
NQUADS = "application/n-quads"


class StoreTimeout(StoreError):
    """The server did not answer within the time allowed."""


class ResultTooLarge(QueryError):
    """The server's answer is larger than the caller accepts."""


class RemoteStore:
    """The store on an external SPARQL 1.1 server; same methods as ``LocalStore``."""

    def __init__(self, url: str, timeout: float | None = None):
        base, fragment = urldefrag(url)
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"{_safe(base)}: not an http(s):// store URL")
        if parts.username is not None or parts.password is not None:
            raise StoreError(
                f"{_safe(base)}: credentials in the store URL are refused (they would end up in shell history "
                f"and logs); set {TOKEN_ENV}, or {USER_ENV} and {PASSWORD_ENV}, in the environment instead"
            )
        self.base = base.rstrip("/")
        self.location = _safe(base)
        self.endpoints = _endpoints(self.base, fragment, self.location)
        self.timeout = timeout if timeout is not None else _env_float(TIMEOUT_ENV, DEFAULT_TIMEOUT)
        self.client = httpx.Client(
            auth=_auth(), timeout=httpx.Timeout(self.timeout, connect=min(10.0, self.timeout)),
            trust_env=False, verify=_verify(),
            follow_redirects=False, headers={"User-Agent": "kg (SPARQL 1.1 client)"},
        )

    # ---------------------------------------------------------------- local cache
    @property
    def path(self) -> Path:
        """Local cache directory for this server (holds the dedup index ``kg build`` keeps)."""
        root = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "kg" / "stores")
        digest = hashlib.sha256(self.base.encode()).hexdigest()[:12]
        folder = root / f"{slug(urlsplit(self.base).netloc + urlsplit(self.base).path)[:60]}-{digest}"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    # ---------------------------------------------------------------- HTTP
    def _request(self, method: str, url: str, what: str, **kwargs) -> httpx.Response:
        if self.client is None:
            raise StoreError(f"{self.location}: store is closed")
        try:
            return self.client.request(method, url, **kwargs)
        except httpx.TimeoutException:
            raise StoreTimeout(f"{self.location}: no answer to the {what} within {self.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise StoreError(f"{self.location}: cannot reach the SPARQL server ({_reason(exc)})") from None

    def _check(self, r: httpx.Response, what: str, syntax: bool = False) -> None:
        if r.is_success:
            return
        body = _body_text(r)
        if r.status_code in (401, 403):
            raise StoreError(
                f"{self.location}: the server refused the {what} (HTTP {r.status_code}); check the credentials "
                f"in {TOKEN_ENV} or {USER_ENV}/{PASSWORD_ENV}" + (f": {body}" if body else "")
            )
        if syntax and r.status_code == 400:
            raise QueryError(f"SPARQL syntax error: {body or 'the server rejected the query'}")
        raise StoreError(f"{self.location}: {what} failed (HTTP {r.status_code})" + (f": {body}" if body else ""))

    # ---------------------------------------------------------------- reads
    def raw_query(self, sparql: str, timeout: float | None = None, max_bytes: int | None = None):
        """Run any query; return pyoxigraph results like ``LocalStore.raw_query``: ``QuerySolutions``,
        ``QueryBoolean``, or an iterator of ``Triple`` for CONSTRUCT/DESCRIBE.

        ``timeout`` bounds the whole exchange (seconds); ``max_bytes`` bounds the answer's size."""
        limit = timeout if timeout is not None else self.timeout
        deadline = time.monotonic() + limit
        body = bytearray()
        if self.client is None:
            raise StoreError(f"{self.location}: store is closed")
        try:
            with self.client.stream(
                "POST", self.endpoints["query"], data={"query": _with_prefixes(sparql)},
                headers={"Accept": QUERY_ACCEPT}, timeout=httpx.Timeout(limit, connect=min(10.0, limit)),
            ) as r:
                if not r.is_success:
                    r.read()
                    self._check(r, "query", syntax=True)
                kind = r.headers.get("content-type", "").split(";")[0].strip().lower()
                for chunk in r.iter_bytes():
                    body += chunk
                    if max_bytes is not None and len(body) > max_bytes:
                        raise ResultTooLarge(f"the server's answer is larger than {max_bytes} bytes")
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("deadline")
        except httpx.TimeoutException:
            raise StoreTimeout(f"{self.location}: no answer to the query within {limit:g} s") from None
        except httpx.HTTPError as exc:
            raise StoreError(f"{self.location}: cannot reach the SPARQL server ({_reason(exc)})") from None
        return _parse_answer(bytes(body), kind, self.location)

    # written once, in LocalStore, in terms of raw_query(), select() and update(): the same SPARQL runs on
    # both stores
    select = LocalStore.select
    document_hash = LocalStore.document_hash
    document_ids = LocalStore.document_ids
    scan = LocalStore.scan
    local_entities = LocalStore.local_entities
    replace_document = LocalStore.replace_document
    remove_document = LocalStore.remove_document
    replace_links = LocalStore.replace_links
    replace_links_of = LocalStore.replace_links_of
    document_hashes = LocalStore.document_hashes
    document_texts = LocalStore.document_texts

    def named_graphs(self) -> list[str]:
        _, rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
        return [r["g"] for r in rows]

    def __len__(self) -> int:
        _, rows = self.select(
            "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        )
        return int(rows[0]["n"]) if rows else 0

    # ---------------------------------------------------------------- writes
    def update(self, sparql: str) -> None:
        """One SPARQL 1.1 Update request: the server applies it in one transaction."""
        r = self._request("POST", self.endpoints["update"], "update", data={"update": sparql})
        self._check(r, "update", syntax=True)

    def write_documents(self, batch, fresh: bool = False) -> None:
        """A batch of rendered documents: their old versions (unless ``fresh``) go in one update, then ONE
        Graph Store Protocol POST of N-Quads adds the batch (the server applies it atomically). If the
        server refuses it, no document of the batch has its content hash stored, so the next build
        retries them all."""
        if not fresh:
            self.update(updates.delete_documents([r.id for r in batch]))
        resp = self._request("POST", self.endpoints["store"], "bulk load", content=updates.nquads(batch),
                             headers={"Content-Type": NQUADS})
        self._check(resp, "bulk load")

    def replace_canonical(self, canonical) -> None:
        """The old canonical entities deleted in one update, the new ones added by ONE Graph Store Protocol
        POST to the default graph (as ``LocalStore.replace_canonical``, a crash between the two is repaired
        by the next build). ``canonical``: triples, or the ``Path`` of an N-Triples file (what the build's
        resolving process writes, kg.beside)."""
        self.update(updates.delete_canonical())
        try:
            data = canonical.read_bytes() if isinstance(canonical, Path) else ntriples(canonical).encode("utf-8")
        except OSError as exc:
            raise StoreError(f"{canonical}: cannot read the canonical entities ({exc})") from None
        if data:
            resp = self._request("POST", self._graph_url(None), "canonical entities upload", content=data,
                                 headers={"Content-Type": NTRIPLES})
            self._check(resp, "canonical entities upload")

    # ---------------------------------------------------------------- import / export (Graph Store Protocol)
    def _graph_url(self, graph: str | None) -> str:
        # "?default" is the protocol's name for the default graph; named graphs go by IRI
        return self.endpoints["store"] + ("?default" if graph is None else f"?graph={quote(graph, safe='')}")

    def _get_graph(self, graph: str | None) -> Iterator[ox.Triple]:
        r = self._request("GET", self._graph_url(graph), "graph download", headers={"Accept": NTRIPLES})
        if r.status_code == 404:
            return iter(())
        self._check(r, "graph download")
        kind = r.headers.get("content-type", NTRIPLES).split(";")[0].strip().lower()
        fmt = ox.RdfFormat.from_media_type(kind) or ox.RdfFormat.N_TRIPLES
        try:
            return iter([ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(r.content, format=fmt)])
        except SyntaxError as exc:
            raise StoreError(f"{self.location}: unreadable graph from the server ({exc})") from None

    def export(self, out: IO[bytes], fmt: str = "trig", prefixes: dict[str, str] | None = None) -> None:
        if fmt not in FORMATS:
            raise StoreError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        if fmt not in DATASET_FORMATS:
            ox.serialize(self._get_graph(None), out, FORMATS[fmt], prefixes=prefixes)
            return

        def quads() -> Iterator[ox.Quad]:
            for graph in [None, *self.named_graphs()]:
                name = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
                for t in self._get_graph(graph):
                    yield ox.Quad(t.subject, t.predicate, t.object, name)

        ox.serialize(quads(), out, FORMATS[fmt], prefixes=prefixes)

    def load(self, path: str | Path, fmt: str | None = None) -> None:
        """Add an RDF file's triples to the server: one Graph Store POST (append) per graph."""
        path = Path(path)
        fmt = fmt or SUFFIX_FORMATS.get(path.suffix.lower())
        if fmt not in FORMATS:
            raise StoreError(f"{path}: cannot tell the RDF format; use --format ({', '.join(FORMATS)})")
        graphs: dict[str | None, list[ox.Triple]] = {}
        try:
            for q in ox.parse(path=str(path), format=FORMATS[fmt]):
                key = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
                graphs.setdefault(key, []).append(ox.Triple(q.subject, q.predicate, q.object))
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"{path}: cannot load ({exc})") from None
        for graph, triples in graphs.items():
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            r = self._request("POST", self._graph_url(graph), "graph upload", content=data,
                              headers={"Content-Type": NTRIPLES})
            self._check(r, "graph upload")

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        self.client = None


# -------------------------------------------------------------------- helpers
def _with_prefixes(sparql: str) -> str:
    # the standard prefixes the query lacks, all on its first line: the server's error positions keep
    # their line numbers
    full = with_prefixes(sparql)
    prologue = full[: len(full) - len(sparql)]
    return " ".join(line for line in prologue.splitlines() if line) + " " + sparql if prologue else sparql


def _safe(url: str) -> str:
    """The URL as shown in messages: no user info, no query string (either may carry a secret)."""
    p = urlsplit(url)
    host = p.hostname or ""
    if p.port:
        host = f"{host}:{p.port}"
    return f"{p.scheme}://{host}{p.path}"


def _endpoints(base: str, fragment: str, shown: str) -> dict[str, str]:
    layout = dict(LAYOUTS["oxigraph"])
    for key, value in parse_qsl(fragment, keep_blank_values=True):
        if not value and key in LAYOUTS:
            layout = dict(LAYOUTS[key])
        elif key in ("query", "update", "store"):
            layout[key] = value
        else:
            raise StoreError(
                f"{shown}: unknown store URL option {key!r} after '#'; use a layout "
                f"({', '.join(LAYOUTS)}) or query=…&update=…&store=…"
            )
    return {k: v if v.startswith(("http://", "https://")) else (f"{base}/{v.lstrip('/')}" if v else base)
            for k, v in layout.items()}


def _verify():
    # with trust_env off httpx ignores SSL_CERT_FILE, so a private certificate authority is read here
    cafile = os.environ.get("SSL_CERT_FILE")
    if cafile and os.path.isfile(cafile):
        import ssl

        return ssl.create_default_context(cafile=cafile)
    return True


def _auth() -> httpx.Auth | None:
    token = os.environ.get(TOKEN_ENV)
    if token:
        return _Bearer(token)
    user = os.environ.get(USER_ENV)
    if user:
        return httpx.BasicAuth(user, os.environ.get(PASSWORD_ENV, ""))
    return None


class _Bearer(httpx.Auth):
    def __init__(self, token: str):
        self._token = token

    def auth_flow(self, request):
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

    def __repr__(self) -> str:  # never show the token
        return "_Bearer(***)"


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise StoreError(f"{name}={raw!r} is not a number of seconds") from None
    if value <= 0:
        raise StoreError(f"{name} must be positive")
    return value


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


def _body_text(r: httpx.Response, limit: int = 500) -> str:
    try:
        text = r.content.decode("utf-8", "replace").strip()
    except httpx.HTTPError:
        return ""
    return text[:limit] + ("…" if len(text) > limit else "")


def _parse_answer(body: bytes, media_type: str, shown: str):
    results_fmt = ox.QueryResultsFormat.from_media_type(media_type) if media_type else None
    if results_fmt is None and media_type in ("application/json", ""):
        results_fmt = ox.QueryResultsFormat.JSON
    try:
        if results_fmt is not None:
            return ox.parse_query_results(body, format=results_fmt)
        rdf_fmt = ox.RdfFormat.from_media_type(media_type)
        if rdf_fmt is None and media_type == "text/plain":
            rdf_fmt = ox.RdfFormat.N_TRIPLES
        if rdf_fmt is None:
            raise StoreError(f"{shown}: the server answered in an unexpected format ({media_type})")
        return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=rdf_fmt)]
    except (SyntaxError, ValueError) as exc:
        raise StoreError(f"{shown}: unreadable answer from the server ({exc})") from None

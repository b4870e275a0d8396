"""The HTTP routes: ``/sparql`` (SPARQL 1.1 Protocol, read-only), ``/claims…`` (claim browser), ``/graph``
(interactive graph), ``/health``. The OpenAPI description (``/openapi.json``) covers every route but
``/sparql``, whose contract is the W3C SPARQL 1.1 Protocol itself."""

from __future__ import annotations

import html
import re
import threading
from typing import Literal
from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from kg import __version__
from kg.errors import KgError
from kg.serve import browser, guard, views
from kg.serve.results import ServeError
from kg.serve.sparql import check_query, negotiate

MAX_REQUEST_BYTES = 1 << 20  # a query text larger than 1 MiB is refused before it is read in full
PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")
COMMON_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
GRAPH_PAGES_KEPT = 32
_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', re.IGNORECASE)

PAGE_RESPONSES = {
    404: {"description": "No such entity, claim or document", "content": {"text/html": {}}},
    503: {"description": "The store did not answer within the time limit", "content": {"text/html": {}}},
}


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    version: str
    store: Literal["embedded", "remote"]
    workers: int
    workers_configured: int
    timeout_seconds: float
    max_rows: int


def create_app(backend, cors: bool = False, allow_remote: bool = False) -> FastAPI:
    app = FastAPI(
        title="kg serve",
        version=__version__,
        description=(
            "Claims knowledge graph over HTTP. The SPARQL 1.1 Protocol endpoint is at /sparql (read-only; "
            "GET ?query=, POST form or application/sparql-query; results in SPARQL JSON/XML/CSV/TSV, graphs in "
            "Turtle/N-Triples/JSON-LD/RDF-XML by content negotiation). This description covers the other routes."
        ),
        docs_url=None, redoc_url=None,  # the interactive docs pull scripts from a CDN; /openapi.json stays
    )
    pages = browser.Browser(backend)
    graph_views = views.GraphViews(backend)  # the view graph, read once per store version (in the background)
    pages_cache: dict = {}  # rendered graph pages by view parameters, oldest first, for one graph
    graph_lock = threading.Lock()

    guard.install(app, allow_remote=allow_remote, cors=cors)
    if cors:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                           allow_headers=["Accept", "Content-Type"])

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in COMMON_HEADERS.items():
            response.headers.setdefault(k, v)
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
        return response

    # ------------------------------------------------------------------------------------ SPARQL
    def _text_error(status: int, message: str) -> PlainTextResponse:
        return PlainTextResponse(message + "\n", status_code=status)

    def _dataset(params) -> tuple[list | None, list | None]:
        graphs = []
        for key in ("default-graph-uri", "named-graph-uri"):
            iris = params.getlist(key) if hasattr(params, "getlist") else params.get(key, [])
            for iri in iris:
                try:
                    ox.NamedNode(iri)
                except ValueError:
                    raise ServeError(400, f"{key}: {iri!r} is not a valid IRI") from None
            graphs.append(list(iris) or None)
        return graphs[0], graphs[1]

    async def _answer(request: Request, query: str | None, default_graphs, named_graphs, fmt: str | None):
        if query is None:
            if "text/html" in request.headers.get("accept", ""):
                return HTMLResponse(_sparql_form())
            raise ServeError(400, "missing 'query' parameter (SPARQL 1.1 Protocol: GET ?query=… or POST)")
        check_query(query)
        results_fmt, rdf_fmt = negotiate(request.headers.get("accept"), fmt)
        media, body = await run_in_threadpool(backend.query, query, results_fmt, rdf_fmt, default_graphs,
                                              named_graphs)
        return Response(body, media_type=media, headers={"Vary": "Accept", "Cache-Control": "no-store"})

    def _one(values: list[str], name: str) -> str | None:
        if len(values) > 1:
            raise ServeError(400, f"more than one '{name}' parameter")
        return values[0] if values else None

    @app.get("/sparql", include_in_schema=False)
    async def sparql_get(request: Request):
        params = request.query_params
        try:
            if "update" in params:
                raise ServeError(403, "this endpoint is read-only: SPARQL Update is refused")
            d, n = _dataset(params)
            return await _answer(request, _one(params.getlist("query"), "query"), d, n,
                                 _one(params.getlist("format"), "format"))
        except ServeError as exc:
            return _text_error(exc.status, str(exc))

    @app.post("/sparql", include_in_schema=False)
    async def sparql_post(request: Request):
        try:
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind == "application/sparql-update":
                raise ServeError(403, "this endpoint is read-only: SPARQL Update is refused")
            url_params = request.query_params
            if kind == "application/sparql-query":
                d, n = _dataset(url_params)
                text = (await _body(request)).decode("utf-8", "replace")
                return await _answer(request, text, d, n, _one(url_params.getlist("format"), "format"))
            if kind == "application/x-www-form-urlencoded":
                pairs = parse_qsl((await _body(request)).decode("utf-8", "replace"), keep_blank_values=True)
            elif kind == "multipart/form-data":
                _check_length(request)
                form = await request.form(max_files=0, max_part_size=MAX_REQUEST_BYTES)
                pairs = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
            else:
                raise ServeError(415, "POST a query as application/x-www-form-urlencoded (query=…) or as "
                                      "application/sparql-query")
            params: dict[str, list[str]] = {}
            for k, v in pairs:
                params.setdefault(k, []).append(v)
            if "update" in params:
                raise ServeError(403, "this endpoint is read-only: SPARQL Update is refused")
            d, n = _dataset(params)
            fmt = _one(params.get("format", []) + url_params.getlist("format"), "format")
            return await _answer(request, _one(params.get("query", []), "query"), d, n, fmt)
        except ServeError as exc:
            return _text_error(exc.status, str(exc))

    @app.api_route("/sparql", methods=["PUT", "DELETE", "PATCH"], include_in_schema=False)
    async def sparql_write(request: Request):
        return _text_error(403, "this endpoint is read-only: writes are refused")

    # ------------------------------------------------------------------------------------ pages
    def _page(render, *args) -> HTMLResponse:
        try:
            return HTMLResponse(render(*args))
        except browser.NotFound as exc:
            return HTMLResponse(browser.error_page("Not found", str(exc)), status_code=404)
        except ServeError as exc:
            return HTMLResponse(browser.error_page("Store error", str(exc)), status_code=exc.status)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    @app.get("/", include_in_schema=False)
    def index():
        return RedirectResponse("/claims")

    @app.get("/health", response_model=Health, summary="Liveness and settings")
    def health() -> Health:
        info = backend.health()
        degraded = info["workers_configured"] and info["workers"] < info["workers_configured"]
        return Health(status="degraded" if degraded else "ok", version=__version__, store=info["store"],
                      workers=info["workers"], workers_configured=info["workers_configured"],
                      timeout_seconds=backend.timeout, max_rows=backend.max_rows)

    @app.get("/claims", response_class=HTMLResponse, responses=PAGE_RESPONSES,
             summary="Search claims by entity, words or number")
    def claims(q: str | None = Query(None, max_length=200, description="An entity name, words or a number.",
                                examples=["Tokayev", "200,000"])):
        return _page(pages.search_page, q)

    @app.get("/claims/entity", response_class=HTMLResponse, responses=PAGE_RESPONSES,
             summary="Every claim by or about a canonical entity")
    def entity(iri: str = Query(..., max_length=500, description="Canonical entity IRI (urn:kg:entity:…).",
                               examples=["urn:kg:entity:person:kassym-jomart-tokayev"])):
        return _page(pages.entity_page, iri)

    @app.get("/claims/claim", response_class=HTMLResponse, responses=PAGE_RESPONSES,
             summary="One claim, its evidence and the claims linked to it")
    def claim(iri: str = Query(..., max_length=500, description="Claim IRI (urn:kg:claim:…).",
                              examples=["urn:kg:claim:000_37c6aabe9a1b8c9e:quantity:879-886"])):
        return _page(pages.claim_page, iri)

    @app.get("/claims/document", response_class=HTMLResponse, responses=PAGE_RESPONSES,
             summary="One document: its metadata, links and claims")
    def document(id: str = Query(..., max_length=200, description="Document identifier (the file name without suffix).",
                                    examples=["000_37c6aabe9a1b8c9e"])):
        return _page(pages.document_page, id)

    @app.get("/static/browser.css", response_class=PlainTextResponse, include_in_schema=False)
    def css():
        return Response(browser.CSS, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    @app.get("/graph", response_class=HTMLResponse,
             responses={400: {"description": "The view cannot be drawn as asked", "content": {"text/html": {}}},
                        501: {"description": "The graph view is not installed", "content": {"text/html": {}}},
                        503: PAGE_RESPONSES[503]},
             summary="The interactive graph of entities, claims and documents")
    def graph(
        focus: str | None = Query(None, max_length=200, description="Show what is around this entity."),
        hops: int = Query(2, ge=0, le=6, description="With focus: how many links away."),
        kind: list[Literal["quote", "quantity", "relation"]] | None = Query(None, description="Claim kinds."),
        source: str | None = Query(None, max_length=200, description="Only claims from this document."),
        conflicts: bool = Query(False, description="Numbers that disagree, linked in red."),
        max_nodes: int = Query(1000, ge=1, le=20000, description="Refuse to draw more nodes than this."),
    ):
        try:
            from kg.viz.graph import VizError, check_size, select
            from kg.viz.page import render
        except ImportError as exc:
            return HTMLResponse(browser.error_page("Graph view unavailable",
                                                   f"the kg.viz package cannot be imported ({exc})"),
                                status_code=501)
        key = (focus, hops, tuple(sorted(set(kind or ()))), source, conflicts, max_nodes)
        try:
            G = graph_views.graph(wait=backend.timeout, fresh=True)  # as long as a query may take
            if G is None:
                return graph_views.preparing_response()
            with graph_lock:
                if pages_cache.get("graph") is not G:  # a new version of the store: earlier pages are stale
                    pages_cache.clear()
                    pages_cache["graph"] = G
                text = pages_cache.get(key)
            if text is None:
                H = select(G, focus=focus, hops=hops, kinds=key[2] or None, source=source, conflicts=conflicts)
                check_size(H, max_nodes, focus=focus, hops=hops)
                subtitle = " · ".join(p for p in (f"around {focus!r}" if focus else "",
                                                   f"source: {source}" if source else "",
                                                   "numbers that disagree" if conflicts else "") if p)
                text = render(H, subtitle=subtitle)  # seconds on a big view (layout): remembered below
                with graph_lock:
                    if pages_cache.get("graph") is G:
                        pages_cache[key] = text
                        while len(pages_cache) > GRAPH_PAGES_KEPT + 1:
                            pages_cache.pop(next(k for k in pages_cache if k != "graph"))
        except VizError as exc:
            return HTMLResponse(browser.error_page("Cannot draw this view", str(exc)), status_code=400)
        except ServeError as exc:
            return HTMLResponse(browser.error_page("Store error", str(exc)), status_code=exc.status)
        m = _META_CSP.search(text)
        csp = html.unescape(m.group(1)) if m else "default-src 'none'"
        return HTMLResponse(text, headers={"Content-Security-Policy": csp + "; frame-ancestors 'none'"})

    app.include_router(views.router(backend, graph_views))

    @app.exception_handler(KgError)
    async def kg_error(request: Request, exc: KgError):
        status = exc.status if isinstance(exc, ServeError) else 500
        return PlainTextResponse(f"{exc}\n", status_code=status)

    return app


def _check_length(request: Request) -> None:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_REQUEST_BYTES:
        raise ServeError(413, f"request body larger than {MAX_REQUEST_BYTES} bytes")


async def _body(request: Request) -> bytes:
    _check_length(request)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_REQUEST_BYTES:
            raise ServeError(413, f"request body larger than {MAX_REQUEST_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _sparql_form() -> str:
    body = """<p>SPARQL 1.1 Protocol endpoint (read-only). Prefixes kg:, schema:, prov:, oa:, rdf:, rdfs:, skos:,
xsd:, owl: are predeclared.</p>
<form method="get" action="/sparql"><textarea name="query" rows="12" aria-label="query">SELECT ?doc ?title WHERE {
  ?d a kg:Document ; schema:identifier ?doc .
  OPTIONAL { ?d schema:headline ?title }
} LIMIT 20</textarea>
<p><label>Format <select name="format"><option>json</option><option>xml</option><option>csv</option>
<option>tsv</option><option>turtle</option><option>ntriples</option><option>jsonld</option>
<option>rdfxml</option></select></label> <button>Run</button></p></form>"""
    return browser.page("SPARQL", body)

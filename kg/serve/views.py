"""The views pages of ``kg serve``, as one APIRouter that ``app.py`` includes: a number's story
(``/trace?value=…``), the conflicts (``/conflicts``), speakers and entities (``/entities``, permalinks
``/entities/{type}/{name}``), and the readable graph overview (``/graph/overview``) with its expansion
endpoint (``/graph/expand?node=…``, JSON).

Pages are server-rendered and script-free under the app's page CSP, except the graph overview, which
carries its own hash-based CSP (as ``/graph`` does). Charts are SVG written by ``kg.viz.chart``.
"""

from __future__ import annotations

import html
import re
import threading
import time
from urllib.parse import urlencode

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, JSONResponse

from kg.errors import KgError
from kg.serve import browser
from kg.serve.results import ServeError

GRAPH_CACHE_SECONDS = {"embedded": float("inf"), "remote": 60.0}
_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', re.IGNORECASE)
RESPONSES = {
    400: {"description": "The request cannot be answered as asked", "content": {"text/html": {}}},
    404: {"description": "No such entity", "content": {"text/html": {}}},
    503: {"description": "The store did not answer within the time limit", "content": {"text/html": {}}},
}


class _ViewStore:
    """What kg.compare and kg.viz need from a store (``select``), answered by the backend."""

    def __init__(self, backend):
        self.select = backend.select


def _claim_href(r: dict) -> str:
    return f"/claims/claim?{urlencode({'iri': r['claim']})}"


def router(backend) -> APIRouter:
    r = APIRouter()
    pages = browser.Browser(backend)
    store = _ViewStore(backend)
    cache: dict = {}
    lock = threading.Lock()

    def html_page(render, *args, status: int = 200) -> HTMLResponse:
        try:
            return HTMLResponse(render(*args), status_code=status)
        except browser.NotFound as exc:
            return HTMLResponse(browser.error_page("Not found", str(exc)), status_code=404)
        except ServeError as exc:
            return HTMLResponse(browser.error_page("Store error", str(exc)), status_code=exc.status)
        except KgError as exc:
            return HTMLResponse(browser.error_page("Cannot answer", str(exc)), status_code=400)

    def cards(rows: list[dict]) -> str:
        return browser.claim_list(pages.claims([x["claim"] for x in rows]))

    # ------------------------------------------------------------------ a number's story
    def trace_page(value: str | None, about: str | None) -> str:
        from kg import compare
        from kg.viz.chart import svg
        from kg.viz.story import trace_summary

        form = (f'<form method="get" action="/trace"><input name="value" value="{html.escape(value or "", quote=True)}"'
                ' maxlength="60" aria-label="number" placeholder="1,400 or 38% or $415"> about <input name="about" '
                f'value="{html.escape(about or "", quote=True)}" maxlength="200" aria-label="about" '
                'placeholder="companies (optional)"><button>Trace</button></form>')
        if not value:
            return browser.page("Trace a number", form + "<p>Who asserted a number, who repeated it, and which "
                                "documents are copies of which.</p>")
        rows = compare.trace(store, value, about)
        if not rows:
            return browser.page(f"Trace {value}", form + f"<p class=empty>No claim asserts {html.escape(value)}.</p>")
        summary = trace_summary(value, rows)
        body = (form + f"<p class=meta>{html.escape(summary)} · copies under the original they republish; "
                "each mark links to its sentence</p>" + svg(rows, _claim_href, title=summary)
                + "<h2>Claims</h2>" + cards(rows))
        return browser.page(f"Who asserted {value}", body)

    @r.get("/trace", response_class=HTMLResponse, responses=RESPONSES,
           summary="A number's story: who asserted it, by source and date, copies under their original")
    def trace(value: str | None = Query(None, max_length=60, description="The number: 1400, 1,400, 38%, $415.",
                                        examples=["1400"]),
              about: str | None = Query(None, max_length=200, description="Only claims about this.")):
        return html_page(trace_page, value, about)

    def conflicts_page(about: str | None) -> str:
        from kg import compare
        from kg.viz import corpus
        from kg.viz.chart import svg

        groups = compare.conflicts(store, about)
        docs = corpus.documents(store)
        cl = compare.clusters(corpus.link_rows(docs, corpus.links(store, docs)))
        parts = [f"<p class=meta>{len(groups)} groups of claims measure the same thing with values that differ "
                 "beyond their qualifiers. Copies are drawn under the original they republish.</p>"]
        for i, g in enumerate(groups, 1):
            head = (f"{g.label} — {len(g.claims)} claims in {len(g.documents)} documents "
                    f"({g.independent(cl)} independent)")
            parts.append(f'<h2 id="g{i}">{html.escape(head)}</h2>' + svg(g.claims, _claim_href, title=head)
                         + '<div class="side">' + cards(g.claims) + "</div>")
        if not groups:
            parts.append("<p class=empty>No disagreeing numbers found.</p>")
        return browser.page("Numbers that disagree", "".join(parts))

    @r.get("/conflicts", response_class=HTMLResponse, responses=RESPONSES,
           summary="Numbers that disagree, each group as a chart with the sentences side by side")
    def conflicts(about: str | None = Query(None, max_length=200, description="Only groups about this.")):
        return html_page(conflicts_page, about)

    # ------------------------------------------------------------------ entities
    @r.get("/entities", response_class=HTMLResponse, responses=RESPONSES,
           summary="Speakers and sources with the most claims")
    def entities(q: str | None = Query(None, max_length=200, description="Filter by name.")):
        return html_page(pages.entities_page, q)

    @r.get("/entities/{kind}/{name}", response_class=HTMLResponse, responses=RESPONSES,
           summary="Permalink of one entity: everything said by and about it")
    def entity(kind: str, name: str):
        return html_page(pages.entity_page, f"{browser.ENTITY_PREFIX}{kind}:{name}")

    # ------------------------------------------------------------------ graph overview
    def graph():
        from kg.viz.graph import load_graph

        with lock:
            cached = cache.get("G")
            if cached is None or time.monotonic() - cached[0] > GRAPH_CACHE_SECONDS[backend.kind]:
                cache.clear()
                cache["G"] = cached = (time.monotonic(), load_graph(store))
        return cached[1]

    @r.get("/graph/overview", response_class=HTMLResponse, responses=RESPONSES,
           summary="A readable overview of the graph: the most-connected entities and the claims linking them")
    def overview(entities: int = Query(60, ge=5, le=400, description="How many entities the overview shows.")):
        from kg.viz.overview import render_overview

        try:
            G = graph()
            with lock:
                text = cache.get(("page", entities))
            if text is None:
                text = render_overview(G, top=entities, expand_url="/graph/expand", embed=0)
                with lock:
                    cache[("page", entities)] = text
        except ServeError as exc:
            return HTMLResponse(browser.error_page("Store error", str(exc)), status_code=exc.status)
        m = _META_CSP.search(text)
        csp = html.unescape(m.group(1)) if m else "default-src 'none'"
        return HTMLResponse(text, headers={"Content-Security-Policy": csp + "; frame-ancestors 'none'"})

    @r.get("/graph/expand", responses={404: {"description": "No such node", "content": {"application/json": {}}},
                                       503: {"description": "The store did not answer in time",
                                             "content": {"application/json": {}}}},
           summary="The neighbours of one graph node, as vis-network nodes and edges (JSON)")
    def expand(node: str = Query(..., max_length=500, description="The node's key (an IRI of this store)."),
               limit: int = Query(60, ge=1, le=500, description="At most this many neighbours.")):
        from kg.viz.overview import neighbours

        try:
            G = graph()
        except ServeError as exc:
            return JSONResponse({"error": str(exc)}, status_code=exc.status)
        if node not in G:
            return JSONResponse({"error": f"no node {node!r} in the graph"}, status_code=404)
        return JSONResponse(neighbours(G, node, limit), headers={"Cache-Control": "no-store"})

    return r

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
WAIT_SECONDS = 1.0  # how long a request waits for the graph being read before it is told to come back
REFRESH_SECONDS = 5  # the "being prepared" page reloads itself this often
CONFLICTS_PAGE = 20  # groups per /conflicts page: 10,000 articles have thousands (one page was 28 MB, 2 min)
_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', re.IGNORECASE)
RESPONSES = {
    400: {"description": "The request cannot be answered as asked", "content": {"text/html": {}}},
    404: {"description": "No such entity", "content": {"text/html": {}}},
    503: {"description": "The store did not answer within the time limit", "content": {"text/html": {}}},
}


class ViewStore:
    """What kg.compare and kg.viz need from a store (``select``), answered by the backend."""

    def __init__(self, backend):
        self.select = backend.select


class CompareStore:
    """The store ``kg.compare`` reads for the server's pages. For an embedded store that is its newest published
    checkpoint opened read-only in this process: compare then keeps its answer per store generation next to
    the store (``kg.compare.cache``), so after the first time a conflicts page reads a small file instead of
    comparing every number again, and the first time is not cut short by the visitors' per-query limit. A
    remote store is asked through the backend (compare computes each time)."""

    def __init__(self, backend):
        self.backend = backend
        self.lock = threading.Lock()
        self.opened: tuple | None = None  # (generation, store)

    def get(self):
        if self.backend.kind != "embedded":
            return ViewStore(self.backend)
        from kg.store import open_store

        gen = self.backend.generation()
        with self.lock:
            if self.opened is None or self.opened[0] != gen:
                self.opened = (gen, open_store(self.backend.pool.store_path, read_only=True))
            return self.opened[1]


class GraphViews:
    """The view graph of the store, read in the background and kept (with the overview pages drawn from it)
    until the store changes; while a new version is read, the previous one keeps answering.

    Reading 2,000 articles into the graph takes a minute or two on a busy machine, far more than a
    request should wait: the server starts reading when it starts, a request waits at most
    ``WAIT_SECONDS``, and until the graph is there the overview says so (and reloads itself). An embedded
    store is read in this process from its published checkpoint, so the per-query time limit of the
    endpoint's workers (meant for visitors' queries) does not cut the server's own, bounded reading short.
    """

    def __init__(self, backend, store=None):
        self.backend, self.store = backend, store if store is not None else ViewStore(backend)
        self.compare_store = CompareStore(backend)
        self.lock = threading.Lock()
        self.ready = threading.Condition(self.lock)
        self.current = None  # (graph, generation, read at (monotonic), {entities: page})
        self.loading_since: float | None = None
        self.error: ServeError | None = None

    def _stale(self) -> bool:
        if self.current is None:
            return True
        _, gen, at, _ = self.current
        return gen != self.backend.generation() or time.monotonic() - at > GRAPH_CACHE_SECONDS[self.backend.kind]

    def refresh(self) -> None:
        """Start reading the store into a new graph unless one is being read or the current one is fresh."""
        with self.lock:
            if self.loading_since is not None or not self._stale():
                return
            self.loading_since = time.monotonic()
        threading.Thread(target=self._load, name="kg-view-graph", daemon=True).start()

    def _load(self) -> None:
        from kg.viz.graph import load_graph
        from kg.viz.overview import DEFAULT_TOP, render_overview, warm

        error = None
        try:
            gen = self.backend.generation()
            G = load_graph(self.compare_store.get() if self.backend.kind == "embedded" else self.store)
            pages = {DEFAULT_TOP: render_overview(G, top=DEFAULT_TOP, expand_url="/graph/expand", embed=0)}
            warm(G)  # the hubs' neighbour lists, so the first clicks on them answer at once
        except ServeError as exc:
            error = exc
        except (KgError, OSError) as exc:
            error = ServeError(503, f"cannot read the store into the graph view ({exc})")
        except Exception as exc:  # noqa: BLE001 — a background thread: a bug must not leave "loading" forever
            error = ServeError(500, f"the graph view failed ({type(exc).__name__}: {exc})")
        with self.lock:
            if error is None:
                self.current = (G, gen, time.monotonic(), pages)
            self.error, self.loading_since = error, None
            self.ready.notify_all()

    def _wait(self, wait: float, fresh: bool = False):
        self.refresh()
        deadline = time.monotonic() + wait
        with self.lock:
            while ((self.current is None or fresh and self._stale()) and self.loading_since is not None
                   and time.monotonic() < deadline):
                self.ready.wait(max(0.01, deadline - time.monotonic()))
            if self.current is None and self.error is not None:
                raise self.error
            return self.current

    def graph(self, wait: float, fresh: bool = False):
        """The graph (the previous version while a newer one is read), or None while the first is read.
        ``fresh``: wait (up to ``wait`` seconds) for the store's newest version to be read, if it is not yet."""
        current = self._wait(wait, fresh)
        return current[0] if current else None

    def page(self, entities: int, wait: float = WAIT_SECONDS) -> str | None:
        """The overview page of the ``entities`` most-connected entities, or None while the graph is read."""
        from kg.viz.overview import render_overview

        current = self._wait(wait)
        if current is None:
            return None
        G, _, _, pages = current
        text = pages.get(entities)
        if text is None:  # another size than the default: drawn on request, then kept with this graph
            text = render_overview(G, top=entities, expand_url="/graph/expand", embed=0)
            with self.lock:
                pages[entities] = text
        return text

    def preparing_response(self) -> HTMLResponse:
        """503 with the "being prepared" page, which reloads itself (no script needed)."""
        return HTMLResponse(self.preparing_page(), status_code=503,
                            headers={"Retry-After": str(REFRESH_SECONDS), "Refresh": str(REFRESH_SECONDS),
                                     "Cache-Control": "no-store"})

    def preparing_page(self) -> str:
        since = self.loading_since
        took = f" (started {time.monotonic() - since:.0f} s ago)" if since is not None else ""
        return browser.page("Preparing the graph overview",
                            f'<meta http-equiv="refresh" content="{REFRESH_SECONDS}">'
                            f"<p>The server is reading the store into the graph view{html.escape(took)}. On a "
                            "corpus of thousands of articles this takes a minute or two, once per version of "
                            f"the store. This page reloads itself every {REFRESH_SECONDS} seconds.</p>")


def _claim_href(r: dict) -> str:
    return f"/claims/claim?{urlencode({'iri': r['claim']})}"


def _pager(path: str, params: dict, page: int, total: int, per: int, what: str) -> str:
    """"groups 21–40 of 4,012 · ← previous · next →" links, or "" when everything fits on one page."""
    if total <= per:
        return ""
    first, last = (page - 1) * per + 1, min(total, page * per)
    parts = [f"{what} {first:,}–{last:,} of {total:,}" if first <= total else f"{total:,} {what}"]
    if page > 1:
        parts.append(f'<a href="{path}?{html.escape(urlencode({**params, "page": page - 1}))}" rel="prev">'
                     "← previous</a>")
    if last < total:
        parts.append(f'<a href="{path}?{html.escape(urlencode({**params, "page": page + 1}))}" rel="next">'
                     "next →</a>")
    return "<p class=pager>" + " · ".join(parts) + "</p>"


def router(backend, views: GraphViews | None = None) -> APIRouter:
    r = APIRouter()
    pages = browser.Browser(backend)
    store = ViewStore(backend)
    views = views if views is not None else GraphViews(backend, store)

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

    def conflicts_page(about: str | None, page: int, per: int) -> str:
        from kg import compare
        from kg.viz import corpus
        from kg.viz.chart import svg

        groups = compare.conflicts(views.compare_store.get(), about)
        docs = corpus.documents(store)
        cl = compare.clusters(corpus.link_rows(docs, corpus.links(store, docs)))
        first = (page - 1) * per
        shown = groups[first : first + per]
        parts = [f"<p class=meta>{len(groups):,} groups of claims measure the same thing with values that differ "
                 "beyond their qualifiers, the most documents first. Copies are drawn under the original they "
                 "republish.</p>"]
        params = {**({"about": about} if about else {}), **({"per": per} if per != CONFLICTS_PAGE else {})}
        nav = _pager("/conflicts", params, page, len(groups), per, "groups")
        parts.append(nav)
        for i, g in enumerate(shown, first + 1):
            head = (f"{g.label} — {len(g.claims)} claims in {len(g.documents)} documents "
                    f"({g.independent(cl)} independent)")
            parts.append(f'<h2 id="g{i}">{i}. {html.escape(head)}</h2>' + svg(g.claims, _claim_href, title=head)
                         + '<div class="side">' + cards(g.claims) + "</div>")
        if not groups:
            parts.append("<p class=empty>No disagreeing numbers found.</p>")
        elif not shown:
            parts.append(f"<p class=empty>There are {len(groups):,} groups: no page {page}.</p>")
        elif nav:
            parts.append(nav)
        return browser.page("Numbers that disagree", "".join(parts))

    @r.get("/conflicts", response_class=HTMLResponse, responses=RESPONSES,
           summary="Numbers that disagree, each group as a chart with the sentences side by side")
    def conflicts(about: str | None = Query(None, max_length=200, description="Only groups about this."),
                  page: int = Query(1, ge=1, le=100_000, description="Which page of groups."),
                  per: int = Query(CONFLICTS_PAGE, ge=1, le=100, description="Groups per page.")):
        return html_page(conflicts_page, about, page, per)

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
    if backend.kind == "embedded":
        views.refresh()  # start reading the store now: the first visitor should not wait for it

    @r.get("/graph/overview", response_class=HTMLResponse, responses=RESPONSES,
           summary="A readable overview of the graph: the most-connected entities and the claims linking them")
    def overview(entities: int = Query(60, ge=5, le=400, description="How many entities the overview shows.")):
        try:
            text = views.page(entities)
        except ServeError as exc:
            return HTMLResponse(browser.error_page("Store error", str(exc)), status_code=exc.status)
        if text is None:
            return views.preparing_response()
        m = _META_CSP.search(text)
        csp = html.unescape(m.group(1)) if m else "default-src 'none'"
        return HTMLResponse(text, headers={"Content-Security-Policy": csp + "; frame-ancestors 'none'"})

    @r.get("/graph/expand", responses={404: {"description": "No such node", "content": {"application/json": {}}},
                                       503: {"description": "The store did not answer in time",
                                             "content": {"application/json": {}}}},
           summary="The neighbours of one graph node, as vis-network nodes and edges (JSON)")
    def expand(node: str = Query(..., max_length=500, description="The node's key (an IRI of this store)."),
               limit: int = Query(60, ge=1, le=500, description="At most this many neighbours."),
               offset: int = Query(0, ge=0, le=1_000_000, description="Skip this many (the answer's `next`).")):
        from kg.viz.overview import neighbours

        started, cpu = time.perf_counter(), time.thread_time()
        try:
            G = views.graph(wait=WAIT_SECONDS)
        except ServeError as exc:
            return JSONResponse({"error": str(exc)}, status_code=exc.status)
        if G is None:
            return JSONResponse({"error": "the graph is still being read from the store; try again in a few "
                                 "seconds"}, status_code=503, headers={"Retry-After": str(REFRESH_SECONDS)})
        if node not in G:
            return JSONResponse({"error": f"no node {node!r} in the graph"}, status_code=404)
        answer = JSONResponse(neighbours(G, node, limit, offset), headers={"Cache-Control": "no-store"})
        # how long the answer took here, wall and CPU (ms; W3C Server-Timing, shown by browsers' dev tools):
        # what a client waits beyond it is the network, the event loop and the machine's load
        answer.headers["Server-Timing"] = (f"expand;dur={(time.perf_counter() - started) * 1000:.1f}, "
                                           f"cpu;dur={(time.thread_time() - cpu) * 1000:.1f}")
        return answer

    return r

"""Every page of ``kg serve`` in a real headless Chromium, over a store whose article text, names, titles
and publishers are all markup: a crawl from ``/`` that follows each link the pages offer (claims,
entities and their permalinks, documents, /trace, /conflicts, the graph pages) checks that every link
lands, every in-page link (a chart mark, a report item) has its target, nothing runs, and no page asks
anything of a server but its own."""

from __future__ import annotations

from collections import deque
from urllib.parse import urlsplit

import httpx
import pytest

from kg.rdf.mapping import document_graph, document_metadata
from kg.records import Document, Extraction, NumericClaim, Quote
from tests.browser.conftest import wait_for
from tests.viz.conftest import _ent, _ev

pytestmark = pytest.mark.browser

IMG = '<img src=x onerror="alert(1)">'
SCRIPT = "<script>alert(2)</script>"
SVG = '"><svg onload=alert(3)>'
A_TEXT = (f"{IMG} Ada Quill said nearly 1,000 {SCRIPT} firms have left Norland. "
          f"“We will {SVG} welcome them,” Quill said.")
B_TEXT = f"According to {IMG}, 1,400 {SCRIPT} firms have left Norland."
MAX_PAGES = 60


def _hostile_extractions() -> list[Extraction]:
    a = Document(id="h1", text=A_TEXT, source_path="h1.txt", content_hash="c" * 64, title=SCRIPT,
                 url="javascript:alert(4)", date="2024-03-01", publisher=IMG)
    b = Document(id="h2", text=B_TEXT, source_path="h2.txt", content_hash="d" * 64, title=SVG,
                 url="https://example.org/h2", date="2024-03-02", publisher=SVG)
    counts = f"{SCRIPT} firms"
    return [
        Extraction(a, entities=(_ent(A_TEXT, "Ada Quill", "Person", "PERSON", "Ada Quill", "Quill"),
                                _ent(A_TEXT, IMG, "Organization", "ORG"), _ent(A_TEXT, "Norland", "Country", "GPE")),
                   quotes=(Quote("Ada Quill", "Quill", "say", f"We will {SVG} welcome them", True,
                                 _ev(A_TEXT, f"We will {SVG} welcome them"), _ev(A_TEXT, "Quill", A_TEXT.index("”")),
                                 "Person"),),
                   quantities=(NumericClaim(1000.0, "approx", "nearly 1,000", _ev(A_TEXT, "nearly 1,000"),
                                            counts=counts, counts_head="firm", predicate="have left Norland",
                                            source="Ada Quill", source_kind="speaker"),)),
        Extraction(b, entities=(_ent(B_TEXT, IMG, "Organization", "ORG"), _ent(B_TEXT, "Norland", "Country", "GPE")),
                   quantities=(NumericClaim(1400.0, "exact", "1,400", _ev(B_TEXT, "1,400"), counts=counts,
                                            counts_head="firm", predicate="have left Norland", source=IMG,
                                            source_kind="according_to"),)),
    ]


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    from kg.build import resolve_entities
    from kg.store import open_store

    path = tmp_path_factory.mktemp("hostile-store") / "store"
    store = open_store(str(path))
    for ex in _hostile_extractions():
        store.replace_document(ex.document.id, document_graph(ex), document_metadata(ex.document, "test"))
    resolve_entities(store)
    store.flush()
    return path


# what a page holds that injected markup would have made: elements that run or fetch, handler attributes;
# links are read from the attribute (a chart mark is an SVG <a>, whose .href is not a string)
_INJECTED = """() => ({
    elements: document.querySelectorAll('img, iframe, object, embed, svg script, foreignObject').length,
    handlers: Array.from(document.querySelectorAll('*')).filter(e =>
        Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
    jsLinks: Array.from(document.querySelectorAll('a[href]')).filter(a => /^\\s*javascript:/i.test(
        a.getAttribute('href'))).length,
    missing: Array.from(document.querySelectorAll('a[href^="#"]')).map(a => a.getAttribute('href'))
        .filter(h => h.length > 1 && !document.getElementById(decodeURIComponent(h.slice(1)))),
    links: Array.from(document.querySelectorAll('a[href]')).map(a => new URL(a.getAttribute('href'), location).href),
    scripts: document.scripts.length,
})"""


def _crawl(browser, url: str, starts: list[str]) -> dict:
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    seen = {"requests": [], "errors": [], "dialogs": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    todo, done, pages = deque(starts), set(), {}
    while todo and len(done) < MAX_PAGES:
        target = todo.popleft().split("#")[0]
        if target in done or urlsplit(target).netloc != urlsplit(url).netloc:
            continue
        done.add(target)
        path = urlsplit(target).path
        if path in ("/sparql", "/health", "/favicon.ico", "/openapi.json") or path.startswith("/static/"):
            continue
        response = page.goto(target, timeout=120_000)
        if path.startswith("/graph"):
            wait_for(page, "() => window.kgReady !== undefined", None, timeout=60.0)
        got = page.evaluate(_INJECTED)
        pages[target] = {"status": response.status, **got}
        todo.extend(got["links"])
    ctx.close()
    return {"pages": pages, **seen}


def test_every_served_page_lands_runs_nothing_and_stays_home(browser, hostile_store):
    from tests.serve.servers import kg_serve
    from tests.serve.test_pages import overview_when_ready

    with kg_serve(str(hostile_store), "--workers", "1") as (url, _):
        assert overview_when_ready(url).status_code == 200
        got = _crawl(browser, url, [f"{url}/", f"{url}/entities", f"{url}/conflicts", f"{url}/trace?value=1400",
                                    f"{url}/claims?q=Quill", f"{url}/graph/overview", f"{url}/graph"])
        listed = httpx.get(f"{url}/entities", timeout=60).text
    pages = got["pages"]
    kinds = {urlsplit(p).path.split("/")[1] + ("/" if urlsplit(p).path.count("/") > 1 else "") for p in pages}
    # the crawl reached every kind of page: lists, a permalink, a claim, a document, the charts, the graphs
    assert {"entities", "entities/", "claims", "claims/", "conflicts", "trace", "graph", "graph/"} <= kinds, kinds
    assert "Ada Quill" in listed
    for p, r in pages.items():
        assert r["status"] == 200, p
        assert r["elements"] == 0 and r["handlers"] == 0 and r["jsLinks"] == 0, (p, r)
        assert r["missing"] == [], p  # every in-page link (a chart mark, a sentence) has its target
        graph = urlsplit(p).path.startswith("/graph")
        assert r["scripts"] == (4 if graph else 0), p  # data, vis-network, common, the page's own; else none
    assert got["dialogs"] == [] and got["errors"] == []
    assert {urlsplit(r).netloc for r in got["requests"]} <= {urlsplit(url).netloc}

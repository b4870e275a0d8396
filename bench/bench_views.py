"""Views on a real store: the overview page's time to interactive in headless Chromium, node expansion
in ``kg serve``, and ``kg report``.

    .venv/bin/python bench/bench_views.py --store /tmp/r2000-store [--expansions 20]

Reports: seconds to read the store into the view graph and to render the overview (in this process);
the static overview's "interactive" time (``window.kgReady``: first frame drawn with every control
bound, ms since navigation start); ``/graph/expand`` latency (HTTP, warm cache) and the
in-page expansion (fetch + add to the network) for the top overview entities; ``kg report`` seconds (run
twice: the first after a build also compares every number, which kg.compare then keeps per store version);
how soon ``kg serve`` answers ``/graph/overview`` (at once: the page, or "being prepared" while the server
reads the store in the background) and when the page is ready; the speakers list, the top speakers' pages
and /conflicts in kg serve.
Uses Debian's /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.store import open_store  # noqa: E402
from kg.viz import report  # noqa: E402
from kg.viz.graph import load_graph  # noqa: E402
from kg.viz.overview import render_overview  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-dev-shm-usage"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--expansions", type=int, default=20)
    ap.add_argument("--no-report", action="store_true", help="Leave out kg report (e.g. timed on its own).")
    ap.add_argument("--entity-pages", type=int, default=3, help="Time the pages of this many top speakers.")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from tests.serve.servers import kg_serve

    store = open_store(args.store, read_only=True)
    t0 = time.perf_counter()
    G = load_graph(store)
    t1 = time.perf_counter()
    html = render_overview(G)
    t2 = time.perf_counter()
    docs = sum(1 for _, a in G.nodes(data=True) if a["kind"] == "document")
    print(f"store: {docs} documents, {G.number_of_nodes()} graph nodes, {G.number_of_edges()} edges")
    print(f"read store into graph {t1 - t0:.1f} s · render overview {t2 - t1:.1f} s · page {len(html) / 1e6:.1f} MB")
    for run in () if args.no_report else ("first", "second"):
        t3 = time.perf_counter()
        text = report.build(store)
        t4 = time.perf_counter()
        print(f"kg report ({run} run): {t4 - t3:.1f} s ({len(text) / 1e6:.2f} MB)")
    del store
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "overview.html"
        path.write_text(html, encoding="utf-8")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        ready = []
        for _ in range(3):
            page = browser.new_page(viewport={"width": 1400, "height": 850})
            page.goto(path.as_uri())
            page.wait_for_function("window.kgReady !== undefined", timeout=120_000)
            ready.append(page.evaluate("window.kgReady"))
            page.close()
        print(f"static overview interactive: median {statistics.median(ready):.0f} ms of {len(ready)} loads")
        t5 = time.perf_counter()
        with kg_serve(args.store, "--workers", "1") as (url, _):
            t6 = time.perf_counter()
            first = httpx.get(f"{url}/graph/overview", timeout=900)
            t7 = time.perf_counter()
            print(f"kg serve up in {t6 - t5:.1f} s; first /graph/overview answered in {t7 - t6:.1f} s "
                  f"(HTTP {first.status_code}{': being prepared' if first.status_code == 503 else ''})")
            while first.status_code == 503:
                time.sleep(1)
                first = httpx.get(f"{url}/graph/overview", timeout=900)
            assert first.status_code == 200, first.text[:300]
            print(f"served overview ready {time.perf_counter() - t6:.1f} s after the server was up "
                  "(store read in the background, then kept)")
            page = browser.new_page(viewport={"width": 1400, "height": 850})
            page.goto(f"{url}/graph/overview", timeout=120_000)
            page.wait_for_function("window.kgReady !== undefined", timeout=120_000)
            print(f"served overview interactive (warm): {page.evaluate('window.kgReady'):.0f} ms")
            ids = page.evaluate("kg.data.nodes.filter(n => n.kind === 'entity').map(n => n.id)")[: args.expansions]
            http_ms, page_ms = [], []
            for node in ids:
                s = time.perf_counter()
                r = httpx.get(f"{url}/graph/expand", params={"node": node}, timeout=60)
                http_ms.append((time.perf_counter() - s) * 1000)
                assert r.status_code == 200
                page_ms.append(page.evaluate(
                    "async (id) => { const t = performance.now(); await kg.expand(id); return performance.now() - t; }",
                    node))
            print(f"/graph/expand over HTTP: median {statistics.median(http_ms):.0f} ms, max {max(http_ms):.0f} ms "
                  f"({len(ids)} nodes)")
            print(f"expand in the page (fetch + add + refresh): median {statistics.median(page_ms):.0f} ms, "
                  f"max {max(page_ms):.0f} ms")
            _pages(url, args.entity_pages)
        browser.close()


def _get(url: str, **params) -> tuple[float, httpx.Response]:
    s = time.perf_counter()
    r = httpx.get(url, params=params, timeout=300)
    return time.perf_counter() - s, r


def _pages(url: str, n: int) -> None:
    """The speakers list, the pages of its first ``n`` entities, and /conflicts (twice: compare's answer is
    kept per store version)."""
    import re
    from html import unescape

    took, r = _get(f"{url}/entities")
    print(f"/entities: {took:.1f} s (HTTP {r.status_code})")
    links = list(dict.fromkeys(unescape(h) for h in re.findall(r'href="(/claims/entity\?iri=[^"]+)"', r.text)))[:n]
    for link in links:
        iri = httpx.URL(link).params["iri"]
        took, page = _get(f"{url}/claims/entity", iri=iri)
        print(f"entity page {iri}: {took:.1f} s (HTTP {page.status_code}, {len(page.content) // 1000} KB)")
    for run in ("first", "second"):
        took, page = _get(f"{url}/conflicts")
        print(f"/conflicts ({run}): {took:.1f} s (HTTP {page.status_code}, {len(page.content) // 1000} KB)")


if __name__ == "__main__":
    main()

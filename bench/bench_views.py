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
import os
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
    ap.add_argument("--serve-only", action="store_true", help="Only kg serve's overview, expansion and pages.")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    if args.serve_only:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            _serve(args, browser)
            browser.close()
        return
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
        ready, busy = [], []
        for _ in range(3):
            page = browser.new_page(viewport={"width": 1400, "height": 850})
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            page.goto(path.as_uri())
            page.wait_for_function("window.kgReady !== undefined", timeout=120_000)
            ready.append(page.evaluate("window.kgReady"))
            # the renderer's main-thread busy time so far (parse, script, layout, paint): CPU, not wall
            busy.append(_renderer_busy(cdp))
            page.close()
        print(f"static overview interactive: median {statistics.median(ready):.0f} ms of {len(ready)} loads "
              f"(renderer main thread busy {statistics.median(busy):.0f} ms; page {len(html) / 1e6:.1f} MB)")
        _serve(args, browser)
        browser.close()


def _serve(args, browser) -> None:
    """kg serve on the store: the overview's readiness, expansions, the speakers' pages and /conflicts."""
    from tests.serve.servers import kg_serve

    t5 = time.perf_counter()
    with kg_serve(args.store, "--workers", "1") as (url, server):
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
        _expansions(url, server.pid, page, ids)
        _pages(url, args.entity_pages)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _server_timing(r: httpx.Response) -> dict[str, float]:
    out = {}
    for part in r.headers.get("server-timing", "").split(","):
        name, _, dur = part.strip().partition(";dur=")
        if dur:
            out[name] = float(dur)
    return out


def _expansions(url: str, pid: int, page, ids: list[str]) -> None:
    """/graph/expand for each of ``ids``, three ways in one run: a kept-alive client (what a browser does),
    a new client and connection per request (``httpx.get``: what this bench timed until session 5, which adds
    building an SSL context and reading the proxy settings each time), and in the page (fetch + add + redraw).
    With the server's own time (Server-Timing) and its process's CPU time over the kept-alive requests."""
    kept, inside, inside_cpu = [], [], []
    with httpx.Client(base_url=url, trust_env=False, timeout=60) as client:
        client.get("/health")
        cpu0 = _cpu_seconds(pid)
        for node in ids:
            s = time.perf_counter()
            r = client.get("/graph/expand", params={"node": node})
            kept.append((time.perf_counter() - s) * 1000)
            assert r.status_code == 200
            t = _server_timing(r)
            inside.append(t.get("expand", float("nan")))
            inside_cpu.append(t.get("cpu", float("nan")))
        cpu = (_cpu_seconds(pid) - cpu0) * 1000 / len(ids)
    fresh, page_ms, busy = [], [], []
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    for node in ids:
        s = time.perf_counter()
        assert httpx.get(f"{url}/graph/expand", params={"node": node}, timeout=60).status_code == 200
        fresh.append((time.perf_counter() - s) * 1000)
        b0 = _renderer_busy(cdp)
        page_ms.append(page.evaluate(EXPAND_DRAWN, node))
        busy.append(_renderer_busy(cdp) - b0)
    med = statistics.median
    print(f"/graph/expand over HTTP, kept-alive client: median {med(kept):.0f} ms, max {max(kept):.0f} ms "
          f"({len(ids)} nodes); in the server: median {med(inside):.1f} ms wall, {med(inside_cpu):.1f} ms CPU, "
          f"max {max(inside):.0f} ms; server process CPU {cpu:.1f} ms per request")
    print(f"/graph/expand, new client per request (httpx.get): median {med(fresh):.0f} ms, max {max(fresh):.0f} ms")
    print(f"expand in the page, click to drawn (fetch + add + the frame drawn): median {med(page_ms):.0f} ms, "
          f"max {max(page_ms):.0f} ms; renderer main thread busy median {med(busy):.0f} ms "
          f"({page.evaluate('kg.nodes.length')} nodes drawn at the end)")


# ms from asking for a node's neighbours to the next frame drawn after they were added
EXPAND_DRAWN = """async (id) => { const t = performance.now(); await kg.expand(id);
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))); return performance.now() - t; }"""


def _renderer_busy(cdp) -> float:
    """ms the page's renderer main thread has been busy so far (Chromium's TaskDuration metric)."""
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics.get("TaskDuration", float("nan")) * 1000


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

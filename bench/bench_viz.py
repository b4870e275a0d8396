"""Graph page: time until a 2,000-node page is drawn in headless Chromium, against pyvis's defaults.

    .venv/bin/python bench/bench_viz.py [--sizes 500 2000] [--baseline-size 500] [--baseline-timeout 120]

Ours: positions precomputed in Python (kg.viz.layout), physics off; "ready" is the page's first drawn
frame (``window.kgReady``, ms since navigation start). Baseline: the same graph through pyvis with its
default options (physics on, dynamic curved edges, in-line resources; its Bootstrap CDN link is
blocked, the page is offline); "settled" is vis-network's ``stabilized`` event, or the timeout.
Also times building the page data in Python against pyvis's add_node/add_edge API.
Uses Debian's /usr/bin/chromium (never a downloaded browser).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from viz_graphs import synthetic_graph  # noqa: E402

from kg.viz.layout import layout  # noqa: E402
from kg.viz.page import page_data, render, to_pyvis  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
# Records when pyvis's template assigns its global `network` and when physics settles.
HOOK = """
(() => { let n; Object.defineProperty(window, 'network', { configurable: true,
  get() { return n; },
  set(v) { n = v; v.once('stabilized', () => { window.benchSettled = performance.now(); });
           v.once('afterDrawing', () => { window.benchFirstDraw = performance.now(); }); } }); })();
"""


def ours(browser, n: int, workdir: Path) -> dict:
    G = synthetic_graph(n)
    t0 = time.perf_counter()
    pos = layout(G)
    t1 = time.perf_counter()
    html = render(G, positions=pos)
    t2 = time.perf_counter()
    path = workdir / f"ours-{n}.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    page.goto(path.as_uri())
    page.wait_for_function("window.kgReady !== undefined", timeout=120_000)
    ready = page.evaluate("window.kgReady")
    nodes = page.evaluate("kg.nodes.length")
    page.close()
    return {"nodes": nodes, "edges": G.number_of_edges(), "layout_s": t1 - t0, "render_s": t2 - t1,
            "mb": len(html.encode()) / 1e6, "ready_ms": ready}


def baseline(browser, n: int, timeout_s: float, workdir: Path) -> dict:
    G = synthetic_graph(n)
    net = to_pyvis(G, physics=True)
    path = workdir / f"pyvis-{n}.html"
    path.write_text(net.generate_html(), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.add_init_script(HOOK)
    # pyvis stabilises before its first frame and blocks the load event meanwhile: do not wait for it
    page.goto(path.as_uri(), wait_until="commit", timeout=0)
    try:
        page.wait_for_function("window.benchSettled !== undefined", timeout=timeout_s * 1000, polling=250)
        settled = page.evaluate("window.benchSettled")
    except Exception:  # playwright's TimeoutError: report a lower bound
        settled = None
    first = page.evaluate("window.benchFirstDraw || null")
    page.close()
    return {"nodes": n, "settled_ms": settled, "first_draw_ms": first, "timeout_s": timeout_s}


def data_build(n: int) -> tuple[float, float]:
    """Seconds to build the page's node/edge lists: ours, and pyvis's add_node/add_edge loop."""
    from pyvis.network import Network

    G = synthetic_graph(n)
    t0 = time.perf_counter()
    page_data(G, positions={v: (0.0, 0.0) for v in G})
    t1 = time.perf_counter()
    net = Network(directed=True)
    index = {v: i for i, v in enumerate(G)}
    for v, a in G.nodes(data=True):
        net.add_node(index[v], label=a["label"])
    for u, v in G.edges():
        net.add_edge(index[u], index[v])
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    ap.add_argument("--baseline-size", type=int, default=500)
    ap.add_argument("--baseline-timeout", type=float, default=120.0)
    ap.add_argument("--data-size", type=int, default=5000, help="graph size for the page-data timing (0: skip)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        results = {}
        print(f"{'nodes':>6} {'edges':>6} {'layout s':>9} {'html s':>7} {'MB':>5} {'ready ms':>9}")
        for n in args.sizes:
            r = ours(browser, n, Path(tmp))
            results[n] = r
            print(f"{r['nodes']:>6} {r['edges']:>6} {r['layout_s']:>9.2f} {r['render_s']:>7.2f} {r['mb']:>5.1f} "
                  f"{r['ready_ms']:>9.0f}")
        b = baseline(browser, args.baseline_size, args.baseline_timeout, Path(tmp))
        browser.close()
    settled = b["settled_ms"]
    shown = f"{settled:.0f} ms" if settled is not None else f"> {b['timeout_s']:.0f} s (timed out)"
    print(f"\npyvis defaults, {b['nodes']} nodes: settled after {shown}; first frame {b['first_draw_ms'] or 0:.0f} ms")
    mine = results.get(args.baseline_size) or ours_missing(args.baseline_size)
    bound = settled if settled is not None else b["timeout_s"] * 1000
    ratio = bound / mine["ready_ms"]
    print(f"ratio at {args.baseline_size} nodes: pyvis settle / kg ready = {'' if settled else '> '}{ratio:.0f}x")
    if args.data_size:
        a, py = data_build(args.data_size)
        print(f"page data for {args.data_size} nodes: kg {a:.2f} s, pyvis add_node/add_edge {py:.2f} s")


def ours_missing(n: int):
    raise SystemExit(f"--sizes must include the baseline size {n}")


if __name__ == "__main__":
    main()

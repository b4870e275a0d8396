"""The README's screenshots, each from a store ``kg build`` made (the real pipeline, spaCy included):
docs/overview.png from 2,000 generated articles (bench/synthetic_articles.py: invented people, places
and text, so no name or sentence of a licensed corpus enters the repository — look at a real corpus's
overview with ``--only overview --overview-store``, but do not commit it), docs/trace.png and
docs/report.png from the seeds (their original, republication and rewrite make the story the chart
tells), docs/graph.png the seeds' ``kg viz --focus Tokayev`` page at its opening zoom:

    .venv/bin/python bench/synthetic_articles.py 2000 > /tmp/synthetic.jsonl
    kg build /tmp/synthetic.jsonl --store /tmp/shots-store
    kg build seeds --store /tmp/seeds-store
    .venv/bin/python bench/screenshots.py --overview-store /tmp/shots-store --store /tmp/seeds-store \
        --graph-store /tmp/seeds-store [--value 1400]

Uses Debian's /usr/bin/chromium; a modest viewport keeps each PNG under 350 KB.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg import compare  # noqa: E402
from kg.store import open_store  # noqa: E402
from kg.viz import report, story  # noqa: E402
from kg.viz.graph import load_graph  # noqa: E402
from kg.viz.overview import write_overview  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"]
SHOTS = {"overview": (1280, 760), "trace": (1000, 620), "report": (1000, 760), "graph": (1280, 760)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--overview-store", help="Store the overview is drawn from (default: --store).")
    ap.add_argument("--store", required=True, help="Store of the trace and the report.")
    ap.add_argument("--graph-store", help="Store of docs/graph.png (the seeds); without it no graph.png.")
    ap.add_argument("--focus", default="Tokayev", help="The entity docs/graph.png is drawn around.")
    ap.add_argument("--value", default="1400", help="The number traced.")
    ap.add_argument("--only", choices=sorted(SHOTS), action="append", help="Take only these screenshots.")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    wanted = args.only or [s for s in sorted(SHOTS) if s != "graph" or args.graph_store]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        if "overview" in wanted:
            o_store = open_store(args.overview_store or args.store, read_only=True)
            write_overview(load_graph(o_store), tmp / "overview.html", title="kg: overview")
        store = open_store(args.store, read_only=True)
        if "trace" in wanted:
            story.write_trace(tmp / "trace.html", args.value, compare.trace(store, args.value))
        if "report" in wanted:
            report.write(store, tmp / "report.html", title="kg report")
        if "graph" in wanted:
            from kg.viz.graph import select
            from kg.viz.page import write

            G = load_graph(open_store(args.graph_store, read_only=True))
            write(select(G, focus=args.focus), tmp / "graph.html", title="kg: who said what")
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name in wanted:
            w, h = SHOTS[name]
            page = b.new_page(viewport={"width": w, "height": h})
            page.goto((tmp / f"{name}.html").as_uri())
            if name in ("overview", "graph"):
                page.wait_for_function("window.kgReady !== undefined", timeout=300_000)
            page.wait_for_timeout(500)
            out = ROOT / "docs" / f"{name}.png"
            page.screenshot(path=str(out))
            print(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1000:.0f} KB")
        b.close()


if __name__ == "__main__":
    main()

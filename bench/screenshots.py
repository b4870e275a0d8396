"""The README's screenshots: docs/overview.png (the overview of a real 2,000-article store: entity names
only — at the fit zoom claim labels are not drawn, and no panel with sentences is open), docs/trace.png
and docs/report.png (from a store of generated articles, bench/synthetic_articles.py, so no article text
of any real corpus is copied into the repository):

    .venv/bin/python bench/synthetic_articles.py 10000 > /tmp/synthetic.jsonl
    kg build /tmp/synthetic.jsonl --store /tmp/shots-store
    .venv/bin/python bench/screenshots.py --overview-store /tmp/r2000-store --store /tmp/shots-store [--value V]

Uses Debian's /usr/bin/chromium; a modest viewport keeps each PNG under 300 KB.
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
SHOTS = {"overview": (1280, 760), "trace": (1000, 620), "report": (1000, 760)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--overview-store", help="Store the overview is drawn from (default: --store).")
    ap.add_argument("--store", required=True, help="Store of the trace and the report.")
    ap.add_argument("--value", default="1400", help="The number traced.")
    ap.add_argument("--only", choices=sorted(SHOTS), action="append", help="Take only these screenshots.")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    wanted = args.only or sorted(SHOTS)
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
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name in wanted:
            w, h = SHOTS[name]
            page = b.new_page(viewport={"width": w, "height": h})
            page.goto((tmp / f"{name}.html").as_uri())
            if name == "overview":
                page.wait_for_function("window.kgReady !== undefined", timeout=300_000)
            page.wait_for_timeout(500)
            out = ROOT / "docs" / f"{name}.png"
            page.screenshot(path=str(out))
            print(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1000:.0f} KB")
        b.close()


if __name__ == "__main__":
    main()

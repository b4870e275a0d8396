"""The README's screenshots (docs/overview.png, docs/trace.png, docs/report.png) from a store built from
the seeds plus generated articles (bench/synthetic_articles.py), never from dev data:

    .venv/bin/python bench/synthetic_articles.py 2000 > /tmp/synthetic.jsonl
    kg build seeds /tmp/synthetic.jsonl --store /tmp/shots-store
    .venv/bin/python bench/screenshots.py /tmp/shots-store [VALUE]

Uses Debian's /usr/bin/chromium; a modest viewport keeps each PNG under 300 KB.
"""

from __future__ import annotations

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


def main() -> None:
    store = open_store(sys.argv[1], read_only=True)
    value = sys.argv[2] if len(sys.argv) > 2 else "1400"
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        write_overview(load_graph(store), tmp / "o.html", title="kg: overview")
        story.write_trace(tmp / "t.html", value, compare.trace(store, value))
        report.write(store, tmp / "r.html", title="kg report")
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name, size in (("o", (1280, 760)), ("t", (1000, 620)), ("r", (1000, 760))):
            page = b.new_page(viewport={"width": size[0], "height": size[1]})
            page.goto((tmp / f"{name}.html").as_uri())
            if name == "o":
                page.wait_for_function("window.kgReady !== undefined", timeout=120_000)
            page.wait_for_timeout(500)
            out = ROOT / "docs" / {"o": "overview.png", "t": "trace.png", "r": "report.png"}[name]
            page.screenshot(path=str(out))
            print(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1000:.0f} KB")
        b.close()


if __name__ == "__main__":
    main()

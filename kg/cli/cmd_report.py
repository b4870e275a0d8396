"""``kg report``: one self-contained HTML file for an editor (conflicts, agreements, speakers, copies)."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from kg.cli.common import STORE_OPTION, console
from kg.store import open_store


def report(
    output: Path = typer.Option(Path("report.html"), "--output", "-o", help="HTML file to write."),
    title: str = typer.Option("kg report", "--title", help="Report title."),
    store: str = STORE_OPTION,
) -> None:
    """Write a shareable report: corpus summary, top conflicts side by side, agreements, speakers, copies."""
    from kg.viz.report import write

    t0 = time.perf_counter()
    write(open_store(store, read_only=True), output, title=title)
    console.print(f"wrote {output} in {time.perf_counter() - t0:.1f} s", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("report")(report)

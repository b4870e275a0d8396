"""``kg build``: ingest + extract + store, with a progress bar and a one-screen summary."""

from __future__ import annotations

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from kg.cli.common import PIPELINE_OPTION, STORE_OPTION, console, report_problem, report_skipped
from kg.errors import SkippedInput
from kg.store import open_store

STAGES = {"extract": "Reading and extracting", "link": "Linking republications", "resolve": "Resolving entities"}


def build(
    paths: list[str] = typer.Argument(..., help="Article files, directories, glob patterns or '-' for stdin."),
    store: str = STORE_OPTION,
    pipeline: str = PIPELINE_OPTION,
    show: int = typer.Option(5, "--show", help="How many claims to print after the summary (0: none)."),
    workers: int = typer.Option(0, "--workers", "-w", help="Worker processes (0: automatic)."),
) -> None:
    """Build (or update) the knowledge graph from articles. Unchanged articles are skipped.

    Exit code 0: built (inputs left out by policy, e.g. not English, are listed); 1: an input failed
    (the others are still stored); 2: wrong usage."""
    # imported here, not at module top: they pull in spaCy, and `kg --help` should not wait for it
    from kg.build import build as run_build
    st = open_store(store)
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True,
    ) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(STAGES.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        report = run_build(paths, st, pipeline=pipeline, progress=progress, keep_extractions=show > 0,
                               workers=workers)
    skipped = [p for p in report.problems if isinstance(p, SkippedInput)]
    failed = [p for p in report.problems if not isinstance(p, SkippedInput)]
    for note in skipped:
        report_skipped(note)
    for problem in failed:
        report_problem(problem)
    table = Table(title=f"kg build → {store}", show_header=False, title_justify="left")
    table.add_row("documents added", str(len(report.added)))
    table.add_row("documents replaced", str(len(report.replaced)))
    table.add_row("documents unchanged", str(len(report.unchanged)))
    table.add_row("quotes / numbers / relations",
                  f"{report.claims['quote']} / {report.claims['quantity']} / {report.claims['relation']}")
    table.add_row("document links", str(report.links))
    table.add_row("canonical entities", str(report.entities))
    if skipped:
        table.add_row("skipped by policy", Text(str(len(skipped)), style="yellow"))
    table.add_row("problems", Text(str(len(failed)), style="red") if failed else "0")
    console.print(table)
    if show:
        _print_examples(report.extractions, show)
    if failed:
        raise typer.Exit(1)


def _print_examples(extractions, n: int) -> None:
    from kg.claims import claim_dicts

    rows = [c for ex in extractions for c in claim_dicts(ex)]
    # the most telling claims first: attributed quotes, then numbers a named person asserted
    quotes = [c for c in rows if c["kind"] == "quote" and c["speaker"]]
    numbers = [c for c in rows if c["kind"] == "quantity" and c.get("source_kind") == "speaker"]
    picked = sorted(quotes, key=lambda c: -c["confidence"])[: (n + 1) // 2]
    picked += numbers[: n - len(picked)]
    if not picked:
        return
    table = Table(title="A few claims", title_justify="left")
    for col in ("doc", "who", "claim"):
        table.add_column(col, overflow="fold")
    for c in picked:
        if c["kind"] == "quote":
            table.add_row(c["doc"], c["speaker"] or "?", f"“{c['content']}”")
        else:
            table.add_row(c["doc"], c["source"] or "?", f"{c['text']} {c['counts'] or ''}".strip())
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("build")(build)

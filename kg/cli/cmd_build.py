"""``kg build``: ingest + extract + store, with a progress bar and a one-screen summary."""

from __future__ import annotations

from collections import deque

import typer
from rich.table import Table
from rich.text import Text

from kg.cli.common import PIPELINE_OPTION, STORE_OPTION, console, err_console, report_problem, report_skipped
from kg.errors import SkippedInput
from kg.store import open_store

STAGES = {"articles": "Reading, extracting, storing", "link": "Linking republications",
          "resolve": "Resolving entities", "compare": "Comparing numeric claims",
          "rows": "Keeping query rows"}
UNITS = {"articles": "articles", "link": "documents", "resolve": "steps", "compare": "claims", "rows": "steps"}
PLAIN_EVERY = 10.0  # seconds between two progress lines in plain (non-terminal) mode
# articles/s and the ETA come from the last RATE_WINDOW seconds, not from the stage's start: the first
# article waits for the pipeline to load and the first documents to be read (kg.ingest.corpus streams)
RATE_WINDOW = 30.0


def build(
    paths: list[str] = typer.Argument(..., help="Article files, directories, glob patterns or '-' for stdin."),
    store: str = STORE_OPTION,
    pipeline: str = PIPELINE_OPTION,
    show: int = typer.Option(5, "--show", help="How many claims to print after the summary (0: none)."),
    workers: int = typer.Option(0, "--workers", "-w", help="Worker processes (0: automatic)."),
    cluster: str = typer.Option(None, "--cluster", help="Parse and extract on a Dask cluster: its scheduler "
                                "address, e.g. tcp://host:8786 (the workers need kg and the pipeline)."),
    batch: int = typer.Option(128, "--batch", min=1, help="Documents per store transaction."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress, no summary: only problems."),
    plain: bool = typer.Option(None, "--plain/--live", help="Progress as plain log lines (default when the "
                               "output is not a terminal) or a live bar."),
) -> None:
    """Build (or update) the knowledge graph from articles. Unchanged articles are skipped.

    Exit code 0: built (inputs left out by policy, e.g. not English, are listed); 1: an input failed
    (the others are still stored); 2: wrong usage."""
    # imported here, not at module top: they pull in spaCy, and `kg --help` should not wait for it
    from kg.build import build as run_build

    st = open_store(store)
    if plain is None:
        plain = not err_console.is_terminal
    with _progress(quiet, plain) as progress:
        report = run_build(paths, st, pipeline=pipeline, progress=progress, examples=0 if quiet else show,
                           workers=workers, cluster=cluster, batch=batch)
    skipped = [p for p in report.problems if isinstance(p, SkippedInput)]
    failed = [p for p in report.problems if not isinstance(p, SkippedInput)]
    for note in skipped:
        report_skipped(note)
    for problem in failed:
        report_problem(problem)
    if quiet:
        if failed:
            raise typer.Exit(1)
        return
    table = Table(title=f"kg build → {store}", show_header=False, title_justify="left")
    table.add_row("documents added", str(len(report.added)))
    table.add_row("documents replaced", str(len(report.replaced)))
    table.add_row("documents unchanged", str(len(report.unchanged)))
    table.add_row("quotes / numbers / relations",
                  f"{report.claims['quote']} / {report.claims['quantity']} / {report.claims['relation']}")
    table.add_row("document links", str(report.links))
    table.add_row("canonical entities", str(report.entities))
    if report.repaired:
        table.add_row("repaired (stale after an interrupted build)", ", ".join(report.repaired))
    if skipped:
        table.add_row("skipped by policy", Text(str(len(skipped)), style="yellow"))
    table.add_row("problems", Text(str(len(failed)), style="red") if failed else "0")
    console.print(table)
    if show:
        _print_examples(report.examples)
    if failed:
        raise typer.Exit(1)


class _progress:
    """Per-stage progress on stderr: a live rich bar (articles/s, ETA) on a terminal, or a plain line
    per stage start, every ``PLAIN_EVERY`` seconds and at the end, for logs; nothing with --quiet."""

    def __init__(self, quiet: bool, plain: bool):
        self.quiet, self.plain = quiet, plain
        self.bar = None
        self.tasks: dict[str, int] = {}
        self.started: dict[str, float] = {}
        self.last: dict[str, float] = {}
        self.shown: dict[str, tuple] = {}
        self.points: dict[str, deque] = {}  # stage → recent (time, done)

    def __enter__(self):
        if not self.quiet and not self.plain:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=err_console, transient=True,
            )
            self.bar.__enter__()
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        import time

        if self.quiet:
            return
        now = time.monotonic()
        first = stage not in self.started
        if first:
            self.started[stage] = now
        elapsed = now - self.started[stage]
        rate = self._rate(stage, now, done)
        unit = UNITS.get(stage, "items")
        rate_text = f"{rate:.1f} {unit}/s" if rate else ""
        if self.bar is not None:
            if first:
                self.tasks[stage] = self.bar.add_task(STAGES.get(stage, stage), total=total, rate="")
            self.bar.update(self.tasks[stage], completed=done, total=total, rate=rate_text)
            return
        finished = total is not None and done >= total
        if self.shown.get(stage) == (done, total):
            return
        if first or finished or now - self.last.get(stage, 0.0) >= PLAIN_EVERY:
            self.shown[stage] = (done, total)
            if first and done == 0 and not total and total is not None:
                return
            self.last[stage] = now
            of = f"/{total}" if total is not None else ""
            eta = ""
            if rate and total is not None and not finished:
                eta = f", ETA {_clock((total - done) / rate)}"
            err_console.print(f"{STAGES.get(stage, stage)}: {done}{of} {unit}, {_clock(elapsed)} elapsed"
                              + (f", {rate_text}" if rate_text else "") + eta, highlight=False, soft_wrap=True)


    def _rate(self, stage: str, now: float, done: int) -> float:
        """Items per second over the last ``RATE_WINDOW`` seconds (0 until two readings a moment apart after
        the stage's start: the first article, after the wait for the pipeline and the batch, gives no pace —
        a line "1/150 articles, 0:40 elapsed, 0.0 articles/s, ETA 1:39:53" helps no one)."""
        points = self.points.setdefault(stage, deque())
        if points and done < points[-1][1]:
            points.clear()  # a stage counting again from the start
        points.append((now, done))
        # the window drops readings older than RATE_WINDOW, and the stage's start (done = 0) once there are
        # two later readings: a first article that waited for the whole batch to be read is not the rate
        while len(points) > 2 and (points[0][1] == 0 or now - points[1][0] >= RATE_WINDOW):
            points.popleft()
        t0, d0 = points[0]
        return (done - d0) / (now - t0) if now - t0 >= 0.5 and done > d0 > 0 else 0.0


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 else \
        f"{seconds // 60}:{seconds % 60:02d}"


def _print_examples(picked: list[dict]) -> None:
    # the most telling claims first (kg.rendered.Examples): attributed quotes, then numbers a named person asserted
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

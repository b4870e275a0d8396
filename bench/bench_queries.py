"""Benchmark: query latency at size — ``kg trace``, ``kg conflicts``, ``kg quotes --speaker``, ``kg entity``
on a store of at least ``--quads`` quads (default 1,000,000).

The store is built from any folder or JSONL file of articles (``--corpus``, first ``--articles``), or an
existing store is used (``--store``). When the built store is smaller than ``--quads``, every document is
cloned under new ids (``ID-c1``, ``ID-c2``, … — its named graph, metadata and ``kg:canonical`` links, not
its republication links) until the store is that large: the records stay shaped like real ones and the
canonical entities are shared across the clones, as a big real corpus shares them.

Two figures, both in milliseconds:

- **In a warm process** (what ``kg serve`` and library code holding an open store see): each query runs
  through the same functions the CLI calls, on one store opened read-only. Every command is timed on its
  largest case (the most common value, the speaker with most quotes, the most-mentioned entity) and on
  ``--sample`` more inputs drawn the way a reader meets them (a claim's value, a quote's speaker, an entity
  mention picked at evenly spaced positions of the store's claims, quotes and mentions), each ``--runs``
  times. p50 and max are over all those runs; "cpu" is the process's CPU time (what a busy, shared machine
  does not inflate the way it inflates wall time).
- **Kept rows**: ``kg build`` keeps the rows of ``kg trace`` / ``kg quotes`` / ``kg stats`` / ``kg entity`` as it ends
  (kg.query.rowindex); a cloned store was loaded, not built, so the bench does the same and says what it cost.
- **CLI wall time** (``--cli N``): ``kg trace|quotes|entity … --store S`` as a user runs it, a fresh process
  each time (start-up, opening the store and printing included), on the largest case and on the first N
  sampled inputs, and ``kg --version`` alone (start-up only).

Targets: p50 < 50 ms in a warm process, conflicts < 500 ms (``kg conflicts`` keeps its answer per state of the
store, and ``kg build`` computes it as it ends, so the first run after a build reads it: the "computed afresh"
row is what that costs the build).

    python bench/bench_queries.py --corpus articles.jsonl [--articles 300] [--quads 1000000] [--runs 7]
    python bench/bench_queries.py --store kg-store [--quads 1000000] [--sample 15] [--cli 3]
    python bench/bench_queries.py --corpus articles.jsonl --keep big-store   # then --store big-store
"""

from __future__ import annotations

import argparse
import io
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_DOC = re.compile(r"urn:kg:(?:doc|graph|claim):([^>#:\s]+)")


def nquads(store) -> list[str]:
    buf = io.BytesIO()
    store.export(buf, "nquads")
    return buf.getvalue().decode("utf-8").splitlines()


def clone_lines(lines: list[str], target: int) -> list[str]:
    """The store's lines plus clones of every document until there are ``target`` lines."""
    by_doc: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        if "urn:kg:link:" in line:
            continue
        ids = set(_DOC.findall(line))
        if len(ids) == 1:  # lines between two documents (links) are not cloned
            by_doc[ids.pop()].append(line)
    out = list(lines)
    k = 0
    while len(out) < target and by_doc:
        k += 1
        for doc, own in by_doc.items():
            new = f"{doc}-c{k}"
            pat = re.compile(r"(urn:kg:(?:doc|graph|claim):)" + re.escape(doc) + r"(?=[>#:])")
            ident = f'"{doc}"'
            for line in own:
                line = pat.sub(r"\g<1>" + new.replace("\\", r"\\"), line)
                if ident in line and "identifier" in line:
                    line = line.replace(ident, f'"{new}"')
                out.append(line)
    return out


def timed(fn, runs: int) -> tuple[list[float], list[float], int]:
    """Wall and CPU milliseconds of ``runs`` calls, and the number of rows the last one gave."""
    wall, cpu, n = [], [], 0
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        n = fn()
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - t) * 1000)
    return wall, cpu, n


def spread(counts: Counter, k: int) -> list:
    """``k`` keys at evenly spaced positions of the items they count (so a common key is drawn as often as
    a reader meets it), the most common first, without repeats."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    total = sum(n for _, n in items)
    if not total or k <= 0:
        return []
    marks = [(i + 0.5) * total / k for i in range(k)]
    out, seen, acc, j = [], set(), 0, 0
    for key, n in items:
        acc += n
        while j < len(marks) and marks[j] <= acc:
            if key not in seen:
                seen.add(key)
                out.append(key)
            j += 1
    return out


def cases(store, entity: str | None, k: int) -> dict[str, tuple[object, list]]:
    """command → (its largest case, ``k`` sampled cases)."""
    _, nums = store.select("SELECT ?v WHERE { GRAPH ?g { ?c a kg:NumericClaim ; kg:value ?v } }")
    values = Counter(str(r["v"]) for r in nums)
    _, spk = store.select("SELECT ?s WHERE { GRAPH ?g { ?q a kg:Quote ; kg:speakerName ?s } }")
    speakers = Counter(r["s"] for r in spk)  # the name as documents give it, as a reader would type it
    _, ents = store.select("SELECT ?l (COUNT(?le) AS ?n) WHERE { ?le kg:canonical ?e . ?e rdfs:label ?l } "
                           "GROUP BY ?l")
    entities = Counter({r["l"]: int(r["n"]) for r in ents})
    top = lambda c, default: c.most_common(1)[0][0] if c else default  # noqa: E731
    return {"trace": (top(values, "1"), [v for v in spread(values, k + 1) if v != top(values, "1")][:k]),
            "quotes": (top(speakers, "x"), [v for v in spread(speakers, k + 1) if v != top(speakers, "x")][:k]),
            "entity": (entity or top(entities, "x"),
                       [v for v in spread(entities, k + 1) if v != (entity or top(entities, "x"))][:k])}


def kg_command() -> list[str]:
    """``kg`` of this checkout (the code the in-process rows timed), as its console script would run it."""
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); sys.argv[0] = 'kg'; "
                                  "from kg.cli.main import run; run()"]


def cli_wall(args: list[str], runs: int) -> list[tuple[float, float]]:
    """(wall, CPU) milliseconds of ``kg ARGS`` in a fresh process, output discarded; exits non-zero → error."""
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        done = subprocess.run(kg_command() + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env={**os.environ, "COLUMNS": "200"})
        wall = (time.perf_counter() - t) * 1000
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
        times.append((wall, cpu))
        if done.returncode:
            raise SystemExit(f"kg {' '.join(args)} failed: {done.stderr.decode(errors='replace').strip()}")
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="folder or JSONL of articles to build the store from")
    ap.add_argument("--store", help="an existing store to start from instead of building one")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--quads", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5, help="runs of each input")
    ap.add_argument("--sample", type=int, default=15, help="sampled inputs per command, besides the largest")
    ap.add_argument("--cli", type=int, default=0, help="also time the CLI in a fresh process on N inputs")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--only", default="trace,conflicts,quotes,entity,stats",
                    help="comma-separated commands to time (trace, conflicts, quotes, entity, stats)")
    ap.add_argument("--entity", help="the largest case of `kg entity` (default: the most-mentioned entity)")
    ap.add_argument("--keep", type=Path, help="keep the built (or cloned) store in this folder, to pass as --store "
                                              "next time")
    args = ap.parse_args()

    from rich.console import Console
    from rich.table import Table

    from kg.cli.cmd_stats import store_stats
    from kg.compare import compared, conflicts, trace
    from kg.compare.cache import warm
    from kg.query.entities import lookup_entities, merge_details, said_by_and_about
    from kg.query.quotes import select_quotes
    from kg.query.rowindex import index_file
    from kg.query.rowindex import warm as keep_rows
    from kg.store import open_store

    console = Console()
    with tempfile.TemporaryDirectory() as tmp:
        if args.store:
            base = open_store(args.store, read_only=True)
        else:
            if not args.corpus:
                ap.error("give --corpus (a folder or JSONL of articles) or --store")
            sys.path.insert(0, str(ROOT / "bench"))
            from bench_build import take_corpus

            from kg.build import build

            corpus = take_corpus(args.corpus, Path(tmp) / "in", args.articles)
            base = open_store(str(Path(tmp) / "built"))
            t = time.perf_counter()
            with console.status(f"building {args.articles} articles"):
                build([str(corpus)], base, workers=args.workers)
            console.print(f"built {len(base.document_ids())} documents, {len(base):,} quads "
                          f"in {time.perf_counter() - t:.0f} s")
        if len(base) >= args.quads:
            store, location = base, args.store or str(Path(tmp) / "built")
            if args.keep and not args.store:  # big enough as built: keep a copy of it
                import shutil

                base.close()
                shutil.copytree(location, args.keep)
                store, location = open_store(str(args.keep), read_only=True), str(args.keep)
        else:
            lines = clone_lines(nquads(base), args.quads)
            data = Path(tmp) / "big.nq"
            data.write_text("\n".join(lines) + "\n", encoding="utf-8")
            del lines
            location = str(args.keep or Path(tmp) / "big")
            store = open_store(location)
            t = time.perf_counter()
            store.load(data, "nquads")
            store.flush()
            console.print(f"cloned to {len(store):,} quads, {len(store.document_ids()):,} documents, "
                          f"loaded in {time.perf_counter() - t:.0f} s")
        if not getattr(store, "immutable", True):  # a store this process wrote: time it as readers open it
            store.close()
            store = open_store(location, read_only=True)

        # kg build keeps the rows of kg trace / quotes / stats / entity as it ends (kg.query.rowindex); a cloned
        # store was loaded, not built, so do what the build does, and time it
        c, t = time.process_time(), time.perf_counter()
        kept_before = (f := index_file(store)) is not None and f.exists()
        keep_rows(store)
        console.print("kept rows for kg trace / quotes / stats / entity: " + ("kept already" if kept_before else
                      f"{time.perf_counter() - t:.1f} s ({time.process_time() - c:.1f} s CPU) — what the end of "
                      "kg build pays for them"))
        chosen = cases(store, args.entity, args.sample)

        def entity_of(name: str):
            def run() -> int:  # what `kg entity NAME` asks the store
                iris = [s.iri for s in lookup_entities(store, name)]
                merge_details(store, iris)
                return len(said_by_and_about(store, iris))
            return run

        makers = {"trace": lambda v: (lambda: len(trace(store, v))),
                  "quotes": lambda v: (lambda: len(select_quotes(store, v)[1])),
                  "entity": entity_of, "stats": lambda _v: (lambda: len(store_stats(store)))}
        labels = {"trace": "kg trace {}", "quotes": "kg quotes --speaker {}", "entity": "kg entity {!r}"}
        cli_args = {"trace": lambda v: ["trace", v, "--format", "json"],
                    "quotes": lambda v: ["quotes", "--speaker", v, "--format", "jsonl"],
                    "entity": lambda v: ["entity", v, "--format", "jsonl"]}
        only = set(args.only.split(","))
        table = Table(title=f"query latency in a warm process — {len(store):,} quads, {args.runs} runs per input")
        for col in ("command", "inputs", "rows", "p50 ms", "max ms", "cpu p50 ms", "target ms"):
            table.add_column(col, justify="left" if col == "command" else "right")

        def add(label: str, inputs: int, rows: str, wall: list[float], cpu: list[float], goal: int | None) -> None:
            p50 = statistics.median(wall)
            target = "—" if goal is None else f"{goal}" + (" ✗" if p50 > goal else " ✓")
            table.add_row(label, str(inputs), rows, f"{p50:.0f}", f"{max(wall):.0f}", f"{statistics.median(cpu):.0f}",
                          target)

        for key in ("trace", "quotes", "entity"):
            if key not in only:
                continue
            largest, sample = chosen[key]
            wall, cpu, n = timed(makers[key](largest), args.runs)
            add(labels[key].format(largest) + " (largest)", 1, str(n), wall, cpu, 50)
            walls, cpus, ns = [], [], []
            for v in sample:
                w, c, n = timed(makers[key](v), args.runs)
                walls += w
                cpus += c
                ns.append(n)
            if sample:
                add(labels[key].format("…") + " (sampled)", len(sample), f"{min(ns)}–{max(ns)}", walls, cpus, 50)
        if "stats" in only:
            wall, cpu, n = timed(makers["stats"](None), args.runs)
            add("kg stats", 1, str(n), wall, cpu, None)
        if "conflicts" in only:
            # kg build computes the comparison as it ends (kg.build._compare), so the first kg conflicts after a
            # build reads the kept answer; a cloned store was loaded, not built, so do what the build does
            warm(store)
            afresh = lambda: len(compared(store, use_cache=False).conflicts)  # noqa: E731
            kept = lambda: len(conflicts(store))  # noqa: E731
            for label, fn, goal in (("kg conflicts (first run after a build)", kept, 500),
                                    ("kg conflicts, computed afresh (at the end of kg build)", afresh, None)):
                wall, cpu, n = timed(fn, args.runs)
                add(label, 1, str(n), wall, cpu, goal)
        console.print(table)
        if args.cli:
            cli = Table(title=f"CLI wall time — a fresh process per command, {args.runs} runs each")
            for col in ("command", "inputs", "p50 ms", "max ms", "cpu p50 ms"):
                cli.add_column(col, justify="left" if col == "command" else "right")

            def cli_row(label: str, inputs: int, times: list[tuple[float, float]]) -> None:
                wall = [w for w, _ in times]
                cli.add_row(label, str(inputs), f"{statistics.median(wall):.0f}", f"{max(wall):.0f}",
                            f"{statistics.median(c for _, c in times):.0f}")

            cli_row("kg --version (start-up only)", 1, cli_wall(["--version"], args.runs))
            for key in ("trace", "quotes", "entity"):
                if key not in only:
                    continue
                largest, sample = chosen[key]
                for label, inputs in ((labels[key].format(largest) + " (largest)", [largest]),
                                      (labels[key].format("…") + " (sampled)", sample[: args.cli])):
                    times = [t for v in inputs for t in cli_wall(cli_args[key](v) + ["--store", location], args.runs)]
                    if times:
                        cli_row(label, len(inputs), times)
            console.print(cli)


if __name__ == "__main__":
    main()

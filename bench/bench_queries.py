"""Benchmark: query latency at size — ``kg trace``, ``kg conflicts``, ``kg quotes --speaker``, ``kg entity``
on a store of at least ``--quads`` quads (default 1,000,000).

The store is built from any folder or JSONL file of articles (``--corpus``, first ``--articles``), or an
existing store is used (``--store``). When the built store is smaller than ``--quads``, every document is
cloned under new ids (``ID-c1``, ``ID-c2``, … — its named graph, metadata and ``kg:canonical`` links, not
its republication links) until the store is that large: the records stay shaped like real ones and the
canonical entities are shared across the clones, as a big real corpus shares them. Each query runs
``--runs`` times through the same functions the CLI calls; the table shows p50 and max in milliseconds.
Targets: p50 < 50 ms, conflicts < 500 ms (``kg conflicts`` keeps its answer per state of the store, and
``kg build`` computes it as it ends, so the first run after a build reads it: the "computed afresh" row is
what that costs the build).

    python bench/bench_queries.py --corpus articles.jsonl [--articles 300] [--quads 1000000] [--runs 7]
    python bench/bench_queries.py --store kg-store [--quads 1000000]
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
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


def timed(fn, runs: int) -> tuple[float, float, int]:
    times, n = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        n = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times), n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="folder or JSONL of articles to build the store from")
    ap.add_argument("--store", help="an existing store to start from instead of building one")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--quads", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--only", default="trace,conflicts,quotes,entity",
                    help="comma-separated commands to time (trace, conflicts, quotes, entity)")
    ap.add_argument("--entity", help="the name for `kg entity` (default: the most-mentioned entity)")
    args = ap.parse_args()

    from rich.console import Console
    from rich.table import Table

    from kg.cli.cmd_entities import entity_summaries, lookup_entities, merge_details, said_by_and_about
    from kg.cli.cmd_quotes import select_quotes
    from kg.compare import compared, conflicts, trace
    from kg.compare.cache import warm
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
            store = base
        else:
            lines = clone_lines(nquads(base), args.quads)
            data = Path(tmp) / "big.nq"
            data.write_text("\n".join(lines) + "\n", encoding="utf-8")
            del lines
            store = open_store(str(Path(tmp) / "big"))
            t = time.perf_counter()
            store.load(data, "nquads")
            store.flush()
            console.print(f"cloned to {len(store):,} quads, {len(store.document_ids()):,} documents, "
                          f"loaded in {time.perf_counter() - t:.0f} s")

        _, nums = store.select("SELECT ?v WHERE { GRAPH ?g { ?c a kg:NumericClaim ; kg:value ?v } }")
        value = Counter(str(r["v"]) for r in nums).most_common(1)[0][0] if nums else "1"
        _, spk = store.select("SELECT ?s WHERE { GRAPH ?g { ?q a kg:Quote ; kg:speakerName ?s } }")
        speaker = Counter(r["s"] for r in spk).most_common(1)[0][0].split()[-1] if spk else "x"
        if args.entity:
            name = args.entity
        else:
            summaries = entity_summaries(store)
            name = summaries[0].label if summaries else "x"

        def run_entity() -> int:  # what `kg entity NAME` asks the store
            iris = [s.iri for s in lookup_entities(store, name)]
            merge_details(store, iris)
            return len(said_by_and_about(store, iris))

        if "conflicts" in args.only.split(","):
            warm(store)  # what the end of kg build does (kg.build._compare); a cloned store was loaded, not built
        plan = [
            ("trace", f"kg trace {value}", lambda: len(trace(store, value)), 50),
            ("conflicts", "kg conflicts (first run after a build)", lambda: len(conflicts(store)), 500),
            # the same answer computed from the claims every run: what the end of kg build spends on it
            ("conflicts", "kg conflicts, computed afresh (at the end of kg build)",
             lambda: len(compared(store, use_cache=False).conflicts), None),
            ("quotes", f"kg quotes --speaker {speaker}", lambda: len(select_quotes(store, speaker)[1]),
             50),
            ("entity", f"kg entity {name!r}", run_entity, 50),
        ]
        only = set(args.only.split(","))
        plan = [(label, fn, goal) for key, label, fn, goal in plan if key in only]
        table = Table(title=f"query latency — {len(store):,} quads, {args.runs} runs each")
        for col in ("command", "rows", "p50 ms", "max ms", "target ms"):
            table.add_column(col, justify="left" if col == "command" else "right")
        for label, fn, goal in plan:
            p50, worst, n = timed(fn, args.runs)
            target = "—" if goal is None else f"{goal}" + (" ✗" if p50 > goal else " ✓")
            table.add_row(label, str(n), f"{p50:.0f}", f"{worst:.0f}", target)
        console.print(table)


if __name__ == "__main__":
    main()

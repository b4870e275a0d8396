"""Benchmark: ``kg build`` vs raw spaCy ``nlp.pipe`` over the same texts, in the same run.

The corpus is any folder or JSONL file of articles (``--corpus``, first ``--articles`` of them), or by
default the seeds' paragraphs mixed into N synthetic articles (a fixed random seed, so every run reads the
same texts). Each measurement runs in its own process so peak memory (max RSS, the parent's and its
worker processes') is its own. Prints a table and the ratios against raw ``nlp.pipe`` of the same run;
the goals are a single-process build within 1.3× of raw spaCy time and 2 workers ≥ 1.8× faster than 1. The
last column is the 1-minute load average as each run started and ended: on a shared machine, compare ratios
of runs measured under the same load.

    python bench/bench_build.py [--corpus PATH] [--articles 200] [--workers 2] [--modes raw,build,build2]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(out: Path, n: int) -> list[Path]:
    from kg.ingest import read_documents

    paragraphs = []
    for doc in read_documents([str(ROOT / "seeds")]):
        paragraphs += [p for p in doc.text.split("\n\n") if len(p) > 80]
    rng = random.Random(1234)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        body = "\n\n".join(rng.sample(paragraphs, k=min(8, len(paragraphs))))
        f = out / f"bench_{i:04d}.txt"
        f.write_text(f"Synthetic article {i}\n\n{body}\n", encoding="utf-8")
        files.append(f)
    return files


def take_corpus(src: Path, out: Path, n: int) -> Path:
    """The first ``n`` articles of a folder or JSONL file, as a folder / JSONL file under ``out``."""
    from kg.ingest import JSONL, expand

    out.mkdir(parents=True, exist_ok=True)
    if src.is_file() and src.suffix.lower() in JSONL:
        target = out / "corpus.jsonl"
        with open(src, "rb") as fh, open(target, "wb") as dst:
            for i, line in enumerate(fh):
                if i >= n:
                    break
                dst.write(line)
        return target
    target = out / "corpus"
    target.mkdir()
    files = [f for f in expand([str(src)]) if isinstance(f, Path)][:n]
    for i, f in enumerate(files):
        (target / f"{i:06d}_{f.name}").write_bytes(f.read_bytes())
    return target


def run_mode(mode: str, corpus: Path, workers: int) -> dict:
    """Runs in a child process; returns seconds (excluding pipeline load) and peak RSS."""
    from kg.ingest import read_documents
    from kg.nlp import load

    nlp = load()
    load_before = os.getloadavg()[0]
    docs = [] if mode in ("build", "dask") else [
        d for d in read_documents([str(corpus)]) if not isinstance(d, Exception)]
    n = len(docs)
    chars = sum(len(d.text) for d in docs)
    stages: dict = {}
    t = time.perf_counter()
    cpu0 = _cpu()
    if mode == "raw":
        for doc in nlp.pipe((d.text for d in docs), batch_size=16):
            len(doc.ents)
    elif mode == "raw-n2":
        for doc in nlp.pipe((d.text for d in docs), batch_size=16, n_process=2):
            len(doc.ents)
    elif mode == "extract":
        from kg.pipeline import extract_documents

        for _ in extract_documents(docs, workers=workers):
            pass
    elif mode in ("build", "dask"):
        from kg.build import build
        from kg.store import open_store

        address = None
        if mode == "dask":  # a LocalCluster of `workers` processes, each with the pipeline loaded before timing
            from distributed import Client, LocalCluster

            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None)
            client = Client(cluster)
            client.run(load)
            address = cluster.scheduler_address
            t = time.perf_counter()
            cpu0 = _cpu()
        with tempfile.TemporaryDirectory() as tmp:
            report = build([str(corpus)], open_store(tmp + "/store"), workers=workers, cluster=address)
            n = len(report.added)
            stages = {k: [round(v[0], 2), round(v[1], 2)] for k, v in getattr(report, "stages", {}).items()}
            bad = [p for p in report.problems if "extraction failed" in str(p) or "not stored" in str(p)]
            assert not bad, bad[:3]  # inputs skipped by policy (language, empty) are fine
        if address:
            seconds = time.perf_counter() - t
            # the Dask workers' CPU is not this process's: only wall time compares here
            cpu = _cpu()[0] - cpu0[0]
            client.close()
            cluster.close()
            return {"mode": mode, "workers": workers, "seconds": seconds, "cpu": cpu, "cpu_children": 0.0,
                    "stages": stages,
                    "docs": n, "chars": chars, "load": [load_before, os.getloadavg()[0]],
                    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "child_peak_mb": 0}
    seconds = time.perf_counter() - t
    cpu = _cpu()
    return {"mode": mode, "workers": workers, "seconds": seconds, "cpu": cpu[0] - cpu0[0],
            "stages": stages,
            "cpu_children": cpu[1] - cpu0[1], "docs": n, "chars": chars, "load": [load_before, os.getloadavg()[0]],
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "child_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished (waited-for) children: on a loaded
    machine these compare runs where wall time does not."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="a folder or JSONL file of articles (default: synthetic)")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--modes", default="raw,raw-n2,extract,build,extract2,build2",
                    help="which runs, in order (a trailing 2 = with --workers; dask2 = a Dask LocalCluster of "
                         "--workers processes)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    ap.add_argument("--child", nargs=3, metavar=("MODE", "CORPUS", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        mode, corpus, workers = args.child
        print(json.dumps(run_mode(mode, Path(corpus), int(workers))))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 160))  # every column readable in a log, too
    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus:
            corpus = take_corpus(args.corpus, Path(tmp), args.articles)
        else:
            corpus = Path(tmp) / "corpus"
            make_corpus(corpus, args.articles)
        plan = []
        for m in args.modes.split(","):
            if m == "raw-n2":
                plan.append((m, 2))
            elif m.endswith("2"):
                plan.append((m[:-1], args.workers))
            else:
                plan.append((m, 1))
        results = []
        for mode, workers in plan:
            with console.status(f"{mode} (workers={workers}) on {args.articles} articles"):
                out = subprocess.run([sys.executable, __file__, "--child", mode, str(corpus), str(workers)],
                                     capture_output=True, text=True, check=True, cwd=ROOT)
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = results[0]["seconds"]
    table = Table(title=f"kg build vs {results[0]['mode']} — {results[0]['docs']} articles, "
                        f"{results[0]['chars']:,} chars")
    base_cpu = results[0]["cpu"] + results[0]["cpu_children"]
    for col in ("run", "workers", "seconds", "× first run", "CPU s", "CPU × first", "parent CPU s",
                "children CPU s", "docs/s", "peak MB", "workers' peak MB", "load"):
        table.add_column(col, justify="right" if col != "run" else "left")
    for r in results:
        cpu = r["cpu"] + r["cpu_children"]
        table.add_row(r["mode"], str(r["workers"]), f"{r['seconds']:.2f}", f"{r['seconds'] / base:.2f}",
                      f"{cpu:.2f}", f"{cpu / base_cpu:.2f}" if base_cpu else "", f"{r['cpu']:.2f}",
                      f"{r['cpu_children']:.2f}", f"{r['docs'] / r['seconds']:.1f}", f"{r['peak_mb']:.0f}",
                      f"{r['child_peak_mb']:.0f}", "{:.1f}→{:.1f}".format(*r["load"]))
    console.print(table)
    for r in results:
        if r.get("stages"):
            console.print(f"{r['mode']} (workers={r['workers']}) stages, wall / CPU of the building process: "
                          + ", ".join(f"{k} {w:.1f} / {c:.1f} s" for k, (w, c) in r["stages"].items()))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

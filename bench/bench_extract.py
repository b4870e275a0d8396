"""Benchmark: the extractors (``kg.extract.extract_doc``) against the spaCy parse they run on, same Docs.

Parses the corpus once with the pipeline ``kg`` loads (``nlp.pipe``, timed), then runs the extractors on
every parsed Doc (timed separately, ``--repeat`` times on fresh copies of the Docs, best run kept) and prints
both, with extraction as a fraction of parse time: issue #14 wants a whole build within 1.3x raw spaCy, so
extraction must stay well under 30% of it. CPU seconds of this process are reported beside wall time, since
on a shared machine only they compare across runs.

The corpus is any folder or JSONL file of articles (``kg.ingest.read_documents``), first ``--articles`` of it.
``--docbin FILE`` keeps the parsed Docs (a spaCy DocBin) so that later runs skip the parse; ``--profile N``
runs the extraction under cProfile and prints its N top functions by own time and by cumulative time.

    python bench/bench_extract.py CORPUS [--articles 300] [--docbin parsed.spacy] [--profile 25]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from itertools import islice
from pathlib import Path


def _documents(corpus: Path, n: int) -> list:
    from kg.ingest import read_documents

    return list(islice((d for d in read_documents([str(corpus)]) if not isinstance(d, Exception)), n))


def _parse(nlp, documents: list, docbin: Path | None) -> tuple[bytes, float, float]:
    """The parsed Docs as DocBin bytes, and the parse's wall and CPU seconds (0 when read from ``docbin``)."""
    from spacy.tokens import DocBin

    if docbin is not None and docbin.exists():
        return docbin.read_bytes(), 0.0, 0.0
    store = DocBin(store_user_data=True)
    wall, cpu = time.perf_counter(), time.process_time()
    for doc in nlp.pipe((d.text for d in documents), batch_size=16):
        store.add(doc)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    data = store.to_bytes()
    if docbin is not None:
        docbin.write_bytes(data)
    return data, wall, cpu


def _extract_all(nlp, data: bytes, documents: list, profiler: cProfile.Profile | None = None) -> tuple[float, float]:
    from spacy.tokens import DocBin

    from kg.extract import extract_doc
    from kg.nlp import describe

    docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))  # fresh Docs: no per-Doc cache left from a run
    if len(docs) != len(documents):
        raise SystemExit(f"{len(docs)} parsed Docs for {len(documents)} documents: remove the stale --docbin")
    name = describe(nlp)
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    for doc, document in zip(docs, documents, strict=True):
        extract_doc(doc, document, pipeline=name)
    if profiler is not None:
        profiler.disable()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="a folder or JSONL file of articles")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=1, help="extraction runs (the fastest is reported)")
    ap.add_argument("--docbin", type=Path, help="keep / reuse the parsed Docs in this file")
    ap.add_argument("--profile", type=int, metavar="N", help="profile one extraction run, print N top entries")
    ap.add_argument("--profile-out", type=Path, help="with --profile: also write the pstats file here")
    args = ap.parse_args()

    from kg.nlp import load
    from kg.pipeline import warm_up

    nlp = load()
    warm_up()  # lexicons, gazetteer, unit registry and matchers are built once per process, not per article
    documents = _documents(args.corpus, args.articles)
    data, parse_wall, parse_cpu = _parse(nlp, documents, args.docbin)
    runs = [_extract_all(nlp, data, documents) for _ in range(args.repeat)]
    wall, cpu = min(runs, key=lambda r: r[1])
    chars = sum(len(d.text) for d in documents)
    print(f"{len(documents)} articles, {chars:,} chars")
    if parse_cpu:
        print(f"spaCy nlp.pipe : {parse_wall:7.2f} s wall {parse_cpu:7.2f} s CPU")
    print(f"extraction     : {wall:7.2f} s wall {cpu:7.2f} s CPU  ({len(documents) / wall:.1f} docs/s)")
    if parse_cpu:
        print(f"extraction / parse: {cpu / parse_cpu:.2f} (CPU)")
    if args.profile:
        profiler = cProfile.Profile()
        _extract_all(nlp, data, documents, profiler)
        if args.profile_out:
            profiler.dump_stats(str(args.profile_out))
        for key in ("tottime", "cumulative"):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(key).print_stats(args.profile)
            print(out.getvalue().split("\n", 6)[-1] if "ncalls" in out.getvalue() else out.getvalue())


if __name__ == "__main__":
    main()

"""Dedup index build time vs. number of documents (should grow about linearly).

    .venv/bin/python bench/bench_dedup.py [--sizes 1000 2000 5000 10000] [--seed 0]

Synthetic articles: 12-20 sentences of Zipf-distributed words from a 30,000-word vocabulary, with
capitalised names and numbers (the anchors the passage index uses). 10 % of the documents are
republications of an earlier one (a few words changed), 5 % rewrite some of an earlier one's
sentences (every third word replaced). Prints CPU and wall seconds per size, CPU milliseconds per
document, the growth ratio cpu(n)/cpu(first) divided by n/first (1.0 = linear), the CPU cost of the
last 10 % of the adds over the first 10 % (1.0 = adding to a full index costs no more than to an empty
one), and the links found next to the planted copies and rewrites.
"""

from __future__ import annotations

import argparse
import random
import time

import numpy as np

from kg.ingest import dedup
from kg.ingest.dedup import DedupIndex
from kg.records import Document

VOCAB = 30_000
NAMES = 3_000


def _words(rng: random.Random, n: int, min_syllables: int = 1) -> list[str]:
    """Pronounceable pseudo-words (character-level similarity behaves like real words; "w123" would not)."""
    out: set[str] = set()
    while len(out) < n:
        syllables = rng.randint(min_syllables, 4)
        out.add("".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(syllables)))
    return sorted(out, key=lambda w: (len(w), w))


PLANTED: dict[str, int] = {}
LAST_VS_FIRST: dict[int, float] = {}


def _corpus(n: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    words = _words(rng, VOCAB)  # short words get the low (frequent) Zipf ranks, as in English
    names = [w.title() for w in _words(rng, NAMES, 3)]
    docs: list[Document] = []
    PLANTED.clear()
    for k in range(n):
        roll = rng.random()
        if docs and roll < 0.10:
            base = rng.choice(docs).text.split(" ")
            for _ in range(5):
                base[rng.randrange(len(base))] = rng.choice(words)
            text = " ".join(base)
            PLANTED["copies"] = PLANTED.get("copies", 0) + 1
        else:
            sentences = []
            for _ in range(rng.randint(12, 20)):
                ranks = nprng.zipf(1.1, rng.randint(10, 22)) % VOCAB
                toks = [words[r] for r in ranks]
                toks.insert(rng.randrange(1, len(toks)), rng.choice(names))
                toks.insert(rng.randrange(1, len(toks)), str(rng.randint(2, 99_999)))
                sentences.append(" ".join(toks).capitalize() + ".")
            if docs and roll < 0.15:
                source = rng.choice(docs).text.split(". ")
                start = rng.randrange(max(1, len(source) - 5))
                reused = [" ".join(w if i % 3 else rng.choice(words) for i, w in enumerate(s.split(" ")))
                          for s in source[start : start + 5]]
                sentences[2:2] = [s.rstrip(".") + "." for s in reused]
                PLANTED["rewrites"] = PLANTED.get("rewrites", 0) + 1
            text = " ".join(sentences)
        docs.append(Document(id=f"doc{k:06d}", text=text, source_path="-", content_hash=""))
    return docs


def run(size: int, seed: int) -> tuple[float, float, int, dict[str, int]]:
    docs = _corpus(size, seed)
    index = DedupIndex()
    kinds: dict[str, int] = {"alignments": 0}
    align = dedup.align

    def counted(a: str, b: str):  # sentence alignments are the only per-candidate cost
        kinds["alignments"] += 1
        return align(a, b)

    dedup.align = counted
    start, cpu = time.perf_counter(), time.process_time()
    tenth = max(1, size // 10)
    marks = []
    for k, doc in enumerate(docs):
        if k in (tenth, size - tenth):
            marks.append(time.process_time())
        for link in index.add(doc):
            kinds[link.kind] = kinds.get(link.kind, 0) + 1
    # cost of one add when the index is nearly full vs nearly empty: ~1.0 means no growth per document
    LAST_VS_FIRST[size] = (time.process_time() - marks[1]) / (marks[0] - cpu)
    dedup.align = align
    return time.process_time() - cpu, time.perf_counter() - start, size, kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    first = None
    # CPU seconds of this process: wall time on a shared machine measures the neighbours' load too
    print(f"{'docs':>7} {'cpu s':>8} {'wall s':>8} {'ms/doc':>7} {'growth':>7} {'last/1st':>8}  links")
    for size in args.sizes:
        seconds, wall, n, kinds = run(size, args.seed)
        first = first or (seconds, n)
        growth = (seconds / first[0]) / (n / first[1])
        found = ", ".join(f"{k}={v}" for k, v in sorted(kinds.items()))
        found += " | planted " + ", ".join(f"{k}={v}" for k, v in sorted(PLANTED.items()))
        print(f"{n:>7} {seconds:>8.2f} {wall:>8.2f} {1000 * seconds / n:>7.2f} {growth:>7.2f} "
              f"{LAST_VS_FIRST[n]:>8.2f}  {found}", flush=True)


if __name__ == "__main__":
    main()

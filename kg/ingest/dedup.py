"""Republications and passage reuse between documents, found without pairwise comparison.

Two MinHash LSH indexes (datasketch's signatures, kg.ingest.minhash) over the cleaned text propose candidates:

* **copies** — word 5-shingles. Estimated Jaccard ≥ ``REPUBLICATION`` → ``republication_of``
  (the same article with different boilerplate, like seeds 001/002).
* **passages** — "anchors": numbers and capitalised words inside sentences (names, places, figures).
  Machine paraphrase (seed 000 rewrites 001) changes most words and every shingle but keeps these.
  The best ``MAX_CANDIDATES`` candidates by estimated anchor Jaccard (at least
  ``MIN_ANCHOR_JACCARD``; seed 000 vs 001 is ~0.2) are verified by aligning the two
  documents' sentences: rapidfuzz ``token_sort_ratio`` per sentence pair, then a Smith-Waterman local
  alignment over the sentence sequences (a cell scores ``similarity - SENTENCE_BASE``, gaps cost
  ``GAP``). Paraphrased passages keep sentence order, so they form a long diagonal of moderately
  similar sentences, which articles that merely quote the same statement do not.
  Alignment score ≥ ``REUSE_SCORE`` over ≥ ``MIN_SENTENCES`` sentences → ``reuses_passages_of`` with
  the passages' character offsets; score ≥ ``STORY_SCORE`` → ``same_story_as``.

Direction (``source`` is the later/derived document; deterministic and independent of insertion
order): if both documents have different dates, the later one; otherwise, for ``reuses_passages_of``
and ``same_story_as`` the document in which the aligned sentences are the smaller share (it added
material around them); ties, and copies without distinct dates: the lexicographically larger id.

Cost per added document: two LSH queries plus at most ``MAX_CANDIDATES`` alignments, so building the
index grows linearly with the number of documents. Only the candidate cap depends on what is already
indexed: with more than ``MAX_CANDIDATES`` similar documents, which ones get verified can depend on
insertion order (``find_links`` always adds in id order).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from kg.ingest import pickled
from kg.ingest.lexicon import words
from kg.ingest.lsh import BandIndex
from kg.ingest.minhash import signature
from kg.records import DocLink, Document

# 2: the index records each document's content hash (builds check it against the store); 3: its LSH buckets
# in kg.ingest.lsh (an index of format 2 is derived state: rebuilt from the store)
FORMAT = 3
SHINGLE = 5  # words per shingle for copies
NUM_PERM = 128
SCHEME = "affine32"  # explicit, so a saved index stays comparable across datasketch defaults (32-bit values)
COPY_LSH = 0.5  # LSH threshold for copy candidates (recall), verified against REPUBLICATION
REPUBLICATION = 0.7  # estimated Jaccard of 5-shingles
ANCHOR_BANDS = (64, 2)  # LSH bands x rows: ~90 % recall at anchor Jaccard 0.2, ~15 % at 0.05
MAX_CANDIDATES = 10
MIN_ANCHOR_JACCARD = 0.06  # one shared LSH band by chance (estimate ~0.01-0.03) is not worth aligning
SENTENCE_BASE = 55.0  # token_sort_ratio of unrelated news sentences sits around 45-55
GAP = 8.0
REUSE_SCORE = 30.0
STORY_SCORE = 15.0
MIN_SENTENCES = 3
MIN_WORDS = 6  # shorter sentences ("He said so.") match anything

_WORD = re.compile(r"[^\W_]+(?:[.,]\d+)*")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’']?|$)")
# a capitalised word or a number that does not open a sentence: names, places, figures
_ANCHOR = re.compile(r"(?<=[\w,;:)] )([A-Z][\w'’-]+|\d[\d,.]*\d|\d)")


@dataclass
class _Entry:
    date: str | None
    text: bytes  # zlib-compressed cleaned text (needed to align sentences and report offsets)


def _tokens(text: str) -> list[str]:
    if text.isascii():  # lower-casing ASCII changes no character class the pattern tests: one pass
        return _WORD.findall(text.lower())
    return [w.lower() for w in _WORD.findall(text)]


def _anchors(text: str) -> list[str]:
    stop = words("stopwords_en.txt")
    return [a.lower() for a in _ANCHOR.findall(text) if a.lower() not in stop]


def _minhash(items: Iterable[str]) -> np.ndarray:
    return signature([s.encode("utf-8") for s in sorted(set(items))], NUM_PERM)


def _signatures(text: str) -> tuple[np.ndarray, np.ndarray]:
    """A text's two MinHash signatures (copies, anchors): the part of indexing that needs no index."""
    return _minhash(_shingles(_tokens(text))), _minhash(_anchors(text))


signatures = _signatures  # public name: computed where the text is (a build's worker processes)


# the bands x rows datasketch's MinHashLSH picks for the COPY_LSH threshold with NUM_PERM values (its false
# positive / negative weighting), so the buckets are the ones its index had (tests/ingest/test_minhash.py
# checks them against datasketch)
COPY_BANDS = (25, 5)


def _copy_bands() -> tuple[int, int]:
    return COPY_BANDS


def _shingles(tokens: list[str]) -> list[str]:
    if len(tokens) < SHINGLE:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)]


# A document is aligned with each of its candidates, and is itself a candidate of later documents: split each
# text once while linking (Reuters dev, 2,000 documents: 16,092 splits → 1,957, linking 4.5 → 2.8 s CPU). Bounded:
# at 8,996 documents the linking process peaked at 162 MB with 4,096 entries, 154 MB with 1,024.
@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[tuple[int, int, str], ...]:
    """Each sentence of ``text`` long enough to compare: its offsets and its words, lower-cased and sorted
    (so ``fuzz.ratio`` of two gives their ``token_sort_ratio`` without sorting them again for every pair)."""
    out = []
    for m in _SENTENCE.finditer(text):
        s = m.group(0)
        if len(s.split()) < MIN_WORDS:
            continue
        start = m.start() + len(s) - len(s.lstrip())
        out.append((start, m.end(), " ".join(sorted(_tokens(s)))))
    return tuple(out)


def _local_alignment(sim: list[list[float]]) -> tuple[float, list[tuple[int, int]]]:
    """Smith-Waterman over a sentence-similarity matrix: best score and its matched pairs."""
    n, m = len(sim), len(sim[0]) if sim else 0
    h = [[0.0] * (m + 1) for _ in range(n + 1)]
    best, at = 0.0, (0, 0)
    for i in range(1, n + 1):
        row, prev, s = h[i], h[i - 1], sim[i - 1]
        for j in range(1, m + 1):
            v = max(0.0, prev[j - 1] + s[j - 1] - SENTENCE_BASE, prev[j] - GAP, row[j - 1] - GAP)
            row[j] = v
            if v > best:
                best, at = v, (i, j)
    pairs = []
    i, j = at
    while i > 0 and j > 0 and h[i][j] > 0:
        if h[i][j] == h[i - 1][j - 1] + sim[i - 1][j - 1] - SENTENCE_BASE:
            if sim[i - 1][j - 1] > SENTENCE_BASE:
                pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif h[i][j] == h[i - 1][j] - GAP:
            i -= 1
        else:
            j -= 1
    return best, pairs[::-1]


def align(text_a: str, text_b: str) -> tuple[float, list[tuple[int, int, int, int]], int, int, int]:
    """Reused passages of ``a`` in ``b``: ``(score, passages, matched sentences, sentences in a,
    sentences in b)``. Passages are runs of consecutive matched sentences as character offsets
    ``(a_start, a_end, b_start, b_end)``."""
    sa, sb = _sentences(text_a), _sentences(text_b)
    if not sa or not sb:
        return 0.0, [], 0, len(sa), len(sb)
    # token_sort_ratio of the sentences: their words are sorted already (_sentences), so plain ratio, 6× faster
    sim = cdist([s[2] for s in sa], [s[2] for s in sb], scorer=fuzz.ratio).tolist()
    score, pairs = _local_alignment(sim)
    passages: list[list[int]] = []
    last = None
    for i, j in pairs:
        if last and i - last[0] <= 2 and 0 < j - last[1] <= 2:
            passages[-1][1] = sa[i][1]
            passages[-1][3] = sb[j][1]
        else:
            passages.append([sa[i][0], sa[i][1], sb[j][0], sb[j][1]])
        last = (i, j)
    return score, [tuple(p) for p in passages], len(pairs), len(sa), len(sb)


def _later(a: str, b: str, dates: dict[str, str | None]) -> str | None:
    da, db = dates.get(a), dates.get(b)
    if da and db and da != db:
        return a if da > db else b
    return None


ALIGN_AHEAD = 64  # documents whose alignments may be in flight in add_all (bounds the texts held)


def _passage(new_id: str, new_text: str, new_date: str | None, other: str, other_text: str,
             other_date: str | None) -> DocLink | None:
    """The passage-reuse or same-story link between a new document and an indexed one, or None."""
    # align in a fixed order (smaller id first) so the result does not depend on insertion order
    a_id, b_id = sorted((new_id, other))
    texts = {new_id: new_text, other: other_text}
    score, passages, n, len_a, len_b = align(texts[a_id], texts[b_id])
    if score < STORY_SCORE or n == 0:
        return None
    share_a, share_b = n / len_a, n / len_b
    dates = {new_id: new_date, other: other_date}
    source = _later(a_id, b_id, dates) or (a_id if share_a < share_b else b_id)
    target = a_id if source == b_id else b_id
    if score < REUSE_SCORE or n < MIN_SENTENCES:
        return DocLink(source=source, target=target, kind="same_story_as",
                       similarity=round(min(share_a, share_b), 3))
    if source == b_id:
        passages = [(bs, be, as_, ae) for as_, ae, bs, be in passages]
    covered = sum(p[1] - p[0] for p in passages) / (len(texts[source]) or 1)
    return DocLink(source=source, target=target, kind="reuses_passages_of",
                   similarity=round(covered, 3), passages=tuple(passages))


def _passages(pairs: list[tuple]) -> list[DocLink | None]:
    return [_passage(*pair) for pair in pairs]


def _found(links: dict[str, DocLink], pairs: list[tuple], fut) -> tuple[dict, list[tuple], list[DocLink | None]]:
    """``(links, pairs, their alignments)``: from the process that ran them, or computed here when there was
    none or it died (the same answer either way)."""
    if fut is not None:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return links, pairs, fut.result()
        except (BrokenProcessPool, OSError, EOFError):
            pass
    return links, pairs, _passages(pairs)


def _links_of(links: dict[str, DocLink], pairs: list[tuple], found: list[DocLink | None]) -> list[DocLink]:
    """A document's links: its copy links, then the passage links its alignments found, sorted."""
    for pair, link in zip(pairs, found, strict=True):
        if link:
            links[pair[3]] = link
    return sorted(links.values(), key=lambda x: (x.source, x.target, x.kind))


class DedupIndex:
    """Incremental near-duplicate / passage-reuse index. ``add`` returns the links between the new
    document and documents added before (either may be the ``source``). Persist with ``save``/``load``
    beside the store so incremental builds keep finding links to earlier documents."""

    def __init__(self) -> None:
        self._copies = BandIndex(*_copy_bands(), NUM_PERM)
        self._anchors = BandIndex(*ANCHOR_BANDS, NUM_PERM)
        self._entries: dict[str, _Entry] = {}
        self.hashes: dict[str, str] = {}  # doc id → content hash of the version indexed

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._entries

    def add(self, doc: Document, signatures: tuple[np.ndarray, np.ndarray] | None = None) -> list[DocLink]:
        """Index ``doc`` (replacing an earlier version with its id) and return its links, sorted.
        ``signatures``: ``signatures(doc.text)`` computed beforehand (kg.build has its workers do it)."""
        links, pairs = self._plan(doc, signatures)
        return _links_of(links, pairs, [_passage(*pair) for pair in pairs])

    def add_all(self, docs: Iterable[tuple[Document, tuple | None]], workers: int = 1) -> Iterator[list[DocLink]]:
        """``add`` of each (document, signatures or None) in turn: each one's links, in order. With
        ``workers`` > 1 the sentence alignments (most of the time) run in that many forked processes
        while the next documents are indexed: which pairs are aligned depends only on the signatures of
        the documents indexed before (never on an alignment's outcome), so the links are ``add``'s."""
        if workers <= 1:
            for doc, sigs in docs:
                yield self.add(doc, sigs)
            return
        import multiprocessing
        import os
        from collections import deque
        from concurrent.futures import ProcessPoolExecutor

        from kg.children import die_with_parent

        pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent,
            initargs=(os.getpid(),))
        waiting: deque = deque()  # (copy links, pairs, future of their alignments or None), in input order
        try:
            for doc, sigs in docs:
                links, pairs = self._plan(doc, sigs)
                fut = None
                if pairs and pool is not None:
                    try:
                        fut = pool.submit(_passages, pairs)
                    except Exception:  # noqa: BLE001 — no process to be had: aligned here from now on
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = None
                waiting.append((links, pairs, fut))
                while len(waiting) > ALIGN_AHEAD or (waiting and (waiting[0][2] is None or waiting[0][2].done())):
                    yield _links_of(*_found(*waiting.popleft()))
            for entry in waiting:
                yield _links_of(*_found(*entry))
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _plan(self, doc: Document, signatures) -> tuple[dict[str, DocLink], list[tuple]]:
        """Index ``doc``; return its copy links and the pairs to align for passage reuse (``_passage``'s
        arguments), chosen from the documents indexed before it."""
        if doc.id in self._entries:
            self.remove(doc.id)
        copy_values, anchor_values = signatures if signatures is not None else _signatures(doc.text)
        copy_hash, anchor_hash = np.asarray(copy_values).astype(np.uint32), np.asarray(anchor_values).astype(np.uint32)
        entry = _Entry(doc.date, zlib.compress(doc.text.encode("utf-8")))
        links: dict[str, DocLink] = {}
        copies = sorted(self._copies.query(copy_hash))
        for other, sim in zip(copies, self._copies.similarities(copy_hash, copies), strict=True):
            if sim >= REPUBLICATION:
                links[other] = self._copy_link(doc.id, entry, other, sim)
        candidates = [o for o in self._anchors.query(anchor_hash) if o not in links]
        ranked = sorted(zip(self._anchors.similarities(anchor_hash, candidates), candidates, strict=True),
                        key=lambda x: (-x[0], x[1]))
        pairs = [(doc.id, doc.text, entry.date, other, self._text(other), self._entries[other].date)
                 for sim, other in ranked[:MAX_CANDIDATES] if sim >= MIN_ANCHOR_JACCARD]
        self._copies.insert(doc.id, copy_hash)
        self._anchors.insert(doc.id, anchor_hash)
        self._entries[doc.id] = entry
        self.hashes[doc.id] = doc.content_hash
        return links, pairs

    def remove(self, doc_id: str) -> None:
        """Forget a document (its links must be dropped from the store by the caller)."""
        if doc_id not in self._entries:
            return
        self._copies.remove(doc_id)
        self._anchors.remove(doc_id)
        del self._entries[doc_id]
        self.hashes.pop(doc_id, None)

    def _text(self, doc_id: str) -> str:
        return zlib.decompress(self._entries[doc_id].text).decode("utf-8")

    def _copy_link(self, new_id: str, entry: _Entry, other: str, sim: float) -> DocLink:
        dates = {new_id: entry.date, other: self._entries[other].date}
        source = _later(new_id, other, dates) or max(new_id, other)
        target = other if source == new_id else new_id
        return DocLink(source=source, target=target, kind="republication_of", similarity=round(sim, 3))

    def save(self, path: str | Path) -> None:
        """Write atomically; pickle: load only files kg wrote."""
        pickled.save(self, path, FORMAT, "dedup index", pause="index")

    @classmethod
    def load(cls, path: str | Path) -> DedupIndex:
        """The saved index, or a new empty one when ``path`` does not exist."""
        return pickled.load(cls, path, FORMAT, "dedup index")


def find_links(documents: Iterable[Document]) -> list[DocLink]:
    """All links among ``documents`` (added in id order), sorted."""
    index = DedupIndex()
    links: list[DocLink] = []
    for doc in sorted(documents, key=lambda d: d.id):
        links.extend(index.add(doc))
    return sorted(links, key=lambda x: (x.source, x.target, x.kind))

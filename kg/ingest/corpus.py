"""Corpus-level boilerplate: a passage that recurs, verbatim or nearly, across many documents of one
publisher is that publisher's furniture (an editor's note appended to every article, a "like our page"
line, a standing disclaimer), not article text. Rule files cannot list every outlet's wording; the corpus
shows it.

How it is found (MinHash, as in ``dedup``):

* every paragraph of at least ``MIN_WORDS`` words gets a datasketch MinHash of its word 3-shingles
  (``NUM_PERM`` 32-bit values: 128 bytes a paragraph, so every paragraph of a large store can be kept);
* paragraphs are bucketed by LSH bands (``BANDS`` x ``ROWS``: 99 % recall at Jaccard 0.5) with numpy,
  candidates in a bucket are verified (estimated Jaccard ≥ ``SIMILAR``) and joined into clusters;
* a cluster is boilerplate for a publisher when one wording of it recurs in at least ``MIN_DOCS``
  documents (a template filled with different facts is not furniture) and the cluster occurs in at least
  ``required(n)`` of that publisher's ``n`` documents: ``MIN_DOCS`` (3), or ``SHARE`` of them when that
  is more, but never more than ``CAP`` documents (a passage in 10 articles of one outlet is furniture
  however large the corpus).

What is never boilerplate:

* a passage found in documents of two or more known publishers: shared content — a quote, wire copy,
  a republished article — which the quote extractor and ``dedup`` must see in every copy;
* a paragraph that is mostly a quotation (a repeated quote is a repeated claim);
* a data line: figures (digits, or ``rules/figure_words.txt``) are at least ``FIGURES`` of its words —
  "Interim payout 7 cts vs 6 cts a year ago" in two companies' notices is a fact about each company;
* more than ``MAX_DOC_SHARE`` of one document's text: then the documents are copies of each other
  (``dedup``'s business), and that document is left whole.

The publisher is the URL's host when the document has a URL, else its publisher name, else unknown:
documents without either (plain text files, as the evaluation writes them) form one group, the batch or
store they are in.

Removal happens before extraction, so offsets point into the text without the passage; ``kg inspect``
lists each removal with the reason "publisher boilerplate". With a store, the signatures are kept beside
it (``boilerplate-index.pkl``) with each document's pre-pass text, so a later build that makes a passage
boilerplate (or no longer) re-cleans the stored documents that have it; they come out of ``corpus_pass``
as changed documents and are re-extracted.
"""

from __future__ import annotations

import math
import pickle
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from kg.errors import InputError
from kg.ingest import pickled
from kg.ingest.lexicon import words
from kg.ingest.minhash import signature
from kg.records import Document, Removed

FORMAT = 1
INDEX_FILE = "boilerplate-index.pkl"
MIN_WORDS = 8  # shorter lines ("Share this", "Photo: AP") are the rule files' job; short sentences match anything
SHINGLE = 3
NUM_PERM = 32
BANDS, ROWS = 16, 2
SIMILAR = 0.5  # estimated Jaccard of word 3-shingles: one outlet's note in two wordings (a clause added) matches
MIN_DOCS = 3
SHARE = 0.05
CAP = 10
MAX_DOC_SHARE = 0.5
QUOTED = 0.5  # share of a paragraph's characters inside quotation marks that makes it a quotation
FIGURES = 0.1  # share of a paragraph's words that are figures that makes it a data line
REASON = "publisher boilerplate"
WINDOW = 256  # documents a streamed pass reads before it hands the first on (see ``_streamed``)

_WORD = re.compile(r"[^\W_]+(?:[.,]\d+)*")
_QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def group_of(doc: Document) -> str:
    """The publisher key: URL host (without ``www.``), else the publisher name, else "" (unknown)."""
    if doc.url:
        host = (urlsplit(doc.url).hostname or "").lower()
        if host:
            return host.removeprefix("www.")
    return (doc.publisher or "").casefold().strip()


def required(n: int) -> int:
    """Documents of one publisher a passage must recur in to be its boilerplate."""
    return max(MIN_DOCS, min(CAP, math.ceil(SHARE * n)))


def _quotation(p: str) -> bool:
    return sum(len(m.group(0)) for m in _QUOTE.finditer(p)) >= QUOTED * len(p)


def _data_line(tokens: list[str]) -> bool:
    figures = words("figure_words.txt")
    # a token with a digit starts with one ("10", "1,000", "3rd"): _WORD splits "A-3" into "a", "3"
    return sum(t[0].isdigit() or t in figures for t in tokens) >= FIGURES * len(tokens)


def _signature(paragraph: str) -> np.ndarray | None:
    tokens = [w.lower() for w in _WORD.findall(paragraph)]
    if len(tokens) < MIN_WORDS or _quotation(paragraph) or _data_line(tokens):
        return None
    shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    # crc32 (C) instead of datasketch's default sha1 (Python per shingle): a 32-bit hash is all affine32 uses
    return signature([s.encode("utf-8") for s in sorted(shingles)], NUM_PERM, hashfunc=zlib.crc32)


@dataclass
class _Entry:
    group: str
    paragraphs: np.ndarray  # indices (into text.split("\n\n")) of the signed paragraphs
    signatures: np.ndarray  # (len(paragraphs), NUM_PERM) uint32
    blob: bytes  # the document before this pass (zlib-compressed pickle), to re-clean it later
    applied: tuple[int, ...] = ()  # paragraphs removed the last time the document was handed on


@dataclass
class Verdict:
    """Paragraph index → reason, for one document."""

    removed: dict[int, str] = field(default_factory=dict)


class CorpusIndex:
    """Passage signatures of every document seen (a batch, or a store's whole history)."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._entries

    def add(self, doc: Document) -> None:
        """Index ``doc`` as it is before this pass (replacing an earlier version with its id)."""
        idx, sigs = [], []
        for i, p in enumerate(doc.text.split("\n\n")):
            sig = _signature(p)
            if sig is not None:
                idx.append(i)
                sigs.append(sig)
        old = self._entries.get(doc.id)
        self._entries[doc.id] = _Entry(
            group=group_of(doc), paragraphs=np.array(idx, dtype=np.int32),
            signatures=np.array(sigs, dtype=np.uint32).reshape(len(sigs), NUM_PERM),
            blob=zlib.compress(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL), 1),
            applied=old.applied if old else ())

    def remove(self, doc_id: str) -> None:
        self._entries.pop(doc_id, None)

    def document(self, doc_id: str) -> Document:
        return pickle.loads(zlib.decompress(self._entries[doc_id].blob))

    def applied(self, doc_id: str) -> tuple[int, ...]:
        return self._entries[doc_id].applied

    def mark_applied(self, doc_id: str, verdict: Verdict) -> None:
        self._entries[doc_id].applied = tuple(sorted(verdict.removed))

    def _clusters(self) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """``(doc ids, owner row → doc index, paragraph of each row, cluster label of each row, signatures)``."""
        ids = list(self._entries)
        owners = [np.full(len(e.paragraphs), k, dtype=np.int32) for k, e in enumerate(self._entries.values())]
        owner = np.concatenate(owners) if owners else np.zeros(0, dtype=np.int32)
        para = np.concatenate([e.paragraphs for e in self._entries.values()]) if ids else owner
        sigs = np.concatenate([e.signatures for e in self._entries.values()]) if ids else \
            np.zeros((0, NUM_PERM), dtype=np.uint32)
        parent = np.arange(len(owner))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for b in range(BANDS):
            band = np.ascontiguousarray(sigs[:, b * ROWS : (b + 1) * ROWS]).view(np.dtype((np.void, 4 * ROWS)))
            band = band.ravel()
            order = np.argsort(band, kind="stable")
            same = band[order][1:] == band[order][:-1]
            for k in np.flatnonzero(same):
                i, j = int(order[k]), int(order[k + 1])
                if owner[i] == owner[j]:
                    continue
                if np.mean(sigs[i] == sigs[j]) >= SIMILAR:
                    ri, rj = find(i), find(j)
                    if ri != rj:
                        parent[max(ri, rj)] = min(ri, rj)
        labels = np.array([find(i) for i in range(len(owner))], dtype=np.int64)
        return ids, owner, para, labels, sigs

    def verdicts(self) -> dict[str, Verdict]:
        """What this pass removes from each indexed document (independent of the order they came in)."""
        ids, owner, para, labels, sigs = self._clusters()
        groups = [e.group for e in self._entries.values()]
        size = Counter(groups)
        members: dict[int, list[int]] = defaultdict(list)
        for row, label in enumerate(labels.tolist()):
            members[label].append(row)
        out: dict[str, Verdict] = {d: Verdict() for d in ids}
        for rows in members.values():
            docs = {int(owner[r]) for r in rows}
            if len(docs) < MIN_DOCS:
                continue
            # furniture is one text repeated (in a wording or two); a template filled with different facts
            # ("rated A-2 by Moody's", "rated Aa-3 by Moody's", ...) chains into a cluster of one-offs
            variants: dict[bytes, set[int]] = defaultdict(set)
            for r in rows:
                variants[sigs[r].tobytes()].add(int(owner[r]))
            if max(len(v) for v in variants.values()) < MIN_DOCS:
                continue
            per_group = Counter(groups[d] for d in docs)
            known = [g for g in per_group if g]
            if len(known) > 1:
                continue  # the same passage from several outlets: shared content, not one outlet's furniture
            for g, n in per_group.items():
                if n < required(size[g]):
                    continue
                who = f"the {size[g]} documents of {g}" if g else f"the {size[g]} documents without a publisher"
                reason = f"{REASON} (recurs in {n} of {who})"
                for r in rows:
                    d = int(owner[r])
                    if groups[d] == g:
                        out[ids[d]].removed[int(para[r])] = reason
        for doc_id, verdict in out.items():
            if verdict.removed and not self._small_part(doc_id, verdict):
                verdict.removed.clear()
        return out

    def _small_part(self, doc_id: str, verdict: Verdict) -> bool:
        paragraphs = self.document(doc_id).text.split("\n\n")
        cut = sum(len(paragraphs[i]) for i in verdict.removed)
        return cut <= MAX_DOC_SHARE * sum(len(p) for p in paragraphs)

    def save(self, path: str | Path) -> None:
        """Write atomically; pickle: load only files kg wrote."""
        pickled.save(self, path, FORMAT, "boilerplate index")

    @classmethod
    def load(cls, path: str | Path) -> CorpusIndex:
        """The saved index, or a new empty one when ``path`` does not exist. Pickle: load only files kg wrote."""
        return pickled.load(cls, path, FORMAT, "boilerplate index")


def apply(doc: Document, verdict: Verdict) -> Document:
    """``doc`` without the verdict's paragraphs (each listed in ``removed``), with its hash recomputed."""
    if not verdict.removed:
        return doc
    paragraphs = doc.text.split("\n\n")
    kept = [p for i, p in enumerate(paragraphs) if i not in verdict.removed]
    text = "\n\n".join(kept)
    removed = doc.removed + tuple(Removed(paragraphs[i], verdict.removed[i]) for i in sorted(verdict.removed))
    from kg.ingest import content_hash

    return replace(doc, text=text, content_hash=content_hash(text), removed=removed)


def corpus_pass(items: Iterable[Document | InputError], path: str | Path | None = None,
                save: bool = True, late: Callable[[Document | InputError], None] | None = None,
                window: int | None = None) -> Iterator[Document | InputError]:
    """Remove corpus-level boilerplate from a batch of documents, in their order.

    ``path``: the store's index file (``INDEX_FILE`` in the store folder), read and — with ``save`` —
    updated; then stored documents outside the batch whose verdict changed follow the batch, re-cleaned
    from their pre-pass text. Without ``path`` the batch alone is the corpus.

    Without ``late``, the batch is held (compressed, in the index) until it is read to the end: a passage's
    count is only known then, and each document is handed on once. With ``late`` the pass streams
    (``_streamed``, ``window``: default ``WINDOW``): documents are handed on as they are read, and the few
    whose verdict the rest of the batch changed are handed to ``late`` afterwards, re-cleaned — the caller
    replaces what it made of them. Their text is what the whole-batch pass gives; only the counts in a
    removal's reason may differ ("recurs in 10 of the 4374 documents": the batch as far as it was read).
    """
    index = CorpusIndex.load(path) if path is not None else CorpusIndex()
    if late is not None:
        streamed: list[str] = []
        verdicts = yield from _streamed(index, items, late, window or WINDOW, streamed)
        ids = set(streamed)
    else:
        batch: list[str | InputError] = []  # the documents themselves wait in the index, compressed
        for item in items:
            if isinstance(item, Document):
                index.add(item)
                batch.append(item.id)
            else:
                batch.append(item)
        ids = {entry for entry in batch if isinstance(entry, str)}
        if path is None and len(ids) < MIN_DOCS:
            for entry in batch:
                yield entry if isinstance(entry, InputError) else index.document(entry)
            return
        verdicts = index.verdicts()
        for entry in batch:
            yield entry if isinstance(entry, InputError) else _handed_on(index, entry, verdicts[entry])
    if path is not None:
        # stored documents outside the batch (never handed on in it) whose verdict the batch changed
        for doc_id in sorted(set(verdicts) - ids):
            if tuple(sorted(verdicts[doc_id].removed)) != index.applied(doc_id):
                yield _handed_on(index, doc_id, verdicts[doc_id])
        if save:
            index.save(path)


def _streamed(index: CorpusIndex, items: Iterable[Document | InputError],
              late: Callable[[Document | InputError], None], window: int,
              batch: list[str]) -> Generator[Document | InputError, None, dict[str, Verdict]]:
    """Documents handed on as they are read, each with the verdict of an index that holds it and every
    document read so far: the verdicts are computed once ``window`` documents are read, then again each
    time the batch has grown by half (so computing them costs about three times one computation at the
    end, not one per document), and a document waits only until the next computation covers it. Once the
    batch is read, the final verdicts are computed; a document handed on with another verdict goes to
    ``late``, re-cleaned (rare: a passage that becomes boilerplate only with the later documents).
    ``batch`` gets the batch's document ids; the final verdicts are returned."""
    from collections import deque

    waiting: deque[str | InputError] = deque()
    covered: set[str] = set()  # documents the last verdicts were computed with
    verdicts: dict[str, Verdict] = {}
    due = window
    for item in items:
        if isinstance(item, Document):
            index.add(item)
            covered.discard(item.id)
            batch.append(item.id)
            waiting.append(item.id)
        else:
            waiting.append(item)
        if len(batch) >= due and waiting:
            verdicts = index.verdicts()
            covered = set(batch)
            due = max(window, len(batch) + len(batch) // 2)
        while waiting and (isinstance(waiting[0], InputError) or waiting[0] in covered):
            entry = waiting.popleft()
            yield entry if isinstance(entry, InputError) else _handed_on(index, entry, verdicts[entry])
    final = index.verdicts()
    for entry in waiting:
        yield entry if isinstance(entry, InputError) else _handed_on(index, entry, final[entry])
    for doc_id in dict.fromkeys(batch):
        if tuple(sorted(final[doc_id].removed)) != index.applied(doc_id):
            late(_handed_on(index, doc_id, final[doc_id]))
    return final


def _handed_on(index: CorpusIndex, doc_id: str, verdict: Verdict) -> Document | InputError:
    doc = index.document(doc_id)
    cleaned = apply(doc, verdict)
    index.mark_applied(doc_id, verdict)
    if not cleaned.text.strip():  # cannot happen with MAX_DOC_SHARE < 1; kept as a guard for changed settings
        return InputError(doc.source_path, "no article text left after removing publisher boilerplate")
    return cleaned


def index_path(store) -> Path | None:
    """Where a store keeps its passage index: beside its files (a store without a local ``path`` keeps none)."""
    folder = getattr(store, "path", None)
    return Path(folder) / INDEX_FILE if folder is not None else None


def forget(doc_ids: Iterable[str], path: str | Path | None) -> None:
    """Drop removed documents from a store's index (``kg remove``)."""
    if path is None or not Path(path).exists():
        return
    index = CorpusIndex.load(path)
    for d in doc_ids:
        index.remove(d)
    index.save(path)

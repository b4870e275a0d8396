"""MinHash LSH buckets in a few flat numpy arrays: what ``dedup`` keeps for every stored document.

datasketch's ``MinHashLSH`` keeps one Python ``bytes`` key, one ``set`` and a dict slot per band and
document: ~30 KB a document for the two indexes of ``dedup`` (89 bands), so the index of a 9,000-article
store took ~500 MB in memory (12 MB pickled) and was most of a build's memory growth with the corpus.
Here a document costs its signature (4 bytes a value) and per band two copies of an 8-byte key (by
slot and sorted) and 5 bytes of bookkeeping: ~3 KB for both indexes.

Same answers as ``MinHashLSH`` with the same bands and rows: a query returns every indexed document
sharing at least one band (all its ``rows`` values equal) with the query. A band's key is a 64-bit hash
of its values, so two keys may collide by chance; every candidate is checked against the stored values
of the band that matched, so a collision never adds a document.

Layout: every (document, band) key sits in one array sorted by key (``searchsorted`` finds a query's
bands in one call) plus a short unsorted tail of the latest documents, merged in once it outgrows a
share of the sorted part (so merging costs O(n log n) over a whole build). Removal marks a slot dead;
dead slots are dropped at the next merge.
"""

from __future__ import annotations

import numpy as np

_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio): spreads values over the key
_TAIL_MIN = 256  # documents kept unsorted before a merge, at least ...
_TAIL_SHARE = 8  # ... or 1/8 of the sorted documents


class BandIndex:
    """LSH over signatures of ``width`` values (bands over the first ``bands * rows`` of them, as in
    datasketch), keyed by document id."""

    def __init__(self, bands: int, rows: int, width: int):
        if not 0 < bands <= 255:
            raise ValueError(f"{bands} bands: between 1 and 255")
        if bands * rows > width:
            raise ValueError(f"{bands} bands of {rows} rows need signatures of at least {bands * rows} values")
        self.bands, self.rows, self.width = bands, rows, width
        self._ids: list[str | None] = []  # slot → document id (None once removed)
        self._slot: dict[str, int] = {}
        self._sigs = np.zeros((0, width), dtype=np.uint32)  # slot → signature (capacity grows ×2)
        self._keys = np.zeros((0, bands), dtype=np.uint64)  # slot → its band keys
        self._sorted = np.zeros(0, dtype=np.uint64)  # keys of the merged slots, sorted
        self._sorted_slot = np.zeros(0, dtype=np.int32)  # the slot of each sorted key
        self._sorted_band = np.zeros(0, dtype=np.uint8)  # the band of each sorted key
        self._tail: list[int] = []  # slots added since the last merge

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._slot

    def _band_keys(self, sig: np.ndarray) -> np.ndarray:
        values = self._bands_of(sig).astype(np.uint64)
        keys = np.zeros(self.bands, dtype=np.uint64)
        with np.errstate(over="ignore"):  # wrapping multiplication is the hash
            for j in range(self.rows):
                keys = (keys ^ values[:, j]) * _MIX
            keys ^= np.arange(self.bands, dtype=np.uint64) * _MIX  # one band's key is no other band's
        return keys

    def _bands_of(self, sigs: np.ndarray) -> np.ndarray:
        """(..., bands, rows) view of one or more signatures."""
        return sigs[..., : self.bands * self.rows].reshape(*sigs.shape[:-1], self.bands, self.rows)

    def signature(self, doc_id: str) -> np.ndarray:
        return self._sigs[self._slot[doc_id]]

    def similarities(self, signature: np.ndarray, doc_ids) -> list[float]:
        """The estimated Jaccard (share of equal values) of ``signature`` with each of ``doc_ids``'s, in one
        array operation: a query's candidates grow with the corpus (about 90 a document at 5,000 newswire
        articles), and one comparison call per candidate was a third of linking."""
        if not doc_ids:
            return []
        slots = np.fromiter((self._slot[d] for d in doc_ids), dtype=np.int64, count=len(doc_ids))
        # a mean of 0/1 values is exact in float64: the same number as np.mean of each row alone
        return np.mean(self._sigs[slots] == np.asarray(signature).astype(np.uint32), axis=1).tolist()

    def insert(self, doc_id: str, signature: np.ndarray) -> None:
        if doc_id in self._slot:
            raise ValueError(f"{doc_id!r} is already indexed")
        sig = np.asarray(signature).astype(np.uint32)
        slot = len(self._ids)
        if slot == len(self._sigs):
            size = max(64, 2 * slot)
            self._sigs = np.resize(self._sigs, (size, self.width))
            self._keys = np.resize(self._keys, (size, self.bands))
        self._sigs[slot] = sig
        self._keys[slot] = self._band_keys(sig)
        self._ids.append(doc_id)
        self._slot[doc_id] = slot
        self._tail.append(slot)
        if len(self._tail) > max(_TAIL_MIN, len(self._sorted) // (self.bands * _TAIL_SHARE)):
            self._merge()

    def remove(self, doc_id: str) -> None:
        slot = self._slot.pop(doc_id)
        self._ids[slot] = None
        if slot in self._tail:
            self._tail.remove(slot)

    def query(self, signature: np.ndarray) -> set[str]:
        """Ids of the indexed documents that share at least one band with ``signature``."""
        sig = np.asarray(signature).astype(np.uint32)
        keys = self._band_keys(sig)
        slots, bands = [], []
        if len(self._sorted):
            lo = np.searchsorted(self._sorted, keys, side="left")
            hi = np.searchsorted(self._sorted, keys, side="right")
            for a, b in zip(lo[lo < hi].tolist(), hi[lo < hi].tolist(), strict=True):
                slots.append(self._sorted_slot[a:b])
                bands.append(self._sorted_band[a:b])
        if self._tail:
            tail = np.asarray(self._tail, dtype=np.int32)
            row, band = np.nonzero(self._keys[tail] == keys)
            slots.append(tail[row])
            bands.append(band.astype(np.uint8))
        if not slots:
            return set()
        slot, band = np.concatenate(slots), np.concatenate(bands)
        # the band's own values, not only its key: a chance collision of two keys is no match
        want = self._bands_of(sig)[band]
        got = self._bands_of(self._sigs[slot])[np.arange(len(slot)), band]
        same = np.all(want == got, axis=1)
        return {d for d in (self._ids[s] for s in set(slot[same].tolist())) if d is not None}

    def _merge(self) -> None:
        alive = np.fromiter((d is not None for d in self._ids), dtype=bool, count=len(self._ids))
        keep = alive[self._sorted_slot]
        tail = np.asarray([s for s in self._tail if alive[s]], dtype=np.int32)
        keys = np.concatenate([self._sorted[keep], self._keys[tail].ravel()])
        slot = np.concatenate([self._sorted_slot[keep], np.repeat(tail, self.bands)])
        band = np.concatenate([self._sorted_band[keep], np.tile(np.arange(self.bands, dtype=np.uint8), len(tail))])
        order = np.argsort(keys, kind="stable")
        self._sorted, self._sorted_slot, self._sorted_band = keys[order], slot[order], band[order]
        self._tail = []

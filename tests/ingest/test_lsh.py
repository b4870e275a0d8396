"""kg.ingest.lsh.BandIndex gives the answers of datasketch's MinHashLSH with the same bands."""

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from kg.ingest.lsh import BandIndex


def _signatures(n: int, seed: int) -> list[np.ndarray]:
    # few distinct values, so that documents share bands often (and by several bands at once)
    rng = np.random.default_rng(seed)
    return [rng.integers(0, 3, size=16, dtype=np.uint32) for _ in range(n)]


@pytest.mark.parametrize(("bands", "rows"), [(8, 2), (3, 5)])
def test_lsh_band_index_answers_as_datasketch(bands, rows):
    sigs = _signatures(700, seed=bands)  # past the first merge of the unsorted tail
    ours = BandIndex(bands, rows, 16)
    theirs = MinHashLSH(num_perm=16, params=(bands, rows))
    for i, sig in enumerate(sigs):
        mh = MinHash(num_perm=16, hashvalues=sig, scheme="affine32")
        assert ours.query(sig) == set(theirs.query(mh)), i
        ours.insert(f"d{i}", sig)
        theirs.insert(f"d{i}", mh)
        if i % 7 == 3:  # removal, in the tail and (later) in the sorted part
            gone = f"d{i - 3}"
            ours.remove(gone)
            theirs.remove(gone)
    assert len(ours) == len(theirs.keys)


def test_lsh_band_index_chance_key_collision_is_no_match(monkeypatch):
    index = BandIndex(2, 2, 4)
    monkeypatch.setattr(index, "_band_keys", lambda sig: np.zeros(2, dtype=np.uint64))  # every key the same
    index.insert("a", np.array([1, 2, 3, 4], dtype=np.uint32))
    assert index.query(np.array([1, 2, 9, 9], dtype=np.uint32)) == {"a"}
    assert index.query(np.array([5, 6, 7, 8], dtype=np.uint32)) == set()


def test_lsh_band_index_refuses_a_second_insert_of_one_id():
    index = BandIndex(2, 2, 4)
    index.insert("a", np.zeros(4, dtype=np.uint32))
    with pytest.raises(ValueError):
        index.insert("a", np.zeros(4, dtype=np.uint32))


def test_lsh_similarities_equal_each_rows_own_mean():
    # one array operation for all candidates gives the float a per-candidate np.mean gives (ranking and the
    # thresholds compare these numbers exactly)
    sigs = _signatures(300, seed=5)
    index = BandIndex(8, 2, 16)
    for i, sig in enumerate(sigs):
        index.insert(f"d{i}", sig)
    index.remove("d7")
    probe = sigs[11]
    ids = [f"d{i}" for i in range(300) if i != 7][::-1]
    assert index.similarities(probe, ids) == [float(np.mean(probe == index.signature(d))) for d in ids]
    assert index.similarities(probe, []) == []

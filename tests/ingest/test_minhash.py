"""kg.ingest.minhash computes datasketch's MinHash values bit for bit (saved indexes and links depend on them)."""

import random
import zlib

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from kg.ingest import minhash
from kg.ingest.dedup import COPY_BANDS, COPY_LSH, NUM_PERM


def _items(n: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(["acme", "shares", "rose", "1.5", "Zürich", "said", "percent"])
                     for _ in range(rng.randint(1, 5))).encode("utf-8") for _ in range(n)]


@pytest.mark.parametrize("n", [0, 1, 7, 300])
@pytest.mark.parametrize("hashfunc", [None, zlib.crc32])
@pytest.mark.parametrize("num_perm", [32, 128])
def test_minhash_signature_equals_datasketch(n, hashfunc, num_perm):
    items = _items(n, seed=n + num_perm)
    theirs = MinHash(num_perm=num_perm, scheme="affine32", **({"hashfunc": hashfunc} if hashfunc else {}))
    theirs.update_batch(items)
    ours = minhash.signature(items, num_perm, **({"hashfunc": hashfunc} if hashfunc else {}))
    assert ours.dtype == np.uint32
    assert np.array_equal(ours, theirs.hashvalues)


def test_minhash_permutations_and_copy_bands_are_datasketchs():
    a, b = MinHash(num_perm=NUM_PERM, scheme="affine32").permutations
    ours = minhash.permutations(NUM_PERM)
    assert np.array_equal(ours[0], a) and np.array_equal(ours[1], b)
    lsh = MinHashLSH(threshold=COPY_LSH, num_perm=NUM_PERM)
    assert COPY_BANDS == (lsh.b, lsh.r)

"""MinHash signatures exactly as datasketch 2's ``MinHash`` computes them (scheme ``affine32``, seed 1),
without importing datasketch: its package imports its LSH module, which imports SciPy — a second or more
of start-up in every process that reads articles, for two dozen lines of numpy. Bit-for-bit the same
values, so indexes saved before stay valid (tests/ingest/test_minhash.py compares them with datasketch's).

The scheme: each item's 32-bit hash is pre-mixed with the MurmurHash3 finalizer, then permuted by
``a * h + b`` in uint32 arithmetic (``a`` odd: a bijection); a signature keeps each permutation's minimum.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable, Iterable
from functools import cache

import numpy as np

SEED = 1  # datasketch's default seed
_EMPTY = np.uint32(0xFFFFFFFF)  # the value of a permutation no item reached
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


def sha1_32(data: bytes) -> int:
    """datasketch's default 32-bit hash: the first four bytes of SHA-1, little-endian."""
    return struct.unpack("<I", hashlib.sha1(data).digest()[:4])[0]


@cache
def permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The seeded permutations' ``(a, b)``, drawn as datasketch draws them, made once."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix(h: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX
    h = h ^ (h >> s1)
    h = h * m1
    h = h ^ (h >> s2)
    h = h * m2
    return h ^ (h >> s3)


def signature(items: Iterable[bytes], num_perm: int, hashfunc: Callable[[bytes], int] = sha1_32) -> np.ndarray:
    """The uint32 MinHash of ``items`` (``MinHash(num_perm, scheme="affine32").update_batch(items)``)."""
    values = np.full(num_perm, _EMPTY, dtype=np.uint32)
    hashed = [hashfunc(item) for item in items]
    if not hashed:
        return values
    a, b = permutations(num_perm)
    with np.errstate(over="ignore"):  # wrapping multiplication is the permutation
        h = _fmix(np.array(hashed, dtype=np.uint32).reshape(-1, 1))
        return np.minimum(values, (h * a + b).min(axis=0))

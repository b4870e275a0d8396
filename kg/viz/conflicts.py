"""Which numeric claims disagree: a simple, explainable rule for the graph view.

Two numbers disagree when they count the same thing (same ``counts_head`` and unit), come from
different documents, do not scope themselves to different places or times, say what happened in
words that overlap (or one of them does not say), and the ranges their
qualifiers allow do not overlap ("nearly 1,000" and "about 1,000" agree; "1,000" and "1,400" do not).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from itertools import combinations

# How far "about"/"nearly" may stray: wide enough that rounded figures from two outlets still agree.
APPROX_TOLERANCE = 0.1


def interval(value: float, qualifier: str | None, value_max: float | None = None) -> tuple[float, float]:
    """The values a claim allows, given its qualifier."""
    hi = value_max if value_max is not None else value
    lo = min(value, hi)
    hi = max(value, hi)
    q = (qualifier or "exact").lower()
    if q == "approx":
        return lo * (1 - APPROX_TOLERANCE), hi * (1 + APPROX_TOLERANCE)
    if q in ("over", "at_least"):
        return lo, math.inf
    if q in ("under", "at_most"):
        return -math.inf, hi
    return lo, hi


def _same_scope(a: str | None, b: str | None) -> bool:
    # a claim without a place/time scope may be about any; two different explicit scopes are not comparable
    return not a or not b or a.strip().lower() == b.strip().lower()


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", (text or "").lower()) if len(w) > 3}


def _same_event(a: str | None, b: str | None) -> bool:
    # "50 companies relocated to Kazakhstan" and "1,000 companies left Russia" count different events;
    # predicates that share no content word are not two figures for one thing
    wa, wb = _words(a), _words(b)
    return not wa or not wb or bool(wa & wb)


def disagree(a: dict, b: dict) -> bool:
    """Claims as dicts with value, value_max, qualifier, unit, counts_head, place, time, doc."""
    if a.get("value") is None or b.get("value") is None:
        return False
    if not a.get("counts_head") or (a.get("counts_head") or "").lower() != (b.get("counts_head") or "").lower():
        return False
    if (a.get("unit") or "") != (b.get("unit") or "") or a.get("doc") == b.get("doc"):
        return False
    if not (_same_scope(a.get("place"), b.get("place")) and _same_scope(a.get("time"), b.get("time"))):
        return False
    if not _same_event(a.get("predicate"), b.get("predicate")):
        return False
    lo_a, hi_a = interval(a["value"], a.get("qualifier"), a.get("value_max"))
    lo_b, hi_b = interval(b["value"], b.get("qualifier"), b.get("value_max"))
    return hi_a < lo_b or hi_b < lo_a


def conflicts(claims: dict[str, dict]) -> list[tuple[str, str]]:
    """Pairs of claim ids that disagree, each pair once, in a stable order."""
    by_head: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cid, c in claims.items():
        if c.get("counts_head") and c.get("value") is not None:
            by_head[(c["counts_head"].lower(), c.get("unit") or "")].append(cid)
    pairs = []
    for ids in by_head.values():
        for x, y in combinations(sorted(ids), 2):
            if disagree(claims[x], claims[y]):
                pairs.append((x, y))
    return sorted(pairs)

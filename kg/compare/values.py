"""Values as intervals: what a qualified figure stands for, and whether two figures are the same value."""

from __future__ import annotations

from kg.compare.words import content_stems, dimension

DEFAULT_TOLERANCE = 0.005
MAX_RATIO = 100.0  # see kg.compare.frames.same_magnitude

# (low factor, high factor) of the interval a qualified value stands for; see kg/compare/__init__.py
SPREAD = {
    "exact": (0.995, 1.005),
    "approx": (0.9, 1.1),
    "over": (1.0, 1.5),
    "at_least": (1.0, 1.5),
    "under": (0.67, 1.0),
    "at_most": (0.5, 1.0),
}
QUALIFIER_SIGNS = {"exact": "", "approx": "≈", "over": ">", "at_least": "≥", "under": "<", "at_most": "≤"}


def interval(row: dict) -> tuple[float, float]:
    value, vmax = float(row["value"]), row.get("value_max")
    if vmax is not None:
        return value, float(vmax)
    low, high = SPREAD.get(row.get("qualifier") or "exact", SPREAD["exact"])
    a, b = value * low, value * high
    return (a, b) if a <= b else (b, a)


def overlap(a: dict, b: dict) -> bool:
    (a0, a1), (b0, b1) = interval(a), interval(b)
    return a0 <= b1 and b0 <= a1


def matches_value(row: dict, target: float, tolerance: float = DEFAULT_TOLERANCE, unit: str | None = None) -> bool:
    """The claim asserts ``target`` (within ``tolerance``, relative) or a range containing it."""
    if unit is not None and dimension(unit) != dimension(row.get("unit")):
        return False
    value, vmax = float(row["value"]), row.get("value_max")
    if vmax is not None and value <= target <= float(vmax):
        return True
    return abs(value - target) <= tolerance * abs(target) + 1e-12


def about_matches(row: dict, about: str | None) -> bool:
    """Every word of ``about`` occurs in what the claim counts, its predicate, place, time or source."""
    if not about:
        return True
    hay = content_stems(" ".join(str(row.get(k) or "") for k in
                                 ("counts", "counts_head", "predicate", "place", "time", "source", "text")))
    return content_stems(about) <= hay


def show_value(row: dict) -> str:
    from kg.extract.numbers import format_value

    sign = QUALIFIER_SIGNS.get(row.get("qualifier") or "exact", "")
    return sign + format_value(float(row["value"]), row.get("unit"), row.get("value_max"))

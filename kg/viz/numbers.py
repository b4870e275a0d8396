"""Every numeric claim as the rows ``kg.compare`` works on, and conflicts / agreements computed per bucket
of comparable claims, for the views that read all numbers at once (``kg report``, ``/conflicts``)."""

from __future__ import annotations

from collections import defaultdict


def numeric_rows(store) -> list[dict]:
    """The rows of trace.rq over every numeric claim (its VALUES line at UNDEF), by document and offset."""
    from kg import compare

    return sorted(compare.numeric_rows(store), key=lambda r: (r["doc"], r["start"] or 0))


def _buckets(rows: list[dict]) -> list[list[dict]]:
    """Rows split by unit dimension and class of the counted thing: kg.compare's grouping compares every
    claim with every group (quadratic), so over all 9,000 numbers of 2,000 articles it runs for many
    minutes; within one bucket it is fast. Claims whose counted things are of different classes are then
    never compared (compare's "Russians" ~ "Russian citizens" rule only applies inside a bucket)."""
    from kg import compare

    out: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        head = compare.head_class(r)
        if head:  # compare never groups a claim whose counted thing has no head class with another one
            out[(compare.dimension(r.get("unit")), head)].append(r)
    return list(out.values())


def conflicts(rows: list[dict]) -> list:
    """``kg.compare.find_conflicts`` per bucket, in compare's order (most documents first)."""
    from kg import compare

    groups = [g for b in _buckets(rows) for g in compare.find_conflicts(b)]
    return sorted(groups, key=lambda g: (-len(g.documents), g.label))


def agreements(rows: list[dict]) -> list:
    """``kg.compare.find_agreements`` per bucket (independence needs every row's links: clusters of all rows)."""
    from kg import compare

    found = [p for b in _buckets(rows) for p in compare.find_agreements(b)]
    return sorted(found, key=lambda p: (-p[1], p[0].label, compare.interval(p[0].claims[0])[0]))

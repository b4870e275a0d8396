"""Documents: which ones are copies of each other (they count once), and the order originals come in."""

from __future__ import annotations

from collections.abc import Iterable

LINK_COLUMNS = ("republication_of", "reuses_passages_of", "same_story_as")
# the links that make two documents one source: a copy, or passages taken over. "same_story_as" only says two
# documents tell one story with a few aligned sentences — what two outlets covering one event do — so two
# such outlets that disagree (or agree in their own words) stay two sources.
DEPENDENCE = ("republication_of", "reuses_passages_of")


def links_of(row: dict) -> dict[str, list[str]]:
    return {col: (row.get(col) or "").split() for col in LINK_COLUMNS}


def clusters(rows: Iterable[dict]) -> dict[str, str]:
    """document id → id of its cluster (documents joined by a copy or reuse link count once)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row in rows:
        find(row["doc"])
        links = links_of(row)
        for targets in (links[k] for k in DEPENDENCE):
            for t in targets:
                a, b = find(row["doc"]), find(t)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {d: find(d) for d in list(parent)}


def copy_note(row: dict) -> str | None:
    """'republication of X' / 'reuses passages of X, Y' for a document that copies another, else None."""
    links = links_of(row)
    if links["republication_of"]:
        return "republication of " + ", ".join(links["republication_of"])
    if links["reuses_passages_of"]:
        return "reuses passages of " + ", ".join(links["reuses_passages_of"])
    return None


def trace_order(rows: list[dict]) -> list[dict]:
    """Originals before their copies, each cluster together, clusters by first date / document id."""
    cl = clusters(rows)
    first: dict[str, tuple] = {}
    for r in rows:
        key = (r.get("date") or "9999", r["doc"])
        c = cl[r["doc"]]
        first[c] = min(first.get(c, key), key)
    return sorted(rows, key=lambda r: (first[cl[r["doc"]]], copy_note(r) is not None, r.get("date") or "9999",
                                       r["doc"], r.get("start") or 0))

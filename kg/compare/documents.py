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

    seen: set[tuple] = set()
    for row in rows:
        doc = row["doc"]
        own = (doc, row.get("republication_of") or "", row.get("reuses_passages_of") or "")  # DEPENDENCE
        if own in seen:  # the rows of one document carry its links: a trace of 1,700 claims has ~400 documents
            continue
        seen.add(own)
        find(doc)
        for targets in own[1:]:
            for t in targets.split():
                a, b = find(doc), find(t)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {d: find(d) for d in list(parent)}


def is_copy(row: dict) -> bool:
    """``copy_note(row) is not None``, without writing the note."""
    return any((row.get(k) or "").split() for k in DEPENDENCE)


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
        if c not in first or key < first[c]:
            first[c] = key
    # the key's document part, once per document and links (a trace of 1,700 claims has ~400 documents)
    parts: dict[tuple, tuple] = {}

    def order(r: dict) -> tuple:
        own = (r["doc"], r.get("date"), r.get("republication_of"), r.get("reuses_passages_of"))  # DEPENDENCE
        part = parts.get(own)
        if part is None:
            part = parts[own] = (first[cl[r["doc"]]], is_copy(r), r.get("date") or "9999", r["doc"])
        return (*part, r.get("start") or 0)
    return sorted(rows, key=order)

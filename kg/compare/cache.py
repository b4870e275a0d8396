"""Conflicts and agreements of a whole store, computed once per state of it.

Comparing every numeric claim of a store reads all of them (seconds at a few thousand articles), while the
answer only changes when a build or a removal changes the documents. So the result is kept in the store's
folder, ``derived/compare-KEY.json``, where KEY hashes what the answer depends on: the documents (how many,
and the newest extraction time, which every build stamps on each document it writes), the links between
them, the kg version and the comparison's code and rules (kg/query/compare_state.rq reads the store's part
in a few milliseconds). ``kg build`` computes it when it ends (kg.build), so the first ``kg conflicts``
only reads it; a rebuild, an upgrade or an edited rule file computes it afresh. Remote stores or a
directory that cannot be written simply compute every time. The file holds plain claim rows (JSON), never
code.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.compare.documents import clusters
from kg.compare.grouping import Group, agreements_of, conflicts_of, measures
from kg.compare.values import about_matches
from kg.query.state import state_key

FOLDER = "derived"


@dataclass
class Compared:
    """Every conflict (with its number of independent sources) and agreement of a store."""

    conflicts: list[tuple[Group, int]]
    agreements: list[tuple[Group, int]]

    def conflicts_about(self, about: str | None) -> list[tuple[Group, int]]:
        return [(g, n) for g, n in self.conflicts if not about or any(about_matches(c, about) for c in g.claims)]

    def agreements_about(self, about: str | None) -> list[tuple[Group, int]]:
        return [(g, n) for g, n in self.agreements if not about or any(about_matches(c, about) for c in g.claims)]


@cache
def code_hash() -> str:
    """A hash of what decides the answer: this package's code and rules, and the number lexicons it reads."""
    here = Path(__file__).parent
    files = sorted(here.glob("*.py")) + sorted((here / "rules").glob("*"))
    files += sorted((here.parent / "extract" / "rules").glob("number_*"))
    files.append(here.parent / "extract" / "numbers" / "parse.py")  # format_value: the kept shown_value
    files += sorted((here.parent / "query").glob("compare*.rq"))  # the rows the groups are made of
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def cache_file(store) -> Path | None:
    """Where this state of a local store keeps its comparison, or None when it cannot be kept."""
    found = state_key(store, code_hash())
    if found is None:
        return None
    return found[0] / FOLDER / f"compare-{found[1]}.json"


def compute(rows: list[dict], store=None, progress: Callable[[int, int], None] | None = None) -> Compared:
    """Group ``rows`` once and derive both answers; with ``store``, the claims of the groups found get every
    column they are shown with (kg.compare.store.detail_rows). ``progress(done, total)``: claims grouped."""
    groups = measures(rows, progress)
    cl = clusters(rows)
    result = Compared([(g, g.independent(cl)) for g in conflicts_of(groups)], agreements_of(groups, cl))
    if store is not None:
        from kg.compare.store import detail_rows

        shown = [g for g, _n in result.conflicts + result.agreements]
        full = detail_rows(store, [c["claim"] for g in shown for c in g.claims])
        from kg.compare.values import show_value

        for g in shown:
            g.claims = [{**full.get(c["claim"], {}), **c} for c in g.claims]
            for c in g.claims:  # as printed ("≈1,400"): the formatter sits behind spaCy's import, which the
                c["shown_value"] = show_value(c)  # CLI, reading the kept answer, then never pays for
    return result


def _load(f: Path) -> Compared | None:
    try:
        data = json.loads(f.read_text(encoding="utf-8"))
        return Compared([(Group(x["claims"]), int(x["independent"])) for x in data["conflicts"]],
                        [(Group(x["claims"]), int(x["independent"])) for x in data["agreements"]])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing, partly written by a killed process, or from another layout: compute again


def _save(f: Path, result: Compared) -> None:
    data = {kind: [{"claims": g.claims, "independent": n} for g, n in pairs]
            for kind, pairs in (("conflicts", result.conflicts), ("agreements", result.agreements))}
    try:
        f.parent.mkdir(exist_ok=True)
        tmp = f.with_name(f".{f.name}.{os.getpid()}")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, f)
        for old in f.parent.glob("compare-*.json"):  # answers for earlier states of the store
            if old != f:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only store directory: the answer is just not kept


def warm(store, progress: Callable[[int, int], None] | None = None) -> bool:
    """Compute and keep the answer for the store as a build leaves it (kg.build), so that the first
    ``kg conflicts`` after a build only reads it. False when the store cannot keep one. ``progress(done,
    total)`` is told how many of the claims are grouped (kg.compare.grouping.measures)."""
    f = cache_file(store)
    if f is None:
        return False
    if not f.exists() or _load(f) is None:
        from kg.compare.store import comparison_rows

        _save(f, compute(comparison_rows(store), store, progress))
    return f.exists()


def compared(store, use_cache: bool = True) -> Compared:
    """The conflicts and agreements of every numeric claim in ``store`` (kept per state of the store)."""
    from kg.compare.store import comparison_rows

    f = cache_file(store) if use_cache else None
    if f is not None and f.exists():
        hit = _load(f)
        if hit is not None:
            return hit
    result = compute(comparison_rows(store), store)
    if f is not None:
        _save(f, result)
    return result

"""Why two claims are not in one group: the reading aid behind the comparability rules (kg.compare.frames)."""

from __future__ import annotations

from kg.compare.dispute import f_may_dispute
from kg.compare.frames import (
    Frame,
    f_same_counted,
    f_same_magnitude,
    f_same_owner,
    f_same_predicate,
    f_same_scope,
    f_same_story,
    near_copies,
)
from kg.compare.timing import f_same_time


def why_not(a: Frame, b: Frame) -> list[str]:
    """Every test of ``f_same_measure`` that two claims fail, by name ([] when they measure the same thing):
    the reading aid for a pair a user expected in a group ("unit", "story", "time", ...); "dispute" names
    the tests only a disagreement needs (kg.compare.dispute)."""
    out = []
    checks = (
        ("change", lambda: a.change == b.change),
        ("unit", lambda: a.dim == b.dim),
        ("counted thing", lambda: f_same_counted(a, b)),
        ("magnitude", lambda: f_same_magnitude(a, b)),
        ("story", lambda: a.doc == b.doc or bool(a.subject or b.subject) or a.kind == b.kind == "threshold"
         or f_same_story(a, b)),
        ("kind of figure", lambda: a.kind == b.kind),
        ("near copy", lambda: a.doc == b.doc or a.ordinal == b.ordinal or not near_copies(a, b)),
        ("event", lambda: f_same_predicate(a, b)),
        ("place or years", lambda: f_same_scope(a, b)),
        ("owner", lambda: f_same_owner(a, b)),
        ("time", lambda: f_same_time(a, b)),
        # what only a disagreement needs (kg.compare.dispute): a plan is not a fact, a running total not a later one
        ("dispute", lambda: a.doc == b.doc or "total" not in (a.tally_group, b.tally_group) and f_may_dispute(a, b)),
    )
    for name, ok in checks:
        if not ok():
            out.append(name)
    return out

"""``kg trace`` gives exactly the rows of kg/query/trace.rq as one query: from the rows the build kept
(kg.query.rowindex), found claim-first on a checkpoint that keeps its distinct values (kg.query.index), and
on a store that is scanned every time."""

from __future__ import annotations

import pytest

from kg.compare.store import trace_sparql
from kg.query.index import distinct_values
from kg.query.trace import COLUMNS, trace_rows

LINKS = ("republication_of", "reuses_passages_of", "same_story_as")


def _normal(rows: list[dict]) -> list[tuple]:
    """Rows as sorted tuples; the ids of a link column in sorted order (GROUP_CONCAT's order is the engine's)."""
    out = []
    for r in rows:
        r = {**r, **{k: " ".join(sorted((r.get(k) or "").split())) for k in LINKS}}
        out.append(tuple(r.get(c) for c in COLUMNS))
    return sorted(out, key=repr)


CASES = [
    (1400, 0.005),          # two stated values and a range (1,000 to 2,000) that contains it
    (1400, 0.5),            # a wide tolerance: many distinct values in the window
    (1.4e9, 0.01),          # 1,390 / 1,400 (twice: an original and its republication) / 1,410 million
    (1.4e9, 0.005),         # only the 1,400 million of the original and its copy
    (13, 0.005),            # inside the range 12 to 15 only
    (15, 0.0),              # the end of a range, no tolerance
    (0.025, 0.005),         # a percentage, stored as a fraction
    (3000, 0.005),
    (7.5, 0.005),           # nothing
    (0, 0.005),             # zero: a window of width zero
    (-40, 0.1),             # negative: nothing
    (50, 0.2),              # 40 exactly at the edge of the window (|40 - 50| = 0.2 × 50): in
    (50, 0.19),             # and just outside it
    (2000, 0.0),            # the end of the range 1,000 to 2,000
]


@pytest.mark.parametrize(("target", "tolerance"), CASES)
@pytest.mark.parametrize("which", ["own_store", "own_store_checkpoint", "own_store_scanned"])
def test_trace_rows_equal_the_one_query(request, which, target, tolerance):
    store = request.getfixturevalue(which)
    _, expected = store.select(trace_sparql(target, tolerance))
    for _ in range(2):  # on a checkpoint: a scan first, then the kept values (kg.query.index)
        assert _normal(trace_rows(store, target, tolerance)) == _normal(expected)


def test_the_cases_find_what_they_should(own_store):
    by_doc = {r["doc"]: r for r in trace_rows(own_store, 1.4e9, 0.005)}
    assert sorted(by_doc) == ["articles-1", "articles-2"]
    assert by_doc["articles-2"]["republication_of"] == "articles-1"
    assert by_doc["articles-2"]["publisher"] == "Coastal Wire"
    rows = trace_rows(own_store, 1400, 0.005)
    assert {(r["doc"], r["value"], r["value_max"]) for r in rows} == {
        ("articles-1", 1400, None), ("articles-2", 1400, None), ("articles-4", 1000, 2000)}
    assert {r["source_canonical"] for r in rows if r["doc"] != "articles-4"} == {"Maria Lindqvist"}
    assert [r["doc"] for r in trace_rows(own_store, 13, 0.005)] == ["articles-1", "articles-2"]


def test_only_a_store_that_cannot_change_keeps_its_values(own_store, own_store_scanned, seeds_store):
    distinct_values(own_store)  # the first time it may not be read yet: a command run once just scans
    floats, terms = distinct_values(own_store)
    assert floats == sorted(floats) and len(floats) == len(terms) == len(set(terms))
    assert 1400.0 in floats and 1.4e9 in floats
    assert distinct_values(own_store_scanned) is None and distinct_values(own_store_scanned) is None
    assert distinct_values(seeds_store) is None and distinct_values(seeds_store) is None  # a writer: it may change


@pytest.mark.parametrize(("target", "tolerance"), CASES)
def test_kept_rows_come_in_the_order_of_the_claim_first_rows(own_store, own_store_scanned, target, tolerance):
    # the kept rows are read in the order they were written (kg.query.rowindex sorts them as it keeps them)
    from kg.query.rowindex import trace_rows as kept_rows
    from kg.query.trace import claim_rows, matching

    kept = kept_rows(own_store, target, tolerance)
    assert kept is not None
    assert kept == claim_rows(own_store_scanned, matching(own_store_scanned, target, tolerance))

"""Which numeric claims disagree: table of claim pairs → verdict."""

import pytest

from kg.viz.conflicts import conflicts, disagree, interval


def _n(value, qualifier="exact", doc="a", head="company", **kw):
    return {"value": value, "qualifier": qualifier, "doc": doc, "counts_head": head, **kw}


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (_n(1000, "approx"), _n(1400, doc="b"), True),  # nearly 1,000 vs 1,400
        (_n(1000, "approx"), _n(1050, "approx", doc="b"), False),  # both rounded, close enough
        (_n(1000, "over"), _n(1400, doc="b"), False),  # "more than 1,000" allows 1,400
        (_n(1000, "under"), _n(1400, doc="b"), True),
        (_n(1000), _n(1400), False),  # same document: an update, not a contradiction
        (_n(1000), _n(1400, doc="b", head="worker"), False),  # different things counted
        (_n(10, unit="%"), _n(20, doc="b"), False),  # percent vs count
        (_n(1000, place="Kazakhstan"), _n(1400, doc="b", place="Russia"), False),  # different places
        (_n(1000, time="2022"), _n(1400, doc="b"), True),  # one scope missing: still comparable
        (_n(1000, value_max=1500), _n(1400, doc="b"), False),  # range holds the other value
        (_n(1000, head=None), _n(1400, doc="b", head=None), False),
        (_n(50, predicate="relocated to Kazakhstan"), _n(1000, doc="b", predicate="left Russia"), False),
        (_n(1000, predicate="have left Russia"), _n(1400, doc="b", predicate="left the Russian market"), True),
        (_n(1000, predicate="have left Russia"), _n(1400, doc="b"), True),  # one says nothing: comparable
    ],
)
def test_disagree_table(a, b, expected):
    assert disagree(a, b) is expected
    assert disagree(b, a) is expected


def test_interval_of_qualifiers():
    assert interval(100, "exact") == (100, 100)
    assert interval(100, "at_least")[1] == float("inf")
    assert interval(100, "at_most")[0] == float("-inf")
    lo, hi = interval(100, "approx")
    assert lo < 100 < hi


def test_conflicts_pairs_each_once_in_stable_order():
    claims = {"c3": _n(1400, doc="b"), "c1": _n(1000, "approx"), "c2": _n(2000, doc="c"), "c4": _n(5, head="bank")}
    assert conflicts(claims) == [("c1", "c2"), ("c1", "c3"), ("c2", "c3")]

"""The rows of kg trace / quotes / stats kept per state of the store (kg.query.rowindex): the same answers as
the .rq queries they replace, used only for the state they were read from, and never trusted when damaged."""

from __future__ import annotations

import shutil

import pytest

from kg.cli.cmd_stats import store_stats
from kg.compare.store import trace_sparql
from kg.query import named, rowindex, rowwrite
from kg.query.quotes import quotes_query, select_quotes
from kg.query.trace import trace_rows
from kg.store import open_store
from tests.query.test_trace import _normal
from tests.stores import build_articles

STORES = ["own_store", "own_store_checkpoint", "own_store_scanned"]


@pytest.mark.parametrize("about", [None, "bank", "HARBOUR", "nothing like this"])
@pytest.mark.parametrize("which", STORES)
def test_quotes_without_a_speaker_equal_the_one_query(request, which, about):
    store = request.getfixturevalue(which)
    assert select_quotes(store, None, about) == store.select(quotes_query(None, about))


@pytest.mark.parametrize("which", STORES)
def test_stats_equal_the_query_and_the_quad_count(request, which):
    store = request.getfixturevalue(which)
    names, rows = store.select(named("stats"))
    assert store_stats(store) == [(n, rows[0][n]) for n in names] + [("quads", len(store))]
    assert dict(store_stats(store))["documents"] == 4


def test_only_the_kept_rows_of_this_state_are_read(own_store, own_store_checkpoint):
    assert rowindex.connection(own_store) is not None
    # the same content without the file: asked, not kept
    assert rowindex.connection(own_store_checkpoint) is None
    assert rowindex.trace_rows(own_store_checkpoint, 1400, 0.005) is None
    assert rowindex.quote_rows(own_store_checkpoint, "Berg", None) is None
    assert rowindex.stats(own_store_checkpoint) is None


@pytest.fixture()
def copied(own_store_path, tmp_path):
    path = tmp_path / "store"
    shutil.copytree(own_store_path, path)
    return path


def test_a_build_that_adds_a_document_keeps_new_rows(copied, nlp):
    old = rowindex.index_file(open_store(str(copied), read_only=True))
    assert old.exists()
    build_articles(copied.parent, [{"title": "Westmoor mill", "text":
                                    "The Westmoor mill said it had shipped 4,321 tonnes of paper in May. "
                                    "\u201cDemand is back,\u201d said Ivo Sand, its manager."}], name="mill")
    store = open_store(str(copied), read_only=True)
    new = rowindex.index_file(store)
    assert new != old and new.exists() and not old.exists()  # the rows of the earlier state are gone
    rows = rowindex.trace_rows(store, 4321, 0.005)
    assert [r["value"] for r in rows] == [4321]
    assert _normal(rows) == _normal(store.select(trace_sparql(4321, 0.005))[1])
    assert [r["speaker"] for r in rowindex.quote_rows(store, "ivo sand", None)[1]] == ["Ivo Sand"]
    assert dict(store_stats(store))["documents"] == 5


def test_a_removal_is_another_state_until_the_next_build(copied, nlp):
    from kg.build import remove

    writer = open_store(str(copied))
    assert rowindex.connection(writer) is not None  # the writer's handle of the state the build kept
    assert remove(["articles-3"], writer) == ["articles-3"]
    assert rowindex.connection(writer) is None
    names, rows = writer.select(quotes_query("Berg", None))
    assert rows == [] and select_quotes(writer, "Berg", None) == (names, rows)
    writer.close()


@pytest.mark.parametrize("damage", [b"", b"not a database at all " * 100])
def test_a_damaged_file_is_not_trusted(copied, damage):
    store = open_store(str(copied), read_only=True)
    f = rowindex.index_file(store)
    f.write_bytes(damage)
    fresh = open_store(str(copied), read_only=True)
    assert rowindex.connection(fresh) is None
    assert select_quotes(fresh, "Lindqvist", None) == fresh.select(quotes_query("Lindqvist", None))
    assert _normal(trace_rows(fresh, 1400, 0.005)) == _normal(fresh.select(trace_sparql(1400, 0.005))[1])
    f.unlink()
    steps = []
    assert rowindex.warm(fresh, lambda done, total: steps.append((done, total)))
    assert rowindex.connection(open_store(str(copied), read_only=True)) is not None
    # the build's "Keeping query rows" stage: every step of writing the file, in order, then none to do
    total = len(rowwrite.STEPS)
    assert steps == [(i, total) for i in range(total + 1)]
    steps.clear()
    assert rowindex.warm(fresh, lambda done, total: steps.append((done, total)))
    assert steps == [(0, total), (total, total)]


def test_a_file_left_half_written_is_not_read(copied):
    import sqlite3

    store = open_store(str(copied), read_only=True)
    f = rowindex.index_file(store)
    with sqlite3.connect(f) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'complete'")
    conn.close()
    assert rowindex.connection(open_store(str(copied), read_only=True)) is None


def test_a_remote_store_keeps_nothing():
    from kg.store.remote import RemoteStore

    remote = RemoteStore("http://127.0.0.1:9/sparql")  # nothing is asked of it: it has no folder to keep rows in
    assert rowindex.index_file(remote) is None and rowindex.warm(remote) is False
    assert rowindex.trace_rows(remote, 1400, 0.005) is None

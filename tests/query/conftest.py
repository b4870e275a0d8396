"""A small real store built from articles written for these tests (fictional banks, towns and people), read
the way ``kg serve`` and the CLI read a store (a published checkpoint opened read-only, with the rows kept
by the build), and the same content without kept rows, as a checkpoint and as a store that may change."""

from __future__ import annotations

import shutil

import pytest

from tests.stores import build_articles

HARBOUR = ("Harbour Bank said on Monday that its net profit rose to 1,400 million crowns last year. "
           "\u201cOur customers kept saving through a hard winter,\u201d chief executive Maria Lindqvist said. "
           "She said the bank would open 12 to 15 new branches in the north. Lindqvist said about 3,000 people "
           "now work for the bank, and that nearly 1,400 of them joined in the past five years.")
ARTICLES = [
    {"title": "Harbour Bank lifts profit", "date": "2025-03-03", "publisher": "Northern Ledger", "text": HARBOUR},
    # the same story carried by a second outlet: a republication
    {"title": "Harbour Bank profit up", "date": "2025-03-04", "publisher": "Coastal Wire", "text": HARBOUR},
    {"title": "Quarry Bank cautious", "date": "2025-03-05", "publisher": "Northern Ledger",
     "text": "Quarry Bank reported a net profit of 1,390 million crowns for the year. \u201cWe remain cautious "
             "about the months ahead,\u201d said Tomas Berg, the bank's chairman. Berg added that 2.5 percent of "
             "its loans were late. The national regulator said 40 banks had filed their reports on time. "
             "\u201cWe will keep every branch open,\u201d Berg said, \u201cand we will hire 30 more advisers.\u201d "
             "Its deposits rose by 5 percent in the second half."},
    {"title": "Eastport approves budget", "text":
     "The council of Eastport approved a budget of 1,410 million crowns on Tuesday, mayor Anna Kowal said. "
     "Kowal said the plan would create between 1,000 and 2,000 jobs in the port. \u201cThis is a good day for "
     "the harbour,\u201d she told reporters. Maria Lindqvist of Harbour Bank said the bank would lend 200 "
     "million crowns to the port."},
]


@pytest.fixture(scope="session")
def own_store_path(tmp_path_factory, nlp):
    """The articles above built with ``kg build`` and closed (so the build is published for readers); the
    build kept the rows of kg trace / quotes / stats for this state of the store (kg.query.rowindex)."""
    return build_articles(tmp_path_factory.mktemp("own-store"), ARTICLES)


@pytest.fixture(scope="session")
def own_store(own_store_path):
    """The store read-only, with its kept rows: what a reader sees after ``kg build``."""
    from kg.query.rowindex import connection
    from kg.store import open_store

    store = open_store(str(own_store_path), read_only=True)
    assert store.immutable
    assert connection(store) is not None
    return store


@pytest.fixture(scope="session")
def bare_store_path(own_store_path, tmp_path_factory):
    """A copy of the store without the kept rows (a store built before they existed)."""
    from kg.query.rowindex import FOLDER, PREFIX

    path = tmp_path_factory.mktemp("bare-store") / "store"
    shutil.copytree(own_store_path, path)
    kept = list((path / FOLDER).glob(f"{PREFIX}*"))
    assert kept
    for f in kept:
        f.unlink()
    return path


@pytest.fixture(scope="session")
def own_store_checkpoint(bare_store_path):
    """The copy read-only: a checkpoint that cannot change, so queries may keep the lists they read from it
    (kg.query.index), but no kept rows."""
    from kg.query.rowindex import connection
    from kg.store import open_store

    store = open_store(str(bare_store_path), read_only=True)
    assert store.immutable and connection(store) is None
    return store


@pytest.fixture(scope="session")
def own_store_scanned(bare_store_path):
    """The copy read as a store that may change (nothing kept: every query asks the store)."""
    from kg.store import open_store

    store = open_store(str(bare_store_path), read_only=True)
    store.immutable = False
    return store

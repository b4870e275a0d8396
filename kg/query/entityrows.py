"""The answers of ``kg entity`` kept per state of a store, beside the rows of ``kg trace`` / ``kg quotes``
(kg.query.rowindex writes both into one SQLite file, one key, one "complete" mark).

An entity named in 1,500 documents (the most mentioned at 9,000 Reuters articles: "United States") costs
~400 ms to summarise and to read everything said by and about it, claim by claim, and ~20 s the first time
(cold caches). The answer only changes with the documents. So as ``kg build`` ends, every canonical entity is
summarised (``kg.query.entities._summaries``, the same function a lookup calls, unbound), everything said by and about
them is read at once (``kg.query.entities.every_part_row``: each part of entity.rq unbound, one join over the
store) and kept:

- ``entities``: one row per entity a lookup can find (the resolver made it, kg types it, it has mentions):
  its summary as JSON;
- ``entity_labels``: its labels and alternative labels, as stored and lower-cased (what a name is matched on);
- ``entity_rows``: the rows of entity.rq of every canonical entity (by IRI), JSON, ranked in ``row_order``, so
  the rows of any entities read by rank are in the order ``said_by_and_about`` gives.

A lookup then runs ``lookup_entities``'s two steps on those tables: an exact label in one of the spellings
it tries (as typed, lower case, Title Case, CAPITALS, first letter up), else every label that contains the
name (any case), then the same exact-or-contains choice. Tests compare both ways on every path.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable

import pyoxigraph as ox

TABLES = """
    CREATE TABLE entities (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE, mentions INTEGER NOT NULL,
                           label TEXT NOT NULL, summary TEXT NOT NULL);
    CREATE TABLE entity_labels (entity INTEGER NOT NULL, label TEXT NOT NULL, low TEXT NOT NULL,
                                plain INTEGER NOT NULL);
    CREATE TABLE entity_rows (rank INTEGER PRIMARY KEY, entity TEXT NOT NULL, row TEXT NOT NULL);
"""
INDEXES = """
    CREATE INDEX entity_labels_label ON entity_labels (label) WHERE plain = 1;
    CREATE INDEX entity_rows_entity ON entity_rows (entity, rank);
"""


def write(store, conn: sqlite3.Connection, step: Callable[[], None] = lambda: None) -> None:
    """Keep every entity's summary, labels and rows in ``conn`` (an open file being written); ``step()`` after
    the summaries, the labels and the rows (kg.query.rowwrite.STEPS)."""
    from kg.query.entities import _summaries, every_part_row

    summaries = _summaries(store, None)  # every entity the resolver made, each query over the whole store once
    ids = {s.iri: n for n, s in enumerate(summaries, 1)}
    conn.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?)", (
        (ids[s.iri], s.iri, s.mentions, s.label, json.dumps(
            [s.label, s.type, sorted(s.alt_labels), list(s.mentions_by_doc.items()),
             list(s.mentions_by_source.items())], ensure_ascii=False)) for s in summaries))
    step()
    labels = set()
    for sol in store.raw_query("SELECT ?entity ?label WHERE { ?entity rdfs:label|skos:altLabel ?label }"):
        term, e = sol["label"], sol["entity"]
        if isinstance(term, ox.Literal) and e.value in ids:
            # what a VALUES list of plain strings finds (lookup_entities' first step)
            plain = term.language is None and term.datatype.value.endswith("#string")
            labels.add((ids[e.value], term.value, term.value.lower(), int(plain)))
    conn.executemany("INSERT INTO entity_labels VALUES (?, ?, ?, ?)", sorted(labels))
    step()
    conn.executemany("INSERT INTO entity_rows VALUES (?, ?, ?)", (  # every_part_row gives them in row_order
        (n, r["entity"], json.dumps(r, ensure_ascii=False)) for n, r in enumerate(every_part_row(store))))
    conn.executescript(INDEXES)
    step()


def _summary(iri: str, text: str):
    from kg.query.entities import EntitySummary

    label, type_, alts, by_doc, by_source = json.loads(text)
    return EntitySummary(iri=iri, label=label, type=type_, alt_labels=set(alts), mentions_by_doc=Counter(dict(by_doc)),
                         mentions_by_source=Counter(dict(by_source)))


def _found(conn: sqlite3.Connection, where: str, args: tuple) -> list:
    found = conn.execute(f"SELECT iri, summary FROM entities WHERE id IN (SELECT entity FROM entity_labels WHERE "
                         f"{where})", args).fetchall()
    # most mentioned first, as _summaries orders them (ties by IRI: the order it reads them in)
    return sorted((_summary(i, t) for i, t in found), key=lambda s: (-s.mentions, s.label, s.iri))


def kept_lookup(store, name: str) -> list | None:
    """``kg.query.entities.lookup_entities`` from the kept tables, or None when the store keeps none."""
    from kg.query.rowindex import kept

    key = name.strip()
    spellings = sorted({key, key.lower(), key.title(), key.upper(), key[:1].upper() + key[1:]})
    with kept(store) as conn:
        if conn is None:
            return None
        # an exact label as typed, in lower case, Title Case or CAPITALS
        exact = [s for s in _found(conn, f"plain = 1 AND label IN ({', '.join('?' * len(spellings))})",
                                   tuple(spellings)) if s.matches(key, exact=True)]
        if exact:
            return exact
        # any other case, or a part of a label
        summaries = _found(conn, "instr(low, ?) > 0", (key.lower(),))
    return [s for s in summaries if s.matches(key, exact=True)] or [s for s in summaries if s.matches(key)]


def kept_rows(store, iris: list[str]) -> list[dict] | None:
    """``kg.query.entities.said_by_and_about`` from the kept rows, or None when the store keeps none."""
    from kg.query.rowindex import kept

    with kept(store) as conn:
        if conn is None:
            return None
        found = []
        for i in range(0, len(iris), 500):
            chunk = iris[i : i + 500]
            found += conn.execute(f"SELECT rank, row FROM entity_rows WHERE entity IN ({', '.join('?' * len(chunk))})",
                                  tuple(chunk)).fetchall()
    return [json.loads(t) for _, t in sorted(found)]

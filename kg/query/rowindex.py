"""The rows of ``kg trace``, ``kg quotes``, ``kg stats`` and ``kg entity`` kept per state of a store, in SQLite.

At a few million quads one ``kg trace`` of a common value returns hundreds of claims, and Oxigraph spends
15–20 µs of CPU decoding every term of them; ``kg quotes --speaker`` pays the same per quote. Yet the answers
only change when a build or a removal changes the documents. So ``kg build``, as it ends, runs
``kg/query/trace.rq`` and ``kg/query/quotes.rq`` once over every claim (with no target, no filter) and
keeps their rows in ``<store>/derived/queries-KEY.sqlite`` (Python's own ``sqlite3``: indexed lookups by
value, a file any tool can read, nothing to install). A query then reads only the rows it returns. The
same file keeps ``kg entity``'s summaries and rows (kg.query.entityrows).

KEY hashes what the rows depend on, the same state ``kg conflicts`` keys its kept answer by
(``kg/query/compare_state.rq``: how many documents, the newest extraction time, the links), the kg version
and the code that writes the file (kg.query.rowwrite) with the queries it keeps — not the reading code here.
Any other state of the store — a writer that has stored more since, a remote server, a store built before
this file existed, a directory that cannot be written — has no file for its key, and the callers ask the
store as before. A row is plain JSON, never code.

Filters run here exactly as the ``.rq`` files state them (tests compare both on every path):
trace.rq's ``ABS(?value - ?target) <= ?tolerance * ABS(?target)`` or a range that contains the target, in
decimal arithmetic; quotes.rq's case-insensitive CONTAINS on the speaker's name, mention or canonical
label, and on the content.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import weakref
from collections.abc import Callable
from contextlib import contextmanager
from decimal import Decimal
from functools import cache
from itertools import count
from pathlib import Path

from kg.query.rowwrite import LAYOUT, STEPS, real
from kg.query.rowwrite import low as _low
from kg.query.rowwrite import write as _write
from kg.query.state import state_key

FOLDER = "derived"
PREFIX = "queries-"
SLACK = 1e-9  # the float window around a target is widened by this much before the exact decimal test

_FILES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # store that cannot change → its file


@cache
def code_hash() -> str:
    """The code that writes the rows (kg.query.rowwrite) and the queries whose rows it keeps: a changed query
    or layout is another key. The reading code here is not part of it: reading the same file differently
    needs no new one."""
    here = Path(__file__).parent
    h = hashlib.sha256(LAYOUT.encode())
    for f in (here / "rowwrite.py", here / "trace.rq", here / "quotes.rq", here / "stats.rq",
              here / "quotes.py", here / "entityrows.py", here / "entities.py", *sorted(here.glob("entity_*.rq"))):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def index_file(store) -> Path | None:
    """Where this state of a local store keeps its rows (the file may not exist), or None when it cannot."""
    found = state_key(store, code_hash())
    if found is None:
        return None
    return found[0] / FOLDER / f"{PREFIX}{found[1]}.sqlite"


def connection(store) -> sqlite3.Connection | None:
    """A read-only connection to the kept rows of the store's current state (the caller closes it); None
    when it has none. A store that cannot change (a published checkpoint) computes its key once per
    handle; any other store every time. A new connection per call: ``kg serve`` asks from many threads."""
    f = None
    immutable = getattr(store, "immutable", False)
    if immutable:
        try:
            f = _FILES[store] if store in _FILES else _FILES.setdefault(store, index_file(store))
        except TypeError:  # a store that cannot be weakly referenced
            f = index_file(store)
    else:
        f = index_file(store)
    if f is None or not f.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{f}?mode=ro", uri=True)
        if conn.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone() is not None:
            return conn
        conn.close()
    except sqlite3.Error:
        pass  # a file from another layout, or damaged: ask the store
    return None


# ------------------------------------------------------------------------------------------------ writing
def warm(store, progress: Callable[[int, int], None] | None = None) -> bool:
    """Keep the rows for the store as it is now (``kg build`` calls this as it ends). False when the store
    cannot keep them (remote, empty, a directory that cannot be written). ``progress(done, total)``: the steps
    of writing them done (kg.query.rowwrite.STEPS), from (0, total) to (total, total) — at once when the rows
    are kept already."""
    total = len(STEPS)
    tell = progress or (lambda done, total: None)
    done = count(1)
    tell(0, total)
    f = index_file(store)
    if f is None:
        return False
    if f.exists():
        tell(total, total)
        return True
    try:
        f.parent.mkdir(exist_ok=True)
        tmp = f.with_name(f".{f.name}.{os.getpid()}")
        tmp.unlink(missing_ok=True)
        _write(store, tmp, lambda: tell(next(done), total))
        os.replace(tmp, f)
    except (OSError, sqlite3.Error):
        return False  # a read-only store directory: the rows are just not kept
    for old in f.parent.glob(f"{PREFIX}*.sqlite"):  # rows of earlier states of the store
        if old != f:
            old.unlink(missing_ok=True)
    return True


def _meta(conn: sqlite3.Connection, key: str):
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


# ------------------------------------------------------------------------------------------------ reading
@contextmanager
def kept(store):
    """A read-only connection to the kept rows of the store's state (None when it has none), closed after."""
    conn = connection(store)
    try:
        yield conn
    finally:
        if conn is not None:
            conn.close()


def trace_rows(store, target: float, tolerance: float) -> list[dict] | None:
    """``kg.query.trace.trace_rows`` from the kept rows, or None when the store keeps none."""
    from kg.query.terms import number

    t, tol = float(target), float(tolerance)
    exact_t, exact_tol = Decimal(_lexical(number(t))), Decimal(_lexical(number(tol)))
    reach = abs(tol * t)
    slack = SLACK * max(1.0, abs(t), reach)
    lo, hi = t - reach - slack, t + reach + slack
    with kept(store) as conn:
        if conn is None:
            return None
        columns = _meta(conn, "trace_columns")
        # candidates by the float index: the window, then the ranges around the target outside it (each query
        # on its own index). "sure": inside the window by more than the slack, so trace.rq's exact test passes
        # (the float error of the difference is ~1e-16 of the values, the slack 1e-9); the others are tested in
        # decimals
        found = conn.execute("SELECT id, row, abs(value - ?) <= ? FROM trace WHERE value BETWEEN ? AND ?",
                             (t, reach - slack, lo, hi)).fetchall()
        found += conn.execute("SELECT id, row, 0 FROM trace WHERE value_max IS NOT NULL AND value <= ? AND "
                              "value_max >= ? AND (value < ? OR value > ?)", (t + slack, t - slack, lo, hi)).fetchall()
    found.sort()  # by id: the order the rows were kept in (_trace_order)
    out = []
    # one JSON text for all of them: a third less time than a json.loads per row
    for (_, _, sure), values in zip(found, json.loads("[" + ",".join(text for _, text, _ in found) + "]"),
                                    strict=True):
        row = dict(zip(columns, values, strict=True))
        if sure or _passes(row["value"], row["value_max"], exact_t, exact_tol):
            out.append(row)
    return out


def _lexical(term: str) -> str:
    return term.split('"')[1]  # "1400"^^xsd:decimal → 1400


def _passes(value, value_max, target: Decimal, tolerance: Decimal) -> bool:
    """trace.rq's FILTER in decimals (what Oxigraph computes for xsd:decimal)."""
    if real(value) is None:
        return False
    v = Decimal(repr(float(value)))
    if abs(v - target) <= tolerance * abs(target):
        return True
    return real(value_max) is not None and v <= target <= Decimal(repr(float(value_max)))


def quote_rows(store, speaker: str | None, about: str | None) -> tuple[list[str], list[dict]] | None:
    """``kg.query.quotes.select_quotes`` from the kept rows, or None when the store keeps none."""
    need = (about or "").lower()
    who = (speaker or "").lower()
    with kept(store) as conn:
        if conn is None:
            return None
        names = _meta(conn, "quote_columns")
        if not speaker:
            found = conn.execute("SELECT row FROM quotes WHERE instr(content, ?) > 0 ORDER BY id", (need,)).fetchall()
        else:  # the quotes of the distinct names that contain it
            found = conn.execute("SELECT row FROM quotes WHERE quote IN (SELECT nq.quote FROM names n JOIN name_quotes "
                                 "nq ON nq.name = n.id WHERE instr(n.name, ?) > 0) AND instr(content, ?) > 0 "
                                 "ORDER BY id", (who, need)).fetchall()
    rows = [dict(zip(names, json.loads(text), strict=True)) for (text,) in found]
    if speaker:
        # quotes.rq's speaker FILTER is per row (a quote with two canonical names has a row for each)
        rows = [r for r in rows if any(who in _low(r[c]) for c in ("speaker", "speaker_mention", "canonical"))]
        rows.sort(key=lambda r: (r["date"] is not None, str(r["date"] or ""), r["doc"], r["start"], r["quote"]))
    return names, rows


def stats(store) -> tuple[list[tuple[str, object]], int] | None:
    """(stats.rq's columns and values, the number of quads) from the kept rows, or None."""
    with kept(store) as conn:
        if conn is None:
            return None
        return [tuple(x) for x in _meta(conn, "stats")], int(_meta(conn, "quads"))

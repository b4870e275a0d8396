"""Writing the rows ``kg.query.rowindex`` keeps: the tables of the SQLite file, and what goes into them.

This module (with the queries it runs) is what the file's key hashes (``rowindex.code_hash``): a change here
is another key, so a file written by other code is never read. Reading the file (kg.query.rowindex) is not
part of the key.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

LAYOUT = "3"  # bump when the tables change (3: the trace rows kept in the order a lookup returns them)
# what writing the file does, in order: ``write`` calls ``step()`` after each (at 9,000 newswire articles each
# takes 10–60 s, so a build can show how far it is)
STEPS = ("trace rows", "quote rows", "entity summaries", "entity labels", "entity rows", "counts")


def write(store, path: Path, step: Callable[[], None] | None = None) -> None:
    """Write every kept table of ``store`` into a new SQLite file at ``path``; ``step()`` after each of STEPS."""
    from kg.query import entityrows, named
    from kg.query.quotes import quotes_query
    from kg.query.terms import bind_values
    from kg.query.trace import COLUMNS, LINKS

    step = step or (lambda: None)
    conn = sqlite3.connect(str(path))
    try:
        conn.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE trace (id INTEGER PRIMARY KEY, value REAL, value_max REAL, row TEXT NOT NULL);
            CREATE TABLE quotes (id INTEGER PRIMARY KEY, quote TEXT NOT NULL, content TEXT, row TEXT NOT NULL);
            CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE name_quotes (name INTEGER NOT NULL, quote TEXT NOT NULL, PRIMARY KEY (name, quote))
                WITHOUT ROWID;
        """)
        # every numeric claim: trace.rq with its VALUES line (UNDEF UNDEF), in the order trace_rows returns them
        # (so a lookup reads them in id order instead of sorting them)
        _, rows = store.select(bind_values(named("trace"), ("target", "tolerance"), [(None, None)]))
        for r in rows:
            for c in LINKS:
                r[c] = _sorted_ids(r[c])
        rows.sort(key=_trace_order)
        conn.executemany("INSERT INTO trace (value, value_max, row) VALUES (?, ?, ?)", (
            (real(r["value"]), real(r["value_max"]), json.dumps([r[c] for c in COLUMNS], ensure_ascii=False))
            for r in rows))
        del rows
        step()
        names, rows = store.select(quotes_query())
        conn.executemany("INSERT INTO quotes (quote, content, row) VALUES (?, ?, ?)", (
            (r["quote"], low(r["content"]), json.dumps([r[n] for n in names], ensure_ascii=False)) for r in rows))
        spoken = sorted({(low(r[c]), r["quote"]) for r in rows
                         for c in ("speaker", "speaker_mention", "canonical") if r[c]})
        ids: dict[str, int] = {}
        for name, _ in spoken:
            ids.setdefault(name, len(ids) + 1)
        conn.executemany("INSERT INTO names (id, name) VALUES (?, ?)", ((i, n) for n, i in ids.items()))
        conn.executemany("INSERT INTO name_quotes (name, quote) VALUES (?, ?)", ((ids[n], q) for n, q in spoken))
        del rows, spoken
        step()
        conn.executescript(entityrows.TABLES)  # kg entity's answers (kg.query.entityrows)
        entityrows.write(store, conn, step)
        stat_names, stat_rows = store.select(named("stats"))
        meta = {"trace_columns": list(COLUMNS), "quote_columns": names,
                "stats": [[n, stat_rows[0][n] if stat_rows else 0] for n in stat_names], "quads": len(store)}
        conn.executemany("INSERT INTO meta VALUES (?, ?)", ((k, json.dumps(v)) for k, v in meta.items()))
        conn.executescript("""
            CREATE INDEX trace_value ON trace (value);
            CREATE INDEX trace_ranges ON trace (value) WHERE value_max IS NOT NULL;
            CREATE INDEX quotes_quote ON quotes (quote);
            INSERT INTO meta VALUES ('complete', '1');
        """)
        conn.commit()
        step()
    finally:
        conn.close()


def _trace_order(row: dict) -> tuple:
    """kg.query.trace.trace_rows's order: by document, offset, claim and value."""
    from kg.query.trace import _pair_key

    return (row["doc"], row["start"], row["claim"], _pair_key((row["value"], row["value_max"])))


def real(x) -> float | None:
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) else None


def low(text) -> str:
    return (text or "").lower() if isinstance(text, str) else ""


def _sorted_ids(text) -> str:
    # GROUP_CONCAT joins in the engine's order; kg.query.trace lists the ids sorted
    return " ".join(sorted(set((text or "").split())))



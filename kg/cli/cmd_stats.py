"""``kg stats`` and ``kg remove``."""

from __future__ import annotations

import typer
from rich.table import Table
from rich.text import Text

from kg.cli.common import STORE_OPTION, console
from kg.query import named
from kg.store import open_store


def stats(store: str = STORE_OPTION) -> None:
    """How many documents, claims, entities and links the store holds."""
    st = open_store(store, read_only=True)
    table = Table(title=f"kg store {store}", show_header=False, title_justify="left")
    for n, value in store_stats(st):
        table.add_row(n, str(value))
    console.print(table)


def store_stats(st) -> list[tuple[str, object]]:
    """stats.rq's counts and the number of quads: kept for this state of the store when it has them
    (kg.query.rowindex; counting quads reads every one, ~1 s at four million), else asked."""
    from kg.query.rowindex import stats as kept

    found = kept(st)
    if found is not None:
        counts, quads = found
        return [*counts, ("quads", quads)]
    names, rows = st.select(named("stats"))
    return [(n, rows[0][n]) for n in names] + [("quads", len(st))]


def remove(
    doc_ids: list[str] = typer.Argument(..., help="Document ids (file stems) to remove."),
    store: str = STORE_OPTION,
) -> None:
    """Remove documents and their claims from the store."""
    # imported here, not at module top: they pull in spaCy, and `kg --help` should not wait for it
    from kg.build import remove as remove_docs
    st = open_store(store)
    removed = remove_docs(doc_ids, st)
    for d in doc_ids:
        console.print(Text.assemble(("removed", "") if d in removed else ("not in store", "yellow"), " ", d))
    if len(removed) != len(doc_ids):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("stats")(stats)
    app.command("remove")(remove)

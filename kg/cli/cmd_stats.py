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
    names, rows = st.select(named("stats"))
    table = Table(title=f"kg store {store}", show_header=False, title_justify="left")
    for n in names:
        table.add_row(n, str(rows[0][n]))
    table.add_row("quads", str(len(st)))
    console.print(table)


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

"""``kg quotes``: who said what, from the store (the named query ``kg/query/quotes.rq``, kg.query.quotes)."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum

import typer
from rich.table import Table

from kg.cli.common import STORE_OPTION, console
from kg.query.quotes import quotes_query, select_quotes  # noqa: F401 — quotes_query: where tests and users found it
from kg.store import open_store


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def quotes(
    speaker: str = typer.Option(None, "--speaker", help="Only quotes whose speaker's name contains this "
                                "(case-insensitive; also matches the mention and the canonical name)."),
    about: str = typer.Option(None, "--about", help="Only quotes whose content contains this text."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    store: str = STORE_OPTION,
) -> None:
    """List quotations (direct and reported) with speaker, source document, publisher and date."""
    names, rows = select_quotes(open_store(store, read_only=True), speaker, about)
    if fmt is Format.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        w = csv.DictWriter(sys.stdout, fieldnames=names)
        w.writeheader()
        w.writerows(rows)
    else:
        table = Table(title=f"{len(rows)} quote{'s' if len(rows) != 1 else ''}", title_justify="left")
        for col in ("date", "publisher", "doc", "speaker", "quote"):
            table.add_column(col, overflow="fold")
        for r in rows:
            who = r["speaker"] or f"? ({r['speaker_mention'] or 'no speaker'})"
            said = ("“%s”" if r["direct"] else "%s") % r["content"]
            table.add_row(str(r["date"] or ""), r["publisher"] or "", r["doc"], who, said)
        console.print(table)


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes)

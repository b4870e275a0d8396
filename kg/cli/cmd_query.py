"""``kg query``: run SPARQL against the store."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table

from kg.cli.common import STORE_OPTION, console
from kg.errors import InputError
from kg.store import open_store


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def print_rows(names: list[str], rows: list[dict], fmt: Format, title: str | None = None) -> None:
    if fmt is Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif fmt is Format.csv:
        w = csv.DictWriter(sys.stdout, fieldnames=names)
        w.writeheader()
        w.writerows(rows)
    else:
        table = Table(title=title, title_justify="left")
        for n in names:
            table.add_column(n, overflow="fold")
        for r in rows:
            table.add_row(*("" if r[n] is None else str(r[n]) for n in names))
        console.print(table)
        console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", style="dim")


def query(
    sparql: str = typer.Argument(
        None, help="A SPARQL SELECT query; the prefixes kg:, schema:, prov:, oa:, rdfs:, skos:, xsd: are predeclared."
    ),
    file: Path = typer.Option(None, "--file", "-f", help="Read the query from a .rq file."),
    fmt: Format = typer.Option(Format.table, "--format", help="Output format."),
    store: str = STORE_OPTION,
) -> None:
    """Run a SPARQL SELECT query against the store."""
    if file is not None:
        try:
            sparql = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(str(file), f"cannot read query ({exc.strerror})") from None
    if not sparql:
        raise typer.BadParameter("give a query or --file Q.rq")
    names, rows = open_store(store, read_only=True).select(sparql)
    print_rows(names, rows, fmt)


def register(app: typer.Typer) -> None:
    app.command("query")(query)

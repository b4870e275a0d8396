"""``kg claims``: the claims in the store."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum

import typer
from rich.table import Table

from kg.cli.common import STORE_OPTION, console
from kg.query.claims import stored_claims
from kg.store import open_store


class Kind(str, Enum):
    quote = "quote"
    quantity = "quantity"
    relation = "relation"


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _summary(c: dict) -> tuple[str, str]:
    if c["kind"] == "quote":
        return c["speaker"] or "?", ("“%s”" if c["direct"] else "%s") % c["content"]
    if c["kind"] == "quantity":
        return c["source"] or "?", f"{c['text']} {c['counts'] or ''} {c['predicate'] or ''}".strip()
    return c["subject"], f"{c['predicate']} {c['object']}" + (f" ({c['role']})" if c["role"] else "")


def claims(
    kind: Kind = typer.Option(None, "--kind", "-k", help="Only this kind of claim."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    store: str = STORE_OPTION,
) -> None:
    """List the claims in the store (jsonl is the documented claims format)."""
    rows = stored_claims(open_store(store, read_only=True), kind.value if kind else None)
    if fmt is Format.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        fields = list(dict.fromkeys(k for r in rows for k in r))  # every kind's columns, in first-seen order
        w = csv.DictWriter(sys.stdout, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    else:
        table = Table(title=f"{len(rows)} claims", title_justify="left")
        for col in ("doc", "kind", "who", "claim"):
            table.add_column(col, overflow="fold")
        for r in rows:
            who, what = _summary(r)
            table.add_row(r["doc"], r["kind"], who, what)
        console.print(table)


def register(app: typer.Typer) -> None:
    app.command("claims")(claims)

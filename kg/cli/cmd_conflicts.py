"""``kg conflicts`` and ``kg agreements``: claims measuring the same thing, side by side with their sources."""

from __future__ import annotations

import json
import sys
from enum import Enum

import typer
from rich.table import Table
from rich.text import Text

from kg import compare
from kg.cli.cmd_trace import asserted_by, highlighted
from kg.cli.common import STORE_OPTION, console
from kg.store import open_store


class Format(str, Enum):
    table = "table"
    json = "json"


def _group_table(title: str, group: compare.Group) -> Table:
    table = Table(title=title, title_justify="left", show_lines=True)
    for col in ("value", "counts", "asserted by", "document", "sentence"):
        table.add_column(col, overflow="fold")
    for c in group.claims:
        value = Text(c.get("shown_value") or compare.show_value(c), style="bold")
        value.append(f"\n“{c['text']}”", style="dim")
        doc = Text(c.get("title") or c.get("publisher") or c["doc"])
        doc.append(f"\n{c['doc']}", style="dim")
        note = compare.copy_note(c)
        if note:
            doc.append(f"\n{note}", style="yellow")
        counts = " ".join(x for x in (c.get("counts"), c.get("predicate")) if x)
        table.add_row(value, counts, asserted_by(c), doc, highlighted(c))
    return table


def _dump(groups: list[tuple[compare.Group, int]]) -> None:
    out = [{"label": g.label, "why": g.why, "independent_sources": n, "claims": g.claims} for g, n in groups]
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")


def conflicts(
    about: str = typer.Option(None, "--about", "-a", help="Only groups with a claim about this (counted "
                                                           "thing, predicate, place or source words)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    store: str = STORE_OPTION,
) -> None:
    """Show numbers that disagree: claims measuring the same quantity of the same case (same counted thing,
    event, subject or story, place and time) whose values differ beyond their qualifiers and ranges."""
    groups = compare.compared(open_store(store, read_only=True)).conflicts_about(about)
    if fmt is Format.json:
        _dump(groups)
        return
    if not groups:
        console.print("No disagreeing numbers found" + (f" about {about!r}." if about else "."))
        return
    for g, n in groups:
        title = (f"Conflict: {g.label} — {len(g.claims)} claims in {len(g.documents)} documents "
                 f"({n} independent)")
        console.print(_group_table(title, g))
        console.print(Text(f"Comparable because: {g.why}", style="italic"))


def agreements(
    about: str = typer.Option(None, "--about", "-a", help="Only agreements with a claim about this."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    store: str = STORE_OPTION,
) -> None:
    """Show numbers asserted by several independent sources (republications and reused passages count once)."""
    found = compare.compared(open_store(store, read_only=True)).agreements_about(about)
    if fmt is Format.json:
        _dump(found)
        return
    if not found:
        console.print("No number is asserted by two independent sources" + (f" about {about!r}." if about else "."))
        return
    for g, n in found:
        console.print(_group_table(f"Agreement: {g.label} — {n} independent sources", g))
        console.print(Text(f"Comparable because: {g.why}", style="italic"))


def register(app: typer.Typer) -> None:
    app.command("conflicts")(conflicts)
    app.command("agreements")(agreements)

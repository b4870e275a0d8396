"""``kg trace VALUE``: every document that asserted a number, who asserted it, and which documents are copies."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from kg import compare
from kg.cli.common import STORE_OPTION, console
from kg.store import open_store

# claims drawn in the table unless --limit says otherwise: a common value has hundreds at a few thousand
# articles, and drawing each takes ~2 ms
TABLE_LIMIT = 50


class Format(str, Enum):
    table = "table"
    json = "json"


def highlighted(row: dict) -> Text:
    """The claim's sentence with the number in bold reverse video."""
    sentence = row.get("sentence") or ""
    text = Text(sentence)
    offset = int(row.get("sentence_start") or 0)
    start, end = int(row["start"]) - offset, int(row["end"]) - offset
    if 0 <= start < end <= len(sentence):
        text.stylize("bold reverse", start, end)
    return text


def document_label(row: dict, titles: dict[str, str]) -> Text:
    label = Text(row.get("title") or row.get("publisher") or row["doc"], style="bold")
    for part in (row.get("publisher") if row.get("title") else None, row.get("date"), row.get("url")):
        if part:
            label.append(f"\n{part}", style="dim")
    label.append(f"\n{row['doc']}", style="dim")
    note = compare.copy_note(row)
    if note:
        targets = note.split(" of ", 1)[1].split(", ")
        named = ", ".join(titles.get(t, t) for t in targets)
        label.append(f"\n{note.split(' of ')[0]} of {named}", style="yellow")
    return label


def asserted_by(row: dict) -> Text:
    name = row.get("source_canonical") or row.get("source")
    who = Text(name or "—", style="bold")
    if row.get("source") and row["source"] != name:
        who.append(f"\n(as “{row['source']}”)", style="dim")
    if row.get("source_kind"):
        who.append(f"\n({row['source_kind'].replace('_', ' ')})", style="dim")
    return who


def what(row: dict) -> str:
    parts = [row.get("counts") or "", row.get("predicate") or ""]
    scope = ", ".join(x for x in (row.get("place"), row.get("time")) if x)
    return " ".join(p for p in parts if p) + (f" [{scope}]" if scope else "")


def trace(
    value: str = typer.Argument(..., help="The number to trace: 1400, 1,400, '1.4 thousand', 38%, $415."),
    about: str = typer.Option(None, "--about", "-a", help="Only claims about this (counted thing, predicate, "
                                                           "place or source words)."),
    tolerance: float = typer.Option(compare.DEFAULT_TOLERANCE, "--tolerance", "-t",
                                    help="Relative tolerance for near values (0.05 = ±5%)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    html: Path = typer.Option(None, "--html", help="Also write the number's story as a chart to this HTML file."),
    limit: int = typer.Option(None, "--limit", "-n", min=0,
                              help=f"Show the first N claims (the counts in the title are of all of them); 0 = all. "
                                   f"Default: {TABLE_LIMIT} in the table, all as JSON."),
    store: str = STORE_OPTION,
) -> None:
    """Trace a number: every document that asserted it, who asserted it, what it counts, and which copies."""
    rows = compare.trace(open_store(store, read_only=True), value, about, tolerance)
    if html is not None:
        from kg.viz.story import write_trace

        write_trace(html, value, rows, about)
    if fmt is Format.json:
        sys.stdout.write(json.dumps(rows[:limit] if limit else rows, ensure_ascii=False, indent=1) + "\n")
        return
    if not rows:
        console.print(f"No claim in the store asserts {value}" + (f" about {about!r}." if about else "."))
        return
    titles = {r["doc"]: r.get("title") or r.get("publisher") or r["doc"] for r in rows}
    originals = len({compare.clusters(rows)[r["doc"]] for r in rows})
    table = Table(title=f"{value}: {len(rows)} claim{'s' if len(rows) != 1 else ''} in "
                        f"{len({r['doc'] for r in rows})} documents ({originals} independent)",
                  title_justify="left", show_lines=True)
    for col in ("value", "asserted by", "counts", "document", "sentence"):
        table.add_column(col, overflow="fold")
    shown = rows if limit == 0 else rows[: limit or TABLE_LIMIT]
    if len(shown) < len(rows):
        table.caption = f"the first {len(shown)} of {len(rows)} claims; --limit 0 shows all, --format json lists all"
    for r in shown:
        value_text = Text(compare.show_value(r), style="bold")
        value_text.append(f"\n“{r['text']}”", style="dim")
        table.add_row(value_text, asserted_by(r), what(r), document_label(r, titles), highlighted(r))
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("trace")(trace)

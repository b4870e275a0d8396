"""``kg entities`` (canonical entities with mention counts per source) and ``kg entity NAME`` (everything
said by and about one entity across sources, with provenance)."""

from __future__ import annotations

import json
import sys
from enum import Enum

import typer
from rich.table import Table
from rich.text import Text

from kg.cli.common import STORE_OPTION, console
from kg.errors import QueryError
from kg.query.entities import (  # noqa: F401 — EntitySummary, find_entities: where tests and users found them
    EntitySummary,
    entity_summaries,
    find_entities,
    lookup_entities,
    merge_details,
    said_by_and_about,
)
from kg.store import open_store

_FAMILY_OF = {"Organization": {"Organization", "Company", "GovernmentBody", "MediaOutlet", "FinancialInstitution"},
              "Place": {"Place", "Country", "City", "Region"}}


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"


def _matches_type(entity_type: str, wanted: str | None) -> bool:
    if not wanted:
        return True
    w = wanted.strip().lower()
    fam = {k.lower(): v for k, v in _FAMILY_OF.items()}.get(w)
    return entity_type.lower() == w or (fam is not None and entity_type in fam)


def entities(
    type_: str = typer.Option(None, "--type", "-t", help="Only this type (Person, Organization, Company, "
                              "GovernmentBody, MediaOutlet, FinancialInstitution, Place, Country, City, Region, "
                              "Group); Organization and Place include their subtypes."),
    top: int = typer.Option(0, "--top", "-n", help="Only the N most-mentioned entities (0: all)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    store: str = STORE_OPTION,
) -> None:
    """List the entities across all sources with their mention counts per source."""
    rows = [s for s in entity_summaries(open_store(store, read_only=True)) if _matches_type(s.type, type_)]
    if top > 0:
        rows = rows[:top]
    if fmt is Format.jsonl:
        for s in rows:
            sys.stdout.write(json.dumps(s.as_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(rows)} entities", title_justify="left")
    for col in ("entity", "type", "mentions", "docs", "by source"):
        table.add_column(col, overflow="fold")
    for s in rows:
        by_source = ", ".join(f"{k} {v}" for k, v in sorted(s.mentions_by_source.items(), key=lambda kv: -kv[1]))
        table.add_row(s.label, s.type, str(s.mentions), str(len(s.mentions_by_doc)), by_source)
    console.print(table)


def entity(
    name: str = typer.Argument(..., help="A name or alternative label ('Tokayev'); case does not matter."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    store: str = STORE_OPTION,
) -> None:
    """Show everything said by and about one entity across sources, each with document and sentence."""
    st = open_store(store, read_only=True)
    found = lookup_entities(st, name)
    if not found:
        raise QueryError(f"no entity named {name!r} in the store; list them with `kg entities`")
    rows = said_by_and_about(st, [s.iri for s in found])
    details = merge_details(st, [s.iri for s in found])
    empty = {"why": [], "ids": [], "same_as": []}
    if fmt is Format.jsonl:
        for s in found:
            d = details.get(s.iri, empty)
            sys.stdout.write(json.dumps({"kind": "entity", **s.as_dict(), "merge_reasons": d["why"],
                                         "identifiers": d["ids"], "same_as": d["same_as"]},
                                        ensure_ascii=False) + "\n")
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    for s in found:
        alts = ", ".join(sorted(s.alt_labels)) or "-"
        d = details.get(s.iri, empty)
        ids = ", ".join(d["ids"] + d["same_as"])
        why = "".join(f"\n    {w}" for w in d["why"]) or " -"
        console.print(Text.assemble((s.label, "bold"), f" ({s.type}) {s.iri}\n  also: {alts}\n"
                                    f"  mentions: {s.mentions} in {len(s.mentions_by_doc)} documents"
                                    + (f"\n  ids: {ids}" if ids else "") + f"\n  joined because:{why}"))
    table = Table(title=f"{len(rows)} claims by and about it", title_justify="left")
    for col in ("source", "doc", "kind", "claim", "span"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["publisher"] or "-", r["doc"], r["kind"], _claim_text(r), f"{r['start']}-{r['end']}")
    console.print(table)


def _claim_text(r: dict) -> str:
    if r["kind"] == "quote":
        return f"said: “{r['content']}”"
    if r["kind"] == "quantity":
        return f"asserted: {r['content']}"
    other = r["other_canonical"] or r["other"]
    role = f" ({r['role']})" if r["role"] else ""
    if r["side"] == "subject":
        return f"→ {r['predicate']} {other}{role}"
    return f"← {other} {r['predicate']}{role}"


def register(app: typer.Typer) -> None:
    app.command("entities")(entities)
    app.command("entity")(entity)

"""``kg entities`` (canonical entities with mention counts per source) and ``kg entity NAME`` (everything
said by and about one entity across sources, with provenance)."""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import Enum

import typer
from rich.table import Table
from rich.text import Text

from kg.cli.common import STORE_OPTION, console
from kg.errors import QueryError
from kg.query import named
from kg.query.terms import Iri, bind_values, values_clause
from kg.rdf.namespace import KG_NS
from kg.store import open_store

_SEP = "\u001f"
_FAMILY_OF = {"Organization": {"Organization", "Company", "GovernmentBody", "MediaOutlet", "FinancialInstitution"},
              "Place": {"Place", "Country", "City", "Region"}}


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"


@dataclass
class EntitySummary:
    iri: str
    label: str
    type: str
    alt_labels: set[str] = field(default_factory=set)
    mentions_by_doc: Counter = field(default_factory=Counter)
    mentions_by_source: Counter = field(default_factory=Counter)  # outlet, or the document id when unknown

    @property
    def mentions(self) -> int:
        return sum(self.mentions_by_doc.values())

    def as_dict(self) -> dict:
        return {"entity": self.iri, "label": self.label, "type": self.type, "mentions": self.mentions,
                "documents": len(self.mentions_by_doc), "by_source": dict(self.mentions_by_source),
                "alt_labels": sorted(self.alt_labels)}


def _type_of(classes: set[str]) -> str | None:
    """The entity type whose RDF classes (kg.rdf.mapping.TYPE_CLASSES) are exactly these."""
    from kg.rdf.mapping import TYPE_CLASSES

    for name, cls in TYPE_CLASSES.items():
        if {str(c) for c in cls} == classes:
            return name
    return None


def entity_summaries(store) -> list[EntitySummary]:
    _, rows = store.select(named("entities"))
    by_iri: dict[str, EntitySummary] = {}
    classes: dict[str, set[str]] = defaultdict(set)
    seen: set[tuple[str, str]] = set()
    for r in rows:
        iri = r["entity"]
        classes[iri].add(r["class"])
        s = by_iri.get(iri)
        if s is None:
            s = by_iri[iri] = EntitySummary(iri=iri, label=r["label"], type="")
        s.alt_labels |= {a for a in (r["alts"] or "").split(_SEP) if a}
        if (iri, r["doc"]) in seen:  # one row per class: count each document once
            continue
        seen.add((iri, r["doc"]))
        n = int(r["mentions"] or 0)
        s.mentions_by_doc[r["doc"]] += n
        s.mentions_by_source[r["publisher"] or r["doc"]] += n
    out = []
    for iri, s in by_iri.items():
        t = _type_of(classes[iri])
        if t is None:  # not an entity kg types (a document used as a relation subject, say)
            continue
        s.type = t
        out.append(s)
    return sorted(out, key=lambda s: (-s.mentions, s.label))


def find_entities(summaries: list[EntitySummary], name: str) -> list[EntitySummary]:
    """Exact label or alternative label (any case) first; otherwise every entity whose labels contain it."""
    key = name.strip().lower()
    exact = [s for s in summaries if key == s.label.lower() or key in {a.lower() for a in s.alt_labels}]
    if exact:
        return exact
    return [s for s in summaries if key in s.label.lower() or any(key in a.lower() for a in s.alt_labels)]


def said_by_and_about(store, iris: list[str]) -> list[dict]:
    if not iris:
        return []
    query = bind_values(named("entity"), ("entity",), [(Iri(i),) for i in iris])
    _, rows = store.select(query)
    return rows


def merge_details(store, iris: list[str]) -> dict[str, dict[str, list[str]]]:
    """iri -> {"why": ['George Bush: middle name omitted, ...'], "ids": ['iso3166:KZ', ...], "same_as": [...]}."""
    if not iris:
        return {}
    entities = values_clause(("e",), [(Iri(i),) for i in iris])
    props = values_clause(("p",), [(Iri(p),) for p in (f"{KG_NS}mergeReason", "https://schema.org/identifier",
                                                         "https://schema.org/sameAs")])
    query = f"SELECT ?e ?p ?v WHERE {{ {entities} {props} ?e ?p ?v . }}"
    _, rows = store.select(query)
    key = {f"{KG_NS}mergeReason": "why", "https://schema.org/identifier": "ids", "https://schema.org/sameAs": "same_as"}
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"why": [], "ids": [], "same_as": []})
    for r in rows:
        out[r["e"]][key[r["p"]]].append(str(r["v"]))
    return {iri: {k: sorted(v) for k, v in d.items()} for iri, d in out.items()}


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
    found = find_entities(entity_summaries(st), name)
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

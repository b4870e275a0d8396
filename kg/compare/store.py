"""Store-facing: the numeric claims of a store as rows (kg/query/trace.rq), with what each document's story
is about, and ``kg trace`` / ``kg conflicts`` / ``kg agreements`` over them. Only calls ``store.select``."""

from __future__ import annotations

from collections import defaultdict

from kg.compare.case import ACTOR_TYPES, name_key, split_lead, story_keys
from kg.compare.documents import trace_order
from kg.compare.grouping import Group
from kg.compare.values import DEFAULT_TOLERANCE, about_matches, matches_value
from kg.compare.words import stem

# the headline and the first paragraphs of each stored text, and the names its entities carry
STORY_SPARQL = """SELECT ?doc ?g ?title ?lead WHERE {
  ?d a kg:Document ; schema:identifier ?doc ; kg:graph ?g .
  OPTIONAL { ?d schema:headline ?title }
  OPTIONAL { ?d schema:text ?text }
  BIND(SUBSTR(COALESCE(?text, ""), 1, 1200) AS ?lead)
}"""
# (by named graph: joining each entity to its document's identifier would cost twice the time)
ENTITY_SPARQL = """SELECT ?g ?name ?type WHERE { GRAPH ?g { ?le kg:entityType ?type ; kg:name ?name } }"""


def trace_sparql(target: float | None, tolerance: float = DEFAULT_TOLERANCE) -> str:
    """kg/query/trace.rq with its VALUES line set to the target (None: every numeric claim)."""
    from kg.query import named
    from kg.query.terms import bind_values

    row = (None, None) if target is None else (float(target), float(tolerance))
    return bind_values(named("trace"), ("target", "tolerance"), [row])


def stories(store) -> tuple[dict[str, tuple[frozenset, frozenset]], dict[str, set[str]]]:
    """document id → (actors, places) its headline or lead is about; document id → the lower-cased names
    (and person surnames) of its people and organisations."""
    docs = store.select(STORY_SPARQL)[1]
    doc_of = {r["g"]: r["doc"] for r in docs}
    entities: dict[str, list[tuple[str, str]]] = defaultdict(list)
    names: dict[str, set[str]] = defaultdict(set)
    for r in store.select(ENTITY_SPARQL)[1]:
        doc = doc_of.get(r["g"])
        if doc is None:
            continue
        entities[doc].append((r["name"], r["type"]))
        if r["type"] in ACTOR_TYPES:
            names[doc].add(r["name"].lower())
            if r["type"] == "Person" and name_key(r["name"], "Person"):
                names[doc].add(r["name"].split()[-1].lower())
    out = {}
    for r in docs:
        headline, lead = split_lead(r["lead"] or "")
        title = r["title"] or headline
        if r["title"] and headline.strip().lower() != r["title"].strip().lower():
            lead = headline  # a text that does not start with its headline: its first paragraph is the lead
        out[r["doc"]] = story_keys(title, lead, entities.get(r["doc"], []))
    return out, names


def with_stories(store, rows: list[dict]) -> list[dict]:
    """The rows with ``story_actors`` / ``story_places`` (keys of whom each story is about) and
    ``counts_is_name`` (what the claim counts is a person or organisation of its document: "Ortiz")."""
    about, names = stories(store)
    for r in rows:
        actors, places = about.get(r["doc"], (frozenset(), frozenset()))
        r["story_actors"] = " ".join(sorted(actors))
        r["story_places"] = " ".join(sorted(p.replace(" ", "_") for p in places))
        counts = (r.get("counts") or "").strip()
        doc_names = names.get(r["doc"], ())
        r["counts_is_name"] = bool(counts) and counts[:1].isupper() and (
            counts.lower() in doc_names or stem(counts).lower() in doc_names)
    return rows


def numeric_rows(store, target: float | None = None, tolerance: float = DEFAULT_TOLERANCE,
                 stories: bool | None = None) -> list[dict]:
    """The numeric claims (all of them when ``target`` is None) as rows of trace.rq; with ``stories`` (the
    default for all claims) also what each one's story is about, which comparing them needs."""
    _names, rows = store.select(trace_sparql(target, tolerance))
    if stories if stories is not None else target is None:
        with_stories(store, rows)
    return rows


def trace(store, value: str, about: str | None = None, tolerance: float = DEFAULT_TOLERANCE) -> list[dict]:
    """Every claim asserting ``value`` ('1,400', '1.4 thousand', '38%', '$415'), originals before copies."""
    from kg.errors import QueryError
    from kg.extract.numbers import parse_value

    parsed = parse_value(value)
    if parsed is None:
        raise QueryError(f"{value!r} is not a number; try 1400, 1,400, 1.4 thousand, 38% or $415")
    target, unit = parsed
    rows = [r for r in numeric_rows(store, target, tolerance) if matches_value(r, target, tolerance, unit)]
    return trace_order([r for r in rows if about_matches(r, about)])


def conflicts(store, about: str | None = None) -> list[Group]:
    """The groups of ``find_conflicts`` over every numeric claim in the store (kept per store generation,
    see kg.compare.cache)."""
    from kg.compare.cache import compared

    return [g for g, _n in compared(store).conflicts_about(about)]


def agreements(store, about: str | None = None) -> list[tuple[Group, int]]:
    """The groups of ``find_agreements`` over every numeric claim in the store (kept per store generation)."""
    from kg.compare.cache import compared

    return compared(store).agreements_about(about)

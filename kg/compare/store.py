"""Store-facing: the numeric claims of a store as rows (kg/query/trace.rq), with what each document's story
is about, and ``kg trace`` / ``kg conflicts`` / ``kg agreements`` over them. Only calls ``store.select``."""

from __future__ import annotations

import re
from collections import defaultdict

from kg.compare.case import ACTOR_TYPES, name_key, split_lead, story_keys, story_names
from kg.compare.documents import trace_order
from kg.compare.grouping import Group
from kg.compare.values import DEFAULT_TOLERANCE, about_matches, matches_value
from kg.compare.words import stem

# (kept as named queries: kg/query/compare.rq, compare_docs.rq, compare_entities.rq, compare_details.rq)
BATCH = 500  # claims per compare_details query
_FIRST_WORD = re.compile(r"\W*([A-Z][\w.-]*?)(?:'s|’s)?\b")


def trace_sparql(target: float | None, tolerance: float = DEFAULT_TOLERANCE) -> str:
    """kg/query/trace.rq with its VALUES line set to the target (None: every numeric claim)."""
    from kg.query import named
    from kg.query.terms import bind_values

    row = (None, None) if target is None else (float(target), float(tolerance))
    return bind_values(named("trace"), ("target", "tolerance"), [row])


def _docs(store) -> list[dict]:
    from kg.query import named

    return store.select(named("compare_docs"))[1]


def stories(store, docs: list[dict] | None = None) -> tuple[dict[str, tuple[frozenset, frozenset, frozenset]],
                                                              dict[str, set[str]]]:
    """document id → (actors, places, story_names) its headline or lead is about; document id → the lower-cased names
    (and person surnames) of its people and organisations. ``docs``: rows of compare_docs.rq."""
    from kg.query import named

    docs = _docs(store) if docs is None else docs
    doc_of = {r["g"]: r["doc"] for r in docs}
    entities: dict[str, list[tuple[str, str]]] = defaultdict(list)
    names: dict[str, set[str]] = defaultdict(set)
    for r in store.select(named("compare_entities"))[1]:
        doc = doc_of.get(r["g"])
        if doc is None:
            continue
        entities[doc].append((r["name"], r["type"]))
        names[doc].update(f"word:{w.lower()}" for w in r["name"].split())  # any name's words, for first_is_name
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
        ents = entities.get(r["doc"], [])
        out[r["doc"]] = (*story_keys(title, lead, ents), story_names(title, lead, ents))
    return out, names


def with_stories(store, rows: list[dict], docs: list[dict] | None = None) -> list[dict]:
    """The rows with ``story_actors`` / ``story_places`` (keys of whom each story is about) and
    ``counts_is_name`` (what the claim counts is a person or organisation of its document: "Ortiz")."""
    about, names = stories(store, docs)
    for r in rows:
        actors, places, full = about.get(r["doc"], (frozenset(), frozenset(), frozenset()))
        r["story_actors"] = " ".join(sorted(actors))
        r["story_places"] = " ".join(sorted(places))
        r["story_names"] = "|".join(sorted(full))
        counts = (r.get("counts") or "").strip()
        doc_names = names.get(r["doc"], ())
        r["counts_is_name"] = bool(counts) and counts[:1].isupper() and (
            counts.lower() in doc_names or stem(counts).lower() in doc_names)
        # the sentence's first word is capitalised anyway: it is a participant when the document names it
        first = _FIRST_WORD.match(r.get("sentence") or "")
        r["first_is_name"] = bool(first) and f"word:{first[1].lower()}" in doc_names
    return rows


def comparison_rows(store) -> list[dict]:
    """The claims kg conflicts compares (compare.rq), each with its document's id, date, headline and links
    (compare_docs.rq) and what its story is about — the columns the comparison reads, not all shown ones."""
    from kg.query import named

    docs = _docs(store)
    by_graph = {r["g"]: r for r in docs}
    rows = []
    for r in store.select(named("compare"))[1]:
        d = by_graph.get(r.pop("g"))
        if d is None:
            continue
        r.update(doc=d["doc"], date=d["date"], title=d["title"], outlet=d.get("outlet"),
                 republication_of=d["republication_of"],
                 reuses_passages_of=d["reuses_passages_of"], same_story_as=d["same_story_as"])
        rows.append(r)
    return with_stories(store, rows, docs)


def detail_rows(store, claims: list[str]) -> dict[str, dict]:
    """claim IRI → its row with every column trace.rq has (what kg conflicts shows), for these claims."""
    from kg.query import named
    from kg.query.terms import Iri, bind_values

    out: dict[str, dict] = {}
    text = named("compare_details")
    unique = sorted(set(claims))
    for i in range(0, len(unique), BATCH):
        chunk = [(Iri(c),) for c in unique[i : i + BATCH]]
        out.update((r["claim"], r) for r in store.select(bind_values(text, ("claim",), chunk))[1])
    return out


def numeric_rows(store, target: float | None = None, tolerance: float = DEFAULT_TOLERANCE,
                 stories: bool | None = None) -> list[dict]:
    """The numeric claims (all of them when ``target`` is None) as rows of trace.rq; with ``stories`` (the
    default for all claims) also what each one's story is about, which comparing them needs."""
    if target is None:
        _names, rows = store.select(trace_sparql(target, tolerance))
    else:  # the same rows, found claim-first (kg.query.trace: trace.rq as one query costs seconds at size)
        from kg.query.trace import trace_rows

        rows = trace_rows(store, target, tolerance)
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
    """The groups of ``find_conflicts`` over every numeric claim in the store (kept per state of the store,
    see kg.compare.cache)."""
    from kg.compare.cache import compared

    return [g for g, _n in compared(store).conflicts_about(about)]


def agreements(store, about: str | None = None) -> list[tuple[Group, int]]:
    """The groups of ``find_agreements`` over every numeric claim in the store (kept per state of the store)."""
    from kg.compare.cache import compared

    return compared(store).agreements_about(about)

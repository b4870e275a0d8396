"""Canonical entities read from a store: every one summarised (``kg/query/entities.rq``), or the ones a name
finds, found by their labels first; and everything said by and about them (``kg/query/entity.rq``, one
bound query per part). ``kg entities`` and ``kg entity`` print these; ``kg serve`` pages read them too."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.query import named
from kg.query.terms import Iri, literal, values_clause
from kg.rdf.namespace import KG_NS

_SEP = "\u001f"


@dataclass
class EntitySummary:
    iri: str
    label: str
    type: str
    alt_labels: set[str] = field(default_factory=set)
    mentions_by_doc: Counter = field(default_factory=Counter)
    mentions_by_source: Counter = field(default_factory=Counter)  # outlet, or the document id when unknown

    def matches(self, name: str, exact: bool = False) -> bool:
        """The label or an alternative label is ``name`` (any case), or contains it unless ``exact``."""
        key = name.strip().lower()
        labels = [self.label.lower(), *(a.lower() for a in self.alt_labels)]
        return key in labels if exact else any(key in x for x in labels)

    @property
    def mentions(self) -> int:
        return sum(self.mentions_by_doc.values())

    def as_dict(self) -> dict:
        """What ``kg entities --format jsonl`` prints."""
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
    """Every canonical entity with its mentions per document and source, most mentioned first
    (``kg/query/entities.rq`` over the whole store: seconds at a million quads)."""
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


# each part of entity.rq and the property that links its claims to the entity's local entities
_PARTS = {"entity_quotes": "speaker", "entity_numbers": "assertedBy", "entity_relations_subject": "subject",
          "entity_relations_object": "object"}
_PART_KEYS = ("entity", "le", "claim", "g")


def said_by_and_about(store, iris: list[str]) -> list[dict]:
    """The rows of ``kg/query/entity.rq`` for these canonical entities, ordered by document and offset (and,
    among rows of one claim, by entity, kind, side and the rest: ``row_order``).

    From the rows kept for this state of the store when it has them (kg.query.entityrows); else one query
    per part (quotes, numbers, relations as subject, as object): Oxigraph evaluates entity.rq's UNION
    without the entity bound (seconds at a million quads). The claims that touch the entities' local
    entities are found first, in one query over all four properties; each part is then bound to its claims
    (entity, local entity, claim, graph), not only to the entity, so it reads those claims alone instead of
    looking every local entity up again (an entity in 1,500 documents has 1,500)."""
    if not iris:
        return []
    from kg.query.entityrows import kept_rows

    kept = kept_rows(store, iris)
    if kept is not None:
        return kept
    ents = values_clause(("entity",), [(Iri(i),) for i in iris])
    # every property at once (binding ?p to the four costs more than the few other rows it leaves out)
    touching = store.select(f"SELECT DISTINCT ?entity ?le ?claim ?p ?g WHERE {{ {ents} "
                            "?le kg:canonical ?entity . GRAPH ?g { ?claim ?p ?le } }")[1]
    rows: list[dict] = []
    for part, prop in _PARTS.items():
        bound = sorted({tuple(r[k] for k in _PART_KEYS) for r in touching if r["p"] == KG_NS + prop})
        if bound:
            rows += store.select(_bound_to_claims(named(part), [tuple(map(Iri, b)) for b in bound]))[1]
    return completed(store, rows)


def every_part_row(store) -> list[dict]:
    """``said_by_and_about`` of every canonical entity at once (what kg.query.entityrows keeps): each part
    unbound, one join over the whole store instead of a lookup per claim."""
    rows: list[dict] = []
    for part in _PARTS:
        text = named(part)
        if "VALUES ?entity { }" not in text:
            from kg.errors import QueryError

            raise QueryError(f"{part}.rq has no 'VALUES ?entity {{ }}' line")
        rows += store.select(text.replace("VALUES ?entity { }", "", 1))[1]
    return completed(store, rows, every=True)


def completed(store, rows: list[dict], every: bool = False) -> list[dict]:
    """Part rows with the outlet, role, what a number counts and the other side's canonical label filled in,
    in ``row_order`` (``every``: the rows of every entity, so each is looked up for the whole store at once)."""
    rows = _with_publisher_and_role(store, rows, every)
    _append_counted(store, [r for r in rows if r["kind"] == "quantity"], every)
    others = sorted({r["ole"] for r in rows if r.get("ole")})
    label: dict[str, str] = {}
    for r in _bound(store, "SELECT ?ole ?label WHERE {{ {values} ?ole kg:canonical ?c . ?c rdfs:label ?label }}", "ole",
                    others):  # the other side of each relation across documents (few: bound to them)
        if r["ole"] not in label or r["label"] < label[r["ole"]]:  # one label whatever order they come in
            label[r["ole"]] = r["label"]
    for r in rows:
        if r.get("ole"):
            r["other_canonical"] = label.get(r["ole"])
    for r in rows:
        r.pop("ole", None)
    return sorted(rows, key=row_order)


def row_order(r: dict) -> tuple:
    """By document, offset and claim, then (rows of one claim: two entities, or several outlets or roles) by
    entity, kind, side and every other value: one order whichever way the rows were found."""
    import json

    return (r["doc"], r["start"], r["claim"], r["entity"], r["kind"], r["side"],
            json.dumps(r, sort_keys=True, ensure_ascii=False, default=str))


def _bound_to_claims(query: str, rows: list[tuple]) -> str:
    """A part's query with its entity's VALUES block (``VALUES ?entity { }``) over entity, local entity,
    claim and graph instead."""
    block = "VALUES ?entity { }"
    if block not in query:
        from kg.errors import QueryError

        raise QueryError(f"the query has no {block!r} line")
    return query.replace(block, values_clause(_PART_KEYS, rows), 1)


def _bound(store, query: str, var: str, iris: list[str] | None) -> list[dict]:
    """The rows of ``query`` (its ``{values}`` a VALUES block of ``var``) for these IRIs, 1,000 at a time; for
    every one (``iris`` None) in one query without the block."""
    if iris is None:
        return store.select(query.format(values=""))[1]
    out: list[dict] = []
    for i in range(0, len(iris), 1000):
        out += store.select(query.format(values=values_clause((var,), [(Iri(x),) for x in iris[i : i + 1000]])))[1]
    return out


def _with_publisher_and_role(store, rows: list[dict], every: bool = False) -> list[dict]:
    """The part rows with the outlet of their document and the role of a relation filled in (entity.rq's
    OPTIONALs: one row per value when there are several), looked up bound to the rows' documents and
    relations (``every``: for all documents and relations at once); the helper columns ?g and ?d are dropped."""
    docs = None if every else sorted({r["d"] for r in rows})
    relations = None if every else sorted({r["claim"] for r in rows if r["kind"] == "relation"})
    outlets: dict[str, list[str]] = defaultdict(list)
    roles: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in _bound(store, "SELECT ?d ?publisher WHERE {{ {values} ?d schema:publisher ?pub . "
                           "?pub rdfs:label ?publisher }}", "d", docs):
        outlets[r["d"]].append(r["publisher"])
    for r in _bound(store, "SELECT ?g ?claim ?role WHERE {{ {values} GRAPH ?g {{ ?claim kg:role ?role }} }}", "claim",
                    relations):
        roles[(r["g"], r["claim"])].append(r["role"])
    out = []
    for r in rows:
        g, d = r.pop("g"), r.pop("d")
        for publisher in outlets.get(d) or [None]:
            for role in (roles.get((g, r["claim"])) or [None]) if r["kind"] == "relation" else [r["role"]]:
                out.append({**r, "publisher": publisher, "role": role})
    return out


def _append_counted(store, rows: list[dict], every: bool = False) -> None:
    """'56 companies moved': a number's content gets what it counts and the predicate, as entity.rq has it (the
    first in code-point order when a claim states several)."""
    claims = None if every else sorted({r["claim"] for r in rows})
    found: dict[tuple[str, str], str] = {}
    for prop in ("counts", "predicateText"):
        for r in _bound(store, f"SELECT ?claim ?o WHERE {{{{ {{values}} GRAPH ?g {{{{ ?claim kg:{prop} ?o }}}} }}}}",
                        "claim", claims):
            key = (r["claim"], prop)
            if key not in found or r["o"] < found[key]:
                found[key] = r["o"]
    for r in rows:
        r["content"] = " ".join(x for x in (r["content"], found.get((r["claim"], "counts")),
                                             found.get((r["claim"], "predicateText"))) if x)


def lookup_entities(store, name: str) -> list[EntitySummary]:
    """``find_entities(entity_summaries(store), name)`` without summarising every entity of the store: the
    entities are found by their labels first, and only theirs are summarised."""
    from kg.query.entityrows import kept_lookup

    kept = kept_lookup(store, name)  # the summaries kept for this state of the store, if it has them
    if kept is not None:
        return kept
    key = name.strip()
    # an exact label or alternative label as typed, in lower case, Title Case or CAPITALS: index lookups
    spellings = sorted({key, key.lower(), key.title(), key.upper(), key[:1].upper() + key[1:]})
    labels = values_clause(("label",), [(x,) for x in spellings])
    found = _canonical_with(store, f"{labels} ?entity rdfs:label|skos:altLabel ?label .")
    exact = [s for s in _summaries(store, found) if s.matches(key, exact=True)]
    if exact:
        return exact
    # any other case, or a part of a label: every label of a canonical entity is compared
    from kg.query.index import containing

    terms = containing(store, "entity-labels", "SELECT DISTINCT ?v WHERE { ?entity rdfs:label|skos:altLabel ?v }", key)
    if terms is None:  # a store that may change: scan
        found = _canonical_with(store, "?entity rdfs:label|skos:altLabel ?label . "
                                       f"FILTER(CONTAINS(LCASE(STR(?label)), {literal(key.lower())}))")
    else:  # the kept labels that contain it (kg.query.index), then index lookups
        found = sorted({e for i in range(0, len(terms), 1000) for e in _canonical_with(
            store, f"VALUES ?label {{ {' '.join(terms[i : i + 1000])} }} ?entity rdfs:label|skos:altLabel ?label .")})
    summaries = _summaries(store, found)
    return [s for s in summaries if s.matches(key, exact=True)] or [s for s in summaries if s.matches(key)]


def _canonical_with(store, pattern: str) -> list[str]:
    """Entities matching ``pattern`` that the resolver made (some document's local entity points to them)."""
    query = f"SELECT DISTINCT ?entity WHERE {{ {pattern} FILTER EXISTS {{ ?le kg:canonical ?entity }} }}"
    return [r["entity"] for r in store.select(query)[1]]


def _summaries(store, iris: list[str] | None) -> list[EntitySummary]:
    """``entity_summaries`` for these entities only (every one the resolver made when ``iris`` is None), in the
    same order (most mentioned first)."""
    if iris is not None and not iris:
        return []
    ents = "" if iris is None else values_clause(("entity",), [(Iri(i),) for i in iris])
    # required patterns only, one question per query: an OPTIONAL scans the whole store in Oxigraph
    names = store.select(f"SELECT ?entity ?label ?class WHERE {{ {ents} ?entity rdfs:label ?label ; a ?class }}")[1]
    alts = store.select(f"SELECT ?entity ?alt WHERE {{ {ents} ?entity skos:altLabel ?alt }}")[1]
    docs = store.select(f"SELECT ?entity ?le ?d WHERE {{ {ents} ?le kg:canonical ?entity . "
                        "GRAPH ?g { ?le kg:document ?d } }")[1]
    ids = _doc_ids(store, {r["d"] for r in docs})
    docs = [{**r, "doc": ids[r["d"]]} for r in docs if r["d"] in ids]
    mentions = store.select(f"SELECT ?le (COUNT(DISTINCT ?m) AS ?n) WHERE {{ {ents} ?le kg:canonical ?entity . "
                            "GRAPH ?g { ?le kg:mention ?m } } GROUP BY ?le")[1]
    # the outlets of those documents, bound to them (joined from the entity again, it costs a scan)
    in_docs = None if iris is None else sorted({r["d"] for r in docs})
    outlets = _bound(store, "SELECT DISTINCT ?d ?publisher WHERE {{ {values} ?d schema:publisher ?pub . "
                            "?pub rdfs:label ?publisher }}", "d", in_docs)
    count = {r["le"]: int(r["n"]) for r in mentions}
    outlet: dict[str, str] = {}
    for r in sorted(outlets, key=lambda r: r["publisher"]):
        outlet.setdefault(r["d"], r["publisher"])
    by_iri: dict[str, EntitySummary] = {}
    classes: dict[str, set[str]] = defaultdict(set)
    for r in sorted(names, key=lambda r: (r["entity"], r["label"], r["class"])):
        by_iri.setdefault(r["entity"], EntitySummary(iri=r["entity"], label=r["label"], type=""))
        classes[r["entity"]].add(r["class"])
    for r in alts:
        if r["entity"] in by_iri:
            by_iri[r["entity"]].alt_labels.add(r["alt"])
    for r in sorted(docs, key=lambda r: (r["doc"], r["le"])):  # counted in one order, however they were read
        s = by_iri.get(r["entity"])
        if s is not None:
            n = count.get(r["le"], 0)
            s.mentions_by_doc[r["doc"]] += n
            s.mentions_by_source[outlet.get(r["d"]) or r["doc"]] += n
    out = []
    for iri, s in by_iri.items():
        t = _type_of(classes[iri])
        if t is not None and s.mentions_by_doc:
            s.type = t
            out.append(s)
    return sorted(out, key=lambda s: (-s.mentions, s.label))


def _doc_ids(store, docs: set[str]) -> dict[str, str]:
    """Document IRI → its ``schema:identifier``: read from the IRI itself when it is the one kg.ids makes of
    that id (kg builds no other: a lookup per document was a third of summarising an entity in 1,500
    documents), asked of the store otherwise."""
    from urllib.parse import unquote

    from kg.ids import DATA, doc_iri

    prefix = DATA + "doc:"
    out, ask = {}, []
    for d in docs:
        doc_id = unquote(d[len(prefix):], errors="surrogatepass") if d.startswith(prefix) else None
        if doc_id is not None and doc_iri(doc_id) == d:
            out[d] = doc_id
        else:
            ask.append(d)
    ask.sort()
    for i in range(0, len(ask), 1000):
        bound = values_clause(("d",), [(Iri(d),) for d in ask[i : i + 1000]])
        rows = store.select(f"SELECT ?d ?doc WHERE {{ {bound} ?d schema:identifier ?doc }}")[1]
        out.update((r["d"], r["doc"]) for r in rows)
    return out


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

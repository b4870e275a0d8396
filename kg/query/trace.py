"""``kg trace``'s rows at size: exactly the rows of ``kg/query/trace.rq`` for one target value, found in two
steps instead of one query.

1. **Which claims.** The claims whose ``kg:value`` is within the tolerance of the target, and the ranges
   (``kg:value`` … ``kg:valueMax``) that contain it, with trace.rq's own FILTER. On a store that cannot
   change (a published checkpoint opened read-only) the distinct values of the store are read once and
   kept (``kg.query.index.distinct_values``), so the values in the window become index lookups; otherwise
   every ``kg:value`` is scanned once (~40 k of them at 9,000 articles, tens of milliseconds).
2. **What they say.** Every column is looked up bound to those claims (``VALUES``), one query per kind of
   node (claim, selector, document, document links, asserting entity), and the rows are put together in
   Python as trace.rq's joins, GROUP BY and ORDER BY would.

Why not one query: Oxigraph evaluates every OPTIONAL over the whole store before joining it with the few
claims that match (seconds at four million quads), and a UNION unbound. Bound lookups cost a fraction of
a millisecond each.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import product

from kg.query.index import distinct_values
from kg.query.terms import Iri, iri, number, values_clause

KG, SDO, OA = "https://w3id.org/kg-claims/ns#", "https://schema.org/", "http://www.w3.org/ns/oa#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
NUMERIC_CLAIM = f"{KG}NumericClaim"
BATCH = 1000  # terms per VALUES block: bounded query texts for big answers (and remote servers)

# the claim's own properties (in its document's graph) → trace.rq's column
CLAIM_PROPS = {f"{KG}document": "d", f"{KG}qualifier": "qualifier", f"{KG}surfaceText": "text",
               f"{KG}sentence": "sentence", f"{KG}sentenceStart": "sentence_start", f"{KG}evidence": "ev",
               f"{KG}unit": "unit", f"{KG}counts": "counts", f"{KG}countsHead": "counts_head",
               f"{KG}predicateText": "predicate", f"{KG}place": "place", f"{KG}time": "time",
               f"{KG}subjectName": "subject", f"{KG}change": "change", f"{KG}sourceName": "source",
               f"{KG}sourceKind": "source_kind", f"{KG}assertedBy": "asserter", RDF_TYPE: "type"}
REQUIRED = ("d", "qualifier", "text", "sentence", "sentence_start", "ev")
OPTIONAL = ("unit", "counts", "counts_head", "predicate", "place", "time", "subject", "change", "source",
            "source_kind")
DOC_PROPS = {f"{SDO}identifier": "doc", f"{SDO}headline": "title", f"{SDO}datePublished": "date",
             f"{SDO}url": "url"}
LINK_PROPS = {f"{KG}republicationOf": "republication_of", f"{KG}reusesPassagesOf": "reuses_passages_of",
              f"{KG}sameStoryAs": "same_story_as"}
LINKS = tuple(LINK_PROPS.values())  # the columns that list document ids
COLUMNS = ("claim", "doc", "title", "publisher", "date", "url", "value", "value_max", "unit", "qualifier", "text",
           "counts", "counts_head", "predicate", "place", "time", "subject", "change", "source", "source_kind",
           "sentence", "sentence_start", "start", "end", "source_canonical", "republication_of",
           "reuses_passages_of", "same_story_as")
# a value window is widened by this much before trace.rq's exact FILTER runs on the candidates: the kept
# values are floats, the store's are decimals
SLACK = 1e-9


def trace_rows(store, target: float, tolerance: float) -> list[dict]:
    """The rows ``store.select(trace_sparql(target, tolerance))`` gives (kg.compare.store), ordered by
    document and offset; ``republication_of`` and the other link columns list their ids sorted. From the
    rows kept for this state of the store when it has them (kg.query.rowindex), else claim-first."""
    from kg.query.rowindex import trace_rows as kept_rows

    kept = kept_rows(store, target, tolerance)
    if kept is not None:
        return kept
    return claim_rows(store, matching(store, target, tolerance))


def _chunks(items: list, size: int = BATCH):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _filter(target: str, tolerance: str) -> str:
    # trace.rq's test of the value itself, with the same decimal arithmetic
    return f"ABS(?value - {target}) <= {tolerance} * ABS({target})"


def matching(store, target: float, tolerance: float) -> dict[tuple[str, str], set[tuple]]:
    """(graph, claim) → the (value, value_max) pairs of its trace.rq rows that pass trace.rq's FILTER."""
    t, tol = number(float(target)), number(float(tolerance))
    near: list[dict] = []
    window = _window(store, float(target), float(tolerance))
    if window is None:  # no kept values: one scan of every value
        near = store.select(f"SELECT ?g ?claim ?value WHERE {{ GRAPH ?g {{ ?claim kg:value ?value }} "
                            f"FILTER({_filter(t, tol)}) }}")[1]
    else:
        for chunk in _chunks(window):
            near += store.select(f"SELECT ?g ?claim ?value WHERE {{ VALUES ?value {{ {' '.join(chunk)} }} "
                                 f"GRAPH ?g {{ ?claim kg:value ?value }} FILTER({_filter(t, tol)}) }}")[1]
    # ranges that contain the target (few: a range is rare, and kg:valueMax is only stated for ranges)
    ranges = store.select(f"SELECT ?g ?claim ?value ?value_max WHERE {{ GRAPH ?g {{ ?claim kg:valueMax ?value_max "
                          f". ?claim kg:value ?value }} FILTER(?value <= {t} && {t} <= ?value_max) }}")[1]
    out: dict[tuple[str, str], set[tuple]] = defaultdict(set)
    for r in ranges:
        out[(r["g"], r["claim"])].add((r["value"], r["value_max"]))
    maxes: dict[tuple[str, str], list] = defaultdict(list)
    keys = {(r["g"], r["claim"]) for r in near}
    for chunk in _chunks(sorted({c for _, c in keys})):
        rows = store.select(f"SELECT ?g ?claim ?value_max WHERE {{ {_one('claim', chunk)} "
                            "GRAPH ?g { ?claim kg:valueMax ?value_max } }")[1]
        for r in rows:
            if (r["g"], r["claim"]) in keys:
                maxes[(r["g"], r["claim"])].append(r["value_max"])
    for r in near:  # the value itself is near: every one of its rows passes, with or without a value_max
        key = (r["g"], r["claim"])
        out[key] |= {(r["value"], m) for m in maxes.get(key) or [None]}
    return dict(out)


def _window(store, target: float, tolerance: float) -> list[str] | None:
    """The store's distinct values that may lie within the tolerance of the target (as SPARQL terms), or
    None when the store keeps no list of them."""
    kept = distinct_values(store)
    if kept is None:
        return None
    floats, terms = kept
    reach = abs(tolerance * target)
    slack = SLACK * max(1.0, abs(target), reach)
    lo, hi = target - reach - slack, target + reach + slack
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return None
    return terms[bisect_left(floats, lo) : bisect_right(floats, hi)]


def _among(var: str, iris) -> str:
    return f"FILTER(?{var} IN ({', '.join(iri(i) for i in iris)}))"


def _one(var: str, iris) -> str:
    return values_clause((var,), [(Iri(i),) for i in iris])


def claim_rows(store, found: dict[tuple[str, str], set[tuple]]) -> list[dict]:
    """trace.rq's rows for these claims (and the value pairs that passed its FILTER)."""
    if not found:
        return []
    keys = sorted(found)
    # one VALUES block only: with a second one (for ?p) Oxigraph scans the graphs unbound (seconds)
    props_filter = _among("p", CLAIM_PROPS)
    props: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for chunk in _chunks(keys):
        # bound by claim alone (a VALUES of (graph, claim) pairs is slower); other graphs' rows are dropped
        for r in store.select(f"SELECT ?g ?claim ?p ?o WHERE {{ {_one('claim', sorted({c for _, c in chunk}))} "
                              f"GRAPH ?g {{ ?claim ?p ?o }} {props_filter} }}")[1]:
            if (r["g"], r["claim"]) in found:
                props[(r["g"], r["claim"])][CLAIM_PROPS[r["p"]]].append(r["o"])
    wanted = [k for k in keys if NUMERIC_CLAIM in props[k].get("type", ())
              and all(props[k].get(c) for c in REQUIRED)]
    spans = _spans(store, sorted({(g, ev) for g, c in wanted for ev in props[(g, c)]["ev"]}))
    docs = sorted({d for k in wanted for d in props[k]["d"]})
    info = _documents(store, docs)
    canonical = _canonical_labels(store, sorted({a for k in wanted for a in props[k].get("asserter", ())}))
    groups: dict[tuple, set[str]] = {}
    for g, c in wanted:
        p = props[(g, c)]
        labels = {x for a in p.get("asserter", ()) for x in canonical.get(a, ())}
        for (value, value_max), *req, opt in product(
                sorted(found[(g, c)], key=_pair_key), *(p[k] for k in REQUIRED if k != "ev"),
                product(*(p.get(k) or [None] for k in OPTIONAL))):
            d, qualifier, text, sentence, sentence_start = req
            doc = info.get(d)
            if doc is None:
                continue
            for ev in p["ev"]:
                for (start, end), (doc_id, title, publisher, date, url) in product(spans.get((g, ev), ()),
                                                                                   doc["rows"]):
                    row = (c, doc_id, title, publisher, date, url, value, value_max, opt[0], qualifier, text,
                           *opt[1:], sentence, sentence_start, start, end)
                    groups.setdefault(row + tuple(doc["links"]), set()).update(labels)
    out = []
    for key, labels in groups.items():
        row = dict(zip(COLUMNS[:24], key[:24], strict=True))
        row["source_canonical"] = min(labels) if labels else None
        row.update(zip(COLUMNS[25:], key[24:], strict=True))
        out.append({c: row[c] for c in COLUMNS})
    return sorted(out, key=lambda r: (r["doc"], r["start"], r["claim"], _pair_key((r["value"], r["value_max"]))))


def _pair_key(pair: tuple) -> tuple:
    value, value_max = pair
    return (value, value_max is not None, value_max or 0)


def _spans(store, evs: list[tuple[str, str]]) -> dict[tuple[str, str], list[tuple]]:
    """(graph, evidence) → the (start, end) of its TextPositionSelectors."""
    out: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for chunk in _chunks(evs):
        query = (f"SELECT ?g ?ev ?start ?end WHERE {{ {_one('ev', sorted({e for _, e in chunk}))} "
                 "GRAPH ?g { ?ev oa:hasSelector ?sel . ?sel oa:start ?start ; oa:end ?end } }")
        wanted = set(chunk)
        for r in store.select(query)[1]:
            if (r["g"], r["ev"]) in wanted:
                out[(r["g"], r["ev"])].append((r["start"], r["end"]))
    return out


def _documents(store, docs: list[str]) -> dict[str, dict]:
    """document IRI → {"rows": [(id, title, publisher, date, url) …], "links": (republished, reused, same)}
    for the documents that have an id (trace.rq requires one)."""
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    doc_filter, link_filter = _among("p", DOC_PROPS), _among("p", LINK_PROPS)
    for chunk in _chunks(docs):
        for r in store.select(f"SELECT ?d ?p ?o WHERE {{ {_one('d', chunk)} ?d ?p ?o {doc_filter} }}")[1]:
            props[r["d"]][DOC_PROPS[r["p"]]].append(r["o"])
        for r in store.select(f"SELECT ?d ?o WHERE {{ {_one('d', chunk)} ?d schema:publisher ?pub . "
                              "?pub rdfs:label ?o }")[1]:
            props[r["d"]]["publisher"].append(r["o"])
        for r in store.select(f"SELECT ?d ?p ?o WHERE {{ {_one('d', chunk)} ?d ?p ?x {link_filter} "
                              "?x schema:identifier ?o }")[1]:
            props[r["d"]][LINK_PROPS[r["p"]]].append(r["o"])
    out = {}
    for d, p in props.items():
        if not p.get("doc"):
            continue
        rows = list(product(p["doc"], *(p.get(k) or [None] for k in ("title", "publisher", "date", "url"))))
        links = tuple(" ".join(sorted({str(x) for x in p.get(k, ())})) for k in LINK_PROPS.values())
        out[d] = {"rows": rows, "links": links}
    return out


def _canonical_labels(store, asserters: list[str]) -> dict[str, set[str]]:
    """asserting (local) entity → the labels of the canonical entity it was resolved to."""
    out: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(asserters):
        for r in store.select(f"SELECT ?a ?l WHERE {{ {_one('a', chunk)} ?a kg:canonical ?c . ?c rdfs:label ?l }}")[1]:
            out[r["a"]].add(r["l"])
    return out

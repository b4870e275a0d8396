"""Every numeric claim as the rows ``kg.compare`` works on (the columns of ``kg/query/trace.rq``), read
with four flat queries joined here instead of trace.rq's one query with GROUP BY and GROUP_CONCAT,
which on a 2,000-article store takes minutes when run over every claim (measured on Reuters dev
articles on this machine). The report and the conflicts page read all numbers, so they use this;
``kg trace VALUE`` keeps trace.rq, whose VALUES filter keeps it small.
"""

from __future__ import annotations

from collections import defaultdict

CLAIMS = """
SELECT ?claim ?d ?value ?value_max ?unit ?qualifier ?text ?counts ?counts_head ?predicate ?place ?time
       ?subject ?change ?source ?source_kind ?sentence ?sentence_start ?start ?end ?asserter WHERE {
  GRAPH ?g {
    ?claim a kg:NumericClaim ; kg:document ?d ; kg:value ?value ; kg:qualifier ?qualifier ;
           kg:surfaceText ?text ; kg:sentence ?sentence ; kg:sentenceStart ?sentence_start ;
           kg:evidence/oa:hasSelector ?sel .
    ?sel a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    OPTIONAL { ?claim kg:valueMax ?value_max } OPTIONAL { ?claim kg:unit ?unit }
    OPTIONAL { ?claim kg:counts ?counts } OPTIONAL { ?claim kg:countsHead ?counts_head }
    OPTIONAL { ?claim kg:predicateText ?predicate } OPTIONAL { ?claim kg:place ?place }
    OPTIONAL { ?claim kg:time ?time } OPTIONAL { ?claim kg:sourceName ?source }
    OPTIONAL { ?claim kg:sourceKind ?source_kind } OPTIONAL { ?claim kg:assertedBy ?asserter }
    OPTIONAL { ?claim kg:subjectName ?subject } OPTIONAL { ?claim kg:change ?change }
  }
}
"""

DOCS = """
SELECT ?d ?doc ?title ?publisher ?date ?url WHERE {
  ?d a kg:Document ; schema:identifier ?doc .
  OPTIONAL { ?d schema:headline ?title } OPTIONAL { ?d schema:publisher/rdfs:label ?publisher }
  OPTIONAL { ?d schema:datePublished ?date } OPTIONAL { ?d schema:url ?url }
}
"""

CANONICAL = "SELECT ?le ?label WHERE { ?le kg:canonical/rdfs:label ?label }"

LINKS = """
SELECT ?d ?p ?other WHERE {
  VALUES ?p { kg:republicationOf kg:reusesPassagesOf kg:sameStoryAs }
  ?d ?p ?o . ?o schema:identifier ?other .
}
"""

LINK_COLUMN = {"republicationOf": "republication_of", "reusesPassagesOf": "reuses_passages_of",
               "sameStoryAs": "same_story_as"}


def numeric_rows(store) -> list[dict]:
    """The rows of trace.rq with its VALUES line at (UNDEF UNDEF), ordered by document and offset."""
    _, docs = store.select(DOCS)
    meta = {r["d"]: r for r in docs}
    _, canon = store.select(CANONICAL)
    labels = {r["le"]: r["label"] for r in canon}
    _, links = store.select(LINKS)
    linked: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r in links:
        linked[r["d"]][LINK_COLUMN[r["p"].rsplit("#", 1)[-1]]].add(r["other"])
    _, claims = store.select(CLAIMS)
    out: dict[str, dict] = {}
    for r in claims:
        if r["claim"] in out or r["d"] not in meta:
            continue
        m = meta[r["d"]]
        row = {"claim": r["claim"], "doc": m["doc"], "title": m.get("title"), "publisher": m.get("publisher"),
               "date": str(m["date"]) if m.get("date") is not None else None, "url": m.get("url")}
        for k in ("value", "value_max", "unit", "qualifier", "text", "counts", "counts_head", "predicate", "place",
                  "time", "subject", "change", "source", "source_kind", "sentence", "sentence_start", "start", "end"):
            row[k] = r.get(k)
        for k in ("value", "value_max"):
            if row[k] is not None:
                row[k] = float(row[k])
        row["source_canonical"] = labels.get(r.get("asserter") or "")
        for col in LINK_COLUMN.values():
            targets = linked.get(r["d"], {}).get(col)
            row[col] = " ".join(sorted(targets)) if targets else None
        out[r["claim"]] = row
    return sorted(out.values(), key=lambda r: (r["doc"], r["start"] or 0))


def _buckets(rows: list[dict]) -> list[list[dict]]:
    """Rows split by unit dimension and class of the counted thing: kg.compare's grouping compares every
    claim with every group (quadratic), so over all 9,000 numbers of 2,000 articles it runs for many
    minutes; within one bucket it is fast. Claims whose counted things are of different classes are then
    never compared (compare's "Russians" ~ "Russian citizens" rule only applies inside a bucket)."""
    from kg import compare

    out: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        head = compare.head_class(r)
        if head:  # compare never groups a claim whose counted thing has no head class with another one
            out[(compare.dimension(r.get("unit")), head)].append(r)
    return list(out.values())


def conflicts(rows: list[dict]) -> list:
    """``kg.compare.find_conflicts`` per bucket, in compare's order (most documents first)."""
    from kg import compare

    groups = [g for b in _buckets(rows) for g in compare.find_conflicts(b)]
    return sorted(groups, key=lambda g: (-len(g.documents), g.label))


def agreements(rows: list[dict]) -> list:
    """``kg.compare.find_agreements`` per bucket (independence needs every row's links: clusters of all rows)."""
    from kg import compare

    found = [p for b in _buckets(rows) for p in compare.find_agreements(b)]
    return sorted(found, key=lambda p: (-p[1], p[0].label, compare.interval(p[0].claims[0])[0]))

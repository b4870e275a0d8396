"""What ``kg report`` says about a corpus besides its numbers: its documents, the copies and rewrites found
between them, and the most-quoted speakers with example quotes.

Speed at size: every query here is flat (a few triple patterns, no GROUP BY, no ORDER BY over a join,
no OPTIONAL on a path); counting, ranking and joining happen in Python over the rows. On 2,000 Reuters
articles the grouped forms of the same questions took 9 s (speakers), 67 s (their quotes) and minutes
(the links with both documents' details); the flat ones take about a second each on a loaded machine.
"""

from __future__ import annotations

from collections import defaultdict

from kg.query.terms import Iri, bind_values

DOCUMENTS = """
SELECT ?d ?doc ?title ?publisher ?date ?url WHERE {
  ?d a kg:Document ; schema:identifier ?doc .
  OPTIONAL { ?d schema:headline ?title }
  OPTIONAL { ?d schema:publisher ?p . ?p rdfs:label ?publisher }
  OPTIONAL { ?d schema:datePublished ?date }
  OPTIONAL { ?d schema:url ?url }
}
"""

LINKS = """
SELECT ?s ?t ?kind ?sim WHERE {
  ?l a kg:DocumentLink ; kg:linkSource ?s ; kg:linkTarget ?t ; kg:linkKind ?kind .
  OPTIONAL { ?l kg:similarity ?sim }
}
"""

# Every quote with a speaker entity: who (the entity across documents when resolved, else the name the
# document gives), whether it is verbatim, and its document.
QUOTES = """
SELECT ?q ?d ?who ?direct WHERE {
  GRAPH ?g { ?q kg:speaker ?le ; kg:document ?d .
             OPTIONAL { ?q kg:speakerName ?name } OPTIONAL { ?q kg:direct ?direct } }
  OPTIONAL { ?le kg:canonical ?c . ?c rdfs:label ?canon }
  BIND(COALESCE(?canon, ?name) AS ?who)
}
"""

# The shown columns of the chosen example quotes (VALUES filled with their IRIs). One OPTIONAL group, not
# three: with three, oxigraph evaluated them for every quote of the store before joining the VALUES
# (8 s against 0.05 s on 2,000 articles); a quote missing any part is shown without its sentence.
QUOTE_DETAILS = """
SELECT ?q ?content ?sentence ?sstart ?start ?end WHERE {
  VALUES ?q { }
  GRAPH ?g { ?q schema:text ?content .
             OPTIONAL { ?q kg:sentence ?sentence ; kg:sentenceStart ?sstart ; kg:evidence ?ev .
                        ?ev oa:hasSelector ?sel . ?sel oa:start ?start ; oa:end ?end } }
}
"""

LINK_COLUMN = {"republication_of": "republication_of", "reuses_passages_of": "reuses_passages_of",
               "same_story_as": "same_story_as"}
# the order copies are listed in: a word-for-word republication is the strongest finding, then reuse
KIND_ORDER = {"republication_of": 0, "reuses_passages_of": 1, "same_story_as": 2}


def documents(store) -> dict[str, dict]:
    """document IRI → {doc, title, publisher, date, url} (one row per document, whatever its duplicates)."""
    out: dict[str, dict] = {}
    for r in store.select(DOCUMENTS)[1]:
        if r["d"] not in out:
            out[r["d"]] = {"doc": r["doc"], "title": r["title"], "publisher": r["publisher"],
                           "date": str(r["date"]) if r["date"] is not None else None, "url": r["url"]}
    return out


def links(store, docs: dict[str, dict]) -> list[dict]:
    """Every link between two stored documents: {kind, sim, a, b} with a and b the documents' rows; the
    strongest kinds first, then the most similar."""
    out = []
    for r in store.select(LINKS)[1]:
        a, b = docs.get(r["s"]), docs.get(r["t"])
        if a is None or b is None:
            continue
        out.append({"kind": r["kind"] or "", "sim": r["sim"], "a": a, "b": b})
    out.sort(key=lambda x: (KIND_ORDER.get(x["kind"], 9), -(float(x["sim"]) if x["sim"] is not None else 0),
                            x["a"]["doc"], x["b"]["doc"]))
    return out


def link_rows(docs: dict[str, dict], found: list[dict]) -> list[dict]:
    """Each document as a row with the link columns ``kg.compare.clusters`` reads (who copies whom)."""
    cols: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for x in found:
        col = LINK_COLUMN.get(x["kind"])
        if col:
            cols[x["a"]["doc"]][col].append(x["b"]["doc"])
    return [{"doc": d["doc"], **{c: " ".join(v) for c, v in cols.get(d["doc"], {}).items()}} for d in docs.values()]


def speakers(store, docs: dict[str, dict], top: int, per_speaker: int) -> list[dict]:
    """The ``top`` most-quoted speakers: {who, quotes, docs, examples}; examples are up to ``per_speaker``
    quotes, verbatim ones first, earliest first, from different documents where there are several."""
    by: dict[str, list[dict]] = defaultdict(list)
    seen: set[str] = set()
    for r in store.select(QUOTES)[1]:
        if r["who"] is None or r["q"] in seen:
            continue
        seen.add(r["q"])
        by[r["who"]].append(r)
    ranked = sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]
    chosen: dict[str, list[dict]] = {}
    for name, quotes in ranked:
        def order(q: dict) -> tuple:
            d = docs.get(q["d"], {})
            return (q["direct"] is not True, d.get("date") or "9999", d.get("doc") or "", q["q"])

        picks: list[dict] = []
        for q in sorted(quotes, key=order):  # one quote per document first, then fill up
            if len(picks) < per_speaker and q["d"] not in {p["d"] for p in picks}:
                picks.append(q)
        picks += [q for q in sorted(quotes, key=order) if q not in picks][: per_speaker - len(picks)]
        chosen[name] = picks
    iris = sorted({q["q"] for picks in chosen.values() for q in picks})
    details = {}
    if iris:
        query = bind_values(QUOTE_DETAILS, ("q",), [(Iri(q),) for q in iris])
        for r in store.select(query)[1]:
            details.setdefault(r["q"], r)
    out = []
    for name, quotes in ranked:
        examples = []
        for q in chosen[name]:
            det, d = details.get(q["q"]), docs.get(q["d"])
            if det is None or d is None:
                continue
            examples.append({"claim": q["q"], "content": det["content"], "sentence": det["sentence"],
                             "sentence_start": det["sstart"], "start": det["start"], "end": det["end"], **d})
        out.append({"who": name, "quotes": len(quotes), "docs": len({q["d"] for q in quotes}),
                    "examples": examples})
    return out

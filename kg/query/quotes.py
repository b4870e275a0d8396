"""``kg quotes``'s rows: exactly those of ``kg/query/quotes.rq`` with its filters, found quote-first at size
(the kept rows of ``kg.query.rowindex`` when the store has them, else narrow scans and bound lookups)."""

from __future__ import annotations

from kg.query import named
from kg.query.terms import Iri, bind_values, iri, literal, values_clause


def quotes_query(speaker: str | None = None, about: str | None = None) -> str:
    """``quotes.rq`` with its VALUES line filled in with the filters."""
    return bind_values(named("quotes"), ("speaker_q", "about_q"), [(speaker, about)])


_KG, _SDO = "https://w3id.org/kg-claims/ns#", "https://schema.org/"
_QUOTE_PROPS = {f"{_KG}document": "d", f"{_SDO}text": "content", f"{_KG}direct": "direct",
                f"{_KG}confidence": "confidence", f"{_KG}sentence": "sentence", f"{_KG}evidence": "ev",
                f"{_KG}speakerName": "speaker", f"{_KG}speakerMention": "speaker_mention", f"{_KG}cue": "cue",
                f"{_KG}stance": "stance_iri", f"{_KG}unresolvedReason": "reason", f"{_KG}speaker": "local"}
_REQUIRED = ("d", "content", "direct", "confidence", "sentence", "ev")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_DOC_PROPS = {f"{_SDO}identifier": "doc", f"{_SDO}headline": "title", f"{_SDO}datePublished": "date",
              f"{_SDO}url": "url"}


def select_quotes(store, speaker: str | None = None, about: str | None = None) -> tuple[list[str], list[dict]]:
    """The columns and rows of ``quotes.rq`` with its filters, as ``store.select(quotes_query(...))`` gives.

    With a speaker the quotes are found first, by three narrow scans (speaker name, mention, canonical
    label containing it), and only theirs are looked up, with required patterns bound to them: quotes.rq
    as one query costs ~25 s at 4M quads, because Oxigraph evaluates its OPTIONALs for every quote."""
    from kg.query.rowindex import quote_rows

    kept = quote_rows(store, speaker, about)  # the rows kept for this state of the store, if it has them
    if kept is not None:
        return kept
    query = quotes_query(speaker, about)
    if not speaker:
        return store.select(query)
    names = [v.strip("?") for v in query.split("WHERE", 1)[0].split("SELECT", 1)[1].split()]
    found = _speaker_quotes(store, speaker)
    rows = [r for r in _quote_rows(store, sorted(found))
            if _contains(speaker, r["speaker"], r["speaker_mention"], r["canonical"])
            and (not about or _contains(about, r["content"]))]
    rows.sort(key=lambda r: (r["date"] is not None, str(r["date"] or ""), r["doc"], r["start"], r["quote"]))
    return names, [{n: r.get(n) for n in names} for r in rows]


# where a speaker's name can be: (pattern of the name ?n, pattern from a name to its quotes)
_SPEAKER_NAMES = (
    ("GRAPH ?g { ?quote kg:speakerName ?n }", "GRAPH ?g { ?quote kg:speakerName ?n }"),
    ("GRAPH ?g { ?quote kg:speakerMention ?n }", "GRAPH ?g { ?quote kg:speakerMention ?n }"),
    ("?e rdfs:label ?n", "?e rdfs:label ?n . ?local kg:canonical ?e . GRAPH ?g { ?quote kg:speaker ?local }"),
)


def _speaker_quotes(store, speaker: str) -> set[str]:
    """The quotes whose speaker name, mention or canonical label contains ``speaker`` (any case). On a
    store that cannot change, the distinct names are read once and kept (kg.query.index): the names that
    contain it are found in Python and their quotes by index lookups. Otherwise one scan per pattern."""
    from kg.query.index import containing

    found: set[str] = set()
    for i, (names, quotes_of) in enumerate(_SPEAKER_NAMES):
        terms = containing(store, f"speaker-names-{i}", f"SELECT DISTINCT ?v WHERE {{ {names.replace('?n', '?v')} }}",
                           speaker)
        if terms is None:
            query = (f"SELECT DISTINCT ?quote WHERE {{ {quotes_of} "
                     f"FILTER(CONTAINS(LCASE(?n), {literal(speaker.lower())})) }}")
            found |= {r["quote"] for r in store.select(query)[1]}
            continue
        for j in range(0, len(terms), 1000):
            query = f"SELECT DISTINCT ?quote WHERE {{ VALUES ?n {{ {' '.join(terms[j : j + 1000])} }} {quotes_of} }}"
            found |= {r["quote"] for r in store.select(query)[1]}
    return found


def _contains(needle: str, *texts) -> bool:
    return any(needle.lower() in (t or "").lower() for t in texts)


def _values(var: str, iris) -> str:
    return values_clause((var,), [(Iri(i),) for i in sorted(set(iris))])


def _quote_rows(store, quotes: list[str]) -> list[dict]:
    """quotes.rq's rows (before its filters) for these quotes: one row per combination of their values."""
    from itertools import product

    if not quotes:
        return []
    props: dict[str, dict[str, list]] = {q: {} for q in quotes}
    kinds: set[str] = set()
    # only the properties shown and the type (a FILTER, not a second VALUES block: with two, Oxigraph
    # scans unbound; nor a `?quote a kg:Quote` pattern of its own: bound by VALUES, it scans every quote
    # once per quote)
    wanted = ", ".join(iri(p) for p in (*_QUOTE_PROPS, _RDF_TYPE))
    for r in store.select(f"SELECT ?quote ?p ?o WHERE {{ {_values('quote', quotes)} GRAPH ?g {{ ?quote ?p ?o }} "
                          f"FILTER(?p IN ({wanted})) }}")[1]:
        if r["p"] == _RDF_TYPE:
            if r["o"] == f"{_KG}Quote":
                kinds.add(r["quote"])
        elif r["p"] in _QUOTE_PROPS:
            props[r["quote"]].setdefault(_QUOTE_PROPS[r["p"]], []).append(r["o"])
    evs = [e for p in props.values() for e in p.get("ev", ())]
    docs = [d for p in props.values() for d in p.get("d", ())]
    locals_ = [x for p in props.values() for x in p.get("local", ())]
    spans: dict[str, list[tuple]] = {}
    if evs:
        query = (f"SELECT ?ev ?start ?end WHERE {{ {_values('ev', evs)} "
                 "GRAPH ?g { ?ev oa:hasSelector ?s . ?s oa:start ?start ; oa:end ?end } }")
        for r in store.select(query)[1]:
            spans.setdefault(r["ev"], []).append((r["start"], r["end"]))
    canon: dict[str, list] = {}
    if locals_:
        for r in store.select(f"SELECT ?local ?l WHERE {{ {_values('local', locals_)} ?local kg:canonical ?c . "
                              "?c rdfs:label ?l }")[1]:
            canon.setdefault(r["local"], []).append(r["l"])
    doc: dict[str, dict[str, list]] = {}
    if docs:
        wanted = ", ".join(iri(p) for p in _DOC_PROPS)  # not the document's whole text
        for r in store.select(f"SELECT ?d ?p ?o WHERE {{ {_values('d', docs)} ?d ?p ?o FILTER(?p IN ({wanted})) }}")[1]:
            if r["p"] in _DOC_PROPS:
                doc.setdefault(r["d"], {}).setdefault(_DOC_PROPS[r["p"]], []).append(r["o"])
        for r in store.select(f"SELECT ?d ?l WHERE {{ {_values('d', docs)} ?d schema:publisher ?p . "
                              "?p rdfs:label ?l }")[1]:
            doc.setdefault(r["d"], {}).setdefault("publisher", []).append(r["l"])
    rows = []
    for q in quotes:
        p = props[q]
        if q not in kinds or any(k not in p for k in _REQUIRED):
            continue
        for values in product(*(p[k] for k in _REQUIRED), *(p.get(k) or [None] for k in
                              ("speaker", "speaker_mention", "cue", "stance_iri", "reason", "local"))):
            d, content, direct, confidence, sentence, ev, spk, mention, cue, stance, reason, local = values
            info = doc.get(d, {})
            for (start, end), doc_id, title, date, url, publisher, canonical in product(
                    spans.get(ev, []), info.get("doc", []), info.get("title") or [None], info.get("date") or [None],
                    info.get("url") or [None], info.get("publisher") or [None],
                    (canon.get(local) or [None]) if local else [None]):
                rows.append({"quote": q, "doc": doc_id, "title": title, "publisher": publisher, "date": date,
                             "url": url, "speaker": spk, "canonical": canonical, "speaker_mention": mention,
                             "cue": cue, "stance": stance.split("#Stance", 1)[1].lower() if stance and
                             "#Stance" in stance else ("" if stance else None), "direct": direct,
                             "content": content, "confidence": confidence, "reason": reason,
                             "sentence": sentence, "start": start, "end": end})
    return rows

"""The claim browser: search an entity or a number, see every claim with its sentence, source and date,
and follow the links between claims, entities and documents. Plain server-rendered HTML (no script),
every value from the store or the request escaped with ``html.escape``; every value put into SPARQL is
a validated IRI or an escaped string literal.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from html import escape
from urllib.parse import quote, urlencode, urlsplit

from kg.errors import QueryError
from kg.query import terms
from kg.serve.browser_queries import (  # noqa: F401 — the page code and tests name them as browser.X
    BATCH,
    CANONICAL,
    CANONICAL_NAMES,
    CLAIM_FIELDS,
    CLAIM_PARTIES,
    CLAIM_SPANS,
    CLAIM_TRIPLES,
    DOC_FIELDS,
    DOCUMENT,
    DOCUMENT_CLAIMS,
    DOCUMENT_FIELDS,
    DOCUMENT_LINKS,
    DOCUMENT_PUBLISHERS,
    DOCUMENTS,
    ENTITY,
    ENTITY_CLAIMS,
    ENTITY_DOCS,
    ENTITY_MENTIONS,
    ENTITY_ROLES,
    ENTITY_SEARCH,
    ENTITY_TYPES,
    GRAPH_PARTIES,
    GRAPH_SENTENCES,
    IN_QUOTE,
    KG,
    LOCAL_ENTITIES,
    NUMBER_SEARCH,
    PARTY_FIELDS,
    RDF_TYPE,
    SAME_COUNTS,
    SAME_WHO,
    SCHEMA,
    TEXT_SEARCH,
)

LIMIT = 200  # claims shown per list; queries fetch one more to know there are more
CLAIM_LINKS = "kg:speaker|kg:assertedBy|kg:subject|kg:object"
CLASS_KIND = {
    "https://w3id.org/kg-claims/ns#Quote": "quote",
    "https://w3id.org/kg-claims/ns#NumericClaim": "number",
    "https://w3id.org/kg-claims/ns#RelationClaim": "relation",
}
_SCALE = {"thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6, "billion": 10**9,
          "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12}
_NUMBER = re.compile(r"^\s*([-+]?\d[\d,\s]*(?:\.\d+)?|[-+]?\.\d+)\s*([a-z]+)?\s*(%)?\s*$", re.IGNORECASE)


class NotFound(Exception):
    """No such entity, claim or document."""


# ---------------------------------------------------------------------------------------------- SPARQL values
def sparql_string(text: str) -> str:
    """A SPARQL string literal holding exactly ``text``."""
    return terms.literal(text)


def sparql_iri(iri: str) -> str:
    """``<iri>`` for a store IRI; anything else (not urn:kg:, not a valid IRI) is ``NotFound``."""
    if not iri.startswith("urn:kg:"):
        raise NotFound(f"{iri!r} is not an IRI of this store")
    try:
        return terms.iri(iri)
    except QueryError:
        raise NotFound(f"{iri!r} is not a valid IRI") from None


def parse_number(text: str) -> Decimal | None:
    """'200,000' → 200000, '1.5 million' → 1500000; None when the text is not a number."""
    m = _NUMBER.match(text)
    if not m:
        return None
    scale = 1
    if m.group(2):
        scale = _SCALE.get(m.group(2).lower())
        if scale is None:
            return None
    try:
        value = Decimal(re.sub(r"[,\s]", "", m.group(1))) * scale
    except InvalidOperation:
        return None
    # percentages are stored as fractions (30% → 0.3)
    return value / 100 if m.group(3) else value


# ---------------------------------------------------------------------------------------------- data
class Browser:
    """Claim browser pages over a backend with ``select(sparql) -> (names, rows)``."""

    def __init__(self, backend):
        self.backend = backend
        self._ranked: tuple | None = None  # (store generation, every speaker and source ranked)
        self._lock = threading.Lock()

    def _select(self, sparql: str) -> list[dict]:
        return self.backend.select(sparql)[1]

    def _ids(self, template: str, **values) -> list[str]:
        rows = self._select(template % {"links": CLAIM_LINKS, "limit": LIMIT + 1, **values})
        return [r["c"] for r in rows if r.get("c")]

    def _values(self, template: str, iris, batch: int = BATCH) -> list[dict]:
        """Rows of ``template`` with its VALUES list filled with ``iris``, a batch at a time."""
        iris = sorted(set(iris))
        rows: list[dict] = []
        for i in range(0, len(iris), batch):
            rows += self._select(template % " ".join(sparql_iri(x) for x in iris[i : i + batch]))
        return rows

    def claims(self, iris: list[str]) -> list[dict]:
        """The rows claim cards show (fields as in CLAIM_FIELDS), in date and document order."""
        if not iris:
            return []
        for i in iris:
            sparql_iri(i)  # one bad IRI is NotFound, whatever the batch
        out: dict[str, dict] = {}
        parties: dict[str, list[tuple[str, str]]] = {}
        for r in self._values(CLAIM_TRIPLES, iris):
            row = out.setdefault(r["c"], {"c": r["c"], "cls": None})
            p, o = r["p"], r["o"]
            if p == RDF_TYPE:
                if o in CLASS_KIND:
                    row["cls"] = o
            elif p in CLAIM_FIELDS:
                row.setdefault(CLAIM_FIELDS[p], o)
            elif p in PARTY_FIELDS:
                parties.setdefault(r["c"], []).append((p, o))
        out = {c: r for c, r in out.items() if r["cls"] is not None and r.get("d")}
        for r in self._values(CLAIM_SPANS, out):
            out[r["c"]].setdefault("start", r["start"])
            out[r["c"]].setdefault("end", r["end"])
        local = {le for ps in parties.values() for _, le in ps if isinstance(le, str) and le.startswith("urn:kg:")}
        names, canon = {}, {}
        for r in self._values(LOCAL_ENTITIES, local):
            if r.get("name") is not None:
                names.setdefault(r["le"], r["name"])
            if r.get("canon") is not None:
                canon.setdefault(r["le"], r["canon"])
        for c, ps in parties.items():
            if c not in out:
                continue
            for p, le in sorted(ps):
                name_field, canon_field = PARTY_FIELDS[p]
                if name_field and le in names:
                    out[c].setdefault(name_field, names[le])
                if le in canon:
                    out[c].setdefault(canon_field, canon[le])
        docs: dict[str, dict] = {}
        for r in self._values(DOCUMENT_FIELDS, {r["d"] for r in out.values()}):
            docs.setdefault(r["d"], {}).setdefault(DOC_FIELDS[r["p"]], r["o"])
        for r in self._values(DOCUMENT_PUBLISHERS, docs):
            docs[r["d"]].setdefault("publisher", r["o"])
        rows = []
        for r in out.values():
            r.update(docs.get(r["d"], {}))
            r["kind"] = CLASS_KIND[r["cls"]]
            rows.append(r)
        rows.sort(key=lambda r: (str(r.get("date") or ""), r.get("doc") or "", r.get("start") or 0, r["c"]))
        return rows

    def mentioning(self, e: str, exclude: set[str]) -> tuple[list[str], dict[str, int]]:
        """Claims whose sentence mentions entity ``e`` (a SPARQL IRI) and that are not in ``exclude``; and
        the number of mentions in each named graph."""
        mentions: dict[str, list[int]] = {}
        own = set()
        for r in self._select(ENTITY_MENTIONS % {"e": e}):
            mentions.setdefault(r["g"], []).append(int(r["ms"]))
            own.add(r["le"])
        if not mentions:
            return [], {}
        party = {r["c"] for r in self._values(GRAPH_PARTIES, mentions, batch=100) if r["le"] in own}
        found = set()
        for r in self._values(GRAPH_SENTENCES, mentions, batch=100):
            c = r["c"]
            if c in exclude or c in party or c in found:
                continue
            if any(r["ss"] <= ms < r["se"] for ms in mentions.get(r["g"], ())):
                found.add(c)
        return sorted(found), {g: len(set(ms)) for g, ms in mentions.items()}

    # ------------------------------------------------------------------ pages
    def search_page(self, q: str | None) -> str:
        q = (q or "").strip()
        if not q:
            rows = self._select(DOCUMENTS)
            items = "".join(
                f"<li>{_doc_link(r['doc'], r.get('title'))} <span class=meta>{_meta(r)} · "
                f"{int(r.get('claims') or 0)} claims</span></li>" for r in rows
            )
            body = (f"<p>Search an entity (<i>Tokayev</i>), words of a claim, or a number "
                    f"(<i>200,000</i>, <i>1.5 million</i>).</p><h2>Documents</h2><ul class=docs>{items}</ul>")
            return page("Claims", body, q)
        number = parse_number(q)
        if number is not None:
            ids = self._ids(NUMBER_SEARCH, n=terms.number(number))
            heading = f"Numbers equal to {escape(f'{number.normalize():,f}')} (or ranges holding it)"
            entities = ""
        else:
            lit = sparql_string(q.lower())
            ids = self._ids(TEXT_SEARCH, q=lit)
            heading = f"Claims naming or saying “{escape(q)}”"
            found = self._select(ENTITY_SEARCH % {"q": lit, "links": CLAIM_LINKS})
            entities = ""
            if found:
                entities = "<h2>Entities</h2><ul class=entities>" + "".join(
                    f"<li>{_entity_link(r['e'], r.get('name'))} <span class=meta>{int(r.get('claims') or 0)} "
                    f"claims</span></li>" for r in found) + "</ul>"
        claims = self.claims(ids[:LIMIT])
        body = entities + f"<h2>{heading}</h2>" + claim_list(claims, more=len(ids) > LIMIT)
        return page(f"Search: {q}", body, q)

    def entity_page(self, iri: str) -> str:
        """Everything said by and about one entity, across sources: its quotes, the numbers it asserted (as
        a chart), the relations it takes part in, the claims that mention it, who published them and when."""
        e = sparql_iri(iri)
        rows = self._select(ENTITY % {"e": e})
        if not rows:
            raise NotFound(f"no entity {iri!r} in the store")
        label = rows[0]["label"]
        types = sorted({_short(r["type"]) for r in rows if r.get("type")})
        alts = sorted({r["alt"] for r in rows if r.get("alt")} - {label})
        roles: dict[str, set[str]] = {}
        for r in self._select(ENTITY_ROLES % {"e": e, "limit": 3 * LIMIT + 1}):
            roles.setdefault(r["role"], set()).add(r["c"])
        mine = {c for cs in roles.values() for c in cs}
        about_ids, per_graph = self.mentioning(e, mine)
        docs = _entity_docs(self._select(ENTITY_DOCS % {"e": e}), per_graph)
        by_id = {r["c"]: r for r in self.claims(sorted(mine)[:3 * LIMIT])}
        about = self.claims(about_ids[:LIMIT])
        everything = list(by_id.values()) + about
        parts = [f"<p class=meta>{escape(', '.join(types))} · permalink "
                 f'<a href="{escape(permalink(iri), quote=True)}">{escape(permalink(iri))}</a></p>']
        if alts:
            parts.append(f"<p>Also named: {escape(' · '.join(alts))}</p>")
        parts.append(_sources_summary(everything, docs))
        sections = [("said", "Said", "quote"), ("asserted", "Numbers asserted", "number"),
                    ("relation", "Relations", "relation")]
        for role, title, _ in sections:
            claims = sorted((by_id[c] for c in roles.get(role, ()) if c in by_id),
                            key=lambda r: (str(r.get("date") or ""), r.get("doc") or "", r.get("start") or 0))
            if not claims:
                continue
            parts.append(f'<h2 id="{role}">{escape(title)} <span class=meta>({len(claims)})</span></h2>')
            if role == "asserted":
                from kg.viz.chart import svg

                parts.append(svg([chart_row(r) for r in claims if r.get("value") is not None],
                                 lambda r: f"/claims/claim?{urlencode({'iri': r['claim']})}",
                                 title=f"numbers {label} asserted"))
            parts.append(claim_list(claims, more=len(roles.get(role, ())) > LIMIT))
        if about:
            parts.append(f'<h2 id="about">Claims that mention {escape(label)} <span class=meta>({len(about_ids)})'
                         "</span></h2>" + claim_list(about, more=len(about_ids) > LIMIT))
        related = _related(everything, iri)
        if related:
            parts.append("<h2 id=related>Entities in the same claims</h2><ul class=entities>" + "".join(
                f"<li>{_entity_link(k, n)} <span class=meta>{c} claims</span></li>" for k, n, c in related) + "</ul>")
        if docs:
            parts.append("<h2 id=documents>Mentioned in</h2><ul class=docs>" + "".join(
                f"<li>{_doc_link(r['doc'], r.get('title'))} <span class=meta>{int(r.get('mentions') or 0)} "
                f"mentions</span></li>" for r in docs) + "</ul>")
        return page(label, "".join(parts))

    def entities_page(self, q: str | None = None) -> str:
        """The speakers and sources with the most claims, each linked to its page."""
        rows = self.top_entities((q or "").strip().lower())
        items = "".join(
            f"<li>{_entity_link(r['e'], r.get('name'))} <span class=meta>{escape(_short(r.get('type') or ''))} · "
            f"{int(r.get('said') or 0)} quotes · {int(r.get('asserted') or 0)} numbers · "
            f"{int(r.get('docs') or 0)} documents</span></li>" for r in rows)
        body = ('<form method="get" action="/entities"><input type="search" name="q" '
                f'value="{escape(q or "", quote=True)}" maxlength="200" aria-label="filter entities" '
                'placeholder="filter by name"><button>Filter</button></form>'
                f"<ul class=entities>{items or '<li>No entity.</li>'}</ul>")
        return page("Speakers and sources", body)

    def top_entities(self, q: str = "", limit: int = LIMIT) -> list[dict]:
        """Canonical entities whose name contains ``q`` (lower case), most quotes and numbers first: rows
        of e, name, type, said, asserted, docs. The ranking reads every claim's speaker or source, so it is
        kept per store generation (the backend's ``generation()``; a backend without one ranks each time)."""
        gen = getattr(self.backend, "generation", lambda: None)()
        with self._lock:
            kept = self._ranked if self._ranked is not None and gen is not None and self._ranked[0] == gen else None
        if kept is None:
            kept = (gen, self._rank())
            with self._lock:
                self._ranked = kept
        rows = [r for r in kept[1] if q in r["name"].lower()][:limit]
        types: dict[str, str] = {}
        for r in self._values(ENTITY_TYPES, [r["e"] for r in rows]):
            types.setdefault(r["e"], r["type"])
        return [{**r, "type": types.get(r["e"])} for r in rows]

    def _rank(self) -> list[dict]:
        canon = {r["le"]: r["e"] for r in self._select(CANONICAL)}
        names: dict[str, str] = {}
        for r in self._select(CANONICAL_NAMES):
            names.setdefault(r["e"], r["label"])
        said: dict[str, set] = defaultdict(set)
        asserted: dict[str, set] = defaultdict(set)
        docs: dict[str, set] = defaultdict(set)
        for r in self._select(CLAIM_PARTIES):
            e = canon.get(r["le"])
            if e is None or e not in names:
                continue
            (said if r["role"] == "said" else asserted)[e].add(r["c"])
            docs[e].add(r["g"])
        ranked = sorted(docs, key=lambda e: (-(len(said[e]) + len(asserted[e])), names[e], e))
        return [{"e": e, "name": names[e], "said": len(said[e]), "asserted": len(asserted[e]),
                 "docs": len(docs[e])} for e in ranked]

    def claim_page(self, iri: str) -> str:
        c = sparql_iri(iri)
        found = self.claims([iri])
        if not found:
            raise NotFound(f"no claim {iri!r} in the store")
        r = found[0]
        parts = [claim_card(r, full=True)]
        related = [("Numbers inside this quote", IN_QUOTE)]
        if r["kind"] == "number":
            related.append(("Other numbers counting the same thing", SAME_COUNTS))
        related.append(("Other claims by the same speaker or source", SAME_WHO))
        for title, template in related:
            ids = self._ids(template, c=c)
            if ids:
                parts.append(f"<h2>{escape(title)}</h2>" + claim_list(self.claims(ids[:LIMIT]), more=len(ids) > LIMIT))
        return page(f"Claim in {r.get('doc') or ''}", "".join(parts))

    def document_page(self, doc_id: str) -> str:
        lit = sparql_string(doc_id)
        rows = self._select(DOCUMENT % {"id": lit})
        if not rows:
            raise NotFound(f"no document {doc_id!r} in the store")
        d = rows[0]
        facts = [("Identifier", escape(doc_id)), ("Published", escape(str(d.get("date") or "unknown"))),
                 ("Publisher", escape(d.get("publisher") or "unknown"))]
        if d.get("author"):
            facts.append(("Author", escape(d["author"])))
        if d.get("url"):
            facts.append(("Address", _external(d["url"])))
        if d.get("path"):
            facts.append(("File", escape(d["path"])))
        parts = ["<dl class=facts>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>"]
        links = self._select(DOCUMENT_LINKS % {"id": lit})
        if links:
            parts.append("<h2>Linked documents</h2><ul class=docs>" + "".join(
                f"<li>{escape(_link_words(r['kind'], r['dir']))} {_doc_link(r['other'], r.get('title'))}"
                + (f" <span class=meta>similarity {float(r['sim']):.2f}</span>" if r.get("sim") is not None else "")
                + "</li>" for r in links) + "</ul>")
        ids = self._ids(DOCUMENT_CLAIMS, id=lit)
        parts.append("<h2>Claims</h2>" + claim_list(self.claims(ids[:LIMIT]), more=len(ids) > LIMIT))
        return page(d.get("title") or doc_id, "".join(parts))


# ---------------------------------------------------------------------------------------------- HTML
def _url(path: str, **params) -> str:
    return escape(f"{path}?{urlencode(params)}", quote=True)


def _entity_link(iri: str, label: str | None) -> str:
    return f'<a href="{_url("/claims/entity", iri=iri)}">{escape(label or iri)}</a>'


def _doc_link(doc: str | None, title: str | None) -> str:
    if not doc:
        return ""
    return f'<a href="{_url("/claims/document", id=doc)}">{escape(title or doc)}</a>'


ENTITY_PREFIX = "urn:kg:entity:"


def permalink(iri: str) -> str:
    """/entities/person/kassym-jomart-tokayev for urn:kg:entity:person:kassym-jomart-tokayev."""
    if iri.startswith(ENTITY_PREFIX) and iri.count(":") == 4:
        kind, name = iri[len(ENTITY_PREFIX):].split(":", 1)
        return f"/entities/{quote(kind, safe='')}/{quote(name, safe='')}"
    return f"/claims/entity?{urlencode({'iri': iri})}"


def chart_row(r: dict) -> dict:
    """A claim-browser row in the shape kg.viz.chart draws (the columns of kg/query/trace.rq)."""
    return {"claim": r["c"], "doc": r.get("doc") or r.get("d") or "", "title": r.get("title"),
            "publisher": r.get("publisher"), "date": r.get("date"), "value": r.get("value"),
            "value_max": r.get("valueMax"), "qualifier": r.get("qualifier"), "unit": r.get("unit"),
            "text": r.get("surface"), "counts": r.get("counts"), "source": r.get("source"),
            "sentence": r.get("sentence")}


def _entity_docs(rows: list[dict], per_graph: dict[str, int]) -> list[dict]:
    """One row per document (doc, title, mentions), most mentions first."""
    from kg.ids import graph_iri

    docs: dict[str, dict] = {}
    for r in rows:
        docs.setdefault(r["doc"], {"doc": r["doc"], "title": r.get("title"),
                                   "mentions": per_graph.get(graph_iri(r["doc"]), 0)})
    return sorted(docs.values(), key=lambda r: (-r["mentions"], r["doc"]))


def _sources_summary(claims: list[dict], docs: list[dict]) -> str:
    pubs: dict[str, int] = {}
    for r in claims:
        if r.get("publisher"):
            pubs[r["publisher"]] = pubs.get(r["publisher"], 0) + 1
    dates = sorted(str(r["date"]) for r in claims if r.get("date"))
    facts = [("Claims", str(len(claims))), ("Documents", str(len(docs)))]
    if dates:
        facts.append(("Dates", f"{dates[0]} – {dates[-1]}" if dates[0] != dates[-1] else dates[0]))
    if pubs:
        facts.append(("Publishers", " · ".join(f"{p} ({n})" for p, n in sorted(pubs.items(), key=lambda x: -x[1]))))
    return "<dl class=facts>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts) + "</dl>"


def _related(claims: list[dict], iri: str) -> list[tuple[str, str, int]]:
    counts: dict[str, list] = {}
    for r in claims:
        for key, name in (("speakerE", "speaker"), ("sourceE", "source"), ("subjE", "subj"), ("objE", "obj")):
            e = r.get(key)
            if e and e != iri:
                counts.setdefault(e, [r.get(name) or e, set()])[1].add(r["c"])
    return sorted(((e, n, len(cs)) for e, (n, cs) in counts.items()), key=lambda x: (-x[2], x[1]))[:40]


def _external(url: str) -> str:
    # only web addresses become links (never javascript: or data:), and they leak no referrer
    if urlsplit(url).scheme in ("http", "https"):
        return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer nofollow">{escape(url)}</a>'
    return escape(url)


def _short(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _meta(r: dict) -> str:
    bits = [str(r["date"]) if r.get("date") else "", r.get("publisher") or ""]
    return escape(" · ".join(b for b in bits if b))


def _link_words(kind: str, direction: str) -> str:
    words = kind.replace("_", " ")
    return words if direction == "to" else f"(reverse) {words}"


def _number(v) -> str:
    if v is None:
        return ""
    f = float(v)
    return f"{int(f):,}" if f.is_integer() else f"{f:,}"


def _who(name: str | None, entity: str | None, verb: str) -> str:
    if not name and not entity:
        return ""
    shown = _entity_link(entity, name) if entity else escape(name)
    return f"<p class=who>{verb} {shown}</p>"


def _sentence(r: dict) -> str:
    s = r.get("sentence") or ""
    base, start, end = r.get("sstart"), r.get("start"), r.get("end")
    ints = all(isinstance(x, int) for x in (base, start, end))
    if ints and base <= start <= end <= base + len(s):
        a, b = start - base, end - base
        return f"<blockquote>{escape(s[:a])}<mark>{escape(s[a:b])}</mark>{escape(s[b:])}</blockquote>"
    return f"<blockquote>{escape(s)}</blockquote>"


def claim_card(r: dict, full: bool = False) -> str:
    kind = r["kind"]
    if kind == "quote":
        what = f"<p class=what>“{escape(r.get('content') or '')}”</p>"
        who = _who(r.get("speaker"), r.get("speakerE"), "said by" if r.get("direct") else "reported as said by")
    elif kind == "number":
        rng = f"–{_number(r['valueMax'])}" if r.get("valueMax") is not None else ""
        extra = " ".join(x for x in (r.get("unit"), r.get("counts"), r.get("predicate")) if x)
        scope = ", ".join(x for x in (r.get("place"), r.get("time")) if x)
        what = (f"<p class=what><b>{escape(r.get('surface') or _number(r.get('value')))}</b> {escape(extra)}"
                f" <span class=meta>= {escape(_number(r.get('value')) + rng)} ({escape(r.get('qualifier') or '')})"
                + (f" · {escape(scope)}" if scope else "") + "</span></p>")
        who = _who(r.get("source"), r.get("sourceE"), "asserted by")
    else:
        subj = _entity_link(r["subjE"], r.get("subj")) if r.get("subjE") else escape(r.get("subj") or "?")
        obj = _entity_link(r["objE"], r.get("obj")) if r.get("objE") else escape(r.get("obj") or "?")
        what = f"<p class=what>{subj} <i>{escape((r.get('relation') or '').replace('_', ' '))}</i> {obj}</p>"
        who = ""
    quote = ""
    if r.get("inQuote"):
        quote = f'<p class=meta>inside <a href="{_url("/claims/claim", iri=r["inQuote"])}">a quote</a></p>'
    source = (f"<p class=src>{_doc_link(r.get('doc'), r.get('title'))} <span class=meta>{_meta(r)}</span>"
              + ("" if full else f' · <a href="{_url("/claims/claim", iri=r["c"])}">claim</a>') + "</p>")
    ident = f"<p class=meta>{escape(r['c'])}</p>" if full else ""
    return (f'<article class="claim {escape(kind)}"><span class=kind>{escape(kind)}</span>'
            f"{what}{who}{quote}{_sentence(r)}{source}{ident}</article>")


def claim_list(claims: list[dict], more: bool = False) -> str:
    if not claims:
        return "<p class=empty>No claims.</p>"
    note = f"<p class=meta>Showing the first {LIMIT}; narrow the search to see the rest.</p>" if more else ""
    return note + "".join(claim_card(r) for r in claims)


def page(title: str, body: str, q: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · kg</title><link rel="stylesheet" href="/static/browser.css"></head>
<body><header><nav><a href="/claims">Claims</a> <a href="/entities">Speakers</a> <a href="/conflicts">Conflicts</a>
 <a href="/trace">Trace</a> <a href="/graph/overview">Graph</a> <a href="/sparql">SPARQL</a></nav>
<form method="get" action="/claims"><input type="search" name="q" value="{escape(q, quote=True)}"
 maxlength="200" placeholder="entity, words or number" aria-label="search"><button>Search</button></form></header>
<main><h1>{escape(title)}</h1>
{body}
</main></body></html>"""


def error_page(title: str, message: str) -> str:
    return page(title, f"<p class=error>{escape(message)}</p>")


CSS = """
body { font: 16px/1.45 system-ui, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { display: flex; gap: 1.5em; align-items: center; padding: .6em 1.2em; background: #233; }
header a { color: #fff; margin-right: 1em; text-decoration: none; }
header input { width: 22em; padding: .25em; }
main { max-width: 60em; margin: 0 auto; padding: 1em 1.2em 3em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
.claim { background: #fff; border: 1px solid #dde; border-left: 4px solid #4e79a7; border-radius: 4px;
         padding: .5em .9em; margin: .8em 0; }
.claim.number { border-left-color: #17becf; } .claim.relation { border-left-color: #6b4c9a; }
.kind { float: right; font-size: .75em; text-transform: uppercase; color: #667; }
.what { font-size: 1.05em; margin: .2em 0; } .who, .src { margin: .2em 0; }
blockquote { margin: .4em 0; padding-left: .8em; border-left: 2px solid #ccd; color: #444; }
mark { background: #fde68a; } .meta { color: #667; font-size: .9em; } .error { color: #a00; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
dt { font-weight: 600; } pre { white-space: pre-wrap; background: #fff; padding: .6em; border: 1px solid #dde; }
textarea { width: 100%; font: 14px monospace; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: .2em .8em; } .side .claim { margin: .3em 0; }
svg.kg-chart { max-width: 100%; height: auto; display: block; margin: .6em 0; background: #fff; }
svg.kg-chart a:hover text { text-decoration: underline; }
"""

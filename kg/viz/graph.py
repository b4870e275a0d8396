"""The store as a networkx graph of entities, claims and documents, with provenance on every node and
edge, and the filters that keep a view readable (focus + hops, claim kind, source document, conflicts).

Nodes (attribute ``kind``): ``entity`` (canonical entity, or the local one when entities were not
resolved), ``quote``, ``quantity`` and ``document``. Edges (attribute ``label``): ``said`` (speaker →
quote), ``asserts`` (source → number), ``about`` (claim → entity named in it), relation names such as
``relocated_to`` and ``holds_role`` (entity → entity, the relation claim's evidence on the edge),
``derived_from`` (claim → document), ``republication_of`` / ``reuses_passages_of`` / ``same_story_as``
(document → document). Numbers that disagree (the groups of ``kg.compare``: the same thing measured
with values beyond each other's qualifiers) are one node of kind ``conflict`` per group, with a
``disagrees`` edge from each member number: one edge per claim, however many claims repeat a figure
(pairing them would be quadratic — millions of edges on a corpus that repeats a few figures). Only the
conflicts view shows them.
"""

from __future__ import annotations

import difflib
import hashlib
from bisect import bisect_left
from collections import Counter, defaultdict

import networkx as nx

from kg.errors import KgError
from kg.viz import queries
from kg.viz.layout import induced

KINDS = ("quote", "quantity", "relation")
DEFAULT_MAX_NODES = 1000
DEFAULT_HOPS = 2
LABEL_CHARS = 34
CONFLICT_PREFIX = "urn:kg:view:conflict:"  # conflict groups have no IRI in the store; this names them in views
LINK_LABELS = {
    "republication_of": "republication_of",
    "reuses_passages_of": "reuses_passages_of",
    "same_story_as": "same_story_as",
}


class VizError(KgError):
    """A view cannot be drawn as asked (no such entity or document, too many nodes)."""


def shorten(text: str, n: int = LABEL_CHARS) -> str:
    """One line of at most ``n`` characters, cut at a word boundary when there is one."""
    text = " ".join(str(text).split())
    if len(text) <= n:
        return text
    cut = text[: n - 1]
    if " " in cut[n // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.") + "…"


def _number(v) -> str:
    if v is None:
        return ""
    f = float(v)
    return f"{int(f):,}" if f.is_integer() else f"{f:,}"


class Columns:
    """Predicate → {subject: object} over the article graphs, each read once with a single-pattern query
    (``queries.COLUMN``) and kept for the other readers (``kg:document`` serves claims and entities)."""

    def __init__(self, store):
        self.store = store
        self.kept: dict[tuple, dict] = {}

    def _rows(self, template: str, term: str) -> list[dict]:
        return self.store.select(template % term)[1]

    def one(self, term: str, default_graph: bool = False) -> dict:
        """subject → its first object (a field with one value)."""
        key = ("one", term, default_graph)
        if key not in self.kept:
            out: dict = {}
            for r in self._rows(queries.DEFAULT_COLUMN if default_graph else queries.COLUMN, term):
                out.setdefault(r["s"], r["o"])
            self.kept[key] = out
        return self.kept[key]

    def many(self, term: str, default_graph: bool = False) -> dict[str, list]:
        """subject → every object (mentions of an entity, selectors of a mention)."""
        key = ("many", term, default_graph)
        if key not in self.kept:
            out: dict[str, list] = defaultdict(list)
            for r in self._rows(queries.DEFAULT_COLUMN if default_graph else queries.COLUMN, term):
                out[r["s"]].append(r["o"])
            self.kept[key] = out
        return self.kept[key]

    def typed(self, cls: str) -> list[str]:
        return sorted({r["s"] for r in self._rows(queries.TYPED, cls)})

    def position(self, node: str) -> tuple[int | None, int | None]:
        """Start and end of the TextPositionSelector of an evidence or mention node."""
        starts, ends = self.one("oa:start"), self.one("oa:end")
        for sel in self.many("oa:hasSelector").get(node, ()):
            if sel in starts:
                return starts[sel], ends.get(sel)
        return None, None


def load_graph(store, conflicts: bool = True) -> nx.MultiDiGraph:
    """Everything in the store as one graph; with ``conflicts``, also the groups of numbers that disagree
    (``kg.compare``, kept per store generation)."""
    G = nx.MultiDiGraph()
    cols = Columns(store)
    docs = _documents(store, G)
    local = _entities(store, G, docs, cols)
    claims = _claims(cols, G, docs, local)
    _about(cols, G, claims, local)
    _doc_links(store, G)
    if conflicts:
        _conflict_groups(store, G)
    for n, attrs in G.nodes(data=True):
        if attrs["kind"] == "document":
            attrs["claims"] = sum(1 for p in G.predecessors(n) if G.nodes[p]["kind"] in ("quote", "quantity"))
    return G


def _conflict_groups(store, G) -> None:
    """One ``conflict`` node per group of ``kg.compare``'s conflicts, a ``disagrees`` edge from each member."""
    from kg import compare

    for group, independent in compare.compared(store).conflicts:
        members = [c["claim"] for c in group.claims if c.get("claim") in G]
        if len({G.nodes[c].get("doc") for c in members}) < 2:
            continue  # the store changed under the comparison's cache, or a member is not in this graph
        key = CONFLICT_PREFIX + hashlib.sha1("|".join(sorted(members)).encode()).hexdigest()[:16]
        values = [[c, _claim_value(G.nodes[c]), G.nodes[c].get("source") or "", G.nodes[c].get("doc_title")
                   or G.nodes[c].get("doc") or ""] for c in members]
        G.add_node(key, kind="conflict", label=shorten(f"≠ {group.label}"), name=group.label, why=group.why,
                   members=len(members), documents=len({G.nodes[c].get("doc") for c in members}),
                   independent=independent, values=values)
        for c in members:
            G.add_edge(c, key, key="disagrees", label="disagrees", kind="conflict")


def _claim_value(a: dict) -> str:
    return " ".join(x for x in (a.get("text") or _number(a.get("value")), a.get("counts")) if x)


def _documents(store, G) -> dict[str, dict]:
    _, rows = store.select(queries.DOCUMENTS)
    docs: dict[str, dict] = {}
    for r in rows:
        if r["d"] in docs:
            continue
        info = {
            "doc": r["id"], "doc_title": r["title"] or "", "publisher": r["publisher"] or "",
            "date": str(r["date"] or ""), "url": r["url"] or "",
        }
        docs[r["d"]] = info
        label = r["title"] or (f"{r['publisher']}: {r['id']}" if r["publisher"] else r["id"])
        G.add_node(r["d"], kind="document", label=shorten(label), name=label, path=r["path"] or "", **info)
    return docs


def _entities(store, G, docs, cols: Columns) -> dict[str, str]:
    """Add entity nodes; return local entity IRI → graph node (canonical when resolved)."""
    local: dict[str, str] = {}
    types: dict[str, Counter] = defaultdict(Counter)
    names, kinds, where = cols.one("kg:name"), cols.one("kg:entityType"), cols.one("kg:document")
    mentions = cols.many("kg:mention")
    canon, labels = cols.one("kg:canonical", default_graph=True), cols.one("rdfs:label", default_graph=True)
    for le in cols.typed("kg:LocalEntity"):
        if le not in names or le not in kinds or le not in where:
            continue  # an entity without a name, type or document is not one the extractors wrote
        node = canon.get(le) or le
        local[le] = node
        name = labels.get(canon[le]) if le in canon and canon[le] in labels else names[le]
        if node not in G:
            G.add_node(node, kind="entity", label=shorten(name, 28), name=name, mentions=0,
                       docs=[], aliases=[], roles=[])
        a = G.nodes[node]
        a["mentions"] += len(set(mentions.get(le, ())))
        doc = docs.get(where[le], {}).get("doc")
        if doc and doc not in a["docs"]:
            a["docs"].append(doc)
        if names[le] != name and names[le] not in a["aliases"]:
            a["aliases"].append(names[le])
        types[node][kinds[le]] += 1
    for node, counts in types.items():
        G.nodes[node]["type"] = counts.most_common(1)[0][0]
    # other names and role titles (for --focus matching and the details panel): of the local entities in
    # the article graphs, and of the canonical ones in the default graph
    roles = cols.many("kg:role")
    extra = [(le, alts, roles.get(le, ())) for le, alts in cols.many("skos:altLabel").items() if le in local]
    extra += [(le, (), rs) for le, rs in roles.items() if le in local]
    extra += [(e, alts, ()) for e, alts in cols.many("skos:altLabel", default_graph=True).items()]
    for e, alts, rs in extra:
        node = local.get(e, e)
        if node not in G or G.nodes[node]["kind"] != "entity":
            continue
        a = G.nodes[node]
        for alt in alts:
            if alt and alt != a["name"] and alt not in a["aliases"]:
                a["aliases"].append(alt)
        for role in rs:
            if role and role not in a["roles"]:
                a["roles"].append(role)
    return local


# claim field → the predicate it is read from (kg/rdf/mapping.py writes them)
CLAIM_COLUMNS = {
    "d": "kg:document", "sentence": "kg:sentence", "sstart": "kg:sentenceStart", "send": "kg:sentenceEnd",
    "evidence": "kg:evidence", "confidence": "kg:confidence",
}
KIND_COLUMNS = {
    "quote": {"content": "schema:text", "direct": "kg:direct", "cue": "kg:cue", "speaker": "kg:speaker",
              "speaker_name": "kg:speakerName", "speaker_mention": "kg:speakerMention",
              "reason": "kg:unresolvedReason"},
    "quantity": {"value": "kg:value", "value_max": "kg:valueMax", "qualifier": "kg:qualifier", "unit": "kg:unit",
                 "counts": "kg:counts", "counts_head": "kg:countsHead", "predicate": "kg:predicateText",
                 "place": "kg:place", "time": "kg:time", "text": "kg:surfaceText", "source_name": "kg:sourceName",
                 "source_kind": "kg:sourceKind", "asserted_by": "kg:assertedBy", "in_quote": "kg:inQuote"},
    "relation": {"subject": "kg:subject", "object": "kg:object", "relation": "kg:relation", "role": "kg:role",
                 "pattern": "kg:pattern"},
}
KIND_CLASSES = {"quote": "kg:Quote", "quantity": "kg:NumericClaim", "relation": "kg:RelationClaim"}


def _claim_rows(cols: Columns) -> list[dict]:
    """Every claim of the article graphs as one row of the fields above (absent fields are None)."""
    kind_of: dict[str, str] = {}
    for kind, cls in KIND_CLASSES.items():
        for c in cols.typed(cls):
            kind_of.setdefault(c, kind)  # a claim typed twice keeps its first kind
    common = {f: cols.one(t) for f, t in CLAIM_COLUMNS.items()}
    own = {k: {f: cols.one(t) for f, t in fields.items()} for k, fields in KIND_COLUMNS.items()}
    rows = []
    for c in sorted(kind_of):
        kind = kind_of[c]
        if c not in common["d"]:
            continue
        if kind == "relation" and not (c in own[kind]["subject"] and c in own[kind]["object"]):
            continue
        r = {"c": c, "kind": kind, **{f: col.get(c) for f, col in common.items()},
             **{f: col.get(c) for f, col in own[kind].items()}}
        if r["sstart"] is None or r["send"] is None:
            r["sstart"] = r["send"] = None
        r["start"], r["end"] = cols.position(r["evidence"]) if r["evidence"] else (None, None)
        rows.append(r)
    return rows


def _claims(cols: Columns, G, docs, local) -> list[str]:
    added: list[str] = []
    # relations about the article itself (published_by, first_published_in) name it by its id
    doc_by_id = {info["doc"]: d for d, info in docs.items()}
    for r in _claim_rows(cols):
        c, kind = r["c"], r["kind"]
        if c in G:
            continue
        prov = {
            "sentence": r["sentence"] or "", "start": r["start"], "end": r["end"],
            "sstart": r["sstart"], "send": r["send"], "confidence": r["confidence"],
            "claim": c, **docs.get(r["d"], {"doc": r["d"]}),
        }
        if kind == "relation":
            s, o = local.get(r["subject"], r["subject"]), local.get(r["object"], r["object"])
            s, o = doc_by_id.get(G.nodes[s]["name"], s) if s in G else s, doc_by_id.get(
                G.nodes[o]["name"], o) if o in G else o
            if s in G and o in G:
                rel = r["relation"] or "related_to"
                G.add_edge(s, o, key=c, label=rel, kind="relation", role=r["role"] or "",
                           pattern=r["pattern"] or "", **prov)
            continue
        if kind == "quote":
            content = r["content"] or ""
            G.add_node(c, kind="quote", label=f"“{shorten(content, LABEL_CHARS - 2)}”", quote=content,
                       direct=r["direct"], cue=r["cue"] or "", speaker=r["speaker_name"] or "",
                       speaker_mention=r["speaker_mention"] or "", reason=r["reason"] or "", **prov)
            who = local.get(r["speaker"]) if r["speaker"] else None
            if who in G:
                G.add_edge(who, c, key="said", label="said", kind="said")
        else:
            surface = r["text"] or _number(r["value"])
            what = " ".join(x for x in (surface, r["counts"] or "") if x)
            G.add_node(c, kind="quantity", label=shorten(what), text=surface, value=r["value"],
                       value_max=r["value_max"], qualifier=r["qualifier"] or "", unit=r["unit"] or "",
                       counts=r["counts"] or "", counts_head=r["counts_head"] or "",
                       predicate=r["predicate"] or "", place=r["place"] or "", time=r["time"] or "",
                       source=r["source_name"] or "", source_kind=r["source_kind"] or "", **prov)
            who = local.get(r["asserted_by"]) if r["asserted_by"] else None
            if who in G:
                G.add_edge(who, c, key="asserts", label="asserts", kind="asserts")
            if r["in_quote"]:
                G.nodes[c]["in_quote"] = r["in_quote"]
        if r["d"] in G:
            G.add_edge(c, r["d"], key="derived_from", label="derived_from", kind="derived_from")
        added.append(c)
    return added


def _about(cols: Columns, G, claims, local) -> None:
    """claim → every entity mentioned inside it: the quote's words, or the number's sentence."""
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    where = cols.one("kg:document")
    for le, ms in cols.many("kg:mention").items():
        if le not in local or le not in where:
            continue
        for m in set(ms):
            start, end = cols.position(m)
            if start is not None and end is not None:
                by_doc[where[le]].append((int(start), int(end), local[le]))
    for spans in by_doc.values():
        spans.sort()
    for c in claims:
        a = G.nodes[c]
        doc_node = next((t for _, t, k in G.out_edges(c, keys=True) if k == "derived_from"), None)
        spans = by_doc.get(doc_node or "", [])
        if a["kind"] == "quote":
            lo, hi = a.get("start"), a.get("end")
        else:
            lo, hi = a.get("sstart"), a.get("send")
        if lo is None or hi is None or not spans:
            continue
        talking = {u for u, _ in G.in_edges(c)}
        i = bisect_left(spans, (int(lo), -1, ""))
        seen = set()
        while i < len(spans) and spans[i][0] < int(hi):
            start, end, ent = spans[i]
            if end <= int(hi) and ent not in talking and ent not in seen:
                seen.add(ent)
                G.add_edge(c, ent, key="about", label="about", kind="about")
            i += 1


def _doc_links(store, G) -> None:
    _, rows = store.select(queries.DOC_LINKS)
    for r in rows:
        if r["s"] in G and r["t"] in G:
            label = LINK_LABELS.get(r["kind"] or "", "same_story_as")
            G.add_edge(r["s"], r["t"], key=label, label=label, kind="doclink", similarity=r["similarity"])


# ---------------------------------------------------------------------------------------------- filters


def select(
    G: nx.MultiDiGraph,
    focus: str | None = None,
    hops: int = DEFAULT_HOPS,
    kinds: tuple[str, ...] | list[str] | None = None,
    source: str | None = None,
    conflicts: bool = False,
) -> nx.MultiDiGraph:
    """The part of ``G`` a view shows. Raises ``VizError`` when focus or source match nothing."""
    H = G.copy()
    if not conflicts:
        H.remove_nodes_from([n for n, a in G.nodes(data=True) if a["kind"] == "conflict"])
    if source:
        docs = match_documents(H, source)
        H.remove_nodes_from([n for n, a in list(H.nodes(data=True))
                             if a["kind"] in ("quote", "quantity", "document") and a.get("doc") not in docs])
        H.remove_edges_from([(u, v, k) for u, v, k, d in H.edges(keys=True, data=True)
                             if d["kind"] == "relation" and d.get("doc") not in docs])
    if kinds:
        bad = set(kinds) - set(KINDS)
        if bad:
            raise VizError(f"unknown claim kind {sorted(bad)[0]!r}; use one of {', '.join(KINDS)}")
        H.remove_nodes_from([n for n, a in list(H.nodes(data=True))
                             if a["kind"] in ("quote", "quantity") and a["kind"] not in kinds])
        if "relation" not in kinds:
            H.remove_edges_from([(u, v, k) for u, v, k, d in H.edges(keys=True, data=True)
                                 if d["kind"] == "relation"])
    _drop_idle(H, keep_docs=bool(source))
    if conflicts:
        groups = [n for n, a in H.nodes(data=True) if a["kind"] == "conflict"]
        numbers = {u for g in groups for u, _ in H.in_edges(g)}
        keep = set(groups) | numbers
        for n in numbers:
            keep.update(u for u, _ in H.in_edges(n))  # who asserted it
            keep.update(v for _, v, k in H.out_edges(n, keys=True) if k == "derived_from")
        H = induced(H, [n for n in H if n in keep])
    if focus:
        centres = match_entities(G, focus) & set(H)
        if not centres:
            raise VizError(f"{focus!r} takes part in no claim in this view; try without --kind/--source")
        U = H.to_undirected(as_view=True)
        reach: set = set()
        for c in centres:
            reach.update(nx.single_source_shortest_path_length(U, c, cutoff=max(0, hops)))
        # every claim in view keeps its source document, however many hops away: that is its provenance
        reach.update(v for n in list(reach) for _, v, k in H.out_edges(n, keys=True) if k == "derived_from")
        H = induced(H, [n for n in H if n in reach])
    return H


def _drop_idle(H, keep_docs: bool) -> None:
    """Entities in no claim and documents with nothing left are noise in a claims view; so is a conflict
    group with fewer than two of its numbers left (a filter took the others out)."""
    lone = [n for n, a in H.nodes(data=True)
            if a["kind"] == "conflict" and len({H.nodes[u].get("doc") for u, _ in H.in_edges(n)}) < 2]
    H.remove_nodes_from(lone)
    idle = [n for n, a in H.nodes(data=True)
            if (a["kind"] == "entity" or (a["kind"] == "document" and not keep_docs)) and H.degree(n) == 0]
    H.remove_nodes_from(idle)


def match_entities(G, text: str) -> set:
    """Entity nodes whose name or another name equals ``text``, else contains it (case-insensitive)."""
    want = text.strip().lower()
    names = {n: [a["name"], *a.get("aliases", ())] for n, a in G.nodes(data=True) if a["kind"] == "entity"}
    exact = {n for n, ns in names.items() if any(x.lower() == want for x in ns)}
    if exact:
        return exact
    part = {n for n, ns in names.items() if any(want in x.lower() for x in ns)}
    if part:
        return part
    close = difflib.get_close_matches(text, sorted({x for ns in names.values() for x in ns}), n=4, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise VizError(f"no entity named {text!r} in the store{hint}")


def match_documents(G, text: str) -> set[str]:
    """Document ids matching ``text``: the id, its start, or part of the title, publisher or file path."""
    want = text.strip().lower()
    docs = {a["doc"]: a for _, a in G.nodes(data=True) if a["kind"] == "document"}
    for test in (lambda d, a: d.lower() == want, lambda d, a: d.lower().startswith(want),
                 lambda d, a: any(want in (a.get(f) or "").lower() for f in ("doc_title", "publisher", "path"))):
        found = {d for d, a in docs.items() if test(d, a)}
        if found:
            return found
    some = ", ".join(sorted(docs)[:5])
    raise VizError(f"no document matches {text!r}; document ids look like: {some}")


def check_size(H, max_nodes: int, focus: str | None = None, hops: int = DEFAULT_HOPS) -> None:
    n = H.number_of_nodes()
    if n <= max_nodes:
        return
    if not focus:
        hint = "narrow it with --focus ENTITY (and --hops 1), --kind or --source"
    elif hops > 1:
        hint = f"lower --hops (now {hops}) or narrow it with --kind or --source"
    else:
        hint = "narrow it with --kind or --source"
    raise VizError(f"the graph has {n} nodes, over the cap of {max_nodes}: {hint}, or raise --max-nodes")

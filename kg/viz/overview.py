"""A graph that reads at any size: the most-connected entities and the claims that link them, coloured by
community (networkx's Louvain), laid out with labels that do not overlap (``kg.viz.layout``), plus what
the page needs to expand a node, filter and search.

``overview(G, top)`` picks the view; ``neighbours(G, key)`` is what one click adds (the JSON of
``kg serve``'s ``/graph/expand``, and the data a static file embeds for its overview nodes, capped).
Node ids in this page are the graph's own keys (IRIs), so the server's answers and the embedded data
name nodes the same way.
"""

from __future__ import annotations

import weakref
from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx

from kg.viz.layout import induced, layout
from kg.viz.page import EDGE_COLOURS, KIND_STYLE, _clean, _entity_colour, edge_info, graph_page, node_info, options

DEFAULT_TOP = 60  # entities in the overview: all their labels readable on a laptop screen at fit zoom
CLAIMS_PER_PAIR = 2  # claims kept for each pair of overview entities they link
MAX_CLAIMS = 160
EXPAND_PAGE = 60  # neighbours kg serve sends per click (then "show more"): a hub's 800 would take half a second
EMBED_PER_NODE = 25  # neighbours a static file embeds per overview node (kg serve fetches them all)
EMBED_TOTAL = 6000  # embedded items at most, whatever the corpus size
COMMUNITY_COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759", "#76b7b2", "#edc948", "#9c755f",
                     "#ff9da7", "#86bcb6", "#d37295", "#8cd17d"]
MIN_ISLAND = 4  # components smaller than this are left out of the overview (search and expand still reach them)
# vis-network scales node and label size by "value" (linearly between the least and the greatest present):
# claims 1, entities ENTITY_VALUE–20 by rank, so the least-connected entity's label is still twice a claim's.
# A label is drawn once it is LABEL_DRAW px on screen: at fit zoom every entity name is (the layout packs
# the picture to the screen's shape), claim labels appear as you zoom in. Claims' layout boxes reserve
# only CLAIM_RESERVE characters of their label: a quote's 30 would triple the drawing and halve the zoom.
VALUE = (1, 20)
ENTITY_VALUE = 12
LABEL_PX = (9, 26)
LABEL_DRAW = 8
SIZE_PX = (4, 18)
CLAIM_RESERVE = 0
CLAIM_KINDS = ("quote", "quantity")


def _claim_entities(G: nx.MultiDiGraph, c) -> set:
    """The entities a claim links: its speaker or source, and the entities named in it."""
    out = {u for u, _ in G.in_edges(c) if G.nodes[u]["kind"] == "entity"}
    out.update(v for _, v in G.out_edges(c) if G.nodes[v]["kind"] == "entity")
    return out


def scores(G: nx.MultiDiGraph) -> Counter:
    """How connected each entity is: claims it is in, relations it takes part in, mentions as tie-break."""
    s: Counter = Counter()
    for n, a in G.nodes(data=True):
        if a["kind"] in CLAIM_KINDS:
            for e in _claim_entities(G, n):
                s[e] += 10
    for u, v, d in G.edges(data=True):
        if d["kind"] == "relation":
            s[u] += 10
            s[v] += 10
    for n, a in G.nodes(data=True):
        if a["kind"] == "entity":
            s[n] += min(9, int(a.get("mentions") or 0))
    return s


def overview(G: nx.MultiDiGraph, top: int = DEFAULT_TOP) -> nx.MultiDiGraph:
    """The ``top`` most-connected entities, the claims linking two of them (a few per pair, numbers that
    disagree first) and the relations between them. Attribute ``community`` on every node."""
    s = scores(G)
    keep = {e for e, _ in s.most_common(top) if G.nodes[e]["kind"] == "entity"}
    by_pair: dict[tuple, list] = defaultdict(list)
    for n, a in G.nodes(data=True):
        if a["kind"] not in CLAIM_KINDS:
            continue
        ents = sorted(_claim_entities(G, n) & keep, key=str)
        for pair in combinations(ents, 2):
            by_pair[pair].append(n)
    conflicted = {u for n, a in G.nodes(data=True) if a["kind"] == "conflict" for u, _ in G.in_edges(n)}
    chosen: list = []
    seen = set()
    for pair in sorted(by_pair, key=lambda p: (-len(by_pair[p]), str(p))):
        ranked = sorted(by_pair[pair], key=lambda c: (c not in conflicted, G.nodes[c]["kind"] != "quote", str(c)))
        for c in [c for c in ranked if c not in seen][:CLAIMS_PER_PAIR]:
            seen.add(c)
            chosen.append(c)
        if len(chosen) >= MAX_CLAIMS:
            break
    wanted = keep | set(chosen)
    H = induced(G, [n for n in G if n in wanted])
    H.remove_edges_from([(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if d["kind"] == "conflict"])
    H.remove_nodes_from([n for n in list(H) if H.nodes[n]["kind"] == "entity" and H.degree(n) == 0])
    # two entities linked by one claim, far from the rest, would shrink the whole picture to fit them in
    small = [c for c in nx.weakly_connected_components(H) if len(c) < MIN_ISLAND]
    if len(small) < nx.number_weakly_connected_components(H):
        H.remove_nodes_from([n for c in small for n in c])
    assign_communities(H)
    return H


def assign_communities(H: nx.MultiDiGraph) -> list[list]:
    """Louvain communities of the entities (claims join their speaker's); returns them, largest first."""
    U = nx.Graph()
    ents = [n for n, a in H.nodes(data=True) if a["kind"] == "entity"]
    U.add_nodes_from(ents)
    for n, a in H.nodes(data=True):
        if a["kind"] in CLAIM_KINDS:
            for x, y in combinations(sorted(_claim_entities(H, n), key=str), 2):
                w = U.get_edge_data(x, y, {"weight": 0})["weight"]
                U.add_edge(x, y, weight=w + 1)
    for u, v, d in H.edges(data=True):
        if d["kind"] == "relation" and u in U and v in U:
            w = U.get_edge_data(u, v, {"weight": 0})["weight"]
            U.add_edge(u, v, weight=w + 1)
    comms = nx.community.louvain_communities(U, weight="weight", seed=7) if len(U) else []
    comms = sorted((sorted(c, key=str) for c in comms), key=lambda c: (-len(c), str(c[0])))
    for i, c in enumerate(comms):
        for n in c:
            H.nodes[n]["community"] = i
    for n, a in H.nodes(data=True):
        if a["kind"] != "entity":
            ents = sorted(_claim_entities(H, n), key=lambda e: (H.nodes[e].get("community", 99), str(e)))
            a["community"] = H.nodes[ents[0]].get("community", 0) if ents else 0
    return comms


# ---------------------------------------------------------------------------------------------- vis items


def _facets(a: dict) -> dict:
    return {"doc": a.get("doc") or "", "publisher": a.get("publisher") or "", "date": str(a.get("date") or ""),
            "title": a.get("doc_title") or ""}


def node_item(G: nx.MultiDiGraph, n, value: int | None = None) -> dict:
    a = G.nodes[n]
    head, rows = node_info(a)
    item = {"id": str(n), "label": a.get("label") or "", "kind": a["kind"], "head": head, "info": _clean(rows),
            "search": a.get("name") or a.get("label") or ""}
    if a["kind"] == "entity":
        group, colour = _entity_colour(a)
        item.update(shape="dot", value=value or 2, type=group,
                    color=COMMUNITY_COLOURS[a.get("community", 0) % len(COMMUNITY_COLOURS)] if "community" in a
                    else colour)
    else:
        style = KIND_STYLE[a["kind"]]
        item.update(shape=style["shape"], color=style["color"], value=VALUE[0], **_facets(a))
    return item


def edge_item(G: nx.MultiDiGraph, u, v, k, d: dict) -> dict:
    head, rows = edge_info(G, u, v, d)
    label = f"{d['label']}: {d['role']}" if d.get("role") else d["label"]
    item = {"id": f"{u}|{v}|{k}", "from": str(u), "to": str(v), "label": label, "kind": d["kind"], "head": head,
            "info": _clean(rows), "color": EDGE_COLOURS.get(d["kind"], "#999999"),
            "width": 1 if d["kind"] == "about" else 2}
    if d["kind"] == "relation":
        item.update(_facets(d))
    return item


SHOWN_SOURCES = 5  # a relation read in many places is one line: this many of its sources in the details


def edge_items(G: nx.MultiDiGraph, edges) -> list[dict]:
    """vis-network edges for ``(u, v, key, data)``; a relation found in several claims between the same two
    entities ("X holds_role Y" in 300 articles) is one line that says how often and lists the first sources
    (a corpus that repeats a few relations would otherwise draw thousands of parallel lines)."""
    groups: dict[tuple, list] = {}
    for u, v, k, d in edges:
        key = (u, v, d["label"], d.get("role") or "") if d["kind"] == "relation" else (u, v, k)
        groups.setdefault(key, []).append((u, v, k, d))
    out = []
    for same in groups.values():
        u, v, k, d = same[0]
        item = edge_item(G, u, v, k, d)
        if len(same) > 1:
            rows = [["Found", f"{len(same)} times"]]
            for i, (_u, _v, _k, x) in enumerate(same[:SHOWN_SOURCES], 1):
                rows += [[f"{i}. {name}", value] for name, value in edge_info(G, u, v, x)[1]
                         if name not in ("Subject", "Object") and value not in (None, "")]
            if len(same) > SHOWN_SOURCES:
                rows.append(["…", f"{len(same) - SHOWN_SOURCES} more"])
            item["info"] = _clean([*item["info"][:2], *rows])
            item["found"] = len(same)
        out.append(item)
    return out


def _view_edges(G, nodes: set):
    for u, v, k, d in G.edges(keys=True, data=True):
        if u in nodes and v in nodes and d["kind"] not in ("derived_from", "conflict", "doclink"):
            yield u, v, k, d


_RANKED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # graph → node → its ranked neighbours


def ranked_neighbours(G: nx.MultiDiGraph, key) -> list:
    """``key``'s neighbours in the order expansion shows them (claims first for an entity, entities first
    for a claim, then by date), kept with the graph: ranking a hub's 7,000 neighbours takes a quarter of a
    second on a busy machine, and "show more" asks for the same list again."""
    kept = _RANKED.setdefault(G, {})
    if key in kept:
        return kept[key]
    attrs = G.nodes
    mine = attrs[key]["kind"] == "entity"
    ranked = []
    for n in {*G.succ[key], *G.pred[key]} - {key}:
        a = attrs[n]
        if a["kind"] not in ("document", "conflict"):
            ranked.append((((a["kind"] == "entity") if mine else (a["kind"] != "entity")),
                           str(a.get("date") or ""), str(n), n))
    ranked.sort(key=lambda t: t[:3])
    kept[key] = [t[3] for t in ranked]
    return kept[key]


def warm(G: nx.MultiDiGraph, hubs: int = 300) -> None:
    """Rank the neighbours of the ``hubs`` best-connected nodes now (kg serve, after reading the graph)."""
    for n in sorted(G, key=G.degree, reverse=True)[:hubs]:
        ranked_neighbours(G, n)


def neighbours(G: nx.MultiDiGraph, key, limit: int = 60, offset: int = 0) -> dict:
    """What expanding ``key`` adds: its neighbours (claims first for an entity, entities for a claim; no
    documents — a claim's document is in its details), ``limit`` of them from ``offset`` on, and every edge
    between them and ``key``. A hub has hundreds of neighbours: the page asks for the next ones (``next``)
    only when the reader wants them, so one click stays one small answer."""
    succ, pred = G.succ[key], G.pred[key]  # {neighbour: {edge key: data}}: no scan of the hub's edge views
    near = ranked_neighbours(G, key)
    picked = near[offset : offset + limit]
    incident = []
    for n in picked:
        for u, v, step in ((key, n, succ.get(n)), (n, key, pred.get(n))):
            for k, d in (step or {}).items():
                if d["kind"] not in ("derived_from", "conflict", "doclink"):
                    incident.append((u, v, k, d))
    edges = edge_items(G, incident)
    end = offset + len(picked)
    return {"node": str(key), "total": len(near), "offset": offset, "next": end if end < len(near) else None,
            "nodes": [node_item(G, n) for n in picked], "edges": edges}


# ---------------------------------------------------------------------------------------------- the page


def _values(H: nx.MultiDiGraph) -> dict:
    s = scores(H)
    ents = sorted((n for n, a in H.nodes(data=True) if a["kind"] == "entity"), key=lambda n: (-s[n], str(n)))
    out = {n: VALUE[0] for n in H}
    for rank, n in enumerate(ents):
        out[n] = round(VALUE[1] - (VALUE[1] - ENTITY_VALUE) * rank / max(1, len(ents) - 1))
    return out


def _px(value: int, lo_hi: tuple[int, int]) -> float:
    """What vis-network draws for a value (its linear scaling between the values present)."""
    return lo_hi[0] + (lo_hi[1] - lo_hi[0]) * (value - VALUE[0]) / (VALUE[1] - VALUE[0])


def embedded(G: nx.MultiDiGraph, order: list, shown: list[dict], shown_edges: list[dict],
             per_node: int = EMBED_PER_NODE, total: int = EMBED_TOTAL) -> tuple[dict, dict, dict]:
    """What a static file embeds so that a click on an overview node expands it offline: for each node of
    ``order`` (until ``total`` items are embedded) its first ``per_node`` neighbours as ids and its edges as
    ids (``extra``), and every node and edge item once (``items``, ``links``), leaving out those the overview
    already draws. A claim next to five overview entities is written once, not five times: the 10,000-document
    store's page was 13 MB, mostly copies of the same items."""
    have_nodes = {n["id"] for n in shown}
    have_edges = {e["id"] for e in shown_edges}
    extra: dict[str, dict] = {}
    items: dict[str, dict] = {}
    links: dict[str, dict] = {}
    budget = total
    for n in order:
        if budget <= 0:
            break
        got = neighbours(G, n, per_node)
        for item in got["nodes"]:
            if item["id"] not in have_nodes and item["id"] not in items:
                items[item["id"]] = item
                budget -= 1
        for e in got["edges"]:
            if e["id"] not in have_edges and e["id"] not in links:
                links[e["id"]] = e
                budget -= 1
        extra[str(n)] = {"total": got["total"], "nodes": [x["id"] for x in got["nodes"]],
                         "edges": [e["id"] for e in got["edges"]]}
    return extra, items, links


def overview_data(G: nx.MultiDiGraph, top: int = DEFAULT_TOP, embed: int = EMBED_PER_NODE) -> dict:
    """Everything the page script reads: the overview's nodes and edges with positions, the communities,
    the filter choices, and (``embed`` > 0) each overview node's neighbours for expansion offline."""
    from kg.viz.page import CHAR_WIDTH

    H = overview(G, top)
    values = _values(H)
    boxes = {}
    for n, a in H.nodes(data=True):
        f, r = _px(values[n], LABEL_PX), _px(values[n], SIZE_PX)
        chars = len(a.get("label") or "")
        w = CHAR_WIDTH * f * (chars if a["kind"] == "entity" else min(chars, CLAIM_RESERVE))
        boxes[n] = (max(w, 2 * r) + 8, 2 * r + f * 1.3 + 6)
    pos = layout(H, boxes=boxes)
    nodes = []
    for n in H:
        item = node_item(H, n, values[n])
        if n in pos:
            item["x"], item["y"] = pos[n]
        nodes.append(item)
    edges = edge_items(H, _view_edges(H, set(H)))
    comms: dict[int, list] = defaultdict(list)
    for n, a in H.nodes(data=True):
        if a["kind"] == "entity":
            comms[a["community"]].append(n)
    s = scores(H)
    communities = [{"id": i, "color": COMMUNITY_COLOURS[i % len(COMMUNITY_COLOURS)],
                    "names": [H.nodes[n]["name"] for n in sorted(members, key=lambda n: -s[n])[:4]],
                    "nodes": [str(n) for n in members]} for i, members in sorted(comms.items())]
    extra, items, links = (embedded(G, sorted(H, key=lambda n: -s[n]), nodes, edges, embed) if embed > 0
                           else ({}, {}, {}))
    docs = [a for _, a in G.nodes(data=True) if a["kind"] == "document"]
    claims = [a for _, a in G.nodes(data=True) if a["kind"] in CLAIM_KINDS]
    dates = sorted({str(a.get("date")) for a in docs if a.get("date")})
    n_ent = sum(1 for _, a in G.nodes(data=True) if a["kind"] == "entity")
    return {
        "nodes": nodes, "edges": edges, "communities": communities, "extra": extra, "items": items, "links": links,
        "publishers": sorted({a.get("publisher") for a in docs if a.get("publisher")}),
        "dates": [dates[0], dates[-1]] if dates else [],
        "corpus": {"documents": len(docs), "claims": len(claims), "entities": n_ent},
        "embedPerNode": embed,
        "options": _options(len(nodes)),
        "legendEdges": [{"label": k, "color": c} for k, c in EDGE_COLOURS.items()
                        if k not in ("derived_from", "conflict", "doclink")],
    }


def _options(n: int) -> dict:
    opts = options(False, n)
    opts["nodes"]["scaling"] = {"min": SIZE_PX[0], "max": SIZE_PX[1],
                                "label": {"enabled": True, "min": LABEL_PX[0], "max": LABEL_PX[1],
                                          "maxVisible": 40, "drawThreshold": LABEL_DRAW}}
    opts["edges"]["font"]["size"] = 0  # edge names are in the details panel; on the canvas they crowd labels
    opts["edges"]["arrows"]["to"]["scaleFactor"] = 0.4
    opts["interaction"].update(hideEdgesOnDrag=False, hideEdgesOnZoom=False)
    return opts


def render_overview(G: nx.MultiDiGraph, top: int = DEFAULT_TOP, expand_url: str | None = None,
                    embed: int = EMBED_PER_NODE, title: str = "kg: overview") -> str:
    """The overview page. ``expand_url`` (kg serve): clicks fetch neighbours from it (the CSP then allows
    connections to the page's own origin and nothing else); otherwise neighbours come from embedded data."""
    data = overview_data(G, top, embed=0 if expand_url else embed)
    data["expandUrl"] = expand_url or ""
    data["expandLimit"] = EXPAND_PAGE
    c = data["corpus"]
    summary = (f"{c['documents']:,} documents · {c['claims']:,} claims · {c['entities']:,} entities — showing the "
               f"{sum(1 for n in data['nodes'] if n['kind'] == 'entity')} most-connected entities and "
               f"{sum(1 for n in data['nodes'] if n['kind'] != 'entity')} claims linking them")
    return graph_page(title, summary, data, "overview.js", css=("app.css", "overview.css"), bar=_FILTERS,
                      sections=_COMMUNITIES, connect="'self'" if expand_url else "'none'",
                      hint="Hover over a node or a link to see its source. Click an entity or a claim to add its "
                           "neighbours; click a community below to zoom to it.")


def write_overview(G: nx.MultiDiGraph, path, **kwargs) -> None:
    from pathlib import Path

    Path(path).write_text(render_overview(G, **kwargs), encoding="utf-8")


_FILTERS = """<div id="kg-filters" role="group" aria-label="filters">
  <label><input type="checkbox" id="f-quote" checked> quotes</label>
  <label><input type="checkbox" id="f-quantity" checked> numbers</label>
  <label><input type="checkbox" id="f-relation" checked> relations</label>
  <label>source <input id="f-source" placeholder="title or document id" autocomplete="off"></label>
  <label>publisher <select id="f-publisher"><option value="">any</option></select></label>
  <label>from <input id="f-from" placeholder="YYYY-MM-DD" size="10"></label>
  <label>to <input id="f-to" placeholder="YYYY-MM-DD" size="10"></label>
  <button id="f-reset" type="button">reset</button>
  <span id="kg-status" aria-live="polite"></span> <button id="kg-more" type="button" hidden>show more</button>
</div>
"""
_COMMUNITIES = """    <section id="kg-communities"><h2>Communities</h2></section>
"""

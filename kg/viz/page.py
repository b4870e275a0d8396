"""networkx graph → one self-contained HTML page (vis-network from the pyvis package, inlined).

The page makes no network request: vis-network's JS and CSS are read from the installed pyvis package
and inlined, there is no CDN link and no Bootstrap, and a Content-Security-Policy forbids every fetch.
Positions are computed here (networkx layouts), so the browser draws at once; physics is an option.

Safety: article text reaches the page only as JSON inside a ``<script type="application/json">`` block
with ``<``, ``>`` and ``&`` written as ``\\u003c``-style escapes, and the page script shows it with
``textContent`` (never ``innerHTML``). The CSP only lets the page's own scripts (by SHA-256) run, so
even a missed escape could not run an injected ``<script>`` or ``onerror=`` handler.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from importlib import resources
from pathlib import Path

import networkx as nx

from kg.viz.layout import layout

VIS_VERSION = "vis-9.1.2"

ENTITY_COLOURS = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Company": "#b07aa1",
    "GovernmentBody": "#59a14f",
    "MediaOutlet": "#9c755f",
    "FinancialInstitution": "#d4a72c",
    "Place": "#76b7b2",
    "Group": "#ff9da7",
}
# Countries, cities and regions share the place colour: one legend entry instead of four.
TYPE_GROUP = {"Country": "Place", "City": "Place", "Region": "Place"}
OTHER_COLOUR = "#a5a5a5"
KIND_STYLE = {
    "quote": {"shape": "diamond", "color": "#e8c547", "legend": "Quote"},
    "quantity": {"shape": "square", "color": "#17becf", "legend": "Number"},
    "document": {"shape": "box", "color": "#eef1f5", "legend": "Source document"},
    "conflict": {"shape": "hexagon", "color": "#d62728", "legend": "Numbers that disagree (one group)"},
}
EDGE_COLOURS = {
    "said": "#4e79a7",
    "asserts": "#1f8a99",
    "about": "#b9bec5",
    "derived_from": "#c9cdd3",
    "relation": "#6b4c9a",
    "doclink": "#8c6d31",
    "conflict": "#d62728",
}
EDGE_LEGEND = {
    "said": "said (speaker → quote)",
    "asserts": "asserts (source → number)",
    "about": "about (claim → entity named in it)",
    "derived_from": "derived_from (claim → document)",
    "relation": "relation (relocated_to, holds_role, …)",
    "doclink": "republication_of / reuses_passages_of",
    "conflict": "disagrees (number → its group of numbers that do not match)",
}
CLAIM_VALUE = 4  # claims are drawn like an entity mentioned four times: visible, never dominant
# Label font sizes (pixels at zoom 1); a label shows once font × zoom reaches LABEL_MIN_PX.
TOP_FONT = (22, 36)  # the most quoted / most mentioned entities, largest first
ENTITY_FONT, DOCUMENT_FONT, CLAIM_FONT = 15, 24, 14
LABEL_MIN_PX = 5
NODE_SIZE = (8, 42)  # radius of the smallest and largest node, by mention count
CHAR_WIDTH = 0.55  # average glyph width in Helvetica, as a share of the font size


# ---------------------------------------------------------------------------------------------- page data


def _fmt(v) -> str:
    if v is None or v == "":
        return ""
    if isinstance(v, float):
        return f"{int(v):,}" if v.is_integer() else f"{v:,}"
    return str(v)


def _source_rows(a: dict) -> list[list[str]]:
    rows = [["Document title", a.get("doc_title")], ["Publisher", a.get("publisher")],
            ["Date", a.get("date")], ["URL", a.get("url")], ["Document", a.get("doc")]]
    if a.get("start") is not None:
        rows.append(["Characters", f"{a['start']}–{a['end']}"])
    return rows


def node_info(a: dict) -> tuple[str, list[list[str]]]:
    """The heading and (field, value) rows of the details panel: the provenance of a node."""
    kind = a["kind"]
    if kind == "quote":
        who = a.get("speaker") or ""
        if a.get("speaker_mention") and a["speaker_mention"] != who:
            who = f"{who} (as “{a['speaker_mention']}”)" if who else f"“{a['speaker_mention']}” (unresolved)"
        rows = [["Quote", a.get("quote")], ["Said by", who or "unknown speaker"],
                ["Why unknown", a.get("reason")], ["Verb", a.get("cue")],
                ["Sentence", a.get("sentence")], *_source_rows(a), ["Confidence", _fmt(a.get("confidence"))]]
        return ("Direct quote" if a.get("direct") else "Reported speech"), rows
    if kind == "quantity":
        value = _fmt(a.get("value"))
        if a.get("value_max") is not None:
            value += f" – {_fmt(a['value_max'])}"
        value = " ".join(x for x in (value, a.get("unit"), f"({a['qualifier']})" if a.get("qualifier") else "") if x)
        source = a.get("source") or ""
        if source and a.get("source_kind"):
            source += f" ({a['source_kind'].replace('_', ' ')})"
        rows = [["Number", " ".join(x for x in (a.get("text"), a.get("counts")) if x)], ["Value", value],
                ["What happened", a.get("predicate")], ["Place", a.get("place")], ["Time", a.get("time")],
                ["Asserted by", source or "not named"], ["Sentence", a.get("sentence")], *_source_rows(a)]
        return "Number", rows
    if kind == "conflict":
        rows = [["Measures", a.get("name")], ["Why comparable", a.get("why")],
                ["Claims", f"{a.get('members')} in {a.get('documents')} documents ({a.get('independent')} "
                           "independent)"]]
        rows += [[f"{i}.", _member(m)] for i, m in enumerate(a.get("values") or (), 1)]
        return "Numbers that disagree", rows
    if kind == "document":
        rows = [["Title", a.get("doc_title")], ["Publisher", a.get("publisher")], ["Date", a.get("date")],
                ["URL", a.get("url")], ["Document", a.get("doc")], ["File", a.get("path")],
                ["Claims", _fmt(a.get("claims"))]]
        return "Source document", rows
    rows = [["Name", a.get("name")], ["Also called", ", ".join(a.get("aliases") or ())],
            ["Roles", ", ".join(a.get("roles") or ())], ["Mentions", _fmt(a.get("mentions"))],
            ["Documents", ", ".join(a.get("docs") or ())]]
    return a.get("type") or "Entity", rows


MAX_OTHERS = 8  # a conflict edge's details list this many of the group's other numbers


def _member(m: list) -> str:
    """One number of a conflict group: [claim, value, source, document]."""
    _claim, value, source, doc = m
    return f"{value} — {source or 'source not named'} ({doc})"


def edge_info(G, u, v, d: dict) -> tuple[str, list[list[str]]]:
    src, dst = G.nodes[u].get("name") or G.nodes[u]["label"], G.nodes[v].get("name") or G.nodes[v]["label"]
    kind = d["kind"]
    if kind == "relation":
        rows = [["Subject", src], ["Object", dst], ["Role", d.get("role")], ["Sentence", d.get("sentence")],
                *_source_rows(d), ["Rule", d.get("pattern")]]
        return d["label"].replace("_", " "), rows
    if kind == "conflict":
        a, group = G.nodes[u], G.nodes[v]
        rows = [["Number", f"{a.get('text', '')} {a.get('counts', '')}".strip()],
                ["Asserted by", a.get("source") or "not named"], ["Sentence", a.get("sentence")],
                *_source_rows(a), ["Measures", group.get("name")]]
        others = [m for m in group.get("values") or () if m[0] != u]
        rows += [[f"Disagrees with {i}.", _member(m)] for i, m in enumerate(others[:MAX_OTHERS], 1)]
        if len(others) > MAX_OTHERS:
            rows.append(["…", f"{len(others) - MAX_OTHERS} more: see the group's node"])
        return "Numbers that disagree", rows
    rows = [["From", src], ["To", dst]]  # said / asserts / about / derived_from add their claim's rows
    if d.get("similarity") is not None:
        rows.append(["Similarity", _fmt(d["similarity"])])
    return d["label"], rows


def _clean(rows: list[list]) -> list[list[str]]:
    return [[k, str(v)] for k, v in rows if v not in (None, "")]


def _entity_colour(a: dict) -> tuple[str, str]:
    t = a.get("type") or ""
    group = TYPE_GROUP.get(t, t)
    return (group, ENTITY_COLOURS[group]) if group in ENTITY_COLOURS else ("Other", OTHER_COLOUR)


def page_data(G: nx.MultiDiGraph, physics: bool = False, positions: dict | None = None) -> dict:
    """Node and edge lists for vis-network, built in one pass (pyvis's add_edge is quadratic)."""
    index = {n: i for i, n in enumerate(G.nodes)}
    fonts = label_sizes(G)
    pos = positions if positions is not None else ({} if physics else layout(G, boxes=boxes(G, fonts)))
    nodes, legend_nodes = [], {}
    for n, a in G.nodes(data=True):
        kind = a["kind"]
        head, rows = node_info(a)
        item = {"id": index[n], "label": a.get("label") or "", "kind": kind, "head": head, "info": _clean(rows)}
        if kind == "entity":
            group, colour = _entity_colour(a)
            item.update(shape="dot", value=_value(G, n), color=colour)
            legend_nodes[f"e:{group}"] = {"label": group, "color": colour, "shape": "dot"}
        else:
            style = KIND_STYLE[kind]
            item.update(shape=style["shape"], color=style["color"])
            item["value"] = _value(G, n)
            legend_nodes[f"k:{kind}"] = {"label": style["legend"], "color": style["color"], "shape": style["shape"]}
        item["font"] = {"size": fonts[n]}
        item["search"] = a.get("name") or a.get("label") or ""
        if n in pos:
            item["x"], item["y"] = pos[n]
        nodes.append(item)
    edges, legend_edges = [], {}
    groups: dict[tuple, list] = {}
    for u, v, d in G.edges(data=True):
        groups.setdefault((u, v, d["label"], d.get("role") or ""), []).append(d)
    for i, ((u, v, _, _), ds) in enumerate(groups.items()):
        d = ds[0]
        head, rows = edge_info(G, u, v, d)
        if len(ds) > 1:  # the same relation read in several places: one line, every source listed
            rows = [["Found", f"{len(ds)} times"]] + [
                [f"{j}. {k}", val] for j, x in enumerate(ds, 1) for k, val in edge_info(G, u, v, x)[1]
                if k not in ("Subject", "Object", "From", "To")]
        kind = d["kind"]
        colour = EDGE_COLOURS.get(kind, "#999999")
        claim = next((n for n in (v, u) if G.nodes[n]["kind"] in ("quote", "quantity")), None)
        if claim is not None and kind not in ("relation", "conflict"):
            item_ref = index[claim]  # the page shows the claim's provenance with the edge (sent once)
        else:
            item_ref = None
        label = f"{d['label']}: {d['role']}" if d.get("role") else d["label"]
        item = {"id": i, "from": index[u], "to": index[v], "label": label, "kind": kind,
                "head": head, "info": _clean(rows), "color": colour}
        if item_ref is not None:
            item["ref"] = item_ref
        if kind == "conflict":
            item.update(width=3, arrows="", dashes=False)
        elif kind in ("about", "derived_from"):
            item.update(width=1, dashes=kind == "derived_from")
        else:
            item["width"] = 2
        edges.append(item)
        legend_edges[kind] = {"label": EDGE_LEGEND.get(kind, kind), "color": colour}
    order = [f"e:{g}" for g in (*ENTITY_COLOURS, "Other")] + [f"k:{k}" for k in KIND_STYLE]
    return {
        "nodes": nodes,
        "edges": edges,
        "legend": {"nodes": [legend_nodes[k] for k in order if k in legend_nodes],
                   "edges": [legend_edges[k] for k in EDGE_COLOURS if k in legend_edges]},
        "options": options(physics, len(nodes)),
    }


def _value(G, n) -> int:
    a = G.nodes[n]
    if a["kind"] == "entity":
        return max(1, int(a.get("mentions") or 1))
    return CLAIM_VALUE + 2 if a["kind"] in ("document", "conflict") else CLAIM_VALUE


def boxes(G: nx.MultiDiGraph, fonts: dict) -> dict:
    """Width and height (pixels at zoom 1) of each node with its label, as vis-network will draw it."""
    values = {n: _value(G, n) for n in G}
    lo, hi = (min(values.values()), max(values.values())) if values else (1, 1)
    out = {}
    for n, a in G.nodes(data=True):
        f = fonts[n]
        text_w = CHAR_WIDTH * f * len(a.get("label") or "")
        size = NODE_SIZE[0] + (NODE_SIZE[1] - NODE_SIZE[0]) * ((values[n] - lo) / (hi - lo) if hi > lo else 0.5)
        if a["kind"] == "document":  # a box with the label inside
            out[n] = (text_w + 12, f * 1.3 + 12)
        else:  # a shape with the label underneath
            out[n] = (max(text_w, 2 * size), 2 * size + f * 1.3)
    return out


def label_sizes(G: nx.MultiDiGraph) -> dict:
    """Font size per node. Labels are drawn only once they are readable at the current zoom, so the
    size decides when a label appears: zoomed out you read the main speakers, sources and documents;
    zoom in and every entity, then every claim, gets its label. This is what keeps labels from
    piling up into a blob."""
    sizes = {}
    ents = []
    for n, a in G.nodes(data=True):
        if a["kind"] == "entity":
            claims = sum(1 for _ in G.successors(n)) + sum(1 for _ in G.predecessors(n))
            ents.append((-(3 * claims + int(a.get("mentions") or 0)), str(n)))
            sizes[n] = ENTITY_FONT
        else:
            sizes[n] = DOCUMENT_FONT if a["kind"] == "document" else CLAIM_FONT
    ents.sort()
    top = min(max(8, len(ents) * 15 // 100), 40)
    for rank, (_, n) in enumerate(ents[:top]):
        sizes[n] = round(TOP_FONT[1] - (TOP_FONT[1] - TOP_FONT[0]) * rank / max(1, top - 1))
    return sizes


def options(physics: bool, n_nodes: int) -> dict:
    opts = {
        "autoResize": True,
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "face": "Helvetica, Arial, sans-serif", "color": "#1d2430",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            # node size follows mention count; label sizes come from label_sizes()
            "scaling": {"min": NODE_SIZE[0], "max": NODE_SIZE[1],
                        "label": {"enabled": False, "maxVisible": 24, "drawThreshold": LABEL_MIN_PX + 1}},
            "shapeProperties": {"interpolation": False},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False,
            "font": {"size": 10, "color": "#5b6470", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
            "scaling": {"label": {"enabled": False, "maxVisible": 14, "drawThreshold": 9}},
            "selectionWidth": 2,
        },
        "interaction": {"hover": True, "tooltipDelay": 3600000, "hideEdgesOnDrag": n_nodes > 800,
                        "hideEdgesOnZoom": n_nodes > 800, "multiselect": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {"enabled": False},
    }
    if physics:
        opts["physics"] = {"enabled": True, "solver": "forceAtlas2Based",
                           "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                           "stabilization": {"enabled": True, "iterations": 300, "fit": True}}
    return opts


# ---------------------------------------------------------------------------------------------- HTML


def _asset(*parts: str) -> str:
    return resources.files("pyvis").joinpath("lib", *parts).read_text(encoding="utf-8")


def _here(name: str) -> str:
    return resources.files("kg.viz").joinpath("assets").joinpath(name).read_text(encoding="utf-8")


def script_json(obj) -> str:
    """JSON that is safe inside a <script> block: no '<', '>' or '&' survive, so neither '</script>'
    nor '<!--' can end or change the block, whatever the article text holds."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _sha(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def graph_page(title: str, summary: str, data: dict, script: str, css: tuple[str, ...] = ("app.css",),
               subtitle: str | None = None, hint: str = "", bar: str = "", sections: str = "",
               connect: str = "'none'") -> str:
    """One graph page: the head, CSP, header, graph and side panel that ``kg viz``'s page and the overview
    share. ``script`` is the page's own script (after vis-network and common.js); ``bar`` is HTML under the
    header (the overview's filters), ``sections`` more side-panel sections; ``connect`` what the page may
    fetch (``'self'`` when kg serve expands nodes). Text arguments are escaped here; ``bar`` and
    ``sections`` are trusted markup written by kg."""
    vis_js = _asset(VIS_VERSION, "vis-network.min.js")
    vis_css = _asset(VIS_VERSION, "vis-network.css")
    scripts = [vis_js, _here("common.js"), _here(script)]
    for text in scripts:
        if "</script" in text.lower():  # cannot happen with the pinned pyvis; guards an upgrade
            raise ValueError("an inlined script contains '</script'")
    # built here from hashes and keywords only; it holds no double quote
    csp = (f"default-src 'none'; script-src {' '.join(_sha(x) for x in scripts)}; style-src 'unsafe-inline'; "
           f"img-src data:; font-src data:; connect-src {connect}; form-action 'none'; base-uri 'none'")
    sub = f'  <p class="subtitle">{html.escape(subtitle)}</p>\n' if subtitle is not None else ""
    return _TEMPLATE.format(
        csp=csp, title=html.escape(title), subtitle=sub, summary=html.escape(summary), hint=html.escape(hint),
        vis_css=vis_css, app_css="".join(_here(c) for c in css), bar=bar, sections=sections,
        data=script_json(data), scripts="\n".join(f"<script>{x}</script>" for x in scripts),
    )


def render(G: nx.MultiDiGraph, title: str = "kg: who said what", subtitle: str = "", physics: bool = False,
           positions: dict | None = None) -> str:
    """The whole page as a string."""
    data = page_data(G, physics=physics, positions=positions)
    counts = {k: sum(1 for n in data["nodes"] if n["kind"] == k) for k in ("entity", "quote", "quantity", "document")}
    summary = (f"{counts['entity']} entities · {counts['quote']} quotes · {counts['quantity']} numbers · "
               f"{counts['document']} documents · {len(data['edges'])} links")
    return graph_page(title, summary, data, "app.js", subtitle=subtitle,
                      hint="Hover over a node or a link to see its source: the quote or sentence, who said it, "
                           "and the article's title, publisher, date and address. Click to keep it here.")


def write(G: nx.MultiDiGraph, path: str | Path, **kwargs) -> Path:
    path = Path(path)
    path.write_text(render(G, **kwargs), encoding="utf-8")
    return path


def to_pyvis(G: nx.MultiDiGraph, physics: bool = True):
    """The same graph as a ``pyvis.network.Network`` with pyvis defaults (benchmark baseline, or for
    users who want pyvis's own API). Node and edge lists are set directly: ``add_edge`` is quadratic."""
    from pyvis.network import Network

    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    data = page_data(G, physics=True)
    net.nodes = [{"id": n["id"], "label": n["label"], "shape": n["shape"], "color": n["color"],
                  "value": n["value"], "title": n["head"]} for n in data["nodes"]]
    net.edges = [{"from": e["from"], "to": e["to"], "label": e["label"], "color": e["color"]} for e in data["edges"]]
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    if not physics:
        net.toggle_physics(False)
    return net


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{vis_css}</style>
<style>{app_css}</style>
</head>
<body>
<header>
  <h1>{title}</h1>
{subtitle}  <p class="summary">{summary}</p>
  <label class="find">Find <input id="kg-find" list="kg-names" placeholder="name, quote or number…"
    autocomplete="off"></label>
  <datalist id="kg-names"></datalist>
</header>
{bar}<main>
  <div id="kg-graph" aria-label="graph"></div>
  <aside>
    <section id="kg-details" aria-live="polite">
      <h2>Where does it come from?</h2>
      <p class="hint">{hint}</p>
    </section>
{sections}    <section id="kg-legend"><h2>Legend</h2></section>
  </aside>
</main>
<script id="kg-data" type="application/json">{data}</script>
{scripts}
</body>
</html>
"""

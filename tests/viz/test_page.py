"""networkx → HTML: self-contained, offline, escaped, with precomputed positions and a legend."""

import base64
import hashlib
import json
import re

import networkx as nx
import pytest

from kg.viz.graph import select
from kg.viz.layout import layout
from kg.viz.page import VIS_VERSION, _asset, page_data, render, script_json, to_pyvis

PAYLOADS = ["<img src=x onerror=alert(1)>", "<script>alert(2)</script>", "</script><script>alert(3)</script>",
            "<!--", "&lt;b&gt;", "\u2028"]


def _hostile_graph() -> nx.MultiDiGraph:
    """Every text attribute a page shows, filled with markup."""
    bad = " ".join(PAYLOADS)
    G = nx.MultiDiGraph()
    G.add_node("e", kind="entity", type=bad, label=bad, name=bad, mentions=3, docs=[bad], aliases=[bad], roles=[bad])
    G.add_node("q", kind="quote", label=bad, quote=bad, speaker=bad, speaker_mention=bad, sentence=bad, doc=bad,
               doc_title=bad, publisher=bad, date=bad, url="javascript:alert(4)", cue=bad, start=0, end=3)
    G.add_node("n", kind="quantity", label=bad, text=bad, counts=bad, value=1.0, qualifier=bad, unit=bad,
               source=bad, source_kind=bad, sentence=bad, doc=bad, doc_title=bad)
    G.add_node("d", kind="document", label=bad, name=bad, doc=bad, doc_title=bad, publisher=bad, url=bad, path=bad)
    G.add_edge("e", "q", key="said", label="said", kind="said")
    G.add_edge("e", "e2", key="r", label="relocated_to", kind="relation", role=bad, sentence=bad, doc_title=bad)
    G.nodes["e2"].update(kind="entity", label="x", name="x", mentions=1)
    G.add_edge("n", "d", key="derived_from", label="derived_from", kind="derived_from")
    return G


def _data_block(page: str) -> dict:
    m = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_page_escapes_everything_from_input():
    page = render(_hostile_graph(), title="<script>alert(5)</script>", subtitle="<img src=x onerror=alert(6)>")
    page = page.replace(_asset(VIS_VERSION, "vis-network.min.js"), "")  # vis-network itself builds "<script>"
    assert "<img" not in page
    # data, vis-network, common, app: no other script element opens or closes
    assert len(re.findall(r"<script[ >]", page)) == 4 and page.lower().count("</script") == 4
    assert "<!--" not in page and "\u2028" not in page
    assert "&lt;script&gt;alert(5)" in page  # the title, escaped as HTML text
    data = _data_block(page)
    assert any(PAYLOADS[0] in row[1] for n in data["nodes"] for row in n["info"])  # still readable as text


def test_page_json_block_round_trips():
    data = {"a": "</script><!-- & \u2028 <b>"}
    text = script_json(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data


def test_page_csp_allows_only_its_own_scripts():
    page = render(_hostile_graph())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 3  # vis-network, common.js, the page script
    for s in scripts:
        digest = base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_page_is_self_contained():
    page = render(_hostile_graph())
    assert "vis-network" in page and "DataSet" in page  # the library is inline
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    for host in ("cdnjs", "jsdelivr", "unpkg", "bootstrap", "googleapis"):
        assert host not in page.lower()


def test_page_data_for_a_store(claims_graph):
    H = select(claims_graph, conflicts=True)
    data = page_data(H)
    assert len(data["nodes"]) == H.number_of_nodes()
    assert {e["label"] for e in data["edges"]} >= {"disagrees", "asserts", "derived_from"}
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is False
    assert page_data(H, physics=True)["options"]["physics"]["enabled"] is True
    legend = [x["label"] for x in data["legend"]["nodes"]]
    assert "Number" in legend and "Source document" in legend
    assert any("disagrees" in x["label"] for x in data["legend"]["edges"])


def test_page_node_size_follows_mentions(claims_graph):
    data = page_data(select(claims_graph))
    ents = [n for n in data["nodes"] if n["kind"] == "entity"]
    big = max(ents, key=lambda n: n["value"])
    assert "Tokayev" in big["search"]


def test_page_hover_rows_carry_provenance(claims_graph):
    data = page_data(select(claims_graph))
    quote = next(n for n in data["nodes"] if n["kind"] == "quote" and "favorable" in n["search"] + n["label"])
    rows = dict(quote["info"])
    assert rows["Quote"] == "We will create favorable conditions for them"
    assert rows["Said by"].startswith("Kassym-Jomart Tokayev")
    assert rows["Publisher"] == "Example Times" and rows["Date"] == "2022-09-01"
    assert rows["URL"] == "https://example.org/a1" and rows["Document title"] == "Kazakhstan courts firms"
    said = next(e for e in data["edges"] if e["label"] == "said" and e["to"] == quote["id"])
    assert said["ref"] == quote["id"]  # the page shows the quote's provenance with the edge
    rel = next(e for e in data["edges"] if e["label"] == "relocated_to")
    assert dict(rel["info"])["Sentence"] == "Acme Corp relocated to Almaty."


def test_layout_spreads_nodes_and_components():
    G = nx.path_graph(200)
    nx.add_path(G, range(1000, 1040))
    G.add_node("alone")
    pos = layout(G)
    assert set(pos) == set(G)
    pts = sorted(pos.values())
    assert len(set(pts)) == len(pts)
    close = sum(1 for a, b in zip(pts, pts[1:], strict=False) if abs(a[0] - b[0]) + abs(a[1] - b[1]) < 3)
    assert close < len(pts) // 10


@pytest.mark.parametrize("n", [400])
def test_layout_of_a_big_component_keeps_neighbours_close(n):
    G = nx.random_labeled_tree(n, seed=3) if hasattr(nx, "random_labeled_tree") else nx.random_tree(n, seed=3)
    pos = layout(G)
    edge = sum(abs(pos[u][0] - pos[v][0]) + abs(pos[u][1] - pos[v][1]) for u, v in G.edges()) / G.number_of_edges()
    xs = [p[0] for p in pos.values()]
    assert edge < (max(xs) - min(xs)) / 5  # edges are short compared with the drawing


def test_to_pyvis_has_the_same_nodes(claims_graph):
    H = select(claims_graph)
    net = to_pyvis(H)
    assert len(net.nodes) == H.number_of_nodes() and len(net.edges) > 0


def test_spread_frees_a_crowd_without_flinging_it_apart():
    """Claims between the same two entities land on one spot: each pile of boxes comes apart, with no
    overlap left, into a drawing not much bigger than the boxes need (summing every push a crowded box
    got flung such piles far out: a dense web of 40 entities then opened at zoom 0.3, three names drawn)."""
    import random

    from kg.viz.layout import spread

    rng = random.Random(5)
    pos = {}
    for c in range(8):
        cx, cy = rng.uniform(-200, 200), rng.uniform(-150, 150)
        for k in range(20):
            pos[f"c{c}-{k}"] = (cx + rng.uniform(-1, 1), cy + rng.uniform(-1, 1))
    for e in range(35):
        pos[f"e{e}"] = (rng.uniform(-200, 200), rng.uniform(-150, 150))
    boxes = {v: (100.0, 40.0) if v[0] == "e" else (16.0, 22.0) for v in pos}
    out = spread(pos, boxes)
    xs, ys = [p[0] for p in out.values()], [p[1] for p in out.values()]
    need = sum(w * h for w, h in boxes.values())
    assert (max(xs) - min(xs)) * (max(ys) - min(ys)) < 2.8 * need
    assert [(a, b) for a in out for b in out if a < b
            and abs(out[a][0] - out[b][0]) < (boxes[a][0] + boxes[b][0]) / 2
            and abs(out[a][1] - out[b][1]) < (boxes[a][1] + boxes[b][1]) / 2] == []

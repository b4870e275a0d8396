"""The overview: the most-connected entities, the claims linking them, communities, and expansion data."""

from __future__ import annotations

import json
import re

from kg.viz import overview


def test_overview_keeps_the_top_entities_and_claims_linking_two_of_them(claims_graph):
    H = overview.overview(claims_graph, top=3)
    ents = [n for n, a in H.nodes(data=True) if a["kind"] == "entity"]
    assert 0 < len(ents) <= 3
    top = overview.scores(claims_graph).most_common(1)[0][0]
    assert top in H
    for n, a in H.nodes(data=True):
        assert "community" in a
        if a["kind"] != "entity":
            assert len(overview._claim_entities(H, n)) >= 2
    assert not any(a["kind"] == "document" for _, a in H.nodes(data=True))


def test_neighbours_are_capped_and_name_nodes_by_their_keys(claims_graph):
    top = overview.scores(claims_graph).most_common(1)[0][0]
    full = overview.neighbours(claims_graph, top, limit=500)
    assert full["total"] == len(full["nodes"]) > 1
    one = overview.neighbours(claims_graph, top, limit=1)
    assert len(one["nodes"]) == 1 and one["total"] == full["total"]
    ids = {n["id"] for n in full["nodes"]} | {str(top)}
    assert all(e["from"] in ids and e["to"] in ids for e in full["edges"])
    assert all(n["kind"] not in ("document", "conflict") for n in full["nodes"])


def test_neighbours_come_a_page_at_a_time(claims_graph):
    top = overview.scores(claims_graph).most_common(1)[0][0]
    full = overview.neighbours(claims_graph, top, limit=500)
    assert full["next"] is None and full["offset"] == 0
    pages, offset = [], 0
    while offset is not None:
        got = overview.neighbours(claims_graph, top, limit=1, offset=offset)
        assert got["total"] == full["total"] and len(got["nodes"]) == 1
        pages.append(got["nodes"][0]["id"])
        offset = got["next"]
    assert pages == [n["id"] for n in full["nodes"]]  # every neighbour once, in the same order
    assert overview.neighbours(claims_graph, top, limit=5, offset=full["total"])["nodes"] == []
    # ranked once per graph and node ("show more" asks again), not shared with a copy of the graph
    assert overview.ranked_neighbours(claims_graph, top) is overview.ranked_neighbours(claims_graph, top)
    copy = claims_graph.copy()
    assert overview.ranked_neighbours(copy, top) == overview.ranked_neighbours(claims_graph, top)
    assert overview.ranked_neighbours(copy, top) is not overview.ranked_neighbours(claims_graph, top)


def test_static_page_embeds_expansions_and_allows_no_connection(claims_graph):
    page = overview.render_overview(claims_graph, top=10)
    data = json.loads(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S)[1])
    assert data["extra"] and data["expandUrl"] == ""
    assert data["publishers"] == ["Example Times", "Other Post"]
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert "connect-src 'none'" in page
    served = overview.render_overview(claims_graph, top=10, expand_url="/graph/expand")
    assert "connect-src 'self'" in served and '"extra":{}' in served


def test_static_page_embeds_each_neighbour_once_and_every_id_resolves(claims_graph):
    data = overview.overview_data(claims_graph, top=10)
    shown = {n["id"] for n in data["nodes"]}
    shown_edges = {e["id"] for e in data["edges"]}
    assert data["extra"] and not shown & set(data["items"]) and not shown_edges & set(data["links"])
    listed = [k for e in data["extra"].values() for k in e["nodes"]]
    assert len(listed) > len(set(listed))  # a claim next to two overview entities is listed by both ...
    for key, e in data["extra"].items():
        want = overview.neighbours(claims_graph, key, overview.EMBED_PER_NODE)
        assert e["total"] == want["total"] and e["nodes"] == [n["id"] for n in want["nodes"]]
        assert e["edges"] == [x["id"] for x in want["edges"]]
        for n in want["nodes"]:  # ... and written once, the same item the server would send
            assert data["items"][n["id"]] == n if n["id"] not in shown else n["id"] not in data["items"]
        for x in want["edges"]:
            assert x["id"] in shown_edges or data["links"][x["id"]] == x
    page = overview.render_overview(claims_graph, top=10)
    assert page.count('"search":"Acme Corp"') <= 1


def test_static_embedding_stops_at_its_budget():
    import networkx as nx

    G = nx.MultiDiGraph()
    for i in range(4):
        G.add_node(f"e{i}", kind="entity", name=f"Person {i}", label=f"Person {i}", mentions=3)
    for j in range(40):
        G.add_node(f"q{j}", kind="quote", label=f"q{j}", quote=f"Words {j}", doc="d", sentence=f"Words {j}.")
        G.add_edge(f"e{j % 4}", f"q{j}", key="said", label="said", kind="said")
        G.add_edge(f"q{j}", f"e{(j + 1) % 4}", key="about", label="about", kind="about")
    extra, items, links = overview.embedded(G, ["e0", "e1", "e2", "e3"], [], [], per_node=10, total=25)
    assert len(extra) < 4 and len(items) + len(links) >= 25
    assert set(items) == {k for e in extra.values() for k in e["nodes"]}


def test_a_relation_found_many_times_is_one_line_listing_its_sources():
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node("p", kind="entity", name="Ada Quill", label="Ada Quill")
    G.add_node("o", kind="entity", name="Harbour Bank", label="Harbour Bank")
    for i in range(7):
        G.add_edge("p", "o", key=f"c{i}", label="holds_role", kind="relation", role="chair", doc=f"d{i}",
                   sentence=f"Ada Quill, chair of Harbour Bank, spoke on day {i}.")
    G.add_edge("p", "o", key="c9", label="employed_by", kind="relation", doc="d9", sentence="Ada Quill works there.")
    items = overview.edge_items(G, list(G.edges(keys=True, data=True)))
    assert sorted((e["label"], e.get("found", 1)) for e in items) == [("employed_by", 1), ("holds_role: chair", 7)]
    (chair,) = [e for e in items if e.get("found")]
    info = dict(chair["info"])
    assert info["Found"] == "7 times" and info["1. Sentence"].endswith("day 0.") and "5. Sentence" in info
    assert "6. Sentence" not in info and info["…"] == "2 more"
    assert overview.neighbours(G, "p")["edges"] == items


FIRST = ["Ada", "Bram", "Cleo", "Dario", "Edda", "Farid", "Greta", "Hugo", "Ines", "Jorun", "Kemal", "Lise"]
LAST = ["Quill", "Marrow", "Tessaly", "Vandermolen", "Okoro", "Lindqvist", "Aberdare", "Sato", "Ferro"]
PLACES = ["Port Alden", "Miravel", "Oskar Bay", "Norland", "Estmark", "Valoria", "Kestria Federal Republic"]


def newsroom_graph(n_entities: int = 60, n_claims: int = 400, islands: int = 2, seed: int = 3):
    """A corpus-shaped view graph of invented names: a few hubs many claims link, a long tail, and
    ``islands`` separate groups (a news corpus's price tables or a story of its own)."""
    import random

    import networkx as nx

    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" if i % 3 else rng.choice(PLACES) + f" {i}"
             for i in range(n_entities)]
    group = [0 if i < n_entities * 0.7 else 1 + i % islands for i in range(n_entities)]
    for i, name in enumerate(names):
        G.add_node(f"e{i}", kind="entity", name=name, label=name, type="Person" if i % 3 else "City",
                   mentions=rng.randint(1, 40))
    for j in range(n_claims):
        g = rng.choice(group)
        members = [i for i in range(n_entities) if group[i] == g]
        a, b = rng.sample(members[: max(2, len(members) // 3)] if rng.random() < 0.6 else members, 2)
        kind = "quote" if j % 2 else "quantity"
        label = f"We will build {j} more homes in the valley" if kind == "quote" else f"about {j:,} homes"
        G.add_node(f"c{j}", kind=kind, label=label, quote=label, text=label, doc=f"d{j % 40}",
                   publisher=["Alden Courier", "Miravel Daily"][j % 2], date=f"2024-03-{1 + j % 28:02d}",
                   sentence=label + ".")
        G.add_edge(f"e{a}", f"c{j}", key="said", label="said" if kind == "quote" else "asserts",
                   kind="said" if kind == "quote" else "asserts")
        G.add_edge(f"c{j}", f"e{b}", key="about", label="about", kind="about")
    for k in range(12):  # relations among the best-connected
        G.add_edge(f"e{k}", f"e{k + 1}", key=f"r{k}", label="employed_by", kind="relation", doc=f"d{k}",
                   publisher="Alden Courier", date="2024-03-05", sentence="She works for them.")
    return G


def test_overview_of_a_corpus_is_packed_to_the_screen_shape():
    """The main web and its islands are packed into a picture about as wide (for its height) as the screen
    it is drawn on, so fitting it to the screen does not shrink the labels (tests/browser reads them)."""
    from kg.viz.layout import ASPECT

    data = overview.overview_data(newsroom_graph(), embed=0)
    ents = [n for n in data["nodes"] if n["kind"] == "entity"]
    assert len(ents) > 30 and len({n["color"] for n in ents}) >= 3  # the web and both islands
    xs, ys = [n["x"] for n in data["nodes"]], [n["y"] for n in data["nodes"]]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    assert 0.5 * ASPECT < w / h < 2 * ASPECT


def test_overview_draws_the_same_picture_in_every_process():
    """Positions do not depend on Python's string hashing (networkx's subgraph iterates a set)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = ("import json; from kg.viz import overview; from tests.viz.test_overview import newsroom_graph; "
            "d = overview.overview_data(newsroom_graph(), embed=0); "
            "print(json.dumps([(n['id'], n['x'], n['y']) for n in d['nodes']]))")
    root = str(Path(__file__).resolve().parents[2])
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
                           env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": root}).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1] and json.loads(runs[0])

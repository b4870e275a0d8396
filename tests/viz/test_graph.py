"""Store → networkx graph: nodes, labelled edges, provenance attributes, filters and the node cap."""

import pytest

from kg.viz.graph import VizError, check_size, load_graph, match_documents, select, shorten


def _kinds(G):
    out = {}
    for _, a in G.nodes(data=True):
        out[a["kind"]] = out.get(a["kind"], 0) + 1
    return out


def _edges(G, label):
    return [(G.nodes[u], G.nodes[v], d) for u, v, d in G.edges(data=True) if d["label"] == label]


def _by_label(G, label):
    return next(a for _, a in G.nodes(data=True) if label in (a["label"], a.get("quote")))


def test_graph_has_every_claim_kind_and_documents(claims_graph):
    kinds = _kinds(claims_graph)
    assert kinds["quote"] == 2 and kinds["quantity"] == 2 and kinds["document"] == 2
    assert kinds["entity"] >= 6


@pytest.mark.parametrize(
    "label, source, target",
    [
        ("said", "Kassym-Jomart Tokayev", "We will create favorable conditions for them"),
        ("asserts", "Yale School of Management", "1,400 foreign companies"),
        ("relocated_to", "Acme Corp", "Almaty"),
        ("derived_from", "nearly 1,000 foreign companies", "Kazakhstan courts firms"),
        ("about", "Kazakhstan would welcome them", "Kazakhstan"),
        ("reuses_passages_of", "Firms leave Russia", "Kazakhstan courts firms"),
    ],
)
def test_graph_edges_are_labelled(claims_graph, label, source, target):
    pairs = {(a.get("quote") or a["label"], b.get("quote") or b["label"]) for a, b, _ in _edges(claims_graph, label)}
    assert (source, target) in pairs


def test_graph_quote_carries_its_provenance(claims_graph):
    q = _by_label(claims_graph, "We will create favorable conditions for them")
    assert q["quote"] == "We will create favorable conditions for them"
    assert q["speaker"] == "Kassym-Jomart Tokayev" and q["direct"] is True
    assert q["doc_title"] == "Kazakhstan courts firms" and q["publisher"] == "Example Times"
    assert q["date"] == "2022-09-01" and q["url"] == "https://example.org/a1"
    assert q["sentence"].startswith("“We will create") and q["start"] < q["end"]


def test_graph_relation_edge_carries_its_evidence(claims_graph):
    (_, _, d), = _edges(claims_graph, "relocated_to")
    assert d["sentence"] == "Acme Corp relocated to Almaty." and d["publisher"] == "Example Times"


def test_graph_numbers_keep_value_and_source(claims_graph):
    n = _by_label(claims_graph, "nearly 1,000 foreign companies")
    assert n["value"] == 1000 and n["qualifier"] == "approx" and n["counts_head"] == "company"
    assert n["source"] == "Kassym-Jomart Tokayev" and n["source_kind"] == "speaker"


def test_graph_entity_size_is_its_mention_count(claims_graph):
    tok = next(a for _, a in claims_graph.nodes(data=True) if a["kind"] == "entity" and "Tokayev" in a["name"]
               and "a1" in a["docs"])
    assert tok["mentions"] >= 2


def test_select_default_hides_conflict_groups(claims_graph):
    assert not _edges(select(claims_graph), "disagrees")
    assert "conflict" not in _kinds(select(claims_graph))


def test_graph_conflicts_are_compares_groups_one_edge_per_number(claims_store, claims_graph):
    from kg import compare

    (group,) = compare.conflicts(claims_store)
    (node,) = [n for n, a in claims_graph.nodes(data=True) if a["kind"] == "conflict"]
    members = {u for u, _ in claims_graph.in_edges(node)}
    assert members == {c["claim"] for c in group.claims}
    a = claims_graph.nodes[node]
    assert a["name"] == group.label and a["members"] == 2 and a["documents"] == 2 and a["independent"] == 1
    assert [m[1] for m in a["values"]] == ["nearly 1,000 foreign companies", "1,400 foreign companies"]
    assert "conflict" not in _kinds(load_graph(claims_store, conflicts=False))


def test_select_conflicts_links_the_disagreeing_numbers(claims_graph):
    H = select(claims_graph, conflicts=True)
    edges = _edges(H, "disagrees")
    assert {a["text"] for a, _, _ in edges} == {"nearly 1,000", "1,400"}
    assert len({b["name"] for _, b, _ in edges}) == 1  # both into one group node
    assert _kinds(H).get("quote", 0) == 0  # only the numbers, their sources and documents
    assert {"Yale School of Management"} <= {x["name"] for _, x in H.nodes(data=True) if x["kind"] == "entity"}


@pytest.mark.parametrize("kind, kept, dropped", [
    ("quote", "quote", "quantity"), ("quantity", "quantity", "quote"), ("relation", None, "quote"),
])
def test_select_by_kind(claims_graph, kind, kept, dropped):
    H = select(claims_graph, kinds=[kind])
    kinds = _kinds(H)
    assert dropped not in kinds
    if kept:
        assert kinds[kept] == 2
    assert bool(_edges(H, "relocated_to")) is (kind == "relation")


def test_select_by_source_document(claims_graph):
    H = select(claims_graph, source="b2")
    assert {a["doc"] for _, a in H.nodes(data=True) if a["kind"] in ("quote", "quantity")} == {"b2"}
    assert not _edges(H, "relocated_to")
    assert match_documents(claims_graph, "Firms leave") == {"b2"}
    with pytest.raises(VizError, match="document ids look like"):
        select(claims_graph, source="nope")


def test_select_focus_and_hops(claims_graph):
    near = select(claims_graph, focus="Acme", hops=1)
    assert {a["label"] for _, a in near.nodes(data=True)} == {"Acme Corp", "Almaty"}
    wide = select(claims_graph, focus="Yale School of Management", hops=2)
    assert "1,400 foreign companies" in {a["label"] for _, a in wide.nodes(data=True)}
    assert "Firms leave Russia" in {a["label"] for _, a in wide.nodes(data=True)}
    assert "Acme Corp" not in {a["label"] for _, a in wide.nodes(data=True)}
    one = select(claims_graph, focus="Yale School of Management", hops=1)
    assert "Firms leave Russia" in {a["label"] for _, a in one.nodes(data=True)}  # the claim's source stays


def test_select_focus_unknown_suggests_a_name(claims_graph):
    with pytest.raises(VizError, match="did you mean 'Almaty'"):
        select(claims_graph, focus="Almati")


def test_node_cap_names_the_option_to_use(claims_graph):
    H = select(claims_graph)
    with pytest.raises(VizError, match="--focus") as err:
        check_size(H, 3)
    assert "\n" not in str(err.value) and "--max-nodes" in str(err.value)
    with pytest.raises(VizError, match="--hops"):
        check_size(H, 3, focus="Tokayev", hops=2)
    check_size(H, H.number_of_nodes())


def test_empty_store_gives_empty_graph(tmp_path):
    from kg.store import open_store

    G = load_graph(open_store(str(tmp_path / "empty")))
    assert G.number_of_nodes() == 0 and select(G).number_of_nodes() == 0


@pytest.mark.parametrize("text, n, expected", [
    ("short", 10, "short"),
    ("the government should create favorable conditions", 24, "the government should…"),
    ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
    ("  spaced\n  out  ", 20, "spaced out"),
])
def test_shorten(text, n, expected):
    assert shorten(text, n) == expected

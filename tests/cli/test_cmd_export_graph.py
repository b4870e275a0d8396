"""`kg export --format gexf|graphml`: the entity graph, read back with networkx."""

from __future__ import annotations

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli.main import app

runner = CliRunner()


@pytest.mark.parametrize("fmt, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_entity_graph_round_trip(seeds_store, tmp_path, fmt, read):
    out = tmp_path / f"entities.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--store", str(seeds_store.path)])
    assert result.exit_code == 0, result.output
    G = read(out)
    labels = {a["label"]: n for n, a in G.nodes(data=True)}
    assert {"Kassym-Jomart Tokayev", "Kazakhstan", "Almaty"} <= set(labels)
    assert G.nodes[labels["Kazakhstan"]]["type"] == "Country"
    assert int(G.nodes[labels["Kazakhstan"]]["mentions"]) > 10
    # the relation claims are the edges, with their evidence
    located = [(u, v, a) for u, v, a in G.edges(data=True) if a["label"] == "located_in"]
    assert any(u == labels["Almaty"] and v == labels["Kazakhstan"] for u, v, _ in located)
    assert all(a["sentence"] and a["pattern"] for _, _, a in located)
    assert not any(a.get("type") in ("quote", "quantity", "document") for _, a in G.nodes(data=True))

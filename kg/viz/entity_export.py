"""The entity graph for Gephi and other graph tools: GEXF or GraphML (networkx writers).

Nodes are the canonical entities (label, type, mentions, documents, aliases, roles); edges are the
relation claims between them (relation name, role, pattern, confidence, evidence sentence, document). The
formats want scalar attributes, so lists are joined with "; " and missing values are empty strings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:  # networkx takes a second to import; every kg command imports this module's GRAPH_FORMATS
    import networkx as nx

GRAPH_FORMATS = ("gexf", "graphml")


def _scalar(value):
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def entity_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Entities and the relations between them, from ``kg.viz.graph.load_graph``."""
    import networkx as nx

    H = nx.MultiDiGraph()
    for n, a in G.nodes(data=True):
        if a.get("kind") != "entity":
            continue
        H.add_node(n, label=a.get("name", ""), type=a.get("type", ""), mentions=int(a.get("mentions") or 0),
                   documents=len(a.get("docs") or ()), aliases=_scalar(a.get("aliases")),
                   roles=_scalar(a.get("roles")))
    for u, v, k, a in G.edges(keys=True, data=True):
        if a.get("kind") != "relation" or u not in H or v not in H:
            continue
        H.add_edge(u, v, key=k, label=a.get("label", ""), role=_scalar(a.get("role")),
                   pattern=_scalar(a.get("pattern")), confidence=float(a.get("confidence") or 0.0),
                   sentence=_scalar(a.get("sentence")), document=_scalar(a.get("doc")))
    return H


def write_entity_graph(G: nx.MultiDiGraph, out: BinaryIO, fmt: str) -> None:
    import networkx as nx

    H = entity_graph(G)
    if fmt == "gexf":
        nx.write_gexf(H, out)
    elif fmt == "graphml":
        nx.write_graphml(H, out)
    else:
        raise ValueError(f"unknown graph format {fmt!r}; one of: {', '.join(GRAPH_FORMATS)}")

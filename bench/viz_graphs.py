"""Synthetic graphs shaped like a kg store (entities, quotes, numbers, documents) for the viz benchmark."""

from __future__ import annotations

import random

import networkx as nx

TYPES = ("Person", "Organization", "Company", "GovernmentBody", "Country", "City", "MediaOutlet", "Group")


def synthetic_graph(n_nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """About n_nodes nodes: 1 document per 25 nodes, 35% entities, the rest quotes and numbers."""
    rnd = random.Random(seed)
    G = nx.MultiDiGraph()
    n_docs = max(1, n_nodes // 25)
    n_ents = max(2, int(n_nodes * 0.35))
    docs = [f"d{i}" for i in range(n_docs)]
    for i, d in enumerate(docs):
        G.add_node(d, kind="document", label=f"Article {i}", name=f"Article {i}", doc=d, doc_title=f"Article {i}",
                   publisher=f"Outlet {i % 7}", date="2022-09-01", url=f"https://example.org/{i}")
    ents = [f"e{i}" for i in range(n_ents)]
    for i, e in enumerate(ents):
        G.add_node(e, kind="entity", type=TYPES[i % len(TYPES)], label=f"Entity {i}", name=f"Entity {i}",
                   mentions=int(rnd.paretovariate(1.2)), docs=[], aliases=[], roles=[])
    i = 0
    while G.number_of_nodes() < n_nodes:
        c, d = f"c{i}", rnd.choice(docs)
        kind = "quote" if i % 2 else "quantity"
        G.add_node(c, kind=kind, label=f"claim {i}", quote=f"Words of claim {i}", text=str(i), doc=d,
                   sentence=f"Sentence of claim {i}.", doc_title=G.nodes[d]["doc_title"])
        speaker = ents[min(int(rnd.paretovariate(1.0)) - 1, n_ents - 1) if rnd.random() < .5 else rnd.randrange(n_ents)]
        G.add_edge(speaker, c, key="said", label="said" if kind == "quote" else "asserts",
                   kind="said" if kind == "quote" else "asserts")
        G.add_edge(c, d, key="derived_from", label="derived_from", kind="derived_from")
        for _ in range(rnd.randrange(3)):
            G.add_edge(c, rnd.choice(ents), key=f"about{_}", label="about", kind="about")
        i += 1
    return G

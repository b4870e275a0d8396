"""Every built graph satisfies ontology/shapes.ttl, and the shapes do catch broken graphs."""

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.rdf.namespace import KG
from tests.conftest import rdflib_union

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"


def _validate(g: Graph):
    from pyshacl import validate

    conforms, _, text = validate(
        g, shacl_graph=Graph().parse(ONTOLOGY / "shapes.ttl"), ont_graph=Graph().parse(ONTOLOGY / "kg.ttl"),
        inference="none", advanced=True,
    )
    return conforms, text


@pytest.fixture(scope="module")
def seeds_graph(seeds_store):
    return rdflib_union(seeds_store)


def test_shapes_seeds_conform(seeds_graph):
    conforms, text = _validate(seeds_graph)
    assert conforms, text


def _copy(g: Graph) -> Graph:
    out = Graph()
    for t in g:
        out.add(t)
    return out


def test_shapes_catch_a_claim_without_evidence(seeds_graph):
    g = _copy(seeds_graph)
    claim = next(g.subjects(predicate=KG.evidence))
    g.remove((claim, KG.evidence, None))
    conforms, text = _validate(g)
    assert not conforms
    assert "evidence" in text


def test_shapes_catch_a_bad_qualifier(seeds_graph):
    g = _copy(seeds_graph)
    claims = list(g.subjects(predicate=KG.qualifier))
    assert claims, "the seeds have numeric claims"
    g.set((claims[0], KG.qualifier, Literal("roughly")))
    assert not _validate(g)[0]


def test_shapes_catch_a_document_without_hash(seeds_graph):
    g = _copy(seeds_graph)
    doc = next(g.subjects(predicate=KG.contentHash))
    g.remove((doc, KG.contentHash, None))
    assert isinstance(doc, URIRef)
    assert not _validate(g)[0]

import re
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import OWL

from kg.rdf.namespace import KG, KG_NS

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "kg.ttl"


def test_namespace_matches_ontology():
    g = Graph().parse(ONTOLOGY)
    declared = {
        str(s)[len(KG_NS):]
        for s in g.subjects(RDF.type, None)
        if str(s).startswith(KG_NS) and (s, RDF.type, OWL.Ontology) not in g
    }
    in_code = {n for n in KG.__annotations__}
    assert declared == in_code


def test_namespace_rejects_typos():
    with pytest.raises(AttributeError):
        KG.speakr  # noqa: B018


def test_every_term_has_a_label():
    g = Graph().parse(ONTOLOGY)
    from rdflib import RDFS

    for name in KG.__annotations__:
        assert g.value(URIRef(KG_NS + name), RDFS.label) is not None, name


def test_relation_property_rejects_non_snake_case():
    from kg.rdf.mapping import relation_property

    assert str(relation_property("relocated_to")) == KG_NS + "relocated_to"
    with pytest.raises(ValueError):
        relation_property("Relocated To")
    assert re.match(r"^https://", KG_NS)

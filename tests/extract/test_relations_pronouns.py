"""Relations whose subject is a pronoun: resolved through the article's coreference, else kept as an
unresolved mention that never becomes an entity (sentences written for these tests)."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kg.extract import extract_doc
from kg.rdf.mapping import document_graph
from kg.rdf.namespace import KG
from kg.records import Document

CASES = [
    # (id, text, expected (subject, predicate, object, role, subject_resolved))
    ("resolved-previous-sentence", "Jane Doe grew up in Ohio. She is the chief executive of Northwind Bank.",
     ("Jane Doe", "holds_role", "Northwind Bank", "chief executive", True)),
    ("resolved-joined", "Omar Haddad studied law. In 2004 he joined Contoso Partners as general counsel.",
     ("Omar Haddad", "holds_role", "Contoso Partners", "general counsel", True)),
    ("unresolved-no-person-before", "He is the president and chief executive of Fabrikam Bank.",
     ("He", "holds_role", "Fabrikam Bank", "president and chief executive", False)),
]


def _extract(nlp, text):
    document = Document(id="p1", text=text, source_path="p1.txt", content_hash="0" * 64)
    return extract_doc(nlp(text), document)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_pronoun_subject(nlp, case):
    _, text, expected = case
    rels = {(r.subject, r.predicate, r.object, r.role, r.subject_resolved) for r in _extract(nlp, text).relations}
    assert expected in rels, rels


def test_resolved_pronoun_keeps_its_mention(nlp):
    ex = _extract(nlp, "Jane Doe grew up in Ohio. She is the chief executive of Northwind Bank.")
    rel = next(r for r in ex.relations if r.predicate == "holds_role")
    assert rel.subject_mention == "She"


def test_unresolved_pronoun_is_never_an_entity_node(nlp):
    ex = _extract(nlp, "He is the president and chief executive of Fabrikam Bank.")
    g = document_graph(ex)
    names = {str(g.value(le, KG.name)) for le in g.subjects(predicate=None, object=KG.LocalEntity)}
    assert "Fabrikam Bank" in names and "He" not in names
    claim = next(g.subjects(KG.relation, Literal("holds_role")))
    subj = g.value(claim, KG.subject)
    assert (subj, None, KG.UnresolvedMention) in g and g.value(subj, KG.name) == Literal("He")
    # no plain entity-to-entity triple for a subject nobody is known to be
    assert not list(g.triples((subj, KG.holds_role, None)))
    assert isinstance(subj, URIRef)


def test_it_of_a_seat_is_resolved_or_kept_unresolved(nlp):
    # only an organisation has a seat: an "it" nobody names stays an unresolved mention (like "he")
    ex = _extract(nlp, "It is headquartered in Denver.")
    assert [(r.subject, r.object, r.subject_resolved) for r in ex.relations
            if r.predicate == "headquartered_in"] == [("It", "Denver", False)]
    ex = _extract(nlp, "We are based in Cork and ship worldwide.")
    assert ("We", "based_in", "Cork", False) in {(r.subject, r.predicate, r.object, r.subject_resolved)
                                                  for r in ex.relations}
    # any other verb: "it" counts only when resolved to an organisation
    ex = _extract(nlp, "It moved to Denver in 2001.")
    assert not [r for r in ex.relations if r.predicate == "relocated_to"]
    ex = _extract(nlp, "Northwind Traders makes furniture. It is headquartered in Denver.")
    assert ("Northwind Traders", "headquartered_in", "Denver") in {(r.subject, r.predicate, r.object)
                                                                    for r in ex.relations}

"""Records → RDF, compared as graphs and checked span by span."""

from rdflib import XSD, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from kg.ids import claim_iri, doc_iri, local_entity_iri
from kg.rdf.mapping import document_graph, document_metadata
from kg.rdf.namespace import KG, OA
from kg.records import Document, Entity, Evidence, Extraction, Mention, NumericClaim, Quote, Relation

TEXT = "Tokayev said the firms will move. About 1,400 companies left Russia, he said."


def _ev(start, end):
    sent_end = TEXT.index(".") + 1 if start < TEXT.index(".") else len(TEXT)
    sent_start = 0 if start < TEXT.index(".") else TEXT.index(".") + 2
    return Evidence(start, end, TEXT[start:end], sent_start, sent_end, TEXT[sent_start:sent_end])


def _extraction():
    doc = Document(id="t1", text=TEXT, source_path="t1.txt", content_hash="0" * 64, publisher="Daily Test")
    tok = Entity("Kassym-Jomart Tokayev", "Person", (Mention("Tokayev", 0, 7, "PERSON"),), ("Tokayev",))
    russia = Entity("Russia", "Country", (Mention("Russia", TEXT.index("Russia"), TEXT.index("Russia") + 6, "GPE"),))
    q = Quote("Kassym-Jomart Tokayev", "Tokayev", "say", "the firms will move", False, _ev(13, 32))
    n = NumericClaim(1400.0, "approx", "About 1,400", _ev(34, 45), counts="companies", counts_head="company",
                     source="Kassym-Jomart Tokayev", source_kind="speaker")
    r = Relation("companies", "left", "Russia", _ev(40, TEXT.index("Russia") + 6), subject_type="Group",
                 object_type="Country", pattern="left.v1")
    return Extraction(doc, (tok, russia), (q,), (n,), (r,), pipeline="test")


def test_mapping_selectors_point_at_the_text():
    g = document_graph(_extraction())
    positions = list(g.subjects(predicate=OA.start))
    assert positions
    for pos in positions:
        start, end = int(g.value(pos, OA.start)), int(g.value(pos, OA.end))
        quote_sel = URIRef(str(pos)[: -len("-pos")] + "-quote")
        assert str(g.value(quote_sel, OA.exact)) == TEXT[start:end]


def test_mapping_quote_attributed_to_local_entity():
    g = document_graph(_extraction())
    q = URIRef(claim_iri("t1", "quote", 13, 32))
    speaker = g.value(q, KG.speaker)
    assert speaker == URIRef(local_entity_iri("t1", "Person", "Kassym-Jomart Tokayev"))
    assert g.value(q, KG.direct) == Literal(False)


def test_mapping_number_is_a_typed_value_on_a_claim_node():
    g = document_graph(_extraction())
    n = URIRef(claim_iri("t1", "quantity", 34, 45))
    assert g.value(n, KG.value) == Literal("1400.0", datatype=XSD.decimal)
    assert g.value(n, KG.assertedBy) == URIRef(local_entity_iri("t1", "Person", "Kassym-Jomart Tokayev"))


def test_mapping_relation_has_plain_triple_and_claim_node():
    g = document_graph(_extraction())
    subj = URIRef(local_entity_iri("t1", "Group", "companies"))
    obj = URIRef(local_entity_iri("t1", "Country", "Russia"))
    assert (subj, KG.left, obj) in g
    r = next(g.subjects(KG.relation, Literal("left")))
    assert g.value(r, KG.subject) == subj


def test_mapping_is_deterministic():
    a, b = document_graph(_extraction()), document_graph(_extraction())
    assert isomorphic(a, b), graph_diff(a, b)
    assert sorted(a.serialize(format="nt").splitlines()) == sorted(b.serialize(format="nt").splitlines())


def test_metadata_has_publisher_and_provenance():
    from datetime import UTC, datetime

    ex = _extraction()
    g = document_metadata(ex.document, "en_core_web_sm-3.8.0", datetime(2024, 1, 1, tzinfo=UTC))
    d = URIRef(doc_iri("t1"))
    assert g.value(d, KG.contentHash) == Literal("0" * 64)
    assert g.value(g.value(d, URIRef("https://schema.org/publisher")), URIRef(
        "http://www.w3.org/2000/01/rdf-schema#label")) == Literal("Daily Test")


def test_mapping_split_quote_has_one_selector_per_part_and_a_stance():
    from dataclasses import replace

    ex = _extraction()
    first, second = _ev(13, 22), _ev(23, 32)
    q = replace(ex.quotes[0], parts=(first, second), content="the firms … will move", stance="denies")
    g = document_graph(replace(ex, quotes=(q,)))
    c = URIRef(claim_iri("t1", "quote", 13, 32))
    assert g.value(c, KG.stance) == KG.StanceDenies
    parts = sorted(g.objects(c, KG.contentPart))
    assert len(parts) == 2
    spans = sorted((int(g.value(s, OA.start)), int(g.value(s, OA.end)))
                   for p in parts for s in g.objects(p, OA.hasSelector) if g.value(s, OA.start) is not None)
    assert spans == [(13, 22), (23, 32)]

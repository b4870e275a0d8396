"""The embedded pyoxigraph store: transactions, replacement, export/import round trips."""

import io

import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.ids import graph_iri
from kg.store import open_store
from kg.store.local import FORMATS


def _graphs(doc_id: str, value: str):
    named = Graph(identifier=URIRef(graph_iri(doc_id)))
    named.add((URIRef(f"urn:test:{doc_id}"), URIRef("urn:test:says"), Literal(value)))
    meta = Graph()
    d = URIRef(f"urn:kg:doc:{doc_id}")
    meta.add((d, URIRef("https://w3id.org/kg-claims/ns#contentHash"), Literal(value)))
    meta.add((d, URIRef("https://schema.org/identifier"), Literal(doc_id)))
    meta.add((d, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
              URIRef("https://w3id.org/kg-claims/ns#Document")))
    return named, meta


def test_store_replace_document_leaves_no_stale_triples(tmp_path):
    st = open_store(str(tmp_path / "s"))
    st.replace_document("a", *_graphs("a", "v1"))
    st.replace_document("a", *_graphs("a", "v2"))
    _, rows = st.select("SELECT ?v WHERE { GRAPH ?g { ?s <urn:test:says> ?v } }")
    assert [r["v"] for r in rows] == ["v2"]
    assert st.document_hash("a") == "v2"


def test_store_failed_update_changes_nothing(tmp_path):
    st = open_store(str(tmp_path / "s"))
    st.replace_document("a", *_graphs("a", "v1"))
    before = len(st)
    with pytest.raises(QueryError):
        st.update("DROP SILENT GRAPH <urn:kg:graph:a> ; INSERT DATA { this is not sparql }")
    assert len(st) == before  # the DROP did not happen either: one request, one transaction


def test_store_remove_document(tmp_path):
    st = open_store(str(tmp_path / "s"))
    st.replace_document("a", *_graphs("a", "v1"))
    st.replace_document("b", *_graphs("b", "v1"))
    assert st.remove_document("a")
    assert not st.remove_document("a")
    assert st.document_ids() == ["b"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_store_export_formats_parse_back(tmp_path, fmt):
    st = open_store(str(tmp_path / "s"))
    st.replace_document("a", *_graphs("a", "v1"))
    buf = io.BytesIO()
    st.export(buf, fmt)
    assert buf.getvalue()
    suffix = {"trig": ".trig", "nquads": ".nq", "turtle": ".ttl", "ntriples": ".nt", "jsonld": ".jsonld",
              "rdfxml": ".rdf"}[fmt]
    f = tmp_path / f"out{suffix}"
    f.write_bytes(buf.getvalue())
    other = open_store(str(tmp_path / "t"))
    other.load(f)
    expected = len(st) if fmt in ("trig", "nquads", "jsonld") else 3
    assert len(other) == expected


def test_store_errors_are_one_line(tmp_path):
    st = open_store(str(tmp_path / "s"))
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        st.select("SELECT WHERE {")
    with pytest.raises(StoreError, match="no store here"):
        open_store(str(tmp_path / "missing"), read_only=True)
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    with pytest.raises(StoreError, match="bad.ttl"):
        st.load(bad)

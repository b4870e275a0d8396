"""A small store with every claim kind, built from records through the real RDF mapping and store
(no NLP: the claims here do not depend on how well the extractors do today)."""

from __future__ import annotations

import importlib.util

import pytest

from kg.rdf.mapping import document_graph, document_metadata, link_graph
from kg.records import DocLink, Document, Entity, Evidence, Extraction, Mention, NumericClaim, Quote, Relation
from kg.store import open_store

A_TEXT = (
    "Kazakh President Kassym-Jomart Tokayev said nearly 1,000 foreign companies have left Russia. "
    "“We will create favorable conditions for them,” Tokayev said. "
    "Acme Corp relocated to Almaty."
)
B_TEXT = (
    "According to the Yale School of Management, 1,400 foreign companies have left Russia. "
    "Tokayev said Kazakhstan would welcome them."
)


def _ev(text: str, span: str, after: int = 0) -> Evidence:
    start = text.index(span, after)
    end = start + len(span)
    s0 = text.rfind(". ", 0, start)
    s0 = 0 if s0 < 0 else s0 + 2
    s1 = text.find(". ", end)
    s1 = len(text) if s1 < 0 else s1 + 1
    return Evidence(start, end, span, s0, s1, text[s0:s1])


def _ent(text: str, name: str, type_: str, label: str, *surfaces: str) -> Entity:
    mentions = []
    for s in surfaces or (name,):
        i = text.find(s)
        while i >= 0:
            if not any(m.start <= i < m.end for m in mentions):
                mentions.append(Mention(s, i, i + len(s), label))
            i = text.find(s, i + 1)
    return Entity(name, type_, tuple(sorted(mentions, key=lambda m: m.start)))


def extractions() -> list[Extraction]:
    a = Document(id="a1", text=A_TEXT, source_path="a1.txt", content_hash="a" * 64, title="Kazakhstan courts firms",
                 url="https://example.org/a1", date="2022-09-01", publisher="Example Times")
    b = Document(id="b2", text=B_TEXT, source_path="b2.txt", content_hash="b" * 64, title="Firms leave Russia",
                 url="https://example.org/b2", date="2022-09-02", publisher="Other Post")
    ex_a = Extraction(
        a,
        entities=(
            _ent(A_TEXT, "Kassym-Jomart Tokayev", "Person", "PERSON", "Kassym-Jomart Tokayev", "Tokayev"),
            _ent(A_TEXT, "Russia", "Country", "GPE"),
            _ent(A_TEXT, "Acme Corp", "Company", "ORG"),
            _ent(A_TEXT, "Almaty", "City", "GPE"),
        ),
        quotes=(Quote("Kassym-Jomart Tokayev", "Tokayev", "say", "We will create favorable conditions for them",
                      True, _ev(A_TEXT, "We will create favorable conditions for them"),
                      _ev(A_TEXT, "Tokayev", A_TEXT.index("”")), "Person"),),
        quantities=(NumericClaim(1000.0, "approx", "nearly 1,000", _ev(A_TEXT, "nearly 1,000"),
                                 counts="foreign companies", counts_head="company", predicate="have left Russia",
                                 source="Kassym-Jomart Tokayev", source_kind="speaker"),),
        relations=(Relation("Acme Corp", "relocated_to", "Almaty", _ev(A_TEXT, "Acme Corp relocated to Almaty"),
                            subject_type="Company", object_type="City", pattern="relocate.v1"),),
    )
    ex_b = Extraction(
        b,
        entities=(
            _ent(B_TEXT, "Tokayev", "Person", "PERSON"),
            _ent(B_TEXT, "Yale School of Management", "Organization", "ORG"),
            _ent(B_TEXT, "Russia", "Country", "GPE"),
            _ent(B_TEXT, "Kazakhstan", "Country", "GPE"),
        ),
        quotes=(Quote("Tokayev", "Tokayev", "say", "Kazakhstan would welcome them", False,
                      _ev(B_TEXT, "Kazakhstan would welcome them"), _ev(B_TEXT, "Tokayev"), "Person"),),
        quantities=(NumericClaim(1400.0, "exact", "1,400", _ev(B_TEXT, "1,400"), counts="foreign companies",
                                 counts_head="company", predicate="have left Russia",
                                 source="Yale School of Management", source_kind="according_to"),),
    )
    return [ex_a, ex_b]


LINKS = [DocLink(source="b2", target="a1", kind="reuses_passages_of", similarity=0.42)]


@pytest.fixture(scope="session")
def claims_store(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("viz-store") / "store"))
    for ex in extractions():
        store.replace_document(ex.document.id, document_graph(ex), document_metadata(ex.document, "test"))
    store.replace_links("b2", link_graph(LINKS))
    if importlib.util.find_spec("kg.resolve") is not None:
        from kg.build import resolve_entities

        resolve_entities(store)
    return store


@pytest.fixture(scope="session")
def claims_graph(claims_store):
    from kg.viz.graph import load_graph

    return load_graph(claims_store)


def needs_build() -> None:
    """`kg build` needs the entity resolver and the dedup index; skip until both exist."""
    for mod in ("kg.resolve", "kg.ingest.dedup"):
        if importlib.util.find_spec(mod) is None:
            pytest.skip(f"{mod} is not written yet, so `kg build` cannot run")

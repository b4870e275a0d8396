"""Exports people can read: Turtle/TriG with the project's prefixes, JSON-LD with the published context."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox

from kg import jsonld
from kg.query import PREFIXES
from tests.viz.conftest import claims_store  # noqa: F401, F811  (the small records-built store)

ROOT = Path(__file__).resolve().parents[2]


def _quads(data: bytes, fmt) -> set[str]:
    return {str(q) for q in ox.parse(data, format=fmt)}


def test_published_context_is_the_one_exports_use():
    published = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    assert published == {"@context": jsonld.context()} and jsonld.context() == PREFIXES


def test_trig_and_turtle_declare_and_use_the_prefixes(claims_store):  # noqa: F811
    for fmt, rdf in (("trig", ox.RdfFormat.TRIG), ("turtle", ox.RdfFormat.TURTLE)):
        out = io.BytesIO()
        claims_store.export(out, fmt, prefixes=PREFIXES)
        text = out.getvalue().decode()
        assert "@prefix kg: <https://w3id.org/kg-claims/ns#> ." in text
        assert "<https://w3id.org/kg-claims/ns#" not in text.split("\n", len(PREFIXES))[-1]
        plain = io.BytesIO()
        claims_store.export(plain, fmt)
        assert _quads(out.getvalue(), rdf) == _quads(plain.getvalue(), rdf)


def test_jsonld_is_compact_and_loads_back_to_the_same_quads(claims_store):  # noqa: F811
    out = io.BytesIO()
    jsonld.export(claims_store, out)
    doc = json.loads(out.getvalue())
    assert doc["@context"] == PREFIXES
    text = out.getvalue().decode()
    assert '"kg:' in text and "https://w3id.org/kg-claims/ns#Quote" not in text
    nq = io.BytesIO()
    claims_store.export(nq, "nquads")
    assert _quads(out.getvalue(), ox.RdfFormat.JSON_LD) == _quads(nq.getvalue(), ox.RdfFormat.N_QUADS)


def test_curie_keeps_iris_it_cannot_shorten():
    ctx = jsonld.context()
    assert jsonld.curie("https://schema.org/headline", ctx) == "schema:headline"
    assert jsonld.curie("https://schema.org/", ctx) == "https://schema.org/"
    assert jsonld.curie("urn:kg:doc:a1", ctx) == "urn:kg:doc:a1"

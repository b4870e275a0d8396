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


def test_kg_export_files_open_in_rdflib_with_the_same_statements(claims_store, tmp_path):  # noqa: F811
    """What a user writes with `kg export` opens in another RDF library (rdflib) with every statement:
    the prefixes are bound, the JSON-LD's context is in the file itself (no tool has to fetch it), and
    Turtle holds every graph's triples, not just the default graph's entity names."""
    import rdflib
    from typer.testing import CliRunner

    from kg.cli.main import app

    nq = io.BytesIO()
    claims_store.export(nq, "nquads")
    expected = len(_quads(nq.getvalue(), ox.RdfFormat.N_QUADS))
    for fmt, parse_as in (("trig", "trig"), ("jsonld", "json-ld"), ("turtle", "turtle")):
        out = tmp_path / f"export.{fmt}"
        result = CliRunner().invoke(app, ["export", "--format", fmt, "-o", str(out), "--store", str(claims_store.path)])
        assert result.exit_code == 0, result.output
        ds = rdflib.Dataset()
        ds.parse(out, format=parse_as)
        if fmt == "turtle":  # the store's graphs merged into one
            triples = {(q.subject, q.predicate, q.object) for q in ox.parse(nq.getvalue(), format=ox.RdfFormat.N_QUADS)}
            assert len(ds) == len(triples) > 300
        else:
            assert sum(1 for _ in ds.quads((None, None, None, None))) == expected, fmt
        if fmt != "jsonld":
            assert dict(ds.namespaces())["kg"] == rdflib.URIRef(PREFIXES["kg"])

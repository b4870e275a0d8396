"""`kg claims` reads back every field `kg extract` prints (the claims JSONL format), for every claim."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli.main import app
from kg.query.claims import FIELDS, stored_claims


def test_stored_claims_equal_the_extracted_ones(own_store, own_store_path):
    out = CliRunner().invoke(app, ["extract", str(own_store_path.parent / "articles.jsonl")])
    assert out.exit_code == 0, out.output
    extracted = {c["id"]: c for c in map(json.loads, out.stdout.splitlines())}
    stored = {c["id"]: c for c in stored_claims(own_store)}
    assert stored == extracted
    assert all(list(c) == list(FIELDS[c["kind"]]) for c in stored.values())
    # the fields a one-pattern read used to leave empty are there
    assert any(c["kind"] == "quote" and c["parts"] and len(c["parts"]) == 2 for c in stored.values())
    assert any(c["kind"] == "quantity" and c["unit_code"] == "P1" and c["change"] for c in stored.values())
    assert any(c["kind"] == "quantity" and c["subject"] for c in stored.values())


def test_kind_filter_keeps_the_fields(own_store):
    quotes = stored_claims(own_store, "quote")
    assert quotes and {c["kind"] for c in quotes} == {"quote"}
    assert [c for c in stored_claims(own_store) if c["kind"] == "quote"] == quotes


def test_a_figures_owner_is_read_back_as_kg_extract_prints_it(tmp_path, nlp):
    # whose figure it is ("a thrift with assets of ...") is kept as kg:ownerName and read back by `kg claims`
    from kg.store import open_store
    from tests.stores import build_articles

    article = {"title": "Thrift sold", "date": "2025-04-01", "publisher": "Valley Courier",
               "text": "Elm Street Savings, a thrift with assets of 95 million dollars, agreed to be bought by "
                       "Ridge Bancorp on Friday. The buyer said the deal would close in June."}
    path = build_articles(tmp_path, [article], name="thrift")
    out = CliRunner().invoke(app, ["extract", str(tmp_path / "thrift.jsonl")])
    assert out.exit_code == 0, out.output
    extracted = [c for c in map(json.loads, out.stdout.splitlines()) if c["kind"] == "quantity"]
    assert [c["owner"] for c in extracted] == ["Elm Street Savings"]
    store = open_store(str(path), read_only=True)
    try:
        assert stored_claims(store, "quantity") == extracted
    finally:
        store.close()

"""`kg entities` and `kg entity NAME` over the seeds store."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli.cmd_entities import entity_summaries, find_entities, said_by_and_about
from kg.cli.main import app

runner = CliRunner()


def test_one_canonical_node_each(seeds_store):
    summaries = entity_summaries(seeds_store)
    for name, type_ in (("Tokayev", "Person"), ("Kazakhstan", "Country"), ("Russia", "Country"),
                        ("Almaty", "City")):
        hits = [s for s in find_entities(summaries, name) if s.type == type_]
        assert len(hits) == 1, (name, [(s.label, s.type) for s in hits])
        assert len(hits[0].mentions_by_doc) >= 2


def test_entities_top_and_type(seeds_store):
    result = runner.invoke(app, ["entities", "--type", "Person", "--top", "3", "--format", "jsonl",
                                 "--store", str(seeds_store.path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3 and all(r["type"] == "Person" for r in rows)
    assert rows[0]["label"] == "Kassym-Jomart Tokayev"
    assert rows[0]["mentions"] == sum(rows[0]["by_source"].values()) >= rows[1]["mentions"]


def test_entity_place_family_includes_countries(seeds_store):
    result = runner.invoke(app, ["entities", "--type", "place", "--format", "jsonl", "--store", str(seeds_store.path)])
    types = {json.loads(line)["type"] for line in result.stdout.splitlines()}
    assert {"Country", "City"} <= types and "Person" not in types


def test_entity_says_and_is_said_about_with_provenance(seeds_store):
    summaries = entity_summaries(seeds_store)
    (tokayev,) = [s for s in find_entities(summaries, "tokayev") if s.type == "Person"]
    rows = said_by_and_about(seeds_store, [tokayev.iri])
    kinds = {(r["kind"], r["side"]) for r in rows}
    assert ("quote", "by") in kinds and ("relation", "subject") in kinds
    role = [r for r in rows if r["kind"] == "relation" and r["predicate"] == "holds_role"]
    assert {r["other_canonical"] for r in role} == {"Kazakhstan"}
    assert len({r["doc"] for r in role}) >= 3  # the same fact from several sources
    assert all(r["sentence"] and r["end"] > r["start"] for r in rows)


def test_entity_cli_and_unknown_name(seeds_store):
    ok = runner.invoke(app, ["entity", "Kazakhstan", "--format", "jsonl", "--store", str(seeds_store.path)])
    assert ok.exit_code == 0
    lines = [json.loads(line) for line in ok.stdout.splitlines()]
    assert lines[0]["kind"] == "entity" and lines[0]["label"] == "Kazakhstan"
    assert any(r.get("predicate") == "relocated_to" and r.get("side") == "object" for r in lines[1:])
    missing = runner.invoke(app, ["entity", "Nobody Atall", "--store", str(seeds_store.path)])
    assert missing.exit_code == 1


def test_entity_shows_merge_reasons_and_place_ids(seeds_store):
    result = runner.invoke(app, ["entity", "Tokayev", "--store", str(seeds_store.path)])
    assert result.exit_code == 0, result.output
    assert "joined because:" in result.stdout and "surname of the one full name in the corpus" in result.stdout
    result = runner.invoke(app, ["entity", "Kazakhstan", "--format", "jsonl", "--store", str(seeds_store.path)])
    first = json.loads(result.stdout.splitlines()[0])
    assert "iso3166:KZ" in first["identifiers"] and "https://sws.geonames.org/1522867/" in first["same_as"]


@pytest.mark.parametrize("name", ["Tokayev", "tokayev", "KAZAKHSTAN", "kazakh", "Moscow Times", "russia", "nobody"])
def test_lookup_by_label_equals_summarising_every_entity(seeds_store, name):
    """`kg entity` finds entities by label and summarises only those: the same entities, mention counts and
    sources as summarising the whole store and searching it."""
    from kg.cli.cmd_entities import lookup_entities

    def rows(found):
        return [(s.iri, s.label, s.type, sorted(s.alt_labels), dict(s.mentions_by_doc), dict(s.mentions_by_source))
                for s in found]

    assert rows(lookup_entities(seeds_store, name)) == rows(find_entities(entity_summaries(seeds_store), name))


def test_claims_by_part_equal_the_union_query(seeds_store):
    """said_by_and_about runs one query per part (quotes, numbers, relations both ways); together they give
    exactly the rows of kg/query/entity.rq, the single UNION query users can run with `kg query`."""
    from kg.query import named
    from kg.query.terms import Iri, bind_values

    iris = [s.iri for s in entity_summaries(seeds_store)]
    union = seeds_store.select(bind_values(named("entity"), ("entity",), [(Iri(i),) for i in iris]))[1]
    parts = said_by_and_about(seeds_store, iris)

    def key(r):
        return (r["doc"], r["start"], r["claim"], r["entity"], r["side"], str(sorted(r.items())))

    assert {r["kind"] for r in union} == {"quote", "quantity", "relation"}
    assert sorted(parts, key=key) == sorted(union, key=key)

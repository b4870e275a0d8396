"""``kg trace``, ``kg conflicts`` and ``kg agreements`` on the seeds store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli.main import app

runner = CliRunner()
MOSCOW_TIMES, REPUBLISHED, REWRITE = "001_ce8a067a932c7844", "002_5795f16ae225760d", "000_37c6aabe9a1b8c9e"


def _json(args, store):
    result = runner.invoke(app, [*args, "--format", "json", "--store", str(store.path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("value", ["1400", "1,400", "1.4 thousand"])
def test_trace_1400_lists_original_copy_and_rewrite_with_tokayev(seeds_store, value):
    rows = _json(["trace", value], seeds_store)
    assert [r["doc"] for r in rows] == [MOSCOW_TIMES, REWRITE, REPUBLISHED] or \
        [r["doc"] for r in rows] == [MOSCOW_TIMES, REPUBLISHED, REWRITE]
    assert rows[0]["doc"] == MOSCOW_TIMES  # the original comes first
    assert {r["source"] for r in rows} == {"Kassym-Jomart Tokayev"}
    by_doc = {r["doc"]: r for r in rows}
    assert by_doc[REPUBLISHED]["republication_of"] == MOSCOW_TIMES
    assert MOSCOW_TIMES in by_doc[REWRITE]["reuses_passages_of"]
    assert all(r["counts_head"] in ("company", "business") for r in rows)


def test_trace_table_marks_the_copy_and_the_speaker(seeds_store):
    result = runner.invoke(app, ["trace", "1400", "--store", str(seeds_store.path)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert result.output.count("Kassym-Jomart Tokayev") == 3
    assert "republication of" in result.output and "reuses passages of" in result.output
    assert "3 claims in 3 documents (1 independent)" in result.output


def test_trace_limit_shows_the_first_claims_and_counts_all(seeds_store):
    result = runner.invoke(app, ["trace", "1400", "--limit", "2", "--store", str(seeds_store.path)],
                           env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "3 claims in 3 documents (1 independent)" in result.output  # the title counts every claim
    assert "the first 2 of 3 claims" in result.output
    assert result.output.count("Kassym-Jomart Tokayev") == 2
    every = _json(["trace", "1400"], seeds_store)
    assert _json(["trace", "1400", "-n", "2"], seeds_store) == every[:2]
    assert _json(["trace", "1400", "--limit", "0"], seeds_store) == every and len(every) == 3


def test_trace_about_and_tolerance(seeds_store):
    assert _json(["trace", "1400", "--about", "banks"], seeds_store) == []
    assert _json(["trace", "1450"], seeds_store) == []
    assert len(_json(["trace", "1450", "--tolerance", "0.05"], seeds_store)) == 3


def test_trace_not_a_number_is_one_line(seeds_store):
    result = runner.invoke(app, ["trace", "lots", "--store", str(seeds_store.path)])
    assert result.exit_code == 1
    assert "not a number" in result.output and "Traceback" not in result.output


def test_conflicts_show_relocations_and_people_entering_kazakhstan(seeds_store):
    groups = _json(["conflicts"], seeds_store)
    values = [sorted({c["value"] for c in g["claims"]}) for g in groups]
    assert any({50, 100} <= set(v) for v in values), values  # companies moving to Kazakhstan
    assert any({200_000, 1_600_000} <= set(v) for v in values), values  # Russians entering Kazakhstan
    for g in groups:
        assert len({c["doc"] for c in g["claims"]}) > 1


def test_conflicts_about_filters_groups(seeds_store):
    groups = _json(["conflicts", "--about", "relocation"], seeds_store)
    assert groups and all(any("relocat" in (c["predicate"] or "") for c in g["claims"]) for g in groups)


def test_agreements_count_independent_sources(seeds_store):
    found = _json(["agreements"], seeds_store)
    assert found and all(g["independent_sources"] >= 2 for g in found)
    # nearly 1,000 (Moscow Times, its copy, the rewrite) and more than 1,000 (003): two sources, not four
    thousand = [g for g in found if any(c["doc"] == "003_7d50fdd9573b1f63" and c["value"] == 1000
                                        for c in g["claims"])]
    assert thousand and thousand[0]["independent_sources"] == 2


def _query_file(name, store):
    path = Path(__file__).resolve().parents[2] / "kg" / "query" / f"{name}.rq"
    result = runner.invoke(app, ["query", "--file", str(path), "--format", "json", "--store", str(store.path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_trace_rq_runs_as_documented(seeds_store):
    rows = _query_file("trace", seeds_store)  # the file's own example: 1400 ± 0.5%
    assert {r["doc"] for r in rows} == {MOSCOW_TIMES, REPUBLISHED, REWRITE}
    assert {r["republication_of"] for r in rows} >= {MOSCOW_TIMES}


def test_conflicts_rq_and_agreements_rq_run_as_documented(seeds_store):
    pairs = _query_file("conflicts", seeds_store)
    assert any({p["value1"], p["value2"]} == {1000.0, 320.0} for p in pairs)
    agree = _query_file("agreements", seeds_store)
    assert agree and all(p["doc1"] != p["doc2"] for p in agree)
    # the republished copy never "agrees" with its original
    assert not any({p["doc1"], p["doc2"]} == {MOSCOW_TIMES, REPUBLISHED} for p in agree)

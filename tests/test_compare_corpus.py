"""kg conflicts / kg agreements on a corpus written for this test (tests/compare_corpus.py), built with the
real pipeline into a real store: the three real disagreements are found, the look-alikes are not."""

from __future__ import annotations

import json

import pytest

from kg import compare
from tests.compare_corpus import ARTICLES
from tests.stores import build_articles


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory, nlp):
    from kg.store import open_store

    return open_store(str(build_articles(tmp_path_factory.mktemp("compare-corpus"), ARTICLES)), read_only=True)


def _values(group: compare.Group) -> list[float]:
    return sorted({round(c["value"], 4) for c in group.claims})


def test_compare_corpus_build_keeps_the_answer(corpus_store):
    # first in this module, so nothing has asked for it yet: kg build computes it, the first query reads it
    kept = compare.cache_file(corpus_store)
    assert kept is not None and kept.exists()
    assert len(json.loads(kept.read_text(encoding="utf-8"))["conflicts"]) == 3


def test_compare_corpus_finds_the_three_disagreements(corpus_store):
    groups = compare.conflicts(corpus_store)
    found = {tuple(_values(g)) for g in groups}
    assert found == {(120.0, 340.0), (3.89e8, 4.12e8), (0.44, 0.58)}
    for g in groups:
        assert g.why.startswith("counts ")


@pytest.mark.parametrize("value", [9.5e7, 2.5e8, 61.0, 55.0, 14.0, 40.0])
def test_compare_corpus_look_alikes_are_not_in_any_conflict(corpus_store, value):
    # another company's profit, another quarter, a threshold against a count, two undated-looking tallies
    claims = [c for g in compare.conflicts(corpus_store) for c in g.claims]
    assert all(abs(c["value"] - value) > 1e-6 * value for c in claims)


def test_compare_corpus_story_keys_come_from_headline_and_entities(corpus_store):
    rows = {r["title"]: r for r in compare.numeric_rows(corpus_store)}
    assert rows["Northwind Motors beats forecasts"]["story_actors"] == "northw"
    assert rows["Northwind Motors profit jumps in first quarter"]["story_actors"] == "northw"
    assert rows["Eastgate Foods profit steady"]["story_actors"] == "eastga"


def test_compare_corpus_disagreeing_outlets_are_independent(corpus_store):
    # two outlets telling one story (dedup may link them "same story") are two sources, not one
    for g, n in compare.compared(corpus_store).conflicts:
        assert n == len(g.documents) == 2, (g.label, n)


def test_compare_corpus_answer_is_kept_per_generation(corpus_store):
    kept = compare.cache_file(corpus_store)
    assert kept is not None and kept.name.startswith("compare-")
    kept.unlink(missing_ok=True)
    first = compare.compared(corpus_store)
    assert kept.exists() and len(first.conflicts) == 3
    # the kept file is what a second call reads: edit it and the answer follows
    data = json.loads(kept.read_text(encoding="utf-8"))
    data["conflicts"] = data["conflicts"][:1]
    kept.write_text(json.dumps(data), encoding="utf-8")
    assert len(compare.compared(corpus_store).conflicts) == 1
    assert len(compare.compared(corpus_store, use_cache=False).conflicts) == 3
    # a damaged file (a killed writer) is computed again and replaced
    kept.write_text('{"conflicts": [', encoding="utf-8")
    assert len(compare.compared(corpus_store).conflicts) == 3
    assert len(json.loads(kept.read_text(encoding="utf-8"))["conflicts"]) == 3


def test_compare_corpus_cli_says_why(corpus_store):
    from typer.testing import CliRunner

    from kg.cli.main import app

    out = CliRunner().invoke(app, ["conflicts", "--store", str(corpus_store.path)])
    assert out.exit_code == 0, out.output
    assert out.output.count("Comparable because:") == 3
    assert "stories about northw" in out.output


def test_compare_corpus_build_with_workers_compares_beside(tmp_path, nlp, monkeypatch):
    # a build that may use more than one process compares in a process of its own (kg.beside), on the
    # checkpoint it published: the same answer kept as when it compares itself, and it never holds the claims
    import shutil

    from kg import build as build_module
    from kg.compare import cache
    from kg.store import open_store

    store = open_store(str(build_articles(tmp_path, ARTICLES[:6])))
    compared_here = []
    warm = cache.warm
    monkeypatch.setattr(cache, "warm", lambda st, progress=None: compared_here.append(st) or warm(st, progress))
    answers = []
    for beside in (True, False):
        shutil.rmtree(store.path / cache.FOLDER)
        build_module._compare(store, lambda *a: None, beside=beside)
        kept = cache.cache_file(store)
        answers.append(json.loads(kept.read_text(encoding="utf-8")))
        assert len(compared_here) == (0 if beside else 1)
    assert answers[0] == answers[1] and answers[0]["conflicts"]
    store.close()

"""The corpus facts kg report shows besides numbers (documents, copies, speakers), on the records-built store."""

from __future__ import annotations

from kg import compare
from kg.viz import corpus


def test_documents_are_one_row_each_with_their_details(claims_store):
    docs = corpus.documents(claims_store)
    by_id = {d["doc"]: d for d in docs.values()}
    assert sorted(by_id) == ["a1", "b2"]
    assert by_id["a1"] == {"doc": "a1", "title": "Kazakhstan courts firms", "publisher": "Example Times",
                           "date": "2022-09-01", "url": "https://example.org/a1"}


def test_links_name_both_documents_and_join_them_into_one_source(claims_store):
    docs = corpus.documents(claims_store)
    found = corpus.links(claims_store, docs)
    assert [(x["a"]["doc"], x["kind"], x["b"]["doc"], round(float(x["sim"]), 2)) for x in found] == [
        ("b2", "reuses_passages_of", "a1", 0.42)]
    rows = corpus.link_rows(docs, found)
    assert {r["doc"]: r.get("reuses_passages_of", "") for r in rows} == {"a1": "", "b2": "a1"}
    cl = compare.clusters(rows)
    assert cl["a1"] == cl["b2"]


def test_links_rank_republications_before_reuse_then_by_similarity():
    class Store:  # answers the links query with these rows, the documents all known
        def select(self, _q):
            rows = [("reuses_passages_of", 0.9, "r1"), ("republication_of", 0.5, "p1"), ("same_story_as", None, "s1"),
                    ("reuses_passages_of", 0.4, "r2"), ("republication_of", 0.99, "p2")]
            return [], [{"s": a, "t": "z", "kind": k, "sim": s} for k, s, a in rows]

    docs = {d: {"doc": d} for d in ("r1", "p1", "s1", "r2", "p2", "z")}
    assert [x["a"]["doc"] for x in corpus.links(Store(), docs)] == ["p2", "p1", "r1", "r2", "s1"]


def test_speakers_count_across_documents_under_the_canonical_name(claims_store):
    docs = corpus.documents(claims_store)
    top = corpus.speakers(claims_store, docs, top=5, per_speaker=2)
    assert [(s["who"], s["quotes"], s["docs"]) for s in top] == [("Kassym-Jomart Tokayev", 2, 2)]
    ex = top[0]["examples"]
    # the verbatim quote first, then the reported one from the other document
    assert [(e["doc"], e["content"]) for e in ex] == [("a1", "We will create favorable conditions for them"),
                                                      ("b2", "Kazakhstan would welcome them")]
    first = ex[0]
    assert first["sentence"][first["start"] - first["sentence_start"]:first["end"] - first["sentence_start"]] == (
        "We will create favorable conditions for them")
    assert [len(s["examples"]) for s in corpus.speakers(claims_store, docs, top=5, per_speaker=1)] == [1]
    assert corpus.speakers(claims_store, docs, top=0, per_speaker=2) == []

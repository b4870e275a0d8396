"""Republications and passage reuse: MinHash LSH candidates, verified, deterministic, persisted."""

from __future__ import annotations

import random

import pytest

from kg.errors import StoreError
from kg.ingest import read_documents
from kg.ingest.build import build_document
from kg.ingest.dedup import DedupIndex, find_links


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return {d.id[:3]: d for d in read_documents([str(seeds_dir)])}


def _kinds(links) -> set[tuple[str, str, str]]:
    return {(x.source[:3], x.kind, x.target[:3]) for x in links}


def test_dedup_001_002_are_one_article(seeds):
    links = find_links([seeds["001"], seeds["002"]])
    assert _kinds(links) == {("002", "republication_of", "001")}
    assert links[0].similarity >= 0.9


def test_dedup_000_reuses_passages_of_001(seeds):
    [link] = find_links([seeds["000"], seeds["001"]])
    assert (link.source[:3], link.kind, link.target[:3]) == ("000", "reuses_passages_of", "001")
    assert link.passages
    src, tgt = seeds["000"].text, seeds["001"].text
    for s0, s1, t0, t1 in link.passages:
        assert "1,400" in src[s0:s1] and "1,400" in tgt[t0:t1]  # the paraphrased Tokayev passage
    assert 0 < link.similarity < 0.5


def test_dedup_seed_links_are_exactly_these(seeds):
    assert _kinds(find_links(seeds.values())) == {
        ("002", "republication_of", "001"),
        ("000", "reuses_passages_of", "001"),
        ("000", "reuses_passages_of", "002"),
    }


def test_dedup_independent_of_insertion_order(seeds):
    expected = find_links(seeds.values())
    for seed in range(3):
        docs = list(seeds.values())
        random.Random(seed).shuffle(docs)
        index = DedupIndex()
        links = [link for d in docs for link in index.add(d)]
        assert sorted(links, key=lambda x: (x.source, x.target, x.kind)) == expected


def test_dedup_unrelated_documents_not_linked(seeds):
    assert find_links([seeds["001"], seeds["004"]]) == []
    assert find_links([seeds["003"], seeds["004"]]) == []


def test_dedup_remove_and_replace(seeds):
    index = DedupIndex()
    index.add(seeds["001"])
    index.remove(seeds["001"].id)
    assert seeds["001"].id not in index and index.add(seeds["002"]) == []
    assert len(index.add(seeds["001"])) == 1
    assert len(index.add(seeds["001"])) == 1  # re-adding replaces, never links a document to itself
    assert len(index) == 2
    index.remove("never-added")  # harmless


def test_dedup_save_and_load(tmp_path, seeds):
    index = DedupIndex()
    index.add(seeds["001"])
    path = tmp_path / "dedup-index.pkl"
    index.save(path)
    loaded = DedupIndex.load(path)
    [link] = loaded.add(seeds["002"])
    assert link.kind == "republication_of"
    assert len(DedupIndex.load(tmp_path / "missing.pkl")) == 0


def test_dedup_load_rejects_garbage(tmp_path):
    path = tmp_path / "dedup-index.pkl"
    path.write_bytes(b"not a pickle")
    with pytest.raises(StoreError, match="cannot read the dedup index"):
        DedupIndex.load(path)


def test_dedup_later_date_is_the_republication():
    body = "\n\n".join(
        f"Paragraph {i} says the minister opened the new port in Odesa on Monday with {i * 7} cranes working."
        for i in range(12))
    early = build_document("July 1, 2023\n\n" + body, doc_id="z-early", source_path="a")
    late = build_document("Port opens\n\nAugust 2, 2023\n\n" + body, doc_id="a-late", source_path="b")
    [link] = find_links([early, late])
    assert (link.source, link.kind, link.target) == ("a-late", "republication_of", "z-early")


@pytest.mark.parametrize("text", [
    "Shares of Acme Corp. rose 3.5 percent to 12,400 on Tuesday, Dana Whitfield said.",
    "Zürich-based ÖKO Bank said İstanbul sales rose 1.5 percent.",  # not ASCII: word by word
])
def test_dedup_tokens_lower_case_words_as_word_by_word(text):
    from kg.ingest.dedup import _WORD, _tokens

    assert _tokens(text) == [w.lower() for w in _WORD.findall(text)]


_PARAGRAPHS = [  # sentences of our own, some sharing words in another order, one not ASCII
    "The harbour board said on Monday that grain exports climbed sharply during the opening quarter. "
    "Wheat shipments to Egypt and Morocco doubled while maize sales fell back again.",
    "Grain exports climbed sharply, the harbour board said on Monday, during the opening quarter. "
    "Maize sales fell back again while wheat shipments to Morocco and Egypt doubled.",
    "Zürich-based ÖKO Bank said İstanbul sales rose 1.5 percent in the quarter to March. "
    "The bank's chief executive told reporters the outlook for the year remained uncertain.",
]


@pytest.mark.parametrize(("a", "b"), [(0, 1), (1, 2), (0, 2), (2, 2)])
def test_dedup_align_scores_sentences_by_token_sort_ratio(a, b):
    # the sentences' words are kept sorted so plain ratio is used: it must equal token_sort_ratio of the words
    from rapidfuzz import fuzz

    import kg.ingest.dedup as dedup

    text_a, text_b = _PARAGRAPHS[a], _PARAGRAPHS[b]
    sa, sb = dedup._sentences(text_a), dedup._sentences(text_b)
    assert sa and sb
    words_a = [" ".join(dedup._tokens(text_a[s:e])) for s, e, _ in sa]
    words_b = [" ".join(dedup._tokens(text_b[s:e])) for s, e, _ in sb]
    expected = [[fuzz.token_sort_ratio(x, y) for y in words_b] for x in words_a]
    got = [[fuzz.ratio(x[2], y[2]) for y in sb] for x in sa]
    assert got == expected
    assert dedup._local_alignment(got) == dedup._local_alignment(expected)


def test_dedup_splits_a_candidate_into_sentences_once_while_linking():
    # each indexed document is a candidate of many later ones (up to MAX_CANDIDATES each): aligning it again
    # with a later document does not split its text again
    import kg.ingest.dedup as dedup

    texts = [f"{_PARAGRAPHS[i % 3]} Report number {i} was filed from the desk in Rotterdam on Tuesday."
             for i in range(40)]
    dedup._sentences.cache_clear()
    for i, new in enumerate(texts):
        for old in texts[max(0, i - dedup.MAX_CANDIDATES * 3) : i]:
            dedup.align(new, old)
    assert dedup._sentences.cache_info().misses == len(texts)


@pytest.mark.parametrize(("workers", "ahead"), [(1, 64), (2, 64), (2, 1)])
def test_dedup_add_all_gives_each_documents_links_as_add(seeds, monkeypatch, workers, ahead):
    # the alignments run in other processes (and, with ahead=1, at most one document's at a time): each
    # document's links, in order, are what adding the documents one by one gives
    import kg.ingest.dedup as dedup

    monkeypatch.setattr(dedup, "ALIGN_AHEAD", ahead)
    docs = sorted(seeds.values(), key=lambda d: d.id) * 2  # the second round replaces each document
    one = DedupIndex()
    expected = [one.add(d) for d in docs]
    assert any(expected)
    got = list(DedupIndex().add_all(((d, None) for d in docs), workers=workers))
    assert got == expected


@pytest.mark.parametrize("fault", ["no-process", "worker-dies"])
def test_dedup_add_all_aligns_itself_when_its_processes_fail(seeds, monkeypatch, fault):
    import os
    from concurrent.futures import ProcessPoolExecutor

    import kg.ingest.dedup as dedup

    docs = sorted(seeds.values(), key=lambda d: d.id)
    one = DedupIndex()
    expected = [one.add(d) for d in docs]
    if fault == "no-process":
        def refuse(self, *args, **kwargs):
            raise OSError("no process to be had")

        monkeypatch.setattr(ProcessPoolExecutor, "submit", refuse)
    else:
        _TEST_PROCESS.append(os.getpid())
        monkeypatch.setattr(dedup, "_passages", _dies_in_a_child)
    assert list(DedupIndex().add_all(((d, None) for d in docs), workers=2)) == expected


_TEST_PROCESS: list[int] = []
_ALIGN = __import__("kg.ingest.dedup", fromlist=["_passages"])._passages


def _dies_in_a_child(pairs):  # at module level: a pool pickles it by name
    import os

    if os.getpid() not in _TEST_PROCESS:
        os._exit(1)  # the worker process dies as if killed
    return _ALIGN(pairs)

"""Corpus-level boilerplate: passages that recur across many documents of one publisher are removed;
shared content (a quote, wire copy, a republished article) is not. Articles written for these tests."""

from __future__ import annotations

import json

from kg.ingest import read_documents
from kg.ingest.corpus import INDEX_FILE, CorpusIndex, corpus_pass, forget, required
from kg.records import Document

STORIES = [
    ("The ferry company cancelled the morning crossing to the northern islands on Monday after a crane collapsed "
     "on the pier, leaving about forty passengers waiting in the terminal for most of the day.",
     "Engineers from the port authority inspected the pier in the afternoon and said repairs could take a week."),
    ("A bakery in the old town has started selling bread made from a rye variety that farmers nearby had not "
     "grown for nearly a century, and the first batch sold out before lunch.",
     "The owner said she found the seeds in a regional gene bank and persuaded two growers to try a small field."),
    ("Teachers at the vocational college voted to accept a new pay offer on Thursday, ending a dispute that had "
     "closed workshops for three weeks and delayed exams for hundreds of apprentices.",
     "Union officials said the deal includes extra funding for equipment in the welding and carpentry classes."),
    ("Volunteers counted more than two hundred nesting pairs of terns on the gravel spit this spring, the highest "
     "number recorded since the reserve fenced off the beach to keep dogs away.",
     "Wardens plan to extend the fence next year because foxes have been seen crossing at low tide."),
    ("The regional library will stay open until ten in the evening during the exam season, after students "
     "complained that the reading rooms closed just as the cafés around the square filled up.",
     "Its director said the longer hours would be paid for by moving money from the budget for new furniture."),
    ("Residents of the hillside estate have formed a cooperative to install solar panels on the roofs of its "
     "twelve apartment blocks, hoping to cut heating bills by a third within five years.",
     "The city council agreed to guarantee part of the loan, but the cooperative still has to find an installer."),
]
NOTE = ("Editor's note: the Harbour Daily newsroom is funded by its readers and does not accept money from the "
        "companies or parties that it writes about in its reporting.")
NOTE_LONGER = ("Editor's note: the Harbour Daily newsroom is funded entirely by its readers and never by advertisers, "
               "and does not accept money from the companies or parties that it writes about in its reporting.")


def _jsonl(tmp_path, rows, name="batch.jsonl"):
    f = tmp_path / name
    f.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return f


def _row(i: int, publisher: str | None = "Harbour Daily", extra: tuple[str, ...] = ()) -> dict:
    row = {"id": f"story-{i}", "text": "\n\n".join(STORIES[i] + extra)}
    if publisher:
        row["publisher"] = publisher
    return row


def _docs(paths, **kw) -> dict[str, Document]:
    return {d.id: d for d in read_documents([str(p) for p in paths], **kw) if isinstance(d, Document)}


def _flagged(doc: Document) -> list[str]:
    return [r.text for r in doc.removed if r.reason.startswith("publisher boilerplate")]


def test_corpus_required_counts():
    assert [required(n) for n in (1, 3, 20, 60, 100, 200, 5000)] == [3, 3, 3, 3, 5, 10, 10]


def test_corpus_editors_note_of_one_publisher_is_removed_with_a_reason(tmp_path):
    rows = [_row(i, extra=(NOTE,)) for i in range(3)] + [_row(3, extra=(NOTE_LONGER,)), _row(4), _row(5)]
    docs = _docs([_jsonl(tmp_path, rows)])
    for i in range(4):
        doc = docs[f"story-{i}"]
        assert "Editor's note" not in doc.text
        assert STORIES[i][1] in doc.text  # the article itself is untouched
        [reason] = [r.reason for r in doc.removed if r.reason.startswith("publisher")]
        assert reason == "publisher boilerplate (recurs in 4 of the 6 documents of harbour daily)"
    assert docs["story-4"].removed == ()
    assert docs["story-0"].content_hash != _docs([_jsonl(tmp_path, rows)], corpus=False)["story-0"].content_hash


def test_corpus_offsets_stay_exact(tmp_path):
    rows = [_row(i, extra=(NOTE,)) for i in range(3)]
    for doc in _docs([_jsonl(tmp_path, rows)]).values():
        start = doc.text.index(STORIES[int(doc.id[-1])][1])
        assert doc.text[start:start + len(STORIES[int(doc.id[-1])][1])] == STORIES[int(doc.id[-1])][1]
        assert doc.text.split("\n\n") == list(STORIES[int(doc.id[-1])])


def test_corpus_two_documents_are_not_many(tmp_path):
    rows = [_row(0, extra=(NOTE,)), _row(1, extra=(NOTE,)), _row(2)]
    docs = _docs([_jsonl(tmp_path, rows)])
    assert all(not _flagged(d) for d in docs.values())


def test_corpus_passage_shared_by_two_publishers_is_content(tmp_path):
    wire = ("The national statistics office said on Tuesday that consumer prices rose by 0.4 percent in March, "
            "driven mainly by the cost of fuel and of fresh vegetables.")
    rows = [_row(0, "Harbour Daily", (wire,)), _row(1, "Harbour Daily", (wire,)), _row(2, "Valley Courier", (wire,)),
            _row(3, "Valley Courier", (wire,))]
    docs = _docs([_jsonl(tmp_path, rows)])
    assert all(wire in d.text for d in docs.values())


def test_corpus_template_filled_with_different_facts_is_kept(tmp_path):
    # one sentence frame, a different rating in each: a chain of similar one-offs, no repeated wording
    ratings = ["AA-minus", "A-plus", "BBB", "A-2", "AAA"]
    lines = [f"Callable after seven years, the bond is rated {r} by the agency and carries a fixed coupon paid "
             f"twice a year to holders." for r in ratings]
    rows = [_row(i, extra=(line,)) for i, line in enumerate(lines)]
    docs = _docs([_jsonl(tmp_path, rows)])
    assert all(lines[i] in docs[f"story-{i}"].text for i in range(5))


def test_corpus_coinciding_data_lines_are_kept(tmp_path):
    line = "Quarterly dividend 12 cents vs 12 cents prior, payable May 2 to holders of record April 10."
    rows = [_row(i, extra=(line,)) for i in range(5)]
    docs = _docs([_jsonl(tmp_path, rows)])
    assert all(line in d.text for d in docs.values())


def test_corpus_repeated_quotation_is_kept(tmp_path):
    quote = ("“We will not let the harbour close while there is still a single boat that needs it,” the mayor "
             "told the crowd.")
    rows = [_row(i, extra=(quote,)) for i in range(5)]
    docs = _docs([_jsonl(tmp_path, rows)])
    assert all(quote in d.text for d in docs.values())


def test_corpus_republished_article_is_left_to_dedup(tmp_path):
    rows = [{"id": f"copy-{k}", "text": "\n\n".join(STORIES[0] + STORIES[1])} for k in range(4)]
    docs = _docs([_jsonl(tmp_path, rows)])
    assert len(docs) == 4 and all(not _flagged(d) for d in docs.values())


def test_corpus_plain_text_files_without_publisher_form_one_group(tmp_path):
    for i in range(4):
        (tmp_path / f"s{i}.txt").write_text("\n\n".join(STORIES[i] + (NOTE,)), encoding="utf-8")
    docs = _docs([tmp_path])
    assert all(NOTE not in d.text for d in docs.values())
    assert "of the 4 documents without a publisher" in docs["s0"].removed[-1].reason


def test_corpus_url_host_is_the_publisher(tmp_path):
    rows = [dict(_row(i, None, (NOTE,)), url=f"https://www.harbour.example/news/{i}") for i in range(3)]
    rows += [dict(_row(3, None), url="https://valley.example/a")]
    docs = _docs([_jsonl(tmp_path, rows)])
    assert all(NOTE not in docs[f"story-{i}"].text for i in range(3))
    assert "of the 3 documents of harbour.example" in _flagged_reason(docs["story-0"])


def _flagged_reason(doc: Document) -> str:
    return next(r.reason for r in doc.removed if r.reason.startswith("publisher"))


def test_corpus_store_index_rechecks_earlier_documents(tmp_path):
    index = tmp_path / INDEX_FILE
    first = [d for d in read_documents([str(_jsonl(tmp_path, [_row(0, extra=(NOTE,)), _row(1, extra=(NOTE,))]))],
                                       boilerplate_index=index)]
    assert [d.id for d in first] == ["story-0", "story-1"] and all(NOTE in d.text for d in first)
    assert index.exists()
    second = list(read_documents([str(_jsonl(tmp_path, [_row(2, extra=(NOTE,))], "more.jsonl"))],
                                 boilerplate_index=index))
    # the new document, then the stored ones whose boilerplate changed, re-cleaned from their original text
    assert [d.id for d in second] == ["story-2", "story-0", "story-1"]
    assert all(NOTE not in d.text for d in second)
    again = list(read_documents([str(_jsonl(tmp_path, [_row(2, extra=(NOTE,))], "more.jsonl"))],
                                boilerplate_index=index))
    assert [d.id for d in again] == ["story-2"]  # nothing else changed
    forget(["story-2"], index)
    third = list(read_documents([str(_jsonl(tmp_path, [_row(3)], "last.jsonl"))], boilerplate_index=index))
    # with story-2 gone the note is in 2 documents only: the stored two get it back
    assert [d.id for d in third] == ["story-3", "story-0", "story-1"]
    assert all(NOTE in d.text for d in third[1:])


def test_corpus_verdicts_do_not_depend_on_order(tmp_path):
    rows = [_row(i, extra=(NOTE,) if i % 2 else (NOTE_LONGER,)) for i in range(6)]
    a, b = CorpusIndex(), CorpusIndex()
    docs = list(read_documents([str(_jsonl(tmp_path, rows))], corpus=False))
    for d in docs:
        a.add(d)
    for d in reversed(docs):
        b.add(d)
    va, vb = a.verdicts(), b.verdicts()
    assert {k: v.removed for k, v in va.items()} == {k: v.removed for k, v in vb.items()}
    assert all(v.removed for v in va.values())


def test_corpus_small_batch_passes_through_unchanged(tmp_path):
    docs = list(read_documents([str(_jsonl(tmp_path, [_row(0, extra=(NOTE,))]))], corpus=False))
    assert list(corpus_pass(iter(docs))) == docs


def test_corpus_incremental_build_equals_full_build(tmp_path, nlp, monkeypatch):
    from kg.build import build
    from kg.store import open_store
    from tests.conftest import export_nquads

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = _jsonl(tmp_path, [_row(0, extra=(NOTE,)), _row(1, extra=(NOTE,))], "first.jsonl")
    second = _jsonl(tmp_path, [_row(2, extra=(NOTE,)), _row(3, extra=(NOTE_LONGER,)), _row(4)], "second.jsonl")
    full, inc = open_store(str(tmp_path / "full")), open_store(str(tmp_path / "inc"))
    build([str(first), str(second)], full)
    assert build([str(first)], inc).ok
    report = build([str(second)], inc)
    assert report.added == ["story-2", "story-3", "story-4"] and report.replaced == ["story-0", "story-1"]
    quads = export_nquads(inc)
    assert quads == export_nquads(full)
    assert not any("Harbour Daily newsroom" in q for q in quads)
    assert (tmp_path / "inc" / INDEX_FILE).exists()


def test_corpus_streamed_pass_hands_late_documents_on_recleaned(tmp_path):
    # the note is in stories 2-5: it becomes boilerplate (3 documents) only once story 4 is read, so the
    # stories read before that are handed on with it, then again without it
    rows = [_row(i, extra=(NOTE,) if i >= 2 else ()) for i in range(6)]
    read = list(read_documents([str(_jsonl(tmp_path, rows))], corpus=False))
    consumed = []

    def source():
        for doc in read:
            consumed.append(doc.id)
            yield doc

    late: list = []
    stream = corpus_pass(source(), late=late.append, window=2)
    assert next(stream).id == "story-0" and len(consumed) < len(read)  # handed on before the batch is read
    streamed = {"story-0": None, **{d.id: d for d in stream}}
    assert [d.id for d in late] == ["story-2", "story-3"]
    assert "Editor's note" in streamed["story-2"].text and "Editor's note" not in late[0].text
    whole = {d.id: d for d in corpus_pass(iter(read))}
    final = {**streamed, **{d.id: d for d in late}}
    del final["story-0"]
    for doc_id, doc in final.items():
        assert (doc.text, doc.content_hash) == (whole[doc_id].text, whole[doc_id].content_hash)


def test_corpus_streamed_build_equals_whole_batch_build(tmp_path, nlp, monkeypatch):
    from kg.build import build
    from kg.ingest import corpus
    from kg.store import open_store
    from tests.conftest import export_nquads

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    batch = _jsonl(tmp_path, [_row(i, extra=(NOTE,) if i >= 2 else ()) for i in range(6)])
    whole = open_store(str(tmp_path / "whole"))
    counted = build([str(batch)], whole, workers=1).claims  # six documents, fewer than WINDOW: no late ones
    monkeypatch.setattr(corpus, "WINDOW", 2)
    streamed = open_store(str(tmp_path / "streamed"))
    seen = []
    report = build([str(batch)], streamed, workers=1, progress=lambda stage, done, total: seen.append((stage, done)))
    # stories 2 and 3 are parsed twice but counted once: progress ends at the six articles read
    articles = [done for stage, done in seen if stage == "articles"]
    assert max(articles) == articles[-1] == 6 and articles == sorted(articles)
    assert report.ok and report.added == [f"story-{i}" for i in range(6)] and report.replaced == []
    assert report.claims == counted  # the first versions of the late documents are not counted too
    quads = export_nquads(streamed)
    assert quads == export_nquads(whole)
    assert not any("Harbour Daily newsroom" in q for q in quads)

"""One nlp.pipe pass; worker processes give the same records; one bad article never stops a batch."""

import pytest

import kg.pipeline
from kg.ingest import content_hash
from kg.pipeline import extract_documents
from kg.records import Document

TEXTS = [
    "Kazakh President Kassym-Jomart Tokayev said the government should help companies move to Almaty.",
    "About 1,400 foreign companies have suspended operations in Russia, according to Yale researchers.",
    "BOOM this article breaks the extractor.",
    "Alikhan Smaiylov, the prime minister of Kazakhstan, briefed reporters on Tuesday.",
]


def _docs():
    return [Document(id=f"d{i}", text=t, source_path=f"d{i}.txt", content_hash=content_hash(t))
            for i, t in enumerate(TEXTS)]


@pytest.fixture
def breaking_extractor(monkeypatch):
    real = kg.pipeline.extract_doc

    def extract(doc, document, pipeline=""):
        if doc.text.startswith("BOOM"):
            raise RuntimeError("synthetic failure")
        return real(doc, document, pipeline=pipeline)

    monkeypatch.setattr(kg.pipeline, "extract_doc", extract)


@pytest.mark.parametrize("workers", [1, 2])
def test_pipeline_bad_article_is_reported_and_skipped(nlp, breaking_extractor, workers):
    failed = []
    out = list(extract_documents(_docs(), on_error=lambda d, e: failed.append((d.id, str(e))), workers=workers,
                                 batch_size=2))
    assert [e.document.id for e in out] == ["d0", "d1", "d3"]
    assert failed and failed[0][0] == "d2" and "synthetic failure" in failed[0][1]


def test_pipeline_without_on_error_raises(nlp, breaking_extractor):
    with pytest.raises(RuntimeError, match="synthetic failure"):
        list(extract_documents(_docs()))


def test_pipeline_workers_give_the_same_records(nlp):
    docs = [d for d in _docs() if not d.text.startswith("BOOM")]
    one = list(extract_documents(docs))
    two = list(extract_documents(docs, workers=2, batch_size=1))
    assert one == two


@pytest.fixture
def dying_worker(monkeypatch, tmp_path):
    """Texts starting DIE kill their worker process (os._exit, like the OOM killer would) every time;
    DIE-ONCE only the first time (a marker file remembers)."""
    import os

    real = kg.pipeline.extract_doc
    marker = tmp_path / "died-once"

    def extract(doc, document, pipeline=""):
        if doc.text.startswith("DIE-ONCE") and not marker.exists():
            marker.touch()
            os._exit(1)
        if doc.text.startswith("DIE "):
            os._exit(1)
        return real(doc, document, pipeline=pipeline)

    monkeypatch.setattr(kg.pipeline, "extract_doc", extract)


@pytest.mark.parametrize(("second", "lost"), [
    ("DIE this article kills its worker every time.", ["w1"]),  # retried once, then reported
    ("DIE-ONCE this one kills its worker the first time only.", []),  # the retry gets it through
])
def test_pipeline_worker_death_loses_only_its_batch_retried_once(nlp, dying_worker, second, lost):
    texts = ["The minister said on Monday that prices rose.", second, "Officials said 300 people left.",
             "The company said it would open a plant."]
    docs = [Document(id=f"w{i}", text=t, source_path=f"w{i}.txt", content_hash=content_hash(t))
            for i, t in enumerate(texts)]
    failed = []
    out = list(extract_documents(docs, on_error=lambda d, e: failed.append((d.id, type(e).__name__)), workers=2,
                                 batch_size=1))
    assert [e.document.id for e in out] == [d.id for d in docs if d.id not in lost]
    assert failed == [(d, "WorkerLost") for d in lost]

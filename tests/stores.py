"""Stores built from articles written for the tests, shared by the test modules that read one."""

from __future__ import annotations

from pathlib import Path


def build_articles(folder: Path, articles: list[dict], name: str = "articles") -> Path:
    """``articles`` (dicts of the JSONL input) written to ``folder/NAME.jsonl`` (their ids: NAME-1, NAME-2 …),
    built with ``kg build`` into ``folder/store`` and closed, so the build is published for readers; the
    store's path."""
    import json

    from kg.build import build
    from kg.store import open_store

    corpus = folder / f"{name}.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    store = open_store(str(folder / "store"))
    report = build([str(corpus)], store)
    assert report.ok, report.problems
    store.close()
    return folder / "store"

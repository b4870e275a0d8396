"""JSONL metadata in the shapes news exports come in: nested ``meta`` / ``metadata`` objects, other field
names, and a date field in any common form (kg.ingest.metadata.date_value, python-dateutil)."""

from __future__ import annotations

import json

import pytest

from kg.ingest import read_documents
from kg.ingest.metadata import date_value

ARTICLE = ("The harbour board said on Tuesday that the new ferry terminal would open in the spring. "
           "It expects about 400,000 passengers in the first year, a spokeswoman said.\n\n"
           "Residents of the old quay have asked for a second road to the terminal before it opens.")


@pytest.mark.parametrize(("value", "iso"), [
    ("26-MAR-1991 09:14:22.05", "1991-03-26"),  # wire archive form: day-MONTH-year with a time
    ("1991-03-26", "1991-03-26"),
    ("1991-03-26T23:40:00-05:00", "1991-03-26"),  # the day written, not moved by the zone
    ("Tue, 26 Mar 1991 23:40:00 GMT", "1991-03-26"),  # RFC 2822, as in RSS
    ("Mar. 26, 1991", "1991-03-26"),
    ("26 March 1991", "1991-03-26"),
    ("Posted on March 26, 1991 by the desk", "1991-03-26"),  # a date among other words
    (669999600, "1991-03-26"),  # Unix seconds
    (669999600000, "1991-03-26"),  # Unix milliseconds
    ("669999600", "1991-03-26"),
    ("1991", None),  # no day stated: none invented
    ("March 1991", None),
    ("next spring", None),
    ("None", None),
    (True, None),
    (None, None),
    (12, None),
])
def test_jsonl_date_value_forms(value, iso):
    assert date_value(value) == iso


def _read(tmp_path, *objs):
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(json.dumps(o) for o in objs) + "\n", encoding="utf-8")
    return list(read_documents([str(f)]))


def _meta(doc):
    return doc.title, doc.date, doc.publisher, doc.author, doc.url


@pytest.mark.parametrize(("line", "expected"), [
    # a nested "meta" object with a publication_date (an annotated-corpus export)
    ({"text": ARTICLE, "meta": {"publisher": "harbour gazette", "publication_date": "2019-04-02",
                                "title": "Ferry terminal to open in spring", "author": "R. Okafor"}},
     ("Ferry terminal to open in spring", "2019-04-02", "harbour gazette", "R. Okafor", None)),
    # "metadata", NewsAPI-style source object, authors as objects, publishedAt
    ({"text": ARTICLE, "metadata": {"source": {"id": "hg", "name": "Harbour Gazette"},
                                    "publishedAt": "2019-04-02T07:00:00Z", "headline": "Terminal opens",
                                    "authors": [{"name": "Ria Okafor"}, {"name": "Tom Bell"}],
                                    "link": "https://gazette.example/terminal"}},
     ("Terminal opens", "2019-04-02", "Harbour Gazette", "Ria Okafor, Tom Bell", "https://gazette.example/terminal")),
    # top-level fields win over the nested ones; "None" placeholders are no value
    ({"text": ARTICLE, "date": "02-APR-2019 10:00:00.00", "publisher": "None",
      "meta": {"publication_date": "2018-01-01", "publisher": "Harbour Gazette"}},
     (None, "2019-04-02", "Harbour Gazette", None, None)),
    # a dataset tag is not the publisher; an unreadable date is no date
    ({"text": ARTICLE, "source_dataset": "SomeCorpus", "date": "sometime soon"},
     (None, None, None, None, None)),
])
def test_jsonl_metadata_shapes(tmp_path, line, expected):
    [doc] = _read(tmp_path, line)
    assert _meta(doc) == expected


def test_jsonl_metadata_non_object_meta_is_ignored_and_line_is_kept(tmp_path):
    docs = _read(tmp_path, {"text": ARTICLE, "meta": ["not", "an", "object"], "date": 3.5},
                 {"text": ARTICLE, "metadata": {"published": {"nested": "too deep"}}})
    assert [d.date for d in docs] == [None, None]
    assert all(d.text.startswith("The harbour board") for d in docs)

"""Metadata from the text: title, url, date, publisher, author, first_published_in (seeds + tables)."""

from __future__ import annotations

import pytest

from kg.ingest import read_documents
from kg.ingest.build import build_document
from kg.ingest.metadata import is_headline, outlet_name, parse_date


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return {d.id[:3]: d for d in read_documents([str(seeds_dir)])}


@pytest.mark.parametrize(
    ("seed", "field", "expected"),
    [
        ("000", "title", "50 global companies left Russia for Kazakhstan"),
        ("001", "title", None),  # opens with a full sentence, not a headline
        ("002", "title", "Kazakhstan Seeks to Attract Foreign Brands Exiting Russia"),
        ("004", "title", "Russia’s battle loss is Kazakhstan’s mind achieve"),
        ("002", "url", "https://www.themoscowtimes.com/2022/07/14/kazakhstan-seeks-to-attract-foreign-brands-"
                       "exiting-russia-a78294"),
        ("001", "url", None),
        ("002", "date", "2022-07-14"),
        ("000", "date", None),  # "On July 14" in the body has no year and is not a dateline
        ("004", "publisher", "International Courant"),
        ("001", "publisher", "The Moscow Times"),  # from "A Message from The Moscow Times:"
        ("004", "author", "Omar Adan"),
        ("000", "author", "Mike"),  # the author box at the end
        ("003", "author", "Ma Shangluo"),  # "Author Ma Shangluo" in the republication notice
        ("003", "first_published_in", ("Silk Road Today",)),
        ("004", "first_published_in", ("East Asia Discussion",)),  # MT of "East Asia Forum"
        ("000", "first_published_in", ("Project Syndicate", "The Korea Herald")),
        ("001", "first_published_in", ()),
        ("003", "language", "en"),
        ("003", "encoding", "utf-8"),
    ],
)
def test_metadata_seed_field(seeds, seed, field, expected):
    assert getattr(seeds[seed], field) == expected


def test_metadata_lines_are_removed_title_is_kept(seeds):
    doc = seeds["004"]
    assert doc.text.startswith("Russia’s battle loss is Kazakhstan’s mind achieve\n\nFor greater than a decade")
    assert ("Omar Adan", "metadata: author") in [(r.text, r.reason) for r in doc.removed]
    assert ("July 14, 2022", "metadata: date") in [(r.text, r.reason) for r in seeds["002"].removed]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("July 14, 2022", "2022-07-14"),
        ("Thursday, 14 July 2022", "2022-07-14"),
        ("Sept. 3, 2021", "2021-09-03"),
        ("2023-05-02T10:00:00Z", "2023-05-02"),
        ("/2022/07/14/kazakhstan", "2022-07-14"),
        ("on July 14", None),
        ("2022-13-40", None),
    ],
)
def test_metadata_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("lines", "field", "expected"),
    [
        (["Port to open next year", "By Jane Doe and John Roe, Harbour News"], "author", "Jane Doe, John Roe"),
        (["Port to open next year", "By Jane Doe and John Roe, Harbour News"], "publisher", "Harbour News"),
        (["Port to open next year", "Published: 3 May 2023 10:15"], "date", "2023-05-03"),
        (["Port to open next year", "Jane Doe", "Daily Harbour"], "author", "Jane Doe"),
        (["Port to open next year", "Jane Doe", "Daily Harbour"], "publisher", "Daily Harbour"),
        (["ODESA, May 3, 2023 (Reuters) — The minister said on Monday that the port would open."], "date",
         "2023-05-03"),
    ],
)
def test_metadata_head_lines(lines, field, expected):
    body = "The minister said on Monday that the new port will open next year, ending months of doubt."
    doc = build_document("\n\n".join([*lines, body]), doc_id="t", source_path="t.txt", english_only=False)
    assert getattr(doc, field) == expected


@pytest.mark.parametrize("line", ["Jane Doe", "1998-04-12", "HARBOUR AT MILLBROOK", "Daily Harbour"])
def test_metadata_one_line_document_is_its_own_text(line):
    # a byline, date or outlet line heads an article; alone in a document it heads nothing and is kept
    doc = build_document(line, doc_id="t", source_path="t.txt", english_only=False)
    assert doc.text == line


@pytest.mark.parametrize(
    ("notice", "outlets"),
    [
        ("This article was originally published by The Diplomat.", ("The Diplomat",)),
        ("This article was initially published by East Asia Forum and is republished under a Creative "
         "Commons license.", ("East Asia Forum",)),
        ("This story first appeared in the weekly \"Harbour Today\" newspaper.", ("Harbour Today",)),
        ("Republished with permission from Eurasianet.", ("Eurasianet",)),
    ],
)
def test_metadata_republication_notice(notice, outlets):
    body = ["The minister said on Monday that the new port will open next year, ending months of doubt.",
            "Critics say the project has been delayed by disputes over land and over the cost."]
    doc = build_document("\n\n".join([*body, notice]), doc_id="t", source_path="t.txt")
    assert doc.first_published_in == outlets
    assert notice not in doc.text
    assert [r.reason for r in doc.removed] == ["republication notice"]


def test_metadata_body_mention_of_origin_is_kept_in_text():
    s = "The Korea Herald published an article from Project Syndicate on October 20 by a former minister."
    doc = build_document("Port news\n\n" + s + " He wrote that the port would open.", doc_id="t",
                         source_path="t.txt")
    assert s in doc.text
    assert doc.first_published_in == ("Project Syndicate", "The Korea Herald")


def test_metadata_headline_rules():
    assert is_headline("Kazakhstan Seeks to Attract Foreign Brands Exiting Russia")
    assert not is_headline("Kazakhstan must work to accommodate businesses, the president said Thursday.")
    assert not is_headline("lower-case start is a continuation")
    assert outlet_name("the Russian version of the 176th issue of the \"Silk Road Today\" newspaper.") == \
        "Silk Road Today"


def test_metadata_wire_dateline_agency_is_the_origin():
    doc = build_document("MOSCOW, July 14 (Reuters) - The minister said on Monday that the new port will open "
                         "next year, ending months of uncertainty for the town.", doc_id="t", source_path="t")
    assert doc.first_published_in == ("Reuters",)
    assert doc.text.startswith("MOSCOW, July 14 (Reuters)")

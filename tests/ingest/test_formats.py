"""Formats read by parsers: Markdown (markdown-it-py) and HTML (trafilatura's XML tree) keep the author's
characters; what cleaning keeps or removes are slices of the input."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import read_documents
from kg.ingest.markdown import looks_like_markdown, strip_markdown
from kg.records import Document

FILLER = ("The harbour authority said on Tuesday that the new quay would be finished before the winter storms, "
          "and that ferry services to the islands would resume in full once the work had been inspected.")


def _one(path, **kw):
    [result] = list(read_documents([str(path)], **kw))
    return result


def _page(paragraphs: list[str], depth: int = 0) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>Quay</title></head><body>{'<div>' * depth}<article>"
            f"<h1>Quay to open before winter</h1>{body}</article>{'</div>' * depth}</body></html>")


@pytest.mark.parametrize("literal", ["5*3", "[sic]", "*very*", "rate_of_change", "C:\\files\\new", "#harbour",
                                     "1. first", "a <b> tag", "Smith & Sons", "`code`", "~~struck~~"])
def test_formats_html_text_has_no_escape_artefacts(tmp_path, literal):
    f = tmp_path / "page.html"
    f.write_text(_page([f"The engineer wrote {html_lib.escape(literal)} in the report. {FILLER}", FILLER]),
                 encoding="utf-8")
    doc = _one(f)
    assert isinstance(doc, Document), doc
    assert f"The engineer wrote {literal} in the report." in doc.text


def test_formats_html_emphasis_and_links_become_plain_text(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(_page([f"It was <em>very</em> late, said <a href='https://port.example/chief'>the chief</a>. "
                        f"{FILLER}", f"Line one<br>Line two of the notice. {FILLER}"]), encoding="utf-8")
    doc = _one(f)
    assert "It was very late, said the chief." in doc.text
    assert "Line one\nLine two" in doc.text or "Line one\n\nLine two" in doc.text
    assert doc.links == ("https://port.example/chief",)


_SPECIAL_WORD = st.text(alphabet="abcxyz*_[]()\\#`~<>&!|-+.:\"'", min_size=1, max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(_SPECIAL_WORD, min_size=1, max_size=6))
def test_formats_html_property_text_nodes_survive_verbatim(tmp_path, words):
    sentence = "The clerk typed " + " ".join(words) + " into the form."
    f = tmp_path / "page.html"
    f.write_text(_page([html_lib.escape(sentence) + " " + FILLER, FILLER]), encoding="utf-8")
    doc = _one(f)
    assert isinstance(doc, Document), doc
    assert " ".join(sentence.split()) in " ".join(doc.text.split())


@pytest.mark.parametrize("depth", [300, 1000])
def test_formats_html_deeply_nested_page_keeps_its_text(tmp_path, depth):
    f = tmp_path / "deep.html"
    f.write_text(_page([FILLER, FILLER], depth=depth), encoding="utf-8")
    doc = _one(f)
    assert isinstance(doc, Document), doc
    assert "ferry services" in doc.text


def test_formats_html_nesting_beyond_the_parser_is_named(tmp_path):
    f = tmp_path / "deeper.html"
    f.write_text(_page([FILLER, FILLER], depth=2100), encoding="utf-8")
    err = _one(f)
    assert isinstance(err, InputError)
    assert str(err).startswith(f"{f}: HTML nested deeper than 2000 elements")


def test_formats_html_same_page_twice_in_a_batch_is_read_twice(tmp_path):
    page = _page([FILLER, "A second paragraph about the quay and its cranes, which were delivered in May."])
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "b.html").write_text(page, encoding="utf-8")
    (tmp_path / "c.html").write_text(page, encoding="utf-8")
    docs = list(read_documents([str(tmp_path)]))
    assert all(isinstance(d, Document) for d in docs), docs
    assert len({d.text for d in docs}) == 1  # reading order does not change what a page yields


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("# Quay opens\n\nIt is *very* late.", "Quay opens\n\nIt is very late."),
        ("Setext title\n===\n\nBody text here.", "Setext title\n\nBody text here."),
        ("The ratio 5\\*3 held \\[sic\\].", "The ratio 5*3 held [sic]."),
        ("Use `pip install` now, **and** __also__ _this_.", "Use pip install now, and also this."),
        ("- first item\n- second item\n\n1. one\n2. two", "first item\n\nsecond item\n\none\n\ntwo"),
        ("> A quoted line\n> that goes on.", "A quoted line\nthat goes on."),
        ("Before\n\n---\n\nAfter", "Before\n\nAfter"),
        ("Tom &amp; Jerry met at 5 <b>pm</b>.", "Tom & Jerry met at 5 pm."),
        ("| city | people |\n|---|---|\n| Aral | 30,000 |", "city | people\n\nAral | 30,000"),
        ("    indented code\n\nText.", "indented code\n\nText."),
    ],
)
def test_formats_markdown_full_syntax(source, expected):
    text, _, _ = strip_markdown(source, full=True)
    assert text == expected


def test_formats_markdown_links_images_and_references():
    source = ("See [the report](https://gov.example/r \"title\") and [this][ref], [nothing](#), <https://a.example/x>."
              "\n\n![A crane at dawn](crane.jpg)\n\n[ref]: https://ref.example/doc")
    text, links, removed = strip_markdown(source, full=True)
    assert text == "See the report and this, nothing, https://a.example/x."
    assert links == ("https://gov.example/r", "https://ref.example/doc", "https://a.example/x")  # text order
    assert removed and removed[0].reason == "markdown image" and "crane.jpg" in removed[0].text


@pytest.mark.parametrize("literal", ["5*3", "\\*not emphasis\\*", "*very*", "# not a heading", "a_b_c", "&amp;",
                                     "1. not a list"])
def test_formats_text_file_with_links_keeps_other_characters(literal):
    source = f"He said [so](#) on Monday.\n\nThe note read {literal} in full."
    assert looks_like_markdown(source)
    text, links, _ = strip_markdown(source, full=False)
    assert text == f"He said so on Monday.\n\nThe note read {literal} in full."
    assert links == ()


def test_formats_text_without_links_is_untouched():
    source = "No links *here* at all, 5*3 = 15.\n  Indented line."
    assert not looks_like_markdown(source)
    assert strip_markdown(source, full=False) == (source, (), [])


def _squash(text: str) -> str:
    return " ".join(text.split())


_PARAGRAPH = st.one_of(
    st.sampled_from([FILLER, "Share this article", "Photo: Jane Roe / Harbour Daily", "Tags: ports, ferries",
                     "(Reporting by Jane Roe; Editing by John Doe)", "Related: Ferry fares rise again",
                     "Copyright 2024 Harbour Daily. All rights reserved.",
                     "The mayor said 5*3 [sic] was *very* odd, and that she would write to the minister about it."]),
    st.text(alphabet="abcdefgh ijk.,*[]_#\\", min_size=20, max_size=120).map(lambda s: "Officials noted " + s + "."),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(_PARAGRAPH, min_size=2, max_size=8))
def test_formats_property_kept_and_removed_text_slices_the_input(tmp_path, paragraphs):
    source = "\n\n".join(paragraphs)
    f = tmp_path / "article.txt"
    f.write_text(source, encoding="utf-8")
    result = _one(f, english_only=False)
    if isinstance(result, InputError):
        assert "no article text left" in str(result)
        return
    flat = _squash(source)
    for paragraph in result.text.split("\n\n"):
        assert _squash(paragraph) in flat
    for piece in result.removed:
        for part in re.split(r"\n\n", piece.text):
            assert _squash(part) in flat


def test_formats_markdown_formatting_tags_go_other_markup_stays_visible():
    text, _, _ = strip_markdown("He <b>said</b> <img src=x onerror=alert(1)> it <span class='x'>twice</span>.")
    assert text == "He said <img src=x onerror=alert(1)> it twice."

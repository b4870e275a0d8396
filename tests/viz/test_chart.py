"""The number chart (SVG written in Python) and the static trace page: order, marks, links, escaping."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from kg.viz import chart, story
from tests.viz.test_page import PAYLOADS

SVG = "{http://www.w3.org/2000/svg}"


def _row(claim, doc, value, qualifier="exact", date=None, publisher=None, **kw) -> dict:
    return {"claim": claim, "doc": doc, "value": value, "value_max": None, "unit": None, "qualifier": qualifier,
            "text": str(value), "counts": "firms", "date": date, "publisher": publisher, "title": None,
            "sentence": f"Some {value} firms left.", "sentence_start": 0, "start": 5, "end": 5 + len(str(value)),
            "source": "A Minister", **kw}


ROWS = [
    _row("urn:kg:claim:c:1", "copy", 1400.0, "approx", date="2022-07-15", publisher="Copy Daily",
         republication_of="orig"),
    _row("urn:kg:claim:o:1", "orig", 1400.0, "approx", date="2022-07-14", publisher="Origin Times"),
    _row("urn:kg:claim:x:1", "other", 1000.0, "over", date="2022-07-10", publisher="Other Post"),
    _row("urn:kg:claim:y:1", "under", 900.0, "under", date="2022-07-12", publisher="Fourth Wire"),
]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_copies_come_right_after_their_original_and_say_whose_copy_they_are():
    order = [(r["doc"], note) for r, note in chart.ordered(ROWS)]
    docs = [d for d, _ in order]
    assert docs.index("copy") == docs.index("orig") + 1
    assert dict(order)["copy"] == "republication of Origin Times"
    assert dict(order)["orig"] is None


def test_a_copy_is_drawn_under_its_original_only_when_the_original_is_charted():
    def who(svg_text: str) -> dict[str, str]:  # bold row label → its text, by claim link
        out = {}
        for a in _parse(svg_text).findall(f"{SVG}a"):
            texts = a.findall(f"{SVG}text")
            if texts and a.get("class") != "mark":
                out[a.get("href")] = texts[0].text or ""
        return out

    both = who(chart.svg(ROWS, lambda r: f"#{r['doc']}"))
    assert both["#copy"].startswith("↳ ") and not both["#orig"].startswith("↳")
    alone = who(chart.svg([r for r in ROWS if r["doc"] != "orig"], lambda r: f"#{r['doc']}"))
    assert not alone["#copy"].startswith("↳")  # not under "other", whose row is now above it
    assert "republication of orig" in chart.svg([r for r in ROWS if r["doc"] != "orig"], lambda r: "#x")


@pytest.mark.parametrize("qualifier, element, fill", [
    ("exact", "circle", "colour"), ("approx", "circle", "#fff"), ("over", "path", "colour"),
    ("under", "path", "colour"),
])
def test_each_qualifier_has_its_own_mark(qualifier, element, fill):
    svg = _parse(chart.svg([_row("urn:kg:claim:a:1", "a", 50.0, qualifier)], lambda r: "#x"))
    marks = svg.findall(f".//{SVG}a[@class='mark']")
    assert len(marks) == 1
    shape = marks[0].find(f"{SVG}{element}")
    assert shape is not None
    assert (shape.get("fill") == "#fff") == (fill == "#fff")
    sign = {"exact": "", "approx": "≈", "over": ">", "under": "<"}[qualifier]
    assert "".join(marks[0].itertext()).count(sign + "50") >= 1


def test_every_mark_links_to_its_claim():
    svg = _parse(chart.svg(ROWS, lambda r: f"#claim={r['claim']}"))
    hrefs = [a.get("href") for a in svg.findall(f".//{SVG}a[@class='mark']")]
    assert sorted(hrefs) == sorted(f"#claim={r['claim']}" for r in ROWS)


@pytest.mark.parametrize("lo, hi, log", [(1, 10, False), (100, 1400, False), (5, 2e6, True), (0, 500, False)])
def test_scale_is_logarithmic_only_for_wide_positive_ranges(lo, hi, log):
    s = chart.Scale(lo, hi, 0, 100)
    assert s.log is log
    assert 0 <= s(lo) < s(hi) <= 100
    assert s.ticks() and all(s.lo <= t <= s.hi for t in s.ticks())


def test_hostile_text_is_text_in_the_chart_and_the_page():
    bad = " ".join(PAYLOADS)
    rows = [_row("urn:kg:claim:h:1", bad, 5.0, publisher=bad, source=bad, counts=bad, title=bad, sentence=bad,
                 url="javascript:alert(1)"),
            _row("urn:kg:claim:h:2", "b", 7.0, publisher=bad, reuses_passages_of=bad)]
    svg = chart.svg(rows, lambda r: "#" + bad)
    _parse(svg)  # still well-formed XML: nothing closed or opened an element
    assert "<script" not in svg and "<img" not in svg and "<!--" not in svg
    page = story.trace_page(bad, rows, about=bad)
    body = page.split("<body>", 1)[1]
    assert "<script" not in body and "<img" not in body and "<!--" not in body
    assert 'href="javascript' not in page
    assert re.search(r'<meta http-equiv="Content-Security-Policy" content="default-src \'none\';', page)


def test_trace_page_anchors_every_claim_and_document():
    page = story.trace_page("1400", ROWS)
    ids = set(re.findall(r' id="([^"]+)"', page))
    links = set(re.findall(r'href="#([^"]+)"', page))
    assert links and links <= ids
    assert {story.anchor("c", r["claim"]) for r in ROWS} <= ids
    assert {story.anchor("d", r["doc"]) for r in ROWS} <= ids
    assert "4 claims in 4 documents (3 independent)" in page


def test_empty_trace_page_says_so():
    assert "No claim in the store asserts 7" in story.trace_page("7", [])


@pytest.mark.parametrize("row", [
    {"value": 1400.0, "qualifier": "approx"}, {"value": 0.38, "unit": "%", "qualifier": "over"},
    {"value": 200.0, "value_max": 1000.0, "qualifier": "approx"}, {"value": 415.0, "unit": "USD"},
    {"value": 2.5, "qualifier": "under"},
])
def test_value_text_is_what_compare_prints(row):
    from kg import compare

    assert chart.show_value(row) == compare.show_value(row)

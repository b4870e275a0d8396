"""``kg report`` on the small records-built store."""

from __future__ import annotations

import re

from kg import compare
from kg.viz import report
from kg.viz.story import anchor


def test_report_shows_the_conflicts_compare_finds(claims_store):
    page = report.build(claims_store)
    groups = compare.conflicts(claims_store)
    assert groups, "the store's two figures for companies leaving Russia disagree"
    for g in groups[: report.TOP_CONFLICTS]:
        assert g.label in page
        for c in g.claims:
            assert f'id="{anchor("c", c["claim"])}"' in page
    assert "(1 independent)" in page  # b2 reuses passages of a1: one source


def test_report_links_every_item_to_something_in_the_file(claims_store):
    page = report.build(claims_store, title="<b>Desk</b> report")
    ids = set(re.findall(r' id="([^"]+)"', page))
    links = set(re.findall(r'href="#([^"]+)"', page))
    assert links and links <= ids, links - ids
    for section in ("conflicts", "agreements", "speakers", "copies", "documents"):
        assert f"id={section}>" in page
    assert "&lt;b&gt;Desk&lt;/b&gt; report" in page
    assert "Kassym-Jomart Tokayev" in page  # the most-quoted speaker
    assert "reuses passages of" in page and "https://example.org/a1" in page
    assert "<script" not in page

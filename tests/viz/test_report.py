"""``kg report`` and the bucketed conflicts it uses, on the small records-built store."""

from __future__ import annotations

import re

from kg import compare
from kg.viz import numbers, report


def test_bucketed_conflicts_find_what_compare_finds(claims_store):
    rows = numbers.numeric_rows(claims_store)
    want = [[c["claim"] for c in g.claims] for g in compare.find_conflicts(rows)]
    assert [[c["claim"] for c in g.claims] for g in numbers.conflicts(rows)] == want


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

"""Wire results tables ("Revs 48.2 mln vs 44.9 mln"): each line's label is what both figures measure."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.quantities import extract_quantities

TABLE = """HARBOUR LIGHT FOODS INC <HLF> 3RD QTR NET

Shr 57 cts vs 49 cts

Net 3,410,000 vs 2,990,000

Revs 61.7 mln vs 58.3 mln

Oper shr profit 13 cts vs loss four cts

Avg shrs 6,120,500 vs 6,004,000

Note: the 1986 quarter includes a gain of 1.4 mln dlrs."""


@pytest.fixture(scope="module")
def claims(nlp):
    from kg.ingest.build import build_document

    document = build_document(TABLE, doc_id="t", source_path="t.txt")
    doc = nlp(document.text)
    return {c.text: c for c in extract_quantities(doc, (), extract_entities(doc), document)}


@pytest.mark.parametrize(("surface", "value", "unit", "counts"), [
    ("57 cts", 0.57, "USD", "Shr"),
    ("49 cts", 0.49, "USD", "Shr"),
    ("3,410,000", 3_410_000, None, "Net"),
    ("2,990,000", 2_990_000, None, "Net"),
    ("61.7 mln", 61_700_000, None, "Revs"),
    ("58.3 mln", 58_300_000, None, "Revs"),
    ("13 cts", 0.13, "USD", "Oper shr profit"),
    ("four cts", 0.04, "USD", "Oper shr loss"),
    ("6,120,500", 6_120_500, None, "Avg shrs"),
])
def test_tables_each_figure_counts_its_line_label(claims, surface, value, unit, counts):
    c = claims[surface]
    assert (c.value, c.unit, c.counts) == (pytest.approx(value), unit, counts)


def test_tables_prose_after_the_table_is_read_as_prose(claims):
    assert claims["1.4 mln dlrs"].counts_head == "gain"


PERIODS = """BRIGHTWATER MILLS <BWM> 3RD QTR NET

Shr 27 cts vs 13 cts

Nine mths

Shr 79 cts vs 44 cts"""


@pytest.mark.parametrize(("surface", "time"), [
    ("27 cts", "3RD QTR"),
    ("13 cts", "3RD QTR, a year earlier"),
    ("79 cts", "Nine mths"),
    ("44 cts", "Nine mths, a year earlier"),
])
def test_tables_figures_carry_their_period(nlp, surface, time):
    from kg.ingest.build import build_document

    document = build_document(PERIODS, doc_id="p", source_path="p.txt")
    doc = nlp(document.text)
    found = {c.text: c for c in extract_quantities(doc, (), extract_entities(doc), document)}
    assert found[surface].time == time

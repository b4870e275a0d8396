"""compare.rq reads every claim at once with hash-joined sub-selects, one per property: it gives the rows of
the one graph pattern it was written as."""

from __future__ import annotations

import pytest

from kg.query import named

LINKS = ("republication_of", "reuses_passages_of", "same_story_as")

# compare.rq as one graph pattern (Oxigraph looks each property up claim by claim: slower, the same rows)
COMPARE_AS_ONE_PATTERN = """
SELECT ?claim ?g ?value ?value_max ?unit ?qualifier ?text ?counts ?counts_head ?predicate ?place ?time
       ?subject ?owner ?change ?source ?sentence ?sentence_start ?start
WHERE {
  GRAPH ?g {
    ?claim kg:countsHead ?counts_head ; kg:value ?value ; kg:qualifier ?qualifier ; kg:surfaceText ?text ;
           kg:sentence ?sentence ; kg:sentenceStart ?sentence_start ; kg:evidence ?ev .
    ?ev oa:hasSelector ?sel .
    ?sel oa:start ?start .
    OPTIONAL { ?claim kg:valueMax ?value_max }
    OPTIONAL { ?claim kg:unit ?unit }
    OPTIONAL { ?claim kg:counts ?counts }
    OPTIONAL { ?claim kg:predicateText ?predicate }
    OPTIONAL { ?claim kg:place ?place }
    OPTIONAL { ?claim kg:time ?time }
    OPTIONAL { ?claim kg:subjectName ?subject }
    OPTIONAL { ?claim kg:ownerName ?owner }
    OPTIONAL { ?claim kg:change ?change }
    OPTIONAL { ?claim kg:sourceName ?source }
  }
}
"""


def _bag(rows: list[dict]) -> list[str]:
    """Rows as a sorted list (a bag: repeats count); the ids of a link column sorted (GROUP_CONCAT's order is
    the engine's)."""
    return sorted(repr(sorted({**r, **{k: " ".join(sorted((r[k] or "").split())) for k in LINKS if k in r}}.items()))
                  for r in rows)


@pytest.mark.parametrize("which", ["own_store", "seeds_store"])
def test_compare_rq_gives_the_rows_of_its_one_pattern_form(request, which):
    store = request.getfixturevalue(which)
    names, expected = store.select(COMPARE_AS_ONE_PATTERN)
    got_names, got = store.select(named("compare"))
    assert got_names == names and expected
    assert _bag(got) == _bag(expected)

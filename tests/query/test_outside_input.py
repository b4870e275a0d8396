"""Search options from users (kg quotes --speaker/--about, kg trace, kg entity, /claims?q=) are values,
never SPARQL: any text runs the query unchanged in meaning (a result or a one-line error, never a crash)."""

from hypothesis import given
from hypothesis import strategies as st

from kg import compare
from kg.errors import QueryError
from kg.query.entities import entity_summaries, find_entities, said_by_and_about
from kg.query.quotes import quotes_query
from kg.serve.browser import Browser

HOSTILE = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20),
    st.lists(st.sampled_from(['"', "'", "\\", "<", ">", "{", "}", ")", "|", "#", "\n", " ", "tokayev", '") } #',
                              '" || true || "', "UNDEF", "%", "1,400"]), min_size=1, max_size=8).map("".join),
)


@given(speaker=HOSTILE, about=HOSTILE)
def test_quotes_filters_are_values(seeds_store, speaker, about):
    _, everything = seeds_store.select(quotes_query(None, None))
    _, rows = seeds_store.select(quotes_query(speaker, about))
    assert len(rows) <= len(everything)
    for r in rows:  # the filter kept its meaning: the content really contains --about
        assert about.lower() in r["content"].lower()


@given(value=HOSTILE, about=HOSTILE)
def test_trace_value_is_a_number_or_a_one_line_error(seeds_store, value, about):
    try:
        rows = compare.trace(seeds_store, value, about)
    except QueryError as exc:
        assert "\n" not in str(exc).strip()
    else:
        assert isinstance(rows, list)


@given(name=HOSTILE)
def test_entity_lookup_is_a_value(seeds_store, name):
    found = find_entities(entity_summaries(seeds_store), name)
    rows = said_by_and_about(seeds_store, [s.iri for s in found])
    assert {r["entity"] for r in rows} <= {s.iri for s in found}


@given(q=HOSTILE)
def test_claim_search_is_a_value(seeds_store, q):
    page = Browser(seeds_store).search_page(q)
    assert page.startswith("<!DOCTYPE html>")

"""kg.query.terms: every value from outside becomes one SPARQL term that means exactly that value."""

import math

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import QueryError
from kg.query.terms import Iri, bind_values, iri, literal, number, values_clause

# every code point, lone surrogates included (undecodable bytes in a command-line argument become those)
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
HOSTILE = st.text(st.sampled_from(list('"\'\\<>{}|^`#%?&\n\r\t\x00 }) ; . DROP ALL INSERT') + ["\u2028", "é"]),
                  max_size=30)


def _echo(term_text: str):
    """The one value a VALUES block with this term binds (a second row proves nothing leaked)."""
    rows = list(ox.Store().query(f"SELECT ?x WHERE {{ VALUES ?x {{ {term_text} }} }}"))
    assert len(rows) == 1
    return rows[0]["x"]


@given(st.one_of(ANY_TEXT, HOSTILE))
def test_literal_holds_exactly_the_text(text):
    got = _echo(literal(text))
    assert isinstance(got, ox.Literal)
    assert got.value == text.encode("utf-8", "replace").decode("utf-8")


@given(st.one_of(st.integers(-10**30, 10**30), st.floats(allow_nan=False, allow_infinity=False)))
def test_number_is_the_decimal_value(x):
    got = _echo(number(x))
    assert got.datatype.value.endswith("#decimal")
    assert math.isclose(float(got.value), float(x), rel_tol=1e-12, abs_tol=0)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "12", True])
def test_number_refuses_what_is_not_a_finite_number(bad):
    with pytest.raises(QueryError):
        number(bad)


@pytest.mark.parametrize("bad", ["urn:kg:a> } DROP ALL { <urn:x", "urn:kg:a b", "no scheme", 'urn:"'])
def test_iri_refuses_what_is_not_an_iri(bad):
    with pytest.raises(QueryError):
        iri(bad)


def test_bind_values_fills_the_named_queries_block():
    text = "# e.g. VALUES (?a ?b) { (1 2) }\nSELECT * WHERE {\n  VALUES (?a ?b) { (UNDEF UNDEF) }\n  ?s ?p ?o }"
    out = bind_values(text, ("a", "b"), [('x"} DROP ALL {', None)])
    assert '\n  VALUES (?a ?b) { ("x\\"} DROP ALL {" UNDEF) }\n' in out
    assert out.startswith("# e.g. VALUES (?a ?b) { (1 2) }\n")
    assert bind_values("VALUES ?e { }", ("e",), [(Iri("urn:kg:e"),)]) == "VALUES (?e) { (<urn:kg:e>) }"
    with pytest.raises(QueryError):
        bind_values(text, ("c",), [("x",)])
    with pytest.raises(QueryError):
        values_clause(("a b",), [("x",)])

"""Reading requests before the store sees them: query form, refusals, content negotiation, and the
values the claim browser writes into SPARQL (checked by the real SPARQL parser, not by string compare)."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest

from kg.serve.browser import NotFound, parse_number, sparql_iri, sparql_string
from kg.serve.results import ServeError
from kg.serve.sparql import check_query, negotiate, operation


@pytest.mark.parametrize("text,form", [
    ("SELECT * WHERE { ?s ?p ?o }", "select"),
    ("prefix ex: <urn:x:> ask { ex:a ?p ?o }", "ask"),
    ("BASE <http://x/> PREFIX : <urn:x:> CONSTRUCT WHERE { ?s ?p ?o }", "construct"),
    ("# SELECT in a comment\nDESCRIBE <urn:x:a>", "describe"),
    ("INSERT DATA { <urn:x:a> <urn:x:b> 'SELECT' }", "update"),
    ("PREFIX ex: <urn:x:> WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "update"),
    ("  load <http://example.com/data.ttl>", "update"),
    ("CLEAR DEFAULT", "update"),
    ("PREFIX select: <urn:x:> DROP ALL", "update"),
    ('SELECT ("INSERT" AS ?x) {}', "select"),
    ("nonsense", None),
])
def test_operation(text, form):
    assert operation(text) == form


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o .SERVICE<http://evil.example/>{ ?a ?b ?c } }",
    "SELECT * WHERE { ?s <urn:x:p\\u0041#x> ?o . SERVICE <http://evil.example/> { ?a ?b ?c } }",
    "PREFIX ex: <urn:x:> SELECT * WHERE { ?s ex:p\\#x ?o . SERVICE <http://evil.example/> { ?a ?b ?c } }",
    "PREFIX ex: <urn:x:> SELECT * WHERE { ?s ex:it\\'s ?o . service silent ?srv { ?a ?b ?c } }",
])
def test_service_is_refused_wherever_it_hides(text):
    with pytest.raises(ServeError) as err:
        check_query(text)
    assert err.value.status == 403


@pytest.mark.parametrize("text", [
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/> {}" }',
    "SELECT ?service WHERE { ?service a <urn:x:SERVICE> } # SERVICE <http://x/>",
    "PREFIX service: <urn:x:> SELECT * WHERE { ?s service:p ?o }",
])
def test_service_in_strings_iris_names_and_comments_is_fine(text):
    check_query(text)


@pytest.mark.parametrize("accept,expected", [
    (None, ("json", "turtle")),
    ("*/*", ("json", "turtle")),
    ("application/sparql-results+xml", ("xml", None)),
    ("text/csv;q=0.5, text/tab-separated-values", ("tsv", None)),
    ("application/n-triples, application/sparql-results+json;q=0.1", ("json", "ntriples")),
    ("text/html,application/xhtml+xml,*/*;q=0.8", ("json", "turtle")),
    ("application/*", ("json", "ntriples")),
    ("text/turtle;q=0", (None, None)),
])
def test_negotiate(accept, expected):
    assert negotiate(accept) == expected


def test_negotiate_format_parameter():
    assert negotiate("text/csv", "json") == ("json", None)
    assert negotiate(None, "ttl") == ("json", "turtle")
    with pytest.raises(ServeError):
        negotiate(None, "yaml")


@pytest.mark.parametrize("text,value", [
    ("200,000", Decimal(200000)), ("1.5 million", Decimal(1500000)), ("32000", Decimal(32000)),
    ("30%", Decimal("0.3")), ("2 bn", Decimal(2 * 10**9)), ("Tokayev", None), ("12 apples", None), ("", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ['plain', 'a "quoted" \\ back\\slash', "new\nline\ttab\r", "} } ; DROP ALL #", "ünï"])
def test_sparql_string_round_trips_through_the_parser(text):
    res = ox.Store().query(f"SELECT ({sparql_string(text)} AS ?x) WHERE {{}}")
    assert next(iter(res))["x"].value == text


def test_sparql_iri_only_accepts_store_iris():
    assert sparql_iri("urn:kg:entity:person:a") == "<urn:kg:entity:person:a>"
    for bad in ("http://example.com/", "urn:kg:a> } DROP ALL { <urn:x", "urn:kg:a b"):
        with pytest.raises(NotFound):
            sparql_iri(bad)

"""The SPARQL 1.1 Protocol endpoint of a real ``kg serve`` process, hit with a real HTTP client; every
answer is checked against the embedded store the server reads."""

from __future__ import annotations

import csv
import io
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pyoxigraph as ox
import pytest

from kg.query import PREFIXES
from tests.serve.servers import gone, kg_serve, worker_pids

DOCS = ("SELECT ?id ?title WHERE { ?d a kg:Document ; schema:identifier ?id . OPTIONAL { ?d schema:headline ?title } }"
        " ORDER BY ?id")
HEADLINES = "CONSTRUCT { ?d schema:headline ?t } WHERE { ?d a kg:Document ; schema:headline ?t }"
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
RDF_TYPES = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
}


def _get(url: str, query: str, accept: str | None = None, **params) -> httpx.Response:
    headers = {"Accept": accept} if accept else {}
    return httpx.get(f"{url}/sparql", params={"query": query, **params}, headers=headers, timeout=30)


def _local_triples(store, query: str) -> set:
    return {(t.subject, t.predicate, t.object) for t in store.raw_query(query)}


def _parsed_rows(body: bytes, fmt: ox.QueryResultsFormat) -> list[dict]:
    res = ox.parse_query_results(body, fmt)
    names = [v.value for v in res.variables]
    from kg.store.local import python_value

    return [{n: python_value(s[n]) for n in names} for s in res]


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_select_in_each_results_format_equals_the_store(url, seeds_store, fmt):
    r = _get(url, DOCS, RESULT_TYPES[fmt])
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(RESULT_TYPES[fmt])
    parse_fmt = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                 "tsv": ox.QueryResultsFormat.TSV}[fmt]
    _, expected = seeds_store.select(DOCS)
    assert len(expected) == 5
    assert _parsed_rows(r.content, parse_fmt) == expected


def test_select_as_csv_equals_the_store(url, seeds_store):
    r = _get(url, DOCS, "text/csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    _, expected = seeds_store.select(DOCS)
    assert rows == [{k: "" if v is None else str(v) for k, v in e.items()} for e in expected]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_ask(url, fmt):
    yes = _get(url, "ASK { ?d a kg:Document }", RESULT_TYPES[fmt])
    no = _get(url, "ASK { ?d a kg:NoSuchClass }", RESULT_TYPES[fmt])
    parse_fmt = ox.QueryResultsFormat.JSON if fmt == "json" else ox.QueryResultsFormat.XML
    assert bool(ox.parse_query_results(yes.content, parse_fmt)) is True
    assert bool(ox.parse_query_results(no.content, parse_fmt)) is False


@pytest.mark.parametrize("fmt", list(RDF_TYPES))
def test_construct_in_each_rdf_format_equals_the_store(url, seeds_store, fmt):
    media, parse_fmt = RDF_TYPES[fmt]
    r = _get(url, HEADLINES, media)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(media)
    got = {(q.subject, q.predicate, q.object) for q in ox.parse(r.content, format=parse_fmt)}
    expected = _local_triples(seeds_store, HEADLINES)
    assert len(expected) >= 4
    assert got == expected


def test_describe_returns_the_resource(url, seeds_store):
    _, rows = seeds_store.select("SELECT ?d WHERE { ?d a kg:Document } ORDER BY ?d LIMIT 1")
    doc = rows[0]["d"]
    r = _get(url, f"DESCRIBE <{doc}>", "application/n-triples")
    assert r.status_code == 200
    triples = list(ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES))
    assert triples and {t.subject.value for t in triples} == {doc}


def test_post_form_and_direct_post_answer_like_get(url):
    via_get = _get(url, DOCS, "application/sparql-results+json").json()
    form = httpx.post(f"{url}/sparql", data={"query": DOCS}, headers={"Accept": "application/json"}).json()
    direct = httpx.post(f"{url}/sparql", content=DOCS.encode(),
                        headers={"Content-Type": "application/sparql-query", "Accept": "application/json"}).json()
    assert via_get == form == direct


def test_format_parameter_overrides_accept_and_wrong_kind_is_406(url):
    r = _get(url, DOCS, "application/sparql-results+json", format="tsv")
    assert r.headers["content-type"].startswith("text/tab-separated-values")
    r = _get(url, DOCS, "text/turtle")
    assert r.status_code == 406 and "SPARQL results" in r.text


@pytest.mark.parametrize("request_kwargs", [
    {"method": "POST", "data": {"update": "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"}},
    {"method": "POST", "content": b"INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
     "headers": {"Content-Type": "application/sparql-update"}},
    {"method": "GET", "params": {"update": "CLEAR ALL"}},
    {"method": "GET", "params": {"query": "DROP ALL"}},
    {"method": "POST", "data": {"query": "# a comment\nPREFIX ex: <urn:x:>\nDELETE WHERE { ?s ?p ?o }"}},
    {"method": "PUT", "content": b"<urn:x:a> <urn:x:b> <urn:x:c> .", "headers": {"Content-Type": "text/turtle"}},
    {"method": "DELETE"},
])
def test_writes_are_refused_with_403(url, seeds_store, request_kwargs):
    kwargs = dict(request_kwargs)
    method = kwargs.pop("method")
    before = len(seeds_store)
    r = httpx.request(method, f"{url}/sparql", **kwargs)
    assert r.status_code == 403
    assert "read-only" in r.text
    assert len(seeds_store) == before
    assert _get(url, "ASK { <urn:x:a> ?p ?o }", "application/json").json()["boolean"] is False


def test_federated_query_is_refused(url):
    r = _get(url, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert r.status_code == 403 and "SERVICE" in r.text


@pytest.mark.parametrize("bad", ["SELECT * WHERE { ?s ?p }", "SELEKT ?s WHERE { ?s ?p ?o }",
                                 "SELECT ?s WHERE { ?s nope:p ?o }"])
def test_malformed_query_is_400_with_the_parser_message(url, bad):
    with pytest.raises(SyntaxError) as parser:
        ox.Store().query(bad, prefixes=PREFIXES)
    r = _get(url, bad)
    assert r.status_code == 400
    assert str(parser.value) in r.text


def test_missing_or_repeated_query_is_400(url):
    assert httpx.get(f"{url}/sparql").status_code == 400
    r = httpx.get(f"{url}/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")])
    assert r.status_code == 400 and "more than one" in r.text


def test_browser_without_query_gets_a_form(url):
    r = httpx.get(f"{url}/sparql", headers={"Accept": "text/html"})
    assert r.status_code == 200 and "<form" in r.text
    assert "default-src 'none'" in r.headers["content-security-policy"]


def test_row_cap_is_a_clear_413(url):
    r = _get(url, "SELECT * WHERE { ?s ?p ?o }")
    assert r.status_code == 413
    assert "more than 500 rows" in r.text and "LIMIT" in r.text
    r = _get(url, "CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle")
    assert r.status_code == 413 and "500 triples" in r.text
    assert _get(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 500", "text/csv").status_code == 200


def test_timeout_stops_the_query_and_replaces_the_worker(server):
    url, proc = server  # proc: tests.serve.servers.Server
    before = worker_pids(proc.pid)
    assert len(before) == 3
    started = time.monotonic()
    r = _get(url, EXPENSIVE)
    took = time.monotonic() - started
    assert r.status_code == 503
    assert "1 s limit" in r.text and "stopped" in r.text
    assert took < 5
    assert _get(url, "ASK { ?d a kg:Document }", "application/json").json()["boolean"] is True
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        now = worker_pids(proc.pid)
        if len(now) == 3 and httpx.get(f"{url}/health").json()["workers"] == 3:
            break
        time.sleep(0.1)
    assert len(now) == 3
    assert before - now, "the worker running the runaway query was not killed"


def test_twenty_concurrent_queries_all_answered_correctly(url, seeds_store):
    _, docs = seeds_store.select(DOCS)
    queries = []
    for i in range(20):
        doc = docs[i % len(docs)]["id"]
        queries.append(
            f'SELECT (COUNT(DISTINCT ?c) AS ?n) ({i} AS ?i) WHERE {{ ?d schema:identifier "{doc}" . '
            f"OPTIONAL {{ GRAPH ?g {{ ?c kg:document ?d }} }} }}"
        )
    expected = [seeds_store.select(q)[1] for q in queries]

    def ask(q: str):
        r = _get(url, q, "application/sparql-results+json")
        assert r.status_code == 200, r.text
        return _parsed_rows(r.content, ox.QueryResultsFormat.JSON)

    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(ask, queries))
    assert answers == expected
    assert any(a[0]["n"] > 0 for a in answers)


def test_workers_die_with_a_killed_server(seeds_store):
    # the graceful stop (SIGTERM) is checked by the session fixture's teardown
    with kg_serve(str(seeds_store.path), "--workers", "2") as (url, server):
        workers = worker_pids(server.pid)
        assert len(workers) == 2
        assert _get(url, "ASK { ?d a kg:Document }", "application/json").json()["boolean"] is True
        server.proc.kill()
        server.proc.wait(timeout=15)
    assert gone(workers), "workers left running after the server was killed"


def test_post_multipart_form_and_oversized_body(url):
    r = httpx.post(f"{url}/sparql", files={"query": (None, "ASK { ?d a kg:Document }")},
                   headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.json()["boolean"] is True
    r = httpx.post(f"{url}/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    r = httpx.post(f"{url}/sparql", data={"query": "ASK {} #" + "x" * (2 << 20)})
    assert r.status_code == 413

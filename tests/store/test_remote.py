"""The store on a real Oxigraph SPARQL server (``oxigraph serve`` on loopback, started here): the seeds
built into it with the real ``kg.build.build`` answer every query exactly like the embedded store built
from the same seeds; re-ingest replaces a document's named graph; credentials never leak."""

from __future__ import annotations

import http.server
import io
import shutil
import threading

import httpx
import pytest

from kg.build import build, remove
from kg.errors import QueryError, StoreError
from kg.ids import graph_iri
from kg.query import named
from kg.store import open_store
from kg.store.remote import RemoteStore, StoreTimeout
from tests.conftest import SEEDS, export_nquads
from tests.serve.servers import free_port, kg_serve, oxigraph_server

EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def remote(tmp_path_factory, nlp):
    """The seeds built into a real Oxigraph server through its SPARQL endpoints."""
    tmp = tmp_path_factory.mktemp("remote")
    with pytest.MonkeyPatch.context() as mp, oxigraph_server(tmp / "oxigraph") as url:
        mp.setenv("KG_STORE_CACHE", str(tmp / "cache"))
        store = open_store(url)
        assert isinstance(store, RemoteStore)
        report = build([str(SEEDS)], store)
        assert report.ok, report.problems
        assert len(report.added) == 5
        yield store
        store.close()


@pytest.fixture
def empty_remote(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "cache"))
    with oxigraph_server(tmp_path / "oxigraph") as url:
        store = RemoteStore(url)
        yield store
        store.close()


def _without_build_time(lines: list[str]) -> list[str]:
    # the build time is the one value two builds of the same seeds do not share
    return [line for line in lines if "generatedAtTime" not in line]


def test_remote_documents_and_hashes_equal_embedded(remote, seeds_store):
    assert remote.document_ids() == seeds_store.document_ids()
    for doc in seeds_store.document_ids():
        assert remote.document_hash(doc) == seeds_store.document_hash(doc)
    assert remote.document_hash("no-such-document") is None


@pytest.mark.parametrize("query", ["claims", "stats", "mentions"])
def test_remote_named_queries_equal_embedded(remote, seeds_store, query):
    text = named(query)
    names, rows = remote.select(text)
    assert (names, rows) == seeds_store.select(text)
    assert rows


def test_remote_local_entities_equal_embedded(remote, seeds_store):
    assert remote.local_entities() == seeds_store.local_entities()


def test_remote_export_equals_embedded_and_keeps_one_graph_per_document(remote, seeds_store):
    assert _without_build_time(export_nquads(remote)) == _without_build_time(export_nquads(seeds_store))
    assert len(remote) == len(seeds_store)
    assert remote.named_graphs() == sorted(graph_iri(d) for d in seeds_store.document_ids())


@pytest.mark.parametrize("fmt", ["trig", "turtle"])
def test_remote_export_import_round_trip(remote, empty_remote, tmp_path, fmt):
    path = tmp_path / ("all.ttl" if fmt == "turtle" else f"all.{fmt}")
    with path.open("wb") as out:
        remote.export(out, fmt)
    empty_remote.load(path)
    if fmt == "trig":
        assert export_nquads(empty_remote) == export_nquads(remote)
    else:  # Turtle holds the default graph only
        default_graph = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        assert len(empty_remote) == remote.select(default_graph)[1][0]["n"] > 0
        assert empty_remote.named_graphs() == []


def test_remote_rebuild_is_idempotent(remote):
    before = export_nquads(remote)
    again = build([str(SEEDS)], remote)
    assert again.added == [] and again.replaced == [] and len(again.unchanged) == 5
    assert export_nquads(remote) == before


def test_remote_reingest_replaces_the_documents_graph(empty_remote, tmp_path, nlp):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "001_ce8a067a932c7844.txt", src)
    build([str(src)], empty_remote)
    doc = "001_ce8a067a932c7844"
    graph = f"SELECT ?s WHERE {{ GRAPH <{graph_iri(doc)}> {{ ?c kg:sentence ?s }} }}"
    assert any("1,400" in r["s"] for r in empty_remote.select(graph)[1])
    (src / f"{doc}.txt").write_text("Kazakhstan drafted a new law on Tuesday, officials said.\n", encoding="utf-8")
    report = build([str(src)], empty_remote)
    assert report.replaced == [doc]
    assert all("1,400" not in r["s"] for r in empty_remote.select(graph)[1])  # no stale claims survive
    assert empty_remote.named_graphs() == [graph_iri(doc)]
    assert remove([doc], empty_remote) == [doc]
    assert empty_remote.document_ids() == [] and empty_remote.named_graphs() == []


def test_remote_errors_are_clear(remote):
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        remote.select("SELECT * WHERE { ?s ?p }")
    with pytest.raises(StoreTimeout, match="within 0.5 s"):
        remote.raw_query(EXPENSIVE, timeout=0.5)
    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore(f"http://127.0.0.1:{free_port()}").document_ids()


@pytest.mark.parametrize("location,endpoints", [
    ("http://h:7878", ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")),
    ("http://h:3030/ds/#fuseki", ("http://h:3030/ds/query", "http://h:3030/ds/update", "http://h:3030/ds/data")),
    ("https://h/repositories/r#graphdb",
     ("https://h/repositories/r", "https://h/repositories/r/statements", "https://h/repositories/r/rdf-graphs/service")),
    ("http://h/sparql#single", ("http://h/sparql",) * 3),
    ("http://h/ds#fuseki&store=get&update=http://other/u",
     ("http://h/ds/query", "http://other/u", "http://h/ds/get")),
])
def test_url_conventions(location, endpoints):
    st = RemoteStore(location)
    assert (st.endpoints["query"], st.endpoints["update"], st.endpoints["store"]) == endpoints


def test_unknown_url_option_is_refused():
    with pytest.raises(StoreError, match="unknown store URL option 'nope'"):
        RemoteStore("http://h/#nope=1")


def test_credentials_in_the_url_are_refused_and_never_shown():
    with pytest.raises(StoreError) as err:
        RemoteStore("http://alice:s3cret-pw@127.0.0.1:7878")
    assert "s3cret-pw" not in str(err.value) and "alice" not in str(err.value)
    assert "KG_STORE_PASSWORD" in str(err.value)


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A real HTTP server that refuses every request with 401 and remembers the Authorization header."""

    seen: list[str | None] = []

    def do_POST(self):
        self.seen.append(self.headers.get("Authorization"))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(401)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"bad credentials")

    def log_message(self, *args):
        pass


@pytest.fixture
def refusing_server():
    _Recorder.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("env,header", [
    ({"KG_STORE_TOKEN": "tok-123-secret"}, "Bearer tok-123-secret"),
    ({"KG_STORE_USER": "alice", "KG_STORE_PASSWORD": "pw-456-secret"}, "Basic YWxpY2U6cHctNDU2LXNlY3JldA=="),
])
def test_credentials_come_from_the_environment_and_stay_out_of_errors(refusing_server, monkeypatch, env, header):
    for k in ("KG_STORE_TOKEN", "KG_STORE_USER", "KG_STORE_PASSWORD"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    st = RemoteStore(refusing_server)
    with pytest.raises(StoreError) as err:
        st.document_ids()
    assert _Recorder.seen == [header]
    message = str(err.value)
    assert "HTTP 401" in message and "KG_STORE_TOKEN" in message
    assert all(secret not in message and secret not in repr(st.client.auth) for secret in env.values()
               if "secret" in secret)


def test_cli_query_and_serve_over_the_remote_store(remote, seeds_store):
    from typer.testing import CliRunner

    from kg.cli.main import app

    ids = "SELECT ?id WHERE { ?d a kg:Document ; schema:identifier ?id } ORDER BY ?id"
    run = CliRunner().invoke(app, ["query", ids, "--store", remote.base, "--format", "csv"])
    assert run.exit_code == 0, run.output
    assert run.stdout.split()[1:] == seeds_store.document_ids()
    with kg_serve(remote.base, "--timeout", "1", "--max-rows", "500") as (url, _):
        query = named("stats")
        r = httpx.get(f"{url}/sparql", params={"query": query}, headers={"Accept": "text/csv"}, timeout=30)
        assert r.status_code == 200
        assert r.text == httpx.get(f"{url}/sparql", params={"query": query, "format": "csv"}).text
        body = io.StringIO(r.text).read().splitlines()
        _, rows = seeds_store.select(query)
        assert body[1].split(",") == [str(rows[0][k]) for k in body[0].split(",")]
        assert httpx.get(f"{url}/sparql", params={"query": EXPENSIVE}, timeout=30).status_code == 503
        assert httpx.get(f"{url}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}).status_code == 413
        assert httpx.post(f"{url}/sparql", data={"update": "DROP ALL"}).status_code == 403
        assert httpx.get(f"{url}/health").json()["store"] == "remote"
        assert httpx.get(f"{url}/claims", params={"q": "Tokayev"}, timeout=30).status_code == 200
    assert remote.document_ids() == seeds_store.document_ids()


def test_remote_refusing_a_batch_leaves_its_documents_unmarked_for_the_next_build(tmp_path, monkeypatch, nlp):
    """A server whose bulk-load endpoint refuses the batch (here: a store path it does not serve): every
    document of the batch is reported and none is marked stored, so the next build stores them all."""
    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("The mayor of Tarnow said on Friday that 120 new homes would be built.\n",
                               encoding="utf-8")
    (src / "b.txt").write_text("Union leaders in Tarnow said the strike would end on Monday.\n", encoding="utf-8")
    with oxigraph_server(tmp_path / "oxigraph") as url:
        refused = build([str(src)], RemoteStore(url + "#store=no-such-endpoint"), workers=1)
        assert len(refused.problems) == 2 and all("not stored" in str(p) for p in refused.problems)
        assert refused.added == [] and RemoteStore(url).document_ids() == []
        retried = build([str(src)], RemoteStore(url), workers=1)
        assert retried.ok and sorted(retried.added) == ["a", "b"]

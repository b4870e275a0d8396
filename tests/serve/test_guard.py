"""Request checks of a real ``kg serve``: Host / Origin (DNS rebinding, other sites' pages) and SPARQL
Update refused in every form (issue 15 item 5)."""

from __future__ import annotations

import threading

import httpx
import pytest

from kg.serve.guard import host_name, refusal
from tests.serve.servers import gone, kg_serve, worker_pids

ASK = "ASK { ?d a kg:Document }"
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:7878", "127.0.0.1.nip.io", "10.0.0.1:80"])
def test_a_non_loopback_host_header_is_refused(url, host):
    r = httpx.get(f"{url}/sparql", params={"query": ASK}, headers={"Host": host})
    assert r.status_code == 403 and "--allow-remote" in r.text
    assert httpx.get(f"{url}/claims", headers={"Host": host}).status_code == 403


@pytest.mark.parametrize("host", ["localhost:1", "127.0.0.1", "[::1]:7878", "app.localhost"])
def test_loopback_host_headers_are_answered(url, host):
    assert httpx.get(f"{url}/health", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://127.0.0.1.evil.example"])
def test_requests_from_other_sites_pages_are_refused(url, origin):
    r = httpx.post(f"{url}/sparql", data={"query": ASK}, headers={"Origin": origin})
    assert r.status_code == 403 and "--cors" in r.text
    same_site = httpx.post(f"{url}/sparql", data={"query": ASK}, headers={"Origin": url,
                                                                        "Accept": "application/json"})
    assert same_site.status_code == 200 and same_site.json()["boolean"] is True


@pytest.mark.parametrize("method, kwargs", [
    ("GET", {"params": {"query": ASK, "update": "DROP ALL"}}),
    ("POST", {"params": {"update": "DROP ALL"}, "data": {"query": ASK}}),  # was silently ignored
    ("POST", {"params": {"UPDATE": "CLEAR ALL"}, "content": ASK,
              "headers": {"Content-Type": "application/sparql-query"}}),
    ("POST", {"data": {"update": "DROP ALL"}}),
    ("POST", {"content": "DROP ALL", "headers": {"Content-Type": "application/sparql-update"}}),
    ("POST", {"data": {"query": "DROP ALL"}}),
])
def test_update_is_refused_in_every_form(url, seeds_store, method, kwargs):
    r = httpx.request(method, f"{url}/sparql", **kwargs)
    assert r.status_code == 403 and "read-only" in r.text
    r = httpx.get(f"{url}/sparql", params={"query": ASK}, headers={"Accept": "application/json"})
    assert r.json()["boolean"] is True


def test_guard_table():
    assert host_name("[::1]:80") == "::1" and host_name("LocalHost.:1") == "localhost"
    assert refusal("evil.example", None, "/", "", allow_remote=True, cors=False) is None
    assert refusal("localhost", "https://yasgui.example", "/sparql", "query=x", allow_remote=False, cors=True) is None
    assert refusal(None, None, "/sparql", "query=ASK%7B%7D", allow_remote=False, cors=False) is None


def _slow_query(url: str) -> None:
    try:
        httpx.get(f"{url}/sparql", params={"query": EXPENSIVE}, timeout=90)
    except httpx.HTTPError:
        pass  # the server is killed while this query runs


def test_a_cheap_query_is_not_stuck_behind_two_slow_ones(seeds_store):
    with kg_serve(str(seeds_store.path), "--workers", "1", "--timeout", "60") as (url, server):
        slow = [threading.Thread(target=_slow_query, args=(url,), daemon=True) for _ in range(2)]
        for t in slow:
            t.start()
        # both slow queries have a worker once the pool has grown past its one configured worker
        with httpx.Client(timeout=30) as client:
            while client.get(f"{url}/health").json()["workers"] < 2:
                pass
            r = client.get(f"{url}/sparql", params={"query": ASK}, headers={"Accept": "application/json"})
        assert r.status_code == 200 and r.json()["boolean"] is True, r.text
        assert all(t.is_alive() for t in slow), "the cheap query waited for the slow ones"
        workers = worker_pids(server.pid)
        assert len(workers) >= 2
        server.proc.kill()  # killed outright: no worker may outlive it (one is mid-query)
        server.proc.wait(timeout=15)
    assert gone(workers), "query workers outlived a killed server"

"""``kg build --cluster``: parse and extract on a real Dask ``LocalCluster`` (2 worker processes on
loopback, random ports) writing to a real ``oxigraph serve`` in batches (Graph Store Protocol N-Quads
POSTs) — the result equals a local build; an unreachable scheduler is one line naming it."""

from __future__ import annotations

import pytest

from kg.build import build
from kg.store import open_store
from tests.conftest import SEEDS, export_nquads
from tests.serve.servers import free_port, oxigraph_server

distributed = pytest.importorskip("distributed")
EPOCH = "1700000000"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  scheduler_port=0, dashboard_address=None, worker_dashboard_address=None) as c:
        yield c.scheduler_address


ARTICLES = {
    "port.txt": "Dock workers in the port of Vellmar ended a nine-day strike on Monday, the union said. \"We have "
                "a fair deal now,\" said union leader Mara Okonkwo. The port handles about 40,000 containers a week.",
    "port-copy.txt": "Dock workers in the port of Vellmar ended a nine-day strike on Monday, the union said. \"We "
                     "have a fair deal now,\" said union leader Mara Okonkwo. The port handles about 40,000 "
                     "containers a week.",
    "mill.txt": "The Arlen steel mill will close in March, its owner Norvik Steel said on Tuesday. About 1,200 "
                "people work there, according to mayor Jonas Feld.",
    "rail.txt": "Okonkwo said on Wednesday that rail workers would join the talks. Officials expect more than "
                "300 new jobs.",
}


def test_cluster_build_into_a_sparql_server_equals_a_local_build(cluster, tmp_path, monkeypatch, nlp):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "in"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text + "\n", encoding="utf-8")
    local = open_store(str(tmp_path / "local"))
    assert build([str(src)], local, workers=1).links == 1
    with oxigraph_server(tmp_path / "oxigraph") as url:
        remote = open_store(url)
        report = build([str(src)], remote, cluster=cluster, batch=2)
        assert report.ok, report.problems
        assert sorted(report.added) == local.document_ids() and report.links == 1
        assert export_nquads(remote) == export_nquads(local)
        again = build([str(src)], remote, cluster=cluster)
        assert len(again.unchanged) == len(ARTICLES) and not again.added and not again.repaired


def test_unreachable_cluster_is_one_error_naming_it(tmp_path, monkeypatch):
    from kg.errors import KgError

    monkeypatch.setenv("KG_CLUSTER_TIMEOUT", "2")
    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(KgError) as err:
        build([str(SEEDS)], open_store(str(tmp_path / "s")), cluster=address)
    message = str(err.value)
    assert "\n" not in message and address in message and "Dask scheduler" in message

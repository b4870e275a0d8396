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


def test_cluster_build_into_a_sparql_server_equals_a_local_build(cluster, tmp_path, monkeypatch, nlp):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "cache"))
    local = open_store(str(tmp_path / "local"))
    assert build([str(SEEDS)], local, workers=1).ok
    with oxigraph_server(tmp_path / "oxigraph") as url:
        remote = open_store(url)
        report = build([str(SEEDS)], remote, cluster=cluster, batch=2)
        assert report.ok, report.problems
        assert sorted(report.added) == local.document_ids()
        assert export_nquads(remote) == export_nquads(local)
        again = build([str(SEEDS)], remote, cluster=cluster)
        assert len(again.unchanged) == 5 and not again.added and not again.repaired


def test_unreachable_cluster_is_one_line_naming_it(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    address = f"tcp://127.0.0.1:{free_port()}"
    out = subprocess.run([str(Path(sys.executable).parent / "kg"), "build", str(SEEDS), "--store",
                          str(tmp_path / "s"), "--cluster", address, "--quiet"],
                         capture_output=True, text=True, env={**os.environ, "KG_CLUSTER_TIMEOUT": "2"}, timeout=120)
    assert out.returncode == 1
    assert out.stderr.splitlines() == [out.stderr.strip()] and address in out.stderr and "Dask" in out.stderr

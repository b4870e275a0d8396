"""``kg serve`` started once per session over the seeds store (built once per session in tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.serve.servers import gone, kg_serve, worker_pids


@pytest.fixture(scope="session")
def server(seeds_store):
    """(base URL, Server) of ``kg serve`` over the seeds with a 1 s timeout, a 500-row cap, 3 workers.
    On teardown the server is stopped (SIGTERM) and every worker it ran must have ended."""
    workers: set[int] = set()
    with kg_serve(str(seeds_store.path), "--timeout", "1", "--max-rows", "500", "--workers", "3") as running:
        yield running
        workers = worker_pids(running[1].pid)
    assert gone(workers), "query workers outlived the server"


@pytest.fixture(scope="session")
def url(server) -> str:
    return server[0]

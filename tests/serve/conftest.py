"""``kg serve`` started once per session over the seeds store (built once per session in tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.serve.servers import kg_serve


@pytest.fixture(scope="session")
def server(seeds_store):
    """(base URL, process) of ``kg serve`` over the seeds with a 1 s timeout and a 500-row cap."""
    with kg_serve(str(seeds_store.path), "--timeout", "1", "--max-rows", "500", "--workers", "3") as running:
        yield running


@pytest.fixture(scope="session")
def url(server) -> str:
    return server[0]

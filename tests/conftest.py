"""Session-wide fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Property tests: a small, fixed set of examples in the suite (same examples every run); `make fuzz`
# (HYPOTHESIS_PROFILE=fuzz) draws thousands of fresh ones.
settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("fuzz", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load

    return load()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory, nlp):
    """The seeds built once per session into a real on-disk store (read it, never write to it)."""
    from kg.build import build
    from kg.store import open_store

    path = tmp_path_factory.mktemp("seeds-store") / "store"
    store = open_store(str(path))
    report = build([str(SEEDS)], store)
    assert report.ok, report.problems
    return store


def export_nquads(store) -> list[str]:
    """The store's quads as sorted N-Quads lines (canonical enough: kg writes no blank nodes)."""
    import io

    buf = io.BytesIO()
    store.export(buf, "nquads")
    return sorted(line for line in buf.getvalue().decode("utf-8").splitlines() if line.strip())


def rdflib_union(store):
    """All quads of a store as one rdflib Graph (for SHACL and graph comparison)."""
    from rdflib import Dataset, Graph

    ds = Dataset()
    ds.parse(data="\n".join(export_nquads(store)), format="nquads")
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g

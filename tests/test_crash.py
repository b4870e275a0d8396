"""Crash safety: real ``kg build`` processes killed with SIGKILL at every stage (while storing, while
linking, while saving the dedup index — after the links are committed —, while resolving entities); the
next build must leave the store equal to a clean build (sorted N-Quads), and a build after that must
find nothing to do.

``KG_BUILD_PAUSE_AT`` makes the process wait at the named point (it prints ``kg-paused-at NAME``); the
test then kills it — a real process, killed by the kernel, so nothing gets to clean up."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg import build as build_module
from kg.build import DEDUP_FILE, build
from kg.store import open_store
from tests.conftest import SEEDS, export_nquads

EPOCH = "1700000000"
KG = str(Path(sys.executable).parent / "kg")


def _corpus(root: Path) -> Path:
    """The seeds plus two articles written for this test: one a near copy of another (a link to keep)."""
    src = root / "corpus"
    shutil.copytree(SEEDS, src)
    (src / "extra_a.txt").write_text(
        "Harbour workers end strike\n\nDock workers in the port of Vellmar ended a nine-day strike on Monday, "
        "the union said. \"We have a fair deal now,\" said union leader Mara Okonkwo. The port handles about "
        "40,000 containers a week.\n\nThe harbour authority said ships would be unloaded within three days.\n",
        encoding="utf-8",
    )
    (src / "extra_b.txt").write_text(
        "Vellmar strike is over\n\nDock workers in the port of Vellmar ended a nine-day strike on Monday, "
        "the union said. \"We have a fair deal now,\" said union leader Mara Okonkwo. The port handles about "
        "40,000 containers a week.\n\nThe harbour authority said ships would be unloaded within three days.\n",
        encoding="utf-8",
    )
    return src


@pytest.fixture(scope="module")
def crash_env(tmp_path_factory, nlp):
    """The corpus, a clean build of it, and a store holding its documents but no derived state yet
    (what a build killed right after storing leaves)."""
    root = tmp_path_factory.mktemp("crash")
    corpus = _corpus(root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        clean = open_store(str(root / "clean"))
        report = build([str(corpus)], clean, workers=1)
        assert report.ok, report.problems
        assert report.links >= 1  # the near copy: linking has something to get wrong
        stored_only = open_store(str(root / "stored-only"))
        mp.setattr(build_module, "derive", lambda store, report=None, progress=None, beside=False,
                   resolver=None: report)
        build([str(corpus)], stored_only, workers=1)
    return corpus, export_nquads(clean), stored_only


def _killed_build(corpus: Path, store: Path, point: str, workers: int = 1) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "KG_BUILD_PAUSE_AT": point}
    proc = subprocess.Popen([KG, "build", str(corpus), "--store", str(store), "--batch", "2", "--workers", str(workers),
                             "--quiet"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, text=True)
    try:
        deadline = time.monotonic() + 120
        for line in proc.stderr:
            if line.startswith(f"kg-paused-at {point}"):
                break
            assert time.monotonic() < deadline
        else:
            pytest.fail(f"kg build exited ({proc.wait()}) before reaching {point!r}")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL


# with 2 workers a build resolves entities in a second process while it links (kg.beside)
@pytest.mark.parametrize(("point", "workers"), [("store", 1), ("link", 1), ("index", 1), ("resolve", 1),
                                                ("link", 2), ("resolve", 2)])
def test_build_killed_at_any_stage_is_repaired_by_the_next_build(crash_env, tmp_path, monkeypatch, point, workers):
    corpus, clean, stored_only = crash_env
    store = tmp_path / "store"
    if point != "store":
        # the later stages need no parsing: start them from a store whose documents are all stored
        stored_only.db.backup(str(store))
    _killed_build(corpus, store, point, workers)
    if point == "index":
        assert (store / (DEDUP_FILE + ".tmp")).exists() and not (store / DEDUP_FILE).exists()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    st = open_store(str(store))
    assert export_nquads(st) != clean  # the kill left something to repair
    repair = build([str(corpus)], st, workers=1)
    assert repair.ok, repair.problems
    assert export_nquads(st) == clean
    again = build([str(corpus)], st, workers=1)
    assert again.added == again.replaced == [] and again.links == again.entities == 0 and not again.repaired
    assert export_nquads(st) == clean


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started (any of its threads), as Linux lists them."""
    kids = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids += [int(k) for k in (task / "children").read_text().split()]
    return kids


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be collected


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc (and prctl)")
def test_build_killed_takes_its_worker_processes_with_it(tmp_path):
    # more articles than one worker batch (kg.pipeline sends 16), so the workers still have work when it stops
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(48):
        (corpus / f"a{i:02d}.txt").write_text(f"Ferry service {i} resumes\n\nThe ferry between Osterholm and "
                                             f"Lindvik carried {100 + i} passengers on its first day back, the "
                                             "operator said.\n", encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "KG_BUILD_PAUSE_AT": "store"}
    proc = subprocess.Popen([KG, "build", str(corpus), "--store", str(tmp_path / "store"), "--batch", "2",
                             "--workers", "2", "--quiet"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            env=env, text=True)
    try:
        for line in proc.stderr:
            if line.startswith("kg-paused-at store"):
                break
        else:
            pytest.fail(f"kg build exited ({proc.wait()}) before storing")
        workers = _children(proc.pid)
        assert len(workers) >= 2 and all(_running(w) for w in workers)
    finally:
        proc.kill()  # SIGKILL: the build gets no chance to stop its workers itself
        proc.wait()
    deadline = time.monotonic() + 20
    while any(_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [w for w in workers if _running(w)] == []


# A process that bulk-loads batches of documents for as long as it lives; each document is a named graph of
# GRAPH_TRIPLES triples plus its content hash in the default graph, as kg.build renders them.
GRAPH_TRIPLES = 120
_LOADER = """
import sys
from kg.build import Rendered
from kg.store import open_store

store = open_store(sys.argv[1])
n = 0
while True:
    batch = []
    for i in range(32):
        doc = f"urn:kg:doc:b{n}-{i}"
        graph = f"urn:kg:graph:b{n}-{i}"
        named = "".join(f'<{doc}#s{k}> <urn:kg:test:p{k % 5}> "passage {n} {i} {k}" <{graph}> .\\n'
                        for k in range(TRIPLES))
        quads = (f'<{doc}> <urn:kg:test:hash> "h{n}-{i}" .\\n' + named).encode("utf-8")
        batch.append(Rendered(f"b{n}-{i}", "", graph, quads, 1, ()))
    store.write_documents(batch, fresh=True)
    n += 1
    print(n, flush=True)
""".replace("TRIPLES", str(GRAPH_TRIPLES))


def test_store_killed_while_bulk_loading_keeps_whole_documents_only(tmp_path):
    path = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-c", _LOADER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:  # killed while it loads the batch after the third
            if int(line) >= 3:
                break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    st = open_store(str(path))
    _, hashes = st.select("SELECT ?d WHERE { ?d <urn:kg:test:hash> ?h }")
    _, graphs = st.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    stored = {r["d"].rsplit(":", 1)[1] for r in hashes}
    sizes = {r["g"].rsplit(":", 1)[1]: r["n"] for r in graphs}
    assert len(stored) >= 3 * 32
    assert sizes == dict.fromkeys(stored, GRAPH_TRIPLES)  # no document without its graph, no partial graph
    batches = {d.split("-")[0] for d in stored}
    assert len(stored) == 32 * len(batches)  # and whole batches

"""One writer, consistent readers (issue 15 item 3), with real processes: a second writer gets one clear
line, readers in other processes read the last published state, never the half-written live store."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg.ids import doc_iri, graph_iri
from kg.store import lock, open_store

KG = Path(sys.executable).parent / "kg"


def _doc(doc_id: str) -> tuple[Graph, Graph]:
    named = Graph(identifier=URIRef(graph_iri(doc_id)))
    named.add((URIRef(f"urn:test:{doc_id}"), URIRef("urn:test:says"), Literal(doc_id)))
    meta = Graph()
    d = URIRef(doc_iri(doc_id))
    meta.add((d, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
              URIRef("https://w3id.org/kg-claims/ns#Document")))
    meta.add((d, URIRef("https://schema.org/identifier"), Literal(doc_id)))
    meta.add((d, URIRef("https://w3id.org/kg-claims/ns#contentHash"), Literal(doc_id)))
    return named, meta


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(KG), *args], capture_output=True, text=True, timeout=120)


def test_a_second_writer_gets_one_clear_line(tmp_path):
    path = tmp_path / "store"
    writer = open_store(str(path))
    writer.replace_document("a", *_doc("a"))
    (tmp_path / "x.txt").write_text("Some words about a harbour that opened in May.", encoding="utf-8")
    run = _kg("build", str(tmp_path / "x.txt"), "--store", str(path))
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "another kg process" in lines[0] and "is writing this store" in lines[0]
    assert "Traceback" not in run.stderr
    writer.close()


def test_readers_in_other_processes_see_the_last_published_state(tmp_path):
    path = tmp_path / "store"
    writer = open_store(str(path))
    writer.replace_document("a", *_doc("a"))
    writer.commit()
    writer.replace_document("b", *_doc("b"))  # written, not yet published: a build still running
    run = _kg("stats", "--store", str(path))
    assert run.returncode == 0, run.stderr
    assert "│ documents │ 1 " in run.stdout
    assert open_store(str(path), read_only=True).document_ids() == ["a", "b"]  # this process: the writer's view
    writer.close()  # closing publishes
    assert "│ documents │ 2 " in _kg("stats", "--store", str(path)).stdout
    assert lock.generation(path) == 2


def test_a_store_without_checkpoints_gets_one_for_its_first_reader(tmp_path, seeds_store):
    path = tmp_path / "store"
    # the seeds' published checkpoint: the live directory may be compacting while it is copied
    shutil.copytree(lock.reader_path(seeds_store.path), path,
                    ignore=shutil.ignore_patterns(lock.SNAPSHOTS, lock.GENERATION_FILE))
    assert lock.generation(path) == 0
    run = _kg("stats", "--store", str(path))
    assert run.returncode == 0, run.stderr
    assert "│ documents │ 5 " in run.stdout
    assert lock.generation(path) == 1

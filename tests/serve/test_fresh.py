"""A real ``kg build`` into the store a real ``kg serve`` is serving: the build is not blocked, the server
never reads the half-written store, and its answers (and /graph) reflect the finished build within
seconds (issue 15 item 3)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.serve.servers import kg_serve

KG = Path(sys.executable).parent / "kg"
COUNT = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }"
ARTICLE = ("Harbour town opens a new ferry line\n\nThe port authority said on Friday that 3 new ferries will "
           "sail between the islands from June. “The islands deserve a reliable link,” its director, Ida Brandt, "
           "said.\n")


def _documents(url: str) -> int:
    r = httpx.get(f"{url}/sparql", params={"query": COUNT}, headers={"Accept": "application/json"}, timeout=30)
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_serve_follows_a_finished_build(seeds_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(seeds_store.path, store)
    (tmp_path / "ferry-line.txt").write_text(ARTICLE, encoding="utf-8")
    with kg_serve(str(store), "--workers", "2") as (url, _server):
        assert _documents(url) == 5
        assert httpx.get(f"{url}/graph", params={"source": "ferry-line"}, timeout=60).status_code == 400
        build = subprocess.run([str(KG), "build", str(tmp_path / "ferry-line.txt"), "--store", str(store),
                                "--show", "0"], capture_output=True, text=True, timeout=300)
        assert build.returncode == 0, build.stdout + build.stderr
        deadline = time.monotonic() + 10
        while _documents(url) != 6 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [_documents(url) for _ in range(6)] == [6] * 6  # every worker, every request
        r = httpx.get(f"{url}/graph", params={"source": "ferry-line"}, timeout=60)
        assert r.status_code == 200, r.text[:500]
        page = httpx.get(f"{url}/claims", params={"q": "ferries"}, timeout=60).text
        assert "ferry-line" in page

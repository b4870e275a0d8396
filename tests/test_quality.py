"""Extraction quality on the hand-annotated seeds stays at the issues' bars (guards against regressions).

Uses the project's scorer and gold from ``../shared`` (beside the clone in CI); skipped elsewhere.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.claims import claim_dicts
from kg.ingest import read_documents
from kg.pipeline import extract_documents
from tests.conftest import SEEDS

SHARED = Path(__file__).resolve().parents[2] / "shared"
BARS = {"quote": 0.85, "quantity": 0.85, "relation": 0.75}


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="../shared/eval/score.py not present")
def test_quality_seed_scores_meet_the_bars(nlp, tmp_path):
    pred = tmp_path / "claims.jsonl"
    docs = [d for d in read_documents([str(SEEDS)])]
    with pred.open("w", encoding="utf-8") as out:
        for ex in extract_documents(docs):
            for claim in claim_dicts(ex):
                out.write(json.dumps(claim, ensure_ascii=False) + "\n")
    table = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"),
                            str(SHARED / "gold" / "seeds-dev.jsonl"), str(pred)],
                           capture_output=True, text=True, check=True).stdout
    f1 = {m[0]: float(m[1]) for m in re.findall(r"^(\w+)\s+\d+\s+\d+\s+\d+\s+\S+\s+\S+\s+(\S+)", table, re.M)}
    for kind, bar in BARS.items():
        assert f1[kind] >= bar, table
    sources = re.search(r"source-ok (\d+)/(\d+)", table)
    assert int(sources[1]) >= 0.8 * int(sources[2]), table

"""Every `$ kg …` example in the README runs, against a store built from the seeds."""

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli.main import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n(.*?)```", README, re.S)
EXAMPLES = [line[2:].split("  #")[0].strip() for b in BLOCKS for line in b.splitlines() if line.startswith("$ kg ")]
# long-running servers are exercised by tests/serve with a real process instead
SKIP = ("kg serve",)


def test_readme_has_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("example", [e for e in EXAMPLES if not e.startswith(SKIP)])
def test_readme_example_runs(example, seeds_store, tmp_path, monkeypatch):
    store = tmp_path / "kg-store"
    shutil.copytree(seeds_store.path, store)
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    args = shlex.split(example)[1:]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output

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
EXAMPLES = [line[2:].split("  #")[0].split(" | ")[0].strip()
            for b in BLOCKS for line in b.splitlines() if line.startswith("$ kg ")]
# long-running servers are exercised by tests/serve with a real process instead
SKIP = ("kg serve",)


def test_readme_has_examples():
    assert len(EXAMPLES) >= 5


@pytest.fixture(scope="module")
def workdir(seeds_store, tmp_path_factory):
    """One directory for all examples, in README order (an import reads what an export wrote)."""
    tmp = tmp_path_factory.mktemp("readme")
    shutil.copytree(seeds_store.path, tmp / "kg-store")
    shutil.copytree(ROOT / "seeds", tmp / "seeds")
    (tmp / "out").mkdir()
    return tmp


@pytest.mark.parametrize("example", [e for e in EXAMPLES if not e.startswith(SKIP)])
def test_readme_example_runs(example, workdir, monkeypatch):
    monkeypatch.chdir(workdir)
    args = shlex.split(example)[1:]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output

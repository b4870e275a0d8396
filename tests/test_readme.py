"""The README's tour works as written: every `$ kg …` example runs, in README order, in a directory that
starts like a fresh checkout (the seeds, no store), and prints what the README shows.

Comparing: each line the README shows must match the real output line (trailing spaces ignored); a `…` on
a line stands for any text there (a trimmed cell, or rich's own ellipsis); a line that is only `…` stands
for any number of lines left out. Output the README does not show must be marked with a `…` line.

After a change that alters the tour's output (seed counts, say), regenerate it and review the diff:

    KG_UPDATE_README=1 pytest tests/test_readme.py

which rewrites each mismatching example's output with the real one (long outputs cut, a `…` line marking
the cut; then trim by hand where the tour should show less)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli.main import app

ROOT = Path(__file__).resolve().parent.parent
README_PATH = ROOT / "README.md"
README = README_PATH.read_text(encoding="utf-8")
WIDTH = "120"  # the terminal width the tour is printed at
SKIP = ("kg serve",)  # long-running servers are exercised by tests/serve with a real process instead
UPDATE = os.environ.get("KG_UPDATE_README") == "1"
ELLIPSIS = "…"
KEEP_LINES = 16  # the most lines of one example's output --update writes into the README


@dataclass
class Example:
    command: str  # as typed, without "$ "
    shown: list[str]  # the output lines the README shows

    @property
    def args(self) -> list[str]:
        return shlex.split(self.command.split("  #")[0])[1:]


def examples(readme: str) -> list[Example]:
    out = []
    for block in re.findall(r"```console\n(.*?)```", readme, re.S):
        current = None
        for line in block.splitlines():
            if line.startswith("$ "):
                current = Example(line[2:].strip(), []) if line.startswith("$ kg ") else None
                if current is not None:
                    out.append(current)
            elif current is not None:
                current.shown.append(line)
    return out


def _line_pattern(line: str) -> str:
    return "[^\n]*".join(re.escape(part) for part in line.rstrip().split(ELLIPSIS))


def matches(shown: list[str], output: str) -> bool:
    """Does the real output read as the README shows it (with `…` for what it leaves out)?"""
    pattern = "".join(r"(?:[^\n]*\n)*?" if line.strip() == ELLIPSIS else _line_pattern(line) + r"\n"
                      for line in shown)
    return re.fullmatch(pattern, _text(output)) is not None


def _text(output: str) -> str:
    """Output lines without trailing spaces, and without the blank lines around it."""
    return "".join(line.rstrip() + "\n" for line in output.strip("\n").splitlines())


def trimmed(shown: list[str], output: str) -> list[str]:
    """The real output for the README: all of it up to ``KEEP_LINES`` lines (as many as the README
    showed, when that was more), or just as many lines as before for long lines (JSON); `…` marks a cut."""
    lines = _text(output).splitlines()
    before = len([s for s in shown if s.strip() != ELLIPSIS])
    keep = before if any(len(line) > 200 for line in lines) else max(before, KEEP_LINES)
    return lines[:keep] + ([ELLIPSIS] if len(lines) > keep else [])


EXAMPLES = examples(README)
RUNNABLE = [e for e in EXAMPLES if not e.command.startswith(SKIP)]


def test_readme_has_examples():
    assert len(RUNNABLE) >= 5


@pytest.mark.parametrize("shown, output, ok", [
    (["a", "b"], "a\nb\n", True),
    (["a", "b"], "a\nb\nc\n", False),  # output the README does not show, without a `…` line
    (["a", ELLIPSIS], "a\nb\nc\n", True),
    (["a", ELLIPSIS, "d"], "a\nb\nc\nd\n", True),
    (["│ x … │"], "│ x long text here │   \n", True),
    (["│ x … │"], "│ y long │\n", False),
    (["a (1 …"], "a (1 b)\n", True),
])
def test_matches(shown, output, ok):
    assert matches(shown, output) is ok


@pytest.fixture(scope="module")
def workdir(nlp, tmp_path_factory):
    """A fresh checkout's directory: the seeds, no store yet, an out/ folder."""
    tmp = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "seeds", tmp / "seeds")
    (tmp / "out").mkdir()
    return tmp


@pytest.fixture(scope="module")
def outputs(workdir):
    """Every runnable example's (exit code, output), run once each, in README order."""
    import kg.cli.common as common

    old = os.getcwd()
    os.chdir(workdir)
    env = {"COLUMNS": WIDTH, "LINES": "50", "SOURCE_DATE_EPOCH": "1700000000"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        # the shared consoles were made at import: give them the tour's width too
        widths = (common.console.width, common.err_console.width)
        common.console.width = common.err_console.width = int(WIDTH)
        results = {}
        for e in RUNNABLE:
            r = CliRunner().invoke(app, e.args, catch_exceptions=False)
            results[e.command] = (r.exit_code, r.stdout)
        common.console.width, common.err_console.width = widths
    finally:
        os.chdir(old)
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    if UPDATE:
        _update(results)
    return results


def _update(results: dict) -> None:
    text = README_PATH.read_text(encoding="utf-8")
    for e in RUNNABLE:
        code, output = results[e.command]
        if code != 0 or matches(e.shown, output):
            continue
        old = "\n".join([f"$ {e.command}", *e.shown]) + "\n"
        new = "\n".join([f"$ {e.command}", *trimmed(e.shown, output)]) + "\n"
        text = text.replace(old, new, 1)
    README_PATH.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("example", RUNNABLE, ids=[e.command[:60] for e in RUNNABLE])
def test_readme_example_prints_what_the_readme_shows(example, outputs):
    code, output = outputs[example.command]
    assert code == 0, output
    assert matches(example.shown, output), (
        f"`{example.command}` printed:\n{output}\nbut the README shows:\n" + "\n".join(example.shown)
        + "\n(regenerate with KG_UPDATE_README=1 pytest tests/test_readme.py)")


def test_readme_says_how_to_get_kg_on_the_path_after_make_demo():
    quickstart = README.split("## A tour", 1)[0]
    assert "make demo" in quickstart and ". .venv/bin/activate" in quickstart

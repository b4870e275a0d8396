"""kg build's exit codes: 0 built (policy skips listed), 1 an input failed, 2 usage (issue 15 item 7)."""

import json

import pytest
from typer.testing import CliRunner

from kg.cli.main import app
from kg.store import open_store

ENGLISH = ("The harbour council said on Tuesday that it will repair 14 piers before the winter. "
           "“We have waited long enough,” the council chair, Mara Olsen, said.")
RUSSIAN = "Городской совет заявил во вторник, что до зимы отремонтирует четырнадцать причалов в порту."


def _build(tmp_path, *paths):
    return CliRunner().invoke(app, ["build", *map(str, paths), "--store", str(tmp_path / "store"), "--show", "0"])


def test_policy_skips_are_listed_and_exit_0(tmp_path, nlp):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in (("en", ENGLISH), ("ru", RUSSIAN))),
                     encoding="utf-8")
    result = _build(tmp_path, batch)
    assert result.exit_code == 0, result.output
    assert "Skipped:" in result.stderr and "line 2: not English" in result.stderr
    assert "Error" not in result.stderr
    assert "skipped by policy" in result.stdout
    assert open_store(str(tmp_path / "store"), read_only=True).document_ids() == ["en"]


def test_a_failed_input_exits_1_and_the_others_are_stored(tmp_path, nlp):
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = _build(tmp_path, tmp_path / "good.txt", tmp_path / "empty.txt")
    assert result.exit_code == 1
    assert "Error:" in result.stderr and "empty.txt: file is empty" in result.stderr
    assert open_store(str(tmp_path / "store"), read_only=True).document_ids() == ["good"]


@pytest.mark.parametrize("args", [["build"], ["build", "x.txt", "--workers", "many"], ["build", "--nope", "x"]])
def test_usage_errors_exit_2(args):
    assert CliRunner().invoke(app, args).exit_code == 2


def test_kg_extract_lists_policy_skips_and_exits_0(tmp_path, nlp):
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "ru.txt"), str(tmp_path / "en.txt")])
    assert result.exit_code == 0, result.output
    assert "Skipped:" in result.stderr and "Error" not in result.stderr
    assert '"doc": "en"' in result.stdout

"""The CLI: every command has help and a README entry; errors are one line, with an exit code."""

import json
import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from kg.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()
COMMANDS = sorted(get_command(app).commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_every_command_has_help(name):
    cmd = get_command(app).commands[name]
    assert cmd.help and len(cmd.help.strip()) > 10, f"kg {name} has no help text"
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_every_command_is_in_readme(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"`kg {name}\b", readme), f"README does not document `kg {name}`"


def test_cli_missing_file_is_one_line(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stdout.strip() == ""


def test_cli_bad_sparql_is_one_line(seeds_store):
    result = runner.invoke(app, ["query", "SELECT WHERE {", "--store", str(seeds_store.path)])
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: SPARQL syntax error")


def test_cli_missing_store_is_one_line(tmp_path):
    result = runner.invoke(app, ["stats", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no store here" in result.output and "Traceback" not in result.output


def test_cli_claims_jsonl_round_trip(seeds_store):
    result = runner.invoke(app, ["claims", "--format", "jsonl", "--store", str(seeds_store.path)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all({"kind", "id", "doc", "source_path", "sentence", "start", "end"} <= set(r) for r in rows)


def test_cli_extract_matches_store_claims(seeds_store, tmp_path):
    extracted = runner.invoke(app, ["extract", str(ROOT / "seeds")])
    stored = runner.invoke(app, ["claims", "--format", "jsonl", "--store", str(seeds_store.path)])
    ids_a = {json.loads(x)["id"] for x in extracted.output.splitlines()}
    ids_b = {json.loads(x)["id"] for x in stored.output.splitlines()}
    assert ids_a == ids_b


def test_cli_stored_relations_keep_an_unresolved_subject(tmp_path, nlp):
    # a pronoun subject with no one to resolve it to: extraction and the store both say so
    art = tmp_path / "ceo.txt"
    art.write_text("She is the chief executive of Contoso Bank.\n", encoding="utf-8")
    store = str(tmp_path / "s")
    assert runner.invoke(app, ["build", str(art), "--store", store, "--show", "0"]).exit_code == 0
    fields = ("subject", "subject_mention", "subject_resolved")
    extracted = [json.loads(x) for x in runner.invoke(app, ["extract", str(art)]).output.splitlines()]
    listed = runner.invoke(app, ["claims", "--kind", "relation", "--format", "jsonl", "--store", store])
    stored = [json.loads(x) for x in listed.output.splitlines()]
    want = [{f: c[f] for f in fields} for c in extracted if c["kind"] == "relation"]
    assert want == [{"subject": "She", "subject_mention": "She", "subject_resolved": False}]
    assert [{f: c[f] for f in fields} for c in stored] == want


def test_cli_query_formats(seeds_store):
    q = "SELECT ?id WHERE { ?d a kg:Document ; schema:identifier ?id } ORDER BY ?id"
    out = runner.invoke(app, ["query", q, "--format", "json", "--store", str(seeds_store.path)])
    assert [r["id"] for r in json.loads(out.output)][:2] == ["000_37c6aabe9a1b8c9e", "001_ce8a067a932c7844"]
    out = runner.invoke(app, ["query", q, "--format", "csv", "--store", str(seeds_store.path)])
    assert out.output.splitlines()[0] == "id" and len(out.output.splitlines()) == 6


def test_cli_brackets_in_article_text_are_shown_verbatim(tmp_path):
    # editors' insertions like "[the president]" and "[sic]" must not be read as terminal markup and vanish
    art = tmp_path / "brackets.txt"
    art.write_text('"We will help [the companies] move [sic] and grow [/x]," Kazakh President Kassym-Jomart '
                   "Tokayev said on Tuesday.\n", encoding="utf-8")
    store = str(tmp_path / "s")
    assert runner.invoke(app, ["build", str(art), "--store", store, "--show", "0"]).exit_code == 0
    result = runner.invoke(app, ["claims", "--kind", "quote", "--store", store])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "[the companies]" in flat and "[sic]" in flat


def test_cli_extract_csv_keeps_every_kind_of_field():
    import csv
    import io

    result = runner.invoke(app, ["extract", str(ROOT / "seeds" / "001_ce8a067a932c7844.txt"), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["kind"] == "quote"  # the first row is a quote, yet number and relation columns survive
    assert any(r["kind"] == "quantity" and r["value"] and r["counts"] for r in rows)

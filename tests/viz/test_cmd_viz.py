"""`kg viz`: writes one HTML file and nothing else; refuses, in one line, what it cannot draw."""

import json
import re

from typer.testing import CliRunner

from kg.cli.main import app

runner = CliRunner()


def _viz(store, out, *args):
    return runner.invoke(app, ["viz", "-o", str(out), "--store", str(store.path), *args])


def _nodes(page: str) -> list[dict]:
    block = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    return json.loads(block)["nodes"]


def test_viz_writes_one_self_contained_file(claims_store, tmp_path):
    out = tmp_path / "graph.html"
    result = _viz(claims_store, out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]  # no lib/ folder beside it
    kinds = {n["kind"] for n in _nodes(out.read_text(encoding="utf-8"))}
    assert kinds == {"entity", "quote", "quantity", "document"}


def test_viz_filters(claims_store, tmp_path):
    out = tmp_path / "g.html"
    assert _viz(claims_store, out, "--kind", "quote", "--source", "a1").exit_code == 0
    nodes = _nodes(out.read_text(encoding="utf-8"))
    assert {n["kind"] for n in nodes} == {"entity", "quote", "document"}
    assert len([n for n in nodes if n["kind"] == "quote"]) == 1
    assert _viz(claims_store, out, "--focus", "Acme", "--hops", "1").exit_code == 0
    assert {n["label"] for n in _nodes(out.read_text(encoding="utf-8"))} == {"Acme Corp", "Almaty"}


def test_viz_conflicts_draws_red_edges(claims_store, tmp_path):
    out = tmp_path / "c.html"
    assert _viz(claims_store, out, "--conflicts").exit_code == 0
    page = out.read_text(encoding="utf-8")
    block = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(block)
    red = [e for e in data["edges"] if e["kind"] == "conflict"]
    (group,) = [n for n in data["nodes"] if n["kind"] == "conflict"]
    assert len(red) == 2 and {e["to"] for e in red} == {group["id"]}  # each number into its group
    assert all(e["color"] == "#d62728" for e in red) and group["color"] == "#d62728"


def test_viz_over_the_cap_is_one_line_naming_the_option(claims_store, tmp_path):
    out = tmp_path / "big.html"  # (without any filter, a graph over the cap is drawn as the overview instead)
    result = _viz(claims_store, out, "--max-nodes", "3", "--kind", "quote", "--kind", "quantity")
    assert result.exit_code == 1 and not out.exists()
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:") and "--focus" in lines[0]


def test_viz_unknown_focus_is_one_line(claims_store, tmp_path):
    result = _viz(claims_store, tmp_path / "x.html", "--focus", "Nobody Atall")
    assert result.exit_code == 1
    assert [ln for ln in result.output.splitlines() if ln.strip()] == [
        "Error: no entity named 'Nobody Atall' in the store"]

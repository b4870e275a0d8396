"""`kg report`, `kg trace --html`, `kg viz --overview`: one file each, and one clear line when they cannot write."""

from __future__ import annotations

from typer.testing import CliRunner

from kg.cli.main import app

runner = CliRunner()


def _run(store, *args):
    return runner.invoke(app, [*args, "--store", str(store.path)])


def test_report_writes_one_file(claims_store, tmp_path):
    out = tmp_path / "r.html"
    result = _run(claims_store, "report", "-o", str(out), "--title", "Desk")
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output.replace("\n", "")
    assert out.read_text(encoding="utf-8").count("<h2 id=") == 5


def test_trace_html_writes_the_chart_and_still_prints_the_table(claims_store, tmp_path):
    out = tmp_path / "t.html"
    result = _run(claims_store, "trace", "1,000", "--html", str(out))
    assert result.exit_code == 0, result.output
    assert "1,000" in result.output
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and 'class="mark"' in page


def test_viz_overview_and_automatic_overview(claims_store, tmp_path):
    out = tmp_path / "o.html"
    result = _run(claims_store, "viz", "--overview", "-o", str(out), "--top", "5")
    assert result.exit_code == 0 and "overview" in result.output
    assert 'id="kg-filters"' in out.read_text(encoding="utf-8")
    auto = _run(claims_store, "viz", "-o", str(out), "--max-nodes", "3")
    assert auto.exit_code == 0 and "writing the overview" in auto.output


def test_unwritable_output_is_one_line(claims_store, tmp_path):
    for args in (["report", "-o", str(tmp_path / "no" / "r.html")],
                 ["trace", "1,000", "--html", str(tmp_path / "no" / "t.html")],
                 ["viz", "--overview", "-o", str(tmp_path / "no" / "o.html")]):
        result = _run(claims_store, *args)
        assert result.exit_code == 1, (args, result.output)
        assert "cannot write" in result.output and "Traceback" not in result.output

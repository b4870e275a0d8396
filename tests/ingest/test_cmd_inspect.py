"""``kg inspect``: metadata, removed boilerplate with reasons, cleaned length; errors on one line."""

from __future__ import annotations

from typer.testing import CliRunner

from kg.cli.main import app

runner = CliRunner()


def test_cmd_inspect_shows_metadata_and_removals(seeds_dir):
    result = runner.invoke(app, ["inspect", str(seeds_dir / "004_7059b69fbbf3578b.txt")], terminal_width=200)
    assert result.exit_code == 0, result.output
    out = result.output
    for expected in ("International Courant", "Omar Adan", "East Asia Discussion", "metadata: author",
                     "image caption", "share widget", "republication notice", "cleaned text"):
        assert expected in out
    assert "6399 characters" in out


def test_cmd_inspect_links_and_text(seeds_dir):
    result = runner.invoke(app, ["inspect", "--links", "--text", str(seeds_dir / "001_ce8a067a932c7844.txt"),
                                 str(seeds_dir / "002_5795f16ae225760d.txt")], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "republication_of" in result.output
    assert "donation appeal" in result.output
    assert "Kazakhstan earlier in July drafted a law" in result.output


def test_cmd_inspect_bad_file_exit_code(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    result = runner.invoke(app, ["inspect", str(f)])
    assert result.exit_code == 1
    assert f"{f}: file is empty" in result.output.replace("\n", "")

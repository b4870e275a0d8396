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


def _notes(tmp_path, n: int, folder: str = "in"):
    from tests.ingest.test_corpus import NOTE, STORIES

    src = tmp_path / folder
    src.mkdir()
    for i in range(n):
        (src / f"s{i}.txt").write_text("\n\n".join(STORIES[i] + (NOTE,)), encoding="utf-8")
    return src


def test_cmd_inspect_lists_publisher_boilerplate(tmp_path):
    src = _notes(tmp_path, 3)
    result = runner.invoke(app, ["inspect", str(src)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert result.output.count("publisher boilerplate") == 3
    assert "recurs in 3 of the 3 documents without a publisher" in result.output


def test_cmd_inspect_store_counts_stored_documents(tmp_path):
    from kg.ingest import read_documents
    from kg.ingest.corpus import INDEX_FILE

    store = tmp_path / "store"
    store.mkdir()
    list(read_documents([str(_notes(tmp_path, 2, "old"))], boilerplate_index=store / INDEX_FILE))
    new = _notes(tmp_path, 3, "new") / "s2.txt"
    alone = runner.invoke(app, ["inspect", str(new)], terminal_width=200)
    assert "publisher boilerplate" not in alone.output
    before = (store / INDEX_FILE).read_bytes()
    with_store = runner.invoke(app, ["inspect", "--store", str(store), str(new)], terminal_width=200)
    assert with_store.exit_code == 0, with_store.output
    assert "recurs in 3 of the 3 documents without a publisher" in with_store.output
    assert (store / INDEX_FILE).read_bytes() == before  # read only
    missing = runner.invoke(app, ["inspect", "--store", str(tmp_path), str(new)])
    assert missing.exit_code == 1 and "no boilerplate index" in missing.output

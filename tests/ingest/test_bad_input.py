"""Bad input: one clear InputError naming the file per case, and the rest of the batch is still read."""

from __future__ import annotations

import codecs

import pytest

from kg.errors import InputError
from kg.ingest import read_documents
from kg.records import Document

ARTICLE = ("The minister said on Monday that the new port will open next year, ending months of doubt. "
           "Critics say the café owners near the site were not consulted before the work began.")


def _one(path, **kw):
    [result] = list(read_documents([str(path)], **kw))
    return result


@pytest.mark.parametrize(
    ("encoding", "raw"),
    [
        ("utf-8", ARTICLE.encode("utf-8")),
        ("utf-8-sig", codecs.BOM_UTF8 + ARTICLE.encode("utf-8")),
        ("utf-16", ARTICLE.encode("utf-16")),  # with its byte-order mark
        ("utf-16", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")),
        ("cp1252", ARTICLE.replace("Critics", "“Critics”").encode("cp1252")),
        ("utf-16-le", ARTICLE.encode("utf-16-le")),  # no byte-order mark
    ],
)
def test_bad_input_encodings_decoded_and_recorded(tmp_path, encoding, raw):
    f = tmp_path / "a.txt"
    f.write_bytes(raw)
    doc = _one(f)
    assert isinstance(doc, Document), doc
    assert doc.encoding == encoding
    assert "café owners" in doc.text and "\ufeff" not in doc.text


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "file is empty"),
        (b"  \n\n \t ", "file is empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "binary file (PDF)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (PNG image)"),
        (b"abc\x00\x01\x02def" * 20, "binary file (contains NUL/control bytes)"),
        (ARTICLE.encode("utf-8") + b" \x81\x8d bytes", "undecodable bytes"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "utf-16 byte-order mark but is not utf-16"),
    ],
)
def test_bad_input_unreadable_file(tmp_path, raw, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(raw)
    err = _one(f)
    assert isinstance(err, InputError)
    assert str(err).startswith(f"{f}: ") and message in str(err)
    assert "\n" not in str(err)


def test_bad_input_size_limit_is_configurable(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(ARTICLE * 50, encoding="utf-8")
    err = _one(f, max_bytes=1000)
    assert isinstance(err, InputError) and "over the 1000 bytes limit" in str(err)
    assert isinstance(_one(f), Document)  # the default limit (10 MiB) lets it through


def test_bad_input_size_limit_message_in_binary_units_without_a_missing_option(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_bytes(b"x" * (10 * 1024 * 1024 + 600 * 1024))
    err = _one(f)
    assert str(err) == (f"{f}: file is 10.6 MiB, over the 10 MiB limit for one article (a collection of "
                        "articles? save it as JSONL, one article a line: the limit then applies to each line)")
    assert "--max-size" not in str(err) and "MB" not in str(err)


@pytest.mark.parametrize(("n", "text"), [(0, "0 bytes"), (1000, "1000 bytes"), (1536, "1.5 KiB"),
                                         (10 * 1024 * 1024, "10 MiB"), (3 << 30, "3 GiB")])
def test_bad_input_size_text(n, text):
    from kg.ingest import size_text

    assert size_text(n) == text


def test_bad_input_symlink_loop_is_named_as_such(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    err = _one(loop)
    assert str(err) == f"{loop}: symbolic link loop (the link leads back to itself)"
    broken = tmp_path / "gone.txt"
    broken.symlink_to(tmp_path / "missing.txt")
    assert "broken symbolic link" in str(_one(broken))


def test_bad_input_symlink_loop_inside_a_directory_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "b.txt")
    results = list(read_documents([str(tmp_path)]))
    assert [type(r).__name__ for r in results] == ["InputError", "Document"]
    assert "symbolic link loop" in str(results[0])


def test_bad_input_jsonl_nul_byte_spoils_only_its_line(tmp_path):
    import json

    f = tmp_path / "batch.jsonl"
    good = json.dumps({"text": ARTICLE})
    f.write_bytes(b"\n".join([good.encode(), b'{"text": "broken\x00line"}', good.encode(),
                              json.dumps({"text": ARTICLE + " \u0000 end."}).encode()]))
    results = list(read_documents([str(f)]))
    assert [type(r).__name__ for r in results] == ["Document", "InputError", "Document", "Document"]
    assert str(results[1]) == f"{f}: line 2: contains a NUL byte (binary data, not JSON); line skipped"
    assert "\x00" not in results[3].text  # an escaped NUL inside a string is dropped from the text


def test_bad_input_jsonl_lines_decoded_one_by_one(tmp_path):
    import json

    f = tmp_path / "batch.jsonl"
    utf8 = json.dumps({"text": ARTICLE.replace("minister", "ministre’s aide")}, ensure_ascii=False)
    latin = json.dumps({"text": ARTICLE.replace("minister", "café owner")}, ensure_ascii=False)
    f.write_bytes(codecs.BOM_UTF8 + utf8.encode("utf-8") + b"\r\n" + latin.encode("cp1252") + b"\n\n")
    first, second = read_documents([str(f)], corpus=False)
    assert (first.encoding, second.encoding) == ("utf-8-sig", "cp1252")  # one cp1252 line leaves the rest UTF-8
    assert "ministre’s aide" in first.text and "café owner" in second.text


def test_bad_input_jsonl_is_read_line_by_line(tmp_path, monkeypatch):
    import json
    from pathlib import Path

    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(json.dumps({"text": ARTICLE, "id": f"a{i}"}) for i in range(3)), encoding="utf-8")
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a JSONL file was read whole"))
    docs = read_documents([str(f)], corpus=False)
    assert next(docs).id == "a0"  # the first article comes before the file is read to its end
    assert [d.id for d in docs] == ["a1", "a2"]


def test_bad_input_jsonl_utf16_still_read(tmp_path):
    import json

    f = tmp_path / "batch.jsonl"
    f.write_bytes(json.dumps({"text": ARTICLE}).encode("utf-16"))
    [doc] = read_documents([str(f)], corpus=False)
    assert doc.encoding == "utf-16" and doc.text.startswith("The minister")


def test_bad_input_empty_jsonl_file(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_bytes(b"\n  \n")
    [err] = read_documents([str(f)])
    assert str(err) == f"{f}: file is empty"


def test_bad_input_jsonl_error_message_has_no_doubled_at(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text('{"text": "tab\tinside"}\n', encoding="utf-8")
    [err] = list(read_documents([str(f)]))
    assert str(err) == f"{f}: line 1: not valid JSON (Invalid control character at column 14)"


def test_bad_input_html_without_article_text(tmp_path):
    f = tmp_path / "index.html"
    f.write_text("<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav>"
                 "<script>render()</script></body></html>", encoding="utf-8")
    err = _one(f)
    assert isinstance(err, InputError) and "no article text found" in str(err)


def test_bad_input_only_boilerplate(tmp_path):
    f = tmp_path / "junk.txt"
    f.write_text("Share This Article\n\nExit mobile version\n\nslot gacor maxwin", encoding="utf-8")
    err = _one(f)
    assert isinstance(err, InputError) and "no article text left after cleaning" in str(err)


GERMAN = ("Der Minister sagte am Montag, dass der neue Hafen im nächsten Jahr eröffnet werde. Kritiker "
          "sagen, das Projekt sei durch Streitigkeiten über Land und die Kosten der Arbeiten verzögert "
          "worden, und die Fischer seien nicht gefragt worden, bevor die Bauarbeiten begannen.")
RUSSIAN = ("Министр заявил в понедельник, что новый порт откроется в следующем году. Критики говорят, "
           "что проект задерживается из-за споров о земле.")


@pytest.mark.parametrize(("text", "why"), [(GERMAN, "English function words"), (RUSSIAN, "Cyrillic script")])
def test_bad_input_non_english_skipped(tmp_path, text, why):
    f = tmp_path / "foreign.txt"
    f.write_text(text, encoding="utf-8")
    err = _one(f)
    assert isinstance(err, InputError) and "not English" in str(err) and why in str(err)
    doc = _one(f, english_only=False)
    assert isinstance(doc, Document) and doc.language is None


def test_bad_input_rest_of_batch_is_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary")
    results = list(read_documents([str(tmp_path)]))
    assert [type(r).__name__ for r in results] == ["InputError", "Document", "InputError"]


def test_bad_input_empty_directory(tmp_path):
    err = _one(tmp_path)
    assert isinstance(err, InputError) and "directory has no readable articles" in str(err)


def test_bad_input_missing_rule_file_is_one_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    results = list(read_documents([str(tmp_path)], rules=tmp_path / "missing.tsv"))
    assert len(results) == 1 and "cannot read the rule file" in str(results[0])


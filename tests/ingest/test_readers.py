"""Readers: plain text, Markdown, HTML, JSONL, directories, globs, standard input; stable ids."""

from __future__ import annotations

import io
import json

from kg.errors import InputError
from kg.ingest import read_documents
from kg.records import Document


def _docs(paths, **kw) -> list[Document | InputError]:
    return list(read_documents([str(p) for p in paths], **kw))


ARTICLE = ("The minister said on Monday that the new port will open next year. "
           "It is expected to handle more than 2 million containers a year, officials said.\n\n"
           "Critics say the project has been delayed by disputes over land and over the cost of the work.")


def test_readers_plain_text_id_is_the_stem(tmp_path):
    f = tmp_path / "port-story.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    [doc] = _docs([f])
    assert doc.id == "port-story"
    assert doc.text == ARTICLE
    assert doc.source_path == str(f)
    assert doc.language == "en" and doc.encoding == "utf-8"


def test_readers_markdown_strips_syntax_keeps_link_targets(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("# Port to open next year\n\nThe minister **said** on Monday that the [new port]"
                 "(https://example.org/port) will open _next year_, and that it is expected to handle more "
                 "than 2 million containers a year. [Details](#) were not given by the officials.\n\n"
                 "![A crane](crane.jpg)\n\n- Critics say the project has been delayed by disputes over land.\n",
                 encoding="utf-8")
    [doc] = _docs([f])
    assert doc.title == "Port to open next year"
    assert "The minister said on Monday that the new port will open next year," in doc.text
    assert "Details were not given" in doc.text
    assert "Critics say" in doc.text
    for syntax in ("**", "](", "#", "![", "_next"):
        assert syntax not in doc.text
    assert doc.links == ("https://example.org/port",)
    assert any(r.reason == "markdown image" for r in doc.removed)


def test_readers_text_with_markdown_links_is_unwrapped(seeds_dir):
    [doc] = _docs([seeds_dir / "002_5795f16ae225760d.txt"])
    assert "president said Thursday" in doc.text
    assert "[" not in doc.text and "(#)" not in doc.text


HTML = """<!DOCTYPE html><html><head><title>Port to open next year | Daily Harbour</title>
<meta property="og:title" content="Port to open next year">
<meta property="og:site_name" content="Daily Harbour">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-05-02T10:00:00Z">
<link rel="canonical" href="https://harbour.example/port">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Port to open next year</h1>
<p>The minister said on Monday that the new port will open next year. It is expected to handle more than
2 million containers a year, officials said, according to a <a href="https://gov.example/report">report</a>.</p>
<p>Critics say the project has been delayed by disputes over land and over the cost of the work, and that
local fishermen were not consulted before construction began on the northern shore.</p>
<p>The government denies this and says that every affected family has been offered compensation.</p>
</article><footer>Copyright 2023 Daily Harbour. All rights reserved.</footer></body></html>"""


def test_readers_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "port.html"
    f.write_text(HTML, encoding="utf-8")
    [doc] = _docs([f])
    assert isinstance(doc, Document), doc
    assert "2 million containers" in doc.text and "Critics say" in doc.text
    assert "Copyright" not in doc.text and "Home" not in doc.text
    assert "\n\n" in doc.text  # paragraphs kept
    assert doc.title == "Port to open next year"
    assert doc.date == "2023-05-02"
    assert doc.publisher == "Daily Harbour"
    assert doc.author == "Jane Doe"
    assert doc.url == "https://harbour.example/port"
    assert "https://gov.example/report" in doc.links


def test_readers_jsonl_one_document_per_line(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        {"text": ARTICLE, "title": "Port", "url": "https://x.example/1", "date": "July 14, 2022",
         "publisher": "Daily Harbour", "author": ["Jane Doe", "John Roe"]},
        {"id": "wire/2022 07 #1", "text": ARTICLE.replace("port", "airport")},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    first, second = _docs([f])
    assert first.id == "batch-1"
    assert (first.title, first.url, first.date, first.publisher, first.author) == (
        "Port", "https://x.example/1", "2022-07-14", "Daily Harbour", "Jane Doe, John Roe")
    assert second.id == "wire-2022-07-1"
    assert "airport" in second.text


def test_readers_jsonl_bad_line_names_line_and_rest_is_read(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join([json.dumps({"text": ARTICLE}), "{not json", json.dumps({"title": "no text"}),
                            json.dumps({"text": ARTICLE})]), encoding="utf-8")
    results = _docs([f])
    assert [type(r).__name__ for r in results] == ["Document", "InputError", "InputError", "Document"]
    assert str(results[1]).startswith(f"{f}: line 2: not valid JSON")
    assert str(results[2]) == f'{f}: line 3: no "text" field (or it is empty)'
    assert results[3].id == "batch-4"


def test_readers_directory_recursive_sorted_and_unique_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "x.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF-1.4")  # not an article suffix: not read
    docs = _docs([tmp_path])
    assert [(d.id, d.source_path) for d in docs] == [("x", str(tmp_path / "a" / "x.md")),
                                                      ("x-2", str(tmp_path / "b" / "x.txt"))]


def test_readers_glob_pattern(tmp_path):
    for name in ("one.txt", "two.txt", "three.md"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    assert [d.id for d in _docs([tmp_path / "*.txt"])] == ["one", "two"]
    [err] = _docs([tmp_path / "*.html"])
    assert isinstance(err, InputError) and "no files match" in str(err)


def test_readers_stdin_text_and_jsonl():
    [doc] = _docs(["-"], stdin=io.BytesIO(ARTICLE.encode("utf-8")))
    assert (doc.id, doc.source_path, doc.text) == ("stdin", "-", ARTICLE)
    docs = _docs(["-"], stdin=io.BytesIO((json.dumps({"text": ARTICLE}) + "\n").encode("utf-8")))
    assert [d.id for d in docs] == ["stdin-1"]


def test_readers_missing_path():
    [err] = _docs(["/no/such/article.txt"])
    assert str(err) == "/no/such/article.txt: no such file or directory"


def test_readers_seed_ids_are_stems(seeds_dir):
    docs = _docs([seeds_dir])
    assert [d.id for d in docs] == sorted(p.stem for p in seeds_dir.glob("*.txt"))

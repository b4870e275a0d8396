"""WARC / WARC.gz archives, written with warcio itself: HTML responses are articles with URL and fetch date."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kg.errors import InputError, SkippedInput
from kg.ingest import read_documents
from kg.records import Document

PARAGRAPHS = [
    "The lighthouse keeper said on Friday that the lamp would be replaced with an electric one next spring, "
    "ending two centuries of oil light on the headland.",
    "Fishermen in the harbour said they had asked for the change for years, because the old lamp often failed "
    "in the winter gales that close the bay.",
]


def _page(title: str, dated: bool = True) -> bytes:
    meta = '<meta property="article:published_time" content="2024-03-08T09:00:00Z">' if dated else ""
    body = "".join(f"<p>{p.replace('lamp', title)}</p>" for p in PARAGRAPHS)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>").encode()


def _record(writer: WARCWriter, uri: str, body: bytes, status: str = "200 OK", ctype: str = "text/html",
            date: str = "2024-03-09T12:30:00Z", rec_type: str = "response"):
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1") if rec_type == "response" \
        else None
    rec = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=http,
                                    warc_headers_dict={"WARC-Date": date},
                                    warc_content_type="" if rec_type == "response" else ctype)
    writer.write_record(rec)


def _archive(path, gzip: bool, records) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for args, kwargs in records:
            _record(writer, *args, **kwargs)


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_html_responses_are_articles_with_url_and_fetch_date(tmp_path, name, gzip):
    f = tmp_path / name
    _archive(f, gzip, [
        (("https://coast.example/news/lamp-story", _page("lamp")), {}),
        (("https://coast.example/logo.png", b"\x89PNG\r\n\x1a\n"), {"ctype": "image/png"}),
        (("https://coast.example/old", b"gone"), {"status": "404 Not Found"}),
        (("https://coast.example/moved", b""), {"status": "301 Moved Permanently"}),
        (("https://coast.example/news/beacon?id=2", _page("beacon", dated=False)),
         {"ctype": "text/html; charset=utf-8", "date": "2024-03-10T08:00:00Z"}),
    ])
    results = list(read_documents([str(f)]))
    docs = [r for r in results if isinstance(r, Document)]
    notes = [r for r in results if isinstance(r, InputError)]
    assert [d.url for d in docs] == ["https://coast.example/news/lamp-story", "https://coast.example/news/beacon?id=2"]
    assert [d.fetched for d in docs] == ["2024-03-09T12:30:00Z", "2024-03-10T08:00:00Z"]
    assert [d.date for d in docs] == ["2024-03-08", "2024-03-10"]  # the page's own date, else the fetch day
    assert docs[0].id.startswith("coast.example-news-lamp-story-") and docs[0].source_path == str(f)
    assert "electric one next spring" in docs[0].text
    [note] = notes
    assert isinstance(note, SkippedInput)
    assert str(note) == (f"{f}: 3 responses are not HTML pages with status 200 and were skipped "
                         "(1 image/png, 1 status 301, 1 status 404)")


def test_warc_requests_and_metadata_are_not_articles_nor_noted(tmp_path):
    f = tmp_path / "a.warc.gz"
    _archive(f, True, [
        (("https://coast.example/a", b"GET /a HTTP/1.1\r\n\r\n"), {"rec_type": "request", "ctype": "application/http"}),
        (("https://coast.example/a", _page("lamp")), {}),
        (("https://coast.example/a", b"via: crawler"), {"rec_type": "metadata", "ctype": "application/warc-fields"}),
    ])
    results = list(read_documents([str(f)]))
    assert [type(r).__name__ for r in results] == ["Document"]


def test_warc_page_without_text_names_archive_offset_and_url(tmp_path):
    f = tmp_path / "a.warc.gz"
    _archive(f, True, [
        (("https://coast.example/index", b"<html><body><nav>Home</nav></body></html>"), {}),
        (("https://coast.example/a", _page("lamp")), {}),
    ])
    err, doc = list(read_documents([str(f)]))
    assert isinstance(doc, Document)
    assert str(err).startswith(f"{f}: record at offset 0 (https://coast.example/index): no article text found")


def test_warc_truncated_archive_keeps_articles_before_the_damage(tmp_path):
    f = tmp_path / "a.warc"
    _archive(f, False, [(("https://coast.example/a", _page("lamp")), {}),
                        (("https://coast.example/b", _page("beacon")), {})])
    raw = f.read_bytes()
    f.write_bytes(raw[: len(raw) - 100])  # a download that stopped inside the last page
    results = list(read_documents([str(f)]))
    assert [type(r).__name__ for r in results] == ["Document", "InputError"]
    assert "(https://coast.example/b): record cut short (96 bytes missing): the archive is truncated after 1 " \
        "articles" in str(results[1])


def test_warc_not_an_archive(tmp_path):
    f = tmp_path / "fake.warc"
    f.write_text("this is not a web archive at all\n", encoding="utf-8")
    [err] = list(read_documents([str(f)]))
    assert isinstance(err, InputError) and str(err).startswith(f"{f}: not a WARC archive")


def test_warc_in_a_directory_walk(tmp_path):
    _archive(tmp_path / "crawl.warc.gz", True, [(("https://coast.example/a", _page("lamp")), {})])
    (tmp_path / "notes.gz").write_bytes(b"\x1f\x8b")  # a .gz that is not an archive is not read
    [doc] = list(read_documents([str(tmp_path)]))
    assert doc.url == "https://coast.example/a"


def test_warc_cli_inspect_notes_skipped_records_and_succeeds(tmp_path):
    from typer.testing import CliRunner

    from kg.cli.main import app

    f = tmp_path / "crawl.warc.gz"
    _archive(f, True, [(("https://coast.example/a", _page("lamp")), {}),
                       (("https://coast.example/logo.png", b"\x89PNG"), {"ctype": "image/png"})])
    result = CliRunner().invoke(app, ["inspect", str(f)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "https://coast.example/a" in result.output and "2024-03-09T12:30:00Z" in result.output
    assert "Note: " in result.output and "1 image/png" in result.output


def test_warc_build_stores_each_page_with_its_url(tmp_path, nlp):
    from kg.build import build
    from kg.store import open_store

    f = tmp_path / "crawl.warc.gz"
    _archive(f, True, [(("https://coast.example/a", _page("lamp")), {}),
                       (("https://coast.example/b", _page("beacon")), {})])
    store = open_store(str(tmp_path / "store"))
    report = build([str(f)], store)
    assert len(report.added) == 2
    _, rows = store.select("SELECT ?url WHERE { ?d a kg:Document ; schema:url ?url } ORDER BY ?url")
    assert [r["url"] for r in rows] == ["https://coast.example/a", "https://coast.example/b"]

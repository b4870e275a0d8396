"""URLs and RSS/Atom feeds, served by a real HTTP server on 127.0.0.1 (a random port); nothing from the internet."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

import kg.ingest.web as web
from kg.cli.main import app
from kg.errors import InputError
from kg.ingest import read_documents
from kg.records import Document

STORY = ("The river authority said on Wednesday that the flood barrier would be raised every night until the "
         "spring tides had passed, after water reached the steps of the town hall twice in one week.")
MORE = ("Shop owners on the quay said they had moved their stock upstairs and that insurance would not cover a "
        "third flood this year, while the mayor promised a meeting with the ministry.")


def _page(title: str, dated: bool = True) -> bytes:
    meta = '<meta property="article:published_time" content="2024-02-01T07:00:00Z">' if dated else ""
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}"
            f'<meta property="og:site_name" content="River Gazette"></head><body><nav>Home</nav><article>'
            f"<h1>{title}</h1><p>{STORY}</p><p>{MORE}</p></article></body></html>").encode()


class _Site:
    """Pages by path: ``(status, content type, body)``; records each request's User-Agent."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the name http.server calls
                site.agents.append(self.headers.get("User-Agent", ""))
                status, ctype, body = site.pages.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setattr(web, "DELAY", 0.0)  # politeness pause between requests: not needed against ourselves
    s = _Site()
    yield s
    s.close()


def _rss(site: _Site, links: list[str]) -> bytes:
    items = "".join(f"<item><title>Entry {i}</title><link>{link}</link>"
                    f"<pubDate>Mon, 0{i} Jan 2024 10:00:00 GMT</pubDate><author>desk@river.example (Ana Ruiz)</author>"
                    f"</item>" for i, link in enumerate(links, 1))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>River Gazette</title>'
            f"<link>{site.base}/</link>{items}</channel></rss>").encode()


def test_web_url_is_fetched_as_an_article(site):
    site.pages["/news/flood"] = (200, "text/html; charset=utf-8", _page("Flood barrier raised nightly"))
    url = site.url("/news/flood")
    [doc] = list(read_documents([url]))
    assert isinstance(doc, Document), doc
    assert doc.url == url and doc.source_path == url
    assert doc.id.startswith("127.0.0.1-news-flood-")
    assert doc.title == "Flood barrier raised nightly" and doc.date == "2024-02-01"
    assert doc.publisher == "River Gazette" and doc.fetched
    assert "town hall twice" in doc.text and "Home" not in doc.text
    assert site.agents == [web.USER_AGENT] and site.agents[0].startswith("kg/")


def test_web_rss_feed_entries_are_fetched(site):
    site.pages["/a"] = (200, "text/html", _page("Barrier raised"))
    site.pages["/b"] = (200, "text/html", _page("Quay shops move stock", dated=False))
    site.pages["/feed.xml"] = (200, "application/rss+xml", _rss(site, [site.url("/a"), "/b",  # relative link
                                                                       site.url("/missing")]))
    results = list(read_documents([site.url("/feed.xml")]))
    assert [type(r).__name__ for r in results] == ["Document", "Document", "InputError"]
    a, b, missing = results
    assert (a.url, a.title, a.date) == (site.url("/a"), "Barrier raised", "2024-02-01")
    assert b.url == site.url("/b") and b.date == "2024-01-02"  # the page states no date: the entry's
    assert str(missing) == f"{site.url('/missing')}: cannot fetch: HTTP 404 Not Found"


def test_web_atom_feed_file_on_disk(site, tmp_path):
    site.pages["/a"] = (200, "text/html", _page("Barrier raised"))
    feed = tmp_path / "river.atom"
    feed.write_text(f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                    f"<title>River Gazette</title><id>urn:river</id><updated>2024-02-01T00:00:00Z</updated>"
                    f'<entry><title>Barrier</title><link href="{site.url("/a")}"/><id>urn:a</id>'
                    f"<updated>2024-02-01T00:00:00Z</updated></entry></feed>", encoding="utf-8")
    [doc] = list(read_documents([str(feed)]))
    assert isinstance(doc, Document) and doc.url == site.url("/a")


def test_web_unreachable_url_is_one_line_naming_it():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    [err] = list(read_documents([url]))
    assert isinstance(err, InputError)
    assert str(err) == f"{url}: cannot fetch: connection refused (offline, or a wrong address?)"


def test_web_server_that_never_answers_times_out(monkeypatch):
    monkeypatch.setitem(web.TIMEOUT, "read", 0.2)
    with socket.socket() as s:  # accepts the connection, never answers
        s.bind(("127.0.0.1", 0))
        s.listen()
        url = f"http://127.0.0.1:{s.getsockname()[1]}/slow"
        [err] = list(read_documents([url]))
    assert str(err) == f"{url}: cannot fetch: no answer within 0.2 s (offline, or the site is down?)"


def test_web_not_a_page(site):
    site.pages["/report.pdf"] = (200, "application/pdf", b"%PDF-1.7")
    [err] = list(read_documents([site.url("/report.pdf")]))
    assert str(err) == f"{site.url('/report.pdf')}: not an article page or a feed (the server sent application/pdf)"


def test_web_page_over_the_size_limit(site):
    site.pages["/big"] = (200, "text/html", b"<html>" + b"x" * 5000)
    [err] = list(read_documents([site.url("/big")], max_bytes=1000))
    assert str(err) == f"{site.url('/big')}: page is over the 1000 bytes limit for one article"


def test_web_polite_pause_between_requests_to_one_host(site, monkeypatch):
    pauses: list[float] = []
    monkeypatch.setattr(web, "DELAY", 30.0)
    monkeypatch.setattr(web.time, "sleep", pauses.append)  # record the pause instead of waiting it out
    site.pages["/a"] = (200, "text/html", _page("One"))
    site.pages["/b"] = (200, "text/html", _page("Two"))
    docs = list(read_documents([site.url("/a"), site.url("/b")]))
    assert all(isinstance(d, Document) for d in docs)
    assert len(pauses) == 1 and 29.0 < pauses[0] <= 30.0


def test_web_cli_inspect_reads_url_and_feed(site):
    site.pages["/a"] = (200, "text/html", _page("Barrier raised"))
    site.pages["/feed"] = (200, "application/rss+xml", _rss(site, [site.url("/a")]))
    result = CliRunner().invoke(app, ["inspect", site.url("/a"), site.url("/feed")], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert result.output.count("River Gazette") >= 2 and site.url("/a") in result.output

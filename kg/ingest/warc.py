"""WARC and WARC.gz web archives (Common Crawl's CC-NEWS, Heritrix, wget ``--warc-file``) with ``warcio``.

Each ``response`` record with HTTP status 200 and an HTML content type (and each HTML ``resource``
record) is one article: its URL is ``WARC-Target-URI``, its fetch date ``WARC-Date`` (also its date when
the page states none), its id made from the URL. Requests, metadata, ``warcinfo`` and revisit records are
not articles and are passed over; responses that are not HTML pages with status 200 (images, scripts,
redirects, 404s) are counted and reported once per archive as a ``SkippedInput`` note with the tally. A record
whose page yields no article text is its own ``InputError`` naming the archive, the record's offset and
its URL; a damaged archive stops at the damage, after the articles before it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from kg.errors import InputError, SkippedInput
from kg.records import Document

SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def _media_type(value: str | None) -> tuple[str, str | None]:
    kind, _, params = (value or "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return kind.strip().lower(), charset


def _text(body: bytes, charset: str | None, where: str) -> str:
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    from kg.ingest.decode import decode

    return decode(body, where)[0]


def read_warc(stream: BinaryIO, name: str, max_bytes: int, **common) -> Iterator[Document | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from kg.ingest.html import page_document
    from kg.ingest.web import url_id

    head = stream.read(16)
    stream.seek(0)
    if not head.startswith((b"WARC/", b"\x1f\x8b", b"filedesc://")):
        yield InputError(name, "not a WARC archive (a WARC file starts with 'WARC/', a .warc.gz with gzip)")
        return
    skipped: Counter[str] = Counter()
    articles = pages = 0
    records = ArchiveIterator(stream, arc2warc=True)
    try:
        for record in records:
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            if record.rec_type == "response":
                if record.http_headers is None:
                    skipped["response without HTTP headers"] += 1
                    continue
                status = record.http_headers.get_statuscode()
                kind, charset = _media_type(record.http_headers.get_header("Content-Type"))
                if status != "200":
                    skipped[f"status {status}"] += 1
                    continue
            else:
                kind, charset = _media_type(record.rec_headers.get_header("Content-Type"))
            if kind not in _HTML_TYPES:
                skipped[kind or "no content type"] += 1
                continue
            pages += 1
            body = record.content_stream().read(max_bytes + 1)
            missing = getattr(record.raw_stream, "limit", 0) if len(body) <= max_bytes else 0
            # warcio knows a record's offset once it has been read to its end
            where = f"record at offset {records.get_record_offset()} ({url or 'no URL'})"
            if missing:
                yield InputError(name, f"{where}: record cut short ({missing} bytes missing): the archive is "
                                       f"truncated after {articles} articles")
                break
            if len(body) > max_bytes:
                from kg.ingest import size_text

                yield InputError(name, f"{where}: page is over the {size_text(max_bytes)} limit for one article")
                continue
            try:
                html = _text(body, charset, f"{name}: {where}")
                doc = page_document(html, name=name, doc_id=url_id(url) if url else f"warc-{articles + 1}",
                                    url=url or None, fetched=record.rec_headers.get_header("WARC-Date"),
                                    source_path=name, **common)
            except InputError as exc:
                yield InputError(name, f"{where}: {exc.reason}")
                continue
            articles += 1
            yield doc
    except ArchiveLoadFailed as exc:
        yield InputError(name, f"not a readable WARC archive, or damaged after {articles} articles "
                               f"({str(exc).strip().splitlines()[0] if str(exc).strip() else 'unknown format'})")
    except Exception as exc:  # noqa: BLE001 - warcio fails in many ways on a truncated record (even AttributeError)
        yield InputError(name, f"archive damaged after {articles} articles ({exc.__class__.__name__}: {exc})")
    if skipped:
        tally = ", ".join(f"{n} {what}" for what, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
        yield SkippedInput(name, f"{sum(skipped.values())} responses are not HTML pages with status 200 and were "
                            f"skipped ({tally})")
    elif not pages:
        yield InputError(name, "archive has no HTML response records")

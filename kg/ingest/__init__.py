"""Ingestion: files, directories, globs, JSONL, web archives (WARC), feeds, URLs and standard input →
cleaned ``Document`` records.

Arguments: a file (``.txt .md .html .jsonl``, ``.warc``/``.warc.gz`` archives, ``.rss``/``.atom``/``.xml``
feeds), a directory (read recursively), a glob pattern, ``-`` for standard input, or an ``http(s)://`` URL
of an article page or a feed (``kg.ingest.web``: fetched politely, one clear error when unreachable).

``read_documents`` yields a ``Document`` or an ``InputError`` per input (per line for JSONL), so one
bad file never stops a batch. What cleaning removed is kept in ``Document.removed`` with the reason;
``Document.text`` is the cleaned text every later offset points into.

Options (keyword arguments of ``read_documents``):
  max_bytes     files larger than this are refused (default ``DEFAULT_MAX_BYTES``, 10 MiB); for JSONL the
                limit applies to each line, so a large collection file is fine
  english_only  skip texts that are not English (default True)
  rules         path of an extra boilerplate rule file (same format as ``rules/boilerplate.tsv``)
  stdin         binary stream read for ``-`` (default ``sys.stdin.buffer``)
  corpus        remove passages that recur across many documents of one publisher (``kg.ingest.corpus``;
                default True). The whole batch is read before the first document is handed on, unless
  late          is given: then documents stream out as they are read, and the few whose boilerplate the
                rest of the batch changed are passed to ``late(document)`` once the batch is read, re-cleaned
                (``kg build`` replaces what it stored of them)
  boilerplate_index  a store's passage index file (``corpus.INDEX_FILE`` in the store folder): the
                corpus is then the store's documents plus the batch, and stored documents whose boilerplate
                changed are handed on again after the batch, re-cleaned
"""

from __future__ import annotations

import errno
import glob
import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError
from kg.ingest.build import build_document
from kg.ingest.decode import decode
from kg.ingest.html import looks_like_html, page_document
from kg.ingest.jsonl import looks_like_jsonl, read_jsonl, read_jsonl_file
from kg.ingest.lexicon import boilerplate
from kg.ingest.warc import is_warc, read_warc
from kg.ingest.web import is_url
from kg.records import Document

MARKDOWN = {".md", ".markdown"}
HTML = {".html", ".htm", ".xhtml"}
JSONL = {".jsonl", ".ndjson"}
FEEDS = {".rss", ".atom"}  # and ``.xml`` named on the command line, when its first element is a feed's
SUFFIXES = {".txt", ".text", *MARKDOWN, *HTML, *JSONL, *FEEDS, ".warc", ".gz", ".arc"}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
STDIN = "-"
_GLOB_CHARS = set("*?[")

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "content_hash", "expand", "read_documents", "size_text"]


def size_text(n: int) -> str:
    """``10485760`` → "10 MiB", ``1000`` → "1000 bytes": binary units, as the limits are set."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= factor:
            return f"{n / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def _unreadable(p: str, path: Path) -> InputError:
    """Why an argument that is neither a file nor a directory cannot be read."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:  # Python 3.11 raises RuntimeError for a loop
            return InputError(p, "symbolic link loop (the link leads back to itself)")
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return InputError(p, "symbolic link loop (the link leads back to itself)")
            return InputError(p, f"broken symbolic link (its target {os.readlink(path)!r} does not exist)")
        return InputError(p, "not a regular file or directory")
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return InputError(p, "symbolic link loop in the path")
        if exc.errno in (errno.EACCES, errno.EPERM):
            return InputError(p, "permission denied")
        if exc.errno != errno.ENOENT:
            return InputError(p, f"cannot read ({exc.strerror})")
    else:
        return InputError(p, "not a regular file or directory")
    return InputError(p, "no such file or directory")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def expand(paths: Iterable[str]) -> Iterator[Path | str | InputError]:
    """Files in order: a directory recursively (readable suffixes only, sorted), a glob pattern's
    matches (sorted), ``-`` as itself."""
    for p in paths:
        p = str(p)
        path = Path(p)
        if p == STDIN:
            yield STDIN
        elif is_url(p):
            yield p
        elif path.is_dir():
            found = [f for f in path.rglob("*") if _readable_name(f)
                     and not any(part.startswith(".") for part in f.relative_to(path).parts)]
            files = sorted(f for f in found if f.is_file())
            # an article-named link that leads nowhere (or in a circle) is reported, not silently skipped
            dangling = sorted(f for f in found if f.is_symlink() and not f.exists())
            if not files and not dangling:
                yield InputError(p, "directory has no readable articles (.txt .md .html .jsonl)")
            yield from (_unreadable(str(f), f) for f in dangling)
            yield from files
        elif path.is_file():
            yield path
        elif _GLOB_CHARS & set(p):
            matches = sorted(Path(m) for m in glob.glob(p, recursive=True) if Path(m).is_file())
            if not matches:
                yield InputError(p, "no files match this pattern")
            yield from matches
        else:
            yield _unreadable(p, path)


def _readable_name(f: Path) -> bool:
    """A name a directory walk reads (``x.gz`` only as ``x.warc.gz``/``x.arc.gz``)."""
    return is_warc(f.name) or (f.suffix.lower() in SUFFIXES and f.suffix.lower() != ".gz")


def read_documents(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    english_only: bool = True,
    rules: str | Path | None = None,
    stdin: BinaryIO | None = None,
    corpus: bool = True,
    boilerplate_index: str | Path | None = None,
    late: Callable[[Document | InputError], None] | None = None,
) -> Iterator[Document | InputError]:
    items = _read_all(paths, max_bytes=max_bytes, english_only=english_only, rules=rules, stdin=stdin)
    if not corpus:
        yield from items
        return
    from kg.ingest.corpus import corpus_pass

    yield from corpus_pass(items, boilerplate_index, late=late)


def _read_all(
    paths: Iterable[str],
    *,
    max_bytes: int,
    english_only: bool,
    rules: str | Path | None,
    stdin: BinaryIO | None,
) -> Iterator[Document | InputError]:
    rules_path = Path(rules) if rules else None
    try:
        boilerplate(rules_path)  # a broken rule file is one error, not one per document
    except InputError as exc:
        yield exc
        return
    seen: dict[str, int] = {}
    web = _Web(max_bytes)
    try:
        for item in expand(paths):
            if isinstance(item, InputError):
                yield item
                continue
            try:
                for result in _read_one(item, max_bytes, english_only, rules_path, stdin, web):
                    if isinstance(result, Document):
                        result = _unique(result, seen)
                    yield result
            except InputError as exc:
                yield exc
            except OSError as exc:
                yield InputError(str(item), f"cannot read ({exc.strerror or exc})")
    finally:
        web.close()


class _Web:
    """The batch's one HTTP client, opened at the first URL or feed."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._fetcher = None

    @property
    def fetcher(self):
        if self._fetcher is None:
            from kg.ingest.web import Fetcher

            self._fetcher = Fetcher(self.max_bytes)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.__exit__(None, None, None)


def _looks_like_feed(raw: bytes) -> bool:
    from kg.ingest.web import looks_like_feed

    return looks_like_feed(raw)


def _unique(doc: Document, seen: dict[str, int]) -> Document:
    """Two files with one stem in different folders get ``stem``, ``stem-2``, ... (in path order)."""
    n = seen.get(doc.id, 0) + 1
    seen[doc.id] = n
    if n == 1:
        return doc
    from dataclasses import replace

    new_id = f"{doc.id}-{n}"
    seen[new_id] = 1
    return replace(doc, id=new_id)


def _read_bytes(item: Path | str, max_bytes: int, stdin: BinaryIO | None) -> bytes:
    limit = (f"over the {size_text(max_bytes)} limit for one article (a collection of articles? save it as "
             "JSONL, one article a line: the limit then applies to each line)")
    if item == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        raw = stream.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise InputError(STDIN, f"standard input is {limit}")
        return raw
    size = item.stat().st_size
    if size > max_bytes:
        raise InputError(str(item), f"file is {size_text(size)}, {limit}")
    return item.read_bytes()


def _read_url(url: str, web: _Web, common: dict) -> Iterator[Document | InputError]:
    from kg.ingest.feeds import read_feed
    from kg.ingest.web import decode_body, now, url_id

    page = web.fetcher.get(url)
    if page.is_feed:
        yield from read_feed(page.body, url, web.fetcher, **common)
        return
    if page.content_type and page.content_type not in ("text/html", "application/xhtml+xml", "text/plain"):
        raise InputError(url, f"not an article page or a feed (the server sent {page.content_type})")
    text = decode_body(page, url)
    common = {**common, "source_path": url}
    if page.content_type == "text/plain":
        yield build_document(text, doc_id=url_id(url), markdown="auto", preset=dict(url=url), fetched=now(),
                             **common)
    else:
        yield page_document(text, name=url, doc_id=url_id(url), url=url, fetched=now(), **common)


def _read_one(item: Path | str, max_bytes: int, english_only: bool, rules: Path | None,
              stdin: BinaryIO | None, web: _Web) -> Iterator[Document | InputError]:
    name = STDIN if item == STDIN else str(item)
    common = dict(english_only=english_only, rules=rules)
    if isinstance(item, str) and is_url(item):
        yield from _read_url(item, web, common)
        return
    if item != STDIN and is_warc(item.name):
        with open(item, "rb") as stream:
            yield from read_warc(stream, name, max_bytes, **common)
        return
    suffix = "" if item == STDIN else item.suffix.lower()
    if suffix in JSONL:  # one line at a time: a collection file is never held in memory whole
        yield from read_jsonl_file(item, name, item.stem, max_bytes, english_only=english_only, rules=rules,
                                   source_path=name)
        return
    raw = _read_bytes(item, max_bytes, stdin)
    if suffix in FEEDS or (suffix == ".xml" and _looks_like_feed(raw)):
        from kg.ingest.feeds import read_feed

        yield from read_feed(raw, name, web.fetcher, **common)
        return
    if not raw.strip():
        raise InputError(name, "file is empty")
    text, encoding = decode(raw, name)
    if not text.strip():
        raise InputError(name, "file is empty")
    stem = "stdin" if item == STDIN else item.stem
    common = dict(source_path=name, encoding=encoding, **common)
    if suffix not in HTML | MARKDOWN and looks_like_jsonl(text):
        yield from read_jsonl(text, name, stem, max_bytes, **common)
    elif suffix in HTML or (suffix not in MARKDOWN and looks_like_html(text)):
        yield page_document(text, name=name, doc_id=stem, **common)
    else:
        yield build_document(text, doc_id=stem, markdown="full" if suffix in MARKDOWN else "auto", **common)


def estimate_articles(paths: Iterable[str]) -> int | None:
    """How many articles the inputs hold, cheaply (files counted, JSONL lines counted, nothing parsed);
    None when it cannot be told (standard input)."""
    n = 0
    for item in expand(list(paths)):
        if isinstance(item, InputError):
            continue
        if not isinstance(item, Path):
            return None
        if item.suffix.lower() in JSONL:
            try:
                with open(item, "rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            except OSError:
                continue
        else:
            n += 1
    return n

"""JSONL collections: one article a line, ``{"text": ..., "title", "url", "date", "publisher",
"author", "id"}``. Each line becomes its own ``Document``; a bad line is an ``InputError`` naming the
line and the rest of the file is still read.

The metadata may also sit in a nested object (``"meta": {...}``, ``"metadata": {...}``) and go by the
names common exports use (``publication_date``, ``published_at``, ``headline``, ``authors``, a NewsAPI
``"source": {"name": ...}``); see ``_ALIASES``. A field at the top of the line wins over a nested one."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.build import build_document
from kg.ingest.metadata import date_value
from kg.records import Document

_ID_UNSAFE = re.compile(r"[^\w.-]+")
# each field's names in the shapes news exports come in, most specific first. "source" only counts when
# it is an object with a name (NewsAPI) or a plain string; dataset tags ("source_dataset") are not read.
_ALIASES = {
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url", "permalink", "uri"),
    "publisher": ("publisher", "site_name", "outlet", "publication", "source", "source_name", "sitename"),
    "author": ("author", "authors", "byline", "creator"),
    "date": ("date", "publication_date", "published", "published_at", "publishedAt", "date_published",
             "datePublished", "pubdate", "pub_date", "publish_date"),
}
_NESTED = ("meta", "metadata", "_meta", "article_meta")
# values that stand for "no value" in exported tables
_EMPTY = {"", "none", "null", "nan", "n/a", "unknown", "-"}


def looks_like_jsonl(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0].strip()
    if not first.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _safe_id(value) -> str | None:
    cleaned = _ID_UNSAFE.sub("-", str(value)).strip("-.")
    return cleaned[:120] or None


def _text(value) -> str | None:
    if isinstance(value, dict):  # {"name": "The Daily Planet", "id": ...}
        value = value.get("name")
    if isinstance(value, list):  # authors as a list, of names or of {"name": ...} objects
        value = ", ".join(t for t in (_text(v) for v in value) if t)
    if value is None or isinstance(value, (dict, bool)):
        return None
    text = str(value).strip()
    return None if text.casefold() in _EMPTY else text


def _layers(obj: dict) -> list[dict]:
    """The line itself, then its nested metadata objects."""
    return [obj] + [obj[k] for k in _NESTED if isinstance(obj.get(k), dict)]


def _fields(obj: dict) -> dict:
    found: dict = {}
    for name, aliases in _ALIASES.items():
        for layer in _layers(obj):
            for alias in aliases:
                value = layer.get(alias)
                if name == "date":
                    got = None if isinstance(value, (dict, list)) else date_value(value)
                else:
                    got = _text(value)
                if got:
                    found[name] = got
                    break
            if name in found:
                break
    return found


def read_jsonl(text: str, path: str, stem: str, max_bytes: int, **common) -> Iterator[Document | InputError]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield _line(line, lineno, path, stem, max_bytes, common)
        except InputError as exc:
            yield exc


def read_jsonl_file(file: Path, path: str, stem: str, max_bytes: int, **common) -> Iterator[Document | InputError]:
    """``read_jsonl`` of a file, read one line at a time: memory holds one article, however large the
    collection. Each line is decoded on its own (UTF-8, else cp1252), so one mis-encoded line does not
    change how the others read; a UTF-16 file is decoded whole, as its line ends are two bytes."""
    from kg.ingest.decode import SNIFF, decode, decode_line, line_encoding

    with open(file, "rb") as fh:
        encoding = line_encoding(fh.read(SNIFF), path)
        fh.seek(0)
        if encoding is None:
            text, encoding = decode(fh.read(), path, lines=True)
            yield from read_jsonl(text, path, stem, max_bytes, **{**common, "encoding": encoding})
            return
        empty = True
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1 and encoding == "utf-8-sig":
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            empty = False
            decoded = decode_line(raw.removesuffix(b"\n"))
            if decoded is None:
                yield InputError(path, f"line {lineno}: undecodable bytes (not UTF-8 or cp1252); line skipped")
                continue
            line, used = decoded
            used = encoding if used == "utf-8" else used  # "utf-8-sig": the file's mark, as a whole file records it
            try:
                yield _line(line, lineno, path, stem, max_bytes, {**common, "encoding": used})
            except InputError as exc:
                yield exc
    if empty:
        yield InputError(path, "file is empty")


def _line(line: str, lineno: int, path: str, stem: str, max_bytes: int, common: dict) -> Document:
    where = f"line {lineno}"
    if len(line.encode("utf-8")) > max_bytes:
        from kg.ingest import size_text

        raise InputError(path, f"{where}: article is over the {size_text(max_bytes)} limit")
    if "\x00" in line:
        raise InputError(path, f"{where}: contains a NUL byte (binary data, not JSON); line skipped")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        # some of json's messages end in "at" ("Invalid control character at"): no "at at column"
        raise InputError(path, f"{where}: not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})") \
            from None
    if not isinstance(obj, dict):
        raise InputError(path, f"{where}: expected a JSON object with a \"text\" field")
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(path, f"{where}: no \"text\" field (or it is empty)")
    preset = _fields(obj)
    doc_id = (_safe_id(obj["id"]) if obj.get("id") is not None else None) or f"{stem}-{lineno}"
    try:
        return build_document(body, doc_id=doc_id, markdown="auto", preset=preset, **common)
    except InputError as exc:
        raise type(exc)(path, f"{where}: {exc.reason}") from None

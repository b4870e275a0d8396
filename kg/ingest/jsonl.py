"""JSONL collections: one article a line, ``{"text": ..., "title", "url", "date", "publisher",
"author", "id"}``. Each line becomes its own ``Document``; a bad line is an ``InputError`` naming the
line and the rest of the file is still read."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from kg.errors import InputError
from kg.ingest.build import build_document
from kg.ingest.metadata import parse_date
from kg.records import Document

_ID_UNSAFE = re.compile(r"[^\w.-]+")
_FIELDS = ("title", "url", "publisher", "author")


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


def _field(obj: dict, name: str) -> str | None:
    value = obj.get(name)
    if isinstance(value, list):  # authors as a list
        value = ", ".join(str(v) for v in value if v)
    return str(value).strip() or None if value is not None else None


def read_jsonl(text: str, path: str, stem: str, max_bytes: int, **common) -> Iterator[Document | InputError]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield _line(line, lineno, path, stem, max_bytes, common)
        except InputError as exc:
            yield exc


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
    preset = {name: _field(obj, name) for name in _FIELDS}
    date = _field(obj, "date")
    preset["date"] = parse_date(date) if date else None
    doc_id = (_safe_id(obj["id"]) if obj.get("id") is not None else None) or f"{stem}-{lineno}"
    try:
        return build_document(body, doc_id=doc_id, markdown="auto", preset=preset, **common)
    except InputError as exc:
        raise type(exc)(path, f"{where}: {exc.reason}") from None

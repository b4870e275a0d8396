"""Ingestion: files and directories → cleaned ``Document`` records (issue 3 extends the readers).

``read_documents`` yields a ``Document`` or an ``InputError`` per input, so one bad file never
stops a batch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.records import Document

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def expand(paths: Iterable[str]) -> Iterator[Path | InputError]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not files:
                yield InputError(str(path), "directory has no readable articles (.txt .md .html .jsonl)")
            yield from files
        elif path.is_file():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")


def read_documents(paths: Iterable[str]) -> Iterator[Document | InputError]:
    for item in expand(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            raw = item.read_bytes()
            if not raw.strip():
                raise InputError(str(item), "file is empty")
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield InputError(str(item), "not UTF-8 text")
            continue
        except InputError as exc:
            yield exc
            continue
        text = text.strip()
        yield Document(id=item.stem, text=text, source_path=str(item), content_hash=content_hash(text))

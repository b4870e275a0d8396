"""Raw text → cleaned ``Document``: the cleaning steps in order, shared by every reader."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.errors import InputError, SkippedInput
from kg.ingest import clean, metadata
from kg.ingest.language import not_english
from kg.ingest.lexicon import boilerplate
from kg.ingest.markdown import strip_markdown
from kg.records import Document


def build_document(
    text: str,
    *,
    doc_id: str,
    source_path: str,
    encoding: str | None = None,
    markdown: str = "auto",
    preset: dict | None = None,
    english_only: bool = True,
    rules: Path | None = None,
    links: tuple[str, ...] = (),
    fetched: str | None = None,
) -> Document:
    """``markdown``: "full" (a Markdown file: all syntax), "auto" (links and images only, when the text
    has any), "none". ``preset``: metadata the container already gave (HTML meta, JSONL fields); what
    the text itself says only fills the gaps. ``links``: link targets the container already gave (HTML)."""
    text = clean.normalise_chars(text)
    found = metadata.Found(**{k: v for k, v in (preset or {}).items() if v})
    if markdown in ("full", "auto"):  # "auto" returns the text unchanged when it has no link or image
        text, md_links, removed = strip_markdown(text, full=markdown == "full")
        links = tuple(dict.fromkeys(links + md_links))
        found.removed.extend(removed)
    stripped = text
    paragraphs = clean.split_paragraphs(text)
    paragraphs = metadata.url_lines(paragraphs, found)
    paragraphs, removed = clean.remove_boilerplate(paragraphs, boilerplate(rules))
    found.removed.extend(removed)
    paragraphs = metadata.head(paragraphs, found)
    paragraphs = metadata.provenance_notices(paragraphs, found)
    paragraphs = metadata.bios(paragraphs, found)
    paragraphs = metadata.repeated_title(paragraphs, found)
    metadata.appeal_publisher(found)
    cleaned = clean.tidy(clean.join_broken(paragraphs))
    if not cleaned:
        raise InputError(source_path, f"no article text left after cleaning ({len(found.removed)} "
                                      f"boilerplate pieces removed); see `kg inspect {source_path}`")
    language = None
    problem = not_english(cleaned)
    if problem is None:
        language = "en"
    elif english_only:
        raise SkippedInput(source_path, f"not English ({problem}); skipped — kg extracts from English only")
    return Document(
        id=doc_id,
        text=cleaned,
        source_path=source_path,
        content_hash=hashlib.sha256(cleaned.encode("utf-8")).hexdigest(),
        title=found.title,
        url=found.url,
        date=found.date,
        publisher=found.publisher,
        author=found.author,
        language=language,
        encoding=encoding,
        links=links,
        first_published_in=tuple(found.first_published_in),
        removed=tuple(sorted(found.removed, key=lambda r: stripped.find(r.text.split("\n", 1)[0]))),
        fetched=fetched,
    )

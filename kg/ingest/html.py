"""HTML pages → main text and metadata with trafilatura (works whatever the page's layout)."""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import InputError
from kg.ingest.metadata import parse_date

MIN_WORDS = 20  # less main text than this is navigation, a paywall stub or a cookie notice


@dataclass(frozen=True)
class Page:
    text: str  # main text as Markdown (links kept), paragraphs separated by blank lines
    title: str | None
    url: str | None
    date: str | None
    publisher: str | None
    author: str | None


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head or "<head" in head)


def read_html(html: str, path: str) -> Page:
    try:
        import trafilatura  # slow import; only pages need it
    except ImportError as exc:  # trafilatura needs lxml_html_clean with lxml >= 5.2
        raise InputError(path, f"cannot read HTML: {exc} (pip install trafilatura lxml_html_clean)") from None

    text = trafilatura.extract(html, output_format="markdown", include_links=True, include_comments=False,
                               include_tables=False, include_images=False, favor_precision=True,
                               with_metadata=False, deduplicate=True)
    n_words = len(text.split()) if text else 0
    if n_words < MIN_WORDS:
        raise InputError(path, f"no article text found in the HTML page ({n_words} words of main text; an "
                               "index page or a script-rendered site? save the article text instead)")
    meta = trafilatura.extract_metadata(html)
    # trafilatura's Markdown puts one paragraph a line; blank lines make paragraphs explicit
    text = "\n\n".join(line for line in text.splitlines() if line.strip())
    get = (lambda name: getattr(meta, name, None) or None) if meta is not None else (lambda name: None)
    date = get("date")
    return Page(
        text=text,
        title=get("title"),
        url=get("url"),
        date=parse_date(date) if date else None,
        publisher=get("sitename"),
        author=get("author"),
    )

"""RSS and Atom feeds (``feedparser``): each entry's link is fetched and read as an article.

A feed is an argument URL that serves one, or a local ``.rss`` / ``.atom`` / ``.xml`` file whose first
element is ``<rss>``, ``<feed>`` or ``<rdf:RDF>``. The entry's title, date and author fill what the
article page itself does not state. A feed that parses to nothing, an entry without a link and an
entry whose page cannot be fetched are each one ``InputError``; the other entries are still read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from kg.errors import InputError
from kg.records import Document


@dataclass(frozen=True)
class Entry:
    link: str | None
    title: str | None
    date: str | None  # ISO date
    author: str | None


def parse_feed(raw: bytes, name: str) -> tuple[str | None, list[Entry]]:
    """``(feed title, entries)``, or ``InputError`` when ``raw`` is not a feed. Relative entry links are
    resolved against the feed's URL (when it was fetched) or else the feed's own ``<link>``."""
    import feedparser

    from kg.ingest.web import is_url

    parsed = feedparser.parse(raw)
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        why = getattr(parsed, "bozo_exception", None)
        raise InputError(name, f"not a readable RSS/Atom feed ({why or 'no entries'})")
    base = name if is_url(name) else (parsed.feed.get("link") or "")
    entries = []
    for e in parsed.entries:
        when = e.get("published_parsed") or e.get("updated_parsed")
        date = f"{when.tm_year:04d}-{when.tm_mon:02d}-{when.tm_mday:02d}" if when else None
        link = e.get("link") or None
        if link and base and not is_url(link):
            link = urljoin(base, link)
        entries.append(Entry(link=link, title=(e.get("title") or "").strip() or None, date=date,
                             author=(e.get("author") or "").strip() or None))
    return (parsed.feed.get("title") or "").strip() or None, entries


def read_feed(raw: bytes, name: str, fetcher, **common) -> Iterator[Document | InputError]:
    """The articles a feed links to, in feed order."""
    from kg.ingest.html import page_document
    from kg.ingest.web import decode_body, now, url_id

    title, entries = parse_feed(raw, name)
    if not entries:
        yield InputError(name, "feed has no entries")
        return
    for n, entry in enumerate(entries, 1):
        if not entry.link:
            yield InputError(name, f"entry {n} ({entry.title or 'untitled'}) has no link")
            continue
        try:
            page = fetcher.get(entry.link)
            fetched = now()
            yield page_document(decode_body(page, entry.link), name=entry.link, doc_id=url_id(entry.link),
                                url=entry.link, fetched=fetched, source_path=entry.link,
                                fallback=dict(title=entry.title, date=entry.date, author=entry.author,
                                              publisher=title), **common)
        except InputError as exc:
            yield exc

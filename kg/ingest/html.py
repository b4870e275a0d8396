"""HTML pages → main text and metadata with trafilatura (works whatever the page's layout).

The page is parsed once with lxml (``huge_tree``: deeply nested pages keep their text up to libxml2's
limit of about 2,000 levels instead of 255) and trafilatura's extraction is read as its XML tree, not
as Markdown: its Markdown escapes the text (``5*3`` → ``5\\*3``, ``[sic]`` → ``\\[sic\\]``), and
un-escaping that with patterns would guess. In the tree every text node is the page's own text.
Block elements (paragraphs, headings, list items, block quotes) become paragraphs; ``<ref>`` links
give ``Document.links``; line breaks stay line breaks.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import InputError
from kg.ingest.metadata import parse_date

MIN_WORDS = 20  # less main text than this is navigation, a paywall stub or a cookie notice
MAX_DEPTH = 2000  # libxml2 (huge_tree) stops nesting elements a little above this; deeper text is lost
# trafilatura's output elements that hold a paragraph of text
_BLOCKS = {"p", "head", "item", "quote", "code", "cell", "row"}


@dataclass(frozen=True)
class Page:
    text: str  # main text, paragraphs separated by blank lines (plain text: no Markdown)
    title: str | None
    url: str | None
    date: str | None
    publisher: str | None
    author: str | None
    links: tuple[str, ...] = ()


def page_document(html: str, *, name: str, doc_id: str, url: str | None = None, fetched: str | None = None,
                  fallback: dict | None = None, **common):
    """A ``Document`` from one HTML page. ``url``: where it was fetched from (wins over the page's own
    canonical URL); ``fetched``: when (ISO date-time); ``fallback``: metadata a feed entry or archive gave,
    used where the page says nothing (the date falls back to the fetch day)."""
    from kg.ingest.build import build_document

    page = read_html(html, name)
    preset = dict(title=page.title, url=url or page.url, date=page.date, publisher=page.publisher,
                  author=page.author)
    for key, value in (fallback or {}).items():
        preset[key] = preset.get(key) or value
    if not preset.get("date") and fetched:
        preset["date"] = parse_date(fetched)
    return build_document(page.text, doc_id=doc_id, markdown="none", preset=preset, links=page.links,
                          fetched=fetched, **common)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head or "<head" in head)


def _depth(tree) -> int:
    """Nesting depth of the parsed page (iterative: a recursive walk would hit Python's limit)."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        stack.extend((child, d + 1) for child in node)
    return deepest


def _inline(el, links: list[str]) -> str:
    """Text of one block element: its text nodes in order, ``<lb/>`` as a line break."""
    parts = [el.text or ""]
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "lb":
            parts.append("\n")
        elif tag in _BLOCKS or tag == "list":
            pass  # nested blocks are paragraphs of their own (walked by _blocks)
        else:
            if tag == "ref" and child.get("target"):
                links.append(child.get("target"))
            parts.append(_inline(child, links))
        parts.append(child.tail or "")
    return "".join(parts)


def _blocks(body, links: list[str]) -> list[str]:
    out: list[str] = []
    stack = [body]
    order: list = []
    while stack:  # document order, iteratively
        el = stack.pop()
        order.append(el)
        stack.extend(reversed([c for c in el if isinstance(c.tag, str)]))
    for el in order:
        if el.tag in _BLOCKS:
            text = "\n".join(ln.strip() for ln in _inline(el, links).split("\n"))
            if text.strip():
                out.append(text.strip())
    return out


def read_html(html: str, path: str) -> Page:
    try:
        import lxml.html
        import trafilatura  # slow import; only pages need it
        from trafilatura.deduplication import LRUCache
    except ImportError as exc:  # trafilatura needs lxml_html_clean with lxml >= 5.2
        raise InputError(path, f"cannot read HTML: {exc} (pip install trafilatura lxml_html_clean)") from None

    try:
        tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (ValueError, lxml.etree.ParserError) as exc:
        raise InputError(path, f"cannot parse the HTML page ({exc})") from None
    depth = _depth(tree)
    # a cache per page: trafilatura's default one is shared by the process, so a paragraph (or a whole
    # page) seen in earlier pages of a batch would vanish from later ones, depending on reading order
    doc = trafilatura.bare_extraction(tree, include_links=True, include_comments=False, include_tables=False,
                                      include_images=False, favor_precision=True, with_metadata=True,
                                      deduplicate=LRUCache(maxsize=4096))
    links: list[str] = []
    body = getattr(doc, "body", None) if doc is not None else None
    paragraphs = _blocks(body, links) if body is not None else []
    text = "\n\n".join(paragraphs)
    n_words = len(text.split())
    if n_words < MIN_WORDS:
        if depth >= MAX_DEPTH:
            raise InputError(path, f"HTML nested deeper than {MAX_DEPTH} elements: the parser cannot reach the "
                                   "text; save the article text instead")
        raise InputError(path, f"no article text found in the HTML page ({n_words} words of main text; an "
                               "index page or a script-rendered site? save the article text instead)")
    get = lambda name: getattr(doc, name, None) or None  # noqa: E731
    date = get("date")
    return Page(
        text=text,
        title=get("title"),
        url=get("url"),
        date=parse_date(date) if date else None,
        publisher=get("sitename"),
        author=get("author"),
        links=tuple(dict.fromkeys(link for link in links if link and not link.startswith("#"))),
    )

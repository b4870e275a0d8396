"""Markdown → plain text with ``markdown-it-py`` (a CommonMark parser), keeping link targets as metadata.

Two modes:

* ``full=True`` for ``.md`` files: the whole CommonMark syntax (plus tables and strikethrough).
  Headings, list items, block quotes and code blocks become paragraphs of their own; emphasis, code
  marks, formatting tags (``<b>``, ``<span>``) and rules go; other inline HTML stays as literal text;
  backslash escapes and entities are resolved (``5\\*3`` → ``5*3``).
* ``full=False`` for text files that contain Markdown links (scraped articles often do:
  ``[said](#)``): only links, images, autolinks and reference definitions are parsed; every other
  character — ``*``, ``_``, ``#``, backslashes, ``&amp;`` — is the author's text and stays as written.

Link text stays in the article; the target goes to ``Document.links`` unless it is empty or a bare
``#`` placeholder. Images are dropped (their alt text is a caption, not article text) and listed as
removed. Text without any link, image or reference definition is returned unchanged.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kg.records import Removed

# block tokens whose inline content is a paragraph of its own
_TEXT_BLOCKS = {"paragraph_open", "heading_open", "th_open", "td_open"}
# inline HTML tags that only format text: dropped. Any other inline markup (<img>, <script>, <iframe>) stays
# as the literal text it is, visible to a reader, rather than silently hidden or interpreted
_FORMATTING = {"a", "abbr", "b", "big", "br", "cite", "del", "em", "font", "i", "ins", "kbd", "mark", "q", "s",
               "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "wbr"}
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_LINK_RULES = ["link", "image", "autolink", "reference"]


@cache
def _parser(full: bool) -> MarkdownIt:
    if full:
        return MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return MarkdownIt("zero").enable(_LINK_RULES)


def _real_target(target: str) -> bool:
    return bool(target) and not target.startswith("#") and not target.lower().startswith("javascript:")


def _parse(text: str, full: bool) -> tuple[list[Token], dict]:
    env: dict = {}
    return _parser(full).parse(text, env), env


def _has_links(tokens: list[Token], env: dict) -> bool:
    return bool(env.get("references")) or any(
        c.type in ("link_open", "image") for t in tokens if t.type == "inline" for c in t.children or ())


def looks_like_markdown(text: str) -> bool:
    """The text has a Markdown link, image, autolink or reference definition."""
    return ("[" in text or "<" in text) and _has_links(*_parse(text, full=False))


def _inline(children: list[Token], links: list[str], removed: list[Removed], full: bool) -> str:
    out: list[str] = []
    for c in children:
        if c.type in ("text", "code_inline"):
            out.append(c.content)
        elif c.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif c.type == "link_open":
            href = str(c.attrs.get("href") or "")
            if _real_target(href):
                links.append(href)
        elif c.type == "image":
            src = str(c.attrs.get("src") or "")
            removed.append(Removed(f"![{c.content}]({src})", "markdown image"))
        elif c.type == "html_inline":
            name = _TAG_NAME.match(c.content)
            if not (full and name and name.group(1).lower() in _FORMATTING):
                out.append(c.content)
    return "".join(out)


def _html_block(html: str) -> str:
    """The text of a raw HTML block inside Markdown (tags dropped)."""
    import lxml.html

    try:
        return lxml.html.fragment_fromstring(html, create_parent="div").text_content().strip()
    except Exception:  # lxml raises several error types on fragments that are not HTML at all
        return ""


def strip_markdown(text: str, full: bool = True) -> tuple[str, tuple[str, ...], list[Removed]]:
    """Return ``(plain_text, link_targets, removed)``; paragraphs are separated by blank lines."""
    links: list[str] = []
    removed: list[Removed] = []
    if not full and "[" not in text and "<" not in text:  # every link, image and reference has one of these
        return text, (), removed
    tokens, env = _parse(text, full)
    if not full and not _has_links(tokens, env):
        return text, (), removed
    blocks: list[str] = []
    row: list[str] | None = None
    for i, t in enumerate(tokens):
        if t.type == "tr_open":
            row = []
        elif t.type == "tr_close" and row is not None:
            blocks.append(" | ".join(cell for cell in row if cell))
            row = None
        elif t.type == "inline" and i > 0 and tokens[i - 1].type in _TEXT_BLOCKS:
            content = _inline(t.children or [], links, removed, full).strip()
            if row is not None:
                row.append(content)
            elif content:
                blocks.append(content)
        elif t.type in ("code_block", "fence") and t.content.strip():
            blocks.append(t.content.strip("\n"))
        elif t.type == "html_block":
            content = _html_block(t.content)
            if content:
                blocks.append(content)
    for ref in (env.get("references") or {}).values():
        href = str(ref.get("href") or "")
        if _real_target(href):
            links.append(href)
    return "\n\n".join(blocks), tuple(dict.fromkeys(links)), removed

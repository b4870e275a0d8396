"""Markdown syntax → plain text, keeping link targets as metadata.

Applied to ``.md`` files and to text files that contain Markdown links (scraped articles often do:
``[said](#)``). Link text stays in the article; the target goes to ``Document.links`` unless it is
empty or a bare ``#`` placeholder. Images are dropped (their alt text is a caption, not article text).
"""

from __future__ import annotations

import re

from kg.records import Removed

_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
_LINK = re.compile(r"\[([^\]]+)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+[\"'(].*)?$", re.M)
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+)>")
_HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$", re.M)
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$", re.M)
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$", re.M)
_BLOCKQUOTE = re.compile(r"^ {0,3}> ?", re.M)
_BULLET = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])\s+", re.M)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")
_HTML_TAG = re.compile(r"</?(?:a|b|i|em|strong|span|u|br|sup|sub)\b[^>]*>", re.I)


def looks_like_markdown(text: str) -> bool:
    return bool(_LINK.search(text) or _IMAGE.search(text) or _AUTOLINK.search(text) or _REF_DEF.search(text))


def _real_target(target: str) -> bool:
    return bool(target) and not target.startswith("#") and not target.lower().startswith("javascript:")


def strip_markdown(text: str, full: bool = True) -> tuple[str, tuple[str, ...], list[Removed]]:
    """Return ``(plain_text, link_targets, removed)``.

    ``full=False`` only removes links, images and autolinks (safe on any text); ``full=True`` also
    removes headings, emphasis, lists, block quotes and rules (for real ``.md`` input).
    """
    links: list[str] = []
    removed: list[Removed] = []

    def image(m: re.Match) -> str:
        removed.append(Removed(m.group(0), "markdown image"))
        return ""

    def link(m: re.Match) -> str:
        if _real_target(m.group(2)):
            links.append(m.group(2))
        return m.group(1)

    def ref_def(m: re.Match) -> str:
        if _real_target(m.group(1)):
            links.append(m.group(1))
        return ""

    def autolink(m: re.Match) -> str:
        links.append(m.group(1))
        return m.group(1)

    text = _IMAGE.sub(image, text)
    text = _REF_DEF.sub(ref_def, text)
    text = _LINK.sub(link, text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(autolink, text)
    if full:
        text = _HEADING.sub(r"\1", text)
        text = _RULE.sub("", text)
        text = _SETEXT.sub("", text)
        text = _BLOCKQUOTE.sub("", text)
        text = _BULLET.sub("\n", text)  # a list item is a paragraph of its own
        text = _CODE.sub(r"\1", text)
        text = _HTML_TAG.sub("", text)
        for _ in range(2):  # nested emphasis: ***x*** and **_x_**
            text = _STRONG.sub(r"\2", text)
            text = _EMPH.sub(r"\2", text)
    return text, tuple(dict.fromkeys(links)), removed

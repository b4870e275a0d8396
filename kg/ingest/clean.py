"""Text hygiene: characters, paragraphs, boilerplate. Everything removed is returned as ``Removed``.

Paragraphs are the unit: the quote extractor recovers quotes per paragraph, and boilerplate (a share
button, a caption, a related-stories list) is always a whole paragraph or a paragraph's tail.
"""

from __future__ import annotations

import re
import unicodedata

from kg.ingest.lexicon import Marker
from kg.records import Removed

# zero-width characters and soft hyphens that scrapers leave inside words, and C0 control characters
# (NUL, escape, ...; a JSON string can carry them as \u0000) that no article text contains
_INVISIBLE = dict.fromkeys([*map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), *range(0, 9), *range(14, 32), 127],
                           None)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# a paragraph that ends with one of these is complete; otherwise a hard line break may have cut it
_TERMINAL = tuple(".!?:;…\"”’'»)]")
# sentence starts inside a paragraph, where a credit like "Picture: X / Y" can begin
_SENTENCE_START = re.compile(r"[.!?…][\"”’')]?\s+")
# a paragraph this short that ends in an image credit is the caption itself
CAPTION_MAX = 300
# a footer marker only cuts the rest of the document when it starts in its second half, or after this
# much text (a long appeal or related list can outweigh a short article)
TAIL_FROM = 0.5
TAIL_AFTER_CHARS = 1500


def normalise_chars(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _SPACES.sub(" ", text)


def _complete(paragraph: str) -> bool:
    return paragraph.rstrip().endswith(_TERMINAL)


def _hard_wrapped(lines: list[str]) -> bool:
    """Fixed-width wrapping (e-mail, 72-column text): every line but the last fills most of the width."""
    if len(lines) < 3:
        return False
    width = max(len(ln) for ln in lines)
    body = lines[:-1]
    return width <= 100 and all(len(ln) >= 0.6 * width for ln in body) and \
        sum(not _complete(ln) for ln in body) * 2 >= len(body)


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs. Inside a block, a line is its own paragraph (exports with one
    paragraph a line, like a copy-paste from a browser) unless the block is hard-wrapped or the next line
    plainly continues the sentence (starts lower-case after an unfinished line)."""
    out: list[str] = []
    for block in _BLANK_LINE.split(text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if _hard_wrapped(lines):
            out.append(" ".join(lines))
            continue
        current = lines[0]
        for line in lines[1:]:
            if not _complete(current) and line[0].islower():
                current = f"{current} {line}"
            else:
                out.append(current)
                current = line
        out.append(current)
    return out


def join_broken(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with the next one when that starts lower-case: a blank
    line inside a sentence (``"... This\\n\\nwill give us ..."``) is a scraping artefact, and splitting
    there would cut a quote in two."""
    out: list[str] = []
    for p in paragraphs:
        if out and not _complete(out[-1]) and p[:1].islower():
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def _suffix(marker: Marker, paragraph: str) -> str | None:
    """The longest tail of ``paragraph``, starting at a sentence start, that the marker matches whole."""
    starts = [0] + [m.end() for m in _SENTENCE_START.finditer(paragraph)]
    for start in starts:
        if marker.pattern.fullmatch(paragraph, start):
            return paragraph[start:]
    return None


def remove_boilerplate(paragraphs: list[str], markers: tuple[Marker, ...]) -> tuple[list[str], list[Removed]]:
    total = sum(len(p) for p in paragraphs) or 1
    kept: list[str] = []
    removed: list[Removed] = []
    seen = 0
    for i, p in enumerate(paragraphs):
        position = seen / total
        seen += len(p)
        verdict = _judge(p, markers)
        if verdict is None:
            kept.append(p)
            continue
        action, reason, cut = verdict
        if action == "tail" and (position >= TAIL_FROM or seen - len(p) >= TAIL_AFTER_CHARS):
            removed.append(Removed("\n\n".join(paragraphs[i:]), reason))
            break
        if cut is None or cut == p:
            removed.append(Removed(p, reason))
            continue
        removed.append(Removed(cut, reason))
        kept.append(p[: len(p) - len(cut)].rstrip())
    return kept, removed


def _judge(p: str, markers: tuple[Marker, ...]) -> tuple[str, str, str | None] | None:
    """``(action, reason, text to cut or None for the whole paragraph)`` of the first marker that fires."""
    for m in markers:
        if m.action in ("para", "tail"):
            if m.pattern.fullmatch(p):
                return m.action, m.reason, None
        elif m.action == "contains":
            if m.pattern.search(p):
                return m.action, m.reason, None
        else:
            cut = _suffix(m, p)
            if cut is None:
                continue
            if m.action == "caption" and len(p) <= CAPTION_MAX:
                return m.action, m.reason, None
            if m.action == "caption" and cut != p:
                return m.action, "image credit", cut
            return m.action, m.reason, cut
    return None


def tidy(paragraphs: list[str]) -> str:
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())

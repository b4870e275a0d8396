"""Bytes → text: reject binary files, detect the encoding, and say which one was used.

Order (the first that works wins): a byte-order mark (UTF-8, UTF-16), UTF-16 without a mark (NUL in
every other byte), plain UTF-8, then cp1252 — the Windows Latin encoding most mis-labelled "ANSI" news
exports use. A cp1252 fallback is a success; bytes that are not even cp1252 are an ``InputError``.
"""

from __future__ import annotations

import codecs

from kg.errors import InputError

# file signatures of formats people drop into an article folder by mistake; named in the error message
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"{\\rtf", "RTF document"),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# control characters that never occur in text (tab, newline, carriage return, form feed are fine)
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))
SNIFF = 8192


def decode(raw: bytes, path: str, lines: bool = False) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise ``InputError`` naming ``path``. ``lines``: a JSONL file, where
    one NUL byte only spoils its own line (the JSONL reader reports that line), not the whole file."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(path, f"starts with a {encoding} byte-order mark but is not {encoding} "
                                       f"(bad byte at offset {exc.start})") from None
    _refuse_magic(raw, path)
    head = raw[:SNIFF]
    bomless = _utf16_without_bom(head)
    if bomless:
        try:
            return raw.decode(bomless), bomless
        except UnicodeDecodeError:
            pass
    _refuse_control(head, path, lines)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise InputError(path, f"undecodable bytes: not UTF-8, UTF-16 or cp1252 (bad byte "
                               f"0x{raw[exc.start]:02x} at offset {exc.start}); re-save it as UTF-8") from None


def line_encoding(head: bytes, path: str) -> str | None:
    """How to decode a JSONL file line by line, judged from its first bytes: ``"utf-8-sig"`` (a UTF-8
    byte-order mark, on the first line only) or ``"utf-8"`` (each line tried as UTF-8, then cp1252, as
    ``decode`` does for a whole file); None for UTF-16, whose lines the caller decodes with the whole file.
    ``InputError`` for the binary files ``decode`` refuses (a NUL byte only spoils its own line)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head):
        return None
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    _refuse_magic(head, path)
    _refuse_control(head, path, lines=True)
    return "utf-8"


def _refuse_magic(head: bytes, path: str) -> None:
    """``InputError`` for a file that opens with a binary format's signature."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise InputError(path, f"binary file ({kind}), not an article; convert it to text first")


def _refuse_control(head: bytes, path: str, lines: bool) -> None:
    """``InputError`` for a file whose first bytes hold a NUL (unless ``lines``: in JSONL it spoils one line)
    or more than 5% control bytes."""
    if (b"\x00" in head and not lines) or sum(b in _CONTROL for b in head) > len(head) * 0.05:
        raise InputError(path, "binary file (contains NUL/control bytes), not an article")


def decode_line(raw: bytes) -> tuple[str, str] | None:
    """One line of a UTF-8 (or, failing that, cp1252) JSONL file: ``(text, encoding)``, None when undecodable."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: ASCII letters leave a NUL in every other byte."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None

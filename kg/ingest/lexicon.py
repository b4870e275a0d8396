"""Loading the rule files under ``kg/ingest/rules/`` (see each file's header for its format)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.errors import InputError

RULES_DIR = Path(__file__).parent / "rules"
ACTIONS = ("para", "tail", "contains", "caption", "strip")


@dataclass(frozen=True)
class Marker:
    action: str
    reason: str
    pattern: re.Pattern


def _lines(path: Path) -> list[str]:
    return [ln.rstrip("\n") for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def words(name: str) -> frozenset[str]:
    """A one-word-a-line list, lower-cased."""
    return frozenset(ln.strip().lower() for ln in _lines(RULES_DIR / name))


def _compile(path: Path, lineno: int, regex: str) -> re.Pattern:
    try:
        return re.compile(regex, re.IGNORECASE)
    except re.error as exc:
        raise InputError(str(path), f"rule {lineno}: bad regular expression ({exc})") from None


def read_markers(path: Path) -> tuple[Marker, ...]:
    markers = []
    try:
        lines = _lines(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the rule file ({getattr(exc, 'strerror', None) or exc})") from None
    for lineno, line in enumerate(lines, 1):
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in ACTIONS:
            raise InputError(str(path), f"rule {lineno}: expected ACTION<TAB>REASON<TAB>REGEX with ACTION one "
                                        f"of {', '.join(ACTIONS)}; got {line[:60]!r}")
        action, reason, regex = parts
        markers.append(Marker(action, reason, _compile(path, lineno, regex)))
    return tuple(markers)


@cache
def boilerplate(extra: Path | None = None) -> tuple[Marker, ...]:
    """Built-in markers, then the user's (``extra``), in file order."""
    markers = read_markers(RULES_DIR / "boilerplate.tsv")
    return markers + read_markers(extra) if extra else markers


@cache
def provenance() -> tuple[tuple[str, re.Pattern], ...]:
    path = RULES_DIR / "provenance.tsv"
    out = []
    for lineno, line in enumerate(_lines(path), 1):
        kind, regex = line.split("\t")
        out.append((kind, _compile(path, lineno, regex)))
    return tuple(out)

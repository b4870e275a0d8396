"""One token that holds a prefix, a number and a suffix: spaCy keeps "Y=5,182", "PS21,700", "USD1,700",
"50mph", "1.38pc", "-1.6", "+0.2", "1⁄32" and "32m2" whole.

``split_glued("PS21,700") == Glued("PS", 1.0, "21,700", "")``; the caller decides what prefix and
suffix mean (a currency, a scale suffix, a unit) with the lexicons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_GLUED = re.compile(
    r"^(?P<pre>[^\d.+\-−]*?)(?P<sign>[+\-−]?)(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?P<suf>\D.*)?$"
)
# a range written as one token ("42–48", "2609–2613", "∼1.5–3"): spaCy keeps an en or em dash between digits
_RANGE = re.compile(r"^(?P<pre>[∼~≈]?)(?P<a>\d+(?:\.\d+)?)[–—](?P<b>\d+(?:\.\d+)?)(?P<suf>%?)$")
# signs written onto a number that qualify it ("∼56", "~10", "≥7.0", "<20")
SIGN_QUALIFIERS = {"∼": "approx", "~": "approx", "≈": "approx", ">": "over", "<": "under", "≥": "at_least",
                   "≤": "at_most"}
_FRACTION = re.compile(r"^(\d{1,3})[⁄/](\d{1,4})$")
MAX_DIGITS = 30  # more digits than any real quantity has: "1" followed by 400 zeros is not a claim


@dataclass(frozen=True)
class Glued:
    prefix: str
    sign: float
    number: str  # the digits as written ("21,700")
    suffix: str


def split_glued(text: str) -> Glued | None:
    m = _GLUED.match(text)
    if m is None or len(m.group("num").replace(",", "").replace(".", "")) > MAX_DIGITS:
        return None
    sign = -1.0 if m.group("sign") in ("-", "−") else 1.0
    return Glued(m.group("pre"), sign, m.group("num"), m.group("suf") or "")


def fraction(text: str) -> float | None:
    """'1⁄32' → 0.03125, '3/4' → 0.75 (numerator below denominator, else None: "24/7" is no fraction)."""
    m = _FRACTION.match(text)
    if m is None:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    return a / b if 0 < a < b else None


def split_range(text: str) -> tuple[str, float, float, str] | None:
    """'42–48' → ('', 42.0, 48.0, ''), '∼1.5–3' → ('∼', 1.5, 3.0, ''), '10–15%' → ('', 10, 15, '%'); None when
    the token is no range or the first value is not below the second ("3–1" is a score)."""
    m = _RANGE.match(text)
    if m is None or max(len(m.group("a")), len(m.group("b"))) > MAX_DIGITS:
        return None
    a, b = float(m.group("a")), float(m.group("b"))
    return (m.group("pre"), a, b, m.group("suf")) if a < b else None

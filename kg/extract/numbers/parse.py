"""Surface forms of numbers → values, plus the number lexicons under ``kg/extract/rules/``.

Pure string functions (no spaCy): ``parse_number("1.6 million") == 1_600_000``, ``parse_number("a
thousand") == 1000``, ``vague_range("tens of thousands") == (10_000, 100_000)``,
``parse_value("38%") == (0.38, "%")``. The extractor (``kg.extract.quantities``) and ``kg trace`` both
use them, so "1,400", "1400" and "1.4 thousand" are the same value everywhere.

Conventions: a percentage is stored as a fraction with unit "%" (38% → 0.38), a ratio ("one in two")
as a fraction with unit "ratio", money as the amount with an ISO currency code ("$415" → 415, "USD").
"""

from __future__ import annotations

import math
import re
from functools import cache

from kg.extract.lexicon import rule_rows, rule_section

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
_DIGITS_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$")
_SPLIT = re.compile(r"[\s\-–]+")


@cache
def words() -> dict[str, tuple[float, str]]:
    """word → (value, kind) with kind "plain", "scale", "suffix" or "fraction"."""
    return {row[0]: (float(row[1]), row[2] if len(row) > 2 else "plain") for row in rule_rows("number_words.txt")}


@cache
def qualifiers() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """(phrase tokens, qualifier, "before"|"after"), longest phrase first."""
    rows = [(tuple(r[0].split()), r[1], r[2] if len(r) > 2 else "before") for r in rule_rows("qualifiers.txt")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def vague() -> tuple[tuple[tuple[str, ...], float, float], ...]:
    """(phrase tokens, low, high), longest phrase first."""
    rows = [(tuple(r[0].split()), float(r[1]), float(r[2])) for r in rule_rows("number_vague.txt")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def units() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """(surface tokens, unit, "before"|"after"), longest first: the rows of number_units.txt, then the
    English currency names of the Unicode CLDR (through Babel) that the file does not list."""
    rows = [(tuple(r[0].split()), r[1], r[2]) for r in rule_rows("number_units.txt")]
    listed = {r[0] for r in rows}
    rows += [(tuple(name.split()), code, "after") for name, code in currency_names()
             if tuple(name.split()) not in listed]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def units_by_word(pos: str) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The units written ``pos`` ("before"/"after") the number, indexed by the word next to the number (the
    last word of a "before" surface, the first of an "after" one), longest surface first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for surface, unit, p in units():
        if p == pos:
            out.setdefault(surface[-1] if pos == "before" else surface[0], []).append((surface, unit))
    return {k: tuple(v) for k, v in out.items()}


@cache
def currency_names() -> tuple[tuple[str, str], ...]:
    """(lower-case English name, ISO 4217 code) of every current and historic currency in the CLDR data that
    Babel ships: "danish kroner" → DKK, "brazilian reals" → BRL, "uae dirhams" → AED. Only names of two or
    more words: a one-word name ("rand", "won", "real") is a common word too, so those stay hand-listed in
    number_units.txt with their context."""
    from babel import Locale
    from babel.numbers import get_currency_name

    out: dict[str, str] = {}
    for code in sorted(Locale("en").currencies):
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            if len(name.split()) >= 2 and "(" not in name and name not in out:
                out[name] = code
    return tuple(sorted(out.items()))


@cache
def context(section: str) -> frozenset[str]:
    """One ``[section]`` of rules/number_context.txt as a set of lower-case entries."""
    return rule_section("number_context.txt", section)


def is_digits(text: str) -> bool:
    """'1,400', '1400', '1.6', '0.2' (not '1.400.000', not '3rd')."""
    return bool(_DIGITS.match(text))


def is_number_word(text: str) -> bool:
    low = text.lower()
    if low in words() and words()[low][1] in ("plain", "scale"):
        return True
    m = _DIGITS_SUFFIX.match(low)
    return bool(m and words().get(m.group(2), (0, ""))[1] == "suffix")


def is_scale_word(text: str) -> bool:
    return words().get(text.lower(), (0, ""))[1] == "scale"


def parse_number(text: str) -> float | None:
    """The value of a cardinal written in digits, words or both; None if it is not one.

    '1,400' → 1400, '1.6 million' → 1.6e6, 'a thousand' → 1000, 'twenty-five' → 25,
    'one hundred and twenty' → 120, '3bn' → 3e9, 'two dozen' → 24.
    """
    parts = [p for p in _SPLIT.split(text.strip().lower()) if p and p != "and"]
    if not parts:
        return None
    if parts[0] in ("a", "an") and len(parts) > 1 and is_scale_word(parts[1]):
        parts[0] = "one"
    total = 0.0
    current: float | None = None
    for part in parts:
        if is_digits(part):
            if current is not None:
                return None
            current = float(part.replace(",", ""))
            continue
        m = _DIGITS_SUFFIX.match(part)
        if m and words().get(m.group(2), (0, ""))[1] == "suffix":
            if current is not None:
                return None
            current = float(m.group(1)) * words()[m.group(2)][0]
            continue
        entry = words().get(part)
        if entry is not None and entry[1] == "suffix" and len(part) >= 2 and current is not None:
            total += current * entry[0]  # "17 mln", "1.5 bn"
            current = None
            continue
        if entry is None or entry[1] in ("suffix", "fraction"):
            return None
        value, kind = entry
        if kind == "scale":
            base = 1.0 if current is None else current
            if value >= 1000:
                total += base * value
                current = None
            else:
                current = base * value
        else:
            current = (current or 0.0) + value
    value = total + (current or 0.0)
    return value if math.isfinite(value) else None  # "1" and 400 zeros overflows a float: no value


def is_fraction_word(text: str) -> bool:
    return words().get(text.lower(), (0, ""))[1] == "fraction"


def parse_fraction(text: str) -> float | None:
    """'half' → 0.5, 'a third' → 1/3, 'two-thirds' → 2/3; None if it is not a fraction."""
    parts = [p for p in _SPLIT.split(text.strip().lower()) if p]
    if not parts or not is_fraction_word(parts[-1]):
        return None
    share = words()[parts[-1]][0]
    if len(parts) == 1:
        return share if parts[0].startswith("half") else None
    numerator = 1.0 if parts[:-1] in (["a"], ["an"]) else parse_number(" ".join(parts[:-1]))
    return None if numerator is None else numerator * share


def vague_range(text: str) -> tuple[float, float] | None:
    """'tens of thousands' → (10000, 100000); None when the phrase is not in number_vague.txt."""
    toks = tuple(text.strip().lower().split())
    for phrase, low, high in vague():
        if toks == phrase:
            return low, high
    return None


def parse_value(text: str) -> tuple[float, str | None] | None:
    """A value typed by a user ('1,400', '1.4 thousand', '38%', '$415', 'one in two') → (value, unit).

    Same conventions as the extractor: percentages as fractions, ratios as fractions, money in ISO codes.
    """
    s = " ".join(text.strip().split())
    if not s:
        return None
    low = s.lower()
    fraction = parse_fraction(low)
    if fraction is not None:
        return fraction, "ratio"
    ratio = re.match(r"^(.+?)\s+(?:in|out of)\s+(.+)$", low)
    if ratio:
        a, b = parse_number(ratio.group(1)), parse_number(ratio.group(2))
        if a is not None and b:
            return a / b, "ratio"
    unit = None
    for surface, code, pos in units():
        sym = " ".join(surface)
        if pos == "before" and low.startswith(sym):
            low, unit = low[len(sym):].strip(), code
            break
        if pos == "after" and low.endswith(sym) and (len(sym) == 1 or low[: -len(sym)].endswith(" ")
                                                     or not sym.isalpha()):
            low, unit = low[: -len(sym)].strip(), code
            break
    sign = -1.0 if low[:1] in ("-", "−") else 1.0
    value = parse_number(low.lstrip("-−"))
    if value is None:
        return None
    value *= sign
    if unit == "%":
        value = value / 100.0
    return value, unit


def format_value(value: float, unit: str | None = None, value_max: float | None = None) -> str:
    """A value as a person writes it: 1400 → '1,400', (0.38, '%') → '38%', (415, 'USD') → '415 USD'."""

    def one(v: float) -> str:
        if unit in ("%", "ratio"):
            v = v * 100
        if float(v).is_integer():
            return f"{int(v):,}"
        return f"{v:,.4f}".rstrip("0").rstrip(".")

    text = one(value) if value_max is None else f"{one(value)}–{one(value_max)}"
    if unit in ("%", "ratio"):
        return text + "%"
    return f"{text} {unit}" if unit else text

"""Units: currencies → ISO 4217, percent and percentage points, units of measure through ``pint``.

Conventions (the same in the claims JSONL, the RDF and ``kg trace``):

- a **percentage** is a fraction with unit ``"%"`` (38% → 0.38); in RDF it gets ``schema:unitCode "P1"``
  (UN/CEFACT "percent"), and ``format_value`` prints it back as "38%";
- a change in **percentage points** keeps its figure with unit ``"pp"`` (0.25 pp → 0.25): points are not a
  share of anything, so they never compare with percentages;
- **money** is the amount in the currency's ISO 4217 code (``"$415"`` → 415 ``"USD"``, "12 cts" → 0.12 USD,
  "118.5p" → 1.185 GBP); in RDF ``schema:currency``;
- a **unit of measure** is pint's canonical name (``"50mph"`` → ``"mile_per_hour"``, ``"278kg"`` →
  ``"kilogram"``), in RDF with its UN/CEFACT common code from ``rules/number_unit_codes.tsv`` when it has one.

pint (BSD licence) is used for its maintained registry of unit names, symbols, plurals and prefixes
(``km``, ``kWh``, ``mAh``, ``gigawatts``); ``rules/number_measure_aliases.tsv`` adds the news forms it
lacks (``mpg``, ``bhp``, ``sq ft``, ``km/hr``) and ``rules/number_measure_stop.txt`` the words it reads as
units that news uses as plain nouns ("points", "bars", "units").
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.lexicon import rule_rows, rule_words

PERCENT = "%"
PERCENT_POINT = "pp"
# dimensions a measured quantity of news has; pint's dimensionless curiosities (turns, bits of angle) are not
_DIMENSIONS = {"[length]", "[mass]", "[time]", "[temperature]", "[length] ** 2", "[length] ** 3",
               "[length] / [time]", "[mass] * [length] ** 2 / [time] ** 3", "[mass] * [length] ** 2 / [time] ** 2",
               "[length] ** 2 * [mass] / [time] ** 2",
               "[length] ** 2 * [mass] / [time] ** 3", "1 / [time]", "[mass] / [length] / [time] ** 2",
               "[current] * [time]"}
_INFORMATION = {"byte", "bit"}
# units an SI or binary prefix is written onto in news and reports ("km", "GWh", "mAh", "GB", "Ma", "kcal")
_PREFIXABLE = {"meter", "metre", "gram", "liter", "litre", "watt", "watt_hour", "hertz", "volt", "ampere",
               "ampere_hour", "byte", "bit", "second", "joule", "pascal", "calorie", "electron_volt", "tesla",
               "year", "newton", "ohm", "mole", "metric_ton", "tonne", "baud", "bit_per_second", "gray", "sievert",
               "becquerel", "barn", "molar"}
# exa and above measure only data in news ("3 EB of storage"); "12 El Camino Court" is no exa-litre
_HUGE_PREFIXES = {"exa", "zetta", "yotta", "ronna", "quetta"}
_ALSO = {"degree", "mile_per_gallon", "permille"}  # angle or temperature; fuel economy; per mille


@cache
def _registry():
    import pint

    return pint.UnitRegistry(cache_folder=None)


@cache
def _aliases() -> dict[str, str]:
    """news surface (lower case unless it is case-sensitive) → pint expression."""
    return {r[0]: r[1] for r in rule_rows("number_measure_aliases.tsv")}


@cache
def _stop() -> frozenset[str]:
    return frozenset(rule_words("number_measure_stop.txt"))


@cache
def _codes() -> dict[str, str]:
    return {r[0]: r[1] for r in rule_rows("number_unit_codes.tsv")}


@cache
def _currencies() -> dict[str, str]:
    """surface (lower case, no spaces) → ISO code, from the currency rows of number_units.txt."""
    out = {}
    for r in rule_rows("number_units.txt"):
        code = r[1]
        if len(code) == 3 and code.isupper():
            out[r[0].replace(" ", "")] = code
    return out


def currency_code(surface: str) -> str | None:
    """'US$' → 'USD', 'PS' → 'GBP', 'Y=' → 'JPY', 'dlrs' → 'USD'; None when it is no currency."""
    return _currencies().get(surface.lower().replace(" ", ""))


def _pint_name(expr: str) -> str | None:
    try:
        unit = _registry().Unit(expr)
    except Exception:  # noqa: BLE001 - pint raises several kinds for a name it does not know
        return None
    name = str(unit)
    dim = str(unit.dimensionality)
    if dim in _DIMENSIONS or any(name.endswith(i) for i in _INFORMATION) or _name(name) in _ALSO:
        return _name(name)
    return None


def _name(pint_text: str) -> str:
    """pint's 'meter ** 2' / 'mile / hour' → 'square_meter' / 'mile_per_hour'."""
    parts = []
    for part in pint_text.split(" / "):
        m = re.fullmatch(r"(\w+) \*\* ([23])", part.strip())
        power = ("square_" if m.group(2) == "2" else "cubic_") if m else ""
        parts.append(power + m.group(1) if m else part.strip().replace(" * ", "_").replace(" ", "_"))
    return "_per_".join(parts)


@cache
def measure_unit(surface: str, glued: bool = False) -> str | None:
    """The canonical unit of a surface after a number ('mph' → 'mile_per_hour', 'tonnes' → 'metric_ton').

    ``glued`` is True when the surface is written onto the number ("50mph"): one-letter symbols ("g", "m",
    "W") count only then, because spaced they are words or initials ("5 m" may be "5 million").
    """
    s = surface.strip()
    if not s or any(c.isdigit() for c in s[:1]):
        return None
    low = s.lower()
    alias = _aliases().get(s) or _aliases().get(low)
    if alias is not None:
        return _pint_name(alias)
    if (low in _stop() and not glued) or (len(s) < 2 and not glued) or not all(c.isalpha() or c in "/²³" for c in s):
        return None
    if "/" in s:  # "km/h", "m/s"
        parts = s.split("/")
        if len(parts) != 2:
            return None
        a, b = measure_unit(parts[0], True), measure_unit(parts[1], True)
        return f"{a}_per_{b}" if a and b else None
    try:
        found = _registry().parse_unit_name(s, case_sensitive=True) or \
            (_registry().parse_unit_name(low, case_sensitive=True) if not glued else ())
    except Exception:  # noqa: BLE001
        return None
    if not found:
        return None
    prefix, name, _suffix = found[0]
    if prefix and (name not in _PREFIXABLE or (prefix.endswith("bi") and name not in _INFORMATION)
                   or (prefix in _HUGE_PREFIXES and not any(name.endswith(i) for i in _INFORMATION))):
        return None  # pint reads "mths" as milli-thou and "Kia" as kibi-year: prefixes go with SI-like units only
    return _pint_name(prefix + name)


def unit_code(unit: str | None) -> str | None:
    """UN/CEFACT common code of a unit ('%' → 'P1', 'kilometer' → 'KMT'); None when none is listed."""
    if unit is None:
        return None
    if unit == PERCENT:
        return "P1"
    return _codes().get(unit)


def is_currency(unit: str | None) -> bool:
    return bool(unit) and len(unit) == 3 and unit.isupper()

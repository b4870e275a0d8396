"""Reading the rule files in ``kg/extract/rules/`` (one reader for every extractor).

Lines starting with ``#`` and blank lines are comments; everything else is data.
"""

from __future__ import annotations

from importlib import resources


def rule_text(name: str) -> str:
    return resources.files("kg.extract").joinpath(f"rules/{name}").read_text(encoding="utf-8")


def rule_rows(name: str) -> list[list[str]]:
    """The data lines of a rule file, split at tabs."""
    return [ln.split("\t") for ln in rule_text(name).splitlines() if ln.strip() and not ln.startswith("#")]


def rule_words(name: str) -> list[str]:
    """The data lines of a one-entry-per-line rule file, stripped and lower-cased."""
    return [ln.strip().lower() for ln in rule_text(name).splitlines() if ln.strip() and not ln.startswith("#")]

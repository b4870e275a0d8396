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


def rule_section(name: str, section: str, split: bool = False) -> frozenset[str]:
    """The lower-case entries under ``[section]`` in a sectioned rule file (each word of a line when ``split``);
    a missing section is a KeyError naming the file and the sections it has."""
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for ln in rule_text(name).splitlines():
        ln = ln.strip()
        if not ln or ln.startswith("#"):
            continue
        if ln.startswith("[") and ln.endswith("]"):
            current = sections.setdefault(ln[1:-1], set())
        elif current is not None:
            current.update(ln.lower().split() if split else [ln.lower()])
    if section not in sections:
        raise KeyError(f"no [{section}] in rules/{name}; sections: {', '.join(sorted(sections))}")
    return frozenset(sections[section])

"""Words and lexicons: crude singulars, content words, counted-noun and predicate classes, unit dimensions.

The lexicons of what numbers count live with the extractor (``kg/extract/rules/number_*``, read here, owned
there); the ones only comparison needs live in ``kg/compare/rules/``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

RULES = Path(__file__).parent.parent / "extract" / "rules"
OWN_RULES = Path(__file__).parent / "rules"

# heads that name no counted thing: units and currencies a parse left as the noun
NOT_COUNTED = {"dlr", "dlrs", "dollar", "pct", "percent", "cent", "ct", "stg", "yen", "mln", "bln", "billion",
               "million", "thousand", "point", "time", "year", "month", "week", "day", "share", "which", "who",
               "this", "these", "those", "they", "he", "she", "we", "you", "i", "one", "what", "some", "all"}
STOP = {"the", "a", "an", "of", "in", "to", "for", "on", "at", "by", "from", "and", "or", "their", "its", "his",
        "her", "have", "has", "had", "be", "been", "were", "was", "are", "is", "that", "it", "them", "with"}
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
WORD = re.compile(r"[^\W_]+", re.U)
# predicate groups of rules/light_predicates.txt that name no event on their own
LIGHT_GROUPS = {"be", "have", "say", "light"}


def _rows(name: str, folder: Path = RULES) -> list[list[str]]:
    text = (folder / name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def predicate_classes() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((r[0], tuple(r[1].split())) for r in _rows("number_predicate_classes.txt"))


@cache
def modifier_classes() -> dict[str, str]:
    """modifier word (stem) → its synonym class, from rules/number_concept_synonyms.txt."""
    return {stem(w): r[0] for r in _rows("number_concept_synonyms.txt") for w in r[1].split()}


@cache
def count_classes() -> dict[str, str]:
    """singular noun → class."""
    return {noun: r[0] for r in _rows("number_count_classes.txt") for noun in r[1].split()}


@cache
def own_lexicon(name: str) -> dict[str, str]:
    """word → group name of a ``kg/compare/rules`` file (group<TAB>words)."""
    return {w.lower(): r[0] for r in _rows(name, OWN_RULES) for w in r[1].split()}


@cache
def stem(word: str) -> str:
    """Crude singular: 'companies' → 'company', 'businesses' → 'business', 'Russians' → 'russian'."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")) and len(w) > 4:
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def content_stems(text: str | None) -> set[str]:
    return {stem(w) for w in WORD.findall(text or "") if w.lower() not in STOP}


def last_word(text: str | None) -> str | None:
    words = WORD.findall(text or "")
    return words[-1] if words else None


def head_class(row: dict) -> str | None:
    head = row.get("counts_head") or (content_stems(row.get("counts")) and last_word(row.get("counts")))
    if not head:
        return None
    head = stem(head)
    return count_classes().get(head, head)


@cache
def predicate_class(text: str | None) -> str | None:
    for word in WORD.findall((text or "").lower()):
        for name, beginnings in predicate_classes():
            if word.startswith(beginnings):
                return name
    return None


def dimension(unit: str | None) -> str:
    """Units that compare: counts with counts, shares with shares (38% and "one in two"), money per currency."""
    if unit in ("%", "ratio"):
        return "share"
    return unit or "count"

"""What a disagreement needs beyond measuring the same thing: the tests ``f_same_measure`` adds in strict mode
(kg.compare.frames), since a false "conflict" costs a journalist more than a missed one.

- **The same standing**: a plan or forecast ("will buy 40 mln dlrs", "output would rise 3 pct") never
  disputes a reported fact ("bought 25 mln dlrs"); a rate on one basis ("in real terms", "seasonally
  adjusted") never one on another (rules/dispute_words.txt).
- **The same things counted**: the names, numbers and "of" words of one counted phrase that the other lacks
  must be stated elsewhere in the other's sentence ("Norland imports of Estovian cars" is not "Estovian
  imports"; "foreign companies" still meets "companies").
- **The same time**: a figure dated by a stated year more than a year from the other story's date is
  history, not today's figure ("1.8 mln when he took office in 1981").
- **A thing that changed**: a counted phrase that is only a change noun ("a weak increase") disputes nothing.
- **Two versions, not two sizes**: values more than DISPUTE_RATIO apart are rarely two sources' versions of
  one figure ("a quota of 200,000 bpd" and "the 15.8 mln bpd group quota").
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kg.compare.words import OWN_RULES, WORD, _rows, content_stems, modifier_classes, stem

if TYPE_CHECKING:
    from kg.compare.frames import Frame

DISPUTE_RATIO = 5.0
HISTORY_YEARS = 1  # a stated year this far from the other story's date is still the current figure


@cache
def _groups() -> dict[str, tuple[str, ...]]:
    return {r[0]: tuple(w.strip() for w in r[1].split("|") if w.strip()) for r in _rows("dispute_words.txt", OWN_RULES)}


@cache
def _pattern(group: str) -> re.Pattern:
    words = sorted(_groups()[group], key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def _before(row: dict) -> str:
    sentence, start, s0 = row.get("sentence") or "", row.get("start"), row.get("sentence_start")
    if start is None or s0 is None:
        return ""
    return sentence[: max(0, int(start) - int(s0))].lower()


def _verb_window(row: dict) -> str:
    """The words just before the event's verb (the predicate's first word), else before the number."""
    sentence = (row.get("sentence") or "").lower()
    before = _before(row)
    words = WORD.findall((row.get("predicate") or "").lower())
    if words and sentence:
        m = re.search(rf"(?<!\w){re.escape(words[0])}(?!\w)", sentence)
        if m:
            before = sentence[: m.start()]
    return " ".join(before.split()[-5:])


def planned(row: dict) -> bool:
    """The figure is of a plan, forecast or intention, not a reported fact."""
    return bool(_pattern("planned").search(_verb_window(row)))


def basis(row: dict) -> str | None:
    """The basis a figure is stated on ("in real terms", "seasonally adjusted"), the nearest before it."""
    found = _pattern("basis").findall(_before(row))
    return found[-1] if found else None


def change_only(counts: str | None) -> bool:
    """The counted phrase is a change noun with degree words only ("weak increase", "a sharp fall")."""
    words = [w.lower() for w in WORD.findall(counts or "")]
    change, degree = set(_groups()["change"]), set(_groups()["degree"])
    content = [w for w in words if w not in ("a", "an", "the")]
    return bool(content) and stem(content[-1]) in change | {stem(c) for c in change} and \
        all(w in degree for w in content[:-1])


def _sentence_keys(f: Frame) -> frozenset[str]:
    classes = modifier_classes()
    words = content_stems(f.row.get("sentence") or "")
    return frozenset({w[:6] for w in words} | {classes.get(w, w)[:6] for w in words})


def _marked(counts: str | None) -> frozenset[str]:
    """The words of a counted phrase that say which ones by name, number or an "of" phrase ("Norland",
    "l63", "imports of cars" → "car"), cut to six letters; plain adjectives ("foreign", "major") are not."""
    out, after_of = set(), False
    for w in WORD.findall(counts or ""):
        if w.lower() == "of":
            after_of = True
            continue
        if w[:1].isupper() or any(ch.isdigit() for ch in w) or after_of:
            out.add(stem(w)[:6])
    return frozenset(out)


def same_things(a: Frame, b: Frame) -> bool:
    """What one counted phrase distinguishes by a name, a number or an "of" phrase and the other does not is
    stated in the other's sentence ("Norland imports of Estovian cars" is not "Estovian imports")."""
    for x, y in ((a, b), (b, a)):
        marked = _marked(x.row.get("counts"))
        extra = {m[:6] for m in x.mods - y.mods} & marked
        if extra and not extra <= _sentence_keys(y) | {w[:6] for w in y.counts_words | {y.head}}:
            return False
    return True


def _history(a: Frame, b: Frame) -> bool:
    if not a.years or b.years or not b.published:
        return False
    return min(abs(int(y) - b.published.year) for y in a.years) > HISTORY_YEARS


def f_may_dispute(a: Frame, b: Frame) -> bool:
    """Two claims that measure the same thing can be shown as disagreeing (see the module docstring)."""
    lo, hi = sorted((min(abs(a.lo), abs(a.hi)), min(abs(b.lo), abs(b.hi))))
    if lo > 0 and hi / lo > DISPUTE_RATIO:
        return False
    if planned(a.row) != planned(b.row) or basis(a.row) != basis(b.row):
        return False
    if _history(a, b) or _history(b, a):
        return False
    # a change with no thing ("a weak increase of 1.5 pct") may agree with another, but what it disputes is unclear
    if change_only(a.row.get("counts")) or change_only(b.row.get("counts")):
        return False
    return same_things(a, b)

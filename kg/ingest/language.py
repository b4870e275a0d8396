"""A cheap English check: the share of English function words (``rules/stopwords_en.txt``).

English prose sits around 35-50 %; other languages stay far below even when full of English names.
Non-Latin scripts are recognised by their letters. Good enough to skip a Russian or German article in
a folder of English ones without a language-model dependency.
"""

from __future__ import annotations

import re
import unicodedata

from kg.ingest.lexicon import words

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 20  # below this the ratio says nothing; such texts are let through
MIN_RATIO = 0.12


def english_ratio(text: str) -> tuple[float, int]:
    tokens = [t.lower() for t in _WORD.findall(text)]
    if not tokens:
        return 0.0, 0
    stop = words("stopwords_en.txt")
    return sum(t in stop for t in tokens) / len(tokens), len(tokens)


def _script(text: str) -> str | None:
    """The dominant non-Latin script, if letters of one make up most of the text."""
    counts: dict[str, int] = {}
    letters = 0
    for ch in text[:5000]:
        if ch.isalpha():
            letters += 1
            name = unicodedata.name(ch, "")
            script = name.split(" ")[0]
            if script not in ("LATIN",):
                counts[script] = counts.get(script, 0) + 1
    if not letters or not counts:
        return None
    script, n = max(counts.items(), key=lambda kv: kv[1])
    return script.title() if n > letters * 0.3 else None


def not_english(text: str) -> str | None:
    """Why ``text`` is not English, or None when it is (or is too short to tell)."""
    script = _script(text)
    if script:
        return f"{script} script"
    ratio, n = english_ratio(text)
    if n >= MIN_WORDS and ratio < MIN_RATIO:
        return f"only {ratio:.0%} English function words in {n} words"
    return None

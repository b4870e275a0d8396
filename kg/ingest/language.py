"""Is a text English? A cheap test first, a language identifier only when the cheap one has doubts.

1. Non-Latin scripts are recognised by their letters (a Russian or Chinese article).
2. The share of English function words (``rules/stopwords_en.txt``): English prose sits around 35-50 %,
   so a text at or above ``MIN_RATIO`` is English without further work.
3. A text below it is either another language or English that is not prose: an earnings table ("Shr 34 cts
   vs 29 cts  Net 1.2 mln vs 980,000"), a price list, a line-up with ratings. Low function-word counts alone
   cannot tell these apart, so the text is then classified by py3langid (BSD-3-Clause; the maintained fork of
   langid.py, its n-gram model ships inside the wheel) and skipped only when that names another language with
   confidence ``MIN_CONFIDENCE``. German, French or Spanish prose scores above 0.99; English tables and lists
   score "en" or an unconfident guess (a creole, "no linguistic content"), so they are let through:
   dropping real English costs every claim in it, keeping a stray foreign text costs a few bad parses.
The identifier is loaded once, and only when a text reaches step 3.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from kg.ingest.lexicon import words

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 20  # below this the ratio says nothing; such texts are let through
MIN_RATIO = 0.12
MIN_CONFIDENCE = 0.9  # py3langid's normalised probability for the other language
_SAMPLE = 5000  # characters given to the identifier: enough to be sure, cheap on long texts


def english_ratio(text: str) -> tuple[float, int]:
    tokens = [t.lower() for t in _WORD.findall(text)]
    if not tokens:
        return 0.0, 0
    stop = words("stopwords_en.txt")
    return sum(t in stop for t in tokens) / len(tokens), len(tokens)


@functools.lru_cache(maxsize=4096)
def _script_of(ch: str) -> str:
    """The script a letter's Unicode name starts with ("CYRILLIC SMALL LETTER A" → "CYRILLIC")."""
    return unicodedata.name(ch, "").split(" ")[0]


def _script(text: str) -> str | None:
    """The dominant non-Latin script, if letters of one make up most of the text."""
    sample = text[:5000]
    if sample.isascii():  # every ASCII letter is Latin (most articles: no letter needs looking up)
        return None
    counts: dict[str, int] = {}
    letters = 0
    for ch in sample:
        if ch.isalpha():
            letters += 1
            if ch.isascii():
                continue
            script = _script_of(ch)
            if script != "LATIN":
                counts[script] = counts.get(script, 0) + 1
    if not letters or not counts:
        return None
    script, n = max(counts.items(), key=lambda kv: kv[1])
    return script.title() if n > letters * 0.3 else None


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """py3langid's best language (ISO 639 code) for ``text`` and its normalised probability."""
    lang, confidence = _identifier().classify(text[:_SAMPLE])
    return lang, confidence


def not_english(text: str) -> str | None:
    """Why ``text`` is not English, or None when it is (or when nothing says it is another language)."""
    script = _script(text)
    if script:
        return f"{script} script"
    ratio, n = english_ratio(text)
    if n < MIN_WORDS or ratio >= MIN_RATIO:
        return None
    lang, confidence = identify(text)
    if lang != "en" and confidence >= MIN_CONFIDENCE:
        return f"only {ratio:.0%} English function words in {n} words; language identified as {lang!r}"
    return None

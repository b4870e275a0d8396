"""Leaving numbers out that are no claims: dates, years, ids, names, citations, scores, ages in apposition,
time references, boilerplate and everything after a "Recent posts" heading."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract import numbers as nb
from kg.extract.quantities.frame import hyphen_count
from kg.extract.quantities.tables import table_label
from kg.extract.quantities.tokens import (
    _DATE_LABELS,
    _NAME_LABELS,
    _low,
    _lows,
    _Number,
    _year_like,
)
from kg.extract.text import doc_text

# --- leaving numbers out ---------------------------------------------------------------------------------


def _excluded(doc: Doc, num: _Number) -> bool:
    core = sorted(num.core)
    first, last = doc[core[0]], doc[core[-1]]
    numeric = [doc[i] for i in core if nb.is_digits(doc[i].text) or nb.is_number_word(doc[i].text)
               or nb.split_glued(doc[i].text) is not None or nb.fraction(doc[i].text) is not None
               or i in doc.user_data.get("kg.suspended", {})]  # "four-" in "four-, five- and six-cylinder"
    if num.kind == "vague" or (num.kind == "ratio" and any(nb.is_fraction_word(doc[i].text) for i in core)):
        numeric = [doc[i] for i in core]
    if not numeric:
        return True
    if num.start in doc.user_data.get("kg.suspended", {}) and hyphen_count(doc, num) is None:
        return True  # "5- or 6-fold": the noun the hyphens wait for counts nothing
    # the article "one" ("one district hospital") is not a count; with a qualifier or focus word before it
    # it is ("at least one person was killed", "only one bidder", "in just one area")
    if num.words_only_one and num.start >= min(num.core):
        return True
    # a year ("in 2022") is a date, whatever spaCy says
    if num.unit is None and num.kind == "count" and len(numeric) == 1 and _year_like(numeric[0].text):
        return True
    text = doc_text(doc)
    # part of a URL, a path or a code ("a78294", "2022/07/14", "COVID-19", "Su-27")
    before = text[first.idx - 1] if first.idx > 0 else " "
    after_idx = last.idx + len(last.text)
    after = text[after_idx] if after_idx < len(text) else " "
    if before.isalnum() or before in "/_#" or after.isalnum() or after in "/_" or first.like_url:
        return True
    if before in "-–" and first.idx > 1 and (text[first.idx - 2].isalpha() or text[first.idx - 2].isdigit()):
        return True  # "Su-27"; the second half of a score or a pair ("won 3-1", "at 2-2")
    # the first half of a score ("2-0 down"): a pair that was not read as a range
    if num.value_max is None and after in "-–" and after_idx + 1 < len(text) and text[after_idx + 1].isdigit() \
            and num.unit is None:
        return True
    # hyphenated modifier ("one-off payment", "5-year plan") describes a thing, it counts nothing; a share or
    # an amount stays one ("a 43.4 percent-owned unit", "a 52,000 barrel-a-day refinery")
    if after in "-–" and after_idx + 1 < len(text) and text[after_idx + 1].isalpha() and num.unit is None \
            and hyphen_count(doc, num) is None:
        return True  # (but a count of the noun hyphenated on is kept: "a 10-member panel", frame.py)
    # identifiers and ages: "page 5", "issue 176", "No. 3", "aged 45"
    if _low(doc, num.start - 1).rstrip(":") in nb.context("identifier_words") \
            and not doc[num.start - 1].tag_.startswith("VB"):  # "will issue 3 mln shares": a verb, no label
        return True
    if _low(doc, num.start - 1) == "." and _low(doc, num.start - 2) + "." in nb.context("identifier_words"):
        return True  # "No. 3", "Fig. 4" split into two tokens
    # a model or series number right after a name: "iPhone 12", "the S&P 500", "Fortune 100", "Unit 3"
    # (but not a figure of a wire results table: "Net 2,310,000 vs 1,980,000")
    if num.unit is None and num.kind == "count" and num.start == core[0] and num.start > 0 \
            and _after_name(doc[num.start - 1]) and nb.is_digits(first.text.lstrip("-")) \
            and table_label(doc, num) is None:
        return True
    # a market index or a ranking named with its number, in any case: "the ftse 100", "the sp 500"
    if num.unit is None and num.kind == "count" and num.start == core[0] and \
            _low(doc, num.start - 1) in nb.context("index_names") and first.text.isdigit():
        return True
    # a citation or a numbered item: "[26]", "(24)", "[9,12]"
    if num.unit is None and _low(doc, num.start - 1) in ("[", "(") and _low(doc, num.end) in ("]", ")", ","):
        return True
    # clock times: "10 a.m.", "14:00 GMT"
    if _low(doc, num.end) in nb.context("time_words") or ":" in first.text:
        return True
    # inside a name: "Channel 4", "Group of Seven", "Boeing 737" (the small model tags wire results lines
    # "Revs 48.2 mln vs 44.9 mln" as names too)
    if num.unit is None and any(tok.ent_type_ in _NAME_LABELS for tok in numeric) and table_label(doc, num) is None:
        return True
    # an age in apposition: "Ivan Petrov, 45, said" (the small model does not always tag the name a PERSON)
    if (_low(doc, num.start - 1) == "," and _low(doc, num.end) == "," and num.start >= 2 and num.unit is None
            and (doc[num.start - 2].ent_type_ == "PERSON" or doc[num.start - 2].pos_ == "PROPN")):
        return True
    # an age as the complement of "be" with a person as subject: "he will be 35 by June", "Ms Reyes, who is 61"
    if num.unit is None and num.kind == "count" and num.value_max is None and _age_complement(doc, num):
        return True
    # a street number ("16-18 Industrial Avenue", "221 Baker Street") or a model ("a 737 Max jet", "the 787
    # Dreamliner"): a bare number written before a name
    nxt = doc[num.end] if num.end < len(doc) else None
    # (a compass letter or an ordinal may come first: "12 W 40th St", "5 E Harbour Road")
    if num.unit is None and num.kind == "count" and nxt is not None and nxt.text[:1].isupper() \
            and (nxt.tag_ == "NNP" or nxt.text in _COMPASS):
        if any(_low(doc, k).rstrip(".") in nb.context("street_words") for k in range(num.end, num.end + 4)):
            return True
        # (a whole number of 3+ digits and a word name, not a unit symbol: "300 PS", "450 Nm", "2.5 F" are measures)
        if first.text.isdigit() and len(first.text) >= 3 and len(core) == 1 and len(nxt.text) >= 3 \
                and nxt.text.isalpha() and not nxt.text.isupper() and nxt.ent_type_ not in _DATE_LABELS:
            return True
    return False


_PERSON_PRONOUNS = {"he", "she", "i", "you", "who"}


def _age_complement(doc: Doc, num: _Number) -> bool:
    """A bare number right after a form of "be" (and its qualifier) whose subject is a person."""
    first = min(num.start, min(num.core))
    if first == 0 or doc[first - 1].lemma_ != "be" or _low(doc, num.end) in ("of", "%"):
        return False
    nxt = doc[num.end] if num.end < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM"):
        return False  # "she was 35 points ahead": the number counts the noun after it
    subj = next((c for c in doc[first - 1].children if c.dep_ in ("nsubj", "nsubjpass") and c.i < first), None)
    return subj is not None and (subj.lower_ in _PERSON_PRONOUNS or subj.ent_type_ == "PERSON")


_COMPASS = {"N", "S", "E", "W", "NE", "NW", "SE", "SW", "N.", "S.", "E.", "W."}


def _after_name(prev: Token) -> bool:
    """A name with a capital ("iPhone"; not a month or a weekday: "May 5" is a date) right before a number,
    on the same line."""
    acronym = len(prev.text) > 1 and prev.text.isupper() and prev.text.isalpha()  # "COVID -19", whatever its tag
    return (prev.pos_ == "PROPN" or acronym) and any(c.isupper() for c in prev.text) \
        and prev.ent_type_ not in _DATE_LABELS and "\n" not in prev.whitespace_ \
        and prev.lower_ not in nb.context("time_words")


def _reference(doc: Doc, num: _Number, noun: Token) -> bool:
    """A number that points back at things already named instead of counting them: "all three nations",
    "both two", "Uzbekistan and Kyrgyzstan, two other Central Asian nations". A definite count ("the two
    candidates", "those five plants") still states how many there are: it is kept (``_definite_count``)."""
    if num.qualifier != "exact" or num.kind != "count" or num.unit is not None:
        return False
    spelled = all(not nb.is_digits(doc[i].text) for i in num.core)
    if not spelled or num.value > 10:
        return False
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return True
    dets = _determiners(doc, num, noun)
    # "the first two waves", "the top five exporters": a selection from an ordered set, no count
    return bool(dets & _WHOLE_SET) or (bool(dets & _DEFINITE) and _low(doc, num.start - 1) in _RANKS)


def _definite_count(doc: Doc, num: _Number, noun: Token) -> bool:
    """A small spelled-out count after "the", "these", "those" ("the two candidates met"): a claim about
    how many, though of things the story may have named before."""
    if num.qualifier != "exact" or num.kind != "count" or num.unit is not None or num.value > 10:
        return False
    return bool(_determiners(doc, num, noun) & _DEFINITE)


def _determiners(doc: Doc, num: _Number, noun: Token) -> set[str]:
    dets = {c.lower_ for c in noun.lefts if c.dep_ in ("det", "predet") and c.i < num.start}
    return dets | {doc[i].lower_ for i in range(max(num.start - 2, 0), num.start)}


# "all three nations", "both": the whole of a set named before, no new count
_WHOLE_SET = frozenset(("all", "both"))
# "the two candidates", "those five plants": a definite count, kept with a lower confidence
_DEFINITE = frozenset(("the", "these", "those"))
# the ranks that make a definite number a selection: "the first two", "the top five"
_RANKS = frozenset(("first", "last", "next", "top", "final", "past", "other"))


def _time_reference(doc: Doc, num: _Number) -> bool:
    """A length of time that places an event in time instead of measuring it: "two years later", "over the
    past three months", "sentenced to 10 years in prison" (rules/number_context.txt says which words)."""
    after = nb.context("duration_reference_after")
    if any(" ".join(_lows(doc)[num.end : num.end + n]) in after for n in (1, 2, 3)):
        return True
    return _period_covered(doc, num)


def _period_covered(doc: Doc, num: _Number) -> bool:
    """A length of time that is the period a statement covers: "over the past three months", "in the first
    100 days", "the next five years" (a time reference too, but one that measures the period)."""
    start = min(num.start, min(num.core))
    while start >= 2 and _low(doc, start - 1) in ("or", "to", "and") and \
            (nb.is_digits(doc[start - 2].text) or nb.is_number_word(doc[start - 2].text)):
        start -= 2  # "in the past two or three weeks": the reference word is before the first figure
    return _low(doc, start - 1) in nb.context("duration_reference_before") or \
        (_low(doc, start - 1) == "the" and _low(doc, start - 2) in nb.context("duration_reference_before"))


def _in_date(doc: Doc, num: _Number) -> bool:
    words = [doc[i].text for i in sorted(num.core)]
    if nb.is_scale_word(words[-1]) and any(nb.is_fraction_word(w) for w in words):
        return False  # "a quarter of a million": the small model tags "a quarter" a date (three months)
    return any(doc[i].ent_type_ in _DATE_LABELS for i in num.core)


def _boilerplate(sent: Span) -> bool:
    low = sent.text.lower()
    if any(marker in low for marker in nb.context("boilerplate")):
        return True
    return len(sent) <= _TIMESTAMP_TOKENS and any(marker in low for marker in nb.context("boilerplate_timestamps"))


# the longest line a post's timestamp makes ("Updated: 5 hours ago ."); a longer sentence is news
_TIMESTAMP_TOKENS = 6


def _end_of_article(text: str) -> int:
    """Offset of a "Recent posts"-style heading after which nothing is the article's (or len(text))."""
    markers = nb.context("end_of_article")
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip().lower().rstrip(":") in markers and offset > len(text) // 3:
            return offset
        offset += len(line)
    return len(text)

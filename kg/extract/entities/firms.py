"""Firm names built from partners' surnames ("Hale, Dorsey and Quint Inc"), found from structure.

The small English model splits a comma list of surnames into one PERSON per surname (or glues "and" to one
of them), so an analyst "at Hale, Dorsey and Quint" worked for three people. A list is one firm when

* it is capitalised single words joined by commas and a final "and"/"&" ("X, Y and Z"), and
* it closes with a legal-form word (``entity_firm_suffixes.txt``: "Inc", "Co", "Corp", ...) or is itself
  "X, Y and Co" / "X & Co", or it is used as one unit: the object of "at/with/of/from" after a title or a
  profession (``entity_firm_contexts.txt``: "analyst at", "partner with", "John Doe of").

No word of the list may be a country, a demonym or a title; a place name alone is no objection (a
surname "Hammond" is also a town).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from kg.extract.doccache import column
from kg.extract.entities.lexicons import country_of, demonym_country, is_title_word
from kg.extract.lexicon import rule_words

_UNIT_PREPS = {"at", "with", "of", "from", "for"}
_AND = {"and", "&"}


@cache
def firm_suffixes() -> frozenset[str]:
    return frozenset(rule_words("entity_firm_suffixes.txt"))


@cache
def _member_org_nouns() -> frozenset[str]:
    return frozenset(rule_words("entity_member_org_nouns.txt"))


def _members_plural(t: Token) -> bool:
    """A capitalised plural that names an organisation by its members ("Growers", "Priests"), not an acronym."""
    return t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.lower_.endswith("s") and len(t) > 3


def member_org_noun(doc: Doc, last: int) -> bool:
    """'the Growers association', 'Dockers union leader X': the lower-case organisation noun right after an
    organisation's name that is a capitalised plural of members (token ``last``) belongs to the name."""
    if last + 1 >= len(doc):
        return False
    t, nxt = doc[last], doc[last + 1]
    return (_members_plural(t)
            and nxt.is_lower and nxt.lemma_ in _member_org_nouns() and t.head.i in {nxt.i, nxt.head.i}
            and t.dep_ in {"compound", "nmod", "amod"})


_CAUSE_LINKS = {"for", "to", "against"}


def cause_name_end(doc: Doc, last: int) -> int | None:
    """'Priests for Life', 'Interfaith Paths to Peace': an organisation named by its members (a capitalised
    plural, token ``last``) and the cause they stand for; the small model stops at the plural. The end
    (exclusive) of the name when 'for' / 'to' / 'against' and one to three capitalised words that are no entity
    of their own follow, closed by punctuation or a lower-case word; else None."""
    n = len(doc)
    t = doc[last]
    if not _members_plural(t):
        return None
    k = last + 1
    if k + 1 >= n or doc[k].text not in _CAUSE_LINKS:  # lower case only: a Title Case headline is no name
        return None
    j = k + 1
    while (j < n and j - k <= 3 and doc[j].is_alpha and doc[j].text[:1].isupper() and not doc[j].ent_type_
           and doc[j].pos_ in {"PROPN", "NOUN", "ADJ"} and not doc[j].tag_.startswith("VB")):
        j += 1  # "Acme Holdings to Buy Globex" (a headline's verb) is no cause
    if j == k + 1 or j - k > 3 or (j < n and doc[j].is_alpha and doc[j].text[:1].isupper()):
        return None
    if j < n and not (doc[j].is_punct or doc[j].is_lower):
        return None
    return j


@cache
def _firm_contexts() -> frozenset[str]:
    return frozenset(rule_words("entity_firm_contexts.txt"))


def _name_word(t: Token) -> bool:
    return (t.is_alpha and t.text[:1].isupper() and (t.pos_ == "PROPN" or not t.is_sent_start) and t.lower_ not in _AND
            and not is_title_word(t.text) and not country_of(t.text) and not demonym_country(t.text))


def _suffix(t: Token) -> bool:
    return t.lower_.rstrip(".") in firm_suffixes() and t.text[:1].isupper()


def firm_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of partner-list firm names in ``doc``."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    texts, alpha = column(doc, "text"), column(doc, "is_alpha")
    while i < n:
        if not (alpha[i] and texts[i][:1].isupper()) or (i > 0 and texts[i - 1][:1].isupper() and alpha[i - 1]):
            i += 1  # (the first test of _firm_at, from the Doc's columns: most words start no list)
            continue
        span = _firm_at(doc, i)
        if span is None:
            i += 1
            continue
        out.append(span)
        i = span[1]
    for span in _and_co_spans(doc):
        if not any(s < span[1] and span[0] < e for s, e in out):
            out.append(span)
    return sorted(out)


_CO = {"co", "cos", "cie"}
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")


def _and_co_spans(doc: Doc) -> list[tuple[int, int]]:
    """'Dunmore Fitch and Co', 'Carver Welsh, Ladd Boyle and Co Inc', 'R.J. Dunmore & Co': the abbreviation
    "Co" after "and"/"&" closes the name of the firm whose capitalised words (names, initials, commas between
    them) come before it; the small model tags the words before as one organisation and "Co" as another."""
    out: list[tuple[int, int]] = []
    for k, t in enumerate(doc):
        if k < 2 or t.lower_.rstrip(".") not in _CO or not t.text[:1].isupper() or doc[k - 1].lower_ not in _AND:
            continue
        start, j = k - 1, k - 2
        while j >= 0 and k - j <= 8:
            w = doc[j]
            if _name_word(w) or _INITIALS.match(w.text):
                start = j
            elif not (w.text == "," and j > 0 and (_name_word(doc[j - 1]) or _INITIALS.match(doc[j - 1].text))):
                break
            j -= 1
        if start == k - 1:
            continue
        end = k + 1 + _period(doc, k + 1)
        if end < len(doc) and _suffix(doc[end]) and doc[end].lower_.rstrip(".") not in _CO:
            end += 1 + _period(doc, end + 1)  # "X and Co Inc"
        out.append((start, end))
    return out


def _firm_at(doc: Doc, i: int) -> tuple[int, int] | None:
    n = len(doc)
    if not _name_word(doc[i]) or (i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha):
        return None  # a firm list starts at its first surname ("Dean Hale, ..." is a person and more)
    items, j = [i], i + 1
    two_word = j < n and _name_word(doc[j]) and not _suffix(doc[j])  # "Dean Hale, Dorsey and Co"
    if two_word:
        j += 1
    # X , Y , Z ... (commas between single capitalised words)
    while j + 1 < n and doc[j].text == "," and _name_word(doc[j + 1]) and not _suffix(doc[j + 1]):
        items.append(j + 1)
        j += 2
    if j < n and doc[j].text == ",":
        j += 1  # the serial comma: "X, Y, and Z"
    if j + 1 >= n or doc[j].lower_ not in _AND or len(items) < 2 and doc[j].text != "&":
        return None
    last = doc[j + 1]
    if _suffix(last) and last.lower_.rstrip(".") in {"co", "cos", "company", "cie"} and len(items) + two_word >= 2:
        return items[0], j + 2 + _period(doc, j + 2)  # "X, Y and Co", "X & Co"
    if not _name_word(last):
        return None
    end = j + 2
    if end < n and _suffix(doc[end]):
        return items[0], end + 1 + _period(doc, end + 1)  # "X, Y and Z Inc"
    if end + 1 < n and doc[end].text in _AND and _suffix(doc[end + 1]):
        return items[0], end + 2 + _period(doc, end + 2)  # "X, Y and Z & Co"
    # a two-word first partner ("an analyst with Dean Hale, Dorsey and Quint") may be a person before a firm;
    # with two more partners listed after it, it is one firm's name
    if (len(items) >= 3 or len(items) >= 2 and not two_word) and _used_as_unit(doc, items[0]):
        return items[0], end
    return None


def _period(doc: Doc, k: int) -> int:
    """1 when the suffix's full stop is a token of its own ('Co .'), else 0."""
    return int(k < len(doc) and doc[k].text == "." and doc[k - 1].text[-1:] != "." and not doc[k].is_sent_end)


def _used_as_unit(doc: Doc, first: int) -> bool:
    """'an analyst at X, Y and Z', 'Jane Doe of X, Y and Z': the object of a preposition after a title,
    a profession or a person's name."""
    if first < 2 or doc[first - 1].lower_ not in _UNIT_PREPS:
        return False
    before = doc[first - 2]
    if before.lower_ in _firm_contexts() or (is_title_word(before.text) and before.pos_ in {"NOUN", "PROPN"}):
        return True
    return before.ent_type_ == "PERSON" and doc[first - 1].lower_ in {"of", "at", "with"}

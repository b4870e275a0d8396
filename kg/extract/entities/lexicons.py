"""Word lists of the entity rules (kg/extract/rules/entity_*, titles.txt) and lookups over them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from kg import gazetteer
from kg.extract.lexicon import rule_rows, rule_section

_KEEP_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_TYPE_OF_LABEL = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
                  "NORP": "Group"}
PLACE_TYPES = {"Place", "Country", "City", "Region"}
ORG_TYPES = {"Organization", "Company", "GovernmentBody", "MediaOutlet", "FinancialInstitution"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.I)
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)?$", re.I)
_STANCE_PREFIX = re.compile(r"^(?:anti|pro|ex|non|post|pre)[-‐]", re.I)
_BULLETS = " -–—•*·>|#+~"
_SPLITTERS = {"/", "|", "•"}
# dependency labels used below
_APPOS = "appos"
_COMPOUND = "compound"
_NSUBJ = {"nsubj", "nsubjpass"}
_NOUN_LINKS = {"compound", "nmod", "amod", "appos", "conj"}


# --------------------------------------------------------------------------------------------- lexicons
def _words(name: str) -> frozenset[str]:
    return frozenset(r[0].strip().lower() for r in rule_rows(name))


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(",") if x.strip()]


@cache
def class_names() -> frozenset[str]:
    """Names of a kind of institution of which there are many ('court of appeals'), lower case."""
    return _words("entity_class_names.txt")


@cache
def party_nouns() -> frozenset[str]:
    """Words that make an organisation's name a political party's ('party', 'parti', 'partido'), lower case."""
    return _words("entity_party_nouns.txt")


@cache
def field_nouns() -> frozenset[str]:
    """Fields of study that end a chair's subject ('Professor of Theoretical Physics'), lower case."""
    return rule_section("entity_field_nouns.txt", "fields")


@cache
def named_chair_titles() -> frozenset[str]:
    """Titles that a name before them makes a named chair ('the Hugo Marsh Professor of Economics')."""
    return rule_section("entity_field_nouns.txt", "named_chairs")


@cache
def field_titles() -> frozenset[str]:
    """Academic titles held 'of' or 'in' a field ('professor', 'lecturer'), lower case."""
    return rule_section("entity_field_nouns.txt", "titles")


@cache
def program_nouns() -> frozenset[str]:
    return _words("entity_program_nouns.txt")


@cache
def junk_words() -> frozenset[str]:
    """Never an entity name on its own (units, wire abbreviations, months, weekdays, section labels)."""
    return _words("entity_junk_words.txt")


@cache
def honorifics() -> frozenset[str]:
    """'mr', 'mrs', 'dr', ...: stripped from names like titles, never a role."""
    return _words("entity_honorifics.txt")


@cache
def titles() -> tuple[str, ...]:
    """Role titles and honorifics, longest first (both are stripped from names)."""
    words = {r[0].strip().lower() for r in rule_rows("titles.txt")} | honorifics()
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _title_set() -> frozenset[str]:
    return frozenset(titles())


def _titles_ending(word: str) -> tuple[list[str], ...]:
    """The words of each title that can end at ``word`` (its last word is ``word``), in ``titles()``' order, so
    ``title_start`` tries a few titles instead of all of them."""
    index, every = _titles_by_last_word()
    return every if every is not None else index.get(word, ())


@cache
def _titles_by_last_word() -> tuple[dict[str, tuple[list[str], ...]], tuple[list[str], ...] | None]:
    """``titles()`` as word lists grouped by their last word; and all of them when one title has no words
    (a wordless title ends anywhere)."""
    split = [title.split() for title in titles()]
    index: dict[str, list[list[str]]] = {}
    for words in split:
        index.setdefault(words[-1] if words else "", []).append(words)
    return {k: tuple(v) for k, v in index.items()}, (tuple(split) if "" in index else None)


@cache
def _title_modifiers() -> frozenset[str]:
    return _words("entity_title_modifiers.txt")


@cache
def _countries() -> dict[str, str]:
    """lower-case country name or alias -> country name."""
    out: dict[str, str] = {}
    for row in rule_rows("entity_demonyms.tsv"):
        country = row[0].strip()
        out[country.lower()] = country
        for alias in _split(row[3]) if len(row) > 3 else ():
            out[alias.lower()] = country
    return out


@cache
def _demonyms() -> dict[str, tuple[str, str]]:
    """lower-case demonym -> (country, 'adj' | 'plural')."""
    out: dict[str, tuple[str, str]] = {}
    for row in rule_rows("entity_demonyms.tsv"):
        country = row[0].strip()
        for adj in _split(row[1]) if len(row) > 1 else ():
            out.setdefault(adj.lower(), (country, "adj"))
        for plural in _split(row[2]) if len(row) > 2 else ():
            out.setdefault(plural.lower(), (country, "plural"))
    return out


@cache
def _people_noun() -> dict[str, str]:
    """country -> the name of its people as a Group ('Kazakhs'), falling back to the adjective."""
    out: dict[str, str] = {}
    for row in rule_rows("entity_demonyms.tsv"):
        plurals = _split(row[2]) if len(row) > 2 else []
        adjs = _split(row[1]) if len(row) > 1 else []
        out[row[0].strip()] = plurals[0] if plurals else (adjs[0] if adjs else row[0].strip())
    return out


@cache
def _org_types() -> dict[str, str]:
    return {r[0].strip().lower(): r[1].strip() for r in rule_rows("entity_org_types.tsv")}


@cache
def _state_nouns() -> frozenset[str]:
    return _words("entity_state_nouns.txt")


@cache
def _person_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_words("entity_person_suffixes.txt"), key=len, reverse=True))


@cache
def name_suffixes() -> frozenset[str]:
    """'jr', 'iii': generational suffixes, part of a person's name (read by ``kg.resolve`` too)."""
    return _words("entity_name_suffixes.txt")


@cache
def speech_verbs() -> frozenset[str]:
    return _words("entity_speech_verbs.txt")


@lru_cache(maxsize=1 << 16)  # asked for every capitalised word by several rules; a pure function of the word
def country_of(text: str) -> str | None:
    """'Kazakhstan' / 'the Russian Federation' / 'U.S.' -> the country name; None if not a known country."""
    table = _countries()
    hit = table.get(clean_name(text).lower()) or table.get(_LEADING_DET.sub("", text.strip()).lower())
    if hit:
        return hit
    # every other country of the world gazetteer (ISO 3166), by its exact name
    place = gazetteer.country(clean_name(text))
    return place.name if place is not None else None


def demonym_country(word: str) -> str | None:
    """'Kazakh' / 'Kazakhs' -> 'Kazakhstan' (None if not a demonym)."""
    hit = _demonyms().get(word.strip().lower())
    return hit[0] if hit else None


def place_type(name: str) -> str | None:
    """Country | City | Region for a well-known place name, else None.

    Strong enough to retype a name spaCy called an organisation: countries, world regions, US states and
    cities of at least ``gazetteer.BIG_CITY`` people. Smaller towns ("Orange", "Split") type only a name
    spaCy already calls a place (``place_of``)."""
    if country_of(name):
        return "Country"
    hit = gazetteer.lookup(clean_name(name))
    if hit is None or (hit.type == "City" and 0 < hit.population < gazetteer.BIG_CITY):
        return None
    return hit.type


def place_of(name: str) -> gazetteer.Place | None:
    """The gazetteer's place for a name (any city of 15,000 people or more), else None."""
    country = country_of(name)
    return gazetteer.country(country) if country else gazetteer.lookup(clean_name(name))


def org_type_of_word(word: str) -> str | None:
    return _org_types().get(word.lower().strip("."))


def is_title_word(word: str) -> bool:
    w = word.lower().rstrip(".")
    return w in _title_set() or w in _title_modifiers()


def title_start(words: Sequence[str], end: int | None = None) -> int | None:
    """Index where a role-title phrase ending at ``end`` (exclusive) starts, or None.

    A title phrase is a run of title words and title modifiers whose last word is a title:
    ['Kazakh', 'Acting', 'Chairman'] -> 1 ("Acting Chairman").
    """
    low = [w.lower().rstrip(".") for w in words]
    end = len(low) if end is None else end
    if end <= 0:
        return None
    tset = _title_set()
    # the run must end in a title (longest multi-word title first)
    start = None
    for tw in _titles_ending(low[end - 1] if end <= len(low) else ""):  # (no title ends past the words)
        if end - len(tw) >= 0 and low[end - len(tw) : end] == tw:
            start = end - len(tw)
            break
    if start is None:
        return None
    while start > 0 and (low[start - 1] in tset or low[start - 1] in _title_modifiers()):
        start -= 1
    return start


def split_title(name: str) -> tuple[str, str | None]:
    """'Kazakh President Kassym-Jomart Tokayev' -> ('Kassym-Jomart Tokayev', 'president')."""
    words = name.split()
    for i in range(len(words) - 1, 0, -1):
        start = title_start(words, i)
        if start is None:
            continue
        rest = words[i:]
        if all(w[:1].isupper() for w in rest):
            return " ".join(rest), " ".join(words[start:i]).lower()
    return name, None


_OPENERS, _CLOSERS = "([", ")]"


_BRACKETS = frozenset("<>()[]")


def unbracket(text: str) -> str:
    """Brackets that are not part of a name: a wire's company marks ('<Brindle Tool Corp>', 'Ormsby Mills Inc <ORM>':
    the name ends at '>' and a ticker in '<...>' follows it), an acronym opened and never closed ('Northern
    Grain Trade Council (NGTC'), a stray closing bracket ('Dana] Okafor')."""
    if not _BRACKETS.intersection(text):
        return " ".join(text.split())  # (what the loop below gives a text without brackets)
    text = text.lstrip("<")
    cut = min((k for k in (text.find("<"), text.find(">")) if k >= 0), default=-1)
    if cut >= 0:
        text = text[:cut]
    out, depth = [], 0
    for k, ch in enumerate(text):
        if ch in _OPENERS:
            rest = text[k + 1 :]
            if not any(c in _CLOSERS for c in rest):
                if len(rest.split()) <= 1 and out:
                    break  # "... (NGTC": the bracketed acronym is a name of its own
                continue
            depth += 1
        elif ch in _CLOSERS:
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    return " ".join("".join(out).split())


# "the United KingdomIn 2019 ...": the next sentence's first word glued to a name (paragraphs joined without a space)
_GLUED = re.compile(r"(?<=[a-z]{2})([A-Z][a-z]{0,4})$")


def unglue(text: str) -> str:
    """A several-word name whose last word ends in a capitalised function word ('United KingdomIn') loses it;
    one word is left alone ('LinkedIn')."""
    m = _GLUED.search(text)
    if m is None or " " not in text or m[1].lower() not in STOP_WORDS:
        return text
    return text[: m.start()]


def clean_name(text: str) -> str:
    text = unglue(unbracket(" ".join(text.split())))
    text = _LEADING_DET.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return text.strip(" \"“”'‘’,.;:«»()[]").lstrip(_BULLETS)


def _looks_like_surname(name: str) -> bool:
    low = name.lower()
    return any(low.endswith(s) and len(low) > len(s) + 2 for s in _person_suffixes())




def _tidy(text: str) -> str:
    """clean_name without the possessive rule (token trimming already decided about 's)."""
    text = _LEADING_DET.sub("", unbracket(" ".join(text.split())))
    text = text.lstrip(_BULLETS)  # "- Donald J. Trump", "• Acme": list bullets are not part of a name
    return text.strip(" \"“”'‘’,.;:«»()[]") if not text.endswith(("'s", "’s")) else text.lstrip(" \"“”‘(")


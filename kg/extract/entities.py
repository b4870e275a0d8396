"""Named entities of one document: cleaned names, corrected types, every mention.

spaCy's small English model is noisy in exactly the places news analysis cares about: it tags
"Kazakh President Kassym-Jomart Tokayev" as ORG, keeps "the" and possessive "'s" inside spans, tags an
unfamiliar surname that speaks as GPE and labels demonyms inconsistently. This module turns ``doc.ents``
into ``Entity`` records with one name per real person/organisation/place within the document, and a
lookup from any text offset to its entity for the other extractors.

Every correction rule reads a word list under ``kg/extract/rules/`` (``titles.txt`` and ``entity_*``), so
users extend the lexicons without touching code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import rule_rows
from kg.extract.text import doc_text
from kg.records import Entity, Mention

_KEEP_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_TYPE_OF_LABEL = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
                  "NORP": "Group"}
PLACE_TYPES = {"Place", "Country", "City", "Region"}
ORG_TYPES = {"Organization", "Company", "GovernmentBody", "MediaOutlet", "FinancialInstitution"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.I)
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)?$", re.I)
_STANCE_PREFIX = re.compile(r"^(?:anti|pro|ex|non|post|pre)[-‐]", re.I)
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
def titles() -> tuple[str, ...]:
    return tuple(sorted((r[0].strip().lower() for r in rule_rows("titles.txt")), key=len, reverse=True))


@cache
def _title_set() -> frozenset[str]:
    return frozenset(titles())


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
def _places() -> dict[str, tuple[str, str | None]]:
    out: dict[str, tuple[str, str | None]] = {}
    for row in rule_rows("entity_places.tsv"):
        country = row[2].strip() if len(row) > 2 and row[2].strip() else None
        out[row[0].strip().lower()] = (row[1].strip(), country)
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
def speech_verbs() -> frozenset[str]:
    return _words("entity_speech_verbs.txt")


def country_of(text: str) -> str | None:
    """'Kazakhstan' / 'the Russian Federation' / 'U.S.' -> the country name; None if not a known country."""
    table = _countries()
    return table.get(clean_name(text).lower()) or table.get(_LEADING_DET.sub("", text.strip()).lower())


def demonym_country(word: str) -> str | None:
    """'Kazakh' / 'Kazakhs' -> 'Kazakhstan' (None if not a demonym)."""
    hit = _demonyms().get(word.strip().lower())
    return hit[0] if hit else None


def place_type(name: str) -> str | None:
    """Country | City | Region for a known place name, else None."""
    if country_of(name):
        return "Country"
    hit = _places().get(clean_name(name).lower())
    return hit[0] if hit else None


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
    for title in titles():
        tw = title.split()
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


def clean_name(text: str) -> str:
    text = " ".join(text.split())
    text = _LEADING_DET.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return text.strip(" \"“”'‘’,.;:«»()[]")


def _looks_like_surname(name: str) -> bool:
    low = name.lower()
    return any(low.endswith(s) and len(low) > len(s) + 2 for s in _person_suffixes())


# --------------------------------------------------------------------------------------------- lookup
@dataclass
class DocEntities:
    """The entities of one document plus offset → entity lookup."""

    entities: list[Entity] = field(default_factory=list)
    _by_offset: dict[int, int] = field(default_factory=dict)  # char offset -> index in entities

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end)."""
        for off in range(start, end):
            idx = self._by_offset.get(off)
            if idx is not None:
                return self.entities[idx]
        return None

    def for_span(self, span: Span) -> Entity | None:
        return self.at(span.start_char, span.end_char)

    def for_token(self, token: Token) -> Entity | None:
        return self.at(token.idx, token.idx + len(token.text))

    def mention_at(self, start: int, end: int) -> Mention | None:
        ent = self.at(start, end)
        if ent is None:
            return None
        for m in ent.mentions:
            if m.start < end and start < m.end:
                return m
        return None

    def by_name(self, name: str) -> Entity | None:
        for key in dict.fromkeys((_tidy(name).lower(), clean_name(name).lower())):
            for ent in self.entities:
                if ent.name.lower() == key or key in (a.lower() for a in ent.alt_labels):
                    return ent
        key = clean_name(name).lower()
        # a bare surname of exactly one person
        people = [e for e in self.entities if e.type == "Person" and e.name.lower().split()[-1:] == [key]]
        return people[0] if len(people) == 1 else None


# --------------------------------------------------------------------------------------------- candidates
@dataclass
class _Cand:
    """One cleaned mention before mentions are grouped into entities."""

    start: int
    end: int
    text: str
    label: str
    surface: str  # the span text as spaCy found it (for alt labels)
    role: str | None = None
    person_cue: bool = False  # context says this is a person (title, role apposition, speaks + surname)
    org_type: str | None = None  # subtype from the name or the nouns around it
    place_type: str | None = None
    country: str | None = None  # a demonym mention that denotes this country
    group: bool = False  # a demonym that denotes people, not the state


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].dep_ == "det" or tokens[0].tag_ == "PRP$" or tokens[0].lower_ in {"the", "a", "an"}
                      or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    # possessive 's, punctuation and a trailing verb ("Kazakhstan Seeks") are never part of a name; an 's
    # that possesses nothing ("McDonald's said") is part of the name
    while tokens and ((tokens[-1].tag_ == "POS" and tokens[-1].head.dep_ == "poss") or tokens[-1].is_punct
                      or tokens[-1].is_space or (tokens[-1].tag_.startswith("VB") and len(tokens) > 1)):
        tokens = tokens[:-1]
    return tokens


def _tidy(text: str) -> str:
    """clean_name without the possessive rule (token trimming already decided about 's)."""
    text = _LEADING_DET.sub("", " ".join(text.split()))
    return text.strip(" \"“”'‘’,.;:«»()[]") if not text.endswith(("'s", "’s")) else text.lstrip(" \"“”‘(")


def _parts(span: Span) -> Iterable[tuple[list[Token], bool]]:
    """Split a span at line breaks (keep the first line) and at '/' separators (photo credits)."""
    tokens: list[Token] = []
    for t in span:
        if "\n" in t.text or "\n" in t.whitespace_:
            if "\n" in t.whitespace_:
                tokens.append(t)
            break
        tokens.append(t)
    part: list[Token] = []
    first = True
    for t in tokens:
        if t.text in _SPLITTERS:
            if part:
                yield part, first
            part, first = [], False
        else:
            part.append(t)
    if part:
        yield part, first


def _is_junk(tokens: list[Token], text: str, label: str) -> bool:
    if not any(c.isalpha() for c in text):
        return True
    # spaCy's ORG "176th" (an issue number) and the like
    if _ORDINAL.match(text.replace(",", "")):
        return True
    # "anti-Russian", "ex-Soviet": stances and history, not an entity
    if _STANCE_PREFIX.match(text):
        return True
    # a lone title ("President") is not a name
    if all(is_title_word(t.text) for t in tokens):
        return True
    # a capitalised common plural tagged as a place ("continue Upgrades are ...") when the word is a known
    # English verb/noun and no gazetteer knows it
    if (label in {"GPE", "LOC", "FAC"} and len(tokens) == 1 and text.endswith("s") and not place_type(text)
            and not demonym_country(text) and text[:-1].lower() in _verb_lemmas()):
        return True
    return False


def _verb_lemmas() -> frozenset[str]:
    """English verbs known to the loaded pipeline's lemmatizer (empty when it has no such table).

    Never loads a pipeline itself: extraction runs after ``kg.nlp.load`` has loaded one.
    """
    import kg.nlp

    loader = getattr(kg.nlp, "_load", None) or kg.nlp.load
    info = getattr(loader, "cache_info", None)
    if info is None or info().currsize == 0:
        return frozenset()
    return _verb_table()


@cache
def _verb_table() -> frozenset[str]:
    from spacy.strings import get_string_id

    from kg.nlp import load

    try:
        table = load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    return frozenset(table.get(get_string_id("verb")) or ())


def _head(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1]


def _role_phrase(noun: Token) -> str:
    """The title phrase headed by ``noun`` ('the prime minister of X' -> 'prime minister')."""
    words = [c for c in noun.lefts if c.dep_ in {"amod", "compound"} and c.is_alpha] + [noun]
    text = " ".join(w.text for w in words).lower()
    return text


def _appos_title(head: Token) -> Token | None:
    """The title noun in apposition with the name ('X, the prime minister of Y' / 'the president, X')."""
    for c in head.children:
        if c.dep_ == _APPOS and is_title_word(c.text) and c.lemma_.lower() not in _org_types():
            return c
    if head.dep_ == _APPOS and is_title_word(head.head.text):
        return head.head
    return None


def _context_org_type(tokens: list[Token]) -> str | None:
    """Org subtype from the name's last word or head ('Ministry of ...') or a noun it is attached to."""
    head = _head(tokens)
    hit = org_type_of_word(tokens[-1].text) or org_type_of_word(head.text)
    if hit:
        return hit
    ids = {t.i for t in tokens}
    # nouns the name modifies ("Nexters video game production company", "Tinkoff online bank")
    node = head
    for _ in range(5):
        if node.dep_ not in _NOUN_LINKS or node.head.i == node.i:
            break
        node = node.head
        if node.i in ids or node.pos_ not in {"NOUN", "PROPN"}:
            continue
        hit = org_type_of_word(node.text) or org_type_of_word(node.lemma_)
        if hit:
            return hit
    # nouns modifying the name or in apposition ("video game production company Rlaurich")
    for c in head.children:
        if c.i in ids:
            continue
        if c.dep_ in {_COMPOUND, _APPOS} and c.pos_ == "NOUN":
            hit = org_type_of_word(c.text) or org_type_of_word(c.lemma_)
            if hit:
                return hit
    # "the German newspaper, Die Welt, ...": apposition the parser missed, read from the commas
    doc = head.doc
    before = tokens[0].i - 1
    after = tokens[-1].i + 1
    if (before >= 1 and doc[before].text == "," and doc[before - 1].pos_ == "NOUN"
            and (after >= len(doc) or doc[after].is_punct)):
        return org_type_of_word(doc[before - 1].text) or org_type_of_word(doc[before - 1].lemma_)
    return None


def _context_place_type(tokens: list[Token]) -> str | None:
    head = _head(tokens)
    nxt = tokens[-1].nbor(1) if tokens[-1].i + 1 < len(tokens[-1].doc) else None
    if nxt is not None and nxt.lower_ in {"province", "region", "oblast", "state", "district", "county"}:
        return "Region"
    if nxt is not None and nxt.lower_ == "city":
        return "City"
    # "the city of X", "the state of X"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in {"city", "town"}:
        return "City"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in {"province", "region", "state"}:
        return "Region"
    # "its main cities, Almaty and Astana"
    anchor = head
    while anchor.dep_ == "conj":
        anchor = anchor.head
    if anchor.dep_ == _APPOS and anchor.head.lemma_.lower() in {"city", "town"}:
        return "City"
    return None


def _coordinated_with_org(token: Token) -> bool:
    root = token
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    items = [root, *root.conjuncts]
    return any(t.ent_type_ == "ORG" for t in items if t.i != token.i)


def _speaks(head: Token) -> bool:
    return head.dep_ in _NSUBJ and head.head.lemma_.lower() in speech_verbs()


def _candidates(doc: Doc) -> Iterable[_Cand]:
    for span in doc.ents:
        if span.label_ not in _KEEP_LABELS:
            continue
        for part, first in _parts(span):
            yield from _candidate(doc, span, part, first)
    yield from _missed_org_names(doc)


def _missed_org_names(doc: Doc) -> Iterable[_Cand]:
    """'"Tinkoff" online bank': a proper noun naming an organisation noun that NER did not tag.

    Why: the small model misses unfamiliar company names in lists; the organisation noun they modify
    ("bank", "company") is evidence enough. The name must start its noun phrase ("software Development
    companies" is not a name).
    """
    covered = {t.i for span in doc.ents for t in span}
    for t in doc:
        if t.i in covered or t.tag_ not in {"NNP", "NNPS"} or not t.text[:1].isupper() or is_title_word(t.text):
            continue
        if t.dep_ not in {"compound", "nmod"} or t.head.pos_ != "NOUN" or not t.head.is_lower:
            continue
        org = org_type_of_word(t.head.text) or org_type_of_word(t.head.lemma_)
        if org is None or demonym_country(t.text) or place_type(t.text):
            continue
        modified = [c for c in (*t.head.lefts, *t.lefts) if c.dep_ in {"amod", "compound", "nmod"} and c.i < t.i]
        if modified or len(t.text) < 3:
            continue  # part of a longer phrase ("Russian IT companies"): only a run that starts the phrase
        run = [t]
        while run[-1].i + 1 < len(doc) and doc[run[-1].i + 1].tag_ in {"NNP", "NNPS"} \
                and doc[run[-1].i + 1].text[:1].isupper() and doc[run[-1].i + 1].i not in covered:
            run.append(doc[run[-1].i + 1])
        text = doc_text(doc)[run[0].idx : run[-1].idx + len(run[-1].text)]
        yield _Cand(start=run[0].idx, end=run[0].idx + len(text), text=text, label="ORG", surface=text,
                    org_type=org)


def _candidate(doc: Doc, span: Span, part: list[Token], first: bool = True) -> Iterable[_Cand]:
    tokens = _trim(part)
    if not tokens:
        return
    label = span.label_
    # "Vladimir Smirnov / TASS": an all-capitals credit after the separator is an agency, not a person
    if not first and len(tokens) == 1 and tokens[0].text.isupper():
        label = "ORG"
    text = doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    if _is_junk(tokens, text, label):
        return
    # "Kazakh language", "Russian speakers": a demonym adjective with common nouns is the demonym alone
    if len(tokens) > 1 and demonym_country(tokens[0].text) and all(t.is_lower for t in tokens[1:]):
        tokens = tokens[:1]
        text = tokens[0].text
    words = [t.text for t in tokens]
    role = None
    # "Kazakh President Kassym-Jomart Tokayev": a title inside the span before capitalised words; whatever
    # precedes the title (a demonym, country or organisation) is a mention of its own
    for i in range(len(tokens) - 1, 0, -1):
        start = title_start(words, i)
        if start is None:
            continue
        rest = tokens[i:]
        if not all(t.text[:1].isupper() or t.is_punct for t in rest) or rest[0].is_punct:
            continue
        if label != "PERSON" and (org_type_of_word(rest[-1].text) or place_type(" ".join(w.text for w in rest))):
            continue
        role = " ".join(words[start:i]).lower()
        if start > 0:
            yield from _candidate_prefix(doc, span, tokens[:start])
        tokens = rest
        text = doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
        label = "PERSON"
        break
    start_char = tokens[0].idx
    cand = _Cand(start=start_char, end=start_char + len(text), text=text, label=label, surface=span.text.strip(),
                 role=role, person_cue=role is not None)
    _apply_context(cand, tokens, label)
    yield cand


def _candidate_prefix(doc: Doc, span: Span, tokens: list[Token]) -> Iterable[_Cand]:
    """The 'Kazakh' / 'Kazakhstan' / 'Centras Group' before a title inside one spaCy span."""
    tokens = _trim(tokens)
    if not tokens:
        return
    text = doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    cand = _Cand(start=tokens[0].idx, end=tokens[0].idx + len(text), text=text, label="ORG", surface=text)
    _apply_context(cand, tokens, "ORG")
    if cand.country is None and country_of(text) is None and place_type(text) is None:
        cand.org_type = org_type_of_word(tokens[-1].text)
    yield cand


def _apply_context(cand: _Cand, tokens: list[Token], label: str) -> None:
    text = cand.text
    head = _head(tokens)
    dem = _demonyms().get(text.lower())
    if dem:
        country, kind = dem
        nxt = tokens[-1].nbor(1) if tokens[-1].i + 1 < len(tokens[-1].doc) else None
        # "Kazakh President", "Russian Foreign Minister", "the Russian market": the state; "Kazakhs",
        # "Russian citizens": its people
        if kind == "adj" and nxt is not None and (nxt.lower_ in _state_nouns() or _title_follows(nxt)):
            cand.country, cand.label, cand.place_type = country, "GPE", "Country"
        else:
            cand.group, cand.label = True, "NORP"
            cand.country = country
        return
    country = country_of(text)
    # "Kazakhstan Seeks ..." (a headline tagged PERSON): a name never starts with a country
    if label == "PERSON" and len(tokens) > 1 and country_of(tokens[0].text):
        cand.text, cand.end = tokens[0].text, tokens[0].idx + len(tokens[0].text)
        cand.surface = cand.text
        cand.label, cand.place_type = "GPE", "Country"
        return
    if country and (label != "PERSON" or cand.surface != text):
        cand.label, cand.place_type, cand.country = "GPE", "Country", None
        return
    known_place = place_type(text)
    org = _context_org_type(tokens)
    appos = _appos_title(head)
    if appos is not None and not known_place and not org:
        cand.person_cue = True
        cand.role = cand.role or _role_phrase(appos)
    prev = _title_before(tokens)
    if prev and not known_place and not org and label in {"PERSON", "ORG", "GPE", "NORP"}:
        cand.person_cue = True
        cand.role = cand.role or prev
    if (_speaks(head) and label != "PERSON" and not known_place and not org and len(tokens) == 1
            and _looks_like_surname(text)):
        cand.person_cue = True
    if cand.person_cue:
        cand.label = "PERSON"
        return
    # "Ikea, H&M and Zara have left": a one-word PERSON coordinated with organisations is one of them
    if label == "PERSON" and len(tokens) == 1 and _coordinated_with_org(head):
        cand.label = "ORG"
        return
    if known_place:
        cand.label, cand.place_type = "GPE", known_place
        return
    if org:
        cand.org_type = org
        if cand.label != "ORG":
            cand.label = "ORG"
        return
    if label != "PERSON":
        cand.place_type = _context_place_type(tokens)
        if cand.place_type:
            cand.label = "GPE"


def _title_follows(token: Token) -> bool:
    """A role title starts at ``token`` ("Foreign Minister Sergei Lavrov")."""
    doc = token.doc
    words = [t.text for t in doc[token.i : min(token.i + 4, len(doc))]]
    return any(title_start(words, k) == 0 for k in range(1, len(words) + 1))


def _title_before(tokens: list[Token]) -> str | None:
    """'President Tokayev': the title words right before the name (outside spaCy's span)."""
    first = tokens[0]
    doc = first.doc
    words: list[str] = []
    i = first.i - 1
    while i >= 0 and i >= first.i - 6 and doc[i].is_alpha and doc[i].text[:1].isupper():
        words.insert(0, doc[i].text)
        i -= 1
    start = title_start(words) if words else None
    if start is None:
        return None
    return " ".join(words[start:]).lower()


# --------------------------------------------------------------------------------------------- grouping
def _type_of(g: dict) -> str:
    label = g["label"]
    if label == "PERSON":
        return "Person"
    if label == "NORP":
        return "Group"
    if label in {"GPE", "LOC", "FAC"}:
        return g["place_type"] or "Place"
    if label == "ORG":
        return g["org_type"] or "Organization"
    return _TYPE_OF_LABEL.get(label, "Thing")


def _group_key(c: _Cand) -> tuple[str, str]:
    if c.country and c.label == "GPE":
        return ("place", c.country.lower())
    if c.group and c.country:
        return ("group", c.country.lower())
    if c.label == "GPE" and c.place_type == "Country":
        return ("place", (country_of(c.text) or c.text).lower())
    return ("name", _tidy(c.text).lower())


def extract_entities(doc: Doc) -> DocEntities:
    groups: dict[tuple[str, str], dict] = {}
    order: list[tuple[str, str]] = []
    for c in _candidates(doc):
        key = _group_key(c)
        g = groups.get(key)
        if g is None:
            if key[0] == "place" and c.place_type == "Country":
                name = country_of(c.text) or c.country or c.text
            elif key[0] == "group":
                name = _people_noun().get(c.country or "", c.text)
            else:
                name = _tidy(c.text)
            g = groups[key] = {"name": name, "labels": Counter(), "mentions": [], "alts": set(), "roles": set(),
                               "person_cue": False, "org_type": None, "place_type": None, "cands": []}
            order.append(key)
        g["labels"][c.label] += 1
        g["cands"].append(c)
        g["alts"].add(_tidy(c.text))
        if c.surface and c.surface != c.text:
            g["alts"].add(clean_name(c.surface))
        if c.role:
            g["roles"].add(c.role)
        g["person_cue"] |= c.person_cue
        g["org_type"] = g["org_type"] or c.org_type
        g["place_type"] = g["place_type"] or c.place_type
    for g in groups.values():
        g["label"] = _decide_label(g)
        for c in g["cands"]:
            g["mentions"].append(Mention(text=c.text, start=c.start, end=c.end, label=g["label"]))
    _merge_short_names(groups, order)
    result = DocEntities()
    for key in order:
        g = groups.get(key)
        if g is None:
            continue
        alts = {a for a in g["alts"] if a and a.lower() != g["name"].lower()}
        ent = Entity(
            name=g["name"],
            type=_type_of(g),
            mentions=tuple(sorted(g["mentions"], key=lambda m: m.start)),
            alt_labels=tuple(sorted(alts)),
            roles=tuple(sorted(g["roles"])),
        )
        idx = len(result.entities)
        result.entities.append(ent)
        for m in ent.mentions:
            for off in range(m.start, m.end):
                result._by_offset.setdefault(off, idx)
    return result


def _decide_label(g: dict) -> str:
    labels: Counter = g["labels"]
    if "NORP" in labels and all(c.group for c in g["cands"]):
        return "NORP"
    if g["place_type"] == "Country":
        return "GPE"
    # context evidence beats spaCy's vote: one "Sayakmantova, chairman of ..." makes every mention a person
    if g["person_cue"]:
        return "PERSON"
    if g["place_type"] in {"City", "Region"} and place_type(g["name"]):
        return "GPE"
    if g["org_type"]:
        return "ORG"
    if g["place_type"]:
        return "GPE"
    top = max(labels.values())
    for c in g["cands"]:  # first-seen label among the most frequent
        if labels[c.label] == top:
            return c.label
    return "ORG"


def _could_be_person(full: dict, short: dict) -> bool:
    if full["label"] == "PERSON":
        return True
    # an untyped ORG/GPE name (no organisation word, not a known place) ending in a person's surname
    return (short["label"] == "PERSON" and full["label"] in {"ORG", "GPE", "NORP"} and not full["org_type"]
            and not full["place_type"] and all(w[:1].isupper() for w in full["name"].split()))


def _merge_short_names(groups: dict, order: Iterable) -> None:
    """'Tokayev' joins 'Kassym-Jomart Tokayev' when exactly one full name ends with it."""
    keys = list(order)
    for key in keys:
        g = groups.get(key)
        if g is None or len(g["name"].split()) != 1 or g["label"] not in {"PERSON", "ORG", "GPE"}:
            continue
        if g["label"] == "GPE" and g["place_type"]:
            continue
        short = g["name"].lower()
        owners = [
            k for k in keys
            if k != key and k in groups and _could_be_person(groups[k], g)
            and len(groups[k]["name"].split()) > 1 and groups[k]["name"].lower().split()[-1] == short
        ]
        if len(owners) == 1:
            full = groups[owners[0]]
            if full["label"] != "PERSON":
                # spaCy's ORG "Kassym-Jomart Tokayev" whose surname is a PERSON elsewhere is that person
                full["label"] = "PERSON"
                full["mentions"] = [Mention(m.text, m.start, m.end, "PERSON") for m in full["mentions"]]
            full["mentions"].extend(Mention(m.text, m.start, m.end, "PERSON") for m in g["mentions"])
            full["alts"] |= g["alts"] | {g["name"]}
            full["roles"] |= g["roles"]
            del groups[key]

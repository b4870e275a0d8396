"""The relation rules (``rules/relation_patterns.json``) loaded once, the DependencyMatcher built from them,
the token attributes patterns refer to (``_.kg_cat``, ``_.kg_title``) and the match record ``_Found``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token
from spacy.vocab import Vocab

from kg.depmatcher import IndexedDependencyMatcher as DependencyMatcher
from kg.extract.entities import ORG_TYPES, PLACE_TYPES, honorifics, titles
from kg.records import Relation

_CAT = "kg_cat"


_TITLE = "kg_title"


_RELATIVE = {"that", "which", "who", "whom", "whose"}


_SUBJ_DEPS = {"nsubj", "nsubjpass"}


_LIST_DEPS = {"conj", "appos"}


_NP_INNER = {"compound", "nmod", "amod", "poss", "npadvmod"}


_CLIMB_UP = {"xcomp", "acl", "advcl", "ccomp", "prep", "pobj", "conj", "relcl"}


_PRONOUNS = {"PRP", "PRP$", "WP", "WDT", "EX"}
# personal pronouns that may stand for the person a pattern's PER anchor needs ("She is CEO of Acme")
_PERSON_PRONOUNS = {"he", "she"}


@dataclass(frozen=True)
class _Rule:
    name: str
    predicate: str
    confidence: float
    subject: str
    object: str
    role: str | None
    subject_cats: frozenset[str]
    object_cats: frozenset[str]
    subject_types: frozenset[str]
    object_types: frozenset[str]
    generic_subject: bool
    expand_subject: bool
    check_hypothetical: bool
    anchors: tuple[str, ...]
    object_appos: bool = False
    object_in_subject_phrase: bool = False
    role_by_lemma: tuple[tuple[str, str], ...] = ()  # the role a TRIGGER verb states ('led by X': leader)
    role_suffix: str = ""  # appended to the role text ('serves on the board of X': 'board' + ' member')
    role_prefix: str = ""  # a qualifier put before it ('retired as chairman of X': 'former chairman')
    role_text: str = ""  # the role a pattern without a role anchor states ('Tom Hale, a Democrat': 'member')
    object_party: bool = False  # the object must be a political party ('ran for the Green Party': a candidacy)
    object_exclude: frozenset[str] = frozenset()  # object names never taken ('left the White House': a building)


@dataclass(frozen=True)
class _Config:
    rules: tuple[_Rule, ...]
    patterns: tuple[tuple[str, list], ...]
    hypothetical_heads: frozenset[str]
    hypothetical_aux: frozenset[str]
    quantity_heads: frozenset[str]
    generic_subject_heads: frozenset[str]
    object_via_modifier_heads: frozenset[str]
    state_titles: frozenset[str]
    portfolio_words: frozenset[str] = frozenset()
    generic_bodies: frozenset[str] = frozenset()
    evaluative_modifiers: frozenset[str] = frozenset()
    name_head_nouns: frozenset[str] = frozenset()
    place_occupations: frozenset[str] = frozenset()
    place_bodies: frozenset[str] = frozenset()


@cache
def config() -> _Config:
    raw = json.loads(resources.files("kg.extract").joinpath("rules/relation_patterns.json").read_text("utf-8"))
    rules, patterns = [], []
    for p in raw["patterns"]:
        if p["name"].startswith("_"):
            continue
        rules.append(_Rule(
            name=p["name"], predicate=p["predicate"], confidence=float(p.get("confidence", 0.8)),
            subject=p["subject"], object=p["object"], role=p.get("role"),
            subject_cats=frozenset(p.get("subject_cats", ())), object_cats=frozenset(p.get("object_cats", ())),
            subject_types=frozenset(p.get("subject_types", ())), object_types=frozenset(p.get("object_types", ())),
            generic_subject=bool(p.get("generic_subject", False)), expand_subject=bool(p.get("expand_subject")),
            check_hypothetical=bool(p.get("check_hypothetical", False)),
            anchors=tuple(node["RIGHT_ID"] for node in p["pattern"]),
            object_appos=bool(p.get("object_appos", False)),
            object_in_subject_phrase=bool(p.get("object_in_subject_phrase", False)),
            role_by_lemma=tuple(sorted(p.get("role_by_lemma", {}).items())),
            role_suffix=p.get("role_suffix", ""),
            role_prefix=p.get("role_prefix", ""),
            role_text=p.get("role_text", ""),
            object_party=bool(p.get("object_party", False)),
            object_exclude=frozenset(n.lower() for n in p.get("object_exclude", ())),
        ))
        patterns.append((p["name"], p["pattern"]))
    return _Config(
        rules=tuple(rules), patterns=tuple(patterns),
        hypothetical_heads=frozenset(raw.get("hypothetical_heads", ())),
        hypothetical_aux=frozenset(raw.get("hypothetical_aux", ())),
        quantity_heads=frozenset(raw.get("quantity_heads", ())),
        generic_subject_heads=frozenset(raw.get("generic_subject_heads", ())),
        object_via_modifier_heads=frozenset(raw.get("object_via_modifier_heads", ())),
        state_titles=frozenset(raw.get("state_titles", ())),
        portfolio_words=frozenset(raw.get("portfolio_words", ())),
        generic_bodies=frozenset(raw.get("generic_bodies", ())),
        evaluative_modifiers=frozenset(raw.get("evaluative_modifiers", ())),
        name_head_nouns=frozenset(raw.get("name_head_nouns", ())),
        place_occupations=frozenset(raw.get("place_occupations", ())),
        place_bodies=frozenset(raw.get("place_bodies", ())),
    )


_MATCHERS: dict[int, DependencyMatcher] = {}


def _matcher(vocab: Vocab) -> DependencyMatcher:
    m = _MATCHERS.get(id(vocab))
    if m is None:
        m = DependencyMatcher(vocab)
        for name, pattern in config().patterns:
            m.add(name, [pattern])
        _MATCHERS[id(vocab)] = m
    return m


def _ensure_extensions() -> None:
    # the Matcher hashes extension values: strings only ("" = not set)
    for name, default in ((_CAT, ""), (_TITLE, "")):
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)


@cache
def _title_heads() -> frozenset[str]:
    return frozenset(t.split()[-1] for t in titles()) - honorifics()


def category(entity_type: str) -> str:
    if entity_type == "Person":
        return "PER"
    if entity_type in ORG_TYPES:
        return "ORG"
    if entity_type in PLACE_TYPES:
        return "PLACE"
    return "GROUP"


@dataclass
class _Found:
    relation: Relation
    key: tuple
    distance: int = 0  # tokens between role and object (a nested phrase can hold several objects)
    role_at: int = -1  # token index of the role word

"""Relations between entities: relocated_to, left, suspended_operations_in, holds_role, located_in, ...

The patterns are data (``rules/relation_patterns.json``, spaCy ``DependencyMatcher`` syntax); this module
marks entity and title tokens so patterns can refer to them, runs the matcher and turns each match into a
``Relation``: it finds the grammatical subject through relative clauses and conjoined verbs, splits a
coordinated list of companies into one relation per company, reads the role title, and drops duplicates.
Two rules are code because they look beyond one sentence's tree: the bare-title fallback
("President Tokayev" → the document's country) and the document metadata relations (publisher).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import product

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from kg.extract.entities import (
    ORG_TYPES,
    PLACE_TYPES,
    DocEntities,
    clean_name,
    demonym_country,
    honorifics,
    is_title_word,
    org_type_of_word,
    title_start,
    titles,
)
from kg.extract.text import doc_text
from kg.records import Document, Entity, Evidence, Relation

_CAT = "kg_cat"
_TITLE = "kg_title"
_RELATIVE = {"that", "which", "who", "whom", "whose"}
_SUBJ_DEPS = {"nsubj", "nsubjpass"}
_LIST_DEPS = {"conj", "appos"}
_NP_INNER = {"compound", "nmod", "amod", "poss", "npadvmod"}
_CLIMB_UP = {"xcomp", "acl", "advcl", "ccomp", "prep", "pobj", "conj", "relcl"}
_PRONOUNS = {"PRP", "PRP$", "WP", "WDT", "EX"}


# --------------------------------------------------------------------------------------------- rules
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


# --------------------------------------------------------------------------------------------- helpers
def _mark(doc: Doc, ents: DocEntities) -> dict[int, Entity]:
    """Set _.kg_cat / _.kg_title on tokens; return token index -> entity."""
    _ensure_extensions()
    heads = _title_heads()
    by_token: dict[int, Entity] = {}
    for t in doc:
        ent = ents.for_token(t)
        if ent is not None:
            by_token[t.i] = ent
        t._.set(_CAT, category(ent.type) if ent is not None else "")
        is_title = ent is None and t.lower_.rstrip(".") in heads and t.pos_ in {"NOUN", "PROPN"}
        t._.set(_TITLE, "yes" if is_title else "")
    # "CEO of the software company Northwind": an organisation noun with a name in apposition stands for it
    generic = config().generic_subject_heads
    for t in doc:
        if t.i in by_token or t.pos_ != "NOUN" or t.lemma_.lower() not in generic:
            continue
        named = next((by_token[c.i] for c in t.children if c.dep_ == "appos" and c.i in by_token
                      and category(by_token[c.i].type) == "ORG"), None)
        if named is not None:
            by_token[t.i] = named
            t._.set(_CAT, "ORG")
    return by_token


def _evidence(doc: Doc, start: int, end: int) -> Evidence:
    sent = doc.char_span(start, end, alignment_mode="expand")
    s: Span = sent.sent if sent is not None else doc[:]
    return Evidence(start=start, end=end, text=doc_text(doc)[start:end], sentence_start=s.start_char,
                    sentence_end=s.end_char, sentence=s.text)


def _clause_subject(trigger: Token) -> Token | None:
    """The grammatical subject of a verb, through relative clauses, conjoined verbs and participles."""
    node = trigger
    for _ in range(4):
        if node.dep_ == "amod" and node.head.pos_ in {"NOUN", "PROPN"}:
            return node.head  # "the relocated businesses"
        subj = next((c for c in node.children if c.dep_ in _SUBJ_DEPS), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and node.dep_ == "relcl":
                return node.head
            return subj
        if node.dep_ in {"relcl", "acl"}:
            return node.head  # "businesses moving to Kazakhstan"
        if node.dep_ in {"conj", "xcomp"}:
            node = node.head
            continue
        return None
    return None


def _counted(token: Token, cfg: _Config) -> Token:
    """'Hundreds of Russian firms', 'a number of companies': the counted noun is the subject."""
    if token.lemma_.lower() in cfg.quantity_heads or token.like_num:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return token


def _speaker_of_pronoun(pronoun: Token, by_token: dict[int, Entity]) -> Token | None:
    """'Apple said it has suspended sales': 'it' is the organisation that says so."""
    if pronoun.lower_ not in {"it", "they"}:
        return None
    node = pronoun.head
    for _ in range(3):
        if node.dep_ not in {"ccomp", "conj", "xcomp"} or node.head.i == node.i:
            return None
        node = node.head
        subj = next((c for c in node.children if c.dep_ in _SUBJ_DEPS), None)
        if subj is not None:
            ent = by_token.get(subj.i)
            return subj if ent is not None and category(ent.type) == "ORG" else None
    return None


def _hypothetical(trigger: Token, heads: frozenset[str], aux: frozenset[str] = frozenset()) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in aux) for c in trigger.children):
        return True
    node = trigger
    for _ in range(3):
        if node.dep_ not in _CLIMB_UP or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in heads:
            return True
    return False


def _list_items(token: Token) -> list[Token]:
    """A subject and every item coordinated or in apposition with it ('A, B online bank, C company ...')."""
    out, todo, seen = [], [token], set()
    while todo:
        t = todo.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in _LIST_DEPS)
        # "Finnish retailer Stockmann and German chemicals maker BASF": the parser hangs the first company
        # off a compound of the second
        todo.extend(g for c in t.children if c.dep_ == "compound" for g in c.children if g.dep_ in _LIST_DEPS)
        # "companies, including Kaspersky and Acronis" / "companies such as Kaspersky": the named examples
        for c in t.children:
            if c.dep_ == "prep" and (c.lower_ in {"including", "like"} or (c.lower_ == "as" and c.i > 0
                                                                         and c.nbor(-1).lower_ == "such")):
                todo.extend(p for p in c.children if p.dep_ == "pobj")
    return sorted(out, key=lambda t: t.i)


def _entity_in(token: Token, by_token: dict[int, Entity], cats: frozenset[str]) -> Entity | None:
    """The entity a noun phrase item names: the head itself, or a name inside ('Nexters ... company')."""
    ent = by_token.get(token.i)
    if ent is not None and category(ent.type) in cats:
        return ent
    todo = [c for c in token.children if c.dep_ in _NP_INNER]
    while todo:
        c = todo.pop(0)
        ent = by_token.get(c.i)
        if ent is not None and category(ent.type) in cats:
            return ent
        todo.extend(x for x in c.children if x.dep_ in _NP_INNER)
    return None


def _place_modified_org(token: Token, by_token: dict[int, Entity]) -> str | None:
    """'St. Petersburg stock exchange': a place name modifying an organisation noun names an organisation."""
    if token.pos_ != "NOUN" or not org_type_of_word(token.lemma_):
        return None
    mods = [c for c in token.children if c.dep_ == "compound"]
    # a city's institution ("St. Petersburg stock exchange"), not a nationality ("a U.S. airline")
    if not mods or not any(by_token[c.i].type in {"City", "Region", "Place"} for c in mods if c.i in by_token):
        return None
    if token.dep_ == "attr":
        return None  # "America West was a U.S. airline": the copula's subject is the organisation
    left = min(c.left_edge.i for c in mods)
    return token.doc[left : token.i + 1].text


def _generic_np(token: Token, heads: frozenset[str]) -> str | None:
    """'more than 50 foreign businesses' -> 'foreign businesses' when the head is an organisation noun."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in heads:
        return None
    mods = [c for c in token.lefts if c.dep_ in {"amod", "compound", "nmod"} and c.is_alpha
            and c.lower_ not in {"more", "many", "other", "several", "some", "most", "few", "such"}]
    if not mods:
        return token.text
    return token.doc[min(c.left_edge.i for c in mods) : token.i + 1].text


def _object_entity(token: Token, by_token: dict[int, Entity], cfg: _Config) -> Entity | None:
    ent = by_token.get(token.i)
    if ent is not None:
        return ent
    # "the Russian market" -> Russia
    if token.lemma_.lower() in cfg.object_via_modifier_heads:
        for c in token.children:
            if c.dep_ in {"amod", "compound", "poss"} and c.i in by_token:
                return by_token[c.i]
    return None


def _role_text(role: Token, obj_tokens: set[int], subj_tokens: set[int]) -> str:
    """'the First Deputy Chief of Staff of the President of Kazakhstan' -> 'first deputy chief of staff of
    the president' (the role phrase up to the preposition leading to the object)."""
    doc = role.doc
    if role.i < min(subj_tokens, default=role.i + 1) and role.dep_ == "compound":
        # pre-modifier: the title words between the object (or the sentence) and the name
        start = role.i
        while start - 1 >= 0 and start - 1 not in obj_tokens and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].i not in subj_tokens and not doc[start - 1]._.get(_CAT) \
                and doc[start - 1].is_alpha:
            start -= 1
        # "vice-president", "co-founder": a hyphenated title modifier
        if start >= 2 and doc[start - 1].text in {"-", "‐"} and is_title_word(doc[start - 2].text) \
                and start - 2 not in obj_tokens and not doc[start - 2]._.get(_CAT):
            start -= 2
        return _qualified(role, doc[start : role.i + 1].text.lower().replace(" - ", "-"), subj_tokens)
    tokens = []
    skip: set[int] = set()
    for t in role.subtree:
        if t.i in skip or t.i in subj_tokens or t.i in obj_tokens:
            continue
        if t.i > role.i and t.dep_ == "prep" and any(c.dep_ == "pobj" and c.i in obj_tokens for c in t.children):
            break  # "of Kazakhstan": the object, not the role
        if t.i != role.i and (t.dep_ in {"poss", "appos", "relcl", "acl", "xcomp"} or t.tag_ == "POS"):
            skip.update(d.i for d in t.subtree)  # "Kazakhstan's", ", Timur Suleimenov", "official to leave"
            continue
        if t.i < role.i and t.lower_ in _NOT_ROLE_WORDS:
            continue  # "the only official"
        if t.is_punct or (t.dep_ == "det" and not tokens) or (t.i < role.i and t._.get(_CAT)):
            continue
        tokens.append(t)
    words = [t.text for t in tokens]
    while words and words[-1].lower() in {"of", "at", "for", "the", "in", "with", "to"}:
        words.pop()
    return _qualified(role, " ".join(words).lower(), subj_tokens)


_NOT_ROLE_WORDS = {"only", "also", "then", "new", "top", "current", "currently", "longtime", "veteran"}
_QUALIFIERS = {"former": "former", "formerly": "former", "ex": "former", "acting": "acting", "interim": "interim",
               "outgoing": "outgoing", "incoming": "incoming", "late": "late"}


def _qualified(role: Token, text: str, subj_tokens: set[int]) -> str:
    """'former Iowa Congressman X', 'ex-CIA chief X', 'X was formerly head of Y': the qualifier is kept on the
    role ('former congressman') even when the object stands between it and the title."""
    if not text:
        return text
    doc = role.doc
    lo = min([role.i, *subj_tokens])
    np_start = min(doc[i].left_edge.i for i in [role.i, *subj_tokens])
    near = [doc[i] for i in range(np_start, lo)]
    near += [c for c in role.head.children if c.dep_ == "advmod"] if role.dep_ in {"attr", "pobj", "oprd"} else []
    for t in near:
        q = _QUALIFIERS.get(t.lower_.rstrip("-"))
        if q and q not in text.split():
            return f"{q} {text}"
    return text


def _mention_tokens(token: Token, ent: Entity | None) -> set[int]:
    if ent is None:
        return {token.i}
    doc = token.doc
    for m in ent.mentions:
        if m.start <= token.idx < m.end:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            return {t.i for t in span} if span is not None else {token.i}
    return {token.i}


# --------------------------------------------------------------------------------------------- main
@dataclass
class _Found:
    relation: Relation
    key: tuple
    distance: int = 0  # tokens between role and object (a nested phrase can hold several objects)
    role_at: int = -1  # token index of the role word


def extract_relations(doc: Doc, entities: DocEntities, document: Document) -> Iterator[Relation]:
    cfg = config()
    by_token = _mark(doc, entities)
    found: list[_Found] = []
    rules = {r.name: r for r in cfg.rules}
    for match_id, token_ids in _matcher(doc.vocab)(doc):
        rule = rules[doc.vocab.strings[match_id]]
        anchors = dict(zip(rule.anchors, (doc[i] for i in token_ids), strict=True))
        found.extend(_from_match(rule, anchors, by_token, cfg))
    found.extend(_title_fallback(doc, entities, by_token, found, cfg))
    yield from _dedupe(found)
    yield from _metadata_relations(doc, document)


def _from_match(rule: _Rule, anchors: dict[str, Token], by_token: dict[int, Entity], cfg: _Config):
    trigger = anchors.get("TRIGGER")
    if (rule.check_hypothetical and trigger is not None
            and _hypothetical(trigger, cfg.hypothetical_heads, cfg.hypothetical_aux)):
        return
    objects = _objects(rule, anchors[rule.object], by_token, cfg)
    if not objects:
        return
    subj_tok = _subject_token(rule, anchors, trigger)
    if subj_tok is not None:
        subj_tok = _counted(subj_tok, cfg)
    if subj_tok is not None and subj_tok.tag_ in _PRONOUNS:
        subj_tok = _speaker_of_pronoun(subj_tok, by_token)
    if subj_tok is None:
        return
    items = _list_items(subj_tok) if rule.expand_subject else [subj_tok]
    named: list[tuple[Token, str, str, float]] = []
    generic: list[tuple[Token, str, str, float]] = []
    for item in items:
        text = _place_modified_org(item, by_token) if "ORG" in rule.subject_cats else None
        if text:
            named.append((item, text, org_type_of_word(item.lemma_) or "Organization", rule.confidence))
            continue
        if by_token.get(item.i) is None and item.dep_ == "attr" and item.lemma_.lower() in cfg.generic_subject_heads:
            # "Acme is a Seattle-based software company": the company the noun stands for, not a name inside
            ent = _named_by(item, by_token, rule.subject_cats) or _entity_in(item, by_token, rule.subject_cats)
        else:
            ent = _entity_in(item, by_token, rule.subject_cats) or _named_by(item, by_token, rule.subject_cats)
        if ent is not None:
            if rule.subject_types and ent.type not in rule.subject_types:
                continue
            named.append((item, ent.name, ent.type, rule.confidence))
            continue
        if rule.generic_subject:
            np = _generic_np(item, cfg.generic_subject_heads)
            if np:
                generic.append((item, np, "Group", rule.confidence * 0.7))
    for (item, name, stype, conf), (obj_tok, obj) in product(named or generic, objects):
        if name == obj.name or item.i == obj_tok.i:
            continue
        if rule.subject not in anchors and obj_tok.i <= item.i <= obj_tok.right_edge.i:
            continue  # a subject inside the object's phrase ("based in Sacramento, CA") is no subject
        if rule.object_in_subject_phrase and not item.left_edge.i <= obj_tok.i <= item.right_edge.i:
            continue  # "Israeli Prime Minister X accused opposition leader Y": Israeli is not Y's
        doc = obj_tok.doc
        obj_ids = _mention_tokens(obj_tok, by_token.get(obj_tok.i))
        subj_ids = _mention_tokens(item, by_token.get(item.i))
        role = None
        if rule.role:
            role = _role_text(anchors[rule.role], obj_ids, subj_ids) or None
            if role is None or role.rstrip(".") in honorifics():
                continue  # "Mr. Smith": an honorific is never a role
        lo = min(min(subj_ids), min(obj_ids), *(t.i for t in anchors.values()))
        hi = max(max(subj_ids), max(obj_ids), *(t.i for t in anchors.values()))
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        if doc[lo].sent.start != doc[hi].sent.start:
            continue
        # unnamed groups ("foreign businesses", "international companies") moving to one place in one article
        # are one claim: they share a key, so only the most confident (then first) is kept
        generic_key = name if (item, name, stype, conf) in named else "\x00generic"
        rel = Relation(subject=name, predicate=rule.predicate, object=obj.name, evidence=_evidence(doc, start, end),
                       role=role, subject_type=stype, object_type=obj.type, confidence=round(conf, 3),
                       pattern=rule.name)
        distance = abs(anchors[rule.role].i - obj_tok.i) if rule.role else 0
        role_at = anchors[rule.role].i if rule.role else -1
        yield _Found(rel, (generic_key.lower(), rule.predicate, obj.name.lower()), distance, role_at)


def _subject_token(rule: _Rule, anchors: dict[str, Token], trigger: Token | None) -> Token | None:
    """The token the rule's ``subject`` names: an anchor, the clause subject of TRIGGER, the word an anchor
    modifies (``HEAD_OF:X``, 'the Denver-based company') or the owner of an anchor noun (``OWNER_OF:X``,
    "Acme's headquarters", 'Acme has its headquarters')."""
    spec = rule.subject
    if spec == "clause_subject":
        return _clause_subject(trigger) if trigger is not None else None
    if spec.startswith("HEAD_OF:"):
        tok = anchors[spec.split(":", 1)[1]]
        return tok.head if tok.head.i != tok.i else None
    if spec.startswith("OWNER_OF:"):
        tok = anchors[spec.split(":", 1)[1]]
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.tag_ not in _PRONOUNS), None)
        if poss is not None:
            return poss
        if tok.dep_ in _SUBJ_DEPS:
            return None  # "its headquarters are in Y" with a pronoun owner: the clause has no other subject
        return _clause_subject(tok.head) if tok.head.i != tok.i else None
    return anchors[spec]


def _named_by(token: Token, by_token: dict[int, Entity], cats: frozenset[str]) -> Entity | None:
    """The entity an unnamed noun stands for: 'Acme is a company based in Y' (the copula's subject),
    'Acme, a company based in Y' / 'the company Acme' (apposition, compound)."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    node = token
    for _ in range(2):
        if node.dep_ == "attr":
            subj = next((c for c in node.head.children if c.dep_ in _SUBJ_DEPS), None)
            node = subj if subj is not None else node
        elif node.dep_ in {"appos", "compound"} and node.head.i != node.i:
            node = node.head
        else:
            for c in node.children:
                if c.dep_ == "appos":
                    ent = by_token.get(c.i)
                    if ent is not None and category(ent.type) in cats:
                        return ent
            return None
        ent = by_token.get(node.i)
        if ent is not None and category(ent.type) in cats:
            return ent
    return None


def _objects(rule: _Rule, token: Token, by_token: dict[int, Entity], cfg: _Config) -> list[tuple[Token, Entity]]:
    """The object entity, and for rules without a role each place coordinated with it ('to Armenia and
    Georgia') and, with ``object_appos``, the larger place in apposition ('in Pasadena, California')."""
    tokens = [token] + ([c for c in token.conjuncts if c.i > token.i] if rule.role is None else [])
    if rule.object_appos:
        tokens += [c for t in list(tokens) for c in t.children if c.dep_ in {"appos", "npadvmod"} and c.i > t.i]
    out = []
    for t in tokens:
        ent = _object_entity(t, by_token, cfg)
        if ent is None or category(ent.type) not in rule.object_cats:
            continue
        if rule.object_types and ent.type not in rule.object_types:
            continue
        out.append((t, ent))
    return out


def _title_fallback(doc: Doc, ents: DocEntities, by_token, found: list[_Found], cfg: _Config):
    """'President Tokayev' with no country in the phrase: the country named most often in the sentences
    that mention the person; on a tie, or with none, the document's main country when it is among them.
    Only for state titles, only when no pattern found a role for the person (confidence 0.5)."""
    with_role = {f.relation.subject for f in found if f.relation.predicate == "holds_role"}
    countries: Counter = Counter()
    for e in ents.entities:
        c = _country_named(e)
        if c:
            countries[c] += len(e.mentions)
    if not countries:
        return
    # the document's main country: more than half of all mentions of countries and their peoples
    doc_country, n = countries.most_common(1)[0]
    if n * 2 <= sum(countries.values()) or n < 2:
        doc_country = None
    for e in ents.entities:
        if e.type != "Person" or e.name in with_role:
            continue
        titled = _state_title(doc, e, cfg)
        if titled is None:
            continue
        role, start, end = titled
        obj = _person_country(doc, e, by_token, doc_country)
        if obj is None:
            continue
        rel = Relation(subject=e.name, predicate="holds_role", object=obj, evidence=_evidence(doc, start, end),
                       role=role, subject_type="Person", object_type="Country", confidence=0.5,
                       pattern="holds_role.title_document_country")
        yield _Found(rel, (e.name.lower(), "holds_role", obj.lower()))


def _state_title(doc: Doc, e: Entity, cfg: _Config) -> tuple[str, int, int] | None:
    """(role, start, end) of the first mention preceded by a state title ('President Tokayev')."""
    for m in e.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        words = []
        i = span.start - 1
        while i >= 0 and doc[i].is_alpha and doc[i].text[:1].isupper() and i >= span.start - 4:
            words.insert(0, doc[i])
            i -= 1
        start = title_start([w.text for w in words]) if words else None
        if start is None:
            continue
        role = " ".join(w.text for w in words[start:]).lower()
        if role in cfg.state_titles:
            return role, words[start].idx, m.end
    return None


def _person_country(doc: Doc, e: Entity, by_token, doc_country: str | None) -> str | None:
    votes: Counter = Counter()
    for m in e.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            votes.update({c for t in span.sent if t.i in by_token for c in [_country_named(by_token[t.i])] if c})
    if not votes:
        return doc_country
    top = max(votes.values())
    leaders = [c for c, v in votes.items() if v == top]
    if len(leaders) == 1 and (top > 1 or leaders[0] == doc_country):
        return leaders[0]
    # "President Reagan ... Romania": one sentence naming one other country is no evidence of whose office
    return doc_country if doc_country in leaders else None


def _country_named(ent: Entity) -> str | None:
    """The country an entity names: a Country, or the people of one ('Russian residents')."""
    if ent.type == "Country":
        return ent.name
    if ent.type == "Group":
        return demonym_country(ent.name)
    return None


def _dedupe(found: list[_Found]) -> Iterator[Relation]:
    """One relation per (subject, predicate, object) and document: the most confident, then the first."""
    # "a member of the board of X from Y": of the objects one role phrase reaches, keep the nearest
    nearest: dict[tuple, _Found] = {}
    for f in found:
        r = f.relation
        if f.role_at < 0:
            continue
        k = (r.subject.lower(), f.role_at, r.pattern)
        if k not in nearest or f.distance < nearest[k].distance:
            nearest[k] = f
    keep = {id(f) for f in nearest.values()}
    found = [f for f in found if f.role_at < 0 or id(f) in keep]
    best: dict[tuple, Relation] = {}
    order: list[tuple] = []
    for f in found:
        cur = best.get(f.key)
        if cur is None:
            best[f.key] = f.relation
            order.append(f.key)
        elif (f.relation.confidence, -f.relation.evidence.start) > (cur.confidence, -cur.evidence.start):
            best[f.key] = f.relation
    for key in order:
        yield best[key]


def _metadata_relations(doc: Doc, document: Document) -> Iterator[Relation]:
    """published_by / first_published_in from the Document fields the ingest stage filled.

    These are document facts, not claims: the evidence is empty (start == end), so ``kg.claims`` skips them
    and ``kg.rdf.mapping`` writes a plain document → outlet triple.
    """
    pairs = [("published_by", document.publisher)] if document.publisher else []
    pairs += [("first_published_in", outlet) for outlet in document.first_published_in if outlet]
    empty = Evidence(start=0, end=0, text="", sentence_start=0, sentence_end=0, sentence="")
    for predicate, outlet in pairs:
        name = clean_name(outlet)
        if name:
            yield Relation(subject=document.id, predicate=predicate, object=name, evidence=empty,
                           subject_type="Document", object_type="MediaOutlet", confidence=1.0,
                           pattern=f"{predicate}.document_metadata")

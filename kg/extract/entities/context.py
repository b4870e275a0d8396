"""Typing a mention candidate from the words around it (``_apply_context``): a title before or in apposition
makes a person, an organisation noun or an organisation head's title an organisation, a place noun a place,
a demonym the state or its people."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.entities.datelines import _dateline_city
from kg.extract.entities.lexicons import (
    _APPOS,
    _COMPOUND,
    _NOUN_LINKS,
    _NSUBJ,
    _demonyms,
    _looks_like_surname,
    _org_types,
    _state_nouns,
    country_of,
    is_title_word,
    org_type_of_word,
    place_type,
    program_nouns,
    speech_verbs,
    title_start,
)
from kg.extract.entities.mention import _Cand
from kg.extract.entities.orgnames import head_title_end, org_head_titles
from kg.extract.entities.places import state_qualified


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
    if _dateline_city(tokens, nxt):
        return "City"
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
    qualified = state_qualified(tokens)
    if qualified is not None:
        # "based in Fresno, CA": a US city and its state's postal code, whatever the tagger said
        cand.label, cand.place_type, cand.role, cand.org_type = "GPE", qualified, None, None
        return
    known_place = place_type(text)
    org = _context_org_type(tokens)
    if (label in {"PERSON", "ORG"} and not known_place and head.dep_ == "pobj" and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in org_head_titles() and not cand.role):
        # "the founder and CEO of BioGlen": what a chief executive or founder is 'of' is an organisation, never a
        # person (the small model tags unfamiliar one-word company names as people)
        cand.label, cand.org_type = "ORG", org or "Organization"
        return
    if label in {"PERSON", "NORP", "GPE"} and not known_place and not cand.role and _heads_titled_person(tokens):
        # "Corvina chairman Augusto Lenzi", "Orvel CEO Bo Park": a name before the title of someone who heads or
        # runs an organisation is that organisation (people have aides and spokesmen, but no chairman or general
        # manager), whatever the tagger said (a person, a nationality, a place no gazetteer knows)
        cand.label, cand.org_type = "ORG", org or "Organization"
        return
    appos = _appos_title(head)
    if appos is not None and not known_place and not org and not _bracketed_code(tokens):
        cand.person_cue = True
        cand.role = cand.role or _role_phrase(appos)
    prev = _title_before(tokens)
    if prev and not known_place and not org and label in {"PERSON", "ORG", "GPE", "NORP"}:
        cand.person_cue = True
        cand.role = cand.role or prev
    if (_speaks(head) and label != "PERSON" and not known_place and not org and len(tokens) == 1
            and _looks_like_surname(text)):
        cand.person_cue = True
    # "Beverly Hale (born 1948) is ...": a birth date in brackets follows only a person's name
    after = [t.lower_ for t in tokens[-1].doc[tokens[-1].i + 1 : tokens[-1].i + 3]]
    if after == ["(", "born"] and not known_place and not org and label in {"PERSON", "ORG", "GPE", "NORP"}:
        cand.person_cue = True
    # "Romania - Ion Popa ( 31st ) , Mihai Stan ( 75th )": a minute of a match in brackets follows a scorer's name
    if _minute_follows(tokens[-1]) and not known_place and not org and label in {"PERSON", "ORG"}:
        cand.person_cue = True
    if cand.person_cue:
        cand.label = "PERSON"
        return
    # "the Hartwell programme": a one-word PERSON naming a programme, plan or prize is that thing's name
    if (label == "PERSON" and not cand.person_cue and len(tokens) == 1 and head.dep_ == "compound"
            and head.head.is_lower and head.head.lemma_.lower() in program_nouns()):
        cand.label, cand.org_type = "ORG", "Organization"
        return
    # "Ikea, H&M and Zara have left": a one-word PERSON coordinated with organisations is one of them
    if label == "PERSON" and len(tokens) == 1 and _coordinated_with_org(head):
        cand.label = "ORG"
        return
    if known_place:
        # "the state of Kostanay": the text's word beats the gazetteer's most populous namesake (a city)
        context = _context_place_type(tokens) if known_place != "Country" else None
        cand.label, cand.place_type = "GPE", context or known_place
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


def _heads_titled_person(tokens: list[Token]) -> bool:
    """The name is followed by a title of an organisation's head and then a person's name."""
    doc = tokens[-1].doc
    return head_title_end(doc, tokens[-1].i + 1) is not None


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




def _bracketed_code(tokens: list[Token]) -> bool:
    """'chief executive of Orvel Industries (NYSE: ORV)': a word in capitals inside brackets after a title is a
    stock exchange, a ticker or an acronym, which the parser hangs on the title as an apposition; a person is
    never named so."""
    doc = tokens[0].doc
    if not all(t.text.isupper() or not t.is_alpha for t in tokens):
        return False
    k = tokens[0].i - 1
    while k >= 0 and doc[k].text not in {"(", ")"} and tokens[0].i - k <= 3:
        k -= 1
    return k >= 0 and doc[k].text == "("


_MINUTE = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def _minute_follows(last: Token) -> bool:
    """'( 31st )', '( 44th pen )': the minute a goal was scored in, in brackets right after the name."""
    doc = last.doc
    inside = [t.lower_ for t in doc[last.i + 2 : last.i + 5]]
    if last.i + 2 >= len(doc) or doc[last.i + 1].text != "(" or ")" not in inside:
        return False
    inside = inside[: inside.index(")")]
    return bool(inside) and bool(_MINUTE.fullmatch(inside[0])) and all(w in {"pen", "penalty"} for w in inside[1:])

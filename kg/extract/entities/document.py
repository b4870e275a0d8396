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

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc, Span, Token

from kg import gazetteer
from kg.extract.entities.candidates import _candidates
from kg.extract.entities.cleaning import _verb_lemmas
from kg.extract.entities.lexicons import (
    _TYPE_OF_LABEL,
    PLACE_TYPES,
    _people_noun,
    _tidy,
    class_names,
    clean_name,
    country_of,
    honorifics,
    place_of,
    place_type,
)
from kg.extract.entities.mention import _Cand
from kg.extract.entities.places import place_overrides, seated_name
from kg.extract.text import doc_text
from kg.records import Entity, Mention


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

    def at_each(self, starts: list[int], ends: list[int]) -> list[Entity | None]:
        """``at(start, end)`` of many ranges at once: per range, the entity of its first offset that has one
        (one sorted search over the offsets instead of a dictionary look-up per character)."""
        if not self._by_offset or not starts:
            return [None] * len(starts)
        offsets = np.fromiter(sorted(self._by_offset), dtype=np.int64, count=len(self._by_offset))
        first = np.searchsorted(offsets, np.asarray(starts, dtype=np.int64))  # first offset >= start
        found = offsets[np.minimum(first, len(offsets) - 1)]
        inside = (first < len(offsets)) & (found < np.asarray(ends, dtype=np.int64))
        by, entities = self._by_offset, self.entities
        return [entities[by[o]] if ok else None for o, ok in zip(found.tolist(), inside.tolist(), strict=True)]

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
    classes = class_names()
    for c in _candidates(doc):
        if c.label == "ORG":
            # "a judge on the Court of Appeals in Denver": one of many courts, told apart by its seat
            seated = seated_name(doc_text(doc), c.text, c.end, classes)
            if seated is not None:
                c.text = seated
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
            surface = clean_name(c.surface)
            # a surface that only runs on past the name ("Ted Marlow Refuses" for "Ted Marlow", "Acme-led") is
            # the tagger reading a Title Case headline or a compound into it, not another name for it
            name = _tidy(c.text).lower()
            if not surface.lower().startswith((name + " ", name + "-")):
                g["alts"].add(surface)
        if c.role and c.role.rstrip(".") not in honorifics():
            g["roles"].add(c.role)
        g["person_cue"] |= c.person_cue
        g["org_type"] = g["org_type"] or c.org_type
        g["place_type"] = g["place_type"] or c.place_type
    for g in groups.values():
        g["label"] = _decide_label(g)
        for c in g["cands"]:
            g["mentions"].append(Mention(text=c.text, start=c.start, end=c.end, label=g["label"]))
    _merge_headline_verbs(groups, order)
    _merge_short_names(groups, order)
    result = DocEntities()
    # "St. Petersburg, Fla.", "Georgia, Virginia and Alabama": which place the words around a name say it is
    overrides = place_overrides(doc_text(doc), [(g["name"], _type_of(g), [(m.start, m.end) for m in g["mentions"]])
                                           for g in groups.values() if _type_of(g) in PLACE_TYPES])
    for key in order:
        g = groups.get(key)
        if g is None:
            continue
        alts = {a for a in g["alts"] if a and a.lower() != g["name"].lower() and not _headline_fragment(a)}
        type_ = _type_of(g)
        name = g["name"]
        place = place_of(name) if type_ in PLACE_TYPES else None
        if place is None and type_ == "Region":
            place = gazetteer.us_state_code(name)  # "Fresno, CA": typed Region only in that shape
        if name in overrides and type_ in PLACE_TYPES:
            name, type_, place = overrides[name]
            if name != g["name"]:
                alts.add(g["name"])
        if place is not None and type_ == "Place":
            type_ = place.type  # "Orange" tagged GPE: the gazetteer's town
        if place is not None and place.type != type_:
            place = None  # context says "X province", the gazetteer a city of that name: not the same place
        ent = Entity(
            name=name,
            type=type_,
            mentions=tuple(sorted(g["mentions"], key=lambda m: m.start)),
            alt_labels=tuple(sorted(alts)),
            roles=tuple(sorted(g["roles"])),
            country=place.country if place is not None else None,
            identifiers=place.identifiers if place is not None else (),
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


def _merge_headline_verbs(groups: dict, order: Iterable) -> None:
    """'Hillary Clinton Wins' (a title-case headline) joins 'Hillary Clinton' when that name is in the story and
    the extra last word is an English verb form ('Wins', 'Refuses', 'Suffered')."""
    verbs = _verb_lemmas()
    if not verbs:
        return
    people = {g["name"].lower(): k for k, g in groups.items() if g["label"] == "PERSON"}
    for key in list(order):
        g = groups.get(key)
        if g is None or g["label"] != "PERSON" or len(g["name"].split()) < 3:
            continue
        *rest, last = g["name"].split()
        target = people.get(" ".join(rest).lower())
        low = last.lower()
        forms = {low, low[:-1], low[:-2], low[:-3], low[:-2] + "e" if low.endswith("ed") else low}
        if target is None or target == key or not forms & verbs:
            continue
        full = groups[target]
        full["mentions"].extend(Mention(m.text, m.start, m.end, "PERSON") for m in g["mentions"])
        full["roles"] |= g["roles"]
        del groups[key]
        people.pop(g["name"].lower(), None)


def _headline_fragment(alt: str) -> bool:
    """'ROYAL BANK/CANADA SEES', 'EC DRIVING': a capitals surface with a separator or of several words is a
    headline around the name, not another name for it."""
    words = alt.split()
    return "/" in alt or "[" in alt or "]" in alt or (len(words) >= 2 and alt.isupper() and len(alt) > 8)


def _honorific_name(name: str) -> bool:
    """'Mrs Reagan': a surname kept with its honorific (another person than 'Ronald Reagan')."""
    return len(name.split()) == 2 and name.split()[0].lower().rstrip(".") in honorifics()


def _could_be_person(full: dict, short: dict) -> bool:
    if full["label"] == "PERSON":
        return True
    # an untyped ORG/GPE name (no organisation word, not a known place) ending in a person's surname
    return (short["label"] == "PERSON" and full["label"] in {"ORG", "GPE", "NORP"} and not full["org_type"]
            and not full["place_type"] and all(w[:1].isupper() for w in full["name"].split()))


def _one_person(groups: dict, owners: list) -> list:
    """The full names that end in one surname, those that only add words before another's ('Certainly Dana
    Okafor', 'Dana Okafor') counted once: the shortest of them stands for all."""
    names = {k: groups[k]["name"].lower().split() for k in owners}
    return [k for k in owners if not any(o != k and len(names[o]) < len(names[k]) and names[k][-len(names[o]):] ==
                                         names[o] for o in owners)]


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
            if k != key and k in groups and _could_be_person(groups[k], g) and not _honorific_name(groups[k]["name"])
            and len(groups[k]["name"].split()) > 1 and groups[k]["name"].lower().split()[-1] == short
        ]
        owners = _one_person(groups, owners)
        if len(owners) > 1 and g["label"] == "ORG" and not g["org_type"] and all(
                groups[k]["label"] == "PERSON" for k in owners):
            # "Vance" tagged ORG in a story about Ronald and Edith Vance: a surname of its people, so a person
            # (which one stays open)
            g["label"] = "PERSON"
            g["mentions"] = [Mention(m.text, m.start, m.end, "PERSON") for m in g["mentions"]]
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

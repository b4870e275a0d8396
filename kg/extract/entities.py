"""Named entities of one document: cleaned names, corrected types, every mention.

spaCy's small English model is noisy in exactly the places news analysis cares about: it tags
"Kazakh President Kassym-Jomart Tokayev" as ORG, keeps "the" and possessive "'s" inside spans and
labels demonyms inconsistently. This module turns ``doc.ents`` into ``Entity`` records with one
name per real person/organisation/place within the document, and a lookup from any text offset
to its entity for the other extractors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span

from kg.records import Entity, Mention

_KEEP_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_TYPE_OF_LABEL = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
                  "NORP": "Group"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.I)


@cache
def titles() -> tuple[str, ...]:
    text = resources.files("kg.extract").joinpath("rules/titles.txt").read_text(encoding="utf-8")
    items = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(sorted(items, key=len, reverse=True))


def split_title(name: str) -> tuple[str, str | None]:
    """'Kazakh President Kassym-Jomart Tokayev' -> ('Kassym-Jomart Tokayev', 'president')."""
    words = name.split()
    low = [w.lower().rstrip(".") for w in words]
    for i in range(len(words)):
        for title in titles():
            tw = title.split()
            if low[i : i + len(tw)] == tw and i + len(tw) < len(words):
                rest = words[i + len(tw) :]
                if all(w[:1].isupper() for w in rest):
                    return " ".join(rest), title
    return name, None


def clean_name(text: str) -> str:
    text = " ".join(text.split())
    text = _LEADING_DET.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return text.strip(" \"“”'‘’,.;:")


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

    def by_name(self, name: str) -> Entity | None:
        key = clean_name(name).lower()
        for ent in self.entities:
            if ent.name.lower() == key or key in (a.lower() for a in ent.alt_labels):
                return ent
        return None


def _label(span: Span, name: str, title: str | None) -> str:
    label = span.label_
    # spaCy tags titled people ("Kazakh President Kassym-Jomart Tokayev") as ORG: a title followed
    # by capitalised words is a person.
    if title and label in {"ORG", "GPE", "NORP"} and len(name.split()) >= 1:
        return "PERSON"
    return label


def extract_entities(doc: Doc) -> DocEntities:
    groups: dict[str, dict] = {}
    order: list[str] = []
    for span in doc.ents:
        if span.label_ not in _KEEP_LABELS:
            continue
        raw = clean_name(span.text)
        if not raw or not any(c.isalpha() for c in raw):
            continue
        name, title = split_title(raw)
        label = _label(span, name, title)
        # character offsets of the name inside the span (titles and determiners are not the name)
        offset = span.text.find(name)
        start = span.start_char + max(offset, 0)
        mention = Mention(text=name, start=start, end=start + len(name), label=label)
        key = f"{label}|{name.lower()}"
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"name": name, "label": label, "mentions": [], "alts": set(), "roles": set()}
            order.append(key)
        g["mentions"].append(mention)
        g["alts"].add(span.text.strip())
        if title:
            g["roles"].add(title)
    _merge_short_names(groups, order)
    result = DocEntities()
    for key in order:
        g = groups.get(key)
        if g is None:
            continue
        ent = Entity(
            name=g["name"],
            type=_TYPE_OF_LABEL.get(g["label"], "Thing"),
            mentions=tuple(sorted(g["mentions"], key=lambda m: m.start)),
            alt_labels=tuple(sorted(g["alts"] - {g["name"]})),
            roles=tuple(sorted(g["roles"])),
        )
        idx = len(result.entities)
        result.entities.append(ent)
        for m in ent.mentions:
            for off in range(m.start, m.end):
                result._by_offset[off] = idx
    return result


def _merge_short_names(groups: dict[str, dict], order: Iterable[str]) -> None:
    """'Tokayev' joins 'Kassym-Jomart Tokayev' when exactly one full name ends with it."""
    keys = list(order)
    for key in keys:
        g = groups.get(key)
        if g is None or len(g["name"].split()) != 1:
            continue
        short = g["name"].lower()
        owners = [
            k for k in keys
            if k != key and k in groups and groups[k]["label"] in {"PERSON", g["label"]}
            and len(groups[k]["name"].split()) > 1 and groups[k]["name"].lower().split()[-1] == short
        ]
        if len(owners) == 1:
            full = groups[owners[0]]
            full["mentions"].extend(g["mentions"])
            full["alts"] |= g["alts"] | {g["name"]}
            full["roles"] |= g["roles"]
            del groups[key]

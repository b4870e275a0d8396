"""One cleaned mention candidate (``_Cand``), before the mentions of a document are grouped into entities."""

from __future__ import annotations

from dataclasses import dataclass


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


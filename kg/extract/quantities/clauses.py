"""The clause a number's attribution covers when a semicolon joins statements in one sentence: each part
with a speech verb of its own is its own statement ("Acme holds $20 billion, the auditors said; Zenith holds
$3 billion"), while a report put first governs the parts after it ("The auditors reported that …; …")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.entities import DocEntities
from kg.extract.quantities.scan import _Number
from kg.extract.quantities.speakers import (
    _CLAUSE_DEPS,
    _as_clause,
    _counted_subject,
    _kind,
    _name,
    _speech,
    _speech_subject,
)


def _semicolon_between(doc: Doc, i: int, j: int) -> bool:
    """A semicolon between tokens ``i`` and ``j``: it joins statements with attributions of their own."""
    lo, hi = sorted((i, j))
    return any(t.text == ";" for t in doc[lo:hi])


def _same_clause(according: Token, top: Token) -> bool:
    """Whether an "according to" phrase vouches for the number's clause (headed by ``top``): not when a
    semicolon parts them, each part a statement of its own ("Acme holds $20 billion offshore; Zenith holds $3
    billion and reports 900 subsidiaries, according to its website")."""
    return not _semicolon_between(top.doc, according.i, top.i)


def _closes_clause_before(verb: Token, number: int) -> bool:
    """A speech verb that ends the clause before a semicolon, after what it reports ("Acme holds $20 billion,
    the auditors said; Zenith holds $3 billion"): it vouches for that clause, not for the number after the
    semicolon, whatever the parser hung on it."""
    if verb.i > number or not _semicolon_between(verb.doc, verb.i, number):
        return False
    return any(c.dep_ in _CLAUSE_DEPS and c.i < verb.i for c in verb.children)


def _own_part_speaks(doc: Doc, num: _Number) -> bool:
    """Whether the semicolon-delimited part of the sentence holding the number has a speech verb of its own
    ("…; 26 percent of renters say they …"): then that part's attribution, or none, is the number's."""
    sent = doc[num.start].sent
    lo = max([sent.start, *(t.i + 1 for t in doc[sent.start : num.start] if t.text == ";")])
    hi = min([sent.end, *(t.i for t in doc[num.end : sent.end] if t.text == ";")])
    return any(_speech(t) for t in doc[lo:hi])


def _fronted_speaker(doc: Doc, num: _Number, entities: DocEntities) -> tuple[str, str] | None:
    """Who speaks in the sentence's first clause when the number is in a clause a semicolon adds after it and
    the attribution stands first: a speech verb with its subject before it and its reported clause after it
    ("The auditors reported that Acme holds $20 billion abroad; Zenith holds $3 billion"), or "as" + a speech
    verb ("As the survey noted, …; …"). A report at a clause's end vouches for that clause only."""
    sent = doc[num.start].sent
    semis = [t.i for t in sent if t.text == ";" and t.i < num.start]
    if not semis:
        return None
    first = doc[sent.start : semis[0]]
    for verb in first:
        if not _speech(verb):
            continue
        subj = _speech_subject(verb)
        if subj is None or subj.i > verb.i or _counted_subject(doc, subj):
            continue
        fronts = any(c.dep_ in _CLAUSE_DEPS and verb.i < c.i < semis[0] for c in verb.children) or _as_clause(verb)
        name = _name(subj, entities) if fronts else None
        if name:
            return name, _kind(subj, entities)
        break  # the first speech verb decides
    return None



"""Which groups a claim is tested against when claims are grouped (``kg.compare.grouping.measures``).

Testing a claim against every group costs a quadratic number of ``f_same_measure`` calls (9.4 million for
40,000 claims at 9,000 articles). A group can take a claim only when the claim measures the same thing as
*every* member, so any condition that ``f_same_measure`` needs of one pair may pick the candidates: a group
none of whose members meets it is never tested. The keys here are such necessary conditions, each a
cheap set operation; grouping with them gives exactly the groups of testing every pair.

- **What is counted** (``index_keys``): ``f_same_counted`` needs both head classes, and the same one or the
  head of one among the words of the other's counted phrase; ``f_same_measure`` needs the same unit
  dimension, the same change ("rose by" / "fell by" / a level) and the same kind of figure. So a claim is
  found under (dimension, change, kind) with its class, its head and its counted words.
- **The other conditions** (``conditions``): what a claim offers a group and what it needs of one, as keys;
  a group none of whose members offers a key of every set the claim needs is not tested. Two claims of
  different documents that state no subject (and are not both thresholds) need stories that can be about
  one case (``case.same_story``); of two claims that state no subject and no place, one that names nobody
  takes its story's owner, so the stories share an actor (``f_same_owner``); the modifiers of one counted
  phrase include the other's (``f_same_counted``); a comparison base of another document is the base of
  the same current figure (``same_base``).

Grouping finds a claim's candidates under pairs of a counted-thing key and a story key (``story_keys``), so
a common head class ("shares", "dlrs") does not list every group of it; the other conditions then filter
those candidates. Measured on 2,000 Reuters articles (11,603 claims): 502,306 ``f_same_measure`` calls before,
12,042 with these keys, the same groups.
"""

from __future__ import annotations

from kg.compare.frames import Frame, _current_figure

Key = tuple


def index_keys(f: Frame) -> tuple[set[Key], set[Key]] | None:
    """(keys a claim is found under, keys it looks under), or None for a claim that measures the same thing
    as no other (no head class: ``f_same_counted`` is false for every pair with it)."""
    if f.hclass is None:
        return None
    p = (f.dim, f.change, f.kind)
    own = {(p, "c", f.hclass), (p, "w", f.head)} | {(p, "v", w) for w in f.counts_words}
    look = {(p, "c", f.hclass), (p, "v", f.head)} | {(p, "w", w) for w in f.counts_words}
    return own, look


def conditions(f: Frame) -> tuple[set[Key], list[set[Key]]]:
    """(what a claim offers a group, what it needs of one: a group none of whose members offers a key of
    each set can never take it). Each set is a condition ``f_same_measure`` has of every pair."""
    offers, needs = set(), []
    for rule in (_story, _owner, _modifiers, _base):
        own, need = rule(f)
        offers |= own
        if need is not None:
            needs.append(need)
    return offers, needs


def story_keys(f: Frame) -> tuple[set[Key], set[Key] | None]:
    """(what a claim's story offers, what it needs of another's: None when any will do), for the index: two
    claims that measure the same thing share a key of both kinds (a counted-thing key and a story key)."""
    return _story(f)


def _story(f: Frame) -> tuple[set[Key], set[Key] | None]:
    """Two claims of different documents that state no subject (and are not both thresholds) need
    stories that can be about one case (``case.same_story``)."""
    actors, places = f.story_actors, f.story_places
    every = actors | places
    own: set[Key] = {("doc", f.doc)}
    if f.subject:
        own.add(("subject",))
    if not every:
        own.add(("nobody",))
    own |= {("actor", x) for x in actors}
    own |= {("named", x) for x in every}
    if not actors:
        own |= {("no actor", x) for x in places}
    # a stated subject, a threshold (the same rule in every story: a threshold meets only thresholds), or a
    # story that names nobody: the stories do not decide
    if f.subject or f.kind == "threshold" or not every:
        return own, None
    need: set[Key] = {("doc", f.doc), ("subject",), ("nobody",)}
    if actors:  # an actor in common with a story that names actors, else anyone it names in one that names none
        need |= {("actor", x) for x in actors}
        need |= {("no actor", x) for x in every}
    else:  # only places: one of them named by the other story
        need |= {("named", x) for x in places}
    return own, need


def _owner(f: Frame) -> tuple[set[Key], set[Key] | None]:
    """Whose figure (``f_same_owner``, as grouping asks it): of two claims that state no subject and no place,
    one whose sentence names nobody takes its story's owner, so the other's story must share an actor; a
    claim that names nobody meets no claim with a subject or a place (the other's subject or place must be
    named in its sentence)."""
    own: set[Key] = set()
    if f.subject:
        own.add(("owner subject",))
    if f.place:
        own.add(("owner place",))
    if f.names:
        own.add(("owner names",))
    if not f.subject and not f.place:
        own |= {("owner story", x) for x in f.story_actors}
    if f.subject or f.place:
        return own, None
    need = {("owner story", x) for x in f.story_actors}
    if f.names:
        need |= {("owner subject",), ("owner place",), ("owner names",)}
    return own, need


def _modifiers(f: Frame) -> tuple[set[Key], set[Key] | None]:
    """Both say which ones (``f_same_counted``): the modifiers of one include the other's. So the other
    has none, or has the first of this one's, or its own first is among this one's."""
    if not f.mods:
        return {("no modifiers",)}, None
    first = min(f.mods)
    own = {("modifier", x) for x in f.mods} | {("first modifier", first)}
    return own, {("no modifiers",), ("modifier", first)} | {("first modifier", x) for x in f.mods}


def _base(f: Frame) -> tuple[set[Key], set[Key] | None]:
    """A comparison base of another document must be the base of the same current figure (``same_base``)."""
    if f.kind != "prior":
        return set(), None
    current = _current_figure(f)
    own = {("doc", f.doc)} if current is None else {("doc", f.doc), ("current figure", current)}
    return own, set(own)

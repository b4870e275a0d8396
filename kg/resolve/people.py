"""Merges of people's names: a surname tagged an organisation, a name written without its middle names, and a
bare surname ("Trump", "Mrs. Clinton") joining the one full name its uses point to."""

from __future__ import annotations

from collections import Counter, defaultdict

from kg.resolve.base import (
    _HONORIFICS,
    MIDDLE,
    SURNAME,
    SURNAME_AGREEMENT,
    SURNAME_IN_DOC,
    LocalEntity,
    _person_parts,
    _Sets,
    norm,
    person_name_parts,
)


def _surnames_as_people(ents: set[LocalEntity]) -> set[LocalEntity]:
    """'Vance' tagged an organisation in stories that name no one of that surname: a one-word name with no
    organisation subtype that is the surname of people named in full elsewhere, and a person's name more often
    than an organisation's across the corpus, is that person's surname (it then joins as surnames do)."""
    surnames = {person_name_parts(e.name)[2] for e in ents if e.type == "Person" and person_name_parts(e.name)[0]}
    votes: Counter = Counter()
    for e in ents:
        n = norm(e.name)
        if " " not in n and n in surnames and e.type in {"Person", "Organization"}:
            votes[(n, e.type)] += max(e.mentions, 1)
    retype = {n for (n, t), v in votes.items() if t == "Organization" and votes[(n, "Person")] > v}
    if not retype:
        return ents
    return {LocalEntity(e.doc, e.name, "Person", e.alt_labels, e.roles, e.mentions)
            if e.type == "Organization" and norm(e.name) in retype else e for e in ents}


def _merge_middle_names(ents: list[LocalEntity], sets: _Sets) -> None:
    """'George Bush' joins 'George W. Bush' only when no other middle-name variant ('George H. W. Bush')
    of the same given name, surname and suffix exists anywhere in the corpus."""
    variants: dict[tuple[str, str, str], set[int]] = defaultdict(set)  # -> clusters of names with middles
    plain: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(ents):
        if e.type != "Person":
            continue
        given, middles, last, suffix = person_name_parts(e.name)
        if not given:
            continue
        key = (given, last, suffix)
        if middles:
            variants[key].add(sets.find(i))
        else:
            plain[key].append(i)
    pairs = [(i, next(iter(variants[key]))) for key, idxs in plain.items() if len(variants.get(key, ())) == 1
             for i in idxs]
    for i, j in pairs:
        sets.union(i, j, MIDDLE)


def _merge_surnames(ents: list[LocalEntity], sets: _Sets) -> None:
    full_by_surname: dict[str, set[int]] = defaultdict(set)  # surname -> clusters of full names
    for i, e in enumerate(ents):
        if e.type == "Person":
            first, last = _person_parts(e.name)
            if first and first not in _HONORIFICS:  # "Mrs Reagan" is no full name of a Reagan
                full_by_surname[last].add(sets.find(i))
    pairs = []
    for i, e in enumerate(ents):
        if e.type != "Person" or len(norm(e.name).split()) != 1:
            continue
        owners = full_by_surname.get(norm(e.name), set())
        # two different people share the surname: never merge blindly
        if len(owners) == 1:
            pairs.append((i, next(iter(owners))))
    for i, j in pairs:
        sets.union(i, j, SURNAME)


def _merge_surnames_in_documents(ents: list[LocalEntity], sets: _Sets) -> None:
    """'Trump', 'President Obama' across a corpus naming several Trumps and Obamas in full: a bare surname joins
    the one full name its uses point to, when they agree (``SURNAME_AGREEMENT`` of the votes). A use votes for
    the one person of that surname its document names in full (a document naming two gives no vote), and for
    each title it carries ('president') when one full name of that surname holds that title in most documents
    that give the surname a holder of it. A courtesy title ('Mrs. Clinton') votes by its titles only: the
    document's one full name may be her husband's."""
    full: dict[tuple[str, str], set[int]] = defaultdict(set)  # (doc, surname) -> clusters of full names
    titled: dict[tuple[str, str], Counter] = defaultdict(Counter)  # (surname, title) -> cluster -> uses
    for i, e in enumerate(ents):
        if e.type == "Person":
            first, last = _person_parts(e.name)
            if first and first not in _HONORIFICS:
                full[(e.doc, last)].add(sets.find(i))
                for role in set(e.roles):
                    titled[(last, role)][sets.find(i)] += 1
    votes: dict[int, Counter] = defaultdict(Counter)  # cluster of a bare surname -> full-name cluster -> votes
    bare: dict[int, list[int]] = defaultdict(list)
    for i, e in enumerate(ents):
        words = norm(e.name).split()
        courtesy = len(words) == 2 and words[0] in _HONORIFICS
        if e.type != "Person" or not (len(words) == 1 or courtesy):
            continue
        root, surname = sets.find(i), words[-1]
        bare[root].append(i)
        owners = full.get((e.doc, surname), set())
        if len(owners) == 1 and root not in owners and not courtesy:
            votes[root][next(iter(owners))] += 1
        for role in set(e.roles):
            holders = titled.get((surname, role))
            if holders:
                top = max(holders.values())
                best = min(t for t, v in holders.items() if v == top)
                if top >= SURNAME_AGREEMENT * sum(holders.values()) and best != root:
                    votes[root][best] += 1
    for root, count in votes.items():
        n = max(count.values())
        best = min(t for t, v in count.items() if v == n)  # a tie: the smallest cluster (order-free)
        if n >= SURNAME_AGREEMENT * sum(count.values()):
            for i in bare[root]:
                sets.union(i, best, SURNAME_IN_DOC)

"""Cross-document entity resolution: every document's local entities → canonical entities.

Pure Python (no spaCy, no rdflib): the build calls ``resolve`` over ALL local entities in the store after
every change, so the result depends only on the set of inputs, never on their order, and an incremental
build equals a full rebuild.

Merge rules, in order (each only between compatible types: a person never joins a place, a country never
joins a city, an organisation subtype only joins the same subtype or plain Organization):

1. same normalised name, or a multi-word alternative label equal to another entity's name;
2. spelling variants / transliterations: rapidfuzz similarity at or above ``FUZZY_THRESHOLD`` (people:
   surname and given name compared separately, so "Vladimir Putin" never joins "Vladimir Potanin"; other
   names: every differing word must be a variant of a word of the other name, so "... of Kazakhstan"
   never joins "... of Kyrgyzstan"); a country and its demonym ("Russia" / "Russian") are never merged;
3. a bare surname ("Tokayev") joins the one full name that ends with it across documents; when two
   different people share that surname, the bare surname ("Trump", "President Obama", "Mrs. Clinton") joins
   the full name its uses agree on: the one person of that surname its documents name in full, or the one
   of that surname holding the title it carries; a document naming two of them gives no vote, and uses that
   disagree join no one;
4. people's names are compared part by part: given name, middle names/initials, surname and generational
   suffix ("Jr.", "III"). Different middles or suffixes are different people ("George W. Bush" never joins
   "George H. W. Bush"); a name without middles ("George Bush") joins a name with them only when exactly
   one such variant exists;
5. places join by gazetteer identity (one GeoNames id: "Kiev" / "Kyiv"), and two different gazetteer places
   never join by spelling;
6. media outlets join only by exact name (never by spelling similarity: "ABC News" is not "NBC News");
7. a bare name of a kind of institution there are many of ("Court of Appeals", "City Council":
   ``rules/entity_class_names.txt``) never joins another document's: it is one node per document.

Every join records why (``Canonical.merge_reasons``: exact name, alias list, spelling variant, surname in
the corpus, middle name omitted); ``kg entity NAME`` shows it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz

from kg import gazetteer
from kg.extract.lexicon import rule_rows, rule_words  # plain file reading: no spaCy
from kg.ids import entity_iri
from kg.resolve.base import (
    _DEMONYM_ENDINGS,
    _FAMILY,
    _GENERIC,
    _NO_FUZZY,
    ACRONYM,
    ALIAS,
    EXACT,
    FUZZY_THRESHOLD,
    MIN_FUZZY_LENGTH,
    PERSON_PART_THRESHOLD,
    PLACE,
    VARIANT,
    WORD_VARIANT_THRESHOLD,
    Canonical,
    LocalEntity,
    _compatible,
    _middles_match,
    _person_parts,
    _same_person_parts,
    _Sets,
    norm,
    person_name_parts,
)
from kg.resolve.people import (
    _merge_middle_names,
    _merge_surnames,
    _merge_surnames_in_documents,
    _surnames_as_people,
)

__all__ = ["Canonical", "LocalEntity", "norm", "person_name_parts", "resolve", "is_acronym", "acronym_of"]


@cache
def _demonyms() -> frozenset[tuple[str, str]]:
    """(country, demonym) pairs from the entity lexicon, normalised."""
    pairs = set()
    for cols in rule_rows("entity_demonyms.tsv"):
        country = norm(cols[0])
        for col in cols[1:3]:
            for d in col.split(","):
                if d.strip():
                    pairs.add((country, norm(d)))
    return frozenset(pairs)



@cache
def _class_names() -> tuple[str, ...]:
    return tuple(norm(line) for line in rule_words("entity_class_names.txt"))


@cache
def _bare_generic() -> frozenset[str]:
    return frozenset(norm(line) for line in rule_words("entity_bare_generic.txt"))


def _document_local(e: LocalEntity) -> bool:
    """'Court of Appeals', 'the City Council': a kind of institution named without its seat, which another
    document's same words need not mean; 'the Bank': a common noun each story uses for its own bank."""
    if _FAMILY.get(e.type) != "org":
        return False
    n = norm(e.name)
    return n in _bare_generic() or any(n == c or n.endswith(" " + c) for c in _class_names())


@cache
def _peoples() -> dict[str, str]:
    """Normalised country names, demonyms and plural people-nouns -> the country they belong to."""
    out: dict[str, str] = {}
    for country, word in _demonyms():
        out.setdefault(country, country)
        out.setdefault(word, country)
    return out


def _two_peoples(a: str, b: str) -> bool:
    """'austrians' / 'australians': names of two different countries or their peoples."""
    ca, cb = _peoples().get(a), _peoples().get(b)
    return ca is not None and cb is not None and ca != cb


def _is_demonym_pair(a: str, b: str) -> bool:
    """'russia' / 'russian', 'kazakhstan' / 'kazakh': a country and the adjective of its people."""
    if (a, b) in _demonyms() or (b, a) in _demonyms():
        return True
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short) and long_[len(short):] in _DEMONYM_ENDINGS:
        return True
    return long_.startswith(short.rstrip("a")) and long_[len(short.rstrip("a")):] in _DEMONYM_ENDINGS



def resolve(entities: Iterable[LocalEntity]) -> list[Canonical]:
    # a name without a letter ('>', a quote's speaker read from a wire's markup) is no entity to resolve
    ents = sorted(_surnames_as_people({e for e in entities if any(ch.isalpha() for ch in e.name)}),
                  key=lambda e: (e.type, norm(e.name), e.name, e.doc, e.alt_labels, e.roles, e.mentions))
    sets = _Sets(len(ents))
    _merge_exact(ents, sets)
    _merge_places(ents, sets)
    _merge_fuzzy(ents, sets)
    _merge_acronyms(ents, sets)
    _merge_middle_names(ents, sets)
    _merge_surnames(ents, sets)
    _merge_surnames_in_documents(ents, sets)
    out = [_canonical([ents[i] for i in members], [sets.reasons.get(i, set()) for i in members])
           for members in sets.groups().values()]
    return sorted(out, key=lambda c: (c.iri, c.members))



def _merge_exact(ents: list[LocalEntity], sets: _Sets) -> None:
    by_name: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, e in enumerate(ents):
        local = (e.doc,) if _document_local(e) else ()  # joins only its own document's namesakes
        by_name[(_FAMILY.get(e.type, e.type), norm(e.name), *local)].append(i)
    for idxs in by_name.values():
        for i in idxs[1:]:
            if _compatible_group(ents, sets, idxs[0], i):
                sets.union(idxs[0], i, EXACT)
    # a multi-word alternative label ("Kazakh President Kassym-Jomart Tokayev") naming another entity
    for i, e in enumerate(ents):
        fam = _FAMILY.get(e.type, e.type)
        for alt in e.alt_labels:
            key = norm(alt)
            if len(key.split()) < 2:
                continue
            if e.type == "Person" and len(key.split()) < len(norm(e.name).split()):
                continue  # a shortened name ("George Bush") joins only by the middle-name rule
            for j in by_name.get((fam, key), ()):
                if not _compatible(e.type, ents[j].type) or _document_local(e):
                    continue
                if (e.type in _NO_FUZZY or ents[j].type in _NO_FUZZY) and e.type != ents[j].type:
                    continue
                if e.type == "Person" and not _same_person_parts(key, norm(ents[j].name)):
                    continue
                sets.union(i, j, ALIAS)
                sets.reasons[j].add(ALIAS)  # either name may become the label


def _place_id(e: LocalEntity) -> int | None:
    """The GeoNames id of a place's name ('Kiev' and 'Kyiv' share one), when the gazetteer agrees on the type."""
    if _FAMILY.get(e.type) != "place":
        return None
    p = gazetteer.lookup(e.name)
    if p is None or p.geonames_id is None or (e.type != "Place" and p.type != e.type):
        return None
    return p.geonames_id


def _merge_places(ents: list[LocalEntity], sets: _Sets) -> None:
    by_id: dict[int, list[int]] = defaultdict(list)
    for i, e in enumerate(ents):
        pid = _place_id(e)
        if pid is not None:
            by_id[pid].append(i)
    for idxs in by_id.values():
        for i in idxs[1:]:
            if norm(ents[i].name) != norm(ents[idxs[0]].name):
                sets.union(i, idxs[0], PLACE)
                sets.reasons[idxs[0]].add(PLACE)  # either name may become the label


def _compatible_group(ents: list[LocalEntity], sets: _Sets, i: int, j: int) -> bool:
    return _compatible(ents[i].type, ents[j].type)



def _similar(a: LocalEntity, b: LocalEntity) -> bool:
    if not _compatible(a.type, b.type):
        return False
    na, nb = norm(a.name), norm(b.name)
    if na == nb:
        return True
    if min(len(na), len(nb)) < MIN_FUZZY_LENGTH or _is_demonym_pair(na, nb) or _two_peoples(na, nb):
        return False
    if _digits(na) != _digits(nb):
        return False
    if a.type in _NO_FUZZY or b.type in _NO_FUZZY:
        return False
    pa, pb = _place_id(a), _place_id(b)
    if pa is not None and pb is not None and pa != pb:
        return False  # two gazetteer places ("Austria" / "Australia") are never spelling variants
    if a.type == "Person":
        ga, ma, la, sa = person_name_parts(a.name)
        gb, mb, lb, sb = person_name_parts(b.name)
        if not ga or not gb or sa != sb or len(ma) != len(mb) or (ma and not _middles_match(ma, mb)):
            return False  # bare surnames, names without middles: the surname and middle-name rules
        if fuzz.ratio(la, lb) < PERSON_PART_THRESHOLD:
            return False
        fa, fb = ga, gb
        # an initial matches a given name ("K. Tokayev"); otherwise given names must be near-identical
        if len(fa) == 1 or len(fb) == 1:
            return fa[0] == fb[0]
        return fuzz.ratio(fa, fb) >= PERSON_PART_THRESHOLD
    return fuzz.token_sort_ratio(na, nb) >= FUZZY_THRESHOLD and _words_compatible(na, nb)


def _words_compatible(na: str, nb: str) -> bool:
    """Every word one name has and the other lacks is a spelling variant of one of the other's words
    ("Defense"/"Defence"), so "Ministry of Internal Affairs of Kazakhstan" never joins "... of Kyrgyzstan"."""
    if na.replace(" ", "") == nb.replace(" ", ""):
        return True  # "Bank CenterCredit" / "Bank Center Credit"
    a, b = set(na.split()), set(nb.split())
    only_a, only_b = a - b, b - a
    if len(only_a) != len(only_b):
        return False
    return all(any(fuzz.ratio(w, v) >= WORD_VARIANT_THRESHOLD for v in only_b) for w in only_a)


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def _merge_fuzzy(ents: list[LocalEntity], sets: _Sets) -> None:
    """Spelling variants (``_similar``) within a block of one type family and one first letter (of the
    surname for people, of the name otherwise; a transliteration rarely changes it).

    Near-linear in practice: ``_similar`` depends only on an entity's (type, name), so each distinct
    (type, name) is compared once, not each mention in each document; and only the pairs that can pass it
    are compared at all — rapidfuzz's ``cdist`` (C, one pass per block) keeps the pairs of distinct keys
    whose token-sorted names (people: surnames) are at least ``FUZZY_THRESHOLD`` (people:
    ``PERSON_PART_THRESHOLD``) similar, a condition ``_similar`` itself requires, plus the pairs with one
    normalised name. The result, reasons included, is the one the all-pairs comparison gives."""
    blocks: dict[tuple[str, str], dict[tuple[str, str], list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, e in enumerate(ents):
        n = norm(e.name)
        if not n or _document_local(e):
            continue
        key = _person_parts(e.name)[1][:1] if e.type == "Person" else n[:1]
        blocks[(_FAMILY.get(e.type, e.type), key)][(e.type, e.name)].append(i)
    roots = [sets.find(i) for i in range(len(ents))]  # the sets before any spelling variant joins
    joined: list[tuple[list[int], list[int]]] = []  # (members of one key, members of a similar key)
    for block in blocks.values():
        keys = list(block)
        for a, b in _candidate_pairs(keys, ents, block):
            if a == b or _similar(ents[block[keys[a]][0]], ents[block[keys[b]][0]]):
                joined.append((block[keys[a]], block[keys[b]]))
    # unions after all comparisons: the result does not depend on which pair was seen first. An entity
    # records the reason when a similar key holds an entity it was not already with (as comparing every
    # pair of entities would have found)
    for left, right in joined:
        for side, other in ((left, right), (right, left)):
            other_roots = {roots[j] for j in other}
            for i in side:
                if other_roots - {roots[i]}:
                    sets.reasons[i].add(VARIANT)  # spelling variants join each other
        for i in (*left, *right):
            sets.join(i, left[0])


def _candidate_pairs(keys: list[tuple[str, str]], ents: list[LocalEntity],
                     block: dict[tuple[str, str], list[int]]) -> Iterable[tuple[int, int]]:
    """Index pairs (a <= b) of the block's (type, name) keys that may be spelling variants: every key with
    itself, keys with one normalised name, and keys whose compared strings reach the fuzzy threshold."""
    from rapidfuzz import process

    people = keys[0][0] == "Person" or _FAMILY.get(keys[0][0]) == "person"
    by_norm: dict[str, list[int]] = defaultdict(list)
    by_text: dict[str, list[int]] = defaultdict(list)
    for k, (_type, name) in enumerate(keys):
        by_norm[norm(name)].append(k)
        by_text[person_name_parts(name)[2] if people else norm(name)].append(k)
    pairs: set[tuple[int, int]] = set()
    for group in (*by_norm.values(), *by_text.values()):
        pairs.update((a, b) for x, a in enumerate(group) for b in group[x:])
    texts = list(by_text)
    scorer, cutoff = (fuzz.ratio, PERSON_PART_THRESHOLD) if people else (fuzz.token_sort_ratio, FUZZY_THRESHOLD)
    # a little below the threshold: cdist's float32 scores must not drop a pair _similar (float64) accepts
    step = max(1, 4_000_000 // max(len(texts), 1))  # rows per chunk: at most ~4M scores in memory at once
    for lo in range(0, len(texts), step):
        scores = process.cdist(texts[lo:lo + step], texts, scorer=scorer, score_cutoff=cutoff - 0.5, workers=1)
        for r, c in zip(*scores.nonzero(), strict=True):
            row, col = lo + int(r), int(c)
            if row >= col:
                continue
            pairs.update((min(a, b), max(a, b)) for a in by_text[texts[row]] for b in by_text[texts[col]])
    return sorted(pairs)


_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")
# lower-case words an acronym may skip ("Securities and Exchange Commission" is the SEC)
_ACRONYM_SKIP = {"of", "and", "the", "for", "on", "in", "de", "&"}


def is_acronym(name: str) -> bool:
    """'SEC', 'E.C.': two to six capital letters (dots allowed), no other character."""
    return _ACRONYM.match(name.strip()) is not None


def acronym_of(name: str) -> set[str]:
    """The acronyms a spelled-out name is written as: 'Organization of Petroleum Exporting Countries' -> OPEC
    (function words skipped) or OOPEC (all words); empty unless every other word is capitalised."""
    words = [w for w in re.split(r"[\s\-]+", name.strip()) if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    content = [w for w in words if w.lower() not in _ACRONYM_SKIP]
    # (every word spelled out: "EC Commission" is no expansion of "EC")
    if len(content) < 2 or not all(w[:1].isupper() and w[:1].isalpha() and not w.isupper() for w in content):
        return set()
    return {"".join(w[0] for w in content).upper(), "".join(w[0] for w in words).upper()}


ACRONYM_SHARE = 2 / 3  # of the documents where an acronym meets a spelled-out name, the share one name needs


def _merge_acronyms(ents: list[LocalEntity], sets: _Sets) -> None:
    """'SEC' joins 'Securities and Exchange Commission' (and 'EC' 'European Community') when documents name
    both and one spelled-out organisation with those initials is the one beside the acronym in at least
    ``ACRONYM_SHARE`` of the documents where any is (a story's 'Executive Commission' of the EC stays its own
    node); an acronym spelled out as two names equally often joins neither. Organisations only, any subtype
    (the tagger types a bare acronym by guess)."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(ents):
        if _FAMILY.get(e.type) == "org" and not _document_local(e):
            by_doc[e.doc].append(i)
    met: dict[int, Counter] = defaultdict(Counter)  # acronym set -> expansion set -> documents naming both
    for idxs in by_doc.values():
        initials: dict[str, set[int]] = defaultdict(set)
        for i in idxs:
            for letters in acronym_of(ents[i].name):
                initials[letters].add(sets.find(i))
        seen: set[tuple[int, int]] = set()
        for i in idxs:
            if is_acronym(ents[i].name):
                for root in initials.get(ents[i].name.replace(".", ""), ()):
                    seen.add((sets.find(i), root))
        docs_with: dict[int, bool] = {}
        for acronym, root in seen:
            met[acronym][root] += 1
            docs_with[acronym] = True
        for acronym in docs_with:
            met[acronym][-1] += 1  # the documents where the acronym meets any spelled-out name
    choice: dict[int, int] = {}
    for acronym, counts in met.items():
        total = counts.pop(-1)
        (best, n), *rest = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= ACRONYM_SHARE * total and (not rest or rest[0][1] < n):
            choice[acronym] = best
    pairs = [(i, choice[sets.find(i)]) for i, e in enumerate(ents) if is_acronym(e.name) and sets.find(i) in choice]
    for i, j in pairs:
        sets.union(i, j, ACRONYM)



def _canonical(members: list[LocalEntity], reasons: list[set[str]] | None = None) -> Canonical:
    type_ = _pick_type(members)
    weight: Counter = Counter()
    for m in members:
        weight[m.name] += max(m.mentions, 1)

    places = {m.name for m in members if _place_id(m) is not None and gazetteer.lookup(m.name).name == m.name}

    acronyms = _acronym_names(members)
    has_spelled = any(norm(m.name) not in acronyms for m in members)

    def rank(name: str):
        words = len(name.split())
        full = words if type_ == "Person" else 0  # a person's label is the fullest name
        # a place's label is the gazetteer's name when one member uses it ("Kyiv", not "Kiev"); a headline's
        # capitals ("REAGAN") only when no other spelling exists
        shouting = name.isupper() and len(name) > 4
        # "Securities and Exchange Commission", not "SEC", when the group has both
        short = norm(name) in acronyms and has_spelled
        return (shouting, short, -full, name not in places, -weight[name], -len(name), name)

    label = min(weight, key=rank)
    alts = {a for m in members for a in (m.name, *m.alt_labels) if a and norm(a) != norm(label)}
    alts |= {m.name for m in members if m.name != label}
    why: set[tuple[str, str]] = set()
    for m, rs in zip(members, reasons or [set()] * len(members), strict=True):
        if norm(m.name) == norm(label) and m.name == label:
            continue
        for r in rs or {EXACT}:
            why.add((m.name, r))
    docs = sorted({m.doc for m in members})
    local = len(docs) == 1 and all(_document_local(m) for m in members)
    return Canonical(
        # one node per document for a bare "Court of Appeals": its IRI names the document
        iri=entity_iri(type_, f"{label} ({docs[0]})" if local else label),
        label=label,
        type=type_,
        alt_labels=tuple(sorted(alts)),
        members=tuple(sorted({(m.doc, m.type, m.name) for m in members})),
        merge_reasons=tuple(sorted(why)),
    )


def _acronym_names(members: list[LocalEntity]) -> set[str]:
    """The normalised names of the group that are an acronym in one member's spelling ('OPEC', so 'Opec' too)."""
    return {norm(m.name) for m in members if is_acronym(m.name)}


def _pick_type(members: list[LocalEntity]) -> str:
    # the tagger types a bare acronym ("EC", "GOP") by guess: the spelled-out names vote when there are any, and
    # the acronym's own subtype counts only when the spelled-out names give none and most acronym votes agree
    acronyms = _acronym_names(members)
    spelled = [m for m in members if norm(m.name) not in acronyms]
    best = _vote(_votes(spelled or members))
    if spelled and best in _GENERIC and len(spelled) < len(members):
        votes = _votes([m for m in members if norm(m.name) in acronyms])
        guess = _vote(votes)
        if guess not in _GENERIC and votes[guess] > 0.5 * sum(votes.values()):
            return guess
    return best


def _votes(members: list[LocalEntity]) -> Counter:
    """Each member's type, weighted by its mentions."""
    count: Counter = Counter()
    for m in members:
        count[m.type] += max(m.mentions, 1)
    return count


def _vote(count: Counter) -> str:
    """The winning type of a group's votes (``_votes``)."""
    specific = [t for t in count if t not in _GENERIC]
    # an organisation's subtype comes from nouns around a mention ("the European Community's farm bank"): two
    # subtypes that contradict each other, neither with half the votes, are guesses, and the plain type stands
    org = [t for t in specific if _FAMILY.get(t) == "org"]
    if len(org) > 1 and max(count[t] for t in org) < 0.5 * sum(count.values()):
        specific = [t for t in specific if t not in org]
    pool = specific or list(count)
    return min(pool, key=lambda t: (-count[t], t))

"""What every merge rule shares: the records resolved, name normalisation, people's name parts and the
union-find that records why each name joined (``kg.resolve`` explains the rules)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.extract.lexicon import rule_words  # plain file reading: no spaCy

FUZZY_THRESHOLD = 90  # token_sort_ratio for organisations and places
PERSON_PART_THRESHOLD = 85  # ratio for a surname (and a given name) of two people
MIN_FUZZY_LENGTH = 5  # shorter names must match exactly ("EU" is not "US")
WORD_VARIANT_THRESHOLD = 80  # a word one name has and the other lacks must be a variant of one of its words

_FAMILY = {
    "Person": "person",
    "Organization": "org", "Company": "org", "GovernmentBody": "org", "MediaOutlet": "org",
    "FinancialInstitution": "org",
    "Place": "place", "Country": "place", "City": "place", "Region": "place",
    "Group": "group",
}
_GENERIC = {"Organization", "Place"}
_DEMONYM_ENDINGS = ("n", "an", "ian", "ish", "i", "ese", "s", "ns", "ians", "ans")
_WORD = re.compile(r"[^\W_]+", re.U)
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mme", "madam", "madame", "dr", "sir", "dame", "lord", "lady"}
_NO_FUZZY = {"MediaOutlet"}  # outlets are told apart by one word ("ABC News" / "NBC News")
# reasons recorded on a canonical node for each joined name (kg:mergeReason)
EXACT, ALIAS, VARIANT, SURNAME, MIDDLE, PLACE = ("same name", "alias list", "spelling variant",
                                                 "surname of the one full name in the corpus",
                                                 "middle name omitted, one full name in the corpus",
                                                 "same gazetteer place")
ACRONYM = "initials of the spelled-out name beside it in the corpus"
SURNAME_IN_DOC = "surname of the one full name its documents name or its title points to"
SURNAME_AGREEMENT = 0.8  # share of a bare surname's documents that must use it for the same one full name


@dataclass(frozen=True)
class LocalEntity:
    doc: str
    name: str
    type: str
    alt_labels: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: int = 1


@dataclass(frozen=True)
class Canonical:
    iri: str
    label: str
    type: str
    alt_labels: tuple[str, ...]
    members: tuple[tuple[str, str, str], ...]  # (doc, type, name) of each LocalEntity
    merge_reasons: tuple[tuple[str, str], ...] = ()  # (joined name, why) for every name other than the label


@lru_cache(maxsize=1 << 17)  # resolve normalises each name many times; bounded, so memory stays flat
def norm(name: str) -> str:
    """Case, accents, punctuation and a leading article do not distinguish names."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    words = [w.lower() for w in _WORD.findall(text)]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)

@cache
def _suffixes() -> frozenset[str]:
    """Generational markers ('jr', 'iii'): part of a person's identity (the rule file relations reads too)."""
    return frozenset(norm(w) for w in rule_words("entity_name_suffixes.txt"))


def _compatible(t1: str, t2: str) -> bool:
    if t1 == t2:
        return True
    f1, f2 = _FAMILY.get(t1), _FAMILY.get(t2)
    if f1 is None or f1 != f2:
        return False
    return t1 in _GENERIC or t2 in _GENERIC


class _Sets:
    """Union-find over indexes; the representative is always the smallest index (order-free result)."""

    def __init__(self, n: int):
        self.parent = list(range(n))
        self.reasons: dict[int, set[str]] = defaultdict(set)  # index -> why it was joined

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, reason: str = EXACT) -> None:
        ra, rb = self.find(a), self.find(b)
        self.reasons[a].add(reason)  # a joins b
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def join(self, a: int, b: int) -> None:
        """``union`` without a reason (the caller records it)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return out


def _person_parts(name: str) -> tuple[str, str]:
    words = norm(name).split()
    if len(words) > 1 and words[-1] in _suffixes():
        words = words[:-1]
    return (" ".join(words[:-1]), words[-1]) if words else ("", "")


def person_name_parts(name: str) -> tuple[str, tuple[str, ...], str, str]:
    """(given, middles, surname, suffix): 'George H. W. Bush Jr.' -> ('george', ('h', 'w'), 'bush', 'jr')."""
    words = [w for w in ("".join(norm(w).split()) for w in name.replace(",", " ").split()) if w]  # "Kassym-Jomart"
    if words and words[0] == "the":
        words = words[1:]
    suffix = words.pop() if len(words) > 1 and words[-1] in _suffixes() else ""
    if not words:
        return "", (), "", suffix
    if len(words) == 1:
        return "", (), words[0], suffix
    return words[0], tuple(words[1:-1]), words[-1], suffix


def _middles_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names or their initials, one for one ('w' ~ 'walker'); both present."""
    if len(a) != len(b):
        return False
    return all(x[0] == y[0] and (len(x) == 1 or len(y) == 1 or x == y) for x, y in zip(a, b, strict=True))


def _same_person_parts(na: str, nb: str) -> bool:
    """No part of two people's names contradicts: suffixes equal, middles equal where both have them."""
    ga, ma, la, sa = person_name_parts(na)
    gb, mb, lb, sb = person_name_parts(nb)
    if sa != sb or la != lb:
        return False
    if ma and mb and not _middles_match(ma, mb):
        return False
    return not (ga and gb) or ga == gb or (min(len(ga), len(gb)) == 1 and ga[0] == gb[0])

"""Speaker resolution's words and small tests: the rule lexicons it reads, sentence lookup, what could speak.

Split out of ``kg.extract.coref`` (see its package docstring for the whole design)."""


from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import rule_rows, rule_words
from kg.extract.text import doc_text

_SUBJ = ("nsubj", "nsubjpass")
_NEG = "neg"
_COMPOUND = ("compound", "flat", "amod", "nmod")
_APPOS = "appos"
_NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE")
_WHEN_LABELS = ("DATE", "TIME")  # days and hours never speak
# (possessives too: "his promise to repeal …" is a promise the man named before made)
_PERSONAL = {"he", "him", "his", "she", "her", "hers"}
_PLURAL = {"they", "them", "their"}
_NEUTER = frozenset(("it", "its"))
_HE = frozenset(("he", "him", "his", "himself"))
_SHE = frozenset(("she", "her", "hers", "herself"))
_QUANTIFIERS = {"many", "some", "several", "few", "most", "other", "all", "two", "three"}
_LEADING_DET = {"the", "a", "an", "this", "that", "these", "those"}
# how far back (in sentences) a pronoun may find its antecedent
_PRONOUN_WINDOW = 4

_ORG_TYPES = ("Organization", "Company", "GovernmentBody", "MediaOutlet", "FinancialInstitution")

CONF_NAME = 1.0
CONF_PRONOUN = 0.85
CONF_NOMINAL = 0.8
CONF_GROUP = 0.9


@dataclass(frozen=True)
class Speaker:
    """Who a mention refers to. ``name`` is None when unresolved; ``reason`` then says why."""

    name: str | None
    mention: str
    start: int
    end: int
    type: str | None = None
    confidence: float = 1.0
    reason: str | None = None


@cache
def gender_titles() -> dict[str, str]:
    """Courtesy title (lower case) → "he" or "she" (speaker_gender_titles.tsv)."""
    return {row[0].strip().lower(): row[1].strip().lower() for row in rule_rows("speaker_gender_titles.tsv")}


@cache
def source_nouns() -> frozenset[str]:
    return frozenset(rule_words("quote_source_nouns.txt"))


@cache
def reporting_lemmas() -> frozenset[str]:
    return frozenset(w for w in rule_words("reporting_verbs.txt") if " " not in w)


@cache
def name_particles() -> frozenset[str]:
    return frozenset(rule_words("quote_name_particles.txt"))


@cache
def name_modals() -> frozenset[str]:
    return frozenset(rule_words("speaker_name_modals.txt"))


@cache
def document_nouns() -> frozenset[str]:
    return frozenset(rule_words("quote_document_nouns.txt"))


@cache
def channel_nouns() -> frozenset[str]:
    return frozenset(rule_words("quote_channel_nouns.txt"))


@cache
def org_nouns() -> frozenset[str]:
    return frozenset(rule_words("quote_org_nouns.txt"))


@cache
def title_modifiers() -> frozenset[str]:
    """Words that qualify a title ("acting", "deputy", "foreign"), shared with the entity extractor."""
    return frozenset(rule_words("entity_title_modifiers.txt"))


@cache
def titles() -> tuple[tuple[str, ...], ...]:
    """Role titles (shared with the entity extractor), as word tuples, longest first."""
    return tuple(sorted((tuple(t.split()) for t in rule_words("titles.txt")), key=len, reverse=True))


@cache
def _titles_by(position: int) -> dict[str, tuple[tuple[str, ...], ...]]:
    """``titles()`` grouped by their first (0) or last (-1) word, each group in ``titles()``' order: a title can
    only match where that word is, so the loops below try a few titles instead of every one at every word."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for t in titles():
        index.setdefault(t[position], []).append(t)
    return {k: tuple(v) for k, v in index.items()}


def title_at_end(words: list[str]) -> str | None:
    """The longest title that the lower-cased ``words`` end with ('deputy foreign minister')."""
    low = [w.lower().rstrip(".") for w in words]
    for t in _titles_by(-1).get(low[-1], ()) if low else ():
        if len(t) <= len(low) and tuple(low[len(low) - len(t):]) == t:
            start = len(low) - len(t)
            while start > 0 and low[start - 1] in title_modifiers():
                start -= 1
            return " ".join(low[start:])
    return None


def strip_titles(name: str) -> tuple[str, str | None]:
    """'Acting Chairman Aslan Atalikov' -> ('Aslan Atalikov', 'acting chairman'): drops leading titles
    and everything before them (organisation names used as modifiers of the title)."""
    words = name.split()
    low = [w.lower().rstrip(".") for w in words]
    best: tuple[int, str] | None = None
    by_first = _titles_by(0)
    for i in range(len(words)):
        for t in by_first.get(low[i], ()):
            if tuple(low[i : i + len(t)]) == t and i + len(t) < len(words):
                end = i + len(t)
                if best is None or end > best[0]:
                    first = i
                    while first > 0 and low[first - 1] in title_modifiers():
                        first -= 1
                    best = (end, " ".join(low[first:end]))
                break
    if best is None:
        return name, None
    rest = words[best[0]:]
    if all(w[:1].isupper() or w in name_particles() for w in rest):
        return " ".join(rest), best[1]
    return name, None


class Sentences:
    """The sentences of a Doc, listed once: ``Token.sent`` rescans the document on every call."""

    def __init__(self, doc: Doc):
        self.text = doc_text(doc)  # Doc.text joins every token on each access: read it once
        self.spans = list(doc.sents)
        self.starts = [s.start_char for s in self.spans]
        self.token_starts = [s.start for s in self.spans]

    def index_at(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def at(self, offset: int) -> Span:
        return self.spans[self.index_at(offset)]

    def of(self, tok: Token) -> Span:
        return self.spans[max(0, bisect_right(self.token_starts, tok.i) - 1)]

    def up_to(self, offset: int, n: int) -> list[Span]:
        """The sentence at ``offset`` and the ``n - 1`` before it."""
        k = self.index_at(offset)
        return self.spans[max(0, k - n + 1) : k + 1]


def _dateline_word(tok: Token) -> bool:
    """A place in capitals opening a paragraph before a comma or a dash ("CLEVELAND, July 19 (UPI) —"):
    a dateline, never a speaker."""
    if not (tok.is_upper and len(tok.text) > 3):
        return False
    first = tok
    while first.i > 0 and first.nbor(-1).is_upper and not first.nbor(-1).is_space:
        first = first.nbor(-1)
    at_start = first.i == 0 or "\n" in first.nbor(-1).text_with_ws
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return at_start and nxt is not None and nxt.text in (",", "(", "—", "–", "-")


@cache
def person_nouns() -> frozenset[str]:
    return frozenset(rule_words("speaker_person_nouns.txt"))


@cache
def group_nouns() -> frozenset[str]:
    return frozenset(rule_words("speaker_group_nouns.txt"))


def age_nominal(tok: Token) -> bool:
    """ "the 62-year-old" (tokens "62 - year - old"): a person described by age."""
    return tok.lower_ == "old" and any(c.lower_ == "year" or c.lower_.endswith("-year") for c in tok.children)


def person_noun(tok: Token) -> bool:
    """A common noun for a person without a name: "the businessman", "protesters", "the 62-year-old"."""
    nouns = person_nouns() | group_nouns()
    return tok.lemma_.lower() in nouns or tok.lower_ in nouns or age_nominal(tok)


_APOSTROPHE_NAME = re.compile(r"[A-Z][’'][A-Z][a-z]+")


def apostrophe_name(tok: Token) -> bool:
    """ "O’Malley", "D’Souza": a surname the small model tags as a common noun when it is typed with a
    curly apostrophe."""
    return _APOSTROPHE_NAME.fullmatch(tok.text) is not None


def could_speak(tok: Token) -> bool:
    """Whether a subject token can be a speaker at all, before resolving it: a name, a personal
    pronoun, a role or a source noun; not "the protests" of "the protests would continue"."""
    if _dateline_word(tok):
        return False
    if person_noun(tok):  # before the date test: spaCy tags "the 62-year-old" as a DATE
        return True
    if tok.ent_type_ in _WHEN_LABELS:
        return False  # "Saturday at the convention Warren said …": a day the parser made the subject
    if tok.pos_ == "PROPN" or tok.ent_type_ in _NAME_LABELS or apostrophe_name(tok):
        return True
    low = tok.lower_
    if low in _PERSONAL | _PLURAL | {"it", "i", "we", "you", "who"}:
        return True
    nouns = source_nouns() | org_nouns()
    return tok.lemma_.lower() in nouns or low in nouns or title_at_end([tok.text]) is not None



"""Attribution cues: reporting verbs, "according to" phrases and the speaker a cue points at.

The word lists are data files under ``kg/extract/rules/``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from kg.extract.coref import could_speak
from kg.extract.lexicon import rule_words
from kg.extract.quotes.common import _ATTRIB_CHILDREN, _NEG, _RELATIVE, _SUBJ, _TERMINAL


@cache
def reporting_verbs() -> frozenset[str]:
    return frozenset(rule_words("reporting_verbs.txt"))


@cache
def source_phrases() -> tuple[str, ...]:
    return tuple(rule_words("quote_source_phrases.txt"))


@cache
def proposal_verbs() -> frozenset[str]:
    return frozenset(rule_words("quote_proposal_verbs.txt"))


@dataclass(frozen=True)
class _Attribution:
    """Who a quotation is attributed to: the subject of a reporting verb, or a bare name ("— Tokayev")."""

    verb: Token | None
    subject: Token
    cue: str | None = None  # when there is no verb: "according_to"


def is_reporting(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in reporting_verbs():
        return True
    prt = [c.text.lower() for c in tok.children if c.dep_ == "prt"]
    return any(f"{lemma} {p}" in reporting_verbs() for p in prt)


def cue_of(tok: Token) -> str:
    prt = [c.text.lower() for c in tok.children if c.dep_ == "prt"]
    lemma = tok.lemma_.lower()
    for p in prt:
        if f"{lemma} {p}" in reporting_verbs():
            return f"{lemma}_{p}"
    return lemma


def subject_of(verb: Token) -> Token | None:
    """The nominal subject of a verb, inherited through coordination ("noted … and stated that")."""
    seen = 0
    while seen < 5:
        # the nearest subject: a parse running over a paragraph break can give a verb two
        subjects = sorted((c for c in verb.children if c.dep_ == _SUBJ), key=lambda c: abs(c.i - verb.i))
        if subjects:
            child = subjects[0]
            if child.tag_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head  # "Tokayev, who said that …"
            return child
        # "kept rates unchanged, saying …": a participle shares its clause's subject
        shared = verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
        if not shared or verb.head.i == verb.i:
            return None
        verb = verb.head
        seen += 1
    return None


def _attribution(toks: list[Token], nearest_last: bool = False) -> _Attribution | None:
    """A reporting verb among ``toks`` whose subject is among them too."""
    ids = {t.i for t in toks}
    found = []
    for tok in toks:
        if is_reporting(tok) and not any(c.dep_ == _NEG for c in tok.children):
            subj = subject_of(tok)
            if subj is not None and subj.i in ids and could_speak(subj):
                found.append(_Attribution(tok, subj))
    if not found:
        return None
    return found[-1] if nearest_last else found[0]


def _attribution_only(toks: list[Token]) -> _Attribution | None:
    """``toks`` hold nothing but an attribution: "Sayakmantova said." or the fragment
    "Sayakmantova, chairman of the board of …" left after a misplaced quotation mark."""
    words = [t for t in toks if not t.is_punct]
    if not words:
        return None
    att = _attribution(words)
    if att is not None:
        allowed = {t.i for t in att.subject.subtree} | {att.verb.i}
        for child in att.verb.children:
            if child.dep_ in _ATTRIB_CHILDREN and child.dep_ != "dobj":
                allowed |= {t.i for t in child.subtree}
        if all(t.i in allowed for t in words):
            return att
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in words) or words[0].pos_ != "PROPN":
        return None
    head = words[0]
    while head.dep_ in ("compound", "flat") and head.head.i in {t.i for t in words}:
        head = head.head
    # only a bare name, or a name with an apposition: "Olsen." / "Olsen, chairman of …"
    after = [t for t in toks if t.i == head.i + 1]
    if after and after[0].text != "," and not (after[0].is_punct and after[0].text in _TERMINAL):
        return None
    return _Attribution(None, head)


def source_phrase(tok: Token) -> Token | None:
    """The source named by an "according to X" phrase (or a variant listed in quote_source_phrases.txt)
    starting at ``tok``: the object of its last preposition."""
    for phrase in source_phrases():
        words = phrase.split()
        seq = tok.doc[tok.i : tok.i + len(words)]
        if len(seq) == len(words) and [t.lower_ for t in seq] == words:
            return next((c for c in seq[-1].children if c.dep_ == "pobj"), None)
    return None


def _according_to(toks: list[Token]) -> _Attribution | None:
    """'“…,” according to Tokayev.' / 'According to the ministry, “…”'."""
    for tok in toks:
        obj = source_phrase(tok)
        if obj is not None and obj in toks:
            return _Attribution(None, obj, cue="according_to")
    return None


def _trailing_attribution(toks: list[Token]) -> tuple[int, _Attribution] | None:
    """"…, he continued." at the end of a sentence: (offset of the comma, attribution)."""
    for k, tok in enumerate(toks):
        if tok.text != "," or k == 0:
            continue
        tail = [t for t in toks[k + 1 :] if not (t.is_punct and t.text in _TERMINAL)]
        att = _attribution_only(tail)
        if att is not None and att.verb is not None:
            return tok.idx, att
    return None

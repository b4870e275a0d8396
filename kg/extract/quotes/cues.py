"""Attribution cues: reporting verbs, "according to" phrases and the speaker a cue points at.

The word lists are data files under ``kg/extract/rules/``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token

from kg.extract.coref import Sentences, Speaker, could_speak
from kg.extract.lexicon import rule_rows, rule_words
from kg.extract.quotes.common import (
    _ATTRIB_CHILDREN,
    _CLAUSE,
    _NEG,
    _OPEN_CLAUSE,
    _RELATIVE,
    _SUBJ,
    _TERMINAL,
    evidence,
)
from kg.records import Evidence, Quote


@cache
def reporting_verbs() -> frozenset[str]:
    return frozenset(rule_words("reporting_verbs.txt"))


@cache
def source_phrases() -> tuple[str, ...]:
    return tuple(rule_words("quote_source_phrases.txt"))


@cache
def proposal_verbs() -> frozenset[str]:
    return frozenset(rule_words("quote_proposal_verbs.txt"))


# the reason of an unnamed source that is a share of those polled (its beliefs are the poll's findings)
SHARE = "share of those polled"


@cache
def share_words() -> frozenset[str]:
    """Words that make a subject a share of those polled ("half", "a majority of …")."""
    return frozenset(rule_words("quote_source_shares.txt"))


@cache
def provision_verbs() -> frozenset[str]:
    """Verbs by which a document states its content ("the bill bans …"), for document subjects only."""
    return frozenset(rule_words("quote_provision_verbs.txt"))


@cache
def estimate_verbs() -> frozenset[str]:
    """Verbs that state a figure for something ("police put the crowd at 2,000")."""
    return frozenset(rule_words("quote_estimate_verbs.txt"))


@cache
def passive_verbs() -> frozenset[str]:
    """Reporting verbs whose passive subject is the statement ("was first reported by X")."""
    return frozenset(rule_words("quote_passive_verbs.txt"))


@cache
def issue_verbs() -> frozenset[str]:
    """Verbs by which a source issues words as a thing ("released a statement saying …")."""
    return frozenset(rule_words("quote_issue_verbs.txt"))


@dataclass(frozen=True)
class _Attribution:
    """Who a quotation is attributed to: the subject of a reporting verb, or a bare name ("— Tokayev")."""

    verb: Token | None
    subject: Token
    cue: str | None = None  # when there is no verb: "according_to"


# perception verbs whose passive subject does what the participle after them says ("was heard saying")
_PERCEIVED = frozenset(("hear", "see", "catch", "record", "film", "overhear", "show", "quote"))

# the children that complete a two-word cue: the particle of "point out", and the adjective of "make clear"
# (parsed as a complement of "made": "She made clear that …", "He made it clear that …")
_PARTICLE_DEPS = frozenset(("prt", "acomp", "oprd", "ccomp"))
_PARTICLE_POS = frozenset(("ADP", "ADV", "ADJ", "PART"))
# inflections the small model's lemmatizer gets wrong ("hoping" -> "hop"): the surface form's stem is
# tried as well, but only counts when it is a listed cue
_SUFFIXES = (("ing", ("", "e")), ("ed", ("", "e")), ("es", ("", "e")), ("s", ("",)))


def verb_lemma(tok: Token, known: frozenset[str]) -> str:
    """The verb's lemma; when that is not in ``known``, a stem of its surface form that is."""
    lemma = tok.lemma_.lower()
    if lemma in known or tok.tag_ not in ("VBG", "VBD", "VBN", "VBZ"):
        return lemma
    low = tok.lower_
    for suffix, endings in _SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            for ending in endings:
                if (stem := low[: -len(suffix)] + ending) in known:
                    return stem
    return lemma


def _particles(tok: Token) -> list[str]:
    return [c.lower_ for c in tok.children
            if c.dep_ in _PARTICLE_DEPS and c.pos_ in _PARTICLE_POS and tok.i < c.i <= tok.i + 3]


def is_reporting(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb_lemma(tok, reporting_verbs())
    if lemma in reporting_verbs():
        return True
    return any(f"{lemma} {p}" in reporting_verbs() for p in _particles(tok))


def cue_of(tok: Token) -> str:
    lemma = verb_lemma(tok, reporting_verbs())
    for p in _particles(tok):
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
                return _antecedent(verb.head)  # "Tokayev, who said that …"
            return child
        # "kept rates unchanged, saying …": a participle shares its clause's subject
        # "X was quoted as saying …": the passive subject of "quoted" is the speaker
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() == "quote":
            return next((c for c in verb.head.head.children if c.dep_ == "nsubjpass"), None)
        # "a reporter can be heard asking …", "she was seen telling …": the passive subject of the perception
        # verb the participle completes
        if verb.dep_ == _OPEN_CLAUSE and verb.tag_ == "VBG" and verb.head.lemma_.lower() in _PERCEIVED:
            passive = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                return passive
        # "says the budget is sound and says she will veto …", "said the ferry would run, calling the
        # repairs overdue": a cue parsed as coordinated with (or hung on) the first statement's verb, whose
        # subject is no speaker, is the first reporting verb's second act
        further = verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
        if (further and verb.head.dep_ in _CLAUSE and is_reporting(verb.head.head)
                and (is_reporting(verb) or is_object_cue(verb)) and (head_subj := _own_subject(verb.head)) is not None
                and not could_speak(head_subj)):
            verb = verb.head.head
            seen += 1
            continue
        # "went on to say …", "wants to argue …": an open complement shares its head's subject
        shared = verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VB"))
        if not shared or verb.head.i == verb.i:
            return None
        verb = verb.head
        seen += 1
    return None


# entity labels of a time the parser may take for the antecedent of "which"
_WHEN = frozenset(("DATE", "TIME"))


def _antecedent(head: Token) -> Token:
    """The noun a relative clause takes up: "released its budget in March, which showed …" is the budget,
    not the month the parser attached the clause to (the object of the verb the time phrase hangs on)."""
    if head.ent_type_ in _WHEN and head.dep_ == "pobj" and head.head.dep_ == "prep":
        obj = next((c for c in head.head.head.children if c.dep_ == "dobj" and c.i < head.i), None)
        if obj is not None:
            return obj
    return head


def _own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == _SUBJ), None)


def relative_mention(verb: Token, spk: Speaker) -> Speaker:
    """"Barkley, who said …": the speaker is Barkley, the mention that attributes it is "who" (or "which" for
    a named organisation)."""
    while verb.dep_ == "conj" and verb.head.i < verb.i and not any(c.dep_ == _SUBJ for c in verb.children):
        verb = verb.head  # "Ortiz, who stood up and thanked the crew": the relative clause's second verb
    rel = next((c for c in verb.children if c.dep_ == _SUBJ and c.tag_ in _RELATIVE), None)
    if rel is None or verb.dep_ != "relcl" or (rel.lower_ in ("which", "that") and spk.name is None):
        # "the records, which showed …": unnamed records are named by their noun, "which" only points back;
        # "the Harbour Trust, which said …" names the Trust, and "which" is the mention that attributes it
        return spk
    return replace(spk, mention=rel.text, start=rel.idx, end=rel.idx + len(rel.text))


def _attribution(toks: list[Token], nearest_last: bool = False) -> _Attribution | None:
    """A reporting verb among ``toks`` whose subject is among them too."""
    ids = {t.i for t in toks}
    found = []
    for tok in toks:
        # (a negation counts when it is among the tokens: in “Absolutely not,” she said the parser may
        # hang the quotation's "not" on "said")
        if is_reporting(tok) and not any(c.dep_ == _NEG and c.i in ids for c in tok.children):
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
    phrases = _phrases_by_first_word().get(tok.lower_)
    if not phrases:  # the common case: one dict lookup per token
        return None
    doc = tok.doc
    for words in phrases:
        end = tok.i + len(words)
        if end <= len(doc) and all(doc[tok.i + k].lower_ == w for k, w in enumerate(words)):
            return next((c for c in doc[end - 1].children if c.dep_ == "pobj"), None)
    return None


@cache
def _phrases_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in source_phrases():
        words = tuple(phrase.split())
        out.setdefault(words[0], []).append(words)
    return {w: tuple(ps) for w, ps in out.items()}


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


@cache
def object_verbs() -> frozenset[str]:
    return frozenset(rule_words("quote_object_verbs.txt"))


@cache
def noun_cues() -> dict[str, frozenset[str]]:
    """Noun cue lemma → its frames ("clause", "object")."""
    rows = rule_rows("quote_noun_cues.tsv")
    return {r[0].strip().lower(): frozenset(f.strip() for f in r[1].split(",")) for r in rows}


@cache
def _stances() -> dict[str, str]:
    return {row[0].strip().lower(): row[1].strip() for row in rule_rows("quote_stance.tsv")}


@cache
def _reported_adverbs() -> frozenset[str]:
    return frozenset(rule_words("quote_reported_adverbs.txt"))


def is_object_cue(tok: Token) -> bool:
    """A cue whose content is its object ("criticized the plan", "called for an inquiry")."""
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    if lemma in object_verbs():
        return True
    return any(f"{lemma} {c.lower_}" in object_verbs() for c in tok.children if c.dep_ in ("prt", "prep"))


def object_cue_of(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ in ("prt", "prep") and f"{lemma} {c.lower_}" in object_verbs():
            return f"{lemma}_{c.lower_}"
    return lemma


def stance_of(cue: str | None, verb: Token | None = None) -> str | None:
    """The stance of a cue (quote_stance.tsv; "asserts" when not listed); "reported" when the verb is
    hedged by "reportedly" and the like; None without a cue."""
    if cue is None:
        return None
    if verb is not None and any(c.dep_ == "advmod" and c.lower_ in _reported_adverbs() for c in verb.children):
        return "reported"
    if verb is not None and verb.dep_ == "pcomp" and verb.head.head.lemma_.lower() == "quote":
        return "reported"  # "was quoted as saying": through whoever quoted it
    return _stances().get(cue, "asserts")


def _quote(doc: Doc, spk: Speaker, verb: Token | None, content: str, direct: bool, ev: Evidence,
           conf: float, cue: str | None = None, sentences: Sentences | None = None) -> Quote | None:
    spk_ev = evidence(doc, spk.start, spk.end, sentences)
    if cue is None and verb is not None:
        cue = cue_of(verb) if is_reporting(verb) else object_cue_of(verb)
    stance = stance_of(cue, verb)
    if stance == "believes" and spk.name is None and not (
            (spk.reason or "").startswith(SHARE) and (verb is None or verb.dep_ not in _CLAUSE)):
        # "I think …", "you want …" in a speech or a column, "experts believe …": a state of mind is
        # a claim only for a source the article names, or a poll's finding ("a third want …"), unless
        # the finding is itself what someone else reported ("the poll found that a third fear …")
        return None
    if spk.name is None:
        return Quote(None, spk.mention, cue, content, direct, ev, spk_ev, spk.type, round(conf * 0.5, 2),
                     reason=spk.reason, stance=stance)
    return Quote(spk.name, spk.mention, cue, content, direct, ev, spk_ev, spk.type,
                 round(conf * spk.confidence, 2), stance=stance)

"""The scope of a numeric claim: whose the measured thing is, the predicate, the place and the time."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract import numbers as nb
from kg.extract.doccache import ents, ents_in
from kg.extract.entities import DocEntities, clean_name
from kg.extract.quantities.frame import _unit_word
from kg.extract.quantities.tokens import (
    _ARG_DEPS,
    _DATE_LABELS,
    _MAX_PHRASE,
    _PLACE_LABELS,
    _PRED_CHILD_DEPS,
    _Number,
    _numberish,
    _paragraph_bounds,
    _phrase,
    _pobj,
)
from kg.extract.text import doc_text

# --- whose it is ---------------------------------------------------------------------------------------------


def _entity_name(tok: Token, entities: DocEntities) -> str | None:
    ent = entities.at(tok.idx, tok.idx + len(tok.text))
    if ent is not None:
        return ent.name
    span = next((e for e in ents(tok.doc) if e.start <= tok.i < e.end and e.label_ in ("ORG", "GPE", "PERSON")), None)
    return clean_name(span.text) or None if span is not None else None


def _preceding_org(doc: Doc, before: int, entities: DocEntities) -> str | None:
    """"its net profit": the organisation named last before the pronoun."""
    best, best_end = None, -1
    for ent in entities.entities:
        if ent.type in ("Person", "Place", "Country", "City", "Region", "Group"):
            continue
        for m in ent.mentions:
            if best_end < m.end <= before:
                best, best_end = ent.name, m.end
    return best


def _subject(doc: Doc, num: _Number, noun: Token | None, verb: Token | None, entities: DocEntities) -> str | None:
    """The entity the measured thing belongs to: a possessive ("Ford's 13,000 workers", "its net profit"),
    an "of" phrase ("sales of Acme"), a name compounded with it ("Acme shares"), the thing itself when it is
    a name ("Acme rose 12 cts"), or the named subject of the clause that has the number as its object
    ("Acme reported a net profit of 17 mln dlrs")."""
    inside = set(range(num.start, num.end)) | num.core
    if noun is not None:
        # the named thing itself when the number measures it ("Acme rose 12 cts"), not when it counts it
        # ("98,000 Russians")
        if num.unit is not None and (noun.ent_type_ in ("ORG", "GPE", "PERSON") or noun.pos_ == "PROPN") \
                and noun.i not in inside and noun.tag_ != "NNPS":  # "72 percent of Democrats": the group counted
            name = _entity_name(noun, entities)
            if name:
                return name
        for child in noun.children:
            if child.i in inside:
                continue
            if child.dep_ == "poss":
                if child.lower_ in ("its", "their"):
                    return _preceding_org(doc, child.idx, entities)
                name = _entity_name(child, entities)
                if name:
                    return name
            if child.dep_ == "compound" and (child.ent_type_ in ("ORG", "GPE", "PERSON") or child.pos_ == "PROPN"):
                name = _entity_name(child, entities)
                if name:
                    return name
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = _pobj(child)
                if pobj is not None and pobj.i not in inside and pobj.ent_type_ in ("ORG", "GPE", "PERSON"):
                    name = _entity_name(pobj, entities)
                    if name:
                        return name
    if verb is not None and verb.lemma_.lower() not in nb.context("source_verbs"):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i not in inside and (noun is None or subj.i != noun.i) \
                and (subj.ent_type_ in ("ORG", "GPE", "PERSON") or subj.pos_ == "PROPN"):
            return _entity_name(subj, entities)
    return None


# --- predicate, place, time ------------------------------------------------------------------------------


def _governing_verb(arg: Token, noun: Token | None = None) -> Token | None:
    """The verb the counted phrase is subject of; for an object, its relative clause if it has one
    ("accommodate the hundreds of businesses that have left Russia" -> "left Russia")."""
    seen = 0
    while seen < 8:
        if arg.dep_ == "conj":  # "companies and banks ... left": the first conjunct's verb
            arg = arg.head
        elif arg.dep_ == "pobj" and arg.head.dep_ == "prep" and _numberish(arg.head.head):
            arg = arg.head.head  # "one in two of the ... companies has suspended": the partitive's verb
        elif arg.dep_ == "prep" and _numberish(arg.head):
            arg = arg.head  # "out" in "one out of two"
        else:
            break
        seen += 1
    if arg.dep_ in ("nsubj", "nsubjpass") and arg.head.pos_ in ("VERB", "AUX"):
        return arg.head
    for holder in (arg, noun):
        if holder is None:
            continue
        rel = next((c for c in holder.children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")), None)
        if rel is not None:
            return rel
    if arg.dep_ in _ARG_DEPS and arg.head.pos_ in ("VERB", "AUX"):
        return arg.head
    if arg.dep_ == "pobj" and arg.head.head.pos_ in ("VERB", "AUX"):
        return arg.head.head
    return None




def _predicate_tokens(verb: Token, arg: Token) -> list[Token]:
    # a relative clause ("companies that have suspended operations") lies inside the counted phrase
    skip = {t.i for t in arg.subtree} if arg.i != verb.i else set()
    if verb in arg.subtree:
        skip -= {t.i for t in verb.subtree}
    toks = [verb]
    toks.extend(c for c in verb.children if c.dep_ in ("neg", "auxpass") and c.i not in skip)
    grouped = False
    for child in verb.rights:
        if child.dep_ not in _PRED_CHILD_DEPS or child.i in skip:
            continue
        if child.lower_ == "according":
            continue  # "according to the reports" is the source, not the predicate
        if child.dep_ == "conj" and (child.pos_ not in ("VERB", "AUX")
                                     or any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)):
            continue  # "..., and 50 more could follow": another clause with its own subject
        if child.dep_ in ("conj", "xcomp") and child.pos_ in ("VERB", "AUX"):
            # "stopped or [suspended their operations in Russia]", "known [to have shipped goods to Russia]"
            sub = [t for t in child.lefts if t.dep_ in ("cc", "aux")] + _predicate_tokens(child, arg)
        else:
            sub = [t for t in child.subtree if t.i not in skip and t.dep_ != "relcl"]
        if child.dep_ == "prep" and any(t.ent_type_ in _DATE_LABELS for t in sub):
            continue  # a time phrase is the time scope, not the predicate
        if grouped and len(toks) + len(sub) > _MAX_PHRASE:
            break  # whole phrases only: "suspended operations in Russia", not "... after the start of the"
        toks.extend(sub)
        grouped = True
    kept = {t.i for t in toks}
    # "includes Kazakhstan and [four other republics]": a conjunction whose conjunct is gone
    toks = [t for t in toks if t.dep_ != "cc" or any(c.dep_ == "conj" and c.i in kept for c in t.head.children)]
    # a preposition whose object is the number itself ("rose from [$415 to $1040]") says nothing alone
    toks = [t for t in toks if t.dep_ != "prep" or any(c.i in kept for c in t.children)]
    toks = sorted(set(toks), key=lambda t: t.i)
    return _paragraph([t for t in toks if not t.is_punct or t.text in "-–"], verb)[:_MAX_PHRASE]


def _paragraph(toks: list[Token], anchor: Token) -> list[Token]:
    """Keep only tokens in the anchor's paragraph (the small model runs sentences across blank lines)."""
    lo, hi = _paragraph_bounds(doc_text(anchor.doc), anchor.idx)
    return [t for t in toks if lo <= t.idx < hi]




def _place(pred: list[Token], arg: Token, noun: Token | None, entities: DocEntities) -> str | None:
    cands = [t for t in list(pred) + [t for t in arg.rights for t in t.subtree]
             if t.ent_type_ in _PLACE_LABELS and t != noun]
    # "moved from Russia to Kazakhstan": the place a claim is about is where things are, not where they left
    cands.sort(key=lambda t: t.head.lower_ == "from")
    if not cands:
        return None
    tok = cands[0]
    ent = entities.at(tok.idx, tok.idx + len(tok.text))
    if ent is not None:
        return ent.name
    span = next((e for e in ents(tok.doc) if e.start <= tok.i < e.end), None)
    return clean_name(span.text) if span is not None else tok.text


def _time(doc: Doc, verb: Token | None, sent: Span, num: _Number) -> str | None:
    scope = {t.i for t in verb.subtree} if verb is not None else set(range(sent.start, sent.end))
    inside = set(range(num.start, num.end)) | num.core
    for ent in ents_in(sent):
        if ent.label_ not in _DATE_LABELS or ent.root.i not in scope or any(t.i in inside for t in ent):
            continue
        if any(_unit_word(t) or nb.split_glued(t.text) is not None and not t.text.isdigit() for t in ent) \
                or (ent.text.replace(",", "").isdigit() and not (len(ent.text) == 4 and 1500 <= int(ent.text) <= 2200)):
            continue  # the small model tags amounts as dates ("$32,280", "9"): no time scope
        root = ent.root
        # the whole time phrase: "since [the beginning of 2022]", "[the week] after mobilization"
        in_prep = root.dep_ in ("pobj", "npadvmod") and root.head.dep_ == "prep"
        toks = list(root.head.subtree) if in_prep else list(root.subtree)
        toks = [t for t in toks if t.i not in inside and not t.is_punct][:_MAX_PHRASE]
        return _phrase(toks) or None
    return None

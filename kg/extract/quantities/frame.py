"""What a number measures: the counted thing, whose it is, the predicate, place and time."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.extract import numbers as nb
from kg.extract.entities import DocEntities, clean_name
from kg.extract.quantities.scan import (
    _ARG_DEPS,
    _CHANGE_PREPS,
    _DATE_LABELS,
    _MAX_PHRASE,
    _MODIFIER_DEPS,
    _NOMINAL_DEPS,
    _NP_SKIP_DEPS,
    _PLACE_LABELS,
    _PRED_CHILD_DEPS,
    _RELATIVE,
    _change_verb,
    _Number,
    _numberish,
    _paragraph_bounds,
    _phrase,
    _pobj,
)
from kg.extract.text import doc_text

# --- what is counted -------------------------------------------------------------------------------------


def _top(doc: Doc, num: _Number) -> Token:
    """The token of the number whose head lies outside it (the number's attachment point)."""
    inside = (set(range(num.start, num.end)) | num.core) - {num.lead}
    tops = [doc[i] for i in sorted(inside) if doc[i].head.i not in inside or doc[i].head.i == i]
    tops = [t for t in tops if t.dep_ != "punct"] or tops or [doc[num.start]]
    for t in tops:
        if nb.is_digits(t.text) or nb.is_number_word(t.text) or t.i in num.core:
            return t
    return tops[0]


def _counted(
    doc: Doc, num: _Number, top: Token, previous: tuple[Token, str] | None
) -> tuple[Token | None, Token, tuple[Token, str] | None]:
    """(counted noun, the argument token of the clause, inherited (noun, text) for an elliptical number)."""
    inside = set(range(num.start, num.end)) | num.core
    head = top.head
    # the number modifies a noun: "1,400 companies", "a thousand foreign companies", "a 352 μm pixel pitch"
    # (the small model tags "pixel" an adjective: climb the modifiers to the noun they modify)
    head = _nominal(head) if top.dep_ in _MODIFIER_DEPS and head.i > top.i else head
    if top.dep_ in _MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i not in inside \
            and not (num.unit is not None and head.i < top.i) and not _unit_word(head) \
            and not (num.unit is not None and head.lower_ in nb.context("time_units")):  # "down 9.2% year on year"
        # a share, an amount or a measure names what it measures after it ("a $5 million grant"); a noun
        # before it is another phrase ("sold for record $44 million")
        return _measured(head), head, None
    # partitive: "one in two of the companies", "eight of the banks", "38% of Kazakhs"
    for i in sorted(inside):
        for child in doc[i].children:
            if child.dep_ == "prep" and child.lower_ in ("of", "out") and child.i not in inside:
                pobj = _pobj(child)
                if pobj is not None and pobj.i not in inside:
                    if pobj.lower_ in nb.context("generic_totals"):
                        subj = _clause_subject(top, inside)
                        if subj is not None:
                            return _measured(subj), top, None
                        return None, top, None
                    return _measured(pobj), top, None
    # the number is "of" a noun: "a workforce of 9 million"
    if top.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head, top, None
    # a change: "the number of Russian companies increased by about 4,000"
    if top.dep_ == "pobj" and head.lower_ in _CHANGE_PREPS and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        # "raised its key rate to 20%": what changed is the object; "rose to 7.5%": the subject
        # ("added 15 sen to RM2.70": the other amount is the change, the subject what changed)
        subj = next((c for c in verb.children if c.dep_ == "dobj" and not _amount_word(c)), None) or \
            next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            subj = verb.head  # "the number of firms (which) increased by 4,000"
        if subj is not None:
            return _measured(subj), top, None
    # money spent, paid or lent: what it is spent on ("spent $415 on each flat", "raised 2 billion euros
    # for schools", "allocated 2.5 billion tenge to the program")
    if nb.is_currency((num.unit or "").split("_")[0]) and top.dep_ in ("dobj", "attr", "pobj", "npadvmod", "conj"):
        verb = top.head if top.head.pos_ in ("VERB", "AUX") else None
        for child in [*top.children, *(verb.children if verb is not None else ())]:
            # "$1 billion in gains", "$5 million in damages": "in" on the amount itself names what it is
            on_amount = child.lower_ == "in" and child.head.i in inside
            if child.dep_ == "prep" and (child.lower_ in ("on", "for", "to", "into") or on_amount) \
                    and child.i > top.i and not (child.lower_ == "to" and verb is not None and _change_verb(verb)):
                pobj = _pobj(child)
                if pobj is not None and pobj.i not in inside and pobj.ent_type_ not in _DATE_LABELS \
                        and not (on_amount and pobj.ent_type_ in _PLACE_LABELS) \
                        and pobj.pos_ != "PRON" and not any(_amount_word(t) for t in pobj.subtree):
                    return _measured(pobj), top, None
    # a share, an amount of money or a measure with no "of": the subject of its clause ("..., accounting
    # for 0.2%", "Shares of Acme fell 1.6%", "the tickets cost HK $5.4m")
    if num.unit is not None and num.unit != "ratio":
        subj = _clause_subject(top, inside)
        if subj is not None:
            return _measured(subj), top, None
    # ellipsis: "more than 50 businesses have moved, while another 56 have ...", "of 500 residents, 30% said"
    # (a share inherits only as the subject of its own clause: "30% said"; in "shooting 47.6% from the
    # field" it measures something else)
    if (num.unit is None or (num.unit == "%" and top.dep_ in ("nsubj", "nsubjpass"))) \
            and top.dep_ in _NOMINAL_DEPS and previous is not None:
        return previous[0], top, previous
    # an amount, share or measure the parse attaches to nothing that names it: the nearest noun before it
    # in its clause ("Acme up 4 per cent to $13.60", "Dow +0.2%", "its list price is $33,790")
    if num.unit is not None and num.unit != "ratio":
        near = _nearest_noun(doc, num, inside)
        if near is not None:
            return _measured(near), top, None
    return None, top, None


# a clause ends here: what lies before belongs to another statement
_CLAUSE_BREAKS = {";", ":", "(", ")", "[", "]", "—", "–", "\"", "“", "”"}


def _nearest_noun(doc: Doc, num: _Number, inside: set[int]) -> Token | None:
    """The head of the closest noun phrase before the number in its clause, or None when a pronoun subject
    ("it will cost around $42,500": "it" names nothing) or a clause break comes first."""
    sent_start = doc[num.start].sent.start
    for k in range(num.start - 1, max(sent_start, num.start - 12) - 1, -1):
        tok = doc[k]
        if tok.text in _CLAUSE_BREAKS or tok.i in inside or tok.lower_ in nb.context("clause_openers"):
            return None
        if tok.i == doc[max(inside)].head.i or tok.i == doc[min(inside)].head.i:
            continue  # the noun the amount hangs on from the left is another phrase ("sold for record $44 million")
        if tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass"):
            return None
        acronym = len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha()  # "MSRP", tagged anything
        if (tok.pos_ not in ("NOUN", "PROPN") and not acronym) or tok.ent_type_ in _DATE_LABELS or _amount_word(tok) \
                or _in_amount(tok) \
                or tok.lower_ in nb.context("time_units"):
            continue
        while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.i < num.start:
            tok = tok.head  # "A2 Milk": the phrase's head
        return tok
    return None


def _nominal(tok: Token) -> Token:
    """The noun a chain of pre-modifiers ends in: "pixel" in "352 μm pixel pitch" -> "pitch"."""
    seen = 0
    while tok.pos_ not in ("NOUN", "PROPN") and tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i \
            and seen < 4:
        tok, seen = tok.head, seen + 1
    return tok


def _amount_word(tok: Token) -> bool:
    """A number, a glued amount ("RM23.50"), a currency or percent word: never what a number counts."""
    return _numberish(tok) or nb.split_glued(tok.text) is not None or _unit_word(tok)


def _unit_word(tok: Token) -> bool:
    """'tenge' in "2.5 billion tenge ($5.7 million)": a currency is the unit of another amount, not counted."""
    return tok.lower_ in _unit_surfaces()


@cache
def _unit_surfaces() -> frozenset[str]:
    """Currency and percent words written alone ("dlrs", "tenge", "pct")."""
    return frozenset(surface[0] for surface, _u, _p in nb.units() if len(surface) == 1)


def _in_amount(tok: Token) -> bool:
    """The token is part of a number found in the text ("per cent" in "9.4 per cent", "miles" in "90 miles")."""
    return tok.i in tok.doc.user_data.get("kg.number_tokens", ())




def _measured(noun: Token) -> Token:
    """'the number of companies' -> companies: measure nouns only carry the quantity."""
    if noun.lower_ in nb.context("measure_nouns"):
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = _pobj(child)
                if pobj is not None:
                    return pobj
    return noun


def _clause_subject(tok: Token, inside: set[int]) -> Token | None:
    """The subject of the number's clause; a relative pronoun stands for the noun it follows ("bank stocks,
    which were up 2.8%"); other pronouns ("this", "he") name no measured thing."""
    # "Blackmores up 9.4 per cent": the number hangs on "up", which hangs on the noun that moved
    if tok.head.lower_ in ("up", "down") and tok.head.head.pos_ in ("NOUN", "PROPN") and tok.head.head.i not in inside:
        return tok.head.head
    # "pulled the sector 0.68 percent lower": what the verb moved is its object
    if tok.head.lower_ in nb.context("change_adverbs") and tok.head.head.pos_ in ("VERB", "AUX"):
        obj = next((c for c in tok.head.head.children if c.dep_ == "dobj" and c.i not in inside), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    for anc in tok.ancestors:
        # a verb, or an adjective with a subject ("a grant worth up to $8 million")
        if anc.pos_ in ("VERB", "AUX") or (anc.pos_ == "ADJ" and any(c.dep_ == "nsubj" for c in anc.children)):
            subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside), None)
            if subj is not None and subj.lower_ in _RELATIVE and anc.dep_ == "relcl" \
                    and anc.head.pos_ in ("NOUN", "PROPN"):
                return anc.head
            if subj is not None and subj.pos_ == "PRON":
                return None
            if subj is not None and subj.lower_ not in nb.context("generic_totals"):
                return subj
            if subj is None and anc.dep_ == "acl" and anc.head.pos_ in ("NOUN", "PROPN") and anc.head.i not in inside:
                return anc.head  # "the villa sold for $44 million"
    return None


def _head_lemma(noun: Token) -> str:
    # spaCy keeps plural proper nouns as they are ("Russians"); the head is the singular ("russian")
    lemma = noun.lemma_.lower()
    if noun.tag_ == "NNPS" and lemma.endswith("s") and len(lemma) > 3:
        lemma = lemma[:-1]
    return lemma


def _np_text(noun: Token, num: _Number) -> str:
    if noun.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
        return noun.text  # an acronym the parser took for a verb ("MSRP is $33,790"): its children are a clause
    inside = set(range(num.start, num.end)) | num.core
    toks: list[Token] = []
    for child in noun.lefts:
        if child.dep_ in _NP_SKIP_DEPS or child.i in inside:
            continue
        toks.extend(t for t in child.subtree if t.i not in inside and t.dep_ not in ("det", "punct"))
    toks.append(noun)
    return _phrase(sorted(set(toks), key=lambda t: t.i))


# --- whose it is ---------------------------------------------------------------------------------------------


def _entity_name(tok: Token, entities: DocEntities) -> str | None:
    ent = entities.at(tok.idx, tok.idx + len(tok.text))
    if ent is not None:
        return ent.name
    span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ in ("ORG", "GPE", "PERSON")), None)
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
    span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return clean_name(span.text) if span is not None else tok.text


def _time(doc: Doc, verb: Token | None, sent: Span, num: _Number) -> str | None:
    scope = {t.i for t in verb.subtree} if verb is not None else set(range(sent.start, sent.end))
    inside = set(range(num.start, num.end)) | num.core
    for ent in sent.ents:
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

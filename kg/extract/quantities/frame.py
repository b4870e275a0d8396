"""What a number measures: the counted thing and its head (scope.py: whose it is, the predicate, place and time)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from kg.extract import numbers as nb
from kg.extract.quantities.scan import _change_verb
from kg.extract.quantities.tokens import (
    _CHANGE_PREPS,
    _DATE_LABELS,
    _MODIFIER_DEPS,
    _NOMINAL_DEPS,
    _NP_SKIP_DEPS,
    _PLACE_LABELS,
    _RELATIVE,
    _TIME_CODES,
    _low,
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
    last = doc[max(num.core)]
    if len(tops) > 1 and last in tops and nb.is_scale_word(last.text):
        return last  # "three quarters of a million voters": the scale word holds the counted noun
    for t in tops:
        if nb.is_digits(t.text) or nb.is_number_word(t.text) or t.i in num.core:
            return t
    return tops[0]


def _bare_half_phrase(doc: Doc, num: _Number) -> Token | None:
    """The head of the noun phrase a bare "half" is a share of: "half the county's farms", "half Acme's
    stores" (the parser hangs "half" on the possessor or on nothing; the phrase after it is the whole)."""
    last = max(num.core)
    if num.kind != "ratio" or doc[last].lower_ != "half" or last + 1 >= len(doc) or _low(doc, last + 1) == "of":
        return None
    nxt = last + 1
    for chunk in doc[nxt].sent.noun_chunks:
        if chunk.start <= nxt < chunk.end and chunk.root.i > last:
            return chunk.root
    return None


def _counted(
    doc: Doc, num: _Number, top: Token, previous: tuple[Token, str] | None
) -> tuple[Token | None, Token, tuple[Token, str] | None]:
    """(counted noun, the argument token of the clause, inherited (noun, text) for an elliptical number)."""
    inside = set(range(num.start, num.end)) | num.core
    half = _bare_half_phrase(doc, num)
    if half is not None:
        return _measured(half), top, None
    head = top.head
    # the number modifies a noun: "1,400 companies", "a thousand foreign companies", "a 352 μm pixel pitch"
    # (the small model tags "pixel" an adjective: climb the modifiers to the noun they modify)
    head = _nominal(head) if top.dep_ in _MODIFIER_DEPS and head.i > top.i else head
    # "Oslo, one of the coldest capitals": a number in apposition with its own "of" is a partitive
    partitive = top.dep_ == "appos" and any(c.dep_ == "prep" and c.lower_ == "of" for c in top.children)
    if top.dep_ in _MODIFIER_DEPS and not partitive and head.pos_ in ("NOUN", "PROPN") and head.i not in inside \
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
                    if pobj.lower_ in _RELATIVE:  # "900 staff, nearly a third of whom": what the pronoun is
                        antecedent = _antecedent(doc, num, pobj)
                        return (_measured(antecedent) if antecedent is not None else None), top, None
                    if pobj.lower_ in nb.context("generic_totals"):
                        subj = _clause_subject(top, inside)
                        if subj is not None:
                            return _measured(subj), top, None
                        return None, top, None
                    return _measured(pobj), top, None
    # the number is "of" a noun: "a workforce of 9 million"
    if top.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head, top, None
    # gapping: "Acme fell 4%, Beta by 7%": the name before "by" is what moved by the second amount
    if num.unit is not None and top.dep_ == "pobj" and head.lower_ in ("by", "to") and head.i > 1:
        gapped = doc[head.i - 1]
        if gapped.pos_ in ("NOUN", "PROPN") and gapped.dep_ not in ("nsubj", "nsubjpass", "pobj", "compound") \
                and doc[head.i - 2].text in (",", "and", ";") and gapped.i not in inside:
            return gapped, top, None
    # a change: "the number of Russian companies increased by about 4,000"
    if top.dep_ == "pobj" and head.lower_ in _CHANGE_PREPS and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        # "raised its key rate to 20%": what changed is the object; "rose to 7.5%": the subject
        # ("added 15 sen to RM2.70": the other amount is the change, the subject what changed)
        subj = next((c for c in verb.children if c.dep_ == "dobj" and not _amount_word(c)), None) or \
            next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") \
                and not _time_noun(verb.head):
            subj = verb.head  # "the number of firms (which) increased by 4,000"
        if subj is not None:
            return _measured(subj), top, None
    # a change verb the small model takes for a noun, its subject for a compound: "but Ibex decrease by 1"
    if top.dep_ == "pobj" and head.lower_ in _CHANGE_PREPS and head.head.pos_ == "NOUN" and _change_verb(head.head) \
            and head.head.dep_ not in ("pobj", "dobj"):
        named = next((c for c in head.head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if named is not None:
            return named, top, None
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
    # a length with an adjective of extent: "a 12m-long whale", "the lake that is 40 miles long"
    if num.unit is not None and num.unit != "ratio":
        extent = _extent(doc, num, top, inside)
        if extent is not None:
            return _measured(extent), top, None
    # a list under a heading: "Listings including: 14 Birch Lane, Ohio, $312,000, 7 Quarry Road, ..."
    if num.unit is not None and num.unit != "ratio":
        heading = _list_heading(doc, num)
        if heading is not None:
            return heading, top, None
    # post-modifiers of a noun: "a phone with 5000 mAh", "salaries above $100,000", "two bags (~5kg)"
    if num.unit is not None and num.unit != "ratio":
        owner = _postmodified(doc, num, top, inside)
        if owner is not None:
            return _measured(owner), top, None
    # a level: "the euro traded at 1.0712", "the index fell 2% to close at 7,410.5", "the death toll is 41"
    if num.unit is None or num.unit != "ratio":
        level = _level_of(top, inside)
        if level is not None:
            return _measured(level), top, None
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
    # in its clause ("Acme up 3 per cent to $21.45", "Dow +0.2%", "its list price is $33,790")
    if num.unit is not None and num.unit != "ratio":
        near = _nearest_noun(doc, num, inside)
        if near is not None:
            return _measured(near), top, None
    # a pronoun subject standing for a thing named before ("the bonds rallied; they yielded 4.2 pct"); not for
    # a length of time ("they should recoup their cost in six years" is about what recoups)
    if num.unit is not None and num.unit != "ratio" and nb.unit_code(num.unit) not in _TIME_CODES:
        subj = _clause_subject(top, inside, resolve=True)
        if subj is not None:
            return _measured(subj), top, None
    return None, top, None


def hyphen_count(doc: Doc, num: _Number) -> tuple[Token, Token] | None:
    """A count hyphenated onto the noun it counts, modifying another noun: "a 10-member panel", "a
    six-cylinder engine", "the 12-nation group": (the counted noun, the noun it modifies). Not a unit (those
    are read with the amount), an idiom or rating (`[hyphen_not_counted]`), or a longer chain ("one-on-one")."""
    k = doc.user_data.get("kg.suspended", {}).get(num.start, num.end)  # "four-, five- and six-cylinder"
    if num.unit is not None or num.kind != "count" or num.value_max is not None or k + 1 >= len(doc) \
            or num.value == 0:  # "zero-coupon bonds", "a zero-sum game": a kind of thing
        return None
    if doc[k].text not in ("-", "–") or doc[k - 1].whitespace_ or doc[k].whitespace_:
        return None
    noun = doc[k + 1]
    if noun.pos_ != "NOUN" or not noun.is_alpha or noun.lower_ in nb.context("hyphen_not_counted") \
            or noun.lower_ in nb.context("time_units"):
        return None
    if k + 2 < len(doc) and doc[k + 2].text in ("-", "–") and not noun.whitespace_:
        return None  # "a 50-year-old", "one-on-one"
    modified = noun.head
    if noun.dep_ == "conj" and modified.i < noun.i:
        modified = modified.head  # "two- and three-bedroom flats": the conjunct of "two-", which modifies "flats"
    if noun.dep_ not in ("compound", "amod", "nmod", "nsubj", "conj") or modified.i <= noun.i \
            or modified.pos_ not in ("NOUN", "PROPN"):
        return None
    return noun, modified


def hyphen_counts_text(noun: Token, modified: Token) -> str:
    """"member panel", "cylinder engine options": the counted noun and the noun it modifies, without the
    numbers, their hyphens or an article."""
    numbers = noun.doc.user_data.get("kg.number_tokens", ())
    toks = [t for t in noun.doc[noun.i : modified.i + 1]
            if t.i not in numbers and not t.is_punct and t.dep_ not in ("det", "cc") and not _numberish(t)]
    return _phrase(toks + _of_phrase(modified, set(numbers)))


def _extent(doc: Doc, num: _Number, top: Token, inside: set[int]) -> Token | None:
    """What a length with an adjective of extent measures (`[dimension_adjectives]`): the noun after a
    hyphenated adjective ("a 12m-long whale", "the 25m (82ft)-high mast"), the noun an adjective modifies
    ("a 3 km long tunnel"), else the subject of the adjective ("the lake that is 40 miles long")."""
    dims = nb.context("dimension_adjectives")
    k, stop = num.end, min(num.end + 6, len(doc))
    if k < len(doc) and doc[k].text == "(":  # skip the same length in other units: "25m (82ft)-high"
        close = next((j for j in range(k, stop) if ")" in doc[j].text), None)
        if close is None:
            return None
        if doc[close].text != ")":  # the tokenizer glued ")-long" onto the conversion
            tail = doc[close].text.rsplit(")", 1)[1]
            if tail.lstrip("-–").lower() in dims and tail[:1] in "-–":
                return _noun_after(doc, close + 1)
            return None
        k = close + 1
    if k + 1 < len(doc) and doc[k].text in ("-", "–") and doc[k + 1].lower_ in dims:
        return _noun_after(doc, k + 2)  # "a 12m-long whale"
    if k < len(doc) and doc[k].lower_ in dims:
        adj = doc[k]
        if adj.dep_ == "amod" and adj.head.pos_ in ("NOUN", "PROPN") and adj.head.i > adj.i:
            return adj.head  # "a 3 km long tunnel"
        return _clause_subject(top, inside)
    return None


_HEADING_TAIL = {"including", "include", "includes", "such", "as", "are", "were", "was", "is"}


def _list_heading(doc: Doc, num: _Number) -> Token | None:
    """A sentence that opens with a plural noun and a colon and goes on as a list ("Listings including: 14
    Birch Lane, Ohio, $312,000; 7 Quarry Road, ..."): its amounts are of the things the heading names."""
    sent = doc[num.start].sent
    colon = next((t.i for t in doc[sent.start : min(sent.start + 8, num.start)] if t.text == ":"), None)
    if colon is None or sum(doc[k].text in (",", ";") for k in range(colon, sent.end)) < 2:
        return None
    k = colon - 1
    while k > sent.start and doc[k].lower_ in _HEADING_TAIL:
        k -= 1
    head = doc[k]
    return head if head.tag_ in ("NNS", "NNPS") and not _amount_word(head) else None


def _postmodified(doc: Doc, num: _Number, top: Token, inside: set[int]) -> Token | None:
    """The noun a measure follows as its post-modifier: "with" + amount ("a phone with 5000 mAh"), a
    qualifier preposition right after the noun ("contracts over $2 million", "grains at least 3 mm across"), or
    the amount alone in brackets after the noun ("two bags (~5kg)")."""
    before = doc[num.start - 1] if num.start > 0 else None
    if before is None:
        return None
    if before.lower_ == "with" and num.start > 1:
        # the noun right before "with", wherever the parse hangs the phrase ("the Nova tablet with 8200 mAh"),
        # past a model number ("the Orbit 7 with 5000 mAh")
        owner = doc[num.start - 2]
        if owner.like_num and num.start > 2 and doc[num.start - 3].pos_ == "PROPN":
            owner = doc[num.start - 3]
        if owner.pos_ in ("NOUN", "PROPN") and owner.ent_type_ not in ("PERSON", *_DATE_LABELS) \
                and not _amount_word(owner) and owner.lower_ not in nb.context("time_units"):
            return owner
    if before.text == "(" and num.end < len(doc) and doc[num.end].text == ")" and num.start > 1:
        noun = doc[num.start - 2]
        return noun if noun.pos_ in ("NOUN", "PROPN") and not _amount_word(noun) else None
    if num.qualifier != "exact" and doc[num.start].lower_ in nb.context("postmodifier_qualifiers") \
            and before.pos_ in ("NOUN", "PROPN") and before.dep_ not in ("dative", "npadvmod") \
            and before.ent_type_ not in ("PERSON", *_DATE_LABELS) and not _amount_word(before) \
            and before.lower_ not in nb.context("time_units"):
        return before
    return None


def _level_of(top: Token, inside: set[int]) -> Token | None:
    """What stands at a level: the subject of a verb of level with "at" ("traded at 1.0712", "to close at
    7,410.5", `[level_verbs]`) or of "be" with the bare number as its complement ("the toll is 41")."""
    anc = top.head
    hops = 0
    while anc.pos_ not in ("VERB", "AUX") and anc.dep_ in ("prep", "advmod", "quantmod", "npadvmod") and hops < 3:
        if anc.lower_ == "at" and anc.head.lemma_.lower() in nb.context("level_verbs"):
            break
        anc, hops = anc.head, hops + 1
    if anc.lower_ == "at" and anc.head.lemma_.lower() in nb.context("level_verbs"):
        return _clause_subject(anc, inside)
    if anc.lemma_ == "be" and anc.i < top.i and top.dep_ in ("attr", "pobj", "acomp", "advmod"):
        subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.i not in inside:
            return subj
    # the small model hangs a bare number after "is" on another word ("the average wait is around 73"): the
    # "be" written right before the number (and its qualifier) still has the subject that stands at it
    first = min(inside)
    be = top.doc[first - 1] if first > 0 else None
    if be is not None and be.lemma_ == "be" and be.head.i != top.i:
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.i not in inside and subj.i < be.i:
            return subj
    return None


def _noun_after(doc: Doc, k: int) -> Token | None:
    """The head noun of the phrase starting at k ("reconstructed skeleton" -> skeleton)."""
    for j in range(k, min(k + 4, len(doc))):
        tok = doc[j]
        if tok.is_punct:
            return None
        if tok.pos_ in ("NOUN", "PROPN"):
            while tok.dep_ in ("compound", "amod") and tok.head.i > tok.i and tok.head.i < k + 6:
                tok = tok.head
            return tok
    return None


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
        if tok.dep_ == "dative" or (tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX") and any(
                doc[i].dep_ == "dobj" and doc[i].head.i == tok.head.i for i in inside)):
            continue  # "the repair will cost owners $900", "paid workers $5": who pays or is paid is not what costs
        acronym = len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha()  # "MSRP", tagged anything
        if (tok.pos_ not in ("NOUN", "PROPN") and not acronym) or tok.ent_type_ in _DATE_LABELS or _amount_word(tok) \
                or _in_amount(tok) \
                or tok.lower_ in nb.context("time_units"):
            continue
        while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.i < num.start:
            tok = tok.head  # "A2 Milk": the phrase's head
        return tok
    return None


def _antecedent(doc: Doc, num: _Number, pronoun: Token) -> Token | None:
    """The noun a relative pronoun after a number stands for: the closest noun before the number in the
    sentence, past adverbs and punctuation ("employs 900 staff, nearly a third of whom ...")."""
    sent_start = doc[num.start].sent.start
    for k in range(num.start - 1, max(sent_start, num.start - 8) - 1, -1):
        tok = doc[k]
        if tok.pos_ in ("NOUN", "PROPN") and not _amount_word(tok) and tok.ent_type_ not in _DATE_LABELS:
            return tok
        if tok.pos_ in ("VERB", "AUX") or tok.lower_ in nb.context("clause_openers"):
            return None
    return None


def _nominal(tok: Token) -> Token:
    """The noun a chain of pre-modifiers ends in: "pixel" in "352 μm pixel pitch" -> "pitch"."""
    seen = 0
    while tok.pos_ not in ("NOUN", "PROPN") and tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i \
            and seen < 4:
        tok, seen = tok.head, seen + 1
    if tok.pos_ == "ADJ":
        # coordinated adjectives: "4.3 million digital and physical sales" is parsed with the first adjective
        # as the head and the noun as its conjunct
        noun = next((c for c in tok.rights if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
        if noun is not None:
            return noun
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


def _clause_subject(tok: Token, inside: set[int], resolve: bool = False) -> Token | None:
    """The subject of the number's clause; a relative pronoun stands for the noun it follows ("mining shares,
    which were down 1.9%"); other pronouns ("this", "he") name no measured thing."""
    # a price list: "Acme, down 68 p at 1112 p, Beta, down 2 p at 95 p": the name written right before the
    # move (and its level after "at"), wherever the parse hangs the move
    move = tok.head if tok.head.lower_ in ("up", "down") else \
        tok.head.head if tok.head.lower_ == "at" and tok.head.head.lower_ in ("up", "down") else None
    if move is not None and move.i >= 2 and tok.doc[move.i - 1].text == ",":
        named = tok.doc[move.i - 2]
        if named.pos_ == "PROPN" and named.i not in inside and not _amount_word(named):
            return named
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
            if subj is not None and subj.lower_ in _RELATIVE and anc.dep_ == "relcl":
                # the noun right before the pronoun is what it stands for ("the narrow lake that is 40 miles
                # wide"), even when the parse hangs the clause on an earlier word ("knows everyone in ...")
                before = tok.doc[subj.i - 1] if subj.i > 0 else None
                if before is not None and before.pos_ in ("NOUN", "PROPN") and before.i not in inside:
                    return before
                if anc.head.pos_ in ("NOUN", "PROPN"):
                    return _which_thing(subj, anc.head)
            if subj is not None and subj.pos_ == "PRON":
                # "the shares surged and they were up 5%" (a last resort: _counted); "this", "he": None
                return _thing_antecedent(subj) if resolve else None
            if subj is not None and subj.lower_ not in nb.context("generic_totals"):
                return subj
            if subj is None and anc.dep_ == "acl" and anc.head.pos_ in ("NOUN", "PROPN") and anc.head.i not in inside \
                    and not _time_noun(anc.head):  # "the quarter ended December" is a time, not what is measured
                return anc.head  # "the villa sold for $44 million"
    return None


# a pronoun that stands for a thing named before it, by grammatical number ("he", "this" name no measured thing)
_THING_PRONOUNS = {"it": ("NN", "NNP"), "they": ("NNS", "NNPS")}
_ANTECEDENT_DEPS = {"nsubj", "nsubjpass", "dobj", "conj"}


def _thing_antecedent(pron: Token) -> Token | None:
    """What "it" or "they" as the subject of an amount's clause stands for: the subject of the clause it is
    coordinated with ("the euro falling to $0.95 and it climbing back to $1.20"), else the nearest noun before it
    of the same number, as a subject or object, in its sentence or the one before ("the shares surged and
    they were up 5%"). Persons, names, times and amounts are not what a number measures."""
    tags = _THING_PRONOUNS.get(pron.lower_)
    if tags is None:
        return None

    def fits(tok: Token) -> bool:
        return tok.tag_ in tags and tok.pos_ == "NOUN" and tok.dep_ in _ANTECEDENT_DEPS and tok.ent_type_ == "" \
            and not _numberish(tok) and not _time_noun(tok) and not _in_amount(tok)

    verb = pron.head
    if verb.dep_ == "conj":
        first = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if first is not None and fits(first):
            return first
    sent = pron.sent
    doc = pron.doc
    # "the garage says it will cost $900": the subject of a clause that holds the pronoun's clause is
    # who speaks or acts, not the thing that costs
    holders = {c.i for a in pron.ancestors for c in a.children if c.dep_ in ("nsubj", "nsubjpass")}
    lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    if _paragraph_bounds(doc_text(doc), doc[lo].idx) != _paragraph_bounds(doc_text(doc), pron.idx):
        lo = sent.start
    for k in range(pron.i - 1, lo - 1, -1):
        if fits(doc[k]) and k not in holders:
            return doc[k]
    return None


def _which_thing(pronoun: Token, noun: Token) -> Token:
    """"which" never stands for a person: in "a package for the chief executive, Ann Lee, which was worth $2m"
    it is the package the person phrase hangs on."""
    hops = 0
    while pronoun.lower_ == "which" and hops < 3 and noun.dep_ == "pobj" and noun.head.dep_ == "prep" \
            and noun.head.head.pos_ in ("NOUN", "PROPN") \
            and (noun.ent_type_ == "PERSON"
                 or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children)):
        noun, hops = noun.head.head, hops + 1
    return noun


def _time_noun(tok: Token) -> bool:
    return tok.ent_type_ in _DATE_LABELS or tok.lower_ in nb.context("time_units")


def index_name(tok: Token) -> bool:
    """The number of a market index or ranking written in lower case ("sp 500", "ftse 100"): a name."""
    names = nb.context("index_names")
    return tok.like_num and (any(c.dep_ == "compound" and c.lower_ in names for c in tok.children)
                             or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in names))


def model_plural(tok: Token) -> bool:
    """A plural of a model written with its maker or series name ("63,000 Model 3s", "40 Boeing 737s",
    "12 A320s"): what is counted, though it holds digits."""
    text = tok.text
    if len(text) < 2 or not text.endswith("s") or not any(ch.isdigit() for ch in text[:-1]):
        return False
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.lefts)
    return named or (text[0].isupper() and text[0].isalpha() and tok.tag_ in ("NNS", "NNPS", "NNP"))


def _head_lemma(noun: Token) -> str:
    if index_name(noun):  # "sp 500": the index's name is its head
        names = nb.context("index_names")
        prefix = next((c.lower_ for c in noun.children if c.dep_ == "compound" and c.lower_ in names), None)
        return f"{prefix or noun.doc[noun.i - 1].lower_} {noun.lower_}"
    # spaCy keeps plural proper nouns as they are ("Russians"); the head is the singular ("russian")
    lemma = noun.lemma_.lower()
    if noun.tag_ == "NNPS" and lemma.endswith("s") and len(lemma) > 3:
        lemma = lemma[:-1]
    return lemma


def _np_text(noun: Token, num: _Number) -> str:
    if noun.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
        return noun.text  # an acronym the parser took for a verb ("MSRP is $33,790"): its children are a clause
    inside = set(range(num.start, num.end)) | num.core
    others = noun.doc.user_data.get("kg.amount_tokens", frozenset())  # other amounts' words ("3 mln 50-cent shares")
    toks: list[Token] = []
    for child in noun.lefts:
        if child.dep_ in _NP_SKIP_DEPS or child.i in inside or child.i in others:
            continue
        if child.lower_ in nb.context("dimension_adjectives") and child.i > 0 and noun.doc[child.i - 1].text in "-–":
            continue  # "-long" in "a 12m-long whale" belongs to the length
        toks.extend(t for t in child.subtree
                    if t.i not in inside and t.i not in others and t.dep_ not in ("det", "punct"))
    toks.append(noun)
    toks.extend(_of_phrase(noun, inside))
    return _phrase(sorted(set(toks), key=lambda t: t.i))


_OF_PHRASE_MAX = 6  # tokens: "shares of Acme Corp", "the cost of a disorderly exit"


def _of_phrase(noun: Token, inside: set[int]) -> list[Token]:
    """The "of" phrase that says whose or which thing is counted ("shares of Acme", "sales of its new
    model"), when it is short, holds no number and is no date ("revenue of 2019" is a time)."""
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = _pobj(prep) if prep is not None else None
    if pobj is None:
        return []
    # a clause or a further phrase after the noun is not part of its name ("a series of measures to aid ...")
    cut = {t.i for c in pobj.subtree if c.dep_ in ("relcl", "acl", "prep", "appos") and c.i > pobj.i
           for t in c.subtree}
    sub = [t for t in pobj.subtree if t.dep_ != "punct" and t.i not in cut]
    # no article, except one that is part of a title ("sales of The Greatest Showman")
    sub = [t for t in sub if t.dep_ != "det" or (t.text[:1].isupper() and t.i > t.sent.start
                                                  and pobj.pos_ == "PROPN")]
    if not sub or len(sub) > _OF_PHRASE_MAX or any(t.i in inside or _amount_word(t) or t.ent_type_ in _DATE_LABELS
                                                 for t in sub):
        return []
    if pobj.pos_ not in ("NOUN", "PROPN") or _paragraph_bounds(doc_text(noun.doc), noun.idx) != \
            _paragraph_bounds(doc_text(noun.doc), pobj.idx):
        return []
    return [prep, *sub]

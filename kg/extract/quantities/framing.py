"""Numbers a noun puts forward: "the mayor's proposal to add 40 berths to the marina" states the mayor's figure,
"his prediction that the port would recover within two years" his, "in Lind's view, 40 percent is too
high" Lind's. The nouns are ``[figure_nouns]`` of rules/number_context.txt; the owner is the noun's
possessive, its "by"/"from"/"of" phrase, or the subject of the verb the noun is the object of ("the board,
with plans to invest $3 million, …")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract import numbers as nb
from kg.extract.quantities.tokens import _pobj

# the prepositions that name a figure's author after the noun: "an estimate by the state", "a bid from Acme",
# "in the view of the mayor"
_AUTHOR_PREPS = frozenset(("by", "from", "of"))
# the prepositions that put a clause under someone's point of view: "in her view", "by his count"
_FRAME_PREPS = frozenset(("in", "by"))
# how far up from the number a figure noun may stand: its own phrase and the clause around it
_MAX_UP = 8


def _figure_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and (tok.lower_ in nb.context("figure_nouns")
                                   or tok.lemma_.lower() in nb.context("figure_nouns"))


def _owner(noun: Token, governor: bool) -> Token | None:
    """The possessive ("the mayor's", "his"), the author after "by"/"from"/"of" ("of" only for a point of
    view: "the view of the mayor", not "an estimate of 40"), or, with ``governor``, the subject of the verb
    the noun is the object of (directly or through a preposition)."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _AUTHOR_PREPS:
            pobj = _pobj(prep)
            if pobj is not None and (prep.lower_ != "of" or pobj.pos_ == "PROPN" or pobj.ent_type_):
                return pobj
    if not governor:
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    if head.pos_ != "VERB":
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def figure_owner(start: Token, number: set[int], speech: Callable[[Token], bool]) -> Token | None:
    """The owner of the figure noun whose phrase holds the number (``start`` is the number's token, the
    indices of its words ``number``), or None. The walk up stops at a speech verb (``speech(tok)``): a
    statement reported inside the noun's phrase is its speaker's. A noun the number counts ("the two
    proposals") puts nothing forward."""
    below = start
    for anc in [start, *start.ancestors][:_MAX_UP]:
        if anc is not start and speech(anc):
            return None
        if _figure_noun(anc) and anc.i not in number and not (below.i in number and below.dep_ == "nummod"):
            owner = _owner(anc, governor=True)
            if owner is not None and not any(t.i in number for t in owner.subtree):
                return owner
        below = anc
    return None


def frame_owner(top: Token, number: set[int]) -> Token | None:
    """The owner of a point of view that frames the number's clause: "In Lind's view, 40 percent is too
    high", "by her count, 12 boats were lost" (a phrase hung on the clause's verb or the verbs above it)."""
    for verb in [top, *top.ancestors][:_MAX_UP]:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in _FRAME_PREPS:
                continue
            pobj = _pobj(prep)
            if pobj is None or not _figure_noun(pobj) or any(t.i in number for t in pobj.subtree):
                continue
            owner = _owner(pobj, governor=False)
            if owner is not None:
                return owner
    return None

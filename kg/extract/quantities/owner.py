"""Whose the counted thing is, when the words around the counted phrase say so: its own owner.

"assets of 200 mln dlrs" in a story about one bank may be the bank's, a subsidiary's or a fund's, and two
such figures compare only when they are the same holder's. The owner is read from the parse around the
counted noun (the word lists are in ``rules/number_owner_words.txt``):

- a possessive on the counted noun: "Quarry Trust's assets", "the fund's assets", "its unit's assets";
- an "of" phrase that names a holder: "total assets of its Tarrow subsidiary";
- the subject of a verb of having or reporting whose object is the counted noun ("the subsidiary has total
  assets of ..."); a relative pronoun stands for the noun its clause hangs on ("Quarry Trust Co, which has
  assets of ...");
- the noun a "with" phrase describes: "Harbour Bank, with assets of ...", "a thrift with assets of ...".

The owner is a name when the text gives one: the holder's own name, a name in apposition ("its unit,
Northgate Savings"), the name a describing noun stands beside ("Belmont Savings Bank, a thrift"). Otherwise
it is the holder noun phrase as written, without its article or possessive pronoun ("Tarrow subsidiary",
"fund"). A pronoun alone ("it has assets", "its assets") gives no owner: whom it stands for is the story's
subject, which comparison takes from the story itself (kg.compare).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from kg.extract.doccache import ents
from kg.extract.entities import DocEntities, clean_name
from kg.extract.lexicon import rule_section
from kg.extract.quantities.scan import _DATE_LABELS, _RELATIVE, _numberish, _phrase, _pobj

_NAME_LABELS = ("ORG", "PERSON", "GPE", "NORP", "FAC")
_MAX_WORDS = 5  # an owner phrase longer than this is a description, not a holder ("a bank that ...")


@cache
def _words(section: str) -> frozenset[str]:
    """One ``[section]`` of rules/number_owner_words.txt, lower case."""
    return rule_section("number_owner_words.txt", section, split=True)


def counted_owner(noun: Token | None, inside: set[int], entities: DocEntities) -> str | None:
    """The owner of the counted noun ``noun`` (``inside``: the number's token indices), or None."""
    # a name counted or measured ("100 pct of Quarry Trust of Tarrow", "Norland's Central Bank offered ...") is
    # its own owner: its "of" place or possessive says where or whose it is, which its subject already says
    if noun is None or noun.pos_ != "NOUN" or noun.ent_type_ in _NAME_LABELS:
        return None
    holder = _holder(noun, inside)
    if holder is None or holder.i in inside or holder.i == noun.i:
        return None
    return _owner_text(holder, inside, entities)


def _holder(noun: Token, inside: set[int]) -> Token | None:
    """The token that names who holds the counted thing, by the four patterns of the module's docstring."""
    for child in noun.children:
        if child.i in inside:
            continue
        # "the fund's assets", "Quarry Trust's assets" ("its assets" names nobody: see the docstring)
        if child.dep_ == "poss":
            return child
        # "assets of its Tarrow subsidiary" (not "assets of 200 mln dlrs": that is the number)
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = _pobj(child)
            if pobj is not None and pobj.i not in inside and _holder_noun(pobj):
                return pobj
    # the counted phrase and its conjuncts: "the unit holds deposits of 40 mln crowns and loans of 52 mln crowns"
    # (the parse may hang the second phrase on the first one's amount: "income of [12 mln dlrs and assets]")
    anchor = noun
    while anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN"):
        anchor = anchor.head
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ in ("NOUN", "PROPN"):
            anchor = anchor.head.head
    head = anchor.head
    # "the subsidiary has total assets of ...", "which has assets of ..."
    if anchor.dep_ == "dobj" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _words("verbs"):
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in _RELATIVE and head.dep_ == "relcl":
            return head.head  # "Quarry Trust Co, which has assets of ..."
        return subj
    # "Harbour Bank, with assets of ...": the noun the phrase describes, or the subject of the verb it is on
    if anchor.dep_ == "pobj" and head.lower_ == "with":
        described = head.head
        if described.pos_ in ("NOUN", "PROPN"):
            return described
        if described.pos_ in ("VERB", "AUX"):
            return next((c for c in described.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i), None)
    return None


def _holder_noun(tok: Token) -> bool:
    """An "of" object that names a holder: a name, or a noun of a holder ("subsidiary", "fund")."""
    if tok.ent_type_ in _DATE_LABELS or _numberish(tok):
        return False
    return tok.ent_type_ in _NAME_LABELS or tok.lemma_.lower() in _words("holders")


def _owner_text(holder: Token, inside: set[int], entities: DocEntities) -> str | None:
    if holder.pos_ == "PRON" or holder.lower_ in _RELATIVE or holder.ent_type_ in _DATE_LABELS:
        return None
    name = _name(holder, entities)
    if name:
        return name
    # a describing noun beside a name: "its unit, Northgate Savings" / "Belmont Savings Bank, a thrift"
    beside = [c for c in holder.children if c.dep_ == "appos"] + ([holder.head] if holder.dep_ == "appos" else [])
    for near in beside:
        name = _name(near, entities)
        if name:
            return name
    if holder.pos_ != "NOUN":
        return None
    words = [t for t in holder.lefts if t.i not in inside and t.dep_ in ("compound", "amod", "nmod")
             and not t.is_punct]
    return _phrase([*words, holder]) if len(words) < _MAX_WORDS else None


def _name(tok: Token, entities: DocEntities) -> str | None:
    """The name ``tok`` is part of: the document's entity, else spaCy's name span around it."""
    if tok.pos_ not in ("PROPN", "NOUN") and tok.ent_type_ not in _NAME_LABELS:
        return None
    ent = entities.at(tok.idx, tok.idx + len(tok.text))
    if ent is not None:
        return ent.name
    span = next((e for e in ents(tok.doc) if e.start <= tok.i < e.end and e.label_ in _NAME_LABELS), None)
    if span is not None:
        return clean_name(span.text) or None
    if tok.pos_ == "PROPN":  # a name the model did not type: the proper nouns it heads ("Northgate Savings")
        toks = [t for t in tok.subtree if t.i <= tok.i and t.pos_ == "PROPN" and t.dep_ in ("compound", "flat")]
        return _phrase([*toks, tok])
    return None

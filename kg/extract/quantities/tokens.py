"""What the number finders share: dependency-label sets, the number record, and token look-ups over a parsed
text (lower-cased words, glued tokens, phrases, paragraphs)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.extract import numbers as nb
from kg.extract.doccache import column

_MODIFIER_DEPS = {"nummod", "quantmod", "amod", "compound", "nmod", "det", "npadvmod", "advmod", "appos"}
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd", "npadvmod"}  # npadvmod: "rose 5%"
_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "conj", "appos", "ROOT", "dative", "oprd"}
_CHANGE_PREPS = {"by", "to", "from"}
_PRED_CHILD_DEPS = {"prt", "dobj", "prep", "xcomp", "acomp", "attr", "dative", "agent", "oprd", "cc", "conj"}
_NP_SKIP_DEPS = {"det", "predet", "nummod", "quantmod", "punct", "advmod", "cc", "prep", "relcl", "acl"}
_NAME_LABELS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT", "NORP", "GPE", "LOC"}
_DATE_LABELS = {"DATE", "TIME"}
_PLACE_LABELS = {"GPE", "LOC"}
_PRONOUNS = {"he", "him", "she", "her"}
_RELATIVE = {"which", "that", "who"}
_PERSONISH = {"PERSON"}
_TIME_CODES = {"SEC", "MIN", "HUR", "DAY", "WEE", "MON", "ANN"}  # "a year earlier" is no rate
_MAX_PHRASE = 12  # tokens kept in a predicate or time phrase


@dataclass
class _Number:
    """One number found in the text, before what it counts is known (token indices, end exclusive)."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    qualifier: str = "exact"
    kind: str = "count"  # count | vague | ratio
    core: set[int] = field(default_factory=set)  # the number (and unit) tokens, without the qualifier
    words_only_one: bool = False  # the bare word "one"/"a" without scale, unit or ratio
    lead: int | None = None  # "from"/"between" opening a range: part of the surface, not of the number


def _lows(doc: Doc) -> tuple[str, ...]:
    # every lexicon phrase is tried at every token: indexing a tuple of strings is ~20x cheaper than
    # building a spaCy Token for each comparison, so the lower-cased words are computed once per Doc
    lows = doc.user_data.get("kg.lows")
    if lows is None:
        lows = doc.user_data["kg.lows"] = tuple(column(doc, "lower"))
    return lows


def _low(doc: Doc, i: int) -> str:
    lows = _lows(doc)
    return lows[i] if 0 <= i < len(lows) else ""


def _match(doc: Doc, i: int, phrase: tuple[str, ...]) -> bool:
    return i >= 0 and _lows(doc)[i : i + len(phrase)] == phrase


def _glued(doc: Doc, i: int) -> bool:
    """Token i follows token i-1 without whitespace."""
    return i > 0 and not doc[i - 1].whitespace_


def _year_like(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1500 <= int(text) <= 2200  # "by 2150": climate and pension news


def _numberish(tok: Token) -> bool:
    return tok.like_num or nb.is_number_word(tok.text) or tok.lower_ in ("out",) or \
        any(tok.lower_ == p[0] for p, _l, _h in nb.vague() if p[0] not in ("a", "an", "several"))


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            return child
        if child.dep_ == "prep":  # "out of"
            return _pobj(child)
    return None


def _phrase(toks: list[Token]) -> str:
    out = ""
    for k, t in enumerate(toks):
        out += t.text
        if k + 1 < len(toks):
            out += t.whitespace_ if toks[k + 1].i == t.i + 1 else " "
    return out.strip()


def _paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    lo = text.rfind("\n\n", 0, offset)
    hi = text.find("\n\n", offset)
    return (0 if lo < 0 else lo + 2), (len(text) if hi < 0 else hi)

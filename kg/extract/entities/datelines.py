"""Wire datelines ('HALDEN, Norway 1996-08-30', 'KORVALE , Kyrgyzstan 1997-03-12'): a line that opens with a
name in capitals, a comma, a known region or country and a date (or a dash, a bracket, the end of the line)
names a city, whatever the tagger called it. Used by ``candidates`` (typing a tagged name) and ``missed``
(names the tagger left out); ``relations.fallback`` reads the dateline as city located_in region."""

from __future__ import annotations

import itertools
import re
from functools import cache

from spacy.tokens import Token

from kg import gazetteer
from kg.extract.entities.lexicons import junk_words
from kg.extract.lexicon import rule_words
from kg.extract.text import doc_text

# what follows the state or country of a wire dateline: a date, a dash, a bracket or the end of the line
DATELINE_END = re.compile(r"^\s*\.?\s*(?:\d{4}-\d\d-\d\d|\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[A-Z][a-z]{2,8}\.? \d{1,2}\b"
                          r"|-|\(|$)")


def _dateline_city(tokens: list[Token], nxt: Token | None) -> bool:
    """'DAYTON , Ohio 1998-05-11': a name in capitals opening a line, a comma, a known region or country and
    a date is a wire dateline's city (the tagger may call it an organisation)."""
    first = tokens[0]
    if nxt is None or nxt.text != "," or first.i != first.sent.start or not all(
            t.text.isupper() for t in tokens if t.is_alpha):
        return False
    doc = first.doc
    words = list(itertools.takewhile(lambda t: t.text[:1].isupper() and t.is_alpha, doc[nxt.i + 1 : first.sent.end]))
    city = doc_text(doc)[first.idx : tokens[-1].idx + len(tokens[-1].text)]
    if not words or len(words) > 3 or not _unknown_city_ok(city):
        return False
    region = gazetteer.lookup(" ".join(t.text for t in words))
    end = words[-1].idx + len(words[-1].text)
    return (region is not None and region.type in {"Region", "Country"}
            and DATELINE_END.match(doc_text(doc)[end : first.sent.end_char]) is not None)


def _unknown_city_ok(city: str) -> bool:
    """A dateline's first name in capitals: a city the gazetteer knows, or a town it does not ('KORVALE,
    Kyrgyzstan 1997-03-12': the shape is the evidence) unless it is a wire word or unit ('REUTERS', 'CTS')."""
    return gazetteer.lookup(city) is not None or (
        sum(c.isalpha() for c in city) >= 3 and city.lower() not in junk_words() and city.lower() not in _wire_names())


@cache
def _wire_names() -> frozenset[str]:
    """News agencies that open a line in capitals like a dateline city ("REUTERS, London")."""
    return frozenset(rule_words("entity_wire_agencies.txt"))

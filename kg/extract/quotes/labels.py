"""Speaker labels: a paragraph that opens with a name and a colon attributes the rest of it.

``Pratt: Toll Plan Is a Tax on Commuters`` (a headline), ``Olsen: “We will fight it.”`` (a quotation
introduced by its speaker) and ``Poll: Most Voters Oppose the Tolls`` (a document as source) all put the
source before the colon. What it attributes must be words, not mostly figures (``North Dock: 13 hrs`` is a table row).
The label must be short, start with a capital, name someone (a proper noun or a
source noun such as "poll") and hold no verb; a paragraph written all in capitals (a shouted headline) or
a label that is a dateline, a time or a section heading ("Update:", "Note:") is not a speaker label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from kg.extract.coref import could_speak
from kg.extract.lexicon import rule_words

_LABEL = re.compile(r"([A-Z][^:\n]{0,60}?):\s+(?=\S)")
# a digest item: its headline, a spaced dash, then the label ("RENTS RISE AGAIN - Ana Ruiz: …")
_DASHED = re.compile(r"[^\n:]{8,200}?\s[-–—]\s?([A-Z][^:\n]{0,60}?):\s+(?=\S)")
# "More from the report:", "From Jones:": a label naming where the words come from
_FROM = re.compile(r"(?:More from|From)\s+(?=\S)")
_MAX_LABEL_WORDS = 6
_MIN_CONTENT_WORDS = 3


@cache
def label_stopwords() -> frozenset[str]:
    return frozenset(rule_words("quote_label_stopwords.txt"))


@dataclass(frozen=True)
class Label:
    head: Token  # the token heading the source's name
    start: int  # the label's span
    end: int
    content_start: int  # what it attributes: the rest of the paragraph
    content_end: int


def find_label(tokens, text: str, ps: int, pe: int) -> Label | None:
    """The speaker label opening the paragraph ``text[ps:pe]``, if any (``tokens``: a ``_Tokens``); in a
    digest, the label may follow the item's headline and a dash ("RENTS RISE AGAIN - Ana Ruiz: “…”")."""
    m = _LABEL.match(text, ps, pe)
    if m is None or len(m.group(1).split()) > _MAX_LABEL_WORDS:
        m = _DASHED.match(text, ps, pe) or m
    if m is None:
        return None
    ps = m.start(1)
    label = m.group(1).strip()
    lead = _FROM.match(label)
    if lead:  # "More from the report: “…”", "From Jones: “…”": the source is what the words come from
        ps += lead.end()
        label = label[lead.end() :]
    words = label.split()
    if not words or len(words) > _MAX_LABEL_WORDS or label.isupper() and len(words) > 2:
        return None
    rest = text[m.end() : pe]
    letters = [c for c in rest if c.isalpha()]
    if not letters or all(c.isupper() for c in letters):  # a headline in capitals never names a speaker
        return None
    if len(re.findall(r"[^\W_]+", rest)) < _MIN_CONTENT_WORDS:
        return None
    if any(w.lower().strip(".,'’") in label_stopwords() for w in words) or any(ch.isdigit() for ch in label):
        return None
    toks = tokens.between(ps, ps + len(label))
    if not toks or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    # "North Dock: 13 hrs 15 hrs South Dock: 4 hrs" is a table row, not a statement: a third or more of its
    # words are figures ("Pratt: Toll Plan Is a Tax" has none; a headline in Title Case may have no verb tag)
    words = [t for t in tokens.between(m.end(), pe) if t.is_alpha or t.like_num]
    if words and 3 * sum(t.like_num for t in words) >= len(words):
        return None
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    head = next((t for t in reversed(toks) if t.pos_ == "PROPN"), None) if len(heads) != 1 else heads[0]
    if head is None or not could_speak(head):
        return None
    return Label(head, ps, ps + len(label), m.end(), pe)

"""kg.nlp's tokenizer settings: a quotation mark typed without its space is split from the words around it,
and text with its spaces is tokenised as the pipeline's own rules do."""

from __future__ import annotations

import pytest

# (what the rule is about, text, expected tokens)
SPLIT = [
    ("comma then opening mark", "she said,“Look here", ["she", "said", ",", "“", "Look", "here"]),
    ("comma then closing mark then name", "and fair,”Voss said", ["and", "fair", ",", "”", "Voss", "said"]),
    ("exclamation then closing mark", "the voters!”After that", ["the", "voters", "!", "”", "After", "that"]),
    ("colon then straight mark", 'Voss:"We won', ["Voss", ":", '"', "We", "won"]),
    ("full stop then straight mark", 'the city."We left', ["the", "city", ".", '"', "We", "left"]),
    ("closing mark then dash", "the pier”—and more", ["the", "pier", "”", "—", "and", "more"]),
]

# texts whose tokens the infixes must not change
KEPT = [
    ("spaced quotation", "Voss said, “Look here,” and left.",
     ["Voss", "said", ",", "“", "Look", "here", ",", "”", "and", "left", "."]),
    ("possessive apostrophe", "the city’s pier", ["the", "city", "’s", "pier"]),
    ("decimal and thousands", "3,400 and 2.5", ["3,400", "and", "2.5"]),
]


@pytest.mark.parametrize("rule, text, tokens", SPLIT + KEPT, ids=[c[0] for c in SPLIT + KEPT])
def test_nlp_tokenizer_marks(nlp, rule, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens

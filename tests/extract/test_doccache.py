"""kg.extract.doccache: the per-Doc columns hold exactly what the Token attributes give."""

import pytest

from kg.extract.doccache import column, ents

TEXTS = [
    "Acme Corp. said on Monday it would hire about 300 workers in Ohio, up 10% from last year.",
    "“We are growing,” said Dana Whitfield, its chief executive.\n\nShares rose 2.5 pct to $14.20 in NEW YORK.",
    "Rain (heavy, at times) fell on Kettleby — a town of 4,000 — and the ferry's crew stayed ashore…",
    "",
]

# column name -> the Token attribute it mirrors
ATTRS = {
    "text": lambda t: t.text, "lower": lambda t: t.lower_, "tag": lambda t: t.tag_, "lemma": lambda t: t.lemma_,
    "dep": lambda t: t.dep_, "ent_type": lambda t: t.ent_type_, "pos": lambda t: t.pos_, "idx": lambda t: t.idx,
    "length": lambda t: len(t.text), "head": lambda t: t.head.i, "is_alpha": lambda t: t.is_alpha,
    "is_punct": lambda t: t.is_punct, "is_space": lambda t: t.is_space, "is_digit": lambda t: t.is_digit,
}


@pytest.mark.parametrize("name", sorted(ATTRS))
def test_columns_equal_token_attributes(nlp, name):
    checked = 0
    for doc in nlp.pipe(TEXTS):
        assert column(doc, name) == [ATTRS[name](t) for t in doc]
        assert column(doc, name) is column(doc, name)  # computed once per Doc
        checked += len(doc)
    assert checked > 50


def test_ents_are_doc_ents_built_once(nlp):
    doc = nlp(TEXTS[0])
    assert [(e.start, e.end, e.label_) for e in ents(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert ents(doc) is ents(doc)
    assert len(ents(doc)) >= 3


def test_unknown_column_is_an_error(nlp):
    with pytest.raises(KeyError):
        column(nlp("Rain fell."), "vector")

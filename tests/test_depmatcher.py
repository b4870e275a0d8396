"""kg.depmatcher: the indexed DependencyMatcher gives spaCy's matches, in spaCy's order, for every kind of node."""

import pytest
from spacy.matcher import DependencyMatcher
from spacy.tokens import Token

from kg.depmatcher import IndexedDependencyMatcher

_EXT = "kg_test_role"

TEXTS = [
    "The mayor of Springfield said on Tuesday that the new bridge would cost 40 million dollars.",
    "Dana Whitfield, who chairs Northwind Logistics, told reporters the company was hiring in Ohio. "
    "She expects sales to rise.",
    "Rain fell. Nobody in the small harbour town of Kettleby expected the storm, and the ferry stayed in port.",
    "Acme Corp. bought Brightline Tools for $2 billion, its largest deal since it moved to Denver in 1998.",
    "",
]

SUBJ = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}}
# each case: a few patterns using one kind of node spec (and the operators between nodes)
CASES = {
    "plain attributes": [[SUBJ, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "s", "RIGHT_ATTRS": {"DEP": "nsubj"}}]],
    "sets and a lemma": [[
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": {"IN": ["say", "tell", "expect"]}}},
        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "s", "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "nsubjpass"]}}},
        {"LEFT_ID": "v", "REL_OP": ">>", "RIGHT_ID": "o", "RIGHT_ATTRS": {"POS": {"NOT_IN": ["PUNCT", "DET"]}}},
    ]],
    "lower case and tag": [[
        {"RIGHT_ID": "p", "RIGHT_ATTRS": {"LOWER": "in", "DEP": "prep"}},
        {"LEFT_ID": "p", "REL_OP": ">", "RIGHT_ID": "o", "RIGHT_ATTRS": {"TAG": "NNP"}},
    ]],
    "extension values": [[
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "v", "REL_OP": ">>", "RIGHT_ID": "e", "RIGHT_ATTRS": {"_": {_EXT: "PLACE"}}},
    ], [
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "e", "RIGHT_ATTRS": {"_": {_EXT: {"IN": ["ORG", "PER"]}}}},
    ], [
        {"RIGHT_ID": "n", "RIGHT_ATTRS": {"POS": "NOUN", "_": {_EXT: {"NOT_IN": ["ORG"]}}}},
    ]],
    "any token and order operators": [[
        {"RIGHT_ID": "a", "RIGHT_ATTRS": {}},
        {"LEFT_ID": "a", "REL_OP": ".", "RIGHT_ID": "b", "RIGHT_ATTRS": {"IS_PUNCT": True}},
    ], [
        {"RIGHT_ID": "a", "RIGHT_ATTRS": {"ORTH": "said"}},
        {"LEFT_ID": "a", "REL_OP": ";*", "RIGHT_ID": "b", "RIGHT_ATTRS": {"TEXT": "mayor"}},
    ]],
    "specs only spaCy's Matcher knows": [[
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"TEXT": {"REGEX": "^[A-Z][a-z]+$"}, "POS": "PROPN"}},
        {"LEFT_ID": "v", "REL_OP": "<", "RIGHT_ID": "h", "RIGHT_ATTRS": {"LENGTH": {">=": 4}}},
    ], [
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LOWER": {"FUZZY": "storms"}}},
    ]],
}


@pytest.fixture(scope="module")
def docs(nlp):
    if not Token.has_extension(_EXT):
        Token.set_extension(_EXT, default="")
    out = []
    for doc in nlp.pipe(TEXTS):
        for ent in doc.ents:  # a string extension set on some tokens, as the relation rules' kg_cat is
            role = {"GPE": "PLACE", "ORG": "ORG", "PERSON": "PER"}.get(ent.label_, "")
            for tok in ent:
                tok._.set(_EXT, role)
        out.append(doc)
    return out


@pytest.mark.parametrize("name", list(CASES))
def test_depmatcher_equals_spacys(nlp, docs, name):
    ours, theirs = IndexedDependencyMatcher(nlp.vocab), DependencyMatcher(nlp.vocab)
    for i, pattern in enumerate(CASES[name]):
        for m in (ours, theirs):
            m.add(f"{name}-{i}", [pattern])
    found = 0
    for doc in docs:
        expected = theirs(doc)
        assert ours(doc) == expected
        found += len(expected)
    assert found, "the case should match something in the texts"


def test_depmatcher_all_cases_together_and_after_changes(nlp, docs):
    ours, theirs = IndexedDependencyMatcher(nlp.vocab), DependencyMatcher(nlp.vocab)
    for name, patterns in CASES.items():
        for m in (ours, theirs):
            m.add(name, patterns)
    assert [ours(d) for d in docs] == [theirs(d) for d in docs]
    for m in (ours, theirs):  # the index follows rules removed and added after matching started
        m.remove("plain attributes")
        m.add("late", [[{"RIGHT_ID": "x", "RIGHT_ATTRS": {"LEMMA": "bridge"}}]])
    assert [ours(d) for d in docs] == [theirs(d) for d in docs]
    assert any(m[0] == nlp.vocab.strings["late"] for d in docs for m in ours(d))

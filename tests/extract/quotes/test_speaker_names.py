"""Speaker names that the tagger ran into the words after them (kg.extract.coref): a Title Case headline
makes every word a proper noun, so the name stops before the first word no name holds. Articles written
for these tests."""

from __future__ import annotations

import pytest

from kg.extract.coref import Resolver
from kg.extract.entities import extract_entities
from kg.extract.quotes import extract_quotes


@pytest.mark.parametrize("text, name, expected", [
    ("Vance Says He Never Promised To Close The Schools.", "Vance Says He Never", "Vance"),
    ("Vance May Not Have Proposed A Registry.", "Vance May Not", "Vance"),
    ("Prime Minister Theresa May Will Meet The Unions.", "Theresa May Will", "Theresa May"),
    ("Theresa May met the unions on Monday.", "Theresa May", None),  # a modal word before no verb is a name
    ("Will Hunt met the unions on Monday.", "Will Hunt", None),  # the first word is never cut
])
def test_a_name_stops_before_words_no_name_holds(nlp, text, name, expected):
    doc = nlp(text)
    resolver = Resolver(doc, extract_entities(doc))
    start = text.index(name)
    cut = resolver._name_end(start, start + len(name))
    assert (None if cut is None else text[start:cut]) == expected


def test_a_title_case_headline_speaker_is_the_person_named(nlp):
    text = ("Vance Says He Never Promised To Close The Harbor Schools.\n\n"
            "Mayor Ellen Vance said on Monday that the harbor schools would stay open.\n\n"
            "Vance May Not Have Proposed A Registry, But He Fully Backed One.\n")
    doc = nlp(text)
    quotes = list(extract_quotes(doc, extract_entities(doc)))
    speakers = {q.speaker for q in quotes}
    assert quotes and speakers == {"Ellen Vance"}, [(q.speaker, q.content) for q in quotes]

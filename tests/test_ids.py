"""kg.ids: ids from outside (file stems, JSONL ids) give valid, stable, distinct IRIs."""

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.ids import claim_iri, doc_iri, entity_iri, graph_iri, iri_part, link_iri, local_entity_iri

ANY_ID = st.text(st.characters(codec=None, exclude_categories=()), max_size=30)


@given(ANY_ID)
def test_every_id_gives_valid_iris(doc_id):
    for made in (doc_iri(doc_id), graph_iri(doc_id), claim_iri(doc_id, "quote", 0, 5, 1),
                 local_entity_iri(doc_id, "Person", ">"), link_iri("republication_of", doc_id, doc_id)):
        assert ox.NamedNode(made).value == made
        assert " " not in made


@given(ANY_ID, ANY_ID)
def test_distinct_ids_give_distinct_iris(a, b):
    if a != b:
        assert doc_iri(a) != doc_iri(b)
        assert claim_iri(a, "quote", 1, 2) != claim_iri(b, "quote", 1, 2)


@pytest.mark.parametrize("doc_id, expected", [
    ("000_37c6aabe9a1b8c9e", "000_37c6aabe9a1b8c9e"),  # ordinary ids keep their IRI
    ("my article", "my%20article"),
    ('<>\\^`{}|"', "%3C%3E%5C%5E%60%7B%7D%7C%22"),
    ("a#b", "a%23b"),
    ("a%20b", "a%2520b"),  # distinct from "a b"
    ("x:y/z", "x%3Ay%2Fz"),
    ("é", "%C3%A9"),
])
def test_iri_part_table(doc_id, expected):
    assert iri_part(doc_id) == expected


@pytest.mark.parametrize("a, b", [(">", "<"), ("Путин", "Навальный"), ("東京", "大阪")])
def test_names_without_ascii_letters_get_distinct_entity_iris(a, b):
    assert entity_iri("Person", a) != entity_iri("Person", b)
    assert ox.NamedNode(entity_iri("Person", a))
    assert entity_iri("Person", "Kassym-Jomart Tokayev") == "urn:kg:entity:person:kassym-jomart-tokayev"

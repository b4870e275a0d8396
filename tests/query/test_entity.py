"""`kg entity` on a store of our own articles: entities found through the labels kept from a checkpoint
(kg.query.index) or by a scan, on every way a store is read, and claims
fetched one part at a time with outlets and roles looked up bound to them, equal summarising every entity
and kg/query/entity.rq as one UNION query."""

from __future__ import annotations

import pytest

from kg.query import named
from kg.query.entities import (
    entity_summaries,
    find_entities,
    lookup_entities,
    said_by_and_about,
)
from kg.query.terms import Iri, bind_values


def _summary_rows(found):
    return [(s.iri, s.label, s.type, sorted(s.alt_labels), dict(s.mentions_by_doc), dict(s.mentions_by_source))
            for s in found]


@pytest.mark.parametrize("name", ["Maria Lindqvist", "lindqvist", "HARBOUR BANK", "bank", "eastp", "Kowal",
                                  "nobody"])
@pytest.mark.parametrize("which", ["own_store", "own_store_checkpoint", "own_store_scanned"])
def test_lookup_equals_summarising_every_entity(request, which, name):
    store = request.getfixturevalue(which)
    expected = _summary_rows(find_entities(entity_summaries(store), name))
    for _ in range(2):  # on a checkpoint: a scan of the labels first, then the kept labels (kg.query.index)
        assert _summary_rows(lookup_entities(store, name)) == expected
    if name == "bank":  # a part of several labels: more than one entity, found by the kept labels too
        assert len(expected) >= 2


def test_parts_equal_the_union_query(own_store):
    iris = [s.iri for s in entity_summaries(own_store)]
    union = own_store.select(bind_values(named("entity"), ("entity",), [(Iri(i),) for i in iris]))[1]
    parts = said_by_and_about(own_store, iris)

    def key(r):
        return (r["doc"], r["start"], r["claim"], r["entity"], r["side"], str(sorted(r.items())))

    assert {r["kind"] for r in union} == {"quote", "quantity", "relation"}
    assert any(r["publisher"] == "Coastal Wire" for r in union)  # the outlets are filled in
    assert sorted(parts, key=key) == sorted(union, key=key)


@pytest.mark.parametrize("name", ["Maria Lindqvist", "lindqvist", "HARBOUR BANK", "bank", "eastp", "Kowal", "nobody"])
def test_kept_answers_equal_asking_the_store(own_store, own_store_checkpoint, own_store_scanned, name):
    from kg.query import entityrows

    found = entityrows.kept_lookup(own_store, name)
    assert found is not None  # the build kept them (kg.query.entityrows)
    assert entityrows.kept_lookup(own_store_checkpoint, name) is None  # no kept rows there: asked
    iris = [s.iri for s in found]
    kept = entityrows.kept_rows(own_store, iris)
    for other in (own_store_checkpoint, own_store_scanned):
        assert _summary_rows(lookup_entities(other, name)) == _summary_rows(found)
        assert said_by_and_about(other, iris) == kept
    if name == "nobody":
        assert found == [] and kept == []


def test_kept_rows_of_several_entities_keep_one_order(own_store, own_store_checkpoint):
    from kg.query import entityrows

    iris = [s.iri for s in entity_summaries(own_store)]
    kept = entityrows.kept_rows(own_store, iris)
    assert len(kept) > 10 and {r["kind"] for r in kept} == {"quote", "quantity", "relation"}
    assert kept == said_by_and_about(own_store_checkpoint, iris)
    assert kept == said_by_and_about(own_store_checkpoint, list(reversed(iris)))
    one = said_by_and_about(own_store, iris[:1])
    assert one and all(r["entity"] == iris[0] for r in one) and one == [r for r in kept if r["entity"] == iris[0]]

"""`kg quotes --speaker` on a store of our own articles: on a checkpoint the speaker names are matched in the
lists kept from it (kg.query.index), elsewhere by scans; both give exactly kg/query/quotes.rq's rows."""

from __future__ import annotations

import pytest

from kg.query.index import distinct_terms
from kg.query.quotes import quotes_query, select_quotes


@pytest.mark.parametrize(("speaker", "about"), [
    ("Lindqvist", None),          # the name, in two outlets' copies of one story
    ("maria", "saving"),          # part of a name in any case, and a content filter
    ("she", None),                # a pronoun mention
    ("Kowal", None),              # mentioned as "Kowal" and "she", named "Anna Kowal"
    ("harbour bank", None),       # an organisation as the speaker
    ("Berg", "cautious"),
    ("nobody at all", None),
])
@pytest.mark.parametrize("which", ["own_store", "own_store_checkpoint", "own_store_scanned"])
def test_kept_names_equal_the_one_query(request, which, speaker, about):
    store = request.getfixturevalue(which)
    names, rows = store.select(quotes_query(speaker, about))
    for _ in range(2):  # on a checkpoint: scans first, then the kept names (kg.query.index)
        assert select_quotes(store, speaker, about) == (names, rows)
    if speaker == "Kowal":
        assert {r["speaker_mention"] for r in rows} == {"Anna Kowal", "Kowal", "she"}


def test_names_are_kept_only_for_a_checkpoint(own_store, own_store_scanned):
    query = "SELECT DISTINCT ?v WHERE { GRAPH ?g { ?quote kg:speakerName ?v } }"
    assert distinct_terms(own_store, "test-speaker-names", query) is None  # asked once: not read yet
    kept = distinct_terms(own_store, "test-speaker-names", query)
    assert ("maria lindqvist", '"Maria Lindqvist"') in kept
    assert distinct_terms(own_store, "test-speaker-names", query) is kept
    for _ in range(2):
        assert distinct_terms(own_store_scanned, "test-speaker-names", query) is None

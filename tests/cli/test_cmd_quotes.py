"""`kg quotes --speaker`: the quotes found by speaker first and looked up bound to them are exactly the rows
of kg/query/quotes.rq with its filters."""

from __future__ import annotations

import pytest

from kg.cli.cmd_quotes import quotes_query, select_quotes


@pytest.mark.parametrize(("speaker", "about"), [
    ("Tokayev", None),            # the name the document gives
    ("tokayev", "investment"),    # any case, and a content filter
    ("he", None),                 # the surface mention of a resolved pronoun
    ("president", None),          # part of a mention ("the president") or of a canonical label
    ("Kassym-Jomart", None),      # the canonical name of a speaker a document calls only "Tokayev"
    ("nobody at all", None),      # no quote
])
def test_speaker_first_equals_the_one_query(seeds_store, speaker, about):
    names, rows = seeds_store.select(quotes_query(speaker, about))
    assert select_quotes(seeds_store, speaker, about) == (names, rows)


def test_speaker_filter_finds_quotes(seeds_store):
    _, rows = select_quotes(seeds_store, "Tokayev")
    assert rows and all("tokayev" in " ".join(filter(None, (r["speaker"], r["canonical"], r["speaker_mention"])))
                        .lower() for r in rows)

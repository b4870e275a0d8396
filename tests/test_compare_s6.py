"""Session-6 comparability rules (kg.compare): what a journalist reading `kg conflicts` / `kg agreements` must not
see twice or be misled by. Plain rows, sentences written for these tests."""

from __future__ import annotations

from kg import compare
from tests.test_compare_cases import fig

RULES = {"a": "It takes 61 votes to pass the Tarrow water bill.",
         "b": "Under senate rules it takes 61 votes to pass the Tarrow water bill, aides said."}


def _rule(doc, start_offset=0, date="2031-04-02"):
    r = fig(doc, 61, RULES[doc], "61", "takes to pass the Tarrow water bill", date=date, actors="tarrow")
    r["claim"] = f"urn:{doc}:{start_offset}"
    r["start"] += start_offset
    r["sentence_start"] = start_offset
    return r


def test_compare_a_sentence_repeated_in_one_story_is_shown_once():
    # two stories each repeat the same rule sentence: two sources, each shown once
    rows = [_rule("a"), _rule("a", 500), _rule("b"), _rule("b", 800)]
    (group, independent), = compare.find_agreements(rows)
    assert independent == 2
    assert sorted(c["doc"] for c in group.claims) == ["a", "b"]

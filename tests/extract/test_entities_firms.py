"""Firm names made of partners' surnames (kg.extract.entities.firms): one company, never a person per name."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities


def names(nlp, text):
    return {(e.name, e.type) for e in extract_entities(nlp(text)).entities}


# (id, text, firm that must be one Company, names that must not be entities of their own)
FIRMS = [
    ("legal-suffix", "Shares of Drexel, Lowe and Smythe Inc rose in early trading.",
     "Drexel, Lowe and Smythe Inc", {"Drexel", "Lowe", "Smythe Inc"}),
    ("and-co", "John Marsh, an analyst with Carver, Welsh and Co, said earnings would rise.",
     "Carver, Welsh and Co", {"Carver", "Welsh"}),
    ("unit-after-profession", "Jane Rowe, an analyst at Hammond, Baker and Fiske, said the merger would help.",
     "Hammond, Baker and Fiske", {"Hammond", "Baker", "Fiske"}),
    ("unit-after-person-of", "Jane Rowe of Hammond, Baker and Fiske said the bid was low.",
     "Hammond, Baker and Fiske", {"Baker", "Fiske", "Jane Rowe of Hammond"}),
    ("suffix-with-full-stop", "Analyst Tom Beck of Ladd, Marsh and Boyle Co. said prices fell.",
     "Ladd, Marsh and Boyle Co", {"Marsh and Boyle Co"}),
]


@pytest.mark.parametrize("case", FIRMS, ids=[c[0] for c in FIRMS])
def test_partner_list_is_one_firm(nlp, case):
    _, text, firm, pieces = case
    got = names(nlp, text)
    assert (firm, "Company") in got, got
    assert not {n for n, _ in got} & pieces, got


def test_person_before_the_firm_keeps_the_name(nlp):
    got = names(nlp, "Jane Rowe of Hammond, Baker and Fiske said the bid was low.")
    assert ("Jane Rowe", "Person") in got


@pytest.mark.parametrize("text, kept", [
    ("Britain, France and Germany agreed on the plan.", {"France", "Germany"}),
    ("Mary Smith and Tom Jones said they would stay.", {"Mary Smith", "Tom Jones"}),
])
def test_lists_of_countries_or_people_are_not_firms(nlp, text, kept):
    got = {n for n, _ in names(nlp, text)}
    assert kept <= got, got

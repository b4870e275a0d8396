"""Nationality: the country a person is from or competes for, from a bracketed country after the name or a
nationality adjective on the noun before it (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.extract.test_relations import relations_of, tuples

# (id, text, expected (subject, predicate, object, role) tuples that must all be found)
CASES = [
    ("results-line", "4. Joanna Clarke ( Ireland ) 2:31.07",
     {("Joanna Clarke", "nationality", "Ireland", None)}),
    ("brackets-in-a-sentence", "Ola Berg (Sweden) and Tomas Kral (Czech Republic) tied for fifth.",
     {("Ola Berg", "nationality", "Sweden", None), ("Tomas Kral", "nationality", "Czech Republic", None)}),
    ("brackets-short-country-name", "The winner was Dana Reed ( U.S. ) in a record time.",
     {("Dana Reed", "nationality", "United States", None)}),
    ("demonym-noun-name", "Kenyan runner Paul Otieno won the race in Oslo.",
     {("Paul Otieno", "nationality", "Kenya", None)}),
    ("demonym-noun-appos", "The Irish champion Joanna Clarke lost in the second round.",
     {("Joanna Clarke", "nationality", "Ireland", None)}),
    ("demonym-noun-appos-commas", "They met a Norwegian diplomat, Ola Berg, on Tuesday.",
     {("Ola Berg", "nationality", "Norway", None)}),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_nationality_pattern(nlp, case):
    _, text, expected = case
    found = tuples(relations_of(nlp, text))
    assert expected <= found, found


# (id, text, a (subject, predicate, object) that must NOT be found)
NEGATIVE = [
    # a US state after a politician's name is the constituency, not a country ('Georgia' is both)
    ("state-in-brackets", "Senator Ann Cole (Georgia) voted against the bill.", ("Ann Cole", "nationality", "Georgia")),
    ("brackets-belong-to-their-own-name", "Ola Berg ( Sweden ) beat Paul Otieno ( Kenya ) in the final.",
     ("Ola Berg", "nationality", "Kenya")),
    ("stance-is-no-nationality", "Pro-Russian separatist leader Ivan Sorokin spoke on Monday.",
     ("Ivan Sorokin", "nationality", "Russia")),
    ("team-noun-names-an-organisation", "The Belgian club Alto Verde was fined on Friday.",
     ("Alto Verde", "nationality", "Belgium")),
    ("adjective-of-another-noun", "He spoke with the Dutch ambassador about Joanna Clarke on Monday.",
     ("Joanna Clarke", "nationality", "Netherlands")),
]


@pytest.mark.parametrize("case", NEGATIVE, ids=[c[0] for c in NEGATIVE])
def test_nationality_not_found(nlp, case):
    _, text, unexpected = case
    found = {(r.subject, r.predicate, r.object) for r in relations_of(nlp, text)}
    assert unexpected not in found, found

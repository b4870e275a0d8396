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
    # "and Co" closes a name of two-word partners too: the tagger makes the words before it one firm and "Co"
    # another
    ("two-word-name-and-co", "Tom Beck, chairman emeritus of Dunmore Fitch and Co, said so.",
     "Dunmore Fitch and Co", {"Dunmore Fitch", "Co"}),
    ("two-word-partners-and-co", "Jane Rowe, an analyst with Carver Welsh, Ladd Boyle and Co, said so.",
     "Carver Welsh, Ladd Boyle and Co", {"Carver Welsh", "Ladd Boyle", "Co"}),
    ("two-word-first-partner-and-two-more", "\"It will wait,\" said Tom Beck, analyst with Dunmore Fitch, Ladd, "
     "Boyle and Marsh.", "Dunmore Fitch, Ladd, Boyle and Marsh", {"Ladd", "Boyle", "Marsh"}),
    ("initials-and-co-with-legal-form", "Shares were sold through R.J. Dunmore and Co Inc and two banks.",
     "R.J. Dunmore and Co Inc", {"R.J. Dunmore", "Co Inc"}),
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


# (id, text, (name, type) that must be an entity, names that must not be)
STRUCTURE = [
    ("legal-form-extends-left", "Yulchon LLC is a law firm headquartered in Seoul.", ("Yulchon LLC", "Company"),
     {"LLC"}),
    ("legal-form-then-place", "Glenmore Optics Inc of St. Petersburg , Fla. , was sold.",
     ("Glenmore Optics Inc", "Company"), {"Glenmore Optics Inc of St. Petersburg"}),
    ("state-abbreviation", "The firm is based in Tampa, Fla.", ("Fla", "Region"), set()),
    ("born-in-brackets", "Tobias Wrenlow (born March 4, 1961) is the Group President of the Northwind Bank.",
     ("Tobias Wrenlow", "Person"), {"Group"}),
    ("untagged-employer", '"The market is strong," said Mark Tull, Chief Executive Officer of Globex.',
     ("Globex", "Organization"), set()),
    ("what-a-ceo-is-of", "Mark Tull was the founder and CEO of BioGlen, a leader in robotics.",
     ("BioGlen", "Organization"), set()),
    ("name-before-chairman", "Before the match Corvina chairman Augusto Lenzi said he would stay.",
     ("Corvina", "Organization"), set()),
    ("foreign-legal-form", "Fiera Verona SpA is a trade fair organiser.", ("Fiera Verona SpA", "Company"), set()),
    ("no-trailing-preposition", "Anna Tull is a Professor in the Department of Physics at Carver University.",
     ("Carver University", "Organization"), {"Department of Physics at"}),
]


@pytest.mark.parametrize("case", STRUCTURE, ids=[c[0] for c in STRUCTURE])
def test_names_from_structure(nlp, case):
    _, text, entity, not_names = case
    got = names(nlp, text)
    assert entity in got, got
    assert not {n for n, _ in got} & not_names, got


def test_state_abbreviation_is_the_state(nlp):
    ents = extract_entities(nlp("The firm is based in Tampa, Fla.")).entities
    fla = next(e for e in ents if e.name == "Fla")
    assert fla.country == "United States" and "US-FL" in " ".join(fla.identifiers)


def test_a_professors_field_is_no_organisation(nlp):
    got = {n for n, _ in names(nlp, "She is a Distinguished Professor of Economics at Carver University.")}
    assert "Economics" not in got


def test_one_word_state_bodies_keep_their_names(nlp):
    got = names(nlp, "The Senate voted and the Treasury said the Group President spoke.")
    assert {("Senate", "GovernmentBody"), ("Treasury", "GovernmentBody")} <= got
    assert "Group" not in {n for n, _ in got}


def test_the_rest_of_a_title_is_no_organisation(nlp):
    got = {n for n, _ in names(nlp, "She is First Deputy Chief of Staff of the President of Kazakhstan.")}
    assert "Staff" not in got, got


# (id, text, the organisation named by its members and its kind)
MEMBER_BODIES = [
    ("members-union-before-title", "Farmers union leader Tom Hale said the strike would go on.", "Farmers union"),
    ("members-association-after-of", "Jo Kim, president of the Growers association, said so.",
     "Growers association"),
    # the members and the cause they stand for
    ("members-and-their-cause", "Jo Kim, executive director of Interfaith Paths to Harmony, said so.",
     "Interfaith Paths to Harmony"),
]


@pytest.mark.parametrize("case", MEMBER_BODIES, ids=[c[0] for c in MEMBER_BODIES])
def test_body_named_by_members_keeps_its_kind(nlp, case):
    _, text, body = case
    got = {n for n, _ in names(nlp, text)}
    assert body in got and body.split()[0] not in got, got

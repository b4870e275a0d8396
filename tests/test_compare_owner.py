"""The counted phrase's own owner (kg.extract.quantities.owner) and how comparison uses it (kg.compare.case /
frames): a unit's or a fund's assets are not the parent's. Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.compare import case
from kg.compare.describe import why
from kg.compare.explain import why_not
from kg.compare.frames import f_same_measure, frame
from kg.extract.entities import extract_entities
from kg.extract.quantities import extract_quantities
from kg.records import Document


def _claim(nlp, text, surface):
    doc = nlp(text)
    document = Document(id="t", text=text, source_path="t.txt", content_hash="x")
    found = [c for c in extract_quantities(doc, (), extract_entities(doc), document) if c.text == surface]
    assert len(found) == 1, surface
    return found[0]


# sentence, the number's surface, the owner extraction must give
OWNERS = [
    # a possessive on the counted noun: a name, or the holder noun as written
    ("Quarry Trust's assets rose to 230 mln dlrs last year.", "230 mln dlrs", "Quarry Trust"),
    ("The fund's assets total 60 mln dlrs, the company said.", "60 mln dlrs", "fund"),
    # the subject of a verb of having whose object is the counted noun
    ("The subsidiary has total assets of 31 mln dlrs and 12 branches.", "31 mln dlrs", "subsidiary"),
    ("The bank said its unit, Northgate Savings, had assets of 95 mln dlrs at year-end.", "95 mln dlrs",
     "Northgate Savings"),
    # a relative pronoun stands for the noun its clause hangs on
    ("Harbour Bank Corp said it agreed to acquire Quarry Trust Co, which has assets of 210 mln dlrs.",
     "210 mln dlrs", "Quarry Trust Co"),
    # a "with" phrase describes the noun it follows; a describing noun stands for the name beside it
    ("Harbour Bank, with assets of 4.2 billion dlrs, is the largest lender in Estovia.", "4.2 billion dlrs",
     "Harbour Bank"),
    ("It also agreed to buy Belmont Savings Bank, a thrift with assets of 48 mln dlrs.", "48 mln dlrs",
     "Belmont Savings Bank"),
    # an "of" phrase naming a holder
    ("Total assets of its Tarrow subsidiary were 17 mln dlrs.", "17 mln dlrs", "Tarrow subsidiary"),
    # a count of what a holder has
    ("Westbank has 40 branches in the province.", "40", "Westbank"),
    ("The trust manages funds of 7 billion dlrs for its clients.", "7 billion dlrs", "trust"),
]


@pytest.mark.parametrize(("text", "surface", "owner"), OWNERS)
def test_compare_owner_of_the_counted_phrase(nlp, text, surface, owner):
    assert _claim(nlp, text, surface).owner == owner


NO_OWNER = [
    # a pronoun alone names nobody: whom it stands for is the story's business
    ("It has assets of 400 mln dlrs.", "400 mln dlrs"),
    ("Its assets rose to 50 mln dlrs.", "50 mln dlrs"),
    # the number itself is the "of" phrase; a verb that is no verb of having
    ("Assets of 200 mln dlrs were transferred in March.", "200 mln dlrs"),
    ("The regulator seized assets of 70 mln dlrs.", "70 mln dlrs"),
    # a count: nobody owns "people"
    ("About 300 people attended the meeting in Tarrow.", "About 300"),
    # a name measured is its own owner: its "of" place is where it is
    ("The group bought 100 pct of Quarry Trust Inc of Tarrow.", "100 pct"),
    # an elliptical number borrows the counted noun, not its owner: the 60 are Bo Lind's delegates
    ("Ada Vance has 370 delegates, Omar Reyes has 163 and Bo Lind has 60.", "60"),
]


@pytest.mark.parametrize(("text", "surface"), NO_OWNER)
def test_compare_owner_none_when_the_text_names_no_holder(nlp, text, surface):
    assert _claim(nlp, text, surface).owner is None


def row(doc, value, sentence, text, owner=None, subject=None, actors="harbou"):
    return {"claim": f"urn:{doc}:{value}", "doc": doc, "value": value, "value_max": None, "unit": "USD",
            "qualifier": "exact", "counts": "assets", "counts_head": "asset", "predicate": None, "place": None,
            "time": None, "source": None, "text": text, "start": sentence.index(text), "sentence_start": 0,
            "sentence": sentence, "date": "2031-03-02", "subject": subject, "owner": owner,
            "story_actors": actors, "story_places": "", "outlet": None, "first_is_name": False,
            "republication_of": "", "reuses_passages_of": "", "same_story_as": ""}


PARENT = row("a", 4.2e9, "Harbour Bank has assets of 4.2 billion dlrs.", "4.2 billion dlrs", owner="Harbour Bank",
             subject="Harbour Bank")
PARENT_UNSTATED = row("a", 4.2e9, "The bank had assets of 4.2 billion dlrs.", "4.2 billion dlrs", owner="bank")
UNIT = row("b", 3.1e8, "Harbour Bank said its unit has assets of 310 mln dlrs.", "310 mln dlrs", owner="unit")
SAVINGS_UNIT = row("c", 2.9e8, "Harbour Bank said its savings unit has assets of 290 mln dlrs.", "290 mln dlrs",
                   owner="savings unit")
FUND = row("d", 3.0e8, "Harbour Bank said the fund's assets are 300 mln dlrs.", "300 mln dlrs", owner="fund")
NAMED_UNIT = row("e", 3.0e8, "Northgate Savings has assets of 300 mln dlrs.", "300 mln dlrs",
                 owner="Northgate Savings", actors="harbou northg")
NAMED_UNIT_2 = row("f", 3.3e8, "The bank said Northgate Savings, with assets of 330 mln dlrs, was sold.",
                   "330 mln dlrs", owner="Northgate Savings", actors="harbou northg")


@pytest.mark.parametrize(("a", "b", "same"), [
    # a part's figure is not the parent's, whether the parent is named or only "the bank"
    (UNIT, PARENT, False),
    (UNIT, PARENT_UNSTATED, False),
    # a unit and a fund are two holders; the unit and "its savings unit" may be one
    (UNIT, FUND, False),
    (UNIT, SAVINGS_UNIT, True),
    # a named owner is the claim's subject: it must be the same name
    (NAMED_UNIT, PARENT, False),
    (NAMED_UNIT, NAMED_UNIT_2, True),
])
def test_compare_owner_decides_whose_figure(a, b, same):
    assert f_same_measure(frame(a), frame(b)) is same
    assert ("owner" in why_not(frame(a), frame(b))) is not same


def test_compare_owner_unnamed_whole_is_the_story_subject():
    # "the bank", "the company": not a part, so nothing the story's subject does not already say
    assert case.owner_part(PARENT_UNSTATED) == frozenset()
    assert case.subject(PARENT_UNSTATED) == ""
    assert case.owner_part(SAVINGS_UNIT) == {"saving", "unit"}
    assert case.owner_part(row("g", 1.0, "Its Tarrow unit has 1 dlrs.", "1 dlrs", owner="Tarrow unit")) == \
        {"tarrow", "unit"}
    assert case.subject(NAMED_UNIT) == "northgate savings"


def test_compare_owner_is_in_the_groups_why():
    assert "of Northgate Savings" in why([NAMED_UNIT, NAMED_UNIT_2])
    assert "of savings unit" in why([UNIT, SAVINGS_UNIT])

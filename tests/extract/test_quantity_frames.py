"""What a number measures and which unit it has, session-4 forms: pounds of weight, metres written "m",
lengths with an adjective of extent, gapped clauses and the "of" phrase of the counted thing."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.quantities import extract_quantities
from kg.records import Document


def _claims(nlp, text):
    doc = nlp(text)
    document = Document(id="t", text=text, source_path="t.txt", content_hash="x")
    return list(extract_quantities(doc, (), extract_entities(doc), document))


def _one(nlp, text, surface):
    found = [c for c in _claims(nlp, text) if c.text == surface]
    assert len(found) == 1, [(c.text, c.unit) for c in _claims(nlp, text)]
    return found[0]


# sentence, surface, value, unit
POUNDS = [
    ("The boxer weighed in at 161 pounds on Friday.", "161 pounds", 161, "pound"),
    ("She lost 30 pounds on the new diet.", "30 pounds", 30, "pound"),
    ("She lost weight on a new diet, dropping from 172 pounds to 149 in a year.", "172 pounds", 172, "pound"),
    ("She lost weight on a new diet, dropping from 172 pounds to 149 in a year.", "149", 149, "pound"),
    ("The new engine makes 310 pound-feet of torque.", "310 pound-feet", 310, "foot_force_pound"),
    ("The club paid 2 million pounds for the striker.", "2 million pounds", 2e6, "GBP"),
    ("The court fined the shop 500 pounds.", "500 pounds", 500, "GBP"),
    ("The heavy trucks paid a toll of 40 million pounds last year.", "40 million pounds", 4e7, "GBP"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit"), POUNDS)
def test_frames_pounds_are_money_unless_weight_or_torque(nlp, text, surface, value, unit):
    c = _one(nlp, text, surface)
    assert (c.value, c.unit) == (pytest.approx(value), unit)


# sentence, surface, value, unit
METRES = [
    ("The new bridge is 420m long and opened on Monday.", "420m", 420, "meter"),
    ("They found a 12m-long whale on the beach.", "12m", 12, "meter"),
    ("The crane lifted the 25m (82ft) mast into place.", "25m", 25, "meter"),
    ("The firm raised 37m in new funding.", "37m", 37e6, None),
    ("The club paid $40m (£31m) for the striker.", "$40m", 40e6, "USD"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit"), METRES)
def test_frames_glued_m_before_a_length_is_metres(nlp, text, surface, value, unit):
    c = _one(nlp, text, surface)
    assert (c.value, c.unit) == (pytest.approx(value), unit)


# sentence, surface, counts_head
MEASURES = [
    # a length with an adjective of extent measures the adjective's subject or noun
    ("Ferries cross the narrow lake that is about 40 miles wide.", "about 40 miles", "lake"),
    ("The canal that is 12 miles long opened in spring.", "12 miles", "canal"),
    ("They found a 12m-long whale on the beach.", "12m", "whale"),
    ("Crews rebuilt the 25m (82ft)-high mast of the old ship.", "25m", "mast"),
    # a gapped clause: the name before "by" is what moved
    ("Stocks of Acme rose 4%, Gamma by 7% and Delta gained 3% on the news.", "7%", "gamma"),
    ("Stocks of Acme rose 4%, Gamma by 7% and Delta gained 3% on the news.", "4%", "stock"),
]


@pytest.mark.parametrize(("text", "surface", "head"), MEASURES)
def test_frames_what_a_length_or_gapped_change_measures(nlp, text, surface, head):
    assert _one(nlp, text, surface).counts_head == head


# sentence, surface, counts (the head field stays the head noun's lemma)
OF_PHRASES = [
    ("Shares of Acme Corp were down 2.3% before the bell.", "2.3%", "Shares of Acme Corp", "share"),
    ("The cost of a disorderly exit could reach $40 billion.", "$40 billion", "cost of disorderly exit", "cost"),
    ("The price of gold rose 2% on Monday.", "2%", "price of gold", "price"),
    # a measure noun still gives way to what it measures; a date or a number is no "of" phrase
    ("The number of Russian companies in Kazakhstan increased by about 4,000.", "about 4,000", "Russian companies",
     "company"),
    ("Revenue of 2019 was $5 million.", "$5 million", "Revenue", "revenue"),
]


@pytest.mark.parametrize(("text", "surface", "counts", "head"), OF_PHRASES)
def test_frames_counted_thing_keeps_its_of_phrase(nlp, text, surface, counts, head):
    c = _one(nlp, text, surface)
    assert (c.counts, c.counts_head) == (counts, head)


# sentence, surface, counts_head
POST_AND_LEVEL = [
    # a list under a plural heading: each amount is of the things the heading names
    ("Listings including: 14 Birch Lane, Fairview, Ohio, $312,000, 7 Quarry Road, Millbrook, Vermont, $289,500.",
     "$289,500", "listing"),
    # a measure after "with", after a qualifier preposition, or alone in brackets after its noun
    ("Reviewers preferred the Nova tablet with 8200 mAh to its rivals.", "8200 mAh", "tablet"),
    ("Reviewers preferred the Orbit 7 with 5100 mAh to its rivals.", "5100 mAh", "orbit"),
    ("The city will review new contracts over $2 million next year.", "over $2 million", "contract"),
    ("The recipe needs two bags (~5kg) of flour.", "~5kg", "bag"),
    # a level: the subject of a verb of level with "at", or of "be" with the bare number
    ("The euro weakened to trade at 1.0712 after the vote.", "1.0712", "euro"),
    ("The benchmark fell 2% to close at 7,410.5 on heavy trading.", "7,410.5", "benchmark"),
    ("The death toll from the floods is 41.", "41", "toll"),
    # a name with a number in it is what moved, not another amount
    ("Meanwhile the XB-90 shed 3.5% to close at 880.4.", "3.5%", "xb-90"),
    # the country after a dollar amount is part of its currency
    ("The March silver contract closed up $12.40 US.", "$12.40 US", "contract"),
]


@pytest.mark.parametrize(("text", "surface", "head"), POST_AND_LEVEL)
def test_frames_lists_post_modifiers_and_levels(nlp, text, surface, head):
    assert _one(nlp, text, surface).counts_head == head


def test_frames_singular_heading_and_pronoun_level_name_nothing_new(nlp):
    # "Note:" is no list heading; "He will be 35" is an age of a pronoun: nothing is named
    c = _one(nlp, "Note: the company earned $5 million, up from $4 million, in the quarter.", "$5 million")
    assert c.counts_head == "company"
    assert all(c.counts is None for c in _claims(nlp, "She will be 52 when the new term starts."))


# sentence, surface, counts_head (None: nothing named)
REFERENCES = [
    # a relative pronoun after a partitive stands for the noun before the number
    ("The mill employs 900 workers, nearly half of which work nights.", "nearly half", "worker"),
    # who pays is not what costs
    ("The garage says it will cost owners about $900 to fix the brakes.", "about $900", None),
    # a number in apposition with its own "of" counts one of that set
    ("The tour ends in Oslo, one of the coldest capitals in Europe.", "one", "capital"),
    # a duration with its unit and a pronoun subject is still a claim
    ("It should charge to full in fewer than 40 minutes.", "fewer than 40 minutes", None),
]


@pytest.mark.parametrize(("text", "surface", "head"), REFERENCES)
def test_frames_relative_pronouns_payers_and_partitives(nlp, text, surface, head):
    assert _one(nlp, text, surface).counts_head == head


def test_frames_index_names_metric_horsepower_and_time_words(nlp):
    # a market index named with its number, in lower case, is no claim; the index is what moved
    surfaces = [c.text for c in _claims(nlp, "the dow edged up 0.6% while the ftse 100 waited for the rate decision.")]
    assert surfaces == ["0.6%"]
    assert _one(nlp, "The hatchback makes 181 kW (246 PS) at 5500 rpm.", "246 PS").unit == "metric_horsepower"
    # "last year" after a figure places it in time: the figure gets no time unit
    c = _one(nlp, "The core rate was 3.1 in March against 4.6 last year.", "4.6")
    assert c.unit is None
    # "in the past two or three weeks" places the claim in time: the durations count nothing
    assert all(c.counts is None for c in _claims(nlp, "In the past two or three weeks, prices have eased."))


@pytest.mark.parametrize(("text", "surface", "head"), [
    ("At least one person was killed in the blast.", "At least one", "person"),
    ("Only one bidder made an offer.", "Only one", "bidder"),
])
def test_frames_one_with_a_qualifier_is_a_count(nlp, text, surface, head):
    assert _one(nlp, text, surface).counts_head == head


@pytest.mark.parametrize(("text", "head"), [
    ("We offer one tool that covers every step of the job.", "tool"),
    # adjectives between "one" and its noun do not make it an article
    ("The board has held one independent review of the depot so far.", "review"),
    ("The council found one small error in the ledger.", "error"),
])
def test_frames_one_before_its_noun_is_a_count(nlp, text, head):
    # "one" written out before a common noun counts it (where "a" would be the article)
    assert _one(nlp, text, "one").counts_head == head


@pytest.mark.parametrize("text", [
    "The old plan was a simple one, the mayor said.",  # "one" standing for a noun: no count
    "The ferry leaves from One Harbour Plaza at noon.",  # inside a name
    "A tool covers every step of the job.",  # the article
    "One district hospital stayed open.",  # a compound after "one": the article
])
def test_frames_one_that_counts_nothing_stays_out(nlp, text):
    assert [c.text for c in _claims(nlp, text)] == []

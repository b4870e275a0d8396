"""Reported speech that carries quotation marks, misparsed "that" clauses and shares of those polled
(kg.extract.quotes.reported), on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.quantities import extract_quantities
from kg.extract.quotes import extract_quotes
from kg.records import Document
from tests.extract.quotes.quoting import quotes_of

INTRO = "Senator Ann Lee spoke at the county fair on Saturday. "


def rows(quotes):
    return [(q.speaker or q.speaker_mention, q.cue, q.content, q.direct) for q in quotes]


# (pattern, text, one expected (speaker or mention, cue, content, direct) among the quotes found)
FOUND = [
    # a quotation inside a reported statement of the same speaker is part of that statement: one claim,
    # whose content keeps the marks (the direct quotation alone would lose the words around it)
    ("absorbs-quotation", INTRO + "Lee said “the noise keeps me awake” on nights when the freight trains run late.",
     ("Ann Lee", "say", "“the noise keeps me awake” on nights when the freight trains run late", False)),
    ("absorbs-unattributed", INTRO + "Lee said it is wishful thinking to expect that once the state walks away, "
     "“the dikes will somehow look after themselves.”",
     ("Ann Lee", "say", "it is wishful thinking to expect that once the state walks away, “the dikes will somehow "
      "look after themselves.”", False)),
    # marks in a verb's object report someone's words whatever the verb, for a person or organisation
    ("marks-any-verb", INTRO + "Lee reserved her sharpest words for the county’s plan for a “temporary” toll.",
     ("Ann Lee", "reserve", "her sharpest words for the county’s plan for a “temporary” toll", False)),
    ("marks-infinitive", INTRO + "Lee promised to end “the old regime” in the capital.",
     ("Ann Lee", "promise", "to end “the old regime” in the capital", False)),
    # the parser hangs the "that" clause on the noun before it ("a news conference that …"); a relative
    # clause has "that" as its subject or object, this one has a subject of its own
    ("that-clause-on-noun", INTRO + "Lee said during a news conference on Friday that she may wait until spring "
     "to decide.", ("Ann Lee", "say", "she may wait until spring to decide", False)),
    # shares of those polled, however the parser reads "Six in 10"
    ("share-quantmod", "Rents have climbed since the spring. Seven in 10 say the new rent rules are unfair.",
     ("Seven in 10", "say", "the new rent rules are unfair", False)),
    ("share-no-subject", "About 3 in 10 say they would move away if the smelter opens.",
     ("About 3 in 10", "say", "they would move away if the smelter opens", False)),
    # people at a gathering are sources
    ("gathering", "Several speakers at the harbour vigil said the fishing fleet would sail again by autumn.",
     ("Several speakers at the harbour vigil", "say", "the fishing fleet would sail again by autumn", False)),
    # an opening attribution set off by a comma, parsed as a complement of the statement's verb
    ("opening-attribution", "The Harbour Gazette first reported, the ferry board had kept its fuel bills secret for "
     "years.", ("Harbour Gazette", "report", "the ferry board had kept its fuel bills secret for years", False)),
    # the infinitive completes the object, though the parser hangs it on the verb
    ("object-infinitive", INTRO + "Lee defended her plan to cut bus fares for students, arguing that ridership "
     "would double.", ("Ann Lee", "defend", "her plan to cut bus fares for students", False)),
    # a passive with an agent, of a verb whose object is the statement
    ("passive-report", "The closure of the depot was first reported by the Harbour Gazette.",
     ("Harbour Gazette", "report", "The closure of the depot", False)),
    # a threat states an intention to be heard: the infinitive is the statement
    ("threaten", INTRO + "Lee threatened to block any budget with the new fuel tax.",
     ("Ann Lee", "threaten", "to block any budget with the new fuel tax", False)),
    # a quotation opened inside the statement runs on past the sentence the parser gives it: up to its mark
    ("runs-to-closing-mark", INTRO + "Lee added that the county had been “asleep at the wheel. Nobody read the "
     "reports. Nobody asked a single question.”",
     ("Ann Lee", "add", "the county had been “asleep at the wheel. Nobody read the reports. Nobody asked a single "
      "question.”", False)),
    ("object-runs-to-closing-mark", INTRO + "Lee cited “broken lifts, leaking roofs and rats in the basement. Nobody "
     "has fixed anything since May.”", ("Ann Lee", "cite", "“broken lifts, leaking roofs and rats in the basement. "
                                         "Nobody has fixed anything since May.”", False)),
    ("opens-with-the-mark", INTRO + "Lee argued that “the toll will never come down. It only ever goes up.”",
     ("Ann Lee", "argue", "“the toll will never come down. It only ever goes up.”", False)),
    # a participle after a quotation whose comma is inside the marks is the speaker's next act
    ("participle-after-marks", INTRO + "Lee insisted that she had “saved the ferry,” claiming that ridership had "
     "doubled since May.", ("Ann Lee", "insist", "she had “saved the ferry,”", False)),
    # a negated reporting verb with a clause of its own ends the statement before it
    # a second clause with "that" of its own is the same cue's: "says … and that …"
    ("and-that", INTRO + "Lee says the whole county is watching the vote and that she can understand why the "
     "farmers are worried.", ("Ann Lee", "say", "the whole county is watching the vote and that she can understand "
                              "why the farmers are worried", False)),
    ("negated-second-cue", INTRO + "Lee said that she would back a new bridge but did not say where it would go.",
     ("Ann Lee", "say", "she would back a new bridge", False)),
]


@pytest.mark.parametrize("pattern,text,expected", FOUND, ids=[p for p, _, _ in FOUND])
def test_found(nlp, pattern, text, expected):
    assert expected in rows(quotes_of(nlp, text))


def test_absorbed_quotation_is_not_claimed_twice(nlp):
    text = INTRO + "Lee said “the noise keeps me awake” on nights when the freight trains run late."
    quotes = quotes_of(nlp, text)
    assert [q.content for q in quotes if "awake" in q.content] == [
        "“the noise keeps me awake” on nights when the freight trains run late"]


# (pattern, text, a content that must NOT be attributed)
NOT_FOUND = [
    # a title in marks is a name, not words reported
    ("title-in-marks", INTRO + "Lee watched “Meet the Press” with her staff on Sunday.", "Meet the Press"),
    # a country's act with a phrase in marks: no speech cue, no person or organisation speaking
    ("country-act", "Norway faces the dilemma of “nowhere to turn” this winter.", "the dilemma of “nowhere to turn”"),
    # a verb inside someone's statement belongs to that statement, not to its own subject
    ("inside-statement", INTRO + "Lee said the mayor “lied” twice about the road.", "“lied” twice about the road"),
    # a negated act reports nothing
    ("negated", INTRO + "Lee did not repeat her “temporary toll” remark.", "her “temporary toll” remark"),
    # a clause opening the sentence is no attribution unless it is a speaker and a reporting verb
    ("opening-clause", "When Lee arrived, the council voted to close the depot.",
     "the council voted to close the depot"),
    # the passive subject of "tell" is the person addressed, not what was said
    ("passive-tell", "Lee was told by doctors to rest.", "Lee"),
    # a storm threatens nothing it could say
    ("threaten-no-speaker", "The storm threatened to flood the lower town.", "to flood the lower town"),
]


@pytest.mark.parametrize("pattern,text,content", NOT_FOUND, ids=[p for p, _, _ in NOT_FOUND])
def test_not_found(nlp, pattern, text, content):
    assert content not in [q.content for q in quotes_of(nlp, text)]


def test_a_finding_inside_a_quotation_is_no_inner_speaker(nlp):
    # the quoted speaker judges the person named inside the marks, who says nothing there
    text = INTRO + "“Tom Reyes has shown the voters what kind of mayor he would be,” Lee said."
    assert [q.speaker for q in quotes_of(nlp, text) if "kind of mayor" in q.content] == ["Ann Lee"]


def test_marks_in_a_parenthetical_attribution_are_its_speakers(nlp):
    # "Reyes, Lee said, has …": the words in marks are Lee's about Reyes, not Reyes's own
    text = INTRO + "Mayor Tom Reyes, Lee said, has built a “gilded palace for parking meters” on the harbour front."
    quotes = quotes_of(nlp, text)
    assert not [q for q in quotes if q.speaker == "Tom Reyes" and "gilded palace" in q.content]


def test_split_quotation_stays_one_direct_quote(nlp):
    text = INTRO + "“We will win this county,” Lee said, “and we will win it by a mile.”"
    direct = [q for q in quotes_of(nlp, text) if q.direct]
    assert [(q.speaker, len(q.parts or ())) for q in direct] == [("Ann Lee", 2)]


def _sources(nlp, text):
    doc = nlp(text)
    ents = extract_entities(doc)
    quotes = tuple(extract_quotes(doc, ents))
    document = Document(id="t", text=text, source_path="t.txt", content_hash="x")
    return {c.text: (c.source, c.source_kind) for c in extract_quantities(doc, quotes, ents, document)}


# sentence, number, expected (source, source_kind)
SOURCES = [
    # a wish reported inside someone's claim is the claimant's figure
    (INTRO + "Lee claimed that Mayor Tom Eriksen wants 500 new homes on the river.", "500", ("Ann Lee", "speaker")),
    # a document no one is named behind, inside a named speaker's statement, is the speaker's own work
    ("The Harbour Gazette reported that, according to a review of the depot’s logbooks, 85 of its buses ran late.",
     "85", ("Harbour Gazette", "speaker")),
    # a document's author named by "from" / "by" is the source
    ("Turnout rose to 61 percent, according to an analysis by the Harbour Institute.", "61 percent",
     ("Harbour Institute", "according_to")),
    # a number in an absorbed quotation has the statement's speaker
    (INTRO + "Lee said “we lost 40 buses” whenever the transit board met.", "40", ("Ann Lee", "speaker")),
]


@pytest.mark.parametrize("text,number,expected", SOURCES, ids=[n for _, n, _ in SOURCES])
def test_number_sources(nlp, text, number, expected):
    found = _sources(nlp, text)
    assert found.get(number) == expected, found

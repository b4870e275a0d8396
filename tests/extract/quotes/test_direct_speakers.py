"""Direct quotes: two-character quotation marks, lead-ins without "X said", speakers after the closing mark,
person nouns as speakers and where an attribution stops (kg.extract.quotes.direct, kg.extract.coref), on
articles written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.quotes import extract_quotes, mark_pairs


def direct_of(nlp, text):
    doc = nlp(text)
    return [q for q in extract_quotes(doc, extract_entities(doc)) if q.direct]


def speaker_for(quotes, words):
    """(speaker, mention) of the direct quote whose content starts with ``words``."""
    found = [(q.speaker, q.speaker_mention) for q in quotes if q.content.startswith(words)]
    assert found, f"no direct quote starting {words!r} in {[q.content for q in quotes]}"
    return found[0]


@pytest.mark.parametrize("text, inside", [
    ("''We will not raise taxes,'' she said.", "We will not raise taxes,"),
    ("He wrote ``The river is rising fast.'' and left.", "The river is rising fast."),
    ("“We will not raise taxes,” she said.", "We will not raise taxes,"),
])
def test_two_character_marks_are_quotation_marks(text, inside):
    pairs = [(o, c) for o, c, _, _ in mark_pairs(text) if c is not None]
    assert [text[o + 1 : c] for o, c in pairs] == [inside]


def test_double_apostrophe_quotes_are_attributed(nlp):
    text = ("The mayor spoke at noon.\n\n''We will not raise taxes this year,'' Mayor Anna Kovacs said on Monday.\n\n"
            "He said, ''The city is strong and getting stronger.''\n")
    quotes = direct_of(nlp, text)
    assert speaker_for(quotes, "We will not raise taxes")[0] == "Anna Kovacs"
    assert speaker_for(quotes, "The city is strong")[0] == "Anna Kovacs"


# (what the rule is about, article, start of the quote, expected speaker, expected mention or None for any)
SPEAKERS = [
    ("inverted verb and colon", "Lena Ortiz runs the port.\n\nContinued Ortiz: “We have the money and the plans.”\n",
     "We have the money", "Lena Ortiz", None),
    ("passive agent asks", "The mayor was asked by radio host Dana Wills, “Why did the bridge cost twice as much?”\n",
     "Why did the bridge", "Dana Wills", None),
    ("colon after a person's clause", "Tom Becker turned to the crowd and boomed: “Let us build it together.”\n",
     "Let us build it", "Tom Becker", None),
    ("comma after subject and verb", "Rita Gomez was asked about the vote. She answered, “I have not decided yet.”\n",
     "I have not decided", "Rita Gomez", "She"),
    ("any verb after a closing comma", "“Sit down and listen to the people,” Carl Alvarez barked as the guards came.\n",
     "Sit down", "Carl Alvarez", None),
    ("quotative inversion, any verb", "“Voters should stay home this time,” opined the Millbrook Herald.\n",
     "Voters should stay", "Millbrook Herald", None),
    ("a name in marks inside the attribution",
     "“We have had better meetings than this one,” council member Rita Gomez, wearing a badge reading “Vote Gomez” "
     "on her coat, said with a shrug.\n", "We have had better", "Rita Gomez", None),
    ("as X put it", "As the prosecutor Anne Roy put it, “the file gave the court little to object to.”\n",
     "the file gave the", "Anne Roy", None),
    ("speaker label inside a paragraph",
     "At the debate, Pike: “Our goal is to fix the clinic.” Dale: “The plan is to close the clinic.”\n",
     "The plan is to close", "Dale", None),
    # the mention of a relative pronoun is the noun it stands for, as in reported speech
    ("relative clause: the noun is the mention",
     "The auditors wrote a report, which notes, “Half of the invoices were never paid.”\n",
     "Half of the invoices", None, "report"),
    # the passive subject of a perception verb asks, not the person asked
    ("heard asking", "Mayor Tom Reyes left the hall early.\n\n“Will the pier reopen before the summer?” a reporter "
     "could be heard asking Reyes in the car park.\n", "Will the pier reopen", None, "reporter"),
    # a clause coordinated after the marks is a second act with a statement of its own
    ("coordinated clause after the marks", "Mayor Ellen Voss spoke at the pier.\n\nShe declared “What a fine "
     "evening!” and said her volunteers would go on “to knock on doors” in every ward.\n", "What a fine",
     "Ellen Voss", "She"),
    # who adds is who told, not the subject of what was told
    ("adding after a told-that clause", "In short, Tom Reyes told reporters that Ann Lee “had a foolish toll scheme "
     "which was hopeless,” adding, “She lost the whole county.”\n", "She lost the whole", "Tom Reyes", None),
]


@pytest.mark.parametrize("rule, text, start, speaker, mention", SPEAKERS, ids=[s[0] for s in SPEAKERS])
def test_direct_speakers(nlp, rule, text, start, speaker, mention):
    got_speaker, got_mention = speaker_for(direct_of(nlp, text), start)
    if speaker is not None:
        assert got_speaker is not None and got_speaker.endswith(speaker.split()[-1])
    if mention is not None:
        assert got_mention == mention


@pytest.mark.parametrize("text, start, mention", [
    # a person described by age or occupation refers back to the person named last as a subject
    ("Ruth Adler chairs the council.\n\n“The council has never been this divided,” said the 62-year-old.\n",
     "The council has never", "62-year-old"),
    ("Ruth Adler chairs the council.\n\n“There are many ways to pay for a school,” the businessman replied.\n",
     "There are many ways", "businessman"),
    ("Dr. Ann Pike gave an interview. “We have to listen to the patients first,” the retired surgeon told a "
     "radio station.\n", "We have to listen", "retired surgeon"),
])
def test_person_descriptions_refer_back(nlp, text, start, mention):
    speaker, got = speaker_for(direct_of(nlp, text), start)
    assert got.endswith(mention)
    assert speaker is not None


@pytest.mark.parametrize("text, start, mention", [
    # a crowd, protesters or a newcomer described by a clause is an unnamed source, never the last name
    ("Ruth Adler spoke first.\n\n“Four more years, four more years!” the crowd chanted.\n", "Four more", "crowd"),
    ("Ruth Adler spoke first.\n\nProtesters interrupted the meeting, shouting “the plan fails and we all pay!”\n",
     "the plan fails", "Protesters"),
    ("Ruth Adler spoke first. “How tall is that tower?” asked the boy, who wore a red cap.\n", "How tall", "boy"),
])
def test_groups_and_newcomers_stay_unnamed(nlp, text, start, mention):
    speaker, got = speaker_for(direct_of(nlp, text), start)
    assert speaker is None
    assert mention in got


def test_a_full_stop_inside_the_marks_ends_the_attribution(nlp):
    # the attribution after the first quotation belongs to the second one
    text = ("On the radio Tuesday, Mayor Eli Brandt said, “I never promised to pay the fees.” Asked about the "
            "bridge, Councillor Ida Moss replied, “Well, maybe the state will pay.”\n")
    quotes = direct_of(nlp, text)
    assert speaker_for(quotes, "I never promised")[0] == "Eli Brandt"
    assert speaker_for(quotes, "Well, maybe")[0] == "Ida Moss"


def test_a_paragraph_ending_in_a_full_stop_does_not_attribute_the_next(nlp):
    text = ("“The bridge will open in spring,” said Tom Becker, who chairs the council. A resident asked him "
            "about the schools.\n\nThe old woman in the green hat near the door: “We have the money and the plans.”\n")
    quotes = direct_of(nlp, text)
    assert not any(q.content.startswith("We have the money") and q.speaker == "Tom Becker" for q in quotes)


def test_a_name_inside_the_quote_is_not_the_pronoun_after_it(nlp):
    text = ("Governor Ray Dale spoke first.\n\n“Thanks, Millbrook, for welcoming these families,” said master of "
            "ceremonies Omar Haddad. “No thanks to Ray Dale,” he added.\n")
    quotes = direct_of(nlp, text)
    assert speaker_for(quotes, "Thanks, Millbrook")[0] == "Omar Haddad"
    assert speaker_for(quotes, "No thanks")[0] == "Omar Haddad"


def test_a_second_attribution_is_a_second_statement(nlp):
    text = "“We won the vote,” Mayor Eli Brandt said. He added, “Now the real work on the budget starts.”\n"
    quotes = direct_of(nlp, text)
    assert len(quotes) == 2
    assert all(q.speaker == "Eli Brandt" for q in quotes)


def test_a_day_is_never_a_speaker(nlp):
    text = "Saturday at the party convention Senator Ruth Adler said the plan was “a proven failure” in business.\n"
    doc = nlp(text)
    quotes = list(extract_quotes(doc, extract_entities(doc)))
    assert quotes and all(q.speaker != "Saturday" for q in quotes)


def test_a_name_in_the_statement_is_not_the_pronoun_that_said_it(nlp):
    text = ("The pollster Dana Reyes studied the race for months.\n\nVoters want an outsider. Mr. Ames, who takes "
            "no large donations, fits that bill for many people, she added.\n")
    doc = nlp(text)
    quotes = [q for q in extract_quotes(doc, extract_entities(doc)) if q.content.startswith("Mr. Ames")]
    assert [q.speaker for q in quotes] == ["Dana Reyes"]

"""Attribution cue families, stance, speaker labels and split quotations (kg.extract.quotes), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.quotes import parts_of
from tests.extract.quotes.quoting import quotes_of


def rows(quotes):
    return [(q.speaker or q.speaker_mention, q.cue, q.content, q.stance) for q in quotes]


# (cue family, text, one expected (speaker or mention, cue, content, stance) among the quotes found)
CUES = [
    # reporting verbs in any tense, manner-of-speaking verbs, phrasal verbs
    ("dispute-verb", "Councillor Rita Moreno retorted that the depot had never flooded.",
     ("Rita Moreno", "retort", "the depot had never flooded", "asserts")),
    ("manner-verb", "Chef Marco Bellini joked that the oven had nine lives.",
     ("Chef Marco Bellini", "joke", "the oven had nine lives", "asserts")),
    # a topic talked over and a choice named are what the source put forward
    ("focus-on-topic", "In a speech to the port workers, Councillor Ray Lane focused on rents.",
     ("Ray Lane", "focus_on", "rents", "asserts")),
    ("name-choice", "Governor Ana Ruiz named Ray Lane to the harbour board.",
     ("Ana Ruiz", "name", "Ray Lane to the harbour board", "asserts")),
    ("phrasal-verb", "Nurse Amal Haddad pointed out that the ward had no heating.",
     ("Nurse Amal Haddad", "point_out", "the ward had no heating", "asserts")),
    ("went-on-to-say", "Mayor Tom Eriksen went on to say that the library would stay open.",
     ("Tom Eriksen", "say", "the library would stay open", "asserts")),
    ("present-tense", "Mayor Tom Eriksen says the library will stay open.",
     ("Tom Eriksen", "say", "the library will stay open", "asserts")),
    # documents and polls as sources; shares of those polled
    ("document-source", "A state audit found that the pension fund was short by a third.",
     ("state audit", "find", "the pension fund was short by a third", "asserts")),
    ("poll-share", "Forty percent said the buses were late.",
     ("Forty percent", "say", "the buses were late", "asserts")),
    # stance
    ("denies", "Commissioner Ines Vidal denied that the contract had been signed.",
     ("Ines Vidal", "deny", "the contract had been signed", "denies")),
    ("believes", "Commissioner Ines Vidal believes the strike will end by Friday.",
     ("Ines Vidal", "believe", "the strike will end by Friday", "believes")),
    ("reportedly", "Commissioner Ines Vidal reportedly told aides that the contract was dead.",
     ("Ines Vidal", "tell", "the contract was dead", "reported")),
    ("quoted-as-saying", "Chef Marco Bellini was quoted as saying that the kitchen would close.",
     ("Chef Marco Bellini", "say", "the kitchen would close", "reported")),
    # object cues: what was criticised, praised, called for, endorsed (also passive)
    ("criticism-verb", "Senator Paul Okafor blasted the tunnel plan as a waste of money.",
     ("Paul Okafor", "blast", "the tunnel plan as a waste of money", "asserts")),
    ("call-for", "Senator Paul Okafor called for an inquiry into the tender.",
     ("Paul Okafor", "call_for", "an inquiry into the tender", "asserts")),
    ("praise-for", "Senator Paul Okafor praised the firefighters for their speed.",
     ("Paul Okafor", "praise", "the firefighters for their speed", "asserts")),
    ("endorse-name", "Judge Lena Brandt endorsed Okafor.", ("Lena Brandt", "endorse", "Okafor", "asserts")),
    ("passive-by", "The steep rise in bus fares was criticized by Senator Paul Okafor.",
     ("Paul Okafor", "criticize", "The steep rise in bus fares", "asserts")),
    # prepositional cues
    ("according-to", "According to Judge Lena Brandt, the hearing will resume in May.",
     ("Lena Brandt", "according_to", "the hearing will resume in May", "reported")),
    ("in-the-words-of", "In the words of Judge Lena Brandt, the law is clear on this point.",
     ("Lena Brandt", "according_to", "the law is clear on this point", "reported")),
    ("per", "Per the filing, the firm lost four million dollars last year.",
     ("filing", "according_to", "the firm lost four million dollars last year", "reported")),
    ("according-to-whole-clause", "Fares rose by a tenth, and more rises could follow, according to Judge Lena Brandt.",
     ("Lena Brandt", "according_to", "Fares rose by a tenth, and more rises could follow", "reported")),
    # judging something as something: a view, stance "believes"; questioning whether
    ("see-as", "Senator Paul Okafor sees the new toll as a tax on the poorest commuters.",
     ("Paul Okafor", "see_as", "the new toll as a tax on the poorest commuters", "believes")),
    ("question-whether", "Senator Paul Okafor questioned whether the county could pay for the bridge.",
     ("Paul Okafor", "question", "the county could pay for the bridge", "asserts")),
    # noun cues with their frames
    ("noun-claim-that", "Judge Lena Brandt's claim that the files were lost drew protests.",
     ("Lena Brandt", "claim", "the files were lost", "asserts")),
    ("noun-criticism-of", "Senator Paul Okafor's criticism of the tunnel plan was sharp.",
     ("Paul Okafor", "criticism", "the tunnel plan", "asserts")),
    # speaker labels
    ("headline-label", "Okafor: Tunnel Plan Is a Waste of Public Money",
     ("Okafor", "label", "Tunnel Plan Is a Waste of Public Money", "asserts")),
    ("quotation-label", "Senator Paul Okafor spoke last.\n\nOkafor: “We will not pay for this tunnel.”",
     ("Paul Okafor", "label", "We will not pay for this tunnel.", "asserts")),
    # relative clause: the resolved speaker, with "who" as the mention
    ("relative-who", "Judge Lena Brandt, who said the files were lost, resigned.",
     ("Lena Brandt", "say", "the files were lost", "asserts")),
]


@pytest.mark.parametrize("name,text,expected", CUES)
def test_cue_families(nlp, name, text, expected):
    assert expected in rows(quotes_of(nlp, text))


@pytest.mark.parametrize("text", [
    "BREAKING: CITY HALL CLOSES FOR THE WEEK",  # a headline in capitals names no speaker
    "Update: the bridge reopened at noon on Sunday.",  # an editorial heading is no label
    "CLEVELAND, May 4 (Wire) — The council met for six hours.",  # a dateline never speaks
    "Little did they know what the winter would bring.",  # "know" is no cue
    "I think the council should resign over this.",  # a state of mind of an unnamed voice
    "Several experts believe the bridge will close.",  # ... also of an unnamed group
])
def test_no_speaker(nlp, text):
    assert quotes_of(nlp, text) == []


def test_relative_who_is_the_mention(nlp):
    (q,) = quotes_of(nlp, "Judge Lena Brandt, who said the files were lost, resigned.")
    assert (q.speaker, q.speaker_mention) == ("Lena Brandt", "who")


def test_split_quote_is_one_statement_with_parts(nlp):
    text = "Mayor Tom Eriksen spoke first.\n\n“We will keep the library open,” Eriksen said, “and we will hire staff.”"
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Tom Eriksen" and q.direct
    assert q.content == "We will keep the library open … and we will hire staff."
    assert [p.text for p in q.parts] == ["We will keep the library open", "and we will hire staff."]
    assert q.evidence.start == q.parts[0].start and q.evidence.end == q.parts[-1].end
    assert [text[p.start : p.end] for p in parts_of(q)] == [p.text for p in q.parts]


def test_multi_paragraph_quote_is_one_statement(nlp):
    text = ("Amal Haddad, a nurse at the clinic, worked that night.\n\n“The ward had no heating,” Haddad said. "
            "“We used blankets from home.\n\n“By morning two patients had colds.”")
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Amal Haddad"
    assert len(q.parts) == 3 and q.content.endswith("By morning two patients had colds.")


def test_new_attribution_starts_a_new_statement(nlp):
    text = ("Amal Haddad, a nurse at the clinic, worked that night.\n\n“The ward had no heating,” Haddad said.\n\n"
            "“We used blankets from home,” she added.")
    quotes = quotes_of(nlp, text)
    assert [(q.cue, q.content) for q in quotes] == [("say", "The ward had no heating"),
                                                   ("add", "We used blankets from home")]
    assert all(q.parts == () for q in quotes)


def test_different_speakers_are_not_joined(nlp):
    text = "“The ward had no heating,” Amal Haddad said. “That is not true,” Tom Eriksen said."
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Amal Haddad", "Tom Eriksen"]


def test_cue_inside_quotation_keeps_inner_named_speaker(nlp):
    text = "“My father told me that Rosa Diaz said the mill would close,” Tom Eriksen said."
    found = rows(quotes_of(nlp, text))
    assert ("Rosa Diaz", "say", "the mill would close", "asserts") in found

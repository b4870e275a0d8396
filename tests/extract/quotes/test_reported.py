"""Reported speech (kg.extract.quotes.reported): attribution patterns beyond "X said that …", on sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.quotes.quoting import quotes_of


def rows(quotes):
    return [(q.speaker or q.speaker_mention, q.cue, q.content) for q in quotes]


# (pattern, text, one expected (speaker or mention, cue, content) among the quotes found)
PATTERNS = [
    # "as X noted, <clause>": the clause the "as" clause modifies is what was said
    ("as-clause", "As Mayor Tom Eriksen noted, the ferry will stop running in May.",
     ("Tom Eriksen", "note", "the ferry will stop running in May")),
    ("as-clause-closing", "The ferry will stop running in May, as the Harbour Gazette reported on Tuesday.",
     ("Harbour Gazette", "report", "The ferry will stop running in May")),
    # the small model parses "said closing the depot would …" with the clause under the gerund
    ("gerund-subject", "Councillor Ana Ruiz spoke on Monday. She said closing the depot would cost forty jobs.",
     ("Ana Ruiz", "say", "closing the depot would cost forty jobs")),
    # "A … poll found that …" parsed as a noun phrase with a participle
    ("poll-found", "A Harbour Institute poll found last week that most tenants want a cap on rents.",
     ("Harbour Institute", "find", "most tenants want a cap on rents")),
    # two-word cues whose second word the parser takes for a complement
    ("made-clear", "Councillor Ana Ruiz made clear that the depot would stay open.",
     ("Ana Ruiz", "make_clear", "the depot would stay open")),
    ("made-it-clear", "Councillor Ana Ruiz made it clear that the depot would stay open.",
     ("Ana Ruiz", "make_clear", "the depot would stay open")),
    # "according to" names a source whatever its noun: a name inside it stands behind it
    ("according-to-any-noun", "Turnout rose by a fifth, according to a Harbour Gazette tally.",
     ("Harbour Gazette", "according_to", "Turnout rose by a fifth")),
    ("according-to-unnamed", "Ferries may not dock after dark, according to state law.",
     ("state law", "according_to", "Ferries may not dock after dark")),
    ("per-the-document", "The ferry line lost money last year, per the filing.",
     ("filing", "according_to", "The ferry line lost money last year")),
    # "That's according to X": the statement is the sentence before
    ("thats-according-to", "The campaign raised nine million dollars in March.\n\nThat's according to filings "
     "made public on Friday.", ("filings", "according_to",
                                "The campaign raised nine million dollars in March")),
    # groups of people named by their ties, trade or side, and plural role titles
    ("supporters", "Her supporters said the rally was the biggest of the year.",
     ("Her supporters", "say", "the rally was the biggest of the year")),
    ("plural-title", "Aides to the governor say the budget will pass this week.",
     ("Aides to the governor", "say", "the budget will pass this week")),
    ("media-outlet", "The magazine said its readers had picked the winner for a decade.",
     ("magazine", "say", "its readers had picked the winner for a decade")),
    # object cues: backing, mentioning, announcing, expressing
    ("mention", "Mayor Tom Eriksen mentioned the old bridge twice.", ("Tom Eriksen", "mention", "the old bridge")),
    ("confirm-object", "Mayor Tom Eriksen confirmed the closure of the depot.",
     ("Tom Eriksen", "confirm", "the closure of the depot")),
    ("express", "Mayor Tom Eriksen expressed concern about the old dam.",
     ("Tom Eriksen", "express", "concern about the old dam")),
    ("call-for-clause", "Mayor Tom Eriksen is calling for the county to repair the old dam.",
     ("Tom Eriksen", "call_for", "the county to repair the old dam")),
    ("call-out", "Councillor Ana Ruiz called out the port authority for its silence.",
     ("Ana Ruiz", "call_out", "the port authority for its silence")),
    # shares of those polled as the subject
    ("poll-share-ratio", "Nine in 10 ferry users say the timetable is too thin.",
     ("Nine in 10 ferry users", "say", "the timetable is too thin")),
    # documents and records as the subject: their finding is a statement with an unnamed (or named) source
    ("records-show", "The port's annual statistics show that ferry crossings fell by a tenth.",
     ("port's annual statistics", "show", "ferry crossings fell by a tenth")),
    ("records-show-closing", "The depot lost forty drivers in a year, county payroll records show.",
     ("county payroll records", "show", "The depot lost forty drivers in a year")),
    ("in-a-poll", "In a Harbour Institute survey published on Friday, most tenants backed a rent cap.",
     ("Harbour Institute", "in", "most tenants backed a rent cap")),
    ("in-the-count", "In the latest harbour count, the ferry carried three hundred passengers a day.",
     ("latest harbour count", "in", "the ferry carried three hundred passengers a day")),
    # a law, plan or register states its content through a provision verb; a figure put on something
    ("provision", "The new ordinance bans tolls on the old bridge.",
     ("new ordinance", "ban", "tolls on the old bridge")),
    ("provision-call-for", "The council published its ferry plan. The plan calls for three new boats.",
     ("plan", "call_for", "three new boats")),
    ("estimate-at", "Harbour police put the crowd at 2,000 on Saturday.",
     ("Harbour police", "put", "the crowd at 2,000")),
    ("boast-of", "Mayor Tom Eriksen boasted of his skill in cutting the ferry deficit.",
     ("Tom Eriksen", "boast", "his skill in cutting the ferry deficit")),
    ("poll-showing", "Councillor Ana Ruiz spoke after a tenants' survey showing that most tenants want a rent cap.",
     ("tenants' survey", "show", "most tenants want a rent cap")),
    # an "as" clause after an opening conjunction still opens the statement
    ("but-as-clause", "But as Mayor Tom Eriksen noted, the ferry will stop running in May.",
     ("Tom Eriksen", "note", "the ferry will stop running in May")),
    ("and-as-clause", "And as the Harbour Gazette reported, the council spent a third of its budget on roads.",
     ("Harbour Gazette", "report", "the council spent a third of its budget on roads")),
    # a share of those polled parsed as the number of an object cue
    ("poll-share-object", "About two-thirds of ferry users in all five towns support banning cars on deck.",
     ("About two-thirds of ferry users in all five towns", "support", "banning cars on deck")),
    # the words a source issues as a statement, an email or a post are the source's
    ("issued-statement", "Mayor Tom Eriksen released a statement saying the depot would close in May.",
     ("Tom Eriksen", "say", "the depot would close in May")),
    ("sent-email", "Councillor Ana Ruiz sent an email to staff saying the office would move.",
     ("Ana Ruiz", "say", "the office would move")),
    # refusals, plans and rulings
    ("refuse-to-say", "Councillor Ana Ruiz refused to say who bought the old depot.",
     ("Ana Ruiz", "refuse", "to say who bought the old depot")),
    ("ruled-that", "A county judge ruled that the ferry fee was unlawful.",
     ("county judge", "rule", "the ferry fee was unlawful")),
    # a statement that is itself someone's act with an object, closed by the reporter's attribution
    ("closing-report-of-an-act", "Organizers added forty guards along the route, the Harbour Gazette reported.",
     ("Harbour Gazette", "report", "Organizers added forty guards along the route")),
    # an object cue for a figure reported
    ("report-object", "Harbour Mills reported a net loss of three million dollars for the quarter.",
     ("Harbour Mills", "report", "a net loss of three million dollars for the quarter")),
]


def test_reported_second_statement_at_the_end_is_its_own(nlp):
    # the small model parses the second "says" as coordinated with the first statement's verb
    text = "Mayor Tom Eriksen says the budget is sound and says he will veto any new tax."
    found = rows(quotes_of(nlp, text))
    assert ("Tom Eriksen", "say", "the budget is sound") in found
    assert ("Tom Eriksen", "say", "he will veto any new tax") in found


@pytest.mark.parametrize(("text", "first", "second"), [
    ('Mayor Tom Eriksen says the harbour wall is safe and calls its builder "a careful firm."',
     "the harbour wall is safe", "its builder"),
    ('Mayor Tom Eriksen said the ferry would run again in June, calling the repairs "long overdue."',
     "the ferry would run again in June", "the repairs"),
    ("Councillor Ana Ruiz argued the depot was too small, and has praised a plan to move it.",
     "the depot was too small", "a plan to move it"),
])
def test_reported_further_act_at_the_end_is_its_own(nlp, text, first, second):
    found = rows(quotes_of(nlp, text))
    assert any(content == first for _, _, content in found)
    assert any(content.startswith(second) for _, _, content in found)


@pytest.mark.parametrize(("text", "content"), [
    ("Councillor Ana Ruiz attacked Mayor Tom Eriksen, a rival since their school days.",
     "Mayor Tom Eriksen"),
    ("Councillor Ana Ruiz criticized the ferry plan, which the mayor unveiled in May.", "the ferry plan"),
])
def test_reported_aside_after_the_object_is_the_writers(nlp, text, content):
    assert ("Ana Ruiz", content) in {(r[0], r[2]) for r in rows(quotes_of(nlp, text))}


def test_reported_terms_of_speaking_are_not_content(nlp):
    text = "A harbour official confirmed the closure on the condition of anonymity."
    assert ("harbour official", "confirm", "the closure") in rows(quotes_of(nlp, text))


def test_reported_second_share_of_those_polled_is_its_own(nlp):
    text = "Half of the ferry users said the boats should run at night, and a third said they should be free."
    found = rows(quotes_of(nlp, text))
    assert ("Half of the ferry users", "say", "the boats should run at night") in found
    assert not [r for r in found if r[0] == "Half of the ferry users" and "free" in r[2]]


def test_reported_in_a_letter_is_the_channel_not_the_source(nlp):
    text = "In a letter to the council, Mayor Tom Eriksen said the depot would close."
    found = rows(quotes_of(nlp, text))
    assert ("Tom Eriksen", "say", "the depot would close") in found
    assert not [r for r in found if r[1] == "in"]


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Most ferry users said they like the new timetable, whereas roughly 3 in 10 want the old one.",
     ("Most ferry users", "they like the new timetable"), ("roughly 3 in 10", "the old one")),
    ("In the harbour survey, 55 percent of tenants said the rent was too high, and a majority want a cap.",
     ("55 percent of tenants", "the rent was too high"), ("majority", "a cap")),
])
def test_reported_shares_of_those_polled_state_their_own_findings(nlp, text, first, second):
    found = {(r[0], r[2]) for r in rows(quotes_of(nlp, text))}
    assert first in found
    assert any(spk.endswith(second[0]) and second[1] in content for spk, content in found)


def test_reported_which_after_a_time_phrase_is_not_the_time(nlp):
    text = "The council published its audit in March, which showed a deficit of three million dollars."
    assert not [q for q in quotes_of(nlp, text) if (q.speaker or q.speaker_mention) == "March"]


@pytest.mark.parametrize(("name", "text", "expected"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_reported_patterns(nlp, name, text, expected):
    assert expected in rows(quotes_of(nlp, text))


def test_reported_parenthetical_attribution_gives_one_statement_in_two_parts(nlp):
    text = "The new depot, Mayor Tom Eriksen said on Monday, would open in the spring."
    [q] = [q for q in quotes_of(nlp, text) if q.cue == "say"]
    assert (q.speaker, q.content) == ("Tom Eriksen", "The new depot … would open in the spring")
    assert [p.text for p in q.parts] == ["The new depot", "would open in the spring"]
    assert text[q.evidence.start : q.evidence.end] == text[: text.index(".")]


def test_reported_statement_inside_a_reported_statement_keeps_both_sources(nlp):
    text = "Senator Ruth Okafor said the county audit found that the pension fund was short."
    found = rows(quotes_of(nlp, text))
    assert ("Ruth Okafor", "say", "the county audit found that the pension fund was short") in found
    assert ("county audit", "find", "the pension fund was short") in found


@pytest.mark.parametrize("text, outer", [
    # a person's words inside someone else's statement are that someone's account of them
    ("Mayor Dana Ortiz said Councillor Ray Lane wants to close the depot.",
     ("Dana Ortiz", "say", "Councillor Ray Lane wants to close the depot")),
    # the closing attribution is found after a cue inside the statement, and replaces it
    ("The county has agreed to take in 200 families, county officials said.",
     ("county officials", "say", "The county has agreed to take in 200 families")),
])
def test_reported_statement_inside_a_persons_statement_is_no_claim_of_its_own(nlp, text, outer):
    assert rows(quotes_of(nlp, text)) == [outer]


def test_reported_clause_of_time_between_commas_is_no_attribution(nlp):
    # "after the interview concluded" is set off like "the mayor said", but says when, not who said what
    text = ("Later in the show, after the interview concluded, Ruiz stated of the toll plan that the council’s "
            "report “wasn’t good.”")
    assert [(q.speaker_mention, q.cue) for q in quotes_of(nlp, text)] == [("Ruiz", "state")]


def test_reported_lemmatizer_slip_still_finds_the_cue(nlp):
    # spaCy's small model lemmatizes this "hoping" as "hop"
    text = "Mayor Tom Eriksen spoke in Harbourville. He’s hoping the endorsement will be a big boost."
    assert ("Tom Eriksen", "hope", "the endorsement will be a big boost") in rows(quotes_of(nlp, text))


@pytest.mark.parametrize("text", [
    "As Mayor Tom Eriksen announced his run, the crowd cheered loudly.",  # "as" = while; the verb has an object
    "The hopping rabbit crossed the road.",  # a surface stem is used only for a listed cue
    "The mayor cut the ribbon, the ferry left and the crowd went home.",
    "The crowd paid twelve dollars per ticket, far more than last year.",  # "per" + a plain noun is a rate
    "The crowd's club earned 1.50 dollars per share, up from 1.20 dollars.",
    "The council will vote to confirm the crowd's favourite as harbour master.",  # a plan, not a statement
    "In the morning, the crowd left the harbour.",  # "In" + a time: no document
    "The storm put the crowd at risk.",  # "put … at" with no figure is an act
    "The mayor banned the crowd from the pier.",  # a provision verb with a person as subject is an act
    "The mayor appeared on a talk show that night, and the crowd cheered.",  # "show" the noun
    "Police received calls saying the crowd had left the pier.",  # a verb of receiving: the police heard it
    "The harbour bank refused to serve the crowd on Sunday.",  # a refusal to act, not to say something
])
def test_reported_no_attribution(nlp, text):
    assert not [q for q in quotes_of(nlp, text) if "crowd" in q.content or q.cue in ("hope", "say")]


def test_reported_digest_label_after_a_headline_and_a_dash(nlp):
    # a digest item: its headline in capitals, a dash, then the speaker label before the quotation
    text = ("Here is the day's news.\n\nRENTS RISE AGAIN IN THE HARBOUR DISTRICT - Ana Ruiz and Tom Eriksen: "
            "“Rents rose by a tenth in a year, and the rise is not slowing.”\n")
    [q] = [q for q in quotes_of(nlp, text) if "Rents rose" in q.content]
    assert (q.speaker, q.cue) == ("Ana Ruiz", "label")


def test_reported_digest_label_naming_where_the_words_come_from(nlp):
    text = ("Here is the day's news.\n\nWhat the count means - More from the harbour report: "
            "“Ferry crossings fell by a tenth in a year, and the fall is not slowing.”\n")
    [q] = [q for q in quotes_of(nlp, text) if "Ferry crossings" in q.content]
    assert (q.speaker_mention, q.cue) == ("harbour report", "label")


def test_reported_document_after_a_lead_in_paragraph(nlp):
    # a transcript introduced by a lead-in: its paragraphs are the document's, one part each; a speaker
    # label inside it keeps its own attribution
    text = ("Mayor Tom Eriksen spoke at the harbour on Monday.\n\nPartial transcript as follows:\n\n"
            "ERIKSEN: We carried three hundred passengers a day in May.\n\nThe boats ran late, but none sank.\n")
    found = quotes_of(nlp, text)
    [doc] = [q for q in found if q.cue == "document"]
    assert (doc.speaker, doc.speaker_mention, len(doc.parts)) == (None, "Partial transcript", 2)
    assert ("Tom Eriksen", "label", "We carried three hundred passengers a day in May") in rows(found)


def test_reported_lead_in_with_a_speaker_is_no_document(nlp):
    text = "Mayor Tom Eriksen spoke on Monday.\n\nEriksen wrote in his letter:\n\nThe boats ran late, but none sank.\n"
    assert not [q for q in quotes_of(nlp, text) if q.cue == "document"]


@pytest.mark.parametrize(("text", "relay"), [
    # a direct quotation passed on by a transcript: the speaker and the transcript both attribute it
    ("Mayor Dana Ortiz spoke at the harbour on Monday.\n\n“We will rebuild the pier before winter,” Ortiz "
     "said, according to a transcript released by her office.", "transcript"),
    # reported speech passed on by a newspaper
    ("Councillor Ana Ruiz said the depot would close in May, according to the Harbour Gazette.",
     "Harbour Gazette"),
    # a relay verb with its subject after it
    ("“The ferry is safe,” said Councillor Ana Ruiz, reports the Harbour Gazette.", "Harbour Gazette"),
])
def test_reported_relaying_source_is_a_second_attribution(nlp, text, relay):
    found = quotes_of(nlp, text)
    speakers = {(q.speaker or q.speaker_mention): q for q in found}
    assert {"Dana Ortiz", "Ana Ruiz"} & set(speakers)
    relayed = next(q for name, q in speakers.items() if relay in name)
    assert relayed.cue in ("according_to", "report") and relayed.stance == "reported"
    first = next(q for name, q in speakers.items() if name in ("Dana Ortiz", "Ana Ruiz"))
    assert relayed.content == first.content


def test_reported_according_to_the_speaker_is_not_relayed(nlp):
    text = "Councillor Ana Ruiz spoke on Monday. The depot will close in May, according to Ruiz."
    found = quotes_of(nlp, text)
    assert [(q.speaker, q.cue) for q in found] == [("Ana Ruiz", "according_to")]


def test_reported_possessive_speaker_is_resolved(nlp):
    text = "Senator Paul Okafor toured the plant on Friday. He repeated his promise to keep the plant open."
    found = rows(quotes_of(nlp, text))
    assert ("Paul Okafor", "promise", "to keep the plant open") in found


@pytest.mark.parametrize(("text", "speaker"), [
    # the possessive takes up the subject of its clause: that subject is the mention naming the source
    ("Mayor Dana Ortiz repeated her promise to rebuild the pier before winter.", "Mayor Dana Ortiz"),
    ("Senator Paul Okafor toured the plant. He announced his support for the harbour bill.", "He"),
])
def test_reported_possessive_owner_is_the_clause_subject(nlp, text, speaker):
    assert speaker in {q.speaker_mention for q in quotes_of(nlp, text)}


@pytest.mark.parametrize(("text", "speaker"), [
    # the relative pronoun is the mention; the antecedent is who speaks, also through a coordinated verb
    ("The council heard Mayor Dana Ortiz, who arrived late and criticized the ferry plan.", "Dana Ortiz"),
    ("Residents wrote to the Harbour Trust, which said the pier would reopen in May.", "Harbour Trust"),
])
def test_reported_relative_pronoun_is_the_mention(nlp, text, speaker):
    found = {(q.speaker, q.speaker_mention) for q in quotes_of(nlp, text)}
    assert any(s and speaker in s and m in ("who", "which") for s, m in found), found


def test_reported_document_with_possessive_pronoun_stays_the_source(nlp):
    # the report is a source apart from the company's own statements (kg conflicts compares the two)
    text = "Harbour Freight earned 20 million dollars in May, its annual report showed."
    found = quotes_of(nlp, text)
    assert [(q.speaker, q.speaker_mention) for q in found] == [(None, "its annual report")]


def test_reported_share_in_a_named_survey_is_relayed_by_it(nlp):
    text = "In a Harbour Gazette survey released on Friday, 55 percent of tenants said the rent was too high."
    found = {(q.speaker, q.cue) for q in quotes_of(nlp, text)}
    assert ("Harbour Gazette", "according_to") in found


def test_reported_linking_verb_reports_no_words(nlp):
    # marks in the complement of "became" are a term, not words the subject said
    text = "Mayor Dana Ortiz became the first mayor to ride the “harbour loop” ferry."
    assert not [q for q in quotes_of(nlp, text) if q.cue == "become"]


def test_reported_act_under_a_refusal_is_not_done(nlp):
    # "declined to criticize" reports a refusal (stance denies), not a criticism
    text = ("Senator Paul Okafor praised the crew, declined at first to criticize the ferry plan, and defended "
            "the budget.")
    cues = {q.cue for q in quotes_of(nlp, text)}
    assert "criticize" not in cues and {"praise", "defend"} <= cues


@pytest.mark.parametrize("text", [
    "Senator Tom Reyes met the mayor, Ellen Voss, on Monday. His criticism of her was sharp.",  # a noun cue
    "Senator Tom Reyes met the mayor, Ellen Voss, on Monday. Reyes endorsed her in the spring.",  # an object cue
])
def test_reported_lone_pronoun_is_no_content(nlp, text):
    assert [q.content for q in quotes_of(nlp, text) if q.content == "her"] == []


def test_reported_pronoun_with_its_noun_is_content(nlp):
    text = "Senator Tom Reyes met the mayor, Ellen Voss, on Monday. Reyes criticized her plan to close the pier."
    assert ("Tom Reyes", "criticize", "her plan to close the pier") in rows(quotes_of(nlp, text))

"""Who asserted a number (kg.extract.quantities.source), with the quotes the pipeline finds, on sentences
written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.quantities import extract_quantities
from kg.extract.quotes import extract_quotes
from kg.records import Document, Evidence, Quote


def _claims(nlp, text, quotes=None):
    doc = nlp(text)
    ents = extract_entities(doc)
    if quotes is None:
        quotes = tuple(extract_quotes(doc, ents))
    document = Document(id="t", text=text, source_path="t.txt", content_hash="x")
    return {c.text: c for c in extract_quantities(doc, quotes, ents, document)}


# sentence, number, expected source, expected source_kind
SOURCES = [
    # a document named by the phrase that frames the clause
    ("In a Harbour Institute survey published on Friday, 52 percent of tenants backed a rent cap.", "52 percent",
     "Harbour Institute", "named_source"),
    ("Under state law, a recount is allowed when the margin is below 0.5 percent.", "below 0.5 percent",
     "state law", "named_source"),
    # the number describes the survey itself: the outlet says so, not the survey
    ("In a survey of 500 residents, 30% said they feared the influx.", "500", None, None),
    # the speaker of reported speech: an "as" clause, a parenthetical attribution, a closing attribution
    ("As Mayor Tom Eriksen noted, the ferry carried 300 passengers in May.", "300", "Tom Eriksen", "speaker"),
    ("The new depot, Mayor Tom Eriksen said on Monday, would employ 120 drivers.", "120", "Tom Eriksen", "speaker"),
    # a statement inside a statement: the inner source asserts the figure
    ("Mayor Tom Eriksen said the county audit found that 40 percent of the fund was missing.", "40 percent",
     "county audit", "speaker"),
    # a verb of setting a figure: the subject's demand, order or forecast states the amount
    ("Mayor Tom Eriksen seeks an additional 40 buses for the harbour line.", "40", "Tom Eriksen", "speaker"),
    ("Senator Ana Ruiz advocates tax increases of $15 trillion.", "$15 trillion", "Ana Ruiz", "speaker"),
    # "according to" a noun no list has
    ("Turnout rose to 61 percent, according to a Harbour Gazette tally.", "61 percent", "Harbour Gazette tally",
     "according_to"),
    # records as the source, closing the sentence or as its subject
    ("The depot lost 40 drivers in a year, county payroll records show.", "40", "county payroll records",
     "speaker"),
    ("The port's annual statistics show that crossings fell by 12 percent.", "12 percent",
     "port's annual statistics", "speaker"),
    # an act refused inside someone's report is the reporter's count, not the refuser's statement
    ("The Harbour Gazette reported, the Lane Trust declined to say who its 640 donors were.", "640",
     "Harbour Gazette", "speaker"),
    # the issuer of a statement, and an "as" clause after a conjunction
    ("Mayor Tom Eriksen released a statement saying the depot would employ 120 drivers.", "120", "Tom Eriksen",
     "speaker"),
    ("But as Mayor Tom Eriksen noted, the ferry carried 300 passengers in May.", "300", "Tom Eriksen", "speaker"),
    # a year in a document's subject does not make it a count of respondents
    ("A 2019 study by Harbour University found 31 cases of ballot fraud.", "31", "2019 study", "named_source"),
    # the survey of the sentence's first clause stands behind the clauses joined to it
    ("In a Harbour Gazette survey, only 9 percent of farmers said they would sell; just 2 percent of ranchers "
     "said they would leave.", "just 2 percent", "Harbour Gazette survey", "named_source"),
    # respondents counted as the subject: the survey named inside what they said is the source
    ("Seventy-two percent of tenants said they opposed the plan in a Harbour Gazette poll this month.",
     "Seventy-two percent", "Harbour Gazette poll", "named_source"),
    # the tagger takes "show" for a noun, yet it heads the sentence with the documents as its subject
    ("Leaked documents from the 2009 audit show he took a $5 million loss.", "a $5 million", "Leaked documents",
     "named_source"),
    # a cue that is also a verb of change or of going on is no speech over its own argument; a year or a
    # "two" in the subject changes nothing
    ("Trade between the two ports declined 40 percent over the winter.", "40 percent", None, None),
    ("Ferry travel, which became legal in 2013, continued to be a lifeline, with crossings up nearly 18 percent.",
     "nearly 18 percent", None, None),
    # a share the subject is of counts respondents, not a source
    ("An average of 10 percent of tenants reported no opinion when asked about the 40 new buses.", "40", None, None),
    # a clause joined to another without a document stays the outlet's
    ("The depot opened in May; it employs 120 drivers.", "120", None, None),
]


@pytest.mark.parametrize(("text", "number", "source", "kind"), SOURCES, ids=[s[1] for s in SOURCES])
def test_quantity_source(nlp, text, number, source, kind):
    c = _claims(nlp, text)[number]
    assert (c.source, c.source_kind) == (source, kind)


def _quote(text, content, speaker, parts=()):
    start = text.index(content)
    ev = Evidence(start, start + len(content), content, 0, len(text), text)
    pieces = []
    for piece in parts:
        s = text.index(piece)
        pieces.append(Evidence(s, s + len(piece), piece, 0, len(text), text))
    return Quote(speaker=speaker, speaker_mention=speaker, cue="say", content=content, direct=False, evidence=ev,
                 parts=tuple(pieces))


def test_quantity_source_is_the_innermost_enclosing_quote(nlp):
    text = "Ana Ruiz said the audit found that 40 percent of the fund was missing."
    outer = _quote(text, "the audit found that 40 percent of the fund was missing", "Ana Ruiz")
    inner = _quote(text, "40 percent of the fund was missing", "State Audit Office")
    c = _claims(nlp, text, (outer, inner))["40 percent"]
    assert (c.source, c.quote_index) == ("State Audit Office", 1)


def test_quantity_in_the_attribution_between_two_parts_is_not_the_quote_s(nlp):
    text = "The depot, 20 drivers told Ana Ruiz, would close."
    quote = _quote(text, "The depot, 20 drivers told Ana Ruiz, would close", "Tom Eriksen",
                   parts=("The depot", "would close"))
    c = _claims(nlp, text, (quote,))["20"]
    assert c.quote_index is None and c.source != "Tom Eriksen"


def test_quantity_source_in_a_transcript_is_the_transcript_not_an_unresolved_pronoun(nlp):
    text = ("The hearing ran late.\n\nPartial transcript as follows:\n\n"
            "They said the fund was short, but the fund kept 12 boats running.\n")
    assert _claims(nlp, text)["12"].source == "Partial transcript"


@pytest.mark.parametrize("mention", ["They", "we", "I"])
def test_quantity_source_inside_an_unresolved_pronoun_s_quote_is_the_named_outer_one(nlp, mention):
    # the inner quote names no one: the enclosing attribution with a name asserts the figure
    text = "Ana Ruiz wrote that the crews said the ferry carried 300 cars a day."
    outer = _quote(text, "the crews said the ferry carried 300 cars a day", "Ana Ruiz")
    inner = _quote(text, "the ferry carried 300 cars a day", None)
    inner = Quote(**{**inner.__dict__, "speaker_mention": mention})
    c = _claims(nlp, text, (outer, inner))["300"]
    assert (c.source, c.quote_index) == ("Ana Ruiz", 0)


def test_quantity_source_is_no_pronoun_when_no_quote_names_one(nlp):
    text = "The crews said the ferry carried 300 cars a day."
    quote = _quote(text, "the ferry carried 300 cars a day", None)
    quote = Quote(**{**quote.__dict__, "speaker_mention": "they"})
    assert _claims(nlp, text, (quote,))["300"].source != "they"


def test_quantity_source_is_not_a_share_of_respondents(nlp):
    # "64 percent believe …" inside a survey's findings: the share answered, the survey asserts the figure
    text = "The Harbour Institute survey found that 64 percent believe rents will rise by 5 percent."
    outer = _quote(text, "64 percent believe rents will rise by 5 percent", "Harbour Institute survey")
    inner = _quote(text, "rents will rise by 5 percent", "64 percent")
    assert _claims(nlp, text, (outer, inner))["5 percent"].source == "Harbour Institute survey"


LEAD_IN = ("Senator Maria Okafor of Ohio spoke to farmers in Dayton on Tuesday.\n\nOkafor told them:\n\n"
           "“The state lost 300 farms since the drought.\n\n"
           "“It pays 12 percent less than it did.\n\n"
           "“I will ask for 40 million dollars.”\n\n"
           "The hall held 500 people.\n")


@pytest.mark.parametrize(("number", "source"), [
    ("300", "Maria Okafor"),  # the paragraph right after the lead-in
    ("12 percent", "Maria Okafor"),  # the statement goes on: each paragraph opens with a quotation mark
    ("40 million dollars", "Maria Okafor"),
    ("500", None),  # a paragraph that opens without one is the outlet's again
])
def test_quantity_source_after_a_speaker_s_lead_in(nlp, number, source):
    assert _claims(nlp, LEAD_IN)[number].source == source


def test_quantity_source_lead_in_needs_a_speech_verb(nlp):
    text = "The fleet was counted in May.\n\nThe numbers:\n\nThe depot kept 40 buses and 12 ferries.\n"
    assert _claims(nlp, text)["40"].source is None


# a speech verb without a subject of its own: the subject it shares, the noun it describes, the compound
# the tagger hung on it
SHARED_SUBJECTS = [
    ("Senator Ana Ruiz won the county by promising to hire 300 new teachers.", "300", "Ana Ruiz"),
    ("Councillors proposing millions in new harbour spending face hard questions.", "millions", "Councillors"),
    ("At the hearing, the treasurer boasted of his skill in cutting $2 million from the budget.", "$2 million",
     "treasurer"),
    ("The harbour board borrowed thousands of pounds over the winter, county ledgers show.",
     "thousands of pounds", "county ledgers"),
]


@pytest.mark.parametrize(("text", "number", "source"), SHARED_SUBJECTS, ids=[s[1] for s in SHARED_SUBJECTS])
def test_quantity_source_speech_verb_shares_its_subject(nlp, text, number, source):
    assert _claims(nlp, text)[number].source == source


def test_quantity_source_not_the_thing_a_verb_of_setting_a_figure_describes(nlp):
    # "notices seeking …": the purpose of a thing, not a statement by it
    text = "The port posted notices seeking the return of 14 stolen buoys."
    assert _claims(nlp, text)["14"].source != "notices"


CONTINUED = ("Mayor Tom Eriksen said that the harbour had survived worse winters and that it would recover by "
             "spring.\n\n“The ferry still carries nearly 300 cars a day, more than any other crossing on the "
             "coast.”\n\n"
             "His “40 percent” remark drew laughter in the hall.\n")


@pytest.mark.parametrize(("number", "source"), [
    ("nearly 300", "Tom Eriksen"),  # a quotation that goes on with the statement attributed just before it
    ("40 percent", None),  # a phrase in scare quotes is no statement
])
def test_quantity_source_in_a_quotation_that_continues_a_statement(nlp, number, source):
    assert _claims(nlp, CONTINUED)[number].source == source



# a law's provisions, a noun-tagged speech verb before "that", a lead-in ending in a colon, the owner of
# a figure put forward
MORE_SOURCES = [
    ("The ordinance also requires two inspections a year, and bans tolls after 20 years.", "20 years",
     "ordinance"),
    ("The Harbour campaign projects that a levy on ferry tickets would bring in $4 million a year.",
     "$4 million", "campaign"),
    ("The Harbour Institute's survey found a split among riders over the ferry: 41 percent want a second boat, "
     "against 35 percent in 2019.", "41 percent", "Harbour Institute's survey"),
    ("The Harbour Gazette is buying new presses, with plans to invest more than $3 million in the plant.",
     "more than $3 million", "Harbour Gazette"),
    ("The council will vote on the developer's proposal to add 40 berths to the marina.", "40", "developer"),
    ("In Mayor Tom Eriksen's view, 40 percent of the budget is too much.", "40 percent", "Tom Eriksen"),
]


@pytest.mark.parametrize(("text", "number", "source"), MORE_SOURCES, ids=[s[1] for s in MORE_SOURCES])
def test_quantity_source_provisions_lead_ins_and_figures_put_forward(nlp, text, number, source):
    assert _claims(nlp, text)[number].source == source


def test_quantity_source_a_count_of_proposals_is_no_figure_they_put_forward(nlp):
    text = "The mayor's two proposals drew a large crowd."
    assert _claims(nlp, text)["two"].source is None


# a verb of taking a position on a figure: the subject objects to, questions or acknowledges the amount
STANCES = [
    ("The union balked at hiring 300 more drivers.", "300", "union"),
    ("The council questioned the 12 percent raise.", "12 percent", "council"),
    ("The union recognizes that thousands of drivers still work without contracts.", "thousands", "union"),
]


@pytest.mark.parametrize(("text", "number", "source"), STANCES, ids=[s[1] for s in STANCES])
def test_quantity_source_stance_verb(nlp, text, number, source):
    assert _claims(nlp, text)[number].source == source


def test_quantity_source_of_counted_statements_is_their_speaker(nlp):
    # the things counted are what the relative clause says someone said
    text = "The column listed five silly things the ferry operator had said about fares."
    assert _claims(nlp, text)["five"].source == "ferry operator"


def test_quantity_source_counted_speakers_are_no_source(nlp):
    text = "The 40 drivers who said they would strike met on Monday."
    assert _claims(nlp, text)["40"].source is None


@pytest.mark.parametrize(("text", "number", "source"), [
    # an attribution set off by commas, whatever the parser made of it
    ("Over the summer, port records show, the ferry made 310 crossings.", "310", "port records"),
    ("The tug was valued at $2 million last year, registry filings show, and it has since been sold.",
     "$2 million", "registry filings"),
    # a participle the tagger reads as a verb, and "one" before the noun
    ("Lind gave her own campaign thousands of dollars in March, filing records show.",
     "thousands of dollars", "filing records"),
    ("Nearly 4,000 dock jobs rely on the ferry as well, one chart says.", "Nearly 4,000", "one chart"),
    # the "one" of the attribution is no figure it asserts
    ("Nearly 4,000 dock jobs rely on the ferry as well, one chart says.", "one", None),
    # a speech verb the tagger took for a plural name, and a comma inside the closing quotation mark
    ("Sick pay, the rulebook states, becomes payable after 1 year of service.", "1 year", "rulebook"),
    ('"Paid holiday," the staff manual states, begins "once a worker has served 1 year."', "1 year",
     "staff manual"),
    # a capitalised "States" is a name, not a verb
    ("Trade with Canada, the United States, grew by 4 percent.", "4 percent", None),
])
def test_quantity_source_parenthetical_attribution(nlp, text, number, source):
    assert _claims(nlp, text)[number].source == source


def test_quantity_source_according_to_in_another_part_of_a_semicolon_list(nlp):
    # each part of a list joined by semicolons is its own statement: a later part's "according to" is not
    # the source of an earlier part's figure
    text = ("Acme keeps $20 billion in reserves; Zenith keeps $3 billion and lists 900 depots, according to its "
            "annual filing.")
    assert _claims(nlp, text, quotes=())["$20 billion"].source is None  # the rule alone, without quotes


# an attribution that stands first governs the clauses a semicolon adds; one that ends its clause does not
SEMICOLON_PARTS = [
    ("The auditors reported that Acme holds $20 billion abroad; Zenith holds $3 billion.", "$3 billion",
     "auditors"),
    ("As a Harbour Institute study from 2010 noted, the average age of the town's doctors was 52; the average "
     "age of its nurses was 38.", "38", "Harbour Institute"),
    ("Acme holds $20 billion abroad, the auditors said; Zenith holds $3 billion.", "$3 billion", None),
    # the later part has a speech verb of its own, with respondents as its subject
    ("Most renters say they follow the race; 26 percent of owners say they do not, compared with 11 percent of "
     "renters.", "11 percent", None),
    # no attribution in the first part at all
    ("Acme holds $20 billion abroad; Zenith holds $3 billion.", "$3 billion", None),
]


@pytest.mark.parametrize(("text", "number", "source"), SEMICOLON_PARTS, ids=[s[0][:30] for s in SEMICOLON_PARTS])
def test_quantity_source_fronted_attribution_over_semicolon_parts(nlp, text, number, source):
    assert _claims(nlp, text)[number].source == source


@pytest.mark.parametrize(("text", "number", "source"), [
    # an "as" clause vouches for the clause it hangs on, a passive one through its agent
    ("As reported by the Harbour Gazette, the city set a $15 fee last year.", "a $15", "Harbour Gazette"),
    ("As reported by the Harbour Gazette, there are 150 berths at stake in the vote.", "150", "Harbour Gazette"),
    # the agent of any other passive speech verb is who wrote or asked, not who asserted the figure
    ("The ballad about the 41 sailors was written by Tom Eriksen after the storm.", "41", None),
])
def test_quantity_source_as_clause_passive_agent(nlp, text, number, source):
    assert _claims(nlp, text)[number].source == source


@pytest.mark.parametrize(("text", "number", "source"), [
    # respondents speak inside a report: the report asserts the share (the rule alone, without quotes)
    ("The Harbour Gazette poll also finds that 22 percent of renters say the mayor is not to blame.",
     "22 percent", "Harbour Gazette poll"),
    ("Between 40 and 90 residents turned out for every hearing, Mayor Tom Eriksen said.", "Between 40 and 90",
     "Tom Eriksen"),
    # one person the number describes is no group of respondents: whoever reports them is not reached
    ("Mayor Tom Eriksen said the mother of three replied that the fee was too high.", "three", None),
])
def test_quantity_source_respondents_inside_a_report(nlp, text, number, source):
    assert _claims(nlp, text, quotes=())[number].source == source


def test_quantity_source_the_author_of_a_document_speaks_through_it(nlp):
    # "stated in its annual report": the one who stated it, not the report, is named (the rule alone)
    text = "Ferry fares rose 4 percent, the bureau stated in its annual report, and bus fares rose 2 percent."
    assert _claims(nlp, text, quotes=())["2 percent"].source == "bureau"


FINDING_SUBJECTS = [
    # a finding document as the subject of the number's clause states it, whatever its verb
    ("A new tally gives the mayor 312 votes.", "312", "new tally"),
    ("The latest survey had Mayor Lind at 41 percent among dock workers.", "41 percent", "latest survey"),
    # named by the author the words before it give
    ("The Harbour Gazette's ranking puts the port fourth with 41 ships.", "41", "Harbour Gazette"),
    # the thing measured, not a source: a cost, a change, a level, a name
    ("The report cost the council $2 million.", "$2 million", None),
    ("The harbour index closed down 24 points.", "24", None),
    ("The ferry tally was 9,000 crossings.", "9,000", None),
    ("A poll of 500 voters was published on Monday.", "500", None),
]


@pytest.mark.parametrize(("text", "number", "source"), FINDING_SUBJECTS, ids=[s[1] for s in FINDING_SUBJECTS])
def test_quantity_source_finding_document_as_subject(nlp, text, number, source):
    assert _claims(nlp, text)[number].source == source


def test_quantity_source_name_with_age_before_the_speech_verb(nlp):
    # "Name, 44, said": the parser leaves "said" without a subject; the name before the age speaks
    text = "In her testimony, Dana Whitfield, 52, said that she had overcharged about 100 tenants."
    assert _claims(nlp, text)["about 100"].source == "Dana Whitfield"


@pytest.mark.parametrize(("text", "number", "source"), [
    # a document phrase on a noun of the number's own clause
    ("Support for the ferry plan in the newest Harbour Gazette poll sits at 53%.", "53%",
     "newest Harbour Gazette poll"),
    ("Only 18 percent of dockworkers back the merger in a fresh Gazette survey.", "Only 18 percent",
     "fresh Gazette survey"),
    # not a document the clause only acts on, nor one in a clause it embeds
    ("The council spent $3 million on the survey in May.", "$3 million", None),
    ("The mayor said the 40 ferries were mentioned in a survey.", "40", "mayor"),
])
def test_quantity_source_document_phrase_on_a_noun_of_the_clause(nlp, text, number, source):
    assert _claims(nlp, text)[number].source == source


@pytest.mark.parametrize(("text", "number", "source"), [
    # the words before a list name its author: a name, a possessive pronoun resolved, never a common noun
    ("A Harbour Council list of at least 18 ports includes four other towns.", "at least 18", "Harbour Council"),
    ("The Harbour Party released its list of 25 names for the council.", "25", "Harbour Party"),
    ("The committee kept a donor list of 85 shipowners in a drawer.", "85", None),
])
def test_quantity_source_author_of_a_list(nlp, text, number, source):
    assert _claims(nlp, text)[number].source == source


@pytest.mark.parametrize(("text", "number", "source"), [
    # the name in apposition to a common noun names the source
    ("The ferry was late 40 times last year, according to the watchdog group Harbour Watch.", "40",
     "Harbour Watch"),
    # calculations are a document whose author "by" names
    ("Each berth would cost roughly $40,000 a year, according to calculations by Dana Lind.", "roughly $40,000",
     "Dana Lind"),
])
def test_quantity_source_apposition_and_author_of_calculations(nlp, text, number, source):
    assert _claims(nlp, text)[number].source == source

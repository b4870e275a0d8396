"""Speaker names that the tagger ran into the words after them (kg.extract.coref): a Title Case headline
makes every word a proper noun, so the name stops before the first word no name holds. Articles written
for these tests."""

from __future__ import annotations

import pytest

from kg.extract.coref import Resolver
from kg.extract.entities import extract_entities
from kg.extract.quotes import extract_quotes


@pytest.mark.parametrize("text, name, expected", [
    ("Vance Says He Never Promised To Close The Schools.", "Vance Says He Never", "Vance"),
    ("Vance May Not Have Proposed A Registry.", "Vance May Not", "Vance"),
    ("Prime Minister Theresa May Will Meet The Unions.", "Theresa May Will", "Theresa May"),
    ("Theresa May met the unions on Monday.", "Theresa May", None),  # a modal word before no verb is a name
    ("Will Hunt met the unions on Monday.", "Will Hunt", None),  # the first word is never cut
])
def test_a_name_stops_before_words_no_name_holds(nlp, text, name, expected):
    doc = nlp(text)
    resolver = Resolver(doc, extract_entities(doc))
    start = text.index(name)
    cut = resolver._name_end(start, start + len(name))
    assert (None if cut is None else text[start:cut]) == expected


def test_a_title_case_headline_speaker_is_the_person_named(nlp):
    text = ("Vance Says He Never Promised To Close The Harbor Schools.\n\n"
            "Mayor Ellen Vance said on Monday that the harbor schools would stay open.\n\n"
            "Vance May Not Have Proposed A Registry, But He Fully Backed One.\n")
    doc = nlp(text)
    quotes = list(extract_quotes(doc, extract_entities(doc)))
    speakers = {q.speaker for q in quotes}
    assert quotes and speakers == {"Ellen Vance"}, [(q.speaker, q.content) for q in quotes]


def _direct(nlp, text):
    doc = nlp(text)
    return [(q.speaker, q.speaker_mention, q.cue, q.content) for q in extract_quotes(doc, extract_entities(doc))
            if q.direct]


# (what the rule is about, article, start of the quote, expected speaker, expected mention)
LEAD_INS = [
    ("a reporting participle after the clause it follows",
     "Ray Dale told the board the plan was sound, adding, “We will start the work in May.”\n",
     "We will start", "Ray Dale", "Ray Dale"),
    ("a participle without a comma after it",
     "Jo Rist posted a photo of the crowd, writing “Best day of the whole campaign so far.”\n",
     "Best day", "Jo Rist", "Jo Rist"),
    ("any verb straight after the name after the marks",
     "“Go back to your own town,” Ortiz barked and a guard led the man out.\n", "Go back", "Ortiz", "Ortiz"),
    ("a live blog's source after a dash, not the clause before it",
     "The polls moved late - Maria Ochoa: “The last week of polling decided the race in the end.”\n",
     "The last week", "Maria Ochoa", "Maria Ochoa"),
    ("a dash ends the name before it",
     "THE HARBOR VOTE FAVORS VANCE, BUT TAXES FAVOR ORTIZ - Maria Ochoa: “The harbor city has long looked "
     "like a fork in the road.”\n", "The harbor city", "Maria Ochoa", "Maria Ochoa"),
    ("here is X: presents the speaker", "Here is Ortiz in May 2009: “The port will need a new crane soon.”\n",
     "The port will", "Ortiz", "Ortiz"),
    ("a surname typed with a curly apostrophe is a name",
     "When a caller asked the mayor which plan would pass, D’Souza replied, “Given the votes today, I "
     "would pick the harbor plan.”\n", "Given the votes", "D’Souza", "D’Souza"),
    ("a chant straight after its verb", "The protesters chanted, “No toll!” as the mayor walked in.\n",
     "No toll!", None, "protesters"),
    ("a shout belongs to who shouted, not to a speaker before",
     "The hall booed, and when Vance thanked the city and said it was good to be back, a man yelled “Go home!”\n",
     "Go home!", None, "man"),
]


@pytest.mark.parametrize("rule, text, start, speaker, mention", LEAD_INS, ids=[r[0] for r in LEAD_INS])
def test_direct_lead_ins(nlp, rule, text, start, speaker, mention):
    found = [(s, m) for s, m, _, c in _direct(nlp, text) if c.startswith(start)]
    assert found == [(speaker, mention)], _direct(nlp, text)


@pytest.mark.parametrize("text", [
    "He wore a “Vote Vance” badge all day.\n",  # a slogan in marks, no speech verb before it
    "The ad, titled “Tax Hike!”, ran on Monday.\n",  # a title, even with "!"
    "She never shouted “No toll!” at anyone.\n",  # a negated verb says nothing was shouted
])
def test_short_quotes_without_a_speech_verb_are_no_statements(nlp, text):
    assert _direct(nlp, text) == []


def test_an_added_piece_is_a_statement_of_its_own(nlp):
    text = ("“We will not pay for a bridge nobody asked for,” Quill said, adding, “The harbor belongs to the "
            "fishermen.”\n\n“We will build it,” she said, “and we will pay for it ourselves.”\n")
    quotes = _direct(nlp, text)
    assert [(c, cue) for _, _, cue, c in quotes] == [
        ("We will not pay for a bridge nobody asked for", "say"),
        ("The harbor belongs to the fishermen.", "add"),
        ("We will build it … and we will pay for it ourselves.", "say"),
    ]


def test_she_as_the_subject_before_hands_on_her_antecedent(nlp):
    # the sentence before names Rita Gomez only as an object; its subject "She" is Ana Ferre
    text = ("Ana Ferre said the city would do well.\n\nShe pointed to the strong showing of Mayor Rita Gomez in "
            "the north. “I think that tells you everything,” she said.\n")
    found = [(s, m) for s, m, _, c in _direct(nlp, text) if c.startswith("I think that")]
    assert found == [("Ana Ferre", "she")]


def test_a_speaking_surname_is_the_person_not_the_company_named_after_her(nlp):
    from kg.extract.entities.document import DocEntities
    from kg.records import Entity, Mention

    text = "Ellen Vance runs the port.\n\nVance said on Sunday that the port would stay open.\n"
    doc = nlp(text)
    at = text.index("Vance said")
    # the entity tagger gave the bare surname to the company named after her
    person = Entity("Ellen Vance", "Person", (Mention("Ellen Vance", 0, 11, "PERSON"),))
    company = Entity("Vance Holdings", "Company", (Mention("Vance", at, at + 5, "ORG"),))
    ents = DocEntities([person, company], {**dict.fromkeys(range(0, 11), 0), **dict.fromkeys(range(at, at + 5), 1)})
    resolver = Resolver(doc, ents)
    spk = resolver.resolve(next(t for t in doc if t.idx == at))
    assert (spk.name, spk.type) == ("Ellen Vance", "Person")


@pytest.mark.parametrize("text, speakers", [
    ("Harbor Times\n\nNorth Dock Waiting Times: 13 hrs 15 hrs South Dock: 4 hrs 26 hrs\n", set()),  # a table row
    ("Harbor Times\n\nPratt: Toll Plan Is a Tax on Commuters\n", {"Pratt"}),
    ("Harbor Times\n\nOchoa: No Outside Influence On The Harbor Probe\n", {"Ochoa"}),  # no verb, still words
])
def test_a_speaker_label_attributes_a_statement_not_a_table_row(nlp, text, speakers):
    doc = nlp(text)
    assert {q.speaker for q in extract_quotes(doc, extract_entities(doc)) if q.cue == "label"} == speakers

"""Quote attribution: sentence(s) → expected (speaker, cue, content, direct)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract.entities import extract_entities
from kg.extract.quotes import evidence, extract_quotes, mark_pairs, paragraphs

DATA = Path(__file__).parent / "data" / "quotes"


def quotes_of(nlp, text):
    doc = nlp(text)
    return doc, list(extract_quotes(doc, extract_entities(doc)))


def tuples(quotes):
    return [(q.speaker, q.cue, q.content, q.direct) for q in quotes]


# (id, text, one expected (speaker, cue, content, direct) among the quotes found)
CASES = [
    ("after-curly", "“We will win this case,” Maria Lopez said.",
     ("Maria Lopez", "say", "We will win this case", True)),
    ("after-inverted", '"Prices will keep rising," said John Smith, an economist at the bank.',
     ("John Smith", "say", "Prices will keep rising", True)),
    ("pronoun", "Angela Merkel arrived on Monday. “We are ready to talk,” she said.",
     ("Angela Merkel", "say", "We are ready to talk", True)),
    ("before-colon", "Finance Minister Mario Draghi wrote: “The crisis is not over yet.”",
     ("Mario Draghi", "write", "The crisis is not over yet.", True)),
    ("split-second-half", "John Smith chaired the meeting. “The plan is ready,” Smith said. “We only need money.”",
     ("John Smith", "say", "The plan is ready … We only need money.", True)),
    ("em-dash", "“This verdict changes everything” — Roger Cox, lawyer for the plaintiffs.",
     ("Roger Cox", None, "This verdict changes everything", True)),
    ("sentence-before-other-paragraph", "Ana Costa said the talks had stalled.\n“There is simply no progress.”",
     ("Ana Costa", "say", "There is simply no progress.", True)),
    # an opening mark never closed, attributed by the next sentence (seed 000)
    ("unclosed-speaker-after", "Jan Novak spoke in Prague. “We are running out of time. In a speech on Monday, "
     "he said that the budget had to pass this week.",
     ("Jan Novak", "say", "We are running out of time.", True)),
    ("unclosed-speaker-after-reported", "Jan Novak spoke in Prague. “We are running out of time. In a speech on "
     "Monday, he said that the budget had to pass this week.",
     ("Jan Novak", "say", "the budget had to pass this week", False)),
    ("unclosed-trailing-attribution", "Jan Novak spoke first. “The budget must pass this week. Otherwise the "
     "schools will close, he continued.",
     ("Jan Novak", "continue", "The budget must pass this week. Otherwise the schools will close", True)),
    # a hard line break inside a quotation (seed 002)
    ("broken-line", "“The budget must pass. This\n\nwill keep the schools open,” Jan Novak said.",
     ("Jan Novak", "say", "The budget must pass. This\n\nwill keep the schools open", True)),
    # a closing mark typed as an opening one before the attribution (seeds 000, 003)
    ("closer-typed-as-opener", '"Exports fell sharply this year. "President Maria Silva previously said at a '
     "cabinet meeting.", ("Maria Silva", "say", "Exports fell sharply this year.", True)),
    ("curly-closer-typed-as-opener", "“Talk to the businesses and the government about this “Maria Silva told the "
     "mayor.", ("Maria Silva", "tell", "Talk to the businesses and the government about this", True)),
    ("misplaced-closer-before-attribution", 'The bank reported a loss. "Foreign lenders came to check our books." '
     'For example, they examined every account. "Peter Olsen said.',
     ("Peter Olsen", "say", 'Foreign lenders came to check our books." For example, they examined every account.',
      True)),
    ("misplaced-closer-before-name-fragment", 'The main risk is that we will be cut off from payments. "Peter '
     'Olsen, chairman of the board of Nordic Savings Bank.',
     ("Peter Olsen", None, "The main risk is that we will be cut off from payments.", True)),
    ("multi-paragraph", '"Growth will depend on copper," Mario Marcel said. "We are prepared for a weaker '
     'scenario.\n\n"Our fiscal rules give us room to respond."',
     ("Mario Marcel", "say", "Growth will depend on copper … We are prepared for a weaker scenario. … Our fiscal "
      "rules give us room to respond.", True)),
    # reported speech
    ("said-that", "Maria Silva said that exports had fallen sharply.",
     ("Maria Silva", "say", "exports had fallen sharply", False)),
    ("told-y-that", "In March, Roman Petrov, the deputy foreign minister, told reporters that foreign firms were "
     "welcome.", ("Roman Petrov", "tell", "foreign firms were welcome", False)),
    ("coordinated-verbs", "Maria Silva noted the rise in exports and stated that the new port should open next year.",
     ("Maria Silva", "state", "the new port should open next year", False)),
    ("content-first-nominal", "Kazakh President Kassym-Jomart Tokayev spoke in Astana on Thursday.\nKazakhstan "
     "must attract more investors, the ex-Soviet republic’s president said.",
     ("Kassym-Jomart Tokayev", "say", "Kazakhstan must attract more investors", False)),
    ("cataphoric-nominal", "Kazakhstan must attract more investors, the ex-Soviet republic’s president said "
     "Thursday.\nKazakh President Kassym-Jomart Tokayev has walked a diplomatic tightrope.",
     ("Kassym-Jomart Tokayev", "say", "Kazakhstan must attract more investors", False)),
    ("according-to-group", "According to Kazakh officials, 200,000 Russians crossed the border in September.",
     ("Kazakh officials", "according_to", "200,000 Russians crossed the border in September", False)),
    ("according-to-org", "According to the Ministry of Internal Affairs, more than 1.6 million people entered the "
     "country.", ("Ministry of Internal Affairs", "according_to",
                  "more than 1.6 million people entered the country", False)),
    ("spun-according-to", "In accordance with Kazakh officials, 200,000 Russians crossed the border in September.",
     ("Kazakh officials", "according_to", "200,000 Russians crossed the border in September", False)),
    ("according-to-verbless", "According to him, a disaster for everyone involved.", None),
    ("according-to-trailing", "Exports rose by 5% last year, according to the World Bank.",
     ("World Bank", "according_to", "Exports rose by 5% last year", False)),
    ("according-to-after-adverbials", "In addition, recently, according to Sagintayev, a member of the board, more "
     "than 100 companies have applied.",
     ("Sagintayev", "according_to", "more than 100 companies have applied", False)),
    ("org-said", "The Ministry of Defence said that the exercise had ended.",
     ("Ministry of Defence", "say", "the exercise had ended", False)),
    ("proposal-gerund", "Kassym-Jomart Tokayev spoke on Monday. Tokayev proposed creating “favorable conditions” "
     "for foreign companies.",
     ("Kassym-Jomart Tokayev", "propose", "creating “favorable conditions” for foreign companies", False)),
    # a clause before a colon introduces the speaker, it is not what he pledged (seed 003)
    ("colon-then-pledge", "You should recall the statement made by Timur Suleimenov during his visit to "
     "Brussels: he pledged that Kazakhstan would comply with the sanctions.",
     ("Timur Suleimenov", "pledge", "Kazakhstan would comply with the sanctions", False)),
    ("participle", "Chile's central bank kept rates unchanged on Wednesday, saying inflation remained too high.",
     ("Chile's central bank", "say", "inflation remained too high", False)),
    ("spokesperson-of-org", "Royal Dutch Shell lost the case. “We will appeal the decision,” a Shell spokesperson "
     "said.", ("Royal Dutch Shell", "say", "We will appeal the decision", True)),
    ("it-said", "Siemens reported higher profits on Tuesday. It said that demand for trains had doubled.",
     ("Siemens", "say", "demand for trains had doubled", False)),
    ("the-company-said", "Siemens reported higher profits on Tuesday. The company said that demand for trains had "
     "doubled.", ("Siemens", "say", "demand for trains had doubled", False)),
    ("owner-of-report", "Royal Dutch Shell lost the case. Its emissions rose last year, according to the "
     "company's own sustainability report.",
     ("Royal Dutch Shell", "according_to", "Its emissions rose last year", False)),
    ("press-service-of-org", "According to the press service of the Ministry of Defense, the plan was checked "
     "during the exercise.", ("Ministry of Defense", "according_to", "the plan was checked during the exercise",
                              False)),
    ("name-tagged-as-noun", "“This is a victory,” said Donald Pols. Pols said the ruling would “have major "
     "consequences” for polluters.",
     ("Donald Pols", "say", "the ruling would “have major consequences” for polluters", False)),
    # "asked" attributes; "the protests would continue" does not, though "continue" can ("…, he continued")
    ("question-asked", "Arnaud Rousseau told AFP that the protests would continue. “Will the government finally "
     "listen to us?” he asked. “We have been patient for two years.”",
     ("Arnaud Rousseau", "ask", "Will the government finally listen to us? … We have been patient for two years.",
      True)),
    ("nested-according-to", "Prime Minister Michel Barnier insists the deal cannot go ahead without changes, "
     "according to people familiar with his thinking.",
     ("Michel Barnier", "insist", "the deal cannot go ahead without changes", False)),
    ("partial-quote-closing-mark-kept", 'Arnaud Rousseau told AFP that the protests would continue "as long as '
     'necessary".', ("Arnaud Rousseau", "tell", 'the protests would continue "as long as necessary"', False)),
    # a company speaking about itself: the subject of what it said names it (NER missed "Wizz Air")
    ("the-carrier-said", "LONDON (Reuters) - Wizz Air will cut about 10% of its summer flights because engine "
     "checks grounded its Airbus jets, the Hungarian carrier said on Monday.",
     ("Wizz Air", "say", "Wizz Air will cut about 10% of its summer flights because engine checks grounded its "
      "Airbus jets", False)),
    # the subject of the main clause, not the embedded "Wizz", is who "he" is
    ("pronoun-main-clause-subject", "Jozsef Varadi added that Wizz would not raise fares. “That would be the wrong "
     "answer,” he said.", ("Jozsef Varadi", "say", "That would be the wrong answer", True)),
    ("name-particles", "European Commission President Ursula von der Leyen said on X: \"It takes a rare strength "
     "to overcome this.\"", ("Ursula von der Leyen", "say", "It takes a rare strength to overcome this.", True)),
    ("partial-quote-first-and-period-inside", 'Maia Sandu spoke late on Sunday, adding that "thieves" had tried to '
     'steal the election. In a post, she wrote that Moldovans had "given a lesson in democracy."',
     ("Maia Sandu", "write", 'Moldovans had "given a lesson in democracy."', False)),
    ("direct-according-to-after", "“The border will stay open to all visitors,” according to Aslan Atalikov.",
     ("Aslan Atalikov", "according_to", "The border will stay open to all visitors", True)),
    ("direct-according-to-before", "According to Aslan Atalikov, “the border will stay open to all visitors.”",
     ("Aslan Atalikov", "according_to", "the border will stay open to all visitors.", True)),
    # TASS style: a dash before the attribution, a participle parse of "reported", «guillemets»
    ("dash-then-verb", '"This is an ambitious but realistic goal," - Kazakh President Kassym-Jomart Tokayev said.',
     ("Kassym-Jomart Tokayev", "say", "This is an ambitious but realistic goal", True)),
    ("reported-parsed-as-participle", "ASTANA, March 12. /TASS/. Kazakhstan and Uzbekistan will build a joint "
     "industrial zone on their border, the press service of the Kazakh president reported on Tuesday. Kazakh "
     "President Kassym-Jomart Tokayev held talks.",
     ("Kassym-Jomart Tokayev", "report", "Kazakhstan and Uzbekistan will build a joint industrial zone on their "
      "border", False)),
    ("guillemets", "Shavkat Mirziyoyev spoke next. «Our peoples are bound by centuries of friendship», he stressed.",
     ("Shavkat Mirziyoyev", "stress", "Our peoples are bound by centuries of friendship", True)),
    # never a wrong guess: the only president the document names is Kazakh
    ("role-of-another-country-unresolved", "Kazakh President Kassym-Jomart Tokayev met Shavkat Mirziyoyev. «Our "
     "peoples are bound by friendship», the Uzbek president stressed.",
     (None, "stress", "Our peoples are bound by friendship", True)),
    pytest.param(
        "generic-leader", "Kazakh President Kassym-Jomart Tokayev spoke. According to the Kazakh leader, the two "
        "countries are discussing a water company.",
        ("Kassym-Jomart Tokayev", "according_to", "the two countries are discussing a water company", False),
        marks=pytest.mark.xfail(strict=True, reason="'leader' is not the title the person was given "
                                "(president); mapping generic roles needs a role hierarchy")),
    ("who-said", "The plan was criticised by Maria Silva, who said that it would cost too much.",
     ("Maria Silva", "say", "it would cost too much", False)),
    pytest.param(
        "the-board-of-the-bank", "Chile's central bank held rates. In a statement, the bank's board said that price "
        "pressures had eased.", ("Chile's central bank", "say", "price pressures had eased", False),
        marks=pytest.mark.xfail(strict=True, reason="'the bank' is a generic noun whose antecedent is itself a "
                                "common-noun phrase, not a named organisation; coref only links to named ones")),
]


@pytest.mark.parametrize("name,text,expected", CASES)
def test_quotes_table(nlp, name, text, expected):
    _, quotes = quotes_of(nlp, text)
    if expected is None:  # must simply not fail
        return
    assert expected in tuples(quotes)


# (id, text, content that must not come out as a quote of its own)
NOT_QUOTES = [
    ("scare-quote", "Tokayev proposed creating “favorable conditions” for foreign companies.", "favorable conditions"),
    ("title", "She wrote the book “Central Asia’s Economic Rebirth in the Shadow of the New Great Game,” published "
     "in May.", "Central Asia’s Economic Rebirth in the Shadow of the New Great Game"),
    ("short-name", "Officials view them as “prize captures” for the economy.", "prize captures"),
    ("partial-in-clause", "30% of respondents feared that “supporters of the Russian world” were infiltrating.",
     "supporters of the Russian world"),
    ("quote-used-as-phrase", "Tokayev said the economy grew. “Build back better for everyone” was the slogan.",
     "Build back better for everyone"),
    ("headline-fragment", 'Some headlines were rhetoric: "Washington takes control of Astana "; "Irreversible '
     'consequences".', "Washington takes control of Astana"),
]


@pytest.mark.parametrize("name,text,content", NOT_QUOTES)
def test_quotes_not_standalone(nlp, name, text, content):
    _, quotes = quotes_of(nlp, text)
    assert all(not (q.direct and q.content == content) for q in quotes)


@pytest.mark.parametrize("text", [
    "The sanctions continue to bite, and prices keep rising.",
    "A short description can explain what effect sanctions will have.",
])
def test_quotes_inanimate_subject_is_no_speaker(nlp, text):
    _, quotes = quotes_of(nlp, text)
    assert quotes == []


def test_quotes_unnamed_source_keeps_null_speaker_and_reason(nlp):
    _, quotes = quotes_of(nlp, "Many observers say the deal will collapse within a year.")
    assert tuples(quotes) == [(None, "say", "the deal will collapse within a year", False)]
    assert "unnamed source" in quotes[0].reason
    assert quotes[0].speaker_mention == "Many observers"


def test_quotes_unattributed_sentence_is_no_claim(nlp):
    text = "The talks ended.\n\n“Nothing will change until the election.”"
    _, quotes = quotes_of(nlp, text)
    assert quotes == []


def test_quotes_unattributed_sentence_still_continues_a_quotation(nlp):
    text = "“The talks ended,” Vera Lind said.\n\n“Nothing will change until the election.”"
    _, quotes = quotes_of(nlp, text)
    assert tuples(quotes) == [("Vera Lind", "say", "The talks ended … Nothing will change until the election.", True)]


def test_quotes_unbalanced_mark_loses_only_its_paragraph(nlp):
    text = ("Djoomart Otorbaev is a former prime minister. He wrote: “Bishkek has changed a lot this year.\n\n"
            "Aida Bekova said that rents had doubled.\n\n“Prices are out of control,” Bekova said.")
    _, quotes = quotes_of(nlp, text)
    assert tuples(quotes) == [
        ("Djoomart Otorbaev", "write", "Bishkek has changed a lot this year.", True),
        ("Aida Bekova", "say", "rents had doubled", False),
        ("Aida Bekova", "say", "Prices are out of control", True),
    ]


def test_quotes_dangling_closer_is_harmless(nlp):
    text = "Aslan Atalikov spoke. According to him, the border will stay open to all visitors.”"
    _, quotes = quotes_of(nlp, text)
    assert tuples(quotes) == [("Aslan Atalikov", "according_to", "the border will stay open to all visitors", False)]


def test_quotes_evidence_offsets(nlp):
    text = "Angela Merkel arrived on Monday.\n“We are ready to talk,” she said. She said that talks would resume."
    doc, quotes = quotes_of(nlp, text)
    assert len(quotes) == 2
    for q in quotes:
        ev = q.evidence
        assert text[ev.start : ev.end] == ev.text == q.content
        assert text[ev.sentence_start : ev.sentence_end] == ev.sentence
        assert ev.sentence_start <= ev.start < ev.end <= ev.sentence_end
        sev = q.speaker_evidence
        assert text[sev.start : sev.end] == q.speaker_mention == "she" or q.speaker_mention == "She"
        assert q.speaker_type == "Person"
        assert 0 < q.confidence <= 1


def test_quotes_evidence_helper(nlp):
    doc = nlp("First sentence here. Second one is longer.")
    ev = evidence(doc, 21, 27)
    assert (ev.text, ev.sentence) == ("Second", "Second one is longer.")


@pytest.mark.parametrize("text,expected", [
    ('a "b c" d', [(2, 6)]),
    ("“one” and “two”", [(0, 4), (10, 14)]),
    # a closing mark with nothing open is dropped, the next quotation still pairs
    ("x.” “y z”", [(4, 8)]),
    # unclosed at the end of its paragraph; the next paragraph is untouched
    ("“open\n“a” b", [(0, None), (6, 8)]),
    # the next line closes it: a hard line break inside the quotation
    ("“open\nmore,” he said", [(0, 11)]),
])
def test_quotes_mark_pairs(text, expected):
    assert [(o, c) for o, c, _, _ in mark_pairs(text)] == expected


def test_quotes_paragraphs():
    assert paragraphs("a\n\n  b c \nd") == [(0, 1), (5, 8), (10, 11)]


def test_quotes_own_articles_match_expectations(nlp):
    """The wire-style articles in data/quotes/ against their hand-written expectations (gold.ndjson)."""
    gold = [json.loads(ln) for ln in (DATA / "gold.ndjson").read_text(encoding="utf-8").splitlines() if ln]
    found = 0
    for path in sorted(DATA.glob("*.txt")):
        _, quotes = quotes_of(nlp, path.read_text(encoding="utf-8").strip())
        got = {(q.speaker, q.content) for q in quotes}
        for g in (g for g in gold if g["doc"] == path.stem):
            found += any(g["content"] in c or c in g["content"] for s, c in got if s and g["speaker"] in s)
    assert found >= 0.9 * len(gold)


def test_quotes_query_filters_stored_quotes(nlp, tmp_path):
    """`kg quotes` runs kg/query/quotes.rq with its VALUES line filled in (could move to tests/query/)."""
    from kg.cli.cmd_quotes import quotes_query
    from kg.rdf.mapping import document_graph, document_metadata
    from kg.records import Document, Extraction
    from kg.store import open_store

    text = ("“We will appeal the decision,” Maria Lopez said. Pedro Alves said that the ruling was fair.\n"
            'Many observers say the "deal" will collapse.')
    doc = nlp(text)
    ents = extract_entities(doc)
    document = Document(id="d1", text=text, source_path="d1.txt", content_hash="x", publisher="Daily Planet",
                        date="2024-05-01")
    ex = Extraction(document=document, entities=tuple(ents.entities), quotes=tuple(extract_quotes(doc, ents)))
    store = open_store(str(tmp_path / "store"))
    store.replace_document("d1", document_graph(ex), document_metadata(document, "test"))

    def ask(speaker=None, about=None):
        return [(r["speaker"], r["content"], r["publisher"], str(r["date"])) for r in
                store.select(quotes_query(speaker, about))[1]]

    assert len(ask()) == 3
    assert ask(speaker="lopez") == [("Maria Lopez", "We will appeal the decision", "Daily Planet", "2024-05-01")]
    assert ask(about="RULING") == [("Pedro Alves", "the ruling was fair", "Daily Planet", "2024-05-01")]
    assert ask(speaker="observers", about='"deal"') == [(None, 'the "deal" will collapse', "Daily Planet",
                                                         "2024-05-01")]
    assert ask(speaker="lopez", about="ruling") == []


def test_quotes_stance_and_parts_read_back_from_the_store(nlp, tmp_path):
    from kg.cli.cmd_quotes import quotes_query
    from kg.query.claims import stored_claims
    from kg.rdf.mapping import document_graph, document_metadata
    from kg.records import Document, Extraction
    from kg.store import open_store

    text = ("Pedro Alves denied that the ruling was unfair.\n\n"
            "“We will appeal,” Maria Lopez said, “and we will win.”")
    doc = nlp(text)
    ents = extract_entities(doc)
    document = Document(id="d2", text=text, source_path="d2.txt", content_hash="y")
    ex = Extraction(document=document, entities=tuple(ents.entities), quotes=tuple(extract_quotes(doc, ents)))
    store = open_store(str(tmp_path / "store"))
    store.replace_document("d2", document_graph(ex), document_metadata(document, "test"))
    rows = {r["speaker"]: r for r in store.select(quotes_query())[1]}
    assert rows["Pedro Alves"]["stance"] == "denies"
    assert rows["Maria Lopez"]["stance"] == "asserts"
    assert rows["Maria Lopez"]["content"] == "We will appeal … and we will win."
    assert {c["speaker"]: c["stance"] for c in stored_claims(store, "quote")} == {"Pedro Alves": "denies",
                                                                                "Maria Lopez": "asserts"}

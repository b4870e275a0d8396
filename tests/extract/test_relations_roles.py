"""Roles and places stated in profiles and wire copy: one table row per rule (sentences written for these tests)."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.relations import extract_relations
from kg.records import Document


def relations_of(nlp, text):
    doc = nlp(text)
    document = Document(id="t", text=text, source_path="t.txt", content_hash="0")
    return list(extract_relations(doc, extract_entities(doc), document))


def tuples(rels):
    return {(r.subject, r.predicate, r.object, r.role) for r in rels}


# (id, text, expected (subject, predicate, object, role) tuples that must all be found)
FOUND = [
    # a seat given as a part of a place: the place it is part of, named before or after it
    ("seat-in-area-possessive", "Acme Bank is headquartered in London's financial district.",
     {("Acme Bank", "headquartered_in", "London", None)}),
    ("seat-in-area-of", "Globex Corporation is based in the centre of Bergen, Norway.",
     {("Globex Corporation", "based_in", "Bergen", None), ("Globex Corporation", "based_in", "Norway", None)}),
    ("possessive-role-without-judgement", "Tom Hale is the Labour Party's candidate.",
     {("Tom Hale", "holds_role", "Labour Party", "candidate")}),
    # the larger place before a kind of place: "the <place> town of <name>", a nationality word for its country
    ("container-kind-of", "Protesters marched in the Crimea town of Kerch last week.",
     {("Kerch", "located_in", "Crimea", None)}),
    ("container-kind-of-demonym", "Police raided a house in the Belgian port of Antwerp.",
     {("Antwerp", "located_in", "Belgium", None)}),
    # a match on each word of "Acme Bank" is one object: the organisation coordinated with it is kept
    ("appos-coordinated-organisations", "Jo Kim, the CEO of both Acme Bank and Globex Corporation, spoke.",
     {("Jo Kim", "holds_role", "Acme Bank", "ceo"), ("Jo Kim", "holds_role", "Globex Corporation", "ceo")}),
    ("coordinated-titles", "Mark Tull is CEO and Chairman of Northwind Tools, a position he has held since 2004.",
     {("Mark Tull", "holds_role", "Northwind Tools", "ceo and chairman")}),
    ("titles-in-apposition", "Mr. Tull is President, Chief Executive Officer of Northwind Tools, and a member of the "
     "board.", {("Tull", "holds_role", "Northwind Tools", "president and chief executive officer")}),
    ("qualifier-before-coordinated-titles", "Ann Lee, the former chairman and chief executive of Northwind Tools, "
     "spoke.", {("Ann Lee", "holds_role", "Northwind Tools", "former chairman and chief executive")}),
    ("each-title-its-own-object", "Hans Weber, who studies soil chemistry, is Professor Emeritus at the Carver "
     "University of Berlin and Visiting Professor at the Northern University of Leeds.",
     {("Hans Weber", "holds_role", "Carver University of Berlin", "professor emeritus"),
      ("Hans Weber", "holds_role", "Northern University of Leeds", "visiting professor")}),
    ("conjoined-clause", "Mark Tull founded Blue Harbor, and is now CEO of Northwind Tools.",
     {("Mark Tull", "holds_role", "Northwind Tools", "ceo")}),
    ("left-post-is-former", "Mark Tull retired as chairman of Northwind Tools in 2011.",
     {("Mark Tull", "holds_role", "Northwind Tools", "former chairman")}),
    ("faculty-member", "Anna Tull served on the faculty of Carver University from 1927 to 1973.",
     {("Anna Tull", "holds_role", "Carver University", "faculty member")}),
    ("employee-of", "Anna Tull was an employee of Northwind Tools from 1967 to 2004.",
     {("Anna Tull", "holds_role", "Northwind Tools", "employee")}),
    ("organisation-before-title-in-copula", "Ann Tull is an American chemist and former NASA astronaut.",
     {("Ann Tull", "holds_role", "NASA", "former astronaut")}),
    ("untagged-employer-after-title", '"The market is strong," said Mark Tull, Chief Executive Officer of Globex.',
     {("Mark Tull", "holds_role", "Globex", "chief executive officer")}),
    ("what-a-ceo-is-of-is-an-organisation", "Mark Tull was the founder and CEO of BioGlen, a leader in Digital "
     "Pathology.", {("Mark Tull", "holds_role", "BioGlen", "founder and ceo")}),
    ("name-before-chairman-is-the-club", "Before the match Corvina chairman Augusto Lenzi said he would ignore the "
     "ruling.", {("Augusto Lenzi", "holds_role", "Corvina", "chairman")}),
    ("profession-title", "The study was led by Carver University psychologist Stanley Milgrove.",
     {("Stanley Milgrove", "holds_role", "Carver University", "psychologist")}),
    ("hyphenated-title-in-apposition", "Oskar Brandt, vice-president and assistant general manager of Tidewater "
     "Bank Ltd, said profits would hold.",
     {("Oskar Brandt", "holds_role", "Tidewater Bank Ltd", "vice-president and assistant general manager")}),
    ("dateline", "BOGOTA , Colombia 1996-08-30", {("BOGOTA", "located_in", "Colombia", None)}),
    # the tagger calls a dateline city in capitals an organisation, or nothing; England is no package place
    ("dateline-city-tagged-otherwise", "DAYTON , Ohio 1998-05-11", {("DAYTON", "located_in", "Ohio", None)}),
    ("dateline-in-a-nation-of-the-uk", "LEEDS , England 1997-03-02", {("LEEDS", "located_in", "England", None)}),
    ("firm-of-place", "Harlow Medical Group agreed to buy Daniels Foods Inc of Tampa, Fla., for 2 "
     "million shares.", {("Daniels Foods Inc", "based_in", "Tampa", None),
                                      ("Tampa", "located_in", "Fla", None)}),
    ("partner-firm-employer", "Jane Rowe, an analyst at Hammond, Baker and Fiske, said the merger would help.",
     {("Jane Rowe", "holds_role", "Hammond, Baker and Fiske", "analyst")}),
    ("written-list-of-organisations", "He is a member of the American Chemical Society, the Royal Society of "
     "Chemistry, the Audio Engineering Society, and the Classic Car Club.",
     {("He", "holds_role", o, "member") for o in ("American Chemical Society", "Royal Society of Chemistry",
                                                  "Audio Engineering Society", "Classic Car Club")}),
    ("list-without-serial-comma", "She served as chair of Northwind Traders, Contoso Ltd and Fabrikam Inc.",
     {("She", "holds_role", o, "chair") for o in ("Northwind Traders", "Contoso Ltd", "Fabrikam Inc")}),
    ("left-post-coordinated-titles", "She retired as Chair of the board, President and Chief Operating Officer "
     "of Contoso Corporation on June 9, 2012.",
     {("She", "holds_role", "Contoso Corporation", "former president and chief operating officer")}),
    ("headed-by-passive", "Globex Bank is run by Tom Hale.", {("Tom Hale", "holds_role", "Globex Bank", "head")}),
    ("headed-by-title-and-name", "Globex Bank is headed by president and chief operating officer Maria Lopez.",
     {("Maria Lopez", "holds_role", "Globex Bank", "president and chief operating officer")}),
    ("coordinated-titles-before-the-name", "Initech founder and CEO John Smith said the plan would work.",
     {("John Smith", "holds_role", "Initech", "founder and ceo")}),
    ("based-hung-on-the-products", "Globex Aero Corp is an American manufacturer of drones based in Fresno, "
     "California.", {("Globex Aero Corp", "based_in", "Fresno", None),
                     ("Globex Aero Corp", "based_in", "California", None)}),
    ("company-with-its-headquarters", "Contoso Foods is a Spanish food company with its headquarters in Valencia.",
     {("Contoso Foods", "headquartered_in", "Valencia", None)}),
    ("seat-with-postal-code", "Quarry Lane Associates is based in Danbury, CT.",
     {("Quarry Lane Associates", "based_in", "Danbury", None), ("Quarry Lane Associates", "based_in", "CT", None),
      ("Danbury", "located_in", "CT", None)}),
    ("party-named-as-a-politicians-own", "After the vote, Ivan Dorr's Rural Labour Party won four seats.",
     {("Ivan Dorr", "holds_role", "Rural Labour Party", None)}),
    ("party-with-a-lower-case-party", "Davor Kell, president of the Socialist Renewal party, became premier.",
     {("Davor Kell", "holds_role", "Socialist Renewal party", "president")}),
    ("name-in-apposition-to-the-subject", "Her deputy, Mara Quill, is the president of the Lindell Press.",
     {("Mara Quill", "holds_role", "Lindell Press", "president")}),
    ("generational-suffix-heads-the-name", "The prize went to Hugo Marr, Jr., the former chairman of Westland "
     "Bank.", {("Hugo Marr", "holds_role", "Westland Bank", "former chairman")}),
    ("founder-with-a-bare-title", "Norvale Textiles was founded in 1979 by Pedro Alcaraz, its chairman.",
     {("Pedro Alcaraz", "holds_role", "Norvale Textiles", "chairman")}),
    ("ampersand-in-coordinated-titles", "Mark Tull is President & CEO of Northwind Tools.",
     {("Mark Tull", "holds_role", "Northwind Tools", "president & ceo")}),
    ("seat-in-brackets-after-the-name", "The Tallis Trust (based in Leeds) paid for the study.",
     {("Tallis Trust", "based_in", "Leeds", None)}),
    ("legal-form-after-a-comma", "Marlow Survey & Mapping, LLC is a survey firm based in Fresno, California.",
     {("Marlow Survey & Mapping, LLC", "based_in", "Fresno", None),
      ("Marlow Survey & Mapping, LLC", "based_in", "California", None)}),
    ("dateline-town-the-gazetteer-lacks", "KORVALE , Kyrgyzstan 1997-03-12\nRebels shelled the town.",
     {("KORVALE", "located_in", "Kyrgyzstan", None)}),
    ("dateline-with-split-date", "FRESNO , Calif 1997-03-12\nShares rose.", {("FRESNO", "located_in", "Calif", None)}),
    ("dateline-state-with-a-dot-token", "MOBILE , Ala .", {("MOBILE", "located_in", "Ala", None)}),
    ("place-is-the-headquarters", "Leeds is the headquarters of the Tallis Mining Group.",
     {("Tallis Mining Group", "headquartered_in", "Leeds", None)}),
    ("headquarters-of-is-in", "The headquarters of Acme Corp is in Denver.",
     {("Acme Corp", "headquartered_in", "Denver", None)}),
    ("head-office-of-is-located-in", "The head office of Globex Bank is located in Leeds, England.",
     {("Globex Bank", "headquartered_in", "Leeds", None), ("Globex Bank", "headquartered_in", "England", None)}),
    ("capitalised-description-stands-for-the-name", "Tarn Ventures, a Dutch Data Analytics Company "
     "headquartered in Utrecht, builds web tools.", {("Tarn Ventures", "headquartered_in", "Utrecht", None)}),
    ("board-of-an-organisation", "Lena Ostrova is treasurer of the Board of Governors at Halden College.",
     {("Lena Ostrova", "holds_role", "Halden College", "treasurer")}),
    ("fronted-role-phrase", "A member of the Labour Party, he served as mayor.",
     {("he", "holds_role", "Labour Party", "member")}),
    # a title named as a position held, a post at an organisation, time spent with one
    ("held-the-position-of", "Previously, Ann Lee held the position of CEO of Harbor Media Group from 2009.",
     {("Ann Lee", "holds_role", "Harbor Media Group", "ceo")}),
    ("fulfilled-the-role-of", "In 2015 Anna Berg fulfilled the role of acting director of Harbor Games.",
     {("Anna Berg", "holds_role", "Harbor Games", "acting director")}),
    ("took-up-the-post-of", "In 1990 Tom Hale took up the post of director at the Carver Institute.",
     {("Tom Hale", "holds_role", "Carver Institute", "director")}),
    ("held-posts-at", "He held senior posts at Brenmoor University for a decade.",
     {("He", "holds_role", "Brenmoor University", None)}),
    ("has-been-with-since", "Tom Hale has been with Globex Corporation since 1998.",
     {("Tom Hale", "holds_role", "Globex Corporation", None)}),
    ("was-with-for-years", "Tom Hale was with Globex Corporation for twelve years.",
     {("Tom Hale", "holds_role", "Globex Corporation", None)}),
    # a seat on a board given or taken
    ("appointed-to-the-board-of", "Tom Hale was appointed to the board of Globex Corporation in 2001.",
     {("Tom Hale", "holds_role", "Globex Corporation", "board member")}),
    ("joined-the-board-of", "Ann Lee joined the board of Globex Corporation in 2001.",
     {("Ann Lee", "holds_role", "Globex Corporation", "board member")}),
    # each employer of a list, with or without a serial comma
    ("worked-for-a-list", "Tom Hale worked for Globex Corporation, the University of Leeds and the Carver "
     "Institute.", {("Tom Hale", "holds_role", o, None) for o in ("Globex Corporation", "University of Leeds",
                                                                  "Carver Institute")}),
    # a lower-case kind of organisation after the name the tagger stopped short of
    ("name-before-magazine", "Anna Berg was the editor of Quillon magazine until 2004.",
     {("Anna Berg", "holds_role", "Quillon", "editor")}),
    ("name-before-kind-of-team", "Ravi Sen was the CEO of the Dunmore Hawks cricket team until 2010.",
     {("Ravi Sen", "holds_role", "Dunmore Hawks", "ceo")}),
    # an untagged board of an organisation is the organisation's
    ("chair-of-an-untagged-board-of", "Maya Orr, treasurer of the board of governors of Pellmont Academy, spoke.",
     {("Maya Orr", "holds_role", "Pellmont Academy", "treasurer of the board of governors")}),
    ("seat-on-an-untagged-board-of", "Since 2015 Maya Orr has sat on the board of governors of Pellmont Academy.",
     {("Maya Orr", "holds_role", "Pellmont Academy", "board of governors member")}),
    # service in an organisation; a founder's title written before the name
    ("served-in-an-organisation", "After school Omar Tessel served in the Ruritanian Navy.",
     {("Omar Tessel", "holds_role", "Ruritanian Navy", None)}),
    ("founder-title-before-the-name", "The Tarvik Group was established in 2003 by its Chairman and CEO Lars Brenn.",
     {("Lars Brenn", "holds_role", "Tarvik Group", "chairman and ceo")}),
    ("founder-title-as-the-agent", "Norvale Textiles was founded in 1979 by its chairman Pedro Alcaraz.",
     {("Pedro Alcaraz", "holds_role", "Norvale Textiles", "chairman")}),
    # a party written bare: membership, whatever title it qualifies
    ("bare-party-before-title", "Republican Senator Tom Reed voted against the bill.",
     {("Tom Reed", "holds_role", "Republican Party", "member")}),
    ("bare-party-before-mp", "Labour MP Anna Berg resigned on Friday.",
     {("Anna Berg", "holds_role", "Labour Party", "member")}),
    ("bare-party-in-apposition", "Tom Reed, a Democrat from Ohio, lost the race.",
     {("Tom Reed", "holds_role", "Democratic Party", "member")}),
    ("party-code-in-brackets", "Sen. Ted Cole (R-Texas) said no.",
     {("Ted Cole", "holds_role", "Republican Party", "member")}),
    ("party-code-between-commas", "Rep. Ann Lee, D-Calif., agreed with the plan.",
     {("Ann Lee", "holds_role", "Democratic Party", "member")}),
    # beside the title's owner, a "for" phrase names the field of the post, not the employer
    ("owner-before-title-for-field", '"We will wait," said Arthur Mills, Siemens\'s Vice President for Financial '
     "Communications, on Monday.",
     {("Arthur Mills", "holds_role", "Siemens", "vice president for financial communications")}),
    # an office of a place stays the place's, before the name or after it
    ("place-office-before-name", "Ohio Governor Jo Kim signed the bill.",
     {("Jo Kim", "holds_role", "Ohio", "governor")}),
    ("place-office-in-apposition", "Jo Kim, a Texas state senator, said so.",
     {("Jo Kim", "holds_role", "Texas", "state senator")}),
    # the country a demonym before a portfolio names, not one the sentence names later
    ("demonym-before-portfolio-title", "Peruvian Oil Minister Rui Costa lands in Santiago on Tuesday to meet "
     "his Chilean counterpart Ana Vidal, a Chilean radio station reported.",
     {("Rui Costa", "holds_role", "Peru", "minister")}),
    ("bare-party-beside-an-office", "Cora Venn, the Democratic Governor of Vermont, spoke on Monday.",
     {("Cora Venn", "holds_role", "Democratic Party", "member"),
      ("Cora Venn", "holds_role", "Vermont", "governor")}),
]


@pytest.mark.parametrize("case", FOUND, ids=[c[0] for c in FOUND])
def test_found(nlp, case):
    _, text, expected = case
    found = tuples(relations_of(nlp, text))
    assert expected <= found, found


# (id, text, (subject, predicate, object) that must NOT be found)
NOT_FOUND = [
    # a place before an occupation, or before an unnamed organisation noun, says where: the place has no such post
    ("place-modified-occupation", "Tom Reed, a Kansas investment banker, bought the farm.",
     ("Tom Reed", "holds_role", "Kansas")),
    ("place-modified-occupation-before-name", "Ohio architect Jo Kim drew the plans.",
     ("Jo Kim", "holds_role", "Ohio")),
    ("place-modifying-organisation-noun", "Jane Doe, an editor of Boston magazine, said so.",
     ("Jane Doe", "holds_role", "Boston")),
    # a relative clause with a subject of its own is about that subject ("whose father was ...")
    ("relative-clause-of-another", "John Ford, whose father was chairman of Acme Corp, said so.",
     ("John Ford", "holds_role", "Acme Corp")),
    # an organisation inside a relative clause of the person or the title is what the clause says
    ("object-in-a-clause-of-the-person", "The Greens have one deputy, Anna Berg, who defeated long-time Labour "
     "Party incumbent Tom Hale.", ("Anna Berg", "holds_role", "Labour Party")),
    # a title in apposition to a name the tagger missed is that name's, not the clause subject's
    ("title-of-an-untagged-name", 'Lena Tarr worked for Osvald "Ozzie" Brekke, CEO of Northwind Tools, for years.',
     ("Lena Tarr", "holds_role", "Northwind Tools")),
    # a judgement of fitness is no position held
    ("evaluated-role", "Several pundits say that Tom Hale is the Labour Party's strongest candidate.",
     ("Tom Hale", "holds_role", "Labour Party")),
    # a place naming what a plural noun is about is not the role's organisation
    ("name-as-topic-of-a-plural-noun", "Ann Lee, editor of Texas newsletters, expects a vote in June.",
     ("Ann Lee", "holds_role", "Texas")),
    # a people with no country of its own names no container
    ("container-kind-of-people-without-country", "Fighting broke out in the Kurdish town of Zakho.",
     ("Zakho", "located_in", "Kurdish")),
    ("kind-inside-the-name-is-no-container", "It opened a plant in the Sichuan province of China last year.",
     ("China", "located_in", "Sichuan")),
    ("role-of-another-person", "Between 2011 and 2014, he was the driver for Petra Lind, the CEO of Quarrytone.",
     ("he", "holds_role", "Quarrytone")),
    ("organisation-description-is-no-role", "Mark Tull was the founder and CEO of BioGlen, a leader in Digital "
     "Pathology.", ("Mark Tull", "holds_role", "Digital Pathology")),
    ("field-of-a-chair-is-no-organisation", "She is a Distinguished Professor of Economics at Carver University.",
     ("She", "holds_role", "Economics")),
    ("first-title-without-the-premodifier", "Ann Tull is an American chemist and former NASA astronaut.",
     ("Ann Tull", "holds_role", "NASA")),  # checked with its role below
    ("portfolio-pair-is-no-organisation", "Uruguay needs more time, Industry and Foreign Trade Secretary Tomas "
     "Ferrante told reporters.", ("Tomas Ferrante", "holds_role", "Industry and Foreign Trade")),
    ("described-person-is-no-organisation", "An Oslo-based Baltic shipping analyst said the figure was too high.",
     ("Baltic", "based_in", "Oslo")),
    ("country-as-topic-is-no-office", "The aide said he and President Rowan misled the public on the Iran arms "
     "affair. Iran denied it. Iran said so. Iran was firm.", ("Rowan", "holds_role", "Iran")),
    ("state-named-like-a-country-is-no-office", "President Rowan spoke in Georgia on Monday, and Rowan left "
     "Georgia on Tuesday. Georgia voted.", ("Rowan", "holds_role", "Georgia")),
    ("wire-name-is-no-dateline-city", "REUTERS , London - Shares fell.", ("REUTERS", "located_in", "London")),
    ("hypothetical-president-is-no-office", "Brazil is tired. Voters in Brazil fear what a President Rowan would "
     "do to Brazil. Brazil waits.", ("Rowan", "holds_role", "Brazil")),
    ("maker-bought-is-not-the-buyer", "Initech bought a maker of drones based in Fresno.",
     ("Initech", "based_in", "Fresno")),
    ("list-of-places-is-no-dateline", "Paris, France and Germany agreed on the plan.",
     ("Paris", "located_in", "France")),
    ("apposition-is-no-list", "Jane Roe, chief executive of Contoso Ltd, the software maker, said so.",
     ("Jane Roe", "holds_role", "software maker")),
    ("list-item-starting-a-clause", "He was chairman of Contoso Ltd, and Fabrikam Inc said it would sue.",
     ("He", "holds_role", "Fabrikam Inc")),
    ("possessive-company-is-no-membership", "Ivan Dorr's Rural Labour Party and Olga Lenn's company Brightwater "
     "Ltd signed.", ("Olga Lenn", "holds_role", "Brightwater Ltd")),
    ("founder-titled-by-another-organisation", "Norvale Textiles was founded in 1979 by Pedro Alcaraz, a former "
     "CEO of Brightwater Ltd.", ("Pedro Alcaraz", "holds_role", "Norvale Textiles")),
    ("other-offices-are-no-seat", "The offices of Initech Ltd are in Dover.",
     ("Initech Ltd", "headquartered_in", "Dover")),
    ("board-alone-names-no-organisation", "Marta Quill, who joined Tarnwick in 2004, is now Chairman of the Board.",
     ("Marta Quill", "holds_role", "Board")),
    ("list-of-places-is-no-apposition", "The rivals debated before the votes in Florida, Ohio and elsewhere.",
     ("Florida", "located_in", "Ohio")),
    # an organisation's short name in brackets is never the person holding its title
    ("bracketed-acronym-is-no-person", "Tom Reed, the chairman of the Organisation for Harbour Cooperation in "
     "Europe ( OHCE ) , told radio the body agreed.", ("OHCE", "holds_role", "Organisation for Harbour Cooperation")),
    # with a person, 'with' is company, not employment; a department of labour is no party
    ("with-a-person-is-no-employer", "Tom Reed has been with Ann Lee since 1998.",
     ("Tom Reed", "holds_role", "Ann Lee")),
    ("service-in-a-place-is-no-employer", "Tom Hale served in Iraq for two years.", ("Tom Hale", "holds_role", "Iraq")),
    ("code-without-a-state-is-no-party", "Ann Lee (D) agreed.", ("Ann Lee", "holds_role", "Democratic Party")),
    ("party-word-is-no-subject", "Democratic hopeful Martin Oakley is moving his aides to Nevada.",
     ("Democratic Party", "relocated_to", "Nevada")),
    ("labor-department-is-no-party", "Labor Secretary Tom Reed spoke on Monday.", ("Tom Reed", "holds_role", "Labor")),
]


@pytest.mark.parametrize("case", NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_not_found(nlp, case):
    name, text, unexpected = case
    rels = relations_of(nlp, text)
    if name == "first-title-without-the-premodifier":
        assert all(r.role == "former astronaut" for r in rels if (r.subject, r.predicate, r.object) == unexpected)
        return
    assert not any((r.subject, r.predicate, r.object) == unexpected for r in rels), tuples(rels)


def test_object_before_another_persons_name_is_not_the_title_owners(nlp):
    """'Australian premier Ian Fraser and Singapore Prime Minister Wen Lim' parsed as one run of names: a country
    before the title with another person's name (or a conjunction) between them is the earlier phrase's."""
    from spacy.tokens import Doc

    from kg.extract.relations.extract import _other_name_between
    from kg.records import Entity

    words = ["Australian", "premier", "Ian", "Fraser", "and", "Singapore", "Prime", "Minister", "Wen", "Lim"]
    doc = Doc(nlp.vocab, words=words, pos=["ADJ", "NOUN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN",
                                           "PROPN", "PROPN"],
              heads=[1, 3, 3, 9, 3, 7, 7, 9, 9, 9],
              deps=["amod", "compound", "compound", "nmod", "cc", "compound", "compound", "compound", "compound",
                    "ROOT"])
    australia, fraser = Entity("Australia", "Country"), Entity("Ian Fraser", "Person")
    singapore, lim = Entity("Singapore", "Country"), Entity("Wen Lim", "Person")
    by_token = {0: australia, 2: fraser, 3: fraser, 5: singapore, 8: lim, 9: lim}
    assert _other_name_between(doc[0], doc[7], doc[9], by_token)  # Australia is not Lim's
    assert not _other_name_between(doc[5], doc[7], doc[9], by_token)  # Singapore is
    assert not _other_name_between(doc[0], doc[1], doc[3], by_token)  # Australia is Fraser's

"""Relations: sentence → expected (subject, predicate, object, role) tuples, one table row per pattern."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.relations import config, extract_relations
from kg.records import Document


def relations_of(nlp, text, **meta):
    doc = nlp(text)
    document = Document(id="t", text=text, source_path="t.txt", content_hash="0", **meta)
    return list(extract_relations(doc, extract_entities(doc), document))


def tuples(rels):
    return {(r.subject, r.predicate, r.object, r.role) for r in rels}


# (id, text, expected (subject, predicate, object, role) tuples that must all be found)
CASES = [
    ("relocated-list", 'According to the Ministry, video game production company Rlaurich, "Tinkoff" online bank, '
     "Nexters video game production company, InDriver passenger service, St. Petersburg stock exchange, "
     "Red Mad Robot software Development companies, etc. have been relocated to Kazakhstan.",
     {("Rlaurich", "relocated_to", "Kazakhstan", None), ("Tinkoff", "relocated_to", "Kazakhstan", None),
      ("Nexters", "relocated_to", "Kazakhstan", None), ("InDriver", "relocated_to", "Kazakhstan", None),
      ("St. Petersburg stock exchange", "relocated_to", "Kazakhstan", None),
      ("Red Mad Robot", "relocated_to", "Kazakhstan", None)}),
    ("relocated-generic-moved-from-to", "Since Moscow invaded Ukraine in late February, more than 50 foreign "
     "businesses have moved from Russia to Kazakhstan.",
     {("foreign businesses", "relocated_to", "Kazakhstan", None)}),
    ("relocated-nested-in", "He stated that the relocated businesses should be settled by authorities in Almaty, "
     "the commercial center of the nation.",
     {("relocated businesses", "relocated_to", "Almaty", None)}),
    ("relocated-relcl-conj", "The government helps overseas companies that have left the Russian market and "
     "relocated to Kazakhstan.",
     {("overseas companies", "relocated_to", "Kazakhstan", None)}),
    ("relocated-coordinated-places", "Russian search giant Yandex has moved some of its staff to Armenia and Georgia.",
     {("Yandex", "relocated_to", "Armenia", None), ("Yandex", "relocated_to", "Georgia", None)}),
    ("relocated-counted-subject", "Hundreds of Russian firms have relocated to Kazakhstan since February.",
     {("Russian firms", "relocated_to", "Kazakhstan", None)}),
    ("left-list-through-compound", "Finnish retailer Stockmann and German chemicals maker BASF have left Russia.",
     {("Stockmann", "left", "Russia", None), ("BASF", "left", "Russia", None)}),
    ("relocated-left-for", "Acme Corporation left Russia for Kazakhstan in March.",
     {("Acme Corporation", "relocated_to", "Kazakhstan", None)}),
    ("left-country", "In March, Acme Corporation left Russia after the invasion.",
     {("Acme Corporation", "left", "Russia", None)}),
    ("left-market-demonym", "Acme Corporation exited the Russian market in May.",
     {("Acme Corporation", "left", "Russia", None)}),
    ("left-withdraw-from", "Acme Corporation withdrew from Russia last year.",
     {("Acme Corporation", "left", "Russia", None)}),
    ("suspended-operations", "Acme Corporation suspended operations in Russia after the start of the war.",
     {("Acme Corporation", "suspended_operations_in", "Russia", None)}),
    ("role-appos-of", "Alikhan Smaiylov, the prime minister of Kazakhstan, gave reporters a briefing.",
     {("Alikhan Smaiylov", "holds_role", "Kazakhstan", "prime minister")}),
    ("role-appos-possessive", "In March, Roman Vasilenko, Kazakhstan’s deputy foreign minister, told the German "
     "newspaper that businesses were welcome.",
     {("Roman Vasilenko", "holds_role", "Kazakhstan", "deputy foreign minister")}),
    ("role-appos-member-of-board", "In addition, according to Dariga Temirova, a member of the supervisory board at "
     "the Caspian Trade Council from Kazakhstan, more than 80 firms have applied.",
     {("Dariga Temirova", "holds_role", "Caspian Trade Council", "member of the supervisory board")}),
    ("role-before-appos-person", "You should recall the statement made by the First Deputy Chief of Staff of the "
     "President of Kazakhstan, Timur Suleimenov, during his visit to Brussels.",
     {("Timur Suleimenov", "holds_role", "Kazakhstan", "first deputy chief of staff of the president")}),
    ("role-premodifier-demonym", "Kazakh President Kassym-Jomart Tokayev has walked a diplomatic tightrope.",
     {("Kassym-Jomart Tokayev", "holds_role", "Kazakhstan", "president")}),
    ("role-premodifier-country", "Kazakhstan Foreign Minister Mukhtar Trevuberd also mentioned it in his speech.",
     {("Mukhtar Trevuberd", "holds_role", "Kazakhstan", "foreign minister")}),
    ("role-premodifier-org", "Centras Group Holding Company President Elda Abdullazakov said recently that "
     "unemployment is structural.",
     {("Elda Abdullazakov", "holds_role", "Centras Group Holding Company", "president")}),
    ("role-premodifier-acting", "Kazakhstan Immigration Service Commission Acting Chairman Aslan Atalikov said it "
     "will be stopped.",
     {("Aslan Atalikov", "holds_role", "Kazakhstan Immigration Service Commission", "acting chairman")}),
    ("role-title-name-of", "President Kassym-Jomart Tokayev of Kazakhstan noted the significant influx.",
     {("Kassym-Jomart Tokayev", "holds_role", "Kazakhstan", "president")}),
    ("role-copula-at", "Misha Monteiro-Benson is a Research Assistant at the Middle East Institute.",
     {("Misha Monteiro-Benson", "holds_role", "Middle East Institute", "research assistant")}),
    ("role-title-sentence-country", "Kazakhstan is a large country. Kazakhstan borders China. "
     "President Tokayev's order is being implemented across Kazakhstan.",
     {("Tokayev", "holds_role", "Kazakhstan", "president")}),
    ("left-list-with-mislabelled-item", "Ikea, H&M and Zara have left Russia.",
     {("Ikea", "left", "Russia", None), ("H&M", "left", "Russia", None), ("Zara", "left", "Russia", None)}),
    ("pronoun-is-the-speaking-org", "Apple said it has suspended all product sales in Russia.",
     {("Apple", "suspended_operations_in", "Russia", None)}),
    ("including-named-examples", "Several Russian IT companies, including Kaspersky and Acronis, have moved their "
     "staff to Almaty.",
     {("Kaspersky", "relocated_to", "Almaty", None), ("Acronis", "relocated_to", "Almaty", None)}),
    ("role-premodifier-possessive", "Tinkoff's CEO Stanislav Blinov declined to comment.",
     {("Stanislav Blinov", "holds_role", "Tinkoff", "ceo")}),
    ("role-premodifier-demonym-title", "Russian Foreign Minister Sergei Lavrov met his counterpart in Astana.",
     {("Sergei Lavrov", "holds_role", "Russia", "foreign minister")}),
    ("role-appos-head-of", "Sergei Lavrov, head of the Russian Foreign Ministry, spoke on Monday.",
     {("Sergei Lavrov", "holds_role", "Russian Foreign Ministry", "head")}),
    ("located-in-capital-of", "Uzbek President Shavkat Mirziyoyev visited Tashkent, the capital of Uzbekistan.",
     {("Tashkent", "located_in", "Uzbekistan", None),
      ("Shavkat Mirziyoyev", "holds_role", "Uzbekistan", "president")}),
    ("role-title-person-country", "Kazakhstan welcomed the firms. Kazakhstan is large. Kazakhstan grows fast. "
     "Vladimir Putin spoke about Russia and its economy. Putin praised Russia's growth. President Putin signed it.",
     {("Vladimir Putin", "holds_role", "Russia", "president")}),
    ("located-in-appos", "Russian arrivals queue at a registration center in Almaty, Kazakhstan.",
     {("Almaty", "located_in", "Kazakhstan", None)}),
    ("located-in-cities-of", "Many migrants flocked to Kazakhstan’s most important cities, Almaty and Astana, "
     "contributing to a booming market.",
     {("Almaty", "located_in", "Kazakhstan", None), ("Astana", "located_in", "Kazakhstan", None)}),
    # issue 13: organisations and places, the relocation family generalised
    ("headquartered-in-city-and-state", "Boeing is headquartered in Arlington, Virginia.",
     # the gazetteer's bare "Arlington" is the Texas city: the state names the place
     {("Boeing", "headquartered_in", "Arlington, Virginia", None), ("Boeing", "headquartered_in", "Virginia", None)}),
    ("based-in", "Goldman Sachs is based in New York.", {("Goldman Sachs", "based_in", "New York", None)}),
    ("place-based-modifier", "The Seattle-based retailer Amazon opened a warehouse.",
     {("Amazon", "based_in", "Seattle", None)}),
    ("headquarters-noun-possessive", "Nokia's headquarters in Espoo were renovated.",
     {("Nokia", "headquartered_in", "Espoo", None)}),
    ("headquarters-noun-has", "Nokia has its headquarters in Espoo.", {("Nokia", "headquartered_in", "Espoo", None)}),
    ("org-in-city", "Economist Dana Pruitt of Keystone Harbor Bank in Pittsburgh said rates would rise.",
     {("Keystone Harbor Bank", "based_in", "Pittsburgh", None),
      ("Dana Pruitt", "holds_role", "Keystone Harbor Bank", "economist")}),
    # issue 13: former / acting are kept as role qualifiers
    ("role-qualifier-before-object", "The vote featured former Iowa Congressman Berkley Bedell.",
     {("Berkley Bedell", "holds_role", "Iowa", "former congressman")}),
    ("role-qualifier-adverb", "Regan was formerly head of the brokerage firm Merrill Lynch.",
     {("Regan", "holds_role", "Merrill Lynch", "former head")}),
    ("role-hyphenated-title", "Voss Aerospace vice-president Edda Quist said the plan failed.",
     {("Edda Quist", "holds_role", "Voss Aerospace", "vice-president")}),
    ("opened-office-in", "Siemens opened an office in Nairobi.", {("Siemens", "opened_office_in", "Nairobi", None)}),
    ("pulled-out-of", "Ikea pulled out of Russia in March.", {("Ikea", "left", "Russia", None)}),
    ("moved-headquarters-to", "Spotify moved its headquarters to Amsterdam.",
     {("Spotify", "relocated_to", "Amsterdam", None)}),
    ("shifted-production-to", "Siemens shifted production to Poland.", {("Siemens", "relocated_to", "Poland", None)}),
    # issue 13: roles
    ("role-appointed-passive", "Satya Nadella was appointed chief executive of Microsoft.",
     {("Satya Nadella", "holds_role", "Microsoft", "chief executive")}),
    ("role-org-named-person", "Microsoft named Satya Nadella chief executive.",
     {("Satya Nadella", "holds_role", "Microsoft", "chief executive")}),
    ("role-org-named-person-its", "Microsoft named Satya Nadella its chief executive.",
     {("Satya Nadella", "holds_role", "Microsoft", "chief executive")}),
    ("role-relative-clause", "Tim Cook, who is chief executive of Apple, spoke.",
     {("Tim Cook", "holds_role", "Apple", "chief executive")}),
    ("role-copula-possessive", "Tim Cook is Apple's chief executive.",
     {("Tim Cook", "holds_role", "Apple", "chief executive")}),
    ("role-possessive-premodifier", "Microsoft CEO Satya Nadella told reporters that sales rose.",
     {("Satya Nadella", "holds_role", "Microsoft", "ceo")}),
    ("role-appos-chief-executive-of", "Tom Baker, chief executive of Lighthouse Media, resigned.",
     {("Tom Baker", "holds_role", "Lighthouse Media", "chief executive")}),
    ("role-conjoined-titles-generic-org-noun", "Maria Lopez is the founder and former chairman of the software "
     "company Northwind Traders.", {("Maria Lopez", "holds_role", "Northwind Traders", "founder and former chairman")}),
    ("role-party-candidate", "Jane Smith, the Green Party candidate, lost.",
     {("Jane Smith", "holds_role", "Green Party", "candidate")}),
    ("role-demonym-premodifier", "Russian Prime Minister Viktor Ivanov met reporters.",
     {("Viktor Ivanov", "holds_role", "Russia", "prime minister")}),
    # issue 13: membership, employment, founding, acquisitions
    # a person's membership or employment is a role (the ontology's holds_role); a country's stays member_of
    ("member-of", "Jane Smith is a member of the Labour Party.",
     {("Jane Smith", "holds_role", "Labour Party", "member")}),
    ("member-of-country", "Norway is a member of NATO.", {("Norway", "member_of", "NATO", None)}),
    ("member-joined", "Jane Smith joined Greenpeace in 2001.", {("Jane Smith", "holds_role", "Greenpeace", None)}),
    ("joined-as", "Paul Kim joined Globex Corp in 2001 as head of sales.",
     {("Paul Kim", "holds_role", "Globex Corp", "head of sales")}),
    ("works-for", "Jane Smith works for Siemens.", {("Jane Smith", "holds_role", "Siemens", None)}),
    ("role-coordinated-objects", "Harry Hale is chairman and chief executive of Acme Refining Group, Brill Resources, "
     "and Contoso Partners.",
     {("Harry Hale", "holds_role", o, "chairman and chief executive")
      for o in ("Acme Refining Group", "Brill Resources", "Contoso Partners")}),
    ("role-org-beats-place", "Ann Lee is a professor at Tel Aviv University in Israel.",
     {("Ann Lee", "holds_role", "Tel Aviv University", "professor")}),
    ("person-of-org", "Manuel Ortiz of the Liberal Party of Honduras won the vote.",
     {("Manuel Ortiz", "holds_role", "Liberal Party of Honduras", None)}),
    ("hq-conjoined-noun-and-place-chain", "Northwind Coffee, Inc., a tea and cocoa trader, is headquartered in "
     "Oakland, California, United States.",
     {("Northwind Coffee, Inc", "headquartered_in", p, None) for p in ("Oakland", "California", "United States")}),
    ("based-fronted-participle", "Based in Lewisville, Texas, Homesearch Realty Inc. is a subsidiary of a bank.",
     {("Homesearch Realty Inc", "based_in", "Lewisville", None), ("Homesearch Realty Inc", "based_in", "Texas", None)}),
    ("role-copula-needs-a-title", "Jane Doe is a professor emeritus at Acme University.",
     {("Jane Doe", "holds_role", "Acme University", "professor emeritus")}),
    ("serves-on-board", "Tom Hale sat on the advisory board of the Acme Foundation until 2010.",
     {("Tom Hale", "holds_role", "Acme Foundation", "advisory board member")}),
    ("serves-on-boards", "Jane Doe serves on the boards of Globex Corp, Initech Bank, and Contoso Partners.",
     {("Jane Doe", "holds_role", "Globex Corp", "board member")}),
    ("institution-in-city", "The centre works with the Carter Center in Atlanta.",
     {("Carter Center", "based_in", "Atlanta", None)}),
    ("based-in-town-of", "Globex Corp, based in the northern town of Harrogate, makes pumps.",
     {("Globex Corp", "based_in", "Harrogate", None)}),
    ("joined-in-a-clause-without-subject", "Prior to joining Microsoft, Jane Doe was chairman of Mobile Cohesion.",
     {("Jane Doe", "holds_role", "Microsoft", None), ("Jane Doe", "holds_role", "Mobile Cohesion", "chairman")}),
    ("becoming-in-a-clause-without-subject", "Before becoming chief executive of Globex Corp in 2007, Tom Myers "
     "ran a bank.", {("Tom Myers", "holds_role", "Globex Corp", "chief executive")}),
    ("role-of-one-org-not-the-next", "Robert Hale, chairman of the Acme Survey Committee and director of sales "
     "at Globex Corp, said so.", {("Robert Hale", "holds_role", "Acme Survey Committee", "chairman")}),
    ("role-previously-is-former", "Anna Berg, previously Fabrikam's chief operating officer, left in May.",
     {("Anna Berg", "holds_role", "Fabrikam", "former chief operating officer")}),
    ("role-ends-before-where", "Kenneth Rowe, senior vice president at Drexel's Denver office, said so.",
     {("Kenneth Rowe", "holds_role", "Drexel", "senior vice president")}),
    ("led-by", "The Green Party, led by Ana Silva, won ten seats.",
     {("Ana Silva", "holds_role", "Green Party", "leader")}),
    ("founded-active", "Bill Gates founded Microsoft in 1975.", {("Microsoft", "founded_by", "Bill Gates", None)}),
    ("founded-passive", "Microsoft was founded by Bill Gates.", {("Microsoft", "founded_by", "Bill Gates", None)}),
    ("acquired-active", "Disney acquired Pixar in 2006.", {("Disney", "acquired", "Pixar", None)}),
    ("acquired-passive", "Pixar was acquired by Disney.", {("Disney", "acquired", "Pixar", None)}),
    ("merged-with", "Exxon merged with Mobil in 1999.", {("Exxon", "merged_with", "Mobil", None)}),
    # leaving an organisation states membership of it, as a former member
    ("left-org", "Mr. Zeller left Globex Holdings in 2004 to found a bakery.",
     {("Zeller", "holds_role", "Globex Holdings", "former member")}),
    ("resigned-from-org", "Gerry Kale resigned from the Labour Party in 1990.",
     {("Gerry Kale", "holds_role", "Labour Party", "former member")}),
    ("retired-from-org", "Tom Hale retired from Initech Systems after a long career.",
     {("Tom Hale", "holds_role", "Initech Systems", "former member")}),
    # a candidacy for a party, and a title with its organisation before it after "as"
    ("ran-for-party", "Dora Pike campaigned for the Green Party of Quebec during the spring vote.",
     {("Dora Pike", "holds_role", "Green Party of Quebec", "candidate")}),
    ("as-premodified-title", "Rosa Diaz ran as the Green Party candidate in the riding of Leeds.",
     {("Rosa Diaz", "holds_role", "Green Party", "candidate")}),
    ("party-of-province", "Hallam Wick stood as a Progressive Conservative Party of Alberta candidate in 1986.",
     {("Hallam Wick", "holds_role", "Progressive Conservative Party of Alberta", "candidate")}),
    # entities: an acronym title after a name the tagger took for a person; a plural noun ends a firm's name
    ("acronym-title-after-org", "Cofinec CEO Stephen Frater spoke to reporters on a conference call.",
     {("Stephen Frater", "holds_role", "Cofinec", "ceo")}),
    # a city naming the office of a firm says where the office is; the post is the firm's
    ("office-of-firm", "Tom Reed, a lawyer at the Washington D.C. office of Hale & Dorsey, declined to comment.",
     {("Tom Reed", "holds_role", "Hale & Dorsey", "lawyer")}),
    # "prime" of "prime minister" parsed as an adjective is still the title's
    ("title-with-adjective-word", "In the 1990s, Rao met Canadian Prime Minister Jean Tully, Australian prime "
     "minister Ian Fraser and Singapore Prime Minister Wen Hao Lim.",
     {("Ian Fraser", "holds_role", "Australia", "prime minister"),
      ("Wen Hao Lim", "holds_role", "Singapore", "prime minister")}),
    # the state after a city and a comma, whatever the parser made of it; a name only an organisation can carry
    ("seat-state-after-comma", "Kestrel Data Systems, Inc. headquartered in Boulder, Colorado sells storage to "
     "hospitals.", {("Kestrel Data Systems, Inc", "headquartered_in", "Boulder", None),
                    ("Kestrel Data Systems, Inc", "headquartered_in", "Colorado", None)}),
    ("untagged-headquartered-org", "Tarn Concepts is headquartered in Portugal and sells bicycle locks.",
     {("Tarn Concepts", "headquartered_in", "Portugal", None)}),
    # a capitalised word without digits that the tagger labelled a number is still an employer's name
    ("employer-tagged-as-number", "Dana Keel is the founder & CEO of SoftLine, a provider of billing software.",
     {("Dana Keel", "holds_role", "SoftLine", "founder & ceo")}),
    # a party's full name before a person's name: the party's member; with a title, the title is the role
    ("party-before-name", "She won the seat, defeating Ontario Liberal Party Joe Dickens and incumbent New "
     "Democratic Party Jim Wisner by a wide margin.", {("Jim Wisner", "holds_role", "New Democratic Party", "member")}),
    ("party-name-before-title", "Labour Party leader Ann Cole spoke.",
     {("Ann Cole", "holds_role", "Labour Party", "leader")}),
    ("firm-name-with-title-word", "Hal Brant was treasurer of General Dynamics for a decade.",
     {("Hal Brant", "holds_role", "General Dynamics", "treasurer")}),
    # an untagged name before an organisation head's title and a person is the organisation (missed names)
    ("untagged-firm-before-head-title", "Pavo CEO Ines Marr said the firm would grow.",
     {("Ines Marr", "holds_role", "Pavo", "ceo")}),
    # a named chair's name is part of the title; the field is no employer, the university after 'at' is
    # a place's own institutions are the place's ('armed forces'), a firm named after a title-modifier word keeps it
    ("place-body-possessive", "The commander of Norway's armed forces, General Ola Berg, spoke.",
     {("Ola Berg", "holds_role", "Norway", "commander of armed forces general")}),
    ("portfolio-cut-from-organisation", "The EC Agriculture Commissioner Jan Broek met the farmers.",
     {("Jan Broek", "holds_role", "EC", "agriculture commissioner")}),
    ("told-a-firm-s-chairman", "Ann Lee told Globex chairman Bo Park about the plan.",
     {("Bo Park", "holds_role", "Globex", "chairman")}),
    # the parser's readings of a suffix and of coordinated titles before a name
    ("appos-after-name-suffix", "The fund was started in 2008 by Hugh Marlow, Jr., the retired chairman and chief "
     "executive of Norvale Bank.",
     {("Hugh Marlow", "holds_role", "Norvale Bank", "retired chairman and chief executive")}),
    ("coordinated-titles-read-as-conj", "Rinvale founder and CEO Joel Ander had the idea.",
     {("Joel Ander", "holds_role", "Rinvale", "founder")}),
    # results tables: a team's batsmen in brackets after its score, goal scorers after the team and a dash
    ("scorecard-batsmen", "Lindale : Yorkshire 199 and 426 ( J. Pell 111 , M. Orr 108 ) , Devon 232 and 109-5 .",
     {("J. Pell", "holds_role", "Yorkshire", "player"), ("M. Orr", "holds_role", "Yorkshire", "player")}),
    ("scorer-line", "Romania - Ion Popa ( 31st ) , Mihai Stan ( 75th )",
     {("Ion Popa", "holds_role", "Romania", "player"), ("Mihai Stan", "holds_role", "Romania", "player")}),
    ("named-chair-at-university", "Ann Lee teaches as a Professor of Quantum Physics and is the Hugo Marsh "
     "Professor of Natural Philosophy at Carver University in Ohio.",
     {("Ann Lee", "holds_role", "Carver University", "hugo marsh professor of natural philosophy")}),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_pattern(nlp, case):
    _, text, expected = case
    found = tuples(relations_of(nlp, text))
    assert expected <= found, found


# (id, text, a tuple that must NOT be found)
NEGATIVE = [
    ("hypothetical-request", "About 100 companies have requested to relocate from Russia to Kazakhstan.",
     ("companies", "relocated_to", "Kazakhstan", None)),
    ("hypothetical-willingness", "Another 56 businesses have indicated their willingness to settle in Kazakhstan.",
     ("businesses", "relocated_to", "Kazakhstan", None)),
    ("generic-left-is-not-a-relation", "Over a thousand foreign companies suspended their operations in Russia.",
     ("foreign companies", "suspended_operations_in", "Russia", None)),
    ("hypothetical-modal", "Acme Corporation said it would exit Russia after 30 years.",
     ("Acme Corporation", "left", "Russia", None)),
    ("generic-list-dropped-when-named", "Several Russian IT companies, including Kaspersky and Acronis, have moved "
     "their staff to Almaty.", ("Russian IT companies", "relocated_to", "Almaty", None)),
    ("title-person-country-not-the-document-country", "Kazakhstan welcomed the firms. Kazakhstan is large. "
     "Kazakhstan grows fast. Vladimir Putin spoke about Russia and its economy. President Putin signed the order.",
     ("Vladimir Putin", "holds_role", "Kazakhstan", "president")),
    ("people-are-not-companies", "200,000 Russians fled to Kazakhstan and moved to Almaty.",
     ("Russians", "relocated_to", "Almaty", None)),
    ("title-fallback-ambiguous", "Russian residents of Kyrgyzstan flee President Vladimir Putin's mobilization.",
     ("Vladimir Putin", "holds_role", "Kyrgyzstan", "president")),
    # issue 13: a bare title takes no country from one sentence that merely names another country
    ("title-fallback-one-sentence-other-country", "President Reagan spoke about Romania on Tuesday.",
     ("Reagan", "holds_role", "Romania", "president")),
    ("premodifier-not-across-the-sentence", "Dutch Prime Minister Anna de Vries has blamed opposition "
     "leader Pieter Bakker for the delay.", ("Pieter Bakker", "holds_role", "Netherlands", "leader")),
    ("place-based-not-the-whole-list", "Denver-based Acme Bank and Wells Fargo reported profits.",
     ("Wells Fargo", "based_in", "Denver", None)),
    ("org-in-country-is-not-its-seat", "Shares of Apple in China fell.", ("Apple", "based_in", "China", None)),
    ("subject-inside-the-object-phrase", "The firm is based in Sacramento, California.",
     ("California", "based_in", "Sacramento", None)),
    ("hypothetical-membership", "Mongolia could be a member of ASEAN soon.", ("Mongolia", "member_of", "ASEAN", None)),
    ("hypothetical-role", "Jane Doe could be president of Acme Bank.", ("Jane Doe", "holds_role", "Acme Bank", None)),
    ("org-in-place-needs-a-typed-org", "Rio Tinto bought a share of the Silver Creek Claim in Western Australia.",
     ("Silver Creek Claim", "based_in", "Western Australia", None)),
    ("hypothetical-acquisition", "Disney would acquire Pixar if regulators agreed.",
     ("Disney", "acquired", "Pixar", None)),
    ("person-of-place-is-no-role", "Tom Hale of Texas spoke on Monday.", ("Tom Hale", "holds_role", "Texas", None)),
    # the story's main country is no evidence of whose president a bare title names (real newswire: "President
    # Reagan" in stories about the Iran arms sales)
    ("title-fallback-story-country", "The arms sales to Iran were secret. Iran paid in cash. Iran denied it. "
     "Rivals criticised Nicaragua. President Reagan's aide resigned.", ("Reagan", "holds_role", "Iran", "president")),
    ("copula-without-a-title-is-no-role", "Obama is likely to keep up the digs at Trump Tower.",
     ("Obama", "holds_role", "Trump Tower", None)),
    ("infinitive-is-a-plan", "She criticised a proposal by the firm behind Brightline Biscuits to shift some "
     "production to Vietnam.", ("firm", "relocated_to", "Vietnam", None)),
    ("where-one-comes-from-is-no-office", "Corin Vale, a teacher from Mount Vernon, voted early.",
     ("Corin Vale", "holds_role", "Mount Vernon", "teacher")),
    ("where-one-works-is-no-office", "Tom Roe, a lawyer in Orlando who handles land cases, said so.",
     ("Tom Roe", "holds_role", "Orlando", "lawyer")),
    ("portfolio-is-no-organisation", "The forecast came from Transport Minister Mustafa Nyangi on Monday.",
     ("Mustafa Nyangi", "holds_role", "Transport", "minister")),
    ("part-of-a-name-is-no-role", "Ann Lee is a professor at Tel Aviv University in Israel.",
     ("Ann Lee", "holds_role", "Israel", None)),
    ("office-city-is-no-employer", "Tom Reed, a lawyer at the Washington D.C. office of Hale & Dorsey, declined to "
     "comment.", ("Tom Reed", "holds_role", "Washington D.C", None)),
    ("left-a-building", "Alice Munro left the White House on Friday after the talks.",
     ("Alice Munro", "holds_role", "White House", None)),
    ("planned-departure", "Ann Lee plans to leave Globex Holdings next year.",
     ("Ann Lee", "holds_role", "Globex Holdings", None)),
    ("campaigned-for-people", "Orrin Tate also campaigned for two young Republicans last October.",
     ("Orrin Tate", "holds_role", "Republican Party", None)),
    ("ran-for-a-seat", "Jo Kim ran for the United States Senate in 2010.",
     ("Jo Kim", "holds_role", "United States Senate", None)),
    ("field-is-no-employer", "Ann Lee is a Professor of Quantum Physics at Carver University.",
     ("Ann Lee", "holds_role", "Quantum Physics", None)),
    ("outlet-told-is-no-employer", '"The deficit will shrink," he told Reuters Finance Secretary Tom Lanz said on '
     "Friday.", ("Tom Lanz", "holds_role", "Reuters", None)),
    ("portfolio-is-part-of-the-title", "The plan was backed by Obama Education Secretary John Mora.",
     ("John Mora", "holds_role", "Obama Education", None)),
    ("a-place-s-people-are-not-the-place", "Bob Vane, a leader of Iowa's evangelicals, endorsed Cole.",
     ("Bob Vane", "holds_role", "Iowa", None)),
    ("scorecard-bowler-is-the-other-side-s", "Lindale : Yorkshire 199 ( J. Pell 111 ; M. Orr 4-40 ) , Devon 232 .",
     ("M. Orr", "holds_role", "Yorkshire", None)),
    ("own-goal-is-the-other-side-s", "Croatia - Luka Babic ( 12th ) , Ivan Horvat ( 80th og )",
     ("Ivan Horvat", "holds_role", "Croatia", None)),
    ("portfolio-after-of-is-no-organisation", "Mark Lane, Minister of Regional and Industrial Expansion, ruled "
     "that the sale was allowed.", ("Mark Lane", "holds_role", "Expansion", None)),
    ("ticker-is-no-person", "Her cousin Nils Berg is chief executive of Orvel Industries, Inc. (NYSE: ORV).",
     ("NYSE", "holds_role", "Orvel Industries, Inc", None)),
]


# issue 13: an honorific is never a role
@pytest.mark.parametrize("text", ["Mr. John Smith, chairman of Siemens, spoke.", "Mrs. Jane Smith of Siemens spoke.",
                                  "Ms. Jane Smith is a director of Siemens."])
def test_honorific_is_never_a_role(nlp, text):
    rels = relations_of(nlp, text)
    assert not any((r.role or "").rstrip(".") in {"mr", "mrs", "ms"} for r in rels), tuples(rels)


@pytest.mark.parametrize("case", NEGATIVE, ids=[c[0] for c in NEGATIVE])
def test_no_relation(nlp, case):
    _, text, unexpected = case
    found = relations_of(nlp, text)
    assert not any((r.subject, r.predicate, r.object) == unexpected[:3] for r in found)
    assert not any(r.subject.lower().endswith(unexpected[0].lower()) and r.predicate == unexpected[1]
                   and r.object == unexpected[2] for r in found)


def test_relation_carries_evidence_pattern_and_types(nlp):
    text = "Alikhan Smaiylov, the prime minister of Kazakhstan, gave reporters a briefing."
    (rel,) = [r for r in relations_of(nlp, text) if r.predicate == "holds_role"]
    assert text[rel.evidence.start : rel.evidence.end] == rel.evidence.text
    assert rel.evidence.sentence == text
    assert rel.pattern == "holds_role.appos_of"
    assert (rel.subject_type, rel.object_type) == ("Person", "Country")
    assert 0 < rel.confidence <= 1


def test_one_relation_per_triple(nlp):
    text = ("President Kassym-Jomart Tokayev of Kazakhstan spoke. Kassym-Jomart Tokayev, the president of "
            "Kazakhstan, suggested favorable conditions.")
    rels = [r for r in relations_of(nlp, text) if r.predicate == "holds_role"]
    assert len(rels) == 1


def test_metadata_relations(nlp):
    text = "This article was first published by East Asia Forum. It is about trade."
    rels = relations_of(nlp, text, publisher="International Courant", first_published_in=("East Asia Forum",))
    found = {(r.subject, r.predicate, r.object) for r in rels}
    assert {("t", "published_by", "International Courant"), ("t", "first_published_in", "East Asia Forum")} <= found


# a document fact, not a claim: no sentence says "this document was published by X", so the evidence is empty
# and kg.claims does not list it
def test_metadata_relations_are_not_claims(nlp):
    from kg.claims import claim_dicts
    from kg.records import Extraction

    text = "It is about trade."
    document = Document(id="t", text=text, source_path="t.txt", content_hash="0", publisher="The Moscow Times")
    doc = nlp(text)
    rels = tuple(extract_relations(doc, extract_entities(doc), document))
    (rel,) = [r for r in rels if r.predicate == "published_by"]
    assert rel.evidence.start == rel.evidence.end and rel.subject_type == "Document"
    assert not list(claim_dicts(Extraction(document=document, relations=rels)))


def test_patterns_file_is_valid():
    cfg = config()
    names = [r.name for r in cfg.rules]
    assert len(names) == len(set(names))
    predicates = {r.predicate for r in cfg.rules}
    assert {"relocated_to", "left", "suspended_operations_in", "holds_role", "located_in"} <= predicates
    for rule in cfg.rules:
        assert rule.object in rule.anchors or rule.object == "clause_subject"
        assert rule.subject == "clause_subject" or rule.subject.split(":")[-1] in rule.anchors

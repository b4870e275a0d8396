"""Numeric claims (kg.extract.quantities): sentence → expected claims, one table per concern."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.quantities import extract_quantities
from kg.records import Document, Evidence, Quote


def _claims(nlp, text, quotes=(), title=None):
    doc = nlp(text)
    document = Document(id="t", text=text, source_path="t.txt", content_hash="x", title=title)
    return list(extract_quantities(doc, quotes, extract_entities(doc), document))


def _one(nlp, text, surface):
    found = [c for c in _claims(nlp, text) if c.text == surface]
    assert len(found) == 1, [c.text for c in _claims(nlp, text)]
    return found[0]


# sentence, surface, value, value_max, unit, counts_head
FORMS = [
    ("Nearly 1,400 companies left the country.", "Nearly 1,400", 1400, None, None, "company"),
    ("The firm hired 1400 workers last year.", "1400", 1400, None, None, "worker"),
    ("More than 1.6 million Russian citizens have entered Kazakhstan.", "More than 1.6 million", 1_600_000,
     None, None, "citizen"),
    ("Twenty vacancies were advertised.", "Twenty", 20, None, None, "vacancy"),
    ("Over a thousand foreign companies suspended operations in Russia.", "Over a thousand", 1000, None, None,
     "company"),
    ("Tens of thousands of Russians fled to Kazakhstan.", "Tens of thousands", 10_000, 100_000, None,
     "russian"),
    ("Hundreds of businesses have left Russia.", "Hundreds", 200, 1000, None, "business"),
    ("A poll showed that 38% of Kazakhs were against the influx.", "38%", 0.38, None, "%", "kazakh"),
    ("Only 0.2% of voters backed the plan.", "Only 0.2%", 0.002, None, "%", "voter"),
    ("The fund spent $415 on each flat.", "$415", 415, None, "USD", "flat"),
    ("Rental prices ranged from $415 to $1040 a month.", "from $415 to $1040", 415, 1040, "USD", "price"),
    ("Between 10 and 20 ships docked in the port.", "Between 10 and 20", 10, 20, None, "ship"),
    ("One in two of the major foreign companies has suspended operations.", "One in two", 0.5, None, "ratio",
     "company"),
    ("One out of two of the major foreign companies has suspended operations.", "One out of two", 0.5, None,
     "ratio", "company"),
    ("The number of Russian companies in Kazakhstan increased by about 4,000.", "about 4,000", 4000, None, None,
     "company"),
    ("The bill raised 2 billion euros for schools.", "2 billion euros", 2e9, None, "EUR", "school"),
    ("Out of a workforce of 9 million, only 1 million are employed.", "9 million", 9e6, None, None, "workforce"),
    ("Nearly a third of Russians support the war.", "Nearly a third", 1 / 3, None, "ratio", "russian"),
    ("Two-thirds of the companies left Russia.", "Two-thirds", 2 / 3, None, "ratio", "company"),
    ("Half of the respondents oppose it.", "Half", 0.5, None, "ratio", "respondent"),
    # a bare "half": before a determiner or a possessive, after a word of approximation, as a change's size
    ("The valley is home to nearly half the county's farms.", "nearly half", 0.5, None, "ratio", "farm"),
    ("Half Acme's stores were shut in May.", "Half", 0.5, None, "ratio", "store"),
    ("Exports to the port fell by half in April.", "half", 0.5, None, "ratio", "export"),
    # a share of a scale word is one amount, and "and a half" goes on with the cardinal before it
    ("The valley has half a million residents.", "half a million", 5e5, None, None, "resident"),
    ("Three quarters of a million voters stayed home.", "Three quarters of a million", 7.5e5, None, None,
     "voter"),
    ("Growers lost two and a half million tonnes of wheat.", "two and a half million tonnes", 2.5e6, None,
     "metric_ton", "wheat"),
    ("The plant cost one and a half billion dollars to build.", "one and a half billion dollars", 1.5e9, None,
     "USD", "plant"),
    ("The crew packed half a dozen crates.", "half a dozen", 6, None, None, "crate"),
    ("Traders moved trillions of dollars into bonds.", "trillions of dollars", 2e12, 1e15, "USD", "bond"),
    ("Some 3,000 troops were deployed in the 1990s.", "Some 3,000", 3000, None, None, "troop"),
    ("The government allocated 2.5 billion tenge to the program.", "2.5 billion tenge", 2.5e9, None, "KZT", "program"),
    ("The bank lent €2.3m to smaller firms.", "€2.3m", 2.3e6, None, "EUR", "firm"),
    ("Russia's central bank raised its key rate to 20 percent.", "20 percent", 0.2, None, "%", "rate"),
    ("Fees run from 5.1 per cent to 5.8 per cent.", "from 5.1 per cent to 5.8 per cent", 0.051, 0.058,
     "%", "fee"),
]


@pytest.mark.parametrize(("text", "surface", "value", "value_max", "unit", "head"), FORMS)
def test_quantities_number_forms(nlp, text, surface, value, value_max, unit, head):
    c = _one(nlp, text, surface)
    assert c.value == pytest.approx(value)
    assert (c.value_max is None and value_max is None) or c.value_max == pytest.approx(value_max)
    assert (c.unit, c.counts_head) == (unit, head)
    assert text[c.evidence.start : c.evidence.end] == surface


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("Nearly", "approx"), ("About", "approx"), ("Roughly", "approx"), ("Around", "approx"),
        ("Some", "approx"), ("More than", "over"), ("Over", "over"), ("Above", "over"),
        ("Greater than", "over"), ("Less than", "under"), ("Fewer than", "under"), ("Below", "under"),
        ("At least", "at_least"), ("Up to", "at_most"), ("At most", "at_most"), ("Exactly", "exact"),
    ],
)
def test_quantities_qualifiers(nlp, phrase, qualifier):
    c = _one(nlp, f"{phrase} 300 people attended the rally.", f"{phrase} 300")
    assert (c.value, c.qualifier, c.counts_head) == (300, qualifier, "people")


def test_quantities_qualifier_after_the_number(nlp):
    c = _one(nlp, "Officials expect 50 or more companies to relocate.", "50 or more")
    assert c.qualifier == "at_least"


@pytest.mark.parametrize(
    "text",
    [
        "In 2022, the government met on July 14, 2022 at 10 a.m. to discuss it.",  # dates, years, times
        "The 7th Congress opened and the 176th issue of the newspaper was printed.",  # ordinals
        "The story ran on page 5 of issue 12, No. 3 in the series.",  # page and issue numbers
        "Ivan Petrov, 45, said the plan had failed.",  # age in apposition
        "The minister, aged 61, resigned.",  # age
        "Visitors could not stay for more than 90 out of 180 days.",  # a stay rule, by decision
        "One district hospital advertised jobs in one-room flats.",  # article "one", hyphenated modifier
        "The Su-27 jets and COVID-19 cases were discussed.",  # numbers inside names
        "Please support us monthly starting from just $2.",  # boilerplate
        "He was sentenced to 10 years in prison.",  # a term served
        "Two years later, the council approved the budget.",  # a duration that places an event in time
        "The bridge was closed 7 months ago.",
        "The bridge was closed seven months ago, and the ferry was busy.",
        "All three nations view the migrants as prize captures.",  # reference to a known set
        "Many went on to Uzbekistan and Kyrgyzstan, two other Central Asian nations.",  # apposition
        "See https://example.com/2022/07/14/story-a78294 for details.",  # URL and id
        "The iPhone 12 and the S&P 500 are names, and so is Fortune 100.",  # model and index numbers
        "The effect was reported before [26] and again in (24).",  # citations
        "The home side came back from 2-0 down to draw 2-2.",  # scores
        "A category 4 storm hit the coast, as Fig. 3 shows.",  # classes and figure numbers
        "The office at 221 Baker Street was leased on Friday.",  # a street number
        "The airline grounded its 737 Max fleet after the crash.",  # a model number before a name
        "The trial of COVID -19 vaccines began at 5am.",  # a name with a spaced dash; a clock time
        "A third wave of emigration followed in the 1990s.",  # ordinal "third", decade
        "Men aged 18 to 65 were barred from leaving, and 5G networks were down.",  # ages, names
        "The top 10 exporters were named.",  # a rank
    ],
)
def test_quantities_exclusions(nlp, text):
    assert [c.text for c in _claims(nlp, text)] == []


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The two candidates met in Dayton on Friday.", "candidates"),
        ("Those three plants will close next year.", "plants"),
        ("These four bridges carry most of the traffic.", "bridges"),
    ],
)
def test_quantities_definite_count_is_kept_with_its_frame(nlp, text, counts):
    # "the two candidates" states how many there are (of a set the story may have named): a claim with what
    # it counts, at a lower confidence; "all three" and "the first two" stay out (test above, frames tests)
    (claim,) = _claims(nlp, text)
    assert (claim.counts, claim.confidence) == (counts, 0.7)


@pytest.mark.parametrize("text", ["The first two waves came in May.", "The top five exporters were named."])
def test_quantities_rank_before_a_definite_number_is_a_selection(nlp, text):
    assert _claims(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Prices have doubled over the past three months.", "three months", 3, "month"),
        ("Over the last five days the ferry sailed twice.", "five days", 5, "day"),
        ("In the first 100 days the council met weekly.", "100 days", 100, "day"),
        ("The depot will hire drivers over the next two years.", "two years", 2, "year"),
    ],
)
def test_quantities_period_covered_kept_without_frame(nlp, text, surface, value, unit):
    # the period a statement covers is a figure the text states: kept with its time unit, but it measures
    # nothing else, so it has no counted phrase (and compares with no other claim)
    claim = next(c for c in _claims(nlp, text) if c.text.endswith(surface))
    assert (claim.value, claim.unit, claim.counts, claim.counts_head) == (value, unit, None, None)


def test_quantities_no_claims_after_recent_posts_heading(nlp):
    text = "About 300 people attended the rally.\n\nRecent Posts\n\nWhere Did Nearly One Million Soldiers Go?"
    assert [c.text for c in _claims(nlp, text)] == ["About 300"]


def test_quantities_boilerplate_markers_are_phrases_not_words(nlp):
    text = "Russia's contribution of 5,000 troops was announced."
    assert [c.text for c in _claims(nlp, text)] == ["5,000"]


def test_quantities_timestamp_marker_only_in_a_short_line(nlp):
    # "3 hours ago" alone is another post's timestamp; in a sentence of news it dates what the figures describe
    assert _claims(nlp, "Posted 3 hours ago") == []
    text = "Three weeks ago the depot hired 40 drivers for the new routes."
    assert [c.text for c in _claims(nlp, text)] == ["40"]


@pytest.mark.parametrize("text", ["Ruiz waited for half an hour.", "The plan was half-baked."])
def test_quantities_half_that_is_no_share(nlp, text):
    assert not any(c.value == 0.5 for c in _claims(nlp, text))


def test_quantities_headline_repeat_is_one_claim(nlp):
    title = "50 companies left Russia for Kazakhstan"
    text = title + "\n\n50 international companies have relocated to Kazakhstan, officials said."
    claims = _claims(nlp, text, title=title)
    assert [c.evidence.start for c in claims] == [len(title) + 2]


# sentence, surface, counts, predicate, place, time
WHAT = [
    ("More than 1.6 million Russian citizens have entered Kazakhstan since the beginning of 2022.",
     "More than 1.6 million", "Russian citizens", "entered Kazakhstan", "Kazakhstan", "since the beginning of 2022"),
    ("Tokayev proposed favorable conditions for the nearly 1,000 foreign companies that have suspended "
     "operations in Russia.", "nearly 1,000", "foreign companies", "suspended operations in Russia", "Russia", None),
    # the whole of a partitive: the verb is about the part ("one out of two"), not about the 1,400
    ("One out of two of the nearly 1,400 major foreign companies has suspended operations in Russia.",
     "nearly 1,400", "major foreign companies", None, None, None),
    ("One out of two of the nearly 1,400 major foreign companies has suspended operations in Russia.",
     "One out of two", "major foreign companies", "suspended operations in Russia", "Russia", None),
    ("At least 18 countries are known to have shipped goods to Russia.", "At least 18", "countries",
     "are known to have shipped goods to Russia", "Russia", None),
    ("50 foreign businesses have moved from Russia to Kazakhstan.", "50", "foreign businesses",
     "moved from Russia to Kazakhstan", "Kazakhstan", None),
    ("98,000 Russians fled to Kazakhstan the week after mobilization.", "98,000", "Russians", "fled to Kazakhstan",
     "Kazakhstan", "the week after mobilization"),
    ("About 100 companies have applied for relocation.", "About 100", "companies", "applied for relocation", None,
     None),
    ("A survey of eight of the country's largest banks found problems.", "eight", "country's largest banks",
     None, None, None),
]


@pytest.mark.parametrize(("text", "surface", "counts", "predicate", "place", "time"), WHAT)
def test_quantities_what_is_counted(nlp, text, surface, counts, predicate, place, time):
    c = _one(nlp, text, surface)
    assert (c.counts, c.predicate, c.place, c.time) == (counts, predicate, place, time)


def test_quantities_ellipsis_inherits_counted_noun(nlp):
    text = "More than 50 foreign businesses have moved to Kazakhstan, while another 56 have applied."
    assert _one(nlp, text, "56").counts == "foreign businesses"


def test_quantities_share_of_the_total_counts_the_clause_subject(nlp):
    text = "32,000 Russian citizens were arrested for violating immigration laws, accounting for 0.2% of the total."
    assert _one(nlp, text, "0.2%").counts_head == "citizen"


# sentence, surface, source, source_kind
SOURCES = [
    ("According to the Ministry of Internal Affairs, more than 1.6 million Russian citizens have entered "
     "Kazakhstan.", "more than 1.6 million", "Ministry of Internal Affairs", "according_to"),
    ("According to Kazakh officials, 200,000 Russians fled to Kazakhstan.", "200,000", "Kazakh officials",
     "according_to"),
    ("A U.S. Treasury and Commerce Department list of at least 18 countries includes Kazakhstan.", "at least 18",
     "U.S. Treasury and Commerce Department", "named_source"),
    ("President Kassym-Jomart Tokayev spoke on Thursday. He stated that one in two of the nearly 1,400 major "
     "foreign companies had left Russia.", "nearly 1,400", "Kassym-Jomart Tokayev", "speaker"),
    ("A poll showed that 38% of Kazakhs were against the influx.", "38%", "poll", "named_source"),
    ("In a survey of 500 residents, 30% said they feared the influx.", "30%", "survey of 500 residents",
     "named_source"),
    ("More than 50 foreign businesses have moved to Kazakhstan.", "More than 50", None, None),
    ("More than 700,000 people have left Russia since Sept. 21, Forbes reported, citing sources.",
     "More than 700,000", "Forbes", "named_source"),
    ("At least 12 people were killed and dozens were injured, police said.", "dozens", "police", "named_source"),
]


@pytest.mark.parametrize(("text", "surface", "source", "kind"), SOURCES)
def test_quantities_source_in_the_sentence(nlp, text, surface, source, kind):
    c = _one(nlp, text, surface)
    assert (c.source, c.source_kind) == (source, kind)


def _quote(text, content, speaker):
    start = text.index(content)
    ev = Evidence(start, start + len(content), content, 0, len(text), text)
    return Quote(speaker=speaker, speaker_mention=speaker, cue="say", content=content, direct=True, evidence=ev)


def test_quantities_source_is_the_enclosing_quote_speaker(nlp):
    text = ('"We are witnessing a struggle. One out of two of the nearly 1,400 major foreign companies has '
            'left," he said. Other firms stayed, 20 of them in Almaty.')
    quotes = (_quote(text, "Other firms stayed", "Someone Else"),
              _quote(text, "We are witnessing a struggle. One out of two of the nearly 1,400 major foreign "
                           "companies has left,", "Kassym-Jomart Tokayev"))
    claims = {c.text: c for c in _claims(nlp, text, quotes)}
    assert (claims["nearly 1,400"].source, claims["nearly 1,400"].source_kind) == ("Kassym-Jomart Tokayev",
                                                                                  "speaker")
    assert claims["nearly 1,400"].quote_index == 1
    assert claims["One out of two"].quote_index == 1
    assert claims["20"].quote_index is None


def test_quantities_according_to_beats_a_longer_quote(nlp):
    text = "Officials spoke. According to Sagintayev, more than 100 companies have applied for relocation."
    quotes = (_quote(text, text, "Sayakmantova"),)
    c = _one_with(nlp, text, quotes, "more than 100")
    assert (c.source, c.source_kind, c.quote_index) == ("Sagintayev", "according_to", 0)


def _one_with(nlp, text, quotes, surface):
    return next(c for c in _claims(nlp, text, quotes) if c.text == surface)


def test_quantities_evidence_offsets_point_into_the_text(nlp):
    text = "Kazakhstan said.\n\nMore than 50 foreign businesses have moved, while another 56 have applied."
    for c in _claims(nlp, text):
        assert text[c.evidence.start : c.evidence.end] == c.text == c.evidence.text
        assert text[c.evidence.sentence_start : c.evidence.sentence_end] == c.evidence.sentence
        assert "\n\n" not in c.evidence.sentence


# --- newswire forms (issue 11): sentence, surface, value, value_max, unit, change ---------------------------
WIRE_FORMS = [
    ("Acme said net profit reached 17 mln dlrs.", "17 mln dlrs", 17e6, None, "USD", None),
    ("The grid company raised 1.5 bn euros from investors.", "1.5 bn euros", 1.5e9, None, "EUR", None),
    ("The miner sold the mine for $5.4m to a rival.", "$5.4m", 5.4e6, None, "USD", None),
    ("The regulator fined the bank 3 billion rupees.", "3 billion rupees", 3e9, None, "INR", None),
    ("The board approved a budget of US$ 40 million for roads.", "US$ 40 million", 40e6, None, "USD", None),
    ("The port operator paid HK $5.4m for the cranes.", "HK $5.4m", 5.4e6, None, "HKD", None),
    ("The port operator paid HK$12 million for the cranes.", "HK$12 million", 12e6, None, "HKD", None),
    ("The railway spent C$250 million on new track.", "C$250 million", 250e6, None, "CAD", None),
    ("The club paid PS21,700 for the painting.", "PS21,700", 21700, None, "GBP", None),
    ("The club paid £21,700 for the painting.", "£21,700", 21700, None, "GBP", None),
    ("The toy maker closed at Y=5,182 on Friday.", "Y=5,182", 5182, None, "JPY", None),
    ("The grain board sold 3.5 mln stg of barley.", "3.5 mln stg", 3.5e6, None, "GBP", None),
    ("The ferry firm bought 400 million yen of fuel.", "400 million yen", 4e8, None, "JPY", None),
    ("The carrier paid USD1,700 per ounce of gold.", "USD1,700 per ounce", 1700, None, "USD_per_ounce", None),
    ("Shares of the brewer rose 12 cts in early trade.", "12 cts", 0.12, None, "USD", "up"),
    ("The stock shed 118.5p over the week.", "118.5p", 1.185, None, "GBP", "down"),
    ("Exports fell 3.2 pct in the quarter.", "3.2 pct", 0.032, None, "%", "down"),
    ("Sales grew 4 per cent in the spring.", "4 per cent", 0.04, None, "%", "up"),
    ("Turnout was 61 percent in the city.", "61 percent", 0.61, None, "%", None),
    ("Mortgage rates climbed 0.25 percentage points in June.", "0.25 percentage points", 0.25, None, "pp", "up"),
    ("Borrowing costs eased to 1.38pc for the state.", "1.38pc", 0.0138, None, "%", None),
    ("Industrial output changed by -1.6% over the year.", "-1.6%", -0.016, None, "%", None),
    ("The index ended the session +0.8% higher.", "+0.8%", 0.008, None, "%", "up"),
    ("Overnight the lake cooled to minus 12 degrees Celsius.", "minus 12 degrees Celsius", -12, None,
     "degree_Celsius", None),
    ("Winds of 50mph knocked down trees.", "50mph", 50, None, "mile_per_hour", None),
    ("The trawler landed a 278kg tuna.", "278kg", 278, None, "kilogram", None),
    ("The cooperative shipped 35,401 tonnes of cocoa.", "35,401 tonnes", 35401, None, "metric_ton", None),
    ("The refinery processed 90,000 barrels of crude.", "90,000 barrels", 90000, None, "barrel", None),
    ("The hikers walked 12 km along the ridge.", "12 km", 12, None, "kilometer", None),
    ("The developer leased 40,000 sq ft of offices.", "40,000 sq ft", 40000, None, "square_foot", None),
    ("The tablet offers 64GB of storage.", "64GB", 64, None, "gigabyte", None),
    ("The plant added a 6.1-inch screen to the phone.", "6.1-inch", 6.1, None, "inch", None),
    ("A teaspoon holds 1⁄32 of a cup of water.", "1⁄32", 1 / 32, None, "ratio", None),
    ("Farmers sold 3/4 of the harvest abroad.", "3/4", 0.75, None, "ratio", None),
    ("One in five voters stayed at home.", "One in five", 0.2, None, "ratio", None),
    ("Between one and three billion people watched the final.", "Between one and three billion", 1e9, 3e9, None,
     None),
    ("The fund manages between $2 and $3 billion for pensioners.", "between $2 and $3 billion", 2e9, 3e9, "USD",
     None),
]


@pytest.mark.parametrize(("text", "surface", "value", "value_max", "unit", "change"), WIRE_FORMS)
def test_quantities_wire_forms(nlp, text, surface, value, value_max, unit, change):
    c = _one(nlp, text, surface)
    assert c.value == pytest.approx(value)
    assert (c.value_max is None and value_max is None) or c.value_max == pytest.approx(value_max)
    assert (c.unit, c.change) == (unit, change)


def test_quantities_change_to_a_level_is_two_numbers(nlp):
    claims = _claims(nlp, "Cocoa exports fell 7.8 pct to 35,401 tonnes in March.")
    assert [(c.text, c.value_max, c.unit, c.change) for c in claims] == [
        ("7.8 pct", None, "%", "down"), ("35,401 tonnes", None, "metric_ton", None)]
    assert {c.counts for c in claims} == {"Cocoa exports"}


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("Unemployment fell from 5.1 per cent to 4.8 per cent.", [(0.051, "%"), (0.048, "%")]),
        ("Inflation is seen easing from 6.3 to 6.1 percent next year.", [(0.063, "%"), (0.061, "%")]),
        ("Rents rose from $415 to $1040 last spring.", [(415, "USD"), (1040, "USD")]),
        ("The herd shrank from 1,200 tonnes to 950 in a decade.", [(1200, "metric_ton"), (950, "metric_ton")]),
    ],
)
def test_quantities_change_from_a_level_to_a_level_is_two_numbers(nlp, text, levels):
    claims = _claims(nlp, text)
    assert [(pytest.approx(c.value), c.unit) for c in claims] == levels
    assert all(c.value_max is None for c in claims)


def test_quantities_rise_by_then_to_is_two_numbers(nlp):
    claims = _claims(nlp, "The trade gap widened by $27.3 billion to $356.8 billion.")
    assert [(c.value, c.value_max) for c in claims] == [(27.3e9, None), (356.8e9, None)]


@pytest.mark.parametrize(
    ("text", "surface", "head"),
    [
        ("The ferry company spent $415 on each cabin.", "$415", "cabin"),
        ("The city paid 2 million euros for the new bridge.", "2 million euros", "bridge"),
        ("The tickets cost HK $5.4m.", "HK $5.4m", "ticket"),
        ("Its net profit was 17 mln dlrs.", "17 mln dlrs", "profit"),
        ("Utility stocks, which were up 3.4%, led the index.", "3.4%", "stock"),
    ],
)
def test_quantities_money_and_shares_get_what_they_measure(nlp, text, surface, head):
    c = next(c for c in _claims(nlp, text) if c.text.rstrip(".") == surface)
    assert c.counts_head == head


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The agency counted 1e400 cases. The firm hired 250 engineers.", ["250"]),
        ("The agency counted " + "9" * 400 + " cases. The firm hired 250 engineers.", ["250"]),
        ("Officials listed 1,2,3,4 items. The firm hired 250 engineers.", ["250"]),
        ("Exports reached NaN tonnes and inf dollars. The firm hired 250 engineers.", ["250"]),
        ("The firm hired 250 engineers. The price was $", ["250"]),
        ("The firm hired 250 engineers. The survey found that one in", ["250"]),
    ],
)
def test_quantities_bad_input_keeps_the_other_claims(nlp, text, kept):
    assert [c.text for c in _claims(nlp, text)] == kept


# sentence, surface, value, unit, counts_head: a length of time that measures something is a claim
DURATIONS = [
    ("The meeting lasted 3 hours.", "3 hours", 3, "hour", "meeting"),
    ("The comet returns every 76 years.", "76 years", 76, "year", "comet"),
    ("The ferry service was suspended for more than three months.", "more than three months", 3, "month", "service"),
    ("The car reaches 100 km/h in 4.1 seconds.", "4.1 seconds", 4.1, "second", "car"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit", "head"), DURATIONS)
def test_quantities_durations_that_measure_something(nlp, text, surface, value, unit, head):
    c = _one(nlp, text, surface)
    assert (c.value, c.unit, c.counts_head) == (pytest.approx(value), unit, head)


# sentence, surface, counts_head: what an amount, a share or a measure is of
WHAT_IT_MEASURES = [
    ("The camera has a 352 μm pixel pitch.", "352 μm", "pitch"),  # modifiers climbed to their noun
    ("The founders are sitting on $3 billion in gains.", "$3 billion", "gain"),  # "in" on the amount
    ("The town will get a road grant worth up to $6 million.", "up to $6 million", "grant"),  # "worth"
    ("Two banks pulled the index 1.2 percent lower.", "1.2 percent", "index"),  # resultative object
    ("Acme rose 3 per cent to $17.20 and Beta slipped.", "$17.20", "acme"),  # nearest noun of the clause
    ("The villa sold for record $44 million last week.", "$44 million", "villa"),  # not "record"
    ("The trail runs for seven miles (11 km) along the coast.", "11 km", "trail"),  # a conversion
    ("The engine makes 300 hp (224 kW / 304 PS).", "224 kW", "engine"),
]


@pytest.mark.parametrize(("text", "surface", "head"), WHAT_IT_MEASURES)
def test_quantities_what_an_amount_measures(nlp, text, surface, head):
    assert _one(nlp, text, surface).counts_head == head


# sentence, surface, value, value_max, unit, qualifier: science and data forms
SIGN_FORMS = [
    ("Net uptake rose by 42–48% in the warmed plots.", "42–48%", 0.42, 0.48, "%", "exact"),
    ("The core was sampled at 1200–1350 metres below the seabed.", "1200–1350 metres", 1200, 1350, "meter", "exact"),
    ("The flux of case A is ~10% smaller than that of case B.", "~10%", 0.1, None, "%", "approx"),
    ("The colony built ∼40 nests on the cliff.", "∼40", 40, None, None, "approx"),
    ("The isotope ratio showed a 1.5‰ decline.", "1.5‰", 1.5, None, "permille", "exact"),
    ("The mixture was boiled for 12 h in a sealed flask.", "12 h", 12, None, "hour", "exact"),
]


@pytest.mark.parametrize(("text", "surface", "value", "value_max", "unit", "qualifier"), SIGN_FORMS)
def test_quantities_sign_and_dash_forms(nlp, text, surface, value, value_max, unit, qualifier):
    c = _one(nlp, text, surface)
    assert (c.value, c.value_max, c.unit, c.qualifier) == (
        pytest.approx(value), pytest.approx(value_max) if value_max is not None else None, unit, qualifier)


def test_quantities_a_period_in_one_token_is_no_range(nlp):
    texts = [c.text for c in _claims(nlp, "The survey ran through 2005–2010 in 14 towns.")]
    assert texts == ["14"]


# sentence, surface, value, unit, counts_head: forms that looked like modifiers or articles but count
COUNTED_FORMS = [
    ("The port is 61.2 percent-owned by the state.", "61.2 percent", 0.612, "%", "port"),
    ("The province runs one 38,000 barrel-a-day refinery.", "38,000 barrel", 38000, "barrel", "refinery"),
    ("One of the two suspects was released.", "One", 1, None, "suspect"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit", "head"), COUNTED_FORMS)
def test_quantities_shares_in_modifiers_and_one_of_a_set(nlp, text, surface, value, unit, head):
    c = _one(nlp, text, surface)
    assert (c.value, c.unit, c.counts_head) == (pytest.approx(value), unit, head)


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "head"),
    [
        ("The crews rebuilt a 120-year-old bridge.", "120-year-old", 120, "year", "bridge"),
        ("The lake sits on 400 million year-old rock.", "400 million year-old", 4e8, "year", "rock"),
        ("The mill is 210 years old.", "210 years old", 210, "year", "mill"),
    ],
)
def test_quantities_an_age_written_with_its_unit_measures_the_thing(nlp, text, surface, value, unit, head):
    c = _one(nlp, text, surface)
    assert (c.value, c.unit, c.counts_head) == (pytest.approx(value), unit, head)


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "head"),
    [
        ("The deal was worth up to PS3.9m.", "up to PS3.9m.", 3.9e6, "GBP", "deal"),
        ("The cart can reach 40km/hr on the flat.", "40km/hr", 40, "kilometer_per_hour", "cart"),
        ("Each of our loaves weighs only ~450g after baking.", "only ~450g", 450, "gram", None),
        ("The average rent was $2,100, up 4.1% year over year.", "4.1%", 0.041, "%", "rent"),
    ],
)
def test_quantities_glued_forms_at_edges(nlp, text, surface, value, unit, head):
    c = _one(nlp, text, surface)
    assert (c.value, c.unit) == (pytest.approx(value), unit)
    if head is not None:
        assert c.counts_head == head


def test_quantities_spaced_dash_range_and_plain_noun_scores(nlp):
    claims = _claims(nlp, "Test scores ranged 40 – 90 points, and baking takes ~25 – 40min.")
    assert [(c.value, c.value_max, c.unit) for c in claims] == [(40, 90, None), (25, 40, "minute")]


def test_quantities_age_in_apposition_and_a_far_year_are_no_claims(nlp):
    assert [c.text for c in _claims(nlp, "Marlowe, 66, said seas could rise 3 feet by 2150.")] == ["3 feet"]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier"),
    [
        ("The new engine makes 410 Nm of torque.", "410 Nm", 410, "meter_newton", "exact"),
        ("The old engine made 300 lb-ft of torque.", "300 lb-ft", 300, "foot_force_pound", "exact"),
        ("The luthier fitted a 24.75″ neck.", "24.75″", 24.75, "inch", "exact"),
        ("The fab will make sub-5 nanometer chips.", "sub-5 nanometer", 5, "nanometer", "under"),
    ],
)
def test_quantities_torque_marks_and_sub(nlp, text, surface, value, unit, qualifier):
    c = _one(nlp, text, surface)
    assert (c.value, c.unit, c.qualifier) == (pytest.approx(value), unit, qualifier)

"""Tracing and comparing numeric claims (kg.compare): plain rows in, groups out — no store, no spaCy."""

from __future__ import annotations

import pytest

from kg import compare


def row(doc, value, counts="companies", head="company", predicate="relocated to Kazakhstan", qualifier="exact",
        unit=None, value_max=None, place="Kazakhstan", time=None, source=None, sentence=None, date=None, subject=None,
        **links):
    return {"claim": f"urn:{doc}:{value}:{predicate}", "doc": doc, "value": value, "value_max": value_max,
            "unit": unit, "qualifier": qualifier, "counts": counts, "counts_head": head, "predicate": predicate,
            "place": place, "time": time, "source": source, "text": str(value), "start": 0,
            "sentence": sentence, "date": date, "subject": subject,
            "republication_of": links.get("rep", ""), "reuses_passages_of": links.get("reuse", ""),
            "same_story_as": links.get("same", "")}


@pytest.mark.parametrize(
    ("claim", "target", "tolerance", "unit", "expected"),
    [
        (row("a", 1400), 1400, 0.005, None, True),
        (row("a", 1400), 1404, 0.005, None, True),
        (row("a", 1400), 1500, 0.005, None, False),
        (row("a", 1400), 1500, 0.1, None, True),
        (row("a", 10_000, value_max=100_000), 40_000, 0.005, None, True),
        (row("a", 0.38, unit="%"), 0.38, 0.005, "%", True),
        (row("a", 0.5, unit="ratio"), 0.5, 0.005, "%", True),  # shares compare with shares
        (row("a", 415, unit="USD"), 415, 0.005, "%", False),
    ],
)
def test_compare_matches_value(claim, target, tolerance, unit, expected):
    assert compare.matches_value(claim, target, tolerance, unit) is expected


@pytest.mark.parametrize(
    ("qualifier", "value_max", "expected"),
    [
        ("exact", None, (995, 1005)),
        ("approx", None, (900, 1100)),
        ("over", None, (1000, 1500)),
        ("at_least", None, (1000, 1500)),
        ("under", None, (670, 1000)),
        ("at_most", None, (500, 1000)),
        ("approx", 2000, (1000, 2000)),
    ],
)
def test_compare_interval_by_qualifier(qualifier, value_max, expected):
    lo, hi = compare.interval(row("a", 1000, qualifier=qualifier, value_max=value_max))
    assert (lo, hi) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (row("a", 50, counts="foreign businesses", head="business"), row("b", 100), True),  # head classes
        (row("a", 1, counts="Russians", head="russian", predicate="fled to Kazakhstan"),
         row("b", 2, counts="Russian citizens", head="citizen", predicate="entered Kazakhstan"), True),
        # no place stated on one side: its sentence names the other's place
        (row("a", 50), row("b", 100, predicate="applied for relocation of offices", place=None,
                           sentence="About 100 firms have applied for relocation of offices to Kazakhstan."), True),
        (row("a", 50), row("b", 1000, predicate="suspended operations in Russia", place="Russia"), False),
        (row("a", 50), row("b", 1000, predicate="suspended operations", place=None), False),  # classes differ
        (row("a", 50), row("b", 50, place="Uzbekistan"), False),
        (row("a", 50, predicate=None), row("b", 50), False),  # a count with no predicate is another measure
        (row("a", 50, predicate=None), row("b", 60, predicate=None), True),
        (row("a", 50), row("b", 50, counts="IT specialists", head="specialist"), False),
        (row("a", 0.3, unit="%"), row("b", 30), False),
        (row("a", 50, time="in 2021"), row("b", 50, time="since the beginning of 2022"), False),
        (row("a", 32000, counts="Russian citizens", head="citizen", predicate="were arrested for violating "
                                                                            "immigration laws"),
         row("b", 1.6e6, counts="Russian citizens", head="citizen", predicate="entered Kazakhstan"), False),
    ],
)
def test_compare_same_measure(a, b, same):
    assert compare.same_measure(a, b) is same
    assert compare.same_measure(b, a) is same


def test_compare_clusters_join_linked_documents():
    rows = [row("001", 1), row("002", 1, rep="001"), row("000", 1, reuse="001 002"), row("003", 1)]
    cl = compare.clusters(rows)
    assert cl["000"] == cl["001"] == cl["002"] != cl["003"]


def test_compare_trace_order_puts_originals_before_copies():
    rows = [row("000", 1400, reuse="001"), row("002", 1400, rep="001"), row("001", 1400), row("003", 1400)]
    assert [r["doc"] for r in compare.trace_order(rows)] == ["001", "000", "002", "003"]
    assert compare.copy_note(rows[1]) == "republication of 001"
    assert compare.copy_note(rows[2]) is None


def test_compare_conflicts_need_disagreement_across_documents():
    rows = [
        row("a", 50, qualifier="over"), row("b", 100, qualifier="approx"),  # 50–75 vs 90–110: disagree
        row("a", 1000, predicate="suspended operations in Russia", place="Russia", qualifier="approx"),
        row("c", 1000, predicate="left the Russian market", place=None, qualifier="over"),  # agree
    ]
    groups = compare.find_conflicts(rows)
    assert [sorted(c["value"] for c in g.claims) for g in groups] == [[50, 100]]
    assert compare.find_conflicts(rows, about="relocated")
    assert compare.find_conflicts(rows, about="banks") == []


def test_compare_same_document_numbers_are_not_a_conflict():
    assert compare.find_conflicts([row("a", 50), row("a", 100)]) == []


def test_compare_agreements_count_republications_once():
    rows = [
        row("001", 1000, qualifier="approx"), row("002", 1000, qualifier="approx", rep="001"),
        row("000", 1000, qualifier="approx", reuse="001"),
    ]
    assert compare.find_agreements(rows) == []
    rows.append(row("003", 1000, qualifier="over"))
    (group, independent), = compare.find_agreements(rows)
    assert independent == 2
    assert {c["doc"] for c in group.claims} == {"000", "001", "002", "003"}


def test_compare_show_value_uses_qualifier_signs():
    assert compare.show_value(row("a", 1400, qualifier="approx")) == "≈1,400"
    assert compare.show_value(row("a", 0.38, unit="%", qualifier="over")) == ">38%"
    assert compare.show_value(row("a", 415, unit="USD", value_max=1040)) == "415–1,040 USD"


def test_compare_trace_sparql_fills_the_values_line():
    text = compare.trace_sparql(1400.0, 0.01)
    dec = "^^<http://www.w3.org/2001/XMLSchema#decimal>"
    assert f'VALUES (?target ?tolerance) {{ ("1400.0"{dec} "0.01"{dec}) }}' in text
    assert "(UNDEF UNDEF)" in compare.trace_sparql(None)
    assert text.count("VALUES (?target") == 1


# --- issue 11: comparable frames ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # distinguishing modifiers: both say which ones, and they say different things
        (row("a", 5e6, counts="net profit", head="profit", predicate="rose", unit="USD", place=None),
         row("b", 9e6, counts="operating profit", head="profit", predicate="rose", unit="USD", place=None), False),
        # synonyms from rules/number_concept_synonyms.txt: "major foreign" and "large international"
        (row("a", 1000, counts="major foreign companies"), row("b", 1400, counts="large international firms",
                                                                head="firm"), True),
        (row("a", 1000, counts="small companies"), row("b", 1400, counts="large companies"), False),
        # a hundredfold apart is another quantity, however alike the words
        (row("a", 3, counts="House members", head="member", predicate=None, place=None),
         row("b", 1.6e9, counts="members", head="member", predicate=None, place=None), False),
        # currencies are never converted
        (row("a", 415, unit="USD", counts="rent", head="rent"), row("b", 400, unit="EUR", counts="rent",
                                                                      head="rent"), False),
        # percentage points are not percent
        (row("a", 0.25, unit="pp", counts="rate", head="rate"), row("b", 0.0025, unit="%", counts="rate",
                                                                      head="rate"), False),
    ],
)
def test_compare_comparable_frames(a, b, same):
    assert compare.same_measure(a, b) is same
    assert compare.same_measure(b, a) is same


@pytest.mark.parametrize(("counts", "head", "ok"), [("which", "which", False), ("dlrs", "dlr", False),
                                                    ("coffee exports", "export", True), (None, None, False)])
def test_compare_comparable_needs_a_counted_thing(counts, head, ok):
    assert compare.comparable(row("a", 1, counts=counts, head=head)) is ok


def test_compare_groups_say_why_they_are_comparable():
    rows = [row("a", 50, qualifier="over", counts="foreign companies"),
            row("b", 100, counts="international businesses", head="business")]
    (group,) = compare.find_conflicts(rows)
    assert group.why == "counts company (foreign); event move_in; place Kazakhstan; no conflicting years; plain count"


def test_compare_a_change_is_not_a_level():
    a = row("a", 7e8, counts="gold reserves", head="reserve", predicate="rose", unit="ZAR", place="South Africa")
    b = dict(row("b", 6.2e9, counts="gold reserves", head="reserve", predicate="rose", unit="ZAR",
                 place="South Africa"), change="up")
    assert compare.same_measure(a, b) is False
    assert compare.same_measure(a, dict(b, value=7.1e8, change=None)) is True


# --- the same case: days, periods, participants, copies -------------------------------------------------------
def _case(doc, value, sentence, date=None, time=None, place=None, subject=None, start=0, sentence_start=0,
          counts="loans", head="loan", predicate="approved"):
    r = row(doc, value, counts=counts, head=head, predicate=predicate, place=place, time=time, sentence=sentence,
            date=date, subject=subject)
    r.update(start=start, sentence_start=sentence_start)
    return r


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # "yesterday" in Tuesday's story is Monday; "on Monday" in Wednesday's story is the same Monday
        (_case("a", 40, "Lenders at Harbour Bank approved 40 loans yesterday.", date="2031-03-04"),
         _case("b", 55, "Lenders at Harbour Bank approved 55 loans on Monday.", date="2031-03-05"), True),
        # "yesterday" in Tuesday's story and "on Friday" in the same week: two days
        (_case("a", 40, "Lenders at Harbour Bank approved 40 loans yesterday.", date="2031-03-04"),
         _case("b", 55, "Lenders at Harbour Bank approved 55 loans on Friday.", date="2031-03-04"), False),
        # a relative day in an undated story is an unknown day
        (_case("a", 40, "Lenders at Harbour Bank approved 40 loans yesterday."),
         _case("b", 55, "Lenders at Harbour Bank approved 55 loans yesterday."), False),
        # different stated periods
        (_case("a", 40, "Harbour Bank approved 40 loans in the first quarter.", time="in the first quarter"),
         _case("b", 55, "Harbour Bank approved 55 loans in the second quarter.", time="in the second quarter"),
         False),
        # no subject, no place: two different banks named in the sentences
        (_case("a", 40, "At Harbour Bank, lenders approved 40 loans."),
         _case("b", 55, "At Quarry Bank, lenders approved 55 loans."), False),
        # the same named participants on both sides
        (_case("a", 40, "At Harbour Bank, lenders approved 40 loans."),
         _case("b", 55, "Lenders at Harbour Bank approved 55 loans, officials said."), True),
        # nobody named at all: nothing pins down the same case
        (_case("a", 40, "Lenders approved 40 loans."), _case("b", 55, "Lenders approved 55 loans."), False),
        # one states the place, the other's sentence names it
        (_case("a", 40, "Lenders approved 40 loans in Norland.", place="Norland"),
         _case("b", 55, "Lenders in Norland approved 55 loans."), True),
        # the day of the saying ("the governor said Thursday") does not date the figure
        (_case("a", 40, "Harbour Bank approved 40 loans, the governor said Thursday."),
         _case("b", 55, "Harbour Bank approved 55 loans, a spokesman told reporters on Monday."), True),
        # two figures of one sentence copied into two stories
        (_case("a", 40, "Harbour Bank approved 40 loans, up from 30 loans.", start=20),
         _case("b", 30, "Harbour Bank approved 40 loans, up from 30 loans.", start=40), False),
    ],
)
def test_compare_same_case(a, b, same):
    assert compare.same_measure(a, b) is same
    assert compare.same_measure(b, a) is same


@pytest.mark.parametrize(
    ("counts", "text", "sentence", "ok"),
    [
        ("Norland", "9 billion dlrs", "Norland owes 9 billion dlrs to its lenders.", False),  # a name is no measure
        ("contracts", "36-month", "Buyers may pick 36-month contracts at lower rates.", False),  # a kind of thing
        ("loans", "40", "HARBOUR BANK APPROVES 40 LOANS IN MARCH", False),  # an all-capitals headline
        ("loans", "40", "Harbour Bank approved 40 loans.", True),
    ],
)
def test_compare_comparable_needs_a_measure(counts, text, sentence, ok):
    r = row("a", 40, counts=counts, head=counts.lower().rstrip("s"), sentence=sentence)
    r["text"] = text
    assert compare.comparable(r) is ok


def test_compare_copied_sentence_is_no_conflict_and_one_source():
    said = "Harbour Bank approved 40 loans last month, officials said."
    a = _case("a", 40, said, place="Norland")
    b = _case("b", 40, said, place="Norland")
    c = _case("c", 70, "Harbour Bank approved 70 loans last month in Norland.", place="Norland")
    assert compare.find_agreements([a, b]) == []  # a copy word for word is not a second source
    (group,) = compare.find_conflicts([a, b, c])
    assert all(not compare.same_sentence(x, y) for x, y in compare.disagreeing_pairs(group))


# --- issue 11 item 3: the kind of figure, the story, tallies, light predicates (sentences written here) --------
def _fig(doc, value, sentence, text, predicate, counts="votes", head="vote", subject=None, date=None,
         actors="", places="", unit=None):
    start = sentence.index(text)
    r = row(doc, value, counts=counts, head=head, predicate=predicate, place=None, sentence=sentence, date=date,
            subject=subject, unit=unit)
    r.update(text=text, start=start, sentence_start=0, story_actors=actors, story_places=places)
    return r


@pytest.mark.parametrize(
    ("sentence", "text", "predicate", "kind"),
    [
        ("The dam bill needs 61 votes to pass the senate.", "61", "needs to pass the senate", "threshold"),
        ("It takes 40 seats to govern alone.", "40", "takes to govern alone", "threshold"),
        ("The league set a cap of 30 players per squad.", "30", "set a cap per squad", "threshold"),
        ("Mayor Ada Vance leads her rival by 9 points.", "9", "leads her rival", "margin"),
        ("Vance won by roughly 300 votes.", "300", "won", "margin"),
        ("Vance won 300 votes in the suburbs.", "300", "won in the suburbs", "level"),
        ("The dam bill won 55 votes in the senate.", "55", "won in the senate", "level"),
    ],
)
def test_compare_measure_kind(sentence, text, predicate, kind):
    assert compare.measure_kind(_fig("a", 1, sentence, text, predicate)) == kind


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # a threshold is not a count, however alike the words
        (_fig("a", 61, "The dam bill needs 61 votes to pass the Estovia senate.", "61", "needs to pass the senate"),
         _fig("b", 55, "The dam bill won 55 votes in the Estovia senate.", "55", "won in the senate"), False),
        # two thresholds with the same goal are one quantity, whoever the stories are about
        (_fig("a", 1200, "It takes 1,200 delegates to win the Estovia Party nomination.", "1,200",
              "takes to win the Estovia Party nomination", counts="delegates", head="delegate", actors="vance"),
         _fig("b", 1250, "Ortiz is short of the 1,250 delegates needed to clinch the Estovia Party nomination.",
              "1,250", "needed to clinch the Estovia Party nomination", counts="delegates", head="delegate",
              actors="ortiz"), True),
        # a margin is not a total
        (_fig("a", 9, "Vance leads Ortiz by 9 points in Tarrow.", "9", "leads Ortiz in Tarrow", counts="points",
              head="point"),
         _fig("b", 52, "Vance leads Ortiz with 52 points in Tarrow.", "52", "leads Ortiz in Tarrow",
              counts="points", head="point"), False),
        # stories about different companies: the same words, another case
        (_fig("a", 4e8, "Net profit rose to 400 million dollars in Tarrow.", "400 million dollars", "rose in Tarrow",
              counts="net profit", head="profit", unit="USD", actors="harbou"),
         _fig("b", 3e8, "Net profit rose to 300 million dollars in Tarrow.", "300 million dollars", "rose in Tarrow",
              counts="net profit", head="profit", unit="USD", actors="quarry"), False),
        (_fig("a", 4e8, "Net profit rose to 400 million dollars in Tarrow.", "400 million dollars", "rose in Tarrow",
              counts="net profit", head="profit", unit="USD", actors="harbou"),
         _fig("b", 3e8, "Net profit rose to 300 million dollars in Tarrow.", "300 million dollars", "rose in Tarrow",
              counts="net profit", head="profit", unit="USD", actors="harbou"), True),
        # a story about a place and one about a company share nothing
        (_fig("a", 4e8, "Net profit rose to 400 million dollars in Tarrow.", "400 million dollars", "rose in Tarrow",
              counts="net profit", head="profit", unit="USD", places="estovia"),
         _fig("b", 3e8, "Net profit rose to 300 million dollars in Tarrow.", "300 million dollars", "rose in Tarrow",
              counts="net profit", head="profit", unit="USD", actors="harbou"), False),
        # a count so far: undated stories, or stories a week apart, are two moments
        (_fig("a", 14, "Vance now has 14 delegates in Tarrow.", "14", "has in Tarrow", counts="delegates",
              head="delegate", subject="Vance"),
         _fig("b", 40, "Vance now has 40 delegates in Tarrow.", "40", "has in Tarrow", counts="delegates",
              head="delegate", subject="Vance"), False),
        (_fig("a", 14, "Vance now has 14 delegates in Tarrow.", "14", "has in Tarrow", counts="delegates",
              head="delegate", subject="Vance", date="2031-04-22"),
         _fig("b", 40, "Vance now has 40 delegates in Tarrow.", "40", "has in Tarrow", counts="delegates",
              head="delegate", subject="Vance", date="2031-04-29"), False),
        (_fig("a", 14, "Vance now has 14 delegates in Tarrow.", "14", "has in Tarrow", counts="delegates",
              head="delegate", subject="Vance", date="2031-04-22"),
         _fig("b", 15, "Vance now has 15 delegates in Tarrow.", "15", "has in Tarrow", counts="delegates",
              head="delegate", subject="Vance", date="2031-04-22"), True),
        # "say": the measure is what is said; different propositions are different figures
        (_fig("a", 0.58, "In Tarrow, 58 percent of voters say the dam should be built.", "58 percent", "say",
              counts="voters", head="voter", unit="%"),
         _fig("b", 0.31, "In Tarrow, 31 percent of voters say they trust the mayor.", "31 percent", "say",
              counts="voters", head="voter", unit="%"), False),
        (_fig("a", 0.58, "In Tarrow, 58 percent of voters say the dam should be built.", "58 percent", "say",
              counts="voters", head="voter", unit="%"),
         _fig("b", 0.44, "In Tarrow, 44 percent of voters say the dam should be built, a new poll found.",
              "44 percent", "say", counts="voters", head="voter", unit="%"), True),
        # no predicate on either side: the sentences must be about the same thing
        (_fig("a", 2e6, "Norland exported about 2 million bags of coffee to Tarrow.", "2 million", None,
              counts="bags", head="bag"),
         _fig("b", 1e6, "A cut of 1 million bags in Norland quotas was proposed in Tarrow.", "1 million", None,
              counts="bags", head="bag"), False),
        # head verbs of one event (rules/event_synonyms.txt): "posted" and "earned" a profit
        (_fig("a", 4e8, "Harbour Bank posted a net profit of 400 million dollars in Tarrow.", "400 million dollars",
              "posted in Tarrow", counts="net profit", head="profit", unit="USD", actors="harbou"),
         _fig("b", 3e8, "Harbour Bank earned a net profit of 300 million dollars in Tarrow.", "300 million dollars",
              "earned in Tarrow", counts="net profit", head="profit", unit="USD", actors="harbou"), True),
        # the event is the predicate's head verb: investing is not buying
        (_fig("a", 2.5e8, "The developer invested 250 million dollars in the Tarrow resort.", "250 million dollars",
              "invested in the Tarrow resort", counts="resort", head="resort", unit="USD"),
         _fig("b", 1.45e8, "The developer bought the Tarrow resort for 145 million dollars.", "145 million dollars",
              "bought the Tarrow resort", counts="resort", head="resort", unit="USD"), False),
    ],
)
def test_compare_same_kind_story_tally_and_light_predicates(a, b, same):
    assert compare.same_measure(a, b) is same
    assert compare.same_measure(b, a) is same


@pytest.mark.parametrize(
    ("counts", "head", "unit", "predicate", "is_name", "ok"),
    [
        ("Vance campaign", "campaign", "USD", None, False, False),  # who paid, not what was paid for
        ("Vance campaign", "campaign", "USD", "paid in rent", False, True),
        ("Ortiz", "ortiz", None, "leads", True, False),  # a person the story names is no counted thing
        ("Democrats", "democrat", "%", "say", False, True),
    ],
)
def test_compare_comparable_needs_what_the_amount_is(counts, head, unit, predicate, is_name, ok):
    r = row("a", 40, counts=counts, head=head, unit=unit, predicate=predicate, sentence="A sentence of Tarrow.")
    r["counts_is_name"] = is_name
    assert compare.comparable(r) is ok


@pytest.mark.parametrize(
    ("title", "lead", "entities", "actors", "places"),
    [
        # an all-capitals headline: the document's names that it contains
        ("HARBOUR BANK SELLS 40 MLN DLR NOTES", "Harbour Bank Ltd is selling 40 mln dlrs of notes, lead manager Tarrow "
         "Securities said.", [("Harbour Bank Ltd", "FinancialInstitution"), ("Tarrow Securities", "Company")],
         {"harbou"}, set()),
        # a person by surname, a place whole; the dateline is not what the story is about
        ("Vance wins Norland primary", "TARROW (AP) — Senator Ada Vance won the Norland primary.",
         [("Ada Vance", "Person"), ("Norland", "Region"), ("Tarrow", "City")], {"vance"}, {"norlan"}),
        # nobody in the headline: the lead's names
        ("Quake strikes", "TARROW (AP) — An earthquake struck Norland, officials said.",
         [("Norland", "Region"), ("Tarrow", "City")], set(), {"norlan"}),
        # no entity list: capitalised words of the lead, a place when the gazetteer knows it
        ("", "Northwind Motors said sales in Germany rose.", None, {"northw"}, {"german"}),
    ],
)
def test_compare_story_keys(title, lead, entities, actors, places):
    a, p = compare.story_keys(title, lead, entities)
    assert (set(a), set(p)) == (actors, places)

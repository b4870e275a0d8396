"""Session-4 comparability rules (kg.compare.frames / case): editions of a recurring report, event figures of
different news days, comparison bases and gaps, the wounded and the dead, names before the counted noun,
subjects by surname, a sentence that names nobody. Plain rows, sentences written for these tests."""

from __future__ import annotations

import pytest

from kg import compare
from kg.compare.explain import why_not
from kg.compare.frames import frame


def fig(doc, value, sentence, text, predicate=None, counts="votes", head="vote", subject=None, date=None,
        actors="", places="", unit=None, outlet=None, first_is_name=False):
    return {"claim": f"urn:{doc}:{value}:{text}", "doc": doc, "value": value, "value_max": None, "unit": unit,
            "qualifier": "exact", "counts": counts, "counts_head": head, "predicate": predicate, "place": None,
            "time": None, "source": None, "text": text, "start": sentence.index(text), "sentence_start": 0,
            "sentence": sentence, "date": date, "subject": subject, "story_actors": actors,
            "story_places": places, "outlet": outlet, "first_is_name": first_is_name,
            "republication_of": "", "reuses_passages_of": "", "same_story_as": ""}


IMPORTS = "Gross crude imports averaged {} mln barrels a day, the Norland energy office said."
TOLL = dict(counts="people", head="people")


def _imports(doc, value, date, outlet):
    return fig(doc, value, IMPORTS.format(value), str(value), "averaged", counts="barrels", head="barrel",
               date=date, actors="norlan", outlet=outlet)


@pytest.mark.parametrize(("a", "b", "same"), [
    # one outlet's weekly report, next week: a new edition, each figure of its own week
    (_imports("a", 3.4, "2031-03-04", "Wire"), _imports("b", 3.7, "2031-03-11", "Wire"), False),
    # two outlets filling the same sentence with different figures disagree
    (_imports("a", 3.4, "2031-03-04", "Wire"), _imports("b", 3.7, "2031-03-05", "Gazette"), True),
    # the same day: not an edition
    (_imports("a", 3.4, "2031-03-04", "Wire"), _imports("b", 3.7, "2031-03-04", "Wire"), True),
    # an event figure with no stated time: each story reports its own day's contest
    (fig("a", 15, "Senator Ada Vance won 15 delegates in the caucus.", "15", "won in the caucus",
         counts="delegates", head="delegate", subject="Ada Vance", date="2031-02-20", actors="vance"),
     fig("b", 40, "Vance won 40 delegates in the caucus.", "40", "won in the caucus", counts="delegates",
         head="delegate", subject="Vance", date="2031-03-01", actors="vance"), False),
    # ... the next day, the same contest: two sources, and the surname is the same subject
    (fig("a", 15, "Senator Ada Vance won 15 delegates in the caucus.", "15", "won in the caucus",
         counts="delegates", head="delegate", subject="Ada Vance", date="2031-02-20", actors="vance"),
     fig("b", 17, "Vance won 17 delegates in the caucus.", "17", "won in the caucus", counts="delegates",
         head="delegate", subject="Vance", date="2031-02-21", actors="vance", outlet="Valley Times"), True),
    # another person with the same surname is another owner
    (fig("a", 15, "Senator Ada Vance won 15 delegates in the caucus.", "15", "won in the caucus",
         counts="delegates", head="delegate", subject="Ada Vance", date="2031-02-20", actors="vance"),
     fig("b", 17, "Senator Bo Vance won 17 delegates in the caucus.", "17", "won in the caucus",
         counts="delegates", head="delegate", subject="Bo Vance", date="2031-02-20", actors="vance"), False),
    # "picked up" and "won" are one event (rules/event_synonyms.txt)
    (fig("a", 66, "By winning Tarrow, Ortiz picked up all 66 delegates.", "66", "picked up", counts="delegates",
         head="delegate", subject="Ortiz", date="2031-03-15", actors="ortiz"),
     fig("b", 66, "Ortiz won all 66 delegates after the Tarrow primary.", "66", "won after the Tarrow primary",
         counts="delegates", head="delegate", subject="Ortiz", date="2031-03-15", actors="ortiz"), True),
    # the comparison base of "vs" is another period than the sentence's own figure
    (fig("a", 7.4e6, "Harbour Stores net profit 9.1 mln crowns vs 7.4 mln.", "7.4 mln", counts="net profit",
         head="profit", unit="SEK", actors="harbou"),
     fig("b", 8.8e6, "Harbour Stores said net profit was 8.8 mln crowns.", "8.8 mln crowns", "was",
         counts="net profit", head="profit", unit="SEK", actors="harbou"), False),
    # a gap above a quota is not the output itself
    (fig("a", 50000, "The emirate pumped about 50,000 barrels a day above its quota, traders said.", "50,000",
         "pumped", counts="barrels", head="barrel", actors="emirat"),
     fig("b", 210000, "The emirate pumped 210,000 barrels a day, traders said.", "210,000", "pumped",
         counts="barrels", head="barrel", actors="emirat"), False),
    # the wounded are not the dead (rules/predicate_splits.txt)
    (fig("a", 30, "At least 30 people were injured in the Tarrow clashes.", "30", "were injured", **TOLL,
         actors="tarrow"),
     fig("b", 12, "Twelve people were killed in the Tarrow clashes, and 12 more arrested.", "12",
         "were killed", **TOLL, actors="tarrow"), False),
    # a name between the number and its noun says which ones: 12 Airvane jets are part of the 30 new jets
    (fig("a", 12, "The carrier will buy 12 Airvane A9 jets under one of the deals.", "12", "buy",
         counts="jets", head="jet", actors="carrie"),
     fig("b", 30, "The carrier will buy 30 new jets under the deals.", "30", "buy", counts="new jets",
         head="jet", actors="carrie"), False),
    # a period named by its end: the four weeks ended April 8 are not those ended April 15
    (fig("a", 16.1e6, "Demand rose to 16.1 mln barrels a day in the four weeks ended April 8.", "16.1 mln",
         "rose", counts="barrels", head="barrel", actors="norlan", outlet="Wire"),
     fig("b", 16.4e6, "In the four weeks ended April 15, demand rose to 16.4 mln barrels a day, it said.",
         "16.4 mln", "rose", counts="barrels", head="barrel", actors="norlan", outlet="Gazette"), False),
])
def test_compare_cases_same_measure(a, b, same):
    assert compare.same_measure(a, b) is same
    assert compare.same_measure(b, a) is same


@pytest.mark.parametrize(("sentence", "text", "kind"), [
    ("Harbour Stores net profit 9.1 mln crowns vs 7.4 mln.", "7.4 mln", "prior"),
    ("Sales rose to 88 units from 70 units a year ago.", "70", "prior"),
    ("The rate was 5.2 pct, up from 4.9 pct.", "4.9 pct", "prior"),
    ("Harbour Stores net profit 9.1 mln crowns vs 7.4 mln.", "9.1 mln crowns", "level"),
    ("The emirate pumped about 50,000 barrels a day above its quota.", "50,000", "margin"),
    ("The plan costs 40 mln dlrs over five years.", "40 mln dlrs", "level"),
])
def test_compare_cases_measure_kind(sentence, text, kind):
    assert compare.measure_kind(fig("a", 1, sentence, text)) == kind


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Ada Vance", "Vance", True), ("the Treasury", "Treasury", True), ("Ada Vance", "Bo Vance", False),
    ("Vance", "Ortiz", False),
])
def test_compare_cases_same_subject(a, b, same):
    from kg.compare.case import same_subject

    assert same_subject(a.lower(), b.lower()) is same


WRITEDOWN = "Last year's results were hit by a writedown of {} mln crowns for intangible assets."
NAMED = "Harbour Stores said its results include a writedown of {} mln crowns for intangible assets."


def _writedown(doc, value, template, actors="harbou"):
    return fig(doc, value * 1e6, template.format(value), f"{value} mln crowns", counts="intangible assets",
               head="asset", unit="SEK", actors=actors)


def test_compare_cases_a_sentence_naming_nobody_takes_its_story_owner_for_agreements_only():
    same = [_writedown("a", 520, WRITEDOWN), _writedown("b", 520, NAMED)]
    [(group, n)] = compare.find_agreements(same)
    assert n == 2 and group.documents == {"a", "b"}
    # the same pair with different figures is no conflict: a disagreement needs the owner in both sentences
    assert compare.find_conflicts([_writedown("a", 520, WRITEDOWN), _writedown("b", 480, NAMED)]) == []
    # stories about other companies never meet
    assert compare.find_agreements([_writedown("a", 520, WRITEDOWN, "quarry"), _writedown("b", 520, NAMED)]) == []


def test_compare_cases_first_word_counts_as_a_name_when_the_document_names_it():
    from kg.compare.case import names_in

    sentence = "Estovia, officials said, pumped 1.2 mln barrels a day."
    assert "estovi" not in names_in({"sentence": sentence})
    assert "estovi" in names_in({"sentence": sentence, "first_is_name": True})


def test_compare_cases_why_not_names_the_failed_tests():
    a, b = _imports("a", 3.4, "2031-03-04", "Wire"), _imports("b", 3.7, "2031-03-11", "Wire")
    assert why_not(frame(a), frame(b)) == ["time"]
    assert why_not(frame(a), frame(_imports("b", 3.7, "2031-03-05", "Gazette"))) == []
    other = fig("c", 9, "Nine ships docked in Tarrow.", "Nine", "docked", counts="ships", head="ship", unit="USD")
    assert {"unit", "counted thing"} <= set(why_not(frame(a), frame(other)))


def test_compare_cases_same_story_is_not_one_source():
    rows = [fig("a", 1, "One.", "One"), fig("b", 1, "One.", "One"), fig("c", 1, "One.", "One")]
    rows[1]["same_story_as"] = "a"  # two outlets telling one story
    rows[2]["republication_of"] = "a"  # a copy
    cl = compare.clusters(rows)
    assert cl["a"] == cl["c"] != cl["b"]


def test_compare_cases_a_share_candidates_need_is_a_threshold():
    need = fig("a", 0.35, "Candidates need to win roughly 35 percent of the farm vote, analysts say.", "35 percent",
               "win", counts="farm vote", head="vote", unit="%")
    assert compare.measure_kind(need) == "threshold"


def test_compare_cases_a_number_after_a_label_noun_names_it():
    band = fig("a", 3, "The bank bought 25 mln stg of bills in band three at 8 pct.", "three", counts="band",
               head="band")
    assert not compare.comparable(band)
    assert compare.comparable(fig("a", 2, "The bank opened two new bands.", "two", counts="new bands", head="band"))


ASSETS = "{}, with assets of {} mln dlrs, is to be sold to Quarry Bank."


def _assets(doc, value, date, template=ASSETS):
    return fig(doc, value * 1e6, template.format("Harbour Trust", value), f"{value} mln dlrs", None,
               counts="assets", head="asset", unit="USD", date=date, actors="harbou", outlet=doc,
               first_is_name=True)


def test_compare_cases_an_undated_state_weeks_apart_is_no_conflict_but_still_agrees():
    # a bank's assets with no date, in stories three weeks apart: an update as likely as a dispute
    assert compare.find_conflicts([_assets("a", 90, "2031-03-01"), _assets("b", 120, "2031-03-22")]) == []
    assert compare.find_conflicts([_assets("a", 90, "2031-03-01"), _assets("b", 120, "2031-03-02")]) != []
    other = "Quarry Bank will buy {}, which reported assets of {} mln dlrs at year-end."
    [(_group, n)] = compare.find_agreements([_assets("a", 90, "2031-03-01"), _assets("b", 90, "2031-03-22", other)])
    assert n == 2


@pytest.mark.parametrize(("date", "expected"), [
    ("2031-03-11", {"week 2031-10"}), ("2031-03-18", {"week 2031-11"}), (None, {"last week"}),
])
def test_compare_cases_last_week_is_resolved_against_the_story_date(date, expected):
    from kg.compare.case import periods

    assert periods({"sentence": "Last week licences for 60,000 tonnes were awarded.", "date": date}) == expected


def test_compare_cases_a_quarter_is_not_a_year():
    quarter = fig("a", 0.006, "In the third quarter, Norland output rose 0.6 pct, the office said.", "0.6 pct", "rose",
                  counts="output", head="output", unit="%", actors="norlan")
    year = fig("b", 0.025, "In the 2030 calendar year, Norland output rose 2.5 pct.", "2.5 pct", "rose",
               counts="output", head="output", unit="%", actors="norlan")
    year["time"] = "2030"
    assert not compare.same_measure(quarter, year) and not compare.same_measure(year, quarter)
    other_quarter = dict(quarter, doc="c", value=0.009, text="0.9 pct",
                         sentence="In the third quarter, Norland output rose 0.9 pct, the office said.")
    assert compare.same_measure(quarter, other_quarter)


def test_compare_cases_a_word_after_a_colon_names_nobody():
    # "Note: Oper ..." in two results tables: the capitalised word after the colon is no participant
    a = fig("a", 7.9e6, "Note: Oper figures leave out a plant closing charge of 7.9 mln dlrs.", "7.9 mln dlrs",
            counts="plant closing charge", head="charge", unit="USD")
    b = fig("b", 9.1e6, "Note: Oper results leave out a plant closing charge of 9.1 mln dlrs.", "9.1 mln dlrs",
            counts="plant closing charge", head="charge", unit="USD", actors="quarry")
    assert compare.names_in(a) == set()
    assert not compare.same_measure(a, b)
    # a name after the colon's first word still counts: "Note: Oper net of Quarry Mills ..."
    assert "quarry" in compare.names_in(dict(a, sentence="Note: Oper net of Quarry Mills excludes 7.9 mln dlrs."))


def test_compare_cases_a_currency_word_as_the_counted_noun_is_not_compared():
    # "61.5 Ecus on each tonne": the money, not what it is paid on
    rebate = fig("a", 61.5, "Exporters of oats will get 61.5 Ecus on each tonne they ship.", "61.5",
                 counts="Ecus", head="ecus")
    assert not compare.comparable(rebate)


def test_compare_cases_one_story_key_must_be_one_actor():
    from kg.compare.case import same_story, story_names

    rock = story_names("NORLAND ROCK INDUSTRIES SETS DIVIDEND", "", [("Norland Rock Industries Inc", "Company")])
    power = story_names("NORLAND POWER UTILITIES DIVIDEND", "", [("Norland Power Utilities Co", "Company")])
    short = story_names("NORLAND ROCK PROFIT", "", [("Norland Rock", "Company")])
    assert rock == {"norlan:norlan rock"}
    key = frozenset({"norlan"})
    assert not same_story(key, frozenset(), key, frozenset(), rock, power)
    assert same_story(key, frozenset(), key, frozenset(), rock, short)
    assert same_story(key, frozenset(), key, frozenset())  # without names, the key decides
    # the Qtly div of two companies keyed alike is no agreement
    rows = [fig(d, 0.22, f"Qtly div 22 cts vs {prior} cts prior", "22 cts", counts="Qtly div", head="div", unit="USD",
                actors="norlan") for d, prior in (("a", 27), ("b", 22))]
    rows[0]["story_names"], rows[1]["story_names"] = "|".join(rock), "|".join(power)
    assert compare.find_agreements(rows) == []
    rows[1]["story_names"] = "|".join(short)
    assert len(compare.find_agreements(rows)) == 1


@pytest.mark.parametrize(("sentence", "text", "kind"), [
    ("The emirate's quota is 1.2 mln bpd, the ministry said.", "1.2 mln bpd", "threshold"),
    ("The board set the rate at 9.2 crowns instead of 6.1.", "6.1", "prior"),
    ("The emirate pumped 1.2 mln bpd last month.", "1.2 mln bpd", "level"),
])
def test_compare_cases_a_quota_with_a_copula_and_a_replaced_figure(sentence, text, kind):
    assert compare.measure_kind(fig("a", 1.0, sentence, text)) == kind


def test_compare_cases_a_subject_on_one_side_needs_the_same_story_to_disagree():
    # "Westway has assets of 85 mln" in Norstar's story and "Westway, a savings bank with 160 mln in assets"
    # in Quarry's: two banks called Westway, as far as the stories tell
    a = fig("a", 8.5e7, "Westway has assets of 85 mln dlrs.", "85 mln dlrs", counts="assets", head="asset", unit="USD",
            subject="Westway", actors="norsta", first_is_name=True)
    b = fig("b", 1.6e8, "Westway, a savings bank with 160 mln dlrs in assets, will join Quarry.", "160 mln dlrs",
            counts="assets", head="asset", unit="USD", actors="quarry", first_is_name=True)
    assert compare.find_conflicts([a, b]) == []
    assert compare.find_conflicts([a, dict(b, story_actors="norsta")]) != []


def _base(doc, current, prior, actors="tarrow"):
    return fig(doc, float(prior.replace(",", "")), f"Oper net {current} vs {prior}", prior, counts="Oper net",
               head="net", actors=actors)


def test_compare_cases_bases_of_one_current_figure_disagree():
    # two versions of one results line in two stories about one company: the year-ago figures disagree
    (group,) = compare.find_conflicts([_base("a", "4,310,000", "2,050,000"), _base("b", "4,310,000", "2,690,000")])
    assert {c["text"] for c in group.claims} == {"2,050,000", "2,690,000"}


@pytest.mark.parametrize(("a", "b"), [
    # another current figure: another line, so another prior period or another measure
    (_base("a", "4,310,000", "2,050,000"), _base("b", "3,980,000", "2,690,000")),
    # another company's story
    (_base("a", "4,310,000", "2,050,000"), _base("b", "4,310,000", "2,690,000", actors="quarry")),
])
def test_compare_cases_bases_of_other_figures_never_conflict(a, b):
    assert compare.find_conflicts([a, b]) == []

"""Session-6 comparability rules (kg.compare): what a journalist reading `kg conflicts` / `kg agreements` must not
see twice or be misled by. Plain rows, sentences written for these tests."""

from __future__ import annotations

import pytest

from kg import compare
from kg.compare import case
from kg.compare.explain import why_not
from kg.compare.frames import f_same_measure, frame
from tests.test_compare_cases import fig

RULES = {"a": "It takes 61 votes to pass the Tarrow water bill.",
         "b": "Under senate rules it takes 61 votes to pass the Tarrow water bill, aides said."}


def _rule(doc, start_offset=0, date="2031-04-02"):
    r = fig(doc, 61, RULES[doc], "61", "takes to pass the Tarrow water bill", date=date, actors="tarrow")
    r["claim"] = f"urn:{doc}:{start_offset}"
    r["start"] += start_offset
    r["sentence_start"] = start_offset
    return r


def test_compare_a_sentence_repeated_in_one_story_is_shown_once():
    # two stories each repeat the same rule sentence: two sources, each shown once
    rows = [_rule("a"), _rule("a", 500), _rule("b"), _rule("b", 800)]
    (group, independent), = compare.find_agreements(rows)
    assert independent == 2
    assert sorted(c["doc"] for c in group.claims) == ["a", "b"]


# --- what a disagreement needs beyond measuring the same thing (kg.compare.dispute) ---------------------------
BONDS = dict(counts="bonds", head="bond", unit="USD", actors="norlan", date="2031-05-02")


def _bonds(doc, value, sentence, text, predicate):
    return fig(doc, value, sentence, text, predicate, **BONDS)


def _output(doc, value, sentence, text, predicate="rose in the second half", **kw):
    kw = {"counts": "output", "head": "output", "unit": "%", "actors": "estovi", "date": "2031-05-02",
          "first_is_name": True} | kw
    return fig(doc, value, sentence, text, predicate, **kw)


@pytest.mark.parametrize(("a", "b", "disputed"), [
    # a plan is not a fact
    (_bonds("a", 4e7, "The Norland central bank will buy 40 mln dlrs of bonds, a spokesman said.", "40 mln dlrs",
            "buy"),
     _bonds("b", 2.5e7, "The Norland central bank bought 25 mln dlrs of bonds, traders said.", "25 mln dlrs",
            "bought"), False),
    (_bonds("a", 4e7, "The Norland central bank bought 40 mln dlrs of bonds, a spokesman said.", "40 mln dlrs",
            "bought"),
     _bonds("b", 2.5e7, "The Norland central bank bought 25 mln dlrs of bonds, traders said.", "25 mln dlrs",
            "bought"), True),
    # a forecast is not the outcome
    (_output("a", 0.03, "The ministry had said that Estovian output would rise 3 pct in the second half.",
             "3 pct", "rise in the second half"),
     _output("b", 0.012, "Estovian output rose 1.2 pct in the second half, the ministry said.", "1.2 pct"), False),
    # a rate on one basis is not a rate on another
    (_output("a", 0.005, "In nominal terms, Estovian output rose 0.5 pct in the second half.", "0.5 pct"),
     _output("b", 0.008, "In real terms, Estovian output rose 0.8 pct in the second half.", "0.8 pct"), False),
    (_output("a", 0.005, "In real terms, Estovian output rose 0.5 pct in the second half.", "0.5 pct"),
     _output("b", 0.008, "In real terms, Estovian output rose 0.8 pct in the second half, officials said.",
             "0.8 pct"), True),
    # a name or "of" phrase one counted phrase adds says which ones: Norland's imports of Estovian vans are not
    # Estovia's imports
    (_output("a", 0.4, "Norland imports of Estovian vans rose 40 pct in the second half.", "40 pct",
             counts="Norland imports of Estovian vans", head="import"),
     _output("b", 0.5, "Estovian imports rose 50 pct in the second half, the ministry said.", "50 pct",
             counts="Estovian imports", head="import"), False),
    # ... a plain adjective does not: "foreign buyers" in one story are the "buyers" of the other
    (_output("a", 0.4, "Foreign buyers of Estovian vans rose 40 pct in the second half.", "40 pct",
             counts="foreign buyers", head="buyer", first_is_name=False),
     _output("b", 0.5, "Buyers of Estovian vans rose 50 pct in the second half, the ministry said.", "50 pct",
             counts="buyers", head="buyer", first_is_name=False), True),
    # a figure of a stated year long before the other story's date is history, not today's figure
    (dict(_output("a", 1.1e6, "Estovian unemployment has risen from 1.1 mln when the coalition took office in "
                  "2026.", "1.1 mln", "risen", counts="Estovian unemployment", head="unemployment", unit=None),
          time="in 2026"),
     _output("b", 1.5e6, "Estovian unemployment rose to 1.5 mln, the ministry said.", "1.5 mln", "rose",
             counts="Estovian unemployment", head="unemployment", unit=None), False),
    # values many times apart are two sizes, not two versions: one member's quota and the group's
    (fig("a", 2e5, "Norland pumped 200,000 bpd in May, traders said.", "200,000", "pumped in May", counts="bpd",
         head="bpd", actors="cartel", first_is_name=True),
     fig("b", 1.2e7, "Norland and its cartel partners pumped 12 mln bpd in May.", "12 mln", "pumped in May",
         counts="bpd", head="bpd", actors="cartel", first_is_name=True), False),
])
def test_compare_dispute_needs_two_versions_of_one_fact(a, b, disputed):
    assert compare.same_measure(a, b) is disputed


def test_compare_a_running_total_is_grouped_but_never_disputed():
    pred = "bring the agency's help for lenders"
    a = fig("a", 4e7, "Today's loans bring the agency's help for lenders to a total of 40 mln crowns.",
            "40 mln crowns", pred, counts="agency's help", head="help", unit="SEK", actors="agency",
            date="2031-05-02")
    b = fig("b", 6.5e7, "Further loans bring the agency's help for lenders to a total of 65 mln crowns.",
            "65 mln crowns", pred, counts="agency's help", head="help", unit="SEK", actors="agency",
            date="2031-05-02")
    assert frame(a).tally_group == frame(b).tally_group == "total"
    assert f_same_measure(frame(a), frame(b), strict=False)
    assert compare.find_conflicts([a, b]) == []
    assert "dispute" in why_not(frame(a), frame(b))


def test_compare_a_story_that_states_both_figures_agrees_with_the_other():
    # one story gives two valleys' tolls; the other gives one of them: no disagreement between the stories
    both = "Arlen valley's toll climbed to 23 while Brisk valley's toll climbed to 81."
    one = "Officials said Brisk valley's toll climbed to 81, and 12 more were missing."
    kw = dict(counts="toll", head="toll", actors="arlen", date="2031-05-02")
    rows = [fig("a", 23, both, "23", "climbed", **kw), fig("a", 81, both, "81", "climbed", **kw),
            fig("b", 81, one, "81", "climbed", **kw)]
    assert compare.find_conflicts(rows) == []


@pytest.mark.parametrize(("subject", "counts", "kept"), [
    ("United States", "U.S. cars", ""),  # "Harbour Motors sold 2,100 U.S. cars": which cars, not whose
    ("Estovian Republic", "E.R. wheat", ""),
    ("United States", "the U.S.'s cars", "united states"),  # a possessive is the owner
    ("Norland", "Norland voters", "norland"),  # the name itself: Norland's voters
    ("Harbour Motors", "cars", "harbour motors"),
])
def test_compare_a_subject_that_only_says_which_kind_is_no_owner(subject, counts, kept):
    assert case.subject({"subject": subject, "counts": counts}) == kept


@pytest.mark.parametrize(("counts", "disputes"), [
    ("weak increase", False), ("a sharp fall", False), ("increase", False),
    ("pay rise", True), ("price increase", True), ("rise in pay", True), ("gain", True),
])
def test_compare_a_change_needs_the_thing_that_changed_to_disagree(counts, disputes):
    head = counts.split()[-1] if " in " not in counts else "rise"
    a, b = (fig(d, v, f"The Tarrow {counts} was {v * 100:g} pct, the Norland office said.", f"{v * 100:g} pct",
                "was", counts=counts, head=head, unit="%", actors="norlan", first_is_name=True)
            for d, v in (("a", 0.05), ("b", 0.07)))
    assert compare.comparable(a)  # it may still agree with another
    assert compare.same_measure(a, b) is disputes


def test_compare_a_statistics_office_does_not_make_two_countries_one_story():
    # "Estovian Bureau of Statistics" and "Central Statistical Office" share no distinctive word
    assert case.name_key("Bureau of Statistics", "Organization") is None
    assert case.name_key("Norland Bureau of Statistics", "Organization") == "norlan"


def test_compare_a_current_figure_is_of_its_day():
    # "the current bid" in two stories a week apart: two moments, not two sources of one bid
    s = "The current bid for a Tarrow exchange seat is {} dlrs, the exchange said."
    a = fig("a", 900, s.format(900), "900", "is", counts="current bid", head="bid", unit="USD", actors="tarrow",
            date="2031-05-02")
    b = fig("b", 900, s.format(900).replace("exchange said", "exchange's spokesman said"), "900", "is",
            counts="current bid", head="bid", unit="USD", actors="tarrow", date="2031-05-09")
    assert frame(a).tally
    assert compare.find_agreements([a, b]) == []
    assert compare.find_agreements([a, dict(b, date="2031-05-02")]) != []
    # "the current account" is a measure, not a moment
    assert not frame(fig("c", 5e8, "The current account deficit was 500 mln dlrs.", "500 mln dlrs", "was",
                         counts="current account deficit", head="deficit", unit="USD")).tally


@pytest.mark.parametrize(("sentence", "tally"), [
    ("Today's loans bring the agency's help for lenders to a total of 40 mln crowns.", True),
    ("That brought the total of aid to Tarrow lenders to 65 mln crowns.", True),
    ("The agency lent 40 mln crowns to Tarrow lenders.", False),
])
def test_compare_a_total_brought_up_to_date_is_a_count_so_far(sentence, tally):
    from kg.compare.frames import running_tally

    assert running_tally({"sentence": sentence, "predicate": "lent"}) is tally


@pytest.mark.parametrize(("sentence", "text", "ok"), [
    ("The fund pays 12 dlrs for each 1,000 dlrs of notes held.", "1,000 dlrs", False),
    ("Holders get two new shares per 100 shares held.", "100 shares", False),
    ("The fund pays 12 dlrs for each 1,000 dlrs of notes held.", "12 dlrs", True),
])
def test_compare_the_base_of_a_rate_is_not_compared(sentence, text, ok):
    r = fig("a", 1000, sentence, text, "held", counts="notes", head="note", unit="USD")
    assert compare.comparable(r) is ok

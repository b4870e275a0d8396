"""The same time: whether two claims' figures are of one moment or period (kg.compare.frames calls
``f_same_time``). Days resolved against the story date, stated periods, running tallies and parts of a day,
editions of one outlet's recurring report, and event figures of different news days.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.compare import case
from kg.compare.words import LIGHT_GROUPS

if TYPE_CHECKING:
    from kg.compare.frames import Frame


SERIES_WORDS = 0.7  # share of words (numbers left out) that makes two sentences one sentence frame


def editions(a: Frame, b: Frame) -> bool:
    """One sentence frame filled with other figures by one outlet in stories of different days ("Crude imports
    averaged 3.4 mln bpd in the week ..." in Monday's report and in the next week's): the next edition of a
    recurring report, each figure of its own period, not two sources' versions of one figure."""
    if not (a.published and b.published and a.published != b.published) or a.lo <= b.hi and b.lo <= a.hi:
        return False
    # two outlets filling one frame with different figures disagree: editions are one outlet's
    if (a.row.get("outlet") or "").strip().lower() != (b.row.get("outlet") or "").strip().lower():
        return False
    wa, wb = a.frame_words, b.frame_words
    return bool(wa and wb) and len(wa & wb) >= SERIES_WORDS * len(wa | wb)


EVENT_DAYS = 3  # stories further apart than this report different news days


def _event_day(f: Frame, states: bool = False):
    """(day, stated) of an event figure: the day its sentence states ("on March 3", "Tuesday"), else the
    story's date, since a story reports its own day's event; None for a state ("has", "its debt"), a
    threshold, or a figure whose time is a period or year ("in 1986", "first quarter") rather than a day."""
    if f.kind == "threshold" or not states and (not f.pred or f.pred_head in LIGHT_GROUPS):
        return None
    if f.day:
        return (case._parse_date(f.day), True) if f.day[:1].isdigit() else None
    if f.periods or f.years or not f.published:
        return None
    return f.published, False


def _undated_events_apart(a: Frame, b: Frame, states: bool = False) -> bool:
    """Two figures of an event ("won 15 delegates", "picked up four delegates", "were injured") at least one
    of which states no time, more than EVENT_DAYS apart (the undated one taken on its story's date): each
    story reports its own day's event (the next primary, the next clash). A state ("has assets of", "its 40
    bln debt"), a threshold, or a stated period or year ("in Paris in November") keeps them comparable."""
    da, db = _event_day(a, states), _event_day(b, states)
    if da is None or db is None or da[1] and db[1] or da[0] is None or db[0] is None:
        return False
    return abs((da[0] - db[0]).days) > EVENT_DAYS


def f_same_time(a: Frame, b: Frame, strict: bool = False) -> bool:
    """Different resolved days ("4.10 pct yesterday" in Tuesday's story, "4.05 pct on Friday") or different
    stated periods ("first quarter", "second quarter") are different cases, and so are two editions of a
    recurring report."""
    if a.doc != b.doc and editions(a, b):
        return False
    # (for a disagreement, a state too: two stories weeks apart giving a bank's assets or a quota with no
    # date are as likely an update as a dispute; the same value from both is still an agreement)
    if a.doc != b.doc and _undated_events_apart(a, b, states=strict):
        return False
    da, db = a.day, b.day
    # a count so far is a count on the day of writing, a figure of the morning session one of that day's:
    # two stories' such figures need dates a day or less apart
    # (a part of a day needs the same day: "the morning round" of Monday is not Tuesday's)
    if (a.tally or b.tally or a.day_part or b.day_part) and a.doc != b.doc and not (
            a.published and b.published and abs((a.published - b.published).days) <= (
                0 if a.day_part or b.day_part else 1)):
        return False
    # "yesterday" or "on Friday" in a story with no date is some unknown day: not comparable across stories
    if a.doc != b.doc and any(d and case.day_form(d) == "word" for d in (da, db)):
        return False
    # only days of one form are compared: a day resolved against one document's date and a bare "Thursday"
    # or "July 14" of an undated one are left open
    if da and db and da != db and case.day_form(da) == case.day_form(db):
        return False
    if a.periods and b.periods and a.periods != b.periods:
        return False
    # a part of a year ("in the third quarter") is not the whole of one ("in the 1986 calendar year")
    return not (a.sub_year and not b.sub_year and b.whole_year or b.sub_year and not a.sub_year and a.whole_year)

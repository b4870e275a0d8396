"""Tracing and comparing numeric claims across documents: the logic behind ``kg trace``, ``kg conflicts``
and ``kg agreements``.

Works on plain rows (dicts with the columns of ``kg/query/trace.rq``), so it needs no rdflib and no
spaCy; the store-facing functions at the bottom only call ``store.select``.

- **Same value**: a claim matches a traced value when it is within a relative tolerance of it, or its
  range (``value``–``value_max``) contains it. "1,400", "1400" and "1.4 thousand" parse to the same value
  (``kg.extract.numbers.parse_value``).
- **Same thing measured**: same kind of counted noun (head, or a class in
  ``rules/number_count_classes.txt``), same unit dimension, predicates of the same class
  (``rules/number_predicate_classes.txt``) or sharing content words, places equal when both are stated,
  years not contradicting.
- **Disagreement beyond qualifiers**: each claim stands for an interval — exact ±0.5%, approx ±10%,
  "more than"/"at least" up to +50%, "less than" down to −33%, "up to" down to −50%, a vague range as
  stated — and two claims disagree when their intervals do not overlap. Claims are shown side by side;
  none "invalidates" another.
- **Comparable frames**: the counted head (or its class) and its distinguishing modifiers
  (``rules/number_concept_synonyms.txt`` groups "foreign"/"international", "major"/"large"), the same event
  class, place and years, the same unit (currencies are never converted), and values less than a
  hundredfold apart; each group states that shared frame (``Group.why``).
- **Independence**: documents joined by republication, passage reuse or "same story" links form one
  cluster and count once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

RULES = Path(__file__).parent / "extract" / "rules"
DEFAULT_TOLERANCE = 0.005
MAX_RATIO = 100.0  # see same_magnitude
# heads that name no counted thing: units and currencies a parse left as the noun
_NOT_COUNTED = {"dlr", "dlrs", "dollar", "pct", "percent", "cent", "ct", "stg", "yen", "mln", "bln", "billion",
                "million", "thousand", "point", "time", "year", "month", "week", "day", "share", "which", "who",
                "this", "these", "those", "they", "he", "she", "we", "you", "i", "one", "what", "some", "all"}

# (low factor, high factor) of the interval a qualified value stands for; see the module docstring
SPREAD = {
    "exact": (0.995, 1.005),
    "approx": (0.9, 1.1),
    "over": (1.0, 1.5),
    "at_least": (1.0, 1.5),
    "under": (0.67, 1.0),
    "at_most": (0.5, 1.0),
}
QUALIFIER_SIGNS = {"exact": "", "approx": "≈", "over": ">", "at_least": "≥", "under": "<", "at_most": "≤"}
LINK_COLUMNS = ("republication_of", "reuses_passages_of", "same_story_as")
_STOP = {"the", "a", "an", "of", "in", "to", "for", "on", "at", "by", "from", "and", "or", "their", "its", "his",
         "her", "have", "has", "had", "be", "been", "were", "was", "are", "is", "that", "it", "them", "with"}
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_WORD = re.compile(r"[^\W_]+", re.U)


# --- lexicons --------------------------------------------------------------------------------------------


def _rows(name: str) -> list[list[str]]:
    text = (RULES / name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def predicate_classes() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((r[0], tuple(r[1].split())) for r in _rows("number_predicate_classes.txt"))


@cache
def modifier_classes() -> dict[str, str]:
    """modifier word (stem) → its synonym class, from rules/number_concept_synonyms.txt."""
    return {stem(w): r[0] for r in _rows("number_concept_synonyms.txt") for w in r[1].split()}


@cache
def count_classes() -> dict[str, str]:
    """singular noun → class."""
    return {noun: r[0] for r in _rows("number_count_classes.txt") for noun in r[1].split()}


# --- words -----------------------------------------------------------------------------------------------


def stem(word: str) -> str:
    """Crude singular: 'companies' → 'company', 'businesses' → 'business', 'Russians' → 'russian'."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")) and len(w) > 4:
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def content_stems(text: str | None) -> set[str]:
    return {stem(w) for w in _WORD.findall(text or "") if w.lower() not in _STOP}


def head_class(row: dict) -> str | None:
    head = row.get("counts_head") or (content_stems(row.get("counts")) and _last_word(row.get("counts")))
    if not head:
        return None
    head = stem(head)
    return count_classes().get(head, head)


def _last_word(text: str | None) -> str | None:
    words = _WORD.findall(text or "")
    return words[-1] if words else None


def predicate_class(text: str | None) -> str | None:
    for word in _WORD.findall((text or "").lower()):
        for name, beginnings in predicate_classes():
            if word.startswith(beginnings):
                return name
    return None


def dimension(unit: str | None) -> str:
    """Units that compare: counts with counts, shares with shares (38% and "one in two"), money per currency."""
    if unit in ("%", "ratio"):
        return "share"
    return unit or "count"


# --- values ----------------------------------------------------------------------------------------------


def interval(row: dict) -> tuple[float, float]:
    value, vmax = float(row["value"]), row.get("value_max")
    if vmax is not None:
        return value, float(vmax)
    low, high = SPREAD.get(row.get("qualifier") or "exact", SPREAD["exact"])
    a, b = value * low, value * high
    return (a, b) if a <= b else (b, a)


def overlap(a: dict, b: dict) -> bool:
    (a0, a1), (b0, b1) = interval(a), interval(b)
    return a0 <= b1 and b0 <= a1


def matches_value(row: dict, target: float, tolerance: float = DEFAULT_TOLERANCE, unit: str | None = None) -> bool:
    """The claim asserts ``target`` (within ``tolerance``, relative) or a range containing it."""
    if unit is not None and dimension(unit) != dimension(row.get("unit")):
        return False
    value, vmax = float(row["value"]), row.get("value_max")
    if vmax is not None and value <= target <= float(vmax):
        return True
    return abs(value - target) <= tolerance * abs(target) + 1e-12


def about_matches(row: dict, about: str | None) -> bool:
    """Every word of ``about`` occurs in what the claim counts, its predicate, place, time or source."""
    if not about:
        return True
    hay = content_stems(" ".join(str(row.get(k) or "") for k in
                                 ("counts", "counts_head", "predicate", "place", "time", "source", "text")))
    return content_stems(about) <= hay


def show_value(row: dict) -> str:
    from kg.extract.numbers import format_value

    sign = QUALIFIER_SIGNS.get(row.get("qualifier") or "exact", "")
    return sign + format_value(float(row["value"]), row.get("unit"), row.get("value_max"))


# --- documents -------------------------------------------------------------------------------------------


def links_of(row: dict) -> dict[str, list[str]]:
    return {col: (row.get(col) or "").split() for col in LINK_COLUMNS}


def clusters(rows: Iterable[dict]) -> dict[str, str]:
    """document id → id of its cluster (documents joined by any link count once)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row in rows:
        find(row["doc"])
        for targets in links_of(row).values():
            for t in targets:
                a, b = find(row["doc"]), find(t)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {d: find(d) for d in list(parent)}


def copy_note(row: dict) -> str | None:
    """'republication of X' / 'reuses passages of X, Y' for a document that copies another, else None."""
    links = links_of(row)
    if links["republication_of"]:
        return "republication of " + ", ".join(links["republication_of"])
    if links["reuses_passages_of"]:
        return "reuses passages of " + ", ".join(links["reuses_passages_of"])
    return None


def trace_order(rows: list[dict]) -> list[dict]:
    """Originals before their copies, each cluster together, clusters by first date / document id."""
    cl = clusters(rows)
    first: dict[str, tuple] = {}
    for r in rows:
        key = (r.get("date") or "9999", r["doc"])
        c = cl[r["doc"]]
        first[c] = min(first.get(c, key), key)
    return sorted(rows, key=lambda r: (first[cl[r["doc"]]], copy_note(r) is not None, r.get("date") or "9999",
                                       r["doc"], r.get("start") or 0))


# --- same thing measured ---------------------------------------------------------------------------------


def modifiers(row: dict) -> set[str]:
    """The distinguishing words of what a claim counts, in synonym classes: "major foreign companies" →
    {"big", "foreign"}, "net profit" → {"net"}; the head itself and number words are left out."""
    head = stem(row.get("counts_head") or _last_word(row.get("counts")) or "")
    words = content_stems(row.get("counts")) - {head, stem(row.get("counts_head") or "")}
    return {modifier_classes().get(w, w) for w in words if not w.isdigit()}


def same_counted(a: dict, b: dict) -> bool:
    ha, hb = head_class(a), head_class(b)
    if ha is None or hb is None:
        return False
    if ha != hb and not (
        # "Russians" and "Russian citizens": the head of one is a word of the other
        stem(a.get("counts_head") or "") in content_stems(b.get("counts"))
        or stem(b.get("counts_head") or "") in content_stems(a.get("counts"))
    ):
        return False
    # "net profit" and "operating profit", "House members" and "Muslim members": both say which ones,
    # and they say different things
    ma, mb = modifiers(a), modifiers(b)
    # both say which ones: one must include the other ("foreign" and "large foreign", not "Iowa" and "Ohio")
    return not ma or not mb or ma <= mb or mb <= ma


def same_predicate(a: dict, b: dict) -> bool:
    pa, pb = a.get("predicate"), b.get("predicate")
    if not pa or not pb:
        return not pa and not pb
    ca, cb = predicate_class(pa), predicate_class(pb)
    if ca or cb:
        return ca == cb
    return bool(content_stems(pa) & content_stems(pb))


def same_scope(a: dict, b: dict) -> bool:
    pa, pb = (a.get("place") or "").lower(), (b.get("place") or "").lower()
    if pa and pb and pa != pb:
        return False
    ya, yb = set(_YEAR.findall(a.get("time") or "")), set(_YEAR.findall(b.get("time") or ""))
    return not (ya and yb and not ya & yb)


def same_magnitude(a: dict, b: dict) -> bool:
    """Values more than MAX_RATIO apart ("3 House members", "1.6 billion members") measure different
    things, however alike their words: a real disagreement between sources is rarely a hundredfold."""
    (a0, a1), (b0, b1) = interval(a), interval(b)
    lo, hi = min(abs(a1), abs(b1)), max(abs(a0), abs(b0))
    return lo == 0 or hi / lo <= MAX_RATIO or (a0 <= b1 and b0 <= a1)


_CAPITAL = re.compile(r"\b[A-Z][\w.-]+")
_COMPOUND = re.compile(r"[\w.,/]-[a-z]+\b")
# capitalised words that name no participant: calendar words, and words capitalised for the sentence
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "the", "a",
              "an", "in", "on", "at", "it", "he", "she", "they", "we", "i", "but", "and", "this", "that", "its",
              "his", "her", "their", "there", "some", "about", "over", "more", "less", "nearly", "almost", "only",
              "after", "before", "since", "while", "according", "reuters", "mln", "bln", "pct", "dlrs", "shr",
              "net", "revs", "qtr", "avg", "shrs", "vs", "cts", "u", "s", "every", "all", "recently", "also", "still",
              "now", "as", "if", "when", "with", "for", "by", "of", "to", "from", "so", "yet", "then"}


def names_in(row: dict) -> set[str]:
    """The named participants and places of the claim's sentence and its stated place: capitalised words
    that are not calendar words, without the sentence's first word; cut to six letters so that a name and
    its adjective meet ("Kazakhstan"/"Kazakh", "Russia"/"Russian")."""
    sentence = row.get("sentence") or row.get("text") or ""
    first = re.search(r"\w", sentence)
    words = [m[0] for m in _CAPITAL.finditer(sentence) if not first or m.start() != first.start()]
    words += _CAPITAL.findall(row.get("place") or "")
    source = {w.lower() for w in _CAPITAL.findall(row.get("source") or "")}  # who says it is not the case
    return {w.strip(".-").lower()[:6] for w in words
            if w.strip(".-").lower() not in _NOT_NAMES and w.lower() not in source} - {""}


def same_owner(a: dict, b: dict) -> bool:
    """Whose quantity it is. Stated subjects must be the same entity ("Acme's net profit" is not "Beta's");
    with none stated, the claims need the same case: the same place when both state one, a place one states
    named in the other's sentence, else the names of one sentence all among the other's. "Net profit
    375,000" of two companies' reports pins down nothing, and neither do two plants of one carmaker."""
    sa, sb = _subject(a), _subject(b)
    if (sa or sb) and sa != sb:
        return False
    pa, pb = (a.get("place") or "").lower(), (b.get("place") or "").lower()
    if pa and pb and pa != pb:
        return False
    na, nb = names_in(a), names_in(b)
    if pa and pb:
        return True
    if pa or pb:  # one states the place: the other's sentence names it too ("left the Russian market")
        place = names_in({"place": a.get("place") or b.get("place")})
        return bool(place) and place <= na and place <= nb
    if sa:  # the same stated subject, and no other participant named on one side only
        return na <= nb or nb <= na
    # nothing stated: the names of one sentence are all among the other's
    return bool(na and nb) and (na <= nb or nb <= na)


def _subject(row: dict) -> str:
    """The stated subject, unless it is a unit or abbreviation a parse left there ("cts", "Shr")."""
    s = (row.get("subject") or "").strip().lower()
    return "" if s in _NOT_COUNTED or s in _NOT_NAMES else s


# --- the case's time: relative dates resolved against the document's date -------------------------------

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                             "nov", "dec"))}
_DAY_WORDS = re.compile(r"\b(yesterday|today|tonight|" + "|".join(_WEEKDAYS) + r")\b", re.I)
_MONTH_DAY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b", re.I)
# stated reference periods: "first quarter", "second half", "in March", "fiscal 1986", "a year earlier"
_PERIOD = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(quarter|half|qtr)\b|"
                     r"\b(january|february|march|april|june|july|august|september|october|november|december)\b|"
                     r"\b(year|month|week)\s+(earlier|ago)\b|\b(last|previous|prior)\s+(year|month|week|quarter)\b",
                     re.I)


# the day a statement was made ("the president said Thursday", "told reporters on Monday") dates the saying,
# not the figure: it is left out before the figure's own day is looked for
_SAID_DAY = re.compile(r"\b(?:said|says|told\s+\w+|announced|added|stated|wrote|declared|reported)\s+(?:on\s+)?"
                       r"(?:late\s+|early\s+)?(?:today|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|"
                       r"saturday|sunday)\b", re.I)


def _time_text(row: dict) -> str:
    return _SAID_DAY.sub(" ", " ".join(str(row.get(k) or "") for k in ("time", "sentence")))


def _doc_date(row: dict):
    from datetime import date

    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", str(row.get("date") or ""))
    return date(int(m[1]), int(m[2]), int(m[3])) if m else None


def case_day(row: dict) -> str | None:
    """The day the claim's figure is about, when its time or sentence states one: "yesterday", "on Friday"
    and "on March 3" resolved against the document date (schema:datePublished); without a document date,
    the words themselves. None when no day is stated."""
    from datetime import date, timedelta

    hay = _time_text(row)
    published = _doc_date(row)
    m = _MONTH_DAY.search(hay)
    if m:
        month, day = _MONTHS[m[1].lower()[:3]], int(m[2])
        if published and 1 <= day <= 31:
            try:
                return date(published.year, month, day).isoformat()
            except ValueError:
                return None
        return f"{m[1].lower()[:3]} {day}"
    m = _DAY_WORDS.search(hay)
    if not m:
        return None
    word = m[1].lower()
    if not published:
        return word
    if word in ("today", "tonight"):
        return published.isoformat()
    if word == "yesterday":
        return (published - timedelta(days=1)).isoformat()
    back = (published.weekday() - _WEEKDAYS.index(word)) % 7  # a weekday in wire copy is the latest one
    return (published - timedelta(days=back)).isoformat()


def periods(row: dict) -> set[str]:
    hay = " ".join(str(row.get(k) or "") for k in ("time", "sentence"))
    return {" ".join(w.lower() for w in m.groups() if w) for m in _PERIOD.finditer(hay)}


def _day_form(day: str) -> str:
    return "date" if day[:1].isdigit() else "month day" if " " in day else "word"


def same_time(a: dict, b: dict) -> bool:
    """Different resolved days ("6.22 pct yesterday" in Tuesday's story, "6.02 pct on Friday") or different
    stated periods ("first quarter", "second quarter") are different cases."""
    da, db = case_day(a), case_day(b)
    # "yesterday" or "on Friday" in a story with no date is some unknown day: not comparable across stories
    if a["doc"] != b["doc"] and any(d and _day_form(d) == "word" for d in (da, db)):
        return False
    # only days of one form are compared: a day resolved against one document's date and a bare "Thursday"
    # or "July 14" of an undated one are left open
    if da and db and da != db and _day_form(da) == _day_form(db):
        return False
    pa, pb = periods(a), periods(b)
    return not (pa and pb and pa != pb)


def _sentence_key(row: dict) -> str:
    return " ".join(_WORD.findall((row.get("sentence") or "").lower()))


def same_sentence(a: dict, b: dict) -> bool:
    """Both claims come from one sentence, or from copies of it in two stories."""
    ka = _sentence_key(a)
    return bool(ka) and ka == _sentence_key(b)


def _offset(row: dict) -> int | None:
    start, s0 = row.get("start"), row.get("sentence_start")
    return int(start) - int(s0) if start is not None and s0 is not None else None


def same_measure(a: dict, b: dict) -> bool:
    # a change ("rose by 700 mln") never compares with a level ("to 6.2 billion"), nor a rise with a fall
    if (a.get("change") or "") != (b.get("change") or ""):
        return False
    # two figures of a sentence copied into two stories are two quantities, not two sources' versions of one
    # (within one story they may share a group: figures of one document are never paired, see
    # disagreeing_pairs)
    if a["doc"] != b["doc"] and same_sentence(a, b) and _offset(a) != _offset(b):
        return False
    return (dimension(a.get("unit")) == dimension(b.get("unit")) and same_counted(a, b)
            and same_predicate(a, b) and same_scope(a, b) and same_magnitude(a, b) and same_owner(a, b)
            and same_time(a, b))


def comparable(row: dict) -> bool:
    """A claim that can be compared at all: it names what it counts, and that is not a pronoun, a unit or
    just a name ("68 billion dlrs" of "Brazil" says what it belongs to, not what it is); an all-capitals
    headline gives no frame to compare ("MONEY MARKET GIVEN 17 MLN STG")."""
    head = stem(row.get("counts_head") or _last_word(row.get("counts")) or "")
    if not head or head in _STOP or head in _NOT_COUNTED:
        return False
    counts = (row.get("counts") or "").strip()
    # a name in the singular ("Brazil", not "Russians"), or the subject itself
    if counts and (counts.lower() == (row.get("subject") or "").strip().lower()
                   or (len(_WORD.findall(counts)) == 1 and counts[:1].isupper() and not counts.isupper()
                       and stem(counts) == counts.lower())):
        return False
    # "24-month contracts", "three-month bills": the number names a kind of thing, it measures nothing
    if _COMPOUND.search(row.get("text") or ""):
        return False
    sentence = row.get("sentence") or ""
    letters = [ch for ch in sentence if ch.isalpha()]
    return not (len(letters) > 12 and sum(ch.isupper() for ch in letters) > 0.8 * len(letters))


def why(claims: list[dict]) -> str:
    """The frame the claims share, in words: why they were judged to measure the same thing."""
    first = claims[0]
    shared_mods = set.intersection(*[modifiers(c) for c in claims if modifiers(c)] or [set()])
    parts = [f"counts {head_class(first)}" + (f" ({', '.join(sorted(shared_mods))})" if shared_mods else "")]
    preds = [c.get("predicate") for c in claims if c.get("predicate")]
    if preds:
        cls = predicate_class(preds[0])
        common = set.intersection(*[content_stems(p) for p in preds])
        parts.append(f"event {cls}" if cls else f"event “{' '.join(sorted(common)) or preds[0]}”")
    subjects = sorted({c.get("subject") for c in claims if c.get("subject")})
    if subjects:
        parts.append(f"of {subjects[0]}")
    places = sorted({c.get("place") for c in claims if c.get("place")})
    parts.append(f"place {places[0]}" if places else "no place stated")
    years = sorted({y for c in claims for y in _YEAR.findall(c.get("time") or "")})
    parts.append(f"time {', '.join(years)}" if years else "no conflicting years")
    unit = first.get("unit")
    parts.append(f"unit {unit}" if unit else "plain count")
    return "; ".join(parts)


@dataclass
class Group:
    """Claims (from one or more documents) that measure the same thing."""

    claims: list[dict] = field(default_factory=list)

    @property
    def label(self) -> str:
        first = self.claims[0]
        parts = [head_class(first) or "?"]
        preds = [c.get("predicate") for c in self.claims if c.get("predicate")]
        if preds:
            parts.append(predicate_class(preds[0]) or preds[0])
        places = [c.get("place") for c in self.claims if c.get("place")]
        if places:
            parts.append(places[0])
        return " · ".join(parts)

    @property
    def why(self) -> str:
        return why(self.claims)

    @property
    def documents(self) -> set[str]:
        return {c["doc"] for c in self.claims}

    def independent(self, cl: dict[str, str]) -> int:
        return len({cl.get(d, d) for d in self.documents})


def _keys(row: dict) -> set[str]:
    """Words under which a claim is indexed: two claims that can measure the same thing share one (its head
    class, its head, a word of what it counts)."""
    keys = {head_class(row) or "", stem(row.get("counts_head") or "")} | content_stems(row.get("counts"))
    return {f"{dimension(row.get('unit'))}|{k}" for k in keys if k}


def measures(rows: Iterable[dict]) -> list[Group]:
    """Greedy grouping: a claim joins the largest group whose every member measures the same thing."""
    groups: list[Group] = []
    index: dict[str, list[int]] = {}
    for row in sorted(rows, key=lambda r: (r["doc"], r.get("start") or 0)):
        if not (row.get("counts") or row.get("counts_head")) or not comparable(row):
            continue  # a number that counts nothing named cannot be compared
        keys = _keys(row)
        candidates = sorted({gi for k in keys for gi in index.get(k, ())})
        fits = [gi for gi in candidates if all(same_measure(row, c) for c in groups[gi].claims)]
        if fits:
            gi = max(fits, key=lambda i: len(groups[i].claims))
            groups[gi].claims.append(row)
        else:
            groups.append(Group([row]))
            gi = len(groups) - 1
        for k in keys:
            if gi not in index.setdefault(k, []):
                index[k].append(gi)
    return groups


def disagreeing_pairs(group: Group) -> list[tuple[dict, dict]]:
    out = []
    for i, a in enumerate(group.claims):
        for b in group.claims[i + 1 :]:
            # figures of one document never disagree, nor a sentence with its copy in another story
            if a["doc"] != b["doc"] and not same_sentence(a, b) and not overlap(a, b):
                out.append((a, b))
    return out


def find_conflicts(rows: list[dict], about: str | None = None) -> list[Group]:
    """Groups measuring the same thing, across documents, with values that disagree beyond qualifiers."""
    groups = [g for g in measures(rows) if len(g.documents) > 1 and disagreeing_pairs(g)]
    if about:
        groups = [g for g in groups if any(about_matches(c, about) for c in g.claims)]
    for g in groups:
        g.claims.sort(key=lambda c: (interval(c)[0], c["doc"]))
    return sorted(groups, key=lambda g: (-len(g.documents), g.label))


def find_agreements(rows: list[dict], about: str | None = None) -> list[tuple[Group, int]]:
    """(claims asserting compatible values for the same thing, number of independent sources ≥ 2)."""
    cl = clusters(rows)
    out: list[tuple[Group, int]] = []
    for g in measures(rows):
        # values are intervals: every maximal set of mutually compatible ones shares some interval's low end
        sets: list[list[int]] = []
        for point in sorted({interval(c)[0] for c in g.claims}):
            sets.append([i for i, c in enumerate(g.claims) if interval(c)[0] <= point <= interval(c)[1]])
        maximal = [s for s in sets if not any(set(s) < set(t) for t in sets)]
        for members in {tuple(s) for s in maximal}:
            agree = Group(sorted((g.claims[i] for i in members), key=lambda c: (interval(c)[0], c["doc"])))
            # a sentence copied word for word into another story is one source, however the stories are linked
            n = min(agree.independent(cl), len({_sentence_key(c) or c["claim"] for c in agree.claims}))
            if n >= 2 and (not about or any(about_matches(c, about) for c in agree.claims)):
                out.append((agree, n))
    return sorted(out, key=lambda p: (-p[1], p[0].label, interval(p[0].claims[0])[0]))


# --- store-facing ----------------------------------------------------------------------------------------

def trace_sparql(target: float | None, tolerance: float = DEFAULT_TOLERANCE) -> str:
    """kg/query/trace.rq with its VALUES line set to the target (None: every numeric claim)."""
    from kg.query import named
    from kg.query.terms import bind_values

    row = (None, None) if target is None else (float(target), float(tolerance))
    return bind_values(named("trace"), ("target", "tolerance"), [row])


def numeric_rows(store, target: float | None = None, tolerance: float = DEFAULT_TOLERANCE) -> list[dict]:
    _names, rows = store.select(trace_sparql(target, tolerance))
    return rows


def trace(store, value: str, about: str | None = None, tolerance: float = DEFAULT_TOLERANCE) -> list[dict]:
    """Every claim asserting ``value`` ('1,400', '1.4 thousand', '38%', '$415'), originals before copies."""
    from kg.errors import QueryError
    from kg.extract.numbers import parse_value

    parsed = parse_value(value)
    if parsed is None:
        raise QueryError(f"{value!r} is not a number; try 1400, 1,400, 1.4 thousand, 38% or $415")
    target, unit = parsed
    rows = [r for r in numeric_rows(store, target, tolerance) if matches_value(r, target, tolerance, unit)]
    return trace_order([r for r in rows if about_matches(r, about)])


def conflicts(store, about: str | None = None) -> list[Group]:
    """The groups of ``find_conflicts`` over every numeric claim in the store."""
    return find_conflicts(numeric_rows(store), about)


def agreements(store, about: str | None = None) -> list[tuple[Group, int]]:
    """The groups of ``find_agreements`` over every numeric claim in the store."""
    return find_agreements(numeric_rows(store), about)

"""The same case: whose quantity, which story, which day and period.

Two claims that count the same kind of thing may still be about different cases — two companies' net
profit, two days' interest rates, two candidates' delegates. This module decides from the claim's stated
subject and place, the named participants of its sentence, the story it comes from (the names of its
headline and lead) and its day and period.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from kg.compare.words import NOT_COUNTED, WORD, own_lexicon, stem

CAPITAL = re.compile(r"\b[A-Z][\w.-]+")
_COLON = re.compile(r":\s*")
# capitalised words that name no participant: calendar words, and words capitalised for the sentence
NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
             "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "the", "a",
             "an", "in", "on", "at", "it", "he", "she", "they", "we", "i", "but", "and", "this", "that", "its",
             "his", "her", "their", "there", "some", "about", "over", "more", "less", "nearly", "almost", "only",
             "after", "before", "since", "while", "according", "reuters", "mln", "bln", "pct", "dlrs", "shr",
             "net", "revs", "qtr", "avg", "shrs", "vs", "cts", "oper", "u", "s", "every", "all", "recently", "also",
             "still", "now", "as", "if", "when", "with", "for", "by", "of", "to", "from", "so", "yet", "then"}


def names_in(row: dict) -> set[str]:
    """The named participants and places of the claim's sentence and its stated place: capitalised words
    that are not calendar words, without the sentence's first word unless the document names it; cut to six
    letters so that a name and
    its adjective meet ("Kazakhstan"/"Kazakh", "Russia"/"Russian")."""
    sentence = row.get("sentence") or row.get("text") or ""
    first = re.search(r"\w", sentence)
    # the first word is capitalised anyway, so it counts only when the document names it ("Kuwait, they
    # said, was pumping ...": the store marks it, first_is_name)
    # (so is the first word after a colon: "Note: Oper figures leave out a plant charge" names nobody)
    after_colon = {m.end() for m in _COLON.finditer(sentence)}
    words = [m[0] for m in CAPITAL.finditer(sentence)
             if (not first or m.start() != first.start() or row.get("first_is_name")) and m.start() not in after_colon]
    words += CAPITAL.findall(row.get("place") or "")
    source = {w.lower() for w in CAPITAL.findall(row.get("source") or "")}  # who says it is not the case
    return {w.strip(".-").lower()[:6] for w in words
            if w.strip(".-").lower() not in NOT_NAMES and w.lower() not in source} - {""}


def subject(row: dict) -> str:
    """The stated subject, unless it is a unit or abbreviation a parse left there ("cts", "Shr"). A named
    owner of the counted phrase comes first: in "Acme said its unit, Beta Savings, had assets of ..." the
    assets are Beta Savings'."""
    owner = (row.get("owner") or "").strip()
    s = (owner if _named(owner) else row.get("subject") or "").strip().lower()
    if not _named(owner) and _describes_counted(s, row.get("counts") or ""):
        return ""  # "Harbour Motors sold 2,100 U.S. cars": the subject a parse took from "U.S." is no owner
    return "" if s in NOT_COUNTED or s in NOT_NAMES else s


def _describes_counted(subject_: str, counts: str) -> bool:
    """The subject is only an abbreviation in the counted phrase that says which kind ("U.S. cars" for "United
    States": a carmaker's sales of them), not a possessive owner ("the U.S.'s cars") nor the name itself
    ("Norland voters" are Norland's)."""
    if not subject_ or not counts or re.search(r"['’]s\b", counts):
        return False
    words = [w for w in _tokens(subject_) if w != "the"]
    dotted = {w.lower().replace(".", "") for w in counts.split() if "." in w}
    return len(words) > 1 and "".join(w[0] for w in words) in dotted


def owner_part(row: dict) -> frozenset[str]:
    """The words of an unnamed owner that is a part or holding of an organisation ("Tarrow subsidiary" →
    {"tarrow", "subsidiary"}, "fund" → {"fund"}; rules/owner_parts.txt), cut to six letters like names; empty
    for no owner, a named one (see subject) or one that is the story's own subject ("the company")."""
    owner = (row.get("owner") or "").strip()
    if not owner or _named(owner):
        return frozenset()
    words = [stem(w) for w in _tokens(owner)]
    if not any(w in own_lexicon("owner_parts.txt") for w in words):
        return frozenset()
    return frozenset(w[:6] for w in words)


def _named(owner: str) -> bool:
    """An owner that is a name ("Northgate Savings"), not a holder noun ("Tarrow subsidiary", "fund")."""
    words = WORD.findall(owner)
    return bool(words) and words[-1][:1].isupper()


# --- the story: whom the headline and lead are about -----------------------------------------------------

ACTOR_TYPES = {"Person", "Company", "Organization", "FinancialInstitution", "GovernmentBody"}
PLACE_TYPES = {"Country", "City", "Region", "Place"}
# "HARBOURTON, March 3 (Reuters) -", "WASHINGTON (AP) —": where the story was filed, not what it is about
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'&-]{2,}(?:,\s*\w+\.?\s*\d{0,2})?\s*(?:\([^)]{1,20}\))?\s*[—–-]+\s*")


def generic(word: str) -> bool:
    return word.lower().strip(".") in own_lexicon("name_generic_words.txt")


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def name_key(name: str, type_: str) -> str | None:
    """The word that identifies a name across stories, cut to six letters: a person's surname ("Ada Vance"
    → "vance"), anything else its first distinctive word ("Harbour Bank Ltd" → "harbou", "New York City" → "york"), so
    that a name spaCy typed as a place in one story and as an organisation in another still meets."""
    words = [w for w in _tokens(name) if len(w) > 1 and not w.isdigit() and not generic(w)]
    if not words:
        return None
    return (words[-1] if type_ == "Person" else words[0])[:6]


def split_lead(text: str) -> tuple[str, str]:
    """(headline, lead) of a stored text whose first paragraph is its headline, as ingest keeps it."""
    paras = [p.strip() for p in (text or "").split("\n") if p.strip()]
    if not paras:
        return "", ""
    return paras[0], _DATELINE.sub("", paras[1]) if len(paras) > 1 else ""


def story_keys(title: str | None, lead: str | None,
               entities: list[tuple[str, str]] | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """(actors, places) a story is about: the people and organisations (and places) of its headline, else
    of its lead paragraph. ``entities`` are the document's (name, type); without them, capitalised words of
    the lead stand in (a place when the gazetteer knows it)."""
    found = _story_entities(title, lead, entities)
    return frozenset(k for k, t, _w in found if t not in PLACE_TYPES), frozenset(k for k, t, _w in found
                                                                             if t in PLACE_TYPES)


def story_names(title: str | None, lead: str | None, entities: list[tuple[str, str]] | None = None) -> frozenset[str]:
    """The people and organisations of ``story_keys`` with every distinctive word of their names, as
    "key:word word" (cut to six letters): "Norland Rock Industries" and "Norland Power Utilities" share the key
    "florid" but are two companies."""
    return frozenset(f"{k}:{' '.join(w)}" for k, t, w in _story_entities(title, lead, entities)
                     if t not in PLACE_TYPES)


def _story_entities(title: str | None, lead: str | None,
                    entities: list[tuple[str, str]] | None) -> list[tuple[str, str, tuple[str, ...]]]:
    """(key, type, distinctive words) of the entities the headline, else the lead, names."""
    from kg import gazetteer

    title, lead = title or "", _DATELINE.sub("", lead or "")
    if entities is None:
        entities = []
        for m in re.finditer(r"(?:[A-Z][\w'’.-]*\s?)+", lead):
            name = m[0].strip()
            words = [w for w in _tokens(name) if w not in NOT_NAMES and not generic(w)]
            if not words or m.start() == 0 and len(words) == 1 and words[0] in NOT_NAMES:
                continue
            entities.append((name, "Place" if gazetteer.lookup(name) else "Organization"))
    for text in (title, lead):
        hay = set(_tokens(text))
        found = []
        for name, type_ in entities:
            if type_ not in ACTOR_TYPES and type_ not in PLACE_TYPES:
                continue
            words = [w for w in _tokens(name) if len(w) > 1 and not generic(w)]
            key = name_key(name, type_)
            if not key or not words:
                continue
            # the name is in this text: a person by surname, anything else by its first distinctive word
            if (words[-1] if type_ == "Person" else words[0]) in hay:
                found.append((key, type_, tuple(sorted({w[:6] for w in words if not w.isdigit()}))))
        if found:
            return found
    return []


def same_story(a_actors: frozenset, a_places: frozenset, b_actors: frozenset, b_places: frozenset,
               a_names: frozenset = frozenset(), b_names: frozenset = frozenset()) -> bool:
    """Two stories can be about one case: when both name people or organisations, they share one; else,
    when both name someone or somewhere, they share one of those. A story that names nobody leaves it open.
    With ``story_names`` on both sides, a shared key must be one actor: the words of one of its names all
    among the other's ("Quarry" / "Quarry Mills"; not "Norland Rock" / "Norland Power Utilities")."""
    if a_actors and b_actors:
        shared = a_actors & b_actors
        if not shared or not a_names or not b_names:
            return bool(shared)
        return any(_one_actor(k, a_names, b_names) for k in shared)
    a_all, b_all = a_actors | a_places, b_actors | b_places
    return not (a_all and b_all) or bool(a_all & b_all)


def _one_actor(key: str, a_names: frozenset, b_names: frozenset) -> bool:
    wa = [set(n.split(":", 1)[1].split()) for n in a_names if n.split(":", 1)[0] == key]
    wb = [set(n.split(":", 1)[1].split()) for n in b_names if n.split(":", 1)[0] == key]
    if not wa or not wb:
        return True
    return any(x <= y or y <= x for x in wa for y in wb)


# --- the case's time: relative dates resolved against the document's date -------------------------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                             "nov", "dec"))}
_DAY_WORDS = re.compile(r"\b(yesterday|today|tonight|" + "|".join(WEEKDAYS) + r")\b", re.I)
_MONTH_DAY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b", re.I)
# stated reference periods: "first quarter", "second half", "in March", "a year earlier", "in the morning"
_PERIOD = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(quarter|half|qtr)\b|"
                     r"\b(january|february|march|april|june|july|august|september|october|november|december)\b|"
                     r"\b(year|month|week)\s+(earlier|ago)\b|\b(last|previous|prior)\s+(year|month|week|quarter)\b|"
                     r"\b(morning|afternoon|evening|overnight)\b|"
                     # a cumulative figure: "year-to-date sales", "sales so far this year"
                     r"\b(year)[\s-]+(to)[\s-]+(date)\b|\b(so\s+far\s+this)\s+(year|month)\b|"
                     # a period named by its end: "in the six weeks ended Oct 2", "the quarter ending Sept 30"
                     r"\b(week|weeks|month|months|quarter|period|year)\s+(?:ended|ending|to)\s+"
                     r"((?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\w+)|"
                     # a period named by its days: "over the Oct 3 to 9 period", "in the Aug 14-22 period"
                     r"\b((?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2})\s*(?:to|-|–)\s*"
                     r"(\d{1,2})\s+(period)\b",
                     re.I)
# the day a statement was made ("the president said Thursday", "told reporters on Monday") dates the saying,
# not the figure: it is left out before the figure's own day is looked for
_SAID_DAY = re.compile(r"\b(?:said|says|told\s+\w+|announced|added|stated|wrote|declared|reported)\s+(?:on\s+)?"
                       r"(?:late\s+|early\s+)?(?:today|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|"
                       r"saturday|sunday)\b", re.I)


# a part of a day ("in the morning session", "an early round of offers", "in late trading"): the figure is of
# one day, which an undated story does not say
_TIME_OF_DAY = re.compile(r"\b(morning|afternoon|evening|overnight|midday|noon|session|intraday|"
                          r"early\s+round|late\s+trading|early\s+trading)\b", re.I)


def time_of_day(row: dict) -> bool:
    return bool(_TIME_OF_DAY.search(_time_text(row)))


def _time_text(row: dict) -> str:
    return _SAID_DAY.sub(" ", " ".join(str(row.get(k) or "") for k in ("time", "sentence")))


@cache
def _parse_date(text: str) -> date | None:
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", text)
    try:
        return date(int(m[1]), int(m[2]), int(m[3])) if m else None
    except ValueError:
        return None


def case_day(row: dict) -> str | None:
    """The day the claim's figure is about, when its time or sentence states one: "yesterday", "on Friday"
    and "on March 3" resolved against the document date (schema:datePublished); without a document date,
    the words themselves. None when no day is stated."""
    hay = _time_text(row)
    published = _parse_date(str(row.get("date") or ""))
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
    back = (published.weekday() - WEEKDAYS.index(word)) % 7  # a weekday in wire copy is the latest one
    return (published - timedelta(days=back)).isoformat()


def periods(row: dict) -> set[str]:
    """The reference periods the claim's time or sentence states, lower case; "last week", "last month" and
    "last year" resolved against the document date when it has one, so that "last week" in two stories a
    week apart are two weeks."""
    hay = " ".join(str(row.get(k) or "") for k in ("time", "sentence"))
    published = _parse_date(str(row.get("date") or ""))
    out = set()
    for m in _PERIOD.finditer(hay):
        key = re.sub(r"[.\s]+", " ", " ".join(w.lower() for w in m.groups() if w)).strip()
        out.add(_resolved(key, published) if published else key)
    return out


def _resolved(key: str, published: date) -> str:
    words = key.split()
    if len(words) != 2 or words[0] not in ("last", "previous", "prior"):
        return key
    if words[1] == "week":
        year, week, _ = (published - timedelta(days=7)).isocalendar()
        return f"week {year}-{week:02d}"
    if words[1] == "month":
        first = published.replace(day=1) - timedelta(days=1)
        return f"month {first.year}-{first.month:02d}"
    if words[1] == "year":
        return f"year {published.year - 1}"
    return key


def same_subject(a: str, b: str) -> bool:
    """Two stated subjects name one owner: the same words, or the shorter is how the longer ends ("Kasich" /
    "John Kasich", "the Treasury" / "Treasury"); "Bill Clinton" is not "Hillary Clinton"."""
    if a == b:
        return True
    wa, wb = [w for w in _tokens(a) if w != "the"], [w for w in _tokens(b) if w != "the"]
    if not wa or not wb:
        return False
    short, long_ = sorted((wa, wb), key=len)
    return long_[-len(short):] == short


def subject_named(subject_: str, names: frozenset[str] | set[str]) -> bool:
    """A subject stated on one side is named in the other claim's sentence ("Clinton has 175 delegates" /
    "Clinton won Florida, earning 175 more delegates"): its last word, as names_in cuts it."""
    words = [w for w in _tokens(subject_) if w not in NOT_NAMES]
    return bool(words) and words[-1][:6] in names


def day_form(day: str) -> str:
    return "date" if day[:1].isdigit() else "month day" if " " in day else "word"

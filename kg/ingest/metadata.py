"""Metadata found in the text itself: headline, dateline, byline, publisher line, original URL,
republication notices, author-bio boxes. Each finder returns what it found and which paragraphs are
metadata (removed from the text with the reason ``metadata: <field>``, except the headline, which is
article text and stays)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from dateutil import parser as dateutil_parser

from kg.ingest.lexicon import provenance, words
from kg.records import Removed

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = (
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),  # July 14, 2022
    re.compile(rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}", re.I),  # 14 July 2022
    re.compile(rf"{_YEAR}-(?P<monthnum>\d\d)-(?P<day>\d\d)"),  # 2022-07-14
    re.compile(rf"{_YEAR}/(?P<monthnum>\d\d)/(?P<day>\d\d)"),  # 2022/07/14 (URLs)
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:\s*(?:,|at|-|–|\|)?\s*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?"
_DATE_LINE = re.compile(
    rf"(?:(?:published|posted|updated|last\s+updated|date|dated)(?:\s+on)?\s*:?\s*)?{_WEEKDAY}(?P<date>.{{6,30}}?)"
    rf"{_TIME}\.?", re.I)
# "MOSCOW, July 14, 2022 (Reuters) — ...": a dateline opens the first body paragraph
_DATELINE = re.compile(r"(?-i:[A-Z][A-Z .'-]{2,30}),\s+(?P<date>[^—–(]{6,30}?)\s*(?:\(|—|–|-)", re.I)
# "MOSCOW, July 14 (Reuters) - ...": the wire agency in a dateline is where the story came from
_DATELINE_AGENCY = re.compile(
    r"[A-Z][A-Z .'/-]{2,40},[^()\n]{0,40}\((?P<agency>[A-Z][\w.&' -]{1,30})\)\s*[-—–:]")
_URL = re.compile(r"<?(?P<url>https?://[^\s<>]+)>?")
_URL_LABEL = re.compile(
    r"(?:original\s+(?:url|link|article|source)|source\s+url|url|link|canonical(?:\s+url)?|permalink|"
    r"read\s+(?:the\s+)?original(?:\s+article)?(?:\s+(?:at|here))?|originally\s+published\s+at)\s*:?\s*"
    r"(?:<?(?P<url>https?://[^\s<>]+)>?)?", re.I)
# name words: capitalised, hyphenated or with apostrophes; initials; lower-case particles inside names
_NAME_WORD = re.compile(r"(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.)$")
_PARTICLES = {"van", "von", "de", "der", "da", "di", "al", "el", "bin", "ibn", "la", "le", "du", "dos"}
_BYLINE = re.compile(r"(?:by|written\s+by|author|words\s+by)\s*:?\s+(?P<names>.+)", re.I)
_AUTHOR_IN_NOTICE = re.compile(
    r"\b(?:author|written\s+by|by)\s*:?\s+(?P<name>(?-i:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2}))", re.I)
_QUOTED = re.compile(r"[\"“«'‘](?P<name>[^\"”»'’]{2,60})[\"”»'’]")
_CAP_RUN = re.compile(
    r"(?:(?:the|The)\s+)?(?:[A-Z0-9][\w&'’.-]*)(?:\s+(?:(?:of|the|and|for|&)\s+)?[A-Z0-9][\w&'’.-]*)*")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’]?|$)")
# where the headline ends when it is a complete sentence (then it is the lead, not a headline)
_NOT_HEADLINE_END = (".", ",", ";", ":")
TOP = 6  # metadata lines sit among the first paragraphs
BOTTOM = 5  # republication notices and bios among the last
QUOTED_WITHIN = 12  # words before a quoted outlet name in a notice; further on, quotes are titles
_APPEAL = re.compile(r"(?:a\s+)?message\s+from\s+(?P<name>[^:\n]{2,60}):", re.I)


def parse_date(text: str) -> str | None:
    """ISO ``yyyy-mm-dd`` of the first date with a year in ``text``, or None."""
    best = None
    for form in _DATE_FORMS:
        m = form.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    g = best.groupdict()
    month = int(g["monthnum"]) if g.get("monthnum") else _month(g["month"])
    day = int(g["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{g['year']}-{month:02d}-{day:02d}"


# a date field's value is one date, written in any of the forms feeds and archives use: ISO 8601 with time
# and zone ("2015-11-11T23:30:00-05:00"), RFC 2822 ("Wed, 11 Nov 2015 23:30:00 GMT"), wire archives
# ("26-FEB-1987 15:01:01.79"), "Nov. 11, 2015". python-dateutil reads them; two different defaults tell a
# stated day from one dateutil filled in, so a bare "2015" or "November 2015" gives no day.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))
_EPOCH_SECONDS = (1e8, 1e11)  # 1973 … 5138: a number in this range is a Unix time in seconds (else ms)


def date_value(value) -> str | None:
    """ISO ``yyyy-mm-dd`` of a date field (string, Unix time in seconds or milliseconds), or None when it
    states no day. The day is the one written (a time zone does not move it)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        seconds = value if value < _EPOCH_SECONDS[1] else value / 1000
        if not _EPOCH_SECONDS[0] <= seconds < _EPOCH_SECONDS[1] * 10:
            return None
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text or len(text) > 80:
        return parse_date(text[:200]) if text else None
    if re.fullmatch(r"\d{9,13}", text):
        return date_value(int(text))
    try:
        first, second = (dateutil_parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return parse_date(text)  # a date inside other words ("Published on July 14, 2022 by …")
    if first.date() != second.date() or not 1800 <= first.year <= 2200:
        return None
    return first.date().isoformat()


def _month(name: str) -> int:
    name = name.lower()
    return next(i for m, i in _MONTHS.items() if m.startswith(name[:3]))


def date_line(p: str) -> str | None:
    m = _DATE_LINE.fullmatch(p.strip())
    if not m:
        return None
    return parse_date(m.group("date")) if any(f.fullmatch(m.group("date")) for f in _DATE_FORMS) else None


def is_name(p: str, min_words: int = 2) -> bool:
    tokens = p.strip().split()
    if not (min_words <= len(tokens) <= 4) or len(p) > 40:
        return False
    if {t.lower() for t in tokens} & words("outlet_words.txt"):
        return False
    if not (_NAME_WORD.match(tokens[0]) and _NAME_WORD.match(tokens[-1])):
        return False
    return all(_NAME_WORD.match(t) or t in _PARTICLES for t in tokens)


def is_outlet(p: str) -> bool:
    tokens = p.strip().split()
    if not (1 <= len(tokens) <= 6) or p.rstrip().endswith((".", ",", ";", ":")):
        return False
    if not all(t[:1].isupper() or t[:1].isdigit() or t.lower() in ("of", "the", "and", "&") for t in tokens):
        return False
    return bool({t.lower().strip("'’") for t in tokens} & words("outlet_words.txt"))


def is_headline(p: str) -> bool:
    tokens = p.split()
    if not (2 <= len(tokens) <= 30) or len(p) > 200 or p[:1].islower():
        return False
    end = p.rstrip().rstrip("\"”’'")
    return not end.endswith(_NOT_HEADLINE_END)


@dataclass
class Found:
    title: str | None = None
    url: str | None = None
    date: str | None = None
    publisher: str | None = None
    author: str | None = None
    first_published_in: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)

    def drop(self, p: str, what: str) -> None:
        self.removed.append(Removed(p, f"metadata: {what}"))


def url_lines(paragraphs: list[str], found: Found) -> list[str]:
    """``Original url:`` lines (with the URL on the same or the next line) and bare URL lines."""
    kept: list[str] = []
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        label = _URL_LABEL.fullmatch(p.strip())
        if label:
            url = label.group("url")
            found.drop(p, "url")
            nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
            if not url and _URL.fullmatch(nxt.strip()):
                url = _URL.fullmatch(nxt.strip()).group("url")
                found.drop(nxt, "url")
                i += 1
            found.url = found.url or url
        elif _URL.fullmatch(p.strip()):
            found.removed.append(Removed(p, "link line"))
        else:
            kept.append(p)
        i += 1
    return kept


def head(paragraphs: list[str], found: Found) -> list[str]:
    """Headline, then date/byline/publisher lines directly under it."""
    start = 0
    if len(paragraphs) > 1 and is_headline(paragraphs[0]) and not date_line(paragraphs[0]):
        found.title = found.title or paragraphs[0]
        start = 1
    kept = paragraphs[:start]
    for i in range(start, len(paragraphs)):
        p = paragraphs[i].strip()
        # a byline, date or publisher line heads an article: the document's last paragraph heads nothing,
        # so a one-line document ("Ann Lee", "1996-08-22", a wire's section heading) is its own text
        if i >= TOP or i == len(paragraphs) - 1:
            kept.extend(paragraphs[i:])
            break
        date = date_line(p)
        byline = _BYLINE.fullmatch(p)
        if date:
            found.date = found.date or date
            found.drop(p, "date")
        elif byline and _names(byline.group("names"), found):
            found.drop(p, "author")
        elif is_name(p) and found.author is None:
            found.author = p
            found.drop(p, "author")
        elif is_outlet(p) and found.publisher is None:
            found.publisher = p
            found.drop(p, "publisher")
        else:
            kept.extend(paragraphs[i:])
            break
    for p in kept[:3]:
        m = _DATELINE.match(p)
        if m and found.date is None and parse_date(m.group("date")):
            found.date = parse_date(m.group("date"))
        agency = _DATELINE_AGENCY.match(p)
        if agency and agency.group("agency") not in found.first_published_in:
            found.first_published_in.append(agency.group("agency"))
    return kept


def _names(text: str, found: Found) -> bool:
    """A byline "By A and B, Outlet": authors joined, the outlet (if any) as publisher."""
    parts = [s.strip() for s in re.split(r",|\s+and\s+|\s*&\s*|\s*\|\s*", text) if s.strip()]
    names = [s for s in parts if is_name(s, 1)]
    outlets = [s for s in parts if is_outlet(s)]
    if not names or len(names) + len(outlets) != len(parts):
        return False
    found.author = found.author or ", ".join(names)
    if outlets:
        found.publisher = found.publisher or outlets[0]
    return True


def outlet_name(rest: str) -> str | None:
    """The outlet named at the start of ``rest``: a quoted name among its first words ("the 176th issue
    of the "Silk Road Today" newspaper"), else the leading run of capitalised words."""
    sentence = _SENTENCE.match(rest)
    first = sentence.group(0) if sentence else rest
    quoted = _QUOTED.search(first)
    if quoted and len(first[: quoted.start()].split()) <= QUOTED_WITHIN:
        return quoted.group("name").strip()
    lead = re.sub(r"^(?:the|a|an)\s+(?=[a-z])", "", first.strip())
    run = _CAP_RUN.match(lead)
    return run.group(0).rstrip(".,") if run else None


def _trailing_outlet(before: str) -> str | None:
    """The capitalised run that ends right before a match ("The Korea Herald" published ...)."""
    runs = list(_CAP_RUN.finditer(before.rstrip()))
    if runs and runs[-1].end() == len(before.rstrip()):
        return runs[-1].group(0)
    return None


def provenance_notices(paragraphs: list[str], found: Found) -> list[str]:
    """Notices about this article at its top or bottom are removed; mentions in the body are kept."""
    kept: list[str] = []
    n = len(paragraphs)
    for i, p in enumerate(paragraphs):
        is_notice = False
        for kind, pattern in provenance():
            for sentence in _SENTENCE.finditer(p):
                m = pattern.search(sentence.group(0))
                if not m:
                    continue
                outlet = outlet_name(m.group("rest"))
                if kind == "mention":
                    before = _trailing_outlet(sentence.group(0)[: m.start()])
                    for name in (outlet, before):
                        if name and name not in found.first_published_in:
                            found.first_published_in.append(name)
                elif (i < 2 or i >= n - BOTTOM) and len(p) <= 400 and sentence.start() == 0 \
                        and not sentence.group(0)[: m.start()].strip():  # the notice opens the paragraph
                    if outlet and outlet not in found.first_published_in:
                        found.first_published_in.append(outlet)
                    author = _AUTHOR_IN_NOTICE.search(p)
                    if author and found.author is None:
                        found.author = author.group("name")
                    is_notice = True
        if is_notice:
            found.removed.append(Removed(p, "republication notice"))
        else:
            kept.append(p)
    return kept


_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Mm]e|I'm|I’m)\b")


def _bio(p: str, name: str | None = None) -> bool:
    """A role word early on; after a one-word name (a bare first name like "Mike") the bio must also
    speak in the first person or repeat the name, so a section heading over "Analysts expect ..." is
    not mistaken for an author box."""
    head_words = [w.lower().strip(".,;:") for w in p.split()[:10]]
    roles = words("bio_roles.txt")
    if not any(w.startswith(r) for w in head_words for r in roles):
        return False
    if name is not None and len(name.split()) == 1:
        return bool(_FIRST_PERSON.search(p)) or name in p
    return True


_NAME_IS = re.compile(r"(?P<name>(?-i:[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3}))\s+is\s+(?:a|an|the)\s", re.I)


def bios(paragraphs: list[str], found: Found) -> list[str]:
    """Author boxes at the end: a name line followed by a bio ("Mike" / "Media analyst and journalist.
    ..."), or a closing "Jane Doe is a reporter ..." line."""
    n = len(paragraphs)
    drop: set[int] = set()
    for i in range(max(0, n - BOTTOM), n):
        p = paragraphs[i].strip()
        if i + 1 < n and is_name(p, 1) and _bio(paragraphs[i + 1], p):
            drop |= {i, i + 1}
            found.author = found.author or p
        elif i >= n - 2 and len(p) <= 300 and _NAME_IS.match(p) and _bio(p):
            drop.add(i)
    for i in sorted(drop):
        found.removed.append(Removed(paragraphs[i], "author bio"))
    return [p for i, p in enumerate(paragraphs) if i not in drop]


def appeal_publisher(found: Found) -> None:
    """A removed donation appeal headed "A Message from The Moscow Times:" names the publisher."""
    for r in found.removed:
        m = _APPEAL.match(r.text)
        if m and found.publisher is None and is_outlet(m.group("name")):
            found.publisher = m.group("name").strip()


def repeated_title(paragraphs: list[str], found: Found) -> list[str]:
    """Share widgets repeat the headline at the bottom of the page."""
    if not found.title:
        return paragraphs
    key = found.title.casefold().strip()
    kept = paragraphs[:1]
    for p in paragraphs[1:]:
        if p.casefold().strip() == key:
            found.removed.append(Removed(p, "repeated headline"))
        else:
            kept.append(p)
    return kept

"""Frames: what a numeric claim measures, computed once per claim, and the pairwise test that two claims
measure the same quantity of the same case (``same_measure``).

A ``Frame`` holds everything the pairwise tests read (counted head and its class, modifiers, predicate
class and head word, kind of figure, place, years, stated subject, named participants, story, day,
periods, interval), so grouping thousands of claims costs set comparisons, not regular expressions.
"""

from __future__ import annotations

import re
from functools import cache, cached_property, lru_cache

from kg.compare import case
from kg.compare.dispute import f_may_dispute
from kg.compare.timing import f_same_time
from kg.compare.values import MAX_RATIO, interval
from kg.compare.words import (
    LIGHT_GROUPS,
    NOT_COUNTED,
    STOP,
    WORD,
    YEAR,
    content_stems,
    count_classes,
    dimension,
    head_class,
    last_word,
    modifier_classes,
    own_lexicon,
    predicate_class,
    stem,
)

_COMPOUND = re.compile(r"[\w.,/]-[a-z]+\b")


@cache
def _tally_rules() -> tuple[tuple[str, re.Pattern], ...]:
    from kg.compare.words import OWN_RULES, _rows

    return tuple((r[0], re.compile(r[1].strip())) for r in _rows("running_tallies.txt", OWN_RULES))


def tally_group(row: dict) -> str | None:
    """The group of rules/running_tallies.txt that makes the figure a count so far, or None."""
    for group, pattern in _tally_rules():
        field = {"has": "predicate", "counted": "counts"}.get(group, "sentence")
        if pattern.search((row.get(field) or "").lower()):
            return group
    return None


def running_tally(row: dict) -> bool:
    """The figure is a count so far ("now has 410 delegates", "has so far destroyed 300 homes")."""
    return tally_group(row) is not None


@cache
def _label_nouns() -> frozenset[str]:
    from kg.compare.words import OWN_RULES

    text = (OWN_RULES / "label_nouns.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@cache
def _predicate_splits() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    from kg.compare.words import OWN_RULES, _rows

    return tuple((r[0], r[1], tuple(r[2].split())) for r in _rows("predicate_splits.txt", OWN_RULES))


@cache
def _kind_rules() -> tuple[tuple[str, str, re.Pattern], ...]:
    from kg.compare.words import OWN_RULES, _rows

    return tuple((r[0], r[1], re.compile(r[2].strip())) for r in _rows("measure_kinds.txt", OWN_RULES))


# a margin needs a predicate of comparison ("leads", "won", "trails"): "rose by 5" is a change
_MARGIN_VERBS = re.compile(r"\b(lead|leads|led|leading|ahead|trail|trails|trailed|trailing|behind|beat|beats|won|win|"
                           r"wins|winning|lost|lose|loses|outnumber|outnumbers|edge|edged|widen|widened|narrow|"
                           r"narrowed)\b")


def measure_kind(row: dict) -> str:
    """'threshold' (a figure needed or allowed: "needs 270 votes to win", "a cap of 30"), 'margin' (a gap:
    "leads by 9 points"), 'increment' ("a further 20 mln"), else 'level' (a count, amount or rate)."""
    pred = (row.get("predicate") or "").lower()
    counts = (row.get("counts") or "").lower()
    before = (_before(row) or "")[-40:].lower()
    after = (_after(row) or "")[:40].lower()
    for kind, where, pattern in _kind_rules():
        if where == "after":
            if after and pattern.search(after):
                return kind
        elif where == "before":
            if before and pattern.search(before) and (kind != "margin" or _MARGIN_VERBS.search(pred)):
                return kind
        elif pattern.search(pred) or pattern.search(counts):
            return kind
    return "level"


def _after(row: dict) -> str | None:
    """The sentence after the claim's number."""
    sentence, start, s0 = row.get("sentence"), row.get("start"), row.get("sentence_start")
    if not sentence or start is None or s0 is None:
        return None
    return sentence[max(0, int(start) - int(s0)) + len(row.get("text") or ""):]


def _before(row: dict) -> str | None:
    """The sentence up to the claim's number."""
    sentence, start, s0 = row.get("sentence"), row.get("start"), row.get("sentence_start")
    if not sentence or start is None or s0 is None:
        return None
    return sentence[: max(0, int(start) - int(s0))]


def modifiers(row: dict) -> set[str]:
    """The distinguishing words of what a claim counts, in synonym classes: "major foreign companies" →
    {"big", "foreign"}, "net profit" → {"net"}; the head itself and number words are left out."""
    head = stem(row.get("counts_head") or last_word(row.get("counts")) or "")
    words = content_stems(row.get("counts")) - {head, stem(row.get("counts_head") or "")}
    return {modifier_classes().get(w, w) for w in words if not w.isdigit()}


_CAPITALISED = re.compile(r"\b[A-Z][\w-]+")


def _names_before_head(row: dict) -> frozenset[str]:
    """Names between the number and the counted noun that the counted phrase left out: "15 Boeing 767 planes"
    counts Boeing planes, not the "40 new planes" of the whole order (cut to six letters, like names_in)."""
    sentence, start, s0, head = row.get("sentence"), row.get("start"), row.get("sentence_start"), \
        (row.get("counts_head") or "").lower()
    if not sentence or start is None or s0 is None or not head:
        return frozenset()
    after = sentence[max(0, int(start) - int(s0)) + len(row.get("text") or ""):][:80]
    words = after.split()
    stop = next((i for i, w in enumerate(words) if stem(w.strip(".,;:()<>").lower()) == stem(head)), None)
    if stop is None:
        return frozenset()
    counted = {w.lower() for w in WORD.findall(row.get("counts") or "")}
    out = set()
    for w in _CAPITALISED.findall(" ".join(words[:stop])):
        low = w.lower()
        if low not in counted and low not in case.NOT_NAMES and not case.generic(low):
            out.add(low[:6])
    return frozenset(out)


def _predicate_head(text: str | None) -> str | None:
    """The predicate's first word, as a light-verb group ("are" → "be"), an event group ("posted" →
    "report", rules/event_synonyms.txt) or its stem."""
    words = [w for w in WORD.findall((text or "").lower()) if not w.isdigit()]
    light = own_lexicon("light_predicates.txt")
    # an auxiliary before a verb is not the event: "were killed" is "killed", "has won" is "won"
    while len(words) > 1 and light.get(words[0]) in ("be", "have") and words[1].isalpha() and words[1] not in STOP:
        words = words[1:]
    for w in words:
        return light.get(w) or own_lexicon("event_synonyms.txt").get(w) or stem(w)
    return None


@lru_cache(maxsize=65536)
def _sentence_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in content_stems(sentence) if not w[:1].isdigit())


@lru_cache(maxsize=65536)
def _sentence_key(sentence: str) -> str:
    return " ".join(WORD.findall(sentence.lower()))


_NUMBER = re.compile(r"\d[\d,.]*")


@lru_cache(maxsize=65536)
def _tokens(sentence: str) -> frozenset[str]:
    return frozenset(WORD.findall(sentence.lower()))


_SUB_YEAR = re.compile(r"quarter|qtr|half|week|month|period|morning|afternoon|evening|overnight|january|february|"
                       r"march|april|june|july|august|september|october|november|december")
_WHOLE_YEAR = re.compile(r"\b(?:calendar|fiscal|full|whole)\s+(?:year|(?:19|20)\d\d)\b|"
                         r"\b(?:19|20)\d\d\s+(?:calendar|fiscal)\s+year\b", re.I)
NEAR_COPY = 0.8  # share of words two sentences have in common to be one sentence edited (see near_copies)


def near_copies(a: Frame, b: Frame) -> bool:
    """One sentence, copied and lightly edited ("Northwind Motors Co of Estovia said" / "Co of Estovia said"): most
    words, numbers included, in common."""
    if f_same_sentence(a, b):
        return True
    ta, tb = a.tokens, b.tokens
    return bool(ta and tb) and len(ta & tb) >= NEAR_COPY * len(ta | tb)


_LETTER, _UPPER = re.compile(r"[^\W\d_]"), re.compile(r"[A-Z]")


@lru_cache(maxsize=65536)
def _all_capitals(sentence: str) -> bool:
    letters = len(_LETTER.findall(sentence))
    return letters > 12 and len(_UPPER.findall(sentence)) > 0.8 * letters


class Frame:
    """What one claim measures. The fields every comparison reads are computed at once; the rest (names,
    story, day, periods, sentence words, kind) on first use, since most claims never meet a candidate."""

    __slots__ = ("row", "doc", "dim", "head", "hclass", "counts_words", "mods", "change", "lo", "hi", "__dict__")

    def __init__(self, row: dict):
        self.row = row
        self.doc = row["doc"]
        self.dim = dimension(row.get("unit"))
        self.head = stem(row.get("counts_head") or "")
        self.hclass = head_class(row)
        self.counts_words = frozenset(content_stems(row.get("counts")))
        self.mods = frozenset(modifiers(row)) | _names_before_head(row)
        self.change = row.get("change") or ""
        self.lo, self.hi = interval(row)

    @cached_property
    def pred(self) -> str | None:
        return self.row.get("predicate") or None

    @cached_property
    def pred_class(self) -> str | None:
        if not self.pred:
            return None
        cls = predicate_class(self.pred)
        words = WORD.findall(self.pred.lower())
        for name, sub, beginnings in _predicate_splits():
            if cls == name and any(w.startswith(beginnings) for w in words):
                return f"{name}:{sub}"
        return cls

    @cached_property
    def pred_head(self) -> str | None:
        return _predicate_head(self.pred)

    @cached_property
    def bare_copula(self) -> bool:
        """The predicate is only a copula ("is", "totals"), as if none were stated: "were on strike" is not."""
        words = [w for w in WORD.findall((self.pred or "").lower()) if not w.isdigit()]
        return len(words) == 1 and own_lexicon("light_predicates.txt").get(words[0]) == "be"

    @cached_property
    def pred_words(self) -> frozenset[str]:
        return frozenset(content_stems(self.pred))

    @cached_property
    def kind(self) -> str:
        return measure_kind(self.row)

    @cached_property
    def place(self) -> str:
        return (self.row.get("place") or "").lower()

    @cached_property
    def years(self) -> frozenset[str]:
        return frozenset(YEAR.findall(self.row.get("time") or ""))

    @cached_property
    def subject(self) -> str:
        return case.subject(self.row)

    @cached_property
    def part(self) -> frozenset[str]:
        """The words of an unnamed owner that is a part of an organisation ("its Tarrow unit"), else empty."""
        return case.owner_part(self.row)

    @cached_property
    def names(self) -> frozenset[str]:
        return frozenset(case.names_in(self.row))

    @cached_property
    def story(self) -> tuple[frozenset[str], frozenset[str]]:
        row = self.row
        if "story_actors" in row or "story_places" in row:
            return frozenset((row.get("story_actors") or "").split()), \
                frozenset((row.get("story_places") or "").split())
        if row.get("title") or row.get("lead"):
            return case.story_keys(row.get("title"), row.get("lead"))
        return frozenset(), frozenset()

    @cached_property
    def story_names(self) -> frozenset[str]:
        return frozenset(n for n in (self.row.get("story_names") or "").split("|") if n)

    @property
    def story_actors(self) -> frozenset[str]:
        return self.story[0]

    @property
    def story_places(self) -> frozenset[str]:
        return self.story[1]

    @cached_property
    def day(self) -> str | None:
        return case.case_day(self.row)

    @cached_property
    def published(self):
        return case._parse_date(str(self.row.get("date") or ""))

    @cached_property
    def tally_group(self) -> str | None:
        return tally_group(self.row)

    @property
    def tally(self) -> bool:
        return self.tally_group is not None

    @cached_property
    def day_part(self) -> bool:
        return case.time_of_day(self.row)

    @cached_property
    def periods(self) -> frozenset[str]:
        return frozenset(case.periods(self.row))

    @cached_property
    def sub_year(self) -> bool:
        """A stated period shorter than a year (a quarter, half, month, week, named days or part of a day)."""
        return any(_SUB_YEAR.search(p) for p in self.periods)

    @cached_property
    def whole_year(self) -> bool:
        """The figure is stated for a whole year ("in the 1986 calendar year", "in calendar 1986", "for the
        full year"), not a period within or across years ("since the beginning of 2022")."""
        return bool(_WHOLE_YEAR.search(" ".join(str(self.row.get(k) or "") for k in ("time", "sentence"))))

    @cached_property
    def sentence_key(self) -> str:
        return _sentence_key(self.row.get("sentence") or "")

    @cached_property
    def sentence_words(self) -> frozenset[str]:
        return _sentence_words(self.row.get("sentence") or self.row.get("text") or "")

    @cached_property
    def ordinal(self) -> int:
        """Which number of its sentence the claim's figure is (0: the first)."""
        before = _before(self.row)
        return len(_NUMBER.findall(before)) if before is not None else -1

    @cached_property
    def tokens(self) -> frozenset[str]:
        return _tokens(self.row.get("sentence") or "")

    @cached_property
    def frame_words(self) -> frozenset[str]:
        """The sentence's words without its numbers: what stays the same from one edition to the next."""
        return frozenset(w for w in self.tokens if not any(ch.isdigit() for ch in w))

    @cached_property
    def offset(self) -> int | None:
        start, s0 = self.row.get("start"), self.row.get("sentence_start")
        return int(start) - int(s0) if start is not None and s0 is not None else None


def frame(row: dict) -> Frame:
    return Frame(row)


# --- pairwise tests, on frames -------------------------------------------------------------------------------

def f_same_counted(a: Frame, b: Frame) -> bool:
    if a.hclass is None or b.hclass is None:
        return False
    # "Russians" and "Russian citizens": the head of one is a word of the other
    if a.hclass != b.hclass and not (a.head in b.counts_words or b.head in a.counts_words):
        return False
    # both say which ones: one must include the other ("foreign" and "large foreign", not "Iowa" and "Ohio")
    return not a.mods or not b.mods or a.mods <= b.mods or b.mods <= a.mods


# the words that make a threshold, left out when two thresholds' goals are compared
_THRESHOLD_WORDS = {"take", "takes", "took", "need", "needed", "require", "required", "necessary", "win", "clinch",
                    "reach", "secure", "get"}
MIN_SHARED_WORDS = 0.5  # a light predicate: share of the smaller sentence's content words the other must have


def f_same_predicate(a: Frame, b: Frame) -> bool:
    if not a.pred or not b.pred:
        # no event stated on one side: the other must state none either, or only a copula ("totals", "is");
        # what is measured is then in the rest of the sentences
        if (a.pred and not a.bare_copula) or (b.pred and not b.bare_copula):
            return False
        return _share_words(a, b)
    if a.kind == "threshold" == b.kind:
        # "takes 1,200 to win the nomination" and "1,200 needed to clinch the nomination": the goal is the event
        words_a, words_b = a.pred_words - _THRESHOLD_WORDS, b.pred_words - _THRESHOLD_WORDS
        small = min(len(words_a), len(words_b))
        return small > 0 and len(words_a & words_b) >= MIN_SHARED_WORDS * small
    if a.pred_class or b.pred_class:
        return a.pred_class == b.pred_class
    if a.pred_head in LIGHT_GROUPS or b.pred_head in LIGHT_GROUPS:
        # "are", "say": the predicate names no event; what is measured is in the rest of the sentence
        return a.pred_head == b.pred_head and _share_words(a, b)
    # the event is the predicate's head verb: "invested" is not "buying", "declined" is "declined 62 pct"
    return a.pred_head == b.pred_head


def _share_words(a: Frame, b: Frame) -> bool:
    """The sentences share most of the smaller one's content words, leaving out the counted thing, units and
    the predicate itself ("58 percent of voters say the dam should be built" and "31 percent of voters say
    they trust the mayor" share only those). Open when neither claim has a sentence."""
    if not a.sentence_words and not b.sentence_words:
        return True
    known = a.counts_words | b.counts_words | a.pred_words | b.pred_words | NOT_COUNTED
    wa, wb = a.sentence_words - known, b.sentence_words - known
    small = min(len(wa), len(wb))
    return small > 0 and len(wa & wb) >= MIN_SHARED_WORDS * small


def f_same_scope(a: Frame, b: Frame) -> bool:
    if a.place and b.place and a.place != b.place:
        return False
    return not (a.years and b.years and not a.years & b.years)


def f_same_magnitude(a: Frame, b: Frame) -> bool:
    """Values more than MAX_RATIO apart ("3 council members", "2 billion members") measure different
    things, however alike their words: a real disagreement between sources is rarely a hundredfold."""
    lo, hi = min(abs(a.hi), abs(b.hi)), max(abs(a.lo), abs(b.lo))
    return lo == 0 or hi / lo <= MAX_RATIO or (a.lo <= b.hi and b.lo <= a.hi)


def f_same_owner(a: Frame, b: Frame, strict: bool = True) -> bool:
    """Whose quantity it is. Stated subjects must be the same entity ("Acme's net profit" is not "Beta's");
    with none stated, the claims need the same case: their stories about the same people or organisations,
    the same place when both state one, a place one states named in the other's sentence, else the names of
    one sentence all among the other's."""
    sa, sb = a.subject, b.subject
    if sa and sb and not case.same_subject(sa, sb):
        return False
    # a part of an organisation ("the fund's assets", "its Tarrow unit had sales of") is not the organisation,
    # nor another part: both state the same part, or one says more of it ("its unit" / "its Tarrow unit")
    if (a.part or b.part) and not (a.part and b.part and (a.part <= b.part or b.part <= a.part)):
        return False
    # a subject stated on one side only must be named in the other's sentence; for a disagreement, in a story
    # about the same actors too ("United has assets of ..." in one bank's story is not another United's)
    if sa and not sb and not case.subject_named(sa, b.names) or sb and not sa and not case.subject_named(sb, a.names):
        return False
    if strict and bool(sa) != bool(sb) and a.doc != b.doc and not f_same_story(a, b):
        return False
    # (a threshold is a rule of the contest, the same in every story about it: its goal names the case)
    if not (sa or sb) and a.kind != "threshold" and a.doc != b.doc and not f_same_story(a, b):
        return False  # "net profit rose" in Harbour Bank's story and in Quarry Bank's
    pa, pb = a.place, b.place
    if pa and pb and pa != pb:
        return False
    na, nb = a.names, b.names
    if pa and pb:
        return True
    if pa or pb:  # one states the place: the other's sentence names it too ("left the Russian market")
        place = case.names_in({"place": a.row.get("place") or b.row.get("place")})
        return bool(place) and place <= na and place <= nb
    if sa or sb:  # the same stated subject, and no other participant named on one side only
        return na <= nb or nb <= na
    # nothing stated: the names of one sentence are all among the other's; a sentence that names nobody
    # ("The writedown was 52 mln.") is about its story, so the two stories must name the same actor
    if not na or not nb:
        # (also for a disagreement when both are the base of one current figure stated in the same words: two
        # versions of one results line, "Oper net 4,310,000 vs 2,050,000" / "... vs 2,690,000", in two stories
        # about the same company)
        loose = not strict or a.kind == "prior" == b.kind and same_base(a, b)
        return loose and a.doc != b.doc and bool(a.story_actors & b.story_actors) and f_same_story(a, b)
    return na <= nb or nb <= na


def same_base(a: Frame, b: Frame) -> bool:
    """Two comparison bases are of one unnamed prior period when their sentences state the same current figure
    in (nearly) the same words: "Oper net 4,310,000 vs 2,050,000" and "Oper net 4,310,000 vs 2,690,000" are two
    versions of the year-ago figure. Sentences that name other things or another current figure stay apart."""
    ca, cb = _current_figure(a), _current_figure(b)
    if ca is None or ca != cb:
        return False
    wa, wb = a.frame_words, b.frame_words
    return bool(wa and wb) and len(wa & wb) >= NEAR_COPY * len(wa | wb)


def _current_figure(f: Frame) -> float | None:
    """The first number of the sentence before a comparison base: the figure it is the base of."""
    numbers = _NUMBER.findall(_before(f.row) or "")
    if not numbers:
        return None
    try:
        return float(numbers[0].rstrip(".,").replace(",", ""))
    except ValueError:
        return None


def f_same_story(a: Frame, b: Frame) -> bool:
    return case.same_story(*a.story, *b.story, a.story_names, b.story_names)


def f_same_sentence(a: Frame, b: Frame) -> bool:
    return bool(a.sentence_key) and a.sentence_key == b.sentence_key


def f_same_measure(a: Frame, b: Frame, strict: bool = True) -> bool:
    """The two claims measure the same quantity of the same case. ``strict=False`` also lets a sentence that
    names nobody take its story's owner (see f_same_owner): enough to group claims, and for an agreement,
    where the same value is itself evidence, but a conflict needs every pair it shows to pass strictly."""
    # the cheap tests that reject most candidates first: a change ("rose by 700 mln") never compares with a
    # level ("to 6.2 billion"), nor a rise with a fall; then the counted thing, the magnitude, the story
    if a.change != b.change or a.dim != b.dim or not f_same_counted(a, b) or not f_same_magnitude(a, b):
        return False
    if a.doc != b.doc and not a.subject and not b.subject and not f_same_story(a, b) \
            and not a.kind == b.kind == "threshold":
        return False  # (f_same_owner says why; tested here because it is cheap and rejects many)
    # a threshold ("1,200 needed to win") never compares with a count ("won 150"), nor a margin with a total;
    # a comparison base ("vs 7.4 mln") is of a period the sentence leaves unnamed, so it meets only the base of
    # the same current figure in the same words (same_base)
    if a.kind != b.kind or a.kind == "prior" and a.doc != b.doc and not same_base(a, b):
        return False
    # two figures of a sentence copied into two stories are two quantities, not two sources' versions of one
    # (within one story they may share a group: figures of one document are never paired)
    if a.doc != b.doc and a.ordinal != b.ordinal and near_copies(a, b):
        return False
    # (for a disagreement, two claims that say nothing of what happened must say the same of which ones:
    # "210,000 tonnes of wheat" and "18,750 tonnes of Danish stockpiled wheat" are two lots)
    if strict and a.doc != b.doc and not (a.pred or b.pred) and a.mods != b.mods:
        return False
    # (and two versions of one fact: no plan against a fact, no total brought up to date against a later one,
    # values within a few times of each other, the same things counted, no history against today;
    # kg.compare.dispute)
    if strict and a.doc != b.doc and ("total" in (a.tally_group, b.tally_group) or not f_may_dispute(a, b)):
        return False
    return f_same_predicate(a, b) and f_same_scope(a, b) and f_same_owner(a, b, strict) and \
        f_same_time(a, b, strict)


# --- the same tests on plain rows (the public, row-level API) ------------------------------------------------

def same_counted(a: dict, b: dict) -> bool:
    return f_same_counted(frame(a), frame(b))


def same_predicate(a: dict, b: dict) -> bool:
    return f_same_predicate(frame(a), frame(b))


def same_scope(a: dict, b: dict) -> bool:
    return f_same_scope(frame(a), frame(b))


def same_magnitude(a: dict, b: dict) -> bool:
    return f_same_magnitude(frame(a), frame(b))


def same_owner(a: dict, b: dict) -> bool:
    return f_same_owner(frame(a), frame(b))


def same_time(a: dict, b: dict) -> bool:
    return f_same_time(frame(a), frame(b))


def same_sentence(a: dict, b: dict) -> bool:
    """Both claims come from one sentence, or from copies of it in two stories."""
    return f_same_sentence(frame(a), frame(b))


def same_measure(a: dict, b: dict) -> bool:
    return f_same_measure(frame(a), frame(b))


def comparable(row: dict) -> bool:
    """A claim that can be compared at all: it names what it counts, and that is not a pronoun, a unit or
    just a name ("9 billion dlrs" of "Norland" says what it belongs to, not what it is; "Vance leads
    Ortiz, 1,400 to 1,150" counts no "Ortiz"); an all-capitals headline gives no frame to compare
    ("HARBOUR BANK APPROVES 40 LOANS")."""
    head = stem(row.get("counts_head") or last_word(row.get("counts")) or "")
    if not head or head in STOP or head in NOT_COUNTED:
        return False
    counts = (row.get("counts") or "").strip()
    # a name in the singular ("Norland", not "Russians"), or the subject itself, or a person or organisation
    # the document names (the store marks it: counts_is_name)
    if row.get("counts_is_name") or counts and (
            counts.lower() == (row.get("subject") or "").strip().lower()
            or (len(WORD.findall(counts)) == 1 and counts[:1].isupper() and not counts.isupper()
                and stem(counts) == counts.lower())):
        return False
    # "900 short tons", "2 mln bags": how much, but not of what
    words = content_stems(counts or row.get("counts_head"))
    if words and all(w in own_lexicon("measure_words.txt") or w.isdigit() for w in words):
        return False
    # "the Vance campaign paid $40,000": money whose head is who pays says what it is only with a predicate
    if dimension(row.get("unit")) not in ("count", "share") and head in own_lexicon("actor_nouns.txt") \
            and not row.get("predicate"):
        return False
    # "36-month contracts", "six-week courses": the number names a kind of thing, it measures nothing
    if _COMPOUND.search(row.get("text") or ""):
        return False
    # "in band two", "Phase 3": the number names one of a series (rules/label_nouns.txt)
    before = (_before(row) or "").rstrip().lower()
    if before and WORD.findall(before[-20:]) and WORD.findall(before[-20:])[-1] in _label_nouns():
        return False
    return not _all_capitals(row.get("sentence") or "")


__all__ = ["Frame", "frame", "comparable", "modifiers", "measure_kind", "same_measure", "same_counted",
           "same_predicate", "same_scope", "same_magnitude", "same_owner", "same_time", "same_sentence",
           "count_classes"]

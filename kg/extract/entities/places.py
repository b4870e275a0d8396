"""Which place a name denotes, read from the words around it in the document.

The gazetteer alone gives a shared name its most populous namesake ("St. Petersburg" is the Russian city) and
a name that is a country and a US state the country ("Georgia"). The text often says otherwise:

- a place qualified by a region or country after a comma ("St. Petersburg, Fla.", "Paris, Texas") is the city
  of that name there; when that is not the gazetteer's default, the entity is named with its qualifier
  ("St. Petersburg, Florida") so it never shares the other city's node or ids;
- "Georgia" listed with US states ("in Georgia, Virginia and Alabama"), qualifying a US city ("Atlanta,
  Georgia") or with words only a US state has ("Georgia Gov. Ann Lee", "the Georgia primary") is the state.
"""

from __future__ import annotations

import re
from functools import cache

from kg import gazetteer
from kg.extract.lexicon import rule_rows
from kg.extract.text import doc_text

# what stands between two places of one list or a place and its qualifier
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")
_QUALIFIER_GAP = re.compile(r"^\s*,\s*$")


def place_overrides(text: str, places: list[tuple[str, str, list[tuple[int, int]]]]) -> dict[str, tuple]:
    """``places``: (name, type, mention offsets) of the document's place entities. Returns name -> (new name,
    type, gazetteer place or None) for the places the context decides."""
    spans = sorted((s, e, name, type_) for name, type_, ms in places for s, e in ms)
    after: dict[tuple[int, int], tuple] = {}  # a mention -> the place mention right after it, with the gap
    for (s, e, _name, _type), nxt in zip(spans, spans[1:], strict=False):
        after[(s, e)] = (text[e:nxt[0]], nxt[2], nxt[3])
    before: dict[tuple[int, int], tuple] = {}
    for prev, (s, e, _name, _type) in zip(spans, spans[1:], strict=False):
        before[(s, e)] = (text[prev[1]:s], prev[2], prev[3])
    out: dict[str, tuple] = {}
    for name, type_, ms in places:
        if type_ in {"City", "Place"}:
            hit = _qualified(name, ms, after)
            if hit is not None:
                out[name] = hit
            elif gazetteer.us_state(name) is not None and any(
                    _us_neighbour(m, after, before) or _state_words_near("office", text, m) for m in ms):
                # "the New York primary", "Buffalo, New York", "New York, New Jersey and Connecticut": the state,
                # not the city a bare "New York" means in news (entity_places.tsv)
                out[name] = (name, "Region", gazetteer.us_state(name))
        elif type_ == "Country" and gazetteer.us_state(name) is not None:
            if any(_us_neighbour(m, after, before) or _state_words_near("state", text, m) for m in ms):
                out[name] = (name, "Region", gazetteer.us_state(name))
    return out


def _qualified(name: str, mentions, after) -> tuple | None:
    for m in mentions:
        gap, qual, qual_type = after.get(tuple(m), ("", None, None))
        if qual is None or not _QUALIFIER_GAP.match(gap):
            continue
        default = gazetteer.lookup(name)
        within = gazetteer.lookup(qual)
        state = gazetteer.us_state(qual)
        if state is not None and (qual_type == "Region" or (default is not None
                                                            and default.country == "United States")):
            within = state  # "Atlanta, Georgia": the state
        if within is None or within.type not in {"Region", "Country"} or within.iso is None:
            continue  # "Ga.", "Wales": a region the gazetteer cannot look inside
        there = gazetteer.city_in(name, within)
        if there is not None and default is not None and there.geonames_id == default.geonames_id:
            return None  # "Tampa, Fla.": the gazetteer's own city
        if there is None and default is not None and within.type == "Country" and default.country == within.name:
            return None
        if default is None and there is None:
            return None  # a town no gazetteer knows: nothing to tell apart
        return f"{name}, {within.name}", "City", there
    return None


_WORDS_BEFORE = {"state": 12, "office": 24}  # how far before a name its 'before' words may start (characters)


def _words_pattern(phrase: str) -> str:
    """A phrase of entity_state_words.tsv as a regular expression: 'a|b' either word, '<N>' a number with its
    ending, any space between words, a word boundary after a final letter."""
    words = ["(?:" + "|".join(r"\d+\w*" if w == "<N>" else re.escape(w) for w in word.split("|")) + ")"
             for word in phrase.split()]
    return r"\s+".join(words) + (r"\b" if phrase[-1:].isalnum() else "")


@cache
def _state_words(test: str) -> tuple[re.Pattern, re.Pattern]:
    """The (after the name, before the name) patterns of one test of entity_state_words.tsv: 'state' for a name
    that is a country by default ('Georgia Gov. Ann Lee', 'the state of Georgia'), 'office' for one that is a city
    by default ('New York's junior senator', 'upstate New York')."""
    rows: dict[str, list[str]] = {"after": [], "possessive": [], "before": []}
    for row in rule_rows("entity_state_words.tsv"):
        if row[0].strip() == test:
            rows[row[1].strip()].append(_words_pattern(row[2].strip()))
    after = [r"\s+(?:" + "|".join(rows["after"]) + ")"]
    if rows["possessive"]:
        after.append("(?:'s|’s)\\s+(?:" + "|".join(rows["possessive"]) + ")")
    return re.compile("(?:" + "|".join(after) + ")"), re.compile(r"\b(?:" + "|".join(rows["before"]) + r")\s+$")


def _state_words_near(test: str, text: str, m) -> bool:
    after, before = _state_words(test)
    return bool(after.match(text, m[1]) or before.search(text[max(0, m[0] - _WORDS_BEFORE[test]) : m[0]]))


def _us_neighbour(m, after, before) -> bool:
    """A mention listed with a US state, or qualifying a US city ('Atlanta, Georgia')."""
    for table, gap_re in ((after, _LIST_GAP), (before, _LIST_GAP)):
        gap, other, other_type = table.get(tuple(m), ("", None, None))
        if other is None or not gap_re.match(gap):
            continue
        p = gazetteer.lookup(other) if other_type == "Region" else None
        if p is not None and p.type == "Region" and p.country == "United States":
            return True  # "in Georgia, Virginia and Alabama"
    gap, other, other_type = before.get(tuple(m), ("", None, None))
    if other is not None and _QUALIFIER_GAP.match(gap) and other_type == "City":
        p = gazetteer.lookup(other)
        return p is not None and p.country == "United States"
    return False


_DISTRICT = re.compile(r"\s+for\s+the\s+((?:[A-Z][\w.'-]*\s+){0,5}(?:Circuit|District))\b")
_SEAT = re.compile(r"\s+(?:in|at)\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})")


def seated_name(text: str, name: str, end: int, classes: frozenset[str]) -> str | None:
    """'Court of Appeals' followed by 'for the Ninth Circuit' or 'in Denver' (a place the gazetteer knows):
    the name with its district or seat, for a name of a kind of institution there are many of
    (``rules/entity_class_names.txt``); else None."""
    low = " ".join(name.lower().split())
    if not any(low == c or low.endswith(" " + c) for c in classes):
        return None
    m = _DISTRICT.match(text, end)
    if m:
        return f"{name} for the {' '.join(m.group(1).split())}"
    m = _SEAT.match(text, end)
    if m:
        words = m.group(1).split()
        for k in range(len(words), 0, -1):  # "in Cedar Rapids, Iowa": the longest known place
            place = " ".join(words[:k]).rstrip(".,")
            if gazetteer.lookup(place) is not None:
                return f"{name} in {place}"
    return None


def _name_run_before(doc, end: int) -> list:
    """The capitalised words ending at token ``end`` ('Fort Worth', 'St. Cloud'), at most three."""
    k = end
    while k >= 0 and end - k < 3 and doc[k].text[:1].isupper() and (doc[k].is_alpha or doc[k].text.endswith(".")):
        k -= 1
    return list(doc[k + 1 : end + 1])


def state_qualified(tokens) -> str | None:
    """'Fresno, CA', 'Danbury, CT', 'Plano, Texas': 'Region' for a two-letter US postal code right after a US
    city of that state (or a name the tagger calls a place) and a comma, 'City' for a name so qualified by its
    state when the gazetteer has a city of that name there. None otherwise.

    Why: the small model tags a postal code as an organisation ('based in Fresno, CA') and a small city before
    it as one too; a code alone is no place ('IN', 'OR', 'MD' are words and degrees), so only this shape
    decides."""
    first, last = tokens[0], tokens[-1]
    doc = first.doc
    if len(tokens) == 1 and first.i >= 2 and doc[first.i - 1].text == ",":
        state = gazetteer.us_state_code(first.text)
        if state is not None:
            run = _name_run_before(doc, first.i - 2)
            for k in range(len(run)):  # the longest known city first ("Fort Worth", then "Worth")
                name = " ".join(t.text for t in run[k:])
                if gazetteer.city_in(name, state) is not None:
                    return "Region"
            if run and run[-1].ent_type_ in {"GPE", "LOC"}:
                return "Region"
    if last.i + 2 < len(doc) and doc[last.i + 1].text == ",":
        nxt = doc[last.i + 2]
        state = gazetteer.us_state_code(nxt.text)
        if state is None and last.i + 3 < len(doc):
            state = gazetteer.us_state(f"{nxt.text} {doc[last.i + 3].text}")  # "New Jersey"
        if state is None:
            state = gazetteer.us_state(nxt.text)
        name = doc_text(doc)[first.idx : last.idx + len(last.text)]
        if state is not None and gazetteer.city_in(name, state) is not None:
            return "City"
    return None

"""Rules that look beyond one sentence's tree: the bare-title fallback ('President Tokayev' → the document's
country), party codes after a name ('Sen. Ann Cole (R-Texas)') and the document metadata relations (publisher,
first published in)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc

from kg import gazetteer
from kg.extract.entities import DocEntities, clean_name, demonym_country, is_title_word, title_start
from kg.extract.lexicon import rule_rows
from kg.extract.relations.config import _Config, _Found, category
from kg.extract.relations.tree import _evidence
from kg.records import Document, Entity, Evidence, Relation


def _title_fallback(doc: Doc, ents: DocEntities, by_token, found: list[_Found], cfg: _Config):
    """'President Tokayev' with no country in the phrase: the country named most often in the sentences
    that mention the person; on a tie, the document's main country when it is among them; with none, none.
    Only for state titles, only when no pattern found a role for the person (confidence 0.5)."""
    with_role = {f.relation.subject for f in found if f.relation.predicate == "holds_role"}
    countries: Counter = Counter()
    for e in ents.entities:
        c = _country_named(e)
        if c:
            countries[c] += len(e.mentions)
    if not countries:
        return
    # the document's main country: more than half of all mentions of countries and their peoples
    doc_country, n = countries.most_common(1)[0]
    if n * 2 <= sum(countries.values()) or n < 2:
        doc_country = None
    for e in ents.entities:
        if e.type != "Person" or e.name in with_role:
            continue
        titled = _state_title(doc, e, cfg)
        if titled is None:
            continue
        role, start, end, named = titled
        obj = named or _person_country(doc, e, by_token, doc_country)
        if obj is None:
            continue
        rel = Relation(subject=e.name, predicate="holds_role", object=obj, evidence=_evidence(doc, start, end),
                       role=role, subject_type="Person", object_type="Country", confidence=0.5,
                       pattern="holds_role.title_document_country")
        yield _Found(rel, (e.name.lower(), "holds_role", obj.lower()))


def _state_title(doc: Doc, e: Entity, cfg: _Config) -> tuple[str, int, int, str | None] | None:
    """(role, start, end, country) of the first mention preceded by a state title ('President Tokayev'); the
    country is the one a demonym or country name before the title's portfolio names ('Iranian Oil Minister X':
    Iran, whatever other countries the sentence names), else None."""
    for m in e.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        words = []
        i = span.start - 1
        while i >= 0 and doc[i].is_alpha and doc[i].text[:1].isupper() and i >= span.start - 4:
            words.insert(0, doc[i])
            i -= 1
        start = title_start([w.text for w in words]) if words else None
        if start is None:
            continue
        k = words[start].i - 1
        if k >= 0 and doc[k].lower_ in {"a", "an"}:
            continue  # "the challenges for a President Smith": a hypothetical, not an office held
        role = " ".join(w.text for w in words[start:]).lower()
        if role in cfg.state_titles:
            named = next((c for w in words[:start] for c in [demonym_country(w.text) or _country_word(w.text)] if c),
                         None)
            return role, (words[0] if named else words[start]).idx, m.end, named
    return None


def _country_word(word: str) -> str | None:
    place = gazetteer.country(word)
    return place.name if place is not None and gazetteer.us_state(word) is None else None


def _person_country(doc: Doc, e: Entity, by_token, doc_country: str | None) -> str | None:
    votes: Counter = Counter()
    for m in e.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            # "the Iran arms scandal", "the Iraq war": a country modifying a common noun is a topic, no office
            votes.update({c for t in span.sent if t.i in by_token and not _topic_modifier(t)
                          for c in [_country_named(by_token[t.i])] if c})
    if not votes:
        # no sentence naming the person names a country: the story's main country is no evidence of whose
        # office it is ("President Reagan" in a story about the Iran arms sales, read on real newswire)
        return None
    top = max(votes.values())
    leaders = [c for c, v in votes.items() if v == top]
    if len(leaders) == 1 and (top > 1 or leaders[0] == doc_country):
        return leaders[0]
    # "President Reagan ... Romania": one sentence naming one other country is no evidence of whose office
    return doc_country if doc_country in leaders else None


def _topic_modifier(t) -> bool:
    return (t.dep_ in {"compound", "nmod"} and t.head.pos_ == "NOUN" and t.head.is_lower
            and not is_title_word(t.head.text))


def _country_named(ent: Entity) -> str | None:
    """The country an entity names: a Country, or the people of one ('Russian residents')."""
    if ent.type == "Country":
        # "Georgia" is a country and a US state: no evidence of whose office a title is
        return None if gazetteer.us_state(ent.name) is not None else ent.name
    if ent.type == "Group":
        return demonym_country(ent.name)
    return None


@cache
def _party_codes() -> dict[str, str]:
    return {row[0].strip(): row[1].strip() for row in rule_rows("relation_party_codes.tsv")}


def _party_code(doc: Doc, by_token) -> Iterator[_Found]:
    """'Sen. Ann Cole (R-Texas)', 'Rep. Tom Hale, D-Calif., said': a party code and a state right after a
    person's name make the person a member of the party (rules/relation_party_codes.tsv).

    Why: the parser hangs the bracket on anything; the frame itself is unambiguous in US political copy.
    """
    codes = _party_codes()
    for t in doc:
        if t.text not in {"(", ","} or t.i == 0 or t.i + 3 >= len(doc):
            continue
        code, sep, state = doc[t.i + 1], doc[t.i + 2], doc[t.i + 3]
        party = codes.get(code.text)
        person = by_token.get(t.i - 1)
        if (party is None or sep.text not in {"-", "–", ","} or not state.text[:1].isupper()
                or person is None or person.type != "Person"):
            continue
        mention = next((m for m in person.mentions if m.start <= doc[t.i - 1].idx < m.end), None)
        start = mention.start if mention is not None else doc[t.i - 1].idx
        end = state.idx + len(state.text)
        rel = Relation(subject=person.name, predicate="holds_role", object=party, evidence=_evidence(doc, start, end),
                       role="member", subject_type="Person", object_type="Organization", confidence=0.85,
                       pattern="holds_role.party_code")
        yield _Found(rel, (person.name.lower(), "holds_role", party.lower()))


def _metadata_relations(doc: Doc, document: Document) -> Iterator[Relation]:
    """published_by / first_published_in from the Document fields the ingest stage filled.

    These are document facts, not claims: the evidence is empty (start == end), so ``kg.claims`` skips them
    and ``kg.rdf.mapping`` writes a plain document → outlet triple.
    """
    pairs = [("published_by", document.publisher)] if document.publisher else []
    pairs += [("first_published_in", outlet) for outlet in document.first_published_in if outlet]
    empty = Evidence(start=0, end=0, text="", sentence_start=0, sentence_end=0, sentence="")
    for predicate, outlet in pairs:
        name = clean_name(outlet)
        if name:
            yield Relation(subject=document.id, predicate=predicate, object=name, evidence=empty,
                           subject_type="Document", object_type="MediaOutlet", confidence=1.0,
                           pattern=f"{predicate}.document_metadata")


def _dateline(doc: Doc, by_token) -> Iterator[_Found]:
    """'HALDEN, Norway 1996-08-30', 'GLENFIELD, Ark., March 3': a line that opens with a place, a comma and
    a larger place, then a date or the end of the line, is a wire dateline: the first place is in the second.

    Why: the parser reads a dateline as a fragment (no verb), so no tree pattern sees the apposition.
    """
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        comma = next((k for k, t in enumerate(toks[:5]) if t.text == ","), None)
        if comma is None or comma == 0 or comma + 1 >= len(toks):
            continue
        first, second = by_token.get(toks[0].i), by_token.get(toks[comma + 1].i)
        if any(by_token.get(t.i) is not first for t in toks[:comma]):
            continue  # "PORT LOUIS, Mauritius": every word before the comma is the one city
        toks = [toks[0], toks[comma], *toks[comma + 1 :]]
        if first is None or second is None or category(first.type) != "PLACE" or category(second.type) != "PLACE":
            continue
        if first.name == second.name or second.type not in {"Country", "Region"}:
            continue
        # the second place's tokens, then a date, a dash or the end of the line
        k = 2
        while k + 1 < len(toks) and by_token.get(toks[k + 1].i) is second:
            k += 1
        rest = toks[k + 1 :]
        if rest and rest[0].text in {".", ","}:
            rest = rest[1:]
        if rest and not (rest[0].ent_type_ == "DATE" or rest[0].text in {"-", "–", "—", "("}):
            continue
        start, end = toks[0].idx, toks[k].idx + len(toks[k].text)
        rel = Relation(subject=first.name, predicate="located_in", object=second.name,
                       evidence=_evidence(doc, start, end), subject_type=first.type, object_type=second.type,
                       confidence=0.8, pattern="located_in.dateline")
        yield _Found(rel, (first.name.lower(), "located_in", second.name.lower()))

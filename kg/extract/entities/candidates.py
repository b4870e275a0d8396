"""Mention candidates: spaCy spans cleaned, split, junk dropped and retyped from context."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.extract.doccache import ents
from kg.extract.entities.datelines import _dateline_city
from kg.extract.entities.firms import cause_name_end, firm_spans, firm_suffixes, member_org_noun
from kg.extract.entities.lexicons import (
    _APPOS,
    _COMPOUND,
    _KEEP_LABELS,
    _NOUN_LINKS,
    _NSUBJ,
    _ORDINAL,
    _SPLITTERS,
    _STANCE_PREFIX,
    _demonyms,
    _looks_like_surname,
    _org_types,
    _state_nouns,
    _title_modifiers,
    country_of,
    demonym_country,
    is_title_word,
    junk_words,
    org_type_of_word,
    place_type,
    program_nouns,
    speech_verbs,
    title_start,
    unglue,
)
from kg.extract.entities.orgnames import _ORG_HEAD_TITLES, head_title_end, party_of_place
from kg.extract.entities.places import state_qualified
from kg.extract.text import doc_text


# --------------------------------------------------------------------------------------------- candidates
@dataclass
class _Cand:
    """One cleaned mention before mentions are grouped into entities."""

    start: int
    end: int
    text: str
    label: str
    surface: str  # the span text as spaCy found it (for alt labels)
    role: str | None = None
    person_cue: bool = False  # context says this is a person (title, role apposition, speaks + surname)
    org_type: str | None = None  # subtype from the name or the nouns around it
    place_type: str | None = None
    country: str | None = None  # a demonym mention that denotes this country
    group: bool = False  # a demonym that denotes people, not the state


_FEMALE_HONORIFICS = {"mrs", "ms", "miss", "mme", "madam", "madame", "lady", "dame"}


_ANGLES = {"<", ">"}


def _cut_marks(tokens: list[Token]) -> list[Token]:
    """'<Brindle Tool Corp> rose', 'Ormsby Mills Inc <ORM> sets': a wire marks a company's name in angle brackets
    and puts its ticker after it in them, so the name ends before the first '<' or '>' inside the span; an
    acronym in a bracket the span never closes ('... Trade Council (NGTC') is a name of its own."""
    while tokens and tokens[0].text in _ANGLES:
        tokens = tokens[1:]
    cut = next((k for k, t in enumerate(tokens) if t.text in _ANGLES), None)
    if cut is not None:
        tokens = tokens[:cut]
    if len(tokens) > 2 and tokens[-2].text in {"(", "["} and tokens[-1].text.isupper():
        tokens = tokens[:-2]
    return tokens


def _trim(tokens: list[Token]) -> list[Token]:
    tokens = _cut_marks(tokens)
    # "Certainly Dana Okafor ...": a sentence's opening adverb the tagger ran into the name
    if len(tokens) > 1 and tokens[0].tag_ == "RB" and tokens[0].is_sent_start and tokens[0].is_alpha:
        tokens = tokens[1:]
    while tokens and (tokens[0].dep_ == "det" or tokens[0].tag_ == "PRP$" or tokens[0].lower_ in {"the", "a", "an"}
                      or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    # possessive 's, punctuation and a trailing verb ("Kazakhstan Seeks") are never part of a name; an 's
    # that possesses nothing ("McDonald's said") is part of the name
    while tokens and ((tokens[-1].tag_ == "POS" and tokens[-1].head.dep_ == "poss") or tokens[-1].is_punct
                      or tokens[-1].is_space or (tokens[-1].tag_.startswith("VB") and len(tokens) > 1)
                      or (tokens[-1].is_lower and tokens[-1].pos_ in {"ADP", "CCONJ"})
                      or (len(tokens) > 1 and tokens[-1].lower_ in {"the", "a", "an"})):
        # "Department of Physics at", "Grant and": a preposition or conjunction never ends a name, nor an
        # article ("Ms. Yellen The Federal Reserve chairwoman": the tagger ran the name into the next phrase)
        tokens = tokens[:-1]
    return _headline_cut(tokens)


# words no name holds after its first word: in a Title Case headline the tagger runs a name into the sentence
# ("Dana Wills Says She Never Met Him" tagged as one PERSON); "I" is left out ("Elizabeth I", "World War I")
_NOT_IN_NAMES = {"he", "she", "it", "they", "we", "you", "never", "not"}


def _headline_cut(tokens: list[Token]) -> list[Token]:
    """'Dana Wills Says She Never' -> 'Dana Wills': the name stops before the first pronoun or negation after
    its first word, and the verb form right before it ('Says', 'Will') goes too."""
    cut = next((k for k, t in enumerate(tokens) if k > 0 and t.lower_ in _NOT_IN_NAMES and t.text[:1].isupper()),
               None)
    if cut is None:
        return tokens
    tokens = tokens[:cut]
    if len(tokens) > 1:
        low = tokens[-1].lower_
        forms = {low, low[:-1], low[:-2], low[:-3], low[:-2] + "e" if low.endswith("ed") else low}
        if tokens[-1].tag_.startswith("VB") or tokens[-1].pos_ in {"VERB", "AUX"} or forms & _verb_lemmas():
            tokens = tokens[:-1]
    return tokens



def _parts(span: Span) -> Iterable[tuple[list[Token], bool]]:
    """Split a span at line breaks (keep the first line) and at '/' separators (photo credits)."""
    tokens: list[Token] = []
    for t in span:
        if "\n" in t.text or "\n" in t.whitespace_:
            if "\n" in t.whitespace_:
                tokens.append(t)
            break
        tokens.append(t)
    part: list[Token] = []
    first = True
    for t in tokens:
        if t.text in _SPLITTERS:
            if part:
                yield part, first
            part, first = [], False
        else:
            part.append(t)
    if part:
        yield part, first


def _is_junk(tokens: list[Token], text: str, label: str) -> bool:
    if not any(c.isalpha() for c in text):
        return True
    # one letter ("A", "J."), a word from entity_junk_words.txt (units, wire abbreviations, months,
    # weekdays, section labels)
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or (text.lower().strip(".") in junk_words() and state_qualified(tokens) != "Region"):
        return True  # ("Danbury, CT" is the state, "3 cts" a unit)
    # "Transport Minister Jane Doe", "Swiss Economics Minister": title modifiers (and nationalities) right
    # before a title are a fragment of the title, not an organisation
    nxt = tokens[-1].nbor(1) if tokens[-1].i + 1 < len(tokens[-1].doc) else None
    if (nxt is not None and is_title_word(nxt.text) and nxt.lower_ not in _title_modifiers()
            and all(is_title_word(t.text) or demonym_country(t.text) for t in tokens if t.is_alpha)
            and any(is_title_word(t.text) and not demonym_country(t.text) for t in tokens)):
        return True
    # a lower-case pronoun or function word the tagger took for a name ("let us" as the GPE "us")
    words = [t for t in tokens if t.is_alpha]
    if words and all(t.is_lower and (t.is_stop or t.pos_ == "PRON") for t in words):
        return True
    # a headline line in capitals ("ACME NAMES ACTING CHAIRMAN"): several upper-case words with a verb or
    # a title among them is a sentence, not a name
    if (len(tokens) >= 3 and all(t.text.isupper() or not t.is_alpha for t in tokens)
            and any(t.pos_ in {"VERB", "AUX"} or is_title_word(t.text) for t in tokens)):
        return True
    # "Group President X", "the Company": a company-type word alone is a common noun, not a name (state bodies
    # named by one word, "the Senate", "the Treasury", are names)
    if len(tokens) == 1 and org_type_of_word(tokens[0].text) == "Company" and label in {"ORG", "PERSON", "NORP", "GPE"}:
        return True
    # spaCy's ORG "176th" (an issue number) and the like
    if _ORDINAL.match(text.replace(",", "")):
        return True
    # "anti-Russian", "ex-Soviet": stances and history, not an entity
    if _STANCE_PREFIX.match(text):
        return True
    # a lone title ("President", "Co-Founder & CEO") is not a name
    if any(t.is_alpha for t in tokens) and all(is_title_word(t.text) or not t.is_alpha for t in tokens) \
            and all(t.is_alpha or t.is_punct for t in tokens):
        return True
    if all(is_title_word(p) for p in re.split(r"\s*(?:&|\band\b|,|/)\s*", text) if p):
        return True
    # a name never ends in a lower-case common noun ("U.S. airline", "Acme spokesman")
    # (except a party's: "the Socialist Renewal party", and a body named by its members: "Growers association")
    if len(tokens) > 1 and tokens[-1].is_lower and tokens[-1].is_alpha and tokens[-1].pos_ == "NOUN" \
            and label in {"ORG", "PERSON", "NORP"} and not (label == "ORG" and (
                (tokens[-1].text in {"party", "movement"} and tokens[-2].text[:1].isupper())
                or member_org_noun(tokens[-1].doc, tokens[-2].i))):
        return True
    # a capitalised common plural tagged as a place ("continue Upgrades are ...") when the word is a known
    # English verb/noun and no gazetteer knows it
    if (label in {"GPE", "LOC", "FAC"} and len(tokens) == 1 and text.endswith("s") and not place_type(text)
            and not demonym_country(text) and text[:-1].lower() in _verb_lemmas()):
        return True
    return False


def _verb_lemmas() -> frozenset[str]:
    """English verbs known to the loaded pipeline's lemmatizer (empty when it has no such table).

    Never loads a pipeline itself: extraction runs after ``kg.nlp.load`` has loaded one.
    """
    import kg.nlp

    loader = getattr(kg.nlp, "_load", None) or kg.nlp.load
    info = getattr(loader, "cache_info", None)
    if info is None or info().currsize == 0:
        return frozenset()
    return _verb_table()


@cache
def _verb_table() -> frozenset[str]:
    from spacy.strings import get_string_id

    from kg.nlp import load

    try:
        table = load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    return frozenset(table.get(get_string_id("verb")) or ())


def _head(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1]


def _role_phrase(noun: Token) -> str:
    """The title phrase headed by ``noun`` ('the prime minister of X' -> 'prime minister')."""
    words = [c for c in noun.lefts if c.dep_ in {"amod", "compound"} and c.is_alpha] + [noun]
    text = " ".join(w.text for w in words).lower()
    return text


def _appos_title(head: Token) -> Token | None:
    """The title noun in apposition with the name ('X, the prime minister of Y' / 'the president, X')."""
    for c in head.children:
        if c.dep_ == _APPOS and is_title_word(c.text) and c.lemma_.lower() not in _org_types():
            return c
    if head.dep_ == _APPOS and is_title_word(head.head.text):
        return head.head
    return None


def _context_org_type(tokens: list[Token]) -> str | None:
    """Org subtype from the name's last word or head ('Ministry of ...') or a noun it is attached to."""
    head = _head(tokens)
    hit = org_type_of_word(tokens[-1].text) or org_type_of_word(head.text)
    if hit:
        return hit
    ids = {t.i for t in tokens}
    # nouns the name modifies ("Nexters video game production company", "Tinkoff online bank")
    node = head
    for _ in range(5):
        if node.dep_ not in _NOUN_LINKS or node.head.i == node.i:
            break
        node = node.head
        if node.i in ids or node.pos_ not in {"NOUN", "PROPN"}:
            continue
        hit = org_type_of_word(node.text) or org_type_of_word(node.lemma_)
        if hit:
            return hit
    # nouns modifying the name or in apposition ("video game production company Rlaurich")
    for c in head.children:
        if c.i in ids:
            continue
        if c.dep_ in {_COMPOUND, _APPOS} and c.pos_ == "NOUN":
            hit = org_type_of_word(c.text) or org_type_of_word(c.lemma_)
            if hit:
                return hit
    # "the German newspaper, Die Welt, ...": apposition the parser missed, read from the commas
    doc = head.doc
    before = tokens[0].i - 1
    after = tokens[-1].i + 1
    if (before >= 1 and doc[before].text == "," and doc[before - 1].pos_ == "NOUN"
            and (after >= len(doc) or doc[after].is_punct)):
        return org_type_of_word(doc[before - 1].text) or org_type_of_word(doc[before - 1].lemma_)
    return None


def _context_place_type(tokens: list[Token]) -> str | None:
    head = _head(tokens)
    nxt = tokens[-1].nbor(1) if tokens[-1].i + 1 < len(tokens[-1].doc) else None
    if _dateline_city(tokens, nxt):
        return "City"
    if nxt is not None and nxt.lower_ in {"province", "region", "oblast", "state", "district", "county"}:
        return "Region"
    if nxt is not None and nxt.lower_ == "city":
        return "City"
    # "the city of X", "the state of X"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in {"city", "town"}:
        return "City"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in {"province", "region", "state"}:
        return "Region"
    # "its main cities, Almaty and Astana"
    anchor = head
    while anchor.dep_ == "conj":
        anchor = anchor.head
    if anchor.dep_ == _APPOS and anchor.head.lemma_.lower() in {"city", "town"}:
        return "City"
    return None


def _coordinated_with_org(token: Token) -> bool:
    root = token
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    items = [root, *root.conjuncts]
    return any(t.ent_type_ == "ORG" for t in items if t.i != token.i)


def _speaks(head: Token) -> bool:
    return head.dep_ in _NSUBJ and head.head.lemma_.lower() in speech_verbs()


def _candidates(doc: Doc) -> Iterable[_Cand]:
    spans = firm_spans(doc)
    firms = [_firm_cand(doc, s, e) for s, e in spans]
    taken = [(c.start, c.end) for c in firms]
    in_firm = {i for s, e in spans for i in range(s, e)}

    def free(c: _Cand) -> bool:
        return not any(c.start < e and s < c.end for s, e in taken)

    yield from firms
    spans_of = party_of_place(doc)
    joined = {place.start for place in spans_of.values()}
    for span in ents(doc):
        if span.label_ not in _KEEP_LABELS or span.start in joined:
            continue
        if span.start in spans_of:
            # "the Liberal Party" + "of" + "Manitoba": one name
            span = Span(doc, span.start, spans_of[span.start].end, label=span.label_)
        for part, first in _parts(span):
            if in_firm.intersection(t.i for t in part):
                # "Jane Doe of Hale, Dorsey and Quint" tagged as one PERSON: the words before the firm
                part = list(itertools.takewhile(lambda t: t.i not in in_firm, part))
                while part and part[-1].pos_ in {"ADP", "CCONJ", "PUNCT"}:
                    part = part[:-1]
            if span.label_ == "ORG" and len(part) == 1 and part[0].lower_.rstrip(".") in firm_suffixes():
                # "Yulchon LLC" tagged as the ORG "LLC": the capitalised words before the legal form are the name
                k = part[0].i
                while k > 0 and doc[k - 1].tag_ in {"NNP", "NNPS"} and doc[k - 1].text[:1].isupper() \
                        and not doc[k - 1].ent_type_ and not is_title_word(doc[k - 1].text) and part[0].i - k < 4:
                    k -= 1
                part = list(doc[k : part[0].i + 1])
            if span.label_ == "ORG" and part and part[-1].i == span.end - 1 and member_org_noun(doc, span.end - 1):
                part = [*part, doc[span.end]]  # "Growers association": the members' body, not the members
            cause_end = cause_name_end(doc, span.end - 1) if span.label_ == "ORG" and part \
                and part[-1].i == span.end - 1 else None
            if cause_end is not None:
                part = [*part, *doc[span.end : cause_end]]  # "Priests for Life": the members and their cause
            cut = _firm_of_place(part) if span.label_ == "ORG" else None
            if cut is not None:
                # "Glenmore Pharmaceuticals Inc of St. Petersburg": the firm, then the place it is of
                yield from filter(free, _candidate(doc, span, part[:cut], first))
                yield from filter(free, _place_part(doc, part[cut + 1 :]))
                continue
            yield from filter(free, _candidate(doc, span, part, first))
    from kg.extract.entities import missed  # it builds on this module's _Cand and _is_junk

    yield from filter(free, missed._missed_org_names(doc))
    yield from filter(free, missed._missed_employer_names(doc))
    yield from filter(free, missed._missed_born_names(doc))
    yield from filter(free, missed._missed_titled_names(doc))
    yield from filter(free, missed._missed_dateline_places(doc))
    yield from filter(free, missed._missed_state_codes(doc))
    yield from filter(free, missed._missed_party_names(doc))
    yield from filter(free, missed._missed_seated_orgs(doc))


def _firm_of_place(part: list[Token]) -> int | None:
    """Index of the 'of' after a legal-form word ('Inc', 'Corp', 'Ltd') that a known place follows."""
    for k in range(1, len(part) - 1):
        if part[k].lower_ == "of" and part[k - 1].lower_.rstrip(".") in firm_suffixes() \
                and part[k - 1].lower_.rstrip(".") not in {"group", "partners", "associates", "company"}:
            rest = part[k + 1 :]
            text = " ".join(t.text for t in rest)
            if rest and place_type(text) in {"City", "Region", "Country"}:
                return k
    return None


def _trimmed_cand(doc: Doc, tokens: list[Token], label: str) -> tuple[_Cand, list[Token], str] | None:
    """A candidate of ``label`` over ``tokens`` without their leading/trailing noise, read in context; with
    the trimmed tokens and their text as written (the context may shorten the candidate's own text)."""
    tokens = _trim(tokens)
    if not tokens:
        return None
    text = doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    cand = _Cand(start=tokens[0].idx, end=tokens[0].idx + len(text), text=text, label=label, surface=text)
    _apply_context(cand, tokens, label)
    return cand, tokens, text


def _place_part(doc: Doc, tokens: list[Token]) -> Iterable[_Cand]:
    found = _trimmed_cand(doc, tokens, "GPE")
    if found:
        yield found[0]


def _firm_cand(doc: Doc, start: int, end: int) -> _Cand:
    """'Hale, Dorsey and Quint Inc' (kg.extract.entities.firms): one company, not a person per surname."""
    first, last = doc[start], doc[end - 1]
    text = doc_text(doc)[first.idx : last.idx + len(last.text)]
    return _Cand(start=first.idx, end=first.idx + len(text), text=text, label="ORG", surface=text,
                 org_type="Company")


_LEGAL_FORMS = {"inc", "incorporated", "corp", "ltd", "limited", "llc", "llp", "lp", "plc"}


def _candidate(doc: Doc, span: Span, part: list[Token], first: bool = True) -> Iterable[_Cand]:
    tokens = _trim(part)
    # "FRESNO, Calif 1997-03-12" tagged as the place "Calif 1997-03-12": a place name never ends in a date
    if span.label_ in {"GPE", "LOC"}:
        k = len(tokens)
        while k > 1 and (tokens[k - 1].text.isdigit() or tokens[k - 1].text in {"-", "/"}):
            k -= 1
        if k < len(tokens) and any(len(t.text) == 4 and t.text.isdigit() for t in tokens[k:]):
            tokens = tokens[:k]  # the date the tokenizer split ("1996", "-", "08", ...)
    if not tokens:
        return
    label = span.label_
    # "Marlow Survey, LLC is a survey firm": a legal form after a comma closes the organisation's name
    end = tokens[-1].i
    if (label == "ORG" and end + 2 < len(doc) and doc[end + 1].text == ","
            and doc[end + 2].text.rstrip(".").lower() in _LEGAL_FORMS
            and (not doc[end + 2].ent_type_ or (doc[end + 2].ent_iob_ == "B" and (
                end + 3 >= len(doc) or doc[end + 3].ent_iob_ != "I")))):  # untagged, or tagged alone
        tokens = [*tokens, doc[end + 1], doc[end + 2]]
    # "Vladimir Smirnov / TASS": an all-capitals credit after the separator is an agency, not a person
    if not first and len(tokens) == 1 and tokens[0].text.isupper():
        label = "ORG"
    text = unglue(doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)])
    if _is_junk(tokens, text, label):
        return
    # "Kazakh language", "Russian speakers": a demonym adjective with common nouns is the demonym alone
    # (a capitalised demonym only: "canadian pacific" in a lower-case line is a company's name, not Americans)
    if (len(tokens) > 1 and tokens[0].text[:1].isupper() and demonym_country(tokens[0].text)
            and all(t.is_lower for t in tokens[1:])):
        tokens = tokens[:1]
        text = tokens[0].text
    words = [t.text for t in tokens]
    role = None
    # "Kazakh President Kassym-Jomart Tokayev": a title inside the span before capitalised words; whatever
    # precedes the title (a demonym, country or organisation) is a mention of its own
    for i in range(len(tokens) - 1, 0, -1):
        start = title_start(words, i)
        if start is None:
            continue
        rest = tokens[i:]
        if not all(t.text[:1].isupper() or t.is_punct for t in rest) or rest[0].is_punct:
            continue
        if label != "PERSON" and (org_type_of_word(rest[-1].text) or place_type(" ".join(w.text for w in rest))):
            continue
        if label == "ORG" and rest[-1].tag_ == "NNPS":
            continue  # "General Motors", "General Dynamics": a plural noun ends a firm's name, never a person's
        role = " ".join(words[start:i]).lower()
        if start > 0:
            yield from _candidate_prefix(doc, span, tokens[:start])
        tokens = rest
        text = unglue(doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)])
        label = "PERSON"
        break
    # "Mrs Reagan", "Ms. Clinton": a bare surname with a courtesy title of a woman is kept with it, so it is
    # never joined to the man of that surname named in the same story ("President Reagan")
    first = tokens[0]
    if (len(tokens) == 1 and first.i > 0 and first.nbor(-1).lower_.rstrip(".") in _FEMALE_HONORIFICS
            and first.text[:1].isupper()):
        tokens = [first.nbor(-1), first]
        text = doc_text(doc)[tokens[0].idx : first.idx + len(first.text)]
        label = "PERSON"
    start_char = tokens[0].idx
    cand = _Cand(start=start_char, end=start_char + len(text), text=text, label=label, surface=span.text.strip(),
                 role=role, person_cue=role is not None)
    _apply_context(cand, tokens, label)
    yield cand


def _candidate_prefix(doc: Doc, span: Span, tokens: list[Token]) -> Iterable[_Cand]:
    """The 'Kazakh' / 'Kazakhstan' / 'Centras Group' before a title inside one spaCy span."""
    found = _trimmed_cand(doc, tokens, "ORG")
    if not found:
        return
    cand, tokens, text = found
    if cand.country is None and country_of(text) is None and place_type(text) is None:
        cand.org_type = org_type_of_word(tokens[-1].text)
    yield cand


def _apply_context(cand: _Cand, tokens: list[Token], label: str) -> None:
    text = cand.text
    head = _head(tokens)
    dem = _demonyms().get(text.lower())
    if dem:
        country, kind = dem
        nxt = tokens[-1].nbor(1) if tokens[-1].i + 1 < len(tokens[-1].doc) else None
        # "Kazakh President", "Russian Foreign Minister", "the Russian market": the state; "Kazakhs",
        # "Russian citizens": its people
        if kind == "adj" and nxt is not None and (nxt.lower_ in _state_nouns() or _title_follows(nxt)):
            cand.country, cand.label, cand.place_type = country, "GPE", "Country"
        else:
            cand.group, cand.label = True, "NORP"
            cand.country = country
        return
    country = country_of(text)
    # "Kazakhstan Seeks ..." (a headline tagged PERSON): a name never starts with a country
    if label == "PERSON" and len(tokens) > 1 and country_of(tokens[0].text):
        cand.text, cand.end = tokens[0].text, tokens[0].idx + len(tokens[0].text)
        cand.surface = cand.text
        cand.label, cand.place_type = "GPE", "Country"
        return
    if country and (label != "PERSON" or cand.surface != text):
        cand.label, cand.place_type, cand.country = "GPE", "Country", None
        return
    qualified = state_qualified(tokens)
    if qualified is not None:
        # "based in Fresno, CA": a US city and its state's postal code, whatever the tagger said
        cand.label, cand.place_type, cand.role, cand.org_type = "GPE", qualified, None, None
        return
    known_place = place_type(text)
    org = _context_org_type(tokens)
    if (label in {"PERSON", "ORG"} and not known_place and head.dep_ == "pobj" and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in _ORG_HEAD_TITLES and not cand.role):
        # "the founder and CEO of BioGlen": what a chief executive or founder is 'of' is an organisation, never a
        # person (the small model tags unfamiliar one-word company names as people)
        cand.label, cand.org_type = "ORG", org or "Organization"
        return
    if label in {"PERSON", "NORP", "GPE"} and not known_place and not cand.role and _heads_titled_person(tokens):
        # "Corvina chairman Augusto Lenzi", "Orvel CEO Bo Park": a name before the title of someone who heads or
        # runs an organisation is that organisation (people have aides and spokesmen, but no chairman or general
        # manager), whatever the tagger said (a person, a nationality, a place no gazetteer knows)
        cand.label, cand.org_type = "ORG", org or "Organization"
        return
    appos = _appos_title(head)
    if appos is not None and not known_place and not org:
        cand.person_cue = True
        cand.role = cand.role or _role_phrase(appos)
    prev = _title_before(tokens)
    if prev and not known_place and not org and label in {"PERSON", "ORG", "GPE", "NORP"}:
        cand.person_cue = True
        cand.role = cand.role or prev
    if (_speaks(head) and label != "PERSON" and not known_place and not org and len(tokens) == 1
            and _looks_like_surname(text)):
        cand.person_cue = True
    # "Beverly Hale (born 1948) is ...": a birth date in brackets follows only a person's name
    after = [t.lower_ for t in tokens[-1].doc[tokens[-1].i + 1 : tokens[-1].i + 3]]
    if after == ["(", "born"] and not known_place and not org and label in {"PERSON", "ORG", "GPE", "NORP"}:
        cand.person_cue = True
    if cand.person_cue:
        cand.label = "PERSON"
        return
    # "the Hartwell programme": a one-word PERSON naming a programme, plan or prize is that thing's name
    if (label == "PERSON" and not cand.person_cue and len(tokens) == 1 and head.dep_ == "compound"
            and head.head.is_lower and head.head.lemma_.lower() in program_nouns()):
        cand.label, cand.org_type = "ORG", "Organization"
        return
    # "Ikea, H&M and Zara have left": a one-word PERSON coordinated with organisations is one of them
    if label == "PERSON" and len(tokens) == 1 and _coordinated_with_org(head):
        cand.label = "ORG"
        return
    if known_place:
        # "the state of Kostanay": the text's word beats the gazetteer's most populous namesake (a city)
        context = _context_place_type(tokens) if known_place != "Country" else None
        cand.label, cand.place_type = "GPE", context or known_place
        return
    if org:
        cand.org_type = org
        if cand.label != "ORG":
            cand.label = "ORG"
        return
    if label != "PERSON":
        cand.place_type = _context_place_type(tokens)
        if cand.place_type:
            cand.label = "GPE"


def _heads_titled_person(tokens: list[Token]) -> bool:
    """The name is followed by a title of an organisation's head and then a person's name."""
    doc = tokens[-1].doc
    return head_title_end(doc, tokens[-1].i + 1) is not None


def _title_follows(token: Token) -> bool:
    """A role title starts at ``token`` ("Foreign Minister Sergei Lavrov")."""
    doc = token.doc
    words = [t.text for t in doc[token.i : min(token.i + 4, len(doc))]]
    return any(title_start(words, k) == 0 for k in range(1, len(words) + 1))


def _title_before(tokens: list[Token]) -> str | None:
    """'President Tokayev': the title words right before the name (outside spaCy's span)."""
    first = tokens[0]
    doc = first.doc
    words: list[str] = []
    i = first.i - 1
    while i >= 0 and i >= first.i - 6 and doc[i].is_alpha and doc[i].text[:1].isupper():
        words.insert(0, doc[i].text)
        i -= 1
    start = title_start(words) if words else None
    if start is None:
        return None
    return " ".join(words[start:]).lower()



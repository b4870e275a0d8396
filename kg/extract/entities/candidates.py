"""Mention candidates: spaCy spans cleaned, split, junk dropped and retyped from context.

``cleaning`` trims a span into a name and drops junk, ``context`` types a candidate from the words around it,
``missed`` recovers names the tagger did not tag; this module runs them over a document's spans.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from kg.extract.doccache import ents
from kg.extract.entities import missed
from kg.extract.entities.cleaning import _field_of_title, _is_junk, _parts, _score_tail, _trim
from kg.extract.entities.context import _apply_context
from kg.extract.entities.firms import cause_name_end, firm_spans, firm_suffixes, member_org_noun
from kg.extract.entities.lexicons import (
    _KEEP_LABELS,
    _title_modifiers,
    country_of,
    demonym_country,
    is_title_word,
    org_type_of_word,
    place_type,
    title_start,
    unglue,
)
from kg.extract.entities.mention import _Cand
from kg.extract.entities.orgnames import party_of_place
from kg.extract.text import doc_text

__all__ = ["_Cand", "_candidates"]


_FEMALE_HONORIFICS = {"mrs", "ms", "miss", "mme", "madam", "madame", "lady", "dame"}


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
    yield from filter(free, missed._missed_org_names(doc))
    yield from filter(free, missed._missed_employer_names(doc))
    yield from filter(free, missed._missed_born_names(doc))
    yield from filter(free, missed._missed_titled_names(doc))
    yield from filter(free, missed._missed_dateline_places(doc))
    yield from filter(free, missed._missed_state_codes(doc))
    yield from filter(free, missed._missed_party_names(doc))
    yield from filter(free, missed._missed_seated_orgs(doc))
    yield from filter(free, missed._missed_headed_orgs(doc))


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
    tokens = _score_tail(_trim(part), span.label_)
    at = next((k for k, t in enumerate(tokens) if t.lower_ == "at" and 0 < k < len(tokens) - 1), None)
    if span.label_ == "ORG" and at is not None and _field_of_title(tokens[:at]):
        tokens = tokens[at + 1 :]  # "(Professor of) Natural Philosophy at Carver University" tagged as one name
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
    cut = _portfolio_tail(tokens) if label == "ORG" else len(tokens)
    if cut < len(tokens):
        # "Obama Education Secretary John Mora", "told Reuters Finance Secretary X": the portfolio words before a
        # title are the title's ("Education Secretary"), whatever the tagger ran them into; the name before them
        # keeps its own type (a person's name is typed from the rest of the document)
        tokens = tokens[:cut]
        label = "PERSON" if _person_name_of(tokens) else label
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


def _portfolio_tail(tokens: list[Token]) -> int:
    """Where the capitalised title modifiers ending an organisation's span start, when a title follows right
    after the span ('Obama Education' + 'Secretary'); len(tokens) when they do not."""
    doc = tokens[-1].doc
    nxt = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if nxt is None or not nxt.text[:1].isupper() or not is_title_word(nxt.text):
        return len(tokens)
    k = len(tokens)
    while k > 1 and tokens[k - 1].text[:1].isupper() and tokens[k - 1].lower_ in _title_modifiers() \
            and not org_type_of_word(tokens[k - 1].text):
        k -= 1
    return k


def _person_name_of(tokens: list[Token]) -> bool:
    """The words are a name the document gives a person elsewhere ('Obama' of 'Barack Obama')."""
    doc = tokens[0].doc
    text = " ".join(t.text for t in tokens)
    return any(e.label_ == "PERSON" and (e.text == text or e.text.endswith(" " + text)) for e in ents(doc))

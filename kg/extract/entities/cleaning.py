"""Cleaning a tagged span into a name: wire marks, articles, trailing verbs and headline run-ons cut off
(``_trim``), a span split at line breaks and credit separators (``_parts``), and spans that are no name at all
dropped (``_is_junk``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.entities.firms import member_org_noun
from kg.extract.entities.lexicons import (
    _ORDINAL,
    _SPLITTERS,
    _STANCE_PREFIX,
    _title_modifiers,
    demonym_country,
    field_nouns,
    field_titles,
    is_title_word,
    junk_words,
    named_chair_titles,
    org_type_of_word,
    place_type,
)
from kg.extract.entities.places import state_qualified

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
        if t.text in _SPLITTERS or (span.label_ in {"PERSON", "ORG"} and _spaced_dash(t)):
            if part:
                yield part, first
            part, first = [], False
        else:
            part.append(t)
    if part:
        yield part, first


def _spaced_dash(t: Token) -> bool:
    """'Ravenna - Tom Alder ( 12th )': a dash with a space on either side parts a team from its scorer in a
    results line; no person's or organisation's name holds one ('Jean-Pierre', 'Rolls-Royce' have none)."""
    return t.text in {"-", "–", "—"} and t.i > 0 and bool(t.doc[t.i - 1].whitespace_) and bool(t.whitespace_)


_SCORE = re.compile(r"\d+(?:-\d+)?")


def _score_tail(tokens: list[Token], label: str) -> list[Token]:
    """'Kent 301-6', 'A. Lowe 88': a score or a count after a name in a results table is no part of it (a
    person's name never ends in a number; another name only in a score, 'digits-digits')."""
    while len(tokens) > 1 and _SCORE.fullmatch(tokens[-1].text) and (label == "PERSON" or "-" in tokens[-1].text):
        tokens = tokens[:-1]
    # the tokenizer's "301", "-", "6"
    if len(tokens) > 3 and tokens[-1].text.isdigit() and tokens[-2].text == "-" and tokens[-3].text.isdigit():
        tokens = tokens[:-3]
    while label == "PERSON" and len(tokens) > 1 and (tokens[-1].text.isdigit() or tokens[-1].text == "-"):
        tokens = tokens[:-1]
    return tokens


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
    # "Professor of Theoretical Physics at Carver": the field a title is held in, not an organisation
    if label in {"ORG", "PERSON", "NORP"} and (_field_of_title(tokens) or _named_chair(tokens)):
        return True  # ("the Hugo Marsh Professor of Economics": the name of a chair, part of the title)
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


def _field_of_title(tokens: list[Token]) -> bool:
    """'(Professor) of Latin American Economics', '(a chair) in Applied & Computational Mathematics': a name ending
    in a field of study (entity_field_nouns.txt), with no organisation word, right after 'of' or 'in' that
    follows an academic title (within three words)."""
    if tokens[-1].lower_ not in field_nouns() or any(org_type_of_word(t.text) for t in tokens):
        return False
    doc = tokens[0].doc
    k = tokens[0].i - 1
    if k < 1 or doc[k].lower_ not in {"of", "in"}:
        return False
    return any(doc[j].lower_ in field_titles() for j in range(max(0, k - 3), k))


# what follows a named chair's title word: its field, its seat, the end of the phrase ('Professor of Law',
# 'Professor at', 'Professor (Emeritus)'), never a person's name ('Harvard professor Ann Lee')
_AFTER_CHAIR = {"of", "in", "at", "and", ",", "(", ")", ".", ";", "emeritus", "emerita"}


def _named_chair(tokens: list[Token]) -> bool:
    """'the Hugo Marsh Professor of Economics', 'a Carver Distinguished Professor, and ...': capitalised words
    right before a capitalised chair title (entity_field_nouns.txt [named_chairs]) that no name follows are the
    chair's name; a name with an organisation word ('Carver University Professor of Law') is left alone."""
    doc = tokens[0].doc
    k = tokens[-1].i + 1
    if tokens[-1].lower_ in named_chair_titles() and tokens[-1].text[:1].isupper() and len(tokens) > 1:
        k = tokens[-1].i
    elif k < len(doc) and doc[k].lower_ == "distinguished":
        k += 1
    if k >= len(doc) or doc[k].lower_ not in named_chair_titles() or not doc[k].text[:1].isupper():
        return False
    after = doc[k + 1].lower_ if k + 1 < len(doc) else "."
    if after not in _AFTER_CHAIR:
        return False
    name = [t for t in tokens if t.i < k]
    return bool(name) and not any(org_type_of_word(t.text) for t in name) \
        and not place_type(" ".join(t.text for t in name))

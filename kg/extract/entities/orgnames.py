"""Organisation names told by what surrounds them: a party's name running on through 'of' and its place
('the Liberal Party of Manitoba'), and the title of an organisation's head after a name ('Orvel CEO Bo Park')."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from kg import gazetteer
from kg.extract.doccache import ents
from kg.extract.entities.lexicons import _KEEP_LABELS, is_title_word, party_nouns
from kg.extract.lexicon import rule_section


@cache
def org_head_titles() -> frozenset[str]:
    """Titles of an organisation's head ('chairman', 'ceo', 'founder'), lower case (entity_org_head_titles.txt)."""
    return rule_section("entity_org_head_titles.txt", "heads")


@cache
def _head_titles_before_name() -> frozenset[str]:
    """The heads' titles and those that name a head only before a person's name ('manager', 'director')."""
    return org_head_titles() | rule_section("entity_org_head_titles.txt", "before_name")


def head_title_end(doc: Doc, k: int) -> int | None:
    """The index of the person's name after an organisation head's title starting at ``k`` ('chairman Ann Lee',
    'CEO Bo Park', 'founder and CEO Bo Park'), else None. The title is lower case or an acronym in capitals
    ('CEO'); a capitalised title ('Chairman Ann Lee') may be a title alone, with no organisation before it."""
    run: list[Token] = []
    while k < len(doc) and len(run) < 4:
        t = doc[k]
        if (t.is_lower and is_title_word(t.text)) or (t.text.isupper() and t.lower_ in org_head_titles()):
            run.append(t)
        elif run and t.lower_ in {"and", "&"} and k + 1 < len(doc) and (
                (doc[k + 1].is_lower or doc[k + 1].text.isupper()) and is_title_word(doc[k + 1].text)):
            pass  # "founder and CEO": coordinated titles
        else:
            break
        k += 1
    if run and run[-1].lower_ in _head_titles_before_name() and k < len(doc) \
            and doc[k].ent_type_ == "PERSON":
        return k
    return None


def party_of_place(doc: Doc) -> dict[int, Span]:
    """Start of a party's ORG span -> the place after its 'of' ('the Progressive Conservative Party' +
    'of' + 'Manitoba'): the party of that country or province, which the small model cuts off at its noun.

    Why: 'the Liberal Party of Canada' and 'of Ontario' are different parties; cut at 'Party', every
    province's party would be one node. Only a party noun (entity_party_nouns.txt) ends the span: a firm 'of'
    a place is a firm and its seat ('Glenmore Pharmaceuticals Inc of St. Petersburg')."""
    spans = [s for s in ents(doc) if s.label_ in _KEEP_LABELS]
    starts = {s.start: s for s in spans}
    out: dict[int, Span] = {}
    for span in spans:
        end = span.end
        if span.label_ != "ORG" or doc[end - 1].lower_ not in party_nouns() or end + 1 >= len(doc):
            continue
        if doc[end].lower_ != "of":
            continue
        place = starts.get(end + 1)
        if place is None:
            # "the Progressive Conservative Party of Ontario candidate": a place the model left untagged
            k = end + 1
            while k < len(doc) and k - end <= 3 and doc[k].text[:1].isupper() and doc[k].is_alpha:
                k += 1
            if k > end + 1 and gazetteer.lookup(doc[end + 1 : k].text) is not None:
                place = Span(doc, end + 1, k, label="GPE")
        if place is not None and place.label_ in {"GPE", "LOC"}:
            out[span.start] = place
    return out

"""Names the small model did not tag, recovered from the structure around them: a title in apposition
('Mantle, chief executive of Globex'), an organisation noun ('"Tinkoff" online bank'), a title's 'of'/'at'
phrase ('chief executive of Northwind Tools') and a birth date in brackets ('Tobias Wrenlow (born 1956)')."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from kg import gazetteer
from kg.extract.doccache import ents
from kg.extract.entities.cleaning import _is_junk
from kg.extract.entities.context import _role_phrase
from kg.extract.entities.datelines import DATELINE_END, _unknown_city_ok
from kg.extract.entities.firms import member_org_noun
from kg.extract.entities.lexicons import (
    _APPOS,
    _KEEP_LABELS,
    _NSUBJ,
    _org_types,
    _title_modifiers,
    country_of,
    demonym_country,
    is_title_word,
    org_type_of_word,
    place_type,
)
from kg.extract.entities.mention import _Cand
from kg.extract.entities.orgnames import head_title_end
from kg.extract.entities.places import state_qualified
from kg.extract.text import doc_text


def _covered(doc: Doc, labels=None) -> set[int]:
    """The token indices inside the Doc's entities (of ``labels`` only, when given)."""
    return {i for span in ents(doc) if labels is None or span.label_ in labels for i in range(span.start, span.end)}


def _missed_titled_names(doc: Doc) -> Iterable[_Cand]:
    """'Mantle, chief executive of Globex, said': a proper noun run NER did not tag, with a title in
    apposition that names its organisation, is a person.

    Why: the small model misses unfamiliar one-word surnames; a title with 'of'/'at' + organisation in
    apposition is a person's description (a place or company is never "the chief executive of" anything).
    """
    covered = _covered(doc)
    for t in doc:
        if t.i in covered or t.tag_ != "NNP" or not t.text[:1].isupper() or not t.is_alpha or is_title_word(t.text):
            continue
        if t.dep_ not in _NSUBJ | {"appos", "dobj", "pobj"} or demonym_country(t.text) or place_type(t.text):
            continue
        title = next((c for c in t.children if c.dep_ == _APPOS and c.pos_ == "NOUN" and is_title_word(c.text)
                      and c.lemma_.lower() not in _org_types()), None)
        if title is None or not any(p.dep_ == "prep" and p.lower_ in {"of", "at"} and any(
                o.dep_ == "pobj" and o.ent_type_ == "ORG" for o in p.children) for p in title.children):
            continue
        run = [t]
        while run[0].i > 0 and doc[run[0].i - 1].tag_ == "NNP" and doc[run[0].i - 1].dep_ == "compound" \
                and doc[run[0].i - 1].i not in covered and doc[run[0].i - 1].is_alpha \
                and not is_title_word(doc[run[0].i - 1].text):
            run.insert(0, doc[run[0].i - 1])
        text = doc_text(doc)[run[0].idx : t.idx + len(t.text)]
        yield _Cand(start=run[0].idx, end=run[0].idx + len(text), text=text, label="PERSON", surface=text,
                    person_cue=True, role=_role_phrase(title))


def _missed_born_names(doc: Doc) -> Iterable[_Cand]:
    """'Bharat Malvi (born 1956) is ...': capitalised words NER did not tag, right before '(born', are a person.

    Why: a birth date in brackets follows only a person's name in profiles; the small model misses names
    it has not seen (the rule for tagged names is in _apply_context)."""
    covered = _covered(doc, _KEEP_LABELS)
    for t in doc[:-2]:
        if t.text != "(" or doc[t.i + 1].lower_ != "born" or t.i == 0:
            continue
        run: list[Token] = []
        k = t.i - 1
        while k >= 0 and len(run) < 4 and doc[k].tag_ == "NNP" and doc[k].text[:1].isupper() and doc[k].is_alpha \
                and k not in covered and not is_title_word(doc[k].text):
            run.insert(0, doc[k])
            k -= 1
        if len(run) < 2 or (k >= 0 and doc[k].i in covered):
            continue
        text = doc_text(doc)[run[0].idx : run[-1].idx + len(run[-1].text)]
        if place_type(text) or country_of(text) or _is_junk(run, text, "PERSON"):
            continue
        yield _Cand(start=run[0].idx, end=run[0].idx + len(text), text=text, label="PERSON", surface=text,
                    person_cue=True)


_NUMERIC_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


def _missed_employer_names(doc: Doc) -> Iterable[_Cand]:
    """'chief executive officer of Northwind Tools', 'a professor at Carver': a proper-noun phrase NER did not
    tag, as the object of 'of'/'at' after a role title, names the organisation the title is held in.

    Why: the small model misses unfamiliar company names, most often exactly where a biography states a
    position; a title's 'of'/'at' phrase names an organisation or a place, and a place is left alone here
    (only names no gazetteer knows are taken). A name NER took for a product or work ('Globex') is taken too.
    """
    # a number label on a capitalised word without digits is the tagger's slip ('founder & CEO of SoftLine' as a
    # CARDINAL), not a number
    covered = _covered(doc, _KEEP_LABELS) | {i for i in _covered(doc, _NUMERIC_LABELS)
                                             if doc[i].like_num or any(ch.isdigit() for ch in doc[i].text)
                                             or not doc[i].text[:1].isupper()}
    for t in doc:
        if t.i in covered or t.tag_ not in {"NNP", "NNPS"} or t.dep_ != "pobj" or not t.text[:1].isupper():
            continue
        prep = t.head
        if prep.lower_ not in {"of", "at"} or prep.head.pos_ not in {"NOUN", "PROPN"} \
                or not is_title_word(prep.head.text) or prep.head.i in covered:
            continue
        if any(c.dep_ == "prep" and c.lower_ in {"at", "in"} for c in (*prep.head.children, *t.children)
               if c.i > t.i):
            continue  # "Professor of Philosophy at Carver": the field of the chair; the employer follows
        left = t
        while left.i - 1 > prep.i and doc[left.i - 1].tag_ in {"NNP", "NNPS"} and doc[left.i - 1].i not in covered \
                and doc[left.i - 1].head.i in {t.i, left.i} and doc[left.i - 1].text[:1].isupper():
            left = doc[left.i - 1]
        tokens = list(doc[left.i : t.i + 1])
        text = doc_text(doc)[left.idx : t.idx + len(t.text)]
        if is_title_word(f"{prep.head.text} {prep.text} {text}"):
            continue  # "Chief of Staff": the rest of a title, not an organisation
        if (any(is_title_word(w.text) for w in tokens) or place_type(text) or country_of(text)
                or demonym_country(text) or _is_junk(tokens, text, "ORG")):
            continue
        yield _Cand(start=left.idx, end=left.idx + len(text), text=text, label="ORG", surface=text,
                    org_type=org_type_of_word(t.text) or "Organization")


def _missed_org_names(doc: Doc) -> Iterable[_Cand]:
    """'"Tinkoff" online bank': a proper noun naming an organisation noun that NER did not tag.

    Why: the small model misses unfamiliar company names in lists; the organisation noun they modify
    ("bank", "company") is evidence enough. The name must start its noun phrase ("software Development
    companies" is not a name).
    """
    covered = _covered(doc)
    for t in doc:
        if t.i in covered or t.tag_ not in {"NNP", "NNPS"} or not t.text[:1].isupper() or is_title_word(t.text):
            continue
        if t.dep_ not in {"compound", "nmod"} or t.head.pos_ != "NOUN" or not t.head.is_lower:
            continue
        org = org_type_of_word(t.head.text) or org_type_of_word(t.head.lemma_)
        if org is None or demonym_country(t.text) or place_type(t.text):
            continue
        modified = [c for c in (*t.head.lefts, *t.lefts) if c.dep_ in {"amod", "compound", "nmod"} and c.i < t.i]
        if modified or len(t.text) < 3:
            continue  # part of a longer phrase ("Russian IT companies"): only a run that starts the phrase
        run = [t]
        while run[-1].i + 1 < len(doc) and doc[run[-1].i + 1].tag_ in {"NNP", "NNPS"} \
                and doc[run[-1].i + 1].text[:1].isupper() and doc[run[-1].i + 1].i not in covered:
            run.append(doc[run[-1].i + 1])
        if member_org_noun(doc, run[-1].i):
            run.append(doc[run[-1].i + 1])  # "the Employers organization": the members' body, not the members
        text = doc_text(doc)[run[0].idx : run[-1].idx + len(run[-1].text)]
        yield _Cand(start=run[0].idx, end=run[0].idx + len(text), text=text, label="ORG", surface=text,
                    org_type=org)


def _missed_dateline_places(doc: Doc) -> Iterable[_Cand]:
    """'AKRON , Ohio 1996-08-22': a wire dateline's city in capitals, a comma, its state or country and a
    date (or the end of the line) — both places when the gazetteer knows them.

    Why: the small model does not tag a city written in capitals ("NICE" is read as an interjection) nor,
    at times, the place after it; the dateline's shape says both are places (``relations`` reads the
    dateline as city located_in state)."""
    text = doc_text(doc)
    covered = _covered(doc, _KEEP_LABELS)
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        comma = next((k for k, t in enumerate(toks[:5]) if t.text == ","), None)
        if not comma or not all(t.text.isupper() and (t.is_alpha or t.text.endswith(".")) for t in toks[:comma]):
            continue
        city = toks[:comma]
        k = comma + 1
        while k < len(toks) and toks[k].text[:1].isupper() and toks[k].is_alpha and k - comma <= 3:
            k += 1
        region = toks[comma + 1 : k]
        if not region or not DATELINE_END.match(text[region[-1].idx + len(region[-1].text) : sent.end_char]):
            continue
        city_name = text[city[0].idx : city[-1].idx + len(city[-1].text)]
        first = gazetteer.lookup(city_name)
        second = gazetteer.lookup(text[region[0].idx : region[-1].idx + len(region[-1].text)])
        if (first is None and not _unknown_city_ok(city_name)) or second is None \
                or second.type not in {"Country", "Region"}:
            continue
        for part, type_ in ((city, first.type if first is not None else "City"), (region, second.type)):
            if any(t.i in covered for t in part):
                continue
            start, end = part[0].idx, part[-1].idx + len(part[-1].text)
            yield _Cand(start=start, end=end, text=text[start:end], label="GPE", surface=text[start:end],
                        place_type=type_)


def _missed_state_codes(doc: Doc) -> Iterable[_Cand]:
    """'a firm based in Danbury, CT': a US postal code after a city of that state and a comma, which the small
    model leaves untagged, is the state (``places.state_qualified`` says when)."""
    text = doc_text(doc)
    covered = _covered(doc, _KEEP_LABELS)
    for tok in doc:
        if tok.i in covered or gazetteer.us_state_code(tok.text) is None:
            continue
        if state_qualified([tok]) == "Region":
            yield _Cand(start=tok.idx, end=tok.idx + 2, text=text[tok.idx : tok.idx + 2], label="GPE",
                        surface=tok.text, place_type="Region")


# nouns that, written in lower case after capitalised words, still end a political party's or movement's name
_PARTY_NOUNS = {"party", "movement"}


def _missed_party_names(doc: Doc) -> Iterable[_Cand]:
    """'the Socialist Renewal party', 'Rafa Lind of the VERDA party': capitalised words before a lower-case
    'party' name a party, which the small model leaves untagged when the noun is not capitalised.

    Why: news and reference text write a party's name with a lower-case 'party' as often as with 'Party'; a
    demonym alone ('the Greek party') or a lower-case modifier ('the ruling party') is no name."""
    text = doc_text(doc)
    covered = _covered(doc, _KEEP_LABELS)
    for t in doc:
        if t.text not in _PARTY_NOUNS or t.pos_ != "NOUN":
            continue
        run: list[Token] = []
        k = t.i - 1
        while k >= 0 and t.i - k <= 4 and doc[k].text[:1].isupper() and doc[k].is_alpha \
                and doc[k].dep_ in {"compound", "amod", "nmod"} and doc[k].head.i in {t.i, *(r.i for r in run)} | {
                    x.i for x in doc[k + 1 : t.i + 1]}:
            run.insert(0, doc[k])
            k -= 1
        if not run or any(r.i in covered for r in run) or k >= 0 and doc[k].text[:1].isupper() and doc[k].is_alpha:
            continue  # "the Northern Ireland Labour party" with a word the run could not take: not sure where it starts
        if len(run) == 1 and (demonym_country(run[0].text) or is_title_word(run[0].text)):
            continue
        if all(place_type(r.text) or country_of(r.text) for r in run):
            continue  # "the Ohio party", "the Kenya party": a place's branch, not a name
        start, end = run[0].idx, t.idx + len(t.text)
        yield _Cand(start=start, end=end, text=text[start:end], label="ORG", surface=text[start:end],
                    org_type="Organization")


def _missed_seated_orgs(doc: Doc) -> Iterable[_Cand]:
    """'Tarn Concepts is headquartered in Cork', 'Orvel Labs, headquartered in Leeds, makes ...': a proper-noun
    phrase NER did not tag, as what is headquartered somewhere, is an organisation.

    Why: only an organisation has headquarters ('based in' is said of people too, so it is left out); the
    small model misses unfamiliar company names most often in exactly these one-line company profiles."""
    covered = _covered(doc)
    text = doc_text(doc)
    for verb in doc:
        if verb.lower_ not in {"headquartered", "head-quartered"}:
            continue
        if verb.dep_ == "acl":
            subj = verb.head
        else:
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None or subj.i in covered or subj.tag_ not in {"NNP", "NNPS"} or not subj.text[:1].isupper():
            continue
        run = [subj]
        while run[0].i > 0 and doc[run[0].i - 1].tag_ in {"NNP", "NNPS"} and doc[run[0].i - 1].text[:1].isupper() \
                and doc[run[0].i - 1].i not in covered and doc[run[0].i - 1].head.i in {t.i for t in run}:
            run.insert(0, doc[run[0].i - 1])
        if any(is_title_word(t.text) or not t.is_alpha for t in run):
            continue
        name = text[run[0].idx : subj.idx + len(subj.text)]
        if place_type(name) or country_of(name) or demonym_country(name) or _is_junk(run, name, "ORG"):
            continue
        yield _Cand(start=run[0].idx, end=run[0].idx + len(name), text=name, label="ORG", surface=name,
                    org_type=org_type_of_word(subj.text) or "Organization")


def _missed_headed_orgs(doc: Doc) -> Iterable[_Cand]:
    """'Pavo CEO Ines Marr said', 'Tarn Labs founder and chief executive Bo Park': a proper-noun phrase NER did
    not tag, right before the title of an organisation's head and a person's name, is that organisation.

    Why: people have aides and spokesmen but no chief executive or chairman (``orgnames.head_title_end``, the
    same evidence that retypes a tagged name in ``context``); the small model misses unfamiliar one-word company
    names most often in exactly this wire phrase. A capitalised title ('Chairman Ann Lee') is left out: it may
    open the phrase with no organisation before it."""
    covered = _covered(doc, _KEEP_LABELS)
    text = doc_text(doc)
    for t in doc:
        if t.i in covered or not t.text[:1].isupper() or t.i + 1 >= len(doc):
            continue
        if t.tag_ not in {"NNP", "NNPS"} and not (t.dep_ == "compound" and t.head.i == t.i + 1 and not t.is_stop):
            continue  # a name tagged as a verb ('Coyote CEO Jeff Silver' opening a sentence) modifies the title
        if doc[t.i + 1].tag_ in {"NNP", "NNPS"} and doc[t.i + 1].i not in covered \
                and not is_title_word(doc[t.i + 1].text):
            continue  # not the run's last word
        if head_title_end(doc, t.i + 1) is None:
            continue
        run = [t]
        while run[0].i > 0 and len(run) < 4 and doc[run[0].i - 1].tag_ in {"NNP", "NNPS"} \
                and doc[run[0].i - 1].text[:1].isupper() and doc[run[0].i - 1].i not in covered:
            run.insert(0, doc[run[0].i - 1])
        k = run[0].i - 1
        if k >= 0 and (k in covered or (doc[k].text[:1].isupper() and doc[k].is_alpha and not doc[k].is_sent_start)):
            continue  # the run goes on into a name or a word it could not take: not sure where it starts
        if any(is_title_word(r.text) or r.lower_ in _title_modifiers() or not (r.is_alpha or r.text in {"&", "-"})
               for r in run):
            continue  # "Interim CEO Jo Kim": a qualifier of the title, not an organisation
        name = text[run[0].idx : t.idx + len(t.text)]
        if (place_type(name) or country_of(name) or demonym_country(name) or _is_junk(run, name, "ORG")
                or (len(run) == 1 and run[0].is_sent_start and run[0].is_stop)):
            continue
        yield _Cand(start=run[0].idx, end=run[0].idx + len(name), text=name, label="ORG", surface=name,
                    org_type=org_type_of_word(t.text) or "Organization")

"""Who speaks through a word: the speech verbs that govern a number, the subject each one has, and the name
that subject (a pronoun, a possessive, a noun phrase) stands for. The speaker lookup of ``source.py``."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Token

from kg.extract import numbers as nb
from kg.extract.coref import Resolver, document_nouns
from kg.extract.entities import DocEntities, clean_name
from kg.extract.quantities.scan import (
    _PERSONISH,
    _PRONOUNS,
    _change_verb,
    _numberish,
    _phrase,
    _pobj,
)
from kg.extract.quotes.cues import provision_verbs, reporting_verbs


def _speech(tok: Token) -> bool:
    return _verb(tok) and tok.lemma_.lower() in _source_verbs()


def _speech_with_subject(tok: Token) -> bool:
    """A speech verb with a subject of its own: someone reports inside the phrase ("the plan, which the
    mayor says will add 40 berths"); not the infinitive a plan is made of ("a proposal to add 40 berths")."""
    return _speech(tok) and any(c.dep_ == "nsubj" for c in tok.children)


# possessives that name a person only through the one they point back to ("his prediction")
_PERSON_POSSESSIVES = frozenset(("his", "her"))


def _owner_name(tok: Token, entities: DocEntities) -> str | None:
    """The name of a figure's owner; a possessive pronoun ("his plan", "its forecast") resolved the way the
    quote extractor resolves speakers (the subject before it, the organisation "its" points back to)."""
    if tok.pos_ != "PRON":
        return _name(tok, entities)
    resolver = tok.doc.user_data.get("kg.source_resolver")
    if resolver is None:
        resolver = tok.doc.user_data["kg.source_resolver"] = Resolver(tok.doc, entities)
    speaker = resolver.resolve(tok)
    return speaker.name if speaker is not None else None


def _kind(tok: Token, entities: DocEntities) -> str:
    """"speaker" for a person (a pronoun, a PERSON name, a Person entity), else "named_source"."""
    ent = entities.at(tok.idx, tok.idx + len(tok.text))
    person = tok.lower_ in _PRONOUNS | _PERSON_POSSESSIVES or tok.ent_type_ in _PERSONISH \
        or (ent is not None and ent.type == "Person")
    return "speaker" if person else "named_source"


def _lead_verb(tok: Token) -> bool:
    """A speech verb with a subject, as a lead-in's verb ("Lind told the council:", "the report notes:")."""
    return _speech(tok) and _speech_subject(tok) is not None


def _counted_subject(doc: Doc, subj: Token) -> bool:
    """A subject that is itself a count of people ("30% said", "Two of the men said", "Sixty percent of
    voters said"): the respondents, not a source. A number elsewhere in the phrase ("A 2014 study by …
    found") does not make it one; a year is no amount (``kg.amount_tokens`` holds only the kept figures)."""
    amounts = doc.user_data.get("kg.amount_tokens", frozenset())
    if _numberish(subj) or subj.text == "%" or subj.lower_ in ("percent", "per cent") or subj.i in amounts:
        return True
    if any(c.dep_ in ("nummod", "quantmod") and (c.i in amounts or c.text == "%") for c in subj.children):
        return True
    # "An average of 10 percent of voters said": the share the subject is of counts the respondents
    return any(c.dep_ == "prep" and c.lower_ == "of" and (pobj := _pobj(c)) is not None
               and (pobj.i in amounts or pobj.lower_ in ("percent", "per cent") or pobj.text == "%")
               for c in subj.children)


@cache
def _source_verbs() -> frozenset[str]:
    """The numbers' own speech verbs and every reporting verb the quote extractor knows (one list of
    attribution cues: a number under "the audit concluded that …" is the audit's even when no quote was
    made of it)."""
    return nb.context("source_verbs") | reporting_verbs()


# the dependencies that hang a reported clause on a speech verb: "said [that] …", "…, she added"
_CLAUSE_DEPS = frozenset(("ccomp", "parataxis"))
# cues that are verbs of going on: speech only over a reported clause ("she continued, …")
_ASPECT_CUES = frozenset(("continue", "go"))


def _speech_verbs(top: Token) -> Iterator[Token]:
    """Speech verbs governing the number: an ancestor ("he stated that ..."), or a clause hung on the
    number's clause after a comma ("700,000 people have left, Forbes reported")."""
    verbs = _source_verbs()
    reported = False  # whether the way up from the number has passed a reported clause ("said [that] …")
    below = top
    for anc in top.ancestors:
        reported = reported or below.dep_ in _CLAUSE_DEPS
        below = anc
        if _verb(anc) and (anc.lemma_.lower() in verbs or _provision(anc)):
            # a cue that is also a verb of change or of going on ("declined to comment", "she continued: …")
            # reports only a clause: over its own argument it is no speech ("Trade declined 40 percent",
            # "gambling continued to be a saving grace, with revenue up 18 percent")
            if not reported and (_change_verb(anc) or anc.lemma_.lower() in _ASPECT_CUES):
                return
            yield anc
            return
    for anc in top.ancestors:
        for child in anc.children:
            if child.dep_ in ("parataxis", "ccomp", "advcl") and (child.i > top.i or _as_clause(child)) \
                    and _verb(child) and child.lemma_.lower() in verbs:
                yield child
                return


def _as_clause(verb: Token) -> bool:
    """A speech verb in an "as" clause, which vouches for the clause it hangs on wherever it stands: "As
    reported by the Harbour Gazette, the city set a $15 fee", "As the mayor noted, …"."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _provision(verb: Token) -> bool:
    """A verb by which a law, bill or plan states its content, with such a document as its subject: "the
    bill caps rents at 5 percent", "the measure also bans tolls after 2030" (quote_provision_verbs.txt)."""
    if verb.lemma_.lower() not in provision_verbs():
        return False
    subj = _speech_subject(verb)
    return subj is not None and subj.lemma_.lower() in document_nouns()


# the dependencies by which a verb without a subject of its own shares its governor's: "he rallied crowds by
# promising to cut …" (pcomp under a preposition), "…, arguing that …" (advcl), "she stood and noted …" (conj)
_CONTROLLED_DEPS = frozenset(("xcomp", "advcl", "conj", "pcomp"))


def _speech_subject(verb: Token) -> Token | None:
    """Who speaks through ``verb``: its subject; else the subject it shares with the verb it hangs from
    ("the mayor won votes by promising to hire 40 teachers"), or the noun it describes ("the candidate,
    boasting of the $5 million he saved"); else the noun the tagger hung on it as a compound when it took
    the verb for a noun ("budget records show")."""
    node = verb
    for _ in range(3):
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        # the agent of a passive "as" clause speaks: "as reported by the Harbour Gazette"; not every agent of a
        # speech verb ("the song was written by …", "she was asked by the moderator whether …")
        agent = next((_pobj(c) for c in node.children if c.dep_ == "agent"), None) if _as_clause(node) else None
        if agent is not None:
            return agent
        # the noun a speech verb describes ("candidates proposing $2 trillion in cuts", a finite verb the parser
        # hung on the noun before it: "the candidate boasted of …"), or a document described by its finding
        # ("a new poll showing …"); not a thing's purpose ("notices seeking …", a verb of setting a figure)
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN") \
                and (node.lemma_.lower() in reporting_verbs() or node.head.lemma_.lower() in document_nouns()):
            return node.head
        if node.dep_ not in _CONTROLLED_DEPS:
            break
        node = node.head.head if node.dep_ == "pcomp" and node.head.pos_ == "ADP" else node.head
    compound = [c for c in verb.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    return compound[-1] if compound else _aged_name(verb)


def _aged_name(verb: Token) -> Token | None:
    """The name right before "<age>," and the verb ("Dana Whitfield, 44, said …"): the small model hangs
    the name on a phrase before it and leaves the verb without a subject."""
    doc, i = verb.doc, verb.i
    if i < 4 or doc[i - 1].text != "," or doc[i - 3].text != ",":
        return None
    age, name = doc[i - 2], doc[i - 4]
    if not (age.text.isdigit() and len(age.text) <= 3) or name.pos_ != "PROPN":
        return None
    return name


def _verb(tok: Token) -> bool:
    """A verb, or a word the tagger took for a noun though it heads a clause with a subject ("Leaked
    records show he took …": "show" tagged NOUN, yet the sentence's root with "records" as its subject) or
    introduces one with "that"."""
    if tok.pos_ == "VERB":
        return True
    if tok.pos_ != "NOUN" or tok.dep_ not in ("ROOT", "ccomp", "parataxis"):
        return False
    # "The campaign projects that the tax would raise …": a noun-tagged word right before "that"
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return any(c.dep_ == "nsubj" for c in tok.children) or (following is not None and following.lower_ == "that")


# words left of a noun that are no part of its name: "the", "," and, when a parse makes the noun the sentence's
# root ("At the rally, the candidate boasted …"), the phrases and conjunctions before it
_NOT_NAME_DEPS = frozenset(("det", "punct", "prep", "cc", "mark", "advmod"))


def _name(tok: Token, entities: DocEntities) -> str | None:
    """The entity (or noun phrase) a subject or 'according to' object names; pronouns resolved backwards."""
    if tok.lower_ in _PRONOUNS:
        return _antecedent(tok, entities)
    if tok.pos_ == "PRON":
        return None
    ent = entities.at(tok.idx, tok.idx + len(tok.text))
    if ent is not None:  # the head word is a named entity: its canonical name
        return ent.name
    # a common noun with the name in apposition: "the watchdog group Harbour Watch", "a spokeswoman, Ana Ruiz"
    named = next((c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None and tok.pos_ == "NOUN":
        return _name(named, entities)
    # otherwise the noun phrase: "Kazakh officials", "the press service of the Ministry of Defense"
    toks = [t for c in tok.lefts if c.dep_ not in _NOT_NAME_DEPS for t in c.subtree] + [tok]
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            toks.extend(t for t in child.subtree)
            break
    toks = sorted({t for t in toks if t.dep_ != "det" or t.i > tok.i}, key=lambda t: t.i)
    return clean_name(_phrase(toks)) or None


def _author(tok: Token, entities: DocEntities) -> str | None:
    """The named author of a document noun: "data from the county registration office", "an analysis by the
    Harbour Institute" (quote_document_nouns.txt: a document's author is named by "by"/"from")."""
    documents = document_nouns() | nb.context("source_nouns")
    if tok.lemma_.lower() not in documents and tok.lower_ not in documents:  # "data" -> "datum"
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            pobj = _pobj(prep)
            if pobj is not None and (pobj.pos_ == "PROPN" or entities.at(pobj.idx, pobj.idx + len(pobj.text))):
                return _name(pobj, entities)
    return None


def _antecedent(tok: Token, entities: DocEntities) -> str | None:
    best, best_end = None, -1
    for ent in entities.entities:
        if ent.type != "Person":
            continue
        for m in ent.mentions:
            if best_end < m.end <= tok.idx:
                best, best_end = ent.name, m.end
    return best



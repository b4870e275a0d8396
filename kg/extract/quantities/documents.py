"""Documents as a number's source: a poll, report, law or count that a phrase of the number's clause (or of
the clause next to it) names ("In a Gallup poll, 41 percent …", "Under state law, …"), and who speaks through
it ("the bureau stated in its annual report that …")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.coref import document_nouns
from kg.extract.entities import DocEntities
from kg.extract.quantities.scan import _pobj
from kg.extract.quantities.speakers import _counted_subject, _name, _source_verbs, _speech

# the prepositions that put a clause under a document's authority: "in a new poll, …", "under the law, …"
_DOCUMENT_PREPS = frozenset(("in", "under", "by"))


def _document_phrase(
    top: Token, number: set[int], entities: DocEntities, climb: bool = True, deep: bool = True
) -> str | None:
    """A poll, report, law or count that a prepositional phrase of the number's clause names as its
    source: "In a Harbour Institute survey published Friday, 52 percent chose ..." (the clause's verb, or the verbs it
    hangs from, carries ``in/under`` + a document noun). Its name when it has one ("the Gallup poll"),
    else the noun phrase. A number inside the phrase itself ("a survey of 500 residents") is not its claim."""
    # up to the sentence's root, where "In a poll, …" hangs; without climbing, every word of the clause
    # (the parser hangs "in a poll" on the object too: "said they opposed the plan in a poll")
    if climb:
        verbs = [top, *top.ancestors][:8]
    else:
        verbs = [t for t in top.subtree if t.dep_ != "prep"] if deep else [top]
    for verb in verbs:
        for child in verb.children:
            if child.dep_ != "prep" or child.lower_ not in _DOCUMENT_PREPS:
                continue
            pobj = _pobj(child)
            if pobj is None or pobj.lemma_.lower() not in document_nouns():
                continue
            if any(t.i in number for t in pobj.subtree):
                continue  # "a survey of 500 residents": the survey's own size, stated by the outlet
            if child.lower_ == "by" and verb.tag_ != "VBN":
                continue  # "by" names an author only after a passive ("was found by a state audit")
            name = _author_of_document(verb, entities) if child.lower_ == "in" else None
            name = name or _name(pobj, entities)
            if name:
                return name
    return None


def _author_of_document(verb: Token, entities: DocEntities) -> str | None:
    """Who speaks through a document: the subject of the speech verb the "in <document>" phrase hangs on
    ("the bureau stated in its annual report that …", "Lind wrote in a memo …" — the bureau, Lind)."""
    if not _speech(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON" or _counted_subject(verb.doc, subj) \
            or subj.lemma_.lower() in document_nouns():
        return None
    return _name(subj, entities)


def _clause_document(doc: Doc, top: Token, number: set[int], entities: DocEntities) -> str | None:
    """A document named in a clause next to the number's: the sentence's first clause when the number's
    clause is joined to it ("In a Ledger poll, 9 percent said …; 2 percent said …"), or what a counted
    subject said ("Sixty percent of voters said they liked it in a Ledger poll")."""
    root = top.sent.root
    # the root's own phrases only: a document deeper in another clause is that clause's
    if root.i != top.i and top.dep_ in ("conj", "parataxis") and top.head.i == root.i:
        found = _document_phrase(root, number, entities, climb=False, deep=False)
        if found is not None:
            return found
    for verb in [top, *top.ancestors]:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.lemma_.lower() in _source_verbs() and subj is not None and _counted_subject(doc, subj):
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                found = _document_phrase(clause, number, entities, climb=False)
                if found is not None:
                    return found
            break
    return None



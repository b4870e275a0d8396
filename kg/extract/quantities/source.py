"""Who asserted a number: the enclosing quote's speaker, "according to X", a speech verb's subject, a named source."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.extract import numbers as nb
from kg.extract.coref import Resolver, document_nouns
from kg.extract.entities import DocEntities, clean_name
from kg.extract.quantities.continued import continued_quote, semicolon_continued
from kg.extract.quantities.framing import figure_owner, frame_owner
from kg.extract.quantities.leadin import colon_lead_verb, lead_in_verb
from kg.extract.quantities.scan import (
    _PERSONISH,
    _PRONOUNS,
    _change_verb,
    _low,
    _Number,
    _numberish,
    _paragraph_bounds,
    _phrase,
    _pobj,
)
from kg.extract.quotes.cues import proposal_verbs, provision_verbs, reporting_verbs
from kg.extract.text import doc_text
from kg.records import Evidence, Quote

# --- who asserted it -------------------------------------------------------------------------------------


def _source(
    doc: Doc, num: _Number, span: Span, top: Token, arg: Token, quotes: Sequence[Quote], entities: DocEntities
) -> tuple[str | None, str | None, int | None]:
    quote_index = _enclosing_quote(quotes, span.start_char)
    # "According to the Ministry of Internal Affairs, more than 1.6 million ...": the attribution in the
    # number's own sentence is the most specific one, even inside a longer quote
    lo, hi = _paragraph_bounds(doc_text(doc), span.start_char)
    for tok in span.sent:
        if tok.lower_ == "according" and _low(doc, tok.i + 1) == "to" and lo <= tok.idx < hi \
                and _same_clause(tok, top):
            pobj = _pobj(doc[tok.i + 1])
            if pobj is not None:
                name = _author(pobj, entities) or _name(pobj, entities)
                # "The Ledger said that, according to a review of the ledgers, 40 …": a document no one
                # is named behind, inside a named speaker's statement, is that speaker's own work
                unnamed = not any(entities.at(t.idx, t.idx + len(t.text)) for t in pobj.subtree)
                if name and not (unnamed and quote_index is not None and quotes[quote_index].speaker):
                    return name, "according_to", quote_index
    # the speaker of the quote (direct or reported) whose span holds the number; a pronoun the quote
    # extractor could not resolve ("they said …") names no one, so the rules below (or the publisher) decide
    if quote_index is not None:
        quote = quotes[quote_index]
        name = None if _unnamed(quote) else quote.speaker or quote.speaker_mention
        if name:
            return name, _quote_kind(quote), quote_index
    # a quotation no quote holds that goes on with the statement attributed just before it
    else:
        continued = continued_quote(doc_text(doc), quotes, span.start_char, lambda q: not _unnamed(q))
        if continued is not None:
            quote = quotes[continued]
            return quote.speaker or quote.speaker_mention, _quote_kind(quote), None
    # "In a Gallup poll, 41 percent ...", "Under state law, a recount needs a margin below 0.5 percent"
    document = _document_phrase(top, set(range(num.start, num.end)), entities)
    if document is not None:
        return document, "named_source", quote_index
    # "in Lind's view, 40 percent …", "the mayor's proposal to add 40 berths to the marina": the owner of a
    # figure put forward, unless a speech verb stands between it and the number
    numbers = set(range(num.start, num.end))
    owner = frame_owner(top, numbers) or figure_owner(span.root, numbers, _speech_with_subject)
    name = _owner_name(owner, entities) if owner is not None else None
    if name:
        return name, _kind(owner, entities), quote_index
    # "nine things the candidate has said about trade": the statements counted are the speaker's
    statements = _statements_of(arg, entities)
    if statements is not None:
        return statements[0], statements[1], quote_index
    # "he stated that one in two ...", "Tokayev proposed ... for the nearly 1,000 companies"
    spoken = _verb_speaker(doc, num, top, arg, entities)
    if spoken is not None:
        return spoken[0], spoken[1], quote_index
    # "…, port records show, the ferry sailed 216 hours": an attribution set off by commas the parser tore up
    aside = _parenthetical(span.sent, entities, num.start)
    if aside is not None:
        return aside, "named_source", quote_index
    # "In a Ledger survey, 9 percent said they would sell; just 2 percent said they would stay": the survey
    # named in another clause of the sentence, or inside what the respondents said, is the source too
    document = _clause_document(doc, top, set(range(num.start, num.end)), entities)
    if document is not None:
        return document, "named_source", quote_index
    # "A U.S. Treasury and Commerce Department list of at least 18 countries"
    node = arg
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in nb.context("source_nouns"):
        src = node.head.head
        mods = [t for c in src.lefts if c.dep_ not in ("det", "punct", "amod") or c.ent_type_
                for t in c.subtree if t.dep_ != "det"]
        if mods:
            text = _phrase(sorted(mods, key=lambda t: t.i))
            ent = entities.at(mods[0].idx, mods[-1].idx + len(mods[-1].text))
            return (ent.name if ent is not None and len(ent.name) >= len(text) else clean_name(text)), \
                "named_source", quote_index
    # "The auditors reported that Acme holds $20 billion abroad; Zenith holds $3 billion": a report put first
    # governs the clauses a semicolon adds to it
    if quote_index is None and not _own_part_speaks(doc, num):
        continued = semicolon_continued(doc_text(doc), quotes, span.start_char,
                                        (span.sent.start_char, span.sent.end_char), lambda q: not _unnamed(q))
        if continued is not None:
            quote = quotes[continued]
            return quote.speaker or quote.speaker_mention, _quote_kind(quote), None
        fronted = _fronted_speaker(doc, num, entities)
        if fronted is not None:
            return fronted[0], fronted[1], quote_index
    # "Mayor Lind told the council:" and, in the paragraphs after it, the figures she gave
    verb = lead_in_verb(doc, span.start_char, _lead_verb) or colon_lead_verb(doc, num.start, _lead_verb)
    subj = _speech_subject(verb) if verb is not None else None
    name = _name(subj, entities) if subj is not None else None
    if name:
        ent = entities.at(subj.idx, subj.idx + len(subj.text))
        person = subj.lower_ in _PRONOUNS or subj.ent_type_ in _PERSONISH or (ent is not None and ent.type == "Person")
        return name, "speaker" if person else "named_source", quote_index
    return None, None, quote_index


def _quote_kind(quote: Quote) -> str:
    """A quote's speaker as a number's source: a document ("In a new poll, 52 percent …") is a named source."""
    return "named_source" if quote.cue in _DOCUMENT_CUES else "speaker"


def _semicolon_between(doc: Doc, i: int, j: int) -> bool:
    """A semicolon between tokens ``i`` and ``j``: it joins statements with attributions of their own."""
    lo, hi = sorted((i, j))
    return any(t.text == ";" for t in doc[lo:hi])


def _same_clause(according: Token, top: Token) -> bool:
    """Whether an "according to" phrase vouches for the number's clause (headed by ``top``): not when a
    semicolon parts them, each part a statement of its own ("Acme holds $20 billion offshore; Zenith holds $3
    billion and reports 900 subsidiaries, according to its website")."""
    return not _semicolon_between(top.doc, according.i, top.i)


def _verb_speaker(
    doc: Doc, num: _Number, top: Token, arg: Token, entities: DocEntities, respondents: bool = True
) -> tuple[str, str, Token] | None:
    """The name and kind of the subject of the speech verb governing the number, and the verb; None when
    the verb has no subject that names someone."""
    inside = set(range(num.start, num.end)) | num.core
    for verb in _speech_verbs(top):
        if _closes_clause_before(verb, num.start):
            break
        subj = _speech_subject(verb)
        # the subject's own words: not the clause it governs when the verb describes it ("the candidate
        # boasted of …")
        clause = {t.i for t in verb.subtree} if subj is not None and subj.is_ancestor(verb) else set()
        own = [t for t in subj.subtree if t.i not in clause] if subj is not None else []
        # "30% said ...": a counted subject is the respondents, not a source
        if subj is not None and not any(t.i in inside for t in own) and arg.i not in {t.i for t in own} \
                and not _counted_subject(doc, subj):
            name = _name(subj, entities)
            if name:
                kind = "speaker" if subj.lower_ in _PRONOUNS or subj.ent_type_ in _PERSONISH else "named_source"
                return name, kind, verb
        elif respondents and subj is not None and _respondents(doc, subj, inside, own):
            # "The poll finds that 22 percent say he is not to blame": respondents speak inside a report;
            # the report, or whoever reports them, asserts the share
            outer = _verb_speaker(doc, num, verb, arg, entities, respondents=False)
            if outer is not None:
                return outer
        break
    return None


def _respondents(doc: Doc, subj: Token, number: set[int], own: list[Token]) -> bool:
    """A subject that is a counted group or share of people ("22 percent say", "some 40 residents turned
    out"), not one person the number describes ("one employee told …", "the mother of three replied")."""
    if not (_counted_subject(doc, subj) or any(t.i in number for t in own)):
        return False
    return subj.i in number or subj.tag_ in ("NNS", "NNPS") or subj.lower_ in ("percent", "%")


def _closes_clause_before(verb: Token, number: int) -> bool:
    """A speech verb that ends the clause before a semicolon, after what it reports ("Acme holds $20 billion,
    the auditors said; Zenith holds $3 billion"): it vouches for that clause, not for the number after the
    semicolon, whatever the parser hung on it."""
    if verb.i > number or not _semicolon_between(verb.doc, verb.i, number):
        return False
    return any(c.dep_ in _CLAUSE_DEPS and c.i < verb.i for c in verb.children)


# the words a short subject of a parenthetical attribution is made of ("port records", "the F.A.A. data")
_ASIDE_POS = frozenset(("DET", "ADJ", "NOUN", "PROPN"))
_MAX_ASIDE = 5


def _parenthetical(sent: Span, entities: DocEntities, number: int) -> str | None:
    """The subject of an attribution set off by commas in the number's sentence: ", records show," or
    "…, the group says." — a short noun phrase and a speech verb between a comma and a comma or the
    sentence's end, whatever the parser made of them ("records" as a compound of "show", "show" as the
    subject of the main verb). A pronoun subject ("…, he said") is left to the quote extractor. Not across a
    semicolon: "Acme holds $20 billion, the auditors said; Zenith holds $3 billion" (Zenith's is the outlet's)."""
    toks = list(sent)
    verbs = _source_verbs()
    for k, tok in enumerate(toks):
        if tok.lemma_.lower() not in verbs or tok.pos_ not in ("VERB", "NOUN") or k + 1 >= len(toks):
            continue
        if _semicolon_between(tok.doc, tok.i, number):
            continue
        if toks[k + 1].text not in (",", ".", ";"):
            continue
        j = k - 1
        while j >= 0 and k - j <= _MAX_ASIDE and toks[j].pos_ in _ASIDE_POS:
            j -= 1
        words = toks[j + 1 : k]
        if j < 0 or toks[j].text != "," or not any(t.pos_ in ("NOUN", "PROPN") for t in words):
            continue
        named = [t for t in words if t.pos_ != "DET"]
        ent = entities.at(named[0].idx, named[-1].idx + len(named[-1].text))
        return ent.name if ent is not None else clean_name(_phrase(named)) or None
    return None


def _own_part_speaks(doc: Doc, num: _Number) -> bool:
    """Whether the semicolon-delimited part of the sentence holding the number has a speech verb of its own
    ("…; 26 percent of renters say they …"): then that part's attribution, or none, is the number's."""
    sent = doc[num.start].sent
    lo = max([sent.start, *(t.i + 1 for t in doc[sent.start : num.start] if t.text == ";")])
    hi = min([sent.end, *(t.i for t in doc[num.end : sent.end] if t.text == ";")])
    return any(_speech(t) for t in doc[lo:hi])


def _fronted_speaker(doc: Doc, num: _Number, entities: DocEntities) -> tuple[str, str] | None:
    """Who speaks in the sentence's first clause when the number is in a clause a semicolon adds after it and
    the attribution stands first: a speech verb with its subject before it and its reported clause after it
    ("The auditors reported that Acme holds $20 billion abroad; Zenith holds $3 billion"), or "as" + a speech
    verb ("As the survey noted, …; …"). A report at a clause's end vouches for that clause only."""
    sent = doc[num.start].sent
    semis = [t.i for t in sent if t.text == ";" and t.i < num.start]
    if not semis:
        return None
    first = doc[sent.start : semis[0]]
    for verb in first:
        if not _speech(verb):
            continue
        subj = _speech_subject(verb)
        if subj is None or subj.i > verb.i or _counted_subject(doc, subj):
            continue
        fronts = any(c.dep_ in _CLAUSE_DEPS and verb.i < c.i < semis[0] for c in verb.children) or _as_clause(verb)
        name = _name(subj, entities) if fronts else None
        if name:
            return name, _kind(subj, entities)
        break  # the first speech verb decides
    return None


# relative words that make the counted things the speakers ("the 40 people who said …"), not what they said
_RELATIVE_SUBJECTS = frozenset(("who", "that", "which", "whom"))


def _statements_of(noun: Token, entities: DocEntities) -> tuple[str, str] | None:
    """The speaker of the things counted when a relative clause says someone said them: "the nine
    promises the mayor made", "three things the candidate had said about trade"."""
    for clause in noun.children:
        if clause.dep_ != "relcl" or not _speech(clause):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in _RELATIVE_SUBJECTS or subj.i < noun.i:
            continue
        name = _name(subj, entities)
        if name:
            return name, _kind(subj, entities)
    return None


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


def _enclosing_quote(quotes: Sequence[Quote], start: int) -> int | None:
    """The index of the innermost quote whose content holds offset ``start``: a statement quoted inside
    another one ("She said the report found that 40% ...") belongs to the inner source. A quote in
    pieces holds only its pieces, not the attribution between them."""
    found = []
    for qi, q in enumerate(quotes):
        ev = q.evidence
        if not ev.start <= start < ev.end:
            continue
        if q.parts and not any(p.start <= start < p.end for p in q.parts):
            continue
        found.append((ev.end - ev.start, qi))
    if not found:
        return None
    found.sort()
    # a wish or belief reported inside someone's statement ("she claimed the mayor wants 500 new homes")
    # is the outer speaker's claim: the inner source asserted nothing; so is an act refused, planned or
    # promised ("the Ledger reported the firm refused to name its 300 donors": the Ledger counted them)
    asserted = [qi for _, qi in found if quotes[qi].stance != "believes" and not _act(quotes[qi])]
    # an inner quote whose speaker is an unresolved pronoun ("they said …" inside a transcript) names no
    # one: the enclosing attribution does
    named = [qi for qi in asserted if not _unnamed(quotes[qi])]
    asserted = named or asserted
    return asserted[0] if asserted else found[0][1]


# personal pronouns: a quote attributed only to one of these, unresolved, has no named source
_PERSONAL = frozenset("i me we us you he him she her it they them".split())


def _unnamed(quote: Quote) -> bool:
    """No name behind the quote: no resolved speaker, and the mention is missing or a bare pronoun; or the
    "speaker" is a share of respondents ("70 percent believe …" inside a report's findings), who assert
    nothing the report did not count."""
    mention = quote.speaker or quote.speaker_mention or ""
    if any(nb.is_digits(w.rstrip("%")) or w in ("percent", "%") for w in mention.lower().split()):
        return True
    return not quote.speaker and mention.lower() in _PERSONAL | {""}


def _act(quote: Quote) -> bool:
    """A quote whose content is an act the source takes a position on, not a statement: the infinitive of
    a proposal verb ("refused to name the donors", "plans to cut 40 jobs")."""
    return (quote.cue or "").replace("_", " ") in proposal_verbs() and quote.content.lower().startswith("to ")


# quote cues whose source is a document: "In a new poll, …" (quotes/according.py), "…, records show"
_DOCUMENT_CUES = frozenset(("in", "document"))

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
    return compound[-1] if compound else None


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
    if tok.lemma_.lower() not in document_nouns() and tok.lower_ not in document_nouns():  # "data" -> "datum"
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


def _evidence(text: str, span: Span) -> Evidence:
    sent = span.sent
    lo, hi = _paragraph_bounds(text, span.start_char)
    start, end = max(sent.start_char, lo), min(sent.end_char, hi)
    return Evidence(
        start=span.start_char,
        end=span.end_char,
        text=text[span.start_char : span.end_char],
        sentence_start=start,
        sentence_end=end,
        sentence=text[start:end],
    )

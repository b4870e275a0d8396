"""Who asserted a number: the enclosing quote's speaker, "according to X", a speech verb's subject, a named source."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from kg.extract import numbers as nb
from kg.extract.entities import DocEntities, clean_name
from kg.extract.quantities.clauses import (
    _closes_clause_before,
    _fronted_speaker,
    _own_part_speaks,
    _same_clause,
    _semicolon_between,
)
from kg.extract.quantities.continued import continued_quote, semicolon_continued
from kg.extract.quantities.documents import _clause_document, _document_phrase
from kg.extract.quantities.framing import figure_owner, frame_owner
from kg.extract.quantities.leadin import colon_lead_verb, lead_in_verb
from kg.extract.quantities.scan import (
    _PERSONISH,
    _PRONOUNS,
    _change_verb,
    _low,
    _Number,
    _paragraph_bounds,
    _phrase,
    _pobj,
)
from kg.extract.quantities.speakers import (
    _author,
    _counted_subject,
    _kind,
    _lead_verb,
    _name,
    _owner_name,
    _source_verbs,
    _speech,
    _speech_subject,
    _speech_verbs,
    _speech_with_subject,
)
from kg.extract.quotes.cues import proposal_verbs
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
    # "support for the plan in the newest Gazette poll sits at 53%", "only 18 percent back it in a fresh
    # survey": a document phrase on a noun of the number's own clause
    document = document or _own_clause_document(top, set(range(num.start, num.end)), entities)
    if document is not None:
        return document, "named_source", quote_index
    # "A U.S. Treasury and Commerce Department list of at least 18 countries"
    node = arg
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in nb.context("source_nouns"):
        src = node.head.head
        mods = [t for c in src.lefts if c.dep_ not in ("det", "punct", "amod") or c.ent_type_
                for t in c.subtree if t.dep_ != "det"]
        # "its list of 25 names": the owner the pronoun stands for; a common noun alone ("a donor list of
        # 85 shipowners") says what the list is, not whose
        owner = _owner_name(mods[0], entities) if len(mods) == 1 and mods[0].pos_ == "PRON" else None
        if owner:
            return owner, _kind(mods[0], entities), quote_index
        if not any(t.pos_ == "PROPN" or t.ent_type_ or (t.dep_ == "poss" and t.pos_ != "PRON") for t in mods):
            mods = []
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
    # "early estimates put the crowd near 5,000", "the newest poll has Lind on 41 percent": a finding
    # document as the subject of the number's clause asserts the number, whatever verb says it
    finding = _finding_subject(doc, num, top, entities)
    if finding is not None:
        return finding, "named_source", quote_index
    # "Mayor Lind told the council:" and, in the paragraphs after it, the figures she gave
    verb = lead_in_verb(doc, span.start_char, _lead_verb) or colon_lead_verb(doc, num.start, _lead_verb)
    subj = _speech_subject(verb) if verb is not None else None
    name = _name(subj, entities) if subj is not None else None
    if name:
        ent = entities.at(subj.idx, subj.idx + len(subj.text))
        person = subj.lower_ in _PRONOUNS or subj.ent_type_ in _PERSONISH or (ent is not None and ent.type == "Person")
        return name, "speaker" if person else "named_source", quote_index
    return None, None, quote_index


# how far up from the number's word a clause's subject is looked for: its verb and the verbs it hangs on
_MAX_CLAUSE_CLIMB = 4


def _finding_subject(doc: Doc, num: _Number, top: Token, entities: DocEntities) -> str | None:
    """The document (a poll, an estimate, a ranking: ``[source_nouns]`` of number_context.txt) that is the
    active subject of the nearest clause above the number, before its verb: "One ranking pegs his fortune
    at $4 billion", "a survey released Friday had her at 4 percent". Only the nearest subject decides ("the
    mayor said the survey …" is the mayor's, found before this). Not the thing the number measures: a
    level or a change ("the index closed down 24 points", "the average was 53%"), a number inside the subject
    ("a poll of 500 voters"), a name ("Emily's List raised $3 million")."""
    inside = set(range(num.start, num.end)) | num.core
    for verb in [top, *top.ancestors][:_MAX_CLAUSE_CLIMB]:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        lemma = verb.lemma_.lower()
        measured = lemma == "be" or lemma in nb.context("level_verbs") | nb.context("subject_measure_verbs") \
            or _change_verb(verb)
        if subj.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or measured or subj.pos_ != "NOUN" \
                or not subj.i < verb.i < num.start or any(t.i in inside for t in subj.subtree):
            return None
        if subj.lemma_.lower() not in nb.context("source_nouns") and subj.lower_ not in nb.context("source_nouns"):
            return None
        return _document_name(subj, entities)
    return None


def _document_name(noun: Token, entities: DocEntities) -> str | None:
    """A document named by its author when words before it name one ("the Associated Press count", "the
    candidates' estimates": the Associated Press, the candidates), else by its noun phrase ("initial estimates")."""
    mods = [t for c in noun.lefts if c.dep_ not in ("det", "punct", "amod") or c.pos_ == "PROPN"
            for t in c.subtree if t.dep_ not in ("det", "case", "punct")]
    if not mods:
        words = [t for c in noun.lefts if c.dep_ not in ("det", "punct") for t in c.subtree] + [noun]
        return clean_name(_phrase(sorted(words, key=lambda t: t.i))) or None
    text = _phrase(sorted(mods, key=lambda t: t.i))
    ent = entities.at(mods[0].idx, mods[-1].idx + len(mods[-1].text))
    return ent.name if ent is not None and len(ent.name) >= len(text) else clean_name(text) or None


def _own_clause_document(top: Token, number: set[int], entities: DocEntities) -> str | None:
    """A document phrase ("in the newest Gazette poll") on a noun of the number's own clause: the words
    the clause's verb governs with no other verb between, so a poll in a clause it embeds stays that
    clause's."""
    verb = next((t for t in [top, *top.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    for tok in verb.subtree:
        if tok.i == verb.i or tok.pos_ not in ("NOUN", "PROPN", "NUM"):
            continue
        path = [tok, *tok.ancestors]
        if next(t for t in path if t.pos_ in ("VERB", "AUX") or t.i == verb.i).i != verb.i:
            continue
        found = _document_phrase(tok, number, entities, climb=False, deep=False)
        if found is not None:
            return found
    return None


def _quote_kind(quote: Quote) -> str:
    """A quote's speaker as a number's source: a document ("In a new poll, 52 percent …") is a named source."""
    return "named_source" if quote.cue in _DOCUMENT_CUES else "speaker"

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


# the words a short subject of a parenthetical attribution is made of ("port records", "the F.A.A. data")
_ASIDE_POS = frozenset(("DET", "ADJ", "NOUN", "PROPN"))
_MAX_ASIDE = 5
_CLOSING_MARKS = frozenset(('"', "”", "''", "’"))


def _aside_word(tok: Token) -> bool:
    """A word of a parenthetical attribution's short subject: a determiner, adjective or noun; a participle
    before the noun, which the tagger reads as a verb ("fundraising documents show", "leaked records show");
    "one" before it, an unnamed single source ("…, one official said", "…, one slide says") — a larger count
    would make the subject respondents."""
    if tok.pos_ in _ASIDE_POS:
        return True
    if tok.lower_ == "one" and tok.pos_ == "NUM":
        return True
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "VERB" and tok.tag_ in ("VBG", "VBN") and following is not None \
        and following.pos_ in ("NOUN", "PROPN")


def _aside_verb(tok: Token, verbs: frozenset[str]) -> bool:
    """The speech verb of a parenthetical attribution, also when the tagger took it for a noun or a name
    ("…, the handbook states, …" with "states" as a plural proper noun); a capitalised word is a name
    ("…, the United States, …")."""
    if tok.pos_ in ("VERB", "NOUN") and tok.lemma_.lower() in verbs:
        return True
    return tok.pos_ in ("NOUN", "PROPN") and tok.text.islower() and tok.lower_.endswith("s") \
        and tok.lower_[:-1] in verbs


def _parenthetical(sent: Span, entities: DocEntities, number: int) -> str | None:
    """The subject of an attribution set off by commas in the number's sentence: ", records show," or
    "…, the group says." — a short noun phrase and a speech verb between a comma and a comma or the
    sentence's end, whatever the parser made of them ("records" as a compound of "show", "show" as the
    subject of the main verb). A pronoun subject ("…, he said") is left to the quote extractor. Not across a
    semicolon: "Acme holds $20 billion, the auditors said; Zenith holds $3 billion" (Zenith's is the outlet's)."""
    toks = list(sent)
    verbs = _source_verbs()
    for k, tok in enumerate(toks):
        if not _aside_verb(tok, verbs) or k + 1 >= len(toks):
            continue
        if _semicolon_between(tok.doc, tok.i, number):
            continue
        if toks[k + 1].text not in (",", ".", ";"):
            continue
        j = k - 1
        while j >= 0 and k - j <= _MAX_ASIDE and _aside_word(toks[j]):
            j -= 1
        words = toks[j + 1 : k]
        # the comma may come before a closing quotation mark: '"Sick leave," the handbook states, …'
        opened = j >= 1 and toks[j].text in _CLOSING_MARKS and toks[j - 1].text == ","
        if j < 0 or (toks[j].text != "," and not opened) or not any(t.pos_ in ("NOUN", "PROPN") for t in words):
            continue
        if any(t.i == number for t in words):
            return None  # "…, one official said": the number is the attribution's own
        named = [t for t in words if t.pos_ != "DET"]
        ent = entities.at(named[0].idx, named[-1].idx + len(named[-1].text))
        return ent.name if ent is not None else clean_name(_phrase(named)) or None
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

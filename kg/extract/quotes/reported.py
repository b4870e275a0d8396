"""Reported speech from the dependency parse: "X said (that) …", "according to X, …".

Besides the plain clause of a reporting verb: "As X noted, …" / "…, as X reported." (the clause the "as"
clause modifies), a parenthetical "The plan, X said, would …" (one statement in two parts), "X made (it)
clear that …", noun-phrase objects of object cues ("X called for an inquiry", "X confirmed the closure"),
noun cues ("his claim that …"), shares of those polled as speakers ("Six in 10 voters say …"), "according to"
with any noun ("according to a CNN tally") and "That's according to X" (the sentence before). A statement
reported inside another one keeps its own source ("She said the audit found that …") when that source is
not a pronoun taking up the outer speaker. The cue lists are data files under ``kg/extract/rules/``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from kg.extract.coref import Speaker, could_speak, noun_phrase
from kg.extract.quotes.common import (
    _CLAUSE,
    _DATELINE,
    _MARKS,
    _MIN_WORDS,
    _NEG,
    _OPEN_CLAUSE,
    _OPENERS,
    _SUBJ,
    CONF_REPORTED,
    _longest_run,
    evidence,
)
from kg.extract.quotes.cues import (
    _quote,
    cue_of,
    is_object_cue,
    is_reporting,
    noun_cues,
    object_cue_of,
    object_verbs,
    passive_verbs,
    proposal_verbs,
    relative_mention,
    source_phrase,
    subject_of,
)
from kg.extract.quotes.merge import JOINER
from kg.records import Quote

# the children of an object cue that carry what was criticised, praised or asked for
_OBJECT_PARTS = ("dobj", "oprd", "prep", "attr", "dative", "acomp", "xcomp", "ccomp", "prt")
# prepositions that usually give the circumstances of the act, not its content
_CIRCUMSTANCE_PREPS = frozenset(("in", "on", "at", "during", "after", "before", "since", "while", "at", "from", "via"))
CONF_OBJECT = 0.75
CONF_LABEL = 0.7
CONF_NOUN = 0.65
CONF_QUOTED_ACT = 0.6
# who can be reported through marks with any verb: people and organisations (a country or a group "faces"
# or "launches" things; its words come with a speech cue)
_ACTORS = frozenset(("Person", "Organization", "Company", "GovernmentBody", "MediaOutlet", "FinancialInstitution"))
# the prepositions after a noun cue whose object is the content ("criticism of the plan", "support for X")
_NOUN_CONTENT_PREPS = frozenset(("of", "for", "on", "about", "against", "to"))
# what may follow the verb of an "As X reported" clause before its comma: "… reported on Tuesday,"
_AS_TAIL = frozenset(("advmod", "prt", "npadvmod", "prep", "pobj", "det", "amod", "compound", "tmod"))
# mentions that take up a speaker already named: not a second source inside a statement
_PRONOUN_MENTIONS = frozenset(("he", "she", "they", "i", "we", "you", "it", "who", "him", "her", "them", "his",
                               "their", "its", "one", "which", "that"))
# the children of a reporting verb under which the parser may hang its "that" clause: "said at a briefing
# that …", "told a town hall that …", "said Friday that …"
_CARRIERS = frozenset(("prep", "dobj", "dative", "npadvmod", "advmod", "pobj"))
# words that point back to the sentence before: "That's according to the filings."
_POINTERS = frozenset(("that", "this", "those", "these", "it"))
# words of its own (outside the marks) a reported statement needs to absorb a quotation it holds:
# 'said “it is late” every time the bus came' has them, 'said that “we will win.”' has none
_ABSORB_WORDS = 2


def _per_source(obj: Token) -> bool:
    """"per the filing", "per her lawyer", "per Jane Smith": a determined noun or a person's name; a bare
    noun after "per" is a rate ("per share", "per tonne")."""
    if obj.ent_type_ == "PERSON":
        return True
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "each", "every") for c in obj.children)


def _share(subj: Token) -> Speaker | None:
    """A share of those polled as the subject: "Six in 10 say …", "two out of three voters said …", "two of
    the three judges said …" (a number with "in"/"out of"/"of" after it). An unnamed source: the poll or
    the group is named elsewhere, if at all."""
    if not subj.like_num:
        return None
    # "Six in 10" is also parsed with "Six" and "in" as quantity modifiers of "10"
    preps = [c for c in subj.children if (c.dep_ == "prep" or (c.dep_ == "quantmod" and c.i < subj.i))
             and c.lower_ in ("in", "out", "of")]
    if not preps:
        return None
    span = noun_phrase(subj)
    return Speaker(None, span.text, span.start_char, span.end_char, "Group", 0.0,
                   reason=f"unnamed source {span.text!r}")


def _another(inner: Quote, outer: Quote) -> bool:
    """The inner statement has a source of its own: a noun ("the audit found"), not a pronoun taking up the
    outer speaker ("Cruz says he supports …") and not the outer speaker again."""
    mention = (inner.speaker_mention or "").lower()
    if mention in _PRONOUN_MENTIONS:
        return False
    return inner.speaker is None or inner.speaker != outer.speaker


class ReportedSpeech:
    """The reported-speech half of the extractor (mixed into ``_Extractor``)."""

    def reported(self) -> Iterator[Quote]:
        direct = [((q.evidence.start, q.evidence.end), q) for q in self.direct]
        taken: list[tuple[int, int, Quote]] = []
        for tok in self.doc:
            nested = self._inside_quote(tok) or self._in_marks(tok)
            if nested and not self._named_subject(tok):
                continue  # someone else's words: only a named inner speaker is attributed there
            obj = source_phrase(tok)
            if obj is not None:
                quote = self._according(tok, obj)
            elif is_reporting(tok):
                quote = self._said_that(tok)
                if quote is None and (is_object_cue(tok) or self._passive_report(tok)):
                    quote = self._object_cue(tok)
            elif is_object_cue(tok):
                quote = self._object_cue(tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in noun_cues():
                quote = self._noun_cue(tok)
            elif tok.pos_ == "VERB" and self._marks_after(tok):
                quote = self._quoted_act(tok)
            else:
                continue
            if quote is None:
                continue
            # a nested quote (a speaker quoting someone else) keeps its inner speaker; a statement reported
            # inside another reported one ("She said the audit found that …") is a second attribution
            qs, qe = quote.evidence.start, quote.evidence.end
            if any(qs < e and qe > s and not self._may_absorb(quote, d)
                   for (s, e), d in ([] if nested else direct)):
                continue
            if any(qs < e and qe > s and not (s <= qs and qe <= e and (s, e) != (qs, qe) and _another(quote, q))
                   for s, e, q in taken):
                continue
            taken.append((quote.evidence.start, quote.evidence.end, quote))
            yield quote

    def _may_absorb(self, quote: Quote, direct: Quote) -> bool:
        """A reported statement that holds a whole direct quotation of the same speaker (or of none) and
        words of its own around it: "She said “the budget is sound” whenever the council asked" is one
        statement, the reported one; the quotation is part of its content (see ``absorb``)."""
        ev, dev = quote.evidence, direct.evidence
        if not (ev.start <= dev.start and dev.end <= ev.end) or quote.parts:
            return False
        if direct.speaker is not None and direct.speaker != quote.speaker:
            return False
        outside = [t for t in self.doc.char_span(ev.start, ev.end, alignment_mode="expand") or ()
                   if t.is_alpha and not self._marked_chars[t.idx] and not self._quoted_chars[t.idx]]
        return len(outside) >= _ABSORB_WORDS

    def _marks_after(self, verb: Token) -> bool:
        """Quotation marks in what follows the verb in its own phrase (a cheap test before the parse is read)."""
        end = verb.right_edge.idx + len(verb.right_edge.text)
        return not self._marked_chars[verb.idx] and any(self._marked_chars[verb.idx + len(verb.text) : end])

    def _quoted_act(self, verb: Token) -> Quote | None:
        """"The senator declared it “a great day for farmers”", "she vowed to end “the old regime”": a verb
        that is no listed cue, whose object or complement holds words in quotation marks, with a subject that
        can speak. The marks say that someone's own words are reported, whatever the verb. Titles in marks
        ("watched “Meet the Press”") are names, not words reported; a verb inside another statement is
        that statement's ("she said the mayor “lied” twice" is hers)."""
        if any(c.dep_ == _NEG for c in verb.children) or self._planned(verb):
            return None
        for anc in verb.ancestors:
            if is_reporting(anc) or is_object_cue(anc) or (anc.pos_ == "NOUN" and anc.lemma_.lower() in noun_cues()):
                return None
        subj = subject_of(verb)
        if subj is None or subj.i > verb.i or self._in_marks(subj) or self._inside_quote(subj) or not could_speak(subj):
            return None
        parts = [c for c in verb.children if c.i > verb.i and c.dep_ in _OBJECT_PARTS
                 and not (c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE_PREPS)]
        toks = sorted({t for c in parts for t in c.subtree}, key=lambda t: t.i)
        quoted = [t for t in toks if (t.is_alpha or t.like_num) and self._marked_chars[t.idx]]
        if not quoted or all(t.is_title or t.is_upper or not t.is_alpha or (t.is_lower and len(t) <= 3)
                             for t in quoted):
            return None  # "Meet the Press", "NBC": a title or a name
        span = self._content_span(toks, verb, min_words=1)
        if span is None:
            return None
        spk = self.resolver.resolve(subj)
        if spk is None or spk.type not in _ACTORS:
            return None  # "Kazakhstan faces the “dilemma”": a country's act, not someone's words
        spk = relative_mention(verb, spk)
        return _quote(self.doc, spk, verb, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_QUOTED_ACT, cue=verb.lemma_.lower(),
                      sentences=self.sentences)

    def _in_marks(self, tok: Token) -> bool:
        return bool(self._marked_chars[tok.idx])

    def _named_subject(self, tok: Token) -> bool:
        """A cue inside quotation marks whose own subject, inside the marks too, is a name: the inner
        speaker of a nested quote ("“My father told me Rosa Diaz said …”")."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return (subj is not None and subj.pos_ == "PROPN"
                and bool(self._marked_chars[subj.idx] or self._quoted_chars[subj.idx]))

    def labelled(self) -> Iterator[Quote]:
        """Paragraphs opening with a speaker label ("Pratt: Toll Plan Is a Tax on Commuters") whose
        rest is not a quotation already attributed."""
        for label in self.labels.values():
            end = label.content_end
            if sum(self._quoted_chars[label.content_start : end]) * 2 > end - label.content_start:
                continue  # a quotation: the direct quote carries it
            while end > label.content_start and self.text[end - 1] in ". ":
                end -= 1
            spk = self.resolver.resolve(label.head)
            if spk is None or end - label.content_start < 8:
                continue
            if spk.start < label.start or spk.end > label.end:  # resolved outside the label: keep the label
                mention = self.text[label.start : label.end]
                spk = Speaker(None, mention, label.start, label.end, None, 0.5, f"unnamed source {mention!r}")
            yield _quote(self.doc, spk, None, self.text[label.content_start : end], False,
                         evidence(self.doc, label.content_start, end, self.sentences), CONF_LABEL, cue="label",
                         sentences=self.sentences)

    def _said_that(self, verb: Token) -> Quote | None:
        if any(c.dep_ == _NEG for c in verb.children):
            return None
        subj, comps, own = self._statement_of(verb)
        if subj is None or not comps:
            return None
        toks = sorted(t for c in comps for t in c.subtree if t.i not in own)
        pieces = []
        words = [t for t in toks if not t.is_punct and not t.is_space]
        if own and words and words[0].i < min(own) < max(own) < words[-1].i:  # "The plan, she said, would …"
            pieces = [self._content_span([t for t in toks if t.i < min(own)], verb, min_words=1),
                      self._content_span([t for t in toks if t.i > max(own)], verb, min_words=1)]
            if None in pieces:
                return None
            span = (pieces[0][0], pieces[1][1])
        else:
            span = self._content_span(toks, verb)
        if span is None:
            return None
        topic = subject_of(comps[0]) if comps[0].i != verb.i else None
        spk = self.resolver.resolve(subj, topic) or _share(subj)
        if spk is None:
            return None
        spk = relative_mention(verb, spk)
        content = JOINER.join(self.text[a:b] for a, b in pieces) if pieces else self.text[span[0] : span[1]]
        quote = _quote(self.doc, spk, verb, content, False, evidence(self.doc, *span, self.sentences),
                       CONF_REPORTED, sentences=self.sentences)
        if quote is not None and pieces:
            quote = replace(quote, parts=tuple(evidence(self.doc, a, b, self.sentences) for a, b in pieces))
        return quote

    def _object_cue(self, verb: Token) -> Quote | None:
        """"X criticized the plan as reckless", "X called for an inquiry", passive "the plan was
        praised by X": the object and what completes it are the content."""
        if any(c.dep_ == _NEG for c in verb.children):
            return None
        if self._planned(verb):
            return None
        subj = subject_of(verb)
        toks: list[Token] = []
        if subj is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if subj is None:
                return None
            # the passive's subject is what was praised; what follows the agent is left out (one span)
            toks = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
        phrasal = object_cue_of(verb).split("_")[1:]
        cue = None
        for c in verb.children if not toks else ():
            mark = next((m for m in c.children if m.dep_ == "mark"), None) if c.dep_ == "advcl" else None
            if (mark is not None and mark.i == c.left_edge.i and c.i > verb.i
                    and f"{verb.lemma_.lower()} {mark.lower_}" in object_verbs()):
                # "is calling for the state to act", parsed as "for" marking an adverbial clause
                toks.extend(t for t in c.subtree if t.i != mark.i)
                cue = f"{verb.lemma_.lower()}_{mark.lower_}"
                continue
            if (c.dep_ == "advcl" and c.left_edge.lower_ == "to" and c.left_edge.i > verb.i
                    and any(t.dep_ == "dobj" and t.head.i == verb.i and t.right_edge.i + 1 == c.left_edge.i
                            for t in verb.children)):
                # "defended her plan to cut fares": the infinitive completes the object, though the
                # parser hangs it on the verb
                toks.extend(c.subtree)
                continue
            if c.i < verb.i or c.dep_ not in _OBJECT_PARTS:
                continue
            if c.dep_ == "prt" and c.lower_ in phrasal:
                continue  # "called out the mayor": the particle is part of the cue
            if c.dep_ == "prep" and c.lower_ in phrasal:
                toks.extend(t for g in c.children for t in g.subtree)  # "called for an inquiry": the inquiry
                continue
            if c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE_PREPS:
                continue  # "on Tuesday", "in a statement": when and where, not what
            toks.extend(c.subtree)
        if not toks or self._inside_quote(subj):
            return None
        span = self._content_span(sorted(set(toks)), verb, min_words=1)  # "endorsed Smith"
        if span is None:
            return None
        spk = self.resolver.resolve(subj)
        if spk is None:
            return None
        spk = relative_mention(verb, spk)
        return _quote(self.doc, spk, verb, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_OBJECT, cue=cue, sentences=self.sentences)

    @staticmethod
    def _passive_report(verb: Token) -> bool:
        """"The closure was first reported by the Gazette": a passive with an agent, of a verb whose object
        is the statement (quote_passive_verbs.txt)."""
        return (verb.tag_ == "VBN" and verb.lemma_.lower() in passive_verbs()
                and any(c.dep_ == "agent" for c in verb.children) and any(c.dep_ == "nsubjpass" for c in verb.children))

    @staticmethod
    def _planned(verb: Token) -> bool:
        """An infinitive under a verb that is no cue: a plan or a request, not something said yet ("the
        Senate will vote to confirm the nominee", "they asked her to make it clear")."""
        if verb.dep_ != _OPEN_CLAUSE or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return False
        return not is_reporting(verb.head) and not is_object_cue(verb.head)

    def _noun_cue(self, noun: Token) -> Quote | None:
        """"his claim that …", "the senator's criticism of the plan", "a statement by the ministry that …"."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        content: list[Token] = []
        for c in noun.children:
            if c.i < noun.i:
                continue
            if c.dep_ == "prep" and c.lower_ in ("by", "from") and owner is None:
                owner = next((g for g in c.children if g.dep_ == "pobj"), None)
            elif c.dep_ in ("acl", "ccomp") and not content:
                content = list(c.subtree)  # "claim that …", "promise to …"
            elif (c.dep_ == "prep" and c.lower_ in _NOUN_CONTENT_PREPS and not content
                  and "object" in noun_cues()[noun.lemma_.lower()]):
                content = [t for g in c.children if g.dep_ == "pobj" for t in g.subtree]
        if owner is None or not content or not (could_speak(owner) or owner.lower_ in ("his", "her", "their")):
            return None
        span = self._content_span(content, noun, min_words=1)
        if span is None:
            return None
        spk = self.resolver.resolve(owner)
        if spk is None:
            return None
        return _quote(self.doc, spk, None, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_NOUN, cue=noun.lemma_.lower(),
                      sentences=self.sentences)

    def _statement_of(self, verb: Token) -> tuple[Token | None, list[Token], set[int]]:
        """(speaker head, heads of the statement's clauses, token ids to leave out of the statement)."""
        subj = subject_of(verb)
        if subj is None:
            # "…, the press service of the president reported on Tuesday": parsed as a participle
            # modifying the speaker ("the service reported" = "the service that was reported")
            if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and self._closes(verb, verb.head):
                clause = verb.head.head
                while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                    clause = clause.head
                if clause.pos_ in ("VERB", "AUX") and clause.i < verb.head.i:
                    return verb.head, [clause], {t.i for t in verb.head.subtree}
            # "A Quinnipiac poll found last week that …": the speaker noun parsed as the sentence's root
            # with the reporting verb as its participle; the clause after the verb is the statement
            comps = [c for c in verb.children if c.dep_ in _CLAUSE and c.i > verb.i]
            if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i and comps:
                return verb.head, comps, set()
            # "About 4 in 10 say they …": the share parsed as a number modifying the verb, with no subject
            share = next((c for c in verb.children if c.dep_ in ("nummod", "npadvmod") and c.i < verb.i
                          and _share(c) is not None), None)
            if share is not None and comps:
                return share, comps, set()
            return None, [], set()
        comps = [c for c in verb.children if c.dep_ in _CLAUSE] or self._misattached_clause(verb)
        # "made clear that …": the clause hangs on the cue's adjective, which is no part of the statement
        cue_words = cue_of(verb).split("_")[1:]
        comps = [g for c in comps for g in (
            [x for x in c.children if x.dep_ in (*_CLAUSE, "csubj", "advcl") and x.i > c.i]
            if c.pos_ == "ADJ" and c.lower_ in cue_words else [c])]
        # the statement follows the verb ("said that …") or precedes it and its subject, set off by a
        # comma ("…, the president said"); a clause before a colon introduces the speaker instead
        right = [c for c in comps if c.i > verb.i]
        # "The new depot, the mayor said, would open in spring" parsed with the depot as a loose dependent
        # of "said" and a clause without a subject after it: the depot starts the statement
        lead = next((c for c in verb.children if c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN")
                     and c.right_edge.i + 1 < subj.left_edge.i and self.doc[c.right_edge.i + 1].text == ","), None)
        if right and lead is not None and not any(g.dep_ == _SUBJ for g in right[0].children):
            return subj, [lead, *right], set(range(lead.right_edge.i + 1, right[0].left_edge.i))
        comps = right or [c for c in comps if self._comma_after(c) and c.right_edge.i < subj.left_edge.i]
        if not comps and cue_of(verb).replace("_", " ") in proposal_verbs():
            comps = [c for c in verb.children if c.dep_ == _OPEN_CLAUSE and c.tag_ in ("VBG", "VB")]
        if not comps:
            # "He said legalizing it could create jobs": the parser hangs the clause on the gerund that
            # is its subject; a gerund after the verb with a clause of its own is the statement
            comps = [c for c in verb.children if c.dep_ == _OPEN_CLAUSE and c.tag_ == "VBG" and c.i > verb.i
                     and any(g.dep_ in _CLAUSE and g.i > c.i for g in c.children)]
        # "As the Post noted, Republicans control 30 states": the clause the "as" clause modifies is what
        # was said; the "as" clause has no object of its own (the main clause fills that gap)
        if (not comps and verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX")
                and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
                and not any(c.dep_ in ("dobj", "attr", "pobj", *_CLAUSE) for c in verb.children)):
            return subj, [verb.head], {t.i for t in verb.subtree}
        if not comps and (own := self._as_clause(verb, subj)):
            return subj, [self.sentences.of(verb).root], own
        # "The plan, the mayor said, would cost millions": an attribution set off by commas inside the
        # statement it attributes
        if (not comps and verb.dep_ in ("parataxis", "advcl", "ccomp", "conj") and verb.head.pos_ in ("VERB", "AUX")
                and self._parenthetical(verb, subj)):
            return subj, [verb.head], {t.i for t in verb.subtree}
        # "The Gazette reported, the council refused …": an opening attribution set off by a comma, parsed
        # as a complement of the statement's verb
        if (not comps and verb.dep_ == "ccomp" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i > verb.i
                and self._opens(verb, subj)):
            return subj, [verb.head], {t.i for t in verb.subtree} | {verb.right_edge.i + 1}
        # "X will cut flights, the carrier said": parsed as a clause coordinated with the statement
        if (not comps and verb.dep_ in ("conj", "parataxis") and verb.head.i < subj.i < verb.i
                and self._closes(verb, subj)):
            return subj, [verb.head], {t.i for t in verb.subtree}
        return subj, comps, set()

    @staticmethod
    def _misattached_clause(verb: Token) -> list[Token]:
        """"She said at a news conference that the plan would pass": the "that" clause hung by the parser as
        a relative clause of the noun before it. A relative clause has "that" as its subject or object; this
        one has "that" as a complementizer (mark) and a subject of its own, so it is the verb's statement."""
        for child in verb.children:
            if child.i < verb.i or child.dep_ not in _CARRIERS:
                continue
            for t in child.subtree:
                if (t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX")
                        and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == t.left_edge.i for m in t.children)
                        and any(g.dep_ in (_SUBJ, "nsubjpass") and g.i < t.i for g in t.children)):
                    return [t]
        return []

    def _as_clause(self, verb: Token, subj: Token) -> set[int]:
        """The token ids of an "As X reported," that opens its sentence (or a ", as X noted." that closes it)
        however the parser attached it; empty when there is none. The verb takes no object of its own."""
        doc, sent = self.doc, self.sentences.of(verb)
        first = subj.left_edge.i - 1
        while first > sent.start and first >= subj.i - 5 and doc[first].pos_ in ("PROPN", "DET", "ADJ", "NOUN"):
            first -= 1  # "As the Harbour Gazette reported" with "Harbour" parsed as the object of "As"
        if first < sent.start or doc[first].lower_ != "as" or not subj.i < verb.i:
            return set()
        if any(c.dep_ in ("dobj", "attr", *_CLAUSE) for c in verb.children):
            return set()
        last = verb.i
        while last + 1 < sent.end and last - verb.i < 5 and doc[last + 1].dep_ in _AS_TAIL:
            last += 1  # "As the Gazette reported on Tuesday, …"
        after = doc[last + 1] if last + 1 < sent.end else None
        if first == sent.start and after is not None and after.text == ",":
            return set(range(first, last + 2))
        closing = after is None or (after.is_punct and after.text in ".!?")
        if first > sent.start and doc[first - 1].text == "," and closing:
            return set(range(first - 1, last + 1))
        return set()

    def _parenthetical(self, verb: Token, subj: Token) -> bool:
        """Speaker and verb stand between two commas with the statement on both sides."""
        doc = self.doc
        first, last = min(subj.left_edge.i, verb.left_edge.i), verb.right_edge.i
        while first < subj.i and doc[first].is_punct:  # the parser may hang the commas on the verb
            first += 1
        while last > verb.i and doc[last].is_punct:
            last -= 1
        if first < 1 or last + 1 >= len(doc) or doc[first - 1].text != "," or doc[last + 1].text != ",":
            return False
        head = verb.head
        return head.left_edge.i < first - 1 and head.right_edge.i > last + 1 and subj.i < verb.i

    def _opens(self, verb: Token, subj: Token) -> bool:
        """The speaker and the verb open the sentence and a comma follows them: "The Gazette reported, …".
        The verb takes no object or clause of its own."""
        sent = self.sentences.of(verb)
        first, last = verb.left_edge.i, verb.right_edge.i
        while first < subj.i and self.doc[first].is_space:
            first += 1
        if first != sent.start or last + 1 >= sent.end or self.doc[last + 1].text != ",":
            return False
        return not any(c.dep_ in ("dobj", "attr", *_CLAUSE, _OPEN_CLAUSE) for c in verb.children)

    def _closes(self, verb: Token, subj: Token) -> bool:
        """The speaker and the verb close the sentence after a comma: ", the carrier said on Monday." """
        before = subj.left_edge.i - 1
        if before < 0 or self.doc[before].text != ",":
            return False
        rest = [t for t in self.doc[verb.i + 1 : self.sentences.of(verb).end] if not t.is_space]
        return all(t.is_punct or verb.is_ancestor(t) for t in rest) and not any(
            c.dep_ in (*_CLAUSE, _OPEN_CLAUSE) for c in verb.children)

    def _according(self, tok: Token, obj: Token) -> Quote | None:
        """"According to X, <statement>" / "<statement>, according to X": the clause the phrase modifies."""
        if tok.lower_ == "per" and not _per_source(obj):
            return None  # "1.50 dlrs per share", "per tonne FOB": a rate, not a source
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        while head.dep_ == "conj" and head.head.i < head.i and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "A rose, and B could follow, according to X": X said both
        phrase = {t.i for t in tok.subtree}
        clause = sorted(t for t in head.subtree if t.i not in phrase)
        if head.i == tok.i:  # "That's according to …" parsed with "according" as the verb
            part = [t for c in tok.children if c.i < tok.i for t in c.subtree]
        elif tok.i < head.i:
            part = [t for t in clause if t.i > max(phrase)]
        else:
            part = [t for t in clause if t.i < min(phrase)]
        anchor = tok
        if self._only_pointer(part):
            part = self._previous_sentence(tok)  # "That's according to the filings": what came before
            anchor = part[0] if part else tok
        span = self._content_span(part, anchor)
        if span is None:
            return None
        spk = self.resolver.resolve(obj)
        if spk is None and tok.lower_ == "according":  # "per graduate" is a rate, "according to" always a source
            spk = self._any_source(obj)
        if spk is None:
            return None
        return _quote(self.doc, spk, None, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_REPORTED, cue="according_to",
                      sentences=self.sentences)

    @staticmethod
    def _only_pointer(toks: list[Token]) -> bool:
        """The clause is nothing but a pointer back ("That's", "This is") to the sentence before."""
        words = [t for t in toks if not t.is_punct and not t.is_space]
        return (0 < len(words) <= 2 and words[0].lower_ in _POINTERS
                and all(t.lemma_ == "be" for t in words[1:]))

    def _previous_sentence(self, tok: Token) -> list[Token]:
        """The tokens of the sentence before ``tok``'s (it may close the paragraph before)."""
        sent = self.sentences.of(tok)
        if sent.start == 0:
            return []
        prev = self.sentences.of(self.doc[sent.start - 1])
        return [t for t in prev if not t.is_space]

    def _any_source(self, obj: Token) -> Speaker | None:
        """Whatever "according to" names is a source, even a noun no source list has ("according to a
        CNN tally", "according to state law"): a name inside it is who stands behind it, else the noun
        phrase is an unnamed source."""
        if obj.pos_ not in ("NOUN", "PROPN"):
            return None
        span = noun_phrase(obj)
        for t in span:
            if t.i != obj.i and (t.dep_ == "poss" or (t.dep_ == "compound" and t.pos_ == "PROPN")) and t.head == obj:
                found = self.resolver.resolve(t)
                if found is not None and found.name is not None:
                    return Speaker(found.name, span.text, span.start_char, span.end_char, found.type,
                                   round(found.confidence * 0.9, 2))
        return Speaker(None, span.text, span.start_char, span.end_char, None, 0.0,
                       reason=f"unnamed source {span.text!r}")

    @staticmethod
    def _closed_in(toks: list[Token]) -> bool:
        marks = [t.text for t in toks if t.text in _MARKS]
        return bool(marks) and (marks.count('"') % 2 == 1 or "”" in marks)

    @staticmethod
    def _opened_in(toks: list[Token]) -> bool:
        marks = [t.text for t in toks if t.text in _MARKS]
        return bool(marks) and (marks.count('"') % 2 == 1 or marks.count("“") > marks.count("”"))

    def _comma_after(self, clause: Token) -> bool:
        nxt = clause.right_edge.i + 1
        return nxt < len(self.doc) and self.doc[nxt].text in (",", "”", '"')

    def _content_span(self, toks: list[Token], anchor: Token, min_words: int = _MIN_WORDS) -> tuple[int, int] | None:
        # a statement never crosses a paragraph break, though spaCy's sentences sometimes do
        ps, pe = self._paragraph_of(anchor.idx)
        toks = [t for t in toks if not t.is_space and ps <= t.idx < pe]
        # nor does it include a wire dateline ("LONDON, June 2 (Reuters) - ")
        if toks:
            m = _DATELINE.match(self.text, toks[0].idx, toks[-1].idx)
            if m:
                toks = [t for t in toks if t.idx >= m.end()]
        # an "according to …" inside the statement is a second attribution, not part of what was said
        nested = {d.i for t in toks if source_phrase(t) is not None for d in t.subtree}
        if nested:
            toks = _longest_run([t for t in toks if t.i not in nested])
        # leading punctuation goes, except the opening mark of a partial quote ('that "thieves" had …')
        while toks and (toks[0].dep_ in ("mark", "cc") or toks[0].lower_ == "that" or (
                toks[0].is_punct and not (toks[0].text in _OPENERS + '"' and self._closed_in(toks[1:])))):
            toks = toks[1:]
        # trailing punctuation goes, except the closing mark of a partial quote the statement contains
        while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct) and not (
                toks[-1].text in "”\"’" and self._opened_in(toks[:-1])):
            toks = toks[:-1]  # "… any candidate, and": a conjunction left by a clause the parser split off
        words = [t for t in toks if t.is_alpha or t.like_num]
        if len(words) < min_words:
            return None
        end = toks[-1].idx + len(toks[-1].text)
        # the closing mark of a partial quote that ends the statement is attached elsewhere by the parser
        text = self.text
        start = toks[0].idx
        if self._closed_in(toks) and not self._opened_in(toks):
            # and so is the opening mark of a quotation that starts it: 'said “it is late” every time …'
            before = start
            while before > ps and text[before - 1] in " \t":
                before -= 1
            if before > ps and text[before - 1] in _OPENERS + '"':
                start = before - 1
        if self._opened_in(toks):
            if text[end : end + 1] in ("”", '"'):
                end += 1
            elif text[end : end + 1] in (".", ",", "!", "?") and text[end + 1 : end + 2] in ("”", '"'):
                end += 2  # 'had "given a lesson in democracy."' keeps the period typed inside the marks
        return start, end


def absorb(direct: list[Quote], reported: list[Quote]) -> tuple[list[Quote], list[Quote]]:
    """A direct quotation inside a reported statement of the same speaker is part of that statement:
    'Ortiz said “it is late” every time the bus came' is one attribution whose content holds the marks.
    The reported statement stays and the quotation goes when every part of the quotation lies inside it;
    when only one part of a quotation split by its attribution does, the quotation stays whole and the
    reported statement goes (the same words are never claimed twice)."""
    keep_direct, drop_reported = [], set()
    for d in direct:
        pieces = d.parts or (d.evidence,)
        fits = [i for i, r in enumerate(reported) if _compatible(r, d)]
        if any(_holds(reported[i], d.evidence) for i in fits):
            continue  # the whole quotation is in a reported statement: that statement carries it
        drop_reported.update(i for i in fits if any(_holds(reported[i], p) for p in pieces))
        keep_direct.append(d)
    return keep_direct, [r for i, r in enumerate(reported) if i not in drop_reported]


def _holds(quote: Quote, ev) -> bool:
    return quote.evidence.start <= ev.start and ev.end <= quote.evidence.end and not quote.parts


def _compatible(reported: Quote, direct: Quote) -> bool:
    return direct.speaker is None or direct.speaker == reported.speaker

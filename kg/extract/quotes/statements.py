"""The statement of a reporting verb: "X said (that) …" and the layouts the parser gives it — "As X noted, …",
"…, as X reported.", a parenthetical "The plan, X said, would …" (one statement in two parts), "The Gazette
reported, …", "…, the carrier said", "X made (it) clear that …", shares of those polled as speakers ("Six in 10
voters say …")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.extract.coref import Speaker, could_speak, noun_phrase
from kg.extract.quotes.according import _is_document
from kg.extract.quotes.common import _CLAUSE, _NEG, _OPEN_CLAUSE, _SUBJ, CONF_REPORTED, evidence
from kg.extract.quotes.cues import (
    SHARE,
    _quote,
    cue_of,
    is_object_cue,
    is_reporting,
    issue_verbs,
    proposal_verbs,
    relative_mention,
    share_words,
    stance_of,
    subject_of,
)
from kg.extract.quotes.merge import JOINER
from kg.records import Quote

# what may follow the verb of an "As X reported" clause before its comma: "… reported on Tuesday,"
_AS_TAIL = frozenset(("advmod", "prt", "npadvmod", "prep", "pobj", "det", "amod", "compound", "tmod"))
# the children of a reporting verb under which the parser may hang its "that" clause: "said at a briefing
# that …", "told a town hall that …", "said Friday that …"
_CARRIERS = frozenset(("prep", "dobj", "dative", "npadvmod", "advmod", "pobj"))


def _share(subj: Token) -> Speaker | None:
    """A share of those polled as the subject: "Six in 10 say …", "two out of three voters said …", "two of
    the three judges said …" (a number with "in"/"out of"/"of" after it), "55 percent of renters said …",
    "half said …", "a majority of tenants want …" (quote_source_shares.txt). An unnamed source: the poll or
    the group is named elsewhere, if at all."""
    if subj.lower_ in share_words() or subj.lemma_.lower() in share_words():
        pass
    elif subj.lemma_.lower() in ("percent", "%") or subj.text == "%":
        if not any(c.dep_ == "nummod" or c.like_num for c in subj.children):
            return None
    elif not subj.like_num:
        return None
    # "Six in 10" is also parsed with "Six" and "in" as quantity modifiers of "10"
    elif not [c for c in subj.children if (c.dep_ == "prep" or (c.dep_ == "quantmod" and c.i < subj.i))
              and c.lower_ in ("in", "out", "of")]:
        return None
    span = noun_phrase(subj)
    return Speaker(None, span.text, span.start_char, span.end_char, "Group", 0.0, reason=f"{SHARE} {span.text!r}")


# closing quotation marks as tokens
_CLOSING_MARKS = frozenset(("”", '"', "''"))
# the marks of a contrasting clause that may carry a second statement: "… prefer an outsider, while a third
# want experience"
_CONTRAST = frozenset(("while", "whereas"))


def _before_next_statement(toks: list[Token], verb: Token) -> list[Token]:
    """The statement's tokens up to a second statement at its end: "said the depot would close and said the
    council had no money", "half said the ferry should run at night, and a third said it should be free",
    "says he respects the mayor and calls her a fighter", "said he would publish it, calling it dull".
    The second cue has a speaker of its own (its own subject, or the first verb's) and makes its own
    attribution; it is no part of the first one's content."""
    if not toks:
        return toks
    last = toks[-1].i
    for t in toks:
        if t.i <= verb.i:
            continue
        speech, act = is_reporting(t), is_object_cue(t)
        # a negated act is no second statement ("said prices rose and did not fall"), except a speech verb
        # with a clause of its own: "said he would pray for the winner but did not say who it would be"
        if any(c.dep_ == _NEG for c in t.children) and not (
                speech and t.dep_ == "conj" and any(c.dep_ in _CLAUSE for c in t.children)):
            continue
        if not speech and not act:
            continue
        own = next((c for c in t.children if c.dep_ == _SUBJ and c.i < t.i), None)
        # "…, whereas a third would keep the old timetable": a contrast with a speaker of its own
        contrast = t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONTRAST for c in t.children)
        # "…, calling the repairs overdue": a participle after a comma, the speaker's own further act
        # (also after a quotation whose comma is typed inside the marks: 'has "grown the party," claiming …')
        participle = (t.dep_ == "advcl" and t.tag_ == "VBG" and t.left_edge.i == t.i and t.i > 0
                      and (t.doc[t.i - 1].text == "," or (t.i > 1 and t.doc[t.i - 1].text in _CLOSING_MARKS
                                                          and t.doc[t.i - 2].text == ",")))
        if t.right_edge.i < last and not (participle and speech):
            continue  # (a speech participle ends the statement however the parser hangs what follows it)
        if t.dep_ != "conj" and not contrast and not participle:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            continue  # "says the race is close and that he can understand the worry": one cue, two clauses
        clause = any(c.dep_ in _CLAUSE for c in t.children)
        if own is None and not participle and not clause and not (act and _has_object(t)):
            continue  # "said prices rose and fear more cuts": the second verb may be the statement's own
        if own is None:  # the speaker's further act, or the statement's subject's: its own attribution
            return [x for x in toks if x.i < t.left_edge.i]
        if could_speak(own) or _share(own) is not None:
            return [x for x in toks if x.i < t.left_edge.i]
    return toks


def _issuer(noun: Token) -> Token | None:
    """The subject of the verb of issuing (quote_issue_verbs.txt) whose object is ``noun``, through the
    prepositions between them ("posted a message on its website saying …"), when it can speak."""
    for _ in range(3):
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            break
        noun = noun.head.head
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return None
    verb = noun.head
    lemma = verb.lemma_.lower()
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if lemma not in issue_verbs() and f"{lemma} {prt}" not in issue_verbs():
        return None
    subj = subject_of(verb)
    return subj if subj is not None and could_speak(subj) else None


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "prep", "oprd") and c.i > verb.i for c in verb.children)


# verb forms the small model tags as the noun after a document noun: "…, county records show."
_FINDING_FORMS = {"show": "show", "shows": "show", "showed": "show", "found": "find", "suggest": "suggest",
                  "suggests": "suggest", "indicate": "indicate", "indicates": "indicate"}


class Statements:
    """Mixed into ``_Extractor``: needs ``doc``, ``text``, ``sentences``, ``resolver``, ``_content_span`` and
    ``_any_source``."""

    def _noun_finding(self, word: Token) -> Quote | None:
        """"The company lost 40 jobs, county payroll records show." / "Inspection logs from the port show that
        …": the small model reads "records show" as one noun phrase, so the verb is a noun right after the
        document's phrase. The statement is the clause before the comma (the phrase closes the sentence)
        or the "that" clause after it (the phrase opens the sentence)."""
        doc, sent = self.doc, self.sentences.of(word)
        nxt = word.i + 1
        if word.lower_ not in _FINDING_FORMS or nxt >= sent.end or word.i - 1 < sent.start:
            return None
        closing = doc[nxt].text in ".!?"
        if not closing and not (doc[nxt].lower_ == "that" and nxt + 1 < sent.end):
            return None
        first = word.i - 1
        while first - 1 >= sent.start and doc[first - 1].text != "," and word.i - first < 8:
            first -= 1
        while first < word.i and doc[first].is_space:
            first += 1
        mention = doc[first : word.i]
        if not any(_is_document(t) for t in mention) or not _is_document(doc[word.i - 1]) and not any(
                t.lower_ in ("from", "by", "of") for t in mention):
            return None  # "the ferry's log shows", "files from the vendor show"; not "the talk show"
        if closing:
            if first - 1 <= sent.start or doc[first - 1].text != ",":
                return None
            part = list(doc[sent.start : first - 1])
        else:
            if first != sent.start:
                return None
            part = list(doc[nxt + 1 : sent.end])
        span = self._content_span(part, word)
        if span is None:
            return None
        if mention[0].lower_ in ("the", "a", "an"):
            mention = mention[1:]
        named = next((t for t in mention if t.ent_type_ and t.pos_ == "PROPN"), None)
        spk = self.resolver.resolve(named) if named is not None else None
        name = spk.name if spk is not None else None
        found = Speaker(name, mention.text, mention.start_char, mention.end_char, spk.type if spk else None,
                        round(spk.confidence * 0.9, 2) if spk else 0.0,
                        reason=None if name else f"unnamed source {mention.text!r}")
        return _quote(doc, found, None, self.text[span[0] : span[1]], False, evidence(doc, *span, self.sentences),
                      CONF_REPORTED, cue=_FINDING_FORMS[word.lower_], sentences=self.sentences)

    def _document(self, subj: Token) -> Speaker | None:
        """A document as the subject of a reporting verb: "The port's annual statistics show that …",
        "…, county payroll records show." The name inside it is who stands behind it ("a Harbour Institute
        poll"), else the document is an unnamed source."""
        return self._any_source(subj) if _is_document(subj) else None

    def _said_that(self, verb: Token) -> Quote | None:
        if any(c.dep_ == _NEG for c in verb.children):
            return None
        subj, comps, own = self._statement_of(verb)
        if subj is None or not comps:
            return None
        toks = _before_next_statement(sorted(t for c in comps for t in c.subtree if t.i not in own), verb)
        pieces = []
        words = [t for t in toks if not t.is_punct and not t.is_space]
        while words and words[0].dep_ in ("cc", "mark") and own and words[0].i < min(own):
            words = words[1:]  # "But as the mayor noted, …": an opening conjunction is no first part
        if own and words and words[0].i < min(own) < max(own) < words[-1].i:  # "The plan, she said, would …"
            pieces = [self._content_span([t for t in toks if t.i < min(own)], verb, min_words=1),
                      self._content_span([t for t in toks if t.i > max(own)], verb, min_words=1)]
            if None in pieces:
                return None
            span = (pieces[0][0], pieces[1][1])
        else:
            span = self._content_span(toks, verb)
            if span is not None:  # a quotation the clause opens ends at its closing mark
                span = self._quotation_end(*span, self._paragraph_of(verb.idx)[1])
        if span is None:
            return None
        topic = subject_of(comps[0]) if comps[0].i != verb.i else None
        spk = _share(subj) or self.resolver.resolve(subj, topic) or self._document(subj)
        if spk is None:
            return None
        spk = relative_mention(verb, spk)
        content = JOINER.join(self.text[a:b] for a, b in pieces) if pieces else self.text[span[0] : span[1]]
        quote = _quote(self.doc, spk, verb, content, False, evidence(self.doc, *span, self.sentences),
                       CONF_REPORTED, sentences=self.sentences)
        if quote is not None and pieces:
            quote = replace(quote, parts=tuple(evidence(self.doc, a, b, self.sentences) for a, b in pieces))
        return quote

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
            # "The mayor released a statement saying …", "she sent an email to staff saying …": the
            # participle on the object of a verb of issuing; whoever issued it is the speaker
            if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and comps:
                issuer = _issuer(verb.head)
                if issuer is not None:
                    return issuer, comps, set()
            # "a new poll showing that most tenants …", "emails showing that …": a document's finding,
            # the participle after the document noun
            if (verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and comps
                    and _is_document(verb.head)):
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
        # (not a bare opening attribution: in "The Gazette reported, the firm refused to pay" the firm's
        # refusal is what the Gazette reported, not the other way round)
        comps = right or [c for c in comps if self._comma_after(c) and c.right_edge.i < subj.left_edge.i
                          and not self._bare_attribution(c)]
        if not comps and cue_of(verb).replace("_", " ") in proposal_verbs():
            comps = [c for c in verb.children if c.dep_ == _OPEN_CLAUSE and c.tag_ in ("VBG", "VB")]
            # "refused to say whether …", "declined to concede that …": a refusal is a statement when what
            # is refused is itself saying something; "refused to serve the card" is an act
            if stance_of(cue_of(verb)) == "denies":
                comps = [c for c in comps if is_reporting(c) or is_object_cue(c)]
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
    def _bare_attribution(clause: Token) -> bool:
        """A reporting verb with a subject and nothing it says: "The Gazette reported," before a statement (not
        "The county has agreed to take in 200 families, officials said": the infinitive is what was agreed)."""
        return (is_reporting(clause) and subject_of(clause) is not None
                and not any(c.dep_ in ("dobj", "attr", "dative", _OPEN_CLAUSE, *_CLAUSE) for c in clause.children))

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
        # "And as the Gazette reported, …": a conjunction before the clause still lets it open the sentence
        opens = first == sent.start or (first - 1 == sent.start and doc[sent.start].pos_ == "CCONJ")
        if opens and after is not None and after.text == ",":
            return set(range(first, last + 2))
        closing = after is None or (after.is_punct and after.text in ".!?")
        if first > sent.start and doc[first - 1].text == "," and closing:
            return set(range(first - 1, last + 1))
        return set()

    def _parenthetical(self, verb: Token, subj: Token) -> bool:
        """Speaker and verb stand between two commas with the statement on both sides -- not a clause of time or
        reason set off the same way ("Later, after the interview concluded, she said …")."""
        doc = self.doc
        if any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children):
            return False
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

    def _comma_after(self, clause: Token) -> bool:
        nxt = clause.right_edge.i + 1
        return nxt < len(self.doc) and self.doc[nxt].text in (",", "”", '"')


"""Attributions whose content is no clause: object cues ("X criticized the plan as reckless", "X called for an
inquiry", passive "the plan was praised by X"), noun cues ("his claim that …", "the senator's criticism of the
plan") and verbs of any kind with words in quotation marks in their object ("declared it “a great day”")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import could_speak
from kg.extract.quotes.according import _is_document
from kg.extract.quotes.common import _NEG, _OPEN_CLAUSE, evidence
from kg.extract.quotes.cues import (
    _quote,
    estimate_verbs,
    is_object_cue,
    is_reporting,
    noun_cues,
    object_cue_of,
    object_verbs,
    passive_verbs,
    provision_verbs,
    relative_mention,
    stance_of,
    subject_of,
)
from kg.extract.quotes.statements import _before_next_statement, _share
from kg.records import Quote

# the children of an object cue that carry what was criticised, praised or asked for
_OBJECT_PARTS = ("dobj", "oprd", "prep", "attr", "dative", "acomp", "xcomp", "ccomp", "prt")
# prepositions that usually give the circumstances of the act, not its content
_CIRCUMSTANCE_PREPS = frozenset(("in", "on", "at", "during", "after", "before", "since", "while", "at", "from", "via"))
CONF_OBJECT = 0.75
CONF_NOUN = 0.65
CONF_QUOTED_ACT = 0.6
# who can be reported through marks with any verb: people and organisations (a country or a group "faces"
# or "launches" things; its words come with a speech cue)
_ACTORS = frozenset(("Person", "Organization", "Company", "GovernmentBody", "MediaOutlet", "FinancialInstitution"))
# the prepositions after a noun cue whose object is the content ("criticism of the plan", "support for X")
_NOUN_CONTENT_PREPS = frozenset(("of", "for", "on", "about", "against", "to"))
# possessive pronouns that take up the subject of the clause the noun cue sits in ("Ruiz repeated her promise
# to …": the promise is Ruiz's), by number
_OWN_SINGULAR = frozenset(("his", "her"))
_OWN_PLURAL = frozenset(("their",))
# how a noun cue hangs under the verb whose subject owns it: "repeated [his promise]", "spoke about [his plan]"
_OWNED_VIA = frozenset(("dobj", "pobj", "prep", "nsubjpass", "attr"))
# linking verbs report no words, whatever marks their complement holds: "she became the first to buy a
# “promoted” post", "the motto remains “Forward”"
_LINKING = frozenset(("be", "become", "remain", "seem"))


# how the parser hangs an attribution set inside the statement it attributes ("Ortiz, Lane said, has …")
_ASIDE_CUES = frozenset(("parataxis", "ccomp", "advcl"))
# the marks that set off an aside: "attacked Jo Smith, a rival of many years"
_ASIDE_MARKS = frozenset((",", "—", "–", "-", "("))


def _without_aside(toks: list[Token]) -> list[Token]:
    """The object without a relative clause or apposition set off at its end ("criticized the mayor, who
    had left early", "backed Jo Smith — a former rival"): the writer's aside, not what was criticised."""
    if not toks:
        return toks
    last = toks[-1].i
    ids = {t.i for t in toks}
    for t in toks:
        if (t.dep_ in ("relcl", "appos") and t.right_edge.i >= last and t.left_edge.i - 1 in ids
                and t.doc[t.left_edge.i - 1].text in _ASIDE_MARKS and t.left_edge.i - 1 > toks[0].i):
            return [x for x in toks if x.i < t.left_edge.i - 1]
    return toks


class ObjectCues:
    """Mixed into ``_Extractor``: needs ``doc``, ``text``, ``sentences``, ``resolver``, the mark maps,
    ``_inside_quote``, ``_in_marks`` and ``_content_span``."""

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
        if any(c.dep_ == _NEG for c in verb.children) or self._planned(verb) or verb.lemma_.lower() in _LINKING:
            return None
        for anc in verb.ancestors:
            if is_reporting(anc) or is_object_cue(anc) or (anc.pos_ == "NOUN" and anc.lemma_.lower() in noun_cues()):
                return None
        if any(c.dep_ in _ASIDE_CUES and is_reporting(c) and any(g.dep_ == "nsubj" for g in c.children)
               for c in verb.children):
            return None  # "Ortiz, Lane said, has built a “fortress”": the marks hold Lane's words about Ortiz
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
        span = self._quotation_end(*span, self._paragraph_of(verb.idx)[1], embedded=True)
        spk = self.resolver.resolve(subj)
        if spk is None or spk.type not in _ACTORS:
            return None  # "Kazakhstan faces the “dilemma”": a country's act, not someone's words
        spk = relative_mention(verb, spk)
        return _quote(self.doc, spk, verb, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_QUOTED_ACT, cue=verb.lemma_.lower(),
                      sentences=self.sentences)

    def _object_cue(self, verb: Token) -> Quote | None:
        """"X criticized the plan as reckless", "X called for an inquiry", passive "the plan was
        praised by X": the object and what completes it are the content."""
        if any(c.dep_ == _NEG for c in verb.children):
            return None
        if self._planned(verb) or _refused(verb):
            return None
        subj = subject_of(verb)
        toks: list[Token] = []
        if subj is None:
            # "About two-thirds of voters support …": the share parsed as a number modifying the verb
            subj = next((c for c in verb.children if c.dep_ in ("nummod", "npadvmod") and c.i < verb.i
                         and _share(c) is not None), None)
        if subj is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if subj is None:
                return None
            # the passive's subject is what was praised; what follows the agent is left out (one span)
            toks = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
        phrasal = object_cue_of(verb).split("_")[1:] + (["at"] if self._estimate(verb) else [])
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
        toks = _without_aside(_before_next_statement(sorted(set(toks)), verb))
        if _lone_pronoun(toks):
            return None
        span = self._content_span(toks, verb, min_words=1)  # "endorsed Smith"
        if span is None:
            return None
        span = self._quotation_end(*span, self._paragraph_of(verb.idx)[1], embedded=True)
        spk = _share(subj) or self.resolver.resolve(subj) or self._document(subj)
        if spk is None:
            return None
        spk = relative_mention(verb, spk)
        return _quote(self.doc, spk, verb, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_OBJECT, cue=cue, sentences=self.sentences)

    @staticmethod
    def _provision(verb: Token) -> bool:
        """"The bill bans tolls on the old bridge", "the plan calls for …": a verb of quote_provision_verbs.txt
        whose subject is a document (a law, a plan, a register) states that document's content."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in provision_verbs():
            return False
        subj = subject_of(verb)
        return subj is not None and _is_document(subj)

    @staticmethod
    def _estimate(verb: Token) -> bool:
        """"Police put the crowd at 2,000": a verb of quote_estimate_verbs.txt with an object and a number
        after "at"."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in estimate_verbs():
            return False
        if not any(c.dep_ == "dobj" for c in verb.children):
            return False
        return any(c.dep_ == "prep" and c.lower_ == "at" and any(t.like_num for t in c.subtree)
                   for c in verb.children)

    @staticmethod
    def _passive_report(verb: Token) -> bool:
        """"The closure was first reported by the Gazette": a passive with an agent, of a verb whose object
        is the statement (quote_passive_verbs.txt)."""
        return (verb.tag_ == "VBN" and verb.lemma_.lower() in passive_verbs()
                and any(c.dep_ == "agent" for c in verb.children) and any(c.dep_ == "nsubjpass" for c in verb.children))

    @staticmethod
    def _planned(verb: Token) -> bool:
        """An infinitive under a verb that is no cue: a plan or a request, not something said yet ("the
        board plans to approve the merger", "they asked her to make it clear")."""
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
        if owner is None or not content or not (could_speak(owner) or owner.lower_ in _OWN_SINGULAR | _OWN_PLURAL):
            return None
        if _lone_pronoun(content):
            return None
        owner = _clause_subject(noun, owner) or owner
        span = self._content_span(content, noun, min_words=1)
        if span is None:
            return None
        spk = self.resolver.resolve(owner)
        if spk is None:
            return None
        return _quote(self.doc, spk, None, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_NOUN, cue=noun.lemma_.lower(),
                      sentences=self.sentences)


def _clause_subject(noun: Token, owner: Token) -> Token | None:
    """The subject of the clause a noun cue with a possessive pronoun sits in, when the pronoun takes it up:
    "Ruiz repeated her promise to …", "He announced his support for …" -- the subject is the mention that
    names the source (the pronoun only points back to it). Number must agree ("their" for a plural)."""
    low = owner.lower_
    if low not in _OWN_SINGULAR | _OWN_PLURAL:
        return None
    tok = noun
    for _ in range(4):  # up through "about [his plan]", "[his support] for …" to the verb
        if tok.dep_ not in _OWNED_VIA or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject_of(tok)
    if subj is None or subj.i > noun.i or not could_speak(subj) or subj.lower_ in ("it", "who", "which", "that"):
        return None
    plural = subj.tag_ in ("NNS", "NNPS") or subj.lower_ in ("they", "we")
    return subj if plural == (low in _OWN_PLURAL) else None


def _lone_pronoun(toks: list[Token]) -> bool:
    """The content is one personal pronoun ("his criticism of her", "endorsed him"): whom the act was about,
    no claim a reader could check (on PolNeAR dev such contents were two-thirds false attributions)."""
    words = [t for t in toks if not t.is_punct]
    return len(words) == 1 and words[0].tag_ == "PRP"


def _refused(verb: Token) -> bool:
    """An act under a verb of refusal is one not done: "declined to criticize the plan", "refused to endorse
    Ortiz" (the refusal is the attribution, stance "denies"; quote_stance.tsv)."""
    # (the small model hangs the infinitive as an adverbial clause after "declined at first to …")
    if verb.dep_ not in (_OPEN_CLAUSE, "advcl") or verb.head.i == verb.i or verb.head.i > verb.i:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return stance_of(object_cue_of(verb.head), verb.head) == "denies" or stance_of(verb.head.lemma_.lower()) == "denies"

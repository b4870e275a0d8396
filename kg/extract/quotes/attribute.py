"""Who a direct quotation is attributed to: the rest of its sentence ("…,” he said"), a lead-in before the
marks ("He wrote: “…"), a speaker label, the sentence before or after (a mixin of ``DirectQuotes``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import Speaker, could_speak
from kg.extract.quotes.common import (
    _CLAUSE,
    _DASHES,
    _MARK_TOKENS,
    _NEG,
    _TERMINAL,
    CONF_DASH,
    CONF_NEIGHBOUR,
    CONF_RECOVERED,
    CONF_SAME_SENTENCE,
)
from kg.extract.quotes.cues import (
    _according_to,
    _Attribution,
    _attribution,
    _attribution_only,
    is_reporting,
    noun_cues,
    subject_of,
)
from kg.extract.quotes.marks import Quoted

# a verb right after a quotation's closing comma, before its subject ("…,” read the email): finite, or
# tagged as a base form by the small model
_FINITE = ("VBD", "VBZ", "VBP", "VB")

# how the small model hangs a participle on the verb it completes ("is shown lecturing", "was heard shouting")
_COMPLETING = ("xcomp", "oprd", "advcl", "ccomp", "dobj")

# pronouns that stand for a person who speaks ("she turned to the crowd: “…”")
_SPEAKING_PRONOUNS = frozenset(("he", "she", "i", "we", "they"))


class DirectAttribution:
    """Attribution of direct quotations to their speakers."""

    def _attribute(self, q: Quoted) -> tuple[_Attribution | Speaker | None, float]:
        if q.attribution is not None:  # found while repairing the marks
            return q.attribution, CONF_RECOVERED
        text = self.text
        # 1. the rest of the sentence after the closing mark: "…,” he said." / "…” — Tokayev"
        if q.close is not None:
            after = self._after_frame(q)
            if after and self._ends_sentence(q) and after[0].text not in _DASHES and (
                    _attribution_only(after) is None or after[-1].text not in _TERMINAL):
                # “… for fees.” Asked about it, Trump replied, “…”: the full stop inside the marks ended
                # the sentence, so what follows attributes the next quotation, not this one
                after = []
            words = [t for t in after if not t.is_punct]
            dash = None
            if after and after[0].text in _DASHES and words and words[0].pos_ == "PROPN":
                dash = words[0]
                while dash.dep_ in ("compound", "flat") and dash.head in after:
                    dash = dash.head
            # "…,” asked the boy, …, as the audience laughed": an inverted verb right after the marks first
            inverted = self._after_subject(q, after) if after and (
                is_reporting(after[0]) or after[0].tag_ in _FINITE) else None
            # then the subject that opens the frame ("“…,” Ortiz, the front-runner after …, said when Lane
            # asked him"), before any other attribution further on in it
            att = inverted or self._after_subject(q, after)
            if att is None and not (after and after[0].pos_ == "CCONJ"):
                # (a clause coordinated after the marks is a second act with a statement of its own: 'She
                # hailed “A fine night!” and said her staff would go on' -- the staff say nothing)
                att = _attribution(after) or _according_to(after)
            if att is not None:
                return att, CONF_SAME_SENTENCE
            if dash:
                return _Attribution(None, dash), CONF_DASH
        # 2. a speaker label opening the paragraph: "Olsen: “We will fight it.”"
        label = self.labels.get(q.para_start)
        if label is not None and q.open is not None and label.content_start == self._mark_start(q):
            return _Attribution(None, label.head, cue="label"), CONF_SAME_SENTENCE
        # 3. the text before the opening mark: "He wrote: “…" / "Tokayev said, “…"
        if q.open is not None:
            before = self._before_frame(q)
            if before and self._short(q):
                # a chant or a shout: only the verb right before the marks says who ("a man yelled “Go!”")
                return self._shouted_by(before), CONF_SAME_SENTENCE
            if before:
                lead = text[before[0].idx : self._mark_start(q)].rstrip()
                dash_label = self._dash_label(before, lead)
                if dash_label is not None:
                    return dash_label, CONF_SAME_SENTENCE
                att = _attribution(before, nearest_last=True) or _according_to(before)
                if att is not None and (lead[-1:] in ":," + _DASHES or is_reporting(before[-1])):
                    return att, CONF_SAME_SENTENCE
                lead_in = self._lead_in(q, before, lead) or self._participle_lead_in(before)
                if lead_in is not None:
                    return lead_in
        # 4. the sentence before: "He noted that …" / the first half of a split quote
        prev = self._neighbour_sentence(q.start, before=True, cross_paragraph=self._starts_paragraph(q))
        if prev is not None:
            inherited = self._quote_speaker_in(prev.start_char, prev.end_char)
            if inherited is not None:
                return inherited, CONF_NEIGHBOUR
            att = _attribution(self._outside(list(prev)), nearest_last=True)
            if att is not None and (self._same_paragraph(prev.end_char, q.start) or self._introduces(prev)):
                return att, CONF_NEIGHBOUR
            presented = self._presented_by(q, prev)
            if presented is not None:
                return presented, CONF_NEIGHBOUR
        # 5. the sentence after, in the same paragraph
        nxt = self._neighbour_sentence(q.end, before=False, cross_paragraph=False)
        if nxt is not None and nxt.start_char < q.para_end:
            att = _attribution(self._outside(list(nxt)))
            if att is not None:
                return att, CONF_NEIGHBOUR
        return None, 0.0

    def _after_subject(self, q: Quoted, after: list[Token]) -> _Attribution | None:
        """A quotation that ends with a comma, "?" or "!" inside its marks goes on with who said it, whatever
        the verb: "“Sit down,” Alvarez barked", "“Sit down,” barked Alvarez". When the parser found no
        subject for a reporting verb there ("“…,” council member Gomez, wearing a badge, said"), the name
        right after the closing mark is the speaker."""
        if self.text[q.start : q.close].rstrip()[-1:] not in ",?!" or not after:
            return None
        ids = {t.i for t in after}
        # "…,” opined the paper': only speech verbs invert with their subject after a quotation
        inverted = after[0].pos_ == "VERB" and after[0].tag_ in _FINITE
        verb = (after[0] if inverted else None) or next((t for t in after if is_reporting(t)), None) or next(
            (t for t in after if t.pos_ == "VERB"), None)
        if verb is None or any(c.dep_ == _NEG and c.i in ids for c in verb.children):
            return None
        subj = subject_of(verb)
        if subj is None and verb.dep_ in ("acl", "relcl") and verb.head.i in ids and verb.head.i < verb.i:
            # "“…?” the retired teacher asked in …": the small model hangs the verb on the noun before it
            # ("the teacher [who was] asked"); that noun is the verb's subject
            subj = verb.head
        if subj is not None and subj.i in ids:
            # the subject opens the frame ("Alvarez barked") or follows the verb that opens it ("barked Alvarez")
            placed = subj.left_edge.i == after[0].i or (verb.i == after[0].i and subj.i > verb.i)
            if placed and could_speak(subj):
                return _Attribution(verb, subj)
            # “…,” the retired surgeon told the paper: any noun in that place with a reporting verb
            if placed and is_reporting(verb) and subj.pos_ == "NOUN":
                return _Attribution(verb, subj, cue="unnamed")
            return None
        if (subj is None or subj.i not in ids) and verb.i == after[0].i and (inverted or is_reporting(verb)):
            # “…,” said master of ceremonies Al-Tabchi, …: the parser made the speaker the verb's object
            obj = next((c for c in verb.rights if c.pos_ in ("PROPN", "NOUN") and c.dep_ in (
                "dobj", "attr", "npadvmod", "dep", "oprd", "nsubjpass")), None)
            if obj is not None and obj.i in ids and (could_speak(obj) or obj.pos_ == "NOUN"):
                return _Attribution(verb, obj, cue=None if could_speak(obj) else "unnamed")
        if subj is None or subj.i not in ids:
            # (any verb when it follows the name straight away: "“…,” Ortiz barked", the parser having made
            # the name a compound of the verb)
            name = next((t for t in after if t.i < verb.i and t.pos_ == "PROPN"), None)
            if name is not None and name.i - after[0].i <= 3 and (is_reporting(verb) or name.i + 1 == verb.i):
                while name.dep_ in ("compound", "flat") and name.head.i in ids and name.head.pos_ == "PROPN":
                    name = name.head
                if could_speak(name):
                    return _Attribution(verb, name)
        return None

    def _lead_in(self, q: Quoted, before: list[Token], lead: str) -> tuple[_Attribution, float] | None:
        """Lead-ins to a quotation that name its speaker without the "X said" order:

        - a passive reporting verb names the speaker as its agent: "The mayor was asked by a radio host,
          “Why …?”" (the host asks; "was quoted by …" keeps its subject and is left to the cue code);
        - the verb comes first: "Continued Ortiz: “…”", "Added the senator, “…”";
        - a colon after a clause whose subject is a person introduces what that person says: "Becker
          turned to the crowd and boomed: “Let us build it.”", and so does a comma after nothing but the
          person and a verb: "She answered, “…”" -- only for a whole sentence in the marks.
        """
        if lead[-1:] not in ":,":
            return None
        ids = {t.i for t in before}
        words = [t for t in before if not t.is_punct]
        commas = [k for k, t in enumerate(before) if t.text == ","]
        label = [t for t in before[commas[-1] + 1 if commas else 0 :] if not t.is_punct]
        if lead[-1:] == ":" and label and all(t.pos_ == "PROPN" for t in label) and len(label) <= 4:
            # … Bush: “The mission is …” -- a speaker label inside a paragraph (a debate, a feed)
            head = label[-1]
            if could_speak(head) and not _dateline_word_run(label):
                return _Attribution(None, head, cue="label"), CONF_SAME_SENTENCE
        # "Here's the governor in 2009: “…”", "Here is Ortiz on taxes: “…”": the person presented speaks
        if (lead[-1:] == ":" and len(label) >= 3 and label[0].lower_ == "here"
                and label[1].lower_ in ("'s", "’s", "is")):
            shown = next((t for t in label[2:] if t.dep_ in ("attr", "nsubj", "dobj", "appos")
                          and could_speak(t) and t.ent_type_ not in ("DATE", "TIME")), None)
            if shown is not None:
                return _Attribution(None, shown, cue="label"), CONF_SAME_SENTENCE
        for tok in before:
            if is_reporting(tok) and tok.lemma_.lower() != "quote" and any(c.dep_ == "auxpass" for c in tok.children):
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                if obj is not None and obj.i in ids and could_speak(obj):
                    return _Attribution(tok, obj), CONF_SAME_SENTENCE
        # "In a statement to the Gazette, her adviser, Jo Lane, said: “…”": the parser hung the name on the noun
        # before it and left the verb that ends the lead-in without a subject; the name right before it speaks
        verb = words[-1] if words else None
        if (verb is not None and is_reporting(verb) and verb.tag_ in ("VBD", "VBZ") and subject_of(verb) is None
                and verb.i >= 2):
            name = verb.nbor(-1) if verb.nbor(-1).text != "," else verb.nbor(-2)
            if name.i in ids and name.pos_ == "PROPN" and name.ent_type_ == "PERSON" and could_speak(name):
                return _Attribution(verb, name), CONF_SAME_SENTENCE
        if len(words) >= 2 and is_reporting(words[0]) and words[0].tag_ in ("VBD", "VBZ", "VBP", "VBN"):
            rest = words[1:]
            rest_ids = {t.i for t in rest}
            heads = [t for t in rest
                     if t.pos_ in ("PROPN", "NOUN", "PRON") and (t.head.i not in rest_ids or t.head.i == t.i)]
            if heads and not any(t.pos_ in ("VERB", "AUX") for t in rest) and could_speak(heads[-1]):
                return _Attribution(words[0], heads[-1]), CONF_SAME_SENTENCE
        for tok in before:
            # "As the prosecutor put it, “…”", "as the band sang, “…”": the subject of an "as" clause
            if tok.lower_ == "as" and tok.dep_ == "mark" and tok.head.pos_ == "VERB" and tok.head.i in ids:
                subj = subject_of(tok.head)
                if subj is not None and subj.i in ids and could_speak(subj) and lead[-1:] == ",":
                    return _Attribution(tok.head, subj), CONF_SAME_SENTENCE
            # "X drew boos upon saying, “…”": a reporting gerund after a preposition speaks for the clause's subject
            if (is_reporting(tok) and tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.dep_ == "prep"
                    and tok.i == words[-1].i):
                subj = subject_of(tok.head.head) if tok.head.head.pos_ in ("VERB", "AUX") else None
                if subj is not None and subj.i in ids and could_speak(subj):
                    return _Attribution(tok, subj), CONF_SAME_SENTENCE
        first = next((c for c in self.text[q.start : q.end] if c.isalpha()), "")
        if not (self._whole_sentence(q) or (lead[-1:] == "," and first.isupper())):
            return None
        # (a copula too before a colon: "The board was firm in its ruling: “…”")
        kinds = ("VERB", "AUX") if lead[-1:] == ":" else ("VERB",)
        verbs = [t for t in before if t.pos_ in kinds and (t.head.i not in ids or t.head.i == t.i or t.dep_ == "conj")]
        for verb in verbs:
            subj = subject_of(verb)
            if subj is None or subj.i not in ids or not could_speak(subj):
                continue
            if lead[-1:] == "," and not self._only_subject_and_verb(words, subj, verb):
                continue  # "She answered, “…”" yes; "When he arrived at the hall, “…”" no
            spk = self.resolver.resolve(subj)
            # (after a colon an organisation too: "The election board was firm in its ruling: “…”")
            speakers = ("Person", "Organization") if lead[-1:] == ":" else ("Person",)
            if spk is not None and (spk.type in speakers or subj.lower_ in _SPEAKING_PRONOUNS):
                return _Attribution(verb, subj), CONF_NEIGHBOUR
        return None

    @staticmethod
    def _dash_label(before: list[Token], lead: str) -> _Attribution | None:
        """ "Pollsters were split - Dana Wills: “…”": a live blog names the source it quotes after a dash and
        before a colon; that name, not a clause before the dash, is the speaker."""
        if lead[-1:] != ":":
            return None
        dashes = [k for k, t in enumerate(before) if t.is_punct and t.text in ("-", "--", "—", "–", "―")
                  and (t.whitespace_ or (t.i > 0 and t.nbor(-1).whitespace_))]
        if not dashes:
            return None
        label = [t for t in before[dashes[-1] + 1 :] if not t.is_punct]
        # two sources named together ("- Dana Wills and Ray Ortiz:"): each name at most four words
        names = [t for t in label if t.lower_ not in ("and", "&")]
        if (not label or len(names) > 8 or len(label) - len(names) > 1
                or label[0] not in names or label[-1] not in names):
            return None
        if len(names) > 4 and len(names) == len(label):
            return None
        if _dateline_word_run(label) or not all(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in names):
            return None
        # two names: the first is the speaker, as in a paragraph label ("Dana Wills and Ray Ortiz: “…”")
        first = next((k for k, t in enumerate(label) if t.lower_ in ("and", "&")), len(label))
        speaker = label[first - 1]
        return _Attribution(None, speaker, cue="label") if could_speak(speaker) else None

    def _shouted_by(self, before: list[Token]) -> _Attribution | None:
        """The speaker of a short shout: the subject of the reporting verb right before the marks, or the
        noun the parser hung that verb on ("a man yelled “Go!”" read as "a man [who] yelled")."""
        words = [t for t in before if t.text not in ",:"]
        verb = words[-1] if words else None
        if verb is None or not is_reporting(verb):
            return None
        subj = subject_of(verb)
        if subj is None and verb.dep_ in ("acl", "relcl") and verb.head.i < verb.i:
            subj = verb.head
        if subj is None or subj.i >= verb.i or self._inside_quote(subj) or not could_speak(subj):
            return None
        return _Attribution(verb, subj)

    def _participle_lead_in(self, before: list[Token]) -> tuple[_Attribution, float] | None:
        """A reporting participle right before the marks speaks for the clause it follows: "Ray Dale told the
        board the plan was sound, adding, “We will start in May.”", "She posted a photo, writing “Best day
        of the campaign.”", "“…,” she said, adding, “…”" (the comma inside the marks) -- the subject is outside
        the frame before the marks, so ``_attribution`` misses it (and the small model sometimes hangs the
        participle on the quotation instead of the clause). A participle after a statement noun speaks for
        whoever made the statement: "She released a statement saying, “…”". The participle may name whom it
        addresses ("…, telling the crowd, “…”") or follow the verb it completes ("the cleric is shown
        lecturing: “…”", "Ortiz was heard shouting, “…”")."""
        words = [t for t in before if not t.is_punct]
        if not words:
            return None
        verb = words[-1]
        if verb.tag_ != "VBG" and len(words) >= 2:
            # "telling the crowd", "telling reporters": the participle and the people it addresses
            cand = next((t for t in reversed(words[:-1]) if t.tag_ == "VBG"), None)
            if cand is not None and all(t.i in {x.i for x in cand.subtree} for t in words if t.i > cand.i) and all(
                    c.dep_ in ("dobj", "dative") for c in cand.rights if c.i <= words[-1].i and not c.is_punct):
                verb = cand
        if verb.tag_ != "VBG" or not is_reporting(verb) or verb.i == 0:
            return None
        prev = verb.nbor(-1)
        sent = self.sentences.of(verb)
        closed_comma = prev.text in _MARK_TOKENS and self.text[max(0, prev.idx - 3) : prev.idx].rstrip()[-1:] == ","
        if prev.text in "," + _DASHES[:-1] or closed_comma:
            host = verb.head if verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") else sent.root
            while host.dep_ in _CLAUSE and is_reporting(host.head) and host.head.i < host.i:
                # 'Ortiz told the paper that Lane “had no plan,” adding, “…”': the parser hangs the participle
                # on the statement's verb; who adds is who told, not the statement's subject
                host = host.head
        elif verb.dep_ in _COMPLETING and verb.head.i == prev.i and verb.head.pos_ == "VERB":
            host = verb.head  # "is shown lecturing", "was heard shouting"
        elif verb.dep_ == "acl" and verb.head.i == prev.i and verb.head.lemma_.lower() in noun_cues():
            host = verb.head.head  # the verb of "released a statement", "in a statement" (through its preposition)
            if host.dep_ == "prep":
                host = host.head
        else:
            return None
        subj = subject_of(host) if host.pos_ in ("VERB", "AUX") and host.i < verb.i else None
        if subj is None and host.i == prev.i:  # "was heard shouting": the passive subject is heard
            subj = next((c for c in host.children if c.dep_ == "nsubjpass"), None)
        if subj is None or not sent.start <= subj.i < verb.i or self._inside_quote(subj) or not could_speak(subj):
            return None
        return _Attribution(verb, subj), CONF_SAME_SENTENCE

    @staticmethod
    def _only_subject_and_verb(words: list[Token], subj: Token, verb: Token) -> bool:
        """Nothing but the subject, the verb and adverbs; a phrase before the subject may set the scene
        ("In one of her songs, Holm sings, “…”")."""
        allowed = {t.i for t in subj.subtree} | {verb.i}
        allowed |= {c.i for c in verb.children if c.dep_ in ("advmod", "aux", "prt", "npadvmod")}
        # a phrase or a clause before the subject sets the scene ("After the debate, Lane shot back, “…”")
        allowed |= {t.i for c in verb.children if c.dep_ in ("prep", "npadvmod", "advcl") and c.i < subj.i
                    for t in c.subtree}
        if verb.dep_ == "conj" and is_reporting(verb) and verb.head.i < verb.i and verb.i == words[-1].i:
            # "He then put on an accent and joked, “…”": a reporting verb that ends a coordination speaks
            # for the subject the coordinated verbs share
            allowed |= {t.i for t in verb.head.subtree if t.i < verb.i}
        return all(t.i in allowed for t in words)

    def _presented_by(self, q: Quoted, prev) -> _Attribution | None:
        """A paragraph that ends with a colon after a person's or an organisation's clause presents the
        quotation that opens the next paragraph, whatever the verb: "The ministry issued the following
        statement:", "Ortiz notes:", "She put it this way:" -- for whole sentences in marks only."""
        if not (q.open is not None and self._starts_paragraph(q) and self._whole_sentence(q)):
            return None
        lead = prev.text.rstrip()
        if not lead.endswith(":") or "\n" not in self.text[prev.start_char + len(lead) : q.start]:
            return None
        verb = prev.root
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == _NEG for c in verb.children):
            return None
        subj = subject_of(verb)
        if subj is None or not prev.start <= subj.i < verb.i or self._inside_quote(subj) or not could_speak(subj):
            return None
        spk = self.resolver.resolve(subj)
        if spk is None or spk.type not in ("Person", "Organization"):
            return None
        return _Attribution(verb, subj)

    def _said_right_after(self, q: Quoted) -> bool:
        """A reporting verb and its subject open the text after the closing mark: "he said", "said Ortiz",
        "reporter Dana Reyes asked" (the words before the verb all the subject's own)."""
        after = [t for t in self.tokens.between(q.close + 1, q.para_end)[:6] if not t.is_punct]
        verb = next((t for t in after if is_reporting(t)), None)
        if verb is None or any(c.dep_ == _NEG and c.idx > q.close for c in verb.children):
            return False
        subj = subject_of(verb)
        if subj is None or subj.i not in {t.i for t in after} or not could_speak(subj):
            return False
        if verb.i == after[0].i:
            return True
        # the parser may hang the closing mark itself on the subject: its words, not its left edge, count
        own = {t.i for t in subj.subtree if not t.is_punct}
        return min(own) == after[0].i and all(t.i in own for t in after if t.i < verb.i)

    def _verb_before(self, q: Quoted) -> bool:
        """A reporting verb (then at most a comma or a colon) right before the opening mark."""
        prev = [t for t in self.tokens.between(q.para_start, self._mark_start(q))[-3:] if t.text not in ",:"]
        return bool(prev) and is_reporting(prev[-1]) and not any(c.dep_ == _NEG for c in prev[-1].children)


def _dateline_word_run(words: list[Token]) -> bool:
    """ "WASHINGTON:" and other all-capital runs are datelines or headings, not speaker labels."""
    return all(t.is_upper for t in words)

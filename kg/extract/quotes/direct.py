"""Direct quotes: stretches in quotation marks and who they are attributed to."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.coref import Speaker, could_speak
from kg.extract.quotes.common import (
    _DASHES,
    _MARK_TOKENS,
    _MIN_WORDS,
    _NEG,
    _TERMINAL,
    CONF_DASH,
    CONF_NEIGHBOUR,
    CONF_RECOVERED,
    CONF_SAME_SENTENCE,
    evidence,
)
from kg.extract.quotes.cues import (
    _according_to,
    _Attribution,
    _attribution,
    _attribution_only,
    _quote,
    _trailing_attribution,
    is_reporting,
    noun_cues,
    relative_mention,
    subject_of,
)
from kg.extract.quotes.marks import Quoted, is_double_mark
from kg.records import Quote

_WORD = re.compile(r"[^\W_]+")
# a verb right after a quotation's closing comma, before its subject ("…,” read the email): finite, or
# tagged as a base form by the small model
_FINITE = ("VBD", "VBZ", "VBP", "VB")
_MAX_TITLE_WORDS = 4  # "Meet the Press", "Vote Gomez", "Make It Work Again": a name or a slogan

# pronouns that stand for a person who speaks ("she turned to the crowd: “…”")
_SPEAKING_PRONOUNS = frozenset(("he", "she", "i", "we", "they"))


def _dateline_word_run(words: list[Token]) -> bool:
    """ "WASHINGTON:" and other all-capital runs are datelines or headings, not speaker labels."""
    return all(t.is_upper for t in words)


class DirectQuotes:
    """The direct-quote half of the extractor (mixed into ``_Extractor``)."""

    def _paragraph_of(self, offset: int) -> tuple[int, int]:
        k = bisect_right(self._para_starts, offset) - 1
        if k >= 0 and offset < self.paragraphs[k][1]:
            return self.paragraphs[k]
        return 0, len(self.text)

    def sentence_at(self, offset: int):
        return self.sentences.at(offset)

    def _inside_quote(self, tok: Token) -> bool:
        return bool(self._quoted_chars[tok.idx])

    def _outside(self, toks: list[Token]) -> list[Token]:
        return [t for t in toks if not self._inside_quote(t)]

    # -- direct quotes --------------------------------------------------------------------------------
    def direct_quotes(self) -> Iterator[Quote]:
        text = self.text
        self.resolver.quoted_chars = self._marked_chars  # names inside quotations are no antecedents
        self.quoted = [q for q in self._quoted(text) if self._is_statement(q)]
        self.contents = [(q.start, q.end) for q in self.quoted]
        for s, e in self.contents:
            self._quoted_chars[s:e] = b"\x01" * (e - s)
        for q in self.quoted:
            att, conf = self._attribute(q)
            quote = self._make(q, att, conf)
            if quote is not None:
                self.direct.append(quote)
                yield quote

    def _quoted(self, text: str) -> list[Quoted]:
        out: list[Quoted] = []
        for o, c, ps, pe in self.pairs:
            if c is not None:
                span = self._trim(o + 1, c)
                if span is not None:
                    out.append(self._mixed(Quoted(span[0], span[1], o, c, ps, pe)))
                continue
            first = self._first_sentence(o + 1, pe)
            att = _attribution_only(first) if first else None
            if att is not None:
                self._misplaced_closer(out, o, ps, pe, att)
                continue
            end, att = self._cut_unclosed(o + 1, pe)
            span = self._trim(o + 1, end)
            if span is not None:
                out.append(Quoted(span[0], span[1], o, None, ps, pe, att))
        return out

    def _mixed(self, q: Quoted) -> Quoted:
        """A quotation that the sentence runs into and its attribution follows straight away is one statement
        from the sentence's start: 'The people of Dover “deserve a mayor who shows up,” said the man who …' --
        the words before the marks are the speaker's too (a mixed quotation). Else ``q`` unchanged."""
        if self.text[q.start : q.close].rstrip()[-1:] not in ",?!" or not self._embedded(q):
            return q
        mark = self._mark_start(q)
        start = max(self.sentence_at(mark).start_char, q.para_start)
        lead = self.text[start:mark]
        if len(_WORD.findall(lead)) < 2 or any(ch in lead for ch in "\"“”„«»") or not self._said_right_after(q):
            return q
        return Quoted(start, q.close + 1, None, q.close, q.para_start, q.para_end)

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in _DASHES):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in "," + _DASHES):
            end -= 1
        return (start, end) if end > start else None

    def _first_sentence(self, start: int, end: int) -> list[Token]:
        out = []
        for tok in self.tokens.between(start, end):
            out.append(tok)
            if tok.text in _TERMINAL:
                break
        return out

    def _misplaced_closer(self, out: list[Quoted], mark: int, ps: int, pe: int, att: _Attribution) -> None:
        """A mark before a bare attribution closes what came before it: the quotation opened earlier in
        the paragraph when nothing attributes it in between, else the sentence just before."""
        prev = out[-1] if out and out[-1].para_start == ps and out[-1].close is not None else None
        if prev is not None and not self._is_statement(prev):
            prev = None
        if prev is not None and _attribution(self.tokens.between(prev.close + 1, mark)) is None:
            span = self._trim(prev.start, mark)
            if span is not None:
                out[-1] = Quoted(span[0], span[1], prev.open, mark, ps, pe, att)
            return
        if mark <= ps:
            return
        sent = self.sentence_at(mark - 1)
        span = self._trim(max(sent.start_char, ps), mark)
        if span is not None and not any(q.start < span[1] and q.end > span[0] for q in out):
            out.append(Quoted(span[0], span[1], None, mark, ps, pe, att))

    def _cut_unclosed(self, start: int, end: int) -> tuple[int, _Attribution | None]:
        """Where a quotation that is never closed ends: before an attribution inside the paragraph,
        else at the paragraph end."""
        for sent in self.sents[self.sentences.index_at(start) :]:
            if sent.start_char >= end:
                break
            if sent.end_char <= start:
                continue
            toks = self.tokens.between(max(sent.start_char, start), min(sent.end_char, end))
            trailing = _trailing_attribution(toks)
            if trailing is not None:
                return trailing
            if sent.start_char > start:
                att = _attribution(toks)
                if att is not None and att.subject.i < att.verb.i:
                    return sent.start_char, att
        return end, None

    def _is_statement(self, q: Quoted) -> bool:
        """A statement, not a scare quote, a title or a name in quotation marks."""
        toks = self.tokens.between(q.start, q.end)
        words = [t for t in toks if t.is_alpha or t.like_num]
        # the punctuation typed before the closing mark ("…,” she said"), which q.end leaves out
        content = self.text[q.start : q.close if q.close is not None else q.end].rstrip()
        if len(words) < _MIN_WORDS:
            # a chant or a shout straight after its speech verb is a statement however short ("The crowd
            # chanted, “No toll!”"); two words in marks otherwise are a name, a title or a scare quote
            # -- and so is a short answer its attribution follows straight away ("“Absolutely,” he said",
            # "“Never!” the fans shouted"), when the marks do not sit inside a running sentence
            if not words or q.open is None:
                return False
            if (content[-1:] in "!?" or (content[-1:] == "." and content[:1].isupper())) and self._verb_before(q):
                return True  # (and a short whole sentence: she laughed and said, “We’ll see.”)
            return (q.close is not None and content[-1:] in ",?!" and not self._embedded(q)
                    and self._said_right_after(q))
        ends_clause = content[-1:] in _TERMINAL + ",;:" + _DASHES[:-1]
        if q.attribution is not None:
            return True
        if not ends_clause and not any(t.pos_ in ("VERB", "AUX") for t in toks):
            return False
        if q.open is not None and self._embedded(q):
            return False
        # a quotation the sentence goes on to use as a phrase ("“Build back better” was the slogan")
        if q.close is not None and not ends_clause:
            after = self._after_frame(q)
            if any(t.is_alpha for t in after) and after[0].text not in _DASHES and not (
                    _attribution(after) or _according_to(after)):
                return False
        return True

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
        """A reporting verb and its subject open the text after the closing mark: "he said", "said Ortiz"."""
        after = [t for t in self.tokens.between(q.close + 1, q.para_end)[:6] if not t.is_punct]
        verb = next((t for t in after[:3] if is_reporting(t)), None)
        if verb is None or any(c.dep_ == _NEG and c.idx > q.close for c in verb.children):
            return False
        subj = subject_of(verb)
        return subj is not None and subj.i in {t.i for t in after} and could_speak(subj) and (
            verb.i == after[0].i or subj.left_edge.i == after[0].i)

    def _verb_before(self, q: Quoted) -> bool:
        """A reporting verb (then at most a comma or a colon) right before the opening mark."""
        prev = [t for t in self.tokens.between(q.para_start, self._mark_start(q))[-3:] if t.text not in ",:"]
        return bool(prev) and is_reporting(prev[-1]) and not any(c.dep_ == _NEG for c in prev[-1].children)

    def _embedded(self, q: Quoted) -> bool:
        """The opening mark continues a running sentence ("proposed creating “favorable conditions”"),
        unless the word before it is a reporting verb ("said “We …”")."""
        text = self.text
        i = self._mark_start(q) - 1
        while i >= q.para_start and text[i] in " \t":
            i -= 1
        if i < q.para_start:
            return False
        prev = text[i]
        if prev in ".!?:,;(…" + _DASHES or prev in "”\"»":
            return False
        return not is_reporting(self.tokens.at(i))

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
            att = inverted or self._after_subject(q, after) or _attribution(after) or _according_to(after)
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
        if not label or len(label) > 4 or _dateline_word_run(label) or not all(
                t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in label):
            return None
        return _Attribution(None, label[-1], cue="label") if could_speak(label[-1]) else None

    def _short(self, q: Quoted) -> bool:
        return len([t for t in self.tokens.between(q.start, q.end) if t.is_alpha or t.like_num]) < _MIN_WORDS

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
        whoever made the statement: "She released a statement saying, “…”"."""
        words = [t for t in before if not t.is_punct]
        if not words:
            return None
        verb = words[-1]
        if verb.tag_ != "VBG" or not is_reporting(verb) or verb.i == 0:
            return None
        prev = verb.nbor(-1)
        sent = self.sentences.of(verb)
        closed_comma = prev.text in _MARK_TOKENS and self.text[max(0, prev.idx - 3) : prev.idx].rstrip()[-1:] == ","
        if prev.text in "," + _DASHES[:-1] or closed_comma:
            host = verb.head if verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") else sent.root
        elif verb.dep_ == "acl" and verb.head.i == prev.i and verb.head.lemma_.lower() in noun_cues():
            host = verb.head.head  # the verb of "released a statement", "in a statement" (through its preposition)
            if host.dep_ == "prep":
                host = host.head
        else:
            return None
        subj = subject_of(host) if host.pos_ in ("VERB", "AUX") and host.i < verb.i else None
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

    def _whole_sentence(self, q: Quoted) -> bool:
        content = self.text[q.start : q.end].rstrip()
        first = next((c for c in content if c.isalpha()), "")
        return first.isupper() and content[-1:] in _TERMINAL and len(content.split()) >= _MIN_WORDS

    def _starts_paragraph(self, q: Quoted) -> bool:
        return not self.text[q.para_start : self._mark_start(q) if q.open is not None else q.start].strip()

    def _ends_sentence(self, q: Quoted) -> bool:
        """The quotation ends its sentence: a full stop inside the marks and a capital after them (“We won.”
        The count …), or "?"/"!" and a capitalised word that is no name (“Why?” She answered, “…”); not
        “We won,” she said, nor “Won?” he asked, nor “Why?” Smith asked."""
        end = self.text[q.start : q.close].rstrip("'’ ")[-1:]
        rest = self.text[q.close + 1 : q.para_end].lstrip(" '\"”’")
        if end == ".":
            return rest[:1].isupper()
        # after "?" or "!" a name may follow ("“Why?” Smith asked"), a capitalised common word starts anew
        if end in "?!" and rest[:1].isupper():
            first = self.tokens.at(q.close + 1 + len(self.text[q.close + 1 : q.para_end]) - len(rest))
            return first.pos_ != "PROPN"
        return False

    def _mark_start(self, q: Quoted) -> int:
        """Where the opening mark begins (``q.open`` is the last character of a two-character mark)."""
        return q.open - 1 if q.open > 0 and is_double_mark(self.text, q.open - 1) else q.open

    def _after_frame(self, q: Quoted) -> list[Token]:
        """Tokens after the closing mark up to the end of the sentence, the paragraph or the next mark."""
        out = []
        for tok in self.tokens.between(q.close + 1, q.para_end):
            if tok.text in _MARK_TOKENS:
                if self._title_mark(tok):
                    continue  # “…,” said Eastland, wearing a “Cruz” pin: a name in marks, not a quotation
                break
            out.append(tok)
            if tok.text in _TERMINAL and tok.i > 0:
                break
        return out

    def _before_frame(self, q: Quoted) -> list[Token]:
        toks = self.tokens.between(q.para_start, self._mark_start(q))
        out: list[Token] = []
        for tok in reversed(toks):
            if tok.text in _MARK_TOKENS and self._title_mark(tok):
                continue  # On “Meet the Press” Sunday, she said, “…”
            if tok.text in _TERMINAL or tok.text in _MARK_TOKENS:
                break
            out.insert(0, tok)
        return out

    def _same_paragraph(self, a: int, b: int) -> bool:
        return "\n" not in self.text[a:b].strip()

    def _introduces(self, sent) -> bool:
        """A paragraph that ends by introducing a quotation ("He told the crowd:"); any other sentence
        ending a paragraph (“… asked him about the schools.”) does not attribute the next paragraph."""
        return sent.text.rstrip()[-1:] in ":,"

    def _title_mark(self, tok: Token) -> bool:
        """A mark of a pair that holds a short name or title (a show, a slogan, a nickname) and no
        statement: it belongs to the sentence around it."""
        span = self._short_pairs.get(tok.idx)
        if span is None:
            return False
        o, c = span
        return not any(q.start < c and q.end > o for q in self.quoted)

    @property
    def _short_pairs(self) -> dict[int, tuple[int, int]]:
        """Mark offset → (open, close) of every closed pair of marks in one paragraph holding at most
        ``_MAX_TITLE_WORDS`` words (both marks point to the pair; a two-character mark by either character)."""
        if getattr(self, "_short_pairs_cache", None) is None:
            out = {}
            for o, c, _, _ in self.pairs:
                if c is None or len(_WORD.findall(self.text[o + 1 : c])) > _MAX_TITLE_WORDS:
                    continue
                for i in (o - 1, o, c, c + 1):
                    out[i] = (o, c)
            self._short_pairs_cache = out
        return self._short_pairs_cache

    def _neighbour_sentence(self, offset: int, before: bool, cross_paragraph: bool):
        sent = self.sentence_at(offset)
        k = self.sentences.index_at(sent.start_char)
        k = k - 1 if before else k + 1
        if not 0 <= k < len(self.sents):
            return None
        cand = self.sents[k]
        # a sentence span ends with the blank lines after it: the paragraph break is between them
        lo, hi = (cand.start_char + len(cand.text.rstrip()), offset) if before else (offset, cand.start_char)
        if not cross_paragraph and "\n" in self.text[lo:hi]:
            return None
        if cross_paragraph and self.text[lo:hi].count("\n") > 2:
            return None
        return cand

    def _quote_speaker_in(self, start: int, end: int) -> Quote | None:
        for quote in reversed(self.direct):
            if quote.speaker is not None and quote.evidence.start < end and quote.evidence.end > start:
                return quote
        return None

    def _make(self, q: Quoted, att, conf: float) -> Quote | None:
        ev = evidence(self.doc, q.start, q.end, self.sentences)
        content = ev.text
        if isinstance(att, Quote):  # inherited from the quote just before (continued quotation)
            return Quote(att.speaker, att.speaker_mention, att.cue, content, True, ev, att.speaker_evidence,
                         att.speaker_type, round(conf * att.confidence, 2), stance=att.stance)
        if att is None:
            # a whole unattributed sentence in quotation marks is kept while pieces are joined (it may
            # continue an attributed quotation) and dropped after that (see merge.join_pieces)
            if content.rstrip()[-1:] not in _TERMINAL:
                return None
            return Quote(None, None, None, content, True, ev, None, None, 0.5,
                         reason="no attribution found near the quotation")
        spk = self.resolver.resolve(att.subject)
        if att.cue == "unnamed":  # a common noun in the speaker's place (see _after_subject)
            spk = spk or self.resolver.unnamed(att.subject)
            att = _Attribution(att.verb, att.subject)
        if spk is None:
            return Quote(None, None, None, content, True, ev, None, None, 0.5,
                         reason=f"attributed to {att.subject.text!r}, which is not a speaker")
        if att.verb is not None:  # "the report, which notes, “…”": Resolved name, the mention "which"
            spk = relative_mention(att.verb, spk)
        return _quote(self.doc, spk, att.verb, content, True, ev, conf, cue=att.cue, sentences=self.sentences)

    # -- reported speech ----------------------------------------------------------------------------------

"""Quote attribution: who said what, as direct quotes (in quotation marks) and reported speech.

Direct quotes are found from the quotation marks of each paragraph, never across the whole text, so
one unbalanced mark costs at most one paragraph: an opening mark left open at the end of a paragraph
is closed by the next line only when that line starts by closing it (a broken line), otherwise the
quote ends at the paragraph end or before an attribution found inside it ("…, he continued.",
"In a cabinet meeting, he stated that …"); a stray mark in front of a bare attribution
("… payments. "Sayakmantova said.") is read as the misplaced closing mark it is. Each quoted stretch is
then attributed from, in order: the rest of its sentence (``“…,” he said``, ``— Tokayev``), the text
before it (``He wrote: “…``), the sentence before it (``He noted that … “…”`` and the second half of a
split quote), the sentence after it in the same paragraph.

Reported speech comes from the dependency parse: the clausal complement of a reporting verb whose
subject is the speaker (``X said/noted/told Y (that) …``), the gerund or infinitive of a proposal verb
(``proposed creating …``) and the clause an ``according to X`` phrase modifies. The verb lists are data
files under ``kg/extract/rules/``; speakers are resolved by ``kg.extract.coref``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from kg.extract.coref import Resolver, Sentences, Speaker, could_speak
from kg.extract.entities import DocEntities
from kg.extract.lexicon import rule_words
from kg.records import Evidence, Quote

_SUBJ = "nsubj"
_CLAUSE = ("ccomp",)
_OPEN_CLAUSE = "xcomp"
_NEG = "neg"
_RELATIVE = ("WP", "WDT")
# children of a reporting verb that may sit in an attribution ("he said at a government session")
_ATTRIB_CHILDREN = ("advmod", "prep", "npadvmod", "punct", "aux", "neg", "dobj", "dative", "prt", "cc", "tmod")
_TERMINAL = ".!?…"
_MARKS = "\"“”„«»"
_OPENERS = "“„«"
_AFTER_CLOSER = ".,;:!?)]—–-…"
_BEFORE_OPENER = "([{—–-:"
# a news-agency dateline opening a paragraph: upper-case place, optional date, optional (Agency), a dash
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:,[^\n()—–-]{0,30})?\s*(?:\([^)\n]{1,30}\))?\s*[—–-]+\s*")
_MIN_WORDS = 3  # fewer words in marks is a name, a title or a scare quote, not a statement

CONF_SAME_SENTENCE = 0.9
CONF_DASH = 0.8
CONF_NEIGHBOUR = 0.7
CONF_RECOVERED = 0.6
CONF_REPORTED = 0.85


@cache
def reporting_verbs() -> frozenset[str]:
    return frozenset(rule_words("reporting_verbs.txt"))


@cache
def source_phrases() -> tuple[str, ...]:
    return tuple(rule_words("quote_source_phrases.txt"))


@cache
def proposal_verbs() -> frozenset[str]:
    return frozenset(rule_words("quote_proposal_verbs.txt"))


def evidence(doc: Doc, start: int, end: int, sentences: Sentences | None = None) -> Evidence:
    """Evidence for ``text[start:end]`` with the sentence(s) it sits in (pass ``sentences`` when
    calling it many times on one Doc)."""
    sentences = sentences or Sentences(doc)
    text = sentences.text
    if end <= start:
        s_start, s_end = start, end
    else:
        s_start, s_end = sentences.at(start).start_char, sentences.at(end - 1).end_char
    # spaCy's sentences sometimes run over a paragraph break: the sentence stops at the paragraph
    para_end = text.find("\n", end)
    s_start = max(s_start, text.rfind("\n", 0, start) + 1)
    s_end = min(s_end, para_end if para_end >= 0 else len(text))
    while s_end > s_start and text[s_end - 1].isspace():
        s_end -= 1
    s_start, s_end = min(s_start, start), max(s_end, end)
    return Evidence(start, end, text[start:end], s_start, s_end, text[s_start:s_end])


@dataclass(frozen=True)
class _Attribution:
    """Who a quotation is attributed to: the subject of a reporting verb, or a bare name ("— Tokayev")."""

    verb: Token | None
    subject: Token
    cue: str | None = None  # when there is no verb: "according_to"


@dataclass(frozen=True)
class Quoted:
    """A stretch of text in quotation marks (marks excluded); ``close`` None when never closed."""

    start: int
    end: int
    open: int | None
    close: int | None
    para_start: int
    para_end: int
    attribution: _Attribution | None = None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, surrounding blanks excluded."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    return out


def _closer_like(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return not before.isspace() and (after.isspace() or after in _AFTER_CLOSER)


def _opener_like(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return (before.isspace() or before in _BEFORE_OPENER) and not after.isspace()


def mark_pairs(text: str) -> list[tuple[int, int | None, int, int]]:
    """(open, close, paragraph start, paragraph end) for every quotation, paragraph by paragraph.

    Marks alternate open/close within a paragraph whatever their shape (sites type “ for ” and
    straight quotes are ambiguous); a closing-looking mark while nothing is open is dropped.
    """
    paras = paragraphs(text)
    marks = [[i for i in range(s, e) if text[i] in _MARKS] for s, e in paras]
    out: list[tuple[int, int | None, int, int]] = []
    skip: set[int] = set()
    for k, (ps, pe) in enumerate(paras):
        opened = None
        for m in marks[k]:
            if m in skip:
                continue
            if opened is None:
                if text[m] not in _OPENERS and _closer_like(text, m, ps, pe) and not _opener_like(text, m, ps, pe):
                    continue  # a closing mark with nothing open: its opening mark was lost
                opened = m
            else:
                out.append((opened, m, ps, pe))
                opened = None
        if opened is None:
            continue
        # a line that starts by closing the quote continues it (a hard line break inside a quote)
        if k + 1 < len(paras) and marks[k + 1]:
            ns, ne = paras[k + 1]
            first = marks[k + 1][0]
            if _closer_like(text, first, ns, ne) and not _opener_like(text, first, ns, ne):
                out.append((opened, first, ps, ne))
                skip.add(first)
                continue
        out.append((opened, None, ps, pe))
    return out


class _Tokens:
    """Character offsets → tokens, and the reporting-verb tests the extractor needs."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def between(self, start: int, end: int) -> list[Token]:
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        return [self.doc[i] for i in range(lo, hi) if not self.doc[i].is_space]

    def at(self, offset: int) -> Token:
        return self.doc[max(0, bisect_right(self.starts, offset) - 1)]


def is_reporting(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in reporting_verbs():
        return True
    prt = [c.text.lower() for c in tok.children if c.dep_ == "prt"]
    return any(f"{lemma} {p}" in reporting_verbs() for p in prt)


def cue_of(tok: Token) -> str:
    prt = [c.text.lower() for c in tok.children if c.dep_ == "prt"]
    lemma = tok.lemma_.lower()
    for p in prt:
        if f"{lemma} {p}" in reporting_verbs():
            return f"{lemma}_{p}"
    return lemma


def subject_of(verb: Token) -> Token | None:
    """The nominal subject of a verb, inherited through coordination ("noted … and stated that")."""
    seen = 0
    while seen < 5:
        # the nearest subject: a parse running over a paragraph break can give a verb two
        subjects = sorted((c for c in verb.children if c.dep_ == _SUBJ), key=lambda c: abs(c.i - verb.i))
        if subjects:
            child = subjects[0]
            if child.tag_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head  # "Tokayev, who said that …"
            return child
        # "kept rates unchanged, saying …": a participle shares its clause's subject
        shared = verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
        if not shared or verb.head.i == verb.i:
            return None
        verb = verb.head
        seen += 1
    return None


def _attribution(toks: list[Token], nearest_last: bool = False) -> _Attribution | None:
    """A reporting verb among ``toks`` whose subject is among them too."""
    ids = {t.i for t in toks}
    found = []
    for tok in toks:
        if is_reporting(tok) and not any(c.dep_ == _NEG for c in tok.children):
            subj = subject_of(tok)
            if subj is not None and subj.i in ids and could_speak(subj):
                found.append(_Attribution(tok, subj))
    if not found:
        return None
    return found[-1] if nearest_last else found[0]


def _attribution_only(toks: list[Token]) -> _Attribution | None:
    """``toks`` hold nothing but an attribution: "Sayakmantova said." or the fragment
    "Sayakmantova, chairman of the board of …" left after a misplaced quotation mark."""
    words = [t for t in toks if not t.is_punct]
    if not words:
        return None
    att = _attribution(words)
    if att is not None:
        allowed = {t.i for t in att.subject.subtree} | {att.verb.i}
        for child in att.verb.children:
            if child.dep_ in _ATTRIB_CHILDREN and child.dep_ != "dobj":
                allowed |= {t.i for t in child.subtree}
        if all(t.i in allowed for t in words):
            return att
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in words) or words[0].pos_ != "PROPN":
        return None
    head = words[0]
    while head.dep_ in ("compound", "flat") and head.head.i in {t.i for t in words}:
        head = head.head
    # only a bare name, or a name with an apposition: "Olsen." / "Olsen, chairman of …"
    after = [t for t in toks if t.i == head.i + 1]
    if after and after[0].text != "," and not (after[0].is_punct and after[0].text in _TERMINAL):
        return None
    return _Attribution(None, head)


def source_phrase(tok: Token) -> Token | None:
    """The source named by an "according to X" phrase (or a variant listed in quote_source_phrases.txt)
    starting at ``tok``: the object of its last preposition."""
    for phrase in source_phrases():
        words = phrase.split()
        seq = tok.doc[tok.i : tok.i + len(words)]
        if len(seq) == len(words) and [t.lower_ for t in seq] == words:
            return next((c for c in seq[-1].children if c.dep_ == "pobj"), None)
    return None


def _according_to(toks: list[Token]) -> _Attribution | None:
    """'“…,” according to Tokayev.' / 'According to the ministry, “…”'."""
    for tok in toks:
        obj = source_phrase(tok)
        if obj is not None and obj in toks:
            return _Attribution(None, obj, cue="according_to")
    return None


def _trailing_attribution(toks: list[Token]) -> tuple[int, _Attribution] | None:
    """"…, he continued." at the end of a sentence: (offset of the comma, attribution)."""
    for k, tok in enumerate(toks):
        if tok.text != "," or k == 0:
            continue
        tail = [t for t in toks[k + 1 :] if not (t.is_punct and t.text in _TERMINAL)]
        att = _attribution_only(tail)
        if att is not None and att.verb is not None:
            return tok.idx, att
    return None


class _Extractor:
    def __init__(self, doc: Doc, entities: DocEntities):
        self.doc = doc
        self.tokens = _Tokens(doc)
        self.sentences = Sentences(doc)
        self.text = self.sentences.text
        self.resolver = Resolver(doc, entities, self.sentences)
        self.sents = self.sentences.spans
        self.paragraphs = paragraphs(self.text)
        self._para_starts = [ps for ps, _ in self.paragraphs]
        self.quoted: list[Quoted] = []
        self.direct: list[Quote] = []
        self.contents: list[tuple[int, int]] = []  # every quoted stretch, attributed or not
        self._quoted_chars = bytearray(len(self.text) + 1)  # 1 where a character is inside a quotation

    # -- sentences ------------------------------------------------------------------------------------
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
        for o, c, ps, pe in mark_pairs(text):
            if c is not None:
                span = self._trim(o + 1, c)
                if span is not None:
                    out.append(Quoted(span[0], span[1], o, c, ps, pe))
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

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in "—–-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",—–-"):
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
        if len(words) < _MIN_WORDS:
            return False
        content = self.text[q.start : q.end].rstrip()
        ends_clause = content[-1:] in _TERMINAL + ",;:—–"
        if q.attribution is not None:
            return True
        if not ends_clause and not any(t.pos_ in ("VERB", "AUX") for t in toks):
            return False
        if q.open is not None and self._embedded(q):
            return False
        # a quotation the sentence goes on to use as a phrase ("“Build back better” was the slogan")
        if q.close is not None and not ends_clause:
            after = self._after_frame(q)
            if any(t.is_alpha for t in after) and after[0].text not in "—–-" and not (
                    _attribution(after) or _according_to(after)):
                return False
        return True

    def _embedded(self, q: Quoted) -> bool:
        """The opening mark continues a running sentence ("proposed creating “favorable conditions”"),
        unless the word before it is a reporting verb ("said “We …”")."""
        text = self.text
        i = q.open - 1
        while i >= q.para_start and text[i] in " \t":
            i -= 1
        if i < q.para_start:
            return False
        prev = text[i]
        if prev in ".!?:,;—–-(…" or prev in "”\"»":
            return False
        return not is_reporting(self.tokens.at(i))

    def _attribute(self, q: Quoted) -> tuple[_Attribution | Speaker | None, float]:
        if q.attribution is not None:  # found while repairing the marks
            return q.attribution, CONF_RECOVERED
        text = self.text
        # 1. the rest of the sentence after the closing mark: "…,” he said." / "…” — Tokayev"
        if q.close is not None:
            after = self._after_frame(q)
            words = [t for t in after if not t.is_punct]
            dash = None
            if after and after[0].text in "—–-" and words and words[0].pos_ == "PROPN":
                dash = words[0]
                while dash.dep_ in ("compound", "flat") and dash.head in after:
                    dash = dash.head
            att = _attribution(after) or _according_to(after)
            if att is not None:
                return att, CONF_SAME_SENTENCE
            if dash:
                return _Attribution(None, dash), CONF_DASH
        # 2. the text before the opening mark: "He wrote: “…" / "Tokayev said, “…"
        if q.open is not None:
            before = self._before_frame(q)
            if before:
                lead = text[before[0].idx : q.open].rstrip()
                att = _attribution(before, nearest_last=True) or _according_to(before)
                if att is not None and (lead[-1:] in ":,—–-" or is_reporting(before[-1])):
                    return att, CONF_SAME_SENTENCE
        # 3. the sentence before: "He noted that …" / the first half of a split quote
        prev = self._neighbour_sentence(q.start, before=True, cross_paragraph=self._starts_paragraph(q))
        if prev is not None:
            inherited = self._quote_speaker_in(prev.start_char, prev.end_char)
            if inherited is not None:
                return inherited, CONF_NEIGHBOUR
            att = _attribution(self._outside(list(prev)), nearest_last=True)
            if att is not None:
                return att, CONF_NEIGHBOUR
        # 4. the sentence after, in the same paragraph
        nxt = self._neighbour_sentence(q.end, before=False, cross_paragraph=False)
        if nxt is not None and nxt.start_char < q.para_end:
            att = _attribution(self._outside(list(nxt)))
            if att is not None:
                return att, CONF_NEIGHBOUR
        return None, 0.0

    def _starts_paragraph(self, q: Quoted) -> bool:
        return not self.text[q.para_start : q.open if q.open is not None else q.start].strip()

    def _after_frame(self, q: Quoted) -> list[Token]:
        """Tokens after the closing mark up to the end of the sentence, the paragraph or the next mark."""
        out = []
        for tok in self.tokens.between(q.close + 1, q.para_end):
            if tok.text in "\"“”„«»":
                break
            out.append(tok)
            if tok.text in _TERMINAL and tok.i > 0:
                break
        return out

    def _before_frame(self, q: Quoted) -> list[Token]:
        toks = self.tokens.between(q.para_start, q.open)
        out: list[Token] = []
        for tok in reversed(toks):
            if tok.text in _TERMINAL or tok.text in "\"“”„«»":
                break
            out.insert(0, tok)
        return out

    def _neighbour_sentence(self, offset: int, before: bool, cross_paragraph: bool):
        sent = self.sentence_at(offset)
        k = self.sentences.index_at(sent.start_char)
        k = k - 1 if before else k + 1
        if not 0 <= k < len(self.sents):
            return None
        cand = self.sents[k]
        lo, hi = (cand.end_char, offset) if before else (offset, cand.start_char)
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
                         att.speaker_type, round(conf * att.confidence, 2))
        if att is None:
            # a whole unattributed sentence in quotation marks is still a quote; fragments are not
            if content.rstrip()[-1:] not in _TERMINAL:
                return None
            return Quote(None, None, None, content, True, ev, None, None, 0.5,
                         reason="no attribution found near the quotation")
        spk = self.resolver.resolve(att.subject)
        if spk is None:
            return Quote(None, None, None, content, True, ev, None, None, 0.5,
                         reason=f"attributed to {att.subject.text!r}, which is not a speaker")
        return _quote(self.doc, spk, att.verb, content, True, ev, conf, cue=att.cue, sentences=self.sentences)

    # -- reported speech ----------------------------------------------------------------------------------
    def reported(self) -> Iterator[Quote]:
        taken = [(q.evidence.start, q.evidence.end) for q in self.direct]
        for tok in self.doc:
            if self._inside_quote(tok):
                continue
            obj = source_phrase(tok)
            if obj is not None:
                quote = self._according(tok, obj)
            elif is_reporting(tok):
                quote = self._said_that(tok)
            else:
                continue
            if quote is None:
                continue
            if any(quote.evidence.start < e and quote.evidence.end > s for s, e in taken):
                continue
            taken.append((quote.evidence.start, quote.evidence.end))
            yield quote

    def _said_that(self, verb: Token) -> Quote | None:
        if any(c.dep_ == _NEG for c in verb.children):
            return None
        subj, comps, own = self._statement_of(verb)
        if subj is None or not comps:
            return None
        toks = sorted(t for c in comps for t in c.subtree if t.i not in own)
        span = self._content_span(toks, verb)
        if span is None:
            return None
        topic = subject_of(comps[0]) if comps[0].i != verb.i else None
        spk = self.resolver.resolve(subj, topic)
        if spk is None:
            return None
        return _quote(self.doc, spk, verb, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_REPORTED, sentences=self.sentences)

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
            return None, [], set()
        comps = [c for c in verb.children if c.dep_ in _CLAUSE]
        # the statement follows the verb ("said that …") or precedes it and its subject, set off by a
        # comma ("…, the president said"); a clause before a colon introduces the speaker instead
        right = [c for c in comps if c.i > verb.i]
        comps = right or [c for c in comps if self._comma_after(c) and c.right_edge.i < subj.left_edge.i]
        if not comps and verb.lemma_.lower() in proposal_verbs():
            comps = [c for c in verb.children if c.dep_ == _OPEN_CLAUSE and c.tag_ in ("VBG", "VB")]
        # "X will cut flights, the carrier said": parsed as a clause coordinated with the statement
        if (not comps and verb.dep_ in ("conj", "parataxis") and verb.head.i < subj.i < verb.i
                and self._closes(verb, subj)):
            return subj, [verb.head], {t.i for t in verb.subtree}
        return subj, comps, set()

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
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        phrase = {t.i for t in tok.subtree}
        clause = sorted(t for t in head.subtree if t.i not in phrase)
        if tok.i < head.i:
            part = [t for t in clause if t.i > max(phrase)]
        else:
            part = [t for t in clause if t.i < min(phrase)]
        span = self._content_span(part, tok)
        if span is None:
            return None
        spk = self.resolver.resolve(obj)
        if spk is None:
            return None
        return _quote(self.doc, spk, None, self.text[span[0] : span[1]], False,
                      evidence(self.doc, *span, self.sentences), CONF_REPORTED, cue="according_to",
                      sentences=self.sentences)

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

    def _content_span(self, toks: list[Token], anchor: Token) -> tuple[int, int] | None:
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
        while toks and toks[-1].is_punct and not (toks[-1].text in "”\"’" and self._opened_in(toks[:-1])):
            toks = toks[:-1]
        words = [t for t in toks if t.is_alpha or t.like_num]
        if len(words) < _MIN_WORDS:
            return None
        end = toks[-1].idx + len(toks[-1].text)
        # the closing mark of a partial quote that ends the statement is attached elsewhere by the parser
        text = self.text
        if self._opened_in(toks):
            if text[end : end + 1] in ("”", '"'):
                end += 1
            elif text[end : end + 1] in (".", ",", "!", "?") and text[end + 1 : end + 2] in ("”", '"'):
                end += 2  # 'had "given a lesson in democracy."' keeps the period typed inside the marks
        return toks[0].idx, end


def _longest_run(toks: list[Token]) -> list[Token]:
    """The longest stretch of consecutive tokens."""
    runs: list[list[Token]] = []
    for tok in toks:
        if runs and runs[-1][-1].i + 1 == tok.i:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return max(runs, key=len) if runs else []


def _quote(doc: Doc, spk: Speaker, verb: Token | None, content: str, direct: bool, ev: Evidence,
           conf: float, cue: str | None = None, sentences: Sentences | None = None) -> Quote:
    spk_ev = evidence(doc, spk.start, spk.end, sentences)
    if cue is None and verb is not None:
        cue = cue_of(verb)
    if spk.name is None:
        return Quote(None, spk.mention, cue, content, direct, ev, spk_ev, spk.type, round(conf * 0.5, 2),
                     reason=spk.reason)
    return Quote(spk.name, spk.mention, cue, content, direct, ev, spk_ev, spk.type,
                 round(conf * spk.confidence, 2))


def extract_quotes(doc: Doc, entities: DocEntities) -> Iterator[Quote]:
    ex = _Extractor(doc, entities)
    direct = list(ex.direct_quotes())
    reported = list(ex.reported())
    yield from sorted(direct + reported, key=lambda q: (q.evidence.start, q.evidence.end))

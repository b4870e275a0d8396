"""The resolver: one document's speaker mentions → canonical in-document names (``kg.extract.coref``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.coref.names import NameResolution
from kg.extract.coref.nominals import NominalResolution, _origin, noun_phrase
from kg.extract.coref.words import (
    _APPOS,
    _COMPOUND,
    _HE,
    _NAME_LABELS,
    _NEUTER,
    _ORG_TYPES,
    _PERSONAL,
    _PLURAL,
    _PRONOUN_WINDOW,
    _SHE,
    _SUBJ,
    _WHEN_LABELS,
    CONF_NOMINAL,
    CONF_PRONOUN,
    Sentences,
    Speaker,
    apostrophe_name,
    could_speak,
    gender_titles,
    person_noun,
    reporting_lemmas,
    source_nouns,
    title_at_end,
)
from kg.extract.entities import DocEntities
from kg.records import Entity

__all__ = ["Resolver", "noun_phrase"]


class Resolver(NameResolution, NominalResolution):
    """Resolves speaker mentions of one document: names (``names``), nominals (``nominals``) and, here,
    pronouns and the antecedents they point back to."""

    def __init__(self, doc: Doc, entities: DocEntities, sentences: Sentences | None = None):
        self.doc = doc
        self.entities = entities
        self.sentences = sentences or Sentences(doc)
        self.text = self.sentences.text
        self._resolved: dict[tuple[int, int], Speaker | None] = {}
        self._canonical: dict[str, str] = {}
        self._fuller: dict[str, set[str]] | None = None
        self.roles: dict[str, set[str]] = {}  # canonical person name -> role titles
        self.origins: dict[str, set[str]] = {}  # canonical person name -> countries/nationalities named with it
        self._persons: list[tuple[int, int, Token, str]] = []  # (start, end, head token, name) of persons
        # 1 for every character inside quotation marks, when the caller knows them (quote extraction)
        self.quoted_chars: bytearray | None = None
        self._scan()








    # -- precomputation -------------------------------------------------------------------------------
    def _scan(self) -> None:
        for tok in self.doc:
            if tok.pos_ != "PROPN" or tok.dep_ in _COMPOUND:
                continue
            role = self._role_of(tok)
            ent = self._entity(tok)
            speaking = self._speaking_name(tok)
            if ent is None and role is None and not speaking:
                continue
            if (ent is not None and ent.type != "Person" and role is None and not speaking
                    and not self._person_like_name(ent)):
                continue
            name, start, end = self._name_text(tok)
            if ent is not None:
                mention = next((m for m in ent.mentions if m.start <= tok.idx < m.end), None)
                name = self._entity_name(ent, mention.start, mention.end) if mention is not None else ent.name
            canon = self.canonical(name)
            self._persons.append((start, end, tok, canon))
            self.origins.setdefault(canon, set()).update(_origin(tok))
            if role:
                self.roles.setdefault(canon, set()).add(role)
            if ent is not None:
                self.roles.setdefault(canon, set()).update(ent.roles)




    # -- resolution -----------------------------------------------------------------------------------
    def resolve(self, head: Token, topic: Token | None = None) -> Speaker | None:
        """Who the mention headed by ``head`` is; None when it cannot be a speaker at all (an
        inanimate subject: "the sanctions continue"). ``topic`` is the subject of what was said: a
        company talking about itself ("Wizz Air will cut flights, the carrier said") names itself there."""
        key = (head.i, -1 if topic is None else topic.i)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(head, topic)
        return self._resolved[key]

    def _resolve(self, head: Token, topic: Token | None) -> Speaker | None:
        low = head.text.lower()
        if head.pos_ == "PRON" or low in _PERSONAL | _PLURAL | _NEUTER:
            return self._pronoun(head)
        if head.ent_type_ in _WHEN_LABELS and not person_noun(head):
            return None  # "Saturday at the convention the senator said …": a day the parser made the subject
        # a capitalised role ("Chairman of the Board …") is a nominal, not a name
        if head.pos_ == "PROPN" and (self._entity(head) is None or title_at_end([head.text])):
            if title_at_end([head.text]) or head.lemma_.lower() in source_nouns():
                org = self._org_named_by(head)
                if org is not None:  # "the Ministry" after "the Ministry of Internal Affairs"
                    return Speaker(org.name, head.text, head.idx, head.idx + len(head.text), org.type,
                                   CONF_NOMINAL)
                return self._nominal(head, topic)
        # a name the tagger took for a common noun ("Pols said" tagged as plural of "pol")
        if (head.pos_ == "PROPN" or apostrophe_name(head)
                or (self._entity(head) is not None and head.ent_type_ in _NAME_LABELS)):
            return self._proper(head)
        # a role noun with a name in apposition: "the president, Kassym-Jomart Tokayev, said"
        for child in head.children:
            if child.dep_ == _APPOS and child.pos_ == "PROPN":
                return self._proper(child)
        return self._nominal(head, topic)




    def _pronoun(self, head: Token) -> Speaker | None:
        low = head.text.lower()
        start, end = head.idx, head.idx + len(head.text)
        if low in _NEUTER:
            org = self._org_before(head)
            if org is None:
                return None  # "it" with no organisation before it is no speaker ("it is said")
            return Speaker(self.canonical(org.name), head.text, start, end, org.type, CONF_PRONOUN)
        if low in _PLURAL:
            group = self._group_before(head)
            if group is not None:
                return Speaker(group.name, head.text, start, end, group.type, CONF_PRONOUN)
        if low not in _PERSONAL:
            return Speaker(None, head.text, start, end, None, 0.0, reason=f"pronoun {head.text!r} not resolved")
        ante = self.antecedent(head)
        if ante is None:
            return Speaker(None, head.text, start, end, "Person", 0.0,
                           reason=f"no person before pronoun {head.text!r}")
        resolved = self._proper(ante)
        return Speaker(resolved.name, head.text, start, end, "Person", CONF_PRONOUN)

    def _group_before(self, head: Token) -> Speaker | None:
        """"Kazakh officials said … They added that …": the nearest plural or organisation subject before
        ``head`` (same or previous sentence) that resolves to a named group or organisation."""
        sents = self.sentences.up_to(head.idx, 2)
        for sent in reversed(sents):
            cands = [t for t in sent if t.i < head.i and t.dep_ == "nsubj" and could_speak(t)
                     and (t.tag_ in ("NNS", "NNPS") or (self._entity(t) and self._entity(t).type in _ORG_TYPES))]
            for tok in reversed(cands):
                found = self.resolve(tok)
                if found is not None and found.name is not None:
                    return found
        return None

    def _org_like(self, tok: Token) -> bool:
        ent = self._entity(tok)
        if ent is not None:
            return ent.type in _ORG_TYPES
        return tok.ent_type_ in ("", "ORG")

    def _org_before(self, head: Token, window: int = 2) -> Entity | None:
        """The organisation named last before ``head`` in its sentence or the ``window - 1`` before."""
        sents = self.sentences.up_to(head.idx, window)
        lo = sents[0].start_char if sents else 0
        # an organisation that was the subject of a clause beats one named in passing after it, as for
        # "he": "Acme said in a filing with the regulator that it bought 5 pct of Bolt Corp. The group
        # said …" is Acme, not the regulator or Bolt Corp
        best = None
        for e in self.entities.entities:
            if e.type not in _ORG_TYPES:
                continue
            for m in e.mentions:
                if lo <= m.start < head.idx:
                    rank = (self._subject_mention(m.start, m.end), m.start)
                    if best is None or rank > best[0]:
                        best = (rank, e)
        return best[1] if best else None

    def _subject_mention(self, start: int, end: int) -> bool:
        """The mention at ``text[start:end]`` is (the name in) a clause's subject."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        while tok.dep_ in ("compound", "flat", "appos", "conj") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ in _SUBJ

    def antecedent(self, head: Token, depth: int = 0) -> Token | None:
        """The nearest person mention before ``head``: in the same sentence, else in the closest
        earlier sentence that has one (a grammatical subject preferred over other mentions). A "she" that
        is the main subject of that sentence, with no named subject there, hands on its own antecedent:
        "Ana Ferre said … She pointed to Dade County. “…,” she said" is Ferre, not the county."""
        cur = self.sentences.of(head).start_char
        spans = self.sentences.up_to(head.idx, _PRONOUN_WINDOW + 1)
        earlier = [s.start_char for s in spans]
        family = _HE if head.lower_ in _HE else _SHE if head.lower_ in _SHE else None
        quoted = self.quoted_chars
        outside = quoted is None or not quoted[head.idx]
        # "Mr. Ames, who takes no big donations, fits that bill, he added": the statement before "he added"
        # is what was said, and a name in it is not who said it
        said = {t.i for c in head.head.children if c.dep_ in ("ccomp", "parataxis") and c.i < head.i
                and self._comma_between(c.right_edge, head) for t in c.subtree} if head.dep_ == "nsubj" else set()
        if quoted is not None and any(quoted[self.doc[i].idx] for i in said):
            # when that statement is a quotation, only the quoted words are what was said: "Voss scolded him:
            # “…,” she said" -- the parser hangs the lead-in on the quotation, and Voss presents it
            said = {i for i in said if quoted[self.doc[i].idx]}
        for s_start in reversed(earlier):
            cands = [p for p in self._persons if p[1] <= head.idx and p[0] >= s_start]
            if outside and quoted is not None:
                # “No thanks to Deal,” he added: a name inside someone's quoted words is not who "he" is
                cands = [p for p in cands if not quoted[p[0]]]
            if said:
                cands = [p for p in cands if p[2].i not in said]
            if family is not None:
                cands = [p for p in cands if self._title_gender(p[0]) in (None, head.lower_ in _HE and "he" or "she")]
            if s_start < cur:
                cands = [p for p in cands if p[0] < cur]
            sent = spans[earlier.index(s_start)]
            # "Rubio spoke last. The Florida senator thanked the crowd at Trump's rallies. He said …": a role
            # noun as the main subject names the person "he" takes up, not a name in passing after it
            role = self._role_subject(sent, head, outside, said, depth) if family is not None else None
            if not cands and role is None:
                continue
            # the subject of the main or reporting clause beats an embedded subject, which beats an object:
            # "Varadi added that Wizz would not raise fares. …," he said' is Varadi
            best = max((self._salience(p[2]) for p in cands), default=-1)
            if role is not None and best < 2:
                return role
            found = [p for p in cands if self._salience(p[2]) == best][-1][2]
            if family is not None and best < 2 and depth < 3:
                chain = [t for t in sent if t.i < head.i and t.lower_ in family and t.dep_ in _SUBJ
                         and self._salience(t) == 2 and not (outside and quoted is not None and quoted[t.idx])
                         and t.i not in said]
                if chain:
                    return self.antecedent(chain[-1], depth + 1) or found
            return found
        return None

    def _role_subject(self, sent, head: Token, outside: bool, said: set[int], depth: int) -> Token | None:
        """The name token of the person that a role noun as the main subject of ``sent`` before ``head`` stands
        for ("the senator", "the Republican nominee"), when the role resolves to a person named before it."""
        quoted = self.quoted_chars
        for tok in reversed([t for t in sent if t.i < head.i and t.pos_ == "NOUN" and t.dep_ in _SUBJ]):
            if tok.i in said or (outside and quoted is not None and quoted[tok.idx]) or self._salience(tok) < 2:
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                continue  # "a senator said …" is someone else
            spk = self.resolve(tok)
            if spk is None or spk.type != "Person":
                return None
            if spk.name is None:
                # a role the article gave no name ("The Florida senator" after "Rubio spoke"): the role takes up
                # the person the sentences before it are about, as a pronoun would
                return self.antecedent(tok, depth + 1) if depth < 3 else None
            named = [p for p in self._persons if p[3] == spk.name and p[1] <= tok.idx]
            return named[-1][2] if named else None
        return None

    def _title_gender(self, start: int) -> str | None:
        """ "he" or "she" when the name starting at ``start`` is written with a courtesy title that says so
        ("Mrs. Lane", "Mr. Ortiz"), the title inside the name or just before it; else None."""
        before = self.text[max(0, start - 7) : start]
        words = (before.split()[-1:] if before[-1:].isspace() else []) + self.text[start : start + 7].split()[:1]
        return next((gender_titles()[w] for w in (w.lower() for w in words) if w in gender_titles()), None)

    def _comma_between(self, end: Token, head: Token) -> bool:
        """Only a comma (and quotation marks) stand between the statement and its speaker: "…, he added";
        not "You should recall what X said: he pledged …"."""
        between = self.doc[end.i + 1 : head.left_edge.i]
        texts = [t.text for t in between] + ([end.text] if end.is_punct else [])
        return "," in texts and all(t.is_punct and t.text not in (":", ";") for t in between)

    @staticmethod
    def _salience(tok: Token) -> int:
        while tok.dep_ in ("appos", "conj", "compound", "poss") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ not in _SUBJ:
            return 0
        verb = tok.head
        main = verb.dep_ == "ROOT" or verb.lemma_.lower() in reporting_lemmas()
        return 2 if main else 1














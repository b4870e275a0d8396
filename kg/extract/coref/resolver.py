"""The resolver: one document's speaker mentions → canonical in-document names (``kg.extract.coref``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.coref.words import (
    _APPOS,
    _COMPOUND,
    _HE,
    _LEADING_DET,
    _NAME_LABELS,
    _NEG,
    _ORG_TYPES,
    _PERSONAL,
    _PLURAL,
    _PRONOUN_WINDOW,
    _QUANTIFIERS,
    _SHE,
    _SUBJ,
    CONF_GROUP,
    CONF_NAME,
    CONF_NOMINAL,
    CONF_PRONOUN,
    Sentences,
    Speaker,
    apostrophe_name,
    channel_nouns,
    could_speak,
    document_nouns,
    gender_titles,
    group_nouns,
    name_modals,
    name_particles,
    org_nouns,
    person_noun,
    reporting_lemmas,
    source_nouns,
    strip_titles,
    title_at_end,
    title_modifiers,
)
from kg.extract.entities import DocEntities, country_of, demonym_country
from kg.records import Entity


class Resolver:
    """Resolves speaker mentions of one document."""

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

    # -- names ------------------------------------------------------------------------------------
    def canonical(self, name: str) -> str:
        """Titles stripped; a one-word name widened to the unique fuller name ending with it."""
        if name not in self._canonical:
            self._canonical[name] = self._widen(strip_titles(name)[0])
        return self._canonical[name]

    def _widen(self, name: str) -> str:
        words = name.split()
        if len(words) != 1:
            return name
        if self._fuller is None:  # last word -> fuller names, built on first use
            self._fuller = {}
            for e in self.entities.entities:
                full = strip_titles(e.name)[0]
                if len(full.split()) > 1:
                    self._fuller.setdefault(full.lower().split()[-1], set()).add(full)
        fuller = self._fuller.get(words[0].lower(), set())
        return next(iter(fuller)) if len(fuller) == 1 else name

    def _entity(self, tok: Token) -> Entity | None:
        return self.entities.at(tok.idx, tok.idx + len(tok.text))

    def _name_tokens(self, head: Token) -> list[Token]:
        """A proper-noun head with its proper-noun compounds: 'Kassym - Jomart Tokayev'."""
        toks = [head]
        for child in head.lefts:
            if child.dep_ in _COMPOUND or child.text in "-‐":
                # not a capitalised verb the parser hung on the name ("Continued Ortiz: …")
                toks.extend(t for t in child.subtree if t.pos_ != "VERB" and (
                    t.pos_ in ("PROPN", "PUNCT") or t.text[:1].isupper() or t.lower_ in name_particles()))
        return sorted(set(toks), key=lambda t: t.i)

    def _name_text(self, head: Token) -> tuple[str, int, int]:
        toks = self._name_tokens(head)
        # keep the contiguous run that ends at the head
        run = [head]
        for t in reversed([t for t in toks if t.i < head.i]):
            if t.is_punct and (t.whitespace_ or (t.i > 0 and t.nbor(-1).whitespace_)):
                break  # "HEADLINE WORDS - Dana Wills": a spaced dash ends the name ("Kassym-Jomart" has none)
            if t.i == run[0].i - 1:
                run.insert(0, t)
        while run[0].is_punct and run[0].i < head.i:  # "… - Marist:": a dash before the name is no part of it
            run.pop(0)
        start, end = run[0].idx, head.idx + len(head.text)
        return self.text[start:end], start, end

    def _name_end(self, start: int, end: int) -> int | None:
        """Where a name found at ``text[start:end]`` really ends, when the tagger ran it into the words
        after it: a Title Case headline makes every word a proper noun, so "Ochoa Says He Never Backed It"
        gives the person "Ochoa Says He Never". The name stops before the first word after its first that
        no name holds: a verb, a pronoun, a negation, or a modal before a negation or a bare verb ("Ochoa
        May Not Run"; "Theresa May met them" keeps its "May"). None when the name is whole."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 2:
            return None
        for k, tok in enumerate(span):
            if k == 0:
                continue
            nxt = tok.nbor(1) if tok.i + 1 < len(self.doc) else None
            if tok.lower_ in name_modals():  # "May Not Run" cuts, "Theresa May Will Meet" cuts after "May"
                # (a modal takes a bare verb: "Theresa May met them" keeps the name)
                cut = nxt is not None and (nxt.dep_ == _NEG or nxt.lower_ in ("not", "never") or (
                    nxt.tag_ == "VB" and nxt.lower_ not in name_modals()))
            else:
                cut = (tok.pos_ in ("VERB", "AUX", "PRON") or tok.tag_ in ("PRP", "VBZ", "VBD")
                       or tok.dep_ == _NEG or tok.lower_ in ("not", "never"))
            if cut:
                stop = span[k - 1]
                return stop.idx + len(stop.text)
        return None

    def _entity_name(self, ent: Entity, start: int, end: int) -> str:
        """The entity's name, unless its mention at ``text[start:end]`` ran into the words after a name
        (see ``_name_end``): then the name is the cut mention."""
        cut = self._name_end(start, end)
        if cut is None:
            return ent.name
        return strip_titles(self.text[start:cut])[0]

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

    def _speaking_name(self, tok: Token) -> bool:
        """A two- or three-word proper name that is the subject of a reporting verb ("Arnaud Rousseau
        told AFP") is a person, whatever type the small NER model guessed (it said LOC here)."""
        if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in reporting_lemmas():
            return False
        ent = self._entity(tok)
        if ent is not None and ent.type in _ORG_TYPES and ent.type != "Organization":  # surely an organisation
            return False
        words = self._name_text(tok)[0].split()
        return 2 <= len(words) <= 3 and not any(w.lower() in source_nouns() | org_nouns() for w in words)

    def _person_like_name(self, ent: Entity) -> bool:
        # spaCy sometimes types a titled or short person name as ORG/GPE; a name that another entity
        # of type Person shares (by last word) or that carries roles is still a person
        if ent.roles:
            return True
        last = ent.name.split()[-1].lower()
        return any(e.type == "Person" and e.name.split()[-1].lower() == last for e in self.entities.entities)

    def _role_of(self, tok: Token) -> str | None:
        """A role title attached to a proper-noun head: as compound before it or in an apposition."""
        lead = [t for t in self._name_tokens(tok) if t.i < tok.i]
        if lead:
            _, role = strip_titles(self.doc[lead[0].i : tok.i + 1].text)
            if role:
                return role
        for child in tok.children:
            if child.dep_ == _APPOS and child.pos_ == "NOUN":
                mods = [t.text for t in child.lefts if t.dep_ in ("amod", "compound")]
                role = title_at_end(mods + [child.text])
                if role:
                    return role
        return None

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
        if head.pos_ == "PRON" or low in _PERSONAL | _PLURAL | {"it"}:
            return self._pronoun(head)
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

    def _proper(self, head: Token) -> Speaker:
        ent = self._entity(head)
        text, start, end = self._name_text(head)
        if ent is not None:
            mention = next((m for m in ent.mentions if m.start <= head.idx < m.end), None)
            if mention is not None:
                start, end = min(start, mention.start), max(end, mention.end)
                text = self.text[start:end]
            name = self.canonical(ent.name)
            cut = self._name_end(start, end)
            if cut is not None:  # "Ochoa Says He Never …" in a Title Case headline: the name is "Ochoa"
                end = cut
                text = self.text[start:end]
                name = self.canonical(strip_titles(text)[0])
            typ = ent.type
            # the entity tagger cut a name short ("Ana Costa" tagged as the ORG "Costa"): the proper-noun
            # chain is the name, and the tagger's type is not to be trusted
            chain = strip_titles(text)[0]
            if len(chain.split()) > len(name.split()) and chain.endswith(" " + name):
                name, typ = chain, None
            if typ in _ORG_TYPES and len(text.split()) == 1:
                # "Vance said" where the story names both "Ellen Vance" and "Vance Holdings": a bare surname
                # that speaks is the person (the entity tagger gave the word to the company)
                person = next((e for e in self.entities.entities if e.type == "Person" and len(e.name.split()) > 1
                               and e.name.split()[-1] == text), None)
                if person is not None:
                    name, typ = self.canonical(person.name), "Person"
        else:
            name = self.canonical(text)
            typ = None
        # "Continued Ortiz: …", "Added Becker, …": the tagger took the sentence-opening verb into the name
        span = self.doc.char_span(start, start + 1, alignment_mode="expand") if head.idx > start else None
        lead = span[0] if span else None
        if lead is not None and lead.i < head.i and lead.pos_ == "VERB" and lead.lemma_.lower() in reporting_lemmas():
            start = lead.idx + len(lead.text_with_ws)
            text = self.text[start:end]
            if name.startswith(lead.text + " "):
                name = self.canonical(name[len(lead.text) + 1 :])
        # a generic capitalised head ("the Ministry") refers back to the last organisation named by it
        if len(name.split()) == 1 and (ent is None or ent.type in _ORG_TYPES):
            org = self._org_named_by(head)
            if org is not None:
                name, typ = org.name, org.type
        if (self._role_of(head) or self._speaking_name(head)
                or (typ not in (*_ORG_TYPES, "Group") and self._is_person_name(name))):
            typ = "Person"
        return Speaker(name, text, start, end, typ or None, CONF_NAME)

    def _is_person_name(self, name: str) -> bool:
        return name in self.roles or any(
            e.type == "Person" and self.canonical(e.name) == name for e in self.entities.entities
        )

    def _org_named_by(self, head: Token) -> Entity | None:
        word = head.text.lower()
        best = None  # the most recently mentioned one: "the Ministry" refers back to the last ministry named
        for e in self.entities.entities:
            if e.type in _ORG_TYPES and len(e.name.split()) > 1 and e.name.split()[0].lower() == word:
                last = max((m.start for m in e.mentions if m.start < head.idx), default=None)
                if last is None and not e.mentions:
                    last = 0
                if last is not None and (best is None or last > best[0]):
                    best = (last, e)
        return best[1] if best else None

    def _pronoun(self, head: Token) -> Speaker | None:
        low = head.text.lower()
        start, end = head.idx, head.idx + len(head.text)
        if low == "it":
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
                if not cands:
                    continue
            elif not cands:
                continue
            # the subject of the main or reporting clause beats an embedded subject, which beats an object:
            # "Varadi added that Wizz would not raise fares. …," he said' is Varadi
            best = max(self._salience(p[2]) for p in cands)
            found = [p for p in cands if self._salience(p[2]) == best][-1][2]
            if family is not None and best < 2 and depth < 3:
                sent = spans[earlier.index(s_start)]
                chain = [t for t in sent if t.i < head.i and t.lower_ in family and t.dep_ in _SUBJ
                         and self._salience(t) == 2 and not (outside and quoted is not None and quoted[t.idx])
                         and t.i not in said]
                if chain:
                    return self.antecedent(chain[-1], depth + 1) or found
            return found
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

    def _nominal(self, head: Token, topic: Token | None = None) -> Speaker | None:
        span = noun_phrase(head)
        mods = [t.text for t in span if t.i <= head.i and t.dep_ in ("amod", "compound") or t.i == head.i]
        role = title_at_end(mods)
        text = span.text
        start, end = span.start_char, span.end_char
        # a person noun ('the businessman') refers back even when it is also listed as a possible source noun
        if role is None and person_noun(head):
            return self._person_noun(head, span)
        if role is None and not ({head.lemma_.lower(), head.lower_} & (source_nouns() | org_nouns())):
            return None
        if role is None and head.lemma_.lower() in document_nouns():
            return self._document(head, text, start, end)
        org = self._org_in(span, head)
        if role is not None:
            person = self._person_with_role(role, head.idx, _origin(head))
            if person is not None:
                return Speaker(person, text, start, end, "Person", CONF_NOMINAL)
            if org is not None:  # "a Shell spokesperson": an unnamed person speaking for the organisation
                return Speaker(self.canonical(org.name), text, start, end, org.type, CONF_NOMINAL)
            if person_noun(head):  # a profession that is also a title ("the retired surgeon"): as "the businessman"
                return self._person_noun(head, span)
            return Speaker(None, text, start, end, "Person", 0.0,
                           reason=f"no person with role {role!r} in the document")
        # "the company's own report", "the press service of the president": the owner speaks
        owner = next((c for c in head.children if c.dep_ == "poss"), None) or next(
            (t for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.children
             if t.dep_ == "pobj"), None)
        if owner is not None and head.lemma_.lower() in channel_nouns():
            found = self.resolve(owner)
            if found is not None and found.name is not None:
                return Speaker(found.name, text, start, end, found.type, round(found.confidence * 0.9, 2))
        # "the company", "the ministry": the organisation of that kind named last
        det = next((c for c in head.children if c.dep_ == "det"), None)
        if det is not None and det.lower_ == "the" and head.lemma_.lower() in org_nouns():
            if topic is not None and topic.pos_ == "PROPN" and self._org_like(topic):
                name = self._name_text(topic)[0]
                ent = self._entity(topic)
                return Speaker(self.canonical(ent.name) if ent else name, text, start, end,
                               ent.type if ent else "Organization", CONF_NOMINAL)
            prior = self._org_before(head, window=5)
            if prior is not None:
                return Speaker(self.canonical(prior.name), text, start, end, prior.type, CONF_NOMINAL)
        # "the press service of the Ministry of Defense": the organisation speaks
        if org is not None and org.mentions and self._after_head(org, head):
            return Speaker(self.canonical(org.name), text, start, end, org.type, CONF_GROUP)
        # "Kazakh officials": a common noun made specific by a named modifier
        words = [t for t in span if t.i <= head.i]
        if any(self._entity(t) is not None or t.ent_type_ in ("NORP", "GPE", "ORG") for t in words[:-1]):
            while words[0].pos_ == "DET" or words[0].lower_ in _QUANTIFIERS:
                words = words[1:]
            name = self.text[words[0].idx : head.idx + len(head.text)]
            return Speaker(name, text, start, end, "Group", CONF_GROUP)
        return Speaker(None, text, start, end, None, 0.0, reason=f"unnamed source {text!r}")

    def _person_noun(self, head: Token, span: Span) -> Speaker:
        """"the businessman", "the 62-year-old": the person the article named last as a subject, in this
        sentence or the few before (as for "he"); "protesters", "a farmer": an unnamed source."""
        text, start, end = span.text, span.start_char, span.end_char
        det = next((c for c in head.children if c.dep_ == "det"), None)
        definite = det is not None and det.lower_ in ("the", "this", "that")
        # only a bare description points back ("the retired surgeon"); one with a clause or phrase after it
        # introduces someone new ("the boy, who wore a red cap", "a man in the crowd")
        bare = not any(c.dep_ in ("relcl", "acl", "prep", "appos") for c in head.rights)
        if definite and bare and head.tag_ in ("NN", "JJ", "NNP") and head.lemma_.lower() not in group_nouns():
            ante = self.antecedent(head)
            if ante is not None and self._salience(ante) > 0:
                resolved = self._proper(ante)
                if resolved.name is not None and resolved.type in ("Person", None):
                    return Speaker(resolved.name, text, start, end, "Person", CONF_NOMINAL)
        plural = head.tag_ == "NNS" or head.lemma_.lower() in group_nouns()
        return Speaker(None, text, start, end, "Group" if plural else "Person", 0.0,
                       reason=f"unnamed source {text!r}")

    def unnamed(self, head: Token) -> Speaker:
        """A common noun that the text itself puts in the speaker's place ("“…,” the retired surgeon told
        the paper") although no rule file lists it: resolved as a person noun."""
        # "master of ceremonies Omar Haddad": the name in apposition inside the description
        named = next((t for t in head.subtree if t.dep_ == _APPOS and t.pos_ == "PROPN"), None)
        if named is not None:
            found = self._proper(named)
            span = noun_phrase(head)
            return Speaker(found.name, span.text, span.start_char, span.end_char, found.type, CONF_NOMINAL)
        return self._person_noun(head, noun_phrase(head))

    def _document(self, head: Token, text: str, start: int, end: int) -> Speaker:
        """A poll, study or report as the source: its author when named ("the Gallup poll", "a survey by
        Marist College", "the county's audit"), else the document itself as an unnamed source."""
        author = next((c for c in head.children if c.dep_ == "poss"), None) or next(
            (t for c in head.children if c.dep_ == "prep" and c.lower_ == "by" for t in c.children
             if t.dep_ == "pobj"), None) or next(
            (c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if author is not None and author.i != head.i:
            found = self.resolve(author)
            if found is not None and found.name is not None:
                return Speaker(found.name, text, start, end, found.type, round(found.confidence * 0.9, 2))
        return Speaker(None, text, start, end, None, 0.0, reason=f"unnamed source {text!r}")

    def _org_in(self, span: Span, head: Token) -> Entity | None:
        for tok in span:
            if tok.i != head.i:
                ent = self._entity(tok)
                if ent is not None and ent.type in _ORG_TYPES:
                    return ent
        return None

    def _after_head(self, org: Entity, head: Token) -> bool:
        end = self.sentences.of(head).end_char
        return any(m.start > head.idx for m in org.mentions if m.start < end)

    def _person_with_role(self, role: str, offset: int, origin: set[str]) -> str | None:
        head_word = role.split()[-1]
        names = {n for n, rs in self.roles.items()
                 if role in rs or (len(role.split()) == 1 and any(r.split()[-1] == head_word for r in rs
                                                                   if r == role or r.endswith(" " + role)))}
        # "the Uzbek president" is not the president introduced as "Kazakh President Tokayev"
        if origin:
            names = {n for n in names if not self.origins.get(n) or _same_origin(origin, self.origins[n])}
        if not names:
            return None
        if len(names) == 1:
            return names.pop()
        # several people hold such a role: the one mentioned nearest before the nominal, else after
        best = None
        for start, _end, _tok, name in self._persons:
            if name in names and (best is None or start < offset):
                best = name
        return best


def _origin(tok: Token) -> set[str]:
    """Countries and nationalities named with a person or role: "Kazakh President Tokayev", "Tokayev of
    Kazakhstan", "Smaiylov, the prime minister of Kazakhstan", "the Uzbek president", "Kazakhstan's …"."""
    near = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    near += [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.children]
    near += [t for c in tok.children if c.dep_ == "appos" for t in c.subtree]
    words = set()
    for t in near:
        # an apposition's whole phrase ("the president of Kazakhstan"); otherwise the modifier itself,
        # not what modifies it ("the ex-Soviet republic's president" names no country)
        for w in t.subtree if t.head.dep_ == "appos" or t.dep_ == "appos" else [t]:
            if w.ent_type_ in ("NORP", "GPE"):
                words.add(w.lower_)
    # the words before a title in a name: "Kazakh" in "Kazakh President Kassym-Jomart Tokayev" (spaCy often
    # tags the whole phrase as one ORG, so the entity type cannot tell)
    lead = [t for t in tok.subtree if t.i < tok.i and t.dep_ in ("compound", "amod")]
    low = [t.lower_ for t in lead]
    for k in range(len(low), 0, -1):
        if title_at_end(low[:k]) is not None:
            words |= {w for w in low[: k - 1] if w.isalpha() and w not in title_modifiers()}
            break
    return words


def _same_origin(a: set[str], b: set[str]) -> bool:
    # "Kazakh" and "Kazakhstan" name one country by the demonym table, exactly (issue 13: a shared prefix made
    # Austria/Australia and Niger/Nigeria one origin)
    def countries(words: set[str]) -> set[str]:
        return {country_of(w) or demonym_country(w) or w for w in words}

    return bool(countries(a) & countries(b))


def noun_phrase(head: Token) -> Span:
    """The head's subtree without relative clauses, appositions and trailing punctuation."""
    drop = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos", "punct") for t in c.subtree}
    toks = [t for t in head.subtree if t.i not in drop]
    lo, hi = toks[0].i, toks[-1].i
    while lo < head.i and (head.doc[lo].text.lower() in _LEADING_DET or head.doc[lo].is_punct):
        lo += 1
    while hi > head.i and head.doc[hi].is_punct:
        hi -= 1
    # stop at the first excluded token after the head so the span stays contiguous
    for i in range(head.i + 1, hi + 1):
        if i in drop:
            hi = i - 1
            break
    return head.doc[lo : hi + 1]

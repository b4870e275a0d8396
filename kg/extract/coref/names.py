"""Names as speakers: the proper-noun chain at a mention, cut where a headline ran on, widened to the
fullest name the document uses, typed as a person or an organisation (a mixin of ``Resolver``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref.words import (
    _APPOS,
    _COMPOUND,
    _NEG,
    _ORG_TYPES,
    CONF_NAME,
    Speaker,
    name_modals,
    name_particles,
    org_nouns,
    reporting_lemmas,
    source_nouns,
    strip_titles,
    title_at_end,
)
from kg.records import Entity

# a person's name has at most this many words ("Martin Luther King Jr."); a longer "name" is a Title Case
# headline the entity tagger ran together ("Nell Brandt Slams Greta Lund")
_MAX_NAME_WORDS = 4


class NameResolution:
    """Resolution of proper-name mentions."""

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
            for full in {strip_titles(e.name)[0] for e in self.entities.entities}:
                if len(full.split()) > 1 and not self._headline_run(full):
                    self._fuller.setdefault(full.lower().split()[-1], set()).add(full)
        fuller = self._fuller.get(words[0].lower(), set())
        return next(iter(fuller)) if len(fuller) == 1 else name

    def _headline_run(self, full: str) -> bool:
        """``full`` is no name but a Title Case headline the entity tagger ran together: too many words, or
        another person's full name opening it ("Nell Brandt Slams Greta Lund" after "Nell Brandt")."""
        if len(full.split()) > _MAX_NAME_WORDS:
            return True
        if getattr(self, "_people", None) is None:
            self._people = {strip_titles(e.name)[0] for e in self.entities.entities
                            if e.type == "Person" and len(e.name.split()) > 1}
        return any(full != p and full.startswith(p + " ") for p in self._people)

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
            # (a headline run together names no one: the mention is the name)
            return strip_titles(self.text[start:end])[0] if self._headline_run(strip_titles(ent.name)[0]) else ent.name
        return strip_titles(self.text[start:cut])[0]

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

    def _proper(self, head: Token) -> Speaker:
        ent = self._entity(head)
        text, start, end = self._name_text(head)
        if ent is not None:
            mention = next((m for m in ent.mentions if m.start <= head.idx < m.end), None)
            if mention is not None:
                start, end = min(start, mention.start), max(end, mention.end)
                text = self.text[start:end]
            name = self.canonical(ent.name)
            if self._headline_run(strip_titles(ent.name)[0]):
                # the entity is a headline run together ("Nell Brandt Slams Greta Lund"): "Lund" in the text
                # below is the person named like the mention
                name = self.canonical(strip_titles(text)[0])
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
                               and e.name.split()[-1] == text and not self._headline_run(e.name)), None)
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
            # (not a name the article uses on its own more often than the longer one: "Trump" throughout is
            # not the "Trump Train" named once)
            if org is not None and (ent is None or len(ent.mentions) <= len(org.mentions)):
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

"""Nominal speakers: "the president", "the company", "the businessman", "a Gallup poll" → the person,
organisation or author the document introduced with that role or type (a mixin of ``Resolver``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.coref.words import (
    _APPOS,
    _LEADING_DET,
    _ORG_TYPES,
    _QUANTIFIERS,
    CONF_GROUP,
    CONF_NOMINAL,
    Speaker,
    channel_nouns,
    document_nouns,
    group_nouns,
    org_nouns,
    person_noun,
    source_nouns,
    title_at_end,
    title_modifiers,
)
from kg.extract.entities import country_of, demonym_country
from kg.records import Entity


class NominalResolution:
    """Resolution of common-noun mentions (roles, organisation nouns, person nouns, documents)."""

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
        # (not a possessive pronoun: "its quarterly report showed …" is the report's finding, a source apart
        # from what the company itself said)
        if author is not None and author.i != head.i and author.pos_ != "PRON":
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

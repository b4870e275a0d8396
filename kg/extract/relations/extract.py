"""The relation extractor: runs the matcher, turns each match into ``Relation`` records and drops duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import product

from spacy.tokens import Doc, Token

from kg import gazetteer
from kg.extract.coref import Resolver
from kg.extract.entities import (
    ORG_TYPES,
    DocEntities,
    demonym_country,
    honorifics,
    is_title_word,
    org_type_of_word,
    party_nouns,
)
from kg.extract.entities.datelines import _wire_names
from kg.extract.relations.config import (
    _PERSON_PRONOUNS,
    _PRONOUNS,
    _RELATIVE,
    _Config,
    _Found,
    _matcher,
    _Rule,
    category,
    config,
)
from kg.extract.relations.fallback import _dateline, _metadata_relations, _party_code, _title_fallback
from kg.extract.relations.roles import _coordinated_titles, _role_text
from kg.extract.relations.tables import _scorecards, _scorers
from kg.extract.relations.tree import (
    _clause_subject,
    _counted,
    _entity_in,
    _evidence,
    _generic_np,
    _hypothetical,
    _list_items,
    _mark,
    _mention_tokens,
    _named_by,
    _objects,
    _party_words,
    _place_modified_org,
    _speaker_of_pronoun,
    _subject_token,
)
from kg.records import Document, Entity, Relation


def extract_relations(doc: Doc, entities: DocEntities, document: Document) -> Iterator[Relation]:
    cfg = config()
    by_token = _mark(doc, entities)
    found: list[_Found] = []
    rules = {r.name: r for r in cfg.rules}
    resolver = _Lazy(lambda: Resolver(doc, entities))
    for match_id, token_ids in _matcher(doc.vocab)(doc):
        rule = rules[doc.vocab.strings[match_id]]
        anchors = dict(zip(rule.anchors, (doc[i] for i in token_ids), strict=True))
        found.extend(_from_match(rule, anchors, by_token, cfg, resolver))
    found.extend(_title_fallback(doc, entities, by_token, found, cfg))
    found.extend(_dateline(doc, by_token))
    found.extend(_party_code(doc, by_token))
    found.extend(_scorers(doc, by_token))
    found.extend(_scorecards(doc, by_token))
    yield from _dedupe(found)
    yield from _metadata_relations(doc, document)


class _Lazy:
    """The article's coreference resolver, built on the first pronoun subject (most articles need none)."""

    def __init__(self, make):
        self._make, self._value = make, None

    def __call__(self) -> Resolver:
        if self._value is None:
            self._value = self._make()
        return self._value


def _pronoun_subject(tok: Token, rule: _Rule, resolver: _Lazy) -> tuple[str, str | None, bool] | None:
    """'He is chief executive of Acme': (name, type, resolved) of a pronoun subject through the article's
    coreference (kg.extract.coref). A personal pronoun that cannot be resolved is kept as written with
    resolved=False (never an entity); 'it' / 'they' count only when resolved to an organisation or group,
    except as the subject of a seat ('it is headquartered in ...'), which only an organisation has."""
    low = tok.lower_
    if low in _PERSON_PRONOUNS and "PER" in rule.subject_cats:
        spk = resolver().resolve(tok)
        if spk is not None and spk.name:
            return spk.name, "Person", True
        return tok.text, None, False
    if low in {"it", "they"} and "ORG" in rule.subject_cats:
        spk = resolver().resolve(tok)
        if spk is not None and spk.name and spk.type in ORG_TYPES:
            return spk.name, spk.type, True
    if low in {"it", "we"} and rule.predicate in _SEAT_PREDICATES:
        # "It is headquartered in Leeds", "we are based in Cork": only an organisation has a seat, so the
        # pronoun is kept as written, unresolved (never an entity), like an unresolved "he"
        return tok.text, None, False
    return None


_SEAT_PREDICATES = {"headquartered_in", "based_in"}


def _from_match(rule: _Rule, anchors: dict[str, Token], by_token: dict[int, Entity], cfg: _Config,
                resolver: _Lazy):
    trigger = anchors.get("TRIGGER")
    if (rule.check_hypothetical and trigger is not None
            and _hypothetical(trigger, cfg.hypothetical_heads, cfg.hypothetical_aux)):
        return
    if (trigger is not None and trigger.dep_ == "relcl" and rule.subject in anchors
            and anchors[rule.subject].i == trigger.head.i and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in _RELATIVE for c in trigger.children)):
        return  # "Jo Kim, whose father was chairman of Acme": the clause is about its own subject, not Jo Kim
    if rule.object == "clause_subject":
        # "Acme is a firm founded by Jo Kim, its chief executive": the organisation the verb's clause is about
        objects = _clause_object(rule, trigger, by_token)
        role_tok = anchors.get(rule.role or "")
        if role_tok is not None and any(c.dep_ == "prep" and c.lower_ in {"of", "at", "for", "with"}
                                        for t in (role_tok, *role_tok.conjuncts) for c in t.children):
            return  # "founded by Jo Kim, a former CEO of Beta": the title is another organisation's
    else:
        objects = _objects(rule, anchors[rule.object], by_token, cfg)
    if rule.object_party:
        objects = [(t, e) for t, e in objects if _is_party(t, e)]
    if rule.object_exclude:
        objects = [(t, e) for t, e in objects if e.name.lower() not in rule.object_exclude]
    if not objects:
        return
    subj_tok = _subject_token(rule, anchors, trigger)
    if subj_tok is not None:
        subj_tok = _counted(subj_tok, cfg)
    pronoun: tuple[str, str | None, bool] | None = None
    if subj_tok is not None and subj_tok.tag_ in _PRONOUNS:
        said = _speaker_of_pronoun(subj_tok, by_token)
        if said is None:
            pronoun = _pronoun_subject(subj_tok, rule, resolver)
            if pronoun is None:
                return
        else:
            subj_tok = said
    if subj_tok is None:
        return
    items = _list_items(subj_tok) if rule.expand_subject and pronoun is None else [subj_tok]
    named: list[tuple[Token, str, str, float]] = []
    generic: list[tuple[Token, str, str, float]] = []
    if pronoun is not None:
        # a resolved pronoun is a little less sure than a name; an unresolved one less still
        named.append((subj_tok, pronoun[0], pronoun[1], rule.confidence * (0.9 if pronoun[2] else 0.6)))
        items = []
    for item in items:
        if ("PER" not in rule.subject_cats and item.pos_ == "NOUN" and item.i not in by_token
                and is_title_word(item.text)):
            continue  # "a London-based Nordic banking expert": a person described, not an organisation
        text = _place_modified_org(item, by_token) if "ORG" in rule.subject_cats else None
        if text:
            named.append((item, text, org_type_of_word(item.lemma_) or "Organization", rule.confidence))
            continue
        if item.lemma_.lower() in cfg.generic_subject_heads and (
                (item.dep_ == "attr" and by_token.get(item.i) is None)
                or (item.dep_ in {"attr", "appos"} and item.i in by_token and item.text[:1].isupper())):
            # "Acme is a Seattle-based software company": the company the noun stands for, not a name inside;
            # "Tarn Ventures, a Dutch Data Analytics Company based in Utrecht": capitalised, the
            # description still stands for the name it describes
            ent = _named_by(item, by_token, rule.subject_cats) or _entity_in(item, by_token, rule.subject_cats)
        else:
            ent = _entity_in(item, by_token, rule.subject_cats) or _named_by(item, by_token, rule.subject_cats)
        if ent is not None:
            if rule.subject_types and ent.type not in rule.subject_types:
                continue
            if _is_party_word(ent):
                continue  # "Democratic candidate Jo Kim is shifting staff to Iowa": the party word only qualifies
            if category(ent.type) == "PER" and _bracketed_acronym(item, by_token):
                continue  # "the chairman of the Harbor Trade Council (HTC)": the council's short name, no person
            named.append((item, ent.name, ent.type, rule.confidence))
            continue
        if rule.generic_subject:
            np = _generic_np(item, cfg.generic_subject_heads)
            if np:
                generic.append((item, np, "Group", rule.confidence * 0.7))
    for (item, name, stype, conf), (obj_tok, obj) in product(named or generic, objects):
        if name == obj.name or item.i == obj_tok.i:
            continue
        if rule.subject not in anchors and obj_tok.i <= item.i <= obj_tok.right_edge.i:
            continue  # a subject inside the object's phrase ("based in Sacramento, CA") is no subject
        obj_head = obj_tok
        while obj_head.dep_ == "compound" and obj_head.head.i != obj_head.i:
            obj_head = obj_head.head  # "Mount" of "Mount Pleasant"
        if (rule.role and category(obj.type) == "PLACE" and obj_head.dep_ == "pobj"
                and obj_head.head.lower_ in {"in", "at", "from"}):
            continue  # "a lawyer in Orlando", "a teacher from Mount Pleasant": where, not an office of the place
        if rule.role and category(obj.type) == "PLACE" and _place_only_locates(anchors[rule.role], obj_tok,
                                                                              by_token, cfg):
            continue  # "a Kansas investment banker", "editor of New York magazine": where, not the place's post
        if rule.role and _other_name_between(obj_tok, anchors[rule.role], item, by_token):
            continue  # "Australian premier Ann Lee and Singapore Prime Minister Bo Park": Australia is not Park's
        if rule.role and _unit_of_another(obj_tok, anchors[rule.role], by_token):
            continue  # "a partner in the Washington office of Latham & Watkins": the firm's, not the city's
        if rule.predicate == "located_in" and (stype == obj.type in {"Region", "Country"} or any(
                c.dep_ in {"cc", "conj"} for c in obj_tok.children)):
            continue  # "in Florida, Ohio and elsewhere": a list of places, not one inside the other
        if rule.predicate == "nationality" or (rule.predicate == "located_in" and obj.type == "Group"):
            obj = _country_of(obj, obj_tok)
            if obj is None:
                continue
        if rule.role and _role_of_another(anchors[rule.role], trigger, item, by_token):
            continue  # "he was cameraman for Ann Lee, the CEO of Globex": Ann Lee's role, not his
        if rule.role and obj_tok.i < anchors[rule.role].i and _addressee(obj_tok, obj, by_token):
            continue  # "he told Reuters Finance Secretary Ann Lee said": the outlet told, not Lee's employer
        if rule.role and _portfolio_only(obj.name, obj_tok, anchors[rule.role], cfg):
            continue  # "Transport Minister X", "Swiss Economics Minister X": a portfolio, not an organisation
        if rule.role and _evaluated(anchors[rule.role], cfg):
            continue  # "Cruz is the party's best candidate": a judgement of fitness, not a position held
        if rule.role and _topic_of_plural(obj_tok, by_token.get(obj_tok.i)):
            continue  # "editor of Mideast reports": the name says what the reports are about, not whose they are
        if rule.role and _in_clause_of(obj_tok, {item.i, anchors[rule.role].i}, trigger):
            continue  # "a deputy, Ann Lee, who defeated Labour incumbent Tom Hale": the clause's, not her role's
        if rule.object_in_subject_phrase and not item.left_edge.i <= obj_tok.i <= item.right_edge.i:
            continue  # "Israeli Prime Minister X accused opposition leader Y": Israeli is not Y's
        doc = obj_tok.doc
        obj_ids = _mention_tokens(obj_tok, by_token.get(obj_tok.i))
        subj_ids = _mention_tokens(item, by_token.get(item.i))
        role = dict(rule.role_by_lemma).get(trigger.lemma_.lower()) if rule.role_by_lemma and trigger else None
        role = rule.role_text or role
        if rule.role:
            # the role phrase ends where the first object begins, for each of several coordinated objects
            lead = anchors.get(rule.object, obj_tok)
            if lead.i not in by_token:
                lead = obj_tok  # a role over an untagged board runs on to the organisation it belongs to
            role = _role_text(anchors[rule.role], _mention_tokens(lead, by_token.get(lead.i)) | obj_ids,
                              subj_ids) or None
            if role is None or role.rstrip(".") in honorifics():
                continue  # "Mr. Smith": an honorific is never a role
            role = _coordinated_titles(anchors[rule.role], role, obj_ids)
            if rule.role_suffix and not role.endswith(rule.role_suffix.strip()):
                noun = anchors[rule.role]
                if noun.tag_ == "NNS" and role.endswith(noun.lower_):  # "the boards of A and B": a board member
                    role = role[: -len(noun.lower_)] + noun.lemma_.lower()
                role += rule.role_suffix
            if rule.role_prefix and rule.role_prefix not in role.split():
                role = f"{rule.role_prefix} {role}"
        # (the bare word only: 'Labour Party leader Ann Cole' is the party's leader)
        party = _party_words().get(obj_tok.text) == obj.name and len(obj_ids) == 1
        if party:
            # "the Democratic Governor of New York", "Republican Senator Ann Cole": the party word qualifies the
            # title, which is the state's; of the party the person is a member
            role = "member"
        lo = min(min(subj_ids), min(obj_ids), *(t.i for t in anchors.values()))
        hi = max(max(subj_ids), max(obj_ids), *(t.i for t in anchors.values()))
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        if doc[lo].sent.start != doc[hi].sent.start:
            continue
        # unnamed groups ("foreign businesses", "international companies") moving to one place in one article
        # are one claim: they share a key, so only the most confident (then first) is kept
        generic_key = name if (item, name, stype, conf) in named else "\x00generic"
        mention, resolved = None, True
        if pronoun is not None:
            mention, resolved = item.text, pronoun[2]
            if not resolved:
                generic_key = f"\x00pronoun{item.i}"  # two unresolved "he"s are not known to be one person
        rel = Relation(subject=name, predicate=rule.predicate, object=obj.name, evidence=_evidence(doc, start, end),
                       role=role, subject_type=stype, object_type=obj.type, confidence=round(conf, 3),
                       pattern=rule.name, subject_mention=mention, subject_resolved=resolved)
        # measured to the first word of the object's name: a match on "Acme" and one on "Bank" of "Acme Bank and
        # Globex" are one object at one distance, so the coordinated organisation is kept with either
        lead = anchors.get(rule.object, obj_tok)
        if lead.i not in by_token:
            lead = obj_tok
        distance = abs(anchors[rule.role].i - min(_mention_tokens(lead, by_token.get(lead.i)))) if rule.role else 0
        if rule.role and obj_head.dep_ == "pobj" and obj_head.head.lower_ == "for":
            distance += 100  # "Acme's vice president for Global Markets": beside the owner, 'for' names a field
        role_at = anchors[rule.role].i if rule.role and not party else -1
        yield _Found(rel, (generic_key.lower(), rule.predicate, obj.name.lower()), distance, role_at)


_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp"}


def _in_clause_of(obj: Token, tops: set[int], trigger: Token | None) -> bool:
    """The object sits in a clause inside the subject's or the role noun's phrase (``tops``: 'Ann Lee, who
    defeated X', 'a deputy, Ann Lee, elected in X'): what that clause says, not what the role's phrase says
    (unless the clause is the rule's own: 'Tim Cook, who is chief executive of Apple')."""
    node = obj
    through_clause = False
    for _ in range(12):
        if node.i in tops:
            return through_clause
        if node.head.i == node.i:
            return False
        through_clause = through_clause or (node.dep_ in _CLAUSE_DEPS and (trigger is None or node.i != trigger.i))
        node = node.head
    return False


def _place_only_locates(role: Token, place: Token, by_token: dict[int, Entity], cfg: _Config) -> bool:
    """A place name modifying an occupation ('a Kansas investment banker') or an unnamed organisation noun on
    the way to the role ('editor of New York magazine', 'head of the Leeds office'): the place says where the
    person or the organisation is; it holds no such post itself."""
    node = place
    for _ in range(6):
        if node.dep_ not in {"compound", "amod", "nmod"} or node.head.i == node.i:
            return False
        node = node.head
        if node.i == role.i:
            words = role.doc[role.left_edge.i : role.i + 1]
            two = f"{role.nbor(-1).lower_} {role.lower_}" if role.i > 0 else role.lower_
            return role.lemma_.lower() in cfg.place_occupations or two in cfg.place_occupations and len(words) > 1
        if node.pos_ == "NOUN" and node.i not in by_token and (
                node.lemma_.lower() in cfg.name_head_nouns or org_type_of_word(node.lemma_) is not None):
            return True
    return False


def _other_name_between(obj: Token, role: Token, subject: Token, by_token: dict[int, Entity]) -> bool:
    """An object written before the title with another person's name, a conjunction or a comma between them:
    the object belongs to that earlier phrase ('Australian premier Ann Lee and Singapore Prime Minister Bo Park'),
    whatever tree the parser built over the run of names."""
    if obj.i >= role.i or role.dep_ not in {"compound", "nmod"} or subject.i < role.i:
        return False  # (only a title written before the name: 'Globex, a firm run by Jo Kim, its chairman' is whole)
    doc, own, subj = obj.doc, by_token.get(obj.i), by_token.get(subject.i)
    for t in doc[obj.i + 1 : role.i]:
        ent = by_token.get(t.i)
        if ent is own:
            continue
        # (a one-word "person" there is more often a mistagged word: 'Senate Republican leader X')
        if t.pos_ == "CCONJ" or t.text in {",", ";"} or (ent is not None and ent is not subj
                                                         and category(ent.type) == "PER"
                                                         and len(_mention_tokens(t, ent)) >= 2):
            return True
    return False


def _unit_of_another(obj: Token, role: Token, by_token: dict[int, Entity]) -> bool:
    """The object names an unnamed unit of another named organisation ('the Washington office of Latham &
    Watkins', 'the Leeds branch of Acme Bank'): it says where the unit is; the unit and the post are the other
    organisation's."""
    own = by_token.get(obj.i)
    name = _mention_tokens(obj, own) if own is None or any(m.start <= obj.idx < m.end for m in own.mentions) \
        else set()  # (a kind noun standing for the name before it, 'the Leeds office', is no part of the name)
    node = obj
    for _ in range(5):
        if node.i != role.i and node.i not in name and node.pos_ == "NOUN" and node.is_lower:
            return any(c.dep_ == "prep" and c.lower_ == "of" and any(
                o.dep_ == "pobj" and o.i in by_token and by_token[o.i] is not own
                and category(by_token[o.i].type) == "ORG" for o in c.children) for c in node.children)
        if node.dep_ not in {"compound", "amod", "nmod"} or node.head.i == node.i or node.i == role.i:
            return False
        node = node.head
    return False


def _is_party(tok: Token, ent: Entity) -> bool:
    """A political party named as one: a party noun among the object's words as written ('the Green Party of
    Canada', 'Parti Québécois'), not a bare party word for its people ('campaigned for other Republicans')."""
    doc = tok.doc
    return any(doc[i].lower_ in party_nouns() for i in _mention_tokens(tok, ent))


def _is_party_word(ent: Entity) -> bool:
    """The party a bare word names ('Republican', from relation_party_words.tsv), not a name in the text."""
    return len(ent.mentions) == 1 and _party_words().get(ent.mentions[0].text) == ent.name


def _bracketed_acronym(tok: Token, by_token: dict[int, Entity]) -> bool:
    """A word in capitals alone in brackets right after an organisation's name ('the Harbor Trade Council
    (HTC)'): the organisation's short name, whatever type the tagger gave it."""
    doc = tok.doc
    if not (tok.i >= 2 and tok.i + 1 < len(doc) and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")"):
        return False
    before = by_token.get(tok.i - 2)
    # "the Organisation for Harbour Cooperation in Europe (OHCE)": the name may end on a place
    return (len(tok.text) >= 2 and tok.text.isupper() and before is not None
            and category(before.type) in {"ORG", "PLACE"})


def _country_of(ent: Entity, tok: Token) -> Entity | None:
    """The country a nationality (or located_in) rule's object names: a Country, or the people of one ('the
    Kenyan runner', 'the Irish port of Larne')."""
    if tok.i > 0 and tok.nbor(-1).text in {"-", "‐"}:
        return None  # "pro-Russian", "Anglo-Irish": a stance or a mixture, not the person's country
    if ent.type == "Country":
        # "Senator Ann Cole (Georgia)": the state a politician represents, not a country
        return ent if gazetteer.us_state(ent.name) is None else None
    country = demonym_country(ent.name) if ent.type == "Group" else None
    return replace(ent, name=country, type="Country") if country else None


def _clause_object(rule: _Rule, trigger: Token | None, by_token: dict[int, Entity]) -> list[tuple[Token, Entity]]:
    """The named organisation that is the clause subject of ``trigger`` ('Acme was founded by ...', 'Acme is a
    company founded by ...'), as the one object of a rule whose ``object`` is ``clause_subject``."""
    tok = _clause_subject(trigger) if trigger is not None else None
    if tok is None or tok.tag_ in _PRONOUNS:
        return []
    ent = _entity_in(tok, by_token, rule.object_cats) or _named_by(tok, by_token, rule.object_cats)
    if ent is None or (rule.object_types and ent.type not in rule.object_types):
        return []
    return [(tok, ent)]


def _role_of_another(role: Token, trigger: Token | None, subject: Token, by_token: dict[int, Entity]) -> bool:
    """A role noun inside the phrase of another person named between it and the verb, or describing an
    organisation's standing in a field ('Globex, a leader in robotics')."""
    if trigger is None:
        return False
    field = any(c.dep_ == "prep" and c.lower_ == "in" for c in role.children)
    own = by_token.get(subject.i)
    node = role
    for _ in range(12):
        if node.i == node.head.i or node.head.i == trigger.i:
            return False
        appos = node.dep_ == "appos"
        node = node.head
        ent = by_token.get(node.i)
        if (ent is None and appos and node.pos_ == "PROPN" and node.i != subject.i and not is_title_word(node.text)
                and node.i not in _mention_tokens(subject, own)):
            return True  # 'she reported to Arno "Bud" Kessler, head of X': a name the tagger missed holds it
        if ent is None or node.i == subject.i or (own is not None and ent.name == own.name):
            continue
        # "cameraman for Ann Lee, the CEO of Globex" (a person's title), "CEO of Globex, a leader in X"
        # (a description of the organisation): the role noun belongs to the name it hangs on
        if ent.type == "Person" or (appos and field):
            return True
    return False


def _addressee(obj_tok: Token, obj: Entity, by_token: dict[int, Entity]) -> bool:
    """A news outlet named right after a form of 'tell' ('told Reuters', 'telling CNN'): the one spoken to, which
    the parser runs into the title and name that follow ('told Reuters Finance Secretary Ann Lee said'); a
    firm there may be the person's own ('told Globex chairman Bo Park'), so outlets and agencies only."""
    if obj.type != "MediaOutlet" and obj.name.lower() not in _wire_names():
        return False
    first = min(_mention_tokens(obj_tok, by_token.get(obj_tok.i)))
    return first > 0 and obj_tok.doc[first - 1].lemma_.lower() == "tell"


def _portfolio_only(name: str, obj_tok: Token, role: Token, cfg: _Config) -> bool:
    """An organisation name made of portfolio words only ('Transport', 'Federal Finance', 'Swiss Economics'),
    right before the title it qualifies, or what the title is 'of' ('Mark Lane, Minister of Regional and
    Industrial Expansion'): the tagger's fragment of a title, not an organisation."""
    if obj_tok.i > role.i and not (obj_tok.head.lower_ == "of" and obj_tok.head.head.i == role.i):
        return False
    words = [w.lower() for w in name.replace("-", " ").split() if w.lower() not in {"and", "&"}]
    return bool(words) and all(w in cfg.portfolio_words or demonym_country(w) for w in words)


def _evaluated(role: Token, cfg: _Config) -> bool:
    """A role noun judged rather than held ('the best candidate'); other superlatives state a fact ('its largest
    shareholder', 'the oldest member of the Senate')."""
    return any(c.dep_ == "amod" and c.lower_ in cfg.evaluative_modifiers for c in role.children)


def _topic_of_plural(obj_tok: Token, ent: Entity | None) -> bool:
    """A name modifying a plural common noun that is no organisation ('Mideast reports', 'Iowa voters', "Iowa's
    evangelicals"): the name is what the noun is about or whose people they are, so it is not the organisation
    a role belongs to ('a leader of Iowa's evangelicals' leads the evangelicals, not Iowa; a place's only)."""
    own = _mention_tokens(obj_tok, ent)
    top = obj_tok
    while top.dep_ == "compound" and top.head.i != top.i and top.head.i in own:
        top = top.head
    if top.dep_ == "poss" and (ent is None or category(ent.type) != "PLACE"):
        return False  # "head of Acme's sales teams": an organisation's units are its own
    if top.dep_ not in {"compound", "poss"} or top.head.i in own:
        return False
    noun = top.head
    if top.dep_ == "poss" and noun.lemma_.lower() in config().place_bodies:
        return False  # "the commander of Tajikistan's armed forces": the place's own institution
    return (noun.tag_ == "NNS" and noun.is_lower and org_type_of_word(noun.lemma_) is None
            and noun.lemma_ not in config().generic_subject_heads)


def _dedupe(found: list[_Found]) -> Iterator[Relation]:
    """One relation per (subject, predicate, object) and document: the most confident, then the first."""
    # "a member of the board of X from Y": of the objects one role phrase reaches, keep the nearest; an
    # organisation beats a place ("professor at Tel Aviv University in Israel" is the university's)
    def rank(f: _Found) -> tuple[bool, int]:
        return category(f.relation.object_type or "") == "PLACE", f.distance

    best_rank: dict[tuple, tuple[bool, int]] = {}
    for f in found:
        if f.role_at >= 0:
            k = (f.relation.subject.lower(), f.role_at)
            best_rank[k] = min(best_rank.get(k, rank(f)), rank(f))
    # coordinated objects share their first item's distance ("chief executive of Acme and Beta": both)
    found = [f for f in found if f.role_at < 0 or rank(f) == best_rank[(f.relation.subject.lower(), f.role_at)]]
    best: dict[tuple, Relation] = {}
    order: list[tuple] = []
    for f in found:
        cur = best.get(f.key)
        if cur is None:
            best[f.key] = f.relation
            order.append(f.key)
        elif (f.relation.confidence, -f.relation.evidence.start) > (cur.confidence, -cur.evidence.start):
            best[f.key] = f.relation
    for key in order:
        yield best[key]

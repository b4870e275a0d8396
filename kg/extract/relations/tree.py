"""Reading a match's arguments off the dependency tree: entity marks on tokens, the clause subject through
relative clauses and conjoined verbs, coordinated lists, the entity a noun phrase names, hypotheticals."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.extract.doccache import column
from kg.extract.entities import DocEntities, name_suffixes, org_type_of_word
from kg.extract.lexicon import rule_rows
from kg.extract.relations.config import (
    _CAT,
    _CLIMB_UP,
    _LIST_DEPS,
    _NP_INNER,
    _PERSON_PRONOUNS,
    _PRONOUNS,
    _RELATIVE,
    _SUBJ_DEPS,
    _TITLE,
    _Config,
    _ensure_extensions,
    _Rule,
    _title_heads,
    category,
    config,
)
from kg.extract.text import doc_text
from kg.records import Entity, Evidence, Mention


def _mark(doc: Doc, ents: DocEntities) -> dict[int, Entity]:
    """Set _.kg_cat / _.kg_title on tokens; return token index -> entity.

    The marks are written straight into ``doc.user_data`` under the keys spaCy's ``token._.set`` uses, from the
    Doc's token columns (``kg.extract.doccache``): a Token and an ``Underscore`` object per token and mark were
    most of what marking cost."""
    _ensure_extensions()
    heads = _title_heads()
    by_token: dict[int, Entity] = {}
    data = doc.user_data
    offsets, lengths, lowers, tags, poses = (column(doc, c) for c in ("idx", "length", "lower", "tag", "pos"))
    of_token = ents.at_each(offsets, [off + n for off, n in zip(offsets, lengths, strict=True)])
    for i, off in enumerate(offsets):
        ent = of_token[i]
        if ent is not None:
            by_token[i] = ent
        cat = category(ent.type) if ent is not None else ""
        if not cat and lowers[i] in _PERSON_PRONOUNS and tags[i] == "PRP":
            cat = "PER"  # resolved (or kept unresolved) through the article's coreference
        data[("._.", _CAT, off, None)] = cat
        is_title = ent is None and lowers[i].rstrip(".") in heads and poses[i] in {"NOUN", "PROPN"}
        data[("._.", _TITLE, off, None)] = "yes" if is_title else ""
    # "CEO of the software company Northwind": an organisation noun with a name in apposition stands for it
    # "editor of Slate magazine", "an economist at Harbor bank": a lower-case organisation noun right after an
    # organisation's name (its compound) is the name's head word the tagger left out, so it stands for it too
    generic, name_heads = config().generic_subject_heads, config().name_head_nouns
    for t in doc:
        if t.i in by_token or t.pos_ != "NOUN":
            continue
        low = t.lemma_.lower()
        apposed = low in generic
        compounded = t.is_lower and (low in name_heads or org_type_of_word(low) is not None)
        if not (apposed or compounded):
            continue
        named = next((by_token[c.i] for c in t.children if c.dep_ == "appos" and apposed and c.i in by_token
                      and category(by_token[c.i].type) == "ORG"), None)
        j = t.i - 1
        while j > 0 and doc[j].is_lower and doc[j].dep_ == "compound" and doc[j].head.i == t.i:
            j -= 1  # "the Leeds Lions cricket team": past the lower-case kind of team to the name
        if named is None and compounded and j >= 0 and doc[j].dep_ == "compound" and doc[j].head.i == t.i:
            ent = by_token.get(j)
            if ent is not None and category(ent.type) == "ORG" and not any(
                    m.start <= t.idx < m.end for m in ent.mentions):
                named = ent
        if named is not None:
            by_token[t.i] = named
            t._.set(_CAT, "ORG")
    # a body every organisation has ('the board', 'the board of governors'), untagged, is a role's object standing
    # for the organisation named after its 'of' (_objects reads the owner); the inner "governors" too, so a seat
    # taken "on the board of governors of X" reaches X
    for t in doc:
        if t.i not in by_token and _untagged_body_owner(t, by_token) is not None:
            t._.set(_CAT, "ORG")
    # "Republican Senator Ann Cole", "Tom Hale, a Democrat": a party written bare stands for the party
    parties = _party_words()
    for t in doc:
        party = parties.get(t.text)
        if party is None or t.pos_ not in {"PROPN", "ADJ", "NOUN"}:
            continue
        ent = by_token.get(t.i)
        if ent is not None and ent.type != "Group":
            continue  # part of a name written in full ("Democratic Party", "Republican National Committee")
        by_token[t.i] = Entity(name=party, type="Organization",
                               mentions=(Mention(t.text, t.idx, t.idx + len(t.text), "ORG"),))
        t._.set(_CAT, "ORG")
    # "Hugo Marr, Jr., the former CEO of X": the parser makes the generational suffix the head of the name,
    # so the suffix stands for the person it closes
    for t in doc:
        if t.i in by_token or t.text.rstrip(".").lower() not in name_suffixes() or t.i == 0:
            continue
        prev = doc[t.i - 2] if doc[t.i - 1].text == "," and t.i > 1 else doc[t.i - 1]
        ent = by_token.get(prev.i)
        if ent is not None and ent.type == "Person" and prev.head.i == t.i:
            by_token[t.i] = ent
            t._.set(_CAT, "PER")
    return by_token


def _untagged_body_owner(t: Token, by_token: dict[int, Entity]) -> tuple[Token, Entity] | None:
    """The organisation an untagged board names after it: 'the board of Globex', 'the board of governors of
    Globex' (from 'board' or from 'governors'); None for any other token."""
    if t.pos_ != "NOUN" or t.i in by_token:
        return None
    bodies = config().generic_bodies
    last = t
    inner = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner_obj = next((c for c in inner.children if c.dep_ == "pobj"), None) if inner is not None else None
    if inner_obj is not None and f"{t.lower_} of {inner_obj.lower_}" in bodies:
        last = inner_obj
    elif not (t.lower_ in bodies or (t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.i
                                     and f"{t.head.head.lower_} of {t.lower_}" in bodies)):
        return None
    return next(((o, by_token[o.i]) for c in last.children if c.dep_ == "prep" and c.lower_ in {"of", "at"}
                 for o in c.children if o.dep_ == "pobj" and o.i in by_token
                 and category(by_token[o.i].type) == "ORG"), None)


@cache
def _party_words() -> dict[str, str]:
    """Party names written bare ('Republican', 'Labour') -> the party's name (rules/relation_party_words.tsv)."""
    return {row[0].strip(): row[1].strip() for row in rule_rows("relation_party_words.tsv")}


def _evidence(doc: Doc, start: int, end: int) -> Evidence:
    sent = doc.char_span(start, end, alignment_mode="expand")
    s: Span = sent.sent if sent is not None else doc[:]
    return Evidence(start=start, end=end, text=doc_text(doc)[start:end], sentence_start=s.start_char,
                    sentence_end=s.end_char, sentence=s.text)


def _clause_subject(trigger: Token) -> Token | None:
    """The grammatical subject of a verb, through relative clauses, conjoined verbs and participles."""
    doc = trigger.doc
    if (trigger.tag_ == "VBN" and trigger.i >= 2 and doc[trigger.i - 1].text == "("
            and doc[trigger.i - 2].pos_ in {"PROPN", "NOUN"}):
        return doc[trigger.i - 2]  # "the National Unity Council (headquartered in Misrata)": the name before it
    node = trigger
    for _ in range(4):
        if node.dep_ == "amod" and node.head.pos_ in {"NOUN", "PROPN"}:
            return node.head  # "the relocated businesses"
        subj = next((c for c in node.children if c.dep_ in _SUBJ_DEPS), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and node.dep_ == "relcl":
                return node.head
            return subj
        if node.dep_ in {"relcl", "acl"}:
            return node.head  # "businesses moving to Kazakhstan"
        if node.dep_ in {"conj", "xcomp"}:
            node = node.head
            continue
        if node.dep_ in {"advcl", "prep"} and node.tag_ == "VBN" and node.head.i != node.i:
            node = node.head  # a fronted participle: "Based in Denver, Acme makes furniture"
            continue
        if node.tag_ == "VBG" and node.dep_ in {"pcomp", "advcl"} and node.head.i != node.i:
            # "Before joining Acme, she ran Globex", "After leaving Acme, he ...": the main clause's subject
            node = node.head
            while node.dep_ in {"prep", "advmod", "pcomp"} and node.pos_ not in {"VERB", "AUX"} \
                    and node.head.i != node.i:
                node = node.head  # "Prior to joining Acme, ...": through 'to' and 'prior' to the main verb
            continue
        return None
    return None


def _counted(token: Token, cfg: _Config) -> Token:
    """'Hundreds of Russian firms', 'a number of companies': the counted noun is the subject."""
    if token.lemma_.lower() in cfg.quantity_heads or token.like_num:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return token


def _speaker_of_pronoun(pronoun: Token, by_token: dict[int, Entity]) -> Token | None:
    """'Apple said it has suspended sales': 'it' is the organisation that says so."""
    if pronoun.lower_ not in {"it", "they"}:
        return None
    node = pronoun.head
    for _ in range(3):
        if node.dep_ not in {"ccomp", "conj", "xcomp"} or node.head.i == node.i:
            return None
        node = node.head
        subj = next((c for c in node.children if c.dep_ in _SUBJ_DEPS), None)
        if subj is not None:
            ent = by_token.get(subj.i)
            return subj if ent is not None and category(ent.type) == "ORG" else None
    return None


_DONE_HEADS = {"manage", "begin", "start", "continue", "go", "come", "proceed", "move", "rush", "hurry", "leave",
               "quit", "resign", "retire", "return", "hire", "appoint", "name", "elect", "choose", "select", "recruit"}


def _hypothetical(trigger: Token, heads: frozenset[str], aux: frozenset[str] = frozenset()) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in aux) for c in trigger.children):
        return True
    # an infinitive says what is planned or wanted, not what happened ("plans by Acme to shift production
    # to Mexico"), unless its verb says it did happen ("Acme managed to move its staff to Riga")
    if (trigger.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
            and trigger.head.lemma_.lower() not in _DONE_HEADS):
        return True
    node = trigger
    for _ in range(3):
        if node.dep_ not in _CLIMB_UP or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in heads:
            return True
    return False


def _list_items(token: Token) -> list[Token]:
    """A subject and every item coordinated or in apposition with it ('A, B online bank, C company ...')."""
    out, todo, seen = [], [token], set()
    while todo:
        t = todo.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in _LIST_DEPS)
        # "Finnish retailer Stockmann and German chemicals maker BASF": the parser hangs the first company
        # off a compound of the second
        todo.extend(g for c in t.children if c.dep_ == "compound" for g in c.children if g.dep_ in _LIST_DEPS)
        # "companies, including Kaspersky and Acronis" / "companies such as Kaspersky": the named examples
        for c in t.children:
            if c.dep_ == "prep" and (c.lower_ in {"including", "like"} or (c.lower_ == "as" and c.i > 0
                                                                         and c.nbor(-1).lower_ == "such")):
                todo.extend(p for p in c.children if p.dep_ == "pobj")
    return sorted(out, key=lambda t: t.i)


def _entity_in(token: Token, by_token: dict[int, Entity], cats: frozenset[str]) -> Entity | None:
    """The entity a noun phrase item names: the head itself, or a name inside ('Nexters ... company')."""
    ent = by_token.get(token.i)
    if ent is not None and category(ent.type) in cats:
        return ent
    todo = [c for c in token.children if c.dep_ in _NP_INNER]
    while todo:
        c = todo.pop(0)
        ent = by_token.get(c.i)
        if ent is not None and category(ent.type) in cats:
            return ent
        todo.extend(x for x in c.children if x.dep_ in _NP_INNER)
    return None


def _place_modified_org(token: Token, by_token: dict[int, Entity]) -> str | None:
    """'St. Petersburg stock exchange': a place name modifying an organisation noun names an organisation."""
    if token.pos_ != "NOUN" or not org_type_of_word(token.lemma_):
        return None
    mods = [c for c in token.children if c.dep_ == "compound"]
    # a city's institution ("St. Petersburg stock exchange"), not a nationality ("a U.S. airline")
    if not mods or not any(by_token[c.i].type in {"City", "Region", "Place"} for c in mods if c.i in by_token):
        return None
    if token.dep_ == "attr":
        return None  # "America West was a U.S. airline": the copula's subject is the organisation
    left = min(c.left_edge.i for c in mods)
    return token.doc[left : token.i + 1].text


def _generic_np(token: Token, heads: frozenset[str]) -> str | None:
    """'more than 50 foreign businesses' -> 'foreign businesses' when the head is an organisation noun."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in heads:
        return None
    mods = [c for c in token.lefts if c.dep_ in {"amod", "compound", "nmod"} and c.is_alpha
            and c.lower_ not in {"more", "many", "other", "several", "some", "most", "few", "such"}]
    if not mods:
        return token.text
    return token.doc[min(c.left_edge.i for c in mods) : token.i + 1].text


def _object_entity(token: Token, by_token: dict[int, Entity], cfg: _Config) -> Entity | None:
    ent = by_token.get(token.i)
    if ent is not None:
        return ent
    # "the Russian market" -> Russia
    if token.lemma_.lower() in cfg.object_via_modifier_heads:
        for c in token.children:
            if c.dep_ in {"amod", "compound", "poss"} and c.i in by_token:
                return by_token[c.i]
    return None


def _mention_tokens(token: Token, ent: Entity | None) -> set[int]:
    if ent is None:
        return {token.i}
    doc = token.doc
    for m in ent.mentions:
        if m.start <= token.idx < m.end:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            return {t.i for t in span} if span is not None else {token.i}
    return {token.i}


def _subject_token(rule: _Rule, anchors: dict[str, Token], trigger: Token | None) -> Token | None:
    """The token the rule's ``subject`` names: an anchor, the clause subject of TRIGGER, the word an anchor
    modifies (``HEAD_OF:X``, 'the Denver-based company') or the owner of an anchor noun (``OWNER_OF:X``,
    "Acme's headquarters", 'Acme has its headquarters')."""
    spec = rule.subject
    if spec == "clause_subject":
        return _clause_subject(trigger) if trigger is not None else None
    if spec.startswith("HEAD_OF:"):
        tok = anchors[spec.split(":", 1)[1]]
        return tok.head if tok.head.i != tok.i else None
    if spec.startswith("OWNER_OF:"):
        tok = anchors[spec.split(":", 1)[1]]
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.tag_ not in _PRONOUNS), None)
        if poss is not None:
            return poss
        if tok.dep_ in _SUBJ_DEPS:
            return None  # "its headquarters are in Y" with a pronoun owner: the clause has no other subject
        if tok.head.dep_ == "prep" and tok.head.lower_ == "with" and tok.head.head.pos_ in {"NOUN", "PROPN"}:
            return tok.head.head  # "Acme is a food company with its headquarters in Y": the company
        return _clause_subject(tok.head) if tok.head.i != tok.i else None
    return anchors[spec]


def _named_by(token: Token, by_token: dict[int, Entity], cats: frozenset[str]) -> Entity | None:
    """The entity an unnamed noun stands for: 'Acme is a company based in Y' (the copula's subject),
    'Acme, a company based in Y' / 'the company Acme' (apposition, compound)."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    node = token
    while node.dep_ == "conj" and node.head.i != node.i and node.head.pos_ in {"NOUN", "PROPN"}:
        node = node.head  # "Acme is a roaster and retailer based in Y"
    for _ in range(3):
        if (node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN"
                and node.head.head.lemma_.lower() in config().generic_subject_heads):
            node = node.head.head  # "Acme is a maker of drones based in Y": the parser hangs 'based' on 'drones'
            continue
        if node.dep_ == "attr":
            subj = next((c for c in node.head.children if c.dep_ in _SUBJ_DEPS), None)
            if subj is None:
                return None
            node = subj
        elif node.dep_ in {"appos", "compound"} and node.head.i != node.i:
            node = node.head
        else:
            for c in node.children:
                if c.dep_ == "appos":
                    ent = by_token.get(c.i)
                    if ent is not None and category(ent.type) in cats:
                        return ent
            return None
        # "Acme Systems, Inc. is a company ...": the parser may head the name on its suffix
        ent = _entity_in(node, by_token, cats)
        if ent is not None:
            return ent
    return None


def _written_list(token: Token, by_token: dict[int, Entity]) -> list[Token]:
    """'a member of Acme Guild, the Beta Society, Gamma Club and the Delta League': the organisations listed
    after the object, read off the words when the parser hangs the later items elsewhere (an apposition of
    the subject). Each item is an organisation, the items are separated by commas, and the list ends with
    'and' / 'or' before its last item (else the phrase is an apposition, not a list)."""
    doc = token.doc
    first = by_token[token.i]
    i = max(_mention_tokens(token, first)) + 1
    items: list[Token] = []
    closed = False
    while i < len(doc) and doc[i].sent.start == token.sent.start and not closed:
        if doc[i].text != ",":
            break
        i += 1
        if i < len(doc) and doc[i].lower_ in {"and", "or"}:
            closed = True
            i += 1
        if i < len(doc) and doc[i].lower_ == "the" and i not in by_token:
            i += 1
        ent = by_token.get(i)
        if ent is None or category(ent.type) != "ORG" or ent is first:
            return []
        span = _mention_tokens(doc[i], ent)
        head = next((doc[j] for j in sorted(span) if doc[j].head.i not in span or doc[j].head.i == j), doc[i])
        if head.dep_ in {"nsubj", "nsubjpass", "poss", "compound"}:
            return []  # "..., and Globex said": a new clause's subject, not a list item
        items.append(head)
        i = max(span) + 1
        if not closed and i < len(doc) and doc[i].lower_ in {"and", "or"}:
            i += 1
            if i < len(doc) and doc[i].lower_ == "the" and i not in by_token:
                i += 1
            ent = by_token.get(i)
            if ent is None or category(ent.type) != "ORG":
                return []
            span = _mention_tokens(doc[i], ent)
            items.append(next((doc[j] for j in sorted(span) if doc[j].head.i not in span), doc[i]))
            closed = True
    return items if closed and len(items) >= 2 else []


def _objects(rule: _Rule, token: Token, by_token: dict[int, Entity], cfg: _Config) -> list[tuple[Token, Entity]]:
    """The object entity, and for rules without a role each place coordinated with it ('to Armenia and
    Georgia') and, with ``object_appos``, the larger place in apposition ('in Pasadena, California'). A role
    takes each organisation coordinated with an organisation object ('chief executive of Acme and Beta')."""
    if rule.role is None:
        tokens = [token] + [c for c in token.conjuncts if c.i > token.i]
        first = by_token.get(token.i)
        if first is not None and category(first.type) == "ORG" and "ORG" in rule.object_cats:
            # "she worked for Globex, the University of Leeds and the Carver Institute": each listed employer
            tokens += [t for t in _written_list(token, by_token) if t not in tokens]
    else:
        first = by_token.get(token.i)
        tokens = [token] + ([c for c in token.conjuncts if c.i > token.i and c.i in by_token
                             and category(by_token[c.i].type) == "ORG"]
                            if first is not None and category(first.type) == "ORG" else [])
        if first is not None and category(first.type) == "ORG":
            tokens += [t for t in _written_list(token, by_token) if t not in tokens]
    if rule.object_appos:
        # "in Oakland, California, United States": each larger place in the apposition chain
        for _ in range(2):
            tokens += [c for t in list(tokens) for c in t.children if c.dep_ in {"appos", "npadvmod"} and c.i > t.i
                       and c not in tokens]
        tokens += [t for t in _state_after_comma(tokens, by_token) if t not in tokens]
    out = []
    for t in tokens:
        ent = _object_entity(t, by_token, cfg)
        if ent is None and rule.role is not None:
            owned = _untagged_body_owner(t, by_token)  # "chairman of the board of Globex": Globex
            if owned is not None:
                t, ent = owned
        if ent is not None and rule.role is not None and _generic_body(ent.name, cfg):
            # "treasurer of the Board of Governors at Halden College": the college's board
            t, ent = _body_owner(t, ent, by_token)
        if ent is None or category(ent.type) not in rule.object_cats:
            continue
        if rule.object_types and ent.type not in rule.object_types:
            continue
        out.append((t, ent))
    return out


def _state_after_comma(tokens: list[Token], by_token: dict[int, Entity]) -> list[Token]:
    """'headquartered in Broomfield, Colorado is ...': the region or country written after a city and a comma,
    read off the words when the parser hangs it elsewhere (here as the next verb's subject)."""
    out = []
    for t in tokens:
        ent = by_token.get(t.i)
        if ent is None or ent.type not in {"City", "Place"}:
            continue
        end = max(_mention_tokens(t, ent)) + 1
        doc = t.doc
        if end + 1 < len(doc) and doc[end].text == "," and (end + 1) in by_token:
            nxt = by_token[end + 1]
            if nxt is not ent and nxt.type in {"Region", "Country"}:
                out.append(doc[end + 1])
    return out


def _generic_body(name: str, cfg: _Config) -> bool:
    low = " ".join(name.lower().split())
    return (low[4:] if low.startswith("the ") else low) in cfg.generic_bodies


def _body_owner(token: Token, ent: Entity, by_token: dict[int, Entity]) -> tuple[Token, Entity | None]:
    """The organisation after a board's or committee's 'of' / 'at' ('the Board of Directors of Globex'), else None:
    'chairman of the Board' alone names no organisation."""
    for t in _mention_span(token, ent):
        for prep in t.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"of", "at"}:
                continue
            for obj in prep.children:
                owner = by_token.get(obj.i)
                if obj.dep_ == "pobj" and owner is not None and owner.name != ent.name:
                    return obj, owner
    return token, None


def _mention_span(token: Token, ent: Entity) -> list[Token]:
    return sorted((token.doc[i] for i in _mention_tokens(token, ent)), key=lambda t: t.i)

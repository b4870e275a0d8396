"""The role phrase of a holds_role match ('first deputy chief of staff of the president') with its qualifier
('former', 'acting')."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.entities import is_title_word
from kg.extract.relations.config import _CAT, _TITLE


def _role_text(role: Token, obj_tokens: set[int], subj_tokens: set[int]) -> str:
    """'the First Deputy Chief of Staff of the President of Kazakhstan' -> 'first deputy chief of staff of
    the president' (the role phrase up to the preposition leading to the object)."""
    doc = role.doc
    if role.i < min(subj_tokens, default=role.i + 1) and role.dep_ == "compound":
        # pre-modifier: the title words between the object (or the sentence) and the name
        start = role.i
        # ("prime" of "prime minister" may be parsed as an adjective: a title's own words are kept)
        while start - 1 >= 0 and start - 1 not in obj_tokens and (doc[start - 1].dep_ == "compound" or (
                doc[start - 1].dep_ == "amod" and is_title_word(f"{doc[start - 1].text} {doc[start].text}"))) \
                and doc[start - 1].i not in subj_tokens and not doc[start - 1]._.get(_CAT) \
                and doc[start - 1].is_alpha:
            start -= 1
        # "vice-president", "co-founder": a hyphenated title modifier
        if start >= 2 and doc[start - 1].text in {"-", "‐"} and is_title_word(doc[start - 2].text) \
                and start - 2 not in obj_tokens and not doc[start - 2]._.get(_CAT):
            start -= 2
        return _qualified(role, doc[start : role.i + 1].text.lower().replace(" - ", "-"), subj_tokens)
    tokens = []
    skip: set[int] = set()
    # "the retired Ohio senator and a Green Party organiser": a conjoined title naming another
    # entity is skipped whole, with its conjunction, before reading the words in order
    for t in role.subtree:
        if t.i > role.i and t.dep_ == "conj" and any(d._.get(_CAT) and d.i not in obj_tokens for d in t.subtree):
            skip.update(d.i for d in t.subtree)
            skip.update(c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i)
    # words before a name that stands before the title are not the title's ("the match Corvina chairman")
    cut = max((t.i for t in role.subtree if t.i < role.i and (t._.get(_CAT) or t.i in obj_tokens)), default=-1)
    for t in role.subtree:
        if t.i in skip or t.i in subj_tokens or t.i in obj_tokens or (t.i < cut and t.lower_ not in _QUALIFIERS):
            continue
        if t.i > role.i and t.dep_ == "prep" and any(c.dep_ == "pobj" and c.i in obj_tokens for c in t.children):
            break  # "of Kazakhstan": the object, not the role
        if t.i > role.i and (t.tag_ in {"WDT", "WP", "WP$", "WRB"} or t.pos_ in {"VERB", "AUX"}
                             or (t.dep_ == "prep" and t.lower_ in _PLACE_PREPS)):
            break  # "editor who wrote ...", "vice president at its Denver office", "delegate from Ohio"
        if t.i > role.i and t.dep_ == "conj" and any(d._.get(_CAT) and d.i not in obj_tokens for d in t.subtree):
            skip.update(d.i for d in t.subtree)  # "chairman of X and director of sales at Y": Y's role, not X's
            continue
        if t.i != role.i and (t.dep_ in {"poss", "appos", "relcl", "acl", "xcomp"} or t.tag_ == "POS"):
            skip.update(d.i for d in t.subtree)  # "Kazakhstan's", ", Timur Suleimenov", "official to leave"
            continue
        if t.i < role.i and (t.lower_ in _NOT_ROLE_WORDS or t.pos_ == "CCONJ"):
            continue  # "the only official", "But the head of ..."
        if (t.is_punct and t.text != "&") or (t.dep_ == "det" and not tokens) or (t.i < role.i and t._.get(_CAT)):
            continue
        tokens.append(t)
    words = [t.text for t in tokens]
    while words and words[-1].lower() in {"of", "at", "for", "the", "in", "with", "to"}:
        words.pop()
    text = " ".join(words).lower()
    # "vice-president" parsed as three appositions: the hyphenated modifier belongs to the title
    if (role.i >= 2 and doc[role.i - 1].text in {"-", "‐"} and not doc[role.i - 1].whitespace_
            and not doc[role.i - 2].whitespace_
            and (is_title_word(doc[role.i - 2].text) or doc[role.i - 2].lower_ == "co")
            and role.i - 2 not in subj_tokens and not text.startswith(doc[role.i - 2].lower_)):
        text = f"{doc[role.i - 2].lower_}-{text}"
    return _qualified(role, text, subj_tokens)


_NOT_ROLE_WORDS = {"only", "also", "then", "new", "top", "current", "currently", "longtime", "veteran", "previously",
                   "formerly", "now", "once"}
# a phrase after the title that says where or when, not which office ("of" and "for" can name the office:
# "secretary of state", "minister for foreign affairs")
_PLACE_PREPS = {"at", "in", "from", "with", "on", "since", "during", "until", "after", "before", "between"}


_QUALIFIERS = {"former": "former", "formerly": "former", "previously": "former", "ex": "former", "acting": "acting",
               "interim": "interim", "outgoing": "outgoing", "incoming": "incoming", "late": "late"}


def _qualified(role: Token, text: str, subj_tokens: set[int]) -> str:
    """'former Iowa Congressman X', 'ex-CIA chief X', 'X was formerly head of Y': the qualifier is kept on the
    role ('former congressman') even when the object stands between it and the title."""
    if not text:
        return text
    doc = role.doc
    lo = min([role.i, *subj_tokens])
    np_start = min(doc[i].left_edge.i for i in [role.i, *subj_tokens])
    near = [doc[i] for i in range(np_start, lo)]
    near += [c for c in role.head.children if c.dep_ == "advmod"] if role.dep_ in {"attr", "pobj", "oprd"} else []
    near += [c for c in role.children if c.dep_ == "advmod"]  # "X, previously Acme's chief operating officer"
    for t in near:
        q = _QUALIFIERS.get(t.lower_.rstrip("-"))
        if q and q not in text.split():
            return f"{q} {text}"
    return text


def _coordinated_titles(role: Token, role_text: str, obj_tokens: set[int]) -> str:
    """'CEO and Chairman of Acme', 'President, Chief Executive Officer of Acme': the role noun the
    object hangs on is the last of coordinated titles; the role is all of them ('ceo and chairman').
    An organisation named before the last title is that title's only ('an engineer and NASA astronaut')."""
    if any(role.left_edge.i <= i < role.i for i in obj_tokens):
        return role_text
    heads: list[Token] = []
    node = role
    while (node.dep_ in {"conj", "appos"} and node.head.i < node.i and node.head._.get(_TITLE)
           and node.head.pos_ in {"NOUN", "PROPN"} and len(heads) < 4
           and not any(c.dep_ == "prep" and c.lower_ in {"of", "at", "with", "for"} for c in node.head.children)
           and not (node.dep_ == "appos" and any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                                                 for c in node.head.children))):
        # "a German mathematician, Professor at X": a description in apposition, not a second title
        # a title with an 'of'/'at' phrase of its own holds its own object ("Professor at A, Visiting Professor
        # at B"): only bare titles before the one holding the object are coordinated with it
        node = node.head
        heads.insert(0, node)
    if not heads:
        return role_text
    words = []
    for h in heads:
        mods = [c for c in h.lefts if c.dep_ in {"compound", "amod"} and c.is_alpha and is_title_word(c.text)]
        words.append(" ".join(t.lower_ for t in [*mods, h]))
    first, *rest = role_text.split(" ", 1)
    own = any(t.lower_.rstrip("-") in _QUALIFIERS for t in role.doc[role.left_edge.i : role.i])
    # "founder and former CEO": the qualifier is the last title's own; "the former chairman and CEO": all's
    qualifier = first if first in _QUALIFIERS.values() and rest and not own else ""
    text = rest[0] if qualifier else role_text
    if any(w in text.split() for w in words):
        return role_text
    joined = " and ".join([*words, text])
    return f"{qualifier} {joined}" if qualifier else joined

"""Sports results written as tables, which no sentence tree reads: goal scorers after their team and a dash
('Ravenna - Tom Alder ( 12th ) , Ivo Marsh ( 80th )') and batsmen in brackets after their team's score
('Kent 301-6 ( A. Lowe 88 , B. Quill 61 not out ; C. Dray 3-40 )').

Why: results pages list a team's players this way in every edition; the parser reads the line as a fragment,
so the membership the table states is lost. Only the team's own players are taken: an own goal ('og') is
scored for the other side, and the bowlers after ';' in a scorecard bowl for the other team.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.relations.config import _Found
from kg.extract.relations.tree import _evidence
from kg.records import Entity, Relation

_DASHES = {"-", "–", "—"}
# words inside a scorer's bracket besides the minute ('( 44th pen )'); an own goal counts for the other side
_MINUTE_WORDS = {"pen", "penalty", "pen.", "+"}
_OWN_GOAL = {"og", "o.g.", "own"}


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text


def _mention_end(doc: Doc, i: int, ent: Entity, by_token) -> int:
    """The index after the last token of the mention of ``ent`` starting at token ``i``."""
    k = i
    while k < len(doc) and by_token.get(k) is ent:
        k += 1
    return k


def _minute(tokens: list[Token]) -> bool:
    """'32nd', '84th', '90 +', '44th pen': a minute of a match."""
    return bool(tokens) and tokens[0].text[:1].isdigit() and all(
        t.text[:1].isdigit() or t.lower_ in _MINUTE_WORDS for t in tokens)


def _player(doc: Doc, person: Entity, start: int, end: int, team: tuple[str, str], pattern: str,
            conf: float) -> _Found:
    rel = Relation(subject=person.name, predicate="holds_role", object=team[0], evidence=_evidence(doc, start, end),
                   role="player", subject_type="Person", object_type=team[1], confidence=conf, pattern=pattern)
    return _Found(rel, (person.name.lower(), "holds_role", team[0].lower()))


def _team(doc: Doc, i: int, by_token) -> tuple[tuple[str, str], int] | None:
    """The team named from token ``i``: ((name, type), index after it). A tagged name that is no person's, or
    one to three capitalised words the tagger left untagged ('Surrey 429-7': results pages name teams the
    small model does not know)."""
    ent = by_token.get(i)
    if ent is not None:
        return ((ent.name, ent.type), _mention_end(doc, i, ent, by_token)) if ent.type != "Person" else None
    k = i
    while k < len(doc) and k - i < 3 and doc[k].is_alpha and doc[k].text[:1].isupper() and by_token.get(k) is None:
        k += 1
    if k == i:
        return None
    return (doc[i:k].text, "Organization"), k


def _player_at(by_token, k: int) -> Entity | None:
    """A scorer's name: a person's, or one the tagger took for an organisation (passed over below: the graph's
    node for it would be an organisation's)."""
    ent = by_token.get(k)
    return ent if ent is not None and ent.type in {"Person", "Organization"} else None


def _scorers(doc: Doc, by_token) -> Iterator[_Found]:
    """'Ravenna - Tom Alder ( 12th ) , Ivo Marsh ( 80th )': a line that is one team's name, a dash, then
    people's names each with a minute in brackets lists the team's goal scorers."""
    for t in doc:
        if not _line_start(doc, t.i):
            continue
        got = _team(doc, t.i, by_token)
        if got is None:
            continue
        team, k = got
        if k >= len(doc) or doc[k].text not in _DASHES:
            continue
        k += 1
        found: list[_Found] = []
        while k < len(doc):
            person = _player_at(by_token, k)
            if person is None:
                break
            end = _mention_end(doc, k, person, by_token)
            if end >= len(doc) or doc[end].text != "(":
                break
            close = next((j for j in range(end + 1, min(end + 5, len(doc))) if doc[j].text == ")"), None)
            if close is None:
                break
            inside = list(doc[end + 1 : close])
            if any(x.lower_ in _OWN_GOAL for x in inside) or person.type != "Person":
                pass  # an own goal is scored for the other team; a scorer typed as an organisation is left out
            elif _minute(inside):
                found.append(_player(doc, person, t.idx, doc[close].idx + 1, team, "holds_role.scorer_line", 0.75))
            else:
                break
            k = close + 1
            if k < len(doc) and doc[k].text == ",":
                k += 1
            elif k < len(doc) and not _line_start(doc, k):
                break
        yield from found


def _score(tokens: list[Token]) -> bool:
    """'429-7', '199', '83 and 174': a team's runs (and wickets)."""
    return bool(tokens) and all(t.text[:1].isdigit() or t.lower_ in {"and", "-"} for t in tokens)


def _scorecards(doc: Doc, by_token) -> Iterator[_Found]:
    """'Kent 301-6 ( A. Lowe 88 , B. Quill 61 not out ; C. Dray 3-40 )': people's names each with a number, in
    brackets after a team's name and its score, are the team's batsmen (up to the ';' after which the other
    team's bowlers are listed)."""
    for t in doc:
        if t.i > 0 and not (_line_start(doc, t.i) or doc[t.i - 1].text in {":", ","}):
            continue  # a team opens the line or follows the ground's name or the other team's score
        got = _team(doc, t.i, by_token)
        if got is None:
            continue
        team, k = got
        score_end = k
        while score_end < len(doc) and score_end - k < 4 and doc[score_end].text != "(":
            score_end += 1
        if score_end >= len(doc) or score_end == k or not _score(list(doc[k:score_end])):
            continue
        k = score_end + 1
        while k < len(doc) and doc[k].text not in {";", ")"}:
            person = by_token.get(k)
            if person is None or person.type != "Person":
                break
            end = _mention_end(doc, k, person, by_token)
            if end >= len(doc) or not doc[end].text[:1].isdigit():
                break
            yield _player(doc, person, t.idx, doc[end].idx + len(doc[end].text), team, "holds_role.scorecard", 0.7)
            k = end + 1
            if k + 1 < len(doc) and doc[k].lower_ == "not" and doc[k + 1].lower_ == "out":
                k += 2
            if k < len(doc) and doc[k].text == ",":
                k += 1

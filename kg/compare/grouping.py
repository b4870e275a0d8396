"""Grouping claims that measure the same thing, and finding the groups that disagree or agree."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.compare.candidates import conditions, index_keys, story_keys
from kg.compare.describe import why
from kg.compare.documents import clusters
from kg.compare.frames import Frame, comparable, f_same_measure, f_same_sentence, frame
from kg.compare.values import about_matches, interval, overlap
from kg.compare.words import head_class


@dataclass
class Group:
    """Claims (from one or more documents) that measure the same thing."""

    claims: list[dict] = field(default_factory=list)

    @property
    def label(self) -> str:
        first = self.claims[0]
        parts = [head_class(first) or "?"]
        preds = [c.get("predicate") for c in self.claims if c.get("predicate")]
        if preds:
            cls = frame(next(c for c in self.claims if c.get("predicate"))).pred_class
            parts.append(cls.split(":")[-1] if cls else preds[0])
        places = [c.get("place") for c in self.claims if c.get("place")]
        if places:
            parts.append(places[0])
        return " · ".join(parts)

    @property
    def why(self) -> str:
        return why(self.claims)

    @property
    def documents(self) -> set[str]:
        return {c["doc"] for c in self.claims}

    def independent(self, cl: dict[str, str]) -> int:
        return len({cl.get(d, d) for d in self.documents})


STEP = 500  # claims between two progress reports
_ANY = ("any story",)  # the story key every claim offers, for a claim whose story does not decide


def measures(rows: Iterable[dict], progress: Callable[[int, int], None] | None = None) -> list[Group]:
    """Greedy grouping: a claim joins the largest group whose every member measures the same thing.

    Near-linear: each claim's frame is computed once, and a claim is only tested against the groups that
    share an index key with it and meet its other conditions (kg.compare.candidates: conditions that every
    pair of a group meets, so the groups are those of testing every group). ``progress(done, total)`` is
    told how many claims are grouped every STEP claims."""
    frames: list[list[Frame]] = []
    offered: list[set] = []  # group → the keys its members offer (kg.compare.candidates)
    index: dict[tuple, int | set[int]] = {}  # key → the group(s) found under it (sets: candidates are sorted)
    ordered = sorted(rows, key=lambda r: (r["doc"], r.get("start") or 0))
    for i, row in enumerate(ordered):
        if progress is not None and i % STEP == 0:
            progress(i, len(ordered))
        if not (row.get("counts") or row.get("counts_head")) or not comparable(row):
            continue  # a number that counts nothing named cannot be compared
        f = frame(row)
        keys = index_keys(f)
        offers, needs = conditions(f)
        if keys is None:  # measures the same thing as no other claim: a group of its own, found by none
            frames.append([f])
            offered.append(offers)
            continue
        # a counted-thing key and a story key together: a common head class does not list every group of it
        story_own, story_need = story_keys(f)
        stories = story_own | {_ANY}
        own = {(c, st) for c in keys[0] for st in stories}
        look = {(c, st) for c in keys[1] for st in (story_need if story_need is not None else (_ANY,))}
        found: set[int] = set()
        for k in look:
            held = index.get(k)
            if held is not None:
                if type(held) is int:
                    found.add(held)
                else:
                    found |= held
        candidates = sorted(found)
        if needs:
            candidates = [gi for gi in candidates if all(not n.isdisjoint(offered[gi]) for n in needs)]
        fits = [gi for gi in candidates if all(f_same_measure(f, m, strict=False) for m in frames[gi])]
        if fits:
            gi = max(fits, key=lambda i: len(frames[i]))
            frames[gi].append(f)
            offered[gi] |= offers
        else:
            frames.append([f])
            offered.append(set(offers))
            gi = len(frames) - 1
        for k in own:  # most keys find one group: an int until a second one comes (a set costs ~220 bytes)
            held = index.get(k)
            if held is None:
                index[k] = gi
            elif type(held) is int:
                if held != gi:
                    index[k] = {held, gi}
            else:
                held.add(gi)
    if progress is not None:
        progress(len(ordered), len(ordered))
    return [Group([m.row for m in fs]) for fs in frames]


def _also_states(frames: list[Frame]):
    """(frame, other frame) → whether the frame's document also states the other's figure with the same event
    verb: a story that lists "the toll in one valley rose to 23 and in the next rose to 81" agrees with
    another story's 81 (a story's "over 1,000 suspended operations, while 320 left" does not list one measure)."""
    spans: dict[tuple[str, str | None], list[tuple[float, float]]] = {}
    for f in frames:
        spans.setdefault((f.doc, f.pred_head), []).append((f.lo, f.hi))

    def states(f: Frame, other: Frame) -> bool:
        return any(lo <= other.hi and other.lo <= hi for lo, hi in spans.get((f.doc, f.pred_head), ()))
    return states


def _disagree(a: Frame, b: Frame, states) -> bool:
    # figures of one document never disagree, nor a sentence with its copy in another story, nor two stories
    # one of which also states the other's figure; (grouping lets a sentence naming nobody take its story's
    # owner: a disagreement must not need that, so the strict test)
    return a.doc != b.doc and not (a.lo <= b.hi and b.lo <= a.hi) and not f_same_sentence(a, b) \
        and not states(a, b) and not states(b, a) and f_same_measure(a, b)


def disagreeing_pairs(group: Group) -> list[tuple[dict, dict]]:
    frames = [frame(c) for c in group.claims]
    states = _also_states(frames)
    return [(a.row, b.row) for i, a in enumerate(frames) for b in frames[i + 1 :] if _disagree(a, b, states)]


def _has_disagreement(group: Group) -> bool:
    """Some two claims of different documents disagree (without listing every pair)."""
    frames = sorted((frame(c) for c in group.claims), key=lambda f: f.lo)
    states = _also_states(frames)
    for i, a in enumerate(frames):
        for b in frames[i + 1 :]:
            if b.lo > a.hi and _disagree(a, b, states):
                return True
    return False


def _once_per_sentence(claims: list[dict]) -> list[dict]:
    """The claims without a document's repeats of one sentence (a story that says "It takes 61 votes to pass
    the bill." twice is one statement, shown once)."""
    seen, out = set(), []
    for c in claims:
        key = (c["doc"], frame(c).sentence_key or c["claim"], round(float(c.get("value") or 0), 9))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def conflicts_of(groups: list[Group], about: str | None = None) -> list[Group]:
    """The groups (of ``measures``) that span documents and disagree beyond qualifiers, most documents first."""
    out = [g for g in groups if len(g.documents) > 1 and _has_disagreement(g)]
    if about:
        out = [g for g in out if any(about_matches(c, about) for c in g.claims)]
    for g in out:
        g.claims = _once_per_sentence(sorted(g.claims, key=lambda c: (interval(c)[0], c["doc"])))
    return sorted(out, key=lambda g: (-len(g.documents), g.label))


def agreements_of(groups: list[Group], cl: dict[str, str], about: str | None = None) -> list[tuple[Group, int]]:
    """(claims of a group of ``measures`` asserting compatible values, number of independent sources ≥ 2)."""
    out: list[tuple[Group, int]] = []
    for g in groups:
        if len(g.documents) < 2:
            continue
        # values are intervals: every maximal set of mutually compatible ones shares some interval's low end
        spans = [interval(c) for c in g.claims]
        sets = [frozenset(i for i, (lo, hi) in enumerate(spans) if lo <= point <= hi)
                for point in sorted({lo for lo, _ in spans})]
        maximal = {s for s in sets if not any(s < t for t in sets)}
        for members in maximal:
            agree = Group(_once_per_sentence(sorted((g.claims[i] for i in members),
                                                    key=lambda c: (interval(c)[0], c["doc"]))))
            # a sentence copied word for word into another story is one source, however the stories are linked
            n = min(agree.independent(cl), len({frame(c).sentence_key or c["claim"] for c in agree.claims}))
            if n >= 2 and (not about or any(about_matches(c, about) for c in agree.claims)):
                out.append((agree, n))
    return sorted(out, key=lambda p: (-p[1], p[0].label, interval(p[0].claims[0])[0]))


def find_conflicts(rows: list[dict], about: str | None = None) -> list[Group]:
    """Groups measuring the same thing, across documents, with values that disagree beyond qualifiers."""
    return conflicts_of(measures(rows), about)


def find_agreements(rows: list[dict], about: str | None = None) -> list[tuple[Group, int]]:
    """(claims asserting compatible values for the same thing, number of independent sources ≥ 2)."""
    return agreements_of(measures(rows), clusters(rows), about)


__all__ = ["Group", "agreements_of", "conflicts_of", "disagreeing_pairs", "find_agreements", "find_conflicts",
           "measures", "overlap"]

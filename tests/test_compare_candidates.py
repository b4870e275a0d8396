"""The candidate keys of grouping (kg.compare.candidates) are conditions of ``f_same_measure``: every pair that
measures the same thing meets them, so grouping with them gives the groups of testing every group."""

from __future__ import annotations

import itertools

from kg.compare.candidates import conditions, index_keys
from kg.compare.frames import comparable, f_same_measure, frame
from kg.compare.grouping import measures
from tests.test_compare import row

# sentences of our own, with what each claim counts, its predicate and its owner
_SENTENCES = [
    ("Harbour Bank approved {v} loans in March.", "loans", "loan", "approved", None, None),
    ("Lenders at Harbour Bank approved {v} new loans.", "new loans", "loan", "approved", None, None),
    ("Quarry Bank approved {v} loans, its chairman said.", "loans", "loan", "approved", "Quarry Bank", None),
    ("Lenders approved {v} loans.", "loans", "loan", "approved", None, None),
    ("Lenders in Norland approved {v} large new loans.", "large new loans", "loan", "approved", None, "Norland"),
    ("Oper net {v} vs 2,050,000 loans.", "loans", "loan", None, None, None),
    ("The mill shipped {v} tonnes of paper.", "tonnes of paper", "paper", "shipped", None, None),
    ("Eastport hired {v} new workers.", "new workers", "worker", "hired", "Eastport", None),
    ("About {v} workers joined the union.", "workers", "worker", "joined the union", None, None),
]
_STORIES = [("harbour", ""), ("quarry", ""), ("", "norland"), ("", ""), ("harbour quarry", "norland")]


def _rows() -> list[dict]:
    out = []
    for n, ((sentence, counts, head, predicate, subject, place), (actors, places)) in enumerate(
            itertools.product(_SENTENCES, _STORIES)):
        for k, value in enumerate((40, 44, 90)):
            text = sentence.format(v=value)
            r = row(f"d{(n + k) % 7}", value, counts=counts, head=head, predicate=predicate, place=place,
                    sentence=text, subject=subject)
            r.update(claim=f"urn:c{n}-{k}", text=str(value), start=text.index(str(value)), sentence_start=0,
                     story_actors=actors, story_places=places, story_names="")
            out.append(r)
    return out


def _meets(f, m) -> bool:
    keys_f, keys_m = index_keys(f), index_keys(m)
    if keys_f is None or keys_m is None or keys_f[1].isdisjoint(keys_m[0]):
        return False
    offers = conditions(m)[0]
    return all(not need.isdisjoint(offers) for need in conditions(f)[1])


def test_compare_candidates_every_pair_that_measures_the_same_thing_meets_the_keys():
    frames = [frame(r) for r in _rows() if comparable(r)]
    same = 0
    for f, m in itertools.permutations(frames, 2):
        if f_same_measure(f, m, strict=False):
            same += 1
            assert _meets(f, m), (f.row["sentence"], m.row["sentence"])
    assert same > 20  # the table has pairs that group, and pairs the keys keep apart
    assert sum(not _meets(f, m) for f, m in itertools.permutations(frames, 2)) > 1000


def _every_group(rows: list[dict]) -> list[list[str]]:
    """Greedy grouping testing every group (what measures did before it had candidate keys)."""
    groups: list[list] = []
    for r in sorted(rows, key=lambda r: (r["doc"], r.get("start") or 0)):
        if not comparable(r):
            continue
        f = frame(r)
        fits = [g for g in groups if all(f_same_measure(f, m, strict=False) for m in g)]
        if fits:
            max(fits, key=len).append(f)
        else:
            groups.append([f])
    return [[f.row["claim"] for f in g] for g in groups]


def test_compare_candidates_group_as_testing_every_group():
    rows = _rows()
    told = []
    groups = measures(rows, lambda done, total: told.append((done, total)))
    assert [[c["claim"] for c in g.claims] for g in groups] == _every_group(rows)
    assert any(len(g.claims) > 1 for g in groups)
    # progress: claims grouped out of all, rising to the end
    assert told[0] == (0, len(rows)) and told[-1] == (len(rows), len(rows))
    assert [d for d, _ in told] == sorted(d for d, _ in told)

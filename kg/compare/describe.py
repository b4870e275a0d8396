"""What a group's claims share, in words: why they were judged to measure the same thing (``Group.why``)."""

from __future__ import annotations

from kg.compare import case
from kg.compare.frames import frame
from kg.compare.words import NOT_COUNTED, WORD


def why(claims: list[dict]) -> str:
    """The frame the claims share, in words: why they were judged to measure the same thing."""
    frames = [frame(c) for c in claims]
    first = frames[0]
    shared_mods = set.intersection(*[set(f.mods) for f in frames if f.mods] or [set()])
    parts = [f"counts {first.hclass}" + (f" ({', '.join(sorted(shared_mods))})" if shared_mods else "")]
    if first.kind != "level":
        parts.append(f"a {first.kind}")
    preds = [f.pred for f in frames if f.pred]
    if preds:
        cls = next(f.pred_class for f in frames if f.pred)
        cls = cls.split(":")[-1] if cls else cls
        common = {w for w in set.intersection(*[set(f.pred_words) for f in frames if f.pred])
                  if not w[:1].isdigit() and w not in NOT_COUNTED}
        parts.append(f"event {cls}" if cls else f"event “{' '.join(sorted(common)) or preds[0]}”")
    subjects = sorted({_owner_shown(c) for c in claims} - {None})
    if subjects:
        parts.append(f"of {subjects[0]}")
    stories = set.intersection(*[set(f.story_actors) for f in frames if f.story_actors] or [set()])
    if stories and len({f.doc for f in frames}) > 1:
        parts.append(f"stories about {', '.join(sorted(stories))}")
    places = sorted({c.get("place") for c in claims if c.get("place")})
    parts.append(f"place {places[0]}" if places else "no place stated")
    years = sorted({y for f in frames for y in f.years})
    parts.append(f"time {', '.join(years)}" if years else "no conflicting years")
    unit = first.row.get("unit")
    parts.append(f"unit {unit}" if unit else "plain count")
    return "; ".join(parts)


def _owner_shown(row: dict) -> str | None:
    """Whose the figure is, as the group's "why" says it: the counted phrase's owner, else the subject."""
    owner = row.get("owner")
    if owner and (case.owner_part(row) or WORD.findall(owner)[-1:] and WORD.findall(owner)[-1][:1].isupper()):
        return owner
    return row.get("subject") or None

"""Claims read back from a store, in the claims JSONL format (the same fields ``kg extract`` prints)."""

from __future__ import annotations

from kg.query import named

COMMON = ("kind", "id", "doc", "source_path", "sentence", "start", "end")
FIELDS = {
    "quote": COMMON + ("speaker", "speaker_mention", "cue", "content", "direct", "confidence", "reason",
              "stance", "parts"),
    "quantity": COMMON + ("value", "value_max", "qualifier", "unit", "unit_code", "change", "subject", "owner",
                          "counts", "counts_head", "predicate", "place", "time", "text", "source", "source_kind"),
    "relation": COMMON + ("subject", "predicate", "object", "role", "confidence", "pattern", "subject_mention",
                          "subject_resolved"),
}


def stored_claims(store, kind: str | None = None) -> list[dict]:
    """Every stored claim (of ``kind``) with the fields ``kg extract`` prints for it (kg.claims)."""
    _, rows = store.select(named("claims"))
    parts: dict[str, list[list[int]]] = {}
    if kind in (None, "quote"):
        for r in store.select(named("claims_parts"))[1]:
            parts.setdefault(r["id"], []).append([r["start"], r["end"]])
    out = []
    for r in rows:
        if kind and r["kind"] != kind:
            continue
        if r["kind"] == "quote":
            r["parts"] = sorted(parts[r["id"]]) if r["id"] in parts else None
        out.append({f: r.get(f) for f in FIELDS[r["kind"]]})
    return out

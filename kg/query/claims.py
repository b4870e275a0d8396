"""Claims read back from a store, in the claims JSONL format (the same fields ``kg extract`` prints)."""

from __future__ import annotations

from kg.query import named

COMMON = ("kind", "id", "doc", "source_path", "sentence", "start", "end")
FIELDS = {
    "quote": COMMON + ("speaker", "speaker_mention", "cue", "content", "direct", "confidence", "reason",
              "stance", "parts"),
    "quantity": COMMON + ("value", "value_max", "qualifier", "unit", "unit_code", "change", "counts", "counts_head",
                          "predicate", "place", "time", "text", "source", "source_kind"),
    "relation": COMMON + ("subject", "predicate", "object", "role", "confidence", "pattern", "subject_mention",
                          "subject_resolved"),
}


def stored_claims(store, kind: str | None = None) -> list[dict]:
    _, rows = store.select(named("claims"))
    out = []
    for r in rows:
        if kind and r["kind"] != kind:
            continue
        out.append({f: r.get(f) for f in FIELDS[r["kind"]]})
    return out

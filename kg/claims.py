"""The claims JSONL format (documented in README, read by ``shared/eval/score.py``).

One object per claim: kind, id, doc, source_path, sentence, start, end, plus per-kind fields.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.ids import claim_iri
from kg.records import Extraction, NumericClaim, Quote, Relation


def iter_claims(ex: Extraction) -> Iterator[tuple[str, int, str, Quote | NumericClaim | Relation]]:
    """(kind, index within its kind, IRI, record) for every claim, in a fixed order.

    A record with an empty evidence span (a relation read from document metadata, say) is no claim:
    nothing in the text says it. ``kg.rdf.mapping`` keeps such facts as plain document metadata.
    """
    seen: dict = {}
    for kind, records in (("quote", ex.quotes), ("quantity", ex.quantities), ("relation", ex.relations)):
        for i, rec in enumerate(records):
            if rec.evidence.end <= rec.evidence.start:
                continue
            # two claims of one kind on the same span (a list of companies sharing one predicate, say)
            # still get distinct, deterministic IRIs
            key = (kind, rec.evidence.start, rec.evidence.end)
            n = seen.get(key, 0)
            seen[key] = n + 1
            yield kind, i, claim_iri(ex.document.id, kind, key[1], key[2], n), rec


def claim_dicts(ex: Extraction) -> Iterator[dict]:
    doc = ex.document
    for kind, _i, iri, rec in iter_claims(ex):
        ev = rec.evidence
        base = {
            "kind": kind,
            "id": iri,
            "doc": doc.id,
            "source_path": doc.source_path,
            "sentence": ev.sentence,
            "start": ev.start,
            "end": ev.end,
        }
        base.update(_fields(rec, ex))
        yield base


def _fields(rec, ex: Extraction) -> dict:
    if isinstance(rec, Quote):
        return {
            "speaker": rec.speaker,
            "speaker_mention": rec.speaker_mention,
            "cue": rec.cue,
            "content": rec.content,
            "direct": rec.direct,
            "confidence": rec.confidence,
            "reason": rec.reason,
            "stance": rec.stance,
            "parts": [[p.start, p.end] for p in rec.parts] or None,
        }
    if isinstance(rec, NumericClaim):
        return {
            "value": rec.value,
            "value_max": rec.value_max,
            "qualifier": rec.qualifier,
            "unit": rec.unit,
            "unit_code": rec.unit_code,
            "change": rec.change,
            "subject": rec.subject,
            "owner": rec.owner,
            "counts": rec.counts,
            "counts_head": rec.counts_head,
            "predicate": rec.predicate,
            "place": rec.place,
            "time": rec.time,
            "text": rec.text,
            "source": rec.source or ex.document.publisher,
            "source_kind": rec.source_kind if rec.source else ("publisher" if ex.document.publisher else None),
        }
    if isinstance(rec, Relation):
        return {
            "subject": rec.subject,
            "predicate": rec.predicate,
            "object": rec.object,
            "role": rec.role,
            "confidence": rec.confidence,
            "pattern": rec.pattern,
            # a pronoun subject the article does not resolve ("He is CEO of ...") stays the pronoun, flagged
            "subject_mention": rec.subject_mention,
            "subject_resolved": rec.subject_resolved,
        }
    raise TypeError(type(rec))

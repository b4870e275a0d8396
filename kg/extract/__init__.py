"""Extraction: spaCy ``Doc`` → typed records (``kg.records``). Never imports rdflib.

``extract_doc`` runs the extractors in a fixed order; each is a plain function over the ``Doc``
that later extractors may build on (quotes use entities; numbers use quotes for who asserted them).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.records import Document, Extraction

if TYPE_CHECKING:  # spaCy is imported by the extractors that run, not by importing this package: the
    # pure helpers under it (kg.extract.numbers' parse_value for `kg trace`) must not cost seconds of start-up
    from spacy.tokens import Doc, Span


def extract_doc(doc: Doc, document: Document, pipeline: str = "") -> Extraction:
    from kg.extract.entities import extract_entities
    from kg.extract.quantities import extract_quantities
    from kg.extract.quotes import extract_quotes
    from kg.extract.relations import extract_relations

    _cache_sentences(doc)
    ents = extract_entities(doc)
    errors: list[str] = []
    # one extractor tripping over one odd sentence must not cost the article its other claims: its kind
    # is left empty, the error is kept in ``extra["errors"]`` (kg build reports it), the others still run
    quotes = _fit_sentences(doc, _guarded("quotes", errors, extract_quotes, doc, ents))
    quantities = _fit_sentences(doc, _guarded("numbers", errors, extract_quantities, doc, quotes, ents, document))
    relations = _fit_sentences(doc, _guarded("relations", errors, extract_relations, doc, ents, document))
    return Extraction(
        document=document,
        entities=tuple(ents.entities),
        quotes=quotes,
        quantities=quantities,
        relations=relations,
        pipeline=pipeline,
        extra={"errors": errors} if errors else {},
    )


def _guarded(kind: str, errors: list[str], extractor, *args) -> tuple:
    try:
        return tuple(extractor(*args))
    except Exception as exc:  # noqa: BLE001 - any bug in one extractor; reported, never silent
        errors.append(f"{kind} extraction failed ({exc.__class__.__name__}: {exc})")
        return ()


def _fit_sentences(doc: Doc, records: tuple) -> tuple:
    """A claim whose span runs past its sentence (spaCy split "one in five" after "one", say) gets the
    sentences its span covers as its sentence, so the evidence always contains the claim."""
    out = []
    for rec in records:
        ev = rec.evidence
        if ev.end <= ev.start or (ev.sentence_start <= ev.start and ev.end <= ev.sentence_end):
            out.append(rec)
            continue
        covered = [s for s in doc.sents if s.start_char < ev.end and s.end_char > ev.start]
        start = min([ev.sentence_start, ev.start, *(s.start_char for s in covered)])
        end = max([ev.sentence_end, ev.end, *(s.end_char for s in covered)])
        out.append(replace(rec, evidence=replace(ev, sentence_start=start, sentence_end=end,
                                                 sentence=doc.text[start:end])))
    return tuple(out)


def _cache_sentences(doc: Doc) -> None:
    """Make ``span.sent`` and ``doc.sents`` O(log n) for the extractors.

    spaCy answers every ``span.sent`` by checking the whole Doc for sentence annotation and walking
    tokens; the extractors ask thousands of times per article, which made sentence lookup ~60% of
    extraction time. spaCy's own hooks let us compute the sentences once per Doc.
    """
    sents = list(doc.sents)
    starts = [s.start for s in sents]

    def sent_of(span: Span) -> Span:
        return sents[max(0, bisect_right(starts, span.start) - 1)]

    doc.user_hooks["sents"] = lambda _doc: iter(sents)
    doc.user_span_hooks["sent"] = sent_of

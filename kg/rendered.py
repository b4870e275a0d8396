"""What a worker sends back for one article: its N-Quads, ready for the store's loader, with what the build
reports of it (claim counts, failed extractors, example candidates, dedup signatures) — so the parent only
writes bytes. Used by kg.build; the records never cross a process boundary as objects."""

from __future__ import annotations

from dataclasses import dataclass

from kg.claims import iter_claims
from kg.ingest import dedup
from kg.rdf.mapping import document_triples, metadata_triples
from kg.records import Extraction


@dataclass(frozen=True)
class Rendered:
    """A document as the store needs it: what a worker sends back instead of the records."""

    id: str
    source_path: str
    graph: str  # IRI of its named graph
    # N-Quads, ready for the store's loader, made where the article was extracted: the first ``default_lines``
    # lines are the default graph's (the document, its outlet, the activity), the rest its named graph's
    # (claims, local entities, mentions)
    quads: bytes
    default_lines: int
    claims: tuple[tuple[str, int], ...]
    extraction: Extraction | None = None
    errors: tuple[str, ...] = ()  # extractors that failed on this article (its other claims are kept)
    examples: tuple[dict, ...] = ()  # this article's candidates for the build summary's examples
    signatures: tuple | None = None  # kg.ingest.dedup.signatures of its text
    content_hash: str = ""


def render(ex: Extraction, pipeline: str, when, keep: bool = False, examples: int = 0) -> Rendered:
    """The document as N-Quads with what the build reports of it: the parent only writes the bytes."""
    named = document_triples(ex)
    default = metadata_triples(ex.document, pipeline, when).ntriples()
    counts = {"quote": 0, "quantity": 0, "relation": 0}
    for kind, *_ in iter_claims(ex):
        counts[kind] += 1
    return Rendered(ex.document.id, ex.document.source_path, str(named.identifier),
                    (default + named.nquads()).encode("utf-8"), default.count("\n"),
                    tuple(counts.items()), ex if keep else None, tuple(ex.extra.get("errors", ())),
                    tuple(Examples(examples).candidates(ex)) if examples else (), dedup.signatures(ex.document.text),
                    ex.document.content_hash)


class Examples:
    """The ``n`` most telling claims of a build, kept as articles are stored (not every extraction): the
    attributed quotes of highest confidence (half of them), then numbers a named speaker asserted, in
    input order. Each article's own best candidates are picked where it was extracted (``candidates``),
    the parent merges them (``add``): the same choice as sorting all claims at the end."""

    def __init__(self, n: int):
        self.n = n
        self.quotes: list[dict] = []
        self.numbers: list[dict] = []

    def candidates(self, ex: Extraction) -> list[dict]:
        from kg.claims import claim_dicts

        rows = list(claim_dicts(ex))
        quotes = sorted((c for c in rows if c["kind"] == "quote" and c["speaker"]), key=lambda c: -c["confidence"])
        numbers = [c for c in rows if c["kind"] == "quantity" and c.get("source_kind") == "speaker"]
        return quotes[: (self.n + 1) // 2] + numbers[: self.n]

    def add(self, candidates) -> None:
        self.quotes = sorted(self.quotes + [c for c in candidates if c["kind"] == "quote"],
                             key=lambda c: -c["confidence"])[: (self.n + 1) // 2]
        if len(self.numbers) < self.n:
            self.numbers += [c for c in candidates if c["kind"] != "quote"][: self.n - len(self.numbers)]

    def picked(self) -> list[dict]:
        return self.quotes + self.numbers[: self.n - len(self.quotes)]

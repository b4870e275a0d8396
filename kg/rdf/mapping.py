"""Records → RDF. One named graph per document for its claims, local entities and mentions; the
document itself, its links and the extraction activity go to the default graph.

Every IRI is derived from the inputs (``kg.ids``), never from a counter or a random id, so the same
inputs give the same graph. Evidence and selector nodes are IRIs too (no blank nodes), so graphs
compare and diff line by line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, SDO

from kg import __version__
from kg.claims import iter_claims
from kg.ids import activity_iri, doc_iri, graph_iri, link_iri, local_entity_iri, outlet_iri
from kg.rdf.namespace import KG, KG_NS, OA
from kg.rdf.sink import PLAIN, Triples
from kg.records import DocLink, Document, Entity, Evidence, Extraction, NumericClaim, Quote, Relation

CONTEXT_CHARS = 32  # prefix/suffix length of a TextQuoteSelector


class _Terms:
    """A namespace's terms, each looked up once: rdflib's ``DefinedNamespace`` checks every attribute access
    (a sixth of the mapping's time); the first access still fails on a term the vocabulary lacks."""

    def __init__(self, ns):
        self._ns = ns

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._ns, name)
        setattr(self, name, term)
        return term


def _lit(value) -> Literal | str | int | bool:
    """``Literal(value)``; a plain ``str``, ``int`` or ``bool`` stays itself, which the sink writes as that
    literal without building it (kg.rdf.sink)."""
    return value if type(value) in PLAIN else Literal(value)


KG, OA, PROV, RDF, RDFS, SDO, SKOS = (_Terms(ns) for ns in (KG, OA, PROV, RDF, RDFS, SDO, SKOS))

# Canonical entity type → RDF classes (schema.org first, the kg refinement second).
TYPE_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "Person": (SDO.Person,),
    "Organization": (SDO.Organization,),
    "Company": (SDO.Organization, KG.Company),
    "GovernmentBody": (SDO.Organization, KG.GovernmentBody),
    "MediaOutlet": (SDO.Organization, KG.MediaOutlet),
    "FinancialInstitution": (SDO.Organization, KG.FinancialInstitution),
    "Place": (SDO.Place,),
    "Country": (SDO.Place, SDO.Country),
    "City": (SDO.Place, SDO.City),
    "Region": (SDO.Place, KG.Region),
    "Group": (KG.Group,),
}
CLAIM_CLASSES = {"quote": KG.Quote, "quantity": KG.NumericClaim, "relation": KG.RelationClaim}


def _decimal(x: float) -> Literal:
    # repr keeps 0.002 as 0.002 (format() would print 2e-03, which is not an xsd:decimal)
    text = repr(float(x))
    if "e" in text or "E" in text:
        text = f"{float(x):.12f}".rstrip("0").rstrip(".")
    return Literal(text, datatype=XSD.decimal)


def _finite(x: float) -> bool:
    import math

    return isinstance(x, (int, float)) and math.isfinite(x)


def build_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds: same inputs, same bytes)."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def relation_property(name: str) -> URIRef:
    """Relation names come from a user-extensible pattern file, so unknown ones are minted here."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise ValueError(f"relation name {name!r} is not snake_case")
    return URIRef(KG_NS + name)


class _Builder:
    def __init__(self, ex: Extraction):
        self.ex = ex
        self.doc = ex.document
        self.D = URIRef(doc_iri(self.doc.id))
        self.g = Triples(identifier=URIRef(graph_iri(self.doc.id)))
        self.local: dict[str, URIRef] = {}  # lower-cased name → local entity IRI

    def selector(self, node: URIRef, start: int, end: int) -> None:
        g, text = self.g, self.doc.text
        pos, quote = URIRef(f"{node}-pos"), URIRef(f"{node}-quote")
        g.add((node, RDF.type, OA.SpecificResource))
        g.add((node, OA.hasSource, self.D))
        g.add((node, OA.hasSelector, pos))
        g.add((node, OA.hasSelector, quote))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, _lit(start)))
        g.add((pos, OA.end, _lit(end)))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, _lit(text[start:end])))
        g.add((quote, OA.prefix, _lit(text[max(0, start - CONTEXT_CHARS) : start])))
        g.add((quote, OA.suffix, _lit(text[end : end + CONTEXT_CHARS])))

    def evidence(self, claim: URIRef, ev: Evidence, prop: URIRef = KG.evidence, tag: str = "ev") -> None:
        node = URIRef(f"{claim}#{tag}")
        self.g.add((claim, prop, node))
        self.selector(node, ev.start, ev.end)

    def entity(self, ent: Entity) -> URIRef:
        le = URIRef(local_entity_iri(self.doc.id, ent.type, ent.name))
        g = self.g
        g.add((le, RDF.type, KG.LocalEntity))
        g.add((le, KG.name, _lit(ent.name)))
        g.add((le, KG.entityType, _lit(ent.type)))
        g.add((le, KG.document, self.D))
        for alt in ent.alt_labels:
            g.add((le, SKOS.altLabel, _lit(alt)))
        for role in ent.roles:
            g.add((le, KG.role, _lit(role)))
        for ident in ent.identifiers:  # a place's ISO 3166 / GeoNames ids (kg.gazetteer)
            g.add((le, SDO.identifier, _lit(ident)))
        for m in ent.mentions:
            node = URIRef(f"{le}-m{m.start}-{m.end}")
            g.add((le, KG.mention, node))
            g.add((node, RDF.type, KG.Mention))
            g.add((node, KG.label, _lit(m.label)))
            self.selector(node, m.start, m.end)
        self.local.setdefault(ent.name.lower(), le)
        for alt in ent.alt_labels:
            self.local.setdefault(alt.lower(), le)
        return le

    def named(self, name: str, type_: str | None) -> URIRef:
        """The local entity for a name a claim uses, creating one when no mention was tagged."""
        le = self.local.get(name.lower())
        if le is None:
            le = self.entity(Entity(name=name, type=type_ or "Thing"))
        return le

    def claim(self, kind: str, iri: str, rec) -> URIRef:
        c, g = URIRef(iri), self.g
        g.add((c, RDF.type, CLAIM_CLASSES[kind]))
        g.add((c, RDF.type, KG.Claim))
        g.add((c, KG.document, self.D))
        g.add((c, PROV.wasDerivedFrom, self.D))
        ev = rec.evidence
        g.add((c, KG.sentence, _lit(ev.sentence)))
        g.add((c, KG.sentenceStart, _lit(ev.sentence_start)))
        g.add((c, KG.sentenceEnd, _lit(ev.sentence_end)))
        g.add((c, KG.confidence, _decimal(rec.confidence)))
        self.evidence(c, ev)
        return c

    def quote(self, c: URIRef, q: Quote) -> None:
        g = self.g
        g.add((c, SDO.text, _lit(q.content)))
        g.add((c, KG.direct, _lit(q.direct)))
        if q.cue:
            g.add((c, KG.cue, _lit(q.cue)))
        if q.speaker_mention:
            g.add((c, KG.speakerMention, _lit(q.speaker_mention)))
        if q.speaker:
            le = self.named(q.speaker, q.speaker_type or "Person")
            g.add((c, KG.speakerName, _lit(q.speaker)))
            g.add((c, KG.speaker, le))
            g.add((c, PROV.wasAttributedTo, le))
        if q.reason:
            g.add((c, KG.unresolvedReason, _lit(q.reason)))
        if q.speaker_evidence:
            self.evidence(c, q.speaker_evidence, KG.speakerEvidence, "speaker")
        if q.stance:
            g.add((c, KG.stance, getattr(KG, "Stance" + q.stance.capitalize())))
        for i, part in enumerate(q.parts):  # a quotation in several pieces: one selector per piece
            self.evidence(c, part, KG.contentPart, f"part{i}")

    def quantity(self, c: URIRef, n: NumericClaim, quote_iris: dict[int, URIRef]) -> None:
        g = self.g
        if _finite(n.value):  # NaN or an overflow is no literal a store can read back
            g.add((c, KG.value, _decimal(n.value)))
        if n.value_max is not None and _finite(n.value_max):
            g.add((c, KG.valueMax, _decimal(n.value_max)))
        # units: UN/CEFACT code for percent and units of measure, ISO 4217 for money (schema.org's terms)
        if n.unit_code:
            g.add((c, SDO.unitCode, _lit(n.unit_code)))
        elif n.unit and len(n.unit) == 3 and n.unit.isupper():
            g.add((c, SDO.currency, _lit(n.unit)))
        if n.change:
            g.add((c, KG.change, _lit(n.change)))
        if n.subject:
            g.add((c, KG.subjectName, _lit(n.subject)))
        if n.owner:
            g.add((c, KG.ownerName, _lit(n.owner)))
        g.add((c, KG.qualifier, _lit(n.qualifier)))
        g.add((c, KG.surfaceText, _lit(n.text)))
        for prop, val in ((KG.unit, n.unit), (KG.counts, n.counts), (KG.countsHead, n.counts_head),
                          (KG.predicateText, n.predicate), (KG.place, n.place), (KG.time, n.time)):
            if val:
                g.add((c, prop, _lit(val)))
        if n.source:
            g.add((c, KG.sourceName, _lit(n.source)))
            g.add((c, KG.sourceKind, _lit(n.source_kind or "named_source")))
            le = self.local.get(n.source.lower())
            if le is not None:
                g.add((c, KG.assertedBy, le))
                g.add((c, PROV.wasAttributedTo, le))
        elif self.doc.publisher:
            g.add((c, KG.sourceName, _lit(self.doc.publisher)))
            g.add((c, KG.sourceKind, _lit("publisher")))
        if n.quote_index is not None and n.quote_index in quote_iris:
            g.add((c, KG.inQuote, quote_iris[n.quote_index]))

    def relation(self, c: URIRef, r: Relation) -> None:
        g = self.g
        if r.subject_resolved:
            s = self.named(r.subject, r.subject_type)
        else:
            # "He is CEO of Acme" with no one to resolve "he" to: the claim keeps the pronoun, never an entity
            s = URIRef(f"{c}#subject")
            g.add((s, RDF.type, KG.UnresolvedMention))
            g.add((s, KG.name, _lit(r.subject)))
        o = self.named(r.object, r.object_type)
        g.add((c, KG.subject, s))
        g.add((c, KG.object, o))
        g.add((c, KG.relation, _lit(r.predicate)))
        if r.role:
            g.add((c, KG.role, _lit(r.role)))
        if r.pattern:
            g.add((c, KG.pattern, _lit(r.pattern)))
        if r.subject_mention:
            g.add((c, KG.subjectMention, _lit(r.subject_mention)))
        # the plain triple, for easy SPARQL (between entities only); the claim node above carries its evidence
        if r.subject_resolved:
            g.add((s, relation_property(r.predicate), o))

    def build(self) -> Triples:
        for ent in self.ex.entities:
            self.entity(ent)
        quote_iris: dict[int, URIRef] = {}
        for kind, i, iri, rec in iter_claims(self.ex):
            c = self.claim(kind, iri, rec)
            if kind == "quote":
                quote_iris[i] = c
                self.quote(c, rec)
            elif kind == "quantity":
                self.quantity(c, rec, quote_iris)
            else:
                self.relation(c, rec)
        for r in self.ex.relations:
            if r.evidence.end <= r.evidence.start and r.subject == self.doc.id:
                # document → outlet facts from metadata: a plain triple, no claim (no sentence says it)
                self.g.add((self.D, relation_property(r.predicate), URIRef(outlet_iri(r.object))))
        return self.g


def document_graph(ex: Extraction) -> Graph:
    """The document's named graph: its claims, local entities and mentions."""
    return document_triples(ex).graph()


def document_triples(ex: Extraction) -> Triples:
    """``document_graph`` as a light triple sink (what ``kg build`` writes out as N-Quads)."""
    return _Builder(ex).build()


def document_metadata(doc: Document, pipeline: str, when: datetime | None = None) -> Graph:
    """Triples about the document for the default graph."""
    return metadata_triples(doc, pipeline, when).graph()


def metadata_triples(doc: Document, pipeline: str, when: datetime | None = None) -> Triples:
    """``document_metadata`` as a light triple sink."""
    g = Triples()
    D, G = URIRef(doc_iri(doc.id)), URIRef(graph_iri(doc.id))
    act = URIRef(activity_iri(__version__, pipeline))
    g.add((D, RDF.type, KG.Document))
    g.add((D, RDF.type, SDO.NewsArticle))
    g.add((D, SDO.identifier, _lit(doc.id)))
    g.add((D, SDO.text, _lit(doc.text)))
    g.add((D, KG.contentHash, _lit(doc.content_hash)))
    g.add((D, KG.sourcePath, _lit(doc.source_path)))
    g.add((D, KG.graph, G))
    g.add((D, PROV.wasGeneratedBy, act))
    if doc.title:
        g.add((D, SDO.headline, _lit(doc.title)))
    if doc.url:
        g.add((D, SDO.url, Literal(doc.url, datatype=XSD.anyURI)))
    if doc.date:
        dtype = XSD.date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.date) else None
        g.add((D, SDO.datePublished, Literal(doc.date, datatype=dtype)))
    if doc.author:
        g.add((D, SDO.author, _lit(doc.author)))
    if doc.language:
        g.add((D, SDO.inLanguage, _lit(doc.language)))
    if doc.encoding:
        g.add((D, KG.encoding, _lit(doc.encoding)))
    for link in doc.links:
        g.add((D, KG.link, _lit(link)))
    if doc.publisher:
        out = _outlet(g, doc.publisher)
        g.add((D, SDO.publisher, out))
    for name in doc.first_published_in:
        g.add((D, KG.firstPublishedIn, _outlet(g, name)))
    g.add((G, PROV.wasGeneratedBy, act))
    g.add((G, PROV.generatedAtTime, Literal((when or build_time()).isoformat(), datatype=XSD.dateTime)))
    g.add((act, RDF.type, KG.ExtractionActivity))
    g.add((act, RDF.type, PROV.Activity))
    g.add((act, KG.kgVersion, _lit(__version__)))
    g.add((act, KG.pipeline, _lit(pipeline)))
    return g


def _outlet(g: Triples, name: str) -> URIRef:
    out = URIRef(outlet_iri(name))
    g.add((out, RDF.type, KG.MediaOutlet))
    g.add((out, RDF.type, SDO.Organization))
    g.add((out, RDFS.label, _lit(name)))
    return out


def link_graph(links: Iterable[DocLink]) -> Graph:
    """Republication / passage-reuse links between documents (default graph)."""
    return link_triples(links).graph()


def link_triples(links: Iterable[DocLink]) -> Triples:
    """``link_graph`` as a light triple sink."""
    g = Triples()
    props = {"republication_of": KG.republicationOf, "same_story_as": KG.sameStoryAs,
             "reuses_passages_of": KG.reusesPassagesOf}
    for link in links:
        S, T = URIRef(doc_iri(link.source)), URIRef(doc_iri(link.target))
        g.add((S, props.get(link.kind, KG.sameStoryAs), T))
        node = URIRef(link_iri(link.kind, link.source, link.target))
        g.add((node, RDF.type, KG.DocumentLink))
        g.add((node, KG.linkSource, S))
        g.add((node, KG.linkTarget, T))
        g.add((node, KG.linkKind, _lit(link.kind)))
        g.add((node, KG.similarity, _decimal(round(link.similarity, 4))))
        for i, (s0, s1, t0, t1) in enumerate(link.passages):
            p = URIRef(f"{node}#p{i}")
            g.add((node, KG.passage, p))
            g.add((p, RDF.type, OA.SpecificResource))
            g.add((p, OA.hasSource, S))
            g.add((p, KG.sentenceStart, _lit(s0)))
            g.add((p, KG.sentenceEnd, _lit(s1)))
            g.add((p, PROV.wasDerivedFrom, URIRef(f"{T}#{t0}-{t1}")))
    return g


def canonical_graph(canonicals: Iterable) -> Graph:
    """Canonical entities (from ``kg.resolve``) and the ``kg:canonical`` links to them (default graph)."""
    return canonical_triples(canonicals).graph()


def canonical_triples(canonicals: Iterable) -> Triples:
    """``canonical_graph`` as a light triple sink."""
    g = Triples()
    for c in canonicals:
        node = URIRef(c.iri)
        for cls in TYPE_CLASSES.get(c.type, (SDO.Thing,)):
            g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, _lit(c.label)))
        g.add((node, SDO.name, _lit(c.label)))
        for alt in c.alt_labels:
            if alt != c.label:
                g.add((node, SKOS.altLabel, _lit(alt)))
        for doc, type_, name in c.members:
            g.add((URIRef(local_entity_iri(doc, type_, name)), KG.canonical, node))
        for name, why in getattr(c, "merge_reasons", ()):
            g.add((node, KG.mergeReason, _lit(f"{name}: {why}")))
        _place_ids(g, node, c.label, c.type)
    return g


def _place_ids(g: Graph, node: URIRef, label: str, type_: str) -> None:
    """A canonical place's ISO 3166 / GeoNames ids (schema:identifier), its GeoNames IRI (schema:sameAs) and
    the country it is in (schema:containedInPlace), so graphs of different runs and tools can be joined."""
    from kg import gazetteer
    from kg.ids import entity_iri

    if type_ not in {"Country", "City", "Region"}:
        return
    place = gazetteer.lookup(label)
    if place is None or place.type != type_:
        return
    for ident in place.identifiers:
        g.add((node, SDO.identifier, _lit(ident)))
    if place.same_as:
        g.add((node, SDO.sameAs, URIRef(place.same_as)))
    if place.country:
        g.add((node, SDO.containedInPlace, URIRef(entity_iri("Country", place.country))))

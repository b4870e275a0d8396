"""SPARQL 1.1 Update texts for the store's write operations. Each write is one update request, so an
embedded store and any standard SPARQL server apply it in one transaction: a re-ingested document never
leaves its old claims beside the new ones."""

from __future__ import annotations

from rdflib import Graph

from kg.ids import doc_iri, graph_iri
from kg.query import prologue
from kg.query.terms import iri
from kg.rdf.sink import Triples, ntriples


def _triples(g: Graph | Triples) -> str:
    # N-Triples lines are valid triples inside INSERT DATA (IRIs in <>, escaped literals, no prefixes)
    return ntriples(g)


def insert_data(default: Graph | Triples | None = None, named: Graph | Triples | None = None) -> str:
    parts = ["INSERT DATA {\n"]
    if default is not None:
        parts.append(_triples(default))
    if named is not None:
        parts.append(f"GRAPH {iri(named.identifier)} {{\n{_triples(named)}}}\n")
    parts.append("}")
    return "".join(parts)


def request(*operations: str) -> str:
    """One update request (one transaction): the prologue once, then the operations."""
    return prologue() + " ;\n".join(op.strip().rstrip(";") for op in operations if op.strip())


def delete_document(doc_id: str) -> str:
    d, g = iri(doc_iri(doc_id)), iri(graph_iri(doc_id))
    return (
        f"DROP SILENT GRAPH {g} ;\n"
        f"DELETE WHERE {{ {d} ?p ?o }} ;\n"
        f"DELETE WHERE {{ {g} ?p ?o }} ;\n"
        + delete_links(doc_id)
    )


def delete_links(doc_id: str) -> str:
    d = iri(doc_iri(doc_id))
    return (
        f"DELETE {{ ?l ?p ?o . ?s ?lp ?t . }} WHERE {{ ?l kg:linkSource|kg:linkTarget {d} ; "
        f"kg:linkSource ?s ; kg:linkTarget ?t ; ?p ?o . OPTIONAL {{ ?s ?lp ?t }} }} ;\n"
    )


def replace_document(doc_id: str, named: Graph, metadata: Graph) -> str:
    return request(delete_document(doc_id), insert_data(metadata, named))


def replace_links(doc_id: str, links: Graph) -> str:
    return request(delete_links(doc_id), insert_data(links))


def replace_documents(batch) -> str:
    """Many documents in ONE request (one transaction): each one's old graph, metadata and links go,
    the new ones come in. ``batch``: rendered documents (``kg.rendered.Rendered``)."""
    texts = [triples_of(r) for r in batch]
    parts = ["INSERT DATA {\n"]
    parts += [default for default, _ in texts]
    parts += [f"GRAPH {iri(r.graph)} {{\n{named}}}\n" for r, (_, named) in zip(batch, texts, strict=True)]
    parts.append("}")
    return request(*(delete_document(r.id) for r in batch), "".join(parts))


def triples_of(r) -> tuple[str, str]:
    """A rendered document's N-Triples: (its default graph's, its named graph's)."""
    lines = r.quads.decode("utf-8").splitlines(keepends=True)
    end = len(iri(r.graph)) + 4  # " <graph> .\n" → " .\n"
    return ("".join(lines[: r.default_lines]),
            "".join(line[:-end] + " .\n" for line in lines[r.default_lines :]))


def quad_count(r) -> int:
    return r.quads.count(b"\n")


def nquads(batch) -> bytes:
    """N-Quads of rendered documents: each one's default-graph triples, then its named graph."""
    return b"".join(r.quads for r in batch)


def delete_documents(doc_ids) -> str:
    return request(*(delete_document(d) for d in doc_ids))


def delete_links_of(doc_ids) -> str:
    """``delete_links`` of many documents as one operation (their IRIs in VALUES): a build's linking
    replaces the links of every document it added, and one DELETE per document made an update of thousands
    of operations (parsed, then evaluated one by one)."""
    values = " ".join(iri(doc_iri(d)) for d in doc_ids)
    return (
        f"DELETE {{ ?l ?p ?o . ?s ?lp ?t . }} WHERE {{ VALUES ?d {{ {values} }} ?l kg:linkSource|kg:linkTarget ?d ; "
        f"kg:linkSource ?s ; kg:linkTarget ?t ; ?p ?o . OPTIONAL {{ ?s ?lp ?t }} }} ;\n"
    ) if values else ""


def replace_links_of(doc_ids, links: Graph | Triples) -> str:
    """The links touching any of ``doc_ids`` replaced by ``links``, in one request."""
    return request(delete_links_of(doc_ids), insert_data(links))


def remove_document(doc_id: str) -> str:
    return request(delete_document(doc_id))


# canonical nodes are found through their labels (an index lookup by predicate), not by scanning every
# subject of the store for the urn:kg:entity: prefix
_DELETE_CANONICAL = (
    "DELETE WHERE { ?le kg:canonical ?c }",
    'DELETE { ?s ?p ?o } WHERE { ?s rdfs:label ?l FILTER(STRSTARTS(STR(?s), "urn:kg:entity:")) ?s ?p ?o }',
)


def replace_canonical(canonical: Graph | Triples) -> str:
    return request(*_DELETE_CANONICAL, insert_data(canonical))


def delete_canonical() -> str:
    """The canonical entities and every local entity's link to one (``kg.build`` then bulk-loads the new
    ones: parsing ~300k triples as one SPARQL INSERT DATA was most of resolving at 9,000 articles)."""
    return request(*_DELETE_CANONICAL)


# Every document's local entities, in four flat queries: one query with OPTIONAL alt labels, roles and
# mentions multiplies them per entity (alts × roles × mentions rows) and was 20× slower.
_LOCAL = "GRAPH ?g { ?le a kg:LocalEntity ; kg:name ?name ; kg:entityType ?type ; kg:document ?d . %s } "
LOCAL_ENTITIES = prologue() + (
    "SELECT ?le ?doc ?name ?type WHERE { " + _LOCAL % "" + "?d schema:identifier ?doc . }"
)
LOCAL_ALTS = prologue() + "SELECT ?le ?v WHERE { GRAPH ?g { ?le a kg:LocalEntity ; skos:altLabel ?v } }"
LOCAL_ROLES = prologue() + "SELECT ?le ?v WHERE { GRAPH ?g { ?le a kg:LocalEntity ; kg:role ?v } }"
# The same records from one-pattern scans joined in Python (``local.local_entities_from_scans``): at 8,000
# documents the four-pattern join of LOCAL_ENTITIES costs 19 s (a lookup per entity and pattern), these 4 s.
LOCAL_SCANS = {
    "kinds": prologue() + "SELECT ?g ?le WHERE { GRAPH ?g { ?le a kg:LocalEntity } }",
    "names": prologue() + "SELECT ?g ?le ?v WHERE { GRAPH ?g { ?le kg:name ?v } }",
    "types": prologue() + "SELECT ?g ?le ?v WHERE { GRAPH ?g { ?le kg:entityType ?v } }",
    "graphs": prologue() + "SELECT ?d ?g WHERE { ?d kg:graph ?g }",
    "ids": prologue() + "SELECT ?d ?v WHERE { ?d schema:identifier ?v }",
    "alts": prologue() + "SELECT ?g ?le ?v WHERE { GRAPH ?g { ?le skos:altLabel ?v } }",
    "roles": prologue() + "SELECT ?g ?le ?v WHERE { GRAPH ?g { ?le kg:role ?v } }",
    "mentions": prologue() + "SELECT ?g ?le (COUNT(?m) AS ?v) WHERE { GRAPH ?g { ?le kg:mention ?m } } GROUP BY ?g ?le",
}
LOCAL_MENTIONS = prologue() + (
    "SELECT ?le (COUNT(?m) AS ?v) WHERE { GRAPH ?g { ?le a kg:LocalEntity ; kg:mention ?m } } GROUP BY ?le"
)

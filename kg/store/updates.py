"""SPARQL 1.1 Update texts for the store's write operations. Each write is one update request, so an
embedded store and any standard SPARQL server apply it in one transaction: a re-ingested document never
leaves its old claims beside the new ones."""

from __future__ import annotations

from rdflib import Graph

from kg.ids import doc_iri, graph_iri
from kg.query import prologue
from kg.query.terms import iri


def _triples(g: Graph) -> str:
    # N-Triples lines are valid triples inside INSERT DATA (IRIs in <>, escaped literals, no prefixes)
    return g.serialize(format="nt")


def insert_data(default: Graph | None = None, named: Graph | None = None) -> str:
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


def remove_document(doc_id: str) -> str:
    return request(delete_document(doc_id))


def replace_canonical(canonical: Graph) -> str:
    return request(
        "DELETE WHERE { ?le kg:canonical ?c }",
        'DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), "urn:kg:entity:")) }',
        insert_data(canonical),
    )


# Every document's local entities, in four flat queries: one query with OPTIONAL alt labels, roles and
# mentions multiplies them per entity (alts × roles × mentions rows) and was 20× slower.
_LOCAL = "GRAPH ?g { ?le a kg:LocalEntity ; kg:name ?name ; kg:entityType ?type ; kg:document ?d . %s } "
LOCAL_ENTITIES = prologue() + (
    "SELECT ?le ?doc ?name ?type WHERE { " + _LOCAL % "" + "?d schema:identifier ?doc . }"
)
LOCAL_ALTS = prologue() + "SELECT ?le ?v WHERE { GRAPH ?g { ?le a kg:LocalEntity ; skos:altLabel ?v } }"
LOCAL_ROLES = prologue() + "SELECT ?le ?v WHERE { GRAPH ?g { ?le a kg:LocalEntity ; kg:role ?v } }"
LOCAL_MENTIONS = prologue() + (
    "SELECT ?le (COUNT(?m) AS ?v) WHERE { GRAPH ?g { ?le a kg:LocalEntity ; kg:mention ?m } } GROUP BY ?le"
)

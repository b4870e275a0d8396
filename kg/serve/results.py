"""Query answers as bytes in the negotiated format, with the row cap. Only pyoxigraph here: this runs
inside the worker processes too."""

from __future__ import annotations

import json
from itertools import islice

import pyoxigraph as ox

from kg.errors import QueryError

# format name → (pyoxigraph format, media type sent back)
RESULT_FORMATS = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
}
RDF_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class ServeError(QueryError):
    """A query the endpoint answers with an HTTP error status and a message."""

    def __init__(self, status: int, message: str):
        self.status = status
        super().__init__(message)


def encode(result, results_fmt: str | None, rdf_fmt: str | None, max_rows: int | None,
           prefixes: dict[str, str] | None = None) -> tuple[str, bytes]:
    """(media type, body) of a query result. ``results_fmt`` / ``rdf_fmt`` are the negotiated formats
    for SELECT/ASK and for CONSTRUCT/DESCRIBE (None: the client accepts none of that kind)."""
    if isinstance(result, ox.QueryBoolean | bool):
        fmt, media = _pick(RESULT_FORMATS, results_fmt, "an ASK answer", "SPARQL results")
        if isinstance(result, bool):
            result = ox.parse_query_results(json.dumps({"head": {}, "boolean": result}), ox.QueryResultsFormat.JSON)
        return media, result.serialize(format=fmt)
    if isinstance(result, ox.QuerySolutions):
        fmt, media = _pick(RESULT_FORMATS, results_fmt, "a SELECT answer", "SPARQL results")
        names = [v.value for v in result.variables]
        rows = _capped(result, max_rows, "rows")
        body = solutions_json(names, rows)
        if fmt == ox.QueryResultsFormat.JSON:
            return media, body
        return media, ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(format=fmt)
    fmt, media = _pick(RDF_FORMATS, rdf_fmt, "a CONSTRUCT/DESCRIBE answer", "RDF")
    triples = _capped(result, max_rows, "triples")
    with_prefixes = fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML)
    return media, ox.serialize(triples, format=fmt, prefixes=prefixes if with_prefixes else None)


def _pick(table: dict, name: str | None, what: str, family: str):
    if name is None:
        raise ServeError(406, f"{what} can only be sent as {family} ({', '.join(table)}); "
                              "the Accept header (or format=) allows none of them")
    return table[name]


def _capped(items, max_rows: int | None, unit: str) -> list:
    if max_rows is None:
        return list(items)
    got = list(islice(items, max_rows + 1))
    if len(got) > max_rows:
        raise ServeError(413, f"the answer has more than {max_rows} {unit}, this endpoint's limit; "
                              "add a LIMIT (and OFFSET to page through) or aggregate")
    return got


def term_json(term) -> dict:
    """One RDF term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None and term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def solutions_json(names: list[str], rows) -> bytes:
    bindings = []
    for sol in rows:
        b = {}
        for n in names:
            t = sol[n]
            if t is not None:
                b[n] = term_json(t)
        bindings.append(b)
    doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

"""Reading a SPARQL Protocol request before any store sees it: what kind of operation the text is,
whether it asks for something this read-only endpoint refuses, and which answer format the client wants.

The checks are lexical, following the SPARQL 1.1 grammar's terminals: comments, string literals, IRIs
and escaped characters of prefixed names are blanked first, so a keyword inside a string, an IRI or a
comment never counts, and a keyword outside them always does. The query itself is then parsed by the
store, whose error message goes back to the client.
"""

from __future__ import annotations

import re

from kg.serve.results import RDF_FORMATS, RESULT_FORMATS, ServeError

# SPARQL 1.1 terminals that may hide keywords (grammar §19.8). Order matters: the scan runs left to right
# and each match is consumed whole, exactly as the grammar's tokenizer would.
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'                        # STRING_LITERAL_LONG2
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"                        # STRING_LITERAL_LONG1
    r'|"(?:[^"\\\n\r]|\\.)*"'                                # STRING_LITERAL2
    r"|'(?:[^'\\\n\r]|\\.)*'"                                # STRING_LITERAL1
    r'|<(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>'  # IRIREF (with UCHAR escapes)
    r"|\\."                                                  # PN_LOCAL_ESC (ex:a\#b must not start a comment)
    r"|#[^\n\r]*",                                           # comment
    re.DOTALL,
)
_WORD = re.compile(r"(?<![\w:?$@])([A-Za-z]+)(?![\w:\-])")
_PROLOGUE = {"base", "prefix"}
QUERY_FORMS = {"select", "construct", "ask", "describe"}
UPDATE_WORDS = {"insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with"}


def blank(text: str) -> str:
    """The text with comments, strings, IRIs and escapes replaced by spaces (same length)."""
    return _TOKEN.sub(lambda m: " " * len(m.group(0)), text)


def keywords(text: str) -> list[str]:
    """Bare words outside strings, IRIs and comments, lower-cased (prefixed names and variables excluded)."""
    return [m.group(1).lower() for m in _WORD.finditer(blank(text))]


def operation(text: str) -> str | None:
    """'select', 'construct', 'ask', 'describe', 'update' or None (unrecognisable: let the parser say why)."""
    for word in keywords(text):
        if word in _PROLOGUE:
            continue
        if word in QUERY_FORMS:
            return word
        if word in UPDATE_WORDS:
            return "update"
        return None
    return None


def check_query(text: str) -> None:
    """Refuse what a read-only, self-contained endpoint must not run."""
    if not text.strip():
        raise ServeError(400, "empty query")
    words = keywords(text)
    if operation(text) == "update":
        raise ServeError(403, "this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP…) "
                              "is refused; write with `kg build` / `kg import` on the store itself")
    if "service" in words:
        # a federated query would make this server fetch any URL a client names
        raise ServeError(403, "federated queries (SERVICE) are refused by this endpoint")


# ------------------------------------------------------------------------------------ content negotiation
RESULT_MEDIA = [
    ("application/sparql-results+json", "json"), ("application/json", "json"),
    ("application/sparql-results+xml", "xml"), ("application/xml", "xml"), ("text/xml", "xml"),
    ("text/csv", "csv"), ("text/tab-separated-values", "tsv"),
]
RDF_MEDIA = [
    ("text/turtle", "turtle"), ("application/n-triples", "ntriples"),
    ("application/ld+json", "jsonld"), ("application/rdf+xml", "rdfxml"),
]
FORMAT_ALIASES = {"ttl": "turtle", "nt": "ntriples", "json-ld": "jsonld", "rdf": "rdfxml", "xml-rdf": "rdfxml"}


def _ranges(accept: str) -> list[tuple[str, str, float]]:
    out = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(f[2:])))
                except ValueError:
                    q = 0.0
        main, sub = media.split("/", 1)
        out.append((main, sub, q))
    return out


def _quality(media: str, ranges: list[tuple[str, str, float]]) -> float:
    main, sub = media.split("/", 1)
    best, best_rank = 0.0, -1
    for rm, rs, q in ranges:
        if rm == main and rs == sub:
            rank = 2
        elif rm == main and rs == "*":
            rank = 1
        elif rm == "*" and rs == "*":
            rank = 0
        else:
            continue
        if rank > best_rank:
            best, best_rank = q, rank
    return best


def _choose(table: list[tuple[str, str]], ranges) -> str | None:
    best, best_q = None, 0.0
    for media, name in table:  # table order is our preference among equal qualities
        q = _quality(media, ranges)
        if q > best_q:
            best, best_q = name, q
    return best


def negotiate(accept: str | None, fmt: str | None = None) -> tuple[str | None, str | None]:
    """(results format, RDF format) for this request. ``fmt`` (the ``format`` parameter: json, xml, csv,
    tsv, turtle, ntriples, jsonld, rdfxml) overrides the Accept header for its kind of answer."""
    ranges = _ranges(accept) if accept and accept.strip() else [("*", "*", 1.0)]
    results, rdf = _choose(RESULT_MEDIA, ranges), _choose(RDF_MEDIA, ranges)
    if fmt:
        name = FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
        if name in RESULT_FORMATS:
            results = name
        elif name in RDF_FORMATS:
            rdf = name
        else:
            raise ServeError(400, f"unknown format {fmt!r}; use one of {', '.join([*RESULT_FORMATS, *RDF_FORMATS])}")
    return results, rdf

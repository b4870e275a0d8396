"""A light triple sink for the mapping: rdflib's ``Graph.add`` without rdflib's in-memory indexes.

The mapping code builds its triples with ``sink.add((s, p, o))`` exactly as it would on an rdflib
``Graph``; ``kg build`` writes the sink straight out as N-Triples / N-Quads text (the store parses it in
Rust), and ``graph()`` gives an rdflib ``Graph`` of the same triples for users, SHACL and tests. Building
an indexed rdflib graph and serialising it again was a third of a build's non-NLP time.

Escaping follows the N-Triples grammar (and rdflib's own N-Triples serialiser, so both give the same
text): ``\\``, ``"``, line feed and carriage return are escaped in literals; an IRI holding a character
N-Triples forbids is refused with ``ValueError`` instead of being written out broken.

An object may also be a plain Python ``str``, ``int`` or ``bool``: the literal rdflib's ``Literal(value)``
would make (a plain string, an ``xsd:integer``, an ``xsd:boolean``), written out without building that
``Literal`` (rdflib's literal constructor was a third of the mapping's time). Iterating a sink and
``graph()`` give rdflib terms as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

# characters IRIREF excludes: controls, space, <>"{}|^`\
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_XSD_STRING = str(XSD.string)
_INTEGER, _BOOLEAN = f"^^<{XSD.integer}>", f"^^<{XSD.boolean}>"
PLAIN = (str, int, bool)  # the Python values a sink takes as literals (exact types: URIRef is a str)


def iri(term: str) -> str:
    """``<term>``, or ``ValueError`` when the IRI cannot be written in N-Triples."""
    if _BAD_IRI.search(term):
        raise ValueError(f"not a valid IRI for N-Triples: {term!r}")
    return f"<{term}>"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'


def literal(term: Literal) -> str:
    text = _quoted(str(term))
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype is not None and str(term.datatype) != _XSD_STRING:
        return f"{text}^^{iri(term.datatype)}"
    return text


def term_nt(term) -> str:
    """One rdflib term in N-Triples syntax."""
    kind = type(term)  # the exact types first: rdflib's classes check isinstance through ABCMeta, slowly
    if kind is URIRef:
        return iri(term)
    if kind is Literal:
        return literal(term)
    if kind is str:  # what Literal(term) would be: a plain string, an xsd:integer, an xsd:boolean
        return _quoted(term)
    if kind is int:
        return f'"{term}"{_INTEGER}'
    if kind is bool:
        return f'"{"true" if term else "false"}"{_BOOLEAN}'
    if isinstance(term, Literal):
        return literal(term)
    if isinstance(term, URIRef):
        return iri(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"cannot write {term!r} as an RDF term")


def rdf_term(term):
    """The rdflib term for what a sink holds (a plain ``str``, ``int`` or ``bool`` is a ``Literal``)."""
    return Literal(term) if type(term) in PLAIN else term


class Triples:
    """A list of triples with the parts of rdflib's ``Graph`` the mapping uses (``add``, ``identifier``,
    iteration, ``len``, ``in``). Duplicates are dropped when written out, as a graph would."""

    __slots__ = ("identifier", "_triples")

    def __init__(self, identifier: URIRef | None = None):
        self.identifier = identifier
        self._triples: list[tuple] = []

    def add(self, triple: tuple) -> Triples:
        self._triples.append(triple)
        return self

    def __iter__(self) -> Iterator[tuple]:
        return iter(dict.fromkeys((s, p, rdf_term(o)) for s, p, o in self._triples))

    def __len__(self) -> int:
        return len(set(self))

    def __contains__(self, triple: tuple) -> bool:
        return tuple(triple) in set(self)

    def triples(self, pattern: tuple = (None, None, None)) -> Iterator[tuple]:
        for t in self:
            if all(want is None or want == got for want, got in zip(pattern, t, strict=True)):
                yield t

    def _lines(self, end: str) -> dict[str, None]:
        """Each triple's line once, in first-added order, ending in ``end``. Each IRI is written once: a
        document's triples name a few hundred nodes and predicates over and over."""
        iris: dict[URIRef, str] = {}

        def nt(term) -> str:
            if type(term) is URIRef:
                got = iris.get(term)
                if got is None:
                    got = iris[term] = iri(term)
                return got
            return term_nt(term)

        return dict.fromkeys(f"{nt(s)} {nt(p)} {nt(o)}{end}" for s, p, o in self._triples)

    def lines(self) -> list[str]:
        """N-Triples lines (no newline), duplicates dropped, first-added order."""
        return list(self._lines(" ."))

    def ntriples(self) -> str:
        return "".join(self._lines(" .\n"))

    def nquads(self) -> str:
        """N-Quads text: the triples in the named graph ``identifier`` (the default graph without one)."""
        if self.identifier is None:
            return self.ntriples()
        return "".join(self._lines(" " + iri(self.identifier) + " .\n"))

    def graph(self) -> Graph:
        g = Graph(identifier=self.identifier) if self.identifier is not None else Graph()
        for s, p, o in self._triples:
            g.add((s, p, rdf_term(o)))
        return g


def ntriples(g: Graph | Triples | Iterable[tuple] | str) -> str:
    """N-Triples text of a sink, an rdflib graph or any iterable of triples (a ``str`` is that text)."""
    if isinstance(g, str):
        return g
    if isinstance(g, Triples):
        return g.ntriples()
    return "".join(f"{term_nt(s)} {term_nt(p)} {term_nt(o)} .\n" for s, p, o in g)

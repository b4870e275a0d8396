"""The one place where values from outside (file names, ids, command-line options, request parameters)
become SPARQL text. Every term is written by pyoxigraph's own term classes, whose ``str()`` is the
N-Triples form — a valid SPARQL term with every special character escaped — so no caller ever pastes
text between ``<>`` or quotes itself.

    iri("urn:kg:doc:a")            → <urn:kg:doc:a>          (``QueryError`` if it is not a valid IRI)
    literal('say "hi"')            → "say \\"hi\\""
    number(1400)                   → "1400"^^xsd:decimal     (finite numbers only)
    bind_values(text, ("a", "b"), [("x", None)])   the query's ``VALUES (?a ?b) { … }`` block set to
                                   { ("x" UNDEF) }  — how the named queries in kg/query/*.rq take inputs
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

import pyoxigraph as ox

from kg.errors import QueryError

XSD_DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
UNDEF = "UNDEF"


class Iri(str):
    """A string meant as an IRI, not a literal, in ``bind_values`` rows."""


def _clean(text: str) -> str:
    # a command-line argument with undecodable bytes holds lone surrogates, which no RDF term can
    return text.encode("utf-8", "replace").decode("utf-8") if not text.isascii() else text


def iri(value: str) -> str:
    """``<value>``, escaped; ``QueryError`` when ``value`` is not an IRI."""
    try:
        return str(ox.NamedNode(_clean(str(value))))
    except ValueError as exc:
        raise QueryError(f"{value!r} is not a valid IRI ({exc})") from None


def literal(value: str) -> str:
    """A plain string literal holding exactly ``value``."""
    return str(ox.Literal(_clean(str(value))))


def number(value: float | int | Decimal) -> str:
    """An ``xsd:decimal`` literal (so it compares with the store's decimals); finite values only."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise QueryError(f"{value!r} is not a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise QueryError(f"{value!r} is not a finite number")
    if isinstance(value, Decimal) and not value.is_finite():
        raise QueryError(f"{value} is not a finite number")
    text = f"{Decimal(repr(value) if isinstance(value, float) else value):f}"
    return str(ox.Literal(text, datatype=XSD_DECIMAL))


def term(value) -> str:
    """Any Python value as a SPARQL term: None → UNDEF, ``Iri`` → IRI, number → decimal, else a literal."""
    if value is None:
        return UNDEF
    if isinstance(value, Iri):
        return iri(value)
    if isinstance(value, bool):
        return str(ox.Literal(value))
    if isinstance(value, int | float | Decimal):
        return number(value)
    return literal(value)


def values_clause(variables: Sequence[str], rows: Iterable[Sequence]) -> str:
    """``VALUES (?a ?b) { (t1 t2) … }`` with every value written by ``term``."""
    names = " ".join(f"?{_variable(v)}" for v in variables)
    body = " ".join("(" + " ".join(term(x) for x in _row(r, len(variables))) + ")" for r in rows)
    return f"VALUES ({names}) {{ {body} }}"


def bind_values(sparql: str, variables: Sequence[str], rows: Iterable[Sequence]) -> str:
    """The query with its first ``VALUES`` block over exactly ``variables`` (starting a line) set to ``rows``."""
    names = r"\s+".join(rf"\?{re.escape(_variable(v))}" for v in variables)
    # at the start of a line: a comment's example ("# e.g. VALUES (?a) { … }") is not the block
    pattern = re.compile(rf"^([ \t]*)VALUES\s*(?:\(\s*{names}\s*\)|{names})\s*\{{[^{{}}]*\}}", re.M)
    clause = values_clause(variables, rows)
    out, n = pattern.subn(lambda m: m.group(1) + clause, sparql, count=1)
    if not n:
        raise QueryError(f"the query has no VALUES block for {', '.join('?' + v for v in variables)}")
    return out


def _variable(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"{name!r} is not a SPARQL variable name")
    return name


def _row(row, width: int) -> Sequence:
    row = (row,) if width == 1 and (isinstance(row, str) or not isinstance(row, Sequence)) else row
    if len(row) != width:
        raise QueryError(f"a VALUES row has {len(row)} values for {width} variables")
    return row

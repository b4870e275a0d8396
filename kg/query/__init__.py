"""Named SPARQL queries (``kg/query/*.rq``) and the prefixes every query may use."""

from __future__ import annotations

from importlib import resources

from kg.errors import QueryError

PREFIXES = {
    "kg": "https://w3id.org/kg-claims/ns#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


def prologue() -> str:
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


def with_prefixes(sparql: str) -> str:
    """Prepend the standard prefixes that the query does not declare itself."""
    low = sparql.lower()
    missing = [k for k in PREFIXES if f"prefix {k}:" not in low]
    return "".join(f"PREFIX {k}: <{PREFIXES[k]}>\n" for k in missing) + sparql


def named(name: str) -> str:
    """The text of ``kg/query/<name>.rq``."""
    try:
        return resources.files("kg.query").joinpath(f"{name}.rq").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"no named query {name!r}; available: {', '.join(available())}") from None


def available() -> list[str]:
    return sorted(p.name[:-3] for p in resources.files("kg.query").iterdir() if p.name.endswith(".rq"))

"""JSON-LD people can read: the store's expanded JSON-LD (what pyoxigraph writes) rewritten with the
project's ``@context`` (``ontology/context.jsonld``, the prefixes of ``kg.query.PREFIXES``): property
names and types become ``kg:speaker``, ``schema:headline``…, ``rdf:type`` becomes ``@type``, and plain
string values lose their ``{"@value": …}`` wrapper. Every change is one the JSON-LD 1.1 expansion
algorithm undoes with that context, so the file loads back to the same quads (tests/rdf).

pyoxigraph 0.5's JSON-LD writer takes no context (its ``prefixes=`` applies to Turtle and TriG), and a
full JSON-LD compaction library (PyLD) would add a dependency for what is a prefix rewrite here.
"""

from __future__ import annotations

import json
from typing import IO

from kg.query import PREFIXES

RDF_TYPE = PREFIXES["rdf"] + "type"
XSD_STRING = PREFIXES["xsd"] + "string"


def context() -> dict:
    """The ``@context`` object (also published as ontology/context.jsonld)."""
    return dict(PREFIXES)


class _Context(dict):
    """The context with its prefixes longest namespace first and every IRI's CURIE remembered: a store's
    export names the same few hundred predicates and types millions of times."""

    def __init__(self, ctx: dict):
        super().__init__(ctx)
        self.ordered = sorted(self.items(), key=lambda kv: -len(kv[1]))
        self.memo: dict[str, str] = {}


def curie(iri: str, ctx: dict) -> str:
    """``https://schema.org/headline`` → ``schema:headline``; IRIs under no prefix stay as they are.
    A local part that could be read as an IRI scheme or is empty keeps the full IRI."""
    memo = getattr(ctx, "memo", None)
    if memo is not None:
        hit = memo.get(iri)
        if hit is None:
            hit = memo[iri] = _curie(iri, ctx.ordered)
        return hit
    return _curie(iri, sorted(ctx.items(), key=lambda kv: -len(kv[1])))


def _curie(iri: str, ordered) -> str:
    for p, ns in ordered:
        if iri.startswith(ns):
            local = iri[len(ns):]
            if local and not local.startswith("//") and all(c not in local for c in " \"<>{}|\\^`#"):
                return f"{p}:{local}"
    return iri


def _value(v, ctx: dict):
    if isinstance(v, dict):
        if set(v) == {"@value"} and isinstance(v["@value"], str):
            return v["@value"]
        if "@type" in v and v.get("@type") != XSD_STRING:
            return {**v, "@type": curie(v["@type"], ctx)}
        if v.get("@type") == XSD_STRING:
            return v["@value"]
        if "@id" in v and len(v) == 1:
            return {"@id": v["@id"]}
        if "@list" in v:
            return {"@list": [_value(x, ctx) for x in v["@list"]]}
    return v


def compact_node(node: dict, ctx: dict) -> dict:
    out: dict = {}
    for k, vals in node.items():
        if k == "@id":
            out["@id"] = vals
        elif k == "@graph":
            out["@graph"] = [compact_node(n, ctx) for n in vals]
        elif k == "@type":
            out["@type"] = [curie(t, ctx) for t in vals]
        elif k == RDF_TYPE and all(isinstance(v, dict) and set(v) == {"@id"} for v in vals):
            out["@type"] = out.get("@type", []) + [curie(v["@id"], ctx) for v in vals]
        else:
            out[curie(k, ctx)] = [_value(v, ctx) for v in vals]
    if "@type" in out and len(out["@type"]) == 1:
        out["@type"] = out["@type"][0]
    return out


def compact(expanded: list | dict, ctx: dict | None = None) -> dict:
    """An expanded JSON-LD document as ``{"@context": …, "@graph": […]}``."""
    ctx = _Context(ctx if ctx is not None else context())
    nodes = expanded if isinstance(expanded, list) else expanded.get("@graph", [expanded])
    return {"@context": dict(ctx), "@graph": [compact_node(n, ctx) for n in nodes]}


def export(store, out: IO[bytes]) -> None:
    """The whole store as compact JSON-LD (named graphs as nodes with ``@graph``)."""
    import io

    buf = io.BytesIO()
    store.export(buf, "jsonld")
    doc = compact(json.loads(buf.getvalue() or b"[]"))
    out.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    out.write(b"\n")

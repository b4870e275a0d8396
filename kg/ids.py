"""Deterministic identifiers shared by the claims JSONL and the RDF graph (no rdflib here)."""

from __future__ import annotations

import re
import unicodedata

DATA = "urn:kg:"


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "x"


def doc_iri(doc_id: str) -> str:
    return f"{DATA}doc:{doc_id}"


def graph_iri(doc_id: str) -> str:
    return f"{DATA}graph:{doc_id}"


def claim_iri(doc_id: str, kind: str, start: int, end: int, n: int = 0) -> str:
    suffix = f"-{n}" if n else ""
    return f"{DATA}claim:{doc_id}:{kind}:{start}-{end}{suffix}"


def entity_iri(type_: str, name: str) -> str:
    return f"{DATA}entity:{slug(type_)}:{slug(name)}"


def local_entity_iri(doc_id: str, type_: str, name: str) -> str:
    """An entity as seen in one document; ``kg:canonical`` links it to the cross-document node."""
    return f"{DATA}doc:{doc_id}#{slug(type_)}-{slug(name)}"


def outlet_iri(name: str) -> str:
    return f"{DATA}outlet:{slug(name)}"


def activity_iri(kg_version: str, pipeline: str) -> str:
    return f"{DATA}activity:kg-{slug(kg_version)}:{slug(pipeline)}"

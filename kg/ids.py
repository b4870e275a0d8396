"""Deterministic identifiers shared by the claims JSONL and the RDF graph (no rdflib here).

Document ids come from outside (file stems, JSONL ``id`` fields), so every IRI built from one goes
through ``iri_part``: letters, digits and ``-._~`` stay as they are (``000_37c6aabe9a1b8c9e`` keeps its
IRI), everything else — spaces, ``"<>\\^`{}|#%:/`` and any other character — is percent-encoded from its
UTF-8 bytes. The result is a valid IRI for every input, the same for the same input, and distinct for
distinct inputs (``%`` itself is encoded, so ``a b`` and ``a%20b`` stay apart).
"""

from __future__ import annotations

import re
import unicodedata

DATA = "urn:kg:"
_KEEP = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def iri_part(text: str) -> str:
    """``text`` as one IRI path segment: unreserved ASCII kept, every other character percent-encoded."""
    out = []
    for ch in text:
        if ch in _KEEP:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
    return "".join(out)


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "x"


def name_part(name: str) -> str:
    """An entity name as an IRI part: its slug ("Kassym-Jomart Tokayev" → kassym-jomart-tokayev); a name
    with no ASCII letter or digit to slug ("Путин", ">") is percent-encoded instead, so such names never
    share one node."""
    s = slug(name)
    if s != "x" or re.search(r"[A-Za-z0-9]", unicodedata.normalize("NFKD", name)):
        return s
    return "_" + iri_part(name.strip().lower())


def doc_iri(doc_id: str) -> str:
    return f"{DATA}doc:{iri_part(doc_id)}"


def graph_iri(doc_id: str) -> str:
    return f"{DATA}graph:{iri_part(doc_id)}"


def claim_iri(doc_id: str, kind: str, start: int, end: int, n: int = 0) -> str:
    suffix = f"-{n}" if n else ""
    return f"{DATA}claim:{iri_part(doc_id)}:{iri_part(kind)}:{int(start)}-{int(end)}{suffix}"


def entity_iri(type_: str, name: str) -> str:
    return f"{DATA}entity:{slug(type_)}:{name_part(name)}"


def local_entity_iri(doc_id: str, type_: str, name: str) -> str:
    """An entity as seen in one document; ``kg:canonical`` links it to the cross-document node."""
    return f"{DATA}doc:{iri_part(doc_id)}#{slug(type_)}-{name_part(name)}"


def outlet_iri(name: str) -> str:
    return f"{DATA}outlet:{slug(name)}"


def activity_iri(kg_version: str, pipeline: str) -> str:
    return f"{DATA}activity:kg-{slug(kg_version)}:{slug(pipeline)}"


def link_iri(kind: str, source: str, target: str) -> str:
    """A ``kg:DocumentLink`` node between two documents."""
    return f"{DATA}link:{iri_part(kind)}:{iri_part(source)}:{iri_part(target)}"

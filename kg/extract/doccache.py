"""Per-Doc values the extractors read many times, computed once per Doc and kept in ``doc.user_data``.

Each ``Token`` of a Doc is a new Python object every time it is reached (``doc[i]``, ``for t in doc``), and
``doc.ents`` builds a new tuple of ``Span`` objects on every access; the extractors walk whole articles
several times, so those objects were most of their cost. ``column(doc, "lower")`` is every token's
attribute as a plain list, read from one ``Doc.to_array`` and converted once per distinct value; ``ents(doc)``
is ``doc.ents`` built once.

A Doc must not be changed (retokenised, re-labelled) after its first lookup here: the values are not
recomputed. ``kg.extract.extract_doc`` only reads the Docs it is given.
"""

from __future__ import annotations

from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span

_KEY = "kg.columns"

# column name -> (Doc.to_array attribute, how its integers become the value Token gives)
_STRINGS = {"text": "ORTH", "lower": "LOWER", "tag": "TAG", "lemma": "LEMMA", "dep": "DEP", "ent_type": "ENT_TYPE"}
_INTS = {"idx": "IDX", "length": "LENGTH"}
_FLAGS = {"is_alpha": "IS_ALPHA", "is_punct": "IS_PUNCT", "is_space": "IS_SPACE", "is_digit": "IS_DIGIT"}


def _cache(doc: Doc) -> dict:
    cache = doc.user_data.get(_KEY)
    if cache is None:
        cache = doc.user_data[_KEY] = {}
    return cache


def column(doc: Doc, name: str) -> list:
    """Every token's ``name`` as a list indexed like the Doc: ``text``, ``lower``, ``tag``, ``lemma``, ``dep``,
    ``ent_type`` and ``pos`` (the strings ``Token.<name>_`` gives), ``idx``, ``length`` (of the text), ``head``
    (the head's index, as ``token.head.i``) and the flags ``is_alpha``, ``is_punct``, ``is_space``, ``is_digit``."""
    cache = _cache(doc)
    values = cache.get(name)
    if values is None:
        values = cache[name] = _read(doc, name)
    return values


def _read(doc: Doc, name: str) -> list:
    if not len(doc):
        return []
    if name in _STRINGS:
        ids = doc.to_array(_STRINGS[name]).tolist()
        strings = doc.vocab.strings
        table = {h: strings[h] for h in set(ids)}  # each distinct word looked up once
        return [table[h] for h in ids]
    if name == "pos":
        return [POS_NAMES[p] for p in doc.to_array("POS").tolist()]
    if name == "head":
        return [i + offset for i, offset in enumerate(doc.to_array("HEAD").astype("int64").tolist())]
    if name in _INTS:
        return doc.to_array(_INTS[name]).tolist()
    if name in _FLAGS:
        return [bool(v) for v in doc.to_array(_FLAGS[name]).tolist()]
    raise KeyError(name)


def ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc."""
    cache = _cache(doc)
    found = cache.get("ents")
    if found is None:
        found = cache["ents"] = doc.ents
    return found


def ents_in(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside ``span``, as spaCy's loop picks them) from ``ents(doc)``."""
    out = []
    for ent in ents(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break
    return out

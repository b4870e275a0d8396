"""Cheap access to a Doc's text.

``Doc.text`` joins every token's text on each access (O(n)); the extractors slice it thousands of
times per article, which made it the largest single cost of extraction. The text is computed once per
Doc and kept in ``doc.user_data``.
"""

from spacy.tokens import Doc

_KEY = "kg.text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text

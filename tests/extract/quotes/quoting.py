"""What the quote tests of this folder share: the quotes ``kg.extract.quotes`` finds in one text."""

from kg.extract.entities import extract_entities
from kg.extract.quotes import extract_quotes


def quotes_of(nlp, text):
    doc = nlp(text)
    return list(extract_quotes(doc, extract_entities(doc)))

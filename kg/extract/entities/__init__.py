"""Named entities of one document (see ``document``): cleaned names, corrected types, every mention.

``lexicons`` reads the rule files, ``candidates`` turns spaCy spans into cleaned mention candidates
(``cleaning`` trims and drops junk, ``context`` types them from the words around them, ``missed`` adds names
the tagger did not tag), ``document`` groups them into one ``Entity`` per real person/organisation/place of
the document.
"""

from kg.extract.entities.document import DocEntities, extract_entities
from kg.extract.entities.lexicons import (
    ORG_TYPES,
    PLACE_TYPES,
    clean_name,
    country_of,
    demonym_country,
    honorifics,
    is_title_word,
    name_suffixes,
    org_type_of_word,
    party_nouns,
    place_type,
    speech_verbs,
    split_title,
    title_start,
    titles,
)

__all__ = ["ORG_TYPES", "PLACE_TYPES", "DocEntities", "clean_name", "country_of", "demonym_country",
           "extract_entities", "honorifics", "is_title_word", "name_suffixes",
           "org_type_of_word", "party_nouns", "place_type", "speech_verbs",
           "split_title", "title_start", "titles"]

"""Speaker resolution: the token heading a speaker mention → the canonical in-document name.

Quote attribution finds *where* the speaker is ("he", "the ex-Soviet republic's president",
"Tokayev", "Kazakh officials"); this module decides *who* that is, within one document:

- names: the entity at the mention, titles stripped, short names ("Tokayev") widened to the fullest
  name the document uses ("Kassym-Jomart Tokayev");
- personal pronouns: the nearest preceding person, preferring grammatical subjects;
- role nominals ("the president", "the prime minister"): the person the document gives that role,
  from a title before the name ("President Tokayev") or an apposition ("Smaiylov, the prime minister");
- groups and organisations: "Kazakh officials" (a common noun made specific by a named modifier),
  "the press service of the Ministry of Defense" (the organisation it belongs to);
- anything else ("many observers", "the reports") stays unresolved, with a reason.

It only reads ``DocEntities`` through its public API (``entities``, ``at``), so it keeps working as
the entity extractor improves; a few of spaCy's entity-type mistakes are patched up locally.
"""

from kg.extract.coref.resolver import Resolver, noun_phrase
from kg.extract.coref.words import (
    CONF_GROUP,
    CONF_NAME,
    CONF_NOMINAL,
    CONF_PRONOUN,
    Sentences,
    Speaker,
    age_nominal,
    apostrophe_name,
    channel_nouns,
    could_speak,
    document_nouns,
    group_nouns,
    name_modals,
    name_particles,
    org_nouns,
    person_noun,
    person_nouns,
    reporting_lemmas,
    source_nouns,
    strip_titles,
    title_at_end,
    title_modifiers,
    titles,
)

__all__ = [
    'Resolver',
    'noun_phrase',
    'CONF_NAME',
    'CONF_PRONOUN',
    'CONF_NOMINAL',
    'CONF_GROUP',
    'Speaker',
    'source_nouns',
    'reporting_lemmas',
    'name_particles',
    'name_modals',
    'document_nouns',
    'channel_nouns',
    'org_nouns',
    'title_modifiers',
    'titles',
    'title_at_end',
    'strip_titles',
    'Sentences',
    'person_nouns',
    'group_nouns',
    'age_nominal',
    'person_noun',
    'apostrophe_name',
    'could_speak',
]

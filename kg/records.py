"""Typed intermediate records: the one representation between NLP (``kg.extract``) and RDF (``kg.rdf``).

Every offset is a character offset into ``Document.text`` (the cleaned text), end exclusive, so
``document.text[e.start:e.end] == e.text`` always holds. Records are frozen: stages never mutate
what an earlier stage produced.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

QUALIFIERS = ("exact", "approx", "over", "under", "at_least", "at_most")
CLAIM_KINDS = ("quote", "quantity", "relation")


@dataclass(frozen=True)
class Evidence:
    """A span of the document text plus the sentence it sits in."""

    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    sentence: str


@dataclass(frozen=True)
class Removed:
    """A piece of the raw input that cleaning removed (shown by ``kg inspect``)."""

    text: str
    reason: str


@dataclass(frozen=True)
class Document:
    id: str  # stable, readable: the file stem, e.g. "001_ce8a067a932c7844"
    text: str  # cleaned text; all offsets point into it
    source_path: str
    content_hash: str  # sha256 of the cleaned text
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO 8601 date
    publisher: str | None = None
    author: str | None = None
    language: str | None = None
    encoding: str | None = None
    links: tuple[str, ...] = ()  # link targets recovered from Markdown/HTML
    first_published_in: tuple[str, ...] = ()  # outlets the article says it came from
    removed: tuple[Removed, ...] = ()
    fetched: str | None = None  # ISO 8601 date-time the page was fetched or archived (WARC-Date), for web input


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int
    label: str  # spaCy-style label after correction: PERSON, ORG, GPE, LOC, NORP, ...


@dataclass(frozen=True)
class Entity:
    """An entity as seen in one document; ``kg.resolve`` links it to a canonical node across documents."""

    name: str  # the fullest name used in the document
    type: str  # Person | Organization | Company | GovernmentBody | MediaOutlet | FinancialInstitution
    #            | Place | Country | City | Region | Group
    mentions: tuple[Mention, ...] = ()
    alt_labels: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # role titles seen with a person ("president", "prime minister")
    country: str | None = None  # a City's or Region's country (from the gazetteer)
    identifiers: tuple[str, ...] = ()  # a place's ids: "iso3166:KZ", "geonames:1522867" (kg.gazetteer)


@dataclass(frozen=True)
class Quote:
    speaker: str | None  # canonical (fullest in-document) name; None when it cannot be resolved
    speaker_mention: str | None  # the surface form that attributes the quote ("he", "Tokayev")
    cue: str | None  # lemma of the reporting verb ("say", "according_to", ...)
    content: str
    direct: bool
    evidence: Evidence  # the content span
    speaker_evidence: Evidence | None = None
    speaker_type: str | None = None  # Person | Organization | Group ...
    confidence: float = 1.0
    reason: str | None = None  # why speaker is None
    # one statement quoted in several pieces ("“…,” he said, “…”", or a quotation running over paragraphs):
    # every piece in text order; ``evidence`` then covers them all and ``content`` joins them with " … "
    parts: tuple[Evidence, ...] = ()
    stance: str | None = None  # the cue's stance, one of QUOTE_STANCES; None when there is no cue


# the stance of an attribution cue (kg:Stance in the ontology; data: kg/extract/rules/quote_stance.tsv)
QUOTE_STANCES = ("asserts", "denies", "believes", "reported")


@dataclass(frozen=True)
class NumericClaim:
    value: float
    qualifier: str  # one of QUALIFIERS
    text: str  # surface form, e.g. "more than 1,000"
    evidence: Evidence
    value_max: float | None = None
    unit: str | None = None  # "%", "USD", ... None for plain counts
    counts: str | None = None  # the counted noun phrase ("major foreign companies")
    counts_head: str | None = None  # its head lemma ("company")
    predicate: str | None = None  # "suspended operations in Russia"
    place: str | None = None
    time: str | None = None
    source: str | None = None  # who asserted it; None = the publishing outlet
    source_kind: str | None = None  # "speaker" | "according_to" | "named_source" | "publisher"
    quote_index: int | None = None  # index into Extraction.quotes when asserted inside a quote
    confidence: float = 1.0
    unit_code: str | None = None  # UN/CEFACT common code of the unit ("P1" percent, "KMT" km); None for money
    change: str | None = None  # "up" | "down" when the number is the size of a change ("rose 12 cts")
    subject: str | None = None  # the entity the measured thing belongs to ("Ford" in "Ford's 13,000 workers")
    # whose the counted thing is when the words around it say so ("Northgate Savings" in "its unit, Northgate
    # Savings, had assets of 95 mln dlrs"; "fund" in "the fund's assets"): kg.extract.quantities.owner
    owner: str | None = None


@dataclass(frozen=True)
class Relation:
    subject: str
    predicate: str  # snake_case: relocated_to, holds_role, left, suspended_operations_in, located_in, ...
    object: str
    evidence: Evidence
    role: str | None = None
    subject_type: str | None = None
    object_type: str | None = None
    confidence: float = 1.0
    pattern: str | None = None  # name of the rule that found it
    # the words naming the subject in the sentence when they are not its name ("he" for "Jane Doe")
    subject_mention: str | None = None
    # False: the subject is a pronoun the article's coreference could not resolve; ``subject`` is then the
    # pronoun as written and the mapping makes no entity node for it (a kg:UnresolvedMention instead)
    subject_resolved: bool = True


@dataclass(frozen=True)
class DocLink:
    """A link between two documents found by near-duplicate / passage-reuse detection."""

    source: str  # document id of the later or derived document
    target: str  # document id it republishes or reuses
    kind: str  # "republication_of" | "same_story_as" | "reuses_passages_of"
    similarity: float  # estimated Jaccard similarity of the cleaned texts (or share of reused passages)
    passages: tuple[tuple[int, int, int, int], ...] = ()  # (source_start, source_end, target_start, target_end)


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[NumericClaim, ...] = ()
    relations: tuple[Relation, ...] = ()
    pipeline: str = ""  # spaCy pipeline name and version used
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def to_dict(record) -> dict:
    return asdict(record)

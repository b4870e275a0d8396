"""The kg vocabulary as code: a typo in a term is an AttributeError, not a silent new IRI.

Kept in sync with ``ontology/kg.ttl`` by ``tests/rdf/test_namespace.py``.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

KG_NS = "https://w3id.org/kg-claims/ns#"
OA = Namespace("http://www.w3.org/ns/oa#")


class KG(DefinedNamespace):
    _NS = Namespace(KG_NS)
    _fail = True

    Claim: URIRef
    Company: URIRef
    Document: URIRef
    DocumentLink: URIRef
    ExtractionActivity: URIRef
    FinancialInstitution: URIRef
    GovernmentBody: URIRef
    Group: URIRef
    LocalEntity: URIRef
    MediaOutlet: URIRef
    Mention: URIRef
    NumericClaim: URIRef
    Quote: URIRef
    Region: URIRef
    RelationClaim: URIRef
    assertedBy: URIRef
    canonical: URIRef
    confidence: URIRef
    contentHash: URIRef
    counts: URIRef
    countsHead: URIRef
    cue: URIRef
    direct: URIRef
    document: URIRef
    encoding: URIRef
    entityType: URIRef
    evidence: URIRef
    firstPublishedIn: URIRef
    first_published_in: URIRef
    graph: URIRef
    holds_role: URIRef
    inQuote: URIRef
    kgVersion: URIRef
    label: URIRef
    left: URIRef
    link: URIRef
    linkKind: URIRef
    linkSource: URIRef
    linkTarget: URIRef
    located_in: URIRef
    mention: URIRef
    mentionCount: URIRef
    name: URIRef
    object: URIRef
    passage: URIRef
    pattern: URIRef
    pipeline: URIRef
    place: URIRef
    predicateText: URIRef
    published_by: URIRef
    qualifier: URIRef
    relation: URIRef
    relocated_to: URIRef
    republicationOf: URIRef
    reusesPassagesOf: URIRef
    role: URIRef
    sameStoryAs: URIRef
    sentence: URIRef
    sentenceEnd: URIRef
    sentenceStart: URIRef
    similarity: URIRef
    sourceKind: URIRef
    sourceName: URIRef
    sourcePath: URIRef
    speaker: URIRef
    speakerEvidence: URIRef
    speakerMention: URIRef
    speakerName: URIRef
    subject: URIRef
    surfaceText: URIRef
    suspended_operations_in: URIRef
    time: URIRef
    unit: URIRef
    unresolvedReason: URIRef
    value: URIRef
    valueMax: URIRef
    # quote stance and content parts (ontology block "quote stance and content parts")
    Stance: URIRef
    StanceAsserts: URIRef
    StanceBelieves: URIRef
    StanceDenies: URIRef
    StanceReported: URIRef
    contentPart: URIRef
    stance: URIRef
    # numbers (issue 11): direction of a change ("rose 12 cts" → "up"); units go to schema:unitCode / currency
    change: URIRef
    subjectName: URIRef
    ownerName: URIRef
    # entities and relations (issue 13)
    mergeReason: URIRef
    UnresolvedMention: URIRef
    subjectMention: URIRef
    headquartered_in: URIRef
    based_in: URIRef
    opened_office_in: URIRef
    member_of: URIRef
    employed_by: URIRef
    founded_by: URIRef
    acquired: URIRef
    merged_with: URIRef
    nationality: URIRef

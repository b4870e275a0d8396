"""The SPARQL of the claim browser (kg/serve/browser.py) and the field maps its flat queries are joined
with. ``%s`` slots take a VALUES list of validated IRIs, ``%(name)s`` slots escaped literals or IRIs."""

# A claim card's fields, read in flat queries joined here in Python. One query with every field OPTIONAL
# after the VALUES took 14 s for 37 claims on 2,000 articles (oxigraph 0.5 evaluates the OPTIONALs over
# every claim of the store before the join); a plain pattern per VALUES list is an index lookup each.
CLAIM_TRIPLES = "SELECT ?c ?p ?o WHERE { VALUES ?c { %s } GRAPH ?g { ?c ?p ?o } }"
CLAIM_SPANS = """
SELECT ?c ?start ?end WHERE { VALUES ?c { %s } GRAPH ?g { ?c kg:evidence ?ev . ?ev oa:hasSelector ?sel .
  ?sel oa:start ?start ; oa:end ?end } }
"""
LOCAL_ENTITIES = """
SELECT ?le ?name ?canon WHERE { VALUES ?le { %s } { GRAPH ?g { ?le kg:name ?name } } UNION { ?le kg:canonical ?canon } }
"""
DOCUMENT_FIELDS = """
SELECT ?d ?p ?o WHERE { VALUES ?d { %s }
  VALUES ?p { schema:identifier schema:headline schema:datePublished } ?d ?p ?o }
"""
DOCUMENT_PUBLISHERS = "SELECT ?d ?o WHERE { VALUES ?d { %s } ?d schema:publisher ?pub . ?pub rdfs:label ?o }"
BATCH = 400  # IRIs per VALUES list
KG = "https://w3id.org/kg-claims/ns#"
SCHEMA = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# claim predicate → the field of the claim rows the cards and charts read
CLAIM_FIELDS = {
    KG + "document": "d", KG + "sentence": "sentence", KG + "sentenceStart": "sstart", SCHEMA + "text": "content",
    KG + "direct": "direct", KG + "speakerName": "speaker", KG + "value": "value", KG + "valueMax": "valueMax",
    KG + "surfaceText": "surface", KG + "counts": "counts", KG + "unit": "unit", KG + "qualifier": "qualifier",
    KG + "predicateText": "predicate", KG + "place": "place", KG + "time": "time", KG + "sourceName": "source",
    KG + "sourceKind": "sourceKind", KG + "relation": "relation", KG + "inQuote": "inQuote",
}
# claim predicate → (field of the local entity, field of its canonical entity)
PARTY_FIELDS = {KG + "speaker": (None, "speakerE"), KG + "assertedBy": (None, "sourceE"),
                KG + "subject": ("subj", "subjE"), KG + "object": ("obj", "objE")}
DOC_FIELDS = {SCHEMA + "identifier": "doc", SCHEMA + "headline": "title", SCHEMA + "datePublished": "date"}


TEXT_SEARCH = """
SELECT DISTINCT ?c WHERE {
  { ?e rdfs:label|skos:altLabel ?l . FILTER(CONTAINS(LCASE(STR(?l)), %(q)s))
    ?le kg:canonical ?e . GRAPH ?g { ?c %(links)s ?le } }
  UNION { GRAPH ?g { ?le kg:name ?n . FILTER(CONTAINS(LCASE(STR(?n)), %(q)s)) ?c %(links)s ?le } }
  UNION { GRAPH ?g { ?c a kg:Claim ; kg:speakerName|kg:sourceName|schema:text|kg:counts|kg:surfaceText ?t .
                     FILTER(CONTAINS(LCASE(STR(?t)), %(q)s)) } }
} LIMIT %(limit)d
"""

NUMBER_SEARCH = """
SELECT DISTINCT ?c WHERE {
  GRAPH ?g { ?c a kg:NumericClaim ; kg:value ?v . OPTIONAL { ?c kg:valueMax ?vm }
             FILTER(?v = %(n)s || (BOUND(?vm) && ?v <= %(n)s && ?vm >= %(n)s)) }
} LIMIT %(limit)d
"""

ENTITY_SEARCH = """
SELECT ?e (SAMPLE(?label) AS ?name) (COUNT(DISTINCT ?c) AS ?claims) WHERE {
  ?e rdfs:label ?label . OPTIONAL { ?e skos:altLabel ?alt }
  FILTER(CONTAINS(LCASE(STR(?label)), %(q)s) || CONTAINS(LCASE(STR(?alt)), %(q)s))
  ?le kg:canonical ?e .
  OPTIONAL { GRAPH ?g { ?c %(links)s ?le } }
} GROUP BY ?e ORDER BY DESC(?claims) ?name LIMIT 50
"""

ENTITY = """
SELECT ?label ?type ?alt WHERE {
  %(e)s rdfs:label ?label . OPTIONAL { %(e)s a ?type } OPTIONAL { %(e)s skos:altLabel ?alt }
}
"""

ENTITY_CLAIMS = """
SELECT DISTINCT ?c WHERE { ?le kg:canonical %(e)s . GRAPH ?g { ?c %(links)s ?le } } LIMIT %(limit)d
"""

# the documents of the entity's local entities (their mentions are counted from ENTITY_MENTIONS)
ENTITY_DOCS = """
SELECT ?le ?doc ?title WHERE {
  ?le kg:canonical %(e)s . GRAPH ?g { ?le kg:document ?d }
  ?d schema:identifier ?doc . OPTIONAL { ?d schema:headline ?title }
}
"""

# claims where the entity is the speaker, the asserting source or a party of a relation
ENTITY_ROLES = """
SELECT DISTINCT ?c ?role WHERE {
  ?le kg:canonical %(e)s .
  GRAPH ?g { { ?c kg:speaker ?le . BIND("said" AS ?role) } UNION { ?c kg:assertedBy ?le . BIND("asserted" AS ?role) }
             UNION { ?c kg:subject|kg:object ?le . BIND("relation" AS ?role) } }
} LIMIT %(limit)d
"""

# The entity's mentions and, in the same named graphs, every claim's sentence span and parties: the claims
# whose sentence mentions the entity are found in Python (one query joining them took minutes at 2,000).
ENTITY_MENTIONS = """
SELECT ?g ?le ?ms WHERE { ?le kg:canonical %(e)s . GRAPH ?g { ?le kg:mention/oa:hasSelector/oa:start ?ms } }
"""
GRAPH_SENTENCES = """
SELECT ?g ?c ?ss ?se WHERE { VALUES ?g { %s } GRAPH ?g { ?c kg:sentenceStart ?ss ; kg:sentenceEnd ?se } }
"""
GRAPH_PARTIES = """
SELECT ?c ?le WHERE { VALUES ?g { %s } GRAPH ?g { ?c kg:speaker|kg:assertedBy|kg:subject|kg:object ?le } }
"""

# The speakers and sources with the most claims, counted in Python from flat scans: who said or asserted
# each claim (with its graph: one per document), the canonical entity of each local one, the canonical
# names; then the types of the ones shown. The grouped query (COUNT DISTINCT per entity over a UNION) took
# over 10 s on 2,000 articles on a loaded machine, past the page's time limit.
CLAIM_PARTIES = """
SELECT ?c ?le ?g ?role WHERE { { GRAPH ?g { ?c kg:speaker ?le } BIND("said" AS ?role) }
  UNION { GRAPH ?g { ?c kg:assertedBy ?le } BIND("asserted" AS ?role) } }
"""
CANONICAL = "SELECT ?le ?e WHERE { ?le kg:canonical ?e }"
CANONICAL_NAMES = "SELECT ?e ?label WHERE { ?x kg:canonical ?e . ?e rdfs:label ?label }"
ENTITY_TYPES = "SELECT ?e ?type WHERE { VALUES ?e { %s } ?e a ?type }"

IN_QUOTE = "SELECT DISTINCT ?c WHERE { GRAPH ?g { ?c kg:inQuote %(c)s } } LIMIT %(limit)d"

SAME_COUNTS = """
SELECT DISTINCT ?c WHERE {
  GRAPH ?g { %(c)s kg:countsHead ?h } GRAPH ?g2 { ?c kg:countsHead ?h } FILTER(?c != %(c)s)
} LIMIT %(limit)d
"""

SAME_WHO = """
SELECT DISTINCT ?c WHERE {
  GRAPH ?g { %(c)s kg:speaker|kg:assertedBy ?le0 } ?le0 kg:canonical ?e . ?le kg:canonical ?e .
  GRAPH ?g2 { ?c kg:speaker|kg:assertedBy ?le } FILTER(?c != %(c)s)
} LIMIT %(limit)d
"""

DOCUMENT = """
SELECT ?d ?title ?date ?publisher ?author ?url ?path WHERE {
  ?d a kg:Document ; schema:identifier %(id)s .
  OPTIONAL { ?d schema:headline ?title } OPTIONAL { ?d schema:datePublished ?date }
  OPTIONAL { ?d schema:publisher/rdfs:label ?publisher } OPTIONAL { ?d schema:author ?author }
  OPTIONAL { ?d schema:url ?url } OPTIONAL { ?d kg:sourcePath ?path }
} LIMIT 1
"""

DOCUMENT_CLAIMS = """
SELECT DISTINCT ?c WHERE { ?d schema:identifier %(id)s . GRAPH ?g { ?c a kg:Claim ; kg:document ?d } }
LIMIT %(limit)d
"""

DOCUMENT_LINKS = """
SELECT ?kind ?sim ?other ?title ?dir WHERE {
  ?d schema:identifier %(id)s .
  { ?l kg:linkSource ?d ; kg:linkTarget ?o . BIND("to" AS ?dir) }
  UNION { ?l kg:linkTarget ?d ; kg:linkSource ?o . BIND("from" AS ?dir) }
  ?l kg:linkKind ?kind . OPTIONAL { ?l kg:similarity ?sim }
  ?o schema:identifier ?other . OPTIONAL { ?o schema:headline ?title }
} ORDER BY DESC(?sim)
"""

DOCUMENTS = """
SELECT ?doc ?title ?date ?publisher (COUNT(DISTINCT ?c) AS ?claims) WHERE {
  ?d a kg:Document ; schema:identifier ?doc .
  OPTIONAL { ?d schema:headline ?title } OPTIONAL { ?d schema:datePublished ?date }
  OPTIONAL { ?d schema:publisher/rdfs:label ?publisher }
  OPTIONAL { GRAPH ?g { ?c a kg:Claim ; kg:document ?d } }
} GROUP BY ?doc ?title ?date ?publisher ORDER BY ?date ?doc LIMIT 500
"""

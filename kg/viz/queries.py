"""The SPARQL the graph view reads. Written against the kg vocabulary (ontology/kg.ttl), not against
any one extractor's output: a missing field is simply absent, so new or missing fields never break it.

Claims, local entities and mentions are read as columns (``column``: every (subject, object) of one
predicate in the article graphs, a single-pattern query each) and joined in Python. The joined forms (one
query with a UNION per claim kind and an OPTIONAL per field; the entities with their mentions counted in
SPARQL) took 50 s and 13 s on 2,000 articles on a loaded machine, and 175 s for the entities alone on
10,000; a single-pattern scan is one index range each."""

COLUMN = "SELECT ?s ?o WHERE { GRAPH ?g { ?s %s ?o } }"
DEFAULT_COLUMN = "SELECT ?s ?o WHERE { ?s %s ?o }"  # the default graph: canonical entities and their labels
TYPED = "SELECT ?s WHERE { GRAPH ?g { ?s a %s } }"

DOCUMENTS = """
SELECT ?d ?id ?path ?title ?url ?date ?publisher WHERE {
  ?d a kg:Document ; schema:identifier ?id .
  OPTIONAL { ?d kg:sourcePath ?path }
  OPTIONAL { ?d schema:headline ?title }
  OPTIONAL { ?d schema:url ?url }
  OPTIONAL { ?d schema:datePublished ?date }
  OPTIONAL { ?d schema:publisher/rdfs:label ?publisher }
}
ORDER BY ?id
"""

# republication_of, reuses_passages_of, same_story_as between documents, with their similarity.
DOC_LINKS = """
SELECT ?s ?t ?kind ?similarity WHERE {
  ?l a kg:DocumentLink ; kg:linkSource ?s ; kg:linkTarget ?t .
  OPTIONAL { ?l kg:linkKind ?kind } OPTIONAL { ?l kg:similarity ?similarity }
}
"""

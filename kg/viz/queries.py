"""The SPARQL the graph view reads. Written against the kg vocabulary (ontology/kg.ttl), not against
any one extractor's output: every claim field is OPTIONAL, so new or missing fields never break it."""

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

# Local entities with their canonical node (when the resolver has run) and their number of mentions.
ENTITIES = """
SELECT ?le ?d ?name ?type ?canon ?clabel (COUNT(DISTINCT ?m) AS ?mentions) WHERE {
  GRAPH ?g { ?le a kg:LocalEntity ; kg:name ?name ; kg:entityType ?type ; kg:document ?d .
             OPTIONAL { ?le kg:mention ?m } }
  OPTIONAL { ?le kg:canonical ?canon . OPTIONAL { ?canon rdfs:label ?clabel } }
}
GROUP BY ?le ?d ?name ?type ?canon ?clabel
"""

# Other names and role titles, for --focus matching and the details panel.
ENTITY_NAMES = """
SELECT ?e ?alt ?role WHERE {
  { GRAPH ?g { ?e a kg:LocalEntity . { ?e skos:altLabel ?alt } UNION { ?e kg:role ?role } } }
  UNION { ?e skos:altLabel ?alt . FILTER NOT EXISTS { ?e a kg:LocalEntity } }
}
"""

# Where each local entity is mentioned, to tell which entities a claim is about.
MENTIONS = """
SELECT ?le ?start ?end WHERE {
  GRAPH ?g { ?le kg:mention ?m . ?m oa:hasSelector ?p .
             ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . }
}
"""

CLAIMS = """
SELECT ?c ?kind ?d ?sentence ?sstart ?send ?start ?end ?confidence
       ?content ?direct ?cue ?speaker ?speaker_name ?speaker_mention ?reason
       ?value ?value_max ?qualifier ?unit ?counts ?counts_head ?predicate ?place ?time ?text
       ?source_name ?source_kind ?asserted_by ?in_quote
       ?relation ?subject ?object ?role ?pattern
WHERE {
  GRAPH ?g {
    ?c a kg:Claim ; kg:document ?d .
    OPTIONAL { ?c kg:sentence ?sentence }
    OPTIONAL { ?c kg:sentenceStart ?sstart ; kg:sentenceEnd ?send }
    OPTIONAL { ?c kg:evidence/oa:hasSelector ?sel . ?sel a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }
    OPTIONAL { ?c kg:confidence ?confidence }
    {
      ?c a kg:Quote . BIND("quote" AS ?kind)
      OPTIONAL { ?c schema:text ?content } OPTIONAL { ?c kg:direct ?direct } OPTIONAL { ?c kg:cue ?cue }
      OPTIONAL { ?c kg:speaker ?speaker } OPTIONAL { ?c kg:speakerName ?speaker_name }
      OPTIONAL { ?c kg:speakerMention ?speaker_mention } OPTIONAL { ?c kg:unresolvedReason ?reason }
    } UNION {
      ?c a kg:NumericClaim . BIND("quantity" AS ?kind)
      OPTIONAL { ?c kg:value ?value } OPTIONAL { ?c kg:valueMax ?value_max }
      OPTIONAL { ?c kg:qualifier ?qualifier } OPTIONAL { ?c kg:unit ?unit }
      OPTIONAL { ?c kg:counts ?counts } OPTIONAL { ?c kg:countsHead ?counts_head }
      OPTIONAL { ?c kg:predicateText ?predicate } OPTIONAL { ?c kg:place ?place } OPTIONAL { ?c kg:time ?time }
      OPTIONAL { ?c kg:surfaceText ?text } OPTIONAL { ?c kg:sourceName ?source_name }
      OPTIONAL { ?c kg:sourceKind ?source_kind } OPTIONAL { ?c kg:assertedBy ?asserted_by }
      OPTIONAL { ?c kg:inQuote ?in_quote }
    } UNION {
      ?c a kg:RelationClaim ; kg:subject ?subject ; kg:object ?object . BIND("relation" AS ?kind)
      OPTIONAL { ?c kg:relation ?relation } OPTIONAL { ?c kg:role ?role } OPTIONAL { ?c kg:pattern ?pattern }
    }
  }
}
"""

# republication_of, reuses_passages_of, same_story_as between documents, with their similarity.
DOC_LINKS = """
SELECT ?s ?t ?kind ?similarity WHERE {
  ?l a kg:DocumentLink ; kg:linkSource ?s ; kg:linkTarget ?t .
  OPTIONAL { ?l kg:linkKind ?kind } OPTIONAL { ?l kg:similarity ?similarity }
}
"""

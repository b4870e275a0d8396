"""RDF mapping: typed records → rdflib graphs (never imports spaCy)."""

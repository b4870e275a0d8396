"""Relations between entities: relocated_to, left, suspended_operations_in, holds_role, located_in, ...

The patterns are data (``rules/relation_patterns.json``, spaCy ``DependencyMatcher`` syntax). The package
is split by concern: ``config`` (rules, matcher, token marks), ``tree`` (arguments read off the dependency
tree), ``roles`` (the role phrase and its qualifier), ``fallback`` (rules beyond one sentence's tree: the
bare-title fallback and document metadata), ``tables`` (players in sports results tables) and ``extract``
(matches → ``Relation`` records, deduplicated).
"""

from kg.extract.relations.config import category, config
from kg.extract.relations.extract import extract_relations

__all__ = ["category", "config", "extract_relations"]

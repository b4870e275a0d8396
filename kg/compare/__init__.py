"""Tracing and comparing numeric claims across documents: the logic behind ``kg trace``, ``kg conflicts``
and ``kg agreements``.

Works on plain rows (dicts with the columns of ``kg/query/trace.rq``), so it needs no rdflib and no
spaCy; the store-facing functions (``kg.compare.store``) only call ``store.select``.

- **Same value**: a claim matches a traced value when it is within a relative tolerance of it, or its
  range (``value``–``value_max``) contains it. "1,400", "1400" and "1.4 thousand" parse to the same value
  (``kg.extract.numbers.parse_value``).
- **Same thing measured**: same kind of counted noun (head, or a class in
  ``rules/number_count_classes.txt``), same unit dimension, predicates of the same class
  (``rules/number_predicate_classes.txt``) or sharing content words, places equal when both are stated,
  years not contradicting.
- **Disagreement beyond qualifiers**: each claim stands for an interval — exact ±0.5%, approx ±10%,
  "more than"/"at least" up to +50%, "less than" down to −33%, "up to" down to −50%, a vague range as
  stated — and two claims disagree when their intervals do not overlap. Claims are shown side by side;
  none "invalidates" another.
- **Comparable frames**: the counted head (or its class) and its distinguishing modifiers
  (``rules/number_concept_synonyms.txt`` groups "foreign"/"international", "major"/"large"), the same event
  class, place and years, the same unit (currencies are never converted), and values less than a
  hundredfold apart; each group states that shared frame (``Group.why``).
- **Independence**: documents joined by republication, passage reuse or "same story" links form one
  cluster and count once.
- **The same owner**: the counted phrase's own owner when the text states it (``NumericClaim.owner``,
  kg.extract.quantities.owner): a named one is the claim's subject, a part of an organisation ("its unit",
  "the fund", ``rules/owner_parts.txt``) compares only with the same part.
- **The same case**: a stated subject, else the story — the people and organisations of the headline (or
  lead) of each claim's document must meet ("net profit" in Harbour Bank's story is not Quarry Bank's);
  days resolved against the document date, stated periods agreeing (``kg.compare.case``).
- **Two versions of one fact** (a disagreement only, ``kg.compare.dispute``): no plan or forecast against
  a reported figure, one basis ("in real terms", "seasonally adjusted"), the names and "of" words of one
  counted phrase stated in the other's sentence, no figure of a year long past against today's, values
  within DISPUTE_RATIO, no count so far ("brings the total to"), and no story that itself lists the other's
  figure with the same verb (``rules/dispute_words.txt``).
- **The same kind of figure**: a threshold ("1,200 delegates needed to win") never compares with a count
  ("won 150 delegates"), a margin ("leads by 90") never with a total (``rules/measure_kinds.txt``); a
  light predicate ("are", "say") compares only when the sentences share most of their words; a comparison
  base ("vs 2,050,000") only with the base of the same current figure in nearly the same words (two
  versions of one results line, ``frames.same_base``).

Modules, by concern: ``words`` (lexicons), ``values`` (intervals), ``documents`` (copies and clusters),
``case`` (subject, story, day), ``frames`` (what one claim measures, and the pairwise test), ``dispute``
(what a disagreement needs beyond that), ``describe`` (the shared frame in words), ``timing``
(the same moment or period), ``explain`` (which tests a pair fails), ``grouping``
(groups, conflicts, agreements), ``store`` (the queries), ``cache`` (a store's answer, kept per
state).
"""

from __future__ import annotations

from kg.compare.cache import Compared, cache_file, compared
from kg.compare.case import case_day, names_in, periods, story_keys
from kg.compare.describe import why
from kg.compare.documents import LINK_COLUMNS, clusters, copy_note, links_of, trace_order
from kg.compare.frames import (
                               Frame,
                               comparable,
                               frame,
                               measure_kind,
                               modifiers,
                               same_counted,
                               same_magnitude,
                               same_measure,
                               same_owner,
                               same_predicate,
                               same_scope,
                               same_sentence,
                               same_time,
)
from kg.compare.grouping import Group, disagreeing_pairs, find_agreements, find_conflicts, measures
from kg.compare.store import (
                               agreements,
                               comparison_rows,
                               conflicts,
                               detail_rows,
                               numeric_rows,
                               stories,
                               trace,
                               trace_sparql,
                               with_stories,
)
from kg.compare.values import (
                               DEFAULT_TOLERANCE,
                               MAX_RATIO,
                               QUALIFIER_SIGNS,
                               SPREAD,
                               about_matches,
                               interval,
                               matches_value,
                               overlap,
                               show_value,
)
from kg.compare.words import (
                               RULES,
                               content_stems,
                               count_classes,
                               dimension,
                               head_class,
                               modifier_classes,
                               predicate_class,
                               predicate_classes,
                               stem,
)

__all__ = [
    "Compared", "DEFAULT_TOLERANCE", "Frame", "Group", "LINK_COLUMNS", "MAX_RATIO", "QUALIFIER_SIGNS", "RULES",
    "SPREAD", "about_matches", "agreements", "cache_file", "case_day", "clusters", "comparable", "compared",
    "comparison_rows", "conflicts", "content_stems", "copy_note", "count_classes", "detail_rows", "dimension",
    "disagreeing_pairs", "find_agreements", "find_conflicts", "frame", "head_class", "interval", "links_of",
    "matches_value", "measure_kind", "measures", "modifier_classes", "modifiers", "names_in", "numeric_rows",
    "overlap", "periods", "predicate_class", "predicate_classes", "same_counted", "same_magnitude", "same_measure",
    "same_owner", "same_predicate", "same_scope", "same_sentence", "same_time", "show_value", "stem", "stories",
    "story_keys", "trace", "trace_order", "trace_sparql", "why", "with_stories",
]

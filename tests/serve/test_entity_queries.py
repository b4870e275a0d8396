"""The entity page's flat queries (joined in Python) find what one SPARQL join finds, on the seeds store:
the claims whose sentence mentions an entity, each document's mention count, and every claim card field."""

from __future__ import annotations

import pytest

from kg.serve import browser

# The single-query forms the page used before (too slow at 2,000 articles, fine on five): the oracle here.
ABOUT = """
SELECT DISTINCT ?c WHERE {
  ?le kg:canonical <%(e)s> .
  GRAPH ?g { ?le kg:mention/oa:hasSelector/oa:start ?ms .
             ?c a kg:Claim ; kg:sentenceStart ?ss ; kg:sentenceEnd ?se .
             FILTER(?ms >= ?ss && ?ms < ?se)
             FILTER NOT EXISTS { ?c kg:speaker|kg:assertedBy|kg:subject|kg:object ?le } }
}
"""
DOCS = """
SELECT ?doc (COUNT(DISTINCT ?m) AS ?mentions) WHERE {
  ?le kg:canonical <%(e)s> . GRAPH ?g { ?le kg:document ?d . OPTIONAL { ?le kg:mention ?m } }
  ?d schema:identifier ?doc .
} GROUP BY ?doc
"""
CARD = """
SELECT ?c ?d ?doc ?title ?sentence ?start ?value ?surface ?source ?sourceE ?speakerE ?subj ?obj WHERE {
  VALUES ?c { <%(c)s> }
  GRAPH ?g { ?c kg:document ?d . OPTIONAL { ?c kg:sentence ?sentence }
             OPTIONAL { ?c kg:evidence/oa:hasSelector ?sel . ?sel oa:start ?start }
             OPTIONAL { ?c kg:value ?value } OPTIONAL { ?c kg:surfaceText ?surface }
             OPTIONAL { ?c kg:sourceName ?source } }
  OPTIONAL { GRAPH ?g1 { ?c kg:assertedBy ?sl } ?sl kg:canonical ?sourceE }
  OPTIONAL { GRAPH ?g2 { ?c kg:speaker ?pl } ?pl kg:canonical ?speakerE }
  OPTIONAL { GRAPH ?g3 { ?c kg:subject ?s0 . ?s0 kg:name ?subj } }
  OPTIONAL { GRAPH ?g4 { ?c kg:object ?o0 . ?o0 kg:name ?obj } }
  ?d schema:identifier ?doc . OPTIONAL { ?d schema:headline ?title }
}
"""


def _entities(store, n: int = 6) -> list[str]:
    _, rows = store.select("SELECT ?e (COUNT(?m) AS ?n) WHERE { ?le kg:canonical ?e . GRAPH ?g { ?le kg:mention ?m } } "
                           f"GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT {n}")
    return [r["e"] for r in rows]


@pytest.fixture(scope="module")
def pages(seeds_store):
    return browser.Browser(seeds_store)


def test_claims_mentioning_an_entity_are_the_joins_answer(pages, seeds_store):
    seen_any = False
    for e in _entities(seeds_store):
        mine = {r["c"] for r in seeds_store.select(browser.ENTITY_ROLES % {"e": f"<{e}>", "limit": 10_000})[1]}
        found, per_graph = pages.mentioning(f"<{e}>", mine)
        want = {r["c"] for r in seeds_store.select(ABOUT % {"e": e})[1]} - mine
        assert set(found) == want
        seen_any |= bool(want)
        docs = browser._entity_docs(seeds_store.select(browser.ENTITY_DOCS % {"e": f"<{e}>"})[1], per_graph)
        assert {r["doc"]: r["mentions"] for r in docs} == {
            r["doc"]: int(r["mentions"]) for r in seeds_store.select(DOCS % {"e": e})[1]}
    assert seen_any, "the seeds name entities in claims they are not the speaker or source of"


def test_claim_cards_have_the_fields_of_one_join(pages, seeds_store):
    _, rows = seeds_store.select("SELECT ?c WHERE { GRAPH ?g { ?c a kg:Claim } } ORDER BY ?c")
    iris = [r["c"] for r in rows]
    cards = {r["c"]: r for r in pages.claims(iris)}
    assert set(cards) == set(iris)
    kinds = set()
    for c in iris[::3]:
        (want,) = seeds_store.select(CARD % {"c": c})[1][:1] or [{}]
        got = cards[c]
        kinds.add(got["kind"])
        for field in ("doc", "title", "sentence", "start", "value", "surface", "source", "sourceE", "speakerE",
                      "subj", "obj"):
            assert got.get(field) == want.get(field), (c, field)
    assert kinds == {"quote", "number", "relation"}
    with pytest.raises(browser.NotFound):
        pages.claims(["https://example.org/not-ours"])


class Counting:
    """The seeds store as a backend that counts its queries and has a generation a test can move."""

    def __init__(self, store):
        self.store, self.gen, self.queries = store, 1, []

    def select(self, text):
        self.queries.append(text)
        return self.store.select(text)

    def generation(self):
        return self.gen


def test_speakers_are_ranked_once_per_store_version(seeds_store):
    backend = Counting(seeds_store)
    pages = browser.Browser(backend)
    everyone = pages.top_entities("")
    assert everyone and all(a["said"] + a["asserted"] >= b["said"] + b["asserted"]
                            for a, b in zip(everyone, everyone[1:], strict=False))
    first = len(backend.queries)
    some = pages.top_entities(everyone[0]["name"].lower()[:4])
    assert everyone[0] in some and len(backend.queries) == first + 1  # only the shown ones' types
    assert all(everyone[0]["name"].lower()[:4] in r["name"].lower() for r in some)
    backend.gen = 2  # a build published a new version: ranked again
    assert pages.top_entities("") == everyone and len(backend.queries) > first + 2

"""kg serve's view graph is read in the background: a request never waits for a whole store to be read,
the overview says it is being prepared until then, and a newer store version replaces the graph while the
previous one keeps answering. Real graph reading and drawing on the seeds store; the backend is the
store itself with a gate on its queries (so the test decides when reading may finish)."""

from __future__ import annotations

import threading

import pytest

from kg.serve.views import GraphViews


class GatedBackend:
    """The seeds store answering as a remote endpoint would, each query held until ``gate`` is set."""

    kind = "remote"

    def __init__(self, store):
        self.store, self.gen, self.gate = store, 1, threading.Event()

    def select(self, text):
        assert self.gate.wait(120), "the test never opened the gate"
        return self.store.select(text)

    def generation(self):
        return self.gen


def test_overview_is_prepared_in_the_background_and_replaced_when_the_store_changes(seeds_store):
    backend = GatedBackend(seeds_store)
    views = GraphViews(backend, backend)
    assert views.page(60, wait=0.05) is None  # reading has started, nobody waits for it
    assert views.graph(wait=0.05) is None
    prep = views.preparing_page()
    assert 'http-equiv="refresh"' in prep and "reading the store" in prep
    backend.gate.set()
    first = views.page(60, wait=120)
    assert first is not None and "/graph/expand" in first  # the served overview expands from the server
    G = views.graph(wait=0)
    assert G.number_of_nodes() > 0
    assert views.page(60, wait=0) is first  # kept, not drawn again
    backend.gate.clear()
    backend.gen = 2  # a build published a new version
    assert views.graph(wait=0.05) is G  # the previous graph answers while the new one is read
    backend.gate.set()
    deadline = threading.Event()
    for _ in range(600):
        if views.graph(wait=0.2) is not G:
            break
        deadline.wait(0.1)
    assert views.graph(wait=0) is not G and views.current[1] == 2
    assert views.page(20, wait=0) is not None  # another size is drawn on request


def test_a_store_that_cannot_be_read_is_one_error_not_an_endless_wait(seeds_store):
    class Broken(GatedBackend):
        def select(self, text):
            from kg.serve.results import ServeError

            raise ServeError(503, "the SPARQL server did not answer")

    from kg.serve.results import ServeError

    backend = Broken(seeds_store)
    views = GraphViews(backend, backend)
    with pytest.raises(ServeError, match="did not answer") as err:
        views.page(60, wait=30)
    assert err.value.status == 503 and views.loading_since is None  # the next request tries again

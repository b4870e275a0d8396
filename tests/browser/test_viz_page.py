"""The graph page in a real headless Chromium: it draws, shows provenance on hover, makes no network
request, and runs no code smuggled in through article text."""

from __future__ import annotations

import pytest

from kg.build import build
from kg.store import open_store
from kg.viz.graph import load_graph, select
from kg.viz.page import write
from tests.viz.conftest import needs_build

pytestmark = pytest.mark.browser

XSS_ARTICLE = """# Tokayev courts <img src=x onerror=alert(1)> firms </script><script>alert(2)</script>

By Jane <script>alert(3)</script> Doe

ALMATY, Sept. 1 (Example Times) - "We will welcome every <img src=x onerror=alert(4)> company \
</script><script>alert(5)</script>," Kazakh President Kassym-Jomart Tokayev said on Thursday.

Nearly 1,000 foreign companies <img src=x onerror=alert(6)> have left Russia, Tokayev said.

Acme <script>window.__xss=1</script> Corp relocated to Almaty, its spokesman John \
<img src=x onerror=alert(7)> Smith said.

"The firms </script> are welcome <b onmouseover=alert(8)>here</b>," said Ivan <script>alert(9)</script> \
Petrov, an adviser.
"""


def _find(opened, kind: str, text: str | None = None, what: str = "nodes") -> int:
    """Id of the first node (or edge) of a kind whose details mention ``text``."""
    found = opened.page.evaluate(
        """([what, kind, text]) => { const hit = kg[what].get({filter: x => x.kind === kind &&
              (!text || x.info.some(r => r[1].includes(text)))}); return hit.length ? hit[0].id : null; }""",
        [what, kind, text])
    assert found is not None, f"no {kind} {what[:-1]} mentioning {text!r}"
    return found


def _offline(opened) -> list[str]:
    url = opened.page.url
    return [r for r in opened.requests if r != url and not r.startswith("data:")]


def _assert_nothing_ran(opened) -> None:
    opened.page.wait_for_timeout(300)  # time for an onerror handler to fire, had one been injected
    assert opened.dialogs == []
    assert opened.page.evaluate("window.__xss") is None
    assert opened.page.evaluate("document.images.length") == 0
    assert opened.page.evaluate("document.scripts.length") == 4
    assert opened.page.evaluate("document.querySelectorAll('[onerror],[onmouseover],[onload]').length") == 0
    assert opened.errors == []  # a blocked inline script would be logged as a CSP violation


def test_page_draws_every_node_with_provenance_on_hover(claims_graph, open_page, tmp_path, artifacts):
    H = select(claims_graph)
    opened = open_page(write(H, tmp_path / "g.html"))
    assert opened.errors == [] and _offline(opened) == []
    assert opened.page.evaluate("kg.nodes.length") == H.number_of_nodes()
    text = opened.hover_node(_find(opened, "quote", "favorable conditions"))
    for expected in ("We will create favorable conditions for them", "Kassym-Jomart Tokayev",
                     "Kazakhstan courts firms", "Example Times", "2022-09-01", "https://example.org/a1"):
        assert expected in text
    text = opened.hover_node(_find(opened, "quantity", "1,400"))
    assert "Yale School of Management" in text and "Other Post" in text
    text = opened.hover_edge(_find(opened, "relation", "Acme", what="edges"))
    assert "Acme Corp relocated to Almaty." in text
    text = opened.hover_edge(_find(opened, "asserts", "Yale", what="edges"))
    assert "1,400" in text and "Other Post" in text  # an edge shows its claim's provenance
    opened.page.screenshot(path=str(artifacts / "viz-small.png"))


def test_conflicts_page_links_disagreeing_numbers_in_red(claims_graph, open_page, tmp_path):
    opened = open_page(write(select(claims_graph, conflicts=True), tmp_path / "c.html"))
    edge = _find(opened, "conflict", what="edges")
    assert opened.page.evaluate(f"kg.edges.get({edge}).color") == "#d62728"
    text = opened.hover_edge(edge)  # one number, and what it disagrees with
    assert "Numbers that disagree" in text and "nearly 1,000" in text and "1,400" in text


def test_seeds_page_shows_every_claim_type_with_provenance(seeds_store, open_page, tmp_path, artifacts):
    H = select(load_graph(seeds_store))
    opened = open_page(write(H, tmp_path / "seeds.html"))
    assert opened.errors == [] and _offline(opened) == []
    assert opened.page.evaluate("kg.nodes.length") == H.number_of_nodes()
    opened.page.screenshot(path=str(artifacts / "viz-seeds.png"))
    kinds = {a["kind"] for _, a in H.nodes(data=True)}
    assert {"quote", "quantity", "document"} <= kinds
    quote = _find(opened, "quote")
    q = opened.page.evaluate(f"kg.nodes.get({quote})")
    text = opened.hover_node(quote)
    assert dict(q["info"])["Quote"] in text and "SENTENCE" in text.upper() and "DOCUMENT" in text.upper()
    opened.page.screenshot(path=str(artifacts / "viz-seeds-hover.png"))
    number = _find(opened, "quantity")
    text = opened.hover_node(number)
    assert "ASSERTED BY" in text.upper() and "SENTENCE" in text.upper()
    if any(d["kind"] == "relation" for _, _, d in H.edges(data=True)):
        edge = opened.page.evaluate(  # the longest one: its middle is clear of the nodes at its ends
            """() => { const len = e => { const [a, b] = [kg.network.getPosition(e.from),
                                                         kg.network.getPosition(e.to)];
                                         return Math.hypot(a.x - b.x, a.y - b.y); };
                       return kg.edges.get({filter: e => e.kind === 'relation'})
                                      .sort((x, y) => len(y) - len(x))[0].id; }""")
        text = opened.hover_edge(edge)
        assert "SENTENCE" in text.upper()


def test_article_with_markup_runs_nothing(nlp, open_page, tmp_path, artifacts):
    needs_build()
    article = tmp_path / "payload.md"
    article.write_text(XSS_ARTICLE, encoding="utf-8")
    store = open_store(str(tmp_path / "store"))
    report = build([str(article)], store)
    assert report.ok, report.problems
    G = load_graph(store)
    for view in (select(G), select(G, conflicts=False, kinds=["quote"])):
        opened = open_page(write(view, tmp_path / "x.html", title="<script>alert(10)</script>"))
        _assert_nothing_ran(opened)
        assert _offline(opened) == []
    # the markup is on the page as text, where a reader can see it
    opened = open_page(write(select(G), tmp_path / "x.html"))
    quote = _find(opened, "quote", "<img src=x onerror=alert(4)>")
    text = opened.hover_node(quote)
    assert "<img src=x onerror=alert(4)>" in text and "</script><script>alert(5)</script>" in text
    _assert_nothing_ran(opened)
    opened.page.screenshot(path=str(artifacts / "viz-xss.png"))


def test_markup_in_every_field_runs_nothing(open_page, tmp_path):
    from tests.viz.test_page import PAYLOADS, _hostile_graph

    opened = open_page(write(_hostile_graph(), tmp_path / "h.html", title=PAYLOADS[1], subtitle=PAYLOADS[0]))
    for kind in ("entity", "quote", "quantity", "document"):
        text = opened.hover_node(_find(opened, kind, PAYLOADS[0]))
        assert PAYLOADS[0] in text
    link = opened.page.evaluate("document.querySelector('#kg-details a')")
    assert link is None  # a javascript: URL is shown as text, never as a link
    _assert_nothing_ran(opened)


def test_physics_option_lets_nodes_move(claims_graph, open_page, tmp_path):
    H = select(claims_graph)
    opened = open_page(write(H, tmp_path / "p.html", physics=True))
    assert opened.errors == [] and _offline(opened) == []
    assert opened.page.evaluate("kg.nodes.length") == H.number_of_nodes()
    assert opened.page.evaluate("kg.network.physics.physicsEnabled") is True
    assert opened.page.evaluate("kg.nodes.get(0).x") is None  # no precomputed positions

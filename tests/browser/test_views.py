"""The views in a real headless Chromium: the overview (filters, expand, search, communities, labels
that do not overlap), the trace page, the report and kg serve's overview expanding from the server.
No page makes a request outside itself (or its own server), and markup in article text runs nothing."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from kg.compare import numeric_rows
from kg.viz import overview, report, story
from tests.browser.conftest import wait_for
from tests.viz.test_chart import ROWS
from tests.viz.test_page import PAYLOADS

pytestmark = pytest.mark.browser


def _offline(opened) -> list[str]:
    url = opened.page.url
    return [r for r in opened.requests if r != url and not r.startswith("data:")]


def _static(browser, path: Path):
    """A script-free page: no kgReady to wait for."""
    ctx = browser.new_context(viewport={"width": 1200, "height": 800})
    page = ctx.new_page()
    seen = {"requests": [], "errors": [], "dialogs": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri())
    return ctx, page, seen


def test_overview_draws_with_readable_labels_and_no_request(claims_graph, open_page, tmp_path):
    path = tmp_path / "o.html"
    overview.write_overview(claims_graph, path, top=10)
    opened = open_page(path)
    assert opened.errors == [] and _offline(opened) == []
    n = opened.page.evaluate("kg.nodeView.length")
    assert n == opened.page.evaluate("kg.data.nodes.length") > 0
    # the labels vis-network draws at the default (fit) zoom: on-screen boxes from positions and font sizes
    boxes = opened.page.evaluate("""() => {
        const s = kg.network.getScale(), out = [];
        kg.nodeView.get().forEach(n => {
          const b = kg.network.getBoundingBox(n.id), node = kg.network.body.nodes[n.id];
          if (!node.labelModule.size || !node.labelModule.size.width) return;
          const l = node.labelModule.size;
          if (node.labelModule.fontOptions.size * s < 8) return;  // not drawn at this zoom
          out.push([l.left * s, l.top * s, (l.left + l.width) * s, (l.top + l.height) * s]);
        }); return out; }""")
    assert boxes
    overlaps = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if min(a[2], b[2]) - max(a[0], b[0]) > 2 and min(a[3], b[3]) - max(a[1], b[1]) > 2]
    assert overlaps == []


def test_overview_of_a_corpus_names_every_entity_at_the_fit_zoom(open_page, tmp_path):
    """At the zoom the page opens with, on a laptop screen, vis-network draws every overview entity's
    name at a readable size (it leaves out labels under its threshold: an overview of dots is no
    overview), and no two drawn labels overlap."""
    from tests.viz.test_overview import newsroom_graph

    path = tmp_path / "o.html"
    overview.write_overview(newsroom_graph(), path)
    opened = open_page(path, width=1280, height=760)
    got = opened.page.evaluate("""() => {
        const s = kg.network.getScale(), out = {sizes: [], boxes: []};
        kg.nodeView.get().filter(n => n.kind === 'entity').forEach(n => {
          const node = kg.network.body.nodes[n.id], l = node.labelModule.size;
          out.sizes.push(node.labelModule.fontOptions.size * s);
          out.boxes.push([l.left * s, l.top * s, (l.left + l.width) * s, (l.top + l.height) * s]);
        }); return out; }""")
    assert len(got["sizes"]) > 30
    assert min(got["sizes"]) >= 8.5  # px on screen; vis-network fades labels below 8, drops them below 7
    boxes = got["boxes"]
    assert [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1] == []
    # the relations checkbox hides the relation lines (and keeps the claims)
    page = opened.page
    relations = "kg.edgeView.get().filter(e => e.kind === 'relation').length"
    assert page.evaluate(relations) > 0
    page.uncheck("#f-relation")
    assert page.evaluate(relations) == 0 and page.evaluate("kg.nodeView.get().some(n => n.kind === 'quote')")
    page.check("#f-relation")
    # a hub has more neighbours than the file embeds for it: a click adds those and says so
    hub = opened.page.evaluate("Object.keys(kg.data.extra).find(k => kg.data.extra[k].total > kg.data.embedPerNode)")
    assert hub is not None
    opened.page.evaluate("(id) => kg.expand(id)", hub)
    status = opened.page.inner_text("#kg-status")
    assert re.match(r"added \d+ of \d+ neighbours — this file embeds at most 25 per node; kg serve shows them all",
                    status), status
    assert opened.errors == [] and _offline(opened) == []


def test_overview_filters_expand_search_and_communities(claims_graph, open_page, tmp_path):
    path = tmp_path / "o.html"
    overview.write_overview(claims_graph, path, top=3)
    opened = open_page(path)
    page = opened.page
    before = page.evaluate("kg.nodeView.length")
    page.uncheck("#f-quote")
    assert page.evaluate("kg.nodeView.get().filter(n => n.kind === 'quote').length") == 0
    page.check("#f-quote")
    assert page.evaluate("kg.nodeView.length") == before
    page.select_option("#f-publisher", "Other Post")
    assert all(p == "Other Post" for p in page.evaluate(
        "kg.nodeView.get().filter(n => n.kind !== 'entity').map(n => n.publisher)"))
    page.click("#f-reset")
    page.fill("#f-from", "2022-09-02")
    assert all(d >= "2022-09-02" for d in page.evaluate(
        "kg.nodeView.get().filter(n => n.kind !== 'entity').map(n => n.date)"))
    page.fill("#f-source", "no such document at all")
    assert page.evaluate("kg.nodeView.get().filter(n => n.kind !== 'entity').length") == 0
    page.click("#f-reset")
    # expand: a click on the most-connected entity adds its embedded neighbours and says how many
    top = str(overview.scores(claims_graph).most_common(1)[0][0])
    xy = page.evaluate("""(id) => { kg.network.focus(id, {scale: 1.5, animation: false});
        const p = kg.network.canvasToDOM(kg.network.getPosition(id));
        const r = document.getElementById('kg-graph').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }""", top)
    page.mouse.click(*xy)
    wait_for(page, "() => document.getElementById('kg-status').textContent.startsWith('added')", None, 5.0)
    assert page.evaluate("kg.nodes.length") > before
    assert page.inner_text("#kg-details")  # the clicked node's provenance
    # search: a name from the embedded neighbours is found and selected
    name = page.evaluate("Object.values(kg.data.items)[0]")
    page.fill("#kg-find", name["search"])
    page.dispatch_event("#kg-find", "change")
    wait_for(page, "(id) => kg.network.getSelectedNodes()[0] === id", name["id"], 5.0)
    # communities: one entry per community, a click fits the view to it
    assert page.evaluate("document.querySelectorAll('#kg-communities li').length") == len(
        page.evaluate("kg.data.communities"))
    page.click("#kg-communities li >> nth=0")
    assert opened.errors == [] and _offline(opened) == []


def test_overview_with_markup_everywhere_runs_nothing(open_page, tmp_path):
    from tests.viz.test_page import _hostile_graph

    G = _hostile_graph()
    G.add_edge("n", "e", key="about", label="about", kind="about")
    G.add_edge("q", "e2", key="about", label="about", kind="about")
    path = tmp_path / "h.html"
    overview.write_overview(G, path, top=5, title=PAYLOADS[1])
    opened = open_page(path)
    page = opened.page
    page.evaluate("Object.keys(kg.data.extra).forEach(k => kg.expand(k))")
    page.wait_for_timeout(300)
    assert opened.dialogs == [] and opened.errors == [] and _offline(opened) == []
    assert page.evaluate("document.images.length") == 0 and page.evaluate("document.scripts.length") == 4
    assert PAYLOADS[0] in page.inner_text("#kg-communities")  # shown as text


def test_trace_page_marks_jump_to_their_sentence(browser, tmp_path):
    bad = " ".join(PAYLOADS)
    rows = [dict(r) for r in ROWS]
    rows[0]["sentence"] = f"Some 1400 firms {bad} left."
    path = tmp_path / "t.html"
    path.write_text(story.trace_page("1400", rows), encoding="utf-8")
    ctx, page, seen = _static(browser, path)
    try:
        marks = page.locator("svg a.mark")
        assert marks.count() == len(ROWS)
        marks.nth(0).click()
        target = page.evaluate("location.hash").lstrip("#")
        assert target and page.locator(f"tr#{target}").count() == 1
        assert bad in page.inner_text("body")
        assert page.evaluate("document.scripts.length") == 0 and page.evaluate("document.images.length") == 0
        assert seen["dialogs"] == [] and [r for r in seen["requests"] if not r.startswith("file:")] == []
    finally:
        ctx.close()


def test_report_opens_offline_and_every_link_lands(browser, claims_store, tmp_path):
    path = tmp_path / "r.html"
    report.write(claims_store, path)
    ctx, page, seen = _static(browser, path)
    try:
        hrefs = page.evaluate("[...document.querySelectorAll('a[href^=\"#\"]')].map(a => a.getAttribute('href'))")
        assert hrefs
        for h in set(hrefs):
            assert page.evaluate("(id) => document.getElementById(id) !== null", h[1:]), h
        page.locator("svg a.mark").first.click()
        assert page.evaluate("document.querySelector(':target') !== null")
        assert [r for r in seen["requests"] if not r.startswith("file:")] == [] and seen["errors"] == []
        assert numeric_rows(claims_store)[0]["sentence"][:20] in page.inner_text("body")
    finally:
        ctx.close()


def test_served_overview_expands_from_the_store(browser, seeds_store):
    from tests.serve.servers import kg_serve
    from tests.serve.test_pages import overview_when_ready

    with kg_serve(str(seeds_store.path), "--workers", "1") as (url, _):
        assert overview_when_ready(url).status_code == 200  # the server has read the store into the graph
        ctx = browser.new_context(viewport={"width": 1400, "height": 850})
        page = ctx.new_page()
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{url}/graph/overview", timeout=120_000)
        wait_for(page, "() => window.kgReady !== undefined", None, timeout=60.0)
        assert page.evaluate("Object.keys(kg.data.extra).length") == 0  # nothing embedded: the server answers
        node = page.evaluate("kg.data.nodes.find(n => n.kind === 'entity').id")
        before = page.evaluate("kg.nodes.length")
        added = page.evaluate("(id) => kg.expand(id)", node)
        assert added >= 0 and page.evaluate("kg.nodes.length") == before + added
        assert re.match(r"added \d+ of \d+ neighbours", page.inner_text("#kg-status"))
        # a hub's neighbours come a page at a time: "show more" fetches the next page
        hub = page.evaluate("kg.data.nodes.filter(n => n.kind === 'entity').slice(1, 2)[0].id")
        page.evaluate("kg.data.expandLimit = 2")
        total = httpx.get(f"{url}/graph/expand", params={"node": hub}, timeout=60).json()["total"]
        assert total > 2, "the second overview entity should have more than two neighbours"
        page.evaluate("(id) => kg.expand(id)", hub)
        assert page.is_visible("#kg-more") and "(1–2)" in page.inner_text("#kg-status")
        first = page.inner_text("#kg-status")
        page.click("#kg-more")
        wait_for(page, "(s) => document.getElementById('kg-status').textContent !== s", first, timeout=30.0)
        status = page.inner_text("#kg-status")
        assert re.match(rf"added \d+ of {total} neighbours", status)
        assert ("(3–4)" in status) == (total > 4) and page.is_visible("#kg-more") == (total > 4)
        assert {r.split("?")[0] for r in requests} <= {f"{url}/graph/overview", f"{url}/graph/expand"}
        ctx.close()


def test_one_expansion_draws_the_canvas_once(claims_graph, open_page, tmp_path):
    # vis-network redraws everything after each data change; an expansion adds nodes and edges, and on a
    # 1,000-node page each extra full redraw costs a tenth of a second or more
    path = tmp_path / "o.html"
    overview.write_overview(claims_graph, path, top=3)
    opened = open_page(path)
    top = str(overview.scores(claims_graph).most_common(1)[0][0])
    draws, added = opened.page.evaluate("""async (id) => {
        let draws = 0; const count = () => { draws += 1; };
        kg.network.on("afterDrawing", count);
        const added = await kg.expand(id);
        await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        kg.network.off("afterDrawing", count);
        return [draws, added]; }""", top)
    assert added > 0 and draws == 1
    assert opened.errors == []

"""Headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; never a downloaded browser).

``open_page`` loads a file and records what a user could not see: console errors, uncaught errors,
every request the page makes and every dialog (an ``alert`` from injected code would be one).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium chromium-driver)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def _centre_on(self, canvas_xy_js: str, arg) -> tuple[float, float]:
        """Zoom in on a canvas point (so nothing else sits under the mouse) and return it on screen."""
        return tuple(self.page.evaluate(
            f"""(arg) => {{ const c = ({canvas_xy_js})(arg);
                    kg.network.moveTo({{position: c, scale: 1.5, animation: false}});
                    const p = kg.network.canvasToDOM(c);
                    const r = document.getElementById('kg-graph').getBoundingClientRect();
                    return [p.x + r.left, p.y + r.top]; }}""", arg))

    def hover_node(self, node_id: int) -> str:
        return self._hover(self._centre_on("(id) => kg.network.getPosition(id)", node_id), f"node:{node_id}")

    def hover_edge(self, edge_id: int) -> str:
        """Hover the middle of an edge."""
        return self._hover(self._centre_on(
            """(id) => { const e = kg.edges.get(id);
                         const [a, b] = [kg.network.getPosition(e.from), kg.network.getPosition(e.to)];
                         return {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}; }""", edge_id), f"edge:{edge_id}")

    def _hover(self, xy, expected: str) -> str:
        """Move the mouse there; wait until the details panel shows that node or edge."""
        self.page.mouse.move(1, 1)
        self.page.mouse.move(*xy, steps=4)
        wait_for(self.page, "(want) => document.getElementById('kg-details').getAttribute('data-shown') === want",
                 expected, timeout=5.0)
        return self.page.inner_text("#kg-details")


def wait_for(page, predicate: str, arg, timeout: float) -> None:
    """Poll a JS predicate from Python. Playwright's wait_for_function polls with ``new Function`` inside
    the page, which the page's strict CSP (no 'unsafe-eval') blocks whenever the first check is false;
    ``page.evaluate`` goes through the DevTools protocol and is not subject to the page's CSP."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate, arg):
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:g} s waiting for {predicate}")
        time.sleep(0.05)


@pytest.fixture
def open_page(browser):
    contexts = []

    def _open(path: Path, width: int = 1400, height: int = 850) -> Opened:
        ctx = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(ctx)
        page = ctx.new_page()
        got = Opened(page)
        page.on("console", lambda m: got.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: got.errors.append(str(e)))
        page.on("request", lambda r: got.requests.append(r.url))

        def dialog(d):
            got.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(Path(path).resolve().as_uri())
        wait_for(page, "() => window.kgReady !== undefined", None, timeout=30.0)
        return got

    yield _open
    for ctx in contexts:
        ctx.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


from tests.viz.conftest import claims_graph, claims_store  # noqa: E402, F401  (shared store fixtures)

"""``kg viz``: the graph as one self-contained, offline HTML page."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from kg.cli.common import STORE_OPTION, console
from kg.errors import InputError
from kg.store import open_store


class Kind(str, Enum):
    quote = "quote"
    quantity = "quantity"
    relation = "relation"


def viz(
    output: Path = typer.Option(Path("graph.html"), "--output", "-o", help="HTML file to write."),
    focus: str = typer.Option(None, "--focus", help="Show only what is around this entity (name or part of it)."),
    hops: int = typer.Option(2, "--hops", min=0, help="With --focus: how many links away from the entity."),
    kind: list[Kind] = typer.Option(None, "--kind", help="Only these claim kinds (repeat for several)."),
    source: str = typer.Option(None, "--source", help="Only claims from this document (id, id prefix, title)."),
    conflicts: bool = typer.Option(False, "--conflicts", help="Show numbers that disagree, linked in red."),
    max_nodes: int = typer.Option(1000, "--max-nodes", min=1, help="Refuse to draw more nodes than this."),
    physics: bool = typer.Option(False, "--physics", help="Let nodes move (slow on big graphs)."),
    overview: bool = typer.Option(False, "--overview", help="The most-connected entities and the claims linking "
                                  "them, by community, with filters and expand-on-click (the default when "
                                  "the whole graph is over --max-nodes)."),
    top: int = typer.Option(60, "--top", min=5, max=400, help="With --overview: how many entities."),
    title: str = typer.Option(None, "--title", help="Page title."),
    store: str = STORE_OPTION,
) -> None:
    """Write an interactive graph of who said what: entities, quotes, numbers and their sources."""
    from kg.viz.graph import check_size, load_graph, select
    from kg.viz.page import write

    kinds = tuple(k.value for k in kind) if kind else None
    G = load_graph(open_store(store, read_only=True))
    plain = not (focus or kinds or source or conflicts)
    if overview or (plain and G.number_of_nodes() > max_nodes):
        from kg.viz.overview import write_overview

        if not overview:
            console.print(f"{G.number_of_nodes()} nodes are over --max-nodes {max_nodes}: writing the overview",
                          highlight=False)
        try:
            write_overview(G, output, top=top, title=title or "kg: overview")
        except OSError as exc:
            raise InputError(str(output), f"cannot write ({exc.strerror})") from None
        console.print(f"wrote {output} (overview of {G.number_of_nodes()} nodes)", highlight=False)
        return
    H = select(G, focus=focus, hops=hops, kinds=kinds, source=source, conflicts=conflicts)
    check_size(H, max_nodes, focus=focus, hops=hops)
    parts = [f"around {focus!r} ({hops} hops)" if focus else "", f"kinds: {', '.join(kinds)}" if kinds else "",
             f"source: {source}" if source else "", "numbers that disagree" if conflicts else ""]
    try:
        write(H, output, title=title or "kg: who said what", subtitle=" · ".join(p for p in parts if p),
              physics=physics)
    except OSError as exc:
        raise InputError(str(output), f"cannot write ({exc.strerror})") from None
    console.print(f"wrote {output} ({H.number_of_nodes()} nodes, {H.number_of_edges()} links)", highlight=False)
    if H.number_of_nodes() == 0:
        console.print("the view is empty: the store holds no claims yet, or the filters leave none", style="yellow")


def register(app: typer.Typer) -> None:
    app.command("viz")(viz)

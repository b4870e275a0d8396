"""``kg export`` / ``kg import``: the store as TriG, N-Quads, Turtle, JSON-LD, …"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kg.cli.common import STORE_OPTION, console
from kg.query import PREFIXES
from kg.store import open_store
from kg.store.local import DATASET_FORMATS, FORMATS
from kg.viz.entity_export import GRAPH_FORMATS, write_entity_graph


def export(
    fmt: str = typer.Option("trig", "--format", "-f",
                            help=f"One of: {', '.join(FORMATS)}; or gexf / graphml for the entity graph."),
    output: Path = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    store: str = STORE_OPTION,
) -> None:
    """Export the whole store (named graphs kept in trig, nquads and jsonld; turtle, ntriples and rdfxml
    merge every graph into one; Turtle and TriG with the project's prefixes, JSON-LD with its @context,
    ontology/context.jsonld), or the entity graph (entities and the relations between them) as GEXF /
    GraphML for Gephi."""
    st = open_store(store, read_only=True)
    if fmt in GRAPH_FORMATS:
        from kg.viz.graph import load_graph

        G = load_graph(st, conflicts=False)  # entities and relations only

        def write(out) -> None:
            write_entity_graph(G, out, fmt)
    else:

        def write(out) -> None:
            _write(st, out, fmt)

    if output is None:
        write(sys.stdout.buffer)
    else:
        with output.open("wb") as out:
            write(out)
        console.print(f"wrote {output}")


def _write(st, out, fmt: str) -> None:
    if fmt == "jsonld":
        from kg import jsonld

        jsonld.export(st, out)
    elif fmt in DATASET_FORMATS:
        st.export(out, fmt, prefixes=PREFIXES if fmt == "trig" else None)
    else:
        _merged(st, out, fmt)


def _merged(st, out, fmt: str) -> None:
    """A format without named graphs: every graph's triples, each once. The store's own dump of such a
    format writes its default graph only (entities and their names), without one claim, as the file
    people open in Protégé or rdflib: the claims are in the documents' graphs."""
    import io

    import pyoxigraph as ox

    buf = io.BytesIO()
    st.export(buf, "nquads")
    triples = dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object)
                            for q in ox.parse(buf.getvalue(), format=ox.RdfFormat.N_QUADS))
    ox.serialize(triples, out, FORMATS[fmt], prefixes=PREFIXES if fmt == "turtle" else None)


def import_(
    path: Path = typer.Argument(..., help="An RDF file (.trig .nq .ttl .nt .jsonld .rdf)."),
    fmt: str = typer.Option(None, "--format", "-f", help=f"One of: {', '.join(FORMATS)} (default: by suffix)."),
    store: str = STORE_OPTION,
) -> None:
    """Load an RDF file into the store (e.g. a colleague's export)."""
    st = open_store(store)
    before = len(st)
    st.load(path, fmt)
    console.print(f"loaded {len(st) - before} quads from {path}")


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_)

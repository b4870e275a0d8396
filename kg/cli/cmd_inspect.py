"""``kg inspect``: what ingestion made of each article — metadata, removed boilerplate, cleaned text."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from kg.cli.common import console, err_console, report_problem
from kg.errors import InputError, SkippedInput
from kg.ingest import DEFAULT_MAX_BYTES, read_documents
from kg.records import Document

_FIELDS = ("id", "source_path", "title", "url", "date", "fetched", "publisher", "author", "first_published_in",
           "language", "encoding", "links", "content_hash")
_EXCERPT = 160


def _value(doc: Document, name: str) -> str:
    value = getattr(doc, name)
    if isinstance(value, tuple):
        return "\n".join(value) if value else "—"
    return "—" if value is None else str(value)


def _excerpt(text: str) -> str:
    text = " ⏎ ".join(line for line in text.splitlines() if line.strip())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def show(doc: Document, show_text: bool) -> None:
    meta = Table(title=f"{doc.id}", show_header=False, title_justify="left")
    meta.add_column("field", style="bold")
    meta.add_column("value", overflow="fold")
    for name in _FIELDS:
        if name == "fetched" and doc.fetched is None:
            continue  # only web input has a fetch time
        meta.add_row(name, _value(doc, name))
    paragraphs = doc.text.count("\n\n") + 1
    meta.add_row("cleaned text", f"{len(doc.text)} characters, {paragraphs} paragraphs")
    console.print(meta)
    removed = Table(title=f"removed from {doc.id} ({len(doc.removed)})", title_justify="left")
    removed.add_column("reason", style="yellow", no_wrap=True)
    removed.add_column("chars", justify="right")
    removed.add_column("text", overflow="fold")
    for r in doc.removed:
        removed.add_row(r.reason, str(len(r.text)), _excerpt(r.text))
    console.print(removed)
    if show_text:
        console.print(doc.text, highlight=False, markup=False)
    console.print()


def inspect(
    paths: list[str] = typer.Argument(..., help="Files, directories, glob patterns or '-' for standard input."),
    text: bool = typer.Option(False, "--text", "-t", help="Also print the cleaned text."),
    links: bool = typer.Option(False, "--links", "-l", help="Also show republication/reuse links among them."),
    max_size: int = typer.Option(DEFAULT_MAX_BYTES, "--max-size", help="Refuse files larger than this (bytes)."),
    keep_foreign: bool = typer.Option(False, "--keep-foreign", help="Do not skip non-English texts."),
    rules: str = typer.Option(None, "--rules", help="Extra boilerplate rule file (format: kg/ingest/rules/"
                                                    "boilerplate.tsv)."),
    store: str = typer.Option(None, "--store", "-s", help="Also count the documents of this store (directory) "
                                                          "when finding publisher boilerplate (read only)."),
) -> None:
    """Show the metadata found in each article, what cleaning removed and why, and the cleaned length.

    Passages that recur across many documents of one publisher (among the articles given, plus a store's
    with --store) are removed as "publisher boilerplate"."""
    from kg.ingest.corpus import INDEX_FILE, corpus_pass

    failed = 0
    docs = []
    items = read_documents(paths, max_bytes=max_size, english_only=not keep_foreign, rules=rules, corpus=False)
    index = None
    if store is not None:
        index = Path(store) / INDEX_FILE
        if not index.exists():
            report_problem(InputError(store, f"no boilerplate index ({INDEX_FILE}) in this store; build it first"))
            raise typer.Exit(1)
    for item in corpus_pass(items, index, save=False):
        if isinstance(item, SkippedInput):  # left out by design (a web archive's images): a note, not a failure
            err_console.print(Text(f"Note: {item}"), highlight=False, soft_wrap=True)
            continue
        if isinstance(item, InputError):
            failed += 1
            report_problem(item)
            continue
        docs.append(item)
        show(item, text)
    if links and docs:
        from kg.ingest.dedup import find_links

        table = Table(title="links between documents", title_justify="left")
        for col in ("source", "kind", "target", "similarity", "passages"):
            table.add_column(col)
        for link in find_links(docs):
            table.add_row(link.source, link.kind, link.target, f"{link.similarity:.3f}",
                          " ".join(f"{a}-{b}→{c}-{d}" for a, b, c, d in link.passages))
        console.print(table)
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("inspect")(inspect)

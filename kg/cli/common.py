"""Options and helpers shared by several commands (each default written once)."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from kg.config import DEFAULT_STORE, PIPELINE_ENV, STORE_ENV

# markup off: table cells and messages carry article text, where "[the president]" or "[sic]" would
# otherwise be read as style tags and silently vanish. Styled text is built with Text.from_markup.
console = Console(markup=False)
err_console = Console(stderr=True, markup=False)

STORE_OPTION = typer.Option(
    DEFAULT_STORE, "--store", "-s", envvar=STORE_ENV, help="Store directory (embedded) or http(s):// SPARQL URL."
)
PIPELINE_OPTION = typer.Option(
    None, "--pipeline", envvar=PIPELINE_ENV, help="Installed spaCy pipeline package to use."
)


def report_skipped(note: Exception) -> None:
    """An input left out on purpose (``SkippedInput``): a note, not an error."""
    err_console.print(Text.from_markup(f"[yellow]Skipped:[/yellow] {escape(str(note))}"), highlight=False,
                      soft_wrap=True)


def report_problem(problem: Exception) -> None:
    # file names and messages come from input: escape them, or "[/x]" in a path would break rich markup
    err_console.print(Text.from_markup(f"[red]Error:[/red] {escape(str(problem))}"), highlight=False, soft_wrap=True)

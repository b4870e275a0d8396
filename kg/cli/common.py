"""Options and helpers shared by several commands (each default written once)."""

from __future__ import annotations

import typer
from rich.console import Console

from kg.config import DEFAULT_STORE, PIPELINE_ENV, STORE_ENV

console = Console()
err_console = Console(stderr=True)

STORE_OPTION = typer.Option(
    DEFAULT_STORE, "--store", "-s", envvar=STORE_ENV, help="Store directory (embedded) or http(s):// SPARQL URL."
)
PIPELINE_OPTION = typer.Option(
    None, "--pipeline", envvar=PIPELINE_ENV, help="Installed spaCy pipeline package to use."
)


def report_problem(problem: Exception) -> None:
    err_console.print(f"[red]Error:[/red] {problem}", highlight=False, markup=True, soft_wrap=True)

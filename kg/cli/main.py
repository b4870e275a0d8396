"""``kg`` entry point. Finds every ``cmd_*`` module here and lets it register its command, and turns
every ``KgError`` into one line on stderr with a non-zero exit code."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click
import typer
from typer.core import TyperGroup

import kg.cli as _pkg
from kg import __version__
from kg.errors import KgError


class _Group(TyperGroup):
    """Every ``KgError`` becomes one line on stderr and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)


app = typer.Typer(
    cls=_Group,
    name="kg",
    help="Knowledge graph of who claimed what in news articles, with provenance to the sentence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show version."),
) -> None:
    """kg: point it at news articles, get a graph of claims with provenance."""


for _mod in sorted(m.name for m in pkgutil.iter_modules(_pkg.__path__) if m.name.startswith("cmd_")):
    importlib.import_module(f"kg.cli.{_mod}").register(app)


def run() -> None:
    try:
        app()
    except KgError as exc:  # raised outside a command (while parsing options, say)
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)

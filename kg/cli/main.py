"""``kg`` entry point. Finds every ``cmd_*`` module here and lets it register its command, and turns
every ``KgError`` into one line on stderr with a non-zero exit code.

Start-up: ``kg trace …`` imports only the module that registers ``trace`` (found by reading the modules'
``app.command("NAME")`` lines, not by importing them), so one command never pays for the imports of all
the others (spaCy, trafilatura, rdflib, FastAPI …). ``kg --help``, a command no module names that way,
and ``from kg.cli.main import app`` (tests, library users) register every command."""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from pathlib import Path

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


_app = typer.Typer(
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


@_app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show version."),
) -> None:
    """kg: point it at news articles, get a graph of claims with provenance."""


_MODULES = sorted(m.name for m in pkgutil.iter_modules(_pkg.__path__) if m.name.startswith("cmd_"))
_REGISTERED: set[str] = set()
_NAMED = re.compile(r"""\bapp\.command\(\s*["']([\w-]+)["']""")


def _register(modules) -> typer.Typer:
    for mod in modules:
        if mod not in _REGISTERED:
            _REGISTERED.add(mod)
            importlib.import_module(f"kg.cli.{mod}").register(_app)
    return _app


def _modules_for(args: list[str]) -> list[str]:
    """The modules that register the command ``args`` name (its first word that is not an option), or all."""
    name = next((a for a in args if not a.startswith("-")), None)
    if name is None:
        return [] if "--version" in args and "--help" not in args else _MODULES  # --version needs none
    found = []
    for mod in _MODULES:
        try:
            text = (Path(_pkg.__path__[0]) / f"{mod}.py").read_text(encoding="utf-8")
        except OSError:
            return _MODULES
        if name in _NAMED.findall(text):
            found.append(mod)
    return found or _MODULES


def __getattr__(name: str):
    if name == "app":  # the whole command line, every command registered
        return _register(_MODULES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run() -> None:
    try:
        _register(_modules_for(sys.argv[1:]))()
    except KgError as exc:  # raised outside a command (while parsing options, say)
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)

"""``kg serve``: the store over HTTP — SPARQL 1.1 endpoint, claim browser, interactive graph."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.text import Text

from kg.cli.common import STORE_OPTION, console, err_console
from kg.serve.backend import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT
from kg.serve.runner import DEFAULT_HOST, DEFAULT_PORT, check_host


def serve(
    store: str = STORE_OPTION,
    host: str = typer.Option(DEFAULT_HOST, "--host", help="Address to listen on (loopback unless --allow-remote)."),
    port: int = typer.Option(DEFAULT_PORT, "--port", min=0, max=65535, help="Port to listen on."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=0.01, help="Seconds a query may run."),
    max_rows: int = typer.Option(DEFAULT_MAX_ROWS, "--max-rows", min=1,
                                 help="Most rows (or triples) one answer may hold."),
    workers: int = typer.Option(None, "--workers", min=1, help="Query worker processes (default: up to 4)."),
    allow_remote: bool = typer.Option(False, "--allow-remote", help="Allow a non-loopback --host, and requests "
                                      "naming any host (otherwise only loopback Host/Origin headers are answered)."),
    cors: bool = typer.Option(False, "--cors", help="Let web pages on other sites query /sparql (e.g. YASGUI)."),
) -> None:
    """Serve the store: SPARQL 1.1 endpoint at /sparql, claim browser at /claims, graph at /graph."""
    warning = check_host(host, allow_remote)
    if warning:
        err_console.print(Text.from_markup(f"[yellow]Warning:[/yellow] {escape(warning)}"), highlight=False)
    from kg.serve.backend import open_backend
    from kg.serve.runner import serve as run

    backend = open_backend(store, timeout=timeout, max_rows=max_rows, workers=workers)
    shown = f"[{host}]" if ":" in host else host
    console.print(f"kg serve: claims at http://{shown}:{port}/claims · SPARQL at http://{shown}:{port}/sparql "
                  f"(timeout {timeout:g} s, at most {max_rows} rows)", highlight=False)
    run(backend, host=host, port=port, cors=cors, allow_remote=allow_remote)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)

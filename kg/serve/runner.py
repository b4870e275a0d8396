"""Starting the server: the loopback rule, the backend, uvicorn."""

from __future__ import annotations

import ipaddress

from kg.errors import KgError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


class ServeSetupError(KgError):
    """The server cannot start as asked."""


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def check_host(host: str, allow_remote: bool) -> str | None:
    """None for a loopback address; a warning to show when serving beyond this machine is allowed;
    ``ServeSetupError`` when it is not."""
    if is_loopback(host):
        return None
    if not allow_remote:
        raise ServeSetupError(
            f"--host {host} would let other machines query this store; add --allow-remote if that is "
            "what you want (the server has no authentication: put it behind a reverse proxy that has)"
        )
    return (f"serving on {host}: anyone who can reach this address can read the whole store "
            "(there is no authentication; the endpoint is read-only)")


def serve(backend, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, cors: bool = False,
          log_level: str = "info", allow_remote: bool = False) -> None:
    """Run until interrupted, then stop the backend's workers. The caller has opened the backend
    (``open_backend``) and checked the host with ``check_host``."""
    import uvicorn

    from kg.serve.app import create_app

    try:
        uvicorn.run(create_app(backend, cors=cors, allow_remote=allow_remote), host=host, port=port,
                    log_level=log_level, timeout_graceful_shutdown=5)
    finally:
        backend.close()

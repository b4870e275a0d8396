"""Checks every request passes before any route sees it (an ASGI middleware).

- **Host**: an unauthenticated server on 127.0.0.1 is reachable from any web page the user opens, through
  DNS rebinding (``evil.example`` re-pointed at 127.0.0.1): the browser then sends ``Host: evil.example``.
  Unless ``--allow-remote``, only loopback names (``localhost``, ``*.localhost``, 127.0.0.0/8, ``[::1]``)
  are answered.
- **Origin**: a page of another site may not send requests (a form POST needs no CORS preflight) unless
  ``--cors`` (meant for query UIs on other sites) or ``--allow-remote``.
- **update** anywhere in a ``/sparql`` URL (``?update=``, with any method) is refused, as the form field
  and the ``application/sparql-update`` body are by the route itself: this endpoint is read-only.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from starlette.responses import PlainTextResponse

from kg.serve.runner import is_loopback


def host_name(value: str) -> str:
    """'127.0.0.1:7878' → '127.0.0.1', '[::1]:7878' → '::1', 'Localhost.' → 'localhost'."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def loopback_name(name: str) -> bool:
    return name == "localhost" or name.endswith(".localhost") or is_loopback(name)


def refusal(host: str | None, origin: str | None, path: str, query: str, allow_remote: bool,
            cors: bool) -> str | None:
    """Why this request is refused (one line), or None."""
    if not allow_remote and host is not None and not loopback_name(host_name(host)):
        return (f"Host {host!r} is not a loopback name; this kg serve answers only requests to localhost / "
                "127.0.0.1 (start it with --allow-remote to serve other names)")
    if origin is not None and not (allow_remote or cors):
        name = urlsplit(origin).hostname if origin != "null" else None
        if name is None or not loopback_name(host_name(name)):
            return (f"requests from pages of {origin!r} are refused; start kg serve with --cors to let other "
                    "sites query it")
    if path.rstrip("/") == "/sparql" and any(k.lower() == "update" for k, _ in parse_qsl(query, True)):
        return "this endpoint is read-only: SPARQL Update is refused (an 'update' parameter in the URL)"
    return None


class Guard:
    def __init__(self, app, allow_remote: bool = False, cors: bool = False):
        self.app = app
        self.allow_remote = allow_remote
        self.cors = cors

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {}
        for k, v in scope.get("headers", ()):
            headers.setdefault(k.decode("latin-1").lower(), v.decode("latin-1"))
        why = refusal(headers.get("host"), headers.get("origin"), scope.get("path", ""),
                      scope.get("query_string", b"").decode("latin-1"), self.allow_remote, self.cors)
        if why is None:
            return await self.app(scope, receive, send)
        response = PlainTextResponse(why + "\n", status_code=403,
                                     headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"})
        await response(scope, receive, send)


def install(app, allow_remote: bool = False, cors: bool = False) -> None:
    app.add_middleware(Guard, allow_remote=allow_remote, cors=cors)

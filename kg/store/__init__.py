"""Stores: the embedded on-disk pyoxigraph store (default) or an external SPARQL 1.1 server.

``open_store(location)`` picks by location: a directory path → ``LocalStore``; an ``http(s)://`` URL →
the remote store (``kg.store.remote``). Both expose the same methods, so build, query, serve and export
never care which one they have.
"""

from __future__ import annotations

from kg.store.local import LocalStore


def open_store(location: str, read_only: bool = False):
    if location.startswith(("http://", "https://")):
        from kg.store.remote import RemoteStore

        return RemoteStore(location)
    return LocalStore(location, read_only=read_only)


__all__ = ["LocalStore", "open_store"]

"""A query worker: one process holding a read-only handle on the embedded store, answering queries sent
over a socket (``python -m kg.serve.worker FD STORE``). The server kills it when a query runs too long —
pyoxigraph cannot cancel a running query, but the operating system can stop a process — and starts a
fresh one. Imports nothing but pyoxigraph and ``kg.serve.results``, so a new worker is ready in a blink.

It opens a published checkpoint of the store (kg/store/lock.py), never the directory a build writes;
each request names the checkpoint to answer from, and the worker moves to a newer one when told.

Protocol (pickled tuples over a ``multiprocessing.connection.Connection``):
    → ("ready",) once the store is open, or ("error", status, message) and exit
    ← (checkpoint path, query, results_fmt, rdf_fmt, max_rows, default_graphs, named_graphs)
    → ("ok", media_type, body) or ("error", status, message)
"""

from __future__ import annotations

import os
import signal
import sys
from multiprocessing.connection import Connection

import pyoxigraph as ox

from kg.query import PREFIXES
from kg.serve.results import ServeError, encode


def _die_with_parent(parent: int | None) -> None:
    # Linux: if the server process is killed outright, the kernel kills this worker too (no orphans
    # left computing a runaway query). Elsewhere the worker exits when its socket closes.
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    # the parent may have died before the line above ran (the signal is then never sent): check
    if parent is not None and os.getppid() != parent:
        os._exit(0)


def _graphs(iris):
    if iris is None:
        return None
    return [ox.DefaultGraph() if iri is None else ox.NamedNode(iri) for iri in iris]


def answer(store: ox.Store, request: tuple) -> tuple:
    text, results_fmt, rdf_fmt, max_rows, default_graphs, named_graphs = request
    try:
        res = store.query(text, prefixes=PREFIXES, default_graph=_graphs(default_graphs),
                          named_graphs=_graphs(named_graphs))
        media, body = encode(res, results_fmt, rdf_fmt, max_rows, prefixes=PREFIXES)
        return ("ok", media, body)
    except SyntaxError as exc:
        return ("error", 400, f"SPARQL syntax error: {exc}")
    except ServeError as exc:
        return ("error", exc.status, str(exc))
    except (OSError, ValueError, RuntimeError, TypeError) as exc:
        return ("error", 500, f"query failed: {exc}")


def main(fd: int, path: str, parent: int | None = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops the workers
    _die_with_parent(parent)
    conn = Connection(fd)
    try:
        store = ox.Store.read_only(path)
    except OSError as exc:
        conn.send(("error", 500, f"{path}: cannot open the store read-only ({exc})"))
        return
    conn.send(("ready",))
    while True:
        try:
            wanted, *request = conn.recv()
        except (EOFError, OSError):
            return
        if wanted != path:
            try:
                store, path = ox.Store.read_only(wanted), wanted
            except OSError as exc:
                conn.send(("error", 503, f"cannot open the store's newest version ({exc}); try again"))
                continue
        conn.send(answer(store, tuple(request)))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else None)

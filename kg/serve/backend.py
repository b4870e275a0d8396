"""Where the endpoint's queries run: the embedded store (worker processes, killed on timeout) or an
external SPARQL server (``RemoteStore``, bounded by the HTTP client's deadline). Both answer
``query`` (bytes for the SPARQL endpoint) and ``select`` (rows of Python values for the pages)."""

from __future__ import annotations

import os

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.serve.results import ServeError, encode
from kg.store.local import python_value

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000


def _rows(body: bytes) -> tuple[list[str], list[dict]]:
    res = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
    if not isinstance(res, ox.QuerySolutions):
        raise QueryError("expected a SELECT query")
    names = [v.value for v in res.variables]
    return names, [{n: python_value(sol[n]) for n in names} for sol in res]


class LocalBackend:
    kind = "embedded"

    def __init__(self, store_path: str, timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS,
                 workers: int | None = None):
        from kg.serve.pool import WorkerPool

        self.timeout = timeout
        self.max_rows = max_rows
        self.pool = WorkerPool(store_path, workers or min(4, os.cpu_count() or 1))

    def query(self, text: str, results_fmt: str | None, rdf_fmt: str | None,
              default_graphs: list | None = None, named_graphs: list | None = None,
              capped: bool = True) -> tuple[str, bytes]:
        request = (text, results_fmt, rdf_fmt, self.max_rows if capped else None, default_graphs, named_graphs)
        return self.pool.run(request, self.timeout)

    def select(self, text: str) -> tuple[list[str], list[dict]]:
        """Rows for the server's own pages: same timeout, no row cap (their queries bound themselves)."""
        _, body = self.query(text, "json", None, capped=False)
        return _rows(body)

    def generation(self) -> int:
        """The store version answers come from; it changes when a build has finished (kg/store/lock.py)."""
        return self.pool.refresh()

    def health(self) -> dict:
        return {"store": self.kind, "workers": self.pool.alive(), "workers_configured": self.pool.size}

    def close(self) -> None:
        self.pool.close()


class RemoteBackend:
    kind = "remote"

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS):
        from kg.store.remote import RemoteStore

        self.timeout = timeout
        self.max_rows = max_rows
        self.store = RemoteStore(url)
        # the row cap is applied after parsing; this byte cap stops an enormous answer before that
        self.max_bytes = min(1 << 30, max(16 << 20, max_rows * 16384))

    def _raw(self, text: str):
        from kg.store.remote import ResultTooLarge, StoreTimeout

        try:
            return self.store.raw_query(text, timeout=self.timeout, max_bytes=self.max_bytes)
        except StoreTimeout:
            raise ServeError(503, f"the SPARQL server did not answer within this endpoint's {self.timeout:g} s "
                                  "limit; narrow the query (more specific patterns, LIMIT)") from None
        except ResultTooLarge as exc:
            raise ServeError(413, f"{exc}; add a LIMIT (and OFFSET to page through) or aggregate") from None
        except QueryError as exc:
            raise ServeError(400, str(exc)) from None
        except StoreError as exc:
            raise ServeError(502, f"the SPARQL server behind this endpoint failed: {exc}") from None

    def query(self, text: str, results_fmt: str | None, rdf_fmt: str | None,
              default_graphs: list | None = None, named_graphs: list | None = None,
              capped: bool = True) -> tuple[str, bytes]:
        if default_graphs is not None or named_graphs is not None:
            raise ServeError(400, "default-graph-uri / named-graph-uri are not supported with a remote store; "
                                  "use FROM / FROM NAMED in the query")
        return encode(self._raw(text), results_fmt, rdf_fmt, self.max_rows if capped else None)

    def select(self, text: str) -> tuple[list[str], list[dict]]:
        res = self._raw(text)
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in res.variables]
        return names, [{n: python_value(sol[n]) for n in names} for sol in res]

    def generation(self) -> None:
        return None  # unknown: a remote store's pages are cached for a short time instead

    def health(self) -> dict:
        return {"store": self.kind, "workers": 0, "workers_configured": 0}

    def close(self) -> None:
        self.store.close()


def open_backend(location: str, timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS,
                 workers: int | None = None):
    if location.startswith(("http://", "https://")):
        return RemoteBackend(location, timeout=timeout, max_rows=max_rows)
    return LocalBackend(location, timeout=timeout, max_rows=max_rows, workers=workers)

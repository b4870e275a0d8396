"""Work a build with workers hands to a second process, beside its own: derived state only, computed from
what the build has already read or published, so whatever the second process fails at (it cannot start,
it dies) the build does itself, and the result is the same either way.

- **Resolving entities while linking.** Linking republications and resolving entities are independent,
  and both are pure Python once their inputs are read: the local entities are read from the store first,
  a process forked when parsing starts (before the build holds anything that grows with the corpus)
  resolves and maps them to N-Triples, and the build links meanwhile. The build still writes (links,
  then canonical entities) in the order its crash tests kill it at.
- **Keeping query rows while comparing numbers.** After the build publishes its checkpoint, a process
  started afresh opens that checkpoint read-only (kg/store/lock.py: readers of checkpoints may run beside
  the writer) and keeps the rows of ``kg trace`` / ``kg quotes`` / ``kg stats`` (kg.query.rowindex) while the
  build compares numeric claims.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _resolved(local) -> tuple[int, str]:
    from kg.rdf.mapping import canonical_triples
    from kg.rdf.sink import ntriples
    from kg.resolve import resolve

    canonicals = resolve(local)
    return len(canonicals), ntriples(canonical_triples(canonicals))


def _serve(inbox, outbox, parent: int) -> None:
    """The resolving process: wait for the local entities, answer with ``_resolved`` of them (None when
    that fails: the build resolves them itself, and meets the same error there), end."""
    from kg.children import die_with_parent

    die_with_parent(parent)  # a build killed meanwhile takes this process with it
    try:  # while the build parses: load what resolving reads and the build has not (on a cluster: the gazetteer)
        from kg.resolve import LocalEntity

        _resolved([LocalEntity(doc="kg-warm-up", name="Springfield", type="City")])
    except Exception:  # noqa: BLE001, S110 - only a warm-up; the real work reports its own errors
        pass
    try:
        local = inbox.recv()
    except (EOFError, OSError):  # the build needed no resolving after all, or ended
        return
    try:
        outbox.send(_resolved(local))
    except Exception:  # noqa: BLE001
        outbox.send(None)
    finally:
        outbox.close()


class ResolvingBeside:
    """``kg.resolve.resolve`` of the local entities and its N-Triples, computed in a second process. It is
    forked when the build starts parsing (``kg.build``: once the pipeline and the gazetteer are loaded, so
    it shares them as the workers do, and before the build holds anything that grows with the corpus) and
    waits; ``start(local)`` hands it the local entities, ``result()`` reads its answer. It ends once its
    answer is read, when it is closed without work, or with the build; it holds no store lock
    (kg/store/lock.py closes the lock in forked children)."""

    def __init__(self):
        import multiprocessing

        self.local: list | None = None
        self._inbox = self._outbox = self._proc = None
        ctx = multiprocessing.get_context("fork")
        try:
            child_in, self._inbox = ctx.Pipe(duplex=False)
            self._outbox, child_out = ctx.Pipe(duplex=False)
            self._proc = ctx.Process(target=_serve, args=(child_in, child_out, os.getpid()), name="kg-resolve",
                                     daemon=True)
            self._proc.start()
            child_in.close()
            child_out.close()
        except Exception:  # noqa: BLE001 — no process to be had (none left, or this one is a daemon's child):
            self.close()  # the build resolves them itself

    def start(self, local: list) -> None:
        """Resolve ``local`` (what ``store.local_entities()`` read) in the second process."""
        self.local = local
        if self._inbox is None:
            return
        try:
            self._inbox.send(local)
        except Exception:  # noqa: BLE001 — it died: result() says so
            self.close()

    def result(self) -> tuple[int, str] | None:
        """(how many canonical entities, their N-Triples), or None when the second process failed."""
        if self._outbox is None or self._proc is None or self.local is None:
            return None
        try:
            return self._outbox.recv()
        except Exception:  # noqa: BLE001 — it died (EOFError), or its answer did not arrive whole
            return None

    def close(self) -> None:
        for end in (self._inbox, self._outbox):
            if end is not None:
                end.close()
        self._inbox = self._outbox = None
        if self._proc is not None:
            self._proc.join(timeout=5)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join()
            self._proc = None


_KEEP_ROWS = ("import sys; from kg.children import die_with_parent; die_with_parent(int(sys.argv[2])); "
              "from kg.query.rowindex import warm; from kg.store import open_store; "
              "warm(open_store(sys.argv[1], read_only=True))")


def keep_rows_beside(store) -> subprocess.Popen | None:
    """A process keeping the rows of kg trace / quotes / stats for a local store's published checkpoint,
    or None. It imports the same ``kg`` as this process; its output is discarded (the caller checks the
    rows are kept and keeps them itself when they are not)."""
    path = getattr(store, "path", None)
    if not isinstance(path, Path) or not hasattr(store, "db"):
        return None
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    try:
        return subprocess.Popen([sys.executable, "-c", _KEEP_ROWS, str(path), str(os.getpid())], env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        return None

"""Work a build with workers hands to a second process, beside its own: derived state only, computed from
what the build has already read or published, so whatever the second process fails at (it cannot start,
it dies) the build does itself, and the result is the same either way.

- **Resolving entities while linking.** Linking republications and resolving entities are independent,
  and both are pure Python once their inputs are read: the local entities are read from the store first,
  a process forked when parsing starts (before the build holds anything that grows with the corpus)
  resolves and maps them to N-Triples, and the build links meanwhile. The build still writes (links,
  then canonical entities) in the order its crash tests kill it at.
- **Keeping query rows and comparing numbers.** After the build publishes its checkpoint, two processes
  started afresh open that checkpoint read-only (kg/store/lock.py: readers of checkpoints may run beside
  the writer): one keeps the rows of ``kg trace`` / ``kg quotes`` / ``kg stats`` (kg.query.rowindex), the
  other compares the numeric claims (kg.compare.cache), so the build never holds all of them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path


def _resolved(local) -> tuple[int, str]:
    from kg.rdf.mapping import canonical_triples
    from kg.rdf.sink import ntriples
    from kg.resolve import resolve

    canonicals = resolve(local)
    return len(canonicals), ntriples(canonical_triples(canonicals))


SCANS = "scans"  # first message: the local entities follow as the rows of the store's scans (start_scans)
ROWS = 4096  # rows of a scan per message


def _rows(inbox):
    """The rows of one scan, as ``start_scans`` sends them: chunks, then an empty one."""
    while chunk := inbox.recv():
        yield from chunk


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
        out = None
        if isinstance(local, tuple) and local[0] == SCANS:  # folded here, as the rows come
            from kg.store.local import local_entities_from_scans

            out = local[1]
            local = local_entities_from_scans(lambda kind: _rows(inbox))
        count, text = _resolved(local)
        if out is not None:  # the N-Triples go to a file the build bulk-loads: never held in its memory
            Path(out).write_text(text, encoding="utf-8")
            text = Path(out)
        outbox.send((count, text))
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
        self._scanned = False
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

    def start_scans(self, scan, out: Path | None = None) -> None:
        """Resolve the local entities that ``kg.store.local.local_entities_from_scans(scan)`` reads, folded
        in the second process as ``scan(kind)`` yields the rows: the build never holds them all (at 2,000
        newswire articles they were 56 MB of its peak). ``out``: a file the second process writes the
        N-Triples to (``result`` then gives its path), instead of sending them."""
        from kg.store.updates import LOCAL_SCANS

        if self._inbox is None:
            return
        self._scanned = True
        try:
            self._inbox.send((SCANS, None if out is None else str(out)))
            for kind in LOCAL_SCANS:
                chunk = []
                for row in scan(kind):
                    chunk.append(row)
                    if len(chunk) >= ROWS:
                        self._inbox.send(chunk)
                        chunk = []
                if chunk:
                    self._inbox.send(chunk)
                self._inbox.send([])
        except (OSError, EOFError, ValueError):  # it died: result() says so
            self.close()

    def result(self) -> tuple[int, str | Path] | None:
        """(how many canonical entities, their N-Triples or the file holding them), or None when the second
        process failed."""
        if self._outbox is None or self._proc is None or (self.local is None and not self._scanned):
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


# what a process started afresh keeps for the published checkpoint: its module's warm(store)
_KEEP = ("import sys; from kg.children import die_with_parent; die_with_parent(int(sys.argv[2])); "
         "from importlib import import_module; from kg.store import open_store; "
         "warm = import_module(sys.argv[3]).warm; store = open_store(sys.argv[1], read_only=True); "
         # asked to tell its progress: one line 'done total' on stdout per step (kg.build reads them)
         "warm(store, lambda done, total: print(done, total, flush=True)) if sys.argv[4:] else warm(store)")


def keep_rows_beside(store) -> subprocess.Popen | None:
    """A process keeping the rows of kg trace / quotes / stats for a local store's published checkpoint,
    or None. It imports the same ``kg`` as this process; its stdout is a pipe of 'done total' lines, the
    steps of writing them (``compare_progress`` reads them; the caller checks the rows are kept and keeps
    them itself when they are not)."""
    return _keep_beside(store, "kg.query.rowindex", tell=True)


def compare_beside(store) -> subprocess.Popen | None:
    """A process keeping the answer of kg conflicts / agreements (kg.compare.cache) for a local store's
    published checkpoint, or None; as ``keep_rows_beside``. The build then never holds every numeric claim
    of the store (at 2,000 newswire articles 61 MB of its peak, growing with the corpus). Its stdout is a
    pipe of 'done total' lines, the claims it has grouped (``compare_progress``)."""
    return _keep_beside(store, "kg.compare.cache", tell=True)


def compare_progress(proc: subprocess.Popen) -> Iterator[tuple[int, int]]:
    """(done, total) as the comparing process reports them, until it ends; a line that is not two numbers
    (it never prints any other) is skipped."""
    if proc.stdout is None:
        return
    for line in proc.stdout:
        parts = line.split()
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            yield int(parts[0]), int(parts[1])


def _keep_beside(store, module: str, tell: bool = False) -> subprocess.Popen | None:
    path = getattr(store, "path", None)
    if not isinstance(path, Path) or not hasattr(store, "db"):
        return None
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    try:
        args = [sys.executable, "-c", _KEEP, str(path), str(os.getpid()), module, *(["tell"] if tell else [])]
        return subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL, text=True,
                                stdout=subprocess.PIPE if tell else subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        return None

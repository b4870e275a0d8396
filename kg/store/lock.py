"""One writer, consistent readers for the embedded store.

pyoxigraph allows one read-write handle per store directory, and opening a store read-only while another
process writes it is undefined behaviour. So:

- **Writers** hold an advisory lock (``fcntl.flock`` on ``<store>/kg-write.lock``) for as long as they
  have the store open. A second writer gets one clear line naming the process that writes, instead of
  RocksDB's "lock hold by current process".
- **Readers never open the live directory.** A writer *publishes* what it wrote — at the end of a build,
  on close, when collected, at exit — as an immutable checkpoint (``Store.backup``: hard links, milliseconds) under
  ``<store>/snapshots/<generation>`` and then bumps ``<store>/generation``. Readers (``kg query``,
  ``kg serve``'s workers …) open the newest checkpoint read-only, so they see the last finished state
  and nothing half-written. ``kg serve`` watches the generation file and moves to a new checkpoint on the
  next request after it changes. A reader in the process that holds the writer uses the writer's handle.
- A store built before this existed has no checkpoint; the first reader makes one (taking the writer
  lock for that moment), or — while a build holds the lock — says to try again when it ends.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
import time
import weakref
from pathlib import Path

from kg.errors import StoreError

LOCK_FILE = "kg-write.lock"
GENERATION_FILE = "generation"
SNAPSHOTS = "snapshots"
KEEP = 3  # checkpoints kept: a query still running on an older one is not pulled from under it
WAIT_FOR_SNAPSHOT = 10.0  # seconds a reader waits for another reader to finish making the first checkpoint

_writers: weakref.WeakValueDictionary[str, object] = weakref.WeakValueDictionary()  # realpath → LocalStore
_held: weakref.WeakSet = weakref.WeakSet()  # the WriterLocks this process holds


def _key(path: Path) -> str:
    return os.path.realpath(path)


class WriterLock:
    """The store's writer lock, held until ``release`` (or the process ends)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._fd: int | None = None
        fd = os.open(self.path / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise StoreError(f"{self.path}: another kg process{holder} is writing this store; wait for it to "
                             "finish, then run this again") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {' '.join(os.path.basename(a) for a in sys.argv[:2])}\n".encode(), 0)
        self._fd = fd
        _held.add(self)

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def _forget_in_child() -> None:
    """In a forked child (the build's worker processes): close the inherited descriptors of the writer locks,
    never unlocking them (the lock belongs to the parent: an unlock here would release it there), so that a
    parent killed while a child still runs leaves no lock behind for the next build to wait on."""
    for held in list(_held):
        if held._fd is not None:
            fd, held._fd = held._fd, None
            try:
                os.close(fd)
            except OSError:
                pass
    _held.clear()


os.register_at_fork(after_in_child=_forget_in_child)


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        return ""
    pid, _, cmd = text.partition(" ")
    return f" (pid {pid}{', ' + cmd if cmd else ''})" if pid.isdigit() else ""


def register_writer(store) -> None:
    _writers[_key(store.path)] = store


def unregister_writer(store) -> None:
    if _writers.get(_key(store.path)) is store:
        del _writers[_key(store.path)]


def writer_in_process(path: Path):
    """The writable ``LocalStore`` this process holds on ``path``, if any."""
    return _writers.get(_key(path))


# ------------------------------------------------------------------------------------------ generations
def generation(path: Path) -> int:
    """The number of the newest published checkpoint (0: none yet). Cheap enough to call per request."""
    try:
        return int((Path(path) / GENERATION_FILE).read_text().strip() or 0)
    except (OSError, ValueError):
        return 0


def snapshot_path(path: Path, gen: int) -> Path:
    return Path(path) / SNAPSHOTS / f"{gen:08d}"


def publish(db, path: Path) -> int:
    """Checkpoint what ``db`` (the writer's handle) holds as the next generation; readers move to it."""
    path = Path(path)
    gen = max(generation(path), _newest_on_disk(path)) + 1
    target = snapshot_path(path, gen)
    target.parent.mkdir(exist_ok=True)
    if target.exists():  # left by a process killed between checkpoint and generation bump
        shutil.rmtree(target)
    try:
        db.flush()
        db.backup(str(target))
    except OSError as exc:
        raise StoreError(f"{path}: cannot publish the finished state for readers ({exc})") from None
    tmp = path / f".{GENERATION_FILE}.{os.getpid()}"
    tmp.write_text(f"{gen}\n")
    os.replace(tmp, path / GENERATION_FILE)
    _prune(path, gen)
    return gen


def _newest_on_disk(path: Path) -> int:
    try:
        return max((int(p.name) for p in (path / SNAPSHOTS).iterdir() if p.name.isdigit()), default=0)
    except OSError:
        return 0


def _prune(path: Path, gen: int) -> None:
    for p in (path / SNAPSHOTS).iterdir():
        if p.name.isdigit() and int(p.name) <= gen - KEEP:
            shutil.rmtree(p, ignore_errors=True)


def reader_path(path: Path) -> Path:
    """The checkpoint a reader opens: the newest published one, made now if the store has none."""
    import pyoxigraph as ox

    path = Path(path)
    deadline = time.monotonic() + WAIT_FOR_SNAPSHOT
    while True:
        gen = generation(path)
        if gen and snapshot_path(path, gen).is_dir():
            return snapshot_path(path, gen)
        try:
            lock = WriterLock(path)
        except StoreError:
            if time.monotonic() > deadline:
                raise StoreError(f"{path}: a kg process is writing this store and it has no finished version "
                                 "to read yet; run this again when the build ends") from None
            time.sleep(0.2)
            continue
        try:
            if not generation(path):  # nobody published while we waited for the lock
                try:
                    db = ox.Store(str(path))
                except OSError as exc:
                    raise StoreError(f"{path}: cannot open store ({exc})") from None
                publish(db, path)
                del db
        finally:
            lock.release()


def finish(db, writer_lock: WriterLock, path: Path, written: dict | None = None) -> None:
    """A writer is done (closed, collected, or the process ends): publish its state — unless ``written``
    says nothing was written since its last checkpoint (a build publishes when it ends, then closes) —,
    release the lock."""
    try:
        stale = written is None or written.get("since_publish", True) or not generation(path)
        if Path(path).is_dir() and stale:
            publish(db, path)
    except (StoreError, OSError):
        pass  # nothing more to do for readers; the next writer publishes again
    finally:
        writer_lock.release()

"""A fixed set of query worker processes over a read-only embedded store, with kill-on-timeout.

Why processes: pyoxigraph releases no control while a query runs and cannot cancel it, so a thread
running a runaway query could never be stopped. A worker process can: the request waits for the answer
at most the timeout, then the worker is killed (SIGKILL), a fresh one is started in the background and
the client gets a clear 503. Every worker is used by one request at a time; requests beyond the number
of workers wait (up to ``QUEUE_WAIT``) for a free one, and the time limit starts when their query does.

Fairness: when every worker is busy (two slow queries, say), a request does not queue behind them — an
extra worker is started for it, up to ``size + max(size, 2)`` workers, and retired once it is idle again;
waiting requests are served first come, first served. Timeouts are unchanged.

Freshness: workers read the store's newest published checkpoint (kg/store/lock.py), never the live
directory a build may be writing. Before every request the pool looks at the store's generation file;
after a build has finished, the next request (and every one after it) runs on the new checkpoint.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import StoreError
from kg.serve.results import ServeError
from kg.store import lock

START_TIMEOUT = 30.0
QUEUE_WAIT = 30.0  # how long a request may wait for a free worker before a 503 (its query then gets the full timeout)


class _Worker:
    def __init__(self, store_path: str):
        parent, child = socket.socketpair()
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "kg.serve.worker", str(child.fileno()), store_path, str(os.getpid())],
                pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, close_fds=True,
            )
        finally:
            child.close()
        self.conn = Connection(parent.detach())

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise StoreError("a query worker did not start in time")
        try:
            msg = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise StoreError("a query worker exited while starting") from None
        if msg[0] != "ready":
            self.kill()
            raise StoreError(msg[2])

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.conn.close()


class WorkerPool:
    def __init__(self, store_path: str, size: int):
        if not os.path.isdir(store_path):
            raise StoreError(f"{store_path}: no store here; build one with `kg build PATH --store {store_path}`")
        self.store_path = store_path
        self.size = size
        self.max_size = size + max(size, 2)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._waiting = 0  # requests waiting for a worker
        self._starting = 0  # workers asked of the spawner, not yet started
        self.snapshot = str(lock.reader_path(Path(store_path)))
        self.generation = lock.generation(Path(store_path))
        started = [self._spawn() for _ in range(size)]
        try:
            for w in started:
                w.wait_ready()
        except StoreError:
            self.close()
            raise
        for w in started:
            self._idle.put(w)
        self._wanted: queue.Queue[bool] = queue.Queue()
        threading.Thread(target=self._spawner, name="kg-worker-spawner", daemon=True).start()

    def _spawn(self) -> _Worker:
        w = _Worker(self.snapshot)
        with self._lock:
            self._all.add(w)
        return w

    def _replace(self, dead: _Worker) -> None:
        """Kill a worker and have its successor started in the background (the caller answers at once)."""
        dead.kill()
        with self._lock:
            self._all.discard(dead)
            if self._closed:
                return
        with self._lock:
            self._starting += 1
        self._wanted.put(True)

    def refresh(self) -> int:
        """Move to the store's newest published checkpoint, if a build published one; its generation."""
        gen = lock.generation(Path(self.store_path))
        if gen != self.generation:
            snap = lock.snapshot_path(Path(self.store_path), gen)
            if snap.is_dir():
                self.snapshot, self.generation = str(snap), gen
        return self.generation

    def _take(self) -> _Worker:
        """An idle worker; when there is none, an extra one is started (up to ``max_size``)."""
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            self._waiting += 1
            # one more worker per waiting request that no starting worker is already meant for
            extra = (not self._closed and self._waiting > self._starting
                     and len(self._all) + self._starting < self.max_size)
            if extra:
                self._starting += 1
        if extra:
            self._wanted.put(True)
        try:
            return self._idle.get(timeout=QUEUE_WAIT)
        finally:
            with self._lock:
                self._waiting -= 1

    def _give_back(self, w: _Worker) -> None:
        with self._lock:
            retire = len(self._all) > self.size and self._waiting == 0
            if retire:
                self._all.discard(w)
        if retire:
            w.kill()
        else:
            self._idle.put(w)

    def _spawner(self) -> None:
        # One long-lived thread starts every replacement: Linux's parent-death signal follows the thread
        # that started a process, so a short-lived thread would take its workers down when it ends.
        while True:
            self._wanted.get()
            if self._closed:
                return
            try:
                w = self._spawn()  # counted in _all from here on
            finally:
                with self._lock:
                    self._starting = max(0, self._starting - 1)
            try:
                w.wait_ready()
            except StoreError:
                with self._lock:
                    self._all.discard(w)
                continue  # the pool shrinks; /health shows it
            if self._closed:
                w.kill()
                return
            self._give_back(w)

    def run(self, request: tuple, timeout: float) -> tuple[str, bytes]:
        """(media type, body) for a worker request, or ``ServeError``; the query runs at most ``timeout`` s."""
        self.refresh()
        try:
            w = self._take()
        except queue.Empty:
            raise ServeError(503, f"all {self.max_size} query workers stayed busy for {QUEUE_WAIT:g} s; "
                                  "try again in a moment") from None
        deadline = time.monotonic() + timeout
        keep = True
        try:
            w.conn.send((self.snapshot, *request))
            if not w.conn.poll(max(0.0, deadline - time.monotonic())):
                keep = False
                raise ServeError(503, f"the query ran longer than this endpoint's {timeout:g} s limit and was "
                                      "stopped; narrow it (more specific patterns, LIMIT) or ask for a longer "
                                      "--timeout")
            msg = w.conn.recv()
        except (EOFError, OSError):
            keep = False
            raise ServeError(500, "the query worker died while answering (out of memory?); it was replaced") from None
        finally:
            if keep:
                self._give_back(w)
            else:
                self._replace(w)
        if msg[0] == "ok":
            return msg[1], msg[2]
        raise ServeError(msg[1], msg[2])

    def alive(self) -> int:
        with self._lock:
            return sum(1 for w in self._all if w.alive())

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        if hasattr(self, "_wanted"):
            self._wanted.put(False)
        for w in workers:
            w.kill()

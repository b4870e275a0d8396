"""A fixed set of query worker processes over a read-only embedded store, with kill-on-timeout.

Why processes: pyoxigraph releases no control while a query runs and cannot cancel it, so a thread
running a runaway query could never be stopped. A worker process can: the request waits for the answer
at most the timeout, then the worker is killed (SIGKILL), a fresh one is started in the background and
the client gets a clear 503. Every worker is used by one request at a time; requests beyond the number
of workers wait (up to ``QUEUE_WAIT``) for a free one, and the time limit starts when their query does.
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

from kg.errors import StoreError
from kg.serve.results import ServeError

START_TIMEOUT = 30.0
QUEUE_WAIT = 30.0  # how long a request may wait for a free worker before a 503 (its query then gets the full timeout)


class _Worker:
    def __init__(self, store_path: str):
        parent, child = socket.socketpair()
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "kg.serve.worker", str(child.fileno()), store_path],
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
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
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
        w = _Worker(self.store_path)
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
        self._wanted.put(True)

    def _spawner(self) -> None:
        # One long-lived thread starts every replacement: Linux's parent-death signal follows the thread
        # that started a process, so a short-lived thread would take its workers down when it ends.
        while True:
            self._wanted.get()
            if self._closed:
                return
            try:
                w = self._spawn()
                w.wait_ready()
            except StoreError:
                continue  # the pool shrinks; /health shows it
            if self._closed:
                w.kill()
                return
            self._idle.put(w)

    def run(self, request: tuple, timeout: float) -> tuple[str, bytes]:
        """(media type, body) for a worker request, or ``ServeError``; the query runs at most ``timeout`` s."""
        try:
            w = self._idle.get(timeout=QUEUE_WAIT)
        except queue.Empty:
            raise ServeError(503, f"all {self.size} query workers stayed busy for {QUEUE_WAIT:g} s; "
                                  "try again in a moment") from None
        deadline = time.monotonic() + timeout
        keep = True
        try:
            w.conn.send(request)
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
                self._idle.put(w)
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

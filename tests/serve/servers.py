"""Real server processes for the tests: an Oxigraph SPARQL server and ``kg serve``, each on a free
loopback port, always stopped (and waited for) when the test is done — and stopped by the kernel if the
test process itself is killed."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent


def _die_with_test_process() -> None:
    # Linux: if the test process is killed, the kernel stops the server too (no orphan servers)
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A started server process; its output goes to a file (a pipe nobody reads would fill up and block it)."""

    def __init__(self, args: list[str], env: dict | None = None):
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     env={**os.environ, **(env or {})}, preexec_fn=_die_with_test_process)
        self.pid = self.proc.pid

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def wait_until_up(self, url: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}: {self.output()[-2000:]}")
            try:
                httpx.get(url, timeout=1.0, trust_env=False)
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError(f"{url} did not come up in {timeout} s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.log.close()


@contextlib.contextmanager
def oxigraph_server(location: Path):
    """``oxigraph serve`` on a free loopback port; yields its base URL. Its own query timeout bounds the
    runaway queries the timeout tests send (a client hanging up does not stop a server's query)."""
    port = free_port()
    server = Server([str(BIN / "oxigraph"), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                     "--timeout-s", "10"])
    url = f"http://127.0.0.1:{port}"
    try:
        server.wait_until_up(f"{url}/query?query=ASK%7B%7D")
        yield url
    finally:
        server.stop()


@contextlib.contextmanager
def kg_serve(store: str, *args: str, env: dict | None = None):
    """``kg serve --store STORE ARGS`` on a free loopback port; yields (base URL, Server)."""
    port = free_port()
    server = Server([str(BIN / "kg"), "serve", "--store", store, "--port", str(port), *args], env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        server.wait_until_up(f"{url}/health")
        yield url, server
    finally:
        server.stop()


def worker_pids(server_pid: int) -> set[int]:
    """Process ids of the query workers a server started (its children running kg.serve.worker)."""
    out = subprocess.run(["ps", "-o", "pid=,ppid=,args=", "-e"], capture_output=True, text=True).stdout
    pids = set()
    for line in out.splitlines():
        pid, ppid, args = line.split(None, 2)
        if int(ppid) == server_pid and "kg.serve.worker" in args:
            pids.add(int(pid))
    return pids


def gone(pids: set[int], within: float = 10.0) -> bool:
    """True once none of these processes runs any more (zombies count as ended)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(_running(p) for p in pids):
            return True
        time.sleep(0.1)
    return False


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")

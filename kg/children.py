"""Child processes that end with the process that started them.

A ``kg build`` killed by the kernel (SIGKILL, the OOM killer) gets no chance to stop its worker processes;
an orphaned worker would go on parsing its batch, and then wait forever for the next one, holding its
memory. On Linux the kernel can send a signal to a child when its parent dies (``prctl(PR_SET_PDEATHSIG)``,
set in the child, through ``ctypes``: nothing to install). Elsewhere this is a no-op: the workers there
notice the parent is gone only when they next talk to it.
"""

from __future__ import annotations

import os
import signal
import sys

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent: int | None = None, sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send ``sig`` to this process when its parent ends. ``parent``: the pid the parent
    had; a parent that ended before the request was made is caught by comparing it (the signal would never
    come). True when the kernel took the request."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):  # no libc to be had, or one without prctl
        return False
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), sig)
    return True

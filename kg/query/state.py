"""The key of a local store's state, for the answers kept beside it (the comparison, the query rows).

A kept answer is valid for one state of the documents, their newest extraction, the links, the kg version and
the code that computed it; any change gives another key, so a stale file is never read.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def state_key(store, code_hash: str) -> tuple[Path, str] | None:
    """(the store's folder, the key of its state for code ``code_hash``), or None when nothing can be kept:
    a remote or in-memory store, or one with no documents."""
    from kg import __version__
    from kg.query import named

    path = getattr(store, "path", None)
    if not isinstance(path, Path) or not hasattr(store, "db"):
        return None
    rows = store.select(named("compare_state"))[1]
    state = rows[0] if rows else {}
    if not state.get("documents"):
        return None
    key = hashlib.sha256(f"{state['documents']}|{state.get('newest')}|{state.get('links')}|{__version__}|"
                         f"{code_hash}".encode()).hexdigest()[:20]
    return path, key

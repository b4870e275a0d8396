"""The indexes kept beside a store (dedup, publisher boilerplate): written atomically, read back only when
they are of this kg's format. Pickle, so load only files kg wrote itself."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from kg.errors import StoreError

PAUSE_ENV = "KG_BUILD_PAUSE_AT"  # crash tests: KG_BUILD_PAUSE_AT=<pause> stops mid-save, waiting to be killed


def save(obj, path: str | Path, fmt: int, what: str, pause: str | None = None) -> None:
    """Write ``obj`` to ``path`` via a temp file and a rename, so a kill never leaves half a file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "wb") as fh:
            pickle.dump({"format": fmt, "index": obj}, fh, protocol=pickle.HIGHEST_PROTOCOL)
            if pause is not None and os.environ.get(PAUSE_ENV) == pause:
                import sys
                import time

                fh.flush()
                print(f"kg-paused-at {pause}", file=sys.stderr, flush=True)
                time.sleep(600)
        os.replace(tmp, path)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write the {what} ({exc.strerror})") from None


def load(cls, path: str | Path, fmt: int, what: str):
    """The saved ``cls`` instance, or a new empty one when ``path`` does not exist."""
    path = Path(path)
    if not path.exists():
        return cls()
    try:
        with open(path, "rb") as fh:
            data = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
        raise StoreError(f"{path}: cannot read the {what} ({exc}); delete it and rebuild") from None
    if not isinstance(data, dict) or data.get("format") != fmt or not isinstance(data.get("index"), cls):
        raise StoreError(f"{path}: {what} from another kg version; delete it and rebuild")
    return data["index"]

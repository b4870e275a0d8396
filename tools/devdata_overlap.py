#!/usr/bin/env python3
"""List passages of changed files that are too close to the development data.

The annotated dev corpora may be used to measure `kg`, never copied into it (their licences forbid it).
This compares every file changed since BASE (default: the merge base with main) against all strings of
the dev JSONL files, as overlapping N-word windows (default 9 words), and prints each file with its
shared windows. A generic phrase can match by chance; anything longer or names + wording from a news
story must be rewritten.

  python3 tools/devdata_overlap.py                       # changes since main, ../shared/devdata
  python3 tools/devdata_overlap.py --base 564ecb7 --words 8
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

WORD = re.compile(r"[a-z0-9]+")
SKIP_SUFFIXES = {".png", ".jpg", ".gz", ".warc", ".ico", ".woff", ".woff2"}


def strings(value):
    """Every string inside a decoded JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def windows(text: str, size: int) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def dev_hashes(devdata: Path, size: int) -> set[int]:
    # hashes, not strings: the Reuters set alone has about two million windows
    seen: set[int] = set()
    for path in sorted(devdata.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                for text in strings(record):
                    if len(text) > 40:
                        seen.update(hash(w) for w in windows(text, size))
    return seen


def changed_files(repo: Path, base: str) -> list[Path]:
    cmd = ["git", "-C", str(repo), "diff", "--name-only", base]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return [repo / name for name in out.stdout.split()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devdata", type=Path, default=Path("../shared/devdata"), help="folder of dev JSONL files")
    ap.add_argument("--base", default=None, help="git revision to compare against (default: merge base with main)")
    ap.add_argument("--words", type=int, default=9, help="window length in words (default: %(default)s)")
    args = ap.parse_args()
    repo = Path(__file__).resolve().parent.parent
    if not args.devdata.is_dir():
        print(f"devdata_overlap: {args.devdata}: no such folder (pass --devdata)", file=sys.stderr)
        return 2
    base = args.base or subprocess.run(["git", "-C", str(repo), "merge-base", "HEAD", "main"],
                                       capture_output=True, text=True, check=True).stdout.strip()
    seen = dev_hashes(args.devdata, args.words)
    found = 0
    for path in changed_files(repo, base):
        if not path.is_file() or path.suffix in SKIP_SUFFIXES:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        shared = sorted(w for w in windows(text, args.words) if hash(w) in seen)
        if shared:
            found += 1
            print(f"{path.relative_to(repo)}: {len(shared)} shared {args.words}-word passages")
            for passage in shared[:10]:
                print(f"    {passage}")
    print(f"{found} file(s) with passages shared with {args.devdata}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

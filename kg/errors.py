"""The exceptions kg raises. Every one carries a message a person can act on: what, where, how to fix.

KgError
├── InputError        a file or document cannot be read (names the file and the reason)
│   └── SkippedInput  … or is left out on purpose (not English, a WARC's images): a note, exit code 0
├── PipelineError     the spaCy pipeline cannot be loaded
├── StoreError        the store cannot be opened, read or written
└── QueryError        a SPARQL query is malformed or failed
The CLI catches ``KgError`` in one place and prints ``Error: <message>`` on one line.
"""


class KgError(Exception):
    """Base class of every error kg reports to a user."""


def shown(path: str) -> str:
    """A file name as it is shown in a one-line message: line breaks and other control characters in it
    escaped (``a\\nb.txt``), everything else as it is."""
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
                   for ch in str(path))


class InputError(KgError):
    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{shown(path)}: {reason}")


class SkippedInput(InputError):
    """An input left out by policy (not English, say), not because it is broken: ``kg build`` lists it and
    still exits 0."""


class PipelineError(KgError):
    pass


class StoreError(KgError):
    pass


class QueryError(KgError):
    pass

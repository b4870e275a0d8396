"""The exceptions kg raises. Every one carries a message a person can act on: what, where, how to fix.

KgError
├── InputError        a file or document cannot be read (names the file and the reason)
│   └── Skipped       an input left out by policy, not broken (e.g. a web archive's non-HTML responses)
├── PipelineError     the spaCy pipeline cannot be loaded
├── StoreError        the store cannot be opened, read or written
└── QueryError        a SPARQL query is malformed or failed
The CLI catches ``KgError`` in one place and prints ``Error: <message>`` on one line.
"""


class KgError(Exception):
    """Base class of every error kg reports to a user."""


class InputError(KgError):
    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class Skipped(InputError):
    """Not an article by design (a WARC's images and redirects): reported as a note, not a failure."""


class PipelineError(KgError):
    pass


class StoreError(KgError):
    pass


class QueryError(KgError):
    pass

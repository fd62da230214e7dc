"""The exception family of papersum.

Every error a user can cause or meet is a ``PapersumError`` whose message is one line that says
what happened and what to do; the CLI prints it and never a traceback::

    PapersumError
    ├── ConfigError        bad option, setting or prompt file          (exit 2)
    ├── ReadingListError   the list file is missing or unreadable      (exit 2)
    ├── ResolveError       an entry cannot be mapped to a paper        (entry fails)
    │   ├── ArxivApiError  the arXiv API failed or cannot be reached   (entries needing it fail)
    │   └── SourceError    OpenAlex, Semantic Scholar or a landing page failed (next source tried)
    ├── FetchError         a PDF cannot be downloaded or is not a PDF  (entry fails)
    ├── ExtractError       a PDF is corrupt, empty, encrypted, scanned (entry fails)
    ├── SummarizeError     a backend could not produce a summary       (entry fails)
    │   └── Cancelled      Ctrl-C stopped its model request            (entry skipped)
    └── StoreError         the run state cannot be read or written     (exit 2)
"""


class PapersumError(Exception):
    """Base of every error papersum reports to the user."""


class ConfigError(PapersumError):
    """A usage or configuration error: the run cannot start."""


class ReadingListError(PapersumError):
    """The reading list file cannot be read."""


class ResolveError(PapersumError):
    """An entry could not be mapped to a paper."""


class ArxivApiError(ResolveError):
    """The arXiv API answered with an error or could not be reached."""


class SourceError(ResolveError):
    """A metadata service (OpenAlex, Semantic Scholar) or a landing page failed."""


class FetchError(PapersumError):
    """A PDF could not be downloaded, or what came back is not a usable PDF."""


class ExtractError(PapersumError):
    """Text could not be extracted from a PDF."""


class SummarizeError(PapersumError):
    """A summarizer backend failed for one paper."""


class Cancelled(SummarizeError):
    """A model request was stopped by Ctrl-C while the server worked on it."""


class LockedError(PapersumError):
    """Another papersum holds the list folder's lock."""


class StoreError(PapersumError):
    """The run state could not be read or written."""

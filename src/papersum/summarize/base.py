"""What a summarizer backend is, and what it hands back; backends import only this (and the
helpers beside it), never the package that assembles them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from papersum.models import PaperSummary, PaperText


@dataclass(frozen=True)
class Summarized:
    """A backend's summary of one paper, and what the reader should know about how it was made
    (e.g. that a long paper was cut to fit the model's budget)."""

    summary: PaperSummary
    notes: list[str] = field(default_factory=list)
    check: str | None = None
    """Set when the model's relevance score and the offline judgment disagree widely."""


class Backend(Protocol):
    """Turns one paper's text into a validated summary (the ``Summarizer`` adds the answer cache,
    the call log, usage and cost around it)."""

    name: str
    model: str | None

    @property
    def local(self) -> bool:
        """Whether its model runs on this machine or network (papers go one at a time, for free)."""
        ...

    def cache_key(self, paper: PaperText) -> str | None:
        """The key its answer for ``paper`` is cached under (None: not worth caching)."""
        ...

    def summarize(self, paper: PaperText) -> Summarized:
        """Summarize ``paper``; raise ``SummarizeError`` when it cannot."""
        ...

    def prepare(self) -> None:
        """Get ready (make clients, learn the server) while the run resolves its list."""
        ...

    def cancel(self) -> int:
        """Stop work in flight (Ctrl-C); how many requests were stopped."""
        ...

"""Paper text → ``PaperSummary``: one backend per module behind the ``Summarizer`` protocol."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from papersum.errors import ConfigError
from papersum.models import PaperSummary, PaperText
from papersum.prompts import PromptSet

BACKENDS = ("auto", "openai", "extractive")


@dataclass(frozen=True)
class Summarized:
    """A backend's summary of one paper, and what the reader should know about how it was made
    (e.g. that a long paper was cut to fit the model's budget)."""

    summary: PaperSummary
    notes: list[str] = field(default_factory=list)


class Summarizer(Protocol):
    """Turns one paper's text into a validated summary."""

    name: str
    model: str | None

    def summarize(self, paper: PaperText) -> Summarized:
        """Summarize ``paper``; raise ``SummarizeError`` when it cannot."""
        ...


def make_summarizer(backend: str, prompts: PromptSet) -> Summarizer:
    """The summarizer for ``backend`` (``auto`` has been decided by the caller)."""
    if backend == "extractive":
        from papersum.summarize.extractive import ExtractiveSummarizer

        return ExtractiveSummarizer(prompts.profile)
    if backend == "openai":
        raise ConfigError(
            "the openai backend is not available in this version yet; use --backend extractive"
        )
    raise ConfigError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")

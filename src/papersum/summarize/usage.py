"""The record of model requests: where each ``ModelCall`` goes, and the run's ``Usage``."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Protocol

from papersum.models import ModelCall


class Meter(Protocol):
    """What a backend reports its requests to (the ``Summarizer`` around it)."""

    def record(self, call: ModelCall) -> None:
        """One HTTP request made."""
        ...

    def arrived(self, tokens: int) -> None:
        """Tokens streaming in."""
        ...


class CallLog(Protocol):
    """Where the backend keeps answers and the record of its requests (the run state)."""

    def cached_answer(self, key: str) -> str | None:
        """The answer cached under ``key``, if any."""
        ...

    def cache_answer(self, key: str, answer: str) -> None:
        """Cache an answer under ``key``."""
        ...

    def record_call(self, call: ModelCall) -> None:
        """Record one request."""
        ...


@dataclass
class Usage:
    """The HTTP requests of this run and their tokens (thread-safe); ``streamed`` counts tokens
    as they arrive, for the progress display."""

    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    estimated_tokens: int = 0
    """How many input tokens papersum estimated because the server sent no counts (their output
    tokens are counted as they stream, one a chunk)."""
    cost_usd: float | None = 0.0
    """None once a request's price is unknown."""
    price_problem: str = ""
    """Why no cost can be given (a broken price table), if that is the case."""
    streamed: int = 0
    unanswered: int = 0
    """Requests a server refused (an error status) or never answered: no tokens, no cost."""

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def add(self, call: ModelCall) -> None:
        """Count one request."""
        with self._lock:
            if call.counted_by == "none":
                self.unanswered += 1
                return
            self.requests += 1
            self.input_tokens += call.input_tokens
            self.output_tokens += call.output_tokens
            if call.counted_by == "estimate":
                self.estimated_tokens += call.input_tokens
            self.cost_usd = (
                None if self.cost_usd is None or call.cost_usd is None else self.cost_usd + call.cost_usd
            )

    def arrived(self, tokens: int) -> None:
        """Count tokens streaming in."""
        with self._lock:
            self.streamed += tokens

    def line(self, model: str) -> str:
        """The usage line printed at the end of a run: tokens and cost of the requests a server
        answered only."""
        if not self.requests and self.unanswered:
            none = f"{self.unanswered} refused or unanswered"
            return f"{model}: no request was answered ({none}); no tokens, no cost"
        line = (
            f"{model}: {self.requests} request{'' if self.requests == 1 else 's'}, "
            f"{self.input_tokens:,} tokens in, {self.output_tokens:,} out"
        )
        if self.estimated_tokens:
            line += f" ({self.estimated_tokens:,} tokens in estimated by papersum: the server sent no counts)"
        if self.price_problem:
            line += f" (no cost: {self.price_problem})"
        elif self.cost_usd is None:
            line += " (no price for this model in prices.toml)"
        else:
            line += f", about ${self.cost_usd:.4f}" if self.cost_usd else ", $0"
        more = f"; {self.unanswered} more refused or unanswered (no tokens, no cost)"
        return line + (more if self.unanswered else "")

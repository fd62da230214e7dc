"""Paper text → ``PaperSummary``: one backend per module behind ``base.Backend``, and around
whichever one runs, the ``Summarizer`` that gives every backend the same services: the answer
cache (a re-run costs nothing), the call log, the run's usage and its cost."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from papersum.errors import ConfigError
from papersum.models import ModelCall, PaperSummary, PaperText
from papersum.prompts import PromptSet
from papersum.summarize.base import Backend, Summarized
from papersum.summarize.extractive import NAME as EXTRACTIVE
from papersum.summarize.extractive import ExtractiveSummarizer
from papersum.summarize.guard import removal_notes, without_instructions
from papersum.summarize.usage import CallLog, Meter, Usage

if TYPE_CHECKING:
    from papersum.store import Example

__all__ = ["BACKENDS", "Backend", "Summarized", "Summarizer", "make_summarizer"]

BACKENDS = ("auto", "openai", "extractive")
DISAGREE = 6
"""Points between a model's score and the offline one that make a page say "check"."""

log = logging.getLogger(__name__)


class Summarizer:
    """A backend, with its answers cached and its requests logged, counted and priced."""

    def __init__(
        self,
        make_backend: Callable[[Meter], Backend],
        prompts: PromptSet,
        log: CallLog | None = None,
        examples: list[Example] | None = None,
    ) -> None:
        self.prompts = prompts
        self.log = log
        self.usage = Usage()
        self.backend = make_backend(self)
        offline = self.backend.name != EXTRACTIVE
        self.offline = ExtractiveSummarizer(prompts.profile, examples) if offline else None
        """The offline judge that cross-checks a model's relevance scores."""

    @property
    def name(self) -> str:
        """The backend's name (``openai``, ``extractive``)."""
        return self.backend.name

    @property
    def model(self) -> str | None:
        """The model that writes the summaries (None: no model)."""
        return self.backend.model

    @property
    def local(self) -> bool:
        """Whether the model runs on this machine or network."""
        return self.backend.local

    def prepare(self) -> None:
        """Let the backend (and the offline cross-check) get ready while the run resolves."""
        self.backend.prepare()
        if self.offline is not None:
            self.offline.prepare()

    def cancel(self) -> int:
        """Stop the backend's requests in flight; how many were stopped."""
        return self.backend.cancel()

    def summarize(self, paper: PaperText) -> Summarized:
        """The cached answer for ``paper``, else the backend's (then cached). Every backend reads
        the paper without its instruction-like sentences (``guard``); the page notes them."""
        paper, removed = without_instructions(paper)
        notes = removal_notes(removed)
        key = self.backend.cache_key(paper) if self.log is not None else None
        if key is not None and self.log is not None:
            cached = self.log.cached_answer(key)
            if cached is not None:
                log.info('"%s": the summary is cached from an earlier run', paper.title[:60])
                stored = json.loads(cached)
                return Summarized(PaperSummary.model_validate(stored["summary"]), notes + stored["notes"])
        made = self.backend.summarize(paper)
        if key is not None and self.log is not None:
            self.log.cache_answer(
                key, json.dumps({"summary": made.summary.model_dump(), "notes": made.notes})
            )
        return Summarized(made.summary, notes + made.notes, self._cross_check(paper, made.summary))

    def _cross_check(self, paper: PaperText, summary: PaperSummary) -> str | None:
        """For a model's summary: a warning when its score and the offline judgment are
        ``DISAGREE`` points or more apart (neither is trusted silently)."""
        if self.offline is None:
            return None
        offline = self.offline.judge(paper)
        model = summary.relevance.score
        if abs(model - offline.score) < DISAGREE:
            return None
        return (
            f"check: the model scored {model}/10 and the offline judgment {offline.score}/10 "
            f"({offline.reason}); read the paper before trusting either"
        )

    def record(self, call: ModelCall) -> None:
        """Price, count and log one request of the backend (one no server answered has no
        price: nothing was processed)."""
        unanswered = call.counted_by == "none"
        cost = None if unanswered else 0.0 if call.local else self._cost(call)
        call = dataclasses.replace(call, cost_usd=cost)
        log.info(
            "%s request to %s: %s, %d tokens in, %d out, %.1f s",
            call.kind,
            call.model,
            call.outcome,
            call.input_tokens,
            call.output_tokens,
            call.seconds,
        )
        self.usage.add(call)
        if self.log is not None:
            self.log.record_call(call)

    def arrived(self, tokens: int) -> None:
        """Count tokens streaming in (the progress display reads them)."""
        self.usage.arrived(tokens)

    def usage_line(self) -> str | None:
        """The line that ends a run: requests, tokens and cost (None without a model)."""
        return self.usage.line(self.model) if self.model is not None else None

    def _cost(self, call: ModelCall) -> float | None:
        try:
            return self.prompts.price_of(call.model, call.input_tokens, call.output_tokens)
        except ConfigError as exc:  # a broken price table is reported at the end of the run
            self.usage.price_problem = str(exc)
            return None


def make_summarizer(
    backend: str,
    prompts: PromptSet,
    *,
    log: CallLog | None = None,
    model: str | None = None,
    max_input_tokens: int | None = None,
    examples: list[Example] | None = None,
    env: Mapping[str, str] = os.environ,
) -> Summarizer:
    """The summarizer for ``backend`` (``auto`` has been decided by the caller); the openai one
    gets its client built here, once, from ``OPENAI_API_KEY``/``OPENAI_BASE_URL``. ``examples``
    are the user's judged papers (``calibrate``), which move the offline judgment."""
    if backend == "extractive":
        return Summarizer(lambda _meter: ExtractiveSummarizer(prompts.profile, examples), prompts, log)
    if backend == "openai":
        from papersum.summarize.chat import ChatStream
        from papersum.summarize.openai import (
            DEFAULT_MAX_INPUT_TOKENS,
            DEFAULT_MODEL,
            DEFAULT_SILENCE,
            OpenAISummarizer,
        )

        if log is None:
            raise ConfigError("the openai backend needs the run state to log its requests")
        key = env.get("OPENAI_API_KEY") or ""
        silence = _seconds(env, "PAPERSUM_MODEL_TIMEOUT", DEFAULT_SILENCE)

        def openai_backend(meter: Meter) -> Backend:
            chat = ChatStream(key, env.get("OPENAI_BASE_URL") or None, silence, on_tokens=meter.arrived)
            return OpenAISummarizer(
                chat,
                model or DEFAULT_MODEL,
                prompts,
                meter,
                secret=key,
                env=env,
                max_input_tokens=max_input_tokens or DEFAULT_MAX_INPUT_TOKENS,
                examples=examples,
            )

        return Summarizer(openai_backend, prompts, log, examples)
    raise ConfigError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    value = (env.get(name) or "").strip()
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 1 <= seconds <= 86_400:
        raise ConfigError(f"{name}={value!r} is not a number of seconds from 1 up")
    return seconds

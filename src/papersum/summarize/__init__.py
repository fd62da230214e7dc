"""Paper text → ``PaperSummary``: one backend per module behind the ``Summarizer`` protocol."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from papersum.errors import ConfigError
from papersum.models import PaperSummary, PaperText
from papersum.prompts import PromptSet

if TYPE_CHECKING:
    from papersum.summarize.usage import CallLog

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


def make_summarizer(
    backend: str,
    prompts: PromptSet,
    *,
    log: CallLog | None = None,
    model: str | None = None,
    max_input_tokens: int | None = None,
    env: Mapping[str, str] = os.environ,
) -> Summarizer:
    """The summarizer for ``backend`` (``auto`` has been decided by the caller); the openai one
    gets its client built here, once, from ``OPENAI_API_KEY``/``OPENAI_BASE_URL``."""
    if backend == "extractive":
        from papersum.summarize.extractive import ExtractiveSummarizer

        return ExtractiveSummarizer(prompts.profile)
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
        chat = ChatStream(
            key, env.get("OPENAI_BASE_URL") or None, _seconds(env, "PAPERSUM_MODEL_TIMEOUT", DEFAULT_SILENCE)
        )
        return OpenAISummarizer(
            chat,
            model or DEFAULT_MODEL,
            prompts,
            log,
            secret=key,
            env=env,
            max_input_tokens=max_input_tokens or DEFAULT_MAX_INPUT_TOKENS,
        )
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

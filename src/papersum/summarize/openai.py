"""The ``openai`` backend: a prompted model writes the ``PaperSummary``, through the openai client.

Works with OpenAI and with any OpenAI-compatible server (llama.cpp, Ollama, vLLM, LM Studio) via
``OPENAI_BASE_URL``. For each paper:

1. a cached answer for (paper text, prompts, model, schema version, budget) is used as it is;
2. instruction-like sentences are taken out of the paper, which is data, not instructions;
3. the paper goes whole when it fits ``max_input_tokens``, packed by priority when it is up to
   three times over, else in parts whose notes are then combined (map-reduce);
4. the request asks for JSON the way this server takes it (``server.ServerProfile``: a strict
   json_schema, llama.cpp's json_object + schema, …), caps the answer's tokens in the field the
   server reads, and streams (``chat.ChatStream``): it fails on silence, never on total time;
5. an answer that does not validate is sent back once with the error; a refusal, a cut-off
   answer or a second invalid answer fails the paper with a one-line reason;
6. a rejection naming a feature the server lacks changes the request; 429/5xx are retried by
   ``net.retry_transient``; an unanswered request is never re-sent (the server may still be
   working on it); a context-length error shrinks the input and tries once more.

Every HTTP request is recorded (model, prompt hash, the server's token counts, latency) through
the ``CallLog``.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from papersum.errors import Cancelled, ConfigError, SummarizeError
from papersum.models import CountedBy, ModelCall, PaperSummary, PaperText
from papersum.net import Transient, retry_transient, transient_status
from papersum.prompts import PromptSet
from papersum.summarize.answers import BadAnswer, Invalid, parsed
from papersum.summarize.base import Summarized
from papersum.summarize.chat import ChatStream, Rejected, Reply, Silent, Unreachable
from papersum.summarize.packing import (
    PaperBlock,
    estimate_tokens,
    full_text,
    pack_paper,
    split_paper,
)
from papersum.summarize.prompting import PartNotes, Prompter, as_paper, combined
from papersum.summarize.relevance import verdict_of
from papersum.summarize.server import (
    LADDER,
    ServerProfile,
    about_format,
    is_local,
    pinned_mode,
    profile_for,
)
from papersum.summarize.usage import Meter

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletionMessageParam

    from papersum.store import Example

    Messages = list[ChatCompletionMessageParam]

__all__ = ["OpenAISummarizer"]

NAME = "openai"
DEFAULT_MODEL = "gpt-5.4-mini"
DEFAULT_MAX_INPUT_TOKENS = 16_000
DEFAULT_SILENCE = 300.0
"""Seconds without a byte from the server before a request is given up (a CPU server's prompt
processing is silent, so this is generous)."""
SCHEMA_VERSION = 1
MAX_OUTPUT_TOKENS = 8_000
"""OpenAI: room for the answer and a reasoning model's thinking."""
LOCAL_OUTPUT_TOKENS = {"summary": 2_000, "repair": 2_000, "part": 1_000}
"""Other servers: what the answer needs (a summary is about 700 tokens), so a small model that
never closes a string stops in minutes, not at the end of its context."""
_PACK_LIMIT = 3
"""Papers up to this many times the budget are packed; longer ones are read in parts."""
_SHRINK = 0.6
_MIN_PAPER_TOKENS = 1_000
M = TypeVar("M", bound=BaseModel)


class _ContextTooLong(Exception):
    pass


class _Adapted(Exception):
    """The server rejected something it does not support; the profile changed, so send again."""


class OpenAISummarizer:
    """Summarizes with a chat model behind the openai client."""

    name = NAME

    def __init__(
        self,
        chat: ChatStream,
        model: str,
        prompts: PromptSet,
        meter: Meter,
        *,
        secret: str = "",
        max_input_tokens: int = DEFAULT_MAX_INPUT_TOKENS,
        backoff: float = 1.0,
        env: Mapping[str, str] | None = None,
        examples: list[Example] | None = None,
    ) -> None:
        self.chat = chat
        self.model: str | None = model
        self._model = model
        self.prompts = prompts
        self.prompter = Prompter(prompts, examples)
        self.meter = meter
        self.max_input_tokens = max_input_tokens
        self.backoff = backoff
        self._env = dict(env or {})
        self._profile: ServerProfile | None = None
        self._profile_lock = threading.Lock()
        self._down: SummarizeError | None = None
        self._secret = secret
        self._output_cap = _output_cap(self._env)
        pinned_mode(self._env)  # a bad PAPERSUM_STRUCTURED is a usage error now, not per paper
        for template in ("summary.md", "chunk.md"):
            if "{{paper}}" not in prompts.texts.get(template, ""):
                raise ConfigError(
                    f"the prompt {prompts.sources.get(template, template)} has no "
                    "{{paper}} placeholder, so the paper would not be sent; add it"
                )
        overhead = self.prompter.overhead()
        if max_input_tokens - overhead < _MIN_PAPER_TOKENS:
            raise ConfigError(
                f"--max-input-tokens {max_input_tokens} is too small: the prompts alone take about "
                f"{overhead} tokens; allow at least {overhead + _MIN_PAPER_TOKENS}"
            )

    @property
    def profile(self) -> ServerProfile:
        """What the server is and takes: found out on first use, once per base URL."""
        with self._profile_lock:
            if self._profile is None:
                self._profile = profile_for(self.chat.base_url, self._env, self.chat.models)
            return self._profile

    @property
    def local(self) -> bool:
        """Whether the server runs on this machine or network (decided from the URL alone)."""
        return is_local(self._env.get("OPENAI_BASE_URL") or "https://api.openai.com/v1")

    def prepare(self) -> None:
        """Make the client and learn the server now (a run does this while it resolves)."""
        _ = self.profile

    def cancel(self) -> int:
        """Stop the requests in flight (Ctrl-C); how many there were."""
        return self.chat.cancel()

    def cache_key(self, paper: PaperText) -> str:
        """The answer cache's key: the paper as sent, the prompts, model, schema and budget."""
        return self._cache_key(paper)

    def summarize(self, paper: PaperText) -> Summarized:
        """Summarize ``paper`` with the model."""
        notes: list[str] = []
        try:
            summary, how = self._summarize(paper, self.max_input_tokens)
        except _ContextTooLong:
            smaller = int(self.max_input_tokens * _SHRINK)
            try:
                summary, how = self._summarize(paper, smaller)
            except _ContextTooLong as exc:
                raise SummarizeError(
                    f"the paper does not fit the model's context even at {smaller} input tokens "
                    f"({exc}); lower --max-input-tokens"
                ) from exc
            notes.append(
                f"the model's context was too small for {self.max_input_tokens} input "
                f"tokens; the paper was sent within {smaller}"
            )
        return Summarized(_consistent(summary), notes + how)

    def _summarize(self, paper: PaperText, budget: int) -> tuple[PaperSummary, list[str]]:
        room = self.prompter.paper_budget(budget)
        size = estimate_tokens(full_text(paper))
        if size <= room * _PACK_LIMIT:
            block = pack_paper(paper, room)
            how = (
                []
                if block.complete
                else [
                    f"the paper (about {size:,} tokens) was cut to fit {budget:,} input tokens: "
                    "abstract, introduction, conclusion, method and results first"
                ]
            )
            return self._ask_summary(paper, block), how
        parts = split_paper(paper, self.prompter.paper_budget(budget, template="chunk.md"))
        notes = [
            self._ask(self._part_messages(paper, part, i, len(parts)), PartNotes, "part", paper)
            for i, part in enumerate(parts, start=1)
        ]
        block = PaperBlock(combined(paper, notes), complete=False)
        if estimate_tokens(block.text) > room:
            block = pack_paper(as_paper(paper, block.text), room)
        how = [
            f"the paper (about {size:,} tokens) was read in {len(parts)} parts whose notes were then combined"
        ]
        return self._ask_summary(paper, block), how

    def _ask_summary(self, paper: PaperText, block: PaperBlock) -> PaperSummary:
        user = self.prompter.fill("summary.md", paper=block.delimited())
        return self._ask([{"role": "user", "content": user}], PaperSummary, "summary", paper)

    def _part_messages(self, paper: PaperText, part: str, index: int, total: int) -> Messages:
        user = self.prompter.fill(
            "chunk.md",
            paper=PaperBlock(part).delimited(),
            title=paper.title,
            part=str(index),
            parts=str(total),
        )
        return [{"role": "user", "content": user}]

    def _ask(self, messages: Messages, schema: type[M], kind: str, paper: PaperText) -> M:
        """One answer validated against ``schema``, with one repair attempt (messages follow
        the system prompt, which ``_attempt`` adds)."""
        error = ""
        for attempt in ("first", "repair"):
            if attempt == "repair":
                messages = [
                    *messages,
                    {
                        "role": "user",
                        "content": (
                            f"Your answer was not valid: {error[:600]}\nAnswer again with only the "
                            "corrected JSON object."
                        ),
                    },
                ]
            try:
                return self._request(messages, schema, kind if attempt == "first" else "repair", paper)
            except Invalid as exc:
                error = str(exc)
        raise SummarizeError(f"the model's answer was not a valid {schema.__name__} twice ({error[:200]})")

    def _request(self, messages: Messages, schema: type[M], kind: str, paper: PaperText) -> M:
        """One answer; a request the server rejected for a feature it lacks is sent again without
        it, and 429/5xx are retried (an unanswered request never is: the server may still work)."""
        for _ in range(len(LADDER) + 3):  # every adaptation changes the request; the ladder ends
            if self._down is not None:
                raise self._down
            try:
                return retry_transient(
                    lambda: self._attempt(messages, schema, kind, paper), backoff=self.backoff
                )
            except _Adapted:
                continue
            except Transient as exc:
                raise self._fail(f"the model server kept failing ({exc}); try again later") from exc
        raise SummarizeError("the model server rejected every form of the request papersum knows")

    def _attempt(self, messages: Messages, schema: type[M], kind: str, paper: PaperText) -> M:
        """One HTTP request, recorded whatever its outcome."""
        profile = self.profile
        cap = self._output_cap or (MAX_OUTPUT_TOKENS if profile.is_openai else LOCAL_OUTPUT_TOKENS[kind])
        request: dict[str, Any] = {
            "model": self._model,
            "messages": [self.prompter.system(schema, profile.schema_in_prompt), *messages],
            profile.token_field: cap,
        }
        strict = to_strict_schema(schema)
        response_format = profile.response_format(strict, schema.__name__)
        if response_format is not None:
            request["response_format"] = response_format
        if profile.stream_usage:
            request["stream_options"] = {"include_usage": True}
        started = time.monotonic()
        reply: Reply | None = None
        outcome = "ok"
        try:
            reply = self.chat.send(**request)
            return parsed(reply, schema, cap)
        except Rejected as exc:
            outcome = f"http-{exc.status}"
            raise self._rejected(exc, profile) from exc
        except (Invalid, BadAnswer) as exc:
            outcome = "invalid" if isinstance(exc, Invalid) else "bad-answer"
            raise
        except Cancelled:
            outcome = "cancelled"
            raise
        except Silent:
            outcome = "silent"
            raise
        except Unreachable as exc:
            outcome = "unreachable"
            raise self._fail(str(exc)) from exc
        except SummarizeError:
            outcome = "error"
            raise
        finally:
            self._record(paper, kind, request, reply, time.monotonic() - started, outcome, profile)

    def _rejected(self, exc: Rejected, profile: ServerProfile) -> Exception:
        """What a rejected request means: a feature to drop, a context to shrink, a wait, or a
        failure quoting the server."""
        message = self._scrub(exc.message)[:300]
        if _is_context_length(exc):
            return _ContextTooLong(message)
        if profile.adapt(message):
            return _Adapted(message)
        if about_format(message):
            hint = (
                f"PAPERSUM_STRUCTURED pins {profile.mode}, which this server does not take"
                if profile.pinned
                else "no other way of asking for JSON is left to try"
            )
            return SummarizeError(
                f"the model server rejected the request (HTTP {exc.status}: {message[:200]}); {hint}"
            )
        failure = transient_status(exc.status, exc.retry_after)
        if failure is not None and exc.code != "insufficient_quota":  # no wait refills a quota
            return Transient(f"HTTP {exc.status}: {message[:160]}", failure.retry_after)
        if exc.status in (401, 403):
            return self._fail(
                f"the model server refused the API key (HTTP {exc.status}: "
                f"{message[:120]}); check OPENAI_API_KEY"
            )
        if exc.status == 404 or exc.code == "model_not_found":
            return self._fail(
                f"the model server has no model {self._model!r} (HTTP {exc.status}: "
                f"{message[:120]}); set --model or PAPERSUM_MODEL"
            )
        if exc.code == "insufficient_quota":
            return self._fail("the OpenAI account is out of quota (HTTP 429 insufficient_quota)")
        return SummarizeError(f"the model server rejected the request (HTTP {exc.status}: {message[:200]})")

    def _fail(self, message: str) -> SummarizeError:
        """An error every later request would meet too: remember it, so they fail at once."""
        self._down = SummarizeError(self._scrub(message))
        return self._down

    def _record(
        self,
        paper: PaperText,
        kind: str,
        request: dict[str, Any],
        reply: Reply | None,
        seconds: float,
        outcome: str,
        profile: ServerProfile,
    ) -> None:
        counted: CountedBy = "server"
        if reply is None:  # rejected or unanswered: the server processed nothing it reported
            tokens_in = tokens_out = 0
            counted = "none"
        elif reply.prompt_tokens is not None:
            tokens_in, tokens_out = reply.prompt_tokens, reply.completion_tokens or 0
        else:  # no counts from the server: estimate the prompt; a streamed chunk is about a token
            tokens_in = estimate_tokens(json.dumps(request["messages"]))
            tokens_out = reply.chunks or estimate_tokens(reply.content)
            counted = "estimate"
        call = ModelCall(
            paper=paper.sha256,
            model=self._model,
            prompt_sha256=self.prompts.sha256,
            kind=kind,
            input_tokens=tokens_in,
            output_tokens=tokens_out,
            seconds=round(seconds, 3),
            outcome=outcome,
            counted_by=counted,
            server=f"{profile.family} {profile.base_url}",
            local=profile.local,
        )
        self.meter.record(call)

    def _cache_key(self, paper: PaperText) -> str:
        parts = [
            full_text(paper),
            self.prompts.sha256,
            self._model,
            str(SCHEMA_VERSION),
            str(self.max_input_tokens),
            self.prompter.judged,  # the user's judged papers shown to the model
        ]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def _scrub(self, text: str) -> str:
        return text.replace(self._secret, "***") if len(self._secret) >= 8 else text


def to_strict_schema(schema: type[BaseModel]) -> dict[str, Any]:
    """The strict JSON schema of a pydantic model, as the openai client builds it for ``parse``."""
    from openai.lib._pydantic import to_strict_json_schema

    return to_strict_json_schema(schema)


def _output_cap(env: Mapping[str, str]) -> int | None:
    value = (env.get("PAPERSUM_MAX_OUTPUT_TOKENS") or "").strip()
    if not value:
        return None
    if not value.isdigit() or not 256 <= int(value) <= 200_000:
        raise ConfigError(f"PAPERSUM_MAX_OUTPUT_TOKENS={value!r} is not a number of tokens from 256 up")
    return int(value)


def _consistent(summary: PaperSummary) -> PaperSummary:
    """The verdict follows the score, as the rubric says, whatever the model wrote."""
    relevance = summary.relevance.model_copy(update={"verdict": verdict_of(summary.relevance.score)})
    return summary.model_copy(update={"relevance": relevance})


def _is_context_length(exc: Rejected) -> bool:
    text = f"{exc.code} {exc.message}".lower()
    return "context_length" in text or "context length" in text or "maximum context" in text

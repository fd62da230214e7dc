"""The ``openai`` backend: a prompted model writes the ``PaperSummary``, through the openai client.

Works with OpenAI and with any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio) via
``OPENAI_BASE_URL``. For each paper:

1. a cached answer for (paper text, prompts, model, schema version, budget) is used as it is;
2. instruction-like sentences are taken out of the paper, which is data, not instructions;
3. the paper goes whole when it fits ``max_input_tokens``, packed by priority when it is up to
   three times over, else in parts whose notes are then combined (map-reduce);
4. the request asks for a strict json_schema built from the pydantic model (``parse``); a server
   that rejects json_schema gets ``json_object`` plus the schema in the prompt from then on;
5. an answer that does not validate is sent back once with the error; a refusal, a cut-off
   answer or a second invalid answer fails the paper with a one-line reason;
6. 429/5xx/timeouts are retried by ``net.retry_transient`` (the client's own retries are off);
   a context-length error shrinks the input and tries once more.

Every request is recorded (model, prompt hash, tokens, latency) through the ``CallLog``.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from papersum.errors import ConfigError, SummarizeError
from papersum.models import PaperSummary, PaperText, Section
from papersum.net import Transient, retry_transient, transient_status
from papersum.prompts import PromptSet
from papersum.summarize import Summarized
from papersum.summarize.packing import (
    PaperBlock,
    estimate_tokens,
    full_text,
    pack_paper,
    remove_instructions,
    split_paper,
)
from papersum.summarize.relevance import verdict_of

if TYPE_CHECKING:
    import openai
    from openai.types.chat import ChatCompletionMessageParam, ChatCompletionSystemMessageParam

    Messages = list[ChatCompletionMessageParam]

NAME = "openai"
DEFAULT_MODEL = "gpt-5.4-mini"
DEFAULT_MAX_INPUT_TOKENS = 16_000
SCHEMA_VERSION = 1
MAX_OUTPUT_TOKENS = 8_000
"""Room for the answer (and a reasoning model's thinking)."""
_PACK_LIMIT = 3
"""Papers up to this many times the budget are packed; longer ones are read in parts."""
_SHRINK = 0.6
_MIN_PAPER_TOKENS = 1_000
M = TypeVar("M", bound=BaseModel)


class PartNotes(BaseModel):
    """The map step's answer: notes on one part of a long paper."""

    model_config = ConfigDict(extra="forbid")

    notes: str
    quotes: list[str]


@dataclass(frozen=True)
class ModelCall:
    """One request to the model, for the audit log."""

    paper: str
    model: str
    prompt_sha256: str
    kind: str
    input_tokens: int
    output_tokens: int
    seconds: float
    outcome: str
    cost_usd: float | None = None


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
    """Requests and tokens of this run (thread-safe)."""

    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def add(self, call: ModelCall) -> None:
        """Count one request."""
        with self._lock:
            self.requests += 1
            self.input_tokens += call.input_tokens
            self.output_tokens += call.output_tokens


class _ContextTooLong(Exception):
    pass


class _Invalid(Exception):
    """An answer that does not validate; carries the response body for the audit log."""

    def __init__(self, error: ValidationError, body: dict[str, Any]) -> None:
        super().__init__(_validation_message(error))
        self.body = body


class _BadAnswer(SummarizeError):
    """A refused or cut-off answer; carries the response body for the audit log."""

    def __init__(self, message: str, body: dict[str, Any]) -> None:
        super().__init__(message)
        self.body = body


class OpenAISummarizer:
    """Summarizes with a chat model behind the openai client."""

    name = NAME

    def __init__(
        self, make_client: Callable[[], openai.OpenAI], model: str, prompts: PromptSet,
        log: CallLog, *, secret: str = "", max_input_tokens: int = DEFAULT_MAX_INPUT_TOKENS,
        backoff: float = 1.0,
    ) -> None:
        self._make_client = make_client
        self._client: openai.OpenAI | None = None
        self._client_lock = threading.Lock()
        self.model: str | None = model
        self._model = model
        self.prompts = prompts
        self.log = log
        self.max_input_tokens = max_input_tokens
        self.backoff = backoff
        self.usage = Usage()
        self._json_schema = True  # until the server says it cannot do json_schema
        self._down: SummarizeError | None = None
        self._secret = secret
        for template in ("summary.md", "chunk.md"):
            if "{{paper}}" not in prompts.texts.get(template, ""):
                raise ConfigError(f"the prompt {prompts.sources.get(template, template)} has no "
                                  "{{paper}} placeholder, so the paper would not be sent; add it")
        if self._paper_budget(max_input_tokens) < _MIN_PAPER_TOKENS:
            raise ConfigError(
                f"--max-input-tokens {max_input_tokens} is too small: the prompts alone take about "
                f"{self._overhead()} tokens; allow at least {self._overhead() + _MIN_PAPER_TOKENS}"
            )

    @property
    def client(self) -> openai.OpenAI:
        """The openai client, made on first use (importing openai takes most of a second)."""
        with self._client_lock:
            if self._client is None:
                self._client = self._make_client()
            return self._client

    def prepare(self) -> None:
        """Make the client now (a run calls this in the background while it resolves)."""
        _ = self.client

    def summarize(self, paper: PaperText) -> Summarized:
        """Summarize ``paper`` with the model (or from the answer cache)."""
        paper, removed = _without_instructions(paper)
        key = self._cache_key(paper)
        cached = self.log.cached_answer(key)
        if cached is not None:
            stored = json.loads(cached)
            return Summarized(PaperSummary.model_validate(stored["summary"]), stored["notes"])
        notes = [f'removed an instruction-like sentence from the paper: "{s[:120]}"' for s in removed]
        try:
            summary, how = self._summarize(paper, self.max_input_tokens)
        except _ContextTooLong:
            smaller = int(self.max_input_tokens * _SHRINK)
            try:
                summary, how = self._summarize(paper, smaller)
            except _ContextTooLong as exc:
                raise SummarizeError(
                    f"the paper does not fit the model's context even at {smaller} input tokens; "
                    "lower --max-input-tokens"
                ) from exc
            notes.append(f"the model's context was too small for {self.max_input_tokens} input "
                         f"tokens; the paper was sent within {smaller}")
        notes += how
        summary = _consistent(summary)
        self.log.cache_answer(key, json.dumps({"summary": summary.model_dump(), "notes": notes}))
        return Summarized(summary, notes)

    def _summarize(self, paper: PaperText, budget: int) -> tuple[PaperSummary, list[str]]:
        room = self._paper_budget(budget)
        size = estimate_tokens(full_text(paper))
        if size <= room * _PACK_LIMIT:
            block = pack_paper(paper, room)
            how = [] if block.complete else [
                f"the paper (about {size:,} tokens) was cut to fit {budget:,} input tokens: "
                "abstract, introduction, conclusion, method and results first"]
            return self._ask_summary(paper, block), how
        parts = split_paper(paper, self._paper_budget(budget, template="chunk.md"))
        notes = [self._ask(self._part_messages(paper, part, i, len(parts)), PartNotes, "part", paper)
                 for i, part in enumerate(parts, start=1)]
        block = PaperBlock(_combined(paper, notes), complete=False)
        if estimate_tokens(block.text) > room:
            block = pack_paper(_as_paper(paper, block.text), room)
        how = [f"the paper (about {size:,} tokens) was read in {len(parts)} parts whose notes "
               "were then combined"]
        return self._ask_summary(paper, block), how

    def _ask_summary(self, paper: PaperText, block: PaperBlock) -> PaperSummary:
        user = self._fill("summary.md", paper=block.delimited())
        return self._ask([{"role": "user", "content": user}], PaperSummary, "summary", paper)

    def _part_messages(self, paper: PaperText, part: str, index: int, total: int) -> Messages:
        user = self._fill("chunk.md", paper=PaperBlock(part).delimited(), title=paper.title,
                          part=str(index), parts=str(total))
        return [{"role": "user", "content": user}]

    def _ask(self, messages: Messages, schema: type[M], kind: str, paper: PaperText) -> M:
        """One answer validated against ``schema``, with one repair attempt (messages follow
        the system prompt, which ``_send`` adds)."""
        error = ""
        for attempt in ("first", "repair"):
            if attempt == "repair":
                messages = [*messages, {"role": "user", "content": (
                    f"Your answer was not valid: {error[:600]}\nAnswer again with only the "
                    "corrected JSON object.")}]
            try:
                return self._request(messages, schema, kind if attempt == "first" else "repair", paper)
            except _Invalid as exc:
                error = str(exc)
        raise SummarizeError(f"the model's answer was not a valid {schema.__name__} twice ({error[:200]})")

    def _request(self, messages: Messages, schema: type[M], kind: str, paper: PaperText) -> M:
        if self._down is not None:
            raise self._down
        started = time.monotonic()
        outcome = "ok"
        body: dict[str, Any] = {}
        try:
            body, parsed = retry_transient(lambda: self._send(messages, schema), backoff=self.backoff)
            return parsed
        except Transient as exc:
            outcome = "error"
            raise self._fail(f"the model server kept failing ({exc}); try again later") from exc
        except (_Invalid, _BadAnswer) as exc:
            outcome = "invalid" if isinstance(exc, _Invalid) else "bad-answer"
            body = exc.body
            raise
        except (SummarizeError, _ContextTooLong) as exc:
            outcome = "context-too-long" if isinstance(exc, _ContextTooLong) else "error"
            raise
        finally:
            self._record(paper, kind, messages, body, time.monotonic() - started, outcome)

    def _send(self, messages: Messages, schema: type[M]) -> tuple[dict[str, Any], M]:
        """One HTTP request; returns the response body and the validated answer."""
        import openai

        try:
            if self._json_schema:
                try:
                    raw = self.client.chat.completions.with_raw_response.parse(
                        model=self._model, messages=[self._system(schema), *messages],
                        response_format=schema, max_completion_tokens=MAX_OUTPUT_TOKENS)
                except openai.BadRequestError as exc:
                    if not _rejects_json_schema(exc):
                        raise
                    self._json_schema = False  # ask this server for plain JSON from now on
                    return self._send(messages, schema)
                return _parsed(raw.text, lambda: raw.parse().choices[0].message, schema)
            plain = self.client.chat.completions.with_raw_response.create(
                model=self._model, messages=[self._system(schema), *messages],
                response_format={"type": "json_object"}, max_completion_tokens=MAX_OUTPUT_TOKENS)
            return _parsed(plain.text, None, schema)
        except openai.APIStatusError as exc:
            raise self._status_error(exc) from exc
        except openai.APITimeoutError as exc:
            raise Transient("timed out") from exc
        except openai.APIConnectionError as exc:
            raise self._fail(f"cannot reach the model server at {self.client.base_url} "
                             "(check OPENAI_BASE_URL)") from exc

    def _status_error(self, exc: openai.APIStatusError) -> Exception:
        status, message = exc.status_code, self._scrub(str(exc.message))
        failure = transient_status(status, exc.response.headers.get("retry-after"))
        if failure is not None and exc.code != "insufficient_quota":  # no wait refills a quota
            return failure
        if status == 400 and _is_context_length(exc):  # some servers say 413 or 422 too
            return _ContextTooLong(message)
        if status in (401, 403):
            return self._fail(f"the model server refused the API key (HTTP {status}); check OPENAI_API_KEY")
        if status == 404:
            return self._fail(f"the model server has no model {self._model!r} (HTTP 404); "
                              "set --model or PAPERSUM_MODEL")
        if exc.code == "insufficient_quota":
            return self._fail("the OpenAI account is out of quota (HTTP 429 insufficient_quota)")
        return SummarizeError(f"the model server rejected the request (HTTP {status}: {message[:200]})")

    def _fail(self, message: str) -> SummarizeError:
        """An error every later request would meet too: remember it, so they fail at once."""
        self._down = SummarizeError(self._scrub(message))
        return self._down

    def _record(self, paper: PaperText, kind: str, messages: Messages, body: dict[str, Any],
                seconds: float, outcome: str) -> None:
        usage = body.get("usage") or {}
        tokens_in = int(usage.get("prompt_tokens") or estimate_tokens(json.dumps(messages)))
        tokens_out = int(usage.get("completion_tokens") or 0)
        call = ModelCall(
            paper=paper.sha256, model=self._model, prompt_sha256=self.prompts.sha256, kind=kind,
            input_tokens=tokens_in, output_tokens=tokens_out, seconds=round(seconds, 3),
            outcome=outcome, cost_usd=self._cost(tokens_in, tokens_out),
        )
        self.usage.add(call)
        self.log.record_call(call)

    def _cost(self, tokens_in: int, tokens_out: int) -> float | None:
        try:
            return self.prompts.price_of(self._model, tokens_in, tokens_out)
        except ConfigError:  # a broken price table is reported at the end of the run
            return None

    def _system(self, schema: type[BaseModel]) -> ChatCompletionSystemMessageParam:
        text = self.prompts.texts["system.md"]
        if not self._json_schema:
            text += ("\n\nThe JSON object must follow this JSON schema:\n"
                     + json.dumps(schema.model_json_schema()))
        return {"role": "system", "content": text}

    def _fill(self, template: str, **values: str) -> str:
        text = self.prompts.texts[template]
        values = {"profile": self.prompts.profile, "rubric": self.prompts.texts["rubric.md"], **values}
        for name, value in values.items():
            text = text.replace("{{" + name + "}}", value)
        return text

    def _overhead(self, template: str = "summary.md") -> int:
        prompt = self.prompts.texts["system.md"] + self._fill(template, paper="<paper-0000>\n\n</paper-0000>")
        schema = json.dumps(PaperSummary.model_json_schema())
        return estimate_tokens(prompt) + estimate_tokens(schema) + 350  # + framing, a repair message

    def _paper_budget(self, budget: int, template: str = "summary.md") -> int:
        return budget - self._overhead(template)

    def _cache_key(self, paper: PaperText) -> str:
        parts = [full_text(paper), self.prompts.sha256, self._model, str(SCHEMA_VERSION),
                 str(self.max_input_tokens)]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def _scrub(self, text: str) -> str:
        return text.replace(self._secret, "***") if len(self._secret) >= 8 else text


def _parsed(body_text: str, message: Any, schema: type[M]) -> tuple[dict[str, Any], M]:
    """The response body and the validated answer; refusals and cut-off answers fail."""
    try:
        body = json.loads(body_text)
        choice = body["choices"][0]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise SummarizeError(f"the model server sent an unreadable response ({exc})") from exc
    answer = choice.get("message") or {}
    if answer.get("refusal"):
        raise _BadAnswer(f"the model refused: {str(answer['refusal'])[:200]}", body)
    if choice.get("finish_reason") == "length":
        raise _BadAnswer(
            f"the model's answer was cut off at its output limit ({MAX_OUTPUT_TOKENS} tokens)", body)
    if choice.get("finish_reason") == "content_filter":
        raise _BadAnswer("the model server's content filter stopped the answer", body)
    try:
        if message is not None:
            parsed = message().parsed  # the client's own pydantic parsing
            if isinstance(parsed, schema):
                return body, parsed
        return body, schema.model_validate_json(answer.get("content") or "")
    except ValidationError as exc:
        raise _Invalid(exc, body) from exc


def _consistent(summary: PaperSummary) -> PaperSummary:
    """The verdict follows the score, as the rubric says, whatever the model wrote."""
    relevance = summary.relevance.model_copy(update={"verdict": verdict_of(summary.relevance.score)})
    return summary.model_copy(update={"relevance": relevance})


def _without_instructions(paper: PaperText) -> tuple[PaperText, list[str]]:
    abstract, removed = remove_instructions(paper.abstract)
    sections = []
    for section in paper.sections:
        text, more = remove_instructions(section.text)
        sections.append(Section(heading=section.heading, text=text))
        removed += more
    return paper.model_copy(update={"abstract": abstract, "sections": sections}), removed


def _combined(paper: PaperText, notes: list[PartNotes]) -> str:
    parts = [f"# {paper.title}", f"## Abstract\n{paper.abstract}"]
    for i, part in enumerate(notes, start=1):
        quotes = "\n".join(f"- {q}" for q in part.quotes)
        parts.append(f"## Notes on part {i} of {len(notes)}\n{part.notes}\n\n"
                     f"Quotes from this part:\n{quotes}")
    return "\n\n".join(parts)


def _as_paper(paper: PaperText, text: str) -> PaperText:
    return paper.model_copy(update={"abstract": "", "sections": [Section(heading="Notes", text=text)]})


def _rejects_json_schema(exc: openai.BadRequestError) -> bool:
    text = f"{exc.message} {exc.body}".lower()
    return "json_schema" in text or "response_format" in text


def _is_context_length(exc: openai.APIStatusError) -> bool:
    text = f"{exc.code} {exc.message}".lower()
    return "context_length" in text or "context length" in text or "maximum context" in text


def _validation_message(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'answer'}: {e['msg']}" for e in exc.errors())

"""A small OpenAI-compatible chat completions server on 127.0.0.1, for the real openai client.

It answers ``POST /v1/chat/completions`` (streamed as server-sent events when ``stream`` is set,
as papersum always asks) and ``GET /v1/models``, records every request, and answers from a queue
of canned replies; with the queue empty it answers like a dull but honest model: a valid summary
whose quotes are sentences of the paper.

``family`` makes it behave as one kind of server does, as its source and docs say:

- ``openai``: a strict ``json_schema`` or ``json_object``; reads ``max_completion_tokens`` and, as
  for OpenAI's reasoning models, rejects ``max_tokens`` (400); ``owned_by: system``.
- ``llama-cpp-python`` (``python -m llama_cpp.server``): its ``response_format`` type is only
  ``text`` or ``json_object`` (a schema goes in ``json_object``'s ``schema``), and any other type
  fails validation inside its route handler, which answers **HTTP 500** quoting the validation
  error; reads only ``max_tokens`` (without it, a model that never ends its JSON generates until
  the context is full); ``owned_by: me``; sends no usage when streaming.
- ``ollama``: ``json_schema`` (turned into its ``format``) or ``json_object``; ``max_tokens``;
  ``owned_by: library``.
- ``lm-studio``: only ``json_schema`` (400 for ``json_object``); ``owned_by: organization_owner``.
- ``unknown``: no ``/v1/models``; takes whatever ``reject_json_schema`` allows.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from .localserver import Handler, LocalServer

_PAPER = re.compile(r"<(paper-[0-9a-f]{8})>\n(.*?)\n</\1>", re.DOTALL)
OWNER = {"openai": "system", "llama-cpp-python": "me", "ollama": "library", "lm-studio": "organization_owner"}
CONTEXT = 8192
"""The context size of the stand-in's "model" (for servers that generate until it is full)."""


@dataclass(frozen=True)
class Reply:
    """One canned reply: an answer (``content``) or an HTTP error (``status`` ≥ 400)."""

    content: Any = None
    status: int = 200
    error: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    finish_reason: str = "stop"
    refusal: str | None = None
    completion_tokens: int | None = None


def summary(score: int = 8, quotes: tuple[str, ...] = (), verdict: str = "relevant") -> dict[str, Any]:
    """A valid PaperSummary answer."""
    return {
        "tldr": "The model's TL;DR.",
        "problem": "The model's problem.",
        "method": "The model's method.",
        "results": "The model's results.",
        "limitations": "The model's limitations.",
        "key_contributions": ["First contribution.", "Second contribution."],
        "relevance": {
            "score": score,
            "verdict": verdict,
            "rationale": "The model's rationale.",
            "quotes": list(quotes),
        },
    }


def paper_of(request: dict[str, Any]) -> str:
    """The paper text a request carries between its markers."""
    for message in request["messages"]:
        match = _PAPER.search(str(message.get("content", "")))
        if match:
            return match.group(2)
    return ""


def schema_name(request: dict[str, Any]) -> str:
    """Which answer a request asks for: ``PaperSummary`` or ``PartNotes``."""
    fmt = request.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        return str(fmt["json_schema"]["name"])
    if fmt.get("schema"):
        return "PartNotes" if "notes" in fmt["schema"].get("properties", {}) else "PaperSummary"
    return "PartNotes" if '"title": "PartNotes"' in request["messages"][0]["content"] else "PaperSummary"


def honest_answer(request: dict[str, Any]) -> Reply:
    """A valid answer for any request, quoting the paper's first long sentences."""
    sentences = [
        s.strip()
        for s in re.split(r"(?<=[.!?])\s+", paper_of(request))
        if len(s.split()) >= 6 and not s.startswith("#")
    ]
    quotes = tuple(s[:200] for s in sentences[:2])
    if schema_name(request) == "PartNotes":
        return Reply({"notes": "Notes on this part.", "quotes": list(quotes)})
    return Reply(summary(7, quotes))


def tokens_of(text: str) -> int:
    """The stand-in's token count: four characters a token."""
    return max(1, len(text) // 4)


class FakeOpenAI(LocalServer):
    """The server; ``start()`` it, point ``OPENAI_BASE_URL`` at ``base_url``, ``stop()`` it."""

    def __init__(
        self,
        answer: Callable[[dict[str, Any]], Reply] = honest_answer,
        *,
        family: str = "unknown",
        latency: float = 0.0,
        token_delay: float = 0.0,
    ) -> None:
        self.answer = answer
        self.family = family
        self.latency = latency
        """Seconds before the first byte of each answer (a CPU server processing the prompt)."""
        self.token_delay = token_delay
        """Seconds between streamed chunks."""
        self.replies: deque[Reply] = deque()
        self.requests: list[dict[str, Any]] = []
        self.statuses: list[int] = []
        self.times: list[float] = []
        self.disconnects = 0
        """Streams the client closed before the answer was whole."""
        self.reject_json_schema = False
        self.hide_models = False
        """Answer ``GET /v1/models`` with 404, as a server papersum cannot recognise."""
        self.in_flight = 0
        self.most_in_flight = 0
        self._count = threading.Lock()
        super().__init__(_handler_for(self))

    @property
    def base_url(self) -> str:
        """The ``/v1`` root for ``OPENAI_BASE_URL``."""
        return f"{self.root}/v1"

    def queue(self, *replies: Reply | dict[str, Any] | str) -> None:
        """Answer the next requests with these (a dict or str is the answer's content)."""
        self.replies.extend(r if isinstance(r, Reply) else Reply(r) for r in replies)

    def models(self) -> tuple[int, dict[str, Any]]:
        """``GET /v1/models``."""
        if self.family not in OWNER or self.hide_models:
            return 404, {"error": {"message": "no such route"}}
        return 200, {
            "object": "list",
            "data": [
                {"id": "test-model", "object": "model", "created": 1700000000, "owned_by": OWNER[self.family]}
            ],
        }

    def respond(self, request: dict[str, Any]) -> tuple[int, dict[str, Any], dict[str, str], Reply | None]:
        """Check a request's shape as this family would; then the reply to send."""
        problem = self._rejection(request)
        if problem is not None:
            status, message = problem
            return (
                status,
                {
                    "error": {
                        "message": message,
                        "type": "invalid_request_error",
                        "param": "response_format",
                        "code": None,
                    }
                },
                {},
                None,
            )
        reply = self.replies.popleft() if self.replies else self.answer(request)
        if reply.status >= 400:
            return reply.status, {"error": reply.error}, reply.headers, None
        cap = self._cap(request)
        if cap is None and self.family == "llama-cpp-python" and reply.finish_reason == "stop":
            # no max_tokens it reads: a small model that never closes its JSON runs to the context
            prompt = tokens_of(json.dumps(request["messages"]))
            return (
                200,
                {},
                reply.headers,
                Reply(
                    '{"tldr": "' + "and so on " * 200,
                    finish_reason="length",
                    completion_tokens=CONTEXT - prompt,
                ),
            )
        return 200, {}, reply.headers, reply

    def _cap(self, request: dict[str, Any]) -> int | None:
        field_name = {"openai": "max_completion_tokens"}.get(self.family, "max_tokens")
        if self.family in ("unknown", "ollama"):
            return request.get("max_tokens") or request.get("max_completion_tokens")
        value = request.get(field_name)
        return int(value) if value else None

    def _rejection(self, request: dict[str, Any]) -> tuple[int, str] | None:
        if not isinstance(request.get("model"), str) or not request["model"]:
            return 400, "bad request shape: no model"
        messages = request.get("messages")
        if not messages or not all(m.get("role") in ("system", "user", "assistant") for m in messages):
            return 400, "bad request shape: no messages"
        fmt = request.get("response_format") or {}
        kind = fmt.get("type")
        if self.family == "llama-cpp-python" and kind not in (None, "text", "json_object"):
            return 500, (
                "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', "
                "'response_format', 'type'), 'msg': \"Input should be 'text' or "
                f"'json_object'\", 'input': '{kind}', 'ctx': {{'expected': \"'text' or "
                '\'json_object\'"}}\n\n  File "llama_cpp/server/app.py", line 376, in '
                "create_chat_completion\n    POST /v1/chat/completions"
            )
        if self.family == "lm-studio" and kind not in (None, "text", "json_schema"):
            return 400, "'response_format.type' must be 'json_schema' or 'text'"
        if self.family == "openai" and "max_tokens" in request:
            return 400, (
                "Unsupported parameter: 'max_tokens' is not supported with this model. "
                "Use 'max_completion_tokens' instead."
            )
        if self.reject_json_schema and kind == "json_schema":
            return 400, "response_format json_schema is not supported by this server"
        if kind == "json_schema":
            return _strict_problem(fmt.get("json_schema", {}))
        return None

    def chunks(self, request: dict[str, Any], reply: Reply) -> list[dict[str, Any]]:
        """The streamed answer: role, content in pieces, the finish, and usage when asked."""
        content = reply.content if isinstance(reply.content, str) else json.dumps(reply.content)
        if reply.refusal:
            content = ""
        base = {
            "id": "chatcmpl-test",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": request["model"],
        }
        pieces = [content[i : i + 16] for i in range(0, len(content), 16)]
        chunks = [{**base, "choices": [{"index": 0, "delta": {"role": "assistant"}, "finish_reason": None}]}]
        chunks += [
            {**base, "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]}
            for p in pieces
        ]
        if reply.refusal:
            chunks.append(
                {
                    **base,
                    "choices": [{"index": 0, "delta": {"refusal": reply.refusal}, "finish_reason": None}],
                }
            )
        chunks.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": reply.finish_reason}]})
        wants_usage = (request.get("stream_options") or {}).get("include_usage")
        if wants_usage and self.family != "llama-cpp-python":
            prompt = tokens_of(json.dumps(request["messages"]))
            out = reply.completion_tokens or tokens_of(content)
            chunks.append(
                {
                    **base,
                    "choices": [],
                    "usage": {
                        "prompt_tokens": prompt,
                        "completion_tokens": out,
                        "total_tokens": prompt + out,
                    },
                }
            )
        return chunks

    def whole(self, request: dict[str, Any], reply: Reply) -> dict[str, Any]:
        """The answer in one body (``stream`` not set)."""
        content = reply.content if isinstance(reply.content, str) else json.dumps(reply.content)
        prompt = tokens_of(json.dumps(request["messages"]))
        return {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request["model"],
            "choices": [
                {
                    "index": 0,
                    "finish_reason": reply.finish_reason,
                    "message": {
                        "role": "assistant",
                        "content": None if reply.refusal else content,
                        "refusal": reply.refusal,
                    },
                }
            ],
            "usage": {
                "prompt_tokens": prompt,
                "completion_tokens": tokens_of(content),
                "total_tokens": prompt + tokens_of(content),
            },
        }


def _strict_problem(spec: dict[str, Any]) -> tuple[int, str] | None:
    if spec.get("strict") is not True:
        return 400, "bad request shape: not a strict json_schema"
    schema = spec.get("schema", {})
    if schema.get("additionalProperties") is not False or set(schema.get("required", [])) != set(
        schema.get("properties", {})
    ):
        return (
            400,
            "bad request shape: schema is not strict (every property required, no additional properties)",
        )
    return None


def _handler_for(server: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class OpenAIHandler(Handler):
        def do_GET(self) -> None:
            status, body = server.models() if self.path == "/v1/models" else (404, {"error": {}})
            self.reply(status, json.dumps(body).encode(), "application/json")

        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            server.requests.append(request)
            server.times.append(time.monotonic())
            if self.path != "/v1/chat/completions":
                server.statuses.append(404)
                self.reply(404, b'{"error": {"message": "no such route"}}', "application/json")
                return
            status, body, headers, reply = server.respond(request)
            server.statuses.append(status)
            if reply is None:
                self.reply(status, json.dumps(body).encode(), "application/json", headers)
                return
            with server._count:
                server.in_flight += 1
                server.most_in_flight = max(server.most_in_flight, server.in_flight)
            try:
                self.answer(request, reply, headers)
            finally:
                with server._count:
                    server.in_flight -= 1

        def answer(self, request: dict[str, Any], reply: Reply, headers: dict[str, str]) -> None:
            time.sleep(server.latency)
            if not request.get("stream"):
                self.reply(
                    200, json.dumps(server.whole(request, reply)).encode(), "application/json", headers
                )
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            try:
                for chunk in server.chunks(request, reply):
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                    time.sleep(server.token_delay)
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                server.disconnects += 1

    return OpenAIHandler

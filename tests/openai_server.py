"""A small OpenAI-compatible chat completions server on 127.0.0.1, for the real openai client.

It checks each request's shape (a model, messages, and a strict json_schema or json_object
response format), records it, and answers from a queue of canned replies; with the queue empty it
answers like a dull but honest model: a valid summary whose quotes are sentences of the paper.
"""

from __future__ import annotations

import json
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from .localserver import Handler, LocalServer

_PAPER = re.compile(r"<(paper-[0-9a-f]{8})>\n(.*?)\n</\1>", re.DOTALL)


@dataclass(frozen=True)
class Reply:
    """One canned reply: an answer (``content``) or an HTTP error (``status`` ≥ 400)."""

    content: Any = None
    status: int = 200
    error: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    finish_reason: str = "stop"
    refusal: str | None = None


def summary(score: int = 8, quotes: tuple[str, ...] = (), verdict: str = "relevant") -> dict[str, Any]:
    """A valid PaperSummary answer."""
    return {
        "tldr": "The model's TL;DR.", "problem": "The model's problem.", "method": "The model's method.",
        "results": "The model's results.", "limitations": "The model's limitations.",
        "key_contributions": ["First contribution.", "Second contribution."],
        "relevance": {"score": score, "verdict": verdict, "rationale": "The model's rationale.",
                      "quotes": list(quotes)},
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
    fmt = request.get("response_format", {})
    if fmt.get("type") == "json_schema":
        return str(fmt["json_schema"]["name"])
    return "PartNotes" if '"title": "PartNotes"' in request["messages"][0]["content"] else "PaperSummary"


def honest_answer(request: dict[str, Any]) -> Reply:
    """A valid answer for any request, quoting the paper's first long sentences."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", paper_of(request))
                 if len(s.split()) >= 6 and not s.startswith("#")]
    quotes = tuple(s[:200] for s in sentences[:2])
    if schema_name(request) == "PartNotes":
        return Reply({"notes": "Notes on this part.", "quotes": list(quotes)})
    return Reply(summary(7, quotes))


class FakeOpenAI(LocalServer):
    """The server; ``start()`` it, point ``OPENAI_BASE_URL`` at ``base_url``, ``stop()`` it."""

    def __init__(self, answer: Callable[[dict[str, Any]], Reply] = honest_answer, *,
                 latency: float = 0.0) -> None:
        self.answer = answer
        self.latency = latency
        self.replies: deque[Reply] = deque()
        self.requests: list[dict[str, Any]] = []
        self.times: list[float] = []
        self.reject_json_schema = False
        super().__init__(_handler_for(self))

    @property
    def base_url(self) -> str:
        """The ``/v1`` root for ``OPENAI_BASE_URL``."""
        return f"{self.root}/v1"

    def queue(self, *replies: Reply | dict[str, Any] | str) -> None:
        """Answer the next requests with these (a dict or str is the answer's content)."""
        self.replies.extend(r if isinstance(r, Reply) else Reply(r) for r in replies)

    def respond(self, request: dict[str, Any]) -> tuple[int, dict[str, Any], dict[str, str]]:
        """Check a request's shape, then answer it."""
        problem = _shape_problem(request)
        if problem:
            return 400, {"error": {"message": f"bad request shape: {problem}", "type": "test"}}, {}
        if self.reject_json_schema and request["response_format"]["type"] == "json_schema":
            return 400, {"error": {"message": "response_format json_schema is not supported by "
                                   "this server", "type": "invalid_request_error",
                                   "param": "response_format", "code": None}}, {}
        reply = self.replies.popleft() if self.replies else self.answer(request)
        if reply.status >= 400:
            return reply.status, {"error": reply.error}, reply.headers
        content = reply.content if isinstance(reply.content, str) else json.dumps(reply.content)
        prompt_chars = sum(len(str(m.get("content", ""))) for m in request["messages"])
        return 200, {
            "id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()),
            "model": request["model"],
            "choices": [{"index": 0, "finish_reason": reply.finish_reason, "message": {
                "role": "assistant", "content": None if reply.refusal else content,
                "refusal": reply.refusal}}],
            "usage": {"prompt_tokens": prompt_chars // 4, "completion_tokens": len(content) // 4,
                      "total_tokens": prompt_chars // 4 + len(content) // 4},
        }, reply.headers


def _shape_problem(request: dict[str, Any]) -> str:
    if not isinstance(request.get("model"), str) or not request["model"]:
        return "no model"
    messages = request.get("messages")
    if not messages or not all(m.get("role") in ("system", "user", "assistant") for m in messages):
        return "no messages"
    fmt = request.get("response_format") or {}
    if fmt.get("type") == "json_object":
        return ""
    spec = fmt.get("json_schema", {})
    if fmt.get("type") != "json_schema" or spec.get("strict") is not True:
        return "not a strict json_schema"
    schema = spec.get("schema", {})
    if schema.get("additionalProperties") is not False or set(schema.get("required", [])) != set(
        schema.get("properties", {})
    ):
        return "schema is not strict (every property required, no additional properties)"
    return ""


def _handler_for(server: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class OpenAIHandler(Handler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            server.requests.append(body)
            server.times.append(time.monotonic())
            time.sleep(server.latency)
            if self.path != "/v1/chat/completions":
                status, answer, headers = 404, {"error": {"message": "no such route"}}, {}
            else:
                status, answer, headers = server.respond(body)
            self.reply(status, json.dumps(answer).encode(), "application/json", headers)

    return OpenAIHandler

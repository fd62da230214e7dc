"""One streamed chat request through the real openai client, bounded by silence, not by total time.

A local server on a CPU may take minutes to answer, and that is normal; what is not normal is a
server that stops sending. So every request streams (``stream=True``): tokens arriving are counted
for the progress display, and a request fails only when nothing at all arrives for ``silence``
seconds (the client's read timeout is exactly that). A request is never re-sent by this module.

Ctrl-C must not wait for a generation that may run for minutes: ``cancel()`` shuts the socket of
every request in flight, from any thread, so the worker blocked on it wakes at once and the server
sees the client go (llama.cpp and others then stop generating). To know each request's socket,
requests do not share connections (``Connection: close``) and the client's ``trace`` extension
reports the socket as it is connected.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from papersum.errors import Cancelled, SummarizeError

if TYPE_CHECKING:
    import openai


class Silent(SummarizeError):
    """Nothing arrived from the server for the silence timeout."""


class Unreachable(SummarizeError):
    """The server cannot be reached at all."""


@dataclass(frozen=True)
class Rejected(Exception):
    """The server answered the request with an HTTP error."""

    status: int
    message: str
    code: str | None = None
    retry_after: str | None = None

    def __str__(self) -> str:
        return f"HTTP {self.status}: {self.message}"


@dataclass(frozen=True)
class Reply:
    """What a streamed answer added up to."""

    content: str
    finish_reason: str | None
    refusal: str | None
    prompt_tokens: int | None
    completion_tokens: int | None
    chunks: int = 0
    """Content chunks streamed (llama.cpp-style servers stream one token a chunk)."""


class ChatStream:
    """Sends streamed chat completions with one openai client; thread-safe."""

    def __init__(
        self,
        api_key: str,
        base_url: str | None,
        silence: float,
        on_tokens: Callable[[int], None] | None = None,
    ) -> None:
        self.silence = silence
        self.on_tokens = on_tokens
        self._api_key = api_key
        self._base_url = base_url
        self._client: openai.OpenAI | None = None
        self._client_lock = threading.Lock()
        self._lock = threading.Lock()
        self._sockets: dict[int, socket.socket] = {}
        self._cancelled = threading.Event()

    @property
    def client(self) -> openai.OpenAI:
        """The openai client, made on first use (importing openai takes most of a second)."""
        with self._client_lock:
            if self._client is None:
                import openai

                http = openai.DefaultHttpxClient(event_hooks={"request": [self._traced]})
                self._client = openai.OpenAI(
                    api_key=self._api_key or "no-key-needed-by-local-servers",
                    base_url=self._base_url,
                    http_client=http,
                    max_retries=0,  # papersum decides what is worth sending again
                    timeout=self.silence,  # per read: the longest silence, not the longest answer
                )
            return self._client

    @property
    def base_url(self) -> str:
        """The server's base URL, as the client uses it."""
        return str(self.client.base_url).rstrip("/")

    def models(self) -> Any:
        """The server's ``GET /models`` answer; None when it has none (or cannot be reached)."""
        import openai

        try:
            return self.client.with_options(timeout=min(self.silence, 10.0)).get(
                "/models", cast_to=object, options={"headers": {"Connection": "close"}}
            )
        except openai.APIError:
            return None
        finally:
            with self._lock:
                self._sockets.pop(threading.get_ident(), None)

    def send(self, **request: Any) -> Reply:
        """Send one streamed chat completion and gather the answer."""
        import openai

        if self._cancelled.is_set():
            raise Cancelled("cancelled before it was sent")
        parts: list[str] = []
        refusal: list[str] = []
        finish: str | None = None
        usage: Any = None
        try:
            stream = self.client.chat.completions.create(
                stream=True, extra_headers={"Connection": "close"}, **request
            )
            with stream:
                for chunk in stream:
                    usage = getattr(chunk, "usage", None) or usage
                    for choice in chunk.choices or []:
                        delta = choice.delta
                        text = (delta.content or "") if delta else ""
                        thinking = _reasoning_of(delta)
                        if text or thinking:
                            parts.append(text)
                            if self.on_tokens:
                                self.on_tokens(1)
                        if delta is not None and getattr(delta, "refusal", None):
                            refusal.append(str(delta.refusal))
                        finish = choice.finish_reason or finish
        except openai.APIStatusError as exc:
            raise Rejected(
                exc.status_code, _message_of(exc), exc.code, exc.response.headers.get("retry-after")
            ) from exc
        except (openai.APITimeoutError, openai.APIConnectionError) as exc:
            if self._cancelled.is_set():
                raise Cancelled("cancelled while the server was working on it") from exc
            if isinstance(exc, openai.APITimeoutError):
                raise Silent(
                    f"the model server sent nothing for {self.silence:g} s "
                    "(PAPERSUM_MODEL_TIMEOUT); it may be overloaded or stuck"
                ) from exc
            if not parts:
                raise Unreachable(
                    f"cannot reach the model server at {self.base_url} "
                    "(check OPENAI_BASE_URL and that the server is running)"
                ) from exc
            raise SummarizeError(
                "the model server closed the connection in the middle of its answer"
            ) from exc
        except openai.APIError as exc:  # an error event inside the stream
            raise Rejected(500, _message_of(exc), getattr(exc, "code", None)) from exc
        finally:
            with self._lock:
                self._sockets.pop(threading.get_ident(), None)
        return Reply(
            content="".join(parts),
            finish_reason=finish,
            refusal="".join(refusal) or None,
            prompt_tokens=getattr(usage, "prompt_tokens", None),
            completion_tokens=getattr(usage, "completion_tokens", None),
            chunks=sum(1 for p in parts if p),
        )

    def cancel(self) -> int:
        """Stop every request in flight (from any thread); the number stopped."""
        self._cancelled.set()
        with self._lock:
            sockets = list(self._sockets.values())
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        return len(sockets)

    def _traced(self, request: Any) -> None:
        request.extensions["trace"] = self._trace

    def _trace(self, event: str, info: dict[str, Any]) -> None:
        if event != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            with self._lock:
                self._sockets[threading.get_ident()] = sock


def _reasoning_of(delta: Any) -> str:
    """A thinking model's reasoning tokens (llama.cpp: ``reasoning_content``, Ollama: ``reasoning``)."""
    extra = getattr(delta, "model_extra", None) or {}
    return str(extra.get("reasoning_content") or extra.get("reasoning") or "")


def _message_of(exc: Any) -> str:
    """The server's own message: the ``error.message`` of its body when it has one."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return " ".join(str(inner["message"]).split())
        if isinstance(inner, str):
            return " ".join(inner.split())
        if body.get("detail"):
            return " ".join(str(body["detail"]).split())
    return " ".join(str(getattr(exc, "message", exc)).split())

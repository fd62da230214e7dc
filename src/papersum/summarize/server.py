"""The model server papersum talks to: which family it is, and how to ask it for JSON.

OpenAI-compatible servers differ where it matters to papersum:

| family | structured output it takes | output cap it reads |
|---|---|---|
| OpenAI | ``json_schema`` (strict) | ``max_completion_tokens`` |
| llama.cpp ``llama-server`` | ``json_schema``, or ``json_object`` + ``schema`` | ``max_tokens`` |
| llama-cpp-python | ``json_object`` + ``schema`` only (``json_schema`` is an HTTP 500) | ``max_tokens`` |
| Ollama | ``json_schema`` (its ``format``), ``json_object`` | ``max_tokens`` |
| vLLM | ``json_schema`` (guided decoding) | ``max_tokens`` |
| LM Studio | ``json_schema`` only | ``max_tokens`` |

The family comes from the base URL (OpenAI's own) or from the ``owned_by`` of ``GET /models``,
asked once per base URL and process. Whatever the family, the server's answers have the last word:
a rejection (4xx *or* 5xx) whose message names ``response_format`` or the schema moves papersum one
step down the ladder ``json_schema`` → ``json_object`` + schema → ``json_object`` → schema in the
prompt only; ``PAPERSUM_STRUCTURED`` pins a step instead.
"""

from __future__ import annotations

import ipaddress
import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from papersum.errors import ConfigError

Mode = Literal["json_schema", "json_object+schema", "json_object", "schema-in-prompt"]
LADDER: tuple[Mode, ...] = ("json_schema", "json_object+schema", "json_object", "schema-in-prompt")
PINNABLE = {
    "json_schema": "json_schema",
    "json_object": "json_object+schema",
    "schema-in-prompt": "schema-in-prompt",
}
"""``PAPERSUM_STRUCTURED`` values and the mode each pins."""

OPENAI_HOSTS = ("api.openai.com",)
FAMILY_OF_OWNER = {
    "llamacpp": "llama.cpp",
    "me": "llama-cpp-python",
    "library": "Ollama",
    "ollama": "Ollama",
    "vllm": "vLLM",
    "organization_owner": "LM Studio",
    "openai": "OpenAI",
    "system": "OpenAI",
}
"""``owned_by`` in ``GET /models`` → the server family (as each server's source writes it)."""

FIRST_MODE: dict[str, Mode] = {"llama-cpp-python": "json_object+schema"}
"""Families that do not take ``json_schema`` at all: start them lower, saving a rejected request."""

_TOKEN_FIELDS = (("max_completion_tokens", "max_tokens"), ("max_tokens", "max_completion_tokens"))
_FORMAT_WORDS = ("response_format", "json_schema", "schema", "grammar", "json_object")


@dataclass
class ServerProfile:
    """What papersum knows about one server; ``mode`` changes as the server answers."""

    base_url: str
    family: str = "unknown"
    local: bool = False
    mode: Mode = "json_schema"
    pinned: bool = False
    token_field: str = "max_tokens"
    stream_usage: bool = True
    """Ask for ``stream_options.include_usage`` (dropped if the server rejects it)."""

    @property
    def is_openai(self) -> bool:
        """Whether this is OpenAI's own API (which bills, and reads ``max_completion_tokens``)."""
        return self.family == "OpenAI"

    def response_format(self, schema: dict[str, Any], name: str) -> dict[str, Any] | None:
        """The ``response_format`` field for the current mode (None: none is sent)."""
        if self.mode == "json_schema":
            return {"type": "json_schema", "json_schema": {"name": name, "strict": True, "schema": schema}}
        if self.mode == "json_object+schema":
            return {"type": "json_object", "schema": schema}
        if self.mode == "json_object":
            return {"type": "json_object"}
        return None

    @property
    def schema_in_prompt(self) -> bool:
        """Whether the system prompt must carry the schema (the server does not enforce it)."""
        return self.mode != "json_schema"

    def adapt(self, message: str) -> bool:
        """Learn from a rejected request; True when the next request will differ (worth sending)."""
        text = message.lower()
        if "stream_options" in text and self.stream_usage:
            self.stream_usage = False
            return True
        # e.g. OpenAI: "Unsupported parameter: 'max_tokens' … Use 'max_completion_tokens' instead."
        for wanted, other in _TOKEN_FIELDS:
            if f"'{other}'" in text and wanted in text and self.token_field == other:
                self.token_field = wanted
                return True
        if self.pinned or not about_format(text):
            return False
        step = LADDER.index(self.mode)
        if step + 1 >= len(LADDER):
            return False
        self.mode = LADDER[step + 1]
        return True


def about_format(message: str) -> bool:
    """Whether a rejection is about the structured-output request (a capability answer, whatever
    its status: llama-cpp-python says it with a 500)."""
    text = message.lower()
    return any(word in text for word in _FORMAT_WORDS)


def pinned_mode(env: Mapping[str, str]) -> Mode | None:
    """The mode ``PAPERSUM_STRUCTURED`` pins, if set."""
    value = (env.get("PAPERSUM_STRUCTURED") or "").strip()
    if not value:
        return None
    if value not in PINNABLE:
        raise ConfigError(f"PAPERSUM_STRUCTURED={value!r} is not one of {', '.join(PINNABLE)}")
    mode: Mode = PINNABLE[value]  # type: ignore[assignment]
    return mode


def is_local(base_url: str) -> bool:
    """Whether a server runs on this machine or the local network (one request at a time suits it)."""
    host = (urlsplit(base_url).hostname or "").lower()
    if host in ("localhost", "") or host.endswith((".local", ".localhost", ".lan", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified


_known: dict[str, str] = {}
_known_lock = threading.Lock()


def family_of(base_url: str, models: Any) -> str:
    """The family a ``GET /models`` answer names (``unknown`` when it says nothing known)."""
    if urlsplit(base_url).hostname in OPENAI_HOSTS:
        return "OpenAI"
    data = models.get("data") if isinstance(models, dict) else None
    owners = {str(m.get("owned_by", "")).lower() for m in data or [] if isinstance(m, dict)}
    for owner in owners:
        if owner in FAMILY_OF_OWNER:
            return FAMILY_OF_OWNER[owner]
    if isinstance(models, dict) and isinstance(models.get("models"), list):
        return "llama.cpp"  # llama-server also lists its models under "models"
    return "unknown"


def profile_for(base_url: str, env: Mapping[str, str], fetch_models: Callable[[], Any]) -> ServerProfile:
    """The profile of the server at ``base_url``; ``fetch_models()`` returns its ``GET /models``
    answer (None if it has none), and is called at most once per base URL in this process."""
    with _known_lock:
        family = _known.get(base_url)
    if family is None:
        if urlsplit(base_url).hostname in OPENAI_HOSTS:
            family = "OpenAI"
        else:
            family = family_of(base_url, fetch_models())
        with _known_lock:
            _known[base_url] = family
    pinned = pinned_mode(env)
    profile = ServerProfile(
        base_url=base_url,
        family=family,
        local=is_local(base_url),
        mode=pinned or FIRST_MODE.get(family, "json_schema"),
        pinned=pinned is not None,
        token_field="max_completion_tokens" if family == "OpenAI" else "max_tokens",
    )
    return profile


def schema_text(schema: dict[str, Any]) -> str:
    """The schema as the system prompt carries it for servers that do not enforce it."""
    return "\n\nThe JSON object must follow this JSON schema:\n" + json.dumps(schema)

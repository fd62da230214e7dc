"""A model's answer, checked: refused, cut off, not JSON, or a validated pydantic model."""

from __future__ import annotations

import contextlib
import json
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from papersum.errors import SummarizeError
from papersum.summarize.chat import Reply

M = TypeVar("M", bound=BaseModel)


class Invalid(Exception):
    """An answer that does not validate (sent back once with the error)."""

    def __init__(self, error: ValidationError, content: str = "") -> None:
        super().__init__(validation_message(error, content))


class BadAnswer(SummarizeError):
    """A refused or cut-off answer."""


def parsed(reply: Reply, schema: type[M], cap: int) -> M:
    """The validated answer; refusals and cut-off answers fail."""
    if reply.refusal:
        raise BadAnswer(f"the model refused: {reply.refusal[:200]}")
    if reply.finish_reason == "length":
        used = reply.completion_tokens
        if used is not None and used < cap * 0.9:
            raise BadAnswer(
                f"the model server stopped the answer at {used:,} tokens, below papersum's cap of "
                f"{cap:,}: its own limit (its context size or output setting) was reached"
            )
        raise BadAnswer(
            f"the model's answer was cut off at papersum's cap of {cap:,} output tokens "
            f"(PAPERSUM_MAX_OUTPUT_TOKENS); it ended: …{_tail(reply.content)}"
        )
    if reply.finish_reason == "content_filter":
        raise BadAnswer("the model server's content filter stopped the answer")
    try:
        return schema.model_validate_json(reply.content or "")
    except ValidationError as exc:
        lenient = _lenient_json(reply.content)  # small models put raw newlines inside strings
        if lenient is not None:
            with contextlib.suppress(ValidationError):
                return schema.model_validate(lenient)
        raise Invalid(exc, reply.content) from exc


def _lenient_json(text: str) -> Any:
    """``text`` parsed allowing control characters inside strings (None if still not JSON)."""
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return None


def _tail(text: str, size: int = 60) -> str:
    return " ".join(text[-size:].split())


def validation_message(exc: ValidationError, content: str = "") -> str:
    """What is wrong with an answer, quoting the start of a non-JSON one."""
    errors = exc.errors()
    if errors and errors[0]["type"] == "json_invalid":
        start = " ".join(content[:80].split())
        return f"not JSON ({errors[0]['msg']}); it began: {start!r}" if start else "an empty answer"
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'answer'}: {e['msg']}" for e in errors)

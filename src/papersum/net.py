"""Retries and pacing shared by the arXiv API client and the PDF downloader.

A request that may succeed later (a timeout, a dropped connection, HTTP 429 or 5xx) raises
``Transient``; ``retry_transient`` runs a call again with exponential backoff, waiting exactly as
long as a ``Retry-After`` header asks when there is one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import httpx
    from tenacity import RetryCallState

T = TypeVar("T")

ATTEMPTS = 4
MAX_RETRY_AFTER = 120.0
"""Longer waits than this are not worth holding a run for: the call fails and says when to retry."""


class Transient(Exception):
    """A failure worth retrying; ``retry_after`` is the server's requested wait, if it gave one."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def retry_after_seconds(header: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not header:
        return None
    header = header.strip()
    if header.isdigit():
        return float(header)
    try:
        when = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def transient_status(status: int, retry_after: str | None) -> Transient | None:
    """The ``Transient`` failure an HTTP status is (429 or 5xx), honouring its ``Retry-After``
    header; None for any other status."""
    if status != 429 and status < 500:
        return None
    wait = retry_after_seconds(retry_after)
    return Transient(
        f"HTTP {status}" + (f", asked to retry after {wait:g} s" if wait else ""), retry_after=wait
    )


def retry_transient(call: Callable[[], T], *, attempts: int = ATTEMPTS, backoff: float = 1.0) -> T:
    """Run ``call``, retrying ``Transient`` failures; the last failure is re-raised as it was."""
    from tenacity import Retrying, retry_if_exception_type, stop_after_attempt  # only when calling out

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, Transient) and error.retry_after is not None:
            return error.retry_after
        return min(backoff * 2.0 ** (state.attempt_number - 1), 30.0)

    def give_up(state: RetryCallState) -> bool:
        error = state.outcome.exception() if state.outcome else None
        too_long = isinstance(error, Transient) and (error.retry_after or 0) > MAX_RETRY_AFTER
        return too_long or stop_after_attempt(attempts)(state)

    retrying = Retrying(retry=retry_if_exception_type(Transient), wait=wait, stop=give_up, reraise=True)
    result: T = retrying(call)
    return result


def http_client(timeout: float) -> httpx.Client:
    """An httpx client as papersum's downloads and metadata requests use it: redirects followed,
    ``timeout`` seconds (at most 10 to connect), papersum's User-Agent."""
    import httpx

    from papersum import __version__

    return httpx.Client(
        follow_redirects=True,
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        headers={"User-Agent": f"papersum/{__version__} (reading-list summarizer)"},
    )


@contextmanager
def httpx_failures(timeout: float, cannot_connect: Callable[[Exception], Exception]) -> Iterator[None]:
    """httpx's failures as ``Transient`` (a timeout, a dropped connection), except a refused
    connection or no route, which becomes ``cannot_connect(exc)``: retrying soon rarely helps."""
    import httpx

    try:
        yield
    except httpx.TimeoutException as exc:
        raise Transient(f"timed out after {timeout:g} s") from exc
    except httpx.ConnectError as exc:
        raise cannot_connect(exc) from exc
    except httpx.TransportError as exc:
        raise Transient(f"connection failed: {exc}") from exc


class Pacer:
    """Spaces calls at least ``interval`` seconds apart (start to start), across threads."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self) -> None:
        """Block until the next call may start."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            time.sleep(start - now)

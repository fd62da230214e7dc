"""Retries, patience and pacing shared by the arXiv API client, the metadata services and the PDF
downloader.

A request that may succeed later (a timeout, a dropped connection, HTTP 429 or 5xx) raises
``Transient``; ``retry_transient`` runs a call again with exponential backoff, waiting exactly as
long as a ``Retry-After`` header asks when there is one. A service that does not answer at all is
waited on for at most its ``Patience`` over the whole run, then given up on; ``WAITS`` knows what
is being waited on right now, and tells whoever watches when a service keeps a run waiting.
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


PATIENCE = 30.0
"""Seconds a run waits, in all, on one service that does not answer before giving up on it."""
NOTICE_AFTER = 5.0
"""A call waited on longer than this is shown as what the run is waiting for."""


class Transient(Exception):
    """A failure worth retrying; ``retry_after`` is the server's requested wait, if it gave one;
    ``answered`` tells a server that answered (429, 5xx) from one that did not (a timeout, a
    dropped connection)."""

    def __init__(self, message: str, retry_after: float | None = None, *, answered: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.answered = answered


class Patience:
    """How long a run waits on one service that does not answer: the seconds its unanswered
    attempts and the pauses before retrying them took, summed over the run. Once ``budget`` is
    spent the service is given up on; a service that answers, even with an error, spends none."""

    def __init__(self, what: str, budget: float = PATIENCE) -> None:
        self.what = what
        self.budget = budget
        self.spent = 0.0
        self._lock = threading.Lock()

    @property
    def remaining(self) -> float:
        """Seconds of waiting left."""
        return max(0.0, self.budget - self.spent)

    @property
    def exhausted(self) -> bool:
        """True once the service has kept the run waiting its whole budget."""
        return self.spent >= self.budget

    def timeout(self, usual: float) -> float:
        """The timeout for the next attempt: ``usual``, or less when less patience is left."""
        return max(0.5, min(usual, self.remaining))

    def charge(self, seconds: float) -> None:
        """Count ``seconds`` waited without an answer."""
        with self._lock:
            self.spent += seconds

    def given_up(self) -> str:
        """Why the service was given up on, for its error message."""
        return f"no answer in {self.budget:g} s; not asked again this run"


class Patiences:
    """One ``Patience`` per service or web site, made when it is first called; shared by threads."""

    def __init__(self, budget: float = PATIENCE) -> None:
        self.budget = budget
        self._each: dict[str, Patience] = {}
        self._lock = threading.Lock()

    def of(self, key: str, what: str | None = None) -> Patience:
        """The patience of ``key`` (a service's name, a host), said as ``what`` (else ``key``)."""
        with self._lock:
            return self._each.setdefault(key, Patience(what or key, self.budget))


class Waits:
    """The network calls in flight, so that a run can show what it waits on; and the watchers told
    when a service keeps the run waiting (a timeout, a retry, giving up)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: dict[int, tuple[str, float, float]] = {}
        self._watchers: list[Callable[[str], None]] = []

    @contextmanager
    def on(self, what: str, notice_after: float = NOTICE_AFTER) -> Iterator[None]:
        """Register a call to ``what`` for as long as it runs; it is worth showing once it has
        taken ``notice_after`` seconds."""
        token = object()
        with self._lock:
            self._calls[id(token)] = (what, time.monotonic(), notice_after)
        try:
            yield
        finally:
            with self._lock:
                del self._calls[id(token)]

    def longest(self) -> tuple[str, float] | None:
        """The slow call waited on longest, and for how many seconds (None: no call is slow)."""
        now = time.monotonic()
        with self._lock:
            slow = [
                (what, now - since) for what, since, after in self._calls.values() if now - since >= after
            ]
        return max(slow, key=lambda call: call[1]) if slow else None

    def describe(self) -> str:
        """ "waiting 12 s for the arXiv API at …", or "" when nothing has been waited on long."""
        longest = self.longest()
        return f"waiting {longest[1]:.0f} s for {longest[0]}" if longest else ""

    @contextmanager
    def watched(self, tell: Callable[[str], None]) -> Iterator[None]:
        """Tell ``tell`` about slow services while the block runs."""
        self._watchers.append(tell)
        try:
            yield
        finally:
            self._watchers.remove(tell)

    def say(self, message: str) -> None:
        """Tell every watcher."""
        for tell in list(self._watchers):
            tell(message)


WAITS = Waits()
"""The process's one register of calls in flight (the CLI shows it; threads all report to it)."""


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
        f"HTTP {status}" + (f", asked to retry after {wait:g} s" if wait else ""),
        retry_after=wait,
        answered=True,
    )


def retry_transient(
    call: Callable[[], T],
    *,
    attempts: int = ATTEMPTS,
    backoff: float = 1.0,
    patience: Patience | None = None,
) -> T:
    """Run ``call``, retrying ``Transient`` failures; the last failure is re-raised as it was, or,
    once ``patience`` is spent on attempts that got no answer, as a ``Transient`` saying so."""
    from tenacity import Retrying, retry_if_exception_type, stop_after_attempt  # only when calling out

    def unanswered(state: RetryCallState) -> bool:
        error = state.outcome.exception() if state.outcome else None
        return isinstance(error, Transient) and not error.answered and patience is not None

    def attempt() -> T:
        if patience is None:
            return call()
        start = time.monotonic()
        try:
            with WAITS.on(patience.what, min(NOTICE_AFTER, patience.budget / 3)):
                return call()
        except Transient as exc:
            if not exc.answered:
                patience.charge(time.monotonic() - start)
                if not patience.exhausted:
                    WAITS.say(f"{patience.what} did not answer ({exc}); trying again")
            raise

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, Transient) and error.retry_after is not None:
            return error.retry_after
        seconds = min(backoff * 2.0 ** (state.attempt_number - 1), 30.0)
        if unanswered(state) and patience is not None:
            seconds = min(seconds, patience.remaining)
            patience.charge(seconds)
        return seconds

    def give_up(state: RetryCallState) -> bool:
        error = state.outcome.exception() if state.outcome else None
        too_long = isinstance(error, Transient) and (error.retry_after or 0) > MAX_RETRY_AFTER
        out_of_patience = unanswered(state) and patience is not None and patience.exhausted
        return too_long or out_of_patience or stop_after_attempt(attempts)(state)

    if patience is not None and patience.exhausted:
        raise Transient(patience.given_up())
    retrying = Retrying(retry=retry_if_exception_type(Transient), wait=wait, stop=give_up, reraise=True)
    try:
        result: T = retrying(attempt)
    except Transient as exc:
        if patience is not None and patience.exhausted and not exc.answered:
            raise Transient(patience.given_up()) from exc
        raise
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
        raise Transient(f"timed out after {timeout:.0f} s") from exc
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

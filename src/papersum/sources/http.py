"""One HTTP client for the metadata services and landing pages: httpx, timeouts, and the retries of
``net`` (429 and 5xx retried with backoff, ``Retry-After`` honoured)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from papersum.errors import SourceError
from papersum.net import (
    PATIENCE,
    Patience,
    Patiences,
    Transient,
    http_client,
    httpx_failures,
    retry_transient,
    transient_status,
)

if TYPE_CHECKING:
    import httpx

PAGE_BYTES = 512 * 1024
"""A landing page's meta tags are in its head: no more than this is read."""


@dataclass(frozen=True)
class Page:
    """What a URL answered: its final address (after redirects), type and start of its text."""

    url: str
    content_type: str
    text: str


class Http:
    """A shared httpx client for JSON APIs and web pages; made on first use. Each service (each
    web site, for pages) is waited on for at most ``patience`` seconds over the run."""

    def __init__(self, *, timeout: float = 20.0, backoff: float = 1.0, patience: float = PATIENCE) -> None:
        self.timeout = timeout
        self.backoff = backoff
        self.patience = Patiences(patience)
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def get_json(
        self, service: str, url: str, params: dict[str, str], headers: dict[str, str] | None = None
    ) -> Any | None:
        """The JSON a GET answers; None for 404 (nothing there). Failures raise ``SourceError``."""
        return self._json(
            service, url, lambda t: self.client.get(url, params=params, headers=headers, timeout=t)
        )

    def post_json(
        self,
        service: str,
        url: str,
        params: dict[str, str],
        body: object,
        headers: dict[str, str] | None = None,
    ) -> Any | None:
        """The JSON a POST of ``body`` (sent as JSON) answers; as ``get_json`` otherwise."""
        return self._json(
            service,
            url,
            lambda t: self.client.post(url, params=params, json=body, headers=headers, timeout=t),
        )

    def _json(self, service: str, url: str, send: Callable[[float], httpx.Response]) -> Any | None:
        def refused(exc: Exception) -> SourceError:
            return SourceError(f"cannot connect to {service} at {url} ({exc})")

        patience = self.patience.of(service, f"{service} at {url}")

        def once() -> Any | None:
            timeout = patience.timeout(self.timeout)
            with httpx_failures(timeout, refused):
                response = send(timeout)
            if response.status_code == 404:
                return None
            _check(service, response)
            try:
                return response.json()
            except ValueError as exc:
                raise SourceError(f"{service} at {url} answered something that is not JSON") from exc

        return self._retrying(service, once, patience)

    def get_page(self, url: str) -> Page | None:
        """The start of the page at ``url``; None when it answers 4xx (gone, paywalled, blocked)."""

        patience = self.patience.of(urlparse(url).hostname or url)

        def once() -> Page | None:
            import httpx

            timeout = patience.timeout(self.timeout)
            try:
                with self.client.stream("GET", url, timeout=timeout) as response:
                    if 400 <= response.status_code < 500 and response.status_code != 429:
                        return None
                    _check(url, response)
                    kind = response.headers.get("Content-Type", "").lower()
                    body = b""
                    if "html" in kind or "xml" in kind:
                        for chunk in response.iter_bytes():
                            body += chunk
                            if len(body) >= PAGE_BYTES:
                                break
                    return Page(str(response.url), kind, body.decode(response.encoding or "utf-8", "replace"))
            except httpx.TimeoutException as exc:
                raise Transient(f"timed out after {timeout:.0f} s") from exc
            except httpx.TransportError as exc:
                raise SourceError(f"cannot get {url} ({exc})") from exc

        page: Page | None = self._retrying(url, once, patience)
        return page

    def close(self) -> None:
        """Close the HTTP client."""
        if self._client is not None:
            self._client.close()

    @property
    def client(self) -> httpx.Client:
        """The shared httpx client, made on first use."""
        with self._lock:
            if self._client is None:
                self._client = http_client(self.timeout)
            return self._client

    def _retrying(self, what: str, call: Any, patience: Patience) -> Any:
        try:
            return retry_transient(call, backoff=self.backoff, patience=patience)
        except Transient as exc:
            raise SourceError(f"{what} kept failing ({exc}); try again later") from exc


def _check(service: str, response: httpx.Response) -> None:
    failure = transient_status(response.status_code, response.headers.get("Retry-After"))
    if failure is not None:
        raise failure
    if response.status_code >= 400:
        raise SourceError(f"{service} answered HTTP {response.status_code} to {response.url}")

"""``PaperRef`` → a PDF on disk: downloads into the shared cache with httpx, retried and validated.

Downloads stream into a temporary file beside their cache entry and are renamed into place only
once they are whole and look like a PDF, so a kill mid-download leaves no half file. Timeouts,
dropped connections, HTTP 429 and 5xx are retried with backoff (``Retry-After`` honoured). arxiv.org
gets at most two downloads at once, spaced a second apart.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import urlparse

from papersum.arxiv_api import arxiv_key
from papersum.errors import FetchError
from papersum.fsio import atomic_writer
from papersum.models import PaperRef
from papersum.net import (
    PATIENCE,
    Pacer,
    Patiences,
    Transient,
    http_client,
    httpx_failures,
    retry_transient,
    transient_status,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    import httpx

MAX_BYTES = 100 * 2**20
PDF_FOLDER = "pdf"
_POLITE_HOSTS = ("arxiv.org",)
_POLITE_CONCURRENCY = 2
_CHUNK = 2**16
_TAIL = 2048
"""A whole PDF has ``%%EOF`` within its last bytes (a few trailing bytes may follow it)."""


log = logging.getLogger(__name__)


class Fetcher:
    """Gets the PDFs of resolved references into ``cache_dir``; one httpx client for all threads."""

    def __init__(
        self,
        cache_dir: Path,
        *,
        timeout: float = 30.0,
        max_bytes: int = MAX_BYTES,
        backoff: float = 1.0,
        polite_interval: float = 1.0,
        patience: float = PATIENCE,
    ) -> None:
        self.cache_dir = cache_dir
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.backoff = backoff
        self._polite_interval = polite_interval
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()
        self._gates: dict[str, tuple[threading.Semaphore, Pacer]] = {}
        self.patience = Patiences(patience)
        """Per host: a site that does not answer is waited on ``patience`` seconds in all."""

    def path_for(self, ref: PaperRef) -> Path:
        """Where the cache keeps this reference's PDF: by arXiv id, else by URL hash."""
        if ref.arxiv_id:
            name = arxiv_key(ref.arxiv_id)
        else:
            name = "url-" + hashlib.sha256((ref.pdf_url or ref.key).encode()).hexdigest()[:20]
        return self.cache_dir / PDF_FOLDER / f"{name}.pdf"

    def cached(self, ref: PaperRef) -> Path | None:
        """The cached PDF of this reference, if a whole one is there."""
        path = self.path_for(ref)
        try:
            with path.open("rb") as handle:
                return path if _looks_like_pdf(handle.read(1024)) else None
        except OSError:
            return None

    def fetch(self, ref: PaperRef) -> Path:
        """The reference's PDF on disk: its local file, the cached copy, or a fresh download."""
        if ref.pdf_path is not None:
            return ref.pdf_path
        cached = self.cached(ref)
        if cached is not None:
            log.info("%s: the PDF is in the cache (%s)", ref.key, cached)
            return cached
        if not ref.pdf_url:
            raise FetchError(f'no PDF address is known for "{ref.title}"')
        started = time.monotonic()
        path = self.download(ref.pdf_url, self.path_for(ref))
        size = path.stat().st_size
        log.info(
            "%s: downloaded %s (%s) in %.1f s", ref.key, ref.pdf_url, _mb(size), time.monotonic() - started
        )
        return path

    def download(self, url: str, path: Path) -> Path:
        """Download the PDF at ``url`` to ``path`` (atomically), retrying transient failures."""
        patience = self.patience.of((urlparse(url).hostname or "").lower())
        try:
            retry_transient(
                lambda: self._download_once(url, path, patience.timeout(self.timeout)),
                backoff=self.backoff,
                patience=patience,
            )
        except Transient as exc:
            raise FetchError(f"could not download {url} ({exc}); try again later") from exc
        return path

    def close(self) -> None:
        """Close the HTTP client."""
        if self._client is not None:
            self._client.close()

    def _download_once(self, url: str, path: Path, timeout: float) -> None:
        def refused(exc: Exception) -> FetchError:
            return FetchError(f"cannot connect to get {url} ({exc}); check your network")

        with httpx_failures(timeout, refused), atomic_writer(path, ".part") as out, self._polite(url):
            self._stream_to(url, out, timeout)

    def _stream_to(self, url: str, out: IO[bytes], timeout: float) -> None:
        """Write the PDF at ``url`` to ``out``; raise unless it is a whole PDF within the cap."""
        with self.client.stream("GET", url, timeout=timeout) as response:
            _check_status(url, response)
            size = int(response.headers.get("Content-Length") or 0)
            if size > self.max_bytes:
                raise FetchError(f"{url} is {_mb(size)}, over the {_mb(self.max_bytes)} limit")
            written = 0
            tail = b""
            for chunk in response.iter_bytes(_CHUNK):
                if written == 0 and not _looks_like_pdf(chunk):
                    raise FetchError(_not_a_pdf(url, chunk, response.headers.get("Content-Type")))
                written += len(chunk)
                if written > self.max_bytes:
                    raise FetchError(f"{url} is over the {_mb(self.max_bytes)} limit")
                out.write(chunk)
                tail = (tail + chunk[-_TAIL:])[-_TAIL:]
            if written == 0:
                raise FetchError(f"{url} sent an empty file, not a PDF")
            if b"%%EOF" not in tail:
                raise Transient("the PDF arrived truncated (no %%EOF at its end)")

    @property
    def client(self) -> httpx.Client:
        """The shared httpx client, made on first use."""
        with self._lock:
            if self._client is None:
                self._client = http_client(self.timeout)
            return self._client

    @contextmanager
    def _polite(self, url: str) -> Iterator[None]:
        host = (urlparse(url).hostname or "").lower()
        if not any(host == h or host.endswith("." + h) for h in _POLITE_HOSTS):
            yield
            return
        with self._lock:
            gate = self._gates.setdefault(
                host, (threading.Semaphore(_POLITE_CONCURRENCY), Pacer(self._polite_interval))
            )
        with gate[0]:
            gate[1].wait()
            yield


def _check_status(url: str, response: httpx.Response) -> None:
    status = response.status_code
    failure = transient_status(status, response.headers.get("Retry-After"))
    if failure is not None:
        raise failure
    if status >= 400:
        hint = "; maybe a paywall: download it in a browser into papers/" if status in (401, 403) else ""
        raise FetchError(f"{url} answered HTTP {status}{hint}")


def _mb(size: int) -> str:
    return f"{size / 2**20:.{0 if size >= 2**20 else 3}f} MB"


def _looks_like_pdf(head: bytes) -> bool:
    return b"%PDF-" in head[:1024]


def _not_a_pdf(url: str, head: bytes, content_type: str | None) -> str:
    if "html" in (content_type or "").lower() or b"<html" in head[:4096].lower():
        return (
            f"got an HTML page instead of a PDF from {url}, maybe a paywall or captcha; "
            "download the PDF in a browser and put it in papers/ beside the list"
        )
    return f"{url} did not send a PDF (Content-Type {content_type or 'unknown'})"

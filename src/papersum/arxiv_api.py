"""The arXiv API, through the ``arxiv`` package: batched id lookups and title searches.

``arxiv`` 4.x has no request timeout and retries at once, ignoring HTTP 429; so its client gets a
session that times out and turns 429/5xx into ``Transient``, its own retries are switched off, and
``net.retry_transient`` retries with backoff that honours ``Retry-After``. The client spaces calls
by ``delay`` seconds, as the arXiv API's terms ask (3 s).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from papersum.errors import ArxivApiError
from papersum.models import ArxivPaper
from papersum.net import PATIENCE, WAITS, Patience, Transient, retry_transient, transient_status

if TYPE_CHECKING:
    import arxiv

DEFAULT_ENDPOINT = "https://export.arxiv.org/api/query"
BATCH = 100
"""Ids per lookup call (the API pages at 2000; 100 keeps URLs short)."""

_ID = r"(?P<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"
_ID_IN_URL = re.compile(
    r"(?:https?://)?(?:www\.|export\.)?(?:ar5iv\.labs\.)?(?:arxiv\.org|ar5iv\.org)"
    r"/(?:abs|pdf|html|format)/" + _ID + r"(?:\.pdf)?(?![\d.])",
    re.IGNORECASE,
)
_ID_IN_TEXT = re.compile(r"\barxiv:\s*" + _ID, re.IGNORECASE)
_ID_ALONE = re.compile(r"^" + _ID + r"$")
_ID_IN_FILE_NAME = re.compile(r"(?<![\d.])(?P<id>\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")


def arxiv_id_of(text: str) -> str | None:
    """The arXiv id (no version) in an arXiv/ar5iv URL of any form, or in ``arXiv:ID`` text."""
    match = _ID_IN_URL.search(text) or _ID_IN_TEXT.search(text)
    return match["id"] if match else None


def arxiv_id_in_file_name(name: str) -> str | None:
    """A new-style arXiv id in a file name such as ``2001.04758v2.pdf`` or ``arXiv-2001.04758``."""
    match = _ID_IN_FILE_NAME.search(name)
    return match["id"] if match else None


def arxiv_key(arxiv_id: str) -> str:
    """The file-system-safe key of an arXiv id (old-style ``hep-th/9901001`` → ``hep-th_9901001``)."""
    return arxiv_id.replace("/", "_")


class ArxivApi:
    """One arXiv API client for a run: paced, with timeouts and retries; counts its calls."""

    def __init__(
        self,
        endpoint: str = DEFAULT_ENDPOINT,
        *,
        delay: float = 3.0,
        timeout: float = 20.0,
        backoff: float = 1.0,
        patience: float = PATIENCE,
    ) -> None:
        self.endpoint = endpoint
        self.backoff = backoff
        self.patience = Patience(f"the arXiv API at {endpoint}", patience)
        self.calls = 0
        self.delay = delay
        self.timeout = timeout
        self._client: arxiv.Client | None = None  # made on first use: `arxiv` takes 0.15 s to import
        self._down: ArxivApiError | None = None
        self._last_error: ArxivApiError | None = None

    @property
    def last_error(self) -> ArxivApiError | None:
        """The last failure of this client, if any (the API unreachable, or an error answer)."""
        return self._last_error

    def lookup(self, ids: list[str]) -> dict[str, ArxivPaper]:
        """The papers with these ids (no versions), batched; ids arXiv does not know are absent."""
        import arxiv

        found: dict[str, ArxivPaper] = {}
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), BATCH):
            chunk = unique[start : start + BATCH]
            for paper in self._run(arxiv.Search(id_list=chunk, max_results=len(chunk))):
                found[paper.arxiv_id] = paper
        return found

    def search(self, query: str, max_results: int = 10) -> list[ArxivPaper]:
        """The papers an arXiv ``search_query`` finds, most relevant first."""
        import arxiv

        return self._run(arxiv.Search(query=query, max_results=max_results))

    def _run(self, search: arxiv.Search) -> list[ArxivPaper]:
        if self._down is not None:  # one unreachable API is enough: don't wait on it per entry
            raise self._down
        try:
            return retry_transient(lambda: self._call(search), backoff=self.backoff, patience=self.patience)
        except Transient as exc:
            raise self._failed(self._unreachable(str(exc))) from exc
        except ArxivApiError as exc:
            raise self._failed(exc) from None

    def _failed(self, error: ArxivApiError) -> ArxivApiError:
        """Remember the failure, and say it once to whoever watches the run (the CLI)."""
        if self._last_error is None or str(self._last_error) != str(error):
            WAITS.say(str(error))
        self._last_error = error
        return error

    def _unreachable(self, why: str) -> ArxivApiError:
        self._down = ArxivApiError(
            f"the arXiv API at {self.endpoint} failed ({why}); check your network or "
            "PAPERSUM_ARXIV_API, or run with --offline"
        )
        return self._down

    def _call(self, search: arxiv.Search) -> list[ArxivPaper]:
        import arxiv
        import requests

        self.calls += 1
        try:
            if self._client is None:
                self._client = _make_client(
                    self.endpoint, self.delay, lambda: self.patience.timeout(self.timeout)
                )
            self._client.page_size = min(BATCH, search.max_results or BATCH)  # ask for no more
            results = list(self._client.results(search))
        except requests.Timeout as exc:
            raise Transient("timed out") from exc
        except requests.ConnectionError as exc:  # refused or no route: retrying soon rarely helps
            raise self._unreachable(f"cannot connect: {_root_cause(exc)}") from exc
        except arxiv.UnexpectedEmptyPageError as exc:
            raise Transient("an unexpectedly empty page") from exc
        except arxiv.HTTPError as exc:
            raise ArxivApiError(
                f"the arXiv API at {self.endpoint} answered HTTP {exc.status} to {search}"
            ) from exc
        return [paper for paper in map(_paper_of, results) if paper is not None]


def _make_client(endpoint: str, delay: float, timeout: Callable[[], float]) -> arxiv.Client:
    import arxiv
    import requests

    class Session(requests.Session):
        """Gives every request a timeout (``timeout()`` seconds); 429 and 5xx become ``Transient``."""

        def request(  # type: ignore[override]
            self, method: str, url: str, *args: Any, **kwargs: Any
        ) -> Any:
            kwargs.setdefault("timeout", timeout())
            response = super().request(method, url, *args, **kwargs)
            failure = transient_status(response.status_code, response.headers.get("Retry-After"))
            if failure is not None:
                raise failure
            return response

    client = arxiv.Client(page_size=BATCH, delay_seconds=delay, num_retries=0)
    client.query_url_format = endpoint + ("&" if "?" in endpoint else "?") + "{}"
    client._session = Session()  # the documented attribute; arxiv has no hook for timeouts
    return client


def _paper_of(result: arxiv.Result) -> ArxivPaper | None:
    match = _ID_ALONE.match(result.get_short_id())
    if match is None:  # the API reports a bad id as an entry of its own
        return None
    published = result.published
    return ArxivPaper(
        arxiv_id=match["id"],
        title=" ".join(result.title.split()),
        authors=[author.name for author in result.authors],
        year=published.year if published and published.year > 1 else None,
        pdf_url=result.pdf_url,
        abstract=" ".join((result.summary or "").split()),
    )


def _root_cause(exc: BaseException) -> str:
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return str(exc) or type(exc).__name__

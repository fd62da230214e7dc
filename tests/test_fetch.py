"""Downloads with real httpx from the local arXiv stand-in: caching, retries, validation, faults."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from papersum.errors import FetchError
from papersum.fetch import Fetcher
from papersum.models import PaperRef

from .arxiv_server import ArxivStandIn, Fault


def ref_for(arxiv: ArxivStandIn, arxiv_id: str) -> PaperRef:
    """A resolved reference to a paper the stand-in serves."""
    return PaperRef(
        status="resolved",
        key=arxiv_id,
        title="t",
        arxiv_id=arxiv_id,
        pdf_url=f"{arxiv.base}/pdf/{arxiv_id}v1",
    )


@pytest.fixture
def fetcher(tmp_path: Path) -> Fetcher:
    """A fetcher with a private cache, short timeouts and quick backoff."""
    return Fetcher(tmp_path / "cache", timeout=1.0, backoff=0.05)


def pdf_requests(arxiv: ArxivStandIn, arxiv_id: str) -> int:
    return sum(r.path == f"/pdf/{arxiv_id}v1" for r in arxiv.requests)


def test_a_pdf_is_downloaded_once_then_served_from_the_cache(
    arxiv: ArxivStandIn, fetcher: Fetcher, tmp_path: Path
) -> None:
    ref = ref_for(arxiv, "1904.01766")
    served = arxiv.pdf("1904.01766")  # made (pymupdf loaded) before the 1 s timeout starts
    path = fetcher.fetch(ref)
    assert path == tmp_path / "cache" / "pdf" / "1904.01766.pdf"
    assert path.read_bytes() == served
    assert fetcher.fetch(ref) == path
    assert pdf_requests(arxiv, "1904.01766") == 1


def test_a_server_error_is_retried(arxiv: ArxivStandIn, fetcher: Fetcher) -> None:
    arxiv.add_faults("/pdf/1904.01766v1", Fault("status", 500), Fault("status", 503))
    assert fetcher.fetch(ref_for(arxiv, "1904.01766")).read_bytes()[:5] == b"%PDF-"
    assert pdf_requests(arxiv, "1904.01766") == 3


def test_429_waits_as_long_as_retry_after_asks(arxiv: ArxivStandIn, fetcher: Fetcher) -> None:
    arxiv.add_faults("/pdf/1904.01766v1", Fault("status", 429, headers={"Retry-After": "1"}))
    fetcher.fetch(ref_for(arxiv, "1904.01766"))
    first, second = (r.at for r in arxiv.requests if r.path == "/pdf/1904.01766v1")
    assert second - first >= 1.0  # the backoff alone would wait 0.05 s


def test_a_read_timeout_is_retried(arxiv: ArxivStandIn, fetcher: Fetcher) -> None:
    arxiv.add_faults("/pdf/1904.01766v1", Fault("sleep", seconds=2.0))
    assert fetcher.fetch(ref_for(arxiv, "1904.01766")).is_file()
    assert pdf_requests(arxiv, "1904.01766") == 2


def test_a_dropped_connection_is_retried(arxiv: ArxivStandIn, fetcher: Fetcher) -> None:
    arxiv.add_faults("/pdf/1904.01766v1", Fault("drop"))
    assert fetcher.fetch(ref_for(arxiv, "1904.01766")).read_bytes() == arxiv.pdf("1904.01766")


def test_an_html_page_is_a_clear_error(arxiv: ArxivStandIn, fetcher: Fetcher) -> None:
    arxiv.add_faults("/pdf/1904.01766v1", Fault("html"))
    with pytest.raises(FetchError, match=r"got an HTML page instead of a PDF .* maybe a paywall or captcha"):
        fetcher.fetch(ref_for(arxiv, "1904.01766"))
    assert pdf_requests(arxiv, "1904.01766") == 1  # not worth retrying


def test_a_truncated_pdf_never_lands_in_the_cache(
    arxiv: ArxivStandIn, fetcher: Fetcher, tmp_path: Path
) -> None:
    arxiv.add_faults("/pdf/1904.01766v1", *[Fault("truncate")] * 4)
    with pytest.raises(FetchError, match=r"could not download .* \(the PDF arrived truncated"):
        fetcher.fetch(ref_for(arxiv, "1904.01766"))
    assert pdf_requests(arxiv, "1904.01766") == 4
    assert list((tmp_path / "cache" / "pdf").iterdir()) == []  # no half file, no temp file


def test_an_unknown_paper_is_not_retried(arxiv: ArxivStandIn, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match=r"/pdf/2999.99999v1 answered HTTP 404"):
        fetcher.fetch(ref_for(arxiv, "2999.99999"))
    assert pdf_requests(arxiv, "2999.99999") == 1


def test_a_pdf_over_the_size_cap_is_refused(arxiv: ArxivStandIn, tmp_path: Path) -> None:
    small = Fetcher(tmp_path / "cache", max_bytes=1000)
    with pytest.raises(FetchError, match=r"over the 0.001 MB limit"):
        small.fetch(ref_for(arxiv, "1904.01766"))


def test_a_refused_connection_fails_at_once(fetcher: Fetcher) -> None:
    ref = PaperRef(status="resolved", key="x", title="t", pdf_url="http://127.0.0.1:9/x.pdf")
    with pytest.raises(FetchError, match=re.escape("cannot connect to get http://127.0.0.1:9/x.pdf")):
        fetcher.fetch(ref)

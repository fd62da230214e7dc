"""The arXiv API client: the real ``arxiv`` package against the local stand-in, with faults."""

from __future__ import annotations

import pytest

from papersum.arxiv_api import ArxivApi
from papersum.errors import ArxivApiError

from .arxiv_server import ArxivStandIn, Fault


def test_ids_are_looked_up_in_one_call(arxiv: ArxivStandIn) -> None:
    api = ArxivApi(arxiv.api, delay=0)
    found = api.lookup(["1904.01766", "1908.02265", "2999.99999", "1904.01766"])
    assert sorted(found) == ["1904.01766", "1908.02265"]  # the unknown id is simply absent
    assert found["1904.01766"].title.startswith("VideoBERT: A Joint Model")
    assert found["1904.01766"].pdf_url == f"{arxiv.base}/pdf/1904.01766v1"
    assert found["1904.01766"].year == 2019 and found["1904.01766"].authors == ["Chen Sun"]
    assert api.calls == 1 and arxiv.api_calls()[0].params["id_list"] == "1904.01766,1908.02265,2999.99999"


def test_a_search_with_no_hits_is_empty(arxiv: ArxivStandIn) -> None:
    assert ArxivApi(arxiv.api, delay=0).search('ti:"no such paper anywhere"') == []


def test_calls_are_spaced_by_the_delay(arxiv: ArxivStandIn) -> None:
    api = ArxivApi(arxiv.api, delay=0.5)
    api.search("ti:videobert")
    api.search("ti:vilbert")
    first, second = (r.at for r in arxiv.api_calls())
    assert second - first >= 0.5


def test_a_server_error_then_success(arxiv: ArxivStandIn) -> None:
    arxiv.add_faults("/api/query", Fault("status", 500))
    api = ArxivApi(arxiv.api, delay=0, backoff=0.05)
    assert [p.arxiv_id for p in api.search("ti:videobert")] == ["1904.01766"]
    assert api.calls == 2


def test_429_waits_as_long_as_retry_after_asks(arxiv: ArxivStandIn) -> None:
    arxiv.add_faults("/api/query", Fault("status", 429, headers={"Retry-After": "1"}))
    ArxivApi(arxiv.api, delay=0, backoff=0.05).search("ti:videobert")
    first, second = (r.at for r in arxiv.api_calls())
    assert second - first >= 1.0


def test_a_read_timeout_is_retried(arxiv: ArxivStandIn) -> None:
    arxiv.add_faults("/api/query", Fault("sleep", seconds=1.5))
    api = ArxivApi(arxiv.api, delay=0, timeout=0.5, backoff=0.05)
    assert len(api.search("ti:videobert")) == 1
    assert api.calls == 2


def test_an_api_that_keeps_failing_is_reported_once(arxiv: ArxivStandIn) -> None:
    arxiv.add_faults("/api/query", *[Fault("status", 503)] * 4)
    api = ArxivApi(arxiv.api, delay=0, backoff=0.01)
    with pytest.raises(ArxivApiError, match=r"the arXiv API at .* failed \(HTTP 503\); check"):
        api.search("ti:videobert")
    with pytest.raises(ArxivApiError):
        api.lookup(["1904.01766"])
    assert len(arxiv.api_calls()) == 4  # the second call did not knock again


def test_a_bad_query_is_not_retried(arxiv: ArxivStandIn) -> None:
    arxiv.add_faults("/api/query", Fault("status", 400))
    with pytest.raises(ArxivApiError, match="answered HTTP 400"):
        ArxivApi(arxiv.api, delay=0).search("ti:(")
    assert len(arxiv.api_calls()) == 1

"""Semantic Scholar's Graph API (https://api.semanticscholar.org/api-docs/graph): the closest
title (``/paper/search/match``, a 404 when there is none) and DOI lookup (``/paper/DOI:…``, or up
to 500 at a time with ``POST /paper/batch``, which answers null for a DOI it does not know).

``SEMANTIC_SCHOLAR_API_KEY`` goes as ``x-api-key`` when set. A thin client on the shared httpx
client rather than the ``semanticscholar`` package, which brings its own HTTP stack and retries and
could not use our retries, timeouts and cache.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from papersum.models import PaperRecord
from papersum.sources.base import Source
from papersum.sources.doi import bare_doi
from papersum.sources.http import Http
from papersum.store import Store

DEFAULT_BASE = "https://api.semanticscholar.org/graph/v1"
FIELDS = "title,authors,year,externalIds,openAccessPdf,venue,url,abstract"


class SemanticScholar(Source):
    """The Semantic Scholar Graph API."""

    name = "Semantic Scholar"
    kind = "semantic-scholar"
    doi_batch = 500  # ids in one POST /paper/batch

    def __init__(self, base: str, http: Http | None, store: Store, *, api_key: str | None = None) -> None:
        super().__init__(base, http, store)
        self.api_key = api_key

    def _search(self, title: str) -> list[PaperRecord]:
        answer = self._get("/paper/search/match", {"query": title})
        papers = answer.get("data", []) if isinstance(answer, dict) else []
        return [r for p in papers if isinstance(p, dict) and (r := paper_record(p)) is not None]

    def _doi(self, doi: str) -> list[PaperRecord]:
        answer = self._get(f"/paper/DOI:{quote(doi, safe='/:;()')}", {})
        record = paper_record(answer) if isinstance(answer, dict) else None
        return [record] if record is not None else []

    def _dois(self, dois: list[str]) -> dict[str, PaperRecord]:
        assert self.http is not None
        body = {"ids": [f"DOI:{d}" for d in dois]}
        url, params = self.base + "/paper/batch", {"fields": FIELDS}
        answer = self.http.post_json(self.name, url, params, body, self._headers)
        papers = answer if isinstance(answer, list) else []  # one per id asked, null when unknown
        found = {}
        for doi, paper in zip(dois, papers, strict=False):
            record = paper_record(paper) if isinstance(paper, dict) else None
            if record is not None:
                found[doi.lower()] = record
        return found

    @property
    def _headers(self) -> dict[str, str] | None:
        return {"x-api-key": self.api_key} if self.api_key else None

    def _get(self, path: str, params: dict[str, str]) -> Any:
        assert self.http is not None
        return self.http.get_json(self.name, self.base + path, {**params, "fields": FIELDS}, self._headers)


def paper_record(paper: dict[str, Any]) -> PaperRecord | None:
    """A ``PaperRecord`` from a Graph API paper object (None without a title)."""
    title = " ".join(str(paper.get("title") or "").split())
    if not title:
        return None
    ids = paper.get("externalIds") or {}
    arxiv_id = str(ids["ArXiv"]) if ids.get("ArXiv") else None
    doi = bare_doi(ids.get("DOI"))
    open_pdf = (paper.get("openAccessPdf") or {}).get("url") or None
    return PaperRecord(
        title=title,
        authors=[a["name"] for a in paper.get("authors") or [] if a.get("name")],
        year=paper.get("year"),
        arxiv_id=arxiv_id,
        doi=doi,
        pdf_url=open_pdf,
        url=paper.get("url") or (f"https://doi.org/{doi}" if doi else None),
        venue=paper.get("venue") or None,
        source="semantic-scholar",
        abstract=" ".join(str(paper.get("abstract") or "").split()),
    )

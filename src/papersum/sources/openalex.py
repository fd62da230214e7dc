"""OpenAlex (https://docs.openalex.org): title search (``/works?search=``) and DOI lookup
(``/works/doi:…``, or fifty at a time with ``/works?filter=doi:…|…``), read from its Work objects.

A work's open-access PDF is its arXiv copy when one of its ``locations`` is on arXiv (the resolver
then asks the arXiv API for it), else ``best_oa_location.pdf_url``, else any open location's
``pdf_url``. A thin client on the shared
httpx client rather than ``pyalex``: pyalex keeps its base URL and retries in module-wide settings
and brings its own requests session, which would bypass our retries, timeouts and cache.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from papersum.arxiv_api import arxiv_id_of
from papersum.models import PaperRecord
from papersum.sources.base import Source
from papersum.sources.doi import arxiv_id_of_doi, bare_doi
from papersum.sources.http import Http
from papersum.store import Store

DEFAULT_BASE = "https://api.openalex.org"
_PLAIN_DOI = re.compile(r"10\.\d{4,9}/[A-Za-z0-9._()/-]+")
RESULTS = 10
_FIELDS = (
    "id,doi,title,display_name,publication_year,authorships,primary_location,best_oa_location,locations,"
    "abstract_inverted_index"
)


class OpenAlex(Source):
    """The OpenAlex works API; ``email`` joins its polite pool (``mailto=``)."""

    name = "OpenAlex"
    kind = "openalex"
    doi_batch = 50  # values OR-ed in one filter (OpenAlex allows up to 100)

    def __init__(self, base: str, http: Http | None, store: Store, *, email: str | None = None) -> None:
        super().__init__(base, http, store)
        self.email = email

    def _search(self, title: str) -> list[PaperRecord]:
        answer = self._get("/works", {"search": title, "per-page": str(RESULTS)})
        works = answer.get("results", []) if isinstance(answer, dict) else []
        return [r for w in works if (r := work_record(w)) is not None]

    def _doi(self, doi: str) -> list[PaperRecord]:
        answer = self._get(f"/works/doi:{quote(doi, safe='/:;()')}", {})
        record = work_record(answer) if isinstance(answer, dict) else None
        return [record] if record is not None else []

    def prefetch_dois(self, dois: list[str]) -> None:
        # a filter value must not hold the filter syntax's own "|", "," or ":"; DOIs with those
        # or other unusual characters (old Wiley SICIs) are looked up one by one, exactly
        super().prefetch_dois([d for d in dois if _PLAIN_DOI.fullmatch(d)])

    def _dois(self, dois: list[str]) -> dict[str, PaperRecord]:
        value = "|".join(f"https://doi.org/{d}" for d in dois)
        answer = self._get("/works", {"filter": f"doi:{value}", "per-page": str(len(dois))})
        works = answer.get("results", []) if isinstance(answer, dict) else []
        records = [r for w in works if isinstance(w, dict) and (r := work_record(w)) is not None]
        return {r.doi.lower(): r for r in records if r.doi}

    def _get(self, path: str, params: dict[str, str]) -> Any:
        assert self.http is not None
        params = {**params, "select": _FIELDS, **({"mailto": self.email} if self.email else {})}
        return self.http.get_json(self.name, self.base + path, params)


def work_record(work: dict[str, Any]) -> PaperRecord | None:
    """A ``PaperRecord`` from an OpenAlex Work object (None without a title)."""
    title = " ".join(str(work.get("title") or work.get("display_name") or "").split())
    if not title:
        return None
    doi = bare_doi(work.get("doi"))
    locations = [loc for loc in work.get("locations") or [] if isinstance(loc, dict)]
    arxiv_location = next((loc for loc in locations if _arxiv_id_at(loc)), None)
    arxiv_id = (_arxiv_id_at(arxiv_location) if arxiv_location else None) or (
        arxiv_id_of_doi(doi) if doi else None
    )
    primary = work.get("primary_location") or {}
    return PaperRecord(
        title=title,
        authors=[
            name
            for a in work.get("authorships") or []
            if (name := ((a or {}).get("author") or {}).get("display_name"))
        ],
        year=work.get("publication_year"),
        arxiv_id=arxiv_id,
        doi=doi,
        pdf_url=_pdf_url(work, arxiv_location, locations),
        url=primary.get("landing_page_url") or (f"https://doi.org/{doi}" if doi else None),
        venue=((primary.get("source") or {}).get("display_name")),
        source="openalex",
        abstract=_abstract(work.get("abstract_inverted_index")),
    )


def _abstract(inverted: object) -> str:
    """The abstract from OpenAlex's inverted index (word → positions); empty when there is none."""
    if not isinstance(inverted, dict):
        return ""
    placed = sorted((pos, str(word)) for word, positions in inverted.items() for pos in positions or [])
    return " ".join(word for _pos, word in placed)


def _arxiv_id_at(location: dict[str, Any]) -> str | None:
    for field in ("landing_page_url", "pdf_url"):
        arxiv_id = arxiv_id_of(str(location.get(field) or ""))
        if arxiv_id:
            return arxiv_id
    return None


def _pdf_url(
    work: dict[str, Any], arxiv_location: dict[str, Any] | None, locations: list[dict[str, Any]]
) -> str | None:
    if arxiv_location is not None and arxiv_location.get("pdf_url"):
        return str(arxiv_location["pdf_url"])
    best = work.get("best_oa_location") or {}
    if best.get("pdf_url"):
        return str(best["pdf_url"])
    return next((str(loc["pdf_url"]) for loc in locations if loc.get("is_oa") and loc.get("pdf_url")), None)

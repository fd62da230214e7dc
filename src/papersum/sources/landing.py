"""A link's landing page, read for the Highwire Press ``citation_*`` meta tags that proceedings and
publisher sites carry (``citation_title``, ``citation_author``, ``citation_pdf_url``,
``citation_doi``, ``citation_arxiv_id``, ``citation_publication_date``), fetched once and cached.

A link that answers with a PDF although its address does not end in ``.pdf`` is a direct PDF link:
its record has the PDF's address and no title.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

from papersum.models import PaperRecord
from papersum.sources.base import Source
from papersum.sources.doi import bare_doi
from papersum.sources.http import Http, Page
from papersum.store import Store

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DATE_TAGS = ("citation_publication_date", "citation_date", "citation_online_date", "citation_year")
_VENUE_TAGS = ("citation_conference_title", "citation_journal_title", "citation_publisher")


class LandingPages(Source):
    """Reads landing pages over the shared client (None: offline, the cache only)."""

    name = "landing page"
    kind = "landing-page"
    one_failure_stops = False

    def __init__(self, http: Http | None, store: Store) -> None:
        super().__init__("", http, store)

    def read(self, url: str) -> list[PaperRecord] | None:
        """The paper the page at ``url`` describes (a list of one), or empty when it describes none."""
        return self._ask("page", url, lambda: self._read(url))

    def _read(self, url: str) -> list[PaperRecord]:
        assert self.http is not None
        page = self.http.get_page(url)
        if page is None:
            return []
        if "pdf" in page.content_type:
            return [PaperRecord(title="", pdf_url=page.url, url=url, source="landing-page")]
        record = page_record(page)
        return [record] if record is not None else []


def page_record(page: Page) -> PaperRecord | None:
    """The paper a page's ``citation_*`` meta tags describe (None without ``citation_title``)."""
    parser = _MetaTags()
    parser.feed(page.text)
    tags = parser.tags
    title = " ".join(_first(tags, "citation_title").split())
    if not title:
        return None
    pdf = _first(tags, "citation_pdf_url")
    year = _YEAR.search(" ".join(tags.get(t, [""])[0] for t in _DATE_TAGS))
    return PaperRecord(
        title=title,
        authors=[_first_last(a) for a in tags.get("citation_author", [])],
        year=int(year[1]) if year else None,
        arxiv_id=_first(tags, "citation_arxiv_id") or None,
        doi=bare_doi(_first(tags, "citation_doi")),
        pdf_url=urljoin(page.url, pdf) if pdf else None,
        url=page.url,
        venue=next((v for t in _VENUE_TAGS if (v := _first(tags, t))), None),
        source="landing-page",
    )


def _first(tags: dict[str, list[str]], name: str) -> str:
    return tags.get(name, [""])[0].strip()


def _first_last(name: str) -> str:
    """``Lostanlen, Vincent`` → ``Vincent Lostanlen``; other forms stay as they are."""
    last, comma, first = name.partition(",")
    return " ".join(f"{first} {last}".split()) if comma and first.strip() else " ".join(name.split())


class _MetaTags(HTMLParser):
    """Collects ``<meta name="citation_…" content="…">`` values, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta":
            return
        values = dict(attrs)
        name = (values.get("name") or values.get("property") or "").strip().lower()
        if name.startswith("citation_") and values.get("content"):
            self.tags.setdefault(name, []).append(str(values["content"]))

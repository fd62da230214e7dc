"""A local stand-in for the metadata services beyond arXiv, on 127.0.0.1: OpenAlex's works API,
Semantic Scholar's Graph API, publishers' landing pages and their PDFs — so tests drive papersum's
real clients and httpx over a socket.

Answers have the documented shapes (docs.openalex.org, "Work object" and "Location object";
api.semanticscholar.org/api-docs/graph, "paper/search/match" and "paper/{paper_id}"), trimmed to
the fields papersum asks for:

- ``GET /openalex/works?search=…&per-page=N`` → ``{"meta": {...}, "results": [Work, …]}``, works
  sharing words with the query, most shared first (OpenAlex's search is a full-text relevance
  search: it nearly always returns something);
- ``GET /openalex/works/doi:10.…`` → a Work, or 404;
- ``GET /s2/paper/search/match?query=…`` → ``{"data": [paper + matchScore]}``, the closest title
  even when it is another paper, or 404 ``{"error": "Title match not found"}`` when no title shares
  half the query's words;
- ``GET /s2/paper/DOI:10.…`` → a paper, or 404 ``{"error": "Paper with id DOI:… not found"}``;
- ``GET /pages/<slug>`` → the work's landing page with Highwire ``citation_*`` meta tags;
- ``GET /files/<slug>.pdf`` → the work's PDF (a real one from ``examples/papers`` or one made with
  pymupdf).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass
from html import escape
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from .arxiv_server import Fault, Request
from .conftest import pdf_bytes
from .localserver import Handler, LocalServer

_WORD = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Work:
    """A paper the stand-in knows.

    ``oa``: its publisher serves the PDF openly; ``arxiv_id``: it also has an arXiv copy (an
    OpenAlex location on arxiv.org, an ``ArXiv`` external id on Semantic Scholar); ``services``:
    which of OpenAlex and Semantic Scholar know it; ``pdf``: a real PDF to serve; ``meta``: whether
    its landing page carries citation meta tags; ``page_pdf``: whether they name the PDF.
    """

    slug: str
    title: str
    authors: tuple[str, ...]
    year: int
    doi: str | None = None
    venue: str = "International Society for Music Information Retrieval Conference"
    arxiv_id: str | None = None
    oa: bool = True
    services: frozenset[str] = frozenset({"openalex", "s2"})
    pdf: Path | None = None
    meta: bool = True
    page_pdf: bool = True
    abstract: str = ""


class ScholarlyStandIn(LocalServer):
    """The server; ``start()`` it, use ``openalex``, ``s2``, ``page()``, ``stop()`` it."""

    def __init__(self, works: list[Work], *, arxiv_base: str = "http://arxiv.org") -> None:
        self.works = {w.slug: w for w in works}
        self.arxiv_base = arxiv_base
        self.requests: list[Request] = []
        self.headers: list[dict[str, str]] = []
        self.faults: dict[str, deque[Fault]] = {}
        self._pdfs: dict[str, bytes] = {}
        self._lock = threading.Lock()
        super().__init__(_handler_for(self))

    @property
    def openalex(self) -> str:
        """The base URL for ``PAPERSUM_OPENALEX_API``."""
        return f"{self.root}/openalex"

    @property
    def s2(self) -> str:
        """The base URL for ``PAPERSUM_S2_API``."""
        return f"{self.root}/s2"

    def page(self, slug: str) -> str:
        """The landing page of a work."""
        return f"{self.root}/pages/{slug}"

    def file(self, slug: str) -> str:
        """The PDF of a work, as its publisher serves it."""
        return f"{self.root}/files/{slug}.pdf"

    def calls(self, prefix: str = "/") -> list[Request]:
        """The requests received so far whose path starts with ``prefix``."""
        return [r for r in self.requests if r.path.startswith(prefix)]

    def add_faults(self, path: str, *faults: Fault) -> None:
        """Serve these faults, one per request, to the next requests for ``path``."""
        self.faults.setdefault(path, deque()).extend(faults)

    def next_fault(self, path: str) -> Fault | None:
        with self._lock:
            queue = self.faults.get(path)
            return queue.popleft() if queue else None

    def pdf(self, slug: str) -> bytes:
        """The PDF served for a work."""
        with self._lock:
            if slug not in self._pdfs:
                work = self.works[slug]
                self._pdfs[slug] = (
                    work.pdf.read_bytes()
                    if work.pdf
                    else pdf_bytes(
                        work.title,
                        [
                            ("Abstract", "We study music performance videos and their audio. " * 6),
                            (
                                "1 Introduction",
                                "Musicians move as they play; the motion is seen and "
                                "the sound is heard. " * 12,
                            ),
                        ],
                    )
                )
            return self._pdfs[slug]

    # OpenAlex

    def openalex_work(self, w: Work) -> dict[str, object]:
        """A Work object as OpenAlex gives it."""
        doi_url = f"https://doi.org/{w.doi}" if w.doi else None
        primary = {
            "is_oa": w.oa,
            "landing_page_url": doi_url or self.page(w.slug),
            "pdf_url": self.file(w.slug) if w.oa else None,
            "source": {"id": "https://openalex.org/S4306418", "display_name": w.venue, "type": "conference"},
            "license": "cc-by" if w.oa else None,
            "version": "publishedVersion",
        }
        locations: list[dict[str, object]] = [primary]
        if w.arxiv_id:
            locations.append(
                {
                    "is_oa": True,
                    "landing_page_url": f"http://arxiv.org/abs/{w.arxiv_id}",
                    "pdf_url": f"http://arxiv.org/pdf/{w.arxiv_id}",
                    "source": {
                        "id": "https://openalex.org/S4306400194",
                        "display_name": "arXiv (Cornell University)",
                        "type": "repository",
                    },
                    "license": None,
                    "version": "submittedVersion",
                }
            )
        best = next((loc for loc in locations if loc["is_oa"]), None)
        return {
            "id": f"https://openalex.org/W{abs(hash(w.slug)) % 10**10}",
            "doi": doi_url,
            "title": w.title,
            "display_name": w.title,
            "publication_year": w.year,
            "authorships": [
                {
                    "author_position": "first" if i == 0 else "middle",
                    "author": {"id": f"https://openalex.org/A{i}", "display_name": name},
                    "institutions": [],
                }
                for i, name in enumerate(w.authors)
            ],
            "primary_location": primary,
            "best_oa_location": best,
            "locations": locations,
            "abstract_inverted_index": _inverted(w.abstract),
        }

    def openalex_search(self, query: str, per_page: int) -> dict[str, object]:
        known = [w for w in self.works.values() if "openalex" in w.services]
        ranked = _ranked(known, query)
        return {
            "meta": {"count": len(ranked), "db_response_time_ms": 3, "page": 1, "per_page": per_page},
            "results": [self.openalex_work(w) for w in ranked[:per_page]],
        }

    def openalex_filter(self, value: str, per_page: int) -> tuple[int, dict[str, object]]:
        """``/works?filter=doi:A|B|…`` (bare DOIs or doi.org URLs); OpenAlex answers 403 for
        more than 100 values OR-ed and 400 for a filter it does not know."""
        name, _, values = value.partition(":")
        if name != "doi":
            return 400, {
                "error": "Invalid query parameters error.",
                "message": f"{name} is not a valid field",
            }
        dois = [v.removeprefix("https://doi.org/") for v in values.split("|")]
        if len(dois) > 100:
            return 403, {
                "error": "Maximum number of values exceeded for doi. Decrease values to 100 or below."
            }
        works = [w for d in dois if (w := self.by_doi(d, "openalex")) is not None]
        meta = {"count": len(works), "db_response_time_ms": 4, "page": 1, "per_page": per_page}
        return 200, {"meta": meta, "results": [self.openalex_work(w) for w in works[:per_page]]}

    # Semantic Scholar

    def s2_batch(self, body: dict[str, object]) -> tuple[int, object]:
        """``POST /paper/batch``: one paper (or null) per id asked, in order; at most 500 ids."""
        ids = body.get("ids")
        if not isinstance(ids, list):
            return 400, {"error": "Unacceptable body: 'ids' must be a list"}
        if len(ids) > 500:
            return 400, {"error": "Too many ids; 500 maximum"}
        works = [self.by_doi(i.removeprefix("DOI:"), "s2") if i.startswith("DOI:") else None for i in ids]
        return 200, [self.s2_paper(w) if w else None for w in works]

    def s2_paper(self, w: Work) -> dict[str, object]:
        """A Graph API paper object with the fields papersum asks for."""
        ids: dict[str, object] = {"CorpusId": abs(hash(w.slug)) % 10**8}
        if w.doi:
            ids["DOI"] = w.doi.upper() if w.doi.startswith("10.1109") else w.doi
        if w.arxiv_id:
            ids["ArXiv"] = w.arxiv_id
        open_pdf = (
            {"url": self.file(w.slug), "status": "GOLD", "license": "CCBY"}
            if w.oa
            else {"url": "", "status": None, "license": None}
        )
        return {
            "paperId": f"{abs(hash(w.slug)):040x}"[:40],
            "externalIds": ids,
            "url": f"https://www.semanticscholar.org/paper/{w.slug}",
            "title": w.title,
            "venue": w.venue,
            "year": w.year,
            "openAccessPdf": open_pdf,
            "authors": [{"authorId": str(i), "name": n} for i, n in enumerate(w.authors)],
            "abstract": w.abstract or None,
        }

    def s2_match(self, query: str) -> dict[str, object] | None:
        known = [w for w in self.works.values() if "s2" in w.services]
        ranked = _ranked(known, query)
        wanted = set(_words(query))
        if not ranked or len(wanted & set(_words(ranked[0].title))) * 2 < len(wanted):
            return None
        return {"data": [{**self.s2_paper(ranked[0]), "matchScore": 150.5}]}

    def by_doi(self, doi: str, service: str) -> Work | None:
        return next(
            (
                w
                for w in self.works.values()
                if w.doi and w.doi.lower() == doi.lower() and service in w.services
            ),
            None,
        )

    def landing_page(self, w: Work) -> str:
        tags = []
        if w.meta:
            tags += [
                ("citation_title", w.title),
                *(("citation_author", a) for a in w.authors),
                ("citation_publication_date", f"{w.year}/11/04"),
                ("citation_conference_title", w.venue),
            ]
            if w.doi:
                tags.append(("citation_doi", w.doi))
            if w.page_pdf and w.oa:
                tags.append(("citation_pdf_url", f"/files/{w.slug}.pdf"))  # relative, as some sites do
        meta = "\n".join(f'<meta name="{n}" content="{escape(v)}">' for n, v in tags)
        return (
            f"<!DOCTYPE html><html><head><title>{escape(w.title)}</title>\n{meta}\n"
            f"</head><body><h1>{escape(w.title)}</h1></body></html>"
        )


def _handler_for(server: ScholarlyStandIn) -> type[BaseHTTPRequestHandler]:
    class ScholarlyHandler(Handler):
        def do_GET(self) -> None:
            url = urlparse(self.path)
            path = unquote(url.path)
            params = {k: v[0] for k, v in parse_qs(url.query).items()}
            server.requests.append(Request(path, params, time.monotonic()))
            server.headers.append({k.lower(): v for k, v in self.headers.items()})
            fault = server.next_fault(path)
            if fault is not None and fault.kind == "sleep":
                time.sleep(fault.seconds)
            elif fault is not None and fault.kind == "status":
                return self.reply(fault.status, b'{"error": "fault"}', "application/json", fault.headers)
            return self.route(path, params)

        def do_POST(self) -> None:
            url = urlparse(self.path)
            path = unquote(url.path)
            params = {k: v[0] for k, v in parse_qs(url.query).items()}
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            server.requests.append(Request(path, {**params, "body": json.dumps(body)}, time.monotonic()))
            server.headers.append({k.lower(): v for k, v in self.headers.items()})
            fault = server.next_fault(path)
            if fault is not None and fault.kind == "status":
                return self.reply(fault.status, b'{"error": "fault"}', "application/json", fault.headers)
            if path == "/s2/paper/batch":
                return self.json(*server.s2_batch(body))
            return self.json(405, {"error": "Method not allowed"})

        def route(self, path: str, params: dict[str, str]) -> None:
            if path == "/openalex/works" and "filter" in params:
                return self.json(*server.openalex_filter(params["filter"], int(params.get("per-page", 25))))
            if path == "/openalex/works":
                answer = server.openalex_search(params.get("search", ""), int(params.get("per-page", 25)))
                return self.json(200, answer)
            if path.startswith("/openalex/works/doi:"):
                work = server.by_doi(path.removeprefix("/openalex/works/doi:"), "openalex")
                return self.json(
                    *(
                        (200, server.openalex_work(work))
                        if work
                        else (404, {"error": "Not Found", "message": "not found"})
                    )
                )
            if path == "/s2/paper/search/match":
                match = server.s2_match(params.get("query", ""))
                return self.json(*((200, match) if match else (404, {"error": "Title match not found"})))
            if path.startswith("/s2/paper/DOI:"):
                doi = path.removeprefix("/s2/paper/DOI:")
                work = server.by_doi(doi, "s2")
                return self.json(
                    *(
                        (200, server.s2_paper(work))
                        if work
                        else (404, {"error": f"Paper with id DOI:{doi} not found"})
                    )
                )
            if path.startswith("/pages/") and path[7:] in server.works:
                page = server.landing_page(server.works[path[7:]]).encode()
                return self.reply(200, page, "text/html; charset=utf-8")
            match = re.fullmatch(r"/files/(.+)\.pdf", path)
            if match and match[1] in server.works and server.works[match[1]].oa:
                return self.reply(200, server.pdf(match[1]), "application/pdf")
            return self.reply(404, b"<html><body>Not found</body></html>", "text/html")

        def json(self, status: int, body: object) -> None:
            self.reply(status, json.dumps(body).encode(), "application/json")

    return ScholarlyHandler


def _inverted(abstract: str) -> dict[str, list[int]] | None:
    """An abstract as OpenAlex stores it: each word with its positions (null when there is none)."""
    if not abstract:
        return None
    index: dict[str, list[int]] = {}
    for position, word in enumerate(abstract.split()):
        index.setdefault(word, []).append(position)
    return index


def _words(text: str) -> list[str]:
    return _WORD.sub(" ", text.lower()).split()


def _ranked(works: list[Work], query: str) -> list[Work]:
    wanted = set(_words(query)) - {"a", "an", "the", "of", "for", "and", "in", "on", "to", "with"}
    scored = [(len(wanted & set(_words(w.title))), w) for w in works]
    return [w for n, w in sorted(scored, key=lambda s: -s[0]) if n > 0]

"""A local stand-in for arXiv on 127.0.0.1: the Atom query API (``id_list`` and ``search_query``)
and PDFs, with faults on demand, so tests drive the real ``arxiv`` package and httpx over a socket.

Searches understand the subset of arXiv's query syntax papersum and people use: ``ti:``, ``abs:``,
``au:`` and ``all:`` fields, quoted phrases, ``AND``/``OR``/``ANDNOT`` and parentheses. Results are
ranked by how many query words the title holds, like a crude relevance sort.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse
from xml.sax.saxutils import escape

from .conftest import pdf_bytes
from .localserver import Handler, LocalServer

_TOKEN = re.compile(r'\(|\)|ANDNOT\b|AND\b|OR\b|\w+:"[^"]*"|\w+:[^\s()]+')
_WORD = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Paper:
    """A paper the stand-in knows."""

    arxiv_id: str
    title: str
    authors: tuple[str, ...] = ("A. Author",)
    year: int = 2020
    abstract: str = "We study audio and video of music performances."


@dataclass(frozen=True)
class Fault:
    """What to do instead of (or before) answering one request.

    kind: ``status`` (answer ``status`` with ``headers``), ``sleep`` (wait ``seconds``, then answer
    normally), ``html`` (an HTML page with 200), ``truncate`` (half the PDF, complete response),
    ``drop`` (announce the full length, send half, close the connection).
    """

    kind: str
    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(frozen=True)
class Request:
    """One request the stand-in received."""

    path: str
    params: dict[str, str]
    at: float


class ArxivStandIn(LocalServer):
    """The server; ``start()`` it, use ``api`` and ``base``, ``stop()`` it."""

    def __init__(self, papers: list[Paper], *, pdf_latency: float = 0.0, pdf_interval: float = 0.0) -> None:
        self.papers = {p.arxiv_id: p for p in papers}
        self.pdf_latency = pdf_latency
        self.pdf_interval = pdf_interval
        """Seconds between the starts of two PDF answers, as arxiv.org's rate limit spaces them."""
        self._next_pdf = 0.0
        self.requests: list[Request] = []
        self.faults: dict[str, deque[Fault]] = {}
        self._pdfs: dict[str, bytes] = {}
        self._lock = threading.Lock()
        super().__init__(_handler_for(self))

    def pdf_wait(self) -> float:
        """How long the PDF answer starting now must wait for its turn (``pdf_interval``)."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_pdf)
            self._next_pdf = start + self.pdf_interval
        return start - now

    @property
    def base(self) -> str:
        """The server's root URL."""
        return self.root

    @property
    def api(self) -> str:
        """The query endpoint, for ``PAPERSUM_ARXIV_API``."""
        return f"{self.base}/api/query"

    def api_calls(self) -> list[Request]:
        """The API queries received so far."""
        return [r for r in self.requests if r.path == "/api/query"]

    def add_faults(self, path: str, *faults: Fault) -> None:
        """Serve these faults, one per request, to the next requests for ``path``."""
        self.faults.setdefault(path, deque()).extend(faults)

    def pdf(self, arxiv_id: str) -> bytes:
        """The PDF served for a paper (made once with pymupdf)."""
        with self._lock:
            if arxiv_id not in self._pdfs:
                paper = self.papers[arxiv_id]
                self._pdfs[arxiv_id] = pdf_bytes(
                    paper.title,
                    [
                        ("Abstract", paper.abstract * 3),
                        (
                            "1 Introduction",
                            "Music performance videos pair audio with the visual motion of players. " * 12,
                        ),
                    ],
                )
            return self._pdfs[arxiv_id]

    def next_fault(self, path: str) -> Fault | None:
        with self._lock:
            queue = self.faults.get(path)
            return queue.popleft() if queue else None

    def feed(self, params: dict[str, str]) -> bytes:
        """The Atom feed answering an API query."""
        ids = [i for i in params.get("id_list", "").split(",") if i]
        papers = [self.papers[_bare(i)] for i in ids if _bare(i) in self.papers]
        query = params.get("search_query", "")
        if query:
            papers = _search(list(self.papers.values()) if not ids else papers, query)
        start, size = int(params.get("start", 0)), int(params.get("max_results", 10))
        page = papers[start : start + size]
        entries = "".join(self._entry(p) for p in page)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom" '
            'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
            'xmlns:arxiv="http://arxiv.org/schemas/atom">'
            f"<title>arXiv Query</title><opensearch:totalResults>{len(papers)}"
            f"</opensearch:totalResults><opensearch:startIndex>{start}</opensearch:startIndex>"
            f"<opensearch:itemsPerPage>{size}</opensearch:itemsPerPage>{entries}</feed>"
        ).encode()

    def _entry(self, p: Paper) -> str:
        authors = "".join(f"<author><name>{escape(a)}</name></author>" for a in p.authors)
        stamp = f"{p.year}-03-15T12:00:00Z"
        return (
            f"<entry><id>http://arxiv.org/abs/{p.arxiv_id}v1</id><updated>{stamp}</updated>"
            f"<published>{stamp}</published><title>{escape(p.title)}</title>"
            f"<summary>{escape(p.abstract)}</summary>{authors}"
            f'<link href="http://arxiv.org/abs/{p.arxiv_id}v1" rel="alternate" type="text/html"/>'
            f'<link title="pdf" href="{self.base}/pdf/{p.arxiv_id}v1" rel="related" '
            'type="application/pdf"/><arxiv:primary_category term="cs.SD"/>'
            '<category term="cs.SD"/></entry>'
        )


def _handler_for(server: ArxivStandIn) -> type[BaseHTTPRequestHandler]:
    class ArxivHandler(Handler):
        def do_GET(self) -> None:
            url = urlparse(self.path)
            params = {k: v[0] for k, v in parse_qs(url.query).items()}
            server.requests.append(Request(url.path, params, time.monotonic()))
            fault = server.next_fault(url.path)
            if fault is not None and fault.kind == "sleep":
                time.sleep(fault.seconds)
                fault = None
            if fault is not None and fault.kind == "status":
                return self.reply(fault.status, b"error", "text/plain", fault.headers)
            if fault is not None and fault.kind == "html":
                return self.reply(
                    200, b"<!DOCTYPE html><html><body>Are you a robot?</body></html>", "text/html"
                )
            if url.path == "/api/query":
                return self.reply(200, server.feed(params), "application/atom+xml")
            match = re.fullmatch(r"/pdf/(.+?)(?:v\d+)?(?:\.pdf)?", url.path)
            if match is None or match[1] not in server.papers:
                return self.reply(404, b"not found", "text/plain")
            data = server.pdf(match[1])
            time.sleep(server.pdf_wait() + server.pdf_latency)
            if fault is not None and fault.kind == "truncate":
                return self.reply(200, data[: len(data) // 2], "application/pdf")
            if fault is not None and fault.kind == "drop":
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.close_connection = True
                return None
            return self.reply(200, data, "application/pdf")

    return ArxivHandler


def _bare(arxiv_id: str) -> str:
    return re.sub(r"v\d+$", "", arxiv_id)


def _words(text: str) -> list[str]:
    return _WORD.sub(" ", text.lower()).split()


def _search(papers: list[Paper], query: str) -> list[Paper]:
    tokens = _TOKEN.findall(query)
    hits = [p for p in papers if _evaluate(list(tokens), p)]
    wanted = set(_words(" ".join(t.split(":", 1)[-1] for t in tokens if ":" in t)))
    return sorted(hits, key=lambda p: -len(wanted & set(_words(p.title))))


def _evaluate(tokens: list[str], paper: Paper) -> bool:
    """Evaluate a query left to right (as arXiv does without parentheses), consuming ``tokens``."""
    result = _term(tokens, paper)
    while tokens and tokens[0] != ")":
        op = tokens.pop(0)
        right = _term(tokens, paper)
        result = {"AND": result and right, "OR": result or right, "ANDNOT": result and not right}[op]
    return result


def _term(tokens: list[str], paper: Paper) -> bool:
    token = tokens.pop(0)
    if token == "(":
        result = _evaluate(tokens, paper)
        tokens.pop(0)  # ")"
        return result
    name, value = token.split(":", 1)
    text = {"ti": paper.title, "abs": paper.abstract, "au": " ".join(paper.authors)}.get(
        name, f"{paper.title} {paper.abstract} {' '.join(paper.authors)}"
    )
    wanted, words = _words(value.strip('"')), _words(text)
    if len(wanted) == 1:
        return wanted[0] in words
    return f" {' '.join(wanted)} " in f" {' '.join(words)} "

"""Entry → ``PaperRef``: which paper an entry means, and where its PDF comes from.

An entry resolves, in this order, to
1. a local PDF it links to;
2. a PDF in the ``papers/`` inbox beside the list, matched by the arXiv id in its file name or by
   its title (for paywalled papers the user downloads by hand);
3. the arXiv paper its link names (any arXiv or ar5iv form), when that paper's title matches the
   entry's; when it does not, the entry gets a ``mismatch`` warning and goes on to 5;
4. a direct PDF link elsewhere;
5. a confident arXiv title search (no link, an empty one, or a publisher, IEEE or dataset page).
Otherwise it stays ``unresolved``, with the closest candidates: a wrong summary is worse than none.

arXiv metadata and searches are cached in the store, so a second run asks arXiv nothing; with no
API client (``--offline``) only the cache is used and the rest ``needs-network``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal, overload
from urllib.parse import unquote, urlparse

from pydantic import BaseModel

from papersum.arxiv_api import ArxivApi, arxiv_id_in_file_name, arxiv_id_of, arxiv_key
from papersum.errors import ArxivApiError, PapersumError
from papersum.models import ArxivPaper, Entry, Link, PaperRef, RefSource
from papersum.store import Store
from papersum.titles import (
    CONFIDENT,
    SAME_PAPER,
    Match,
    best_match,
    normalize_title,
    title_query,
    title_score,
)

INBOX = "papers"
NEEDS_NETWORK = "needs the network (--offline)"
_REMOTE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_BOLD = re.compile(r"\*\*(?P<inner>.+?)(?:\*\*|$)")
_CANDIDATES_SHOWN = 3


class Resolver:
    """Resolves the entries of one list, with one arXiv client (or none, offline) and one store."""

    def __init__(self, list_dir: Path, store: Store, api: ArxivApi | None) -> None:
        self.list_dir = list_dir
        self.store = store
        self.api = api
        self.inbox = Inbox(list_dir / INBOX, store)

    def resolve(self, entries: list[Entry]) -> list[PaperRef]:
        """Resolve every entry; the references in list order."""
        refs = {entry.line: ref for entry, ref in self.stream(entries)}
        return [refs[entry.line] for entry in entries]

    def stream(self, entries: list[Entry]) -> Iterator[tuple[Entry, PaperRef]]:
        """Resolve every entry, yielding each as soon as it is known: local PDFs first, then the
        linked arXiv papers (one batched lookup), then title searches one by one — so a run can
        start downloading while arXiv is still being searched."""
        remote: list[Entry] = []
        for entry in entries:
            local = _linked_local_pdf(entry, self.list_dir) or self.inbox.find(entry)
            if local is not None:
                yield entry, local
            else:
                remote.append(entry)
        papers = self._lookup(sorted({i for e in remote if (i := linked_arxiv_id(e))}))
        searching: list[Entry] = []
        for entry in remote:
            ref = self._resolve_remote(entry, papers, search=False)
            if ref is None:
                searching.append(entry)
            else:
                yield entry, ref
        for entry in searching:
            yield entry, self._resolve_remote(entry, papers)

    @overload
    def _resolve_remote(self, entry: Entry, papers: dict[str, ArxivPaper | None]) -> PaperRef: ...

    @overload
    def _resolve_remote(
        self, entry: Entry, papers: dict[str, ArxivPaper | None], *, search: bool
    ) -> PaperRef | None: ...

    def _resolve_remote(
        self, entry: Entry, papers: dict[str, ArxivPaper | None], *, search: bool = True
    ) -> PaperRef | None:
        """Resolve an entry with arXiv; ``papers`` holds the linked ids known (None: not on
        arXiv). Without ``search``, an entry that needs a title search gives None."""
        arxiv_id = linked_arxiv_id(entry)
        warnings: list[str] = []
        if arxiv_id is not None:
            if arxiv_id not in papers:
                return self._unknown(entry, arxiv_id)
            paper = papers[arxiv_id]
            if paper is not None and (_title_is_note(entry) or _same_paper(entry, paper)):
                return _resolved(entry, paper, "link")
            warnings.append(_link_warning(entry, arxiv_id, paper))
        elif (direct := _direct_pdf_link(entry)) is not None:
            return PaperRef(status="resolved", key=_url_key(entry, direct.url), title=entry.title,
                            pdf_url=direct.url, url=direct.url, source="link")
        return self._by_title(entry, warnings) if search else None

    def _lookup(self, ids: list[str]) -> dict[str, ArxivPaper | None]:
        known = self.store.cached_papers(ids)
        missing = [i for i in ids if i not in known]
        if missing and self.api is not None:
            try:
                found = self.api.lookup(missing)
            except ArxivApiError:  # the entries needing it say why, from api.last_error
                return known
            self.store.cache_papers(missing, found)
            known.update({i: found.get(i) for i in missing})
        return known

    def _search(self, title: str) -> list[ArxivPaper] | None:
        """What a title search finds (cached); None when it cannot be asked."""
        query = title_query(title)
        cached = self.store.cached_search(query)
        if cached is not None or self.api is None or self.api.last_error is not None:
            return cached  # after one failure, arXiv is not asked again this run
        try:
            found = self.api.search(query)
        except ArxivApiError:
            return None
        self.store.cache_search(query, found)
        return found

    def _by_title(self, entry: Entry, warnings: list[str]) -> PaperRef:
        base = PaperRef(status="unresolved", key=_title_key(entry), title=entry.title,
                        warnings=warnings, url=_first_url(entry))
        if _title_is_note(entry) or len(title_query(entry.title)) == 0:
            return base.model_copy(
                update={"reason": "no paper title to search arXiv for; add the title in **bold**"})
        found = self._search(entry.title)
        if found is None:
            return self._unknown(entry, None, base)
        context = entry.text if "**" not in entry.text else ""
        match, ranked = best_match(entry.title, found, context)
        if match is None:
            return base.model_copy(update={"reason": _no_match(entry, ranked)})
        paper = match.paper
        notes = [f'found by title search: arXiv {paper.arxiv_id} "{paper.title}"'] if warnings else []
        return _resolved(entry, paper, "title-search", [*warnings, *notes])

    def _unknown(self, entry: Entry, arxiv_id: str | None, base: PaperRef | None = None) -> PaperRef:
        """An entry that needs arXiv when arXiv cannot be asked (offline, or the API failed)."""
        key = arxiv_key(arxiv_id) if arxiv_id else _title_key(entry)
        ref = base or PaperRef(status="unresolved", key=key, title=entry.title, arxiv_id=arxiv_id,
                               url=_first_url(entry))
        if self.api is None:
            return ref.model_copy(update={"status": "needs-network", "reason": NEEDS_NETWORK})
        return ref.model_copy(update={"reason": str(self.api.last_error or "the arXiv API failed")})


class Inbox:
    """PDFs the user put in ``papers/`` beside the list, found by arXiv id or title."""

    def __init__(self, folder: Path, store: Store) -> None:
        self.folder = folder
        self.store = store
        self._titles: dict[Path, str] | None = None

    def find(self, entry: Entry) -> PaperRef | None:
        """The inbox PDF of this entry, if there is one."""
        if not self.folder.is_dir():
            return None
        arxiv_id = linked_arxiv_id(entry)
        titles = self.titles()
        for path in titles:
            if arxiv_id is not None and arxiv_id_in_file_name(path.name) == arxiv_id:
                return _local(entry, path, arxiv_key(arxiv_id), arxiv_id)
        for path, title in titles.items():
            score = max(title_score(entry.title, title), title_score(entry.title, _words_of(path.stem)))
            if entry.title and score >= CONFIDENT:
                return _local(entry, path, slugify(entry.title))
        return None

    def titles(self) -> dict[Path, str]:
        """Every inbox PDF with its title (unreadable PDFs have an empty title). Titles are kept
        in the state until a file changes: reading them needs pymupdf, which takes most of a
        second to load, and status, suggest and every run look here."""
        if self._titles is None:
            self._titles = {}
            for path in sorted(p for p in self.folder.iterdir() if p.suffix.lower() == ".pdf"):
                title = self.store.cached_pdf_title(path)
                if title is None:
                    title = _read_title(path)
                    self.store.cache_pdf_title(path, title)
                self._titles[path] = title
        return self._titles


class Resolution(BaseModel):
    """One row of ``papersum resolve --json``, as CONTRACT.md defines it."""

    line: int
    title: str
    status: Literal["resolved", "local", "unresolved"]
    arxiv_id: str | None
    pdf_url: str | None
    source: RefSource | None
    warnings: list[str]


def resolution_of(entry: Entry, ref: PaperRef) -> Resolution:
    """The ``resolve`` row of an entry: ``needs-network`` shows as unresolved, saying why."""
    status = "unresolved" if ref.status == "needs-network" else ref.status
    warnings = [*ref.warnings, *([ref.reason] if ref.reason and status == "unresolved" else [])]
    pdf_url = ref.pdf_url or (ref.pdf_path.resolve().as_uri() if ref.pdf_path else None)
    return Resolution(line=entry.line, title=entry.title or ref.title, status=status,
                      arxiv_id=ref.arxiv_id, pdf_url=pdf_url, source=ref.source, warnings=warnings)


def linked_arxiv_id(entry: Entry) -> str | None:
    """The arXiv id an entry's links (or text, as ``arXiv:ID``) name."""
    ids = (arxiv_id_of(link.url) for link in entry.links)
    return next(filter(None, ids), None) or arxiv_id_of(entry.text)


def local_pdf_path(link: Link, list_dir: Path) -> Path | None:
    """The file a link points to when it is a local ``.pdf`` path or ``file://`` URL."""
    url = link.url.strip()
    if not url:
        return None
    if url.lower().startswith("file://"):
        path = Path(unquote(urlparse(url).path))
    elif _REMOTE.match(url):
        return None
    else:
        path = Path(unquote(url.split("#")[0].split("?")[0])).expanduser()
    if path.suffix.lower() != ".pdf":
        return None
    return path if path.is_absolute() else (list_dir / path)


def slugify(title: str, limit: int = 80) -> str:
    """A file-system-safe key from a title: ASCII, lower case, words joined by ``-``."""
    slug = normalize_title(title).replace(" ", "-")
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rsplit("-", 1)[0]  # end on a whole word
    return cut or slug[:limit]


def _linked_local_pdf(entry: Entry, list_dir: Path) -> PaperRef | None:
    for link in entry.links:
        path = local_pdf_path(link, list_dir)
        if path is None:
            continue
        key = slugify(entry.title) or slugify(path.stem)
        if not path.is_file():
            return PaperRef(
                status="unresolved", key=key, title=entry.title, url=link.url,
                reason=f"the linked PDF {link.url} does not exist (looked for {path})",
            )
        return _local(entry, path, key, url=link.url)
    return None


def _local(entry: Entry, path: Path, key: str, arxiv_id: str | None = None,
           url: str | None = None) -> PaperRef:
    return PaperRef(status="local", key=key, title=entry.title, pdf_path=path, arxiv_id=arxiv_id,
                    url=url, source="local-file")


def _resolved(
    entry: Entry, paper: ArxivPaper, source: RefSource, warnings: list[str] | None = None
) -> PaperRef:
    return PaperRef(status="resolved", key=arxiv_key(paper.arxiv_id), title=paper.title,
                    arxiv_id=paper.arxiv_id, pdf_url=paper.pdf_url or _abs_to_pdf(paper.arxiv_id),
                    url=_first_url(entry), source=source, warnings=warnings or [])


def _title_key(entry: Entry) -> str:
    """The key of a paper known only by its entry: the title's slug, else the line."""
    return slugify(entry.title) or f"line-{entry.line}"


def _first_url(entry: Entry) -> str | None:
    return entry.links[0].url if entry.links else None


def _abs_to_pdf(arxiv_id: str) -> str:
    return f"https://arxiv.org/pdf/{arxiv_id}"


def _same_paper(entry: Entry, paper: ArxivPaper) -> bool:
    return title_score(entry.title, paper.title) >= SAME_PAPER


def _title_is_note(entry: Entry) -> bool:
    """Whether the entry's "title" is a remark around a bare URL, not a paper title."""
    if not entry.title:
        return True
    bold = _BOLD.search(entry.text)
    return bold is not None and any(
        link.kind == "bare" and link.url in bold["inner"] for link in entry.links
    )


def _link_warning(entry: Entry, arxiv_id: str, paper: ArxivPaper | None) -> str:
    if paper is None:
        return f"the link names arXiv {arxiv_id}, which arXiv does not know"
    return (f'mismatch: the link points to arXiv {arxiv_id} "{paper.title}", '
            f'not to "{entry.title}"')


def _no_match(entry: Entry, ranked: list[Match]) -> str:
    shown = "; ".join(f'{m.paper.arxiv_id} "{m.paper.title}" ({m.score:.0f}%)'
                      for m in ranked[:_CANDIDATES_SHOWN])
    found = f"closest: {shown}" if shown else "no candidates"
    return (f'no confident arXiv match for "{entry.title}" ({found}); fix the title or link, '
            f"or put the PDF in {INBOX}/ beside the list")


def _direct_pdf_link(entry: Entry) -> Link | None:
    return next((link for link in entry.links if _REMOTE.match(link.url)
                 and urlparse(link.url).path.lower().endswith(".pdf")), None)


def _url_key(entry: Entry, url: str) -> str:
    return slugify(entry.title) or slugify(Path(urlparse(url).path).stem) or _title_key(entry)


def _read_title(path: Path) -> str:
    from papersum.extract import read_pdf_title

    try:
        return read_pdf_title(path)
    except PapersumError:
        return ""


def _words_of(stem: str) -> str:
    return re.sub(r"[-_.]+", " ", stem)

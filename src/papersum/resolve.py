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

from collections.abc import Callable, Iterator
from pathlib import Path

from papersum.arxiv_api import ArxivApi, arxiv_key
from papersum.errors import ArxivApiError, ResolveError
from papersum.links import (
    INBOX,
    Inbox,
    abs_to_pdf,
    direct_pdf_link,
    first_url,
    landing_link,
    linked_arxiv_id,
    linked_doi,
    linked_local_pdf,
    slugify,
    title_is_note,
    title_key,
    url_key,
)
from papersum.models import (
    ArxivPaper,
    Entry,
    PaperRecord,
    PaperRef,
    PaperText,
    RefSource,
    record_of,
)
from papersum.readinglist import title_context
from papersum.sources import Services
from papersum.sources.doi import arxiv_id_of_doi
from papersum.store import Store
from papersum.titles import (
    CONFIDENT,
    SAME_PAPER,
    Match,
    best_match,
    clues_of,
    normalize_title,
    title_query,
    title_score,
    title_variants,
)
from papersum.titlesearch import search_together

NEEDS_NETWORK = "needs the network (--offline)"


_CANDIDATES_SHOWN = 3
_FIRST_PAGE_CHARS = 4000


class Resolver:
    """Resolves the entries of one list, with one arXiv client (or none, offline), the other
    metadata services (none: arXiv only) and one store."""

    def __init__(
        self,
        list_dir: Path,
        store: Store,
        api: ArxivApi | None,
        services: Services | None = None,
        inbox: Inbox | None = None,
    ) -> None:
        self.list_dir = list_dir
        self.store = store
        self.api = api
        self.services = services
        self.inbox = inbox or Inbox(list_dir / INBOX, store)
        """The ``papers/`` folder's index (pass one to share it between resolutions)."""

    def resolve(self, entries: list[Entry]) -> list[PaperRef]:
        """Resolve every entry; the references in list order."""
        refs = {entry.line: ref for entry, ref in self.stream(entries)}
        return [refs[entry.line] for entry in entries]

    def stream(self, entries: list[Entry]) -> Iterator[tuple[Entry, PaperRef]]:
        """Resolve every entry, yielding each as soon as it is known: local PDFs first, then the
        linked arXiv papers (one batched lookup), then the rest one by one (DOIs, landing pages,
        title searches) — so a run can start downloading while the services are still asked."""
        remote: list[Entry] = []
        for entry in entries:
            local = linked_local_pdf(entry, self.list_dir) or self.inbox.find(entry)
            if local is not None:
                yield entry, local
            else:
                remote.append(entry)
        self.inbox.save()
        papers = self._lookup(sorted({i for e in remote if (i := linked_arxiv_id(e))}))
        searching: list[Entry] = []
        for entry in remote:
            ref = self._by_arxiv_link(entry, papers) if linked_arxiv_id(entry) else None
            if ref is None:
                searching.append(entry)
            else:
                yield entry, ref
        if self.api is not None:
            search_together(self.api, self.store, searching)
        if self.services is not None:  # DOIs looked up fifty (OpenAlex) or 500 (S2) to a request
            dois = (linked_doi(e) for e in searching if not linked_arxiv_id(e))
            self.services.prefetch_dois([d for d in dois if d and arxiv_id_of_doi(d) is None])
        for entry in searching:
            yield entry, self._resolve_remote(entry, papers)

    def _by_arxiv_link(self, entry: Entry, papers: dict[str, ArxivPaper | None]) -> PaperRef | None:
        """The paper the entry's arXiv link names, when it is the entry's; None: search on."""
        arxiv_id = linked_arxiv_id(entry)
        paper = papers.get(arxiv_id) if arxiv_id else None
        if paper is not None and (title_is_note(entry) or _same_paper(entry.title, paper.title)):
            return _resolved(entry, record_of(paper), "link")
        return None

    def _resolve_remote(self, entry: Entry, papers: dict[str, ArxivPaper | None]) -> PaperRef:
        """Resolve an entry that has no local PDF and no arXiv link to its paper: its DOI, its
        direct PDF link, its landing page, then a title search; ``papers`` holds the linked arXiv
        ids known."""
        warnings: list[str] = []
        found: PaperRecord | None = None  # the paper, known but with no open-access PDF
        arxiv_id = linked_arxiv_id(entry)
        if arxiv_id is not None:  # ``stream`` found its link is not the entry's paper
            if arxiv_id not in papers and self.api is None:
                return self._unknown(entry, arxiv_id)
            if arxiv_id in papers:  # else arXiv failed: the other services may know the title
                warnings.append(_link_warning(entry, arxiv_id, papers[arxiv_id]))
        elif (doi := linked_doi(entry)) is not None:
            answer = self._by_doi(entry, doi, warnings)
            if isinstance(answer, PaperRef):
                return answer
            found = answer
        elif (direct := direct_pdf_link(entry)) is not None:
            return _direct(entry, direct.url)
        elif (page := landing_link(entry)) is not None:
            answer = self._by_landing_page(entry, page.url, warnings)
            if isinstance(answer, PaperRef):
                return answer
            found = answer
        return self._by_title(entry, warnings, found)

    def _by_doi(self, entry: Entry, doi: str, warnings: list[str]) -> PaperRef | PaperRecord | None:
        """The paper with the entry's DOI: a reference when it has an open PDF, the record when
        it has none (paywalled), None when the DOI is not the entry's paper or is not known."""
        record = self._doi_record(doi)
        if record is None:
            if self.api is not None and not self._unavailable_note():  # else the reason says why
                warnings.append(
                    f"the DOI {doi} was not found (neither OpenAlex nor Semantic Scholar knows it)"
                )
            return None
        if not title_is_note(entry) and not _same_paper(entry.title, record.title):
            warnings.append(f'mismatch: the DOI {doi} is "{record.title}", not "{entry.title}"')
            return None
        record = self._prefer_arxiv(record)
        return _resolved(entry, record, "doi") if record.pdf_url else record

    def _doi_record(self, doi: str) -> PaperRecord | None:
        if (arxiv_id := arxiv_id_of_doi(doi)) is not None:
            paper = self._lookup([arxiv_id]).get(arxiv_id)
            return record_of(paper) if paper else None
        for source in self.services.all if self.services else []:
            records = source.by_doi(doi)
            if records:
                return records[0]
        return None

    def _by_landing_page(self, entry: Entry, url: str, warnings: list[str]) -> PaperRef | PaperRecord | None:
        """The paper the link's landing page describes in its meta tags (see ``_by_doi``)."""
        records = self.services.pages.read(url) if self.services else None
        if not records:
            return None
        record = records[0]
        if not record.title:  # the link answered with a PDF
            return _direct(entry, record.pdf_url or url)
        if not title_is_note(entry) and not _same_paper(entry.title, record.title):
            warnings.append(f'mismatch: the page at {url} is "{record.title}", not "{entry.title}"')
            return None
        if record.doi and not record.pdf_url and not record.arxiv_id:
            known = self._doi_record(record.doi)
            if known is not None and known.pdf_url:
                record = record.model_copy(update={"pdf_url": known.pdf_url, "arxiv_id": known.arxiv_id})
        record = self._prefer_arxiv(record)
        return _resolved(entry, record, "landing-page") if record.pdf_url else record

    def _prefer_arxiv(self, record: PaperRecord) -> PaperRecord:
        """The record with its arXiv copy's PDF, when it is on arXiv (asked through the arXiv API,
        which may be a mirror)."""
        if record.arxiv_id is None or record.source == "arxiv":
            return record
        paper = self._lookup([record.arxiv_id]).get(record.arxiv_id)
        pdf_url = (paper.pdf_url if paper else None) or record.pdf_url or abs_to_pdf(record.arxiv_id)
        return record.model_copy(update={"pdf_url": pdf_url})

    def _lookup(self, ids: list[str]) -> dict[str, ArxivPaper | None]:
        known = self.store.cached_papers(ids)
        missing = [i for i in ids if i not in known]
        if missing and self.api is not None and self.api.last_error is None:
            try:
                found = self.api.lookup(missing)
            except ArxivApiError:  # the entries needing it say why, from api.last_error
                return known
            self.store.cache_papers(missing, found)
            known.update({i: found.get(i) for i in missing})
        return known

    def _search_arxiv(self, title: str) -> list[PaperRecord] | None:
        """What an arXiv title search finds (cached); None when it cannot be asked."""
        query = title_query(title)
        cached = self.store.cached_search(query)
        if cached is not None or self.api is None or self.api.last_error is not None:
            return None if cached is None else [record_of(p) for p in cached]
        try:
            found = self.api.search(query)
        except ArxivApiError:
            return None
        self.store.cache_search(query, found)
        return [record_of(p) for p in found]

    def _searches(self) -> list[tuple[str, RefSource, Callable[[str], list[PaperRecord] | None]]]:
        """The title searches, in the order they are asked: arXiv, then the other services."""
        searches: list[tuple[str, RefSource, Callable[[str], list[PaperRecord] | None]]] = [
            ("arXiv", "title-search", self._search_arxiv)
        ]
        for source in self.services.all if self.services else []:
            searches.append((source.name, source.kind, source.by_title))  # type: ignore[arg-type]
        return searches

    def _by_title(self, entry: Entry, warnings: list[str], found: PaperRecord | None) -> PaperRef:
        base = PaperRef(
            status="unresolved",
            key=title_key(entry),
            title=entry.title,
            warnings=warnings,
            url=first_url(entry),
        )
        if title_is_note(entry) or len(title_query(entry.title)) == 0:
            return base.model_copy(
                update={"reason": "no paper title to search for; add the title in **bold**"}
            )
        clues = clues_of(title_context(entry.text, entry.title))
        pool: list[PaperRecord] = []  # every candidate so far: a twin one service knows counts
        ranked: list[Match] = []
        asked, unavailable = 0, set[str]()
        for variant in title_variants(entry.title):
            for name, source, search in self._searches():
                records = None if name in unavailable else search(variant)
                if records is None:
                    unavailable.add(name)
                    continue
                asked += 1
                pool += records
                match, ranked = best_match(entry.title, pool, clues)
                if match is None:
                    if _ambiguous(ranked):  # two papers by this title: no service can tell them apart
                        return base.model_copy(update={"reason": _no_match(entry, ranked, "")})
                    continue
                record = self._prefer_arxiv(match.paper)
                if record.pdf_url:
                    notes = [f"found by title search: {_describe(record)}"] if warnings else []
                    return _resolved(entry, record, source, [*warnings, *notes])
                found = found or record
            if found is not None:
                break
        if found is not None:
            return _paywalled(entry, found, base)
        if asked == 0:
            return self._unknown(entry, None, base)
        return base.model_copy(update={"reason": _no_match(entry, ranked, self._unavailable_note())})

    def _unavailable_note(self) -> str:
        """Which services could not be asked this run (empty when all could); why is said once
        for the whole run, when each fails (``net.WAITS``)."""
        names = ["the arXiv API"] if self.api is not None and self.api.last_error else []
        names += [s.name for s in self.services.all if s.error] if self.services else []
        if not names:
            return ""
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        return f"{listed} could not be asked this run"

    def _unknown(self, entry: Entry, arxiv_id: str | None, base: PaperRef | None = None) -> PaperRef:
        """An entry that needs a service when none can be asked (offline, or they failed)."""
        key = arxiv_key(arxiv_id) if arxiv_id else title_key(entry)
        ref = base or PaperRef(
            status="unresolved", key=key, title=entry.title, arxiv_id=arxiv_id, url=first_url(entry)
        )
        if self.api is None:
            return ref.model_copy(update={"status": "needs-network", "reason": NEEDS_NETWORK})
        return ref.model_copy(update={"reason": self._unavailable_note() or "the services failed"})


def check_pdf_title(entry: Entry, ref: PaperRef, paper: PaperText) -> None:
    """Raise a ``mismatch`` when a direct PDF link's paper is not the one the entry names (its
    title differs and its first page does not carry the entry's title either)."""
    if ref.source != "link" or ref.described or title_is_note(entry) or not paper.title:
        return
    if _same_paper(entry.title, paper.title):
        return
    if normalize_title(entry.title) in normalize_title(paper.full_text[:_FIRST_PAGE_CHARS]):
        return  # the extractor took another line for the title; the page names the entry's
    raise ResolveError(
        f'mismatch: the PDF at {ref.pdf_url} is "{paper.title}", not "{entry.title}"; fix the '
        f"link, or put the right PDF in {INBOX}/ beside the list"
    )


def _resolved(
    entry: Entry, record: PaperRecord, source: RefSource, warnings: list[str] | None = None
) -> PaperRef:
    """The reference of an entry resolved to ``record``: the page describes this paper."""
    arxiv_id = record.arxiv_id
    key = arxiv_key(arxiv_id) if arxiv_id else (slugify(record.title) or title_key(entry))
    url = (
        record.url
        or (f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None)
        or (f"https://doi.org/{record.doi}" if record.doi else None)
    )
    return PaperRef(
        status="resolved",
        key=key,
        title=record.title,
        arxiv_id=arxiv_id,
        doi=record.doi,
        pdf_url=record.pdf_url or (abs_to_pdf(arxiv_id) if arxiv_id else None),
        url=url,
        source=source,
        authors=record.authors,
        year=record.year,
        venue=record.venue,
        abstract=record.abstract,
        described=True,
        warnings=warnings or [],
    )


def _direct(entry: Entry, url: str) -> PaperRef:
    """A direct PDF link: trusted until the PDF is read, then its title is checked."""
    return PaperRef(
        status="resolved", key=url_key(entry, url), title=entry.title, pdf_url=url, url=url, source="link"
    )


def _paywalled(entry: Entry, record: PaperRecord, base: PaperRef) -> PaperRef:
    """An entry whose paper is known but has no open-access PDF anywhere papersum looked."""
    what = ", ".join(
        filter(
            None,
            [
                f"DOI {record.doi}" if record.doi else None,
                record.venue,
                str(record.year) if record.year else None,
            ],
        )
    )
    reason = (
        f'found "{record.title}"'
        + (f" ({what})" if what else "")
        + f" but no open-access PDF; download it in a browser into {INBOX}/ beside the list"
    )
    return base.model_copy(update={"doi": record.doi, "url": record.url or base.url, "reason": reason})


def _describe(record: PaperRecord) -> str:
    where = (
        f"arXiv {record.arxiv_id}"
        if record.arxiv_id
        else (f"DOI {record.doi}" if record.doi else _SOURCE_NAMES[record.source])
    )
    return f'{where} "{record.title}"'


_SOURCE_NAMES = {
    "arxiv": "arXiv",
    "openalex": "OpenAlex",
    "semantic-scholar": "Semantic Scholar",
    "landing-page": "its landing page",
}


def _same_paper(wanted: str, title: str) -> bool:
    return title_score(wanted, title) >= SAME_PAPER


def _link_warning(entry: Entry, arxiv_id: str, paper: ArxivPaper | None) -> str:
    if paper is None:
        return f"the link names arXiv {arxiv_id}, which arXiv does not know"
    return f'mismatch: the link points to arXiv {arxiv_id} "{paper.title}", not to "{entry.title}"'


def _ambiguous(ranked: list[Match]) -> bool:
    return len(ranked) > 1 and ranked[1].score >= CONFIDENT


def _no_match(entry: Entry, ranked: list[Match], unavailable: str) -> str:
    shown = "; ".join(f"{_describe(m.paper)} ({m.score:.0f}%)" for m in ranked[:_CANDIDATES_SHOWN])
    found = f"closest: {shown}" if shown else "no candidates"
    if _ambiguous(ranked):
        found = f"several papers have this title: {shown}; add authors or a year to the entry"
    failed = f"; {unavailable}" if unavailable else ""
    return (
        f'no confident match for "{entry.title}" ({found}{failed}); fix the title or '
        f"link, or put the PDF in {INBOX}/ beside the list"
    )

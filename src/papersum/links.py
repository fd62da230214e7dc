"""What an entry's links point to, read without the network: an arXiv id, a DOI, a direct PDF
link, a landing page, a local PDF (a relative path, a file:// URL, an Obsidian wikilink),
or a PDF in the papers/ inbox beside the list, found by the arXiv id in its name or by its
title (read once with pymupdf, then kept in the state until the file changes).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from papersum.arxiv_api import arxiv_id_in_file_name, arxiv_id_of, arxiv_key
from papersum.errors import PapersumError
from papersum.models import (
    Entry,
    Link,
    PaperRef,
)
from papersum.readinglist import title_context
from papersum.sources.doi import doi_in_text, doi_in_url
from papersum.store import Store
from papersum.titles import (
    CONFIDENT,
    MARGIN,
    normalize_title,
    title_score,
)

INBOX = "papers"


REMOTE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


BOLD = re.compile(r"\*\*(?P<inner>.+?)(?:\*\*|$)")


_RULE = "exact title, else best of the closest with the margin (1)"
"""Part of the inbox fingerprint: matches kept in the state are redone when this rule changes."""
_PICKS = 4
"""PDFs scored closely for an entry: the best by whole-title ratio and by shared words."""


class Inbox:
    """PDFs the user put in ``papers/`` beside the list, found by arXiv id or title.

    An index, made once: arXiv ids from the file names, normalised titles and file-name words.
    An entry is looked up by id, then by exact title, then fuzzily — but only among the few PDFs
    ``rapidfuzz`` ranks closest (in C), so a list of a thousand entries and an inbox of hundreds
    do not cost all-pairs comparisons in Python."""

    _PREFILTER = 50.0
    """A PDF whose title scores ``title_score`` ≥ CONFIDENT shares at least this token-set ratio."""

    def __init__(self, folder: Path, store: Store) -> None:
        self.folder = folder
        self.store = store
        self._titles: dict[Path, str] | None = None
        self._paths: list[Path] = []
        self._names: list[str] = []  # normalised title, then file-name words, for each path
        self._by_id: dict[str, Path] = {}
        self._by_title: dict[str, Path] = {}
        self._found: dict[str, Path | None] = {}
        self._new: dict[str, str] = {}  # matches found this time, for the state
        self._fingerprint = ""
        self._indexed = False

    def find(self, entry: Entry) -> PaperRef | None:
        """The inbox PDF of this entry, if there is one."""
        if not self.folder.is_dir():
            return None
        self._index()
        arxiv_id = linked_arxiv_id(entry)
        if arxiv_id is not None and arxiv_id in self._by_id:
            return local(entry, self._by_id[arxiv_id], arxiv_key(arxiv_id), arxiv_id)
        if not entry.title:
            return None
        key = f"{entry.title}\0{arxiv_id or ''}"
        if key not in self._found:
            path = self._by_title.get(normalize_title(entry.title)) or self._fuzzy(entry.title)
            self._found[key] = path
            self._new[key] = path.name if path is not None else ""
        path = self._found[key]
        return local(entry, path, slugify(entry.title)) if path is not None else None

    def _fuzzy(self, title: str) -> Path | None:
        """The PDF whose title (or file name) confidently names this paper and no rival comes
        within the margin (``Study 5`` is not ``Study 751``: the same rule as a title search)."""
        from rapidfuzz import fuzz, process

        want = normalize_title(title)
        picks = {
            i
            for scorer in (fuzz.ratio, fuzz.token_set_ratio)
            for _n, _s, i in process.extract(
                want, self._names, scorer=scorer, score_cutoff=self._PREFILTER, limit=_PICKS
            )
        }
        titles = self.titles()
        scored = sorted(
            (
                (max(title_score(title, titles[path]), title_score(title, words_of(path.stem))), path)
                for path in {self._paths[i // 2] for i in picks}
            ),
            reverse=True,
        )
        if not scored or scored[0][0] < CONFIDENT:
            return None
        if len(scored) > 1 and scored[1][0] > scored[0][0] - MARGIN:
            return None  # two PDFs fit the title about as well: neither is taken
        return scored[0][1]

    def save(self) -> None:
        """Keep this run's matches in the state, so the next run and ``status`` look them up."""
        if self._new:
            self.store.remember_inbox_matches(self._fingerprint, self._new)
            self._new = {}

    def _index(self) -> None:
        if self._indexed:
            return
        self._indexed = True
        files = []
        for path in sorted(p for p in self.folder.iterdir() if p.suffix.lower() == ".pdf"):
            stat = path.stat()
            files.append(f"{path.name}\t{stat.st_size}\t{stat.st_mtime_ns}")
        self._fingerprint = hashlib.sha256(f"{_RULE}\n{chr(10).join(files)}".encode()).hexdigest()
        known = self.store.inbox_matches(self._fingerprint)
        self._found = {key: (self.folder / name if name else None) for key, name in known.items()}
        for path, title in self.titles().items():
            self._paths.append(path)
            self._names += [normalize_title(title), normalize_title(words_of(path.stem))]
            if (found := arxiv_id_in_file_name(path.name)) is not None:
                self._by_id.setdefault(found, path)
            if normalize_title(title):
                self._by_title.setdefault(normalize_title(title), path)

    def titles(self) -> dict[Path, str]:
        """Every inbox PDF with its title (unreadable PDFs have an empty title). Titles are kept
        in the state until a file changes: reading them needs pymupdf, which takes most of a
        second to load, and status, suggest and every run look here."""
        if self._titles is None:
            paths = sorted(p for p in self.folder.iterdir() if p.suffix.lower() == ".pdf")
            self._titles = self.store.cached_pdf_titles(paths)
            for path in paths:
                if path not in self._titles:
                    self._titles[path] = read_title(path)
                    self.store.cache_pdf_title(path, self._titles[path])
            self._titles = {path: self._titles[path] for path in paths}
        return self._titles


def linked_arxiv_id(entry: Entry) -> str | None:
    """The arXiv id an entry's links (or text, as ``arXiv:ID``) name."""
    ids = (arxiv_id_of(link.url) for link in entry.links)
    return next(filter(None, ids), None) or arxiv_id_of(entry.text)


def linked_doi(entry: Entry) -> str | None:
    """The DOI an entry's links (doi.org, a publisher URL) or text (``doi:``, ``10.…/…``) give."""
    dois = (doi_in_url(link.url) for link in entry.links)
    return next(filter(None, dois), None) or doi_in_text(title_context(entry.text, ""))


def local_pdf_path(link: Link, list_dir: Path) -> Path | None:
    """The file a link points to when it is a local ``.pdf`` path or ``file://`` URL."""
    url = link.url.strip()
    if not url:
        return None
    if url.lower().startswith("file://"):
        path = Path(unquote(urlparse(url).path))
    elif REMOTE.match(url):
        return None
    else:
        path = Path(unquote(url.split("#")[0].split("?")[0])).expanduser()
    if path.suffix.lower() != ".pdf":
        return None
    if path.is_absolute():
        return path
    if link.kind == "wikilink" and not (list_dir / path).is_file():  # Obsidian finds it by name
        return list_dir / INBOX / path.name
    return list_dir / path


def slugify(title: str, limit: int = 80) -> str:
    """A file-system-safe key from a title: ASCII, lower case, words joined by ``-``."""
    slug = normalize_title(title).replace(" ", "-")
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rsplit("-", 1)[0]  # end on a whole word
    return cut or slug[:limit]


def linked_local_pdf(entry: Entry, list_dir: Path) -> PaperRef | None:
    for link in entry.links:
        path = local_pdf_path(link, list_dir)
        if path is None:
            continue
        key = slugify(entry.title) or slugify(path.stem)
        if not path.is_file():
            return PaperRef(
                status="unresolved",
                key=key,
                title=entry.title,
                url=link.url,
                reason=f"the linked PDF {link.url} does not exist (looked for {path})",
            )
        return local(entry, path, key, url=link.url)
    return None


def local(
    entry: Entry, path: Path, key: str, arxiv_id: str | None = None, url: str | None = None
) -> PaperRef:
    return PaperRef(
        status="local",
        key=key,
        title=entry.title,
        pdf_path=path,
        arxiv_id=arxiv_id,
        url=url,
        source="local-file",
    )


def title_key(entry: Entry) -> str:
    """The key of a paper known only by its entry: the title's slug, else the line."""
    return slugify(entry.title) or f"line-{entry.line}"


def first_url(entry: Entry) -> str | None:
    return entry.links[0].url if entry.links else None


def abs_to_pdf(arxiv_id: str) -> str:
    return f"https://arxiv.org/pdf/{arxiv_id}"


def title_is_note(entry: Entry) -> bool:
    """Whether the entry's "title" is a remark around a bare URL, not a paper title."""
    if not entry.title:
        return True
    bold = BOLD.search(entry.text)
    return bold is not None and any(link.kind == "bare" and link.url in bold["inner"] for link in entry.links)


def direct_pdf_link(entry: Entry) -> Link | None:
    return next(
        (
            link
            for link in entry.links
            if REMOTE.match(link.url) and urlparse(link.url).path.lower().endswith(".pdf")
        ),
        None,
    )


def landing_link(entry: Entry) -> Link | None:
    """The entry's first web link that may be a paper's landing page."""
    return next((link for link in entry.links if link.url.lower().startswith(("http://", "https://"))), None)


def url_key(entry: Entry, url: str) -> str:
    return slugify(entry.title) or slugify(Path(urlparse(url).path).stem) or title_key(entry)


def read_title(path: Path) -> str:
    from papersum.extract import read_pdf_title

    try:
        return read_pdf_title(path)
    except PapersumError:
        return ""


def words_of(stem: str) -> str:
    return re.sub(r"[-_.]+", " ", stem)

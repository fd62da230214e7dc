"""Entry → ``PaperRef``: where the paper's PDF comes from, or why there is none yet.

This version resolves local PDF links (relative to the list, absolute, or ``file://``); every
other entry needs the network and is reported as such.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlparse

from papersum.models import Entry, Link, PaperRef

_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_ARXIV_ID = r"(?P<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"
_ARXIV_URL = re.compile(
    r"(?:https?://)?(?:www\.|export\.)?(?:ar5iv\.labs\.)?(?:arxiv\.org|ar5iv\.org)"
    r"/(?:abs|pdf|html|format)/" + _ARXIV_ID + r"(?:\.pdf)?(?![\d.])",
    re.IGNORECASE,
)
_ARXIV_TEXT = re.compile(r"\barxiv:\s*" + _ARXIV_ID, re.IGNORECASE)
_REMOTE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def resolve_entry(entry: Entry, list_dir: Path, *, offline: bool = False) -> PaperRef:
    """Resolve one entry: a linked local PDF, or ``needs-network``."""
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
        return PaperRef(
            status="local", key=key, title=entry.title, pdf_path=path, url=link.url,
            source="local-file",
        )
    why = "--offline" if offline else "online resolution (arXiv) is not in this version yet"
    arxiv_id = next(filter(None, (arxiv_id_of(link.url) for link in entry.links)), None)
    arxiv_id = arxiv_id or arxiv_id_of(entry.text)
    key = arxiv_key(arxiv_id) if arxiv_id else (slugify(entry.title) or f"line-{entry.line}")
    return PaperRef(
        status="needs-network", key=key, title=entry.title, arxiv_id=arxiv_id,
        url=entry.links[0].url if entry.links else None, reason=f"needs network ({why})",
    )


def arxiv_id_of(text: str) -> str | None:
    """The arXiv id (no version) in an arXiv/ar5iv URL of any form, or in ``arXiv:ID`` text."""
    match = _ARXIV_URL.search(text) or _ARXIV_TEXT.search(text)
    return match["id"] if match else None


def arxiv_key(arxiv_id: str) -> str:
    """The file-system-safe key of an arXiv id (old-style ``hep-th/9901001`` → ``hep-th_9901001``)."""
    return arxiv_id.replace("/", "_")


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
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = _SLUG_JUNK.sub("-", ascii_title.lower()).strip("-")
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rsplit("-", 1)[0]  # end on a whole word
    return cut or slug[:limit]

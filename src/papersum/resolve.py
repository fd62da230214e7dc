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
    return PaperRef(
        status="needs-network", key=slugify(entry.title) or f"line-{entry.line}",
        title=entry.title, url=entry.links[0].url if entry.links else None,
        reason=f"needs network ({why})",
    )


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

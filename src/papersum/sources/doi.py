"""DOIs in links and text: ``doi.org`` links, ``doi:`` text, bare ``10.…/…`` and the DOIs inside
publisher URLs (``dl.acm.org/doi/…``, ``link.springer.com/chapter/…``); IEEE Xplore's
``arnumber`` is not a DOI."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

_DOI = re.compile(r"(?<![\w.])(?:doi:\s*)?(?P<doi>10\.\d{4,9}/[^\s\"'<>\]\[]+)", re.IGNORECASE)
_NOT_DOI_HOSTS = ("ieeexplore.ieee.org",)
_TRAILING = ".,;:)!?'\""
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(?P<id>\d{4}\.\d{4,5})(?:v\d+)?$", re.IGNORECASE)
_FILE_SUFFIX = re.compile(r"(?:\.pdf|/pdf|/full|/abstract|/epdf)$", re.IGNORECASE)


def doi_in_url(url: str) -> str | None:
    """The DOI a link carries (a doi.org link or a publisher URL with the DOI in its path)."""
    parsed = urlparse(url.strip())
    host = (parsed.hostname or "").lower()
    if any(host == h or host.endswith("." + h) for h in _NOT_DOI_HOSTS):
        return None
    path = unquote(parsed.path)
    for part in (path, unquote(parsed.query)):
        match = _DOI.search(part)
        if match:
            return _clean(match["doi"])
    return None


def doi_in_text(text: str) -> str | None:
    """A DOI written in an entry's text (``doi:10.…``, ``DOI 10.…`` or a bare ``10.…/…``)."""
    match = _DOI.search(text)
    return _clean(match["doi"]) if match else None


def bare_doi(value: str | None) -> str | None:
    """A DOI as services give it (``https://doi.org/10.…`` or ``10.…``), lower case and bare."""
    if not value:
        return None
    match = _DOI.search(unquote(value))
    return _clean(match["doi"]) if match else None


def arxiv_id_of_doi(doi: str) -> str | None:
    """The arXiv id of an arXiv DOI (``10.48550/arXiv.2001.04758``)."""
    match = _ARXIV_DOI.match(doi)
    return match["id"] if match else None


def _clean(doi: str) -> str:
    doi = doi.split("?")[0].split("#")[0].rstrip(_TRAILING)
    while (stripped := _FILE_SUFFIX.sub("", doi)) != doi:
        doi = stripped
    return doi.lower()

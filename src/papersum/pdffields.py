"""What a PDF's title field says, as PDF writers fill it: without what they add to the title
(HAL's identifier, an icon's file, Springer's markup, LaTeX's quotes, IEEE Xplore's venue),
and whether it names a paper at all. ``pdfmeta`` believes it when page 1 prints it."""

from __future__ import annotations

import re
from typing import Any


def title_field(metadata: dict[str, Any]) -> str:
    """The metadata's title, spaces collapsed, without HAL's identifier, an icon's file that
    hyperref wrote in from ``\\includegraphics`` and Springer's markup ("… problem: <Emphasis
    Type="Italic">Unconditional …"), LaTeX's quotes as hyperref may write them made curly."""
    meta = _HAL_STAMP.sub("", " ".join(str(metadata.get("title") or "").split()))
    if "." in meta:
        meta = _GRAPHICS.sub("", meta).strip()
    if "<" in meta:
        meta = " ".join(_MARKUP.sub(" ", meta).split())
    return meta.replace("``", "“").replace("''", "”")


def venue_apart(meta: str) -> tuple[str, str]:
    """``meta`` as its title and the venue after it, as IEEE Xplore writes the field ("Sparse
    partitions - Foundations of Computer Science, 1990. Proceedings., 31st Annual Symposium
    on"); the venue is "" when what follows a dash names none (a manual's "expkv-cs - define
    expandable key=val macros", a theme's "- Version 0.2")."""
    title, _dash, venue = meta.partition(" - ")
    return (title, venue) if _VENUE.search(venue) else (meta, "")


_HAL_STAMP = re.compile(r"^\[[a-z]+-\d{6,9}, v\d+\]\s*")
"""The identifier HAL writes before the title it keeps ("[inria-00555588, v1] A comprehensive
study of …", "[hal-01234567, v2] …"), which page 1 does not print."""


_MARKUP = re.compile(r"<[A-Z][A-Za-z]+(?: [^<>]{0,60})?>|</[A-Z][A-Za-z]+>")
"""An XML element's tag in a title field (Springer's "<Emphasis Type="Italic">"), not a
placeholder ("<key>=<value>")."""


_VENUE = re.compile(r"\b(?:Proceedings|Conference|Symposium|Workshop|Transactions|Journal|(?:19|20)\d\d)\b")
"""What names a venue, after a title in IEEE Xplore's title field."""


_GRAPHICS = re.compile(r"(?:\[[^\]]*\])?[\w./-]+\.(?:png|jpe?g|pdf|eps|svg)", re.I)
"""An image's file, with its options, in a title field ("[width=2em]Figures/iconwu.pngSatori:
Reinforcement Learning …": the title's icon, as hyperref wrote it)."""


BAD_TITLE_FIELD = re.compile(
    r"template|untitled|microsoft word|\.(?:dvi|docx?|tex|pdf)$|^(?:doi:\s*|https?://|arxiv:|pii:)|^10\.\d{4,9}/",
    re.I,
)
"""A metadata title that names no paper: a template's, a file's, an identifier (Elsevier's older
PDFs give the DOI, "doi:10.1016/j.tcs.2003.05.002", or the article's PII, "PII:
S0378-4371(98)00344-6", which page 1 prints at its foot)."""

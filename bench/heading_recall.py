"""Heading recall without the PDF's outline.

For every PDF given (default: the papers bundled with papersum and its tests) whose outline
(bookmarks) lists three top-level sections or more, the share of those sections papersum finds
from the pages alone, ``extract_paper(path, outline=False)``: how a paper without bookmarks is
read. The references, abstract, acknowledgements and lists are left out of the count (papersum
sets them apart by design). Prints each PDF under 0.8 with what it missed, then one figure row.

    python bench/heading_recall.py [PDF or folder ...]
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz

from papersum.errors import ExtractError
from papersum.extract import extract_paper, load_pymupdf
from papersum.pdfflow import NOT_CONTENT, REFERENCES
from papersum.pdfheadings import unnumbered

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "examples" / "papers", ROOT / "tests" / "data"]

_NUMBER = re.compile(r"^(?:§\s*)?(?:[ivxlc]+|\d+(?:\.\d+)*|[a-h])[.:]?\s+")
_NOT_COUNTED = re.compile(r"^(abstract|index|fig(ure)?\s*\d|table\s*\d|_?(ole_link|toc|hlk|ref)\d)")
"""Outline items that are no section papersum heads, with those ``REFERENCES`` and
``NOT_CONTENT`` name (the references, lists, acknowledgements it sets apart): the abstract, an
index, a figure's or table's bookmark, Word's hidden bookmarks ("OLE_LINK1", "_Toc…")."""
_FOUND = 85
"""rapidfuzz's ratio from which an outline item and a heading are one."""


def key(title: str) -> str:
    """A section's title without its number, in lowercase, spaces collapsed."""
    text = " ".join(unnumbered(title).split()).lower()
    return _NUMBER.sub("", text)


class Recall(NamedTuple):
    found: float
    """The share of the outline's top-level sections found, at any level."""
    top: float
    """The share found as top-level sections (level 1)."""
    missed: list[str]


def recall(pdf: Path) -> Recall | None:
    """How many of the outline's top-level sections are found without it, and those missed;
    None for a PDF with fewer than three such sections or that papersum cannot read."""
    pymupdf = load_pymupdf()
    try:
        with pymupdf.open(pdf) as doc:
            if not 3 <= doc.page_count <= 40:
                return None
            wanted = [key(title) for level, title, page, *_ in doc.get_toc() if level == 1 and page >= 1]
        wanted = [title for title in wanted if title and not _set_apart(title)]
        if len(wanted) < 3:
            return None
        sections = extract_paper(pdf, outline=False).sections
    except (ExtractError, RuntimeError, ValueError):
        return None
    found = [key(section.heading) for section in sections]
    top = [key(section.heading) for section in sections if section.level == 1]
    missed = [title for title in wanted if not any(_same(title, heading) for heading in found)]
    at_top = sum(any(_same(title, heading) for heading in top) for title in wanted)
    return Recall(1 - len(missed) / len(wanted), at_top / len(wanted), missed)


def _set_apart(title: str) -> bool:
    return bool(_NOT_COUNTED.match(title) or REFERENCES.match(title) or NOT_CONTENT.match(title))


def _same(title: str, heading: str) -> bool:
    return fuzz.ratio(title, heading) >= _FOUND or (len(title) > 8 and title in heading)


def main() -> None:
    roots = [Path(arg) for arg in sys.argv[1:]] or DEFAULT
    pdfs = sorted({pdf for root in roots for pdf in ([root] if root.is_file() else root.rglob("*.pdf"))})
    results = [(pdf, measured) for pdf in pdfs if (measured := recall(pdf)) is not None]
    for pdf, measured in sorted(results, key=lambda item: item[1].found):
        if measured.found < 0.8:
            print(f"{measured.found:.2f}  {pdf.name}: missed {measured.missed[:5]}")
    shares = [measured.found for _pdf, measured in results]
    tops = [measured.top for _pdf, measured in results]
    if not shares:
        print("no PDF with an outline of three top-level sections or more")
        return
    print()
    print("| what | figure | target |")
    print("|---|---:|---|")
    print(
        f"| top-level heading recall without the outline, {len(shares)} PDFs whose outline lists "
        f"three sections or more | mean {statistics.mean(shares):.3f}, median "
        f"{statistics.median(shares):.2f}, lowest {min(shares):.2f}, "
        f"{sum(share < 0.8 for share in shares)} under 0.8; found at level 1: mean "
        f"{statistics.mean(tops):.3f}, {sum(share < 0.8 for share in tops)} under 0.8 "
        "| ≥ 0.95, none under 0.8 |"
    )


if __name__ == "__main__":
    main()

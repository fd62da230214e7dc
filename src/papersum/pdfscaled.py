"""Pages set in fonts mupdf sizes at a fraction of a point: dvips's bitmap fonts distilled to
Type 3 fonts, or Ghostscript's, scaled up from 0.1 pt by their matrix. mupdf's glyph boxes are
right, but it measures the gaps between glyphs against the tiny size: every kern is a space and
every word a line of its own ("Similarit" / "y" / "Searc" / "h", a title read as its first
word, no authors, "searc hing" on later pages). Such a page is read again from its glyph runs
in the order the file draws them (TeX's): a run on the same baseline as the one before, close
enough, goes on its row, with a space where the gap is a word's."""

from __future__ import annotations

import html
import re
import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from papersum.pdfchars import ligatures_in_words
from papersum.pdflines import TAG_SIZE

if TYPE_CHECKING:
    import pymupdf

    from papersum.pdflines import Line
    from papersum.pdfread import Row


SCALED_MOST = 1.0
"""Points of the median type size on page 1, at most, that tell a PDF in scaled fonts (its
body type is 0.1 to 0.24 pt to mupdf)."""


_SPACE, _APART = 0.15, 1.2
"""A gap between two runs on a row, in ems of their type: over the first, a space between
words (a kern is less); over the second, another row (a column's gutter)."""


_LINE_STEP = 1.7
"""A row's baseline under the one before, at most, in ems of its type, within a block."""


class Segment(NamedTuple):
    base: float
    top: float
    left: float
    right: float
    size: float
    text: str


def is_scaled(first_page: list[Line]) -> bool:
    """Whether page 1, as mupdf read it, is in scaled fonts (see the module)."""
    sizes = [line.size for line in first_page]
    return bool(sizes) and statistics.median(sizes) < SCALED_MOST


def segments(page: pymupdf.Page) -> list[Segment] | None:
    """The rows of ``page`` as its glyph runs make them, in the order the file draws them (a
    raised run in smaller type after a row, a footnote's mark, left out); None for a page not
    in scaled fonts (a cover, a page set again at its real size)."""
    import pymupdf

    flags = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES
    spans = [
        span
        for block in page.get_text("dict", flags=flags)["blocks"]
        for line in block.get("lines", ())
        if line["dir"] == (1.0, 0.0)  # not up a margin: arXiv's stamp, a rotated label
        for span in line["spans"]
        if span["text"].strip()
    ]
    if not spans or statistics.median(span["size"] for span in spans) >= SCALED_MOST:
        return None
    sizes = _font_sizes(spans)
    rows: list[_Row] = []
    for span in spans:
        text, size = span["text"], sizes[span["font"], span["size"]]
        if _CONTROL.search(text) and not _CONTROL.sub("", text).strip(_NUMBER_SIGNS):
            continue  # a number in codes with no letters ("\x02." of "2. Related Work")
        text = text.strip(" ")
        x0, _y0, x1, _y1 = span["bbox"]
        base = span["origin"][1]
        if rows and -0.5 * (row := rows[-1]).size <= (gap := x0 - row.right) <= _APART * max(size, row.size):
            if abs(base - row.base) <= 0.3 * min(size, row.size):  # its row, in any font
                row.parts.append(" " + text if gap > _SPACE * min(size, row.size) else text)
                row.right = max(row.right, x1)
                if len(text) > row.longest:  # a row's size is its longest run's, not a sign's
                    row.size, row.longest = size, len(text)
                continue
            if size < 0.85 * row.size and abs(base - row.base) <= row.size:  # a mark
                row.right = max(row.right, x1)
                continue
        rows.append(_Row(base, x0, x1, size, [text], len(text)))
    return [Segment(r.base, r.base - 0.8 * r.size, r.left, r.right, r.size, _text(r.parts)) for r in rows]


def _text(parts: list[str]) -> str:
    """A row's text from its runs: TeX's ligatures at their codes in its words read as their
    letters ("signi" "\\x0ccan" "t"), other codes dropped; TeX's dashes at their codes in its
    text fonts (OT1's "{" and "|") read as dashes where no brace closes them ("50{60%",
    "purpose { to extend", "error | the"), not in a typewriter's code ("List { head:Any }")."""
    text = "".join(parts)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", ligatures_in_words(text))
    if ("{" in text or "|" in text) and "}" not in text:
        text = _OT1_DASH.sub(lambda code: code[0].replace(code[0].strip(), _DASHES[code[0].strip()]), text)
    return text.strip()


_OT1_DASH = re.compile(r"(?<=\d)\{(?=\d)|(?<=[A-Za-z,']) [{|] (?=[A-Za-z])")
_DASHES = {"{": "–", "|": "—"}


@dataclass(slots=True)
class _Row:
    base: float
    left: float
    right: float
    size: float
    parts: list[str]
    longest: int
    """Characters of the row's longest run, whose font's size is the row's."""


_NUMBER_SIGNS = " .,;:()[]"
"""What a number in codes leaves once its codes are out: a run of nothing else is no text."""


_CONTROL = re.compile(r"[\x00-\x1f]")
"""Codes a bitmap font without a map to Unicode gives its digits and signs ("\\x02 Preliminaries"
for "2 Preliminaries"): nothing can be read of them."""


_EM_PER_ADVANCE = 2.1
"""Ems of type a character's advance stands for, on average over a font's text (a roman
letter is about half an em wide)."""


def _font_sizes(spans: list[dict[str, Any]]) -> dict[tuple[str, float], float]:
    """Each font's type size at each scale it is set in, in points, from its characters'
    advances on the page: the size mupdf gives is the tenth of a point the font was scaled
    from, and a Type 3 font's box may be many times its type (120 pt for 10-pt type)."""
    widths: dict[tuple[str, float], list[float]] = {}
    for span in spans:
        width = widths.setdefault((span["font"], span["size"]), [0.0, 0.0])
        width[0] += span["bbox"][2] - span["bbox"][0]
        width[1] += len(span["text"].strip())
    return {key: _EM_PER_ADVANCE * advance / count for key, (advance, count) in widths.items()}


def blocks(rows: list[Segment], *, paragraphs: bool = False) -> list[list[Segment]]:
    """``rows`` in blocks: a row in type of the same size right under the one before, and
    overlapping it across the page, goes on its block. ``paragraphs``: a row that stops short
    of the block's right edge ends its block (a paragraph's last line, a heading), as mupdf's
    blocks of a later page."""
    found: list[list[Segment]] = []
    for row in rows:
        if found:
            last = found[-1][-1]
            step = row.base - last.base
            edge = max(row.right, max(r.right for r in found[-1]))
            if (
                0 < step <= _LINE_STEP * last.size
                and abs(row.size - last.size) <= 0.15 * last.size
                and row.left < last.right
                and last.left < row.right
                and not (paragraphs and last.right < edge - _SHORT * last.size)
            ):
                found[-1].append(row)
                continue
        found.append([row])
    return found


_SHORT = 2.0
"""Ems of type a row stops short of its block's right edge by, at least, to end it."""


def first_page_blocks(rows: list[Segment]) -> list[list[Row]]:
    """Page 1's blocks as ``pdfread.lines_of`` takes them: rows of one span each, sized."""
    return [
        [(row.top, row.left, [(round(row.size, 1), row.text, False)], [False]) for row in block]
        for block in blocks(rows)
    ]


_TAGS_LARGEST_FIRST = sorted(TAG_SIZE.items(), key=lambda item: -item[1])


def page_xhtml(rows: list[Segment]) -> str:
    """A later page as mupdf's XHTML would have it, one paragraph a block, in the tag its type
    size has (``TAG_SIZE``), for ``pdflines.paragraphs``."""
    parts = ['<div id="page0">']
    for block in blocks(rows, paragraphs=True):
        size = statistics.fmean(row.size for row in block)
        tag = next(tag for tag, least in _TAGS_LARGEST_FIRST if size >= least)
        text = html.escape(" ".join(row.text for row in block), quote=False)
        parts.append(f"\n<{tag}>{text}</{tag}>")
    parts.append("\n</div>")
    return "".join(parts)


_WORD = re.compile(r"[A-Za-z][a-z]+[,.;:]?")


READABLE_LEAST = 0.3
"""The share of a paper's words, at least, that are words of a Latin script, lowercase after
their first letter: 0.63 to 0.9 in old papers read from their glyphs, 0.0 in those whose bitmap
fonts map their glyphs to no character ("W-XGY Z\\[^]`_aZ")."""


def is_readable(lines: list[Line]) -> bool:
    """Whether ``lines``, read from a PDF in scaled fonts, are text and not glyph codes."""
    words = [word for line in lines for word in line.text.split()]
    return sum(_WORD.fullmatch(word) is not None for word in words) >= READABLE_LEAST * len(words)

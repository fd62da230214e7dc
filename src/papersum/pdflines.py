"""A PDF's text as lines with their style: ``Line``, what every step after reading works on,
and a later page's paragraphs from mupdf's XHTML (page 1 is read line by line: ``pdfread``).
Words broken at a line's end are marked, mupdf's escapes decoded. pymupdf is not thread-safe:
every call into it holds PYMUPDF_LOCK.
"""

from __future__ import annotations

import itertools
import re
import threading
from typing import NamedTuple

from papersum.pdfchars import (
    BROKEN_WORD,
    ELEMENT,
    INLINE_TAG,
    LINE_BREAK,
    SPACED_NUMBER,
    is_plot_markers,
    line_break,
    spaced_out,
    superscripts_read,
    unescape_and_fold,
)
from papersum.pdfheadings import (
    headings_marked,
    headings_within,
    is_heading_over_text,
    is_run_in_heading,
    rest_of_heading,
    without_bold,
)
from papersum.pdftables import is_table_like

PYMUPDF_LOCK = threading.Lock()


MIN_FRAGMENT = 3
"""Paragraphs this short are plot markers, axis ticks, page numbers or bits of formulas."""


TAG_SIZE = {"p": 0.0, "h3": 12.0, "h2": 15.0, "h1": 20.0}
"""What mupdf's XHTML tells of a paragraph's type size (the average size of its lines)."""


class Line(NamedTuple):  # a tuple: papers have tens of thousands of lines
    page: int
    text: str
    size: float
    bold: bool
    block: int
    styled: bool = True
    """True for a line of page 1, with its type size; False for a paragraph of a later page,
    whose size is known only from 12 pt up (``TAG_SIZE``)."""
    first: bool = False
    """A paragraph (a line, on page 1) that starts its block."""
    alone: bool = False
    """A paragraph (a line, on page 1) that is its whole block."""
    top: float = 0.0
    """Where a line of page 1 is: its top and left edge, in points (0 for later pages)."""
    left: float = 0.0
    table: bool = False
    """A paragraph that is a table (its rows, one a line, cells between " | ") or a figure's
    numbers: not body text."""
    mupdf_block: int = -1
    """The block of mupdf's text page a later page's paragraph is read from, numbered from 0 in
    the page (``block`` also counts the headings found inside one): where its words are."""


def page_one(lines: list[Line]) -> list[Line]:
    """The lines of page 1, which come first: read up to page 2, not through the whole paper."""
    return list(itertools.takewhile(lambda line: line.page == 0, lines))


def paragraphs(xhtml: str, page_number: int) -> list[Line]:
    """The paragraphs of a page's XHTML: one per block, split where the type size changes
    (mupdf writes each block on a line of its own) or where a bold heading runs into its text."""
    if "<sup>" in xhtml:
        xhtml = superscripts_read(xhtml)
    xhtml = headings_marked(xhtml)
    page = INLINE_TAG.sub("", xhtml).replace("</b><b>", "")
    if " . " in page:  # a word processor's section number, set apart: "3 . 2 . 1 Frequency …"
        page = SPACED_NUMBER.sub(lambda m: m[1] + m[2].replace(" . ", "."), page)
    if "&" in page:  # mupdf writes every non-ASCII character as an entity
        page = unescape_and_fold(page)
        if "\u2010" in page:  # a word broken with U+2010 ("Biostatis\u2010 tics")
            page = BROKEN_WORD.sub("", page)
    if "- " in page:  # a word broken at a line's end: marked, mended when the paper is read
        page = LINE_BREAK.sub(line_break, page)
    found = ELEMENT.findall(page)
    lines: list[Line] = []
    block = source = -1
    last = len(found) - 1
    for index, (newline, tag, inner) in enumerate(found):
        first, size = newline == "\n", TAG_SIZE[tag]
        block += first
        source += first
        alone = first and (index == last or found[index + 1][0] == "\n")
        bold = table = False
        if "<b>" in inner:
            inner = inner.strip()
            if inner.startswith("<b>"):
                end = inner.find("</b>")
                bold = end == len(inner) - 4
                if bold and not first and tag != found[index - 1][1]:
                    # bold, in type of its own, under another line of its block: a word
                    # processor's chapter title under "Chapter 1", set with no space between
                    first, block = True, block + 1
                    alone = index == last or found[index + 1][0] == "\n" or found[index + 1][1] != tag
                elif bold and first and not alone and found[index + 1][1] != tag:
                    # bold, in type of its own, over the rest of its block: a word processor's
                    # heading with no space under it ("<h3><b>3.1 Related works</b></h3><p>…")
                    alone = True
                lead, rest = inner[3:end].strip(), inner[end + 4 :]
                if not bold and ((run_in := is_run_in_heading(lead)) or is_heading_over_text(lead, rest)):
                    if not run_in and _rows_under(rest):
                        table = True  # no heading: a table's header over its rows, read as one run
                    elif alone and rest_of_heading(rest, lead):
                        # "<b>3 The</b> Mue<b>nster</b> S<b>keleton</b> …": a heading whose font
                        # mupdf calls bold and italic by turns, alone in its paragraph
                        bold = True
                    else:
                        lines.append(
                            Line(page_number, lead, size, True, block, False, first, True, mupdf_block=source)
                        )
                        inner, first, alone = rest, False, False
            cuts: list[tuple[str, str]] = []
            if " <b>" in inner:  # a bold run within: maybe a heading set in the paragraph's run
                cuts, inner = headings_within(inner)
            for piece, heading in cuts:
                if len(text := without_bold(piece).strip()) > MIN_FRAGMENT:
                    lines.append(
                        Line(page_number, text, size, bold, block, False, first, False, mupdf_block=source)
                    )
                block += 1  # as if mupdf had begun a block at the heading
                lines.append(
                    Line(page_number, heading, size, True, block, False, True, True, mupdf_block=source)
                )
                bold, first, alone = False, False, False
            inner = without_bold(inner)
        text = inner.strip()
        if len(text) > MIN_FRAGMENT and not is_plot_markers(text):
            if text[1:2] == " ":  # "A B S T R A C T" (a call for each paragraph costs more)
                text = spaced_out(text)
            lines.append(
                Line(
                    page_number, text, size, bold, block, False, first, alone, table=table, mupdf_block=source
                )
            )
    return lines


def _rows_under(rest: str) -> bool:
    """Whether what follows a bold lead in its paragraph is a table's rows read as one run:
    mostly numbers, or with a number alone in bold (a best result). The lead is then the
    table's header ("<b>Method Accuracy </b>Proposed best classifier <b>80.4 </b>Van Kranenburg
    and Backer (2004) [24] 79.4 …", an ISMIR paper's), not a heading; ``with_tables`` reads the
    rows."""
    return bool(_BOLD_NUMBER.search(rest)) or is_table_like(without_bold(rest).strip())


_BOLD_NUMBER = re.compile(r"<b>[\d.,%±]+\s*</b>")
"""A number alone in bold: a table's best result, set so."""

"""A PDF's text as lines with their style, read with pymupdf.

Page 1 is read line by line with its type sizes (the title, authors and headings are told apart
by size); later pages as paragraphs. Running heads and page numbers are dropped, words broken by
hyphens and accents printed apart are joined again. pymupdf is not thread-safe: every call into
it holds PYMUPDF_LOCK.
"""

from __future__ import annotations

import itertools
import math
import re
import threading
from typing import TYPE_CHECKING, Any, NamedTuple

from papersum.pdfchars import (
    BROKEN_WORD,
    ELEMENT,
    HTML_ROW_OR_SPAN,
    INLINE_TAG,
    LINE_BREAK,
    SPACED_NUMBER,
    block_lines,
    line_break,
    mupdf_output,
    normalize,
    raised_size,
    small_capitals,
    spaced_out,
    superscripts_read,
    unescape,
    unescape_and_fold,
)
from papersum.pdfcovers import is_arxiv_stamp, is_repository_cover, line_number_margins
from papersum.pdfheadings import (
    SECTION_NUMBER,
    headings_marked,
    headings_within,
    is_run_in_heading,
    rest_of_heading,
)
from papersum.pdftables import is_plot_markers, with_tables

if TYPE_CHECKING:
    import pymupdf


PYMUPDF_LOCK = threading.Lock()


BOLD_FONT = re.compile(r"bold|black|heavy|medi|semibold|demi|_b$|-b$|bx", re.I)


RUN_IN_LEAD = re.compile(
    r"((?:\d+(?:\.\d+){1,3}\.?|\d{1,2}\)|[A-H]\.)\s+[A-Z][^<.:!?]{0,78}[^<.:!?\s])\s*([.:])?"
)
"""A numbered heading that leads a paragraph ("4.2.1 Failure cases.", "1) Failure cases:",
"2.1. Audio-only source separation", IEEE's "A. Datasets" when in italics): the heading without
its period or colon."""


_COVERS_MOST = 2
"""Pages before the paper's first that are read as covers, at most."""


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


def page_one(lines: list[Line]) -> list[Line]:
    """The lines of page 1, which come first: read up to page 2, not through the whole paper."""
    return list(itertools.takewhile(lambda line: line.page == 0, lines))


def read_lines(doc: pymupdf.Document, pages: int | None = None) -> list[Line]:
    """The text of the document: page 1 line by line with type sizes (for the title and
    authors), the other pages paragraph by paragraph; a cover page (an open archive's, a
    publisher's) is left out, and the paper's own first page is page 1. ``pages``: read only so
    many of the paper's pages.

    mupdf's XHTML costs no more than its plain text and still marks bold runs and type of 12 pt
    and up, which is what sets a heading apart. Words broken at a line's end are marked
    (``SOFT_HYPHEN``), not mended by mupdf (``TEXT_DEHYPHENATE``, which cannot join them across
    blocks, nor keep a compound's hyphen): the whole paper tells (``pdfflow.line_break_mender``).
    """
    import pymupdf

    # ligatures as their letters ("ﬁ" as "fi"): mupdf then also sees the space after one that
    # ends a word ("JeffMuirhead", "offthe" otherwise), and writes no escape for each
    flags = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES
    start = 0
    page = doc.load_page(0)  # not ``doc[0]``, which checks its argument twice over
    first = styled_lines(page, page.get_textpage(flags=flags))
    while start < _COVERS_MOST and doc.page_count > start + 1 and is_repository_cover(first):
        start += 1  # the paper starts on a later page (a graphical abstract, then highlights)
        page = doc.load_page(start)
        first = styled_lines(page, page.get_textpage(flags=flags))
    first = [line for line in first if not is_arxiv_stamp(line.text)]
    margins = line_number_margins(first)
    if margins is not None:  # a review draft: its line numbers are not text
        first = [line for line in first if margins[0] <= line.left < margins[1] or not line.text.isdigit()]
    lines = first
    stop = doc.page_count if pages is None else min(doc.page_count, start + pages)
    for page_number, index in enumerate(range(start + 1, stop), start=1):
        page = doc.load_page(index)
        clip = None if margins is None else pymupdf.Rect(margins[0], 0, margins[1], math.inf) & page.rect
        textpage = page.get_textpage(flags=flags, clip=clip)
        lines += with_tables(paragraphs(mupdf_output(textpage, "xhtml"), page_number), textpage)
    return lines


def styled_lines(page: pymupdf.Page, textpage: pymupdf.TextPage) -> list[Line]:
    """The lines of a paper's first page (``textpage``, of ``page``) with their type size and
    weight, in their blocks.

    mupdf's HTML has the size and weight of every span, one line per row, in the order of
    its blocks; the blocks say how many lines each has. (Its span dictionaries would say the
    same at five times the cost.) A page whose HTML shows no bold at all may have a bold font
    whose weight only its name tells, past the family mupdf writes ("NimbusRomNo9L-Medi" as
    Ghostscript embeds it, written "NimbusRomNo9L"): then the dictionaries, which name it.
    """
    html = mupdf_output(textpage, "html")
    if "<b>" not in html and _bold_by_name_only(page, html):
        return dict_lines(textpage.extractDICT(), 0)
    counts = block_lines(textpage, html)
    rows: list[Row] = []
    bold_fonts: dict[str, bool] = {}
    for top, left, font, size, text, tags in HTML_ROW_OR_SPAN.findall(html):
        if top:  # a row starts
            rows.append((float(top), float(left), [], []))
            continue
        if not rows:  # a span outside a row: not mupdf's HTML as known, read from dictionaries
            return dict_lines(textpage.extractDICT(), 0)
        if (bold_font := bold_fonts.get(font)) is None:
            bold_font = bold_fonts[font] = bool(BOLD_FONT.search(font))
        bold = bold_font or "</b>" in tags
        text = unescape(text) if "&" in text else text
        rows[-1][2].append((raised_size(float(size), text, "</sup>" in tags), text, bold))
        rows[-1][3].append(bold or "</i>" in tags or not text.strip())
    if sum(counts) != len(rows):  # not seen on any test PDF; the dictionaries cannot go wrong
        return dict_lines(textpage.extractDICT(), 0)
    ends = list(itertools.accumulate(counts))
    return lines_of([rows[end - count : end] for count, end in zip(counts, ends, strict=True)], 0)


def _bold_by_name_only(page: pymupdf.Page, html: str) -> bool:
    """Whether a font of ``page`` is bold by its name while no family in its ``html`` is."""
    if any(BOLD_FONT.search(family) for family in _FONT_FAMILY.findall(html)):
        return False
    return any(BOLD_FONT.search(str(font[3]).partition("+")[2] or str(font[3])) for font in page.get_fonts())


_FONT_FAMILY = re.compile(r"font-family:([^;,\"]+)")


Row = tuple[float, float, list[tuple[float, str, bool]], list[bool]]
"""A line of page 1 as read: its top and left, its spans (size, text, bold) and which spans are
emphasised (bold, italic or blank)."""


def lines_of(blocks: list[list[Row]], page: int) -> list[Line]:
    """The lines of page 1 from its blocks' rows."""
    lines: list[Line] = []
    for block, rows in enumerate(blocks):
        alone = len(rows) == 1
        for position, (top, left, spans, emphasised) in enumerate(numbers_joined(rows)):
            if position == 0:
                lines += block_start(spans, emphasised, page, block, alone, top, left)
            elif line := make_line(spans, page, block, False, False, top, left):
                lines.append(line)
    return lines


def numbers_joined(rows: list[Row]) -> list[Row]:
    """A block's rows with a heading's number set apart from its words ("1" then "INTRODUCTION",
    as ACM and LNCS set them, far enough apart that mupdf reads two lines; "4.2.1" then an
    italic "Failure cases. Most …", ACM's run-in subsubsection) joined again into one row, the
    number a span of its own."""
    joined: list[Row] = []
    for row in rows:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and abs(previous[0] - row[0]) <= 2  # on one row: not a table's "12" and "4.1"
            and SECTION_NUMBER.match("".join(text for _size, text, _bold in previous[2]).strip())
            and (number := make_line(previous[2], 0, 0, False, False, 0.0, 0.0)) is not None
            and (words := make_line(row[2], 0, 0, False, False, 0.0, 0.0)) is not None
            and (number.size, number.bold) == (words.size, words.bold)
            and words.text[:1].isalpha()
        ):
            first, *rest = row[2]
            spans = [
                (number.size, number.text, number.bold),
                (words.size, " ", words.bold),
                (first[0], first[1].lstrip(), first[2]),
                *rest,
            ]
            joined[-1] = (previous[0], previous[1], spans, [all(previous[3]), True, *row[3]])
        else:
            joined.append(row)
    return joined


def run_in(
    spans: list[tuple[float, str, bool]],
    emphasised: list[bool],
    page: int,
    block: int,
    top: float,
    left: float,
    number: str = "",
    *,
    alone: bool = False,
) -> list[Line] | None:
    """A numbered heading at the start of a block's first line, in italics or bold, and the rest
    of the line: run in ("4.2.1 Failure cases. Most …", ACM's and IEEE's subsubsections, amsart's
    "2.1. **Title.**" with its number in roman) or a whole italic line that mupdf put in one block
    with its text (elsarticle's subsections). None for a line that does not start so.
    ``number``: the heading's number when it was read as a line apart; ``alone``: the line is
    its whole block."""
    first = 0
    if not number and spans and not emphasised[0] and SECTION_NUMBER.match(spans[0][1].strip()):
        number, first = spans[0][1].strip(), 1  # the number in roman, the title emphasised
    lead = first
    while lead < len(spans) and emphasised[lead]:
        lead += 1
    if lead == first:
        return None
    lead_text = "".join(text for _size, text, _bold in spans[first:lead]).strip()
    heading = RUN_IN_LEAD.fullmatch(f"{number} {lead_text}" if number else lead_text)
    if heading is None:
        return None
    size = round(max(size for size, text, _bold in spans[first:lead] if text.strip()), 1)
    head = Line(page, normalize(heading[1]), size, True, block, True, True, True, top, left)
    if lead == len(spans):  # the whole line, in italics (a bold one is a heading as it is),
        # over its text in its block: alone, it is a name as DAFx's and IEEE's templates set
        # authors ("A. Röbel∗"), or a heading that its style tells as it is
        italic = not any(bold for _size, _text, bold in spans[first:lead])
        return [head] if italic and heading[2] is None and not alone else None
    rest = make_line(spans[lead:], page, block, False, False, top, left)
    return [head, rest] if rest is not None else None


def block_start(
    spans: list[tuple[float, str, bool]],
    emphasised: list[bool],
    page: int,
    block: int,
    alone: bool,
    top: float,
    left: float,
) -> list[Line]:
    """The first line of a block; two lines when it starts with a heading run in."""
    if split := run_in(spans, emphasised, page, block, top, left, alone=alone):
        return split
    line = make_line(spans, page, block, True, alone, top, left)
    return [line] if line else []


def dict_lines(page_dict: dict[str, Any], page_number: int) -> list[Line]:
    """The same lines from pymupdf's span dictionaries."""
    blocks: list[list[Row]] = []
    for block in page_dict["blocks"]:
        rows: list[Row] = []
        for raw in block.get("lines", []):
            spans = [
                (
                    raised_size(float(s["size"]), s["text"], bool(s["flags"] & 1)),
                    s["text"],
                    bool(s["flags"] & 16 or BOLD_FONT.search(s["font"])),
                )
                for s in raw["spans"]
            ]
            emphasised = [
                bool(s["flags"] & 2) or b or not t.strip()
                for s, (_z, t, b) in zip(raw["spans"], spans, strict=True)
            ]
            rows.append((float(raw["bbox"][1]), float(raw["bbox"][0]), spans, emphasised))
        blocks.append(rows)
    return lines_of(blocks, page_number)


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
    block = -1
    last = len(found) - 1
    for index, (newline, tag, inner) in enumerate(found):
        first = newline == "\n"
        block += first
        alone = first and (index == last or found[index + 1][0] == "\n")
        bold = False
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
                if not bold and is_run_in_heading(lead := inner[3:end].strip()):
                    if alone and rest_of_heading(inner[end + 4 :]):
                        # "<b>3 The</b> Mue<b>nster</b> S<b>keleton</b> …": a heading whose font
                        # mupdf calls bold and italic by turns, alone in its paragraph
                        bold = True
                    else:
                        lines.append(Line(page_number, lead, TAG_SIZE[tag], True, block, False, first, True))
                        inner, first, alone = inner[end + 4 :], False, False
            cuts: list[tuple[str, str]] = []
            if " <b>" in inner:  # a bold run within: maybe a heading set in the paragraph's run
                cuts, inner = headings_within(inner)
            for piece, heading in cuts:
                if len(text := piece.replace("<b>", "").replace("</b>", "").strip()) > MIN_FRAGMENT:
                    lines.append(Line(page_number, text, TAG_SIZE[tag], bold, block, False, first, False))
                block += 1  # as if mupdf had begun a block at the heading
                lines.append(Line(page_number, heading, TAG_SIZE[tag], True, block, False, True, True))
                bold, first, alone = False, False, False
            inner = inner.replace("<b>", "").replace("</b>", "")
        text = inner.strip()
        if len(text) > MIN_FRAGMENT and not is_plot_markers(text):
            if text[1:2] == " ":  # "A B S T R A C T" (a call for each paragraph costs more)
                text = spaced_out(text)
            lines.append(Line(page_number, text, TAG_SIZE[tag], bold, block, False, first, alone))
    return lines


def make_line(
    spans: list[tuple[float, str, bool]],
    page: int,
    block: int,
    first: bool,
    alone: bool,
    top: float,
    left: float,
) -> Line | None:
    """A line of page 1 from its spans' (size, text, bold), the ``Line`` fields after ``block``
    given."""
    if len(spans) == 1:  # most lines: one font throughout
        size, text, bold = spans[0]
        if not text.strip():
            return None
        return Line(
            page,
            spaced_out(normalize(text).strip()),
            round(size, 1),
            bold,
            block,
            True,
            first,
            alone,
            top,
            left,
        )
    visible = [span for span in spans if span[1].strip()]
    if not visible:
        return None
    size = max(s[0] for s in visible)
    # superscripts (footnote marks, affiliations) are smaller than the line they sit on; digits
    # right after a digit are a power ("10^6"), as on later pages (``POWER``); capitals are
    # small capitals made of a smaller size (ICLR's "I" + "NTRODUCTION"), which mupdf's
    # HTML and XHTML keep as text
    parts: list[str] = []
    weights: list[bool] = []  # whether each span of text kept is bold: a mark's is not the line's
    marks = 0  # marks left out since the last part kept
    for sz, t, b in spans:
        core = t.strip()
        previous = parts[-1] if parts and not marks else ""
        if sz >= size * 0.8 or not core or small_capitals(core, previous):
            if marks == 1 and parts[-1][-1:].isalpha() and t[:1].isalpha():
                t = " " + t  # "Dunbar∗and Dupoux": the space mupdf did not see after a mark
            parts.append(t)
            if core:
                weights.append(b)
            marks = 0
        elif core.isdigit() and len(core) <= 3 and previous[-1:].isdigit():
            parts.append("^" + t.lstrip())
            weights.append(b)
        elif parts:
            marks += 1
            if t[:1].isspace() and not parts[-1][-1:].isspace():
                parts.append(" ")  # the space before the mark, in its span ("Portugal; b" "Example")
    text = "".join(parts)
    bold = all(weights) if weights else all(b for _s, _t, b in visible)  # a bold title's "∗" mark
    return Line(
        page, spaced_out(normalize(text).strip()), round(size, 1), bold, block, True, first, alone, top, left
    )

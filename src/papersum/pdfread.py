"""A PDF read into ``Line``s: page 1 line by line with its type sizes and places, from mupdf's
HTML (the title, the authors and page 1's headings are told apart by size), later pages
paragraph by paragraph from its XHTML (``pdflines.paragraphs``), a cover page before the paper
left out, a review draft's line numbers cut away."""

from __future__ import annotations

import itertools
import math
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from papersum.pdfchars import (
    HTML_ROW_OR_SPAN,
    block_lines,
    mupdf_output,
    normalize,
    raised_size,
    small_capitals,
    spaced_out,
    unescape,
)
from papersum.pdfcovers import (
    inner_ruler,
    is_arxiv_stamp,
    is_repository_cover,
    line_number_margins,
    top_blocks_first,
    without_ruler_numbers,
)
from papersum.pdffonts import BOLD_FONT, bold_by_name_only, fonts_bold_by_name
from papersum.pdfheadings import SECTION_NUMBER
from papersum.pdflines import Line, paragraphs
from papersum.pdfrows import drop_caps_joined, small_capitals_raised, words_rejoined
from papersum.pdfscaled import first_page_blocks, is_scaled, page_xhtml, segments
from papersum.pdftables import with_tables

if TYPE_CHECKING:
    import pymupdf


RUN_IN_LEAD = re.compile(
    r"((?:\d+(?:\.\d+){1,3}\.?|\d{1,2}\)|[A-H]\.)\s+[A-Z][^<.:!?]{0,78}[^<.:!?\s])\s*([.:])?"
)
"""A numbered heading that leads a paragraph ("4.2.1 Failure cases.", "1) Failure cases:",
"2.1. Audio-only source separation", IEEE's "A. Datasets" when in italics): the heading without
its period or colon."""


_COVERS_MOST = 2
"""Pages before the paper's first that are read as covers, at most."""


class Read(NamedTuple):
    lines: list[Line]
    arxiv_stamp: str | None
    """The stamp arxiv.org printed up page 1's margin, which is not the paper's text but dates
    it ("arXiv:2106.09685v2 [cs.CL] 16 Oct 2021")."""
    scaled: bool = False
    """Whether its pages are in fonts scaled from a tenth of a point, read from their glyphs
    (``pdfscaled``)."""
    scan: bool = False
    """Whether page 1's text is invisible, as OCR lays it over a scan: a letter may be misread.
    (mupdf's HTML names the colour of visible text only.)"""


def read_document(doc: pymupdf.Document, pages: int | None = None) -> Read:
    """The text of the document: page 1 line by line with type sizes (for the title and
    authors), the other pages paragraph by paragraph; a cover page (an open archive's, a
    publisher's) is left out, and the paper's own first page is page 1. ``pages``: read only so
    many of the paper's pages.

    mupdf's XHTML costs no more than its plain text and still marks bold runs and type of 12 pt
    and up, which is what sets a heading apart. Words broken at a line's end are marked
    (``SOFT_HYPHEN``), not mended by mupdf (``TEXT_DEHYPHENATE``, which cannot join them across
    blocks, nor keep a compound's hyphen): the whole paper tells (``pdfmend.line_break_mender``).
    """
    import pymupdf

    # ligatures as their letters ("ﬁ" as "fi"): mupdf then also sees the space after one that
    # ends a word ("JeffMuirhead", "offthe" otherwise), and writes no escape for each
    flags = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES
    start, marked = 0, set[int]()
    page = doc.load_page(0)  # not ``doc[0]``, which checks its argument twice over
    html = mupdf_output(text := textpage(doc, 0, flags, marked), "html")
    first = styled_lines(page, text, html)
    while start < _COVERS_MOST and doc.page_count > start + 1 and is_repository_cover(first):
        start += 1  # the paper starts on a later page (a graphical abstract, then highlights)
        page = doc.load_page(start)
        html = mupdf_output(text := textpage(doc, start, flags, marked), "html")
        first = styled_lines(page, text, html)
    scan = html.count("color:") * 2 < html.count("<span")
    if scaled := is_scaled(first) and (rows := segments(page)) is not None:  # see ``pdfscaled``
        first = lines_of(first_page_blocks(rows), 0)
    stamp = next((line.text for line in first if is_arxiv_stamp(line.text)), None)
    if stamp is not None:
        first = [line for line in first if not is_arxiv_stamp(line.text)]
    first = top_blocks_first(first, page.rect.height)
    margins, ruler = line_number_margins(first), inner_ruler(first)
    if margins is not None:  # a review draft: its line numbers are not text
        first = [line for line in first if margins[0] <= line.left < margins[1] or not line.text.isdigit()]
    if ruler is not None:  # and those between its columns
        first = [line for line in first if not ruler.holds(line)]
    lines = first
    stop = doc.page_count if pages is None else min(doc.page_count, start + pages)
    for page_number, index in enumerate(range(start + 1, stop), start=1):
        if scaled and (rows := segments(doc.load_page(index))) is not None:
            lines += paragraphs(page_xhtml(rows), page_number)
            continue
        text = textpage(doc, index, flags, marked, margins)
        later = paragraphs(mupdf_output(text, "xhtml"), page_number)  # ``page`` is page 1's
        lines += with_tables(
            later if ruler is None else without_ruler_numbers(later, page_number, ruler), text
        )
    return Read(lines, stamp, scaled, scan)


def textpage(
    doc: pymupdf.Document,
    index: int,
    flags: int,
    marked: set[int],
    margins: tuple[float, float] | None = None,
) -> pymupdf.TextPage:
    """Page ``index``'s text as mupdf reads it (``margins``: only what lies between them), its
    fonts bold by name told bold first (``pdffonts``; ``marked``: the fonts looked at): the
    page's own content, not its annotations (a reader's notes, a form's fields), which pymupdf's
    ``get_textpage`` adds to it; read as the page stands unturned, as pymupdf reads it, so that
    a landscape table's rows are rows. Made from mupdf's page, not through pymupdf's ``Page``,
    whose making and reading cost some 25 µs a page in Python beyond mupdf's work (a dictionary
    of weak references for its annotations, its rotation read twice, wrappers): 5 % of a
    thesis's plain text. pymupdf's way if its low-level API is not as known."""
    import pymupdf

    try:
        from pymupdf import mupdf

        page = mupdf.fz_load_page(doc.this, index)
        if margins is None:
            options = mupdf.FzStextOptions(flags)
        else:
            clip = mupdf.FzRect(margins[0], -_FAR, margins[1], _FAR)
            options = mupdf.FzStextOptions(flags, clip.internal())
        rotate, page_object = mupdf.PDF_ENUM_NAME_Rotate, mupdf.pdf_page_from_fz_page(page).obj()
        rotation = mupdf.pdf_dict_get_inheritable(page_object, rotate)
        fonts_bold_by_name(doc, page_object, marked)
    except (ImportError, AttributeError, TypeError):  # not this pymupdf's low-level API
        page = doc.load_page(index)
        clip = None if margins is None else pymupdf.Rect(margins[0], 0, margins[1], math.inf) & page.rect
        return page.get_textpage(flags=flags, clip=clip)
    if not mupdf.pdf_to_int(rotation):  # most pages
        return pymupdf.TextPage(mupdf.FzStextPage(page, options))
    mupdf.pdf_dict_put_int(page_object, rotate, 0)
    try:
        return pymupdf.TextPage(mupdf.FzStextPage(page, options))
    finally:
        mupdf.pdf_dict_put(page_object, rotate, rotation)


_FAR = 1e9
"""Points beyond any page: a clip's open side."""


def styled_lines(page: pymupdf.Page, textpage: pymupdf.TextPage, html: str | None = None) -> list[Line]:
    """The lines of a paper's first page (``textpage``, of ``page``; ``html``: its HTML, if
    written) with their type size and weight, in their blocks.

    mupdf's HTML has the size and weight of every span, one line per row, in the order of
    its blocks; the blocks say how many lines each has. (Its span dictionaries would say the
    same at five times the cost.) A page whose HTML shows no bold at all may have a bold font
    whose weight only its name tells, past the family mupdf writes ("NimbusRomNo9L-Medi" as
    Ghostscript embeds it, written "NimbusRomNo9L"): then the dictionaries, which name it.
    """
    html = mupdf_output(textpage, "html") if html is None else html
    if "<b>" not in html and bold_by_name_only(page, html):
        return dict_lines(textpage.extractDICT(), 0)
    counts = block_lines(textpage, html)
    rows: list[Row] = []
    pale: list[bool | None] = []  # each row's: all its text pale (None: no text)
    bold_fonts: dict[str, bool] = {}
    for top, left, font, size, colour, text, tags in HTML_ROW_OR_SPAN.findall(html):
        if top:  # a row starts
            rows.append((float(top), float(left), [], []))
            pale.append(None)
            continue
        if not rows:  # a span outside a row: not mupdf's HTML as known, read from dictionaries
            return dict_lines(textpage.extractDICT(), 0)
        if pale[-1] is not False and text.strip():
            pale[-1] = _is_pale(colour)
        if (bold_font := bold_fonts.get(font)) is None:
            bold_font = bold_fonts[font] = bool(BOLD_FONT.search(font))
        bold = bold_font or "</b>" in tags
        text = unescape(text) if "&" in text else text
        rows[-1][2].append((raised_size(float(size), text, "</sup>" in tags), text, bold))
        rows[-1][3].append(bold or "</i>" in tags or not text.strip())
    if sum(counts) != len(rows):  # not seen on any test PDF; the dictionaries cannot go wrong
        return dict_lines(textpage.extractDICT(), 0)
    bounds = [(end - count, end) for count, end in zip(counts, itertools.accumulate(counts), strict=True)]
    if any(pale):  # a watermark across the page ("UNCORRECTED PROOF"): not the paper's text
        kept = [[row for row in range(start, end) if not pale[row]] for start, end in bounds]
        return lines_of(words_rejoined([[rows[row] for row in block] for block in kept if block]), 0)
    return lines_of(words_rejoined([rows[start:end] for start, end in bounds]), 0)


def _is_pale(colour: str) -> bool:
    """Whether text of this colour (mupdf's "rrggbb") is pale as a watermark is set: light grey
    or tint, each of its components #c0 and up; not white, which a label on a coloured band is
    set in. Text without a colour is invisible (OCR's), not pale."""
    return len(colour) == 6 and colour != "ffffff" and all(colour[i] in "cdef" for i in (0, 2, 4))


Row = tuple[float, float, list[tuple[float, str, bool]], list[bool]]
"""A line of page 1 as read: its top and left, its spans (size, text, bold) and which spans are
emphasised (bold, italic or blank)."""


def lines_of(blocks: list[list[Row]], page: int) -> list[Line]:
    """The lines of page 1 from its blocks' rows."""
    lines: list[Line] = []
    for block, block_rows in enumerate(drop_caps_joined(blocks)):
        rows = numbers_joined(block_rows)
        alone = len(rows) == 1  # "I." and "INTRODUCTION", two lines to mupdf, are one row
        raised = small_capitals_raised(rows) if len(rows) > 1 else {}
        for position, (top, left, spans, emphasised) in enumerate(rows):
            if position == 0:
                lines += block_start(spans, emphasised, page, block, alone, top, left)
            elif line := make_line(spans, page, block, False, False, top, left):
                lines.append(line._replace(size=raised[position]) if position in raised else line)
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
            and _numbered_by(previous, row)
            and (number := make_line(previous[2], 0, 0, False, False, 0.0, 0.0)) is not None
            and (words := make_line(row[2], 0, 0, False, False, 0.0, 0.0)) is not None
            # its digits' weight: AES sets "<b>1</b>." before "<b>INTRODUCTION</b>"
            and (number.size, all(b for _s, t, b in previous[2] if t.strip(" ."))) == (words.size, words.bold)
            and words.text[:1].isalpha()
        ):
            first, *rest = row[2]
            spans = [
                (number.size, number.text, words.bold),
                (words.size, " ", words.bold),
                (first[0], first[1].lstrip(), first[2]),
                *rest,
            ]
            joined[-1] = (previous[0], previous[1], spans, [all(previous[3]), True, *row[3]])
        else:
            joined.append(row)
    return joined


def _numbered_by(previous: Row, row: Row) -> bool:
    """Whether ``previous`` is a section's number before ``row``'s words, or an appendix's
    letter before its bold title ("A" then "Implementation details"; not a table's row label)."""
    number = "".join(text for _size, text, _bold in previous[2]).strip()
    if SECTION_NUMBER.match(number):
        return True
    return len(number) == 1 and "A" <= number <= "H" and all(bold for _size, _text, bold in row[2])


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
        lines = block.get("lines", [])
        for raw in lines:
            colours = [f"{s['color']:06x}" for s in raw["spans"] if s["text"].strip()]
            if colours and all(_is_pale(colour) for colour in colours):
                continue  # a watermark (``styled_lines``)
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
        if rows or not lines:  # a block of a watermark's lines only is none
            blocks.append(rows)
    return lines_of(blocks, page_number)


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
            if marks and parts[-1][-1:].isalpha() and t[:1].isalpha():
                t = " " + t  # "Dunbar∗and Dupoux", "Martin1★and": the space mupdf did not see
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

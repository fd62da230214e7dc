"""PDF → ``PaperText`` with pymupdf: title, authors, year, abstract, sections, no references.

pymupdf is imported lazily (it takes most of a second) and is not thread-safe, so every call
into it holds ``PYMUPDF_LOCK``.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from papersum.errors import ExtractError
from papersum.models import PaperText, Section
from papersum.pdfabstract import ABSTRACT, lay_summary_first, take_abstract, title_over_introduction
from papersum.pdfaside import set_aside
from papersum.pdffigures import without_figure_text
from papersum.pdfflow import (
    FOOTNOTE_SMALLER,
    drop_references,
    join_lines,
    without_margin_statements,
    without_unheaded_references,
)
from papersum.pdfheadings import heading_key, is_numbered
from papersum.pdfheadingstyle import continues_heading
from papersum.pdflines import PYMUPDF_LOCK, Line, page_one
from papersum.pdfmend import line_break_mender, needs_mending
from papersum.pdfmeta import choose_title, find_authors, letters, lines_printing
from papersum.pdfoutline import led_by_numbered_item
from papersum.pdfread import read_document
from papersum.pdfrunin import leads_split, names_split
from papersum.pdfrunning import drop_running_lines, without_running_heads
from papersum.pdfscaled import is_readable
from papersum.pdfsections import find_headings
from papersum.pdftables import tables_aside
from papersum.pdftitle import find_title_lines
from papersum.pdftitlecase import title_as_written
from papersum.pdfyear import find_year

if TYPE_CHECKING:
    import pymupdf

_MIN_TEXT_CHARS_PER_PAGE = 40
_LOADING = threading.Lock()
_UNUSED_EXTRAS = ("pymupdf.layout", "pymupdf4llm")


def extract_paper(path: Path, *, outline: bool = True) -> PaperText:
    """Extract the text of the PDF at ``path``; a corrupt, empty, encrypted or scanned PDF raises.
    ``outline=False``: headings from the pages alone, not the PDF's bookmarks (what a paper with
    none gets; ``bench/heading_recall.py`` measures it against the bookmarks)."""
    with _opened(path) as (doc, data):
        return _extract(doc, path, hashlib.sha256(data).hexdigest(), outline=outline)


def load_pymupdf() -> ModuleType:
    """pymupdf, imported on first call (e.g. in a background thread) without its optional extras.

    pymupdf 1.27+/2.0 imports ``pymupdf.layout`` and ``pymupdf4llm`` when they are installed (its
    dependencies pull them in): an ONNX layout model with onnxruntime and numpy, ~0.45 s and
    ~90 MB that papersum never uses (it reads spans and mupdf's XHTML itself). pymupdf treats
    both as optional, so they are hidden while it loads; afterwards code of the user's own can
    still import them."""
    with _LOADING:
        if "pymupdf" not in sys.modules:
            hidden = [name for name in _UNUSED_EXTRAS if name not in sys.modules]
            for name in hidden:
                sys.modules[name] = None  # type: ignore[assignment]  # reads as "not installed"
            try:
                import pymupdf
            finally:
                for name in hidden:
                    del sys.modules[name]
            pymupdf.no_recommend_layout()  # and no advice about it on stdout
        return sys.modules["pymupdf"]


def read_pdf_title(path: Path) -> str:
    """The title of the PDF at ``path`` (plausible metadata, else the largest type on page 1)."""
    with _opened(path) as (doc, _data):
        try:
            lines, _stamp, _scaled, scan = read_document(doc, pages=1)
            return choose_title(doc.metadata or {}, lines, find_title_lines(lines), scan=scan)
        except Exception as exc:  # a damaged page stream surfaces only when read
            raise ExtractError(f"{path} is corrupt: its first page cannot be read ({exc})") from exc


@contextmanager
def _opened(path: Path) -> Iterator[tuple[pymupdf.Document, bytes]]:
    """The PDF at ``path``, open and checked, with its bytes; pymupdf's lock is held throughout."""
    data = _read_pdf_bytes(path)
    with PYMUPDF_LOCK, _boxes_from_type_size():
        doc = _open(path, data)
        try:
            yield doc, data
        finally:
            doc.close()


@contextmanager
def _boxes_from_type_size() -> Iterator[None]:
    """Characters' boxes from their type size, not corrected by their font's ascender and
    descender, while papersum reads: what pymupdf does in a process that has imported
    ``pymupdf4llm`` (which a plain ``import pymupdf`` 2.0 does, and which switches the
    corrections off for good). So a PDF reads the same whoever imported pymupdf first, and
    mupdf's words and blocks cost a third (0.9 ms a page against 2.7). The setting is put back
    afterwards."""
    tools = load_pymupdf().TOOLS
    before = tools.unset_quad_corrections()
    tools.unset_quad_corrections(True)
    try:
        yield
    finally:
        tools.unset_quad_corrections(before)


_NOT_SPACE = re.compile(rb"\S")


def _read_pdf_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read the PDF ({exc.strerror})") from exc
    start = _NOT_SPACE.search(data)  # not ``data.strip()``: a copy of the whole file
    if start is None:
        raise ExtractError(f"{path} is empty (0 bytes); download the PDF again")
    if not data.startswith(b"%PDF", start.start()):
        kind = "an HTML page" if b"<html" in data[:2048].lower() else "not a PDF"
        raise ExtractError(f"{path} is {kind}, not a PDF file; download the PDF itself")
    return data


def _open(path: Path, data: bytes) -> pymupdf.Document:
    pymupdf = load_pymupdf()
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    pymupdf.TOOLS.mupdf_warnings(reset=True)  # what mupdf reports from here on is this file's
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # pymupdf raises several types for damaged files
        raise ExtractError(f"{path} is corrupt and cannot be opened ({exc}); download it again") from exc
    if doc.needs_pass and not doc.authenticate(""):
        doc.close()
        raise ExtractError(
            f"{path} is encrypted with a password; save an unprotected copy "
            "(e.g. `qpdf --decrypt in.pdf out.pdf`) and link that"
        )
    if doc.page_count == 0:
        doc.close()
        raise ExtractError(f"{path} is damaged or truncated (no readable pages); download it again")
    return doc


def _why_no_text(doc: pymupdf.Document, path: Path) -> str:
    """Why a PDF gives (almost) no text: damaged (mupdf had to repair it), scanned (its pages are
    images), or blank."""
    import pymupdf

    reported = [w for w in pymupdf.TOOLS.mupdf_warnings(reset=True).splitlines() if w.strip()]
    damaged = [w for w in reported if re.search(r"repair|syntax error|format error|not a stream|zlib", w)]
    if damaged:
        return (
            f"{path} is corrupt: mupdf had to repair it ({damaged[0]}) and its pages hold no "
            "readable text; download it again"
        )
    if any(page.get_images() for page in doc):
        return (
            f"{path} has no text layer (a scanned PDF: its pages are images); run OCR on it first "
            "(e.g. `ocrmypdf in.pdf out.pdf`) and link the result"
        )
    return f"{path} has no text on its pages (neither text nor images: blank, or damaged); check the file"


def _extract(doc: pymupdf.Document, path: Path, sha256: str, *, outline: bool) -> PaperText:
    toc = _outline(doc) if outline else []
    try:
        lines, arxiv_stamp, scaled, scan = read_document(doc)
    except Exception as exc:  # a damaged page stream surfaces only when read
        raise ExtractError(f"{path} is corrupt: its pages cannot be read ({exc})") from exc
    as_read = page_one(lines)  # its running head, footer and notes too: where its year is printed
    text_chars = sum(len(line.text) for line in lines)
    if text_chars < _MIN_TEXT_CHARS_PER_PAGE * doc.page_count:
        raise ExtractError(_why_no_text(doc, path))
    if scaled and not is_readable(lines):
        raise ExtractError(
            f"{path}'s text cannot be read: its fonts are bitmaps that map no character to "
            "Unicode (an old PDF made from PostScript); run OCR on it (e.g. `ocrmypdf --force-ocr "
            "in.pdf out.pdf`) and link the result"
        )
    # a figure's words out first: a footnote under a figure is then at the foot of its page
    lines, captions = set_aside(
        without_figure_text(drop_running_lines(lines, doc.page_count)), led_by_numbered_item(toc)
    )
    lines, tables = tables_aside(lines)
    body_size = _body_size(lines)
    title_lines = find_title_lines(lines)
    metadata = doc.metadata or {}  # pymupdf looks up each field again on every read
    title = choose_title(metadata, lines, title_lines, scan=scan)
    printed_title = [lines[i].text.strip() for i in title_lines]
    if letters(title) not in letters(" ".join(printed_title)):  # the metadata's, printed smaller
        title_lines = lines_printing(lines, title) or title_lines  # (under a report's cover line)
        printed_title = [lines[i].text.strip() for i in title_lines]
    authors = find_authors(metadata, lines, title_lines, body_size)
    lines = without_running_heads(lines, title, authors)  # later pages only: title_lines hold
    lines = leads_split(names_split(without_margin_statements(lines)))  # later pages only too
    if toc:  # an outline whose first item is the title (Springer Nature's): no section
        toc = _without_title(toc, title)
    lines, headings = find_headings(lines, body_size, toc)
    headings = lay_summary_first(lines, headings)
    lines = title_over_introduction(lines, headings, title)
    sections, front = _split_sections(lines, headings, body_size)
    if not sections and front:  # no heading anywhere (a note, a report): its text is one section
        body = front[title_lines[-1] + 1 :] if title_lines else front
        sections, front = ([_section("Text", 1, body)] if body else []), []
    abstract, sections = take_abstract(
        without_unheaded_references(drop_references(sections)), front, body_size
    )
    prose = "\n".join([abstract, *(s.text for s in sections[:_PAGE_ONE_SECTIONS])])  # as page 1's lines are
    mend = line_break_mender(title, abstract, sections)
    abstract, captions, tables = mend(abstract), [mend(c) for c in captions], [mend(t) for t in tables]
    sections = [
        s.model_copy(update={"heading": mend(s.heading), "text": mend(s.text)})
        if needs_mending(s.text) or needs_mending(s.heading)  # not a copy of every text
        else s
        for s in sections
    ]
    first_page = page_one(lines)
    return PaperText(
        # prose as the sections now read; page 1 whole, which may quote the title (ISMIR's licence)
        title=title_as_written(title, printed_title, mend(prose), first_page),
        authors=authors,
        year=find_year(metadata, as_read, prose, arxiv_stamp),
        abstract=abstract,
        sections=sections,
        page_count=doc.page_count,
        full_text="\n\n".join(
            ([abstract] if abstract else []) + [f"{s.heading}\n{s.text}" for s in sections]
        ),
        sha256=sha256,
        captions=captions,
        tables=tables,
    )


_PAGE_ONE_SECTIONS = 4
"""Sections whose text may be on page 1, at most: where its lines of prose are looked for."""


def _without_title(toc: list[list[Any]], title: str) -> list[list[Any]]:
    """The outline without its first item when that is the paper's title, the others a level up:
    Nature's and Elsevier's journals put the title over "Results", "Discussion", "Methods", and
    page 1 (the names, the abstract, the introduction) was a section under it. Only the first
    item, unnumbered: a section may be named as the paper is ("2 Self-Rewarding Language
    Models"), and a title in a script ``heading_key`` keeps nothing of matches every item."""
    key = heading_key(title)
    first = str(toc[0][1])
    if not key or len(toc) < _OUTLINE_LEAST or is_numbered(first) or heading_key(first) != key:
        return toc
    up = min(int(item[0]) for item in toc[1:]) - 1
    return [[int(item[0]) - up, *item[1:]] for item in toc[1:]]


_OUTLINE_LEAST = 3
"""Items of an outline, at least, whose first may be the title over the others."""


def _outline(doc: pymupdf.Document) -> list[list[Any]]:
    """The PDF's outline as ``get_toc(simple=True)`` gives it ([level, title, page]), read from
    the outline pymupdf loaded on opening: ``get_toc`` loads it again, and every metadata field
    with it (half its time on a thesis's long outline). ``get_toc`` itself if pymupdf's outline
    items are not as known."""
    items: list[list[Any]] = []

    def walk(item: Any, level: int) -> None:
        while item is not None and item.this.m_internal:
            page = -1
            if not item.is_external and item.uri:
                page = (doc.resolve_link(item.uri)[0] if item.page == -1 else item.page) + 1
            items.append([level, item.title or " ", page])
            walk(item.down, level + 1)
            item = item.next

    try:
        walk(doc.outline, 1)
    except AttributeError:
        return list(doc.get_toc(simple=True))
    return items


def _body_size(lines: list[Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.styled:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _abstract_size(lines: list[Line], headings: dict[int, int], index: int) -> float:
    """The type size of most of the first lines under the abstract's heading at ``index``: small
    type there is measured against it and the abstract's first line (LaTeX's article sets the
    abstract a size under the body, Physica A under the introduction that follows it), not
    only against page 1's body size, which PLOS's affiliations, sidebar and footer (Citation,
    Editor, Received, Copyright, Data Availability), smaller than its abstract, make up most of:
    they followed the abstract into its text. Lines of prose only: a teaser figure's short lines
    in 5.5 pt under an abstract in 10 outnumber it (Huang et al.'s "Language Models as Zero-Shot
    Planners"); and in half points, as a justified line's size varies (Wei et al.'s chain of
    thought: its abstract in 9.9, 10 and 10.1 pt, each outnumbered by its figure's 7.3)."""
    sizes: Counter[float] = Counter()
    for i in range(index + 1, len(lines)):
        if not lines[i].styled or i in headings:
            break
        if len(lines[i].text) >= _PROSE_LINE:  # in half points: 9.9, 10 and 10.1 pt are one type
            sizes[round(lines[i].size * 2) / 2] += len(lines[i].text)
    return sizes.most_common(1)[0][0] if sizes else lines[index + 1].size


_PROSE_LINE = 40
"""Characters of a line of prose on page 1, at least: not a figure's words."""


def _split_sections(
    lines: list[Line], headings: dict[int, int], body_size: float
) -> tuple[list[Section], list[Line]]:
    """Group lines under their headings; return the sections and the lines before the first one.
    Small type on page 1 below the first heading is footnotes and the copyright or licence block
    (ISMIR's CC BY note, JASA's author notes): it is left out of the reading flow. Small is
    measured against the abstract's first line as well (LaTeX's article class sets it a size under
    the body); notes that end page 1 under text larger than its measured body size go too
    (``_page_one_notes``)."""
    sections: list[Section] = []
    front: list[Line] = []
    current: tuple[str, int, list[Line]] | None = None
    small = body_size - FOOTNOTE_SMALLER
    notes = _page_one_notes(lines, headings, body_size) | _copyright_blocks(lines, headings)
    for i, line in enumerate(lines):
        if current and not current[2] and continues_heading(lines[i - 1], line):
            joint = "" if current[0].endswith("-") else " "  # "ANALYSIS-" / "SYNTHESIS PROCESSES"
            current = (f"{current[0]}{joint}{line.text}", current[1], [])  # a heading over lines
        elif i in headings:
            if current:
                sections.append(_section(*current))
            current = (line.text, headings[i], [])
            small = body_size - FOOTNOTE_SMALLER
            if ABSTRACT.match(line.text) and i + 1 < len(lines) and i + 1 not in headings:
                abstract = max(body_size, _abstract_size(lines, headings, i))
                small = min(lines[i + 1].size, abstract) - FOOTNOTE_SMALLER
        elif current:
            if not (line.styled and (line.size <= small or i in notes)):
                current[2].append(line)
        else:
            front.append(line)
    if current:
        sections.append(_section(*current))
    following: list[Section | None] = [*sections[1:], None] if sections else []
    kept = [
        s
        for s, after in zip(sections, following, strict=True)
        if s.text or ABSTRACT.match(s.heading) or (after is not None and after.level > s.level)
    ]  # a heading with no text of its own is kept when its subsections follow ("4 Results", "4.1 …")
    return kept, front


def _page_one_notes(lines: list[Line], headings: dict[int, int], body_size: float) -> set[int]:
    """The notes at the foot of page 1 when its body size was misread: ACM's journals set the
    authors' addresses and the permission block in 8 pt under a text of 10 pt, more of the one
    than of the other, so small type is measured against the first section's own type (most
    of its first lines up to its heading's size: a drop cap makes one larger; not the abstract's)
    and only a run of smaller lines that ends the page is taken out."""
    first = min(
        (i for i in headings if lines[i].page == 0 and not ABSTRACT.match(lines[i].text)), default=None
    )
    if first is None:
        return set()
    after = [ln.size for ln in lines[first + 1 : first + 6] if ln.styled and ln.size <= lines[first].size]
    own = sorted(after)[len(after) // 2] if after else 0.0
    if not body_size < own <= body_size + _BODY_UNDERRATED:
        return set()
    run: list[int] = []
    for i in range(len(page_one(lines)) - 1, first, -1):
        if lines[i].size > own - _NOTES_SMALLER or i in headings:
            break
        run.append(i)
    # block by block from the page's foot, while each reads as a note (a sentence, an address;
    # above those, a short line): not a code listing in small type that ends the page
    notes: set[int] = set()
    for _block, group in itertools.groupby(run, key=lambda i: lines[i].block):
        block = list(group)
        short = notes and len(block) == 1 and len(lines[block[0]].text) <= _SHORT_NOTE_MOST
        if not short and not any(_NOTE_LIKE.search(lines[i].text) for i in block):
            break
        notes.update(block)
    return notes


def _copyright_blocks(lines: list[Line], headings: dict[int, int]) -> set[int]:
    """Page 1's copyright notice, from its line on to its block's end, in the body's type or
    near it (AAAI's "Copyright © 2023, Association for the Advancement of Artificial
    Intelligence (www.aaai.org). All rights reserved." at the first column's foot, in 9 pt under
    a text of 10), which the small type's measure does not take out; not a section's text that
    starts with one (a manual's "1.2 License" / "Copyright © 2011 Marco Daniel. Permission …")."""
    notice: set[int] = set()
    for i, line in enumerate(page_one(lines)):
        if (notice and i - 1 in notice and lines[i - 1].block == line.block) or (
            line.text[:1] in "C©" and i - 1 not in headings and _COPYRIGHT.match(line.text)
        ):
            notice.add(i)
    return notice


_COPYRIGHT = re.compile(r"(?:Copyright\s*(?:©|\(c\))?|©)\s*(?:19|20)\d\d\b")
"""A copyright notice's start: "Copyright © 2023", "© 2019", "Copyright 2003", "Copyright (c) 1998"."""


_NOTE_LIKE = re.compile(r"(?<!\.\.)\.$|://|[\w.-]@[\w-]+\.\w|©")
"""A line of a note: a sentence's end (not an ellipsis), an e-mail address, a link, a copyright."""


_SHORT_NOTE_MOST = 60
"""Characters of a note of one line above the others, which need not be a sentence (acmart's
``\\authornote``, "Contact Author"), at most."""


_NOTES_SMALLER = 1.5
"""Points under the first section's type that make the lines ending page 1 notes (ACM's: 8 pt
under 10), more than a footnote's ``FOOTNOTE_SMALLER``: an abstract a size smaller is no note."""


_BODY_UNDERRATED = 2.0
"""Points by which a section's type on page 1 may be larger than the body size measured there
and still set what small type is."""


def _section(heading: str, level: int, lines: list[Line]) -> Section:
    # a lead run in its paragraph keeps its colon ("Funding: This research…"); a heading has
    # none, and one space between its words ("1   Introduction", LNCS's number set apart)
    return Section(heading=" ".join(heading.removesuffix(":").split()), text=join_lines(lines), level=level)

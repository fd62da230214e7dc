"""PDF → ``PaperText`` with pymupdf: title, authors, year, abstract, sections, no references.

pymupdf is imported lazily (it takes most of a second) and is not thread-safe, so every call
into it holds ``_PYMUPDF_LOCK``.
"""

from __future__ import annotations

import hashlib
import html
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from papersum.errors import ExtractError
from papersum.models import PaperText, Section

if TYPE_CHECKING:
    import pymupdf

_PYMUPDF_LOCK = threading.Lock()
_MIN_TEXT_CHARS_PER_PAGE = 40
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-H](?:\.\d+)+\.?|[IVXLC]+\.|[A-H]\.)\s+")
_HEADING_SHAPE = re.compile(r"^[A-Z0-9][^.!?]{1,80}\??$")
_REFERENCES = re.compile(r"^(references?|bibliography|works cited|literature cited)$", re.I)
_ABSTRACT = re.compile(r"^abstract\b[\s.:—–-]*", re.I)
_ANCHOR_HEADINGS = {
    "abstract",
    "introduction",
    "references",
    "conclusion",
    "conclusions",
    "acknowledgments",
    "acknowledgements",
    "acknowledgement",
    "acknowledgment",
    "relatedwork",
    "background",
}
_BOLD_FONT = re.compile(r"bold|black|heavy|medi|semibold|demi|_b$|-b$|bx", re.I)
_DIGITS = re.compile(r"\d+")
_BARE_INTEGER = re.compile(r"^\d+\s")
_BROKEN_WORD = re.compile(r"(?<=[a-z])\u2010 (?=[a-z])")
_SPACES = re.compile(r"[ \t]{2,}|\t")
_NON_LETTERS = re.compile(r"[^a-z]")
_ELEMENT = re.compile(r"(\n?)<(p|h[1-3])>(.*?)</\2>")
_MARK = re.compile(r"<sup>(?:<[bi]>)*[^<]{0,3}(?:</[bi]>)*</sup>")
"""A footnote mark: a superscript of three characters at most."""
_HTML_SPAN = re.compile(  # tags, font name, size, text
    r'((?:<(?:b|i|sup|tt)>)*)<span style="font-family:([^,;"]*)[^;"]*;font-size:([\d.]+)pt'
    r'[^"]*">([^<]*)</span>'
)
_INLINE = re.compile(r"</?(?:i|tt|sup)>")
_MIN_FRAGMENT = 3
"""Paragraphs this short are plot markers, axis ticks, page numbers or bits of formulas."""
_TAG_SIZE = {"p": 0.0, "h3": 12.0, "h2": 15.0, "h1": 20.0}
"""What mupdf's XHTML tells of a paragraph's type size (the average size of its lines)."""
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_BAD_META_TITLE = re.compile(r"template|untitled|microsoft word|\.(?:dvi|docx?|tex|pdf)$", re.I)
# LaTeX PDFs often set an accent as its own glyph before the letter: "Hajiˇc", "´Ecole"
_COMBINING = {
    "´": "\u0301",
    "ˇ": "\u030c",
    "¨": "\u0308",
    "ˆ": "\u0302",
    "˜": "\u0303",
    "¸": "\u0327",
    "˚": "\u030a",
    "˘": "\u0306",
    "`": "\u0300",
}
_SPACING_ACCENT = re.compile(r"([´ˇ¨ˆ˜¸˚˘`]) ?([A-Za-zı])")
_AFFILIATION = re.compile(
    r"universit|institut|school|college|department|dept\.|laborator|research|inc\.|"
    r"corporation|@|\d|centre|center|academy|france|germany|usa|japan|china|spotify|google",
    re.I,
)


class _Line(NamedTuple):  # a tuple: papers have tens of thousands of lines
    page: int
    text: str
    size: float
    bold: bool
    block: int
    styled: bool = True
    """True for a line of page 1, with its type size; False for a paragraph of a later page,
    whose size is known only from 12 pt up (``_TAG_SIZE``)."""
    first: bool = False
    """A paragraph that starts its block."""
    alone: bool = False
    """A paragraph that is its whole block."""


def extract_paper(path: Path) -> PaperText:
    """Extract the text of the PDF at ``path``; a corrupt, empty, encrypted or scanned PDF raises."""
    with _opened(path) as (doc, data):
        return _extract(doc, path, hashlib.sha256(data).hexdigest())


def load_pymupdf() -> None:
    """Import pymupdf now (it takes most of a second), e.g. in a background thread."""
    import pymupdf  # noqa: F401


def read_pdf_title(path: Path) -> str:
    """The title of the PDF at ``path`` (plausible metadata, else the largest type on page 1)."""
    with _opened(path) as (doc, _data):
        try:
            lines = _read_lines(doc, pages=1)
            return _choose_title(doc.metadata or {}, lines, _title_lines(lines))
        except Exception as exc:  # a damaged page stream surfaces only when read
            raise ExtractError(f"{path} is corrupt: its first page cannot be read ({exc})") from exc


@contextmanager
def _opened(path: Path) -> Iterator[tuple[pymupdf.Document, bytes]]:
    """The PDF at ``path``, open and checked, with its bytes; pymupdf's lock is held throughout."""
    data = _read_pdf_bytes(path)
    with _PYMUPDF_LOCK:
        doc = _open(path, data)
        try:
            yield doc, data
        finally:
            doc.close()


def _read_pdf_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read the PDF ({exc.strerror})") from exc
    if not data.strip():
        raise ExtractError(f"{path} is empty (0 bytes); download the PDF again")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        kind = "an HTML page" if b"<html" in data[:2048].lower() else "not a PDF"
        raise ExtractError(f"{path} is {kind}, not a PDF file; download the PDF itself")
    return data


def _open(path: Path, data: bytes) -> pymupdf.Document:
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
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


def _extract(doc: pymupdf.Document, path: Path, sha256: str) -> PaperText:
    toc = doc.get_toc(simple=True)
    try:
        lines = _read_lines(doc)
    except Exception as exc:  # a damaged page stream surfaces only when read
        raise ExtractError(f"{path} is corrupt: its pages cannot be read ({exc})") from exc
    text_chars = sum(len(line.text) for line in lines)
    if text_chars < _MIN_TEXT_CHARS_PER_PAGE * doc.page_count:
        raise ExtractError(
            f"{path} has no text layer (a scanned PDF?); run OCR on it first "
            "(e.g. `ocrmypdf in.pdf out.pdf`) and link the result"
        )
    lines = _drop_running_lines(lines, doc.page_count)
    body_size = _body_size(lines)
    headings = _find_headings(lines, body_size, toc)
    title_lines = _title_lines(lines)
    sections, front = _split_sections(lines, headings)
    abstract, sections = _take_abstract(sections, front)
    sections = _drop_references(sections)
    return PaperText(
        title=_choose_title(doc.metadata or {}, lines, title_lines),
        authors=_find_authors(doc.metadata or {}, lines, title_lines, body_size),
        year=_find_year(doc.metadata or {}, [ln for ln in lines if ln.page == 0]),
        abstract=abstract,
        sections=sections,
        page_count=doc.page_count,
        full_text="\n\n".join(
            ([abstract] if abstract else []) + [f"{s.heading}\n{s.text}" for s in sections]
        ),
        sha256=sha256,
    )


def _read_lines(doc: pymupdf.Document, pages: int | None = None) -> list[_Line]:
    """The text of the document: page 1 line by line with type sizes (for the title and
    authors), the other pages paragraph by paragraph.

    mupdf's XHTML costs no more than its plain text and still marks bold runs and type of 12 pt
    and up, which is what sets a heading apart; with ``TEXT_DEHYPHENATE`` mupdf also mends the
    words hyphenated at line breaks.
    """
    import pymupdf

    lines: list[_Line] = []
    for page_number, page in enumerate(doc.pages(0, pages)):
        if page_number == 0:
            lines += _styled_lines(page.get_textpage(flags=pymupdf.TEXTFLAGS_TEXT), page_number)
        else:
            textpage = page.get_textpage(flags=pymupdf.TEXTFLAGS_TEXT | pymupdf.TEXT_DEHYPHENATE)
            lines += _paragraphs(textpage.extractXHTML(), page_number)
    return lines


def _styled_lines(textpage: pymupdf.TextPage, page_number: int) -> list[_Line]:
    """The lines of a page with their type size and weight, in their blocks.

    mupdf's HTML has the size and weight of every span, one line per row, in the order of
    its blocks; the blocks say how many lines each has. (Its span dictionaries would say the
    same at five times the cost.)
    """
    counts = [str(b[4]).count("\n") for b in textpage.extractBLOCKS() if b[6] == 0]
    rows = [row for row in textpage.extractHTML().split("\n") if row.startswith("<p ")]
    if sum(counts) != len(rows):  # not seen on any test PDF; the dictionaries cannot go wrong
        return _dict_lines(textpage.extractDICT(), page_number)
    lines: list[_Line] = []
    start = 0
    for block_number, count in enumerate(counts):
        for row in rows[start : start + count]:
            spans = [
                (
                    float(size),
                    html.unescape(text) if "&" in text else text,
                    "<b>" in tags or bool(_BOLD_FONT.search(font)),
                )
                for tags, font, size, text in _HTML_SPAN.findall(row)
            ]
            line = _make_line(spans, page_number, block_number)
            if line is not None:
                lines.append(line)
        start += count
    return lines


def _dict_lines(page_dict: dict[str, Any], page_number: int) -> list[_Line]:
    """The same lines from pymupdf's span dictionaries."""
    lines: list[_Line] = []
    for block_number, block in enumerate(page_dict["blocks"]):
        for raw in block.get("lines", []):
            spans = [
                (float(s["size"]), s["text"], bool(s["flags"] & 16 or _BOLD_FONT.search(s["font"])))
                for s in raw["spans"]
            ]
            line = _make_line(spans, page_number, block_number)
            if line is not None:
                lines.append(line)
    return lines


def _paragraphs(xhtml: str, page_number: int) -> list[_Line]:
    """The paragraphs of a page's XHTML: one per block, split where the type size changes
    (mupdf writes each block on a line of its own) or where a bold heading runs into its text."""
    page = _INLINE.sub("", _MARK.sub("", xhtml)).replace("</b><b>", "")
    if "&" in page:  # mupdf writes every non-ASCII character as an entity
        page = _normalize(html.unescape(page))
        if "\u2010" in page:  # mupdf mends only words broken with an ASCII hyphen
            page = _BROKEN_WORD.sub("", page)
    found = _ELEMENT.findall(page)
    lines: list[_Line] = []
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
                if not bold and _is_run_in_heading(lead := inner[3:end].strip()):
                    lines.append(_Line(page_number, lead, _TAG_SIZE[tag], True, block, False, first, True))
                    inner, first, alone = inner[end + 4 :], False, False
            inner = inner.replace("<b>", "").replace("</b>", "")
        text = inner.strip()
        if len(text) > _MIN_FRAGMENT:
            lines.append(_Line(page_number, text, _TAG_SIZE[tag], bold, block, False, first, alone))
    return lines


def _is_run_in_heading(text: str) -> bool:
    """A bold numbered or named heading at the start of a paragraph: ``1 Introduction The …``."""
    return (
        bool(text)
        and bool(_NUMBERING.match(text) or _heading_key(text) in _ANCHOR_HEADINGS)
        and bool(_HEADING_SHAPE.match(_NUMBERING.sub("", text)))
    )


def _make_line(spans: list[tuple[float, str, bool]], page: int, block: int) -> _Line | None:
    """A line from its spans' (size, text, bold)."""
    visible = [span for span in spans if span[1].strip()]
    if not visible:
        return None
    size = max(s[0] for s in visible)
    # superscripts (footnote marks, affiliations) are smaller than the line they sit on
    text = "".join(t for sz, t, _b in spans if sz >= size * 0.8 or not t.strip())
    bold = all(b for _s, _t, b in visible)
    return _Line(page, _normalize(text).strip(), round(size, 1), bold, block)


def _normalize(text: str) -> str:
    """Fold ligatures (ﬁ → fi) and LaTeX's spacing accents (´e → é) so text can be searched."""
    if text.isascii():  # most lines: nothing to fold
        return text
    text = _SPACING_ACCENT.sub(lambda m: m[2].replace("ı", "i") + _COMBINING[m[1]], text)
    return unicodedata.normalize("NFKC", text).replace("\u00ad", "")


def _drop_running_lines(lines: list[_Line], pages: int) -> list[_Line]:
    """Remove running headers and footers: short lines repeated on many pages (page numbers
    folded)."""
    if pages < 3:
        return lines
    fold = _DIGITS.sub
    keys = [fold("#", line.text.lower()) if len(line.text) < 90 else "" for line in lines]
    pages_of: dict[str, set[int]] = {}
    for key, line in zip(keys, lines, strict=True):
        if key:
            pages_of.setdefault(key, set()).add(line.page)
    threshold = max(3, pages // 2)
    running = {text for text, seen in pages_of.items() if len(seen) >= threshold}
    if not running:
        return lines
    return [ln for key, ln in zip(keys, lines, strict=True) if key not in running]


def _body_size(lines: list[_Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.styled:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _find_headings(lines: list[_Line], body_size: float, toc: list[list[Any]]) -> set[int]:
    """Indices of the lines that start a section: from the table of contents, else by style."""
    toc_titles = {(_heading_key(str(item[1])), int(item[2]) - 1) for item in toc if len(item) >= 3}
    # a heading is a short line that starts its paragraph (or a line on page 1, read with styles)
    candidates = [i for i, ln in enumerate(lines) if len(ln.text) <= 120 and (ln.styled or ln.first)]
    if len(toc_titles) >= 2:
        found = {i for i in candidates if _is_named_heading(lines[i], body_size)}
        where: dict[str, list[int]] = {}
        for i in candidates:
            where.setdefault(_heading_key(lines[i].text), []).append(i)
        for key, page in toc_titles:
            found |= set(_first_match(lines, where.get(key, []), page))
        if len(found) >= 2:
            return found
    styled = [i for i in candidates if _looks_like_heading(lines[i], body_size)]
    return set(_after_front_matter(lines, styled))


def _after_front_matter(lines: list[_Line], headings: list[int]) -> list[int]:
    """Drop bold title and author lines: headings start at the first named or numbered one."""
    for position, index in enumerate(headings):
        text = lines[index].text
        if _NUMBERING.match(text) or _heading_key(text) in _ANCHOR_HEADINGS or lines[index].page:
            return headings[position:]
    return headings


def _first_match(lines: list[_Line], candidates: list[int], page: int) -> list[int]:
    """Of the lines whose text is a TOC item, the one on the item's page, else next to it (the
    page may be off by one); the larger type, else the first (running headers repeat items)."""
    near = [i for i in candidates if abs(lines[i].page - page) <= 1]
    return [min(near, key=lambda i: (abs(lines[i].page - page), -lines[i].size, i))] if near else []


def _heading_key(text: str) -> str:
    return _NON_LETTERS.sub("", _NUMBERING.sub("", text.strip()).lower())


def _is_named_heading(line: _Line, body_size: float) -> bool:
    """Abstract and References are often missing from the table of contents (``line`` is a
    candidate of ``_find_headings``)."""
    if len(line.text) > 40:
        return False
    stripped = _NUMBERING.sub("", line.text).strip()
    set_apart = (line.bold or line.size > body_size + 0.4) if line.styled else True
    return bool(set_apart and (_REFERENCES.match(stripped) or stripped.lower() == "abstract"))


def _looks_like_heading(line: _Line, body_size: float) -> bool:
    """Whether a candidate of ``_find_headings`` is set apart and shaped like a heading."""
    start = line.text[:1]
    if not (start.isupper() or start.isdigit()):
        return False
    unnumbered = _NUMBERING.sub("", line.text)
    if not _HEADING_SHAPE.match(unnumbered) or len(line.text.split()) > 12:
        return False
    numbered = bool(_NUMBERING.match(line.text))
    key = _heading_key(line.text)
    named = key in _ANCHOR_HEADINGS or key.startswith("appendix")
    if not line.styled:  # a paragraph: a named one, or a bold, large or numbered one on its own
        if named or (line.alone and line.bold):
            return True
        # in plain type "2.1 Title", "II. TITLE", "A. Title", but not "3 a footnote"
        return (
            line.alone
            and numbered
            and sum(c.isalpha() for c in unnumbered) >= 3
            and (line.size > 0 or not _BARE_INTEGER.match(line.text))
        )
    emphasised = line.bold or line.size >= body_size + 0.9
    return emphasised and line.size >= body_size - 1.0 and (numbered or named or line.bold)


def _title_lines(lines: list[_Line]) -> list[int]:
    """Indices of the largest-type lines near the top of page 1."""
    first_page = [(i, ln) for i, ln in enumerate(lines[:80]) if ln.page == 0]
    if not first_page:
        return []
    biggest = max(ln.size for _i, ln in first_page)
    chosen: list[int] = []
    for i, ln in first_page:
        if ln.size >= biggest - 0.5:
            if chosen and i - chosen[-1] > 1:
                break
            chosen.append(i)
    return chosen


def _split_sections(lines: list[_Line], headings: set[int]) -> tuple[list[Section], list[_Line]]:
    """Group lines under their headings; return the sections and the lines before the first one."""
    sections: list[Section] = []
    front: list[_Line] = []
    current: tuple[str, list[_Line]] | None = None
    for i, line in enumerate(lines):
        if i in headings:
            if current:
                sections.append(Section(heading=current[0], text=_join_lines(current[1])))
            current = (line.text, [])
        elif current:
            current[1].append(line)
        else:
            front.append(line)
    if current:
        sections.append(Section(heading=current[0], text=_join_lines(current[1])))
    return [s for s in sections if s.text or _ABSTRACT.match(s.heading)], front


def _join_lines(lines: list[_Line]) -> str:
    """Join lines into paragraphs, mending words hyphenated at line breaks."""
    parts: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if previous is None:
            parts.append(line.text)
        elif previous.text.endswith(("-", "\u2010")) and line.text[:1].islower():
            parts[-1] = parts[-1][:-1] + line.text
        else:
            gap = "\n\n" if line.block != previous.block or line.page != previous.page else " "
            parts.append(gap + line.text)
        previous = line
    return _SPACES.sub(" ", "".join(parts)).strip()


def _take_abstract(sections: list[Section], front: list[_Line]) -> tuple[str, list[Section]]:
    """The abstract: a section so named, an inline ``Abstract—`` paragraph, or the longest front block."""
    for index, section in enumerate(sections):
        if _ABSTRACT.match(section.heading):
            inline = _ABSTRACT.sub("", section.heading).strip()
            text = f"{inline} {section.text}".strip()
            return text, sections[:index] + sections[index + 1 :]
    blocks: dict[tuple[int, int], list[_Line]] = {}
    for line in front:
        blocks.setdefault((line.page, line.block), []).append(line)
    paragraphs = [_join_lines(group) for group in blocks.values()]
    for paragraph in paragraphs:
        if _ABSTRACT.match(paragraph) and len(paragraph) > 200:
            return _ABSTRACT.sub("", paragraph).strip(), sections
    prose = [p for p in paragraphs if ". . ." not in p and "..." not in p]
    longest = max(prose, key=len, default="")
    return (longest if len(longest) >= 300 else ""), sections


def _drop_references(sections: list[Section]) -> list[Section]:
    return [s for s in sections if not _REFERENCES.match(_NUMBERING.sub("", s.heading).strip())]


def _choose_title(metadata: dict[str, Any], lines: list[_Line], title_lines: list[int]) -> str:
    """The metadata title when it is plausible, else the largest text on page 1."""
    meta = " ".join(str(metadata.get("title") or "").split())
    if len(meta) >= 8 and not _BAD_META_TITLE.search(meta):
        return meta
    title = " ".join(lines[i].text for i in title_lines).strip()
    if title.isupper():
        title = title[:1] + title[1:].lower()
    return title


def _find_authors(
    metadata: dict[str, Any], lines: list[_Line], title_lines: list[int], body_size: float
) -> list[str]:
    meta = str(metadata.get("author") or "").strip()
    if meta and not re.search(r"\d|@|template", meta, re.I):
        return _split_names(meta)
    if not title_lines:
        return []
    names: list[str] = []
    for line in lines[title_lines[-1] + 1 : title_lines[-1] + 6]:
        if line.page != 0 or _ABSTRACT.match(line.text) or len(line.text) > 120:
            break
        if line.size >= body_size - 0.5 and not _AFFILIATION.search(line.text):
            names += _split_names(line.text)
    return names


def _split_names(text: str) -> list[str]:
    parts = re.split(r",|;|\band\b|&", text)
    names = [" ".join(p.split()) for p in parts]
    return [n for n in names if _is_name(n)]


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words if len(w) > 3)


def _find_year(metadata: dict[str, Any], first_page: list[_Line]) -> int | None:
    years = Counter(int(y) for ln in first_page for y in _YEAR.findall(ln.text))
    if years:
        return max(years.items(), key=lambda item: (item[1], item[0]))[0]
    created = _YEAR.search(str(metadata.get("creationDate") or ""))
    return int(created.group(1)) if created else None

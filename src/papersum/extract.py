"""PDF → ``PaperText`` with pymupdf: title, authors, year, abstract, sections, no references.

pymupdf is imported lazily (it takes most of a second) and is not thread-safe, so every call
into it holds ``_PYMUPDF_LOCK``.
"""

from __future__ import annotations

import hashlib
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
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-H]\.)\s+")
_HEADING_SHAPE = re.compile(r"^[A-Z0-9][^.!?]{1,80}$")
_REFERENCES = re.compile(r"^(references?|bibliography|works cited|literature cited)$", re.I)
_ABSTRACT = re.compile(r"^abstract\b[\s.:—–-]*", re.I)
_ANCHOR_HEADINGS = {"abstract", "introduction", "references", "conclusion", "conclusions",
                    "acknowledgments", "acknowledgements", "acknowledgement", "acknowledgment",
                    "relatedwork", "background"}
_BOLD_FONT = re.compile(r"bold|black|heavy|medi|semibold|demi|_b$|-b$|bx", re.I)
_DIGITS = re.compile(r"\d+")
_NON_LETTERS = re.compile(r"[^a-z]")
_BARE_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$")
_SHORT_HEADING = re.compile(r"^[A-Z0-9][^.!?:;,]{0,60}$")
_FOOTNOTE_ZONE = 0.88
"""Blocks starting below this fraction of the page height are footnotes or page furniture."""
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_BAD_META_TITLE = re.compile(r"template|untitled|microsoft word|\.(?:dvi|docx?|tex|pdf)$", re.I)
# LaTeX PDFs often set an accent as its own glyph before the letter: "Hajiˇc", "´Ecole"
_COMBINING = {"´": "\u0301", "ˇ": "\u030c", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303",
              "¸": "\u0327", "˚": "\u030a", "˘": "\u0306", "`": "\u0300"}
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
    """False for a line read as a plain block: its size and weight are unknown."""
    first: bool = False
    """A plain line that starts its block, outside the footnotes."""
    alone: bool = False
    """A plain line that starts a short block (three lines at most), outside the footnotes."""


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
        raise ExtractError(
            f"{path} is corrupt and cannot be opened ({exc}); download it again"
        ) from exc
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
        lines = _read_lines(doc, has_toc=len(toc) >= 2)
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


def _read_lines(doc: pymupdf.Document, pages: int | None = None, has_toc: bool = False) -> list[_Line]:
    """The text lines of the document, with font size and weight where they matter.

    pymupdf's per-span dictionaries cost 1.8 times its plain text, its blocks about the same as
    plain text; so page 1 (title, authors, front matter) and the pages that may hold an
    unnumbered heading are read with styles, the others as blocks (where a numbered or named
    heading is still found). A table of contents names the headings itself.
    """
    import pymupdf

    lines: list[_Line] = []
    for page_number, page in enumerate(doc.pages(0, pages)):
        textpage = page.get_textpage(flags=pymupdf.TEXTFLAGS_TEXT)
        blocks = [] if page_number == 0 else _blocks_of(textpage, page.rect.height)
        if page_number == 0 or (not has_toc and _may_hold_headings(blocks)):
            lines += _styled_lines(textpage.extractDICT(), page_number)
        else:
            lines += _plain_lines(blocks, page_number)
    return lines


class _Block(NamedTuple):
    """A text block of a page read without styles."""

    number: int
    texts: list[str]
    """Its non-empty lines, stripped."""
    footnote: bool
    """It starts in the bottom of the page (footnotes, page furniture)."""
    chars: int


def _blocks_of(textpage: pymupdf.TextPage, height: float) -> list[_Block]:
    blocks: list[_Block] = []
    for _x0, top, _x1, _y1, text, number, kind in textpage.extractBLOCKS():
        if kind == 0:  # not an image
            texts = [t.strip() for t in str(text).split("\n") if t.strip()]
            blocks.append(_Block(int(number), texts, top > _FOOTNOTE_ZONE * height, len(str(text))))
    return blocks


def _styled_lines(page_dict: dict[str, Any], page_number: int) -> list[_Line]:
    lines: list[_Line] = []
    for block_number, block in enumerate(page_dict["blocks"]):
        for raw in block.get("lines", []):
            line = _make_line(raw["spans"], page_number, block_number)
            if line is not None:
                lines.append(line)
    return lines


def _plain_lines(blocks: list[_Block], page_number: int) -> list[_Line]:
    lines: list[_Line] = []
    for block in blocks:
        texts = block.texts
        if len(texts) >= 2 and _BARE_NUMBER.match(texts[0]):  # "5" above "Conclusion"
            texts = [f"{texts[0]} {texts[1]}", *texts[2:]]
        for position, text in enumerate(texts):
            first = position == 0 and not block.footnote
            lines.append(_Line(page_number, _normalize(text), 0.0, False, block.number, styled=False,
                               first=first, alone=first and len(texts) <= 3))
    return lines


def _may_hold_headings(blocks: list[_Block]) -> bool:
    """Whether a page has a line shaped like an unnumbered heading: a short capitalised line
    that is a block of its own before a paragraph, or that starts a paragraph's block."""
    for index, block in enumerate(blocks):
        texts = block.texts
        if block.footnote or not texts or not _SHORT_HEADING.match(texts[0]) or len(texts[0].split()) > 8:
            continue
        if len(texts) >= 3 and len(texts[1]) > 1.5 * len(texts[0]):
            return True
        if len(texts) == 1 and index + 1 < len(blocks) and blocks[index + 1].chars > 200:
            return True
    return False


def _make_line(spans: list[dict[str, Any]], page: int, block: int) -> _Line | None:
    visible = [s for s in spans if s["text"].strip()]
    if not visible:
        return None
    size = max(s["size"] for s in visible)
    # superscripts (footnote marks, affiliations) are smaller than the line they sit on
    text = "".join(s["text"] for s in spans if s["size"] >= size * 0.8 or not s["text"].strip())
    bold = all(s["flags"] & 16 or _BOLD_FONT.search(s["font"]) for s in visible)
    return _Line(page, _normalize(text).strip(), round(size, 1), bool(bold), block)


def _normalize(text: str) -> str:
    """Fold ligatures (ﬁ → fi) and LaTeX's spacing accents (´e → é) so text can be searched."""
    if text.isascii():  # most lines: nothing to fold
        return text
    text = _SPACING_ACCENT.sub(lambda m: m[2].replace("ı", "i") + _COMBINING[m[1]], text)
    return unicodedata.normalize("NFKC", text).replace("\u00ad", "")


def _drop_running_lines(lines: list[_Line], pages: int) -> list[_Line]:
    """Remove running headers and footers: short lines repeated on many pages."""
    if pages < 3:
        return lines
    keys = [_digits_folded(line.text) if len(line.text) < 90 else "" for line in lines]
    pages_of: dict[str, set[int]] = {}
    for key, line in zip(keys, lines, strict=True):
        if key:
            pages_of.setdefault(key, set()).add(line.page)
    threshold = max(3, pages // 2)
    running = {text for text, seen in pages_of.items() if len(seen) >= threshold}
    return [ln for key, ln in zip(keys, lines, strict=True) if key not in running]


def _digits_folded(text: str) -> str:
    return _DIGITS.sub("#", text.lower())


def _body_size(lines: list[_Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.styled:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _find_headings(
    lines: list[_Line], body_size: float, toc: list[list[Any]]
) -> set[int]:
    """Indices of the lines that start a section: from the table of contents, else by style."""
    toc_titles = {(_heading_key(str(item[1])), int(item[2]) - 1) for item in toc if len(item) >= 3}
    if len(toc_titles) >= 2:
        found = {i for i, ln in enumerate(lines) if _is_named_heading(ln, body_size)}
        where: dict[str, list[int]] = {}
        for i, line in enumerate(lines):
            if len(line.text) <= 200:  # a heading is never a long line
                where.setdefault(_heading_key(line.text), []).append(i)
        for key, page in toc_titles:
            found |= set(_first_match(lines, where.get(key, []), page))
        if len(found) >= 2:
            return found
    styled = [i for i, ln in enumerate(lines) if _looks_like_heading(ln, body_size)]
    return set(_after_front_matter(lines, styled))


def _after_front_matter(lines: list[_Line], headings: list[int]) -> list[int]:
    """Drop bold title and author lines: headings start at the first named or numbered one."""
    for position, index in enumerate(headings):
        text = lines[index].text
        if _NUMBERING.match(text) or _heading_key(text) in _ANCHOR_HEADINGS or lines[index].page:
            return headings[position:]
    return headings


def _first_match(lines: list[_Line], candidates: list[int], page: int) -> list[int]:
    """The first of the lines whose text is a TOC item that is on or next to the item's page
    (running headers repeat the item on later pages)."""
    return next(([i] for i in candidates if abs(lines[i].page - page) <= 1), [])


def _heading_key(text: str) -> str:
    return _NON_LETTERS.sub("", _NUMBERING.sub("", text.strip()).lower())


def _is_named_heading(line: _Line, body_size: float) -> bool:
    """Abstract and References are often missing from the table of contents."""
    if not (line.styled or line.first):
        return False
    stripped = _NUMBERING.sub("", line.text).strip()
    set_apart = (line.bold or line.size > body_size + 0.4) if line.styled else line.first
    return bool(set_apart and (_REFERENCES.match(stripped) or stripped.lower() == "abstract"))


def _looks_like_heading(line: _Line, body_size: float) -> bool:
    if not (line.styled or line.first):
        return False
    unnumbered = _NUMBERING.sub("", line.text)
    if not _HEADING_SHAPE.match(unnumbered) or len(line.text.split()) > 12:
        return False
    numbered = bool(_NUMBERING.match(line.text))
    named = _heading_key(line.text) in _ANCHOR_HEADINGS
    if not line.styled:  # a named line that starts a block, or a numbered one a short block
        return (named and line.first) or (
            numbered and line.alone and sum(c.isalpha() for c in unnumbered) >= 3)
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
        elif previous.text.endswith("-") and line.text[:1].islower():
            parts[-1] = parts[-1][:-1] + line.text
        else:
            gap = "\n\n" if line.block != previous.block or line.page != previous.page else " "
            parts.append(gap + line.text)
        previous = line
    return re.sub(r"[ \t]+", " ", "".join(parts)).strip()


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

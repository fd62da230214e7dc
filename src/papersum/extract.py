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
from papersum.pdflines import (
    ANCHOR_HEADINGS,
    HEADING_SHAPE,
    NUMBERING,
    PYMUPDF_LOCK,
    Line,
    drop_running_lines,
    heading_key,
    heading_level,
    read_lines,
)

if TYPE_CHECKING:
    import pymupdf

_MIN_TEXT_CHARS_PER_PAGE = 40
_LOADING = threading.Lock()
_UNUSED_EXTRAS = ("pymupdf.layout", "pymupdf4llm")


_REFERENCES = re.compile(r"^(references?|bibliography|works cited|literature cited)$", re.I)


_NOT_CONTENT = re.compile(
    r"^(table of contents|contents|list of (figures|tables|abbreviations|symbols|acronyms|algorithms)|"
    r"declaration|author'?s declaration|dedication|acknowledge?ments?)$",
    re.I,
)
"""A thesis's front matter: set apart like a section, but not what the paper says."""


_HONORIFIC = re.compile(r"\b(prof|dott|dr|chiar\.?mo|ing|supervisor|advisor|relatore|correlatore)\b\.?", re.I)
"""A name so titled on a title page is a supervisor's or examiner's, not the author's."""


_REFERENCE_START = re.compile(
    r"(?:\[(\d{1,3})\]\s*|(?<![\w.,:/\-])(\d{1,3})\.?\s?)"  # "[12] " or "12" / "12. "
    r"(?=(?:[A-Z]\. ?)+[A-Z][a-z\u0300-\u036f]|[A-Z][a-z]+, [A-Z]\.)"  # "H. Wierstorf", "Smith, J."
)
"""Where a numbered reference starts, in a references list that has no heading (JASA)."""
_REFERENCE_GAP = 700
"""Characters at most between two references of such a list."""


_COMPOUND = re.compile(r"\b([A-Za-z]{2,})-([a-z]{2,})\b")
_WORD = re.compile(r"\b[A-Za-z]{4,}\b")


_CAPTION = re.compile(r"^(?:Fig(?:ure)?\.?|Table|Tab\.)\s*\d+(?:\.\d+)*[.:]?\s", re.I)
_FOOTNOTE = re.compile(r"^(?:\d{1,2}|[*†‡§])\s?(?:https?://|www\.|[A-Z])")
_FOOTNOTE_MOST = 400


_SAME_ROW = 2.0
_CELL_MOST = 20
"""A table's cells are short; a block that is mostly so, on several rows, is a table."""


_FOOTNOTE_SMALLER = 0.9
"""Points under the body size that make a line of page 1 a footnote."""


_ABSTRACT_MOST = 3000
"""An abstract longer than this ran into what follows it: it is cut at a paragraph."""


_ABSTRACT = re.compile(r"^abstract\b[\s.:—–-]*", re.I)


_BARE_INTEGER = re.compile(r"^\d+\s")


_SPACES = re.compile(r"[ \t]{2,}|\t")


_SENTENCE_END = re.compile(r"[.?!:;][\"'’”)\]]*\s*$")


_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


_BAD_META_TITLE = re.compile(r"template|untitled|microsoft word|\.(?:dvi|docx?|tex|pdf)$", re.I)


_AFFILIATION = re.compile(
    r"universit|institut|school|college|department|dept\.|laborator|research|inc\.|"
    r"corporation|@|\d|centre|center|academy|france|germany|usa|japan|china|spotify|google|"
    r"\bgroup\b|\blab\b|faculty|company",
    re.I,
)


def extract_paper(path: Path) -> PaperText:
    """Extract the text of the PDF at ``path``; a corrupt, empty, encrypted or scanned PDF raises."""
    with _opened(path) as (doc, data):
        return _extract(doc, path, hashlib.sha256(data).hexdigest())


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
            lines = read_lines(doc, pages=1)
            return _choose_title(doc.metadata or {}, lines, _title_lines(lines))
        except Exception as exc:  # a damaged page stream surfaces only when read
            raise ExtractError(f"{path} is corrupt: its first page cannot be read ({exc})") from exc


@contextmanager
def _opened(path: Path) -> Iterator[tuple[pymupdf.Document, bytes]]:
    """The PDF at ``path``, open and checked, with its bytes; pymupdf's lock is held throughout."""
    data = _read_pdf_bytes(path)
    with PYMUPDF_LOCK:
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


def _extract(doc: pymupdf.Document, path: Path, sha256: str) -> PaperText:
    toc = doc.get_toc(simple=True)
    try:
        lines = read_lines(doc)
    except Exception as exc:  # a damaged page stream surfaces only when read
        raise ExtractError(f"{path} is corrupt: its pages cannot be read ({exc})") from exc
    text_chars = sum(len(line.text) for line in lines)
    if text_chars < _MIN_TEXT_CHARS_PER_PAGE * doc.page_count:
        raise ExtractError(_why_no_text(doc, path))
    lines, captions = _set_aside(drop_running_lines(lines, doc.page_count))
    lines, tables = _tables_aside(lines)
    body_size = _body_size(lines)
    headings = _find_headings(lines, body_size, toc)
    title_lines = _title_lines(lines)
    sections, front = _split_sections(lines, headings, body_size)
    abstract, sections = _take_abstract(_without_unheaded_references(_drop_references(sections)), front)
    abstract, sections = _with_compound_hyphens(abstract, sections)
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
        captions=captions,
        tables=tables,
    )


def _set_aside(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """The reading flow without figure and table captions (returned apart) and the footnotes at
    the foot of each later page (numbered or marked paragraphs after the page's last body text),
    so a sentence that runs past them reads whole."""
    captions: list[str] = []
    caption_blocks: set[tuple[int, int]] = set()
    footnotes: set[int] = set()
    for index, line in enumerate(lines):
        starts = line.first if not line.styled else (index == 0 or lines[index - 1].block != line.block)
        if starts and _CAPTION.match(line.text):
            caption_blocks.add((line.page, line.block))
    for index in range(len(lines) - 1, -1, -1):  # from each page's end up, while they are notes
        line = lines[index]
        if line.styled or line.bold or not line.alone or not _FOOTNOTE.match(line.text):
            continue
        last_of_page = index == len(lines) - 1 or lines[index + 1].page != line.page
        at_foot = last_of_page or index + 1 in footnotes
        text = line.text
        linked = "://" in text or "www." in text
        sentence = text.endswith(".") or len(text.split()) >= 8  # not a heading such as "2 Challenges"
        if len(text) < _FOOTNOTE_MOST and (linked or (sentence and (at_foot or len(text) < 200))):
            footnotes.add(index)
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if (line.page, line.block) in caption_blocks:
            if captions and lines[index - 1].block == line.block and lines[index - 1].page == line.page:
                captions[-1] += " " + line.text
            else:
                captions.append(line.text)
        elif index not in footnotes:
            kept.append(line)
    return kept, captions


def _tables_aside(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """Page 1's tables out of the reading flow, each kept as its rows ("violin | 12 | 4.1"): a
    block of many short cells on a few rows, told apart by where each cell is."""
    blocks: dict[int, list[Line]] = {}
    for line in lines:
        if line.styled:
            blocks.setdefault(line.block, []).append(line)
    tables: list[str] = []
    table_blocks: set[int] = set()
    for block, cells in blocks.items():
        rows: list[list[Line]] = []
        for cell in sorted(cells, key=lambda c: c.top):  # a row: cells whose tops are within 2 pt
            if rows and cell.top - rows[-1][0].top <= _SAME_ROW:
                rows[-1].append(cell)
            else:
                rows.append([cell])
        wide = [row for row in rows if len(row) >= 2]
        short = sum(len(cell.text) <= _CELL_MOST for cell in cells)
        if len(cells) >= 6 and len(wide) >= 2 and short >= 0.7 * len(cells):
            table_blocks.add(block)
            ordered = [sorted(row, key=lambda c: c.left) for row in rows]
            tables.append("\n".join(" | ".join(c.text for c in row) for row in ordered))
    if not table_blocks:
        return lines, tables
    return [ln for ln in lines if not (ln.styled and ln.block in table_blocks)], tables


def _body_size(lines: list[Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.styled:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _find_headings(lines: list[Line], body_size: float, toc: list[list[Any]]) -> dict[int, int]:
    """The lines that start a section, by index, with their level: from the table of contents
    (its levels), else by style (levels from their numbering)."""
    toc_titles = {
        (heading_key(str(item[1])), int(item[2]) - 1, int(item[0])) for item in toc if len(item) >= 3
    }
    # a heading is a short line that starts its paragraph (or a line on page 1, read with styles)
    candidates = [i for i, ln in enumerate(lines) if len(ln.text) <= 120 and (ln.styled or ln.first)]
    if len(toc_titles) >= 2:
        found = {
            i: heading_level(lines[i].text) for i in candidates if _is_named_heading(lines[i], body_size)
        }
        where: dict[str, list[int]] = {}
        for i in candidates:
            where.setdefault(heading_key(lines[i].text), []).append(i)
        for key, page, level in toc_titles:
            found.update((i, level) for i in _first_match(lines, where.get(key, []), page))
        if len(found) >= 2:
            return found
    styled = [i for i in candidates if _looks_like_heading(lines[i], body_size)]
    return {i: heading_level(lines[i].text) for i in _after_front_matter(lines, styled)}


def _after_front_matter(lines: list[Line], headings: list[int]) -> list[int]:
    """Drop bold title and author lines: headings start at the first named or numbered one."""
    for position, index in enumerate(headings):
        text = lines[index].text
        if NUMBERING.match(text) or heading_key(text) in ANCHOR_HEADINGS or lines[index].page:
            return headings[position:]
    return headings


def _first_match(lines: list[Line], candidates: list[int], page: int) -> list[int]:
    """Of the lines whose text is a TOC item, the one on the item's page, else next to it (the
    page may be off by one); the larger type, else the first (running headers repeat items)."""
    near = [i for i in candidates if abs(lines[i].page - page) <= 1]
    return [min(near, key=lambda i: (abs(lines[i].page - page), -lines[i].size, i))] if near else []


def _is_named_heading(line: Line, body_size: float) -> bool:
    """Abstract and References are often missing from the table of contents (``line`` is a
    candidate of ``_find_headings``)."""
    if len(line.text) > 40:
        return False
    stripped = NUMBERING.sub("", line.text).strip()
    set_apart = (line.bold or line.size > body_size + 0.4) if line.styled else True
    known = _REFERENCES.match(stripped) or _NOT_CONTENT.match(stripped) or stripped.lower() == "abstract"
    return bool(set_apart and known)


def _looks_like_heading(line: Line, body_size: float) -> bool:
    """Whether a candidate of ``_find_headings`` is set apart and shaped like a heading."""
    start = line.text[:1]
    if not (start.isupper() or start.isdigit()):
        return False
    unnumbered = NUMBERING.sub("", line.text)
    if not HEADING_SHAPE.match(unnumbered) or len(line.text.split()) > 12:
        return False
    numbered = bool(NUMBERING.match(line.text))
    key = heading_key(line.text)
    named = key in ANCHOR_HEADINGS or key.startswith("appendix")
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
    if emphasised and line.size >= body_size - 1.0 and (numbered or named or line.bold):
        return True
    # IEEE sets "I. INTRODUCTION" in small caps of the body's size: a numbered line alone in
    # its block, in body type, is a heading all the same
    return (
        line.alone
        and numbered
        and abs(line.size - body_size) <= 0.5
        and sum(c.isalpha() for c in unnumbered) >= 3
    )


def _title_lines(lines: list[Line]) -> list[int]:
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


def _split_sections(
    lines: list[Line], headings: dict[int, int], body_size: float
) -> tuple[list[Section], list[Line]]:
    """Group lines under their headings; return the sections and the lines before the first one.
    Small type on page 1 below the first heading is footnotes and the copyright or licence block
    (ISMIR's CC BY note, JASA's author notes): it is left out of the reading flow."""
    sections: list[Section] = []
    front: list[Line] = []
    current: tuple[str, int, list[Line]] | None = None
    for i, line in enumerate(lines):
        if i in headings:
            if current:
                sections.append(_section(*current))
            current = (line.text, headings[i], [])
        elif current:
            if not (line.styled and line.size <= body_size - _FOOTNOTE_SMALLER):
                current[2].append(line)
        else:
            front.append(line)
    if current:
        sections.append(_section(*current))
    following = [*sections[1:], None]
    kept = [
        s
        for s, after in zip(sections, following, strict=True)
        if s.text or _ABSTRACT.match(s.heading) or (after is not None and after.level > s.level)
    ]  # a heading with no text of its own is kept when its subsections follow ("4 Results", "4.1 …")
    return kept, front


def _section(heading: str, level: int, lines: list[Line]) -> Section:
    return Section(heading=heading, text=_join_lines(lines), level=level)


def _join_lines(lines: list[Line]) -> str:
    """Join lines into paragraphs, mending words hyphenated at line breaks."""
    parts: list[str] = []
    previous: Line | None = None
    for line in lines:
        if previous is None:
            parts.append(line.text)
        elif previous.text.endswith(("-", "\u2010")) and line.text[:1].islower():
            parts[-1] = parts[-1][:-1] + line.text
        else:
            new_block = line.block != previous.block or line.page != previous.page
            # a sentence running on into the next column or page is one paragraph
            runs_on = line.text[:1].islower() and not _SENTENCE_END.search(previous.text)
            parts.append(("\n\n" if new_block and not runs_on else " ") + line.text)
        previous = line
    return _SPACES.sub(" ", "".join(parts)).strip()


def _take_abstract(sections: list[Section], front: list[Line]) -> tuple[str, list[Section]]:
    """The abstract (at most ``_ABSTRACT_MOST`` characters, cut at a paragraph): a section so
    named, an inline ``Abstract—`` paragraph, the longest front block, else (a paper with no
    abstract, like a ReScience replication) the first paragraph of its first section."""
    abstract, sections = _find_abstract(sections, front)
    first = next((s for s in sections if not _NOT_CONTENT.match(NUMBERING.sub("", s.heading).strip())), None)
    if not abstract and first is not None:
        abstract = next((p for p in first.text.split("\n\n") if len(p) >= 200), "")
    if len(abstract) > _ABSTRACT_MOST:
        cut = abstract[:_ABSTRACT_MOST].rfind("\n\n")
        abstract = abstract[: cut if cut > 0 else _ABSTRACT_MOST].strip()
    return abstract, sections


def _find_abstract(sections: list[Section], front: list[Line]) -> tuple[str, list[Section]]:
    for index, section in enumerate(sections):
        if _ABSTRACT.match(section.heading):
            inline = _ABSTRACT.sub("", section.heading).strip()
            text = f"{inline} {section.text}".strip()
            return text, sections[:index] + sections[index + 1 :]
    blocks: dict[tuple[int, int], list[Line]] = {}
    for line in front:
        blocks.setdefault((line.page, line.block), []).append(line)
    paragraphs = [_join_lines(group) for group in blocks.values()]
    for paragraph in paragraphs:
        if _ABSTRACT.match(paragraph) and len(paragraph) > 200:
            return _ABSTRACT.sub("", paragraph).strip(), sections
    prose = [p for p in paragraphs if ". . ." not in p and "..." not in p]
    longest = max(prose, key=len, default="")
    return (longest if len(longest) >= 300 else ""), sections


def _with_compound_hyphens(abstract: str, sections: list[Section]) -> tuple[str, list[Section]]:
    """Put back the hyphen of compounds broken at a line end ("genre-/specific" was mended to
    "genrespecific") when the document spells the compound with a hyphen elsewhere."""
    text = "\n".join([abstract, *(s.text for s in sections)])
    compounds = {(a + b).lower(): len(a) for a, b in _COMPOUND.findall(text)}
    if not compounds:
        return abstract, sections

    def mend(match: re.Match[str]) -> str:
        word = match[0]
        cut = compounds.get(word.lower())
        return f"{word[:cut]}-{word[cut:]}" if cut else word

    def fixed(part: str) -> str:
        return _WORD.sub(mend, part)

    return fixed(abstract), [s.model_copy(update={"text": fixed(s.text)}) for s in sections]


def _without_unheaded_references(sections: list[Section]) -> list[Section]:
    """The last section without the references list that ends it when the list has no heading
    of its own (JASA): a run of references numbered 1, 2, 3, … from there to the end."""
    if not sections:
        return sections
    text = sections[-1].text
    starts = [(m.start(), int(m[1] or m[2])) for m in _REFERENCE_START.finditer(text)]
    for index, (start, number) in enumerate(starts):
        run = starts[index : index + 5]
        if number != 1 or [n for _s, n in run] != [1, 2, 3, 4, 5]:
            continue
        positions = [s for s, _n in starts[index:]] + [len(text)]
        if all(b - a <= _REFERENCE_GAP for a, b in itertools.pairwise(positions)):
            return [*sections[:-1], sections[-1].model_copy(update={"text": text[:start].rstrip()})]
    return sections


def _drop_references(sections: list[Section]) -> list[Section]:
    """Without the references and a thesis's lists and declarations (acknowledgements stay: a
    paper's say who funded it)."""
    kept = []
    for section in sections:
        name = NUMBERING.sub("", section.heading).strip()
        if _REFERENCES.match(name) or (_NOT_CONTENT.match(name) and not name.lower().startswith("ack")):
            continue
        kept.append(section)
    return kept


def _choose_title(metadata: dict[str, Any], lines: list[Line], title_lines: list[int]) -> str:
    """The metadata title when it is plausible, else the largest text on page 1."""
    meta = " ".join(str(metadata.get("title") or "").split())
    if len(meta) >= 8 and not _BAD_META_TITLE.search(meta):
        return meta
    title = " ".join(lines[i].text for i in title_lines).strip()
    if title.isupper():
        title = title[:1] + title[1:].lower()
    return title


def _find_authors(
    metadata: dict[str, Any], lines: list[Line], title_lines: list[int], body_size: float
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
        if (
            line.size >= body_size - 0.5
            and not _AFFILIATION.search(line.text)
            and not _HONORIFIC.search(line.text)
        ):
            names += _split_names(line.text)
    return names


def _split_names(text: str) -> list[str]:
    parts = re.split(r",|;|\band\b|&", text)
    names = [" ".join(p.split()) for p in parts]
    return [n for n in names if _is_name(n)]


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words if len(w) > 3)


def _find_year(metadata: dict[str, Any], first_page: list[Line]) -> int | None:
    years = Counter(int(y) for ln in first_page for y in _YEAR.findall(ln.text))
    if years:
        return max(years.items(), key=lambda item: (item[1], item[0]))[0]
    created = _YEAR.search(str(metadata.get("creationDate") or ""))
    return int(created.group(1)) if created else None

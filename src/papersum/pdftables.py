"""Tables read from where mupdf puts their words: mupdf reads a table as one run of tokens
("piano 58 28 44 15 violin 51 …"); papersum rebuilds its rows and cells (``piano | 58 | 28``)."""

from __future__ import annotations

import itertools
import operator
import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from papersum.pdfchars import normalize
from papersum.pdfheadings import ANCHOR_HEADINGS, heading_key, is_numbered, unnumbered
from papersum.pdfoutline import APPENDIX_LETTER
from papersum.pdfwords import Word, words_of_blocks

if TYPE_CHECKING:
    import pymupdf

    from papersum.pdflines import Line

T = TypeVar("T")


SAME_ROW = 3.0
"""Points between the tops of two cells (or words) of one table row, at most: a raised unit or
mark ("°", "¹") sits two points or so above its row."""


TABLE_CELLS = re.compile(r" (?:[(\[]?[±+\-−–]?\.?\d[\d.,:%×]*[)\]%]?|[±+\-−–()])(?=\s|$)")
"""The tokens of a table or an axis, each after its space: numbers, maybe signed, in brackets or
without their leading zero (".73 (.16)", as APA and MedleyDB's tables set them), and lone
signs. (Starting with the space, a literal, it is searched twice as fast.)"""


def is_table_like(text: str) -> bool:
    """A paragraph that is mostly numbers: a table's cells or a plot's axis, read as one run."""
    return _mostly_numbers(text, text.count(" ") + 1)  # paragraphs are single-spaced


def _mostly_numbers(text: str, tokens: int) -> bool:
    if tokens < 8 or cells_at_most(text) < 0.4 * tokens:
        return False
    return len(TABLE_CELLS.findall(" " + text)) >= 0.4 * tokens


def cells_at_most(text: str) -> int:
    """How many of ``TABLE_CELLS``' tokens ``text`` can hold at most: each has a digit or a sign
    of its own. Counted in C as the ASCII ones plus every character beyond ASCII (a bound for
    the other digits and signs), so that prose is told apart ten times faster than by the
    search."""
    ascii_only = text.encode("ascii", "ignore")
    beyond_ascii = len(text) - len(ascii_only)
    return len(ascii_only) - len(ascii_only.translate(None, b"0123456789+-()")) + beyond_ascii


class WordBlocks:
    """Words of a page (``extractWORDS``: x0, y0, x1, y1, text, block, line, word) by their
    block: a paragraph's table is read from the block of mupdf's text page it was read from
    (``Line.mupdf_block``), when that block starts as the paragraph does (a paragraph that is
    not its block's first, under a caption set apart by its size, is left as it is). Not looked
    up by its first words: two blocks of a page may start alike (the axes of two plots, two
    tables' heads), and the first one's words went into the second's paragraph."""

    def __init__(self, words: list[Word]) -> None:
        self._blocks = {
            block: list(group) for block, group in itertools.groupby(words, key=operator.itemgetter(5))
        }

    def table_of(self, paragraph: str, block: int) -> str:
        """The table that ``paragraph`` reads as one run, a row a line and its cells between
        " | ": a row is the words at one height, a new cell starts where the gap is wider than
        half the type's height. The paragraph itself when its block does not start as it does."""
        rows = self._rows(paragraph, block)
        return _rendered(rows) if len(rows) >= 2 else paragraph

    def word_table_of(self, paragraph: str, block: int) -> str | None:
        """The table that ``paragraph`` reads as one run when its words stand in a grid (see
        ``table_kind``), else None: three rows or more, and two columns or more, each a
        left edge that three cells share (a justified paragraph's wide gaps do not line up)."""
        rows = self._rows(paragraph, block)
        starts = Counter(round(left / _COLUMN_ALIGN) for row in rows for left, _text in row)
        columns = sum(count >= 3 for count in starts.values())
        wide = sum(len(row) >= 2 for row in rows)
        return _rendered(rows) if len(rows) >= 3 and columns >= 2 and wide >= len(rows) / 4 else None

    def rows_table_of(self, rows: list[str], blocks: list[int]) -> str | None:
        """The table whose rows mupdf reads as paragraphs of their own, one a block (a word
        processor's table, its cells apart), else None: ``blocks``, those of ``rows``, each
        starting as its row does with no other block of words between them, in rows of two
        cells or more, two such rows at least."""
        between = [block for block in self._blocks if blocks[0] <= block <= blocks[-1]]
        if between != blocks or any(
            not self._starts(block, row.split()[:3]) for block, row in zip(blocks, rows, strict=True)
        ):
            return None
        table = table_rows([word for block in blocks for word in self._blocks[block]])
        return _rendered(table) if sum(len(row) >= 2 for row in table) >= 2 else None

    def _rows(self, paragraph: str, block: int) -> list[list[tuple[float, str]]]:
        return table_rows(self._blocks[block]) if self._starts(block, paragraph.split()[:3]) else []

    def _starts(self, block: int, head: list[str]) -> bool:
        """Whether ``block`` has words and its first are ``head`` (a paragraph's first three),
        folded as the paragraph's text is."""
        return block in self._blocks and [normalize(word[4]) for word in self._blocks[block][:3]] == head


NUMBERS, WORDS = "numbers", "words"


def table_kind(text: str) -> str:
    """Whether a paragraph may be a table read as one run: ``NUMBERS`` when it is mostly
    numbers (``is_table_like``), ``WORDS`` when it may be a table of words (of symbols, of
    songs: a dozen tokens or more, no sentence in it, and many capitalised words after the
    first, as cells start), else "". ``WordBlocks`` tells from where the words are."""
    spaces = text.count(" ")
    if spaces < 7:  # fewer than eight tokens, too few for either (most of a figure's words)
        return ""
    if _mostly_numbers(text, spaces + 1):
        return NUMBERS
    if spaces < 11 or text[-1] in ":;," or ". " in text:  # most: told in C
        return ""
    if _SENTENCE_END.search(text) or _NOT_A_TABLE.match(text):
        return ""
    tokens = text.split()
    return WORDS if sum(token[:1].isupper() for token in tokens[1:]) >= 0.2 * len(tokens) else ""


def with_tables(lines: list[Line], textpage: pymupdf.TextPage) -> list[Line]:
    """The page's table-like paragraphs marked as tables, rebuilt as rows from where the page's
    words are (``pdftables``): those mostly of numbers always (a figure's numbers too), those of
    words when their words stand in a grid, and runs of paragraphs that are a table's rows (a
    word processor's). mupdf's words are read only for a page that has such paragraphs."""
    kinds = [NUMBERS if line.table else table_kind(line.text) for line in lines]
    runs = _row_runs(lines, kinds)
    if not any(kinds) and not runs:
        return lines
    wanted = {line.mupdf_block for line, kind in zip(lines, kinds, strict=True) if kind}
    for start, end in runs.items():  # and the blocks between a run's rows (a row told apart)
        wanted.update(range(lines[start].mupdf_block, lines[end - 1].mupdf_block + 1))
    blocks = WordBlocks(words_of_blocks(textpage, wanted))
    marked = []
    for index, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind == NUMBERS:
            line = line._replace(text=blocks.table_of(line.text, line.mupdf_block), table=True)
        elif kind == WORDS and (table := blocks.word_table_of(line.text, line.mupdf_block)):
            line = line._replace(text=table, table=True)
        elif index in runs and (
            table := blocks.rows_table_of(
                [row.text for row in lines[index : runs[index]]],
                [row.mupdf_block for row in lines[index : runs[index]]],
            )
        ):
            line = line._replace(text=table, table=True)
            kinds[index + 1 : runs[index]] = [_ROW] * (runs[index] - index - 1)
        elif kind == _ROW:
            continue
        marked.append(line)
    return marked


_ROW = "row"


def is_heading_like(text: str) -> bool:
    """A numbered heading ("4.2. Results", "III. METHOD") or a named one ("References"), which
    ends a run of a table's rows."""
    return (is_numbered(text) and unnumbered(text)[:1].isupper()) or heading_key(text) in ANCHOR_HEADINGS


_ROW_MOST = 60
"""Characters of a table's row read as a paragraph of its own, at most."""


def _row_runs(lines: list[Line], kinds: list[str]) -> dict[int, int]:
    """Where runs of three paragraphs or more start and end that may be a table's rows, each a
    block of its own (a word processor sets each cell apart, mupdf reads a row as a block):
    short, no sentence, no heading, and all together mostly numbers (``is_table_like``)."""
    rows = "".join(
        "r"
        if not kind
        and line.alone
        and not line.bold
        and len(line.text) <= _ROW_MOST
        and line.text[-1] not in ".:;,"
        else "."
        for line, kind in zip(lines, kinds, strict=True)
    )
    runs: dict[int, int] = {}
    for run in _RUN.finditer(rows):
        start, index = run.span()
        if not is_table_like(" ".join(line.text for line in lines[start:index])):
            continue  # most: a figure's words; else headings, told only now, end runs too
        headings = [i for i in range(start, index) if is_heading_like(lines[i].text)]
        if not headings:  # the whole run, told above
            runs[start] = index
            continue
        for end in [*headings, index]:
            if end - start >= 3 and is_table_like(" ".join(line.text for line in lines[start:end])):
                runs[start] = end
            start = end + 1
    return runs


_RUN = re.compile("r{3,}")


_SENTENCE_END = re.compile(r"[.?!](?:\s|$)")


_NOT_A_TABLE = re.compile(r"(?:Fig(?:ure)?\.?|Table|Tab\.)\s*\d|\[\d|[•◦▪–-]\s|.* \| ")
"""A caption, a reference, a list item, a running footer ("ReScience | … | Volume 2")."""


_COLUMN_ALIGN = 3.0
"""Points within which cells of one column start."""


def _rendered(rows: list[list[tuple[float, str]]]) -> str:
    return "\n".join(" | ".join(text for _left, text in row) for row in rows)


def rows_of(items: list[T], top: Callable[[T], float], left: Callable[[T], float]) -> list[list[T]]:
    """A table's items (cells, words) in rows, top to bottom: those whose tops are within
    ``SAME_ROW`` points of the row's first, each row left to right."""
    rows: list[list[T]] = []
    for item in sorted(items, key=top):
        if rows and top(item) - top(rows[-1][0]) <= SAME_ROW:
            rows[-1].append(item)
        else:
            rows.append([item])
    return [sorted(row, key=left) for row in rows]


def table_rows(words: list[Word]) -> list[list[tuple[float, str]]]:
    """The cells of a table's words, row by row, each with its left edge (see
    ``WordBlocks.table_of``): a new cell where the gap is wider than half the type's height, and
    in a row of fewer cells (a header set as tightly as words, as LNCS sets it) also where the
    columns of the fullest rows say one ends (``_Columns.cut``), when that makes it a full row."""
    table: list[list[list[Word]]] = []
    for row in rows_of(words, top=lambda w: float(w[1]), left=lambda w: float(w[0])):
        cells: list[list[Word]] = []
        for word in row:
            gap = float(word[0]) - float(cells[-1][-1][2]) if cells else 0.0
            if not cells or gap > 0.5 * (float(word[3]) - float(word[1])):
                cells.append([word])
            else:
                cells[-1].append(word)
        table.append(cells)
    widest = max((len(row) for row in table), default=0)
    full = [row for row in table if len(row) == widest]
    if widest >= 2 and len(full) >= 2:  # cut only into a full row: a spanning header stays whole
        columns = _Columns.of(full)
        cuts = [row if len(row) == widest else columns.cut(row) for row in table]
        table = [cut if len(cut) == widest else row for row, cut in zip(table, cuts, strict=True)]
    return [
        [(float(cell[0][0]), " ".join(normalize(str(w[4])) for w in cell)) for cell in row] for row in table
    ]


_ALIGNED = 1.0
"""Points within which the cells of a column share their left or right edge."""


class _Columns(NamedTuple):
    """The columns of a table's fullest rows: where each spans, and the edges its cells share."""

    spans: list[tuple[float, float]]
    right_edges: list[float]
    """Of the right-aligned columns (numbers, mostly)."""
    left_edges: list[float]
    """Of the left-aligned columns."""

    @classmethod
    def of(cls, full: list[list[list[Word]]]) -> _Columns:
        starts = [[float(cell[0][0]) for cell in column] for column in zip(*full, strict=True)]
        ends = [[float(cell[-1][2]) for cell in column] for column in zip(*full, strict=True)]
        return cls(
            spans=[(min(s), max(e)) for s, e in zip(starts, ends, strict=True)],
            right_edges=[max(e) for e in ends if max(e) - min(e) <= _ALIGNED],
            left_edges=[min(s) for s in starts if max(s) - min(s) <= _ALIGNED],
        )

    def cut(self, row: list[list[Word]]) -> list[list[Word]]:
        """``row``'s cells cut where a column ends: after a word that ends at a right-aligned
        column's edge, before one that starts at a left-aligned column's, and between two words
        that each fall in a different column."""
        cut: list[list[Word]] = []
        for cell in row:
            cut.append([cell[0]])
            for before, word in itertools.pairwise(cell):
                one, other = self._column_of(before), self._column_of(word)
                if (
                    any(abs(float(before[2]) - edge) <= _ALIGNED for edge in self.right_edges)
                    or any(abs(float(word[0]) - edge) <= _ALIGNED for edge in self.left_edges)
                    or (one is not None and other is not None and one != other)
                ):
                    cut.append([word])
                else:
                    cut[-1].append(word)
        return cut

    def _column_of(self, word: Word) -> int | None:
        x0, x1 = float(word[0]), float(word[2])
        inside = [j for j, (start, end) in enumerate(self.spans) if x0 < end and x1 > start]
        return inside[0] if len(inside) == 1 else None


_CELL_MOST = 20
"""A table's cells are short; a block that is mostly so, on several rows, is a table."""


_DIGIT = re.compile(r"\d")


def tables_aside(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """Tables out of the reading flow, each kept as its rows ("violin | 12 | 4.1"): on page 1 a
    block of many short cells on a few rows, told apart by where each cell is; on later pages the
    paragraphs ``pdflines`` marked (a figure's numbers, a single row, are dropped)."""
    blocks: dict[int, list[Line]] = {}
    for line in lines:
        if line.styled:
            blocks.setdefault(line.block, []).append(line)
    tables: list[str] = []
    table_blocks: set[int] = set()
    for region in _cell_regions(blocks):
        cells = [cell for block in region for cell in blocks[block]]
        if len(cells) < 6:  # most blocks: a title, a paragraph's lines
            continue
        short = sum(len(cell.text) <= _CELL_MOST for cell in cells)
        if short < 0.7 * len(cells):  # most: a paragraph's lines (cheapest told first)
            continue
        rows = rows_of(cells, top=lambda c: c.top, left=lambda c: c.left)
        wide = [row for row in rows if len(row) >= 2]
        # a justified footnote whose words mupdf reads apart (ICML's affiliations) has no figures
        figures = sum(bool(_DIGIT.search(cell.text)) for cell in cells)
        # two authors side by side, each over an e-mail and an address with its postcode
        # (CVPR 2001's "Paul Viola | Michael Jones"), are no table
        mail = any(_MAIL.search(cell.text) for cell in cells if "@" in cell.text)
        if len(wide) >= 2 and figures >= 0.25 * len(cells) and not mail:
            table_blocks.update(region)
            tables.append("\n".join(" | ".join(c.text for c in row) for row in rows))
    kept: list[Line] = []
    table_page = -1  # the page of the table just set aside, while no text has come after it
    for line in lines:
        if table_page == line.page and not (line.styled or line.table) and _is_last_row(line.text):
            tables[-1] += "\n" + line.text  # its last row, too few numbers to be told a table
            continue
        table_page = -1
        if line.table:  # a later page's table (rows), or a figure's numbers (not text at all)
            header: list[str] = []  # its columns' names, a bold line or two right above it
            while (
                kept
                and (_is_header_row(kept[-1]) or (not header and _is_column_names(kept[-1])))
                and len(header) < _header_most([kept[-1].text, *header])
            ):
                header.insert(0, kept.pop().text)
            if "\n" in line.text:
                tables.append("\n".join([*header, line.text]))
                table_page = line.page
        elif not (line.styled and line.block in table_blocks):
            kept.append(line)
    return kept, tables


def _is_last_row(text: str) -> bool:
    """Whether a paragraph right after a table is its last row, read apart: short, three numbers
    or more making half its words at least ("Ours 1.94 (.39) 3.68 (.47) 1.74")."""
    numbers = len(TABLE_CELLS.findall(" " + text))
    return len(text) <= _ROW_MOST and numbers >= 3 and 2 * numbers >= text.count(" ") + 1


_MAIL = re.compile(r"[\w.+-]@[\w-]+\.\w")
"""An e-mail address ("viola@merl.com")."""


def _header_most(names: list[str]) -> int:
    """Bold lines over a table that are its header, at most: two, or six when each is a
    column's name of a few words (MLSP 2017's "Method Training" / "Dataset" / "Testing on CV2" /
    "Testing", read apart; the first two were headings; an ACL paper's five, "Model RoBERTa" /
    "Layer" / "Validation" / "Accuracy" / "F1 Score")."""
    return 6 if all(len(name.split()) <= _NAME_WORDS_MOST for name in names) else 2


_NAME_WORDS_MOST = 3


def _is_header_row(line: Line) -> bool:
    """A table's row of column names as a paragraph of its own, right above its rows: bold,
    alone, on a later page, neither numbered nor a known heading ("Model Denoising CFG scale")."""
    return line.bold and _over_rows(line)


def _over_rows(line: Line) -> bool:
    """Whether a paragraph may stand over a table's rows as a row of its own: alone, on a later
    page, neither numbered nor a known heading nor an appendix's, lettered, its title in words of
    a sentence ("A TL;DR dataset details" over its table)."""
    return (
        line.alone
        and not line.styled
        and not line.table
        and not is_heading_like(line.text)
        and not (APPENDIX_LETTER.match(line.text) and any(word.islower() for word in line.text.split()[2:]))
    )


def _is_column_names(line: Line) -> bool:
    """A table's row of column names in plain type right above its rows, under the bold one
    ("Single Ours Single Ours …" under "Model GSM8K MATH …"): every word capitalised, no
    sentence."""
    words = line.text.split()
    return (
        _over_rows(line)
        and len(words) <= _COLUMN_NAMES_MOST
        and all(word[:1].isupper() or not word[:1].isalpha() for word in words)
        and not line.text.endswith((".", ":", ";", ","))
    )


_COLUMN_NAMES_MOST = 16


def _cell_regions(blocks: dict[int, list[Line]]) -> list[list[int]]:
    """Page 1's blocks, those of short lines only that follow one another taken together when
    the first has two lines or more: a word processor's table, whose rows mupdf reads as
    blocks of their own (its cells as their lines). A bold line alone is a heading after the
    table (APA's "Procedure"), not its row."""
    regions: list[list[int]] = []
    extends = False
    for block, lines in blocks.items():
        short = all(len(line.text) <= _CELL_MOST and not is_heading_like(line.text) for line in lines)
        short = short and not (len(lines) == 1 and lines[0].bold)
        if extends and short and block == regions[-1][-1] + 1:
            regions[-1].append(block)
        else:
            regions.append([block])
            extends = short and len(lines) >= 2
    return regions

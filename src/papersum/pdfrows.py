"""Page 1's rows rejoined where a scan's text layer sets every word apart: the invisible text an
OCR program lays over a scanned page (ACM's scans of its 1990s proceedings) places each word by
itself, wider apart than type sets words, and mupdf reads each as a line of its own ("Nick" /
"Roussopoulos" / "Stephen" / "Kelley"): no author's name, no line of the introduction whole."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from papersum.pdfread import Row


def words_rejoined(blocks: list[list[Row]]) -> list[list[Row]]:
    """``blocks`` (each a list of rows: top, left, spans, emphasised), with each row that goes
    on the row before it in its block (at its height, to its right) joined to it, on a page where
    most rows do: a page in type has a row so read apart here and there (a formula, a tab), which
    stays as it is."""
    rows = [row for block in blocks for row in block]
    if len(rows) < _ROWS_LEAST:
        return blocks
    going_on = [row for before, row in itertools.pairwise(rows) if _goes_on(before, row)]
    words = sum(" " not in "".join(text for _size, text, _bold in row[2]).strip() for row in going_on)
    # most rows go on the one before, most of those a word: not a table's cells or a grid of
    # names side by side, which are rows of their own too (TrustLLM's 46 authors)
    if len(going_on) < _WORD_ROWS_SHARE * len(rows) or words < _WORDS_SHARE * len(going_on):
        return blocks
    joined: list[list[Row]] = []
    for block in blocks:
        out: list[Row] = []
        for row in block:
            if out and _goes_on(out[-1], row) and row[2]:
                top, left, spans, emphasised = out[-1]
                (size, text, bold), *rest = row[2]
                text = text if text[:1].isspace() or spans[-1][1][-1:].isspace() else " " + text
                out[-1] = (top, left, [*spans, (size, text, bold), *rest], [*emphasised, *row[3]])
            else:
                out.append(row)
        joined.append(out)
    return joined


def _goes_on(before: Row, row: Row) -> bool:
    return abs(row[0] - before[0]) <= _SAME_TOP and row[1] > before[1]


_SAME_TOP = 1.5
"""Points between the tops of two pieces of one row, at most."""


_ROWS_LEAST, _WORD_ROWS_SHARE, _WORDS_SHARE = 30, 0.75, 0.7
"""Rows of page 1, at least, the share of them that go on the row before, and the share of those
that are a word, from which the page is a scan's words (0.84 and 0.85 on ACM's scans; a table's
page 0.8 and 0.56, a grid of authors' names 0.64 and 0.01, a thesis's cover in letter-spaced
Chinese 0.65 and 0.93)."""

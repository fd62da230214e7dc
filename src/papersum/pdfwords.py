"""The words of some blocks of a page, where mupdf put them: what a table is rebuilt from
(``pdftables``). pymupdf's ``extractWORDS`` makes a tuple of every word of the page, a fifth of
the cost of reading a dense page, when a table's block or two are wanted: it skips the
characters outside the text page's box, so the box is shrunk to the blocks asked for while it
reads, and their words alone are made."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pymupdf


Word = tuple[Any, ...]
"""A word as ``extractWORDS`` gives it: x0, y0, x1, y1, text, block, line, word."""


def words_of_blocks(textpage: pymupdf.TextPage, blocks: Iterable[int]) -> list[Word]:
    """The words of the page's ``blocks`` (their numbers in the page, from 0, as
    ``extractWORDS`` numbers them), in the page's order: the same tuples ``extractWORDS`` gives
    for them. Read from the whole page if pymupdf's low-level API is not as known."""
    wanted = set(blocks)
    if not wanted:
        return []
    try:
        words = _words_within(textpage, wanted)
    except (AttributeError, TypeError):  # not this pymupdf's low-level API
        words = textpage.extractWORDS()
    return [word for word in words if word[5] in wanted]


def _words_within(textpage: pymupdf.TextPage, wanted: set[int]) -> list[Word]:
    """``extractWORDS`` with the page's box shrunk to the blocks ``wanted``, once for each run
    of them (a table's rows), or once around all when there are many: their words, and those of
    other blocks that overlap them. The whole page's when a block wanted is far down a page of
    many (a plot's every label is a block): reaching it costs more than all the words."""
    from pymupdf import mupdf

    page = textpage.this.m_internal
    last = max(wanted)
    if last > _WALK_MOST:
        return list(textpage.extractWORDS())
    runs: list[tuple[range, Any]] = []  # the blocks of a run, and the box around them
    block, number = page.first_block, 0
    while block is not None and number <= last:  # a block's ``next`` is None after the last
        if number in wanted:
            if runs and runs[-1][0].stop == number:
                runs[-1] = (
                    range(runs[-1][0].start, number + 1),
                    mupdf.ll_fz_union_rect(runs[-1][1], block.bbox),
                )
            else:
                runs.append((range(number, number + 1), block.bbox))
        block, number = block.next, number + 1
    if len(runs) > _READS_MOST:
        box = runs[0][1]
        for _blocks, other in runs[1:]:
            box = mupdf.ll_fz_union_rect(box, other)
        runs = [(range(runs[0][0].start, runs[-1][0].stop), box)]
    media = page.mediabox  # the page's own, not a copy
    edges = media.x0, media.y0, media.x1, media.y1
    words: list[Word] = []
    try:
        for blocks, box in runs:
            # a little wider: a character on the box's edge, of no width (a variation selector
            # after "∑"), overlaps no box that ends there
            page.mediabox = mupdf.ll_fz_expand_rect(box, _MARGIN)
            words += (word for word in textpage.extractWORDS() if word[5] in blocks)
    finally:
        media.x0, media.y0, media.x1, media.y1 = edges
    return words


_MARGIN = 1.0
"""Points the blocks' box is widened by on every side."""


_WALK_MOST = 300
"""Blocks of a page walked through to the last one wanted, at most (some 0.5 ms)."""


_READS_MOST = 3
"""Runs of blocks read one by one, at most; more are read in one box around them all."""

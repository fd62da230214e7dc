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
    """``extractWORDS`` with the page's box shrunk to the blocks ``wanted``: their words, and
    those of other blocks that overlap them."""
    from pymupdf import mupdf

    page = textpage.this.m_internal
    box, block, number, last = None, page.first_block, 0, max(wanted)
    while block is not None and number <= last:  # a block's ``next`` is None after the last
        if number in wanted:
            box = block.bbox if box is None else mupdf.ll_fz_union_rect(box, block.bbox)
        block, number = block.next, number + 1
    if box is None:
        return []
    media = page.mediabox  # the page's own, not a copy
    edges = media.x0, media.y0, media.x1, media.y1
    # a little wider: a character on the box's edge, of no width (a variation selector after
    # "∑"), overlaps no box that ends there
    page.mediabox = mupdf.ll_fz_expand_rect(box, _MARGIN)
    try:
        return list(textpage.extractWORDS())
    finally:
        media.x0, media.y0, media.x1, media.y1 = edges


_MARGIN = 1.0
"""Points the blocks' box is widened by on every side."""

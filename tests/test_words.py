"""A table's words, read from its own blocks of the page (``pdfwords``)."""

from __future__ import annotations

import pymupdf

from papersum.pdfwords import _words_within, words_of_blocks

PROSE = (
    "We trained the separation model on forty hours of multitrack recordings and report the "
    "signal-to-distortion ratio of every instrument on the held-out songs below. "
) * 6


TABLE = (
    ("Model", "SDR", "SIR"),
    ("piano", "5.8", "12.4"),
    ("violin", "5.1", "11.0"),
    ("cello", "4.9", "10.2"),
)


def _page_with_a_table() -> pymupdf.Page:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_textbox((72, 72, 540, 220), PROSE, fontsize=10)
    for row, cells in enumerate(TABLE):
        for column, cell in enumerate(cells):
            page.insert_text((100 + 90 * column, 300 + 14 * row), cell, fontsize=9)
    page.insert_textbox((72, 400, 540, 560), PROSE, fontsize=10)
    page.insert_text((72, 760), "ISMIR 2026, Daejeon", fontsize=8)
    return page


def test_the_words_of_a_tables_block_are_those_the_whole_page_gives() -> None:
    page = _page_with_a_table()
    textpage = page.get_textpage()
    words = textpage.extractWORDS()
    table = sorted({word[5] for word in words if word[4] in {"Model", "piano", "violin", "cello"}})
    assert table == [1, 2, 3, 4]  # a row a block, between two of prose, a footer under them

    # a block, a run of them, runs read one by one, and more runs than are read so
    for blocks in ({2}, {1, 2, 3}, {0, 3}, {6}, {0, 2, 3, 5}, {0, 2, 4, 6}):
        assert words_of_blocks(textpage, blocks) == [word for word in words if word[5] in blocks]
    assert words_of_blocks(textpage, set()) == []
    assert textpage.extractWORDS() == words  # the page reads whole again afterwards


def test_only_the_words_around_the_blocks_asked_for_are_made() -> None:
    # what makes it cheaper than the page's words: the prose over and under the table is not
    # read (a fallback to the whole page would still give the right words, slowly)
    textpage = _page_with_a_table().get_textpage()
    row = {word[5] for word in textpage.extractWORDS() if word[4] == "piano"}
    made = {word[4] for word in _words_within(textpage, row)}
    assert (
        {"piano", "5.8", "12.4"}
        <= made
        <= {"Model", "SDR", "SIR", "piano", "5.8", "12.4", "violin", "5.1", "11.0"}
    )

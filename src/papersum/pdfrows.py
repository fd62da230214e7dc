"""Page 1's rows rejoined where mupdf reads apart what is one line: a scan's words, which the
invisible text an OCR program lays over a scanned page (ACM's scans of its 1990s proceedings)
places each by itself, wider apart than type sets words, so that mupdf reads each as a line of
its own ("Nick" / "Roussopoulos" / "Stephen" / "Kelley": no author's name, no line of the
introduction whole); a drop cap, read before the row it starts; a title's line in its small
capitals alone, in the title's size."""

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


def drop_caps_joined(blocks: list[list[Row]]) -> list[list[Row]]:
    """Page 1's blocks with a drop cap (IEEE journals' "M" of "MUSICAL", two lines high) joined
    to the row it starts, which mupdf reads after it, to its right: "MUSICAL instrument …", not
    "USICAL …"; the heading whose block it shared ("I. INTRODUCTION") is then alone in its."""
    rows = [(b, r) for b, block in enumerate(blocks) for r in range(len(block))]
    caps = [
        (place, after)
        for place, after in itertools.pairwise(rows)
        if _is_drop_cap(blocks[place[0]][place[1]], blocks[after[0]][after[1]])
    ]
    if not caps:
        return blocks
    joined = [list(block) for block in blocks]
    for (b, r), (after_b, after_r) in caps:
        _top, _left, spans, _emphasised = blocks[b][r]
        top, left, (first, *rest), emphasised = joined[after_b][after_r]
        letter = "".join(text for _size, text, _bold in spans).strip()
        joined[after_b][after_r] = (top, left, [(first[0], letter + first[1], first[2]), *rest], emphasised)
    for b, r in reversed([place for place, _after in caps]):
        del joined[b][r]
    return [block for block in joined if block]


def _is_drop_cap(row: Row, after: Row) -> bool:
    """Whether ``row`` is one capital letter at least twice the size of the row after it, which
    starts to its right with letters, no lower than the capital's foot."""
    top, left, spans, _emphasised = row
    visible = [(size, text.strip()) for size, text, _bold in spans if text.strip()]
    if len(visible) != 1 or not (len(visible[0][1]) == 1 and "A" <= visible[0][1] <= "Z"):
        return False
    size = visible[0][0]
    after_top, after_left, after_spans, _ = after
    return (
        bool(after_spans)
        and after_spans[0][1][:1].isalpha()
        and size >= _DROP_CAP_LARGER * max(s for s, _t, _b in after_spans)
        and left < after_left <= left + 2 * size
        and top - size <= after_top <= top + size
    )


_DROP_CAP_LARGER = 2.0
"""How many times larger than its text a drop cap is, at least (IEEE's: three lines of 10 pt)."""


def small_capitals_raised(rows: list[Row]) -> dict[int, float]:
    """The rows of a block set wholly in the small capitals of the row above, by position, each
    with the size of the capitals above: a title in small capitals whose words are written in
    lowercase has capitals at its words' starts only, or at its first word's, and a line of small
    capitals alone ("TRAINING DEEP NEURAL-NETWORKS USING A NOISE", its "T" in 17.2 pt, the rest
    in 13.8, over "ADAPTATION LAYER", in 13.8: ICLR 2017's) goes on with it in its size."""
    raised: dict[int, float] = {}
    small = large = 0.0  # the small capitals of the rows above and their capitals' size
    for position, (_top, _left, spans, _emphasised) in enumerate(rows):
        sizes = _capitals_sizes(spans)
        if small and len(sizes) == 1 and abs(sizes[0] - small) <= _SAME_SIZE:
            raised[position] = large
            continue
        small = large = 0.0
        if len(sizes) == 2 and _SMALL_CAPITALS[0] <= sizes[0] / sizes[1] <= _SMALL_CAPITALS[1]:
            small, large = sizes
    return raised


def _capitals_sizes(spans: list[tuple[float, str, bool]]) -> list[float]:
    """The sizes, smallest first, of a row's letters when they are all capitals (none if it has
    a small letter); a mark's ("*", "1") are none."""
    text = "".join(text for _size, text, _bold in spans)
    if text.upper() != text or not any(c.isalpha() for c in text):
        return []
    return sorted({round(size, 1) for size, text, _bold in spans if any(c.isalpha() for c in text)})


_SAME_SIZE = 0.2
"""Points by which two sizes read of one type may differ."""
_SMALL_CAPITALS = (0.6, 0.9)
"""The sizes of small capitals to their capitals', at least and at most (0.8 in ICLR's title)."""

"""What page 1 of a PDF holds that is not the paper's: a cover page an open archive or a
publisher puts before it, arXiv's stamp up the margin, a review draft's line numbers; and what
it holds out of reading order (a title and authors Word writes after the text); a table of
contents' lines, which are no headings."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from papersum.pdfchars import LINE_BREAK, line_break
from papersum.pdfheadings import unnumbered

if TYPE_CHECKING:
    from papersum.pdflines import Line


ARXIV_STAMP = re.compile(
    r"arXiv:(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?\s+(?:\[[\w.-]+\]\s+)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}"
)
"""The stamp arxiv.org prints up page 1's left margin ("arXiv:2106.09685v2 [cs.CL] 16 Oct 2021"),
in 20 pt type: not the paper's text, and the largest type on the page (a title's)."""


def is_arxiv_stamp(text: str) -> bool:
    return text.startswith("arXiv:") and ARXIV_STAMP.fullmatch(text) is not None


MARGIN_NUMBERS = 8
"""Line numbers counting up in the margin of page 1, at least, that make a review draft."""


# fmt: off
REPOSITORY_COVER = (
    "HAL Id:", "open access archive", "To cite this version:",  # HAL
    "General rights", "Take down policy", "Link to publication",  # Pure, which many
    "Citation for published version", "Document Version", "Downloaded from",  # universities run
    "To cite this article", "To link to this article", "Full Terms & Conditions",  # Taylor &
    "PLEASE SCROLL DOWN FOR ARTICLE",  # Francis (the Journal of New Music Research)
    "Stable URL:", "JSTOR is a not-for-profit",  # JSTOR (the Computer Music Journal)
    "ProQuest Number:", "INFORMATION TO ALL USERS",  # ProQuest's theses
    "See discussions, stats, and author profiles",  # ResearchGate
    "All content following this page was uploaded by", "SEE PROFILE",  # and its older covers'
    "Retrieved on:",
    "Citable Link", "Detailed Terms", "has made this article openly available",  # DSpace (MIT's)
    "View the article online for updates", "You may also like", "This content was downloaded",  # IOP
    "Here are the final proofs", "Please check the proofs carefully",  # a publisher's proofs
    "Changes in scientific content cannot be made",  # (Springer's, as SPi sends them)
)
# fmt: on
"""What the cover page an open archive, a publisher or a library puts before a paper says:
its notice, its rights, how to cite and where the paper was downloaded."""


def is_repository_cover(lines: list[Line]) -> bool:
    """Whether page 1 is a cover page (two of ``REPOSITORY_COVER``'s phrases or more), a
    journal's page of highlights or a graphical abstract before the paper (Elsevier's ``cas``
    classes), or a page of next to no text, not the paper's own first page."""
    if lines and lines[0].text.lower() in FRONT_PAGES:
        return True
    if sum(len(line.text) for line in lines) < _BLANK_MOST and all(
        line.size < _TITLE_SIZE_LEAST for line in lines
    ):
        return True  # a picture, a banner, a running head: no title, no abstract (IEEE Access's)
    # one line after the other as one run: a narrow column breaks a phrase where it will (HAL's
    # older covers: "… open access" / "archive for the deposit …")
    text = " ".join(line.text for line in lines)
    return sum(phrase in text for phrase in REPOSITORY_COVER) >= 2


FRONT_PAGES = {"highlights", "graphical abstract"}
"""The first line of a page Elsevier's classes set before the paper."""


_BLANK_MOST = 120
_TITLE_SIZE_LEAST = 12.0
"""A first page of fewer characters, none of them as large, holds no paper: a title page's title
is larger, a paper's first page holds its abstract."""


def line_number_margins(lines: list[Line]) -> tuple[float, float] | None:
    """Where a review draft's text lies between its line numbers, from the left to the right
    edge, or None for a paper without them: small integers counting up down a margin, left of
    the text (``lineno``), right of it, or both (ACL's review ruler, "001" down the outer margin
    of each column). Numbers between two columns stand in text: not cut away."""
    numbers = [line for line in lines if line.text.isdigit() and len(line.text) <= 4]
    text = [line.left for line in lines if not line.text.isdigit()]
    if len(numbers) < MARGIN_NUMBERS or not text:
        return None
    left, right = 0.0, math.inf
    found: list[float] = []
    for place, count in Counter(round(line.left / 4) for line in numbers).most_common():
        if count < MARGIN_NUMBERS:
            break  # the rest are fewer still
        if any(abs(place * 4 - other) <= 6 for other in found):
            continue  # a ruler already read, its numbers a point or two apart
        column = [line for line in numbers if abs(line.left - place * 4) <= 6]
        counts = [int(line.text) for line in column]
        if sum(b == a + 1 for a, b in itertools.pairwise(counts)) < MARGIN_NUMBERS - 1:
            continue  # numbers that do not count up (a table's, a figure's)
        found.append(place * 4)
        beyond = [x for x in text if x > max(line.left for line in column) + 2]
        if len(beyond) >= _RULED * len(text):
            left = max(left, min(beyond) - 1.0)
        elif not beyond or len(beyond) <= (1 - _RULED) * len(text):
            # set flush right, a number of more digits than page 1's starts further left (PLOS's
            # "100" from 588 pt where "10" stood at 591): an em short of where page 1's numbers start
            right = min(right, min(line.left - line.size for line in column) - 1.0)
    return None if not found else (left, right)


_RULED = 0.9
"""The share of a page's lines that lie on one side of a ruler of line numbers, at least."""


class InnerRuler(NamedTuple):
    """A review draft's line numbers between its two columns (ISMIR's template): where they
    stand on page 1, and how many lines a page numbers, as page 1's last tells."""

    left: float
    per_page: int

    def holds(self, line: Line) -> bool:
        """Whether ``line`` of page 1 is one of the ruler's numbers."""
        return line.text.isdigit() and abs(line.left - self.left) <= _RULER_WIDTH


def inner_ruler(lines: list[Line]) -> InnerRuler | None:
    """The line numbers of page 1 (``lines``) that count up between its columns, with text on
    either side: no clip cuts them away, and mupdf reads each into the line of the right column
    it stands beside ("… AND FUTURE 528 WORK 529")."""
    numbers = [line for line in lines if line.text.isdigit() and len(line.text) <= 4]
    text = [line.left for line in lines if not line.text.isdigit()]
    tops = sorted(line.top for line in lines)
    for place, count in Counter(round(line.left / 4) for line in numbers).most_common():
        if count < _RULER_NUMBERS:
            break
        column = [line for line in numbers if abs(line.left - place * 4) <= _RULER_WIDTH]
        counts = [int(line.text) for line in column]
        beyond = sum(x > place * 4 + _RULER_WIDTH for x in text)
        counting = sum(b == a + 1 for a, b in itertools.pairwise(counts)) >= _RULER_NUMBERS - 1
        between = (1 - _RULED) * len(text) < beyond < _RULED * len(text)
        if counting and between and column[-1].top - column[0].top >= _RULER_SPAN * (tops[-1] - tops[0]):
            return InnerRuler(place * 4.0, max(counts))
    return None


_RULER_WIDTH = 6.0
"""Points by which a ruler's numbers stand apart, at most."""


_RULER_NUMBERS = 20
"""Numbers of an inner ruler on page 1, counting up, at least (a table's numbered rows are
fewer)."""


_RULER_SPAN = 0.5
"""How much of page 1's text an inner ruler runs down, at least."""


def without_ruler_numbers(lines: list[Line], page: int, ruler: InnerRuler) -> list[Line]:
    """A later page's paragraphs (``page``: its index after page 1) without the numbers of an
    inner ruler that mupdf read into them: whole numbers in the range the page's lines take
    (page 1 numbers ``ruler.per_page`` lines), the longest run of them that counts up in reading
    order, three at least (a number of the text in that range seldom follows the count)."""
    low, high = page * ruler.per_page - ruler.per_page // 2, (page + 2) * ruler.per_page
    found = [
        (index, number.span(), int(number[1]))
        for index, line in enumerate(lines)
        if not line.table
        for number in _WHOLE_NUMBER.finditer(line.text)
        if low <= int(number[1]) <= high
    ]
    longest: list[list[int]] = []  # for each number found, the longest run that ends with it
    for n, (_index, _span, value) in enumerate(found):
        before = [longest[m] for m in range(n) if 0 < value - found[m][2] <= _STEP_MOST]
        longest.append([*max(before, key=len, default=[]), n])
    run = max(longest, key=len, default=[])
    if len(run) < _COUNTED_LEAST:
        return lines
    texts = {found[n][0]: lines[found[n][0]].text for n in run}
    for n in reversed(run):  # from the end: the spans before stay where they are
        index, (start, end), _value = found[n]
        texts[index] = texts[index][:start] + texts[index][end:]
    # a word the number broke is marked as any broken at a line's end is ("mu- sical")
    texts = {i: LINE_BREAK.sub(line_break, " ".join(text.split())) for i, text in texts.items()}
    cleaned = [line._replace(text=texts[i]) if i in texts else line for i, line in enumerate(lines)]
    return [line for line in cleaned if line.text]


_WHOLE_NUMBER = re.compile(r"(?:(?<!\S)|(?<=[a-z]-))(\d{1,4})(?!\S)")
"""A whole number between spaces, or after a word broken at its line's end ("mu-140 sical")."""


_STEP_MOST = 4
"""Lines between two numbers of an inner ruler read into the text, at most (a caption, a
heading's lines or a formula may hide a few)."""


_COUNTED_LEAST = 3
"""Numbers of an inner ruler on a later page, counting up, at least."""


def top_blocks_first(lines: list[Line], height: float) -> list[Line]:
    """Page 1's lines (of a page ``height`` points high) with the blocks written after its text
    but set above it moved before it: Word writes a paper's title and authors last, after the
    first page's columns (mupdf keeps the order of the page's content), so they came after the
    introduction and were not found. A block wholly above every block of some text before it
    in the page's upper part is moved, in its order, to just before the first block that lies
    below it (a right column's paragraph is not above the title before it, and stays; a
    watermark or a footer written first is no such block)."""
    blocks = [list(group) for _block, group in itertools.groupby(lines, key=lambda line: line.block)]
    highest = math.inf  # the top of the highest block of some text so far
    moved: list[int] = []
    for index, block in enumerate(blocks):
        characters = sum(len(line.text) for line in block)
        if block[-1].top + block[-1].size <= highest < math.inf and characters >= _A_TITLE:
            moved.append(index)
        elif characters >= _SOME_TEXT and block[0].top < height * _UPPER_PART:
            highest = min(highest, block[0].top)
    if not moved:  # most pages
        return lines
    bottom = blocks[moved[0]][-1].top + blocks[moved[0]][-1].size
    kept = [index for index in range(len(blocks)) if index not in moved]
    at = next(place for place, index in enumerate(kept) if blocks[index][0].top >= bottom)
    order = [*kept[:at], *moved, *kept[at:]]
    return [line for index in order for line in blocks[index]]


_SOME_TEXT = 20
"""Characters of a block, at least, that make it part of page 1's text (not a page number, a
mark or a label)."""


_A_TITLE = 8
"""Characters of a block moved up, at least ("Fast R-CNN"; not a line's number)."""


_UPPER_PART = 0.4
"""How far down page 1 its text starts, at most, as a part of its height."""


def without_contents(lines: list[Line], headings: list[int]) -> list[int]:
    """Without a table of contents' lines ("1 Background 2", a chapter with its page number, as
    a thesis with no outline lists it, or on a line of its own after it and its leaders, as page
    1 is read): a heading ending in a number whose words head a later section."""
    later: set[str] = set()
    kept = []
    for i in reversed(headings):
        text, k = lines[i].text, i + 1
        while k < len(lines) and _LEADERS.fullmatch(lines[k].text) and lines[k].block == lines[i].block:
            k += 1  # ". . ." on a line of its own
        after = lines[k] if k < len(lines) else None
        if (
            after is not None
            and after.text.isdigit()
            and (after.page, after.block) == (lines[i].page, lines[i].block)
        ):
            text = f"{text} {after.text}"  # the page number under it, in its block
        entry = _PAGE_AFTER.sub("", text) if text[-1:].isdigit() else text
        if entry == text or _words_of(entry) not in later:  # "Experiment 1" stays: digits count
            kept.append(i)
        later.add(_words_of(text))
    return kept[::-1]


_LEADERS = re.compile(r"[.\s]+")
"""A contents entry's leaders, on a line of their own (". . .")."""


def _words_of(heading: str) -> str:
    return _NOT_WORD.sub("", unnumbered(heading).lower())


_PAGE_AFTER = re.compile(r"\s+\d{1,4}$")


_NOT_WORD = re.compile(r"\W+")

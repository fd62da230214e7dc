"""What page 1 of a PDF holds that is not the paper's: a cover page an open archive or a
publisher puts before it, arXiv's stamp up the margin, a review draft's line numbers."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from typing import TYPE_CHECKING

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
    "All content following this page was uploaded by",
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

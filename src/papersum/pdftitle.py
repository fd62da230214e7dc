"""Which lines of page 1 are the paper's title: the largest type near its top, above the
abstract, not a journal's banner, an article's kind, a drop cap or the author set in the
title's type; ended by a byline or a change of weight that a line left open does not allow."""

from __future__ import annotations

import itertools
import re

from papersum.pdfabstract import ABSTRACT_LABEL
from papersum.pdfheadings import ANCHOR_HEADINGS, OPEN_END, heading_key
from papersum.pdflines import Line
from papersum.pdfmeta import ARTICLE_KIND, TITLE_STOPS
from papersum.pdfnames import INSTITUTION, is_lone_name, split_names


def find_title_lines(lines: list[Line]) -> list[int]:
    """Indices of the largest-type lines near the top of page 1."""
    # a drop cap ("T" of "This paper", IEEE's, larger than the title) is a letter alone; the
    # article's kind over its title ("RESEARCH ARTICLE", Taylor & Francis's) is no title either
    banner = _journal_banner(lines[:80])
    first_page = [
        (i, ln)
        for i, ln in enumerate(lines[:80])
        if ln.page == 0
        and (len(ln.text) > 1 or _stop_on_the_row(lines, i))
        and not ARTICLE_KIND.fullmatch(ln.text.strip(_DECORATION))
        and not _PAPER_NUMBER.fullmatch(ln.text.strip())
        and i not in banner
    ]
    # the title stands above the abstract: not a figure's large words under it (". . ." in
    # Decision Transformer's diagram, "GPT-2" in a teaser figure)
    label = next((k for k, (_i, ln) in enumerate(first_page) if k and _is_abstract_label(ln.text)), None)
    first_page = _without_logo(first_page[:label])
    if not first_page:
        return []
    biggest = max(ln.size for _i, ln in first_page)
    least = biggest - max(0.5, biggest * 0.06)  # an OCR layer's lines vary in size by a point
    largest = [ln for _i, ln in first_page if ln.size >= least]
    if (
        not largest[0].bold
        and any(ln.bold for ln in largest)
        and (INSTITUTION.search(largest[0].text) or _bold_over_name(largest))
    ):
        # a title page in one size, under an institution's name (a thesis's: "UNIVERSITY OF
        # CALIFORNIA, IRVINE" over its title in bold) or under notes, over a name (a
        # manuscript's: "To appear in …", "Running Head: …"): the title is its first bold lines
        first_page = [(i, ln) for i, ln in first_page if ln.bold or ln.size < least]
    # the title holds the largest type: not a journal's name in capitals over the sidebar before
    # it, a little smaller (PLOS's "PLOS COMPUTATIONAL BIOLOGY" in 17.4 pt, the title in 18)
    top = next((k for k, (_i, ln) in enumerate(first_page) if ln.size >= biggest - _SAME_SIZE), 0)
    while top and first_page[top - 1][1].size >= least and first_page[top - 1][0] == first_page[top][0] - 1:
        top -= 1
    if all(ln.text.isupper() for _i, ln in first_page[:top] if ln.size >= least):
        first_page = first_page[top:]
    chosen: list[int] = []
    for i, ln in first_page:
        if ln.size >= least:
            if chosen and (
                i - chosen[-1] > 1
                or _rows(lines, chosen, i) > _TITLE_LINES_MOST
                or _BYLINE.fullmatch(ln.text)
                or heading_key(ln.text) in ANCHOR_HEADINGS  # "Introduction" in the title's type
            ):
                break  # a title page in one size: the title ends at its byline ("by" / "Ana Lima")
            if (
                chosen
                and ln.bold != lines[chosen[0]].bold
                and not OPEN_END.search(lines[chosen[-1]].text)
                and not _goes_on(lines[chosen[-1]], ln, lines[i + 1] if i + 1 < len(lines) else None)
            ):
                break  # a bold title, names in its size (ICASSP's: italic names, roman affiliations,
                # all \large); not after a line that leaves the title open ("An Analysis of")
            chosen.append(i)
    # the author in the title's type and weight, over the affiliation (a student's report:
    # "Suyash Saxena" over "MSc Banking and Digital Finance, University College London")
    below = lines[chosen[-1] + 1].text if chosen and chosen[-1] + 1 < len(lines) else ""
    first = below.partition(",")[0]  # not "ANA LIMA, Example University": names, under the title
    named_below = is_lone_name(first) or is_lone_name(first.title())
    if (
        len(chosen) > 1
        and is_lone_name(lines[chosen[-1]].text)
        and (INSTITUTION.search(below) or heading_key(below) in ANCHOR_HEADINGS)
        and not named_below
        and not OPEN_END.search(lines[chosen[-2]].text)  # "… in LLMs via" / "Reinforcement Learning"
    ):
        chosen.pop()
    if chosen and _names_list(" ".join(lines[i].text for i in chosen)):
        # the names in larger type than the title in capitals over them (an OCR layer's sizes,
        # Kaewtip et al.'s ICASSP-style paper: "A ROBUST AUTOMATIC BIRD PHRASE …" in 10.8 pt over
        # "Kantapon Kaewti/, Lee Ngee TanI, …" in 13.6)
        chosen = _capitals_above(lines, chosen[0]) or chosen
    return chosen


_PAPER_NUMBER = re.compile(r"[A-Z]{2,10}\d{4}-(?:\d{2,6}|X{2,6})")
"""A conference's number for a paper, set large atop its page 1 (ASME's "IMECE2023-XXXX",
"DETC2019-97263"): no title."""


def _names_list(text: str) -> bool:
    """Whether ``text`` lists three names or more, between commas."""
    names = split_names(text)
    return text.count(",") >= 2 and len(names) >= 3 and all(len(name.split()) <= 4 for name in names)


def _capitals_above(lines: list[Line], index: int) -> list[int]:
    """The lines of page 1 right over ``lines[index]`` that are in capitals, a title's few."""
    start = index
    while start and index - start < _TITLE_LINES_MOST and lines[start - 1].page == 0:
        text = lines[start - 1].text
        if not (text.isupper() and len(text) >= _CAPITALS_TITLE_LEAST):
            break
        start -= 1
    return list(range(start, index))


_CAPITALS_TITLE_LEAST = 10
"""Characters of a title's line in capitals, at least (not a journal's "LETTER")."""


def _goes_on(above: Line, line: Line, below: Line | None) -> bool:
    """Whether ``line``, in the title's size but not its weight, goes on with the title line
    ``above`` (DiskANN's, read plain then bold): on the next row, naming no one and no place;
    words shaped like a name are the title's still when names in smaller type follow them
    ("Automatic Classification of Guitar" / "Playing Modes" / "Raphael Foulon, Pierre Roy, and
    François Pachet", CMMR's)."""
    return (
        0 < line.top - above.top <= _NEXT_ROW * line.size
        and (
            not split_names(line.text)
            or (below is not None and below.size < line.size and bool(split_names(below.text)))
        )
        and not INSTITUTION.search(line.text)
        and "@" not in line.text
    )


_NEXT_ROW = 1.6
"""A title's line spacing, at most, in ems of its type size."""


def _bold_over_name(largest: list[Line]) -> bool:
    """Whether the first bold lines of page 1's lines in the title's size (``largest``) come
    right over a name in that size, in plain type (a byline)."""
    start = next(k for k, ln in enumerate(largest) if ln.bold)
    after = next((ln for ln in largest[start:] if not ln.bold), None)
    return after is not None and is_lone_name(after.text.partition(",")[0])


def _rows(lines: list[Line], chosen: list[int], index: int) -> int:
    """How many rows the title's lines ``chosen`` and ``lines[index]`` make: a line right after
    the one before on its row is no row of its own (a title in small capitals read word by
    word, EmerDiff's "EMERDIFF:" / "EMERGING" / "PIXEL-LEVEL" / "SEMANTIC" on one row); a
    table's cells, far apart, are."""
    taken = [*chosen, index]
    return 1 + sum(not _runs_on(lines[a], lines[b]) for a, b in itertools.pairwise(taken))


def _runs_on(line: Line, after: Line) -> bool:
    """Whether ``after`` goes on ``line``'s row within a word space or two of where its text
    ends (its width reckoned from its letters and type size, as widths are not read)."""
    end = line.left + len(line.text) * line.size * _LETTER_WIDTH
    return after.top == line.top and line.left < after.left <= end + 2 * line.size


_LETTER_WIDTH = 0.6
"""A letter's width, for the length of a line, in ems (of its type size): a capital's and a
small letter's between."""


_DECORATION = " .·•|"
"""What a journal sets around an article's kind (Science China's ". RESEARCH PAPER .")."""


def _stop_on_the_row(lines: list[Line], index: int) -> bool:
    """Whether ``lines[index]`` is a colon or a stop alone on the row of the line before, which
    mupdf read apart (after a title's first words in small capitals: "AGENTLESS" / ":" /
    "Demystifying LLM-based …")."""
    return bool(index) and lines[index].text in TITLE_STOPS and lines[index - 1].top == lines[index].top


def _without_logo(first_page: list[tuple[int, Line]]) -> list[tuple[int, Line]]:
    """Page 1's lines without a logo's letters in display type, three times the size of any
    line of words under them or more (a report series' "BRICS" in 118 pt, Bologna's "CM" in
    278 pt, over the title in 25 and 17)."""
    if not any(_may_be_logo(ln.text) for _i, ln in first_page):
        return first_page
    words = max((ln.size for _i, ln in first_page if len(ln.text) > _LOGO_MOST), default=0.0)
    return [
        (i, ln) for i, ln in first_page if not (_may_be_logo(ln.text) and ln.size >= _LOGO_TIMES * words > 0)
    ]


def _may_be_logo(text: str) -> bool:
    """A word of a few Latin letters, in capitals or capitalised ("CM", "BRICS", "Image"), not
    a title in another script, which may be as short ("毕业论文(设计)")."""
    return (
        len(text) <= _LOGO_MOST and text.isascii() and text.isalpha() and (text.isupper() or text.istitle())
    )


_LOGO_MOST, _LOGO_TIMES = 8, 3
"""Characters of a logo's word, at most; times the size of page 1's lines of words, at least."""


_SAME_SIZE = 0.3
"""Points by which lines of one type size may differ as read."""


def _journal_banner(lines: list[Line]) -> range:
    """The journal's name in the banner over an Elsevier article, in its title's size: the lines
    between "Contents lists available at ScienceDirect" and "journal homepage: www.elsevier…"."""
    top = next((i for i, ln in enumerate(lines) if _CONTENTS_LISTS.match(ln.text)), None)
    if top is None:
        return range(0)
    end = next((i for i, ln in enumerate(lines[top + 1 : top + 5], top + 1) if _HOMEPAGE.match(ln.text)), top)
    return range(top + 1, end)


_CONTENTS_LISTS = re.compile(r"contents lists? (?:is )?available at\b", re.I)
_HOMEPAGE = re.compile(r"journal homepage\b", re.I)


def _is_abstract_label(text: str) -> bool:
    """The abstract's label, alone or run in ("Abstract—", "ABSTRACT:"); not a title's "Abstract
    Meaning Representations"."""
    return text.rstrip().lower() == "abstract" or ABSTRACT_LABEL.match(text) is not None


_BYLINE = re.compile(r"[Bb]y")
"""A byline's start under a title: "by" alone over the author's name (not "by Deep Networks",
a title's second line, nor "BY" in a title in capitals: "EXPLORATION OF TIMBRE" / "BY" /
"ANALYSIS AND SYNTHESIS")."""


_TITLE_LINES_MOST = 4
"""A title is a few lines: a page set in one size throughout (a plain report) is no title."""

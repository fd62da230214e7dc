"""Which lines of a paper head its sections, and at what level: from its outline when it has
one (its levels), else from their style and numbering."""

from __future__ import annotations

import re
from typing import Any

from papersum.pdfabstract import ABSTRACT
from papersum.pdfcovers import without_contents
from papersum.pdfflow import REFERENCES
from papersum.pdfheadings import (
    ANCHOR_HEADINGS,
    APPENDIX_LEAD,
    heading_key,
    heading_level,
    heading_words,
    is_back_matter,
    is_numbered,
    unnumbered,
)
from papersum.pdfheadingstyle import (
    bold_paragraph,
    centred_over_text,
    heading_end,
    is_named_heading,
    later_body_size,
    looks_like_heading,
)
from papersum.pdflines import Line
from papersum.pdfnumbering import (
    Missing,
    levels_by_numbering,
    levels_by_size,
    missing_numbers,
    missing_parents,
    numbers_after,
    run_in_levels,
    size_class,
    without_leads,
    without_list_items,
    without_restarted_lists,
)
from papersum.pdfoutline import APPENDIX_LETTER, outline_items, outline_matched, split_at_outline
from papersum.pdfrunin import (
    LONE_NUMBERS_LEAST,
    capital_leads_split,
    is_lone_number,
    split_after,
    split_at_numbers,
)


def find_headings(
    lines: list[Line], body_size: float, toc: list[list[Any]], *, split: bool = True
) -> tuple[list[Line], dict[int, int]]:
    """The lines, and those of them that start a section, by index, with their level: from the
    table of contents (its levels), else by style (levels from their numbering). Outline items
    that head no line are looked for run in the text and split off (``split_at_outline``)."""
    items = outline_items(toc, lines[-1].page if lines else 0)
    body_size = max(body_size, later_body_size(lines))  # a thesis in 12 pt after a title page
    # a heading is a short line that starts its paragraph (or a line on page 1, read with styles),
    # not a contents page's entry with its leader dots ("1.1 Contributions . . . . . 4")
    candidates = [
        i
        for i, ln in enumerate(lines)
        if len(ln.text) <= 120
        and (ln.first or (ln.styled and _starts_on_page_one(lines, i)))
        and ". . . ." not in ln.text
        and "....." not in ln.text
    ]
    if len(items) >= 2:
        found = {i: heading_level(lines[i].text) for i in candidates if is_named_heading(lines[i], body_size)}
        matched, unmatched = outline_matched(lines, _keyed(lines, candidates), items)
        if split and (missing := [(title, page) for title, page in unmatched if len(title) >= 4]):
            split_lines = list(lines)
            if split_at_outline(split_lines, missing):
                return find_headings(split_lines, body_size, toc, split=False)
        if len(matched) >= 2:  # the outline is the paper's (not a proceedings' "Current paper", "Authors")
            found.update(matched)
            # the outline stops at a depth (hyperref's bookmarks at subsections): headings
            # below it are found by their style and numbering
            depth = max(matched.values())  # not a figure's item ("FIG. 4.", under a section)
            deeper = [i for i in candidates if lines[i].text[:1].isdigit()]  # numbered
            for i in deeper:
                if (level := heading_level(lines[i].text)) > depth and looks_like_heading(
                    lines[i], body_size
                ):
                    found.setdefault(i, level)
            return lines, levels_by_numbering(lines, found)
    if split and sum(is_lone_number(line.text) for line in lines) >= LONE_NUMBERS_LEAST:
        return find_headings(capital_leads_split(lines), body_size, toc, split=False)
    styled = without_contents(
        lines,
        [
            i
            for i in candidates
            if (looks_like_heading(lines[i], body_size) or centred_over_text(lines, i, body_size))
            and not bold_paragraph(lines, i)
            and not _over_table(lines, i)
        ],
    )
    headings = run_in_levels(
        lines,
        without_leads(
            lines,
            {
                i: heading_level(lines[i].text)
                for i in _after_front_matter(lines, _from_abstract(lines, styled))
            },
        ),
    )
    headings = without_restarted_lists(lines, without_list_items(lines, headings))
    if parents := _alone_at(lines, missing_parents(lines, headings)):
        headings.update(parents)  # "3 Selectivity" over its "3.1 Background", in plain type
    gaps = missing_numbers(lines, headings)
    if gaps and (alone := _alone_at(lines, gaps)):
        headings.update(alone)
        gaps = missing_numbers(lines, headings)  # those still missing: run into their paragraphs?
    gaps += missing_parents(lines, headings)  # "5 τ-MONOTONIC GRAPH (τ-MG) To address …" too
    following = numbers_after(lines, headings)  # the last sections, read into paragraphs?
    if split and (gaps or following):
        split_lines = split_at_numbers(split_after(lines, following), gaps)
        if len(split_lines) > len(lines):
            return find_headings(split_lines, body_size, toc, split=False)
    if not any(is_numbered(lines[i].text) for i in headings):
        return lines, levels_by_size(lines, headings)
    return lines, _under_larger(lines, levels_by_numbering(lines, headings))


def _over_table(lines: list[Line], index: int) -> bool:
    """Whether a later page's line, in words each capitalised, is a table's header or a
    figure's legend right over its rows or its panel's caption ("Genre VxR VxF RPA RCA OA" over
    "MUS | .73 (.16) | …", MedleyDB's; "Piano Oboe Clarinet Trumpet Violin" over "(a) Weighted
    likelihood …", an ICASSP paper's): no heading, unless numbered or a section's name."""
    line = lines[index]
    if (
        line.styled
        or index + 1 >= len(lines)
        or is_numbered(line.text)
        or heading_key(line.text) in ANCHOR_HEADINGS
    ):
        return False
    below, words = lines[index + 1], line.text.split()
    if below.page != line.page or len(words) < _HEADER_WORDS_LEAST or not all(w[:1].isupper() for w in words):
        return False
    return below.table or _PANEL.match(below.text) is not None


_HEADER_WORDS_LEAST = 4
_PANEL = re.compile(r"\([a-h]\) ")


def _numbered(text: str) -> bool:
    """Numbered, or an appendix's letter before its title ("A Details of Models …")."""
    return is_numbered(text) or APPENDIX_LETTER.match(text) is not None


def _over_own(line: Line) -> bool:
    """Whether a heading right over another in its type is a section's over its first subsection's:
    not a chapter's label over its title ("Chapter 1" / "Background"), nor the references' or
    back matter's heading over what follows them."""
    name = unnumbered(line.text).strip()
    return not (_LABEL.match(name) or REFERENCES.match(name) or is_back_matter(name))


_LABEL = re.compile(r"(?:Chapter|CHAPTER|Part|PART|Appendix|APPENDIX)\s+\w+$")
"""A chapter's or part's label, set over its title."""


def _under_larger(lines: list[Line], levels: dict[int, int]) -> dict[int, int]:
    """``levels``, with a later page's unnumbered headings in smaller type a level under one in
    larger type that they follow right under it ("The system" in 15 pt, then "Software",
    "Weight functions" in 12, Okapi at TREC-3's: its appendices lettered, its body's headings
    unnumbered), up to a heading in type as large or numbered. One right under another in the
    same type of 12 pt and up is a level under it too, alone ("Related work" over
    "Object-oriented approaches"): a section's heading over no text of its own is otherwise
    dropped."""
    nested = dict(levels)
    parent: tuple[int, int] | None = None  # its size class and level
    for i in sorted(levels):
        line = lines[i]
        if line.styled or _numbered(line.text):
            parent = None
            continue
        size = size_class(line)
        if parent is not None and size < parent[0]:
            nested[i] = parent[1] + 1
            continue
        parent = None
        below = lines[i + 1] if i + 1 < len(lines) else None
        if i + 1 in levels and below is not None and not below.styled and not _numbered(below.text):
            if (under := size_class(below)) < size:
                parent = (size, levels[i])
            elif size and under == size and levels[i + 1] == levels[i] and _over_own(line):
                nested[i + 1] = levels[i] + 1
    return nested


def _alone_at(lines: list[Line], missing: list[Missing]) -> dict[int, int]:
    """The headings of ``missing`` numbers that stand on their own line in plain type, each
    between the headings around its gap ("2 ALGORITHM" between "1 INTRODUCTION" and "5
    RELATED WORK"): a plain numbered line is otherwise no heading ("3 a footnote")."""
    found: dict[int, int] = {}
    for number, after, before in missing:
        for index in range(after + 1, before):
            line = lines[index]
            if (
                line.first
                and line.alone
                and line.text.startswith(f"{number} ")
                and (words := heading_words(line)) is not None
                and sum(c.isalpha() for c in words) >= 3
            ):
                found[index] = heading_level(line.text)
                break
    return found


def _keyed(lines: list[Line], candidates: list[int]) -> dict[str, list[int]]:
    """The candidate headings by their key, and by the keys they may have in an outline: joined
    with the lines that continue them, an appendix's title without its letter."""
    where: dict[str, list[int]] = {}
    for i in candidates:
        text = lines[i].text
        where.setdefault(heading_key(text), []).append(i)
        joined = text
        if lines[i].bold or lines[i].styled or text.isupper():  # as a heading over lines is
            for after_i in range(i + 1, heading_end(lines, i)):
                joined = f"{joined} {lines[after_i].text}"  # a heading over lines: the outline has it whole
                where.setdefault(heading_key(joined), []).append(i)
        if text[1:2] == " " and text[2:3].isupper() and "A" <= text[0] <= "Z":
            # "A Proofs": an appendix numbered by its letter alone, which the outline leaves out
            where.setdefault(heading_key(text[2:]), []).append(i)
        elif (appendix := APPENDIX_LEAD.match(text)) and appendix.end() < len(text):
            # "APPENDIX A. MISCELLANEOUS DETAILS" (SPIE's), "Appendix B: Proofs": the outline
            # names the appendix by its title alone, or by its letter alone (MDPI's "Appendix A")
            where.setdefault(heading_key(text[appendix.end() :]), []).append(i)
            where.setdefault(heading_key(text[: appendix.end()]), []).append(i)
    return where


def _starts_on_page_one(lines: list[Line], index: int) -> bool:
    """Whether a line of page 1 (read line by line) inside its block may start a heading: the
    line above ends a sentence ("… more easily. <b>1. INTRODUCTION</b>", a word processor's
    page) or is a heading ("2 RELATED WORK" over "2.1 Audio-only …"), or the line is numbered or
    its weight differs; not a line a sentence runs on to in the same weight (a bold sentence in
    an abstract: "The paper submit-" / "ted to …")."""
    line = lines[index]
    if not line.styled:
        return False
    above = lines[index - 1] if index else None
    if above is None or above.block != line.block or above.page != line.page:
        return True
    # under a heading ("2 RELATED WORK"), a bold run's start or end, or numbered ("4. EXPERIMENTS")
    if above.bold != line.bold or is_numbered(above.text) or is_numbered(line.text):
        return True
    if line.bold and heading_key(line.text) in ANCHOR_HEADINGS and _over_plain_text(lines, index):
        return True  # "Introduction" in bold under a name in bold (a Word manuscript in one size)
    # after a sentence's end, but not one a full line of a paragraph in one weight ends (IEEE's
    # journals set the abstract in bold: "… retrieval applications." / "While considerable …")
    return above.text.endswith(_ENDS) and (above.size != line.size or not _full_line(lines, index - 1))


def _over_plain_text(lines: list[Line], index: int) -> bool:
    """Whether the line after ``lines[index]`` is in its block, not in bold."""
    after = lines[index + 1] if index + 1 < len(lines) else None
    return after is not None and after.block == lines[index].block and not after.bold


def _full_line(lines: list[Line], index: int) -> bool:
    """Whether a line of page 1 is about as long as the longest of its block: a paragraph's line
    that its text runs on from, not its last."""
    block = [ln for ln in lines[max(0, index - 40) : index + 40] if ln.block == lines[index].block]
    return len(lines[index].text) >= _FULL_LINE * max(len(ln.text) for ln in block)


_FULL_LINE = 0.8
"""A line's share of its block's longest that makes it full."""


_ENDS = (".", "!", "?", ":")


def _from_abstract(lines: list[Line], headings: list[int]) -> list[int]:
    """Without the headings before page 1's Abstract heading: no section comes before it, and
    the authors' block above it has lines of a heading's shape ("1 Thørväld Circle", an
    address in ACM's old proceedings template, which NIME's follows)."""
    for position, index in enumerate(headings):
        line = lines[index]
        if line.page:
            break
        if ABSTRACT.match(line.text):
            return headings[position:]
    return headings


def _after_front_matter(lines: list[Line], headings: list[int]) -> list[int]:
    """Drop bold title and author lines: headings start at the first named or numbered one, or
    the first after an abstract run in on page 1 ("Abstract — Fifty years ago, …")."""
    abstract = next(
        (i for i, line in enumerate(lines[:200]) if line.page == 0 and ABSTRACT.match(line.text)), None
    )
    for position, index in enumerate(headings):
        text = lines[index].text
        after_abstract = abstract is not None and index > abstract
        if is_numbered(text) or heading_key(text) in ANCHOR_HEADINGS or lines[index].page or after_abstract:
            return headings[position:]
    return headings

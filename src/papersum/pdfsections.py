"""Which lines of a paper head its sections, and at what level: from its outline when it has
one (its levels), else from their style and numbering."""

from __future__ import annotations

import re
from typing import Any

from papersum.pdfabstract import ABSTRACT
from papersum.pdfcase import heading_under
from papersum.pdfcovers import without_contents
from papersum.pdfflow import CHECKLIST, NOT_CONTENT, REFERENCES, ends_sentence
from papersum.pdfheadings import (
    ANCHOR_HEADINGS,
    APPENDIX_LEAD,
    OPEN_END,
    RUN_IN_NUMBER,
    SECTION_TYPE,
    heading_key,
    heading_level,
    heading_words,
    is_back_matter,
    is_numbered,
    unnumbered,
)
from papersum.pdflines import Line
from papersum.pdfnumbering import (
    CAPITALS_MOST,
    WHOLE_NAMES,
    Missing,
    capitals_share,
    in_capitals,
    levels_by_numbering,
    levels_by_size,
    missing_numbers,
    missing_parents,
    numbers_after,
    run_in_levels,
    without_leads,
    without_list_items,
    without_restarted_lists,
    words_in_capitals,
)
from papersum.pdfoutline import APPENDIX_LETTER, outline_items, outline_matched, split_at_outline
from papersum.pdfrunin import (
    LONE_NUMBERS_LEAST,
    capital_leads_split,
    is_lone_number,
    split_after,
    split_at_numbers,
)

_BARE_INTEGER = re.compile(r"^\d+\s")


_APPENDIX_IN_CAPITALS = re.compile(r"[A-H] (?:A )?[A-Z]{2}")


_NUMBER_AFTER = re.compile(r" \d{1,2}$")
"""A number closing a title ("B PROOF OF LEMMA 1")."""


def find_headings(
    lines: list[Line], body_size: float, toc: list[list[Any]], *, split: bool = True
) -> tuple[list[Line], dict[int, int]]:
    """The lines, and those of them that start a section, by index, with their level: from the
    table of contents (its levels), else by style (levels from their numbering). Outline items
    that head no line are looked for run in the text and split off (``split_at_outline``)."""
    items = outline_items(toc, lines[-1].page if lines else 0)
    # a heading is a short line that starts its paragraph (or a line on page 1, read with styles)
    candidates = [
        i
        for i, ln in enumerate(lines)
        if len(ln.text) <= 120 and (ln.first or (ln.styled and _starts_on_page_one(lines, i)))
    ]
    if len(items) >= 2:
        found = {
            i: heading_level(lines[i].text) for i in candidates if _is_named_heading(lines[i], body_size)
        }
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
                if (level := heading_level(lines[i].text)) > depth and _looks_like_heading(
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
            if (_looks_like_heading(lines[i], body_size) or _centred_over_text(lines, i, body_size))
            and not _bold_paragraph(lines, i)
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
    return lines, levels_by_numbering(lines, headings)


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
            for after_i in range(i + 1, _heading_end(lines, i)):
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


def continues_heading(previous: Line, line: Line) -> bool:
    """Whether ``line`` is the next line of a heading that ends at ``previous`` (a long heading
    set over two or three lines): unnumbered, no section's name, on its page and
    - on page 1 (read line by line): in the heading's block and type ("3. CHALLENGES IN THE
      DOMAIN OF UNDERSTANDING" over "PATHOLOGICAL CONDITIONS", centred as ICASSP sets it);
    - on a later page, where mupdf makes each line of such a heading a block: a short paragraph
      alone, bold in the bold heading's type (a thesis's chapter "4. Developing a … for" /
      "micro-enterprises using …"), or in capitals under one in capitals (IEEE's small
      capitals: "IV. RQ1: HOW COMMON DO PROJECTS APPLY" / "CONVENTIONAL COMMITS …?"), and
      not a capitalised line under a section's known name."""
    if line.page != previous.page or line.styled != previous.styled:
        return False
    if line.styled:  # bold or in capitals: not the text an IEEE heading in body type runs into
        same = (line.block, line.size, line.bold) == (previous.block, previous.size, previous.bold)
        shown = line.bold or (line.text.isupper() and unnumbered(previous.text).isupper())
        return not line.first and same and shown and not is_numbered(line.text)
    if not (line.alone and previous.alone and len(line.text) <= _HEADING_LINE_MOST):
        return False
    if (
        OPEN_END.search(previous.text)
        and len(line.text.split()) <= _OPEN_END_WORDS_MOST
        and not ends_sentence(line.text)
        and not is_numbered(line.text)
    ):
        return True  # "4.2 … Verification with" / "UCLID5", in typewriter type
    if "? " in line.text or ". " in line.text:  # sentences ("How much data to be loaded? How …")
        return False
    if in_capitals(unnumbered(previous.text)) and capitals_share(line.text) < CAPITALS_MOST:
        return False  # a heading in capitals goes on in capitals; "Predation by …" heads a subsection
    if previous.text.endswith((".", ":")) or not (
        (line.bold and previous.bold and line.size == previous.size)
        or (line.text.isupper() and unnumbered(previous.text).isupper())
    ):
        return False
    if is_numbered(line.text) or RUN_IN_NUMBER.match(line.text) or heading_key(line.text) in ANCHOR_HEADINGS:
        return False
    if APPENDIX_LETTER.match(previous.text) and APPENDIX_LETTER.match(line.text):
        return False  # the next appendix ("D Longer Fine-tuning …" / "E Performance of …")
    if heading_under(unnumbered(previous.text), line.text, small=not previous.size):
        return False  # "4.1 Setup" over "Unsupervised pre-training": a paragraph's own heading
    # a section's name whole is followed by its first subsection, not its second line (APA's
    # "Method" centred over "Participants" flush left, the same bold)
    return not (line.text[:1].isupper() and heading_key(previous.text) in WHOLE_NAMES)


_OPEN_END_WORDS_MOST = 4
"""Words of a short paragraph that ends a heading left open, at most."""


_HEADING_LINE_MOST = 80
"""Characters of a heading's second or third line, at most."""


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


def _is_named_heading(line: Line, body_size: float) -> bool:
    """Abstract and References are often missing from the table of contents (``line`` is a
    candidate of ``find_headings``)."""
    if len(line.text) > 40:
        return False
    stripped = unnumbered(line.text).strip().removesuffix(":")  # a lead run in ("Funding:")
    set_apart = (line.bold or _above(line.size, body_size) > 0.4) if line.styled else True
    known = (
        REFERENCES.match(stripped)
        or NOT_CONTENT.match(stripped)
        or CHECKLIST.match(stripped)
        or stripped.lower() == "abstract"
        or (line.page > 0 and is_back_matter(stripped))  # page 1's is a sidebar's ("Competing Interests:")
    )
    # a section's usual name set as \section*, which hyperref leaves out of the outline
    # ("Discussion", "Conclusion" unnumbered after numbered sections): in a section's large type
    # and bold (not a label in a figure, "Methods"), after page 1 (not a title's second line,
    # "Evaluation"), not a contents line ("7 Conclusions 64") nor a lead ("Evaluation:")
    unlisted = (
        line.page > 0
        and line.bold
        and line.size >= SECTION_TYPE
        and line.text.rstrip()[-1:] not in ":0123456789"
        and heading_key(stripped) in ANCHOR_HEADINGS
    )
    return bool(set_apart and (known or unlisted))


_OCR_NUMBER = re.compile(r"\d{1,2}, [A-Z]{3,}")
"""A section's number whose stop OCR read as a comma, before a title in capitals ("1,
INTRODUCTION" on a scanned ISMIR paper's page 1)."""


_LARGE = 15.0
"""Points of a later page's paragraph large enough to head a section alone, in plain type (mupdf's
class of 15 pt and up: a report's "OVERVIEW", a chapter's "Exercises")."""


def _in_words(words: str) -> bool:
    """Whether a heading's words are words only: no formula ("R(u) = c"), no words over and over."""
    split = words.split()
    return bool(_WORDS_ONLY.fullmatch(words)) and len({w.lower() for w in split}) * 2 > len(split)


_WORDS_ONLY = re.compile(r"[\w\s'’:,.()&?/-]+")


def _looks_like_heading(line: Line, body_size: float) -> bool:
    """Whether a candidate of ``find_headings`` is set apart and shaped like a heading."""
    if (words := heading_words(line)) is None:
        return False
    numbered = is_numbered(line.text) or _OCR_NUMBER.match(line.text) is not None
    key = heading_key(line.text)
    named = key in ANCHOR_HEADINGS or key.startswith("appendix")
    if not line.styled:  # a paragraph: a named one, or a bold, large or numbered one on its own
        if named or (line.alone and (line.bold or (line.size >= _LARGE and _in_words(words)))):
            return True
        # in plain type "2.1 Title", "II. TITLE", "A. Title", but not "3 a footnote"; an appendix
        # "A ADDITIONAL IMPLEMENTATION DETAILS" in capitals (ICLR's small capitals)
        if (
            line.alone
            and _APPENDIX_IN_CAPITALS.match(line.text)
            and words_in_capitals(_NUMBER_AFTER.sub("", words))
        ):
            return sum(c.isalpha() for c in words) > _CAPITAL_LETTERS_LEAST  # not a plot's "H BITS"
        return (
            line.alone
            and numbered
            and sum(c.isalpha() for c in words) >= 3
            and (line.size > 0 or not _BARE_INTEGER.match(line.text) or words_in_capitals(words))
        )
    above = _above(line.size, body_size)
    emphasised = line.bold or above >= 0.9
    if emphasised and above >= -1.0 and (numbered or named or line.bold):
        return True
    # IEEE sets "I. INTRODUCTION" in small caps of the body's size: a numbered line alone in
    # its block, in body type, is a heading all the same
    return line.alone and numbered and abs(above) <= 0.5 and sum(c.isalpha() for c in words) >= 3


def _bold_paragraph(lines: list[Line], index: int) -> bool:
    """Whether a bold line of page 1 starts a paragraph in bold, not a heading: its block goes
    on in its type and weight for more lines than a heading has (IEEE's abstract, in bold, its
    second paragraph "In this paper, we develop linear programming formulations …"), or with
    the lines that go on from it it holds more words than a heading (a note in bold at the
    page's foot: "This is a preprint of a paper to appear in the" / "Proceedings of …")."""
    line = lines[index]
    if not (line.styled and line.bold):
        return False
    same = (line.page, line.block, line.size, line.bold)
    following = lines[index + 1 : index + _HEADING_LINES_MOST + 1]
    if len(following) == _HEADING_LINES_MOST and all(
        (ln.page, ln.block, ln.size, ln.bold) == same for ln in following
    ):
        return True
    words = sum(len(ln.text.split()) for ln in lines[index : _heading_end(lines, index)])
    return words > _JOINED_WORDS_MOST


def _heading_end(lines: list[Line], index: int) -> int:
    """Where a heading at ``index`` set over lines ends: past the lines that go on from it
    (``continues_heading``), ``_HEADING_LINES_MOST`` lines at most."""
    end, last = index + 1, min(len(lines), index + _HEADING_LINES_MOST)
    while end < last and continues_heading(lines[end - 1], lines[end]):
        end += 1
    return end


_HEADING_LINES_MOST = 3
"""Lines of a heading set over lines, at most."""


_JOINED_WORDS_MOST = 16
"""Words of a heading set over lines, at most."""


def _centred_over_text(lines: list[Line], index: int, body_size: float) -> bool:
    """Whether a line of page 1 is a numbered heading in capitals of the body's type, centred
    over the paragraph mupdf read into its block (IEEE's "I. INTRODUCTION" in small capitals, in
    one block with "As the Internet continues …"): a heading alone in its block is found by its
    shape (``_looks_like_heading``)."""
    line = lines[index]
    below = lines[index + 1] if index + 1 < len(lines) else None
    if not (
        line.styled and line.first and not line.alone and below is not None and below.block == line.block
    ):
        return False
    words = heading_words(line)
    return (
        words is not None
        and is_numbered(line.text)
        and words_in_capitals(words)
        and sum(c.isalpha() for c in words) >= _CAPITAL_LETTERS_LEAST
        and abs(_above(line.size, body_size)) <= 0.5
        and line.left - below.left >= _CENTRED_INSET
    )


_CAPITAL_LETTERS_LEAST = 6
"""Letters of a centred heading in capitals, at least ("RESULTS"; not a roman "II. A")."""


_CENTRED_INSET = 30.0
"""Points by which a centred heading starts right of the paragraph under it, at least."""


def _above(size: float, body_size: float) -> float:
    """Points by which type of ``size`` is larger than the body's, to a tenth as sizes are read:
    8.3 - 7.8 is 0.5000000000000009 in floating point, more than half a point."""
    return round(size - body_size, 1)

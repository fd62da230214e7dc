"""A paper's section numbers taken as a whole: the levels they give its unnumbered headings
(run in, or standing within a numbered section), the numbers a list's items or a running head
take from its sections, the numbers its sections skip (a heading mupdf read into its paragraph);
and the levels their type gives the headings of a paper with no numbers."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from papersum.pdfflow import REFERENCES
from papersum.pdfheadings import (
    ANCHOR_HEADINGS,
    heading_key,
    heading_level,
    is_back_matter,
    is_numbered,
    unnumbered,
)
from papersum.pdfoutline import APPENDIX_LETTER

if TYPE_CHECKING:
    from papersum.pdflines import Line


def without_leads(lines: list[Line], headings: dict[int, int]) -> dict[int, int]:
    """The headings without a section's name run in as a paragraph's bold lead with its colon
    ("Results: Like previous work, …", "Summary: This work …") in a paper whose sections are
    numbered: a lead, not a section (back matter's leads, "Funding:", stay sections)."""
    if not _numbered_paper(lines, headings):
        return headings
    return {
        i: level
        for i, level in headings.items()
        if not lines[i].text.rstrip().endswith(":")
        or is_numbered(lines[i].text)
        or is_back_matter(lines[i].text)
    }


def run_in_levels(lines: list[Line], headings: dict[int, int]) -> dict[int, int]:
    """The headings, those with no number run in their paragraph (its block goes on after them,
    "Recurrent layers We use three …", ISMIR's ``\\paragraph``), ending in a paragraph
    heading's period ("Mean Subtraction."), standing within a numbered section
    (``_within_section``) or right under the numbered heading (and those after them before the
    next number: "B.1. Spear-phishing scams" / "Threat identification" / … / "Ease of defense")
    a level under the numbered heading before them, in a paper whose sections are numbered;
    named ones ("Acknowledgments") stay where they are."""
    if not _numbered_paper(lines, headings):
        return headings
    placed: dict[int, int] = {}
    above, last, under = 1, -1, False  # the level and place of the last numbered heading
    numbered = sorted(i for i in headings if is_numbered(lines[i].text))
    appendices = False  # after an "Appendix" heading: "B Supplementary Proofs" is numbered
    # or after an appendix's letter whose subsections it numbers ("A RESEARCH METHODS" over
    # "A.1 Part One", acmart's; then "B ONLINE RESOURCES", run into its paragraph, is one too)
    lettered = {lines[i].text[0] for i in numbered if _LETTERED_SUBSECTION.match(lines[i].text)}
    for i in sorted(headings):
        level, appendix = headings[i], lines[i].text.lower().startswith("appendi")
        letter = APPENDIX_LETTER.match(lines[i].text) is not None
        appendices = appendices or (letter and lines[i].text[0] in lettered)
        if is_numbered(lines[i].text) or (appendices and letter):
            above, last, under = level, i, False
        elif appendix or heading_key(lines[i].text) in ANCHOR_HEADINGS:
            under = False  # the appendices, the references: none of the section's headings
            appendices = appendices or appendix
        elif (
            (under := under or i == last + 1)  # right under it ("5.1 Setup" / "Datasets"), or
            # after one that was, its fellow
            or (
                i + 1 < len(lines)
                and (lines[i + 1].page, lines[i + 1].block) == (lines[i].page, lines[i].block)
            )
            or lines[i].text.endswith(".")  # a paragraph's heading, a block of its own ("Mean Subtraction.")
            or _within_section(lines, numbered, i)
        ) and (heading_key(lines[i].text) not in ANCHOR_HEADINGS and not is_back_matter(lines[i].text)):
            level = above + 1
        placed[i] = level
    return placed


def _within_section(lines: list[Line], numbered: list[int], index: int) -> bool:
    """Whether the unnumbered heading at ``index`` (a later page's) stands between two numbered
    sections with no numbered subsection between ("5 Results", then "Image Processing", then
    "6 Conclusions": Viola and Jones's unnumbered subsections). Not under a subsection, where it
    may be a chapter's title whose number is gone (a thesis's "Method" between "2.2" and
    "3.1"), nor an appendix."""
    at = bisect.bisect(numbered, index)
    if at == 0 or at == len(numbered) or lines[index].text.lower().startswith("appendi"):
        return False
    before, after = lines[numbered[at - 1]], lines[numbered[at]]
    return before.page > 0 and heading_level(before.text) == heading_level(after.text) == 1


def _numbered_paper(lines: list[Line], headings: dict[int, int]) -> bool:
    """Whether a paper's sections are numbered: ``_NUMBERED_LEAST`` of its headings or more."""
    return sum(is_numbered(lines[i].text) for i in headings) >= _NUMBERED_LEAST


_NUMBERED_LEAST = 3
"""Numbered headings, at least, that make a paper's sections numbered."""


def levels_by_numbering(lines: list[Line], headings: dict[int, int]) -> dict[int, int]:
    """The levels of ``headings`` (indices of ``lines``, levels from their numbers) where the
    numbers nest differently. Where sections are numbered I., II. and subsections A., B. (IEEE,
    JASA's revtex), a heading numbered "1." is a subsubsection, level 3, and one lettered "B."
    a subsection at least. Where sections are numbered 1., 2., a heading "A." is an appendix,
    level 1 (ICML's "A. Diffusion models")."""
    if not _roman_numbered(lines, headings):
        if not any(_ARABIC.match(lines[i].text) for i in headings):
            return headings
        if any(heading_key(lines[i].text) in ("appendix", "appendices") for i in headings):
            # under an "Appendix" heading, "A." is a level below it, and its "A.1." one more
            # (ICML's "B. Additional Related Work" over "B.1. Post-training LLMs …")
            # (and the unnumbered headings under such a one: "B.1. Spear-phishing scams" /
            # "Threat identification")
            lettered = {lines[i].text[0] for i in headings if _LETTER.match(lines[i].text)}
            placed, shifted = {}, False
            for i in sorted(headings):
                text, level = lines[i].text, headings[i]
                if is_numbered(text):
                    shifted = bool(_LETTERED_SUBSECTION.match(text)) and text[0] in lettered
                placed[i] = level + 1 if shifted and level > 1 else level
            return placed
        return {i: 1 if _LETTER.match(lines[i].text) else level for i, level in headings.items()}
    # a letter's subsection at least (IEEE Xplore's outline puts "B." level with "I." after a figure)
    return {
        i: 3 if _ARABIC.match(lines[i].text) else max(level, 2) if _LETTER.match(lines[i].text) else level
        for i, level in headings.items()
    }


def _roman_numbered(lines: list[Line], headings: dict[int, int]) -> bool:
    """Whether the paper's sections are numbered in roman: "I." and "II." at least (an "I." alone
    is the ninth appendix of one lettered A. to K., PAL's "I. Generalization of PAL …")."""
    return any((match := _ROMAN.match(lines[i].text)) and match[0] != "I. " for i in headings)


_ROMAN = re.compile(r"(?:I|[IVXLC]{2,})\.\s")
"""A section's roman number: "I.", "II.", "XIV."; not a lone "C." or "D.", which is as often an
appendix's letter (an ICML paper's "C. Prompt template …" made its "1. Introduction" level 3)."""


_ARABIC = re.compile(r"\d{1,2}\.\s")


_LETTER = re.compile(r"[A-H]\.\s")


_LETTERED_SUBSECTION = re.compile(r"[A-H]\.\d")


def without_list_items(lines: list[Line], headings: dict[int, int]) -> dict[int, int]:
    """The headings without a numbered list's items that take the sections' numbers, in a
    paper whose numbered sections are bold: a plain line numbered as a bold section is ("4. No
    disk storage is required for feature caching", one of Fast R-CNN's listed contributions,
    each alone in its block, beside its bold "4. Main results"). Under IEEE's roman sections,
    "1." numbers subsubsections, and stays."""
    if _roman_numbered(lines, headings):
        return headings
    numbers = {
        i: number[1] for i in headings if (number := _TOP_NUMBER.match(lines[i].text)) and number[1].isdigit()
    }
    bold = {number for i, number in numbers.items() if lines[i].bold}
    if len(bold) < _NUMBERED_LEAST:
        return headings
    return {i: level for i, level in headings.items() if lines[i].bold or numbers.get(i) not in bold}


def without_restarted_lists(lines: list[Line], headings: dict[int, int]) -> dict[int, int]:
    """The headings without a numbered list set as headings inside a section: its numbers start
    again at 1 and the sections' go on after it ("2. Stylized statistical properties …", then
    "1. Absence of autocorrelations:" … "11. Asymmetry in time scales:", then "3. Some issues
    …", Cont 2001's bold list of facts), or the section's subsections ("9.3 …", then an
    algorithm's steps "1. Initialization" … "3. Termination", then "9.4 …", a book's chapter)."""
    tops = [(i, int(top[1]), top[2]) for i in sorted(headings) if (top := _ARABIC_LEAD.match(lines[i].text))]
    items: set[int] = set()
    outer, position = 0, 0
    while position < len(tops):
        value = tops[position][1]
        if value == 1 and outer >= 2:  # maybe a list: 1, 2, … then the sections' next number
            counted, stop = 1, tops[position][2]  # items numbered alike: "1.", "2.", …
            while position + counted < len(tops) and tops[position + counted][1:] == (counted + 1, stop):
                counted += 1
            # the longest run of items after which the sections' numbers go on
            end = next(
                (
                    position + size
                    for size in range(counted, _LIST_ITEMS_LEAST - 1, -1)
                    if position + size < len(tops) and tops[position + size][1] in (outer, outer + 1)
                ),
                None,
            )
            # a list's items have no subsections ("1 Introduction" … "2.1 Desiderata" after a
            # stray "4 TLA" over page 1 are sections)
            if end is not None and not any(
                tops[position][0] < j < tops[end][0] and _SUBSECTION.match(lines[j].text) for j in headings
            ):
                items.update(item[0] for item in tops[position:end])
                position = end
                continue
        outer, position = value, position + 1
    return {i: level for i, level in headings.items() if i not in items}


_LIST_ITEMS_LEAST = 2
_ARABIC_LEAD = re.compile(r"(\d{1,2})((?:\.\d{1,2})*\.?)\s")
"""A heading's arabic number: its section's, and the rest ("9.3 …": 9, ".3"; "1. …": 1, ".")."""
_SUBSECTION = re.compile(r"\d{1,2}\.\d")


class Missing(NamedTuple):
    """A number the paper's sections skip, as it writes it ("V.", "2"), and the headings around
    the gap, by index."""

    number: str
    after: int
    before: int


def missing_numbers(lines: list[Line], headings: dict[int, int]) -> list[Missing]:
    """The numbers the paper's sections skip ("IV." then "VI.": "V."): a heading mupdf read in
    its paragraph's block (IEEE's review copy, "V. DISCUSSION The …"), or one in plain type on
    its own line ("2 ALGORITHM", ICLR's capitals, which mupdf does not call bold)."""
    missing = []
    for (after, a, stop), (before, b, same_stop) in itertools.pairwise(_top_numbers(lines, headings)):
        first, second = _number_value(a), _number_value(b)
        if stop == same_stop and a.isdigit() == b.isdigit() and 0 < second - first - 1 <= _GAP_MOST:
            roman = not a.isdigit()
            missing += [
                Missing(f"{_roman(n) if roman else n}{stop}", after, before) for n in range(first + 1, second)
            ]
    return missing


def missing_parents(lines: list[Line], headings: dict[int, int]) -> list[Missing]:
    """The sections whose first subsection is a heading but not they ("3.1 Background" found,
    "3 Selectivity" not: an LNCS paper's bold that mupdf does not call bold, its bare number in
    plain type taken for a footnote's), each between the heading before that subsection and it;
    written with and without a stop after the number, as the paper may write it; the same
    for an appendix's letter ("A Random Simulations" over "A.1 Urgencies")."""
    tops = {number[1] for i in headings if (number := _TOP_NUMBER.match(lines[i].text))}
    missing = []
    previous = -1
    for i in sorted(headings):
        if (first := _FIRST_SUBSECTION.match(lines[i].text)) and first[1] not in tops:
            missing += [Missing(first[1], previous, i), Missing(f"{first[1]}.", previous, i)]
        previous = i
    return missing


_FIRST_SUBSECTION = re.compile(r"(\d{1,2}|[A-H])\.1\.?\s")
"""The first subsection of a section or an appendix ("3.1 Background", "A.1 Urgencies")."""


def numbers_after(lines: list[Line], headings: dict[int, int]) -> list[Missing]:
    """The numbers that would follow the paper's last numbered section ("6." then "7.", "8.",
    "9."), each with that section's index and the lines' end: the last sections may be read
    into paragraphs with no number after them to show a gap (a PDF whose bold fonts only
    their names tell: "7. DISCUSSION The proposed …", "… of this paper. 8. CONCLUSIONS In …").
    None unless the last two numbered sections are in order (maybe with a gap between them)."""
    found = _top_numbers(lines, headings)
    if len(found) < 2:
        return []
    (_, a, stop), (last, b, same_stop) = found[-2:]
    if (
        stop != same_stop
        or a.isdigit() != b.isdigit()
        or not 0 < _number_value(b) - _number_value(a) <= _GAP_MOST + 1
    ):
        return []
    value, roman = _number_value(b), not b.isdigit()
    return [
        Missing(f"{_roman(n) if roman else n}{stop}", last, len(lines))
        for n in range(value + 1, value + 1 + _GAP_MOST)
    ]


def _top_numbers(lines: list[Line], headings: dict[int, int]) -> list[tuple[int, str, str]]:
    """The headings numbered as sections, in order: index, number, and its stop or ""."""
    return [
        (i, number[1], number[2])
        for i in sorted(headings)
        if (number := _TOP_NUMBER.match(lines[i].text)) and _number_value(number[1]) <= _SECTIONS_MOST
    ]  # not IEEE's subsection "C." (C is a hundred) between "I." and "III."


_SECTIONS_MOST = 40
"""A section's number, at most: a larger roman one is a subsection's letter ("C.", "L.")."""


_TOP_NUMBER = re.compile(r"([IVXLC]{1,6}|\d{1,2})(\.?)\s")
_GAP_MOST = 3
"""Numbers skipped between two sections, at most, that are looked for in the text (Adam's ICLR
paper skips three, "2" to "4", between "1 INTRODUCTION" and "5 RELATED WORK")."""


def _number_value(number: str) -> int:
    if number.isdigit():
        return int(number)
    values = [_ROMAN_VALUES[c] for c in number]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(value: int) -> str:
    digits = ""
    for amount, letters in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, value = divmod(value, amount)
        digits += letters * count
    return digits


def levels_by_size(lines: list[Line], headings: dict[int, int]) -> dict[int, int]:
    """Levels of a paper whose headings have no numbers (\\section*): from their type, larger
    above smaller, in the classes mupdf's XHTML tells apart on later pages (12, 15 and 20 pt;
    page 1's sizes, read exactly, put in the same classes). Same-size headings are siblings.
    Only the paper's own headings, up to its references, rank the classes: a publisher's pages
    after them (Annual Reviews' advertisements, in display type) do not push the paper's
    sections down; a heading there in a larger class than any of the paper's is at the top.
    In a class where the paper's own headings are set both in capitals and not, those in
    capitals are above (Annual Reviews' "COLLISIONS …" over "Collisions with Buildings"):
    when two or more of them are not named ones (not "ACKNOWLEDGMENTS" alone). A class that
    holds one heading only (a plot's title or a part's label in display type) ranks nothing
    when others hold two or more; the abstract's label ranks nothing either."""
    end = next((i for i in sorted(headings) if _is_references(lines[i].text)), None)
    own = [i for i in headings if (end is None or i <= end) and not _is_front(lines[i].text)]
    capitals = {i for i in headings if in_capitals(lines[i].text)}
    named = {i for i in capitals if _names_section(lines[i].text)}
    sizes = {i: size_class(lines[i]) for i in headings}
    mixed = {sizes[i] for i in own if i not in capitals}
    case = Counter(sizes[i] for i in own if i in capitals - named)
    classes = {i: (size, size in mixed and case[size] >= 2 and i in capitals) for i, size in sizes.items()}
    counts = Counter(classes[i] for i in own)
    ranked = {key for key, count in counts.items() if count >= 2} or set(counts)
    return _under_whole_names(
        lines, {i: min(1 + sum(key > classes[i] for key in ranked), 3) for i in headings}
    )


def _under_whole_names(lines: list[Line], levels: dict[int, int]) -> dict[int, int]:
    """``levels`` with the headings under a section's whole name one level deeper: APA's
    "Method", centred, right over "Participants", "Materials", "Procedure" flush left in the
    same bold (a later page's alignment is not read), up to the next section's name
    ("Results"). The name alone, no text of its own, was dropped as an empty section. A
    statement's name right under it heads its first section (PLOS's "Methods" over "Ethics
    statement")."""
    deeper = dict(levels)
    parent = None
    for index in sorted(levels):
        if _names_section(lines[index].text) and not (parent is not None and index == parent + 1):
            over = levels.get(index + 1) == levels[index]  # the next line heads a section of its level
            parent = None
            if over and _heads_a_part(lines[index].text) and not _names_part(lines[index + 1].text):
                parent = index
        elif parent is not None and levels[index] <= levels[parent]:
            if levels[index] < levels[parent]:
                parent = None
            else:
                deeper[index] = min(levels[index] + 1, 3)
    return deeper


def _names_part(text: str) -> bool:
    return heading_key(text) in WHOLE_NAMES or _is_references(text)


def _names_section(text: str) -> bool:
    return _names_part(text) or is_back_matter(text)


def _is_front(text: str) -> bool:
    """The abstract's or the keywords' label, which the paper's sections do not rank under
    (a journal's "ABSTRACT" in larger type than its sections' headings)."""
    return heading_key(text) in _FRONT


_FRONT = frozenset(("abstract", "keywords", "indexterms", "summary"))


def _is_references(text: str) -> bool:
    return bool(REFERENCES.match(unnumbered(text).strip()))


def _heads_a_part(text: str) -> bool:
    """Whether a section's name may head a part of the paper with sections of its own ("Method",
    "Results"; not the abstract, the acknowledgements or the references)."""
    key = heading_key(text)
    return key in WHOLE_NAMES and not key.startswith("ack") and key not in _NO_PARTS


_NO_PARTS = frozenset(("abstract", "summary", "references"))


WHOLE_NAMES = ANCHOR_HEADINGS | {"method"}
"""Sections' names that are whole headings. (APA's "Method" is no anchor: an algorithm's bold
"Method:" in JMLR's boxes would head a section.)"""


def in_capitals(text: str) -> bool:
    """Whether a heading is set in capitals: nine in ten of its letters or more, for a name
    spelled in both within it ("… APPLIED TO JACoW PAPERS")."""
    return sum(map(str.isalpha, text)) >= 4 and capitals_share(text) >= CAPITALS_MOST


def capitals_share(text: str) -> float:
    """The share of ``text``'s letters in capitals (all, when it has none)."""
    letters = [character for character in text if character.isalpha()]
    return sum(map(str.isupper, letters)) / len(letters) if letters else 1.0


CAPITALS_MOST = 0.9
"""Of a heading's letters, at least, in capitals for it to be set in capitals."""


def words_in_capitals(text: str) -> bool:
    """Whether ``text`` is words in capitals and nothing else ("MODIFICATIONS", "CCS CONCEPTS
    AND USER-DEFINED KEYWORDS": acmart's headings in a bold face mupdf does not call bold, after
    a bare number; not "ISSN: 0214-9001", not a formula's "E PU^T")."""
    return in_capitals(text) and all(c.isalpha() or c in _IN_WORDS for c in text)


_IN_WORDS = frozenset(" -'’&,")
"""What stands between a heading's words in capitals."""


def size_class(line: Line) -> int:
    # a later page's size is mupdf's class (TAG_SIZE); page 1's 12.0 is most often TeX's 11.955
    bounds = (12.05, 15.0, 20.0) if line.styled else (12.0, 15.0, 20.0)
    return sum(line.size >= bound for bound in bounds)

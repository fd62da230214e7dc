"""A paper's outline (its PDF bookmarks) matched to its lines: which line each item heads, on
the item's page or in order, and the items run in a paragraph split off."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from papersum.pdfheadings import heading_key, is_numbered, key_in_order

if TYPE_CHECKING:
    from papersum.pdflines import Line


_CITATION_KEY = re.compile(r"[A-Za-z]\d{4}[a-z]*$")
"""An outline item ending in a BibTeX key glued to its words ("…StoRMlemercier2023storm")."""


OutlineItem = tuple[str, int, int, bool, str]
"""An outline item as matched: its title's key, its page (-1: unknown), its level, whether a
citation key is glued to it, its title."""


def outline_items(toc: list[list[Any]], last_page: int) -> list[OutlineItem]:
    """The outline's items that point into the paper, in order, once each."""
    titles: dict[tuple[str, int, int], str] = {}
    for item in toc:
        if len(item) >= 3 and int(item[2]) >= 1:  # not a link out of the paper ("ICMC 2003 Home Page")
            title = outline_title(str(item[1]))
            titles.setdefault((heading_key(title), int(item[2]) - 1, int(item[0])), title)
    items = _without_references(
        [
            (key, page, level, bool(_CITATION_KEY.search(title)), title)
            for (key, page, level), title in titles.items()
        ]
    )
    start = next(
        (
            n
            for n, item in enumerate(items[: _FRONT_ITEMS_MOST + 1])
            if item[0] in ("abstract", "introduction")
        ),
        None,
    )
    if start is not None and items[start][1] <= 1:  # the paper's first section, on its first pages
        items = _from_first_section(items, start)
    if len({item[1] for item in items}) == 1 and len(items) > 3 and last_page > 0:
        # every item links to one page (seen: an Interspeech paper's, all to page 1): the pages
        # say nothing, the order does
        items = [(key, -1, level, cited, title) for key, _page, level, cited, title in items]
    return items


def _without_references(items: list[OutlineItem]) -> list[OutlineItem]:
    """The items without the paper's references: IEEE Xplore's outline lists them at its
    sections' level ("J. Foote, Automatic audio segmentation using …"), and matched to the
    reference list's lines they made each reference a section. A run of three items or more
    that read as references (initials and a surname, a comma after the authors) is left out;
    one such item is a section ("B. Title, Authors' Names, and Affiliations")."""
    shapes = "".join("r" if _REFERENCE_ITEM.match(item[4]) else "." for item in items)
    dropped = {n for run in _REFERENCES_RUN.finditer(shapes) for n in range(*run.span())}
    return [item for n, item in enumerate(items) if n not in dropped]


_AUTHOR = r"(?:[A-Z]\.[\s-]*)+(?:(?:von|van|de|der|den|di|da|du|le|la|del|dos)\s+)*[A-Z][^\s,]+"
"""An author as a reference names them: initials, particles, a surname ("J.-F. Cardoso", "A. von
Brandt")."""


_REFERENCE_ITEM = re.compile(rf"{_AUTHOR}(?:(?:,\s*(?:and\s+)?|\s+and\s+){_AUTHOR})*(?:,| et al\.,)\s")
"""An outline item that is a reference: its authors, then a comma ("M. Goto and Y. Muraoka,
Beat tracking …", "C. Duxbury, M. Davies, and M. Sandler, Improved …")."""


_REFERENCES_RUN = re.compile("r{3,}")


def _from_first_section(items: list[OutlineItem], start: int) -> list[OutlineItem]:
    """The items from the paper's first section (the ``start``-th, its abstract or introduction)
    on, their levels counted from its: the items over it, higher in the outline, are the
    paper's title and authors (Springer's IJCV and LNCS with hyperref: the title over every
    section; IEEE Xplore's: "toc", then the title, the authors and the figures over sections
    at level 3). Items of the first section's level before it (a thesis's "Acknowledgements")
    stay."""
    base = items[start][2]
    kept = [item for n, item in enumerate(items) if n >= start or item[2] >= base]
    return [(key, page, max(1, level - base + 1), cited, title) for key, page, level, cited, title in kept]


_FRONT_ITEMS_MOST = 3
"""Outline items before the paper's first section, at most ("toc", the title, the authors)."""


_IN_ORDER_LEAST = 8
"""Letters of an outline item's key, at least, looked for in order in a heading's."""


def _by_page(lines: list[Line], where: dict[str, list[int]]) -> dict[int, list[int]]:
    """The candidate headings of ``where`` (by key) by page, each page's in order."""
    by_page: dict[int, list[int]] = {}
    for i in sorted({i for found_at in where.values() for i in found_at}):
        by_page.setdefault(lines[i].page, []).append(i)
    return by_page


def outline_matched(
    lines: list[Line], where: dict[str, list[int]], items: list[OutlineItem]
) -> tuple[dict[int, int], list[tuple[str, int]]]:
    """The lines the outline's items head, with the items' levels, and the titles of the items
    that head none, with their pages."""
    after = -1  # where the last item without a page was found: the next is further on
    matched: dict[
        int, int
    ] = {}  # a line an earlier item took is no other's ("3 Conclusions", "A.3 Conclusions")
    unmatched: list[tuple[str, int]] = []
    by_page: dict[int, list[int]] = {}  # the candidates by page
    for key, page, level, cited, title in items:
        options = [i for i in where.get(key, []) if i not in matched]
        if not options and cited:
            # "Brief Description of StoRMlemercier2023storm": hyperref wrote the heading's \cite
            # as its key; the heading ("… of StoRM [13]") begins the item
            options = sorted(
                i
                for k, found_at in where.items()
                if len(k) >= 8 and key.startswith(k)
                for i in found_at
                if i not in matched
            )
        if not options and page >= 0 and len(key) >= _IN_ORDER_LEAST:
            # a title whose mathematics hyperref left out ("1 and 2 Regularization" for "ℓ1 and
            # ℓ2 Regularization"): its letters in order in a heading's, on its page
            by_page = by_page or _by_page(lines, where)  # once, when first needed
            options = [
                i for i in by_page.get(page, []) if i not in matched and key_in_order(key, lines[i].text)
            ]
        if page < 0:
            chosen = [i for i in options if i > after][:1]
            after = chosen[0] if chosen else after
        else:
            chosen = _first_match(lines, options, page)
            if (
                chosen
                and lines[chosen[0]].page != page
                and is_numbered(title)
                and len(key) >= _LEAD_KEY_LEAST
                and not is_numbered(lines[chosen[0]].text)
            ):
                # a page off, and the item's number not printed: another heading of its name (ACM's
                # "ACKNOWLEDGMENTS" on page 9, not "14 ACKNOWLEDGMENTS" run in on page 8)
                chosen = []
            elif not chosen:  # a page off by more than one (the heading set after a page-sized
                # float, Springer Nature's sidewaystable): the next heading-like line, in order
                last = max(matched, default=-1)
                later = [i for i in options if i > last]
                chosen = [i for i in later if lines[i].bold or is_numbered(lines[i].text)][:1]
        matched.update((i, level) for i in chosen)
        if not chosen:
            unmatched.append((title, page))
    return matched, unmatched


def split_at_outline(lines: list[Line], titles: list[tuple[str, int]]) -> bool:
    """Split off ``titles``, outline items that head no paragraph (with their pages, -1 if
    unknown), where the text runs them in, number and all, at a paragraph's start or after a
    sentence ("… on clean data. A. Related Work To the best …", "1) Accuracy-based Robustness: In
    the context …"; unnumbered, at a paragraph's start: "Acknowledgements. We thank …"; numbered
    as the outline numbers it, at a paragraph's start: "2 TEMPLATE OVERVIEW As noted …"), in
    ``lines``: a PDF whose fonts mupdf does not call italic or bold shows no run-in heading by
    its style. Looked for first on the item's page and next to it, when the outline gives one
    (its words may also be a reference's elsewhere: "Clyde, M. A. Bayesian model averaging and
    …", read as "A. Bayesian model averaging"), then anywhere (an outline's pages may be wrong);
    there, an unnumbered title may also start its paragraph with no stop after it, in the same
    words, before a sentence (Springer Nature's "Data availability All data …", "References 1.
    Soltesz, K. …", "Bayesian model averaging BMA weighs …", in a font mupdf does not call
    bold). Whether any was split."""
    split = False
    searchable = _Searchable(lines)
    for title, page in titles:
        lowered = title.lower()
        numbered = _lead_number(title)
        holding = searchable.holding(lowered, numbered)
        for index in sorted(holding, key=lambda i: page >= 0 and abs(lines[i].page - page) > 1):
            line = lines[index]
            bare = not numbered and page >= 0 and abs(line.page - page) <= 1
            if numbered and line.text.startswith(numbered) and (lead := _numbered_lead(line.text, title)):
                before, text, rest = "", lead.rstrip(".:"), line.text[len(lead) :].lstrip()
            elif lowered in line.text.lower() and (found := _run_in(title, bare=bare).search(line.text)):
                before, rest = line.text[: found.start()].rstrip(), line.text[found.end() :].lstrip()
                text = found[1] or found[2] or found[3]
            else:
                continue
            heading = line._replace(text=text, bold=True, first=True, alone=True)
            pieces = [
                *([line._replace(text=before, alone=False)] if before else []),
                heading,
                *([line._replace(text=rest, first=True, alone=line.alone and not before)] if rest else []),
            ]
            lines[index : index + 1] = pieces
            searchable.split(index, pieces)
            split = True
            break
    return split


def _run_in(title: str, *, bare: bool) -> re.Pattern[str]:
    """``title`` run in: numbered, in any case, at a paragraph's start or after a sentence ("VI.
    NORMALIZED SCATTERING SPECTRUM To …"), or unnumbered with its full stop at a paragraph's
    start ("Acknowledgements. We …", Springer Nature's \\bmhead, in a bold mupdf does not tell);
    ``bare``: also unnumbered with no stop, as the outline writes it, before a capital or a
    numbered list's first number ("References 1. …"). Made only for a title some paragraph
    holds: most hold none, and a book's outline has hundreds of items, each a pattern to
    compile."""
    bare_pattern = rf"|^({re.escape(title)}) (?=[A-Z]|\[?\d{{1,3}}[.\]] )" if bare else ""
    return re.compile(
        rf"(?:^|(?<=[.!?] ))((?:{_RUN_IN_NUMBER})[.)]\s+(?i:{re.escape(title)}))(?: (?=\S)|$)"
        rf"|^({re.escape(title)})[.:] (?=\S){bare_pattern}"
    )


class _Searchable:
    """The paragraphs of later pages (page 1's lines, read with their styles, are left out)
    joined, as printed and in lowercase, so that the few an outline item may be run into are
    found by ``str.find`` in C: going through every paragraph for each item, each lowercased
    again, cost a book (hundreds of items, tens of thousands of paragraphs) a third of its
    reading, and IEEE Xplore's outline (its figures are items that head no line) as much. A
    paragraph split is replaced by its pieces, the rest kept as it is."""

    def __init__(self, lines: list[Line]) -> None:
        self._texts = ["" if line.styled else line.text for line in lines]
        self._lowers = [text.lower() for text in self._texts]
        self._later = [not line.styled for line in lines]
        self._join()

    def split(self, index: int, pieces: list[Line]) -> None:
        """Paragraph ``index`` is now ``pieces``."""
        self._texts[index : index + 1] = [piece.text for piece in pieces]
        self._lowers[index : index + 1] = [piece.text.lower() for piece in pieces]
        self._later[index : index + 1] = [True] * len(pieces)
        self._join()

    def holding(self, lowered: str, lead: str) -> list[int]:
        """The indices, in order, of the paragraphs that start with ``lead`` (if any) or hold
        ``lowered`` in their lowercase."""
        if not lowered:  # in every paragraph
            return list(itertools.compress(itertools.count(), self._later))
        found = set(_found_in(self._lower, lowered, self._lower_starts))
        if lead:
            found.update(_found_in(self._text, "\n" + lead, self._starts, shift=1))
        return sorted(found)

    def _join(self) -> None:
        self._text, self._starts = _joined(self._texts)
        self._lower, self._lower_starts = _joined(self._lowers)


def _joined(texts: list[str]) -> tuple[str, list[int]]:
    """``texts`` each after a newline, in one string, and where each starts in it (counted in C:
    a book has tens of thousands)."""
    ends = itertools.accumulate(map(len, texts), initial=0)  # of the texts alone, then a newline each
    starts = list(map(operator.add, ends, itertools.count(1)))[:-1]
    return "\n" + "\n".join(texts), starts


def _found_in(text: str, needle: str, starts: list[int], shift: int = 0) -> list[int]:
    """The indices of the texts (starting at ``starts`` in ``text``) that ``needle`` is found in,
    ``shift`` characters after the place it is found at."""
    indices = []
    place = text.find(needle)
    while place >= 0:
        indices.append(bisect.bisect_right(starts, place + shift) - 1)
        place = text.find(needle, place + 1)
    return indices


def led_by_numbered_item(toc: list[list[Any]]) -> Callable[[str], bool]:
    """Whether a paragraph starts with one of the outline's numbered items as printed (see
    ``_numbered_lead``)."""
    titles: dict[str, list[str]] = {}
    for item in toc:
        if len(item) >= 2 and (number := _lead_number(title := outline_title(str(item[1])))):
            titles.setdefault(number, []).append(title)
    return lambda text: any(_numbered_lead(text, title) for title in titles.get(text.split(" ", 1)[0], ()))


def _lead_number(title: str) -> str:
    """The number (or appendix letter) of an outline item looked for at a paragraph's start as
    printed (``_numbered_lead``), or "" for an item without one."""
    return title.split()[0] if is_numbered(title) or APPENDIX_LETTER.match(title) else ""


def _numbered_lead(text: str, title: str) -> str | None:
    """The numbered outline item ``title`` at the start of a paragraph's ``text``, as printed (in
    capitals, with curly quotes where the outline has TeX's): its words up to where their letters
    are the title's, before the paragraph's next word ("2 TEMPLATE OVERVIEW As noted …", "12.1 The
    “Teaser Figure” A teaser …", ACM's journals, whose headings mupdf reads in their paragraph's
    block); None when it does not start so."""
    key, words = heading_key(title), text.split(" ")
    if len(key) < _LEAD_KEY_LEAST:  # a title in letters beyond ASCII has no key to compare
        return None
    for end in range(2, min(len(words), len(title.split()) + 2)):
        lead = " ".join(words[:end])
        if heading_key(lead) == key:
            after = words[end]  # a sentence's or subsection's start, not a lowercase go-on or a
            # contents entry's page number ("A Documents juridiques 79")
            return lead if not (after[:1].islower() or after.isdigit()) else None
    return None


APPENDIX_LETTER = re.compile(r"[A-H] [A-Z]")
"""An appendix's letter before its title, as LaTeX numbers it: in acmart's outline ("A
Performance Data"), on the page ("B Supplementary Proofs for Section 4", PODS 2025)."""


_LEAD_KEY_LEAST = 3
"""Letters of an outline item's key, at least, for it to be looked for at a paragraph's start."""


def outline_title(title: str) -> str:
    """An outline item's title without the number IEEE's classes put before it ("I
    Introduction", "II-A Fourier Invariance …", where the page prints "I. INTRODUCTION" and "A.
    Fourier Invariance …")."""
    return _OUTLINE_NUMBER.sub("", title.strip())


_RUN_IN_NUMBER = r"[IVXLC]+|[A-Z]|\d{1,2}(?:\.\d{1,2})*"
"""The number before a heading run into its paragraph: "VI.", "A.", "2.1.", "1)"."""


_OUTLINE_NUMBER = re.compile(r"^[IVXLC]+(?:-[A-Z]\d*)?\s+(?=\S)")
"""The number IEEE's classes put before an outline item's title ("II-A ")."""


def _first_match(lines: list[Line], candidates: list[int], page: int) -> list[int]:
    """Of the lines whose text is a TOC item, the one on the item's page, else next to it (the
    page may be off by one); a numbered one (the title's line "NONSTATIONARY GABOR FRAMES" on
    page 1 is not "2. NONSTATIONARY GABOR FRAMES"); the larger type, else the first (running
    headers repeat items)."""
    near = [i for i in candidates if abs(lines[i].page - page) <= 1]
    return (
        [
            min(
                near,
                key=lambda i: (abs(lines[i].page - page), not is_numbered(lines[i].text), -lines[i].size, i),
            )
        ]
        if near
        else []
    )

"""A paper's running heads and feet: short lines repeated on many pages (page numbers folded),
a stamp repeated word for word, "Page 2 of 14", and a later page's head that names the paper's
authors or title. Not text."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from papersum.pdflines import Line, page_one
from papersum.pdfnames import is_lone_name


def drop_running_lines(lines: list[Line], pages: int) -> list[Line]:
    """Remove running headers and footers: short lines repeated on many pages (page numbers
    folded), and a long stamp repeated word for word (IEEE Xplore's "Authorized licensed use
    limited to: … Downloaded on … Restrictions apply.", a publisher's "Downloaded from …").
    A page's "Page 2 of 14", and a number alone as a page's first or last line (its page number),
    go on any paper, however short; so does a head naming the section a page is in, with its
    number (``_without_section_heads``), and PLOS's placeholders ("a1111111111", five of them
    under page 1's abstract, an image's alternative text)."""
    ends = {i for a, b in _page_spans(lines) for i in (a, b - 1)}
    lines = [
        line
        for i, line in enumerate(lines)
        if not (line.text[:5] == "Page " and _PAGE_OF.fullmatch(line.text))
        and not (i in ends and len(line.text) <= _PAGE_NUMBER_MOST and line.text.isdigit())
        and not (line.text[:2] == "a1" and _PLACEHOLDERS.fullmatch(line.text))
    ]
    return _without_section_heads(_without_repeated(lines, pages))


def _without_repeated(lines: list[Line], pages: int) -> list[Line]:
    """Without the lines repeated on many pages, and page 1's copy of them."""
    if pages < 3:
        return lines
    short = _running_keys([line.text if len(line.text) < 90 else "" for line in lines])
    keys = [
        key or (line.text if len(line.text) < _STAMP_MOST else "")
        for key, line in zip(short, lines, strict=True)
    ]
    edges = _page_edges(lines)
    _long_heads_folded(lines, keys, short, edges, pages)
    on_pages = {(key, line.page) for key, line in zip(keys, lines, strict=True) if key}
    threshold = max(3, pages // 2)
    running = {key for key, count in Counter(key for key, _page in on_pages).items() if count >= threshold}
    # a head or foot set on every other page (odd pages "Frontiers 3", even pages the authors')
    # stands at its pages' top or bottom: there, half the pages after the first are enough
    at_edges = Counter(key for key, page in {(keys[i], lines[i].page) for i in edges} if key)
    running |= {key for key, count in at_edges.items() if count >= max(2, (pages - 1) // 2)}
    # or but for one page in twenty that lacks it (a float's page, an OCR layer's misreading:
    # JACM's "296 C. DWORK ET AI,." among its sixteen "C. DWORK ET AL."): then only its copies
    # at later pages' edges in its usual style go, not the heading it names, bold over its text
    # ("6 Application Version and …" under the head "6 APPLICATION VERSION AND …"), nor
    # page 1's title
    least = max(2, (pages - 1) // 2 - pages // _PAGES_A_HEAD_MAY_MISS)
    if nearly := {key for key, count in at_edges.items() if count >= least} - running:
        lines, keys = _without_nearly_running(lines, keys, nearly, edges)
    if not running:
        return lines
    # page 1 is read line by line: its copy of a running footer is a block of several lines
    blocks: dict[int, list[str]] = {}
    for line in lines:
        if line.styled:
            blocks.setdefault(line.block, []).append(line.text)
    joined = {block: " ".join(texts) for block, texts in blocks.items()}
    # ... and it has no page number, which mupdf reads into later pages' copies ("To appear in
    # OSDI 2006 2"): one with a number of its own at an end (a year) is compared without
    # those numbers (not a name or a title, which later pages' heads repeat beside the page's)
    unpaged = {_UNPAGED.sub("", key) for key in running}
    footer_blocks = {
        b
        for b, text in joined.items()
        if {text, key := _running_key(text)} & running
        or ((bare := _UNPAGED.sub("", key)) != key and bare in unpaged)
    }
    # the title on page 1, in its large type, is no running head though later pages repeat it
    # (JMLR's "CLUSTERING WITH BREGMAN DIVERGENCES" over its odd pages), nor the author's name
    # right under it (Bagwell's "Phil Bagwell", over every other page)
    middle = _page_one_size(lines)
    title_size = middle + _TITLE_LARGER if middle is not None else 0.0
    byline, bold_title = _name_under_title(lines), _bold_title(lines, keys, running)
    return [
        ln
        for i, (key, ln) in enumerate(zip(keys, lines, strict=True))
        if (ln.styled and ln.size >= title_size)
        or i in (byline, bold_title)
        or (key not in running and not (ln.styled and ln.block in footer_blocks))
    ]


def _long_heads_folded(
    lines: list[Line], keys: list[str], short: list[str], edges: list[int], pages: int
) -> None:
    """Key the long lines (90 characters and more) at later pages' edges with their numbers
    folded, as a short line's are, where so keyed they stand on half the pages after the first
    and three at least: a head or foot with its page's number (USENIX's "250 11th USENIX
    Symposium on Operating Systems Design and Implementation (OSDI '14) USENIX Association",
    left and right; a web archive's "Page 2 of 14 https://web.archive.org/…"; a long title
    over odd pages). Elsewhere a long line is running only when repeated word for word (IEEE
    Xplore's stamp): a sentence of the body may differ from another by a number alone."""
    folded = {
        i: _running_key(lines[i].text) for i in edges if keys[i] and not short[i] and not lines[i].styled
    }
    pages_of = Counter(key for key, _page in {(key, lines[i].page) for i, key in folded.items()})
    for i, key in folded.items():
        if pages_of[key] >= max(3, (pages - 1) // 2):
            keys[i] = key


def _name_under_title(lines: list[Line]) -> int:
    """The index of the line of page 1 right under its largest type that is one person's name,
    or -1."""
    first = page_one(lines)
    largest = max((line.size for line in first), default=0.0)
    return next(
        (
            i
            for i in range(1, len(first))
            if first[i - 1].size == largest and first[i].size < largest and is_lone_name(first[i].text)
        ),
        -1,
    )


def _bold_title(lines: list[Line], keys: list[str], running: set[str]) -> int:
    """The index of page 1's first bold line that later pages repeat, in plain type, as their
    running head, or -1: a title in the body's size, in bold (TUGboat's "The Multibibliography
    Package", its heads in roman). Later pages are looked through only for such a line's key."""
    first = [i for i, line in enumerate(page_one(lines)) if line.styled and line.bold and keys[i] in running]
    if not first:  # most papers: no bold line of page 1 is a running head
        return -1
    wanted = {keys[i] for i in first}
    bold_later = {
        key for key, line in zip(keys, lines, strict=True) if key in wanted and not line.styled and line.bold
    }
    return next((i for i in first if keys[i] not in bold_later), -1)


_PAGES_A_HEAD_MAY_MISS = 20
"""Of so many pages, one may lack a running head set on every other page."""


def _without_nearly_running(
    lines: list[Line], keys: list[str], nearly: set[str], edges: list[int]
) -> tuple[list[Line], list[str]]:
    """``lines`` and their ``keys`` without the copies, at later pages' ``edges``, of the heads
    ``nearly`` running, in each one's usual style (type size and weight)."""
    at_edges = [i for i in edges if keys[i] in nearly and not lines[i].styled]
    styles = Counter((keys[i], lines[i].size, lines[i].bold) for i in at_edges)
    usual: dict[str, tuple[float, bool]] = {}
    for (key, size, bold), _count in styles.most_common():
        usual.setdefault(key, (size, bold))
    drop = {i for i in at_edges if usual[keys[i]] == (lines[i].size, lines[i].bold)}
    kept = [i for i in range(len(lines)) if i not in drop]
    return [lines[i] for i in kept], [keys[i] for i in kept]


def _without_section_heads(lines: list[Line]) -> list[Line]:
    """Without the lines at a later page's top or foot that repeat an earlier line with the
    page's number beside it: a thesis's or a book's running head naming the section or chapter
    it is in ("2.3 Fat-Tailed Distribution of Returns 9" over a page of section 2.3), which
    changes with it and so is not repeated on many pages; one of a word on two pages at least
    ("138 BIBLIOGRAPHY", "BIBLIOGRAPHY 139": each a section of references)."""
    ends = {i for a, b in _page_spans(lines) for i in (a, b - 1)}
    paged = {i: found for i in ends if not lines[i].styled and (found := _PAGED.fullmatch(lines[i].text))}
    if not paged:
        return lines
    # a head with the number first ("8 Lazy Evaluation") on two pages at least, with the number
    # first or last: not a chapter's title at a page's top ("2 Guia de utilização"), whose name
    # the contents gave before
    named_on = Counter((found[2] or found[1]).casefold() for found in paged.values())
    texts = [line.text for line in lines]
    first = dict(zip(reversed(texts), range(len(texts) - 1, -1, -1), strict=True))  # where each is first
    heads = set()
    for i, found in paged.items():
        head = found[2] or found[1]
        named = head.casefold()
        cases = (head, head.capitalize(), head.title())  # "BIBLIOGRAPHY 139" under "Bibliography"
        if (
            min(first.get(case, i) for case in cases) < i
            and (found[1] or named_on[named] > 1)
            and (len(named.split()) >= _HEAD_WORDS_LEAST or named_on[named] > 1)  # a word: on 2 pages
        ):
            heads.add(i)
    return [line for i, line in enumerate(lines) if i not in heads] if heads else lines


_PAGED = re.compile(r"(\S.*?) \d{1,4}|\d{1,4} (\S.*)")
_HEAD_WORDS_LEAST = 2


_UNPAGED = re.compile(r"^(?:# )+|(?: #)+$")
"""A running key's numbers at its ends: a page's number, and a year or volume beside it."""


_PLACEHOLDERS = re.compile(r"a1{10}(?: a1{10})*")
"""PLOS's placeholders for the marks on page 1 ("a1111111111"), read as text."""


_PAGE_OF = re.compile(r"Page \d{1,4} of \d{1,4}")
"""A page's number and the paper's pages, as Elsevier's ``cas`` classes and word processors
print them at the foot."""


def _page_spans(lines: list[Line]) -> list[tuple[int, int]]:
    """Where each page's lines start and end (the end past its last), page by page."""
    starts = [0, *(i for i in range(1, len(lines)) if lines[i].page != lines[i - 1].page)]
    return [(a, b) for a, b in itertools.pairwise([*starts, len(lines)]) if b > a]


def _page_edges(lines: list[Line]) -> list[int]:
    """The indices of each page's first two and last two lines (paragraphs after page 1)."""
    tops, feet = _tops_and_feet(lines)
    return tops + feet


def _tops_and_feet(lines: list[Line]) -> tuple[list[int], list[int]]:
    """The indices of each page's first two lines, and of its last two (not its first)."""
    tops: list[int] = []
    feet: list[int] = []
    for a, b in _page_spans(lines):
        tops += range(a, min(a + 2, b))
        feet += range(max(a + 2, b - 2), b)
    return tops, feet


_PAGE_NUMBER_MOST = 3
"""Digits of a page's number, at most (not a title page's year alone, "2024")."""


_TITLE_LARGER = 2.0
"""Points by which a title is larger than most of page 1's type, at least."""


_STAMP_MOST = 400
"""Characters of a stamp repeated on every page, at most: longer repeats are no stamp."""


_DIGITS = re.compile(r"\d+")


def _running_key(text: str) -> str:
    """A short line's text in lowercase, each run of digits one "#" (page numbers change); a
    line of ASCII with no digit (most of them) is told in C first: a regex call costs more."""
    lower = text.lower()
    if lower.isascii() and len((data := lower.encode()).translate(None, b"0123456789")) == len(data):
        return lower
    return _DIGITS.sub("#", lower)


def _running_keys(texts: list[str]) -> list[str]:
    """``_running_key`` of each of ``texts``: of all of them joined, split again (a call for
    each of a paper's thousands of lines costs more). A text holding the separator is keyed
    alone."""
    joined = "\x00".join(texts)
    if joined.count("\x00") != len(texts) - 1:
        return [_running_key(text) for text in texts]
    return _running_key(joined).split("\x00")  # a NUL is not a letter: each case as alone


def without_running_heads(lines: list[Line], title: str, authors: list[str]) -> list[Line]:
    """Without a later page's running head that names the paper's authors or title ("Ana Lima
    and Ben Ortiz", "Lima et al.", as ACM sets them; "2 ANA LIMA AND BEN ORTIZ", amsart; "2 A.
    Lima and B. Ortiz", LNCS), the title or its first words in plain type (a short title,
    "Seeing the Bow" of "Seeing the Bow: Motion Cues for …", as Elsevier's ``cas`` classes set
    it), the proceedings and their year ("Proceedings of the 27th ISMIR Conference, …, 2026") or
    the journal as page 1's small type names it ("2 Psychology of Music 54(3)", SAGE's):
    a short paper has too few pages for the head to be found repeated. ACM's conferences name all
    the authors after the venue. Only the first and last two paragraphs of a page are looked at,
    and of the last two those with no text under them: a foot ends its page but for its number
    (not section 3 of ICLR 2017's "Training deep neural networks using a noise adaptation layer",
    "3 TRAINING DEEP NEURAL NETWORKS USING A NOISE ADAPTATION LAYER", over its page's last text)."""
    names = {word for author in authors for word in _WORDS.findall(author.lower())}
    surnames = [words[-1] for author in authors if (words := _WORDS.findall(author.lower()))]
    initials = {word[0] for word in names}  # LNCS's "2 A. Lima and B. Ortiz"
    heading = " ".join(_WORDS.findall(title.lower()))
    tops, feet = _tops_and_feet(lines)
    edges = {i for i in tops if lines[i].page} | {
        i for i in feet if lines[i].page and not _text_under(lines, i)
    }
    masthead = _masthead(lines)

    def is_head(line: Line) -> bool:
        words = _unnumbered_words(line.text)  # page numbers left out
        named = set(words) & names
        by_authors = len(words) >= 2 and bool(named) and set(words) <= names | initials | {"and", "et", "al"}
        # after the proceedings' name ("MM '26, October 2026, Rio de Janeiro, Brazil Ana Lima, Ben
        # Ortiz, and Emi Tanaka", ACM's conferences): every author of two or more named, the
        # last one last (a sentence naming them goes on)
        listed = len(surnames) >= 2 and set(surnames) <= named and words[-1] == surnames[-1]
        by_authors = by_authors or listed
        said = " ".join(words)
        # in bold it is the title again over the text (APA's manuscripts), not a head
        by_title = not line.bold and (said == heading or heading.startswith(f"{said} "))
        # "2 Psychology of Music 54(3)", SAGE's; not a heading, which page 1's contents may list
        in_masthead = len(words) >= 2 and not line.bold and said in masthead
        return (
            by_authors
            or (len(words) >= 3 and by_title)
            or in_masthead
            or _PROCEEDINGS.match(line.text) is not None
        )

    heads = {i for i in edges if len(lines[i].text) < _FOOT_MOST and is_head(lines[i])}
    return [line for i, line in enumerate(lines) if i not in heads] if heads else lines


def _text_under(lines: list[Line], index: int) -> bool:
    """Whether the paragraph after line ``index`` on its page is text: long as no page's foot is."""
    after = lines[index + 1] if index + 1 < len(lines) else None
    return after is not None and after.page == lines[index].page and len(after.text) >= _FOOT_MOST


_FOOT_MOST = 120
"""Characters of a running head or foot, at most."""


_WORDS = re.compile(r"\w+")


def _masthead(lines: list[Line]) -> set[str]:
    """Page 1's short lines in small type (a journal's box: "Psychology of Music", "2026, Vol.
    54(3) 1–2"), as a head is compared with them: lowercase words, numbers left out."""
    middle = _page_one_size(lines)
    if middle is None:
        return set()
    return {
        " ".join(_unnumbered_words(line.text))
        for line in page_one(lines)
        if line.styled
        and line.size < middle - _MASTHEAD_SMALLER
        and len(line.text) <= _MASTHEAD_LONGEST
        and not _CONTENTS_ENTRY.match(line.text)
    }


def _unnumbered_words(text: str) -> list[str]:
    """``text``'s words in lowercase, its numbers left out (a page's, a volume's)."""
    return [word for word in _WORDS.findall(text.lower()) if not word.isdigit()]


def _page_one_size(lines: list[Line]) -> float | None:
    """The middle type size of page 1's lines (those read with their size), or None."""
    sizes = sorted(line.size for line in lines if line.styled)
    return sizes[len(sizes) // 2] if sizes else None


_CONTENTS_ENTRY = re.compile(r"(?:\d+\.)*\d+\.?\s+\S")
"""A numbered entry of a table of contents ("2.2 Document preamble 3"), which names a heading."""


_MASTHEAD_SMALLER = 1.0
"""Points under most of page 1's type that make a line of it small type."""


_MASTHEAD_LONGEST = 60
"""Characters of a line of a journal's box, at most (a journal's name, its volume)."""


_PROCEEDINGS = re.compile(r"(?:Proceedings of|Proc\. of) the .{4,100}\b(?:19|20)\d\d\.?$")
"""A head naming the proceedings and their year (ISMIR's over every page after the first)."""

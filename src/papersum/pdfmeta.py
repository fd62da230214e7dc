"""A paper's title and authors from its first page and the PDF's own metadata (its year: ``pdfyear``)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any

from papersum.pdfabstract import ABSTRACT
from papersum.pdffields import BAD_TITLE_FIELD, title_field, venue_apart
from papersum.pdfflow import ends_sentence
from papersum.pdflines import Line, page_one
from papersum.pdfnames import (
    AFFILIATION,
    AUTHOR_CELL_MOST,
    INSTITUTION,
    is_lone_name,
    names_in_capitals,
    names_in_capitals_alone,
    split_names,
)

_HONORIFIC = re.compile(
    r"\b(prof|dott|dr|chiar\.?mo|ing|supervisor|advisor|relatore|correlatore|editor|edited|communicated)\b\.?",
    re.I,
)
"""A name so titled on a title page is a supervisor's or examiner's, not the author's; a
journal's editor ("Editor: John Lafferty", JMLR) neither."""


def choose_title(
    metadata: dict[str, Any], lines: list[Line], title_lines: list[int], *, scan: bool = False
) -> str:
    """The metadata title when it is plausible and printed on page 1 (or holds all the page's
    title shows, and more, or, on a ``scan``'s text layer, all but a letter or two), else the
    largest text on page 1 (also when that holds the metadata title and more: a title cut
    short)."""
    meta = title_field(metadata)
    page_title = _page_title(lines, title_lines)
    title, venue = venue_apart(meta)  # IEEE Xplore's "Sparse partitions - Foundations of Computer
    if venue and letters(title) == letters(page_title) and letters(venue) not in _printed_on_page_one(lines):
        return page_title  # Science, 1990. Proceedings., …", the venue not on the page
    if len(meta) >= 8 and not BAD_TITLE_FIELD.search(meta):
        # a template's ("Paper Title (use style: paper title)"), an old draft's or an arXiv
        # identifier is not on the page; a title cut short is less than the page's
        printed, shown = letters(meta), letters(page_title)
        if shown and shown in printed and (" " in meta or printed == shown):  # a file's name
            return meta  # ("AuditoryToolboxTechReport") holds a title but is none
        if printed not in shown and printed in _printed_on_page_one(lines):
            return meta
        if scan and _misread(printed, shown):  # OCR's "Using Fkactals" for "Using Fractals"
            return meta
    return page_title


def _misread(typed: str, read: str) -> bool:
    """Whether ``read`` (a title's ``letters`` on a scan's page 1) is ``typed`` (the metadata's)
    with a letter or two read wrong: as long, one letter in thirty at most."""
    from rapidfuzz.distance import Levenshtein

    return len(typed) == len(read) and Levenshtein.distance(typed, read) <= len(typed) // _OCR_LETTERS


_OCR_LETTERS = 30
"""Letters of a title for each that OCR may have misread."""


def lines_printing(lines: list[Line], title: str) -> list[int]:
    """The lines of page 1 that print ``title`` one after the other (an INRIA report's, under
    its cover's "Rapport de recherche" in larger type, when the metadata's title is chosen);
    none if no run of lines does."""
    wanted = letters(title)
    first_page = page_one(lines)
    for start, line in enumerate(first_page):
        found = letters(line.text)
        if not found or not wanted.startswith(found):
            continue
        end = start + 1
        while len(found) < len(wanted) and end < len(first_page):
            found += letters(first_page[end].text)
            end += 1
        if found == wanted:
            return list(range(start, end))
    return []


def letters(text: str) -> str:
    """``text``'s letters and digits in lowercase, for telling whether one text is in another
    however it is broken into lines and hyphenated."""
    return _NOT_ALPHANUMERIC.sub("", text.lower())


_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


def _printed_on_page_one(lines: list[Line]) -> str:
    """Page 1's ``letters``: what a metadata field must be found in to be believed."""
    return letters(" ".join(line.text for line in page_one(lines)))


def _page_title(lines: list[Line], title_lines: list[int]) -> str:
    return joined_title([lines[i].text.strip() for i in title_lines])


TITLE_STOPS = frozenset(":;,.?!")
"""A stop or colon a title's line may start with, which mupdf read apart from the words before it:
joined to them with no space."""


def joined_title(printed: list[str]) -> str:
    """A title from its lines as page 1 prints them; one in capitals lowercased after its first
    letter (``title_as_written`` gives back the capitals of its names)."""
    title = ""
    for text in printed:
        if text[:2] == ". " and text[2:3].isupper():  # a speck an OCR layer read as a stop
            text = text[2:]  # (". Database Maintenance" under "Epidemic Algorithms for Replicated")
        # a title is not hyphenated: a line that ends with a hyphen breaks a compound ("Same-")
        title += text if re.search(r"\w-$", title) or text[:1] in TITLE_STOPS else f" {text}"
    # less a footnote's mark on its last word ("… in Spatial Data Structures*", "The showtags
    # package∗"), not an algorithm's star ("Bidirectional A*")
    title = _TITLE_MARK.sub("", title.strip())
    if title.isupper():
        title = title[:1] + title[1:].lower()
    return title


_TITLE_MARK = re.compile(r"(?<=[^\W_]{2})[*∗†‡]+$")
"""A footnote's mark glued to a title's last word of two letters or more."""


def _in_full(name: str, lines: list[Line]) -> str:
    """``name`` as page 1 prints it in full when the PDF's author field gives its initials only
    ("A. Lima", ISMIR's ``\\authorname``, where page 1 prints "Ana Lima")."""
    initials = _INITIALS.fullmatch(name)
    if not initials:
        return name
    first, surname = initials[1][0], initials[2]
    full = re.compile(rf"\b({first}[^\W\d_]+(?:[ -][A-Z][^\W\d_]+)*) {re.escape(surname)}\b")
    for line in page_one(lines):
        if surname in line.text and (found := full.search(line.text)):
            return f"{found[1]} {surname}"
    return name


_INITIALS = re.compile(r"((?:[A-Z]\.[ -]?)+) ?([A-Z][^\s.]+(?: [A-Z][^\s.]+)*)")
"""A name of initials and a surname: "A. Lima", "J.-C. Risset", "M. E. P. Davies"."""


ARTICLE_KIND = re.compile(
    r"(?:(?:original|research|review|short|brief|full|regular|technical|invited|position|product|white)\s+)*"
    r"(?:article|paper|report|communication|letter|note|contribution|draft|preprint|manuscript|brief"
    r"|whitepaper|datasheet)",
    re.IGNORECASE,
)
"""The kind of article a journal prints over its title (or its authors, in Taylor & Francis's
article type: "REVIEW DRAFT"; "Position Paper" under a title; NVIDIA's "Product Brief"): no title,
no author."""


_NOT_A_PERSON = re.compile(
    r"\d|@|template|anonymous|\b(?:services?|users?|admin|administrator|owner|staff|office|team)\b", re.I
)
"""A metadata author that is no person: a template's, an account's, a department's (the Akamai
paper's "End User Computing Services", whose last word page 1 prints as a word)."""


def find_authors(
    metadata: dict[str, Any], lines: list[Line], title_lines: list[int], body_size: float
) -> list[str]:
    # Interspeech's class writes each name as BibTeX would: "Saurabh {Kumar}; Amartyaveer {}"
    meta = " ".join(str(metadata.get("author") or "").replace("{", " ").replace("}", " ").split())
    if meta and not _NOT_A_PERSON.search(meta):
        # names whose surnames are on page 1: not a review copy's "Anonymous Submission" or the
        # account that saved the file ("jdoe", "Windows User"); a name of one word, as many
        # Indian and Indonesian names are, is believed when the page prints it too
        named = split_names(meta, one_word=True)
        # not the affiliation some fields name after the authors ("…, John Ousterhout; Stanford
        # University", Raft's)
        named = [name for name in named if not AFFILIATION.search(name)]  # which holds INSTITUTION
        printed = _printed_on_page_one(lines)
        if named and all(letters(name.split()[-1]) in printed for name in named):
            named = [_in_full(name, lines) for name in named]
            # Elsevier's and Taylor & Francis's field names the first author alone: the page's
            # names when they lead with it, on lines of names ("G. Bucsa , F. Jovanovic ∗, C. …")
            # or on lines of their own one under the other (acmart's "Patrick H. Chen" /
            # "Wei-Cheng Chang" / …); not a thesis's "Alex A. Wiseguy" over "Universal Computing"
            page = _page_authors(lines, title_lines, body_size) if len(named) == 1 else []
            if len(page) > 1 and letters(page[0].split()[-1]) == letters(named[0].split()[-1]):
                texts = [ln.text for ln in page_one(lines)]
                listed = [text for text in _name_lists(texts) if len(split_names(text)) > 1]
                if all(any(name in text for text in listed) for name in page) or _one_under_another(
                    page, texts
                ):
                    return page
            return named
    return _page_authors(lines, title_lines, body_size)


def _name_lists(texts: list[str]) -> list[str]:
    """Page 1's lines, a list of names set over several lines joined: the line after one that
    ends with "," or "&" or starts with one, or a name alone after names ("Mattia Zanzi,
    Francesco G. Rinaldi" / ", Silene Fornasaro, Eugenio Piasini" / "Davide Zoccolan"), past the
    affiliations' marks read as lines ("1,2")."""
    joined: list[str] = []
    for text in texts:
        if _MARKS.fullmatch(text):
            continue
        if joined and (
            text.lstrip(_MARK_SIGNS + " ").startswith((",", "&"))
            or _MARK_BEFORE_NAMES.match(text)
            or joined[-1].endswith((",", "&", " and"))
            or (is_lone_name(text) and len(split_names(joined[-1])) > 1)
        ):
            joined[-1] = f"{joined[-1]} {text}"
        else:
            joined.append(text)
    return joined


_MARK_SIGNS = "*∗†‡§¶✉☯"
"""Signs that mark a name's affiliation or its corresponding author, besides numbers."""
_MARKS = re.compile(rf"[\d,{_MARK_SIGNS} ]+")
"""A line of affiliation marks alone."""


def _one_under_another(names: list[str], texts: list[str]) -> bool:
    """Whether ``names`` are page 1's lines, each a line of its own, the first two one under the
    other (a table of authors' first row: "Patrick H. Chen" / "Wei-Cheng Chang" / …)."""
    start = texts.index(names[0]) if names[0] in texts else -1
    return start >= 0 and texts[start : start + 2] == names[:2] and all(name in texts for name in names)


def _page_authors(lines: list[Line], title_lines: list[int], body_size: float) -> list[str]:
    """The names page 1 prints under its title."""
    if not title_lines:
        return []
    under_title = lines[title_lines[-1] + 1 : title_lines[-1] + 6]
    for line in lines[title_lines[-1] + 6 : title_lines[-1] + _AUTHOR_LINES_MOST]:
        # more names, each with its affiliation and address in short lines below it: a word
        # processor's table of authors (ISMIR's, ACM's), read cell by cell
        if line.page != 0 or len(line.text) > AUTHOR_CELL_MOST:
            break
        if ends_sentence(line.text) and len(line.text.split()) >= _SENTENCE_WORDS_LEAST:
            break  # a sentence: the text has begun (not "Austin, TX 78712, USA.", an address)
        under_title.append(line)
    smallest = body_size - 0.5
    page_chars = sum(len(ln.text) for ln in page_one(lines))
    if sum(len(lines[i].text) for i in title_lines) * 5 >= page_chars:  # a title page (a thesis, a report)
        sizes = Counter(ln.size for ln in under_title if ln.page == 0)
        smallest = min(smallest, sizes.most_common(1)[0][0] - 0.5) if sizes else smallest
    found: list[tuple[float, list[str]]] = []  # each line's type size and names
    for line in under_title:
        if line.page != 0 or ABSTRACT.match(line.text) or len(line.text) > 120:
            break
        if line.size < smallest or _HONORIFIC.search(line.text) or ARTICLE_KIND.fullmatch(line.text):
            continue
        # a name with its e-mail in brackets (Kluwer's: "Inderjit S. Dhillon (inderjit@…)")
        text = _MAIL_IN_BRACKETS.sub("", line.text) if "@" in line.text else line.text
        if text[:1].isdigit():  # the last name's mark, then the next (Nature's "2, Michael …")
            text = _MARK_BEFORE_NAMES.sub("", text)
        if not AFFILIATION.search(text):  # not an institute's acronym ("INESC TEC, Porto")
            found.append((line.size, [name for name in split_names(text) if not name.isupper()]))
        else:  # ACM's journals: "ANA LIMA and BEN ORTIZ, Example University, Portugal"
            found.append((line.size, names_in_capitals(text)))
    # ACM's older journals: each name in capitals alone over its affiliation ("DIMITRIS PAPADIAS"
    # / "Hong Kong University of …", "GREG FU" / "JP Morgan Chase"), two at least
    capitals = names_in_capitals_alone([ln.text for ln in under_title if ln.page == 0])
    names = capitals if len(capitals) >= 2 else _in_the_names_type(found, under_title)
    if not names and len(lines) > title_lines[-1] + 1:
        # amsart sets the authors in small capitals under the title, smaller than the body;
        # IEEE Access in capitals, each with its grade ("ANA LIMA, (Member, IEEE), BEN …")
        below = lines[title_lines[-1] + 1]
        text = _IEEE_GRADE.sub("", below.text) if "IEEE" in below.text else below.text
        # and ACM's journals, "and" before the last in lowercase ("IHAB F. ILYAS, GEORGE
        # BESKALES, and MOHAMED A. SOLIMAN", ACM Computing Surveys)
        if below.page == 0 and text.replace(" and ", " AND ").isupper() and not AFFILIATION.search(text):
            names = [name.title() for name in split_names(text)]
        elif below.page == 0 and not INSTITUTION.search(text):  # marks' digits: no address
            # names in smaller type than the body right under the title, with commas between
            # them (DeepMind's: "Soham De* 1, Samuel L. Smith* 1, Anushan Fernando, …" in 9 pt),
            # over the lines after it in its type too (PLOS's, in 9 pt: "Elaine A. Ferguson" /
            # "*, Ahmed Lugelo, …")
            same = itertools.takewhile(
                lambda ln: ln.page == 0 and abs(ln.size - below.size) < _SAME_SIZE and _more_names(ln.text),
                lines[title_lines[-1] + 2 : title_lines[-1] + _NAME_LINES_MOST + 1],
            )
            text = " ".join([text, *(ln.text for ln in same)])
            listed = "," in text or " and " in text  # "Benoît Frénay and Ata Kabán" (ESANN's, 9 pt)
            small = [name for name in split_names(text) if not name.isupper()] if listed else []
            names = small if len(small) >= 2 else []
            if not names and below.bold and is_lone_name(text):  # ;login:'s one name, small and bold
                names = [text]
    return list(dict.fromkeys(names))  # once each: a repository's cover cites them again


_IEEE_GRADE = re.compile(r"\((?:(?:Graduate |Student |Senior |Life )*)(?:Member|Fellow)(?:,\s*IEEE)?\)", re.I)
"""An IEEE membership grade after a name, in brackets: "(Member, IEEE)", "(Life Fellow, IEEE)"."""


def _in_the_names_type(found: list[tuple[float, list[str]]], under_title: list[Line]) -> list[str]:
    """The names of ``found`` (each line's type size and names), those in the names' type when
    the names are set larger than their affiliations (ACM's 12 pt names over 10 pt lines:
    "Inria Paris-Rocquencourt" is no author)."""
    largest = max((size for size, names in found if names), default=0.0)
    others = [ln.size for ln in under_title if ln.page == 0 and ln.size < largest - _NAME_LARGER]
    if len(others) >= len(under_title) / 3:  # most lines that are no name's are smaller
        found = [(size, names) for size, names in found if size >= largest - _NAME_LARGER]
    return [name for _size, names in found for name in names]


def _more_names(text: str) -> bool:
    """Whether a line under a line of names may go on with names: no address, no sentence's or
    note's end, no word alone (an organisation's name: "DeepSeek-AI"), no name in another
    script (a translation's, set under the names)."""
    if AFFILIATION.search(text) or text.rstrip().endswith("."):  # AFFILIATION holds INSTITUTION
        return False
    if len(text.split()) < 2 and not text.rstrip().endswith(","):
        return False
    return all(char < "\u2e80" for char in text)  # not CJK


_SAME_SIZE = 0.2
"""Points by which lines of one type size may differ as read."""

_NAME_LINES_MOST = 8
"""Lines of names right under a title, at most (AlphaCode's 26 names fill five)."""


_NAME_LARGER = 0.9
"""Points by which names set apart from their affiliations are larger, at least."""


_SENTENCE_WORDS_LEAST = 6
"""Words of a line under the title that ends a sentence and so ends the authors, at least."""


_AUTHOR_LINES_MOST = 36
"""Lines under the title that may name authors, at most: six authors in cells of three lines."""


_MARK_BEFORE_NAMES = re.compile(r"^\d{1,2}(?:,\d{1,2})*\s*[,&]\s*")
"""An affiliation's mark that ends the line before, before the comma or "&" that leads the
line's names: "2, Michael Bang Petersen", "2 & Sune Lehmann" (an address leads with its mark
and a word: "1 Department of …")."""


_MAIL_IN_BRACKETS = re.compile(r"\s*[(<]\S+@\S+[)>]")
"""An author's e-mail in brackets after the name ("Inderjit S. Dhillon (inderjit@…)", "Poul-Henning
Kamp <phk@FreeBSD.org>")."""

"""A paper's year: the one its page 1 prints most often in its head, foot, venue or copyright
line, the journal's reference to it, a note saying where it appeared, arXiv's stamp; the PDF's
creation date when page 1 tells none."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from papersum.pdflines import Line

_YEAR = re.compile(r"((?:1(?<!\w1)9[5-9]|2(?<!\w2)0[0-4])\d)(?!\w)")
"""A year from 1950 to 2049 as a word of its own: its word boundary is looked back at from its
first digit, so that the search skips ahead to a 1 or a 2 (three times faster than ``\\b…``)."""


_CLASSIFICATION_YEAR = re.compile(r"\b(?:19|20)\d\d(?= ACM (?:Subject|Computing) Classification)")


_YEARS_AFTER_MOST = 10
"""Years by which a year page 1 prints may follow the file's making, at most (a file's date
may be its template's: Kluwer's "Tue May 24 1994" on a paper of 2001)."""


_CITATION = re.compile(
    r"^[A-Z][\w.&: -]{0,80}?[\w.],? \d{1,4} \(((?:19|20)\d\d)\) (?:e?\d+|\d+[-–]\d+)\b"
    r"|^[A-Z][\w.&: -]{0,80}?[\w.] \(((?:19|20)\d\d)\) \d{1,4}:\s?\d+"
)
"""A journal's reference to the article at the head or foot of its first page: Elsevier's
"Physica A 539 (2020) 122928" (also in its PDFs' subject field), Springer's "Int J Comput Vis
(2015) 115:211–252"."""


_TEMPLATE_DATE = re.compile(r"\b(?:xxxx 00, 0000|20XX)\b")
"""A template's placeholders for dates, left in a preprint set in it (IEEE Access's "Date of
publication xxxx 00, 0000", "10.1109/ACCESS.20XX.DOI"): the years it prints are the template's."""


_CREATED = re.compile(r"(?:D:)?(19[5-9]\d|20[0-4]\d)|.*?\b(19[5-9]\d|20[0-4]\d)\b")
"""The year of a PDF date ("D:20231125213553Z"), or of a date as some PDF writers put it ("Fri
Sep 26 11:09:16 2003", an ICMC proceedings' CD)."""


_ARXIV_ID = re.compile(r"arXiv:(?:[a-z.A-Z-]+/)?(\d\d)")
"""An arXiv identifier's year, its first two digits ("2106.09685", "quant-ph/9508027")."""


def find_year(
    metadata: dict[str, Any], first_page: list[Line], prose: str = "", arxiv_stamp: str | None = None
) -> int | None:
    """The year page 1 prints most often (the later of two as often): in its header, footer,
    venue or copyright line, not in its ``prose`` (the abstract's and the text's sentences:
    "proposed in 1976 by Swanson", "COCO val 2014"), which counts only when neither those nor
    the PDF's creation date tell a year. arXiv's stamp dates the file better than its creation
    date, which a later save changes (``arxiv_years``)."""
    created = _CREATED.match(str(metadata.get("creationDate") or ""))
    made = int(created.group(1) or created.group(2)) if created else None
    earliest, latest = None, None if made is None else made + _YEARS_AFTER_MOST
    if arxiv_stamp is not None:
        made, last = arxiv_years(arxiv_stamp)
        earliest, latest = made, last + 1
    if (cited := _cited_year(metadata, first_page, prose)) and _between(cited, earliest, latest):
        return cited
    page = "\n".join(ln.text for ln in first_page)
    if "Classification" in page:  # LIPIcs' "2012 ACM Subject Classification": the scheme's year
        page = _CLASSIFICATION_YEAR.sub("", page)
    years = Counter(int(y) for y in _YEAR.findall(page))
    if made and years:  # not a page number in a year's range ("2029", ICASSP 2008's page)
        years = Counter({year: count for year, count in years.items() if _between(year, earliest, latest)})
    if made and years and _TEMPLATE_DATE.search(page):  # a template's years ("VOLUME 4, 2016")
        years = Counter({year: count for year, count in years.items() if year >= made - 1})
    if years and prose:  # the lines that hold a year (a few), then those of them that are prose
        dated = [ln.text for ln in first_page if any(str(year) in ln.text for year in years)]
        if in_prose := {text for text in dated if text.rstrip("-") in prose}:
            printed = Counter(int(y) for text in dated if text not in in_prose for y in _YEAR.findall(text))
            years = printed if printed or made else years
    if years:
        return max(years.items(), key=lambda item: (item[1], item[0]))[0]
    return made


def arxiv_years(stamp: str) -> tuple[int, int]:
    """The years an arXiv stamp tells: its first version's, from its identifier (2106.09685 went
    up in June 2021, quant-ph/9508027 in August 1995), and this version's, from its date. A year
    page 1 prints before the first or after the second is a template's ("© 2018 Copyright",
    IEEE's "AUGUST 2015"), a citation's or a number; a paper posted after it was given is dated
    as arXiv dates it, as the arXiv API does."""
    yy = int(_ARXIV_ID.match(stamp)[1])  # type: ignore[index]  # a stamp has an identifier
    return (1900 if yy > 90 else 2000) + yy, int(stamp[-4:])


def _between(year: int, earliest: int | None, latest: int | None) -> bool:
    return (earliest is None or year >= earliest) and (latest is None or year <= latest)


def _cited_year(metadata: dict[str, Any], first_page: list[Line], prose: str) -> int | None:
    """The year of the journal's reference to the article, in the PDF's subject field or at
    page 1's head or foot: the volume's year, not the year the article was received, accepted
    or put online, which page 1 may print more often; or of a note that says where it appeared
    ("This article appeared in ACM Transactions on Computer Systems 16, 2 (May 1998), 133-169.
    Minor corrections were made on 29 August 2000.", Lamport's)."""
    for text in [str(metadata.get("subject") or ""), *(ln.text for ln in first_page if len(ln.text) < 100)]:
        if ") " in text and (cited := _CITATION.search(text)) and text not in prose:
            return int(cited[1] or cited[2])
    if not any("appeared" in ln.text or "published" in ln.text for ln in first_page):
        return None  # most pages: the prose is not searched for each line
    notes = " ".join(ln.text for ln in first_page if ln.text not in prose)
    for appeared in _APPEARED.finditer(notes):  # not "A preliminary version appeared in STOC 2015"
        if not _EARLIER.search(notes[max(0, appeared.start() - 80) : appeared.start()]):
            return int(appeared[1])
    return None


_APPEARED = re.compile(r"\b(?:appeared|was published) in\b[^.]{0,120}?\b((?:19|20)\d\d)\b")


_EARLIER = re.compile(
    r"\b(?:(?:preliminary|earlier|short|shorter|abridged|previous|conference)\s+(?:version|form|paper)"
    r"|part of this)\b[^.]*$",
    re.IGNORECASE,
)
"""What a note says of an earlier version, in the sentence before its "appeared in"."""

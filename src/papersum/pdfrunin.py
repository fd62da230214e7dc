"""Section headings that mupdf read into the text of their paragraphs, split off: a numbered
title in capitals that leads a paragraph ("V. DISCUSSION The visual …"), Word's titles whose
numbers stand apart."""

from __future__ import annotations

import re

from papersum.pdflines import Line

_LONE_NUMBER = re.compile(r"[IVXLC]{1,5}\.")
"""A section's number alone in its paragraph: Word's automatic numbering, which Acrobat's
PDFMaker sets apart from the title (and out of its place)."""


def is_lone_number(text: str) -> bool:
    """``_LONE_NUMBER``, told for most lines without the regex (every line of a paper is asked)."""
    return len(text) <= 6 and text[-1:] == "." and _LONE_NUMBER.fullmatch(text) is not None


LONE_NUMBERS_LEAST = 2
"""Lone section numbers that make a paper's numbering Word's, at least."""


_CAPITAL_LEAD = re.compile(r"((?:[A-Z][A-Z’'&,:-]*\s+){0,9}[A-Z][A-Z’'&-]{2,})(?:\s+(?=[A-Z][a-z])|$)")
"""A heading in capitals that leads its paragraph ("MUSICAL ISSUES OF COMPUTING SOUNDS In the
fifties, …") or is the line (page 1's "BEGINNINGS")."""


def capital_leads_split(lines: list[Line]) -> list[Line]:
    """The lines of a paper whose section numbers Word set apart from their titles (an SMC
    paper: "III." and "IV." in paragraphs of their own, then "MUSICAL ISSUES OF COMPUTING
    SOUNDS In the fifties, …"): the numbers dropped, each title in capitals that leads a
    paragraph (or a block of page 1) made a heading of its own."""
    split: list[Line] = []
    for line in lines:
        if is_lone_number(line.text):
            continue
        parts = capital_lead(line) if line.first and line.text[:2].isupper() else None
        split += [line] if parts is None else [parts[0]._replace(bold=True), *parts[1:]]
    return split


def capital_lead(line: Line, number: str = "") -> list[Line] | None:
    """``line`` split after the title in capitals that leads it (after its ``number``, kept
    with the title), as the heading and the text after it, or None."""
    lead = _CAPITAL_LEAD.match(line.text, len(number) + 1 if number else 0)
    if lead is None or sum(c.isalpha() for c in lead[1]) < _CAPITAL_LEAD_LETTERS:
        return None
    rest = line.text[lead.end() :]
    title = " ".join(lead[1].split())
    heading = line._replace(text=f"{number} {title}" if number else title, alone=not rest or not line.styled)
    return [heading, *([line._replace(text=rest, first=not line.styled)] if rest else [])]


_CAPITAL_LEAD_LETTERS = 6
"""Letters of a run of capitals that makes it a heading, at least ("DISSEMINATING", not "MIT")."""


def split_at_numbers(lines: list[Line], numbers: list[str]) -> list[Line]:
    """``lines`` with each of ``numbers`` split off where a paragraph starts with it and a title
    in capitals ("V. DISCUSSION The visual …": "V. DISCUSSION", then "The visual …")."""
    split = list(lines)
    for number in numbers:
        for index, line in enumerate(split):
            if line.first and line.text.startswith(f"{number} ") and (parts := capital_lead(line, number)):
                split[index : index + 1] = parts
                break
    return split

"""What a paper's heading looks like: its numbering and the depth it gives, its shape, the
section names every paper has."""

from __future__ import annotations

import re

NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-H](?:\.\d+)+\.?|[IVXLC]+\.|[A-H]\.)\s+")


SECTION_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-H]\.)$")
"""A line that is only a section's number."""


HEADING_SHAPE = re.compile(r"^[A-Z0-9][^.!?]{1,80}\??$")


ANCHOR_HEADINGS = {
    "abstract",
    "introduction",
    "references",
    "conclusion",
    "conclusions",
    "acknowledgments",
    "acknowledgements",
    "acknowledgement",
    "acknowledgment",
    "relatedwork",
    "background",
}


NON_LETTERS = re.compile(r"[^a-z]")


RUN_IN_NUMBER = re.compile(r"\d{1,2}\)\s")
"""IEEE's subsubsection number, run in: "1) Failure cases: …"."""


def is_run_in_heading(text: str) -> bool:
    """A bold numbered or named heading at the start of a paragraph: ``1 Introduction The …``
    (or an italic subsubsection's, which ``paragraphs`` made bold)."""
    return (
        bool(text)
        and bool(NUMBERING.match(text) or RUN_IN_NUMBER.match(text) or heading_key(text) in ANCHOR_HEADINGS)
        and bool(HEADING_SHAPE.match(NUMBERING.sub("", text)))
    )


LEVELED = re.compile(r"^(?:(\d+(?:\.\d+)*)|([A-H])((?:\.\d+)*)|([IVXLC]+))\.?\s")


def heading_level(text: str) -> int:
    """The depth a heading's numbering gives: "3" and "III." 1, "3.1" and "A." 2 (IEEE's
    subsections), "3.1.2" and "1)" (IEEE's subsubsections) 3, "A.1" (an appendix's) 2;
    unnumbered 1."""
    if RUN_IN_NUMBER.match(text.strip()):
        return 3
    match = LEVELED.match(text.strip() + " ")
    if match is None:
        return 1
    arabic, letter, below, _roman = match.groups()
    if arabic:
        return arabic.count(".") + 1
    if letter:
        return below.count(".") + 1 if below else 2
    return 1  # roman


def heading_key(text: str) -> str:
    return NON_LETTERS.sub("", NUMBERING.sub("", text.strip()).lower())

"""Section headings that mupdf read into the text of their paragraphs, split off: a numbered
title in capitals that leads a paragraph ("V. DISCUSSION The visual …"), Word's titles whose
numbers stand apart."""

from __future__ import annotations

import re

from papersum.pdfheadings import heading_key
from papersum.pdflines import Line
from papersum.pdfnumbering import Missing

_LONE_NUMBER = re.compile(r"[IVXLC]{1,5}\.")
"""A section's number alone in its paragraph: Word's automatic numbering, which Acrobat's
PDFMaker sets apart from the title (and out of its place)."""


def is_lone_number(text: str) -> bool:
    """``_LONE_NUMBER``, told for most lines without the regex (every line of a paper is asked)."""
    return len(text) <= 6 and text[-1:] == "." and _LONE_NUMBER.fullmatch(text) is not None


LONE_NUMBERS_LEAST = 2
"""Lone section numbers that make a paper's numbering Word's, at least."""


_CAPITAL_LEAD = re.compile(
    r"((?:[A-Z\u0370-\u03ff(][A-Z\u0370-\u03ff’'&,:()-]*\s+){0,9}[A-Z\u0370-\u03ff(][A-Z\u0370-\u03ff’'&()-]{2,})"
    r"(?:\s+(?=[A-Z][a-z]|[A-H]\.\s+[A-Z]{2})|$)"
)
"""A heading in capitals that leads its paragraph ("MUSICAL ISSUES OF COMPUTING SOUNDS In the
fifties, …") or is the line (page 1's "BEGINNINGS"), or its first subsection does ("METHODOLOGY
A. LLM-BASED WEIGHT GENERATION As shown …"); a Greek letter and brackets in it ("τ-MONOTONIC
GRAPH (τ-MG) To address …")."""


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
    after = line._replace(text=rest, first=not line.styled)
    if rest[1:3] == ". " and (first := capital_lead(after, rest[:2])):
        return [heading, *first]  # its first subsection run in after it, in capitals too
    return [heading, *([after] if rest else [])]


_CAPITAL_LEAD_LETTERS = 6
"""Letters of a run of capitals that makes it a heading, at least ("DISSEMINATING", not "MIT")."""


def leads_split(lines: list[Line]) -> list[Line]:
    """Headings mupdf reads into their first paragraphs in the body's type, which later steps
    would read as that paragraph's text, split off:
    - IEEE's appendices after the references: "APPENDIX B ADDITIONAL DETAILS OF THE SYSTEMS IN
      THE EXPERIMENTS In this section, …" split after the title in capitals, and under an
      "APPENDIX A" alone, "PROOFS A. Proof of Theorem (III.1)" split between the appendix's
      title and its first subsection's. Not split, the appendix read as the references' last
      lines and dropped with them;
    - a references list's heading before its first item ("References 1. Soltesz, K. et al. …",
      Communications Medicine's, in a font mupdf does not call bold; "REFERENCES [1] A
      simulation …"): not split, the references were the last section's text;
    - the journal's statements after the text, each run into its paragraph (Springer Nature's
      "Data availability All data …", "Competing interests The authors …"): not split, they
      were the last section's."""
    split: list[Line] = []
    for line in lines:
        parts = None
        if not line.first or line.styled:
            pass
        elif line.text[:8] == "APPENDIX":
            lead = _APPENDIX.match(line.text)
            if lead is not None and lead.end() < len(line.text):
                parts = capital_lead(line, lead[0])
        elif (
            split
            and split[-1].text[:8] == "APPENDIX"  # told before the regex: every paragraph is asked
            and _APPENDIX.fullmatch(split[-1].text)
            and (over := _TITLE_OVER_SUBSECTION.match(line.text))
        ):
            parts = [line._replace(text=over[1]), line._replace(text=line.text[over.end() :])]
        elif (line.text[:1] in "RBLW" and (lead := _REFERENCES_LEAD.match(line.text))) or (
            line.text[:1] in "ACDFR"
            and (lead := _BACK_MATTER_LEAD.match(line.text))
            and _is_statement(line.text[lead.end() :])
        ):
            parts = [line._replace(text=lead[1], alone=True), line._replace(text=line.text[lead.end() :])]
        split += [line] if parts is None else [parts[0]._replace(bold=True), *parts[1:]]
    return split


_REFERENCES_LEAD = re.compile(
    r"(References|REFERENCES|Bibliography|BIBLIOGRAPHY|Literature Cited|LITERATURE CITED|Works Cited|"
    r"WORKS CITED) (?=(?:\[1\]|1\.) ?[A-Z])"
)
"""A references list's heading run into its first item, numbered 1."""


_BACK_MATTER_LEAD = re.compile(
    r"(Data availability|Code availability|Author contributions|Competing interests|"
    r"Additional information|Acknowledge?ments|Funding|Reporting summary) (?=[A-Z])"
)
"""A statement's name run into its paragraph with no stop, as Springer Nature sets it in a face
mupdf does not call bold ("Data availability All data necessary …")."""


def _is_statement(text: str) -> bool:
    """Whether ``text``, after a statement's name, is its prose: three words in lowercase among
    its first six ("All data necessary for …", "A.K. and B.L. conceived the …"), not the rest of
    a heading ("Funding Data", ASME's) or a chart's labels ("Funding Raised ($) 0.85B …")."""
    return sum(word.isalpha() and word.islower() for word in text.split()[:6]) >= 3


_APPENDIX = re.compile(r"APPENDIX\b(?: (?:[A-H]|[IVX]{1,4}|\d{1,2})\b)?")
"""An appendix's label in IEEE's capitals, with its letter or number."""


_TITLE_OVER_SUBSECTION = re.compile(r"([A-Z][A-Z’'&-]{2,}(?: [A-Z][A-Z’'&-]+){0,8}) (?=[A-H]\. [A-Z])")
"""An appendix's title in capitals before its first subsection's letter and title."""


def split_at_numbers(lines: list[Line], missing: list[Missing]) -> list[Line]:
    """``lines`` with each of the ``missing`` numbers split off where a paragraph between the
    headings around it starts with it and a title in capitals ("V. DISCUSSION The visual …":
    "V. DISCUSSION", then "The visual …"); the last first, so the earlier places stand."""
    split = list(lines)
    # sorted is stable: in the same gap, the numbers stay in order, and "IV." goes before "III."
    for number, after, before in reversed(sorted(missing, key=lambda gap: gap.after)):
        for index in range(after + 1, min(before, len(split))):
            line = split[index]
            if line.first and line.text.startswith(f"{number} ") and (parts := capital_lead(line, number)):
                split[index : index + 1] = parts
                break
    return split


def split_after(lines: list[Line], following: list[Missing]) -> list[Line]:
    """``lines`` with the ``following`` numbers (``pdfnumbering.numbers_after``) split off in
    turn after the last numbered section, each where it starts a paragraph or a sentence within
    one with a title in capitals ("… of this paper. 8. CONCLUSIONS In this paper, …": the
    text before, "8. CONCLUSIONS", then "In this paper, …"); up to the first not found."""
    split = list(lines)
    start = following[0].after + 1 if following else 0
    for number in following:
        found = next(
            (
                (index, parts)
                for index in range(start, len(split))
                if split[index].first and (parts := capital_lead_within(split[index], number.number))
            ),
            None,
        )
        if found is None:
            break
        index, parts = found
        split[index : index + 1] = parts
        start = index + 1
    return split


def capital_lead_within(line: Line, number: str) -> list[Line] | None:
    """``line`` split where ``number`` and a title in capitals lead it or one of its sentences
    (see ``capital_lead``): the text before, if any, the heading, and the text after it."""
    if line.text.startswith(f"{number} "):
        return capital_lead(line, number)
    for within in re.finditer(rf"(?<=[.!?] ){re.escape(number)} (?=[A-Z])", line.text):
        if _ABBREVIATION.search(line.text, 0, within.start()):
            continue  # "Fig. 7. RESULTS …": a caption's number, not a section's
        parts = capital_lead(line._replace(text=line.text[within.start() :]), number)
        if parts is not None:
            before = line._replace(text=line.text[: within.start()].rstrip(), alone=False)
            return [before, parts[0]._replace(first=True), *parts[1:]]
    return None


_ABBREVIATION = re.compile(r"\b(?:Figs?|Eqs?|Secs?|Sect|Tab|Table|No|Ref|Refs|Vol|Ch|Chap|App|pp|cf|al)\. $")
"""A word cut short before a number ("Fig. 7."), ending where the number starts."""


def names_split(lines: list[Line]) -> list[Line]:
    """The lines with a section's name split from what mupdf read with it, on later pages:
    - a bold paragraph that is a section's name and its first subsection's heading (PLOS sets
      both bold in 12 pt, one block to mupdf: "Materials and methods Subjects", "Methods Ethics
      statement"); not a name with more of its own ("Results and discussion", "Conclusions And
      Future Work");
    - a paragraph led by a section's name in a face mupdf calls plain, then its first sentence
      or a run-in heading ("Results We establish …", "Methods Data. We use …": Communications
      Medicine), which no sentence starts with."""
    split: list[Line] = []
    for line in lines:
        if not (
            line.page
            and not line.styled
            and (line.bold or line.first)
            and line.text.partition(" ")[0].lower() in _NAME_FIRST_WORDS
        ):
            split.append(line)
            continue
        words = line.text.split()
        cut = next(
            (
                k
                for k in range(min(3, len(words) - 1), 0, -1)
                if all(word.isalpha() for word in words[:k])  # no number, no "Results:", no "&"
                and heading_key(" ".join(words[:k])) in _SPLIT_NAMES
                and (_starts_heading(words[k:]) if line.bold else _starts_text(words[k:], line.text))
            ),
            0,
        )
        if not cut or (line.bold and not line.alone):
            split.append(line)
            continue
        name = line._replace(text=" ".join(words[:cut]), bold=True, alone=True)
        split += [name, line._replace(text=" ".join(words[cut:]))]
    return split


def _starts_text(words: list[str], paragraph: str) -> bool:
    """Whether ``words`` start a paragraph's text after a heading: a sentence's usual first
    word ("We", "In", "During"), or a run-in heading's word ("Data."); in a paragraph of prose
    (not a table's header: "Methods Avg. …")."""
    first = words[0]
    lead = len(first) >= _LEAD_LEAST and first[:1].isupper() and first.endswith(".") and first[1:-1].islower()
    return (first in _OPENERS or lead) and len(paragraph) >= _PROSE_LEAST and ". " in paragraph


_LEAD_LEAST = 5
"""Characters of a run-in heading's one word with its stop, at least ("Data.", not "Avg.")."""
_PROSE_LEAST = 200
"""Characters of a paragraph of prose, at least."""


_OPENERS = {"We", "In", "Our", "This", "These", "Here", "To", "The", "During", "Using", "Although", "Since"}
"""Words a paragraph's first sentence often starts with, which do not go on a section's name."""


def _starts_heading(words: list[str]) -> bool:
    """Whether ``words`` are a heading of their own: capitalised, an ordinary word first (not
    "And", "Of"), short, no sentence."""
    first, text = words[0], " ".join(words)
    return (
        first[:1].isupper()
        and first[1:].replace("-", "").islower()
        and first.lower() not in {"and", "of", "for", "to", "in", "on", "with", "the"}
        and len(text) <= _HEADING_MOST
        and not text.endswith(".")
    )


_PART_NAMES: tuple[str, ...] = ("Introduction", "Results", "Discussion", "Methods", "Materials and methods")
_PART_NAMES += ("Background", "Conclusion", "Conclusions")
"""The names of a paper's parts that are split from what mupdf read with them."""
_SPLIT_NAMES = frozenset(map(heading_key, _PART_NAMES))
_NAME_FIRST_WORDS = frozenset(name.split()[0].lower() for name in _PART_NAMES)
_HEADING_MOST = 80

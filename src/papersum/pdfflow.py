"""The reading flow of a paper: only its body text. Captions, footnotes, tables, running
footers, references and a thesis's front matter are taken out (captions and tables kept
apart)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from papersum.models import Section
from papersum.pdfchars import SOFT_HYPHEN
from papersum.pdfheadings import ANCHOR_HEADINGS, NUMBERING, heading_key, is_back_matter, unnumbered
from papersum.pdflines import Line
from papersum.pdftables import cells_at_most

REFERENCES = re.compile(
    r"^(references?|bibliography|works cited|literature cited|cited literature|references and notes|"
    r"notes and references|reference list|list of references|"
    r"références|bibliographie|literatur|literaturverzeichnis|referencias|referências|"  # French,
    r"bibliograf[ií]a|riferimenti bibliografici)$",  # German, Spanish, Portuguese, Italian
    re.I,
)
"""A references list's heading: Science's "References and Notes", and as papers in other
languages than English name it."""


NOT_CONTENT = re.compile(
    r"^(table of contents|contents|list of (figures|tables|abbreviations|symbols|acronyms|algorithms)|"
    r"declaration|author'?s declaration|dedication|acknowledge?ments?|index terms|key ?words)$",
    re.I,
)
"""A thesis's front matter, a paper's keywords under a heading of their own (IEEE Access's
"INDEX TERMS"): set apart like a section, but not what the paper says."""


_REFERENCE_START = re.compile(
    r"(?=[\[\d])(?:\[(\d{1,3})\]\s*|(?<![\w.,:/\-])(\d{1,3})\.?\s?)"  # "[12] " or "12" / "12. "
    r"(?=(?:[A-Z]\.(?:-[A-Z]\.)? ?)+[A-ZÀ-Þ][^\W\d_A-Z]|[A-ZÀ-Þ][^\W\d_A-Z]+, [A-Z]\.)"
)
"""Where a numbered reference starts, in a references list that has no heading (JASA, Nature):
its number, then an author ("H. Wierstorf", "F.-R. Stöter", "A. Défossez", "Smith, J."). (It
starts by looking ahead for a bracket or a digit, which lets the search skip ahead in C.)"""


_REFERENCE_GAP = 700
"""Characters at most between two references of such a list."""


_REFERRING = (
    "shows?|illustrates?|presents?|provides?|summari[sz]es?|lists?|gives?|compares?|displays?"
    "|depicts?|reports?|describes?|details|plots|visuali[sz]es|highlights|demonstrates|reveals"
    "|confirms|indicates|suggests|outlines|contains|includes|considers|explores|is|are|was|were"
    "|has|have|also|and|further|again|below|above|here|then|clearly"
    "|showcases?|exhibits?|contrasts?|examines|evaluates|analy[sz]es|measures|ranks|captures"
)
"""The words after a figure's or a table's number that make a sentence of the text, not a
caption: "Figure 6 shows for several methods …", "Table 7 also includes …"."""


CAPTION = re.compile(
    r"^(?:(?i:fig(?:ure)?\.?|table|tab\.)\s*\d+(?:\.\d+)*(?:[.:](?:\s|$)|\s++(?!(?:"
    + _REFERRING
    + r")\b)|$)|TABLE\s+[IVXLC]+[.:]?(?:\s|$)|(?i:table)\s+[IVXLC]+[.:](?:\s|$))"
)
"""A caption's label: "Figure 3:", "Table 2.", "Fig. 4 Spectrograms of …", and IEEE's "TABLE IV"
in capitals, JASA's "TABLE I." (not a sentence that starts "Table I lists …" or "Figure 6 shows
…", which is the text's)."""


_CAPTION_TITLE_MOST = 150
"""Characters of a caption's title on the line under its label alone ("Table 1"), at most."""


SENTENCE_ENDS = (".", "?", "!", ":", ";")
"""What ends a sentence: no caption's title, no figure's words end so."""


HEADING_START = re.compile(NUMBERING.pattern + r"[A-Z]")
"""A numbered heading's start ("2.1 Datasets"), not a row of numbers ("1 2 3 4 5 Beat")."""


_FOOTNOTE = re.compile(r"^(?:\d{1,2}|[*†‡§])\s?(?:https?://|www\.|[A-Z])")


def _may_be_footnote(text: str) -> bool:
    """``_FOOTNOTE``'s match, its first character told first (a regex call costs more); not a
    sentence about "3D audio" or "2D convolutions", whose dimension reads as a mark before a
    capital."""
    return (
        (text[:1] in "*†‡§" or text[:1].isdigit())
        and _FOOTNOTE.match(text) is not None
        and _DIMENSIONS.match(text) is None
    )


_DIMENSIONS = re.compile(r"\d{1,2}D\b")
"""A dimension that leads a sentence ("3D", "2D"), not a footnote's mark before its "D…"."""


_FOOTNOTE_MOST = 400


FOOTNOTE_SMALLER = 0.9
"""Points under the body size that make a line of page 1 a footnote."""


def set_aside(
    lines: list[Line], heads: Callable[[str], bool] = lambda _text: False
) -> tuple[list[Line], list[str]]:
    """The reading flow without figure and table captions (returned apart) and the footnotes at
    the foot of each later page (numbered or marked paragraphs after the page's last body text),
    so a sentence that runs past them reads whole. ``heads``: whether a paragraph starts with a
    numbered heading (of the outline), which no footnote does ("17 SIGCHI EXTENDED ABSTRACTS The
    …" at a page's foot)."""
    captions: list[str] = []
    caption_blocks: set[tuple[int, int]] = set()
    run_ons: set[tuple[int, int]] = set()  # a caption's lines after its first block, lowercase
    footnotes: set[int] = set()
    runs_on = False  # the last caption's line ends no sentence
    text_runs_on = False  # the last line of text (no caption's) ends no sentence
    labelled: tuple[int, int] | None = None  # a caption's label alone ("Table 1"), its block
    in_capitals = False  # the last caption's label is in capitals
    of_table = False  # the last caption is a table's
    table_lines: set[int] = set()  # a table's bold head under its caption, its bold rows: no heading, no text
    for index, line in enumerate(lines):
        starts = line.first if not line.styled else (index == 0 or lines[index - 1].block != line.block)
        block = (line.page, line.block)
        label_block, labelled = labelled, None  # the label's title is the very next block
        if starts and line.text[:1] in "FfTt" and (label := CAPTION.match(line.text)):
            caption_blocks.add(block)
            labelled = block if line.alone and label.end() >= len(line.text.rstrip()) else None
            in_capitals = line.text.isupper()  # IEEE's small capitals: "TABLE IV" / "MODELS …"
            of_table = line.text[:1] in "Tt"
        elif (
            starts
            and lines[index - 1].page == line.page
            and (
                (label_block is not None and label_block[0] == line.page and _is_caption_title(line))
                or (runs_on and _caption_goes_on(lines, index, text_runs_on, in_capitals))
            )
        ):
            caption_blocks.add(block)
            run_ons.add(block)
        elif (
            of_table
            and index
            and (
                (lines[index - 1].page, lines[index - 1].block) in caption_blocks or index - 1 in table_lines
            )
            and lines[index - 1].page == line.page
            and _is_table_head(line, lines[index + 1] if index + 1 < len(lines) else None)
        ) or (line.bold and 0 < index < len(lines) - 1 and _is_table_row(*lines[index - 1 : index + 2])):
            table_lines.add(index)
        ends = line.text.endswith(SENTENCE_ENDS)
        if block in caption_blocks:
            runs_on = not ends
        else:
            runs_on, text_runs_on = False, not ends
    for index in range(len(lines) - 1, -1, -1):  # from each page's end up, while they are notes
        line = lines[index]
        # (a paragraph in type of 12 pt or more, which no footnote is set in, has a size)
        if line.styled or line.bold or line.size or not line.alone or not _may_be_footnote(line.text):
            continue
        if heads(line.text):
            continue
        last_of_page = index == len(lines) - 1 or lines[index + 1].page != line.page
        at_foot = last_of_page or index + 1 in footnotes
        text = line.text
        linked = "://" in text or "www." in text
        sentence = text.endswith(".") or len(text.split()) >= 8  # not a heading such as "2 Challenges"
        if len(text) < _FOOTNOTE_MOST and (linked or (sentence and (at_foot or len(text) < 200))):
            footnotes.add(index)
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if (line.page, line.block) in caption_blocks:
            before = lines[index - 1] if index else line
            if (
                captions
                and (before.page, before.block) in caption_blocks
                and (before.block == line.block or (line.page, line.block) in run_ons)
            ):
                if captions[-1].endswith("-") and line.text[:1].islower():  # mended when read
                    captions[-1] = captions[-1][:-1] + SOFT_HYPHEN + line.text
                else:
                    captions[-1] += " " + line.text
            else:
                captions.append(line.text)
        elif index not in footnotes and index not in table_lines:
            kept.append(line)
    return kept, captions


_PROSE_WORDS_LEAST, _PROSE_WORDS = 5, 8
"""Words of a paragraph, at least, that can make it prose: that start a sentence, or mostly in
lowercase."""


def _is_table_head(line: Line, after: Line | None) -> bool:
    """Whether ``line``, in bold right under a table's caption, is the table's head ("Dataset
    Methods 4-shot 8-shot 16-shot", "Hyperparameter 500M Model 1.5B Model"): not a heading,
    numbered or named, over prose ("Template for Prompt Generation" / "We apply the …"). A
    table mupdf reads as one run of words follows it, or one ``pdftables`` has set in rows."""
    if after is None or after.page != line.page or not _may_be_in_table(line):
        return False
    words = after.text.split()
    prose = len(words) >= _PROSE_WORDS_LEAST and (
        _SENTENCE_START.match(after.text) is not None  # "We ensure the …", cut by the column's end
        or (len(words) >= _PROSE_WORDS and sum(w.isalpha() and w.islower() for w in words) * 2 >= len(words))
    )
    return after.table or not prose


def _is_table_row(before: Line, line: Line, after: Line) -> bool:
    """Whether ``line``, in bold between two rows of numbers on its page, is a table's row: a
    group's name ("TCGA-NSCLC (2 classes)", "LLaMa-2-Chat-7B", "Open Source"); or in bold under
    one and of numbers itself, its best result's ("Complete VisMem (Ours) 75.1 69.8 41.4")."""
    return (
        before.page == line.page
        and _numbers_row(before)
        and ((after.page == line.page and _numbers_row(after)) or _numbers_row(line))
        and _may_be_in_table(line)
    )


def _numbers_row(line: Line) -> bool:
    """A table's row or rows: set in rows by ``pdftables``, or at least half numbers."""
    if line.table:
        return True
    tokens = line.text.split()
    if len(tokens) < _ROW_TOKENS_LEAST or cells_at_most(line.text) * 2 < len(tokens):
        return False  # told in C for prose: too few digits and signs to be half numbers
    return sum(map(_is_number, tokens)) * 2 >= len(tokens)


_ROW_TOKENS_LEAST = 3


def _is_number(token: str) -> bool:
    return bool(_NUMBER.fullmatch(token))


_NUMBER = re.compile(r"[(\[]?[±+\-−–]?\d[\d.,:%×±]*[)\]%*†‡]?|[-–—]")
"""A table's cell of a number: signed, in brackets, with its error ("0.722±0.059"), marked
("62.1*"), or a dash for none."""


def _may_be_in_table(line: Line) -> bool:
    """Whether ``line``, a later page's paragraph in bold, may be in a table: no heading
    numbered, lettered or named."""
    return not (
        line.styled
        or not line.bold
        or HEADING_START.match(line.text)
        or _LETTERED.match(line.text)
        or is_back_matter(line.text)
        or heading_key(line.text) in ANCHOR_HEADINGS
        or REFERENCES.match(line.text)
    )


_LETTERED = re.compile(r"(?i:appendix\s+)?[A-H](?:\.\d+)*\.?\s[A-Z]")
"""An appendix's lettered heading, with or without a stop ("C Reproducibility", "B.2 Setup")."""


_SENTENCE_START = re.compile(r"[A-Z][a-z]* [a-z]+ [a-z]+ ")
"""Three words that start a sentence ("We apply the …"), no table's."""


def _is_caption_title(line: Line) -> bool:
    """Whether ``line``, right under a caption's label alone, is its title: APA's "Table 1" in bold
    over its title in italics, in title case with no full stop (not a heading, "6.2 Results", nor
    a reference, "[1] …")."""
    return (
        line.alone
        and line.text[:1].isupper()
        and not (line.table or line.bold or HEADING_START.match(line.text))
        and len(line.text) <= _CAPTION_TITLE_MOST
        and not line.text.endswith(".")
    )


def _caption_goes_on(lines: list[Line], index: int, text_runs_on: bool, in_capitals: bool) -> bool:
    """Whether the block starting at ``index`` goes on with the caption above it, which ends no
    sentence: a caption's centred lines, which mupdf reads as blocks of their own, in lowercase
    (after a sentence cut by the figure, the lowercase block is that sentence's end, unless it
    ends one and the next block goes on in lowercase: "… with a graph" / "Table 1: … on" /
    "same-instrument duets." / "convolutional …"); a caption in capitals goes on in capitals, a
    line a block ("TABLE I" / "MODELS EVALUATION … WHEN TWO" / "(WITHIN 3 METERS)."). Never a
    table's rows, their caption's tail read as the first."""
    line = lines[index]
    if line.table:
        return False
    if line.text[:1].islower():
        return not text_runs_on or _sentence_after(lines, index)
    return in_capitals and line.text.isupper() and not HEADING_START.match(line.text)


def _sentence_after(lines: list[Line], index: int) -> bool:
    """Whether the line at ``index`` ends a sentence and the next block of text on its page (past
    a table) starts in lowercase: a caption's last line between the halves of a sentence."""
    line = lines[index]
    if not line.text.endswith("."):
        return False
    place = (line.page, line.block)
    text = (ln for ln in lines[index + 1 : index + 40] if (ln.page, ln.block) != place and not ln.table)
    after = next(text, None)
    return after is not None and after.page == line.page and after.text[:1].islower()


def without_unheaded_references(sections: list[Section]) -> list[Section]:
    """The last section without the references list that ends it when the list has no heading
    of its own (JASA): a run of references numbered 1, 2, 3, … from there to the end."""
    if not sections:
        return sections
    text = sections[-1].text
    starts = [(m.start(), int(m[1] or m[2])) for m in _REFERENCE_START.finditer(text)]
    for index, (start, number) in enumerate(starts):
        run = starts[index : index + 5]
        if number != 1 or [n for _s, n in run] != [1, 2, 3, 4, 5]:
            continue
        positions = [s for s, _n in starts[index:]] + [len(text)]
        if all(b - a <= _REFERENCE_GAP for a, b in itertools.pairwise(positions)):
            return [*sections[:-1], sections[-1].model_copy(update={"text": text[:start].rstrip()})]
    return sections


def drop_references(sections: list[Section]) -> list[Section]:
    """Without the references and a thesis's lists and declarations (acknowledgements stay: a
    paper's say who funded it), and without a conference's checklist after the references
    (NeurIPS's "Paper Checklist", AAAI's "Reproducibility Checklist": a form's questions and
    guidelines, whose items "2. Limitations" … read as sections) and all after it."""
    kept = []
    after_references = False
    for section in sections:
        name = unnumbered(section.heading).strip()
        if after_references and CHECKLIST.match(name):
            break
        if REFERENCES.match(name):
            after_references = True
        elif not NOT_CONTENT.match(name) or name.lower().startswith("ack"):
            kept.append(section)
    return kept


CHECKLIST = re.compile(r"^(?:[\w-]+\s+){0,2}checklist$", re.I)
"""A conference's checklist's heading: "NeurIPS Paper Checklist", "Reproducibility Checklist"."""


SPACES = re.compile(r"[ \t]{2,}|\t")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence: a full stop, question or exclamation mark, colon or
    semicolon, maybe in quotes or brackets (read from its end: a regex searches all of it)."""
    end = text.rstrip().rstrip("\"'’”)]")
    return bool(end) and end[-1] in ".?!:;"


def _compound_continues(previous: Line, line: Line) -> bool:
    """Whether ``line`` continues a compound whose hyphen ends ``previous`` ("GPT-" / "2–style"):
    in the same block, after a letter or digit, anything that starts so; across blocks (a column
    or page between), only a capitalised word after a capitalised one ("Human-" / "Computer"),
    since a figure's words, a footnote or a running head may stand between the halves of a
    broken word ("similar-" / "132 JEAN-CLAUDE RISSET")."""
    if not (previous.text[-2:-1].isalnum() and line.text[:1].isalnum()):
        return False
    if line.block == previous.block and line.page == previous.page:
        return True
    head = previous.text.rsplit(None, 1)[-1]
    return head[:1].isupper() and line.text[:1].isupper()


def join_lines(lines: list[Line]) -> str:
    """Join lines into paragraphs, mending words hyphenated at line breaks."""
    parts: list[str] = []
    previous: Line | None = None
    for line in lines:
        if previous is None:
            parts.append(line.text)
        elif previous.text.endswith(("-", "\u2010")) and line.text[:1].islower():
            parts[-1] = parts[-1][:-1] + SOFT_HYPHEN + line.text  # mended when the paper is read
        elif previous.text[-1:] == "-" and _compound_continues(previous, line):
            parts[-1] += line.text  # "GPT-" / "2–style", "Pseudo-" / "CQT": a hyphen TeX never adds
        else:
            new_block = line.block != previous.block or line.page != previous.page
            # a sentence running on into the next column or page is one paragraph
            runs_on = line.text[:1].islower() and not ends_sentence(previous.text)
            parts.append(("\n\n" if new_block and not runs_on else " ") + line.text)
        previous = line
    text = "".join(parts)
    return (SPACES.sub(" ", text) if "  " in text or "\t" in text else text).strip()


def without_margin_statements(lines: list[Line]) -> list[Line]:
    """The lines without a publisher's statements in the margin of page 2 or 3 (PLOS's bold
    "Funding:" and "Competing interests:", each over its sentence, beside the introduction):
    read as sections, they took the introduction's text after them ("Competing interests" /
    "The authors have declared …" / "the distances over which …"). Told from a short paper's
    statements at its end (MDPI's) by the paragraph they break: the text before them runs on
    after them."""
    labels = [  # most lines told in line, without a call: not bold, or not ending with a colon
        i for i, line in enumerate(lines) if line.bold and line.text[-1:] == ":" and _is_statement_label(line)
    ]
    dropped: set[int] = set()
    for i in labels:
        if i in dropped or not i:
            continue
        end = i
        while end + 1 < len(lines) and _is_statement_label(lines[end]) and not lines[end + 1].bold:
            end += 2  # a label and its sentence
        if i < end < len(lines):
            before, after = lines[i - 1].text, lines[end].text
            if not ends_sentence(before) or after[:1].islower():
                dropped.update(range(i, end))
    return [line for k, line in enumerate(lines) if k not in dropped] if dropped else lines


def _is_statement_label(line: Line) -> bool:
    return (
        1 <= line.page <= _STATEMENTS_LAST_PAGE
        and line.bold
        and line.text.endswith(":")
        and is_back_matter(line.text[:-1])
    )


_STATEMENTS_LAST_PAGE = 2
"""The last page (from 0) whose margin may hold a publisher's statements."""

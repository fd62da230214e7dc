"""The reading flow of a paper: only its body text. Captions, footnotes, tables, running
footers, references and a thesis's front matter are taken out (captions and tables kept
apart)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from papersum.models import Section
from papersum.pdfchars import SOFT_HYPHEN
from papersum.pdfheadings import NUMBERING, unnumbered
from papersum.pdflines import Line, page_one

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
)
"""The words after a figure's or a table's number that make a sentence of the text, not a
caption: "Figure 6 shows for several methods …", "Table 7 also includes …"."""


_CAPTION = re.compile(
    r"^(?:(?i:fig(?:ure)?\.?|table|tab\.)\s*\d+(?:\.\d+)*(?:[.:](?:\s|$)|\s++(?!(?:"
    + _REFERRING
    + r")\b)|$)|TABLE\s+[IVXLC]+[.:]?(?:\s|$)|(?i:table)\s+[IVXLC]+[.:](?:\s|$))"
)
"""A caption's label: "Figure 3:", "Table 2.", "Fig. 4 Spectrograms of …", and IEEE's "TABLE IV"
in capitals, JASA's "TABLE I." (not a sentence that starts "Table I lists …" or "Figure 6 shows
…", which is the text's)."""


_CAPTION_TITLE_MOST = 150
"""Characters of a caption's title on the line under its label alone ("Table 1"), at most."""


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
    for index, line in enumerate(lines):
        starts = line.first if not line.styled else (index == 0 or lines[index - 1].block != line.block)
        block = (line.page, line.block)
        label_block, labelled = labelled, None  # the label's title is the very next block
        if starts and line.text[:1] in "FfTt" and (label := _CAPTION.match(line.text)):
            caption_blocks.add(block)
            labelled = block if line.alone and label.end() >= len(line.text.rstrip()) else None
            in_capitals = line.text.isupper()  # IEEE's small capitals: "TABLE IV" / "MODELS …"
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
        ends = line.text.endswith(_SENTENCE_ENDS)
        if block in caption_blocks:
            runs_on = not ends
        else:
            runs_on, text_runs_on = False, not ends
    for index in range(len(lines) - 1, -1, -1):  # from each page's end up, while they are notes
        line = lines[index]
        if line.styled or line.bold or not line.alone or not _may_be_footnote(line.text) or heads(line.text):
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
        elif index not in footnotes:
            kept.append(line)
    return kept, captions


def _is_caption_title(line: Line) -> bool:
    """Whether ``line``, right under a caption's label alone, is its title: APA's "Table 1" in bold
    over its title in italics, in title case with no full stop (not a heading, "6.2 Results", nor
    a reference, "[1] …")."""
    return (
        line.alone
        and line.text[:1].isupper()
        and not (line.table or line.bold or _HEADING_START.match(line.text))
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
    return in_capitals and line.text.isupper() and not _HEADING_START.match(line.text)


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


def without_figure_text(lines: list[Line]) -> list[Line]:
    """The reading flow without the words of a figure that mupdf reads as text: a run of three or
    more short paragraphs of a later page that are no sentences (axis ticks and labels, a
    diagram's boxes: "6 × Conv1D", "Conv1D", "(Kick)", in bold too). Formulas (a relation or an
    operator), headings, captions and list items break a run and stay. On page 1, read line by
    line, such a run of blocks over a caption (``_page_one_figure_words``)."""
    shaped = [
        not line.styled
        and not line.table  # a table's rows, or a figure's numbers: tables_aside's
        and len(line.text) < _FIGURE_WORDS_MOST
        and _figure_word(line)
        for line in lines
    ]
    debris = [shape and not line.bold for shape, line in zip(shaped, lines, strict=True)]
    # bold words are a figure's (a diagram's boxes: "STFT", "2D structuring filter") two or more
    # in a row, when another of its words follows them on their page; a bold heading alone is
    # followed by its text, however short its first paragraph
    bold = {i for i, shape in enumerate(shaped) if shape and lines[i].bold}
    labels = {i for i in bold if i - 1 in bold or i + 1 in bold}
    for index in reversed(sorted(labels)):
        if index + 1 < len(lines) and debris[index + 1] and lines[index + 1].page == lines[index].page:
            debris[index] = True
    # or, one or more, after its words and right over its caption (MLSP 2017's "BIRD BIRD HUMAN
    # SPEECH" over "Fig. 1: …", under the plot's axis words)
    for first, last in _runs(sorted(bold)):
        if (
            first > 0
            and last + 1 < len(lines)
            and debris[first - 1]
            and lines[first - 1].page == lines[last + 1].page
            and _CAPTION.match(lines[last + 1].text)
        ):
            debris[first : last + 1] = [True] * (last + 1 - first)
    # axis ticks ("0 50 100 150 200") are no text wherever they stand
    drop = {index for index, line in enumerate(lines) if debris[index] and _TICKS.match(line.text)}
    # a plot's bold title between its numbers and its axis words or caption ("SSD300: BBox
    # Area", SSD's)
    drop.update(i for i in bold if _in_figure(lines, i))
    drop |= _page_one_figure_words(lines)
    run: list[int] = []  # a run of a figure's words on one page
    for index, line in enumerate(lines):
        if debris[index] and (not run or lines[run[-1]].page == line.page):
            run.append(index)
        elif line.table and run and lines[run[-1]].page == line.page:
            continue  # a plot's numbers (rebuilt as rows) among its words: the run goes on
        else:
            if len(run) >= _FIGURE_RUN:
                drop.update(run)
            run = [index] if debris[index] else []
    if len(run) >= _FIGURE_RUN:
        drop.update(run)
    return [line for index, line in enumerate(lines) if index not in drop] if drop else lines


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """The first and last of each run of consecutive ``indices`` (sorted)."""
    runs: list[tuple[int, int]] = []
    for index in indices:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def _in_figure(lines: list[Line], index: int) -> bool:
    """Whether the line at ``index`` stands right under a figure's numbers (a plot's, rebuilt as
    a table's rows) and over its caption or a line of no prose (a plot's "XS S M L XL" axis),
    on one page: a plot's title."""
    if not 0 < index < len(lines) - 1:
        return False
    before, line, after = lines[index - 1 : index + 2]
    return (
        before.page == line.page == after.page
        and before.table
        and (
            bool(_CAPTION.match(after.text))
            or (
                not after.styled
                and after.text.isascii()
                and not _PROSE_WORD.search(after.text)
                and after.text.count(" ") >= _AXIS_WORDS_LEAST - 1
            )
        )
    )


_AXIS_WORDS_LEAST = 4
"""Words of a plot's axis under its title, at least: a change history's "v1.0" under its
heading is no axis."""


_PROSE_WORD = re.compile(r"[a-z]{3,}")
"""A word of prose, in lowercase: an axis's "XS S M L XL" has none."""


def _figure_word(line: Line) -> bool:
    """Whether a short line may be a figure's words: no sentence, no formula, heading, caption
    or list item."""
    return (
        not line.text.endswith(_SENTENCE_ENDS)
        and (not _FORMULA.search(line.text) or bool(_LABEL_VALUE.match(line.text)))
        and not (_HEADING_START.match(line.text) or _CAPTION.match(line.text) or _LIST_ITEM.match(line.text))
    )


def _page_one_figure_words(lines: list[Line]) -> set[int]:
    """The lines of page 1 that are a figure's words: a run of three blocks or more of short
    lines that are no sentences right over a caption ("Figure 1: Potential information content
    of a sound texture vs. time" under its axes' "potential", "information content", "time"; a
    teaser figure's), its last a few lines over it: not the authors' names and addresses over
    a teaser figure's picture and caption (acmart's), nor a run that no caption closes."""
    drop: set[int] = set()
    run: list[int] = []  # the lines of the run's blocks
    for _block, group in itertools.groupby(range(len(page_one(lines))), key=lambda i: lines[i].block):
        block = list(group)
        if _CAPTION.match(lines[block[0]].text):
            if len({lines[i].block for i in run}) >= _FIGURE_RUN and (
                lines[block[0]].top - lines[run[-1]].top <= _CAPTION_BELOW_MOST
            ):
                drop.update(run)
            run = []
        elif all(
            len(lines[i].text) < _FIGURE_WORDS_MOST and not lines[i].bold and _figure_word(lines[i])
            for i in block
        ):
            run += block
        else:
            run = []
    return drop


_FIGURE_WORDS_MOST = 60


_CAPTION_BELOW_MOST = 36.0
"""Points from the top of a figure's last words (an axis's label) on page 1 to the top of its
caption, at most (22 in a real DAFx paper)."""


_FIGURE_RUN = 3


_SENTENCE_ENDS = (".", "?", "!", ":", ";")


_FORMULA = re.compile(r"[=←→∈⊗∇∑∏∫≤≥<>≈∝^\[\]\u0370-\u03ff]|^\(\d+(?:\.\d+)*\)$")
"""A formula's line (a relation, an operator, an index, a Greek letter) or its number."""


_HEADING_START = re.compile(NUMBERING.pattern + r"[A-Z]")
"""A numbered heading's start ("2.1 Datasets"), not a row of numbers ("1 2 3 4 5 Beat")."""


_LABEL_VALUE = re.compile(r"[A-Za-z][\w ]{0,20}=\s*[-−]?[\d.]+%?$")
"""A figure's annotation ("F1=0.869"), not a formula."""


_TICKS = re.compile(r"^[-−–+]?\d[\d.,%]*(?:\s+[-−–+]?\d[\d.,%]*)*$")


_LIST_ITEM = re.compile(r"(?:[•◦▪–*-]|\(?\d{1,2}\)|\(?[a-z]\)|[ivx]{1,4}\))\s")
"""A list item's start: a bullet, "(1)", "2)", "(a)", "iii)"."""


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
    paper's say who funded it)."""
    kept = []
    for section in sections:
        name = unnumbered(section.heading).strip()
        if REFERENCES.match(name) or (NOT_CONTENT.match(name) and not name.lower().startswith("ack")):
            continue
        kept.append(section)
    return kept


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

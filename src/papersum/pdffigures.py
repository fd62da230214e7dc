"""A figure's words that mupdf reads as text (axis ticks and labels, a diagram's boxes, a plot's
title) taken out of the reading flow."""

from __future__ import annotations

import itertools
import re

from papersum.pdfflow import CAPTION, HEADING_START, SENTENCE_ENDS
from papersum.pdfheadings import heading_key, is_named_key
from papersum.pdflines import Line, page_one


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
    # a label with a formula's letter between a plot's ticks and its other words is one of them
    # (glmnet's "Log(λ)" between "7 8 9 10 11" and "Partial Likelihood Deviance")
    for i in range(1, len(lines) - 1):
        if debris[i - 1] and debris[i + 1] and _between_ticks(lines, i):
            debris[i] = True
    # bold words are a figure's (a diagram's boxes: "STFT", "2D structuring filter") two or more
    # in a row, when another of its words follows them on their page; a bold heading alone is
    # followed by its text, however short its first paragraph
    bold = {i for i, shape in enumerate(shaped) if shape and lines[i].bold}
    labels = {i for i in bold if i - 1 in bold or i + 1 in bold}
    for index in reversed(sorted(labels)):
        if index + 1 < len(lines) and debris[index + 1] and lines[index + 1].page == lines[index].page:
            debris[index] = True
    # or one alone among a figure's words on its page, three of them about it: a diagram's boxes,
    # each in bold over its words ("SxS strides" / "Convolution" / "C, KxK filters" / "Batch
    # Norm" / "Activation ReLU"); not a named heading ("Ethics Statement" between a footnote's
    # address and its text's first line, under an ACL paper's acknowledgements)
    for index in sorted(bold):
        if 1 < index < len(lines) - 2 and _among_figure_words(lines, debris, index):
            debris[index] = not _named(lines[index])
    # or, one or more, after its words and right over its caption (MLSP 2017's "BIRD BIRD HUMAN
    # SPEECH" over "Fig. 1: …", under the plot's axis words), or two or more right over it (ELF's
    # panels "Unconditional Generation", "Translation", "Summarization"); or many in a row on their page, a
    # diagram's boxes whatever follows them (an IEEE Access paper's "Level-1 Encoder-1", …,
    # "Input", "Output" over its formulas): headings never come so many in a row
    panels: set[int] = set()
    for first, last in _runs(sorted(bold)):
        over_table = last + 1 < len(lines) and lines[last + 1].table  # a table's header: tables_aside's
        boxes = last - first + 1 >= _BOXES_LEAST and lines[first].page == lines[last].page and not over_table
        over_caption = (
            first > 0
            and last + 1 < len(lines)
            and (debris[first - 1] or last > first)  # or two or more: no heading is over another
            and lines[first - 1].page == lines[last + 1].page
            and CAPTION.match(lines[last + 1].text) is not None
        )
        if boxes or over_caption:
            debris[first : last + 1] = [True] * (last + 1 - first)
        if over_caption and _PANELS.fullmatch(lines[first - 1].text):  # under "(a) (b)": a run of
            panels.update(range(first - 1, last + 1))  # two, the figure's all the same
        elif over_caption and last > first:  # two or more under prose: a diagram's boxes, dropped
            panels.update(i for i in range(first, last + 1) if not _named(lines[i]))  # however few
    # or over its words and numbers, which run down to its caption: an axis's title over them
    # (Annual Reviews' "Mortality estimate (log-transformed)" over "Cats", "Building windows" …),
    # or a diagram's box over its other words and boxes (OpenReplica's "R1 R2 Rn NS" over
    # "View", "A1 A2 An", "Client" …): from the caption up, each box found lets the run go on
    for index in sorted(bold, reverse=True):
        end = index + 1
        while end < len(lines) and lines[end].page == lines[index].page and (debris[end] or lines[end].table):
            end += 1
        on_page = end < len(lines) and lines[end].page == lines[index].page
        if end - index > _FIGURE_RUN and on_page and CAPTION.match(lines[end].text):
            debris[index] = True
    # axis ticks ("0 50 100 150 200") are no text wherever they stand
    drop = {index for index, line in enumerate(lines) if debris[index] and _TICKS.match(line.text)}
    # a plot's bold title or axis label between its numbers and its axis words, legend or caption
    # ("SSD300: BBox Area", SSD's; "Signal/Noise Ratio (dB)" over "15 sec linear 10 sec linear")
    drop.update(i for i in bold if _in_figure(lines, debris, i))
    drop |= panels
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


def _between_ticks(lines: list[Line], index: int) -> bool:
    """Whether the short plain line at ``index`` of a later page has a plot's ticks right before
    or after it, on its page, and may be a figure's words though a formula's letters are in it
    (not a relation: a matrix's rows around "f = , h =" stay)."""
    before, line, after = lines[index - 1 : index + 2]
    return (
        before.page == line.page == after.page
        and not (line.styled or line.table or line.bold)
        and len(line.text) < _FIGURE_WORDS_MOST
        and (_TICKS.match(before.text) is not None or _TICKS.match(after.text) is not None)
        and _figure_word(line, formula_letters=True)
    )


def _among_figure_words(lines: list[Line], debris: list[bool], index: int) -> bool:
    """Whether the lines right before and after ``index`` are a figure's words, on its page, and
    one more of the two before or after it."""
    page = lines[index].page
    around = [k for k in range(index - 2, index + 3) if k != index and lines[k].page == page and debris[k]]
    return index - 1 in around and index + 1 in around and len(around) >= _AROUND_LEAST


_AROUND_LEAST = 3
"""A figure's words among the two lines before and the two after a bold one, at least."""


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """The first and last of each run of consecutive ``indices`` (sorted)."""
    runs: list[tuple[int, int]] = []
    for index in indices:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def _in_figure(lines: list[Line], debris: list[bool], index: int) -> bool:
    """Whether the line at ``index`` stands right under a figure's numbers (a plot's, rebuilt as
    a table's rows, or its ticks) and over its caption, its ticks or rows, a line of no prose (a
    plot's "XS S M L XL" axis) or, when not a named heading, its other words (a legend's "15 sec
    linear 10 sec linear"), on one page: a plot's title or axis label."""
    if not 0 < index < len(lines) - 1:
        return False
    before, line, after = lines[index - 1 : index + 2]
    return (
        before.page == line.page == after.page
        and (before.table or (debris[index - 1] and _TICKS.match(before.text) is not None))
        and (
            bool(CAPTION.match(after.text))
            or after.table
            or (debris[index + 1] and (_TICKS.match(after.text) is not None or not _named(line)))
            or (
                not after.styled
                and after.text.isascii()
                and not _PROSE_WORD.search(after.text)
                and after.text.count(" ") >= _AXIS_WORDS_LEAST - 1
            )
        )
    )


def _named(line: Line) -> bool:
    return is_named_key(heading_key(line.text))


_AXIS_WORDS_LEAST = 4
"""Words of a plot's axis under its title, at least: a change history's "v1.0" under its
heading is no axis."""


_PROSE_WORD = re.compile(r"[a-z]{3,}")
"""A word of prose, in lowercase: an axis's "XS S M L XL" has none."""


def _figure_word(line: Line, *, formula_letters: bool = False) -> bool:
    """Whether a short line may be a figure's words: no sentence, no formula, heading, caption
    or list item (``formula_letters``: a formula's letters allowed, not a relation: "Log(λ)")."""
    text = line.text
    return _PANELS.fullmatch(text) is not None or (
        not text.endswith(SENTENCE_ENDS)
        and (
            not _FORMULA.search(text)
            or (formula_letters and "=" not in text)
            or bool(_LABEL_VALUE.match(text) or _TICKS.match(text))
        )
        and not (HEADING_START.match(text) or CAPTION.match(text) or _LIST_ITEM.match(text))
    )


def _page_one_figure_words(lines: list[Line]) -> set[int]:
    """The lines of page 1 that are a figure's words: a run of three blocks or more of short
    lines that are no sentences right over a caption ("Figure 1: Potential information content
    of a sound texture vs. time" under its axes' "potential", "information content", "time"; a
    teaser figure's), its last a few lines over it: not the authors' names and addresses over
    a teaser figure's picture and caption (acmart's), nor those over its labels right over its
    caption (a block with an e-mail address ends a run), nor a run that no caption closes."""
    drop: set[int] = set()
    run: list[int] = []  # the lines of the run's blocks
    for _block, group in itertools.groupby(range(len(page_one(lines))), key=lambda i: lines[i].block):
        block = list(group)
        if CAPTION.match(lines[block[0]].text):
            if len({lines[i].block for i in run}) >= _FIGURE_RUN and (
                lines[block[0]].top - lines[run[-1]].top <= _CAPTION_BELOW_MOST
            ):
                drop.update(run)
            run = []
        elif all(
            len(lines[i].text) < _FIGURE_WORDS_MOST
            and not lines[i].bold
            and _figure_word(lines[i])
            and "@" not in lines[i].text  # an author's e-mail: names over a teaser's labels
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


_BOXES_LEAST = 6
"""Bold short lines in a row, no sentence among them, that are a diagram's boxes, at least."""


_FORMULA = re.compile(r"[=←→∈⊗∇∑∏∫≤≥<>≈∝^\[\]\u0370-\u03ff]|^\(\d+(?:\.\d+)*\)$")
"""A formula's line (a relation, an operator, an index, a Greek letter) or its number."""


_LABEL_VALUE = re.compile(r"[A-Za-z\u0370-\u03ff][\w ]{0,20}=\s*[-−]?[\d.]+%?$")
"""A figure's annotation ("F1=0.869", a plotted line's "α = 3"), not a formula."""


_TICK = r"[-−–+]?\d[\d.,%]*(?:\^[-−–]?\d{1,3})?"
_TICKS = re.compile(rf"^{_TICK}(?:(?:\s+|\s*×\s*){_TICK})*$")
"""A plot's tick labels: numbers, powers of ten on a log scale too ("10^17", "2 × 10^0", "10 10
10 10^9" as mupdf reads the exponents raised), which are no formula."""


_PANELS = re.compile(r"\([a-h]\)(?: \([a-h]\))*")
"""A figure's panels' labels alone ("(a) (b)"), not a list item's start."""


_LIST_ITEM = re.compile(r"(?:[•◦▪–*-]|\(?\d{1,2}\)|\(?[a-z]\)|[ivx]{1,4}\))\s")
"""A list item's start: a bullet, "(1)", "2)", "(a)", "iii)"."""

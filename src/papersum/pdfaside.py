"""What is set aside from the reading flow, so that a sentence runs whole past it: figure and
table captions (kept apart, a subfigure's too), the footnotes at each later page's foot, and a
table's bold head and rows that mupdf reads as paragraphs of their own."""

from __future__ import annotations

import re
from collections.abc import Callable

from papersum.pdfchars import SOFT_HYPHEN
from papersum.pdfflow import CAPTION, HEADING_START, REFERENCES, SENTENCE_ENDS
from papersum.pdfheadings import ANCHOR_HEADINGS, heading_key, heading_words, is_back_matter
from papersum.pdflines import Line
from papersum.pdftables import cells_at_most

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


_LABEL_MOST = 20
"""Characters of a figure's label left in the text ("Legend:"), at most: it tells nothing of
whether the text before the figure runs on."""
_FOOTNOTE_MOST = 400
_FOOTNOTES_MOST = 2000
"""Characters of a paragraph of several footnotes, at most (``_notes_in_sequence``)."""


def _notes_in_sequence(text: str) -> bool:
    """Whether a paragraph led by a footnote's mark holds the next note too, its mark right after
    a sentence's or an address's end: mupdf reads the notes at a column's foot as one paragraph
    ("1The dataset is located at https://github.com/…. 2https://codeforces.com/ 3The rating
    …", AlphaCode; "2We omit a constant offset for simplicity. 3Only one entry …", DeepFM),
    which is then no paragraph of the body, wherever it is read and however long. Not a list
    or contents numbered without stops ("1 Loris Capirossi 38:04.730 2 Valentino Rossi",
    "5 Some Common Wisdom Examined 17 5.1 Types"), nor questions numbered after their quotes
    ('… policy. "How are you" 24 List some examples …')."""
    mark = _MARK.match(text)
    if mark is None:
        return False
    following = re.escape(str(int(mark[0]) + 1))
    return re.search(rf"(?:[.!?)]|\.\w+/|\w/) {following} ?(?:https?://|www\.|[A-Z])", text) is not None


_MARK = re.compile(r"\d{1,2}(?=\s?(?:https?://|www\.|[A-Z]))")


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
    in_capitals = False  # the caption's last line is in capitals (its label, or its title's)
    of_table = False  # the last caption is a table's
    table_lines: set[int] = set()  # a table's bold head under its caption, its bold rows: no heading, no text
    heads_over_rows: set[int] = set()  # a table's bold head over its rows and caption: no heading
    for index, line in enumerate(lines):
        starts = line.first if not line.styled else (index == 0 or lines[index - 1].block != line.block)
        block = (line.page, line.block)
        subcaption = False  # a subfigure's caption, which no block after it goes on
        label_block, labelled = labelled, None  # the label's title is the very next block
        if starts and line.text[:1] in "FfTt" and (label := CAPTION.match(line.text)):
            caption_blocks.add(block)
            labelled = block if line.alone and label.end() >= len(line.text.rstrip()) else None
            in_capitals = _in_capitals(line.text)  # IEEE's small capitals: "TABLE IV" / "MODELS …"
            of_table = line.text[:1] in "Tt"
        elif starts and line.text[:1] == "(" and (panel := _subcaption(lines, index)):
            caption_blocks.add(block)  # a subfigure's: runs on into no other block
            in_capitals, of_table, subcaption = False, panel[:1] in "Tt", True
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
            in_capitals = _in_capitals(line.text)  # a title in capitals under "TABLE 1", or not
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
        elif line.bold and _is_head_over_rows(lines, index):
            heads_over_rows.add(index)  # the table's head row, for tables_aside: no heading
        ends = line.text.endswith(SENTENCE_ENDS) or subcaption
        if block in caption_blocks:
            runs_on = not ends
        else:
            runs_on = False
            if not (len(line.text) < _LABEL_MOST and line.text.endswith(":")):  # not "Legend:"
                text_runs_on = not ends
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
        # not a heading such as "2 Challenges", nor a long one in capitals ("3 TRAINING DEEP …")
        sentence = text.endswith(".") or (len(text.split()) >= 8 and not _in_capitals_heading(line))
        one = len(text) < _FOOTNOTE_MOST and (linked or (sentence and (at_foot or len(text) < 200)))
        if one or (len(text) < _FOOTNOTES_MOST and sentence and _notes_in_sequence(text)):
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
            kept.append(line._replace(bold=False) if index in heads_over_rows else line)
    return kept, captions


def _subcaption(lines: list[Line], index: int) -> str:
    """The text after a subfigure's letter that leads the line at ``index`` when it is the
    subfigure's caption: the figure's own caption after it ("(b) Figure 1: …"), or a short
    paragraph right between the halves of a sentence the figure cuts ("… the scores should be" /
    "(a) RM score distribution. (b) AM score distribution." / "well-calibrated. …"); not a list's
    item ("… losses: (a) the reconstruction loss, and" / "(b) the adversarial loss" / "which …").
    "" if not."""
    line = lines[index]
    lead = _PANEL_LEAD.match(line.text)
    if lead is None:
        return ""
    rest = line.text[lead.end() :]
    if CAPTION.match(rest):
        return rest
    if not 0 < index < len(lines) - 1 or not line.alone or len(line.text) > _SUBCAPTION_MOST:
        return ""
    before, after = lines[index - 1], lines[index + 1]
    cut = (
        before.page == line.page == after.page
        and not before.text.endswith((*SENTENCE_ENDS, ",", " and", " or"))
        and after.text[:1].islower()
    )
    # not an item cut by the page's end itself, whose text then goes on ("(a) The Register is a
    # comprehensive record of all polities which" / "are …"): a caption of many words ends one
    whole = len(line.text.split()) < _SUBCAPTION_WORDS or line.text.rstrip('”’")]').endswith(".")
    return rest if cut and whole and not line.text.endswith((",", ";", ":", "-", " and", " or")) else ""


_PANEL_LEAD = re.compile(r"(?:\([a-h]\)\s+)+")
_SUBCAPTION_MOST, _SUBCAPTION_WORDS = 150, 8
"""Characters of a subfigure's caption, at most; its words, from which it ends a sentence."""


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


def _is_head_over_rows(lines: list[Line], index: int) -> bool:
    """Whether ``lines[index]``, in bold, is the head of a table whose caption is under it, over
    its rows read as one run of numbers right over the caption, on one page ("Strategy SST-5
    ASSET Avg." / "random 48.67(0.97) 46.32(0.32) 47.50 …" / "Table 4: Designs in EVOPROMPT
    (GA).")."""
    if index + 2 >= len(lines):
        return False
    line, rows, caption = lines[index : index + 3]
    return (
        line.page == rows.page == caption.page
        and caption.text[:1] in "Tt"
        and CAPTION.match(caption.text) is not None
        and not rows.table  # (rows pdftables set as such take their head with them)
        and _numbers_row(rows)
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


_NUMBER = re.compile(r"[(\[]?[±+\-−–]?\d[\d.,:%×±]*(?:\(\d[\d.]*\))?[)\]%*†‡]?|[-–—]")
"""A table's cell of a number: signed, in brackets, with its error ("0.722±0.059", "48.67(0.97)"),
marked ("62.1*"), or a dash for none."""


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


_CAPTION_TITLE_MOST = 150
"""Characters of a caption's title on the line under its label alone ("Table 1"), at most."""


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
    if line.text[:1].islower():  # a caption in capitals goes on in capitals ("bulbul SUBMISSION")
        if in_capitals:
            return 2 * sum(map(str.isupper, line.text)) >= sum(map(str.isalpha, line.text))
        return not text_runs_on or _sentence_after(lines, index)
    return in_capitals and _in_capitals(line.text) and not HEADING_START.match(line.text)


def _in_capitals(text: str) -> bool:
    """Whether ``text`` is set in capitals, but for its maths' symbols, words of three letters at
    most ("TABLE I AVERAGED VALUES ∥Smx∥/∥x∥ COMPUTED FOR …", "WITH T = 740 ms FOR GTZAN":
    IEEE TSP's captions); not a table's row of names and numbers ("GAN REPGAN En_GAN … 3.0758")."""
    if text.isupper():
        return True
    upper = sum(map(str.isupper, text))
    return (
        upper >= _CAPITALS_LEAST
        and "_" not in text
        and 2 * sum(map(str.isdigit, text)) <= upper
        and all(len(word) <= _SYMBOL_MOST for word in _LOWERCASE_WORD.findall(text))
    )


_CAPITALS_LEAST = 8
_SYMBOL_MOST = 3
_LOWERCASE_WORD = re.compile(r"\w*[a-z]\w*")


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


def _in_capitals_heading(line: Line) -> bool:
    """Whether a paragraph is a heading in capitals ("3 TRAINING DEEP NEURAL NETWORKS USING A
    NOISE ADAPTATION LAYER"), not a table's row with no small letter ("1K 118 4 10K ✓ ✓ …")."""
    return line.text.isupper() and heading_words(line) is not None

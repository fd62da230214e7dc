"""The reading flow of a paper: only its body text. Captions, footnotes, tables, running
footers, references and a thesis's front matter are taken out (captions and tables kept
apart)."""

from __future__ import annotations

import itertools
import re

from papersum.models import Section
from papersum.pdfchars import SOFT_HYPHEN
from papersum.pdfheadings import NUMBERING, is_back_matter, unnumbered
from papersum.pdflines import Line

REFERENCES = re.compile(
    r"^(references?|bibliography|works cited|literature cited|cited literature|references and notes|"
    r"notes and references|reference list|list of references|"
    r"références|bibliographie|literatur|literaturverzeichnis|referencias|referências|"  # French,
    r"bibliograf[ií]a|riferimenti bibliografici|"  # German, Spanish, Portuguese, Italian,
    r"参考文献|참고문헌|список литературы|литература|کتابنامه|منابع)$",  # Chinese and Japanese,
    re.I,  # Korean, Russian, Persian
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
    r"(?=[\[\d])(?:\[(\d{1,3})\]\s*(?=[A-ZÀ-Þ])|(?<![\w.,:/\-])(\d{1,3})\.?\s?"  # "[12] ", "12", "12. "
    r"(?=(?:[A-Z]\.(?:-[A-Z]\.)? ?)+[A-ZÀ-Þ][^\W\d_A-Z]|[A-ZÀ-Þ][^\W\d_A-Z]+, [A-Z]\.))"
)
"""Where a numbered reference starts, in a references list that has no heading (JASA, Nature):
its number, then an author ("H. Wierstorf", "F.-R. Stöter", "A. Défossez", "Smith, J."); in
brackets, any capital: APS's and JASA's lists hold notes too ("[2] See the explanation of …",
revtex's footnotes in the bibliography). (It starts by looking ahead for a bracket or a digit,
which lets the search skip ahead in C.)"""


_REFERENCE_GAP = 700
"""Characters at most between two references of such a list."""


_REFERRING = (
    "shows?|illustrates?|presents?|provides?|summari[sz]es?|lists?|gives?|compares?|displays?"
    "|depicts?|reports?|describes?|details|plots|visuali[sz]es|highlights|demonstrates|reveals"
    "|confirms|indicates|suggests|outlines|contains|includes|considers|explores|is|are|was|were"
    "|has|have|also|and|further|again|below|above|here|then|clearly"
    "|showcases?|exhibits?|contrasts?|examines|evaluates|analy[sz]es|measures|ranks|captures"
    "|of|in|from"
    "|[a-z]*[a-rt-z]s"  # any verb of the text's in the third person: "Table 5 breaks down …"
)
"""The words after a figure's or a table's number that make a sentence of the text, not a
caption: "Figure 6 shows for several methods …", "Table 7 also includes …", "Table A6 of the
Supplementary Material presents …", "Table 5 breaks down the results …" (a lowercase word
ending in one "s": a caption's title after a bare number is capitalised, "class activation
maps" aside)."""


CAPTION = re.compile(
    r"^(?:(?i:fig(?:ure)?\.?|table|tab\.)\s*(?:[A-HS]\.?)?\d+(?:\.\d+)*(?:[.:](?:\s|$)|\s++(?!(?:"
    + _REFERRING
    + r")\b)|$)|TABLE\s+[IVXLC]+[.:]?(?:\s|$)|(?i:table)\s+[IVXLC]+[.:](?:\s|$))"
)
"""A caption's label: "Figure 3:", "Table 2.", "Fig. 4 Spectrograms of …", an appendix's or a
supplement's "Table A1:", "Figure S3.", and IEEE's "TABLE IV" in capitals, JASA's "TABLE I." (not a
sentence that starts "Table I lists …" or "Figure 6 shows …", which is the text's)."""


SENTENCE_ENDS = (".", "?", "!", ":", ";")
"""What ends a sentence: no caption's title, no figure's words end so."""


HEADING_START = re.compile(NUMBERING.pattern + r"[A-Z]")
"""A numbered heading's start ("2.1 Datasets"), not a row of numbers ("1 2 3 4 5 Beat")."""


FOOTNOTE_SMALLER = 0.9
"""Points under the body size that make a line of page 1 a footnote."""


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
    guidelines, whose items "2. Limitations" … read as sections) and all after it but the
    appendices it may come before (NeurIPS 2022's "Checklist", then "A Frequently Asked …")."""
    kept = []
    after_references = checklist = False
    for section in sections:
        name = unnumbered(section.heading).strip()
        if after_references and CHECKLIST.match(name):
            checklist = True
        if checklist and not _APPENDIX_START.match(section.heading):
            continue
        checklist = False
        if REFERENCES.match(name):
            after_references = True
        elif not NOT_CONTENT.match(name) or name.lower().startswith("ack"):
            kept.append(section)
    return kept


CHECKLIST = re.compile(r"^(?:[\w-]+\s+){0,2}checklist$", re.I)
"""A conference's checklist's heading: "NeurIPS Paper Checklist", "Reproducibility Checklist"."""


_APPENDIX_START = re.compile(r"(?:Appendi|Supplementa|A [A-Z])")
"""An appendix's heading, or the first lettered one ("A Frequently Asked Questions")."""


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
            runs_on = not ends_sentence(previous.text) and (
                line.text[:1].islower() or (line.page != previous.page and _name_goes_on(previous, line))
            )
            parts.append(("\n\n" if new_block and not runs_on else " ") + line.text)
        previous = line
    text = "".join(parts)
    return (SPACES.sub(" ", text) if "  " in text or "\t" in text else text).strip()


def _name_goes_on(previous: Line, line: Line) -> bool:
    """Whether a paragraph led by a capital at a page's top goes on the sentence ``previous``
    leaves running at the foot of the page before: a name or an acronym after a word or a comma
    that ends a long paragraph of prose, leading prose of its own ("Adam combines features from"
    / "AdaGrad (Ward et al., 2020), which …"; "compared to 5740 ops/s for" / "Redis. But …").
    Not the words of a figure ("Input Image"), a prompt shown in one ("Describe the 3D object in
    detail."), a table, a numbered statement ("Theorem 8 (…)"), a sentence's first word ("…
    differences in the" / "The storage space of the circular queue …", an example set between
    the halves), nor two capitalised words, as a box's head is ("Original Context In Canada, …";
    a name of two goes on only after "the", "of", "without" and their like: "… the model
    without" / "Noisy Student Training suffers …"). Within a page the paragraphs
    between two columns' halves of a sentence are as often a theorem, a program or a legend
    after a displayed formula: read as new."""
    if not (line.text[:1].isupper() and previous.text[-1:] in _RUNS_ON_AFTER) or line.table or previous.table:
        return False
    if len(previous.text) < _PROSE_LEAST or len(line.text) < _PROSE_LEAST:
        return False
    words = line.text.split()
    if len(words) < 2:  # one long token: a sequence ("ACGTTGCA…"), an address, a hash
        return False
    lead = " ".join(words[:3])
    if words[0].rstrip(",") in _SENTENCE_STARTS or any(c.isdigit() or c in ":=" for c in lead):
        return False  # nor a numbered statement or a legend ("Theorem 8 (…)", "PROPOSE = …")
    if (
        words[1][:1].isupper()
        and words[0][-1] not in ".,;"
        and (not words[0].isupper() or words[1].isupper())
        and previous.text.rsplit(None, 1)[-1].lower() not in _WANTS_A_NAME
    ):
        return False  # a box's or a table's head: "Original Context In …", "GSEC GSM EGCM …"
    head = line.text[:_BOX_LOOK]
    if any(mark in head for mark in _BOX_MARKS) or (". " not in head and not head.endswith(".")):
        return False  # a prompt, a question, a list or a table shown in a box: no sentence
    return sum(word[:1].islower() for word in words) >= _LOWERCASE_SHARE * len(words)


_WANTS_A_NAME = frozenset(("the", "of", "via", "by", "with", "without", "than", "from", "using", "into"))
"""Words after which a sentence must go on, with a name of two capitalised words too ("…
intellectual quasi-monopoly in AI in the late 2010s via" / "Deep Learning, a …")."""
_BOX_LOOK = 300
_BOX_MARKS = ("•", "{", "?", "“", "”", '"')
"""What a box's text (a prompt, its questions, a list) shows early and prose seldom does."""


_RUNS_ON_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz,")
_PROSE_LEAST = 80
"""Characters of a paragraph of prose, at least, on either side of a sentence a break cuts."""
_LOWERCASE_SHARE = 0.5
"""Words in lowercase, at least, of a paragraph of prose (a table's or a figure's are capitals
and numbers)."""
# fmt: off
_SENTENCE_STARTS = frozenset((
    "A", "An", "The", "This", "That", "These", "Those", "There", "It", "Its", "We", "Our", "In", "On",
    "At", "For", "From", "To", "As", "If", "When", "While", "Since", "Although", "However", "Thus",
    "Therefore", "Hence", "Moreover", "Furthermore", "Finally", "First", "Second", "Third", "Figure",
    "Fig", "Table", "Algorithm", "Note", "Here", "Then", "Each", "All", "Both", "Some", "Most", "Many",
    "One", "Two", "Given", "Let", "Consider", "Following", "After", "Before", "By", "With", "Without",
    "Unlike", "Like", "Similarly", "Specifically", "Above", "Below", "What", "How", "Why", "Which",
    "Who", "Where", "Please", "Review", "Begin", "Write", "Let's", "Using", "Once", "Answer",
    "Question", "Input", "Output", "Example", "Prompt", "Step",
))
# fmt: on
"""Words a sentence often starts with, which a sentence's second half rarely does: after them
a paragraph is read as new."""


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

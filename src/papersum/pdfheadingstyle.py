"""Whether a line is set as a heading: apart from the body by its type, weight, numbering or
place (centred over the text), shaped as one (not a formula, a list's item, a bold paragraph);
and the lines a long heading goes on over."""

from __future__ import annotations

import re
from collections import Counter

from papersum.pdfcase import heading_under
from papersum.pdfflow import CHECKLIST, NOT_CONTENT, REFERENCES, ends_sentence
from papersum.pdfheadings import (
    ANCHOR_HEADINGS,
    OPEN_END,
    RUN_IN_NUMBER,
    SECTION_TYPE,
    heading_key,
    heading_words,
    is_back_matter,
    is_numbered,
    unnumbered,
)
from papersum.pdflines import Line
from papersum.pdfnumbering import (
    CAPITALS_MOST,
    WHOLE_NAMES,
    capitals_share,
    in_capitals,
    words_in_capitals,
)
from papersum.pdfoutline import APPENDIX_LETTER

_BARE_INTEGER = re.compile(r"^\d+\s")


_APPENDIX_IN_CAPITALS = re.compile(r"[A-H] (?:A )?[A-Z]{2}")


_NUMBER_AFTER = re.compile(r" \d{1,2}$")
"""A number closing a title ("B PROOF OF LEMMA 1")."""


def continues_heading(previous: Line, line: Line) -> bool:
    """Whether ``line`` is the next line of a heading that ends at ``previous`` (a long heading
    set over two or three lines): unnumbered, no section's name, on its page and
    - on page 1 (read line by line): in the heading's block and type ("3. CHALLENGES IN THE
      DOMAIN OF UNDERSTANDING" over "PATHOLOGICAL CONDITIONS", centred as ICASSP sets it);
    - on a later page, where mupdf makes each line of such a heading a block: a short paragraph
      alone, bold in the bold heading's type (a thesis's chapter "4. Developing a … for" /
      "micro-enterprises using …"), or in capitals under one in capitals (IEEE's small
      capitals: "IV. RQ1: HOW COMMON DO PROJECTS APPLY" / "CONVENTIONAL COMMITS …?"), and
      not a capitalised line under a section's known name."""
    if line.page != previous.page or line.styled != previous.styled:
        return False
    if line.styled:  # bold or in capitals: not the text an IEEE heading in body type runs into
        same = (line.block, line.size, line.bold) == (previous.block, previous.size, previous.bold)
        shown = line.bold or (line.text.isupper() and unnumbered(previous.text).isupper())
        return not line.first and same and shown and not is_numbered(line.text)
    if not (line.alone and previous.alone and len(line.text) <= _HEADING_LINE_MOST):
        return False
    if (
        OPEN_END.search(previous.text)
        and len(line.text.split()) <= _OPEN_END_WORDS_MOST
        and not ends_sentence(line.text)
        and not is_numbered(line.text)
    ):
        return True  # "4.2 … Verification with" / "UCLID5", in typewriter type
    if "? " in line.text or ". " in line.text:  # sentences ("How much data to be loaded? How …")
        return False
    if in_capitals(unnumbered(previous.text)) and capitals_share(line.text) < CAPITALS_MOST:
        return False  # a heading in capitals goes on in capitals; "Predation by …" heads a subsection
    capitals = line.text.isupper() and unnumbered(previous.text).isupper()
    if previous.text.endswith(".") or not (
        (line.bold and previous.bold and line.size == previous.size) or capitals
    ):
        return False
    if previous.text.endswith(":") and not capitals:  # "VI. … TIMBRES:" / "ADDITIVE SYNTHESIS" goes on
        return False
    if is_numbered(line.text) or RUN_IN_NUMBER.match(line.text) or heading_key(line.text) in ANCHOR_HEADINGS:
        return False
    if APPENDIX_LETTER.match(previous.text) and APPENDIX_LETTER.match(line.text):
        return False  # the next appendix ("D Longer Fine-tuning …" / "E Performance of …")
    if heading_under(unnumbered(previous.text), line.text, small=not previous.size):
        return False  # "4.1 Setup" over "Unsupervised pre-training": a paragraph's own heading
    # a section's name whole is followed by its first subsection, not its second line (APA's
    # "Method" centred over "Participants" flush left, the same bold)
    return not (line.text[:1].isupper() and heading_key(previous.text) in WHOLE_NAMES)


_OPEN_END_WORDS_MOST = 4
"""Words of a short paragraph that ends a heading left open, at most."""


_HEADING_LINE_MOST = 80
"""Characters of a heading's second or third line, at most."""


def is_named_heading(line: Line, body_size: float) -> bool:
    """Abstract and References are often missing from the table of contents (``line`` is a
    candidate of ``find_headings``)."""
    if len(line.text) > 40:
        return False
    stripped = unnumbered(line.text).strip().removesuffix(":")  # a lead run in ("Funding:")
    set_apart = (line.bold or _above(line.size, body_size) > 0.4) if line.styled else True
    known = (
        REFERENCES.match(stripped)
        or NOT_CONTENT.match(stripped)
        or CHECKLIST.match(stripped)
        or stripped.lower() == "abstract"
        or (line.page > 0 and is_back_matter(stripped))  # page 1's is a sidebar's ("Competing Interests:")
    )
    # a section's usual name set as \section*, which hyperref leaves out of the outline
    # ("Discussion", "Conclusion" unnumbered after numbered sections): in a section's large type
    # and bold (not a label in a figure, "Methods"), after page 1 (not a title's second line,
    # "Evaluation"), not a contents line ("7 Conclusions 64") nor a lead ("Evaluation:")
    unlisted = (
        line.page > 0
        and line.bold
        and line.size >= SECTION_TYPE
        and line.text.rstrip()[-1:] not in ":0123456789"
        and heading_key(stripped) in ANCHOR_HEADINGS
    )
    return bool(set_apart and (known or unlisted))


_OCR_NUMBER = re.compile(r"\d{1,2}, [A-Z]{3,}")
"""A section's number whose stop OCR read as a comma, before a title in capitals ("1,
INTRODUCTION" on a scanned ISMIR paper's page 1)."""


_LARGE = 15.0
"""Points of a later page's paragraph large enough to head a section alone, in plain type (mupdf's
class of 15 pt and up: a report's "OVERVIEW", a chapter's "Exercises")."""


def later_body_size(lines: list[Line]) -> float:
    """The size class (``TAG_SIZE``) most of the text after page 1 is in: 0 (under 12 pt) in most
    papers, 12 in a thesis set in 12 pt, whose page 1, a title page, may tell a smaller body."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if not line.styled:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _large(size: float, body_size: float) -> bool:
    """Whether a later page's paragraph of this size (mupdf's class: 0, 12, 15 or 20) is in type
    large enough to head a section alone in plain type: 15 pt and up, or 12 over a body of 10.5
    pt at most (IEEE Micro's "Serving a Google query" over its text in 10)."""
    return size >= _LARGE or (size > 0 and size >= body_size + _LARGER_THAN_BODY)


_LARGER_THAN_BODY = 1.5


def _in_words(words: str) -> bool:
    """Whether a heading's words are words only: no formula ("R(u) = c"), no words over and over."""
    split = words.split()
    return bool(_WORDS_ONLY.fullmatch(words)) and len({w.lower() for w in split}) * 2 > len(split)


_WORDS_ONLY = re.compile(r"[\w\s'’:,.()&?/-]+")


def looks_like_heading(line: Line, body_size: float) -> bool:
    """Whether a candidate of ``find_headings`` is set apart and shaped like a heading."""
    if (words := heading_words(line)) is None:
        return False
    numbered = is_numbered(line.text) or _OCR_NUMBER.match(line.text) is not None
    key = heading_key(line.text)
    named = key in ANCHOR_HEADINGS or key.startswith("appendix")
    if not line.styled:  # a paragraph: a named one, or a bold, large or numbered one on its own
        if named or (line.alone and (line.bold or (_large(line.size, body_size) and _in_words(words)))):
            return True
        # in plain type "2.1 Title", "II. TITLE", "A. Title", but not "3 a footnote"; an appendix
        # "A ADDITIONAL IMPLEMENTATION DETAILS" in capitals (ICLR's small capitals)
        if (
            line.alone
            and _APPENDIX_IN_CAPITALS.match(line.text)
            and words_in_capitals(_NUMBER_AFTER.sub("", words))
        ):
            return sum(c.isalpha() for c in words) > _CAPITAL_LETTERS_LEAST  # not a plot's "H BITS"
        return _numbered_alone(line, words, numbered) and (
            line.size > 0 or not _BARE_INTEGER.match(line.text) or words_in_capitals(words)
        )
    above = _above(line.size, body_size)
    emphasised = line.bold or above >= 0.9
    if emphasised and above >= -1.0 and (numbered or named or line.bold):
        return True
    # IEEE sets "I. INTRODUCTION" in small caps of the body's size: a numbered line alone in
    # its block, in body type, is a heading all the same
    return abs(above) <= 0.5 and _numbered_alone(line, words, numbered)


def _numbered_alone(line: Line, words: str, numbered: bool) -> bool:
    """Whether a numbered line alone in its block has a heading's words: three letters at least,
    no statement's relation or colon."""
    if not (line.alone and numbered and sum(c.isalpha() for c in words) >= 3):
        return False
    # a heading in capitals may end with a colon before its second line ("VI. INSTRUMENTAL AND
    # VOCAL TIMBRES:" / "ADDITIVE SYNTHESIS", a book chapter's)
    bare = words.removesuffix(":")
    return not _STATEMENT.search(bare if words_in_capitals(bare) else words)


_STATEMENT = re.compile(r":$|[=≤≥∈<>]")
"""A numbered item's words in plain type that no heading has: a relation, or a colon that opens a
list ("2. H is concave and, for 0 ≤ η ≤ 1, it satisfies", "9. The following statements are
equivalent:", a lemma's properties)."""


def bold_paragraph(lines: list[Line], index: int) -> bool:
    """Whether a bold line of page 1 starts a paragraph in bold, not a heading: its block goes
    on in its type and weight for more lines than a heading has (IEEE's abstract, in bold, its
    second paragraph "In this paper, we develop linear programming formulations …"), or with
    the lines that go on from it it holds more words than a heading (a note in bold at the
    page's foot: "This is a preprint of a paper to appear in the" / "Proceedings of …")."""
    line = lines[index]
    if not (line.styled and line.bold):
        return False
    same = (line.page, line.block, line.size, line.bold)
    following = lines[index + 1 : index + _HEADING_LINES_MOST + 1]
    if len(following) == _HEADING_LINES_MOST and all(
        (ln.page, ln.block, ln.size, ln.bold) == same for ln in following
    ):
        return True
    words = sum(len(ln.text.split()) for ln in lines[index : heading_end(lines, index)])
    return words > _JOINED_WORDS_MOST


def heading_end(lines: list[Line], index: int) -> int:
    """Where a heading at ``index`` set over lines ends: past the lines that go on from it
    (``continues_heading``), ``_HEADING_LINES_MOST`` lines at most."""
    end, last = index + 1, min(len(lines), index + _HEADING_LINES_MOST)
    while end < last and continues_heading(lines[end - 1], lines[end]):
        end += 1
    return end


_HEADING_LINES_MOST = 3
"""Lines of a heading set over lines, at most."""


_JOINED_WORDS_MOST = 16
"""Words of a heading set over lines, at most."""


def centred_over_text(lines: list[Line], index: int, body_size: float) -> bool:
    """Whether a line of page 1 is a numbered heading in capitals of the body's type, centred
    over the paragraph mupdf read into its block (IEEE's "I. INTRODUCTION" in small capitals, in
    one block with "As the Internet continues …"): a heading alone in its block is found by its
    shape (``looks_like_heading``)."""
    line = lines[index]
    below = lines[index + 1] if index + 1 < len(lines) else None
    if not (
        line.styled and line.first and not line.alone and below is not None and below.block == line.block
    ):
        return False
    words = heading_words(line)
    return (
        words is not None
        and is_numbered(line.text)
        and words_in_capitals(words)
        and sum(c.isalpha() for c in words) >= _CAPITAL_LETTERS_LEAST
        and abs(_above(line.size, body_size)) <= 0.5
        and line.left - below.left >= _CENTRED_INSET
    )


_CAPITAL_LETTERS_LEAST = 6
"""Letters of a centred heading in capitals, at least ("RESULTS"; not a roman "II. A")."""


_CENTRED_INSET = 30.0
"""Points by which a centred heading starts right of the paragraph under it, at least."""


def _above(size: float, body_size: float) -> float:
    """Points by which type of ``size`` is larger than the body's, to a tenth as sizes are read:
    8.3 - 7.8 is 0.5000000000000009 in floating point, more than half a point."""
    return round(size - body_size, 1)

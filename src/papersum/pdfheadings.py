"""What a paper's heading looks like: its numbering and the depth it gives, its shape, the
section names every paper has, and the shapes mupdf's XHTML gives the headings it sets in a
paragraph's block (run in, or two headings in one block)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from papersum.pdflines import Line

_ARABIC = r"(?!0\.\d\d)\d{1,2}(?:\.\d{1,2}(?!\d))*"  # parts of two digits at most, no "0.NN"
NUMBERING = re.compile(rf"^(?:§\s?)?(?:{_ARABIC}\.?|[A-H](?:\.\d+)+\.?|(?!L\.)[IVXLC]+\.|[A-H]\.)\s+")
"""A section's number before its title: arabic (not a plot's score over its legend, "0.88 Downstream
dataset: …", "0.5368 MRR"; "0.1 Motivation" in a paper numbered from 0), an appendix's letter and
its numbers, roman (not a lone "L.": a variable ending a paragraph's first sentence, "L. Then")."""


OPEN_END = re.compile(r"(?<!/)\b(?:of|and|for|in|on|to|with|the|a|an|from|via|at|or)$", re.IGNORECASE)
"""A title's or heading's line that ends with a word the next line must follow: it goes on
("An Analysis of" / "Structural Query Tokens", "4.2 Verification with" / "UCLID5")."""


SECTION_NUMBER = re.compile(rf"^(?:§\s?)?(?:{_ARABIC}\.?|(?!L\.)[IVXLC]+\.|[A-H]\.)$")
"""A line that is only a section's number."""


HEADING_SHAPE = re.compile(
    r"^(?:[A-Z0-9]|[\u0370-\u03ff]-)(?:[^.!?]|\.(?=\w)|(?<=\.[A-Z])\.(?=\s)|\b(?:vs|cf|etc|e\.g|i\.e)\.){1,80}\??$"
)
"""A heading's words: no sentence's stop in them but an abbreviation's ("Audio vs. Video", "U.S.
data"); a stop within a word is none ("Reference Formatting with asmejour.bst"). A title may start
with a Greek letter in a compound ("5 τ-MONOTONIC GRAPH (τ-MG)", "β-softmax"; not "ΦWx")."""


ANCHOR_HEADINGS = {
    "abstract",
    "summary",  # the abstract's name in Cell Press's, the Lancet's and some Springer journals
    "authorsummary",  # PLOS's lay summary under the abstract, in plain type
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
    # the sections of a journal article set in IMRaD (PLOS, Frontiers, Nature's journals),
    # often unnumbered, in a bold face mupdf may not call bold
    "results",
    "discussion",
    "methods",
    "materialsandmethods",
    "resultsanddiscussion",
    "generaldiscussion",
    # BMC's and SpringerOpen's (EURASIP's audio, speech and music journal), unnumbered
    "implementation",
    "methodology",
    "evaluation",
    "experiments",
    # what CVPR's and NeurIPS's papers append after their references, and journals' section
    "supplementarymaterial",
    "supplementarymaterials",
    "supplementaryinformation",
}


# fmt: off
BACK_MATTER = frozenset((
    "funding", "authorcontributions", "dataavailability", "dataavailabilitystatement",
    "conflictsofinterest", "conflictofinterest", "competinginterests",
    "declarationofcompetinginterest", "institutionalreviewboardstatement",
    "informedconsentstatement", "abbreviations", "limitations", "ethicsstatement",
    "ethicalconsiderations", "broaderimpact", "broaderimpacts", "impactstatement",
    "reproducibilitystatement", "creditauthorshipcontributionstatement",
))
# fmt: on
"""The statements journals and conferences ask for after a paper's conclusion, often unnumbered
(ACL's "Limitations", ICML's "Impact Statement") or run in as a bold lead ("Funding: This
research received…", MDPI's; Elsevier's, PLOS's, Frontiers'): named sections of their own, not
the conclusion's text."""


_NUMBER_STARTS = frozenset("0123456789ABCDEFGHIVXLC§")
"""The characters a section number (``NUMBERING``) can start with."""


def unnumbered(text: str) -> str:
    """``text`` without the section number it starts with ("2.1 ", "IV. ", "A. "). Most lines
    start with no digit or capital a number can start with: they are told before the regex
    runs (a regex call costs a microsecond, and papers have thousands of lines)."""
    return NUMBERING.sub("", text) if _may_be_numbered(text) else text


def is_numbered(text: str) -> bool:
    """Whether ``text`` starts with a section number (see ``unnumbered``)."""
    return _may_be_numbered(text) and NUMBERING.match(text) is not None


def _may_be_numbered(text: str) -> bool:
    return text[:1] in _NUMBER_STARTS or text[:1].isdigit()  # digits beyond ASCII too: "\d"


_NOT_LOWER_ASCII = bytes(c for c in range(128) if not 97 <= c <= 122)


RUN_IN_NUMBER = re.compile(r"\d{1,2}\)\s")
"""IEEE's subsubsection number, run in: "1) Failure cases: …"."""


def is_run_in_heading(text: str) -> bool:
    """A bold numbered or named heading at the start of a paragraph: ``1 Introduction The …``
    (or an italic subsubsection's, which ``paragraphs`` made bold)."""
    numbered = is_numbered(text) or RUN_IN_NUMBER.match(text) or _APPENDIX_LETTER.fullmatch(text)
    return (
        bool(text)
        and bool(numbered or is_named_key(heading_key(text)))
        and bool(HEADING_SHAPE.match(unnumbered(text)))
    )


_APPENDIX_LETTER = re.compile(r"(?!.*\s\d{2,3}$)[B-H] [A-Z][a-z]\S*\s+\S*[^\W\d].*")
"""An appendix's letter with no stop before its title, in a bold lead ("<b>B Supplementary Proofs
for Section 4 </b>We start by …", acmart's appendices): two words or more, the second with a
letter, and no page's number at the end (not a contents line, "B Datasets 41"); not "A", an
article as often ("<b>A Comprehensive Solution </b>…")."""


def is_heading_over_text(lead: str, rest: str) -> bool:
    """Whether a bold lead with no number and no name heads its paragraph: a few capitalised
    words with no stop, on the first line of a block whose text starts a sentence after it
    (BMC's ``\\section*``, "<b>Perceptual data collection </b>The philharmonic …"); not a
    theorem's, an algorithm's or a figure's label ("Theorem 2", "Proof")."""
    words = lead.split()
    return (
        _LEAD_WORDS_LEAST <= len(words) <= _LEAD_WORDS_MOST
        and lead[-1:].isalpha()
        and bool(HEADING_SHAPE.match(lead))
        and words[0].lower() not in _LABELS
        and bool(_SENTENCE_START.match(rest))
    )


_LEAD_WORDS_LEAST, _LEAD_WORDS_MOST = 2, 8
"""Words of a bold lead that heads its paragraph, at least and at most."""


# fmt: off
_LABELS = frozenset((
    "theorem", "lemma", "proof", "definition", "corollary", "proposition", "remark", "example",
    "algorithm", "figure", "fig", "table", "note", "step", "case", "claim", "assumption",
    "problem", "exercise", "listing",
))
# fmt: on
"""The first words of labels set in bold at a paragraph's start that head no section."""


def is_numbered_label(text: str) -> bool:
    """Whether ``text`` is a numbered label of a theorem, a definition, an example ("Lemma 4.2",
    "Definition 1.1.5 (binary tree)"): no heading, however alone and bold."""
    first, _space, rest = text.partition(" ")
    return first.lower() in _LABELS and rest[:1].isdigit()


_SENTENCE_START = re.compile(r"[A-Z][a-z]*\s+[a-z]")
"""A sentence's start: a capitalised word, then one in lowercase ("The philharmonic")."""


def is_named_key(key: str) -> bool:
    return key in ANCHOR_HEADINGS or key in BACK_MATTER


def is_back_matter(text: str) -> bool:
    """Whether ``text`` names a statement of ``BACK_MATTER`` ("Funding", "Data Availability
    Statement"); told by its initial first, which saves a key for most lines."""
    return text[:1] in _BACK_MATTER_INITIALS and heading_key(text) in BACK_MATTER


_BACK_MATTER_INITIALS = frozenset(key[0] for key in BACK_MATTER) | frozenset(
    key[0].upper() for key in BACK_MATTER
)


LEVELED = re.compile(r"^(?:(\d+(?:\.\d+)*)|([A-H])((?:\.\d+)*)|([IVXLC]+))(\.?)\s")


def heading_level(text: str) -> int:
    """The depth a heading's numbering gives: "3" and "III." 1, "3.1" and "A." 2 (IEEE's
    subsections), "3.1.2" and "1)" (IEEE's subsubsections) 3, "A.1" (an appendix's) 2, "2.0"
    (a report's section over its "2.1") 1;
    unnumbered 1, and so is "A Proofs" (an appendix as LaTeX numbers it, or a heading whose
    first word is "A")."""
    if RUN_IN_NUMBER.match(text.strip()):
        return 3
    match = LEVELED.match(text.strip() + " ")
    if match is None:
        return 1
    arabic, letter, below, _roman, dot = match.groups()
    if arabic:  # "1.0 Introduction" over "1.1 Background" (a report's numbering) is a section's
        return 1 if arabic.endswith(".0") and arabic.count(".") == 1 else arabic.count(".") + 1
    if letter:
        return below.count(".") + 1 if below else 2 if dot else 1
    return 1  # roman


def heading_key(text: str) -> str:
    """A heading's letters, in lowercase, without its number: "2.1 Related Work" → "relatedwork".
    (Letters beyond ASCII are dropped as well; in C, three times faster than a regex.)"""
    lower = unnumbered(text.strip()).lower()
    return lower.encode("ascii", "ignore").translate(None, _NOT_LOWER_ASCII).decode("ascii")


def key_in_order(key: str, text: str) -> bool:
    """Whether ``key``'s letters stand in order in ``text``'s key, which has at most half more
    (an outline's title whose mathematics hyperref left out, in its heading)."""
    letters = heading_key(text)
    if len(letters) > 1.5 * len(key):
        return False
    rest = iter(letters)
    return all(letter in rest for letter in key)


BOLD_RUN = re.compile(r" <b>([^<]{2,90})</b>")
"""A bold run inside a paragraph of mupdf's XHTML, after its space (a literal to skip to)."""


def headings_within(paragraph: str) -> tuple[list[tuple[str, str]], str]:
    """A paragraph of mupdf's XHTML (bold tags kept) cut at the bold headings set in its run:
    a heading typed in bold with no space above it (a word processor's) is a line of the
    paragraph's block to mupdf ("… the notes. <b>5. DISCUSSION </b>The visual …"). A heading
    is a numbered or named one (``is_run_in_heading``) after a sentence's end. The cuts as
    (text before, heading), and the text after the last (the whole paragraph for most)."""
    cuts: list[tuple[str, str]] = []
    start = 0
    for run in BOLD_RUN.finditer(paragraph):
        before = paragraph[start : run.start()].rstrip()
        if before[-1:] in ".!?:" and before[-5:] != "</b>:" and is_run_in_heading(lead := run[1].strip()):
            cuts.append((paragraph[start : run.start()], lead))
            start = run.end()
    return cuts, paragraph[start:]


def headings_marked(xhtml: str) -> str:
    """A page's XHTML with the headings mupdf's blocks hide made plain: a numbered lead in
    italics or bold made a bold lead ``pdflines.paragraphs`` splits off (``EMPHASISED_LEAD``),
    and two headings set in one block made two paragraphs (``HEADING_OVER_ITALIC``,
    ``BOLD_OVER_ITALIC``, ``BOLD_OVER_ITALIC_LEAD``, ``HEADING_OVER_BOLD``,
    ``CAPITALS_OVER_FIRST``), and a few words in italics alone over text made a bold heading
    (``ITALIC_ALONE``)."""
    if "</b>. <b>" in xhtml:  # AES's "<b>2</b>. <b>DATASET </b>In order to …": one bold lead
        xhtml = NUMBER_STOP_APART.sub(r"<\1><b>\2. ", xhtml)
    xhtml = EMPHASISED_LEAD.sub(_bold_lead, xhtml)  # starts with a literal: cheap
    if "</i></p>" in xhtml:  # IEEE's "IV. OVERVIEW OF ALGORITHMS <i>A. Point cloud …</i>"
        xhtml = HEADING_OVER_ITALIC.sub("<p>\\1</p>\n<p>\\2</p>", xhtml)
        # MDPI's "<b>4. Experiments </b><i>4.1. Datasets</i>"
        xhtml = BOLD_OVER_ITALIC.sub("<p><b>\\1</b></p>\n<p>\\3</p>", xhtml)
    if "</b><i>" in xhtml or "</b> <i>" in xhtml:  # IOP's "<b>2. Data … </b><i>2.1. Data </i>Our …"
        xhtml = BOLD_OVER_ITALIC_LEAD.sub("<p><b>\\1</b></p>\n<p><b>\\3</b>", xhtml)
    if "</b></p>" in xhtml:  # "<b>3 Preliminaries 3.1 Realised Volatility …</b>"
        xhtml = HEADING_OVER_BOLD.sub("<p><b>\\1\\2</b></p>\n<p><b>\\3</b></p>", xhtml)
    if "<p><i>" in xhtml:  # "<p><i>Core functionality</i></p>" over its text
        xhtml = ITALIC_ALONE.sub(_italic_heading, xhtml)
    if ".1 " in xhtml:  # "2 RELATED WORK 2.1 Audio-only …" in a bold face mupdf does not call bold
        xhtml = CAPITALS_OVER_FIRST.sub("<p>\\1</p>\n<p>\\3", xhtml)
    return xhtml


NUMBER_STOP_APART = re.compile(r"<(p|h[1-3])><b>(\d{1,2}(?:\.\d{1,2})*)</b>\. <b>")
"""A section's number in bold, its stop in plain type, then its title in bold (AES's template):
"<b>2</b>. <b>DATASET </b>…" is read "<b>2. DATASET </b>…"."""


EMPHASISED_LEAD = re.compile(
    r"<(p|h[1-3])>(?:<([ib])>\s*((?:\d+(?:\.\d+){1,3}\.?|\d{1,2}\)|[A-H]\.))\s|((?:\d+(?:\.\d+){1,3}\.?|\d{1,2}\)))\s*<([ib])>)"
    r"\s*([A-Z][^<.:!?]{0,78}[^<.:!?\s])\s*[.:]?\s*</(?:i|b)>(?=\s*[^<\s])"
)
"""A paragraph led by a numbered heading in italics or bold, number and all ("<i>4.2.1 Failure
cases.</i>", ACM, IEEE, elsarticle) or its number in roman ("2.1.<b> Title.</b>", amsart), with
text after it: made a bold lead ``paragraphs`` splits off. (A paragraph of type of 12 pt and up is
an ``h3`` or larger to mupdf: a manuscript's or a thesis's body.)"""


ITALIC_ALONE = re.compile(
    r"<p><i>([A-Z][a-z]+,?(?: (?![ivxlc]+</i>)[A-Za-z][a-z’'-]*,?){0,5})</i></p>(?=\n<p>[A-Z][^<\n]{40})"
)
"""A paragraph of a few words in italics alone over text that starts a sentence: a heading set
in italics (the SciPy proceedings' subsections, librosa's "Core functionality", "Onsets, tempo,
and beats"; JACoW's, REVTeX's), made bold. Not a contents line ("Preface xvii"), not a diagram's
or an index's words (no text under them), not right under a bold heading (which it would read
as that heading's next line)."""


def _italic_heading(match: re.Match[str]) -> str:
    """``ITALIC_ALONE``'s paragraph made bold, unless a bold heading is right above it (told on
    a match: a pattern that starts by looking behind is tried at every character)."""
    if match.string.endswith("</b></p>\n", 0, match.start()):
        return match[0]
    return f"<p><b>{match[1]}</b></p>"


CAPITALS_OVER_FIRST = re.compile(
    r"<p>((\d{1,2}|[A-H]) [A-Z][A-Z’'&,:-]*(?: [A-Z][A-Z’'&,:-]*){0,9}) (\2\.1\.? [A-Z])"
)
"""A numbered or lettered heading in capitals over its first subsection's in one block ("2 RELATED
WORK 2.1 Audio-only source separation", "A RESEARCH METHODS A.1 Part One", acmart's journal
formats, whose bold face mupdf does not call bold): made two paragraphs."""


BOLD_OVER_ITALIC = re.compile(
    r"<p><b>((\d{1,2})\.?\s+[A-Z][^<]{1,80}?)\s*</b>\s*<i>(\2\.\d{1,2}\.?\s+[A-Z][^<]{1,80})</i></p>"
)
"""A numbered heading in bold and its first subsection's in italics in one block (MDPI's "4.
Experiments" over "4.1. Datasets"): made two paragraphs."""


BOLD_OVER_ITALIC_LEAD = re.compile(
    r"<p><b>((\d{1,2})\.?\s+[A-Z][^<]{1,80}?)\s*</b>\s*<i>(\2\.\d{1,2}\.?\s+[A-Z][^<.:]{0,78}[^<.:\s])\s*[.:]?\s*</i>"
    r"(?=\s*[^<\s])"
)
"""The same with the subsection's title run into its text (IOP's "<b>2. Data and Methodology </b>
<i>2.1. Data </i>Our datasets …"): the section a paragraph, the subsection a bold lead."""


HEADING_OVER_ITALIC = re.compile(
    r"<p>((?:[IVXLC]+|\d{1,2})\.\s+[A-Z][^<a-z]{2,80}?)\s*<i>((?:[A-H]|\d{1,2}\.\d{1,2})\.?\s+[A-Z][^<]{1,80})</i></p>"
)
"""A heading in capitals and an italic subsection's heading set with no space between, which
mupdf reads as one block: made two."""


HEADING_OVER_BOLD = re.compile(
    r"<p><b>(\d{1,2}|[A-H])(\.?\s+[A-Z][^<]{1,80}?)\s+(\1\.\d{1,2}\.?\s+[A-Z][^<]{1,120})</b></p>"
)
"""A section's bold heading and its first subsection's, set with no space between: mupdf reads
them as one bold paragraph, made two ("3 Preliminaries" and "3.1 Realised Volatility …"; an
appendix's, "A Research Methods" and "A.1 Part One", as acmart sets them)."""


def rest_of_heading(rest: str, lead: str = "") -> bool:
    """Whether what follows a bold numbered ``lead`` in its paragraph is more of the heading:
    short, no sentence, and partly bold, or after a lead that ends in a hyphen (AISTATS's "<b>2.1
    Online Learning on an Infinite Dataset: Shapeset-</b>3 × 2", its mathematics not bold)."""
    text = without_bold(rest).strip()
    return (
        ("<b>" in rest or lead.endswith("-"))
        and len(text) <= _HEADING_REST_MOST
        and not _SENTENCE_IN.search(text)
    )


def without_bold(xhtml: str) -> str:
    """A paragraph of mupdf's XHTML without its bold tags."""
    return xhtml.replace("<b>", "").replace("</b>", "")


_HEADING_REST_MOST = 80


_SENTENCE_IN = re.compile(r"[.!?:](?:\s|$)")


def _bold_lead(lead: re.Match[str]) -> str:
    number = lead[3] or lead[4]
    # "1) WUKONG: … ; 2) Uniform: …": a list run in its paragraph (which a footnote or a
    # caption may cut), no heading; IEEE's "2) Title:" would start a paragraph of its own
    if number == "1)":
        page, start = lead.string, lead.end()
        another = page.find("1)", start, start + _ITEM_REACH)  # a list of its own under a heading
        if _SECOND_ITEM.search(page, start, another if another >= 0 else start + _ITEM_REACH):
            return lead[0]
    return f"<{lead[1]}><b>{number} {lead[6]}</b>"


_SECOND_ITEM = re.compile(r"[;,.]\s+(?:<[ib]>)?2\)(?:\s|<[ib]>)")
"""A list's second item after the first's text, as IEEE's subsubsections never are."""


_ITEM_REACH = 2000
"""Characters of a page's XHTML after a "1)" lead looked through for the list's "2)"."""


APPENDIX_LEAD = re.compile(
    r"appendix(?:\s+(?:[A-Z]|\d{1,2}|[IVX]{1,4})\b)?\s*[.:\u2013\u2014-]?\s*", re.IGNORECASE
)
""""Appendix A. ", "APPENDIX B: ", "Appendix 1 – ": the words before an appendix's title."""


_WORDS_MOST, _NUMBERED_WORDS_MOST = 12, 15
"""Words of a heading, at most, and of a numbered bold heading's title: a physics journal's run
long ("4. Application of the Ising model to financial data sampled with high frequency")."""


SECTION_TYPE = 12.0
"""Points of a section heading's type, at least (on later pages, mupdf's class of 12 pt and up)."""


_LOWERCASE_LEAD = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s+[a-z][\w’'-]{2,}+(?!\()")
"""A section's number before a word in lowercase of three letters or more, a program's or a
command's name ("2. mir_eval’S ARCHITECTURE", "11.3.1 array"; not "2.546444859 seconds", a
program's output, nor "7 fn Dest", a diagram's, nor "81 tryCleanUp(myNode)", a call)."""


_PSEUDOCODE = re.compile(
    r"(?:\d{3}\s)?(?:end|else|return|for|while|if|do|repeat|until|class|function|procedure)\b"
    r"|(?:Input|Output|Require|Ensure):"
)
"""A line of pseudocode ("103 end" too): its keywords, lowercase, or its inputs' and outputs' head."""


_LETTER_COMPOUND = re.compile(r"[a-z]-[A-Za-z]{2,}[^:@]*$")
"""A compound led by a letter in lowercase: "n-gram", "k-means", "i-vectors", "t-SNE"."""


def heading_words(line: Line) -> str | None:
    """The words of a line shaped like a heading (without its number, as ``HEADING_SHAPE``
    tests them), or None: a capital or a digit first, a dozen words at most (a bold numbered
    heading's title fifteen), no sentence's stop, mostly letters; no broken word at its end, no
    numbered label, no web address."""
    start = line.text.removeprefix("§").lstrip()[:1]  # "§2 Linearization, …" (Phil. Trans. A's)
    if not (start.isupper() or start.isdigit()) or (line.text[-2:-1].islower() and line.text[-1] == "-"):
        return None  # a heading breaks no word at its line's end ("The paper submit-", in bold;
        # "ANALYSIS-" / "SYNTHESIS MODELS" in capitals breaks a compound)
    words = unnumbered(line.text)
    if _PSEUDOCODE.match(words):  # an algorithm's numbered line: "16 end", "1 Input:" (in bold)
        return None
    if (line.bold or line.size >= SECTION_TYPE) and words.endswith(".") and not words.endswith(".."):
        words = words[:-1]  # a bold or large heading that ends with a stop ("5.4 Footnotes.", ECCV's
        # template; "3 Counting tilings, exactly.", an AMS survey's)
    bold_name = line.bold and line.alone and words[:1].islower() and _LOWERCASE_LEAD.match(line.text)
    if bold_name or (words != line.text and _LETTER_COMPOUND.match(words)):  # "3 n-gram similarity"
        words = words[:1].upper() + words[1:]  # a program's name, in bold: "2. mir_eval's ARCHITECTURE"
    if (appendix := APPENDIX_LEAD.match(words)) and HEADING_SHAPE.match(title := words[appendix.end() :]):
        words = title  # an appendix's title has a heading's shape: "Appendix A. First Appendix" (PMLR's)
    long = line.bold and words != line.text and len(words.split()) <= _NUMBERED_WORDS_MOST
    if not HEADING_SHAPE.match(words) or (len(line.text.split()) > _WORDS_MOST and not long):
        return None
    if is_numbered_label(words):
        return None
    if sum(map(str.isalpha, words)) < _LETTERS_LEAST * (len(words) - words.count(" ")):
        return None  # an OCR'd table's "311 412 2 I 33.6 2", a scanned plot's "8.5o{ i i i 2"
    if "://" in words or "www." in words:
        return None  # an address ("CTAN: https://www.ctan.org/pkg/…")
    return words


_LETTERS_LEAST = 0.5
"""Of a heading's characters but its spaces, at least, that are letters."""

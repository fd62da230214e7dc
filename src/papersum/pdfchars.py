"""mupdf's output of a page and its characters: the patterns its HTML and XHTML are read with,
its HTML escapes decoded, ligatures (ﬁ) and LaTeX's spacing accents (´e) folded so that text can
be searched and quoted, its superscripts read as powers ("10^6") or footnote marks (dropped)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from papersum.pdfaccents import ACCENTS_BEYOND_ASCII, accents_composed

if TYPE_CHECKING:
    import pymupdf

LIGATURES = (("ﬁ", "fi"), ("ﬀ", "ff"), ("ﬂ", "fl"), ("ﬃ", "ffi"), ("ﬄ", "ffl"))
"""The ligatures of TeX's fonts, nine in ten of the characters that make a page's text not
NFKC-normal: replaced, most pages need no NFKC pass (a third of the time of a page's
paragraphs)."""


NAMED_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&"))
"""The named escapes mupdf writes in its HTML and XHTML."""


def unescape(text: str) -> str:
    """mupdf's HTML decoded: it writes every character outside ASCII as ``&#x…;`` and five
    named escapes. ``html.unescape`` does the same at a third of the speed (it checks every
    entity of HTML5); it still decodes the code points HTML maps specially (C1 controls,
    surrogates, noncharacters) and those past the Basic Multilingual Plane."""
    return _unescaped(text, set())


def unescape_and_fold(text: str) -> str:
    """``normalize(unescape(text))`` for a page of mupdf's XHTML, in a fraction of the time:
    every character beyond ASCII comes as an escape, so those present are known as they are
    decoded, and only they are looked for (a page is otherwise searched once for each
    ligature and accent)."""
    if not text.isascii():  # not as mupdf writes it: every character looked for
        return normalize(unescape(text))
    seen: set[str] = set()
    return _folded(_unescaped(text, seen), seen.__contains__)


def _unescaped(text: str, seen: set[str]) -> str:
    """``text`` decoded (see ``unescape``), each character decoded from ``&#x…;`` added to
    ``seen``. The escapes are cut out in one pass of the regex engine and decoded once for each
    code point, however often it comes (a page of mathematics has hundreds of a few dozen)."""
    if "&#x" in text:
        parts = _HEX_ESCAPE.split(text)  # text, code, text, code, …, text
        codes = parts[1::2]
        distinct = set(codes)
        for code in distinct.difference(_DECODED):
            _DECODED[code] = _character(code)
        parts[1::2] = map(_DECODED.__getitem__, codes)
        seen.update(map(_DECODED.__getitem__, distinct))
        text = "".join(parts)
        if not _OT1_CODES.isdisjoint(seen):
            text = _tex_ligatures(text)
    if "&" in text:  # "&amp;" last: "&amp;lt;" is "&lt;" written in the text
        for entity, character in NAMED_ENTITIES:
            if entity in text:
                text = text.replace(entity, character)
    return text


_HEX_ESCAPE = re.compile(r"&#x([0-9A-Fa-f]+);")


_DECODED: dict[str, str] = {}
"""The characters of the escapes met so far, by their hexadecimal code."""


def _character(code: str) -> str:
    """The character of ``&#x{code};``: ``chr`` for most, as HTML reads it for the code points
    it maps specially (C1 controls, surrogates, noncharacters)."""
    number = int(code, 16)
    if number in _OT1_LIGATURES:
        return chr(number)  # read by ``_tex_ligatures`` in its word
    if 0xA0 <= number < 0xD800 or (0xE000 <= number < 0xFDD0) or (0xFDEF < number < 0xFFFE):
        return chr(number)
    return html.unescape(f"&#x{code};")


_OT1_LIGATURES = {0x0B: "ff", 0x0C: "fi", 0x0D: "fl", 0x0E: "ffi", 0x0F: "ffl"}
"""The ligatures of TeX's own font encoding (OT1) at their codes, which mupdf writes as they are
when a font maps no code to a character (dvips's and Distiller's PDFs of the 1990s: "&#xc;rst",
"&#xd;uctuations"; HTML would drop "&#xb;", reading "di&#xb;er" as "dier")."""


_OT1_CODES = frozenset(map(chr, _OT1_LIGATURES))


def _tex_ligatures(text: str) -> str:
    """``text`` with TeX's ligatures at their codes read as their letters in words, on a page
    whose codes are mostly inside words ("e&#xb;ect", "de&#xc;ned"); the same codes are also a
    maths font's Greek (α to ε in cmmi's encoding: "&#xc; log", "&#xe;ij"), which HTML reads as
    a form feed and a carriage return or drops."""
    inside = len(_LIGATURE_INSIDE.findall(text))
    if inside >= _INSIDE_LEAST and inside * 2 >= sum(map(text.count, _OT1_CODES)):
        text = ligatures_in_words(text)
    return text.translate(_CODES_HTML_DROPS)


def ligatures_in_words(text: str) -> str:
    """``text`` with the codes of TeX's ligatures in its words read as their letters."""
    return _LIGATURE_IN_WORD.sub(lambda code: _OT1_LIGATURES[ord(code[0])], text)


_LIGATURE_INSIDE = re.compile(r"(?<=[a-z])[\x0b-\x0f](?=[a-z])")
_LIGATURE_IN_WORD = re.compile(
    _LIGATURE_INSIDE.pattern + r"|(?<![^\W\d_])[\x0b-\x0f](?=[a-z]{2})|(?<=[a-z]{2})[\x0b-\x0f](?![^\W\d_])"
)
"""A ligature's code inside a word, leading one ("&#xc;rst") or ending one ("sta&#xb;")."""


_INSIDE_LEAST = 1
"""Ligatures' codes inside words on a page, at least, that tell TeX's text font."""


_CODES_HTML_DROPS = dict.fromkeys((0x0B, 0x0E, 0x0F))


def normalize(text: str) -> str:
    """Fold ligatures (ﬁ → fi) and LaTeX's spacing accents (´e → é) so text can be searched;
    Word's Symbol-font space is a space."""
    return _folded(text, text.__contains__)


def _folded(text: str, present: Callable[[str], bool]) -> str:
    """``text`` folded (see ``normalize``); ``present`` tells whether a character beyond ASCII
    is in it."""
    if text.isascii():  # most lines: nothing to fold (a backquote in a line of ASCII is code's
        return text  # "`lefti`is" more often than a name's "Rozi`ere")
    # the accented letter composed right away: the text may then need no NFKC pass at all
    accents = [accent for accent in ACCENTS_BEYOND_ASCII if present(accent)]
    if "`" in text:
        accents.append("`")
    if accents:
        text = accents_composed(text, accents)
    for ligature, letters in LIGATURES:  # what NFKC would do, at C speed
        if present(ligature):
            text = text.replace(ligature, letters)
    if not unicodedata.is_normalized("NFKC", text):  # a quick check, most often enough
        text = _nfkc(text)
    if present(SYMBOL_SPACE):
        text = text.replace(SYMBOL_SPACE, " ")
    if text and max(text) >= _DELIMITER_PIECES[0] and any(map(present, _DELIMITER_PIECES)):  # max: in C
        text = text.translate(_DELIMITERS_READ)
    return text.replace("\u00ad", "") if present("\u00ad") else text


_DELIMITER_PIECES = tuple(map(chr, range(0xF8E5, 0xF8FF)))
"""The pieces of a tall bracket, parenthesis or brace, a root's or an arrow's extension, in the
Symbol font's own codes (private use: "\uf8eb" a parenthesis's top, "\uf8ec" its middle): a
displayed formula's delimiter, drawn in three to ten pieces."""
_DELIMITERS_READ: dict[int, str | None] = {
    **dict.fromkeys(map(ord, _DELIMITER_PIECES)),
    **{0xF8ED: "(", 0xF8F8: ")", 0xF8F0: "[", 0xF8FB: "]", 0xF8F2: "{", 0xF8FD: "}"},
}
"""Each delimiter read as the one character its bottom piece (a brace's middle) stands for, the
other pieces dropped ("L = −  ⎝ e^… /τ ⎠ + β‖Z‖" reads "L = − ( e^… /τ ) + β‖Z‖")."""


SYMBOL_SPACE = "\uf020"
"""A space in Word's Symbol font, which its PDFs write as the font's own code (private use):
"\uf020Abstract—Face detection …" (an IEEE letter) is "Abstract—…", whose label is then cut."""


def _nfkc(text: str) -> str:
    """``text`` in NFKC, a line at a time and only the lines that need it: a page has a
    "¼" or a "˜" in one or two of its lines, and normalizing the whole page costs ten times
    more. (A newline composes with nothing, so lines normalize apart as they would together.)"""
    if "\n" not in text:
        return unicodedata.normalize("NFKC", text)
    return "\n".join(
        line if unicodedata.is_normalized("NFKC", line) else unicodedata.normalize("NFKC", line)
        for line in text.split("\n")
    )


def superscripts_read(xhtml: str) -> str:
    """A page of mupdf's XHTML with its superscripts read: a power of a number or of a unit
    written with ``^`` ("10^6", "83 m^3"), a footnote mark taken out, a short superscript after
    a symbol written with ``^`` ("W^T"), other superscripts left in their tags."""
    return EXPONENT.sub(caret, MARK.sub(unmarked, POWER.sub(power, xhtml)))


_MARK_CHARACTERS = r"\d*†‡§,"
"""What a footnote mark is made of: digits, daggers and the commas between them."""


MARK = re.compile(rf"<sup>(?:<[bi]>)*[{_MARK_CHARACTERS}\s]{{1,5}}(?:</[bi]>)*</sup>")
"""A footnote mark: a superscript of digits or a dagger (other superscripts are mathematics)."""


def raised_size(size: float, text: str, raised: bool) -> float:
    """A span's type size on page 1, halved for a footnote mark that mupdf reads as a
    superscript (``raised``), as ``MARK`` is on later pages: Linux Libertine's (ACM's) marks are
    four fifths of the text's size, too large to be told by their size alone."""
    return size / 2 if raised and _MARK_TEXT.fullmatch(text.strip()) else size


_MARK_TEXT = re.compile(rf"[{_MARK_CHARACTERS}]{{1,5}}")


POWER = re.compile(r"<sup>(\d{1,3})</sup>")
"""A power of a number ("10<sup>6</sup>", "4<sup>2</sup>") when a digit comes before it (see
``power``): written ``10^6``, not a footnote mark. The digit before is checked on a match, not
looked behind for: a pattern that starts with a lookbehind is tried at every character of the
page (200 µs a page), one that starts with a literal only where the literal is."""


EXPONENT = re.compile(r"<sup>(?=(?:<[bi]>)*[^<\s]{1,3}(?:</[bi]>)*</sup>)")
"""A short superscript (``W<sup>T</sup>``): written ``W^T`` when it follows a symbol (see
``caret``). The pattern starts with its literal so that the search skips ahead fast."""


def power(sup: re.Match[str]) -> str:
    """``^`` and the digits of a superscript that follows a digit (``POWER``), else the
    superscript as it was."""
    start = sup.start()
    return "^" + sup[1] if start and sup.string[start - 1].isdecimal() else sup[0]


def unmarked(mark: re.Match[str]) -> str:
    """A footnote mark taken out, with the space mupdf read into it when its text had none
    ("hears it.<sup>1 </sup>This"); digits after a number's unit are its power ("83 m^3")."""
    text, start, end = mark.string, mark.start(), mark.end()
    spaced = any(map(str.isspace, mark[0])) and 0 < start < end < len(text)
    space = " " if spaced and not (text[start - 1].isspace() or text[end].isspace()) else ""
    if (
        UNIT_BEFORE.search(text, max(0, start - 12), start)
        and (digits := _TAGS.sub("", mark[0]).strip()).isdigit()
    ):
        return f"^{digits}{space}"  # "83 m^3": a unit's power, not a mark
    return space


UNIT_BEFORE = re.compile(r"\d\s?(?:<i>\s?)?(?:[kcmµn]?m|[km]?g|[mµ]?s|ft|in)(?:</i>)?$")
"""A number and a unit of length, mass or time right before a superscript: "83 m<sup>3</sup>"."""


_TAGS = re.compile(r"<[^>]*>")


def caret(sup: re.Match[str]) -> str:
    """``^`` for a superscript that follows a symbol, past the symbol's closing ``</b>`` or
    ``</i>`` (``W</i><sup>T`` → ``W</i>^T``); the ``<sup>`` kept after a space or a tag."""
    text, end = sup.string, sup.start()
    while text.endswith(("</b>", "</i>"), 0, end):
        end -= 4
    return "^" if end and not text[end - 1].isspace() and text[end - 1] != ">" else sup[0]


BROKEN_WORD = re.compile(r"\u2010(?<=[a-z]\u2010) (?=[a-z])")
"""A word broken at a line end with U+2010 ("Biostatis\u2010 tics"): the pattern starts with the
hyphen, a literal the search skips ahead to, and looks back for the letter before it."""


ELEMENT = re.compile(r"(\n?)<(p|h[1-3])>([^<\n]*+(?:<(?!/[ph])[^<\n]*+)*+)</\2>")
"""A paragraph of mupdf's XHTML (after a newline when it starts a block) with its bold tags:
read up to its closing tag possessively, three times faster than a lazy ``.*?``. (One with a
control character mupdf read as a line break is a formula's debris: skipped.)"""


HTML_SPAN = re.compile(  # font name, size, colour, text, closing tags
    r'<span style="font-family:([^,;"]*)[^;"]*;font-size:([\d.]+)pt(?:;color:#(\w+))?[^"]*">([^<]*)</span>'
    r"((?:</(?:i|b|tt|sup)>)*)"
)
"""A span of mupdf's HTML with the tags that close its style (``</span></i></b>``): mupdf
closes each span's own ``<b>``/``<i>`` right after it, and a pattern that starts with a literal
is searched four times faster than one that starts with the opening tags."""


HTML_ROW_OR_SPAN = re.compile(f'<p style="top:(-?[\\d.]+)pt;left:(-?[\\d.]+)pt|{HTML_SPAN.pattern}')
"""A row of mupdf's HTML (its top and left) or one of its spans (see ``HTML_SPAN``): a page's
rows and spans in one pass of the regex engine."""


INLINE_TAG = re.compile(r"</?(?:i|sup|tt)>")
"""The tags of italics, superscripts and monospace that paragraphs' text is read without: one
pass of the regex engine, which skips ahead to each "<" (mupdf escapes a text's own), costs
half of six ``str.replace`` passes (each builds a copy of the page)."""


SPACED_NUMBER = re.compile(r"(<(?:p|h[1-3])>(?:<b>)?)(\d{1,2}(?: \. \d{1,2})+)(?= )")
"""A section's number that starts a paragraph with its stops set apart ("3 . 2 Signal Analysis
Issues", "<b>3 . 2 . 1 Frequency Domain Analysis </b>Various …": a real LNCS paper made with
Word, whose headings then read as numbered); written closed up."""


def mupdf_output(textpage: pymupdf.TextPage, kind: str) -> str:
    """mupdf's XHTML, HTML or plain text (``kind``) of a page, decoded as UTF-8. pymupdf's
    ``extractXHTML`` decodes it as ``raw_unicode_escape``, which also turns a "\\u00e9" written
    in the PDF's text into "é" and costs a fifth more; mupdf writes every character beyond ASCII
    of its (X)HTML as an escape."""
    from pymupdf import mupdf

    try:
        buffer = mupdf.fz_new_buffer(16384)
        output = mupdf.FzOutput(buffer)
        if kind == "text":
            mupdf.fz_print_stext_page_as_text(output, textpage.this)
        elif kind == "xhtml":
            mupdf.fz_print_stext_page_as_xhtml(output, textpage.this, 0)
        else:
            mupdf.fz_print_stext_page_as_html(output, textpage.this, 0)
        output.fz_close_output()
        return bytes(mupdf.fz_buffer_extract_copy(buffer)).decode("utf-8", "replace")
    except AttributeError:  # pymupdf's low-level API not as known
        return str(getattr(textpage, _EXTRACT[kind])())


_EXTRACT = {"xhtml": "extractXHTML", "html": "extractHTML", "text": "extractText"}
"""pymupdf's own method for each kind of ``mupdf_output``."""


def block_lines(textpage: pymupdf.TextPage, html: str) -> list[int]:
    """How many lines each text block of a page read without ``TEXT_DEHYPHENATE`` has, in order,
    ``html`` being the page's HTML (a line a row): from mupdf's plain text, where each line ends
    with a newline and each block with one more, at a quarter of the cost of pymupdf's
    ``extractBLOCKS``. From ``extractBLOCKS`` when a line holds a newline character of its own
    (an escape in the HTML) or the text does not have the HTML's lines. (Dehyphenated, mupdf's
    text and ``extractBLOCKS`` part a broken word's lines differently.)"""
    if "&#xa;" not in html:
        text = mupdf_output(textpage, "text")
        if text.endswith("\n\n") and "\n\n\n" not in text:
            counts = [block.count("\n") + 1 for block in text[:-2].split("\n\n")]
            if sum(counts) == html.count('<p style="top:'):
                return counts
        elif not text and "<p " not in html:  # a page without text
            return []
    return [str(b[4]).count("\n") for b in textpage.extractBLOCKS() if b[6] == 0]


SOFT_HYPHEN = "\u00ad"
"""Marks a word broken at a line's end until the whole paper is read: joined then, with its
hyphen when the paper spells it so elsewhere (``pdfmend.line_break_mender``)."""


LINE_BREAK = re.compile(r"- ([a-z]+-?|[A-Z0-9])")
"""A word broken at a line's end as mupdf writes a block's lines, a space between them
("percus- sive", "Pseudo- CQT"); what comes before the hyphen is checked on a match
(``line_break``)."""


SUSPENDED = frozenset(("and", "or", "nor", "to", "as", "but", "und", "oder", "et", "ou"))
"""Words after a hyphen left hanging ("pre- and post-processing"): no word broken."""


def line_break(match: re.Match[str]) -> str:
    """A word broken at a line's end: marked (``SOFT_HYPHEN``) where it may be a word hyphenated
    to fit ("percus-sive", "PYRA-MID"), joined with its hyphen where it cannot ("Johnson-Cook",
    "3-second", "cost-to-correct"); a hyphen left hanging stays ("ITD- and ILD-histograms")."""
    start, after = match.start(), match[1]
    before = match.string[start - 1] if start else " "
    if not before.isalnum() or after in SUSPENDED:
        return match[0]
    if before.isalpha() and after.islower() and not after.endswith("-"):
        return SOFT_HYPHEN + after
    if before.isupper() and after.isupper() and _in_capitals(match.string, start, match.end() - 1):
        return SOFT_HYPHEN + after  # a word in capitals ("SPATIAL PYRA- MID POOLING", a heading)
    return "-" + after


def _in_capitals(text: str, hyphen: int, tail: int) -> bool:
    """Whether the letters before ``hyphen`` and from ``tail`` on are words in capitals of
    three letters or more each ("PYRA", "MID"; not an acronym's compound, "R-CNN",
    "CQ-NSGTs", whose hyphen stays)."""
    head = hyphen
    while head > 0 and text[head - 1].isalpha():
        head -= 1
    end = tail
    while end < len(text) and text[end].isalpha():
        end += 1
    return hyphen - head >= 3 and end - tail >= 3 and text[head:hyphen].isupper() and text[tail:end].isupper()


LETTER_SPACED = re.compile(r"(?:[A-Z] ){3,}[A-Z]")
"""A heading set letter by letter ("A B S T R A C T"): mupdf reads a space between each."""


def spaced_out(text: str) -> str:
    """``text``, a heading set letter by letter read as its word ("A B S T R A C T", as
    Elsevier's cas classes set it), or a name as its words ("A m a n d e e p K h u r a n a",
    ;login:'s: a word starts at a capital)."""
    if text[1:2] != " " or text[3:4] != " ":
        return text
    if LETTER_SPACED.fullmatch(text):
        return text.replace(" ", "")
    return _CAPITALISED.sub(" ", text.replace(" ", "")) if _NAME_SPACED.fullmatch(text) else text


_NAME_SPACED = re.compile(r"[A-Z](?: [a-z]){2,}(?: [A-Z](?: [a-z]){2,})+")
"""Capitalised words of three letters or more set letter by letter, as mupdf reads them."""
_CAPITALISED = re.compile(r"(?<=[a-z])(?=[A-Z])")


def small_capitals(core: str, previous: str) -> bool:
    """Whether ``core``, a span in smaller type than its line, is capitals set small: two
    letters or more, or one right after a capital (the ``previous`` span's last: "A" +
    "BSTRACT"), all capitals and no digit. A footnote's or an affiliation's mark is a digit, a
    symbol or a small letter."""
    if not core.isupper() or any(character.isdigit() for character in core):
        return False
    return sum(map(str.isalpha, core)) >= 2 or previous[-1:].isupper()


def is_plot_markers(text: str) -> bool:
    """A scatter plot's markers read as text: mostly one character, over and over ("G G G",
    "GG G^GG")."""
    head = text[:3]
    if len(head) == 3 and "^" not in head and len(head.split()) == 1:  # most: a word comes first
        return len(text) <= 40 and not text.strip(" ^" + text[0])  # one character over and over
    core = text.lstrip(" ^")
    if core and not core.strip(" ^" + core[0]):  # "GG G^GG"
        return True
    if len(text.split(None, 1)[0].strip("^")) > 2:
        return False
    tokens = text.replace("^", " ").split()
    lengths = list(map(len, tokens))  # counted in C: a paragraph has hundreds of words
    if len(tokens) < 2 or lengths.count(1) + lengths.count(2) < len(tokens) / 2:
        return False  # the most common token, of two characters at most, fills half or more
    token = max(dict.fromkeys(tokens), key=tokens.count)  # the first of the most common, as
    count = tokens.count(token)  # ``Counter.most_common`` gives it, at a third of its cost
    return len(token) <= 2 and (count == len(tokens) or (len(tokens) >= 8 and count >= len(tokens) / 2))

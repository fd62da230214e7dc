"""The characters of mupdf's output: its HTML escapes decoded, ligatures (ﬁ) and LaTeX's
spacing accents (´e) folded so that text can be searched and quoted."""

from __future__ import annotations

import html
import re
import unicodedata

# LaTeX PDFs often set an accent as its own glyph before the letter: "Hajiˇc", "´Ecole"
COMBINING = {
    "´": "\u0301",
    "ˇ": "\u030c",
    "¨": "\u0308",
    "ˆ": "\u0302",
    "˜": "\u0303",
    "¸": "\u0327",
    "˚": "\u030a",
    "˘": "\u0306",
    "`": "\u0300",
}


SPACING_ACCENT = re.compile(r"([´ˇ¨ˆ˜¸˚˘`]) ?([A-Za-zı])")


LIGATURES = (("ﬁ", "fi"), ("ﬀ", "ff"), ("ﬂ", "fl"), ("ﬃ", "ffi"), ("ﬄ", "ffl"))
"""The ligatures of TeX's fonts, nine in ten of the characters that make a page's text not
NFKC-normal: replaced, most pages need no NFKC pass (a third of the time of a page's
paragraphs)."""


NAMED_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&"))
"""The named escapes mupdf writes in its HTML and XHTML, ``&amp;`` last."""


def unescape(text: str) -> str:
    """mupdf's HTML decoded: it writes every character outside ASCII as ``&#x…;`` and five
    named escapes. ``html.unescape`` does the same at a third of the speed (it checks every
    entity of HTML5); it still decodes the code points HTML maps specially (C1 controls,
    surrogates, noncharacters) and those past the Basic Multilingual Plane."""
    if "&#x" in text:
        head, *pieces = text.split("&#x")
        decoded = [head]
        for piece in pieces:
            end = piece.find(";")
            code = int(piece[:end], 16)
            if 0xA0 <= code < 0xD800 or (0xE000 <= code < 0xFDD0) or (0xFDEF < code < 0xFFFE):
                decoded.append(chr(code))
            else:
                decoded.append(html.unescape(f"&#x{piece[:end]};"))
            decoded.append(piece[end + 1 :])
        text = "".join(decoded)
    if "&" in text:
        for entity, character in NAMED_ENTITIES:
            text = text.replace(entity, character)
    return text


def normalize(text: str) -> str:
    """Fold ligatures (ﬁ → fi) and LaTeX's spacing accents (´e → é) so text can be searched."""
    if text.isascii():  # most lines: nothing to fold
        return text
    # the accented letter composed right away: the text may then need no NFKC pass at all
    if any(map(text.__contains__, COMBINING)):  # nine scans in C: faster than the regex's one
        text = SPACING_ACCENT.sub(
            lambda m: unicodedata.normalize("NFC", m[2].replace("ı", "i") + COMBINING[m[1]]), text
        )
    for ligature, letters in LIGATURES:  # what NFKC would do, at C speed
        if ligature in text:
            text = text.replace(ligature, letters)
    if not unicodedata.is_normalized("NFKC", text):  # a quick check, most often enough
        text = unicodedata.normalize("NFKC", text)
    return text.replace("\u00ad", "")

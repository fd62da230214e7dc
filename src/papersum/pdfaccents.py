"""LaTeX's spacing accents composed with their letters: TeX sets an accent as a glyph of its own,
which mupdf reads as a character beside the letter ("Hajiˇc", "´Ecole", "Franc¸ois",
"Universit`a")."""

from __future__ import annotations

import re
import unicodedata

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
"""Each spacing accent and the combining one it is."""


SPACING_ACCENT = re.compile(r"([´ˇ¨ˆ˜¸˚˘`]) ?([A-Za-zı])")
"""An accent before its letter, as TeX sets most."""


ACCENTS_BEYOND_ASCII = tuple(accent for accent in COMBINING if not accent.isascii())


def accents_composed(text: str, accents: list[str]) -> str:
    """``text`` with each spacing accent of ``accents`` composed with its letter: the letter
    after it (``SPACING_ACCENT``), but a cedilla's before it where that one takes a cedilla and
    the one after does not (TeX may set it after its letter: "Franc¸ois", or before: "aprova¸cão");
    a grave accent (an ASCII backquote) only right over a vowel, not after another (a
    quotation's "``Smells''", code's "`n` is").
    Tried where ``str.find`` finds an accent, left to right, as a regex search would, which
    costs a scan of the whole page in Python's regex engine."""
    places = sorted(place for accent in accents for place in _places(text, accent))
    parts: list[str] = []
    done = 0
    for place in places:
        if place < done:
            continue
        before = text[place - 1 : place] if place > done else ""
        if (
            text[place] == "¸"
            and before in _CEDILLA_LETTERS
            and text[place + 1 : place + 2] not in _CEDILLA_LETTERS
        ):
            parts += [text[done : place - 1], unicodedata.normalize("NFC", before + COMBINING["¸"])]
            done = place + 1
            continue
        if (accent := SPACING_ACCENT.match(text, place)) is None:
            continue
        # right over a vowel, not after another backquote, nor with a space between (code's "`n` is")
        if accent[1] == "`" and (before == "`" or accent[2] not in _VOWELS or accent.end() > place + 2):
            continue
        letter = accent[2].replace("ı", "i")
        parts += [text[done:place], unicodedata.normalize("NFC", letter + COMBINING[accent[1]])]
        done = accent.end()
    return "".join([*parts, text[done:]]) if parts else text


_CEDILLA_LETTERS = frozenset("cCsStTgGkKlLnNrR")
"""Letters a cedilla goes under (ç, ş, ţ, Latvian ģ, ķ, ļ, ņ, ŗ); the empty string is none."""


_VOWELS = frozenset("aeiouyAEIOUYı")
"""Letters a grave accent goes over."""


def _places(text: str, character: str) -> list[int]:
    places: list[int] = []
    place = text.find(character)
    while place != -1:
        places.append(place)
        place = text.find(character, place + 1)
    return places

"""Words broken at a line's end, which mupdf's text marks (``SOFT_HYPHEN``), mended once the
whole paper is read: joined, and with their hyphen when the paper spells them so elsewhere."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator

from papersum.models import Section
from papersum.pdfchars import SOFT_HYPHEN

_COMPOUND_TAIL = re.compile(r"-([A-Za-z]{2,}+)\b")
"""The second half of a hyphenated compound ("-specific"): searched from its hyphen, a literal,
which is four times faster than matching whole compounds at every word."""


def line_break_mender(title: str, abstract: str, sections: list[Section]) -> Callable[[str], str]:
    """What mends the words broken at a line's end (marked ``SOFT_HYPHEN``) in the paper's texts:
    joined, and with their hyphen when the paper spells them so elsewhere, in its title, text or
    headings ("genre-specific"; "percus-sive" is "percussive")."""
    text = "\n".join([title, abstract, *(s.text for s in sections), *(s.heading for s in sections)])
    compounds = {(a + b).lower(): len(a) for a, b in _hyphenated(text)} if SOFT_HYPHEN in text else {}

    def mend(text: str) -> str:
        text = _mended(text, compounds) if SOFT_HYPHEN in text else text
        return urls_joined(text) if "://" in text else text

    return mend


def needs_mending(text: str) -> bool:
    """Whether ``text`` may hold a word or an address broken at a line's end."""
    return SOFT_HYPHEN in text or "://" in text


def urls_joined(text: str) -> str:
    """``text`` with its web addresses broken at a line's end whole again: mupdf writes a
    block's lines with a space between them, and LaTeX's ``\\url`` breaks an address after a
    "/", a "." or a "_" ("https://github.com/ google-research/bert", "https://sites.google.
    com/view/repnet"). A piece after the space goes on the address when the address ends in
    one of those and the piece reads as a path or a host ("google-research/bert", "github.io",
    "FinRL_DeepSeek"), never as a word ("https://x.org/ for details") or another address."""
    for _ in range(_URL_BREAKS_MOST):
        joined = _URL_THEN_PIECE.sub(_url_piece_joined, text)
        if joined == text:
            return text
        text = joined
    return text


_URL_THEN_PIECE = re.compile(r"(https?://\S*) ([A-Za-z0-9~]\S*)")
_URL_BREAK_AFTER = frozenset("/._-?=&#%~")
_PATH_OR_HOST = re.compile(r"[/_%=]|\.[A-Za-z]{2}")
"""What shows a piece to be part of an address: a "/", "_", "%" or "=", or a "." before a
host's or a file's ending ("github.io", "README.md"); "e.g." and "3.14" are no such piece."""
_URL_BREAKS_MOST = 4
"""Line breaks within one address, at most, that are mended."""


def _url_piece_joined(match: re.Match[str]) -> str:
    url, piece = match[1], match[2]
    if "://" in piece or (piece.startswith("www.") and not url.endswith("://")):
        return match[0]  # another address ("…/movie-review-data/ 4http://nlp.stanford.edu/")
    if url.endswith("://") or (url[-1] in _URL_BREAK_AFTER and _PATH_OR_HOST.search(piece)):
        return url + piece
    return match[0]


def _mended(text: str, compounds: dict[str, int]) -> str:
    """``text`` with its marked words joined: with a hyphen where ``compounds`` (lowercase, joined
    → where the hyphen goes) has one at the break ("multi-scale" is no reason for "mul-tiscale").
    The pieces are joined once at the end (joining each to all before it copies a long section
    over and over); the letters that end what is joined so far are carried along."""
    pieces = text.split(SOFT_HYPHEN)
    parts = [pieces[0]]
    head = _last_letters(pieces[0])
    for piece in pieces[1:]:
        end = 0
        while end < len(piece) and piece[end].isalpha():
            end += 1
        joined = (head + piece[:end]).lower()
        numbered = head.lower() in _TENS and piece[:end].lower() in _UNITS  # "twenty-five"
        hyphen = "-" if numbered or compounds.get(joined) == len(head) else ""
        parts += (hyphen, piece)
        head = head + piece if end == len(piece) and not hyphen else _last_letters(piece)
    return "".join(parts)


def _last_letters(text: str) -> str:
    """The letters that end ``text`` (the head of a word broken after them)."""
    start = len(text)
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:]


_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
_UNITS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
"""A number's words, which English always joins with a hyphen ("twenty-" / "five")."""


def _is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _hyphenated(text: str) -> Iterator[tuple[str, str]]:
    """The halves of the hyphenated compounds in ``text``, left to right, not overlapping
    ("state-of-the-art": state/of, the/art): a tail found by its hyphen, its head the letters
    before it, read back from the hyphen (a regex search at each place before it is slower)."""
    end = 0
    for tail in _COMPOUND_TAIL.finditer(text):
        hyphen = start = tail.start()
        while start > 0 and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        if hyphen - start >= 2 and start >= max(end, hyphen - 60) and not _is_word_char(text, start - 1):
            end = tail.end()
            yield text[start:hyphen], tail[1]


_ASCII_LETTERS = frozenset(string.ascii_letters)

"""Old PDFs whose fonts mupdf sizes at a fraction of a point (``papersum.pdfscaled``): dvips's
bitmap fonts as Acrobat Distiller turned them into Type 3 fonts, one unit a pixel, set at 1 pt
and scaled by the text matrix (0.24 for 300 dpi). 17 of 2,158 real PDFs in the held-out sets
(VLDB 1999, SIGMOD 2000, STOC 1998, PageRank, FrTime, Therac-25, …) are made so; the tests make
their own, drawn as TeX drew them: each word, and pieces of words between kerns, placed by
itself."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from papersum.errors import ExtractError
from papersum.extract import extract_paper

SCALE = 0.24
"""The text matrix's scale: a glyph unit is a 300-dpi pixel."""


_WIDTH = {**dict.fromkeys("ilI.,:;-'", 12), **dict.fromkeys("mwMW", 36)}
"""Glyph widths in pixels, a roman letter's 21 (5 pt at 0.24); some narrower, some wider."""


FI = "\x0c"
"""TeX's "fi", code 12 in its text fonts, whose glyph no name maps to a character."""


def _glyph(char: str) -> str:
    if char == FI:
        return "#230C"  # as Distiller names it: "#0C"
    names = {".": "period", ",": "comma", ":": "colon", ";": "semicolon", "-": "hyphen", "'": "quoteright"}
    names |= {"{": "braceleft", "|": "bar"}  # OT1's en and em dashes, at ASCII's braces' codes
    digits = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    return names.get(char) or (digits[int(char)] if char.isdigit() else char)


CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;-'{|"


def _scaled_pdf(pages: list[list[tuple[float, float, float, str]]], *, mapped: bool = True) -> bytes:
    """A PDF of ``pages``, each rows of (left, baseline from the top, type scale, text), set in a
    Type 3 font as Distiller wrote dvips's: words apart by a kern of a space, each word cut after
    its fourth letter, the next piece set back by 1 pt (as pixels' rounding sets them). ``mapped``: the glyphs have the
    names of their characters; if not, names that tell nothing (as most bitmap fonts have)."""
    codes = {char: 65 + index for index, char in enumerate(CHARS)} | {FI: 12}  # TeX's "fi"
    procs, differences = [], []
    for char, code in sorted(codes.items(), key=lambda item: item[1]):
        width = _WIDTH.get(char, 21)
        procs.append((char, f"{width} 0 0 0 {width - 2} 30 d1 2 0 {width - 4} 28 re f".encode()))
        differences.append(f"{code} /{_glyph(char) if mapped else f'g{code}'}")
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    proc_ids = {char: add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(p), p)) for char, p in procs}
    names = " ".join(f"/{_glyph(c) if mapped else f'g{codes[c]}'} {proc_ids[c]} 0 R" for c in codes)
    widths = " ".join(["21", *["0"] * 52, *(str(_WIDTH.get(c, 21)) for c in CHARS)])  # from code 12
    font = add(
        (
            f"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 40 30] /FontMatrix [1 0 0 1 0 0] "
            f"/FirstChar 12 /LastChar {64 + len(CHARS)} /Widths [{widths}] "
            f"/Encoding << /Type /Encoding /Differences [{' '.join(differences)}] >> "
            f"/CharProcs << {names} >> /Resources << >> >>"
        ).encode()
    )
    page_ids = []
    kids_at = len(objects) + 1 + 2 * len(pages)  # the pages object, after every page's two
    for rows in pages:
        stream = ["BT /T1 1 Tf"]
        for left, top, scale, text in rows:
            x = left
            for word in text.split(" "):
                for piece in (word[:4], word[4:]) if len(word) > 4 else (word,):
                    encoded = "".join(f"\\{codes[c]:03o}" for c in piece)
                    stream.append(
                        f"{SCALE * scale} 0 0 {SCALE * scale} {x:.2f} {792 - top:.2f} Tm ({encoded}) Tj"
                    )
                    x += (
                        sum(_WIDTH.get(c, 21) for c in piece) * SCALE * scale - 1.0
                    )  # a pixel's rounding, back
                x += 14 * SCALE * scale  # a word space
        stream.append("ET")
        content = "\n".join(stream).encode()
        contents = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        page_ids.append(
            add(
                f"<< /Type /Page /Parent {kids_at} 0 R /MediaBox [0 0 612 792] /Contents {contents} 0 R "
                f"/Resources << /Font << /T1 {font} 0 R >> >> >>".encode()
            )
        )
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    pages_id = add(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode())
    assert pages_id == kids_at
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    out, offsets = bytearray(b"%PDF-1.3\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)


TITLE = "Seeing the Bow: Motion Cues for Separating Duets"
BODY = [
    "Two violins playing the same part sound alike, but their players",
    "move apart: each bow follows its own notes. We track the bows in",
    "the video and use their motion to separate the two recordings.",
]
METHOD = [
    "We find each bow in every frame of the video with a detector we",
    "trained on three hundred de\x0cned frames, and follow its tip over",
    "time. Its speed and its changes of direction give the onsets.",
]
RESULTS = [
    "On twelve duets the separation gains 3{5 decibels over the same",
    "network without the video { most where the two parts cross or",
    "play in unison, where the sound alone cannot tell them apart.",
]


def _paper() -> list[list[tuple[float, float, float, str]]]:
    """A two-page paper: scale 1 is 10-pt type (a letter 5 pt wide)."""
    first = [
        (90, 90, 1.6, TITLE),
        (150, 125, 1.2, "Ana Lima"),
        (340, 125, 1.2, "Ben Ortiz"),
        (150, 140, 1.0, "Music Department, Example University"),
        (90, 180, 1.2, "Abstract"),
        *((90, 198 + 12 * n, 1.0, line) for n, line in enumerate(BODY)),
    ]
    second = [
        (90, 80, 1.4, "1 Bow Tracking"),
        *((90, 98 + 12 * n, 1.0, line) for n, line in enumerate(METHOD * 3)),
        (90, 230, 1.4, "2 Results"),
        *((90, 248 + 12 * n, 1.0, line) for n, line in enumerate(RESULTS * 3)),
    ]
    return [first, second]


def test_a_paper_in_scaled_bitmap_fonts_reads_whole_words(tmp_path: Path) -> None:
    (path := tmp_path / "old.pdf").write_bytes(_scaled_pdf(_paper()))
    with pymupdf.open(path) as doc:  # as mupdf reads it: a word a line, broken words
        assert doc[0].get_text().splitlines()[:3] == ["Seei", "ng", "the"]
    paper = extract_paper(path)
    assert paper.title == TITLE
    assert paper.authors == ["Ana Lima", "Ben Ortiz"]
    assert paper.abstract.startswith(
        "Two violins playing the same part sound alike, but their players move apart"
    )
    assert [s.heading for s in paper.sections] == ["1 Bow Tracking", "2 Results"]
    assert paper.sections[0].text.startswith("We find each bow in every frame of the video with a detector")
    assert "three hundred defined frames" in paper.sections[0].text  # TeX's "fi" at its code
    # and its dashes at the codes of ASCII's braces
    assert "gains 3–5 decibels over the same network without the video – most" in paper.sections[1].text


def test_a_paper_in_bitmap_fonts_that_map_no_character_is_an_error(tmp_path: Path) -> None:
    # Therac-25's report, the IDS evasion paper, Making a Fast Curry: their glyphs' names say
    # nothing, and mupdf reads codes ("W-XGY Z[^]`_aZ"), which made a summary of nonsense
    (path := tmp_path / "codes.pdf").write_bytes(_scaled_pdf(_paper(), mapped=False))
    with pytest.raises(ExtractError, match=r"cannot be read.*ocrmypdf --force-ocr"):
        extract_paper(path)

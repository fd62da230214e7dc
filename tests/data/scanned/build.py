"""Rebuild the scanned fixtures: pages rendered to grey images (as a scanner gives them) and given
a text layer by OCR (ocrmypdf with Tesseract), as libraries and old proceedings offer papers.

    python tests/data/scanned/build.py     # needs ocrmypdf (PyPI) and tesseract-ocr (Debian)

The PDFs are committed, so the tests never need OCR.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
DATA = HERE.parent

SCANS = (
    # the LaTeX fixture in IEEEtran, both pages
    ("ieee-ocr", DATA / "latex" / "ieee.pdf", None),
    # page 1 of a real ISMIR paper (CC BY 4.0, see ../papers/README.md): its authors' marks are
    # read by OCR in line with their names ("Clément Laroche!”")
    ("laroche-page1-ocr", DATA / "papers" / "laroche-ismir2016-genre-dictionaries.pdf", 1),
)


def scanned(source: Path, pages: int | None, target: Path) -> None:
    with pymupdf.open(source) as original, pymupdf.open() as scan:
        for page in list(original)[:pages]:
            image = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY).tobytes("jpg", jpg_quality=60)
            scan.new_page(width=page.rect.width, height=page.rect.height).insert_image(
                page.rect, stream=image
            )
        scan.save(target, deflate=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, source, pages in SCANS:
            images = Path(tmp) / f"{name}.pdf"
            scanned(source, pages, images)
            subprocess.run(
                ["ocrmypdf", "-q", "--optimize", "0", str(images), str(HERE / f"{name}.pdf")], check=True
            )


if __name__ == "__main__":
    main()

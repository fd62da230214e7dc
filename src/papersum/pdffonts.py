"""What mupdf is told of a PDF's fonts before it reads a page: which are bold.

mupdf calls a font bold when the font file says so, and marks its runs ``<b>`` in the XHTML the
later pages are read from. Many fonts say it only in their names: TeX's "CMBX10", Ghostscript's
"NimbusRomNo9L-Medi" (IEEE's and CVPR's bold Times), Springer Nature's "AdvOT3d287b35.B" (Nature
Communications' "Results", "Methods"), "Kp-Medium". Their headings were read as plain text, run
into the paragraph under them ("Results Bayesian multimodel inference …"). Told before the page
is read, mupdf marks them as it marks any bold run, at no cost beyond a look at the page's fonts.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pymupdf

BOLD_FONT = re.compile(r"bold|black|heavy|medi(?:um)?(?!(?-i:[a-z]))|semibold|demi|[_.-]b$|bx", re.I)
"""A font's name that says bold ("Times-Bold", "NimbusRomNo9L-Medi", "AdvTimes-b", "AdvOT….B",
"CMBX10", "Kp-Medium", "Kp-MediumItalic"); not a name that holds "Medi" in a word
("TrumpMediaeval-Roman", the Computer Music Journal's text face, read all bold)."""


def fonts_bold_by_name(doc: pymupdf.Document, page_object: Any, seen: set[int]) -> None:
    """Mark the fonts of a page (``page_object``, its PDF dictionary) whose names say bold as
    bold in mupdf's loaded font, which the page's text then reads. ``seen``: the numbers of the
    fonts already looked at on earlier pages, most of a paper's fonts being on every page. Read
    through mupdf's low-level calls, which make no Python object for each font looked at."""
    try:
        _mark_fonts(doc, page_object, seen)
    except Exception:  # a damaged dictionary: mupdf reads the page as well as it can, unmarked
        return


def _mark_fonts(doc: pymupdf.Document, page_object: Any, seen: set[int]) -> None:
    from pymupdf import mupdf

    names = _names()
    resources = mupdf.ll_pdf_dict_get_inheritable(page_object.m_internal, names["Resources"])
    fonts = mupdf.ll_pdf_dict_get(resources, names["Font"])
    stack = None
    for i in range(mupdf.ll_pdf_dict_len(fonts)):
        font = mupdf.ll_pdf_dict_get_val(fonts, i)
        number = mupdf.ll_pdf_to_num(font)  # 0 for a font written in the page's dictionary
        if number in seen:
            continue
        if number:
            seen.add(number)
        name = mupdf.ll_pdf_to_name(mupdf.ll_pdf_dict_get(font, names["BaseFont"]))
        if not BOLD_FONT.search(name.partition("+")[2] or name):
            continue
        if stack is None:  # where mupdf looks the font up, as when it reads the page
            stack = mupdf.pdf_resource_stack()
            stack.resources, stack.next = resources, None
            pdf = mupdf.pdf_document_from_fz_document(doc.this)
        try:
            loaded = mupdf.ll_pdf_load_font(pdf.m_internal, stack, font)  # kept in its store
        except Exception:  # a broken font: mupdf reads the page with another, as it can
            continue
        loaded.font.flags.is_bold = 1
        mupdf.ll_pdf_drop_font(loaded)


def bold_by_name_only(page: pymupdf.Page, html: str) -> bool:
    """Whether a font of ``page`` is bold by its name while no family in its ``html`` is."""
    if any(BOLD_FONT.search(family) for family in _FONT_FAMILY.findall(html)):
        return False
    return any(BOLD_FONT.search(str(font[3]).partition("+")[2] or str(font[3])) for font in page.get_fonts())


_FONT_FAMILY = re.compile(r"font-family:([^;,\"]+)")


@functools.cache
def _names() -> dict[str, Any]:
    """The PDF names looked up, as mupdf's low-level calls take them."""
    from pymupdf import mupdf

    return {
        key: mupdf.PdfObj(getattr(mupdf, f"PDF_ENUM_NAME_{key}")).m_internal
        for key in ("Resources", "Font", "BaseFont")
    }

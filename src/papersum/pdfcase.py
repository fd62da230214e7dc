"""How a heading is cased, which tells a heading's second line from the heading under it: a
heading goes on in its own case ("B.2. Low-rank Approximation with Fourier" / "Basis/Legendre
Polynomials"); one in another case is a heading of its own ("4.1 Setup" / "Unsupervised
pre-training", where mupdf gives both lines alone, in one bold type)."""

from __future__ import annotations

import re


def heading_under(heading: str, line: str, *, small: bool) -> bool:
    """Whether a capitalised ``line`` under a ``heading`` is a heading of its own, no part of it:
    - in another case: under a heading in title case, one in sentence case ("5 Analysis" /
      "Impact of number of layers transferred"); under one in sentence case, a capitalised word,
      where the heading would go on in lowercase ("4.2. Approaches compared" / "Retrieval-based
      Open-QA");
    - in type under 12 pt (``small``), under a heading too short to have been broken, which a
      column's width of such type holds ("5. Background Inpainting" / "Environment-based
      Inpainting", "3.1 Experimental Setup" / "Base Model").
    Not a word in capitals or with capitals inside ("ETTx2"), which may be a name either way,
    nor under a label ("Chapter 1" / "The introduction") or a heading left open ("… from",
    "Interpreter,")."""
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    if not (first[:1].isupper() and first[1:].replace("-", "").islower()) or heading.isupper():
        return False
    if _LABEL.fullmatch(heading):  # "Chapter 1" / "The introduction": a label over its title
        return False
    if _in_sentence_case(heading) or _in_sentence_case(line):
        return True
    return small and len(heading) <= _UNBROKEN_MOST and not heading.endswith((",", "-", "–", ":"))


_UNBROKEN_MOST = 24
"""Characters of a heading in type under 12 pt, without its number, that a column holds whole:
a heading this short is not broken over lines (two-column papers' columns hold some 40)."""


def _in_sentence_case(text: str) -> bool:
    """Whether a heading is in sentence case: a word after its first in lowercase, not a short
    word that title case leaves in lowercase too ("with", "from")."""
    words = [word.strip(",:;.()") for word in text.split()[1:]]
    lower = [w for w in words if len(w) >= 4 and w[:1].islower() and w.replace("-", "").isalpha()]
    return any(w not in _TITLE_LOWER for w in lower)


_LABEL = re.compile(
    r"(?:[A-Z][a-zà-ü]+\s+)?(?:\d{1,2}|[A-Z]\d?|[IVXLC]+)\.?|Appendix|Appendices|Anhang|Annexe?"
)
"""A chapter's or appendix's label alone, its title under it: "Chapter 1", "Capítulo 2",
"Appendix A1", "Part II", "Appendix"."""


_TITLE_LOWER = {"with", "from", "into", "onto", "over", "upon", "than", "that", "versus", "without"}
_TITLE_LOWER |= {"within", "between", "through", "under", "about", "across", "after", "before", "using"}

"""Are the summary's quotes really in the paper? Pure: no I/O.

Quotes and paper are compared after folding what PDF extraction and models change: Unicode forms
and ligatures, case, curly quotes, hyphens (a word hyphenated at a line break is joined by
extraction, ``audio-visual`` may come back as ``audiovisual``), punctuation and whitespace. A quote
is found when it is in the paper verbatim after folding, or when ``rapidfuzz``'s best partial
alignment scores at least 90.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from papersum.models import Confidence, PaperText, QuoteCheck

FOUND = 90.0
_MIN_CHARS = 12
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case letters and digits, single spaces; hyphens and punctuation dropped."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[\u00ad\-\u2010-\u2015]\s*", "", text)  # hyphens, soft hyphens, dashes
    return _NOT_WORD.sub(" ", text).strip()


def check_quotes(quotes: list[str], paper: PaperText) -> list[QuoteCheck]:
    """Each quote with whether (and how surely) the paper contains it."""
    haystack = fold(" ".join([paper.title, paper.abstract, paper.full_text]))
    return [_check(quote, haystack) for quote in quotes]


def confidence_of(checks: list[QuoteCheck]) -> Confidence:
    """``high`` when every quote (at least one) is found, ``medium`` for at least half, else ``low``."""
    if not checks:
        return "low"
    found = sum(c.found for c in checks)
    if found == len(checks):
        return "high"
    return "medium" if found * 2 >= len(checks) else "low"


def _check(quote: str, haystack: str) -> QuoteCheck:
    needle = fold(quote.strip(" \"'“”‘’"))
    if len(needle) < _MIN_CHARS:
        return QuoteCheck(quote=quote, found=False, score=0.0)
    if needle in haystack:
        return QuoteCheck(quote=quote, found=True, score=100.0)
    score = fuzz.partial_ratio(needle, haystack, score_cutoff=FOUND * 0.8)
    return QuoteCheck(quote=quote, found=score >= FOUND, score=round(score, 1))

"""A title printed in capitals given back the case its paper writes it in."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from papersum.pdflines import Line
from papersum.pdfmeta import joined_title, letters


def title_as_written(title: str, printed: list[str], prose: str, first_page: Sequence[Line] = ()) -> str:
    """A title printed in capitals (its lines ``printed``), which ``choose_title`` lowercases
    after its first letter, in the case page 1 quotes it in (``first_page``: ISMIR's licence block,
    "Attribution: A. Lima, “Seeing the Bow: …”"), else with its words as the paper's ``prose``
    (its abstract and first sections) writes them: a word broken at a title line's end joined
    when the prose writes it whole and never with a hyphen ("ATTEN-" / "TION": "attention"); a
    name capitalised ("Shapley values", "ICASSP", see ``_capitalised``). Any other title as it
    is."""
    if not printed or not " ".join(printed).isupper() or title != joined_title(printed):
        return title
    if quoted := _quoted_title(title, " ".join(line.text for line in first_page)):
        return quoted
    for line, following in itertools.pairwise(printed):
        head, tail = _BROKEN_AT_END.search(line), _FIRST_WORD.match(following)
        if (
            head
            and tail
            and _written(head[1] + tail[0], prose)
            and not _written(f"{head[1]}-{tail[0]}", prose)
        ):
            at = title.lower().find(f"{head[1]}-{tail[0]}".lower()) + len(head[1])
            title = title[:at] + title[at + 1 :] if at >= len(head[1]) else title
    words = {word.lower() for word in _TITLE_WORD.findall(title)} - _FUNCTION_WORDS
    written = _capitalised(words, prose[:_PROSE_MOST])
    title = _TITLE_WORD.sub(lambda word: written.get(word[0].lower(), word[0]), title) if written else title
    return _LONE_LETTER.sub(lambda letter: letter[0].upper(), title)  # "in R: a vignette"


_LONE_LETTER = re.compile(r"(?<![\w'’.-])[b-z](?![\w'’.-])")
"""A letter alone in a title in capitals, but the article "a": a name's ("R", "C"), as printed."""


def _quoted_title(title: str, page_text: str) -> str:
    """``title`` in the case of its letters where ``page_text`` quotes it, or ""."""
    key = letters(title)
    for quote in _QUOTED.finditer(page_text):
        if letters(quote[1]) == key:
            cases = iter(char for char in quote[1] if char.isalnum())
            return "".join(next(cases) if char.isalnum() else char for char in title)
    return ""


_QUOTED = re.compile(r"[“\"]([^”\"]{8,400})[”\"]")
"""A quotation on page 1 that may be the paper's title."""


_FUNCTION_WORDS = frozenset(
    (
        *("a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "its", "of", "on"),
        *("or", "the", "to", "towards", "toward", "using", "via", "with"),
    )
)
"""A title's words that are never a name: looked for, they are found hundreds of times."""


_PROSE_MOST = 8_000
"""Characters of prose a title's words are looked for in, at most."""


_BROKEN_AT_END = re.compile(r"(\w+)-$")
_FIRST_WORD = re.compile(r"\w+")
_TITLE_WORD = re.compile(r"\b[A-Za-z][a-z]+\b")
"""A title's word as ``choose_title`` lowercases it (its first capitalised)."""


def _capitalised(words: set[str], prose: str) -> dict[str, str]:
    """Those of ``words`` (lowercase) that ``prose`` writes only capitalised within its sentences,
    as it writes them: in capitals once ("ICASSP", "LSTM"), or capitalised twice, not next to
    another capitalised word (a name, "Shapley values", not a term capitalised as a whole,
    "Optical Music Recognition"). Not at a sentence's start; an address ("ismir.net") aside."""
    if not words:
        return {}
    # most words are written in lowercase somewhere (not in an address, "ismir.net"), and so
    # are no name: told in one search; the rest are looked at where they are
    written_as = set(re.findall(r"\b(?:" + "|".join(sorted(words)) + r")\b", prose, re.IGNORECASE))
    words = {form.lower() for form in written_as if not form.islower()}
    words = {word for word in words if word not in written_as or _only_in_addresses(word, prose)}
    if not words:
        return {}
    forms: Counter[str] = Counter()
    for found in re.finditer(r"\b(?:" + "|".join(sorted(words)) + r")\b", prose, re.IGNORECASE):
        start, end = found.span()
        before, after = prose[max(0, start - 40) : start].rstrip(), prose[end : end + 3].lstrip()
        if _in_address(prose, start, end) or not before or before[-1] in ".!?:\n":
            continue
        if found[0].isupper() or not (_ends_capitalised(before) or after[:1].isupper()):
            forms[found[0]] += 1
    written = {}
    for word in words:
        count, form = max(((n, f) for f, n in forms.items() if f.lower() == word), default=(0, word))
        if not forms[word] and (count >= 2 or (count and form.isupper())):
            written[word] = form
    return written


def _in_address(prose: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` of ``prose`` is part of a web or e-mail address
    ("ismir.net", "ana@ismir.org"): written so, a word says nothing of its case."""
    return _ADDRESS_MARK.match(prose, end) is not None or prose[start - 1 : start] in _ADDRESS_MARKS


def _only_in_addresses(word: str, prose: str) -> bool:
    return all(_in_address(prose, *found.span()) for found in re.finditer(rf"\b{word}\b", prose))


_ADDRESS_MARK = re.compile(r"[./@_]\w")
_ADDRESS_MARKS = frozenset("./@_")


def _ends_capitalised(text: str) -> bool:
    """Whether ``text``'s last word is capitalised."""
    start = len(text)
    while start and text[start - 1].isalpha():
        start -= 1
    return text[start : start + 1].isupper()


def _written(word: str, prose: str) -> bool:
    """Whether ``prose`` writes ``word``, in any case, as a word of its own."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", prose, re.IGNORECASE) is not None

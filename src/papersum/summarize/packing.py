"""What of a paper goes into a model request: token estimates, packing by priority, parts for
map-reduce. Pure: no I/O.

Tokens are estimated without a tokenizer (tiktoken would download its tables at first use): one
token per three characters over-counts English text, which averages about four, so an estimate is
a ceiling and a request within its budget by estimate is within it in fact.
"""

from __future__ import annotations

import math
import re
import secrets
from dataclasses import dataclass

from papersum.models import PaperText

CHARS_PER_TOKEN = 3.0
_PRIORITY = (  # section kinds in the order they earn space in a packed request
    ("intro", r"intro|background|motivation"),
    ("conclusion", r"conclu|summary|future|limitation"),
    ("method", r"method|approach|model|system|architecture|design|algorithm|propos|framework"),
    ("results", r"result|experiment|evaluat|analys|discussion|benchmark"),
)
_MIN_PIECE_CHARS = 300
_SENTENCE = re.compile(r"[^.!?\n]*[.!?\n]?")


@dataclass(frozen=True)
class PaperBlock:
    """The paper text for one request, between markers no paper text can contain."""

    text: str
    complete: bool = True

    def delimited(self) -> str:
        """The text between ``<paper-XXXX>`` markers with a fresh random tag."""
        tag = f"paper-{secrets.token_hex(4)}"
        return f"<{tag}>\n{self.text}\n</{tag}>"


def estimate_tokens(text: str) -> int:
    """A ceiling on the number of tokens ``text`` takes."""
    return math.ceil(len(text) / CHARS_PER_TOKEN)


def full_text(paper: PaperText) -> str:
    """The whole paper as sent to a model: title, abstract, then every section."""
    parts = [f"# {paper.title}"]
    if paper.abstract:
        parts.append(f"## Abstract\n{paper.abstract}")
    parts += [f"## {s.heading}\n{s.text}" for s in paper.sections]
    return "\n\n".join(parts)


def pack_paper(paper: PaperText, budget: int) -> PaperBlock:
    """The paper within ``budget`` tokens: title and abstract first, then the introduction,
    conclusion, method and results, then the rest; cut sections end with ``[…]``."""
    whole = full_text(paper)
    if estimate_tokens(whole) <= budget:
        return PaperBlock(whole)
    room = int(budget * CHARS_PER_TOKEN)
    head = _cut(f"# {paper.title}\n\n## Abstract\n{paper.abstract}", room)
    room -= len(head) + 2
    granted: dict[int, str] = {}
    for index in sorted(range(len(paper.sections)), key=lambda i: _rank(paper.sections[i].heading, i)):
        section = paper.sections[index]
        heading = f"## {section.heading}\n"
        if room < len(heading) + _MIN_PIECE_CHARS:
            break
        body = _cut(section.text, room - len(heading) - 2)
        granted[index] = heading + body
        room -= len(granted[index]) + 2
    kept = [granted[i] for i in sorted(granted)]
    return PaperBlock("\n\n".join([head, *kept]), complete=False)


def split_paper(paper: PaperText, budget: int) -> list[str]:
    """The paper in consecutive parts of at most ``budget`` tokens each, split between sections
    where possible, else between sentences."""
    room = int(budget * CHARS_PER_TOKEN)
    pieces = ([f"## Abstract\n{paper.abstract}"] if paper.abstract else []) + [
        f"## {s.heading}\n{s.text}" for s in paper.sections
    ]
    parts: list[str] = []
    current = ""
    for piece in (p for whole in pieces for p in _split_long(whole, room)):
        if current and len(current) + 2 + len(piece) > room:
            parts.append(current)
            current = ""
        current = f"{current}\n\n{piece}" if current else piece
    return [*parts, current] if current else parts


def _rank(heading: str, index: int) -> tuple[int, int]:
    lowered = heading.lower()
    for rank, (_kind, pattern) in enumerate(_PRIORITY):
        if re.search(pattern, lowered):
            return rank, index
    return len(_PRIORITY), index


def _cut(text: str, room: int) -> str:
    """``text`` whole if it fits in ``room`` characters, else cut at a sentence end, with ``[…]``."""
    if len(text) <= room:
        return text
    cut = text[: max(0, room - 4)]
    end = max(cut.rfind(". "), cut.rfind(".\n"))
    if end > len(cut) // 2:
        cut = cut[: end + 1]
    return cut.rstrip() + " […]"


def _split_long(piece: str, room: int) -> list[str]:
    """A section too long for one part, split between sentences (or hard, for a run-on)."""
    if len(piece) <= room:
        return [piece]
    out: list[str] = []
    current = ""
    for sentence in (s for s in _SENTENCE.findall(piece) if s):
        while len(sentence) > room:
            out.append(sentence[:room])
            sentence = sentence[room:]
        if len(current) + len(sentence) > room:
            out.append(current)
            current = ""
        current += sentence
    return [*out, current] if current else out

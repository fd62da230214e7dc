"""Is this the paper the entry names? Title comparison, and the arXiv query that finds a title.

Titles are compared after folding case, accents and punctuation, with ``rapidfuzz``. An entry may
name a paper by its short title (``VideoBERT`` for ``VideoBERT: A Joint Model …``) or add a
subtitle of its own, so the part before a colon counts too, a little below a whole-title match.
Word-order changes do not count: ``Transformers in Vision: A Survey`` is a different paper from
``Vision Transformers: A Survey``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from papersum.models import ArxivPaper

CONFIDENT = 90.0
"""A title search accepts its best candidate only at this score or above …"""
MARGIN = 2.0
"""… and only when no other paper comes within this many points of it."""
SAME_PAPER = 80.0
"""Below this, a link's paper is not the one the entry's title names: a mismatch."""

_MIN_FUZZY = 20
"""Shorter titles must match exactly: ``VideoBERT`` is not ``VisualBERT``."""
_MIN_HEAD_CHARS = 5
"""A short title (``ViLBERT``) stands for the paper; ``MMT`` alone is too vague."""
_MIN_PREFIX_CHARS = 8
_HEAD = re.compile(r"\s*[:?!]\s+|\s+[-–—]\s+")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_STOPWORDS = frozenset([
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of",
    "on", "or", "our", "the", "to", "via", "vs", "with", "without",
])
_QUERY_WORDS = 10


@dataclass(frozen=True)
class Match:
    """A candidate paper and how well its title matches the entry's (0–100)."""

    paper: ArxivPaper
    score: float


def normalize_title(title: str) -> str:
    """Lower-case ASCII words and single spaces: ``Audio-Visual: A Survey`` → ``audio visual a survey``."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return _NON_WORD.sub(" ", folded).strip()


def title_score(wanted: str, candidate: str) -> float:
    """How surely ``candidate`` is the paper titled ``wanted`` (0–100)."""
    want, cand = normalize_title(wanted), normalize_title(candidate)
    scores = [_similar(want, cand)]
    cand_head, want_head = _head(candidate), _head(wanted)
    if cand_head and cand_head != cand:
        scores.append(0.97 * _similar(want, cand_head))  # the entry gives the short title
    if want_head and want_head != want:
        scores.append(0.95 * _similar(want_head, cand))  # the entry adds a subtitle
    if len(want) >= _MIN_PREFIX_CHARS and cand.startswith(want + " "):
        scores.append(93.0)  # the entry gives the first words of the title
    return round(max(scores), 1)


def best_match(wanted: str, papers: list[ArxivPaper], context: str = "") -> tuple[Match | None, list[Match]]:
    """The confident match for ``wanted`` among ``papers`` (or None), and all candidates ranked.

    ``context`` (e.g. a citation's text) breaks near-ties: a candidate whose author surname or year
    it mentions gains a few points.
    """
    ranked = sorted(
        (Match(p, title_score(wanted, p.title) + _context_bonus(p, context)) for p in papers),
        key=lambda m: m.score, reverse=True,
    )
    ranked = list({m.paper.arxiv_id: m for m in reversed(ranked)}.values())[::-1]  # one per id
    if not ranked or ranked[0].score < CONFIDENT:
        return None, ranked
    if len(ranked) > 1 and ranked[1].score > ranked[0].score - MARGIN:
        return None, ranked
    return ranked[0], ranked


def title_query(title: str) -> str:
    """An arXiv ``search_query`` for a title: the exact phrase, or all its significant words."""
    words = normalize_title(title).split()
    if not words:
        return ""
    phrase = f'ti:"{" ".join(words)}"' if len(words) > 1 else f"ti:{words[0]}"
    significant = [w for w in dict.fromkeys(words) if w not in _STOPWORDS][:_QUERY_WORDS]
    if len(significant) < 2:
        return phrase
    return f"{phrase} OR ({' AND '.join(f'ti:{w}' for w in significant)})"


def _similar(a: str, b: str) -> float:
    if a == b:
        return 100.0 if a else 0.0
    if min(len(a), len(b)) < _MIN_FUZZY:
        return 0.0
    ratio = float(fuzz.ratio(a, b))
    if len(a.split()) != len(b.split()):  # a typo keeps the words; a missing word may be another paper
        return min(ratio, CONFIDENT - 1)
    return ratio


def _head(title: str) -> str:
    """The normalized part of a title before its first colon or dash, if long enough."""
    head = normalize_title(_HEAD.split(title, maxsplit=1)[0])
    return head if len(head) >= _MIN_HEAD_CHARS else ""


def _context_bonus(paper: ArxivPaper, context: str) -> float:
    if not context:
        return 0.0
    words = set(normalize_title(context).split())
    surnames = {normalize_title(a).split()[-1] for a in paper.authors if normalize_title(a)}
    bonus = 3.0 if surnames & words else 0.0
    if paper.year is not None and str(paper.year) in words:
        bonus += 1.0
    return bonus

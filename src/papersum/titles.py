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

from papersum.models import PaperRecord

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
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "our",
        "the",
        "to",
        "via",
        "vs",
        "with",
        "without",
    ]
)
_QUERY_WORDS = 10
_YEAR = re.compile(r"(?<![\d.])((?:19[5-9]|20[0-9])\d)(?![\d.])")
_AUTHOR_HINT = re.compile(r"\bet al\b|\b[A-Z]\.(?:\s?[A-Z]\.)*\s?[A-Z][\w'-]+")
"""``Gao et al.`` or ``E. Shlizerman``: the entry names the paper's authors."""
_PREPRINT_YEARS = 2
"""A preprint may come out this many years before the venue year an entry cites."""
_MIN_TAIL_WORDS = 4


@dataclass(frozen=True)
class Match:
    """A candidate paper and how well its title matches the entry's (0–100)."""

    paper: PaperRecord
    score: float


@dataclass(frozen=True)
class Clues:
    """What an entry says about its paper besides the title: author surnames, a year."""

    words: frozenset[str] = frozenset()
    names_authors: bool = False
    years: frozenset[int] = frozenset()

    def rules_out(self, paper: PaperRecord) -> bool:
        """Whether the entry's authors or year contradict this paper's."""
        if self.names_authors and paper.authors and not _surnames(paper) & self.words:
            return True
        return (
            bool(self.years)
            and paper.year is not None
            and not any(year - _PREPRINT_YEARS <= paper.year <= year + 1 for year in self.years)
        )

    def bonus(self, paper: PaperRecord) -> float:
        """A few points for a paper whose author surname or year the entry mentions."""
        bonus = 3.0 if _surnames(paper) & self.words else 0.0
        return bonus + (1.0 if paper.year in self.years else 0.0)


def clues_of(context: str) -> Clues:
    """The clues in an entry's text around its title (a citation's authors, venue and year)."""
    years = frozenset(int(y) for y in _YEAR.findall(context))
    return Clues(
        words=frozenset(normalize_title(context).split()),
        names_authors=bool(_AUTHOR_HINT.search(context)),
        years=years,
    )


def normalize_title(title: str) -> str:
    """Lower-case ASCII words and single spaces: ``Audio-Visual: A Survey`` → ``audio visual a survey``."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return _NON_WORD.sub(" ", folded).strip()


def title_score(wanted: str, candidate: str) -> float:
    """How surely ``candidate`` is the paper titled ``wanted`` (0–100)."""
    want, cand = normalize_title(wanted), normalize_title(candidate)
    if want and want == cand:
        return 100.0  # the same words: nothing below can score higher
    scores = [_similar(want, cand)]
    cand_head, want_head = _head(candidate), _head(wanted)
    if cand_head and cand_head != cand:
        scores.append(0.97 * _similar(want, cand_head))  # the entry gives the short title
    if want_head and want_head != want:
        scores.append(0.95 * _similar(want_head, cand))  # the entry adds a subtitle
    want_tail = _tail(wanted)
    if want_tail:
        scores.append(0.93 * _similar(want_tail, cand))  # the entry adds a label before the title
    if len(want) >= _MIN_PREFIX_CHARS and cand.startswith(want + " "):
        scores.append(93.0)  # the entry gives the first words of the title
    return round(max(scores), 1)


def best_match(
    wanted: str, papers: list[PaperRecord], clues: Clues | None = None
) -> tuple[Match | None, list[Match]]:
    """The confident match for ``wanted`` among ``papers`` (or None), and all candidates ranked.

    A candidate that the entry's ``clues`` contradict (other authors, another year) never wins;
    one whose author or year the entry mentions gains a few points. Records of one paper (the same
    id, or the same title and an author in common) count once, so a service that lists a preprint
    and its published version does not make the match ambiguous.
    """
    clues = clues or Clues()
    ranked = sorted(
        (
            Match(
                p,
                min(title_score(wanted, p.title), CONFIDENT - 1)
                if clues.rules_out(p)
                else title_score(wanted, p.title) + clues.bonus(p),
            )
            for p in papers
        ),
        key=lambda m: m.score,
        reverse=True,
    )
    ranked = _one_per_paper(ranked)
    if not ranked or ranked[0].score < CONFIDENT:
        return None, ranked
    if len(ranked) > 1 and ranked[1].score > ranked[0].score - MARGIN:
        return None, ranked
    return ranked[0], ranked


def same_paper(a: PaperRecord, b: PaperRecord) -> bool:
    """Whether two records describe one paper: a shared id, or one title and a shared author."""
    if (a.arxiv_id and a.arxiv_id == b.arxiv_id) or (a.doi and a.doi == b.doi):
        return True
    if normalize_title(a.title) != normalize_title(b.title):
        return False
    return not (a.authors and b.authors) or bool(_surnames(a) & _surnames(b))


def title_variants(title: str) -> list[str]:
    """The titles to search for an entry: the whole title, then the part before its first colon
    or dash, then the part after it (each only when long enough to name a paper)."""
    whole = normalize_title(title)
    return [title, *dict.fromkeys(part for part in (_head(title), _tail(title)) if part and part != whole)]


def _one_per_paper(ranked: list[Match]) -> list[Match]:
    """The best-scored match of each paper; a twin fills in the ids and PDF its best lacks."""
    kept: list[Match] = []
    for match in ranked:
        twin = next((i for i, k in enumerate(kept) if same_paper(k.paper, match.paper)), None)
        if twin is None:
            kept.append(match)
            continue
        best = kept[twin].paper
        gaps = {
            f: getattr(match.paper, f)
            for f in ("arxiv_id", "doi", "pdf_url", "venue")
            if getattr(best, f) is None and getattr(match.paper, f) is not None
        }
        if gaps:
            kept[twin] = Match(best.model_copy(update=gaps), kept[twin].score)
    return kept


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
    from rapidfuzz import fuzz  # on first use: a list whose titles all match exactly never loads it

    ratio = float(fuzz.ratio(a, b))
    if len(a.split()) != len(b.split()):  # a typo keeps the words; a missing word may be another paper
        return min(ratio, CONFIDENT - 1)
    return ratio


def _head(title: str) -> str:
    """The normalized part of a title before its first colon or dash, if long enough."""
    head = normalize_title(_HEAD.split(title, maxsplit=1)[0])
    return head if len(head) >= _MIN_HEAD_CHARS else ""


def _tail(title: str) -> str:
    """The normalized part of a title after its first colon or dash, if it has enough words."""
    parts = _HEAD.split(title, maxsplit=1)
    tail = normalize_title(parts[1]) if len(parts) == 2 else ""
    return tail if len(tail.split()) >= _MIN_TAIL_WORDS else ""


def _surnames(paper: PaperRecord) -> set[str]:
    return {words[-1] for a in paper.authors if (words := normalize_title(a).split())}

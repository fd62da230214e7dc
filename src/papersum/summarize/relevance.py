"""The offline relevance judgment: the paper's meaning against the profile's prose, fused with a
transparent lexical score against the profile's weighted facets.

Terms: each facet (music, audio, visual, …) gets a strength in [0, 1] from how densely the paper
uses its terms — the title counts ``TITLE_WEIGHT`` times, the abstract ``ABSTRACT_WEIGHT`` times a
body word — saturating as ``1 - exp(-density / SATURATION)``; the term score is the weighted mean
of the strengths on a 0–10 scale.

Meaning: the cosine similarity of the title and abstract to the profile's prose (``semantic``),
mapped linearly from ``MEANING_FLOOR`` (0) to ``MEANING_CEILING`` (10).

The score is ``MEANING_WEIGHT`` × meaning + the rest × terms, capped at ``CAP`` unless the title and
abstract speak of music *and* of a visual or cross-modal side (each facet at least ``PRESENT``):
audio-only music and audio-visual work without music are "maybe" at most, whatever their words.
The constants were chosen on ``tests/data/relevance_set.toml`` from the middle of the range that
meets its targets (``bench``-free: ``tests/test_relevance_set.py`` measures it).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from papersum.errors import ConfigError
from papersum.models import Verdict

TITLE_WEIGHT = 8
ABSTRACT_WEIGHT = 3
SATURATION = 6.0  # matches per 1000 weighted words that give a facet ~63 % strength
RELEVANT_FROM = 7
MAYBE_FROM = 4
MEANING_FLOOR = 0.35
MEANING_CEILING = 0.65
MEANING_WEIGHT = 0.6
PRESENT = 0.2
CAP = 6
BOTH_SIDES = ("music", ("visual", "multimodal"))
"""The facets a relevant paper needs in its title and abstract: music, and one of the others."""
SENTENCE_CAP = 3
"""Facet hits one sentence can add: a list of terms stuffed into a sentence counts as a few."""
BREADTH = 3
"""Distinct sentences that must speak of a facet for it to count fully: one sentence (a title,
a stuffed or injected line) gives it at most a third of its strength."""

_FACET_LINE = re.compile(r"^\s*[-*]\s*(?P<name>[\w -]+?)\s*\((?P<weight>\d+(?:\.\d+)?)\)\s*:(?P<terms>.+)$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Facet:
    """One aspect of the research, with its weight and its terms (``prefix*`` or exact words)."""

    name: str
    weight: float
    exact: frozenset[str]
    prefixes: tuple[str, ...]

    def matches(self, word: str) -> bool:
        """Whether ``word`` (lower case) is one of this facet's terms."""
        return word in self.exact or word.startswith(self.prefixes)


@dataclass(frozen=True)
class FacetMatch:
    """How strongly a paper matches one facet, and with which words."""

    facet: Facet
    strength: float
    words: Counter[str]


def parse_profile(profile: str) -> list[Facet]:
    """The facets in the profile's ``- name (weight): term, prefix*, …`` lines."""
    facets = []
    for line in profile.splitlines():
        match = _FACET_LINE.match(line)
        if not match:
            continue
        terms = [t.strip().lower() for t in match["terms"].split(",") if t.strip()]
        facets.append(
            Facet(
                name=match["name"].strip(),
                weight=float(match["weight"]),
                exact=frozenset(t for t in terms if not t.endswith("*")),
                prefixes=tuple(t[:-1] for t in terms if t.endswith("*")),
            )
        )
    if not facets:
        raise ConfigError(
            "the research profile has no '- facet (weight): term, term*' lines; "
            "see the bundled prompts/profile.md"
        )
    return facets


def words_of(text: str) -> list[str]:
    """Lower-case words; a hyphenated word also counts as its parts (audio-visual → audio, visual)."""
    words: list[str] = []
    for word in _WORD.findall(text.lower()):
        words.append(word)
        if "-" in word:
            words.extend(part for part in word.split("-") if part)
    return words


def match_facets(facets: list[Facet], title: str, abstract: str, body: str) -> list[FacetMatch]:
    """Each facet's strength in the paper. Keyword stuffing buys little: a sentence repeated
    counts once, one sentence adds at most ``SENTENCE_CAP`` hits to a facet, and a facet only
    counts fully when ``BREADTH`` different sentences use its terms."""
    zones = [
        (_sentences(title), TITLE_WEIGHT),
        (_sentences(abstract), ABSTRACT_WEIGHT),
        (_sentences(body), 1),
    ]
    length = sum(len(words) * weight for sentences, weight in zones for words in sentences) or 1
    results = []
    for facet in facets:
        found: Counter[str] = Counter()
        weighted = 0
        speaking = 0  # sentences that use the facet's terms
        for sentences, weight in zones:
            for words in sentences:
                hits = [w for w in words if facet.matches(w)]
                found.update(hits)
                weighted += min(len(hits), SENTENCE_CAP) * weight
                speaking += bool(hits)
        density = 1000 * weighted / length
        breadth = min(1.0, speaking / BREADTH)
        results.append(FacetMatch(facet, breadth * (1 - math.exp(-density / SATURATION)), found))
    return results


def _sentences(text: str) -> list[list[str]]:
    """The words of each distinct sentence of ``text`` (a sentence repeated counts once)."""
    seen: dict[tuple[str, ...], None] = {}
    for sentence in _SENTENCE_SPLIT.split(" ".join(text.split())):
        words = tuple(words_of(sentence))
        if words:
            seen.setdefault(words, None)
    return [list(words) for words in seen]


@dataclass(frozen=True)
class Judgment:
    """The offline score, its verdict, and the one line that explains it."""

    score: int
    verdict: Verdict
    reason: str


def judge(facets: list[Facet], title: str, abstract: str, body: str, closeness: float | None) -> Judgment:
    """The fused judgment of a paper (``closeness``: its meaning's similarity to the profile, None
    when the embedding model is not there: then the terms alone)."""
    matches = match_facets(facets, title, abstract, body)
    terms = 10 * sum(m.facet.weight * m.strength for m in matches) / sum(m.facet.weight for m in matches)
    reasons = [f"profile terms {round(terms)}/10 ({_terse(matches)})"]
    score = terms
    if closeness is not None:
        meaning = 10 * min(max((closeness - MEANING_FLOOR) / (MEANING_CEILING - MEANING_FLOOR), 0.0), 1.0)
        score = MEANING_WEIGHT * meaning + (1 - MEANING_WEIGHT) * terms
        reasons.insert(0, f"meaning {_closeness_label(closeness)} to your profile ({round(meaning)}/10)")
    missing = _missing_side(facets, title, abstract)
    if missing:
        score = min(score, CAP)
        reasons.append(f"at most {CAP}: the title and abstract say nothing of {missing}")
    final = round(score)
    return Judgment(final, verdict_of(final), "; ".join(reasons))


def _missing_side(facets: list[Facet], title: str, abstract: str) -> str | None:
    """Which side a relevant paper needs is absent from its title and abstract, if one is."""
    present = {m.facet.name: m.strength >= PRESENT for m in match_facets(facets, title, abstract, "")}
    music, others = BOTH_SIDES
    if music in present and not present[music]:
        return "music"
    if any(name in present for name in others) and not any(present.get(name) for name in others):
        return "a visual or cross-modal side"
    return None


def _closeness_label(closeness: float) -> str:
    if closeness >= 0.6:
        return "very close"
    if closeness >= 0.5:
        return "close"
    return "somewhat close" if closeness >= 0.42 else "far"


def _terse(matches: list[FacetMatch]) -> str:
    return ", ".join(f"{m.facet.name} {_strength_label(m.strength)}" for m in matches)


def verdict_of(score: int) -> Verdict:
    """``relevant`` from 7, ``maybe`` from 4, else ``not-relevant``."""
    if score >= RELEVANT_FROM:
        return "relevant"
    return "maybe" if score >= MAYBE_FROM else "not-relevant"


def _strength_label(strength: float) -> str:
    if strength >= 0.75:
        return "strong"
    if strength >= 0.4:
        return "moderate"
    return "weak" if strength >= 0.1 else "absent"

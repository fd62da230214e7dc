"""The offline ``extractive`` backend: sentences picked from the paper, no model, no network.

Every field is made of verbatim sentences chosen by cue phrases from the sections where such
sentences live (the method from the abstract and method sections, results from results and
conclusions, …); relevance from ``relevance.judge``: the paper's meaning (``semantic``) and its
terms against the profile.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import papersum.summarize.relevance as rel
from papersum.models import PaperSummary, PaperText, Relevance
from papersum.summarize.base import Summarized
from papersum.summarize.guard import MARK
from papersum.summarize.semantic import Meaning

if TYPE_CHECKING:
    from papersum.store import Example

NAME = "extractive"
_ABBREVIATIONS = "".join(
    rf"(?<!\b{a})" for a in (r"et al\.", r"e\.g\.", r"i\.e\.", r"Fig\.", r"Eq\.", r"Sec\.", r"vs\.", r"cf\.")
)
_SENTENCE_END = re.compile(r"(?<=[.!?])" + _ABBREVIATIONS + r"\s+(?=[A-Z“\"(\[])")
_CUES = {
    "tldr": r"\bwe (propose|present|introduce|describe|show|investigate|study)"
    r"|this (paper|work|article|thesis|report)",
    "problem": r"problem|challeng|difficult|however|lack|limited|remain|bottleneck|costly|expensive"
    r"|notoriously|require",
    "method": r"\bwe (propose|present|introduce|develop|design|use|train|apply|build|adopt)"
    r"|our (method|approach|model|system|network)|is based on|consists of|architecture",
    "results": r"\d+(\.\d+)?\s*%|outperform|improv|achiev|accura|results (show|indicate|suggest|confirm)"
    r"|we (find|found|show|observe)|significant|state[- ]of[- ]the[- ]art",
    "limitations": r"limitation|future work|fail|does not|do not|cannot|could not|not able|restricted"
    r"|drawback|shortcoming|remains? (open|unclear|to be)",
    "contribution": r"contribut|we (propose|introduce|present|release)|\bfirst\b|novel|new dataset"
    r"|open[- ]source",
}
_SECTION_KINDS = {
    "intro": r"intro|background|motivation",
    "method": r"method|approach|model|system|architecture|design|algorithm|propos|framework|network",
    "results": r"result|experiment|evaluat|analys|discussion|benchmark|application",
    "conclusion": r"conclu|summary|discussion|future|limitation|lesson",
}


class ExtractiveSummarizer:
    """Summarizes by picking sentences; judges relevance lexically against the profile."""

    name = NAME
    model: str | None = None
    local = False  # no model server to spare: papers run in parallel

    def __init__(self, profile: str, examples: list[Example] | None = None) -> None:
        self.facets = rel.parse_profile(profile)
        self.meaning = Meaning(profile)
        self.examples = examples or []
        """The user's judged papers (``calibrate``): a paper moves toward its nearest ones."""

    def cache_key(self, paper: PaperText) -> None:
        """Not cached: picking sentences again is faster than a database round trip."""
        return None

    def prepare(self) -> None:
        """Load the embedding model (a run does this while it resolves)."""
        self.meaning.load()

    def cancel(self) -> int:
        """Nothing runs outside the worker threads: nothing to stop."""
        return 0

    def summarize(self, paper: PaperText) -> Summarized:
        """Pick sentences for each field and score the paper against the profile."""
        return Summarized(self.summary_of(paper))

    def summary_of(self, paper: PaperText) -> PaperSummary:
        """The summary made of the paper's own sentences."""
        picker = _Picker(paper)
        tldr = picker.with_context(picker.pick(["abstract", "intro"], "tldr", 1, fallback_first=True))
        return PaperSummary(
            tldr=tldr,
            problem=picker.pick(["intro", "abstract"], "problem", 2, fallback_first=True),
            # no sentence says "we propose": the method section's first one says what it does
            method=picker.pick(["abstract", "method", "intro"], "method", 2) or picker.first(["method"]),
            results=picker.pick(["abstract", "results", "conclusion"], "results", 2),
            limitations=picker.pick(["conclusion", "results"], "limitations", 2)
            or "The paper states no limitations in so many words.",
            key_contributions=picker.pick_list(["abstract", "intro", "conclusion"], "contribution", 3)
            or [tldr],
            relevance=self._judge(paper, picker, tldr),
        )

    def judge(self, paper: PaperText) -> rel.Judgment:
        """The offline relevance judgment alone (the openai backend's cross-check uses it)."""
        return self._judgment(paper, _Picker(paper))

    def _judgment(self, paper: PaperText, picker: _Picker) -> rel.Judgment:
        body = "\n".join(s.text for s in paper.sections).replace(MARK, " ")
        abstract = paper.abstract.replace(MARK, " ") or " ".join(picker.sentences(["abstract"]))
        closeness = self.meaning.closeness(paper.title, abstract)
        judged = rel.judge(self.facets, paper.title, abstract, body, closeness)
        nudged = self.meaning.nudge(paper.title, abstract, self.examples)
        if nudged is not None:
            score = max(0, min(10, round(judged.score + nudged[0])))
            judged = rel.Judgment(score, rel.verdict_of(score), f"{judged.reason}; {nudged[1]}")
        why = self.meaning.unavailable
        return (
            judged
            if not why
            else rel.Judgment(judged.score, judged.verdict, f"{judged.reason} ({why}; terms only)")
        )

    def _judge(self, paper: PaperText, picker: _Picker, tldr: str) -> Relevance:
        judged = self._judgment(paper, picker)
        quotes = _best_quotes(self.facets, picker.sentences(["abstract", "intro", "conclusion"]))
        return Relevance(
            score=judged.score,
            verdict=judged.verdict,
            rationale=f"Offline judgment: {judged.reason}.",
            quotes=quotes or ([tldr] if tldr else []),
        )


class _Picker:
    """Sentences of a paper by kind of section, handed out once each."""

    def __init__(self, paper: PaperText) -> None:
        self.by_kind: dict[str, list[str]] = {"abstract": split_sentences(paper.abstract)}
        parent = "other"
        for section in paper.sections:
            kind = _kind_of(section.heading)
            if section.level == 1:
                parent = kind
            elif kind == "other":  # "3.1 Visual encoder" under "3 Method" is of the method
                kind = parent
            self.by_kind.setdefault(kind, []).extend(split_sentences(section.text))
        if not self.by_kind["abstract"]:
            first = next(iter(paper.sections), None)
            self.by_kind["abstract"] = split_sentences(first.text)[:6] if first else []
        self.used: set[str] = set()

    def sentences(self, kinds: Iterable[str]) -> list[str]:
        """The sentences of the given kinds of section, in that order."""
        return [s for kind in kinds for s in self.by_kind.get(kind, [])]

    def pick_list(self, kinds: list[str], cue: str, count: int) -> list[str]:
        """Up to ``count`` unused sentences with the cue, from the sections in ``kinds``."""
        pattern = re.compile(_CUES[cue], re.IGNORECASE)
        chosen = [s for s in self.sentences(kinds) if s not in self.used and pattern.search(s)]
        chosen = list(dict.fromkeys(chosen))[:count]
        self.used.update(chosen)
        return chosen

    def with_context(self, sentence: str) -> str:
        """``sentence``, preceded by the one before it when it opens with a connective."""
        if not _CONNECTIVE.match(sentence):
            return sentence
        for sentences in self.by_kind.values():
            if sentence in sentences:
                index = sentences.index(sentence)
                return " ".join(sentences[max(0, index - 1) : index + 1])
        return sentence

    def first(self, kinds: list[str]) -> str:
        """The first unused sentence of the sections in ``kinds``, or ""."""
        chosen = [s for s in self.sentences(kinds) if s not in self.used][:1]
        self.used.update(chosen)
        return " ".join(chosen)

    def pick(self, kinds: list[str], cue: str, count: int, fallback_first: bool = False) -> str:
        """Like ``pick_list`` joined into a paragraph; optionally the first sentence when none cue."""
        chosen = " ".join(self.pick_list(kinds, cue, count))
        return self.first(kinds) if not chosen and fallback_first else chosen


_CONNECTIVE = re.compile(
    r"^(Instead|However|Thus|Therefore|Hence|Moreover|Furthermore|Finally|Also|In addition|"
    r"To (this|that) end|To address|For this|This|These|It)\b"
)


def _kind_of(heading: str) -> str:
    for kind, pattern in _SECTION_KINDS.items():
        if re.search(pattern, heading, re.IGNORECASE):
            return kind
    return "other"


def split_sentences(text: str) -> list[str]:
    """Prose sentences of ``text``: equations, captions and fragments left out (and the marks
    where ``guard`` removed instruction-like sentences: nothing here is for a model)."""
    flat = " ".join(text.replace(MARK, " ").split())
    return [s for s in _SENTENCE_END.split(flat) if _is_prose(s)]


def _is_prose(sentence: str) -> bool:
    if not 40 <= len(sentence) <= 450 or len(sentence.split()) < 7:
        return False
    if not sentence[:1].isupper() or re.match(r"(Fig(ure)?|Table|Eq)\b", sentence):
        return False
    letters = sum(c.isalpha() or c.isspace() for c in sentence)
    return letters / len(sentence) > 0.85


def _best_quotes(facets: list[rel.Facet], sentences: list[str], count: int = 3) -> list[str]:
    """The sentences that touch the most facets, then the most profile terms."""
    scored = []
    for position, sentence in enumerate(dict.fromkeys(sentences)):
        words = rel.words_of(sentence)
        hits = [sum(f.matches(w) for w in words) for f in facets]
        touched = sum(1 for h in hits if h)
        if touched:
            scored.append((-touched, -sum(hits), position, sentence))
    return [s for *_rank, s in sorted(scored)[:count]]

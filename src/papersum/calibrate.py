"""The user's own judgments as data. A read entry whose ``Relevant?`` box is ticked is a paper
they found relevant, one left unticked a paper they did not; an accepted or rejected suggestion in
``review`` says the same. ``calibrate`` scores those papers with the offline judgment (title and
abstract from the resolved metadata; the PDF only when the metadata has no abstract), reports how
often it agrees with the user, and keeps the papers as examples: later offline judgments move a
paper toward the user's nearest judged papers (``semantic.Meaning.nudge``), and ``status`` shows
the agreement.

The agreement is measured without the examples themselves (each paper would otherwise find
itself), so it says how well the profile alone matches the user's taste.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from papersum.errors import PapersumError
from papersum.extract import extract_paper
from papersum.fetch import Fetcher
from papersum.models import Entry, PaperRef, PaperText, Verdict
from papersum.resolve import Resolver
from papersum.store import Example
from papersum.summarize.extractive import ExtractiveSummarizer
from papersum.workspace import ListFolder

TEXT_CHARS = 2000
"""How much of a paper's text an example keeps when its metadata has no abstract."""


@dataclass(frozen=True)
class Judged:
    """One paper the user judged, and what the offline judgment says of it."""

    line: int
    title: str
    key: str
    relevant: bool
    source: str
    score: int
    verdict: Verdict
    read_from: str
    """What the judgment read: ``abstract`` (from the metadata), ``pdf`` or ``title`` only."""


@dataclass
class Calibration:
    """The user's judgments against papersum's, and the papers that could not be read."""

    judged: list[Judged] = field(default_factory=list)
    unread: list[tuple[int, str, str]] = field(default_factory=list)
    """Judged entries papersum could not score: (line, title, why)."""

    @property
    def agreed(self) -> int:
        """Judgments papersum shares: relevant where the user ticked, not relevant where not."""
        return sum((j.verdict == "relevant") == j.relevant for j in self.judged)

    @property
    def auc(self) -> float | None:
        """The chance a paper the user ticked scores above one they did not (None: one class)."""
        yes = [j.score for j in self.judged if j.relevant]
        no = [j.score for j in self.judged if not j.relevant]
        if not yes or not no:
            return None
        return sum((y > n) + 0.5 * (y == n) for y in yes for n in no) / (len(yes) * len(no))

    @property
    def confusion(self) -> Counter[tuple[bool, Verdict]]:
        """How many papers of each (user's label, papersum's verdict)."""
        return Counter((j.relevant, j.verdict) for j in self.judged)


def user_judgments(folder: ListFolder) -> list[tuple[Entry, bool, str]]:
    """Each judged top-level entry with its label and where the label comes from: a read entry's
    ``Relevant?`` box, else a ``review`` decision on the entry's paper (resolved from the cache)."""
    known = folder.known()
    decisions = known.decisions
    found: list[tuple[Entry, bool, str]] = []
    for entry, ref, _state in known.rows:
        box = next((c for c in entry.children if c.is_relevant_box), None)
        if entry.checked and box is not None:
            found.append((entry, box.checked, "list"))
        elif ref.key in decisions:
            found.append((entry, decisions[ref.key] == "accepted", "review"))
    return found


def calibrate(
    folder: ListFolder,
    resolver: Resolver,
    fetcher: Fetcher | None,
    judge: ExtractiveSummarizer,
    *,
    on_paper: Callable[[], None] | None = None,
) -> Calibration:
    """Score every paper the user judged, keep them as examples in the state, and report the
    agreement. ``fetcher`` None: offline, only PDFs already at hand are read."""
    judgments = user_judgments(folder)
    refs = resolver.resolve([entry for entry, _label, _source in judgments])
    result = Calibration()
    examples: list[Example] = []
    for (entry, relevant, source), ref in zip(judgments, refs, strict=True):
        paper, read_from, why = _text_of(entry, ref, fetcher)
        if on_paper:
            on_paper()
        if paper is None:
            result.unread.append((entry.line, entry.title, why))
            continue
        verdict = judge.judge(paper)
        scored = Judged(
            entry.line, entry.title, ref.key, relevant, source, verdict.score, verdict.verdict, read_from
        )
        result.judged.append(scored)
        text = f"{paper.title}. {paper.abstract or paper.full_text[:TEXT_CHARS]}"
        examples.append(Example(ref.key, paper.title or entry.title, text, relevant, source, entry.line))
    if examples:
        folder.store.remember_examples(examples, result.agreed, result.auc)
    return result


def _text_of(entry: Entry, ref: PaperRef, fetcher: Fetcher | None) -> tuple[PaperText | None, str, str]:
    """The paper as the offline judgment reads it: its metadata's abstract, else its PDF (local,
    cached, or downloaded when ``fetcher`` allows), else nothing (and why)."""
    title = ref.title if ref.described else entry.title
    if ref.abstract:
        text = PaperText(title=title, abstract=ref.abstract, page_count=0, full_text=ref.abstract, sha256="")
        return text, "abstract", ""
    pdf = ref.pdf_path or (fetcher.cached(ref) if fetcher else None)
    why = ref.reason or "no abstract in its metadata and no PDF at hand"
    if pdf is None and fetcher is not None and ref.status == "resolved" and ref.pdf_url:
        try:
            pdf = fetcher.fetch(ref)
        except PapersumError as exc:
            why = str(exc)
    if pdf is None:
        return None, "", why
    try:
        return extract_paper(pdf), "pdf", ""
    except PapersumError as exc:
        return None, "", str(exc)

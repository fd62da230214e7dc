"""Runs resolve → fetch → extract → summarize → render for every unread entry of a list.

Resolution runs first, for all entries at once (one batched arXiv lookup, then title searches, all
paced). Downloads, extraction and summarizing run in a thread pool (``jobs``); writing pages and
recording state happen on the calling thread as results arrive, so a crash or Ctrl-C loses only
in-flight work and every file on disk is whole. One entry's failure becomes its ``Outcome``,
never the run's end.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from papersum.arxiv_api import ArxivApi
from papersum.errors import PapersumError
from papersum.extract import extract_paper
from papersum.fetch import Fetcher
from papersum.fsio import write_text_atomic
from papersum.models import (
    Entry,
    Outcome,
    OutcomeStatus,
    PaperRef,
    PaperText,
    QuoteCheck,
    SummaryPage,
    Verdict,
)
from papersum.prompts import PromptSet
from papersum.readinglist import read_reading_list
from papersum.render import IndexRow, is_hand_edited, render_index, render_summary
from papersum.resolve import Resolver
from papersum.store import PaperState, Store
from papersum.suggest import Proposal, load_proposal
from papersum.summarize import Summarized, Summarizer
from papersum.summarize.grounding import check_quotes, confidence_of

INDEX_NAME = "index.md"


@dataclass(frozen=True)
class RunOptions:
    """What to run on, and how."""

    out_dir: Path | None = None
    jobs: int = 4
    limit: int | None = None
    match: str | None = None
    force: bool = False
    offline: bool = False


@dataclass
class RunReport:
    """What happened to each selected unread entry, in list order."""

    unread: int
    outcomes: list[Outcome] = field(default_factory=list)
    index_path: Path | None = None
    proposal: Proposal | None = None

    @property
    def failed(self) -> list[Outcome]:
        """The entries that failed."""
        return [o for o in self.outcomes if o.status == "failed"]


@dataclass(frozen=True)
class _Job:
    entry: Entry
    ref: PaperRef


def summaries_dir(list_path: Path, out_dir: Path | None) -> Path:
    """Where the summaries of ``list_path`` go: ``--out``, else ``summaries/`` beside the list."""
    return out_dir if out_dir is not None else list_path.parent / "summaries"


def run_list(
    list_path: Path,
    summarizer: Summarizer,
    prompts: PromptSet,
    store: Store,
    options: RunOptions,
    *,
    fetcher: Fetcher,
    api: ArxivApi | None,
    on_planned: Callable[[int], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> RunReport:
    """Summarize the unread entries of ``list_path`` that are not summarized yet.

    ``api`` is the arXiv client (None: offline); ``fetcher`` gets PDFs into the cache.
    """
    reading_list = read_reading_list(list_path)
    out_dir = summaries_dir(list_path, options.out_dir)
    selected = [e for e in reading_list.unread if _matches(e, options.match)]
    report = RunReport(unread=len(reading_list.unread))
    outcomes: dict[int, Outcome] = {}
    resolver = Resolver(list_path.parent, store, None if options.offline else api)
    refs = resolver.resolve(selected)
    jobs = _plan(selected, refs, store, fetcher, options, out_dir, outcomes)
    if on_planned:
        on_planned(len(jobs))
    runner = _Runner(summarizer, prompts, store, fetcher, out_dir, options.force)
    try:
        for outcome in runner.run(jobs, options.jobs):
            outcomes[outcome.line] = outcome
            if on_outcome:
                on_outcome(outcome)
    finally:
        report.outcomes = [outcomes[e.line] for e in selected if e.line in outcomes]
        report.proposal = _proposal(list_path, options.out_dir)
        pending = {c.key for c in report.proposal.changes} if report.proposal else None
        report.index_path = write_index(store, out_dir, pending)
    return report


def _proposal(list_path: Path, out_dir: Path | None) -> Proposal | None:
    """The checkbox changes the run's summaries suggest (None if the list is gone meanwhile)."""
    try:
        return load_proposal(list_path, out_dir)
    except PapersumError:
        return None


def _matches(entry: Entry, text: str | None) -> bool:
    return text is None or text.casefold() in entry.title.casefold()


def _plan(
    entries: list[Entry], refs: list[PaperRef], store: Store, fetcher: Fetcher,
    options: RunOptions, out_dir: Path, outcomes: dict[int, Outcome],
) -> list[_Job]:
    """Record the entries needing no work as outcomes; return the rest as jobs."""
    jobs: list[_Job] = []
    seen: dict[str, int] = {}
    for entry, ref in zip(entries, refs, strict=True):
        ref = _with_cached_pdf(ref, fetcher, options.offline)
        skip = _skip_reason(entry, ref, store, options.force, out_dir, seen)
        seen.setdefault(ref.key, entry.line)
        if skip is not None:
            outcomes[entry.line] = skip
        elif options.limit is None or len(jobs) < options.limit:
            jobs.append(_Job(entry, ref))
    return jobs


def _with_cached_pdf(ref: PaperRef, fetcher: Fetcher, offline: bool) -> PaperRef:
    """Offline, a reference whose PDF is cached can still be summarized; others need the network."""
    if not offline or ref.status not in ("resolved", "needs-network") or ref.pdf_path is not None:
        return ref
    cached = fetcher.cached(ref) if ref.arxiv_id or ref.pdf_url else None
    if cached is None:
        return ref.model_copy(update={"status": "needs-network",
                                      "reason": "needs the network (--offline)"})
    return ref.model_copy(update={"status": "resolved", "pdf_path": cached})


def _skip_reason(
    entry: Entry, ref: PaperRef, store: Store, force: bool, out_dir: Path, seen: dict[str, int],
) -> Outcome | None:
    if ref.status == "unresolved":
        message = _explain(ref)
        store.record_failure(ref.key, entry.title, entry.line, message)
        return _outcome(entry, ref, "failed", message)
    if ref.status == "needs-network":
        return _outcome(entry, ref, "skipped", ref.reason or "needs the network")
    if ref.key in seen:
        return _outcome(entry, ref, "skipped", f"same paper as line {seen[ref.key]}")
    state = store.get(ref.key)
    if force or state is None or not summary_in(state, out_dir):
        return None
    return _outcome(entry, ref, "skipped", "already summarized", state.summary_file,
                    verdict=state.verdict, score=state.score)


def _explain(ref: PaperRef) -> str:
    return "; ".join([*ref.warnings, ref.reason or "unresolved"])


def _outcome(
    entry: Entry, ref: PaperRef, status: OutcomeStatus, message: str = "", path: Path | None = None,
    *, verdict: Verdict | None = None, score: int | None = None,
) -> Outcome:
    return Outcome(line=entry.line, title=entry.title or ref.title, key=ref.key, status=status,
                   message=message, summary_path=path, verdict=verdict, score=score)


def summary_in(state: PaperState, out_dir: Path) -> bool:
    """Whether the state holds a summary of this paper that still exists in ``out_dir``."""
    file = state.summary_file
    return (state.status == "summarized" and file is not None and file.is_file()
            and file.parent.resolve() == out_dir.resolve())


class _Runner:
    """Runs jobs in a thread pool; writes each result on the calling thread."""

    def __init__(
        self, summarizer: Summarizer, prompts: PromptSet, store: Store, fetcher: Fetcher,
        out_dir: Path, force: bool,
    ) -> None:
        self.summarizer = summarizer
        self.fetcher = fetcher
        self.prompts = prompts
        self.store = store
        self.out_dir = out_dir
        self.force = force

    def run(self, jobs: list[_Job], workers: int) -> Iterator[Outcome]:
        """Yield each job's outcome as it finishes; on Ctrl-C, drop the jobs not started."""
        pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="papersum")
        futures = {pool.submit(self.work, job): job for job in jobs}
        try:
            for future in as_completed(futures):
                yield self.finish(futures[future], future)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def work(self, job: _Job) -> SummaryPage:
        """Fetch, extract, summarize one paper and check its quotes (runs in a worker thread)."""
        paper = extract_paper(self.fetcher.fetch(job.ref))
        made = self.summarizer.summarize(paper)
        checks = check_quotes(made.summary.relevance.quotes, paper)
        return self._page(job, paper, made, checks)

    def finish(self, job: _Job, future: Future[SummaryPage]) -> Outcome:
        """Turn a finished job into an outcome: write its page and record it."""
        entry, ref = job.entry, job.ref
        try:
            page = future.result()
        except PapersumError as exc:
            message = "; ".join([*ref.warnings, str(exc)])
            self.store.record_failure(ref.key, entry.title, entry.line, message)
            return _outcome(entry, ref, "failed", message)
        path = self.out_dir / f"{ref.key}.md"
        text = render_summary(page)
        summary = page.summary
        if path.exists() and not self.force and is_hand_edited(path.read_text("utf-8", "replace")):
            return _outcome(entry, ref, "skipped",
                            "kept your hand-edited summary; --force replaces it", path)
        write_text_atomic(path, text)
        self.store.record_summary(
            ref.key, entry.title or ref.title, entry.line, path, page.pdf_sha256, self.summarizer.name,
            self.summarizer.model, self.prompts.sha256, summary.relevance.verdict,
            summary.relevance.score, _one_line(summary.relevance.rationale),
        )
        return _outcome(entry, ref, "summarized", "; ".join(ref.warnings), path,
                        verdict=summary.relevance.verdict, score=summary.relevance.score)

    def _page(
        self, job: _Job, paper: PaperText, made: Summarized, checks: list[QuoteCheck]
    ) -> SummaryPage:
        url = job.ref.url or job.ref.pdf_url
        if job.ref.source == "local-file" and job.ref.pdf_path is not None:
            url = _relative(job.ref.pdf_path, self.out_dir)
        return SummaryPage(
            key=job.ref.key, title=paper.title or job.ref.title, authors=paper.authors,
            year=paper.year, arxiv=job.ref.arxiv_id, url=url, list_line=job.entry.line,
            backend=self.summarizer.name, model=self.summarizer.model,
            generated=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), summary=made.summary,
            quote_checks=checks, confidence=confidence_of(checks),
            warnings=[*job.ref.warnings, *made.notes], pdf_sha256=paper.sha256,
        )


def _one_line(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _relative(path: Path, start: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.resolve().as_uri()


def write_index(store: Store, out_dir: Path, pending: set[str] | None = None) -> Path | None:
    """Rewrite ``index.md`` from every summary in ``out_dir`` the state knows of; ``pending`` are
    the papers whose ``Relevant?`` tick awaits the user (None: every relevant one undecided)."""
    decided = store.decisions()

    def suggestion(key: str, verdict: str) -> str:
        if key in decided:
            return decided[key]
        waiting = key in pending if pending is not None else verdict == "relevant"
        return "pending" if waiting else "—"

    rows = [
        IndexRow(key=s.key, title=s.title, score=s.score, verdict=s.verdict, list_line=s.list_line,
                 suggestion=suggestion(s.key, s.verdict))
        for s in store.all()
        if summary_in(s, out_dir) and s.score is not None and s.verdict is not None
    ]
    if not rows and not out_dir.exists():
        return None
    path = out_dir / INDEX_NAME
    write_text_atomic(path, render_index(rows))
    return path

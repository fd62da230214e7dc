"""Runs resolve → fetch → extract → summarize → render for every unread entry of a list.

Resolution runs first, for all entries at once (one batched arXiv lookup, then title searches, all
paced). Downloads, extraction and summarizing run in a thread pool (``jobs``); writing pages and
recording state happen on the calling thread as results arrive, so a crash or Ctrl-C loses only
in-flight work and every file on disk is whole. One entry's failure becomes its ``Outcome``,
never the run's end.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from papersum.arxiv_api import ArxivApi
from papersum.errors import PapersumError
from papersum.extract import load_pymupdf
from papersum.fetch import PDF_FOLDER, Fetcher
from papersum.fsio import remove_stale_temps
from papersum.models import (
    Entry,
    Outcome,
    PaperRef,
)
from papersum.prompts import PromptSet
from papersum.resolve import NEEDS_NETWORK, Resolver
from papersum.runner import Job, Runner, cannot_write, import_shared, outcome
from papersum.sources import Services
from papersum.suggest import Proposal
from papersum.summarize import Summarizer
from papersum.workspace import ListFolder, Resolved

log = logging.getLogger(__name__)

DEFAULT_JOBS = 4


@dataclass(frozen=True)
class RunOptions:
    """What to run on, and how."""

    jobs: int | None = None
    """Papers worked on at once; None: 1 for a model server on this machine or network (it
    answers one request at a time anyway), else ``DEFAULT_JOBS``."""
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
    interrupted: bool = False
    cancelled_requests: int = 0
    """Model requests in flight that Ctrl-C cancelled."""
    index_error: str | None = None
    """Why ``index.md`` could not be written (the summaries are there all the same)."""

    @property
    def failed(self) -> list[Outcome]:
        """The entries that failed."""
        return [o for o in self.outcomes if o.status == "failed"]


def run_list(
    folder: ListFolder,
    summarizer: Summarizer,
    prompts: PromptSet,
    options: RunOptions,
    *,
    fetcher: Fetcher,
    api: ArxivApi | None,
    services: Services | None = None,
    on_planned: Callable[[int], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> RunReport:
    """Summarize the unread entries of the folder's list that are not summarized yet.

    ``api`` is the arXiv client (None: offline), ``services`` the other metadata services (None:
    arXiv only); ``fetcher`` gets PDFs into the cache.
    """
    reading_list = folder.read()
    store, out_dir = folder.store, folder.out_dir
    selected = [e for e in reading_list.unread if _matches(e, options.match)]
    report = RunReport(unread=len(reading_list.unread))
    outcomes: dict[int, Outcome] = {}
    resolved: Resolved = {}
    resolver = Resolver(folder.folder, store, None if options.offline else api, services, folder.inbox)
    planner = _Planner(folder, fetcher, options)
    runner = Runner(summarizer, prompts, folder, fetcher, options.force, jobs_for(summarizer, options.jobs))
    warm_up = _warm_up(summarizer) if _probably_work(selected, folder, options.force) else None
    runner.ready = warm_up  # no worker asks the model before its client is imported whole
    for half_written in (out_dir, fetcher.cache_dir / PDF_FOLDER):  # what a killed run left
        remove_stale_temps(half_written)

    def record(outcome: Outcome, *, announce: bool = True) -> None:
        outcomes[outcome.line] = outcome
        if on_outcome and announce:
            on_outcome(outcome)

    try:
        for entry, ref in resolver.stream(selected):  # work starts while arXiv is still searched
            log.info("line %d: %s", entry.line, _described(ref))
            resolved[entry.line, entry.text] = ref
            planned = planner.plan(entry, ref)
            if isinstance(planned, Outcome):
                record(planned, announce=False)
            elif planned is not None:
                runner.submit(planned)
            for outcome in runner.finished(wait=False):
                record(outcome)
        if on_planned:
            on_planned(runner.submitted)
        for outcome in runner.finished(wait=True):
            record(outcome)
    except KeyboardInterrupt:  # Ctrl-C: stop model requests in flight, keep every finished page
        report.interrupted = True
        runner.stop()
        report.cancelled_requests = summarizer.cancel()
    finally:
        runner.close()
        for outcome in runner.finished(wait=False):
            record(outcome)
        if warm_up is not None:
            warm_up.join()
        report.outcomes = [outcomes[e.line] for e in selected if e.line in outcomes]
        report.proposal = _proposal(folder, resolved)
        pending = {c.key for c in report.proposal.changes} if report.proposal else None
        try:
            report.index_path = folder.write_index(pending)
        except OSError as exc:
            report.index_error = cannot_write(folder.out_dir / "index.md", exc)
    return report


def jobs_for(summarizer: Summarizer, jobs: int | None) -> int:
    """``--jobs``, or its default for this summarizer's server."""
    if jobs is not None:
        return jobs
    return 1 if summarizer.local else DEFAULT_JOBS


def _probably_work(selected: list[Entry], folder: ListFolder, force: bool) -> bool:
    """Whether some selected entry is likely to need extraction (cheap: by title, no resolving)."""
    if force:
        return bool(selected)
    known = {s.title for s in folder.store.all() if folder.has_summary(s) or s.status == "failed"}
    return any(entry.title not in known for entry in selected)


def _warm_up(summarizer: Summarizer) -> threading.Thread:
    """Import pymupdf and make the model client in the background, while the run resolves:
    together they take over a second, which would otherwise stall the first papers. httpx, which
    the model client and the workers share, is imported whole here first, before any thread:
    workers importing it at once could see a half-imported module (issue 14)."""
    import_shared()

    def warm() -> None:
        with contextlib.suppress(ImportError, PapersumError):
            load_pymupdf()
            summarizer.prepare()

    thread = threading.Thread(target=warm, name="papersum-warm-up")
    thread.start()
    return thread


def _proposal(folder: ListFolder, resolved: Resolved) -> Proposal | None:
    """The checkbox changes the run's summaries suggest (None if the list is gone meanwhile)."""
    try:
        return folder.proposal(refs=resolved)
    except PapersumError:
        return None


def _matches(entry: Entry, text: str | None) -> bool:
    return text is None or text.casefold() in entry.title.casefold()


class _Planner:
    """Decides, entry by entry, what needs doing: a job, or an outcome at once (a skip or a
    failure to resolve); None past ``--limit``."""

    def __init__(self, folder: ListFolder, fetcher: Fetcher, options: RunOptions) -> None:
        self.folder = folder
        self.fetcher = fetcher
        self.options = options
        self.seen: dict[str, int] = {}
        self.jobs = 0

    def plan(self, entry: Entry, ref: PaperRef) -> Job | Outcome | None:
        """The job for this entry, the outcome that makes one unnecessary, or None (over limit)."""
        ref = _with_cached_pdf(ref, self.fetcher, self.options.offline)
        skip = _skip_reason(entry, ref, self.folder, self.options.force, self.seen)
        self.seen.setdefault(ref.key, entry.line)
        if skip is not None:
            return skip
        if self.options.limit is not None and self.jobs >= self.options.limit:
            return None
        self.jobs += 1
        return Job(entry, ref)


def _described(ref: PaperRef) -> str:
    """What an entry resolved to, in a line of ``-v`` output."""
    if ref.status != "resolved" and ref.status != "local":
        return f"{ref.status}: {ref.reason or ''}"
    where = ref.pdf_path or (f"arXiv {ref.arxiv_id}" if ref.arxiv_id else None) or ref.doi or ref.pdf_url
    return f'{ref.status} via {ref.source}: {where} "{ref.title}"'


def _with_cached_pdf(ref: PaperRef, fetcher: Fetcher, offline: bool) -> PaperRef:
    """Offline, a reference whose PDF is cached can still be summarized; others need the network."""
    if not offline or ref.status not in ("resolved", "needs-network") or ref.pdf_path is not None:
        return ref
    cached = fetcher.cached(ref) if ref.arxiv_id or ref.pdf_url else None
    if cached is None:
        return ref.model_copy(update={"status": "needs-network", "reason": NEEDS_NETWORK})
    return ref.model_copy(update={"status": "resolved", "pdf_path": cached})


def _skip_reason(
    entry: Entry, ref: PaperRef, folder: ListFolder, force: bool, seen: dict[str, int]
) -> Outcome | None:
    store = folder.store
    if ref.status == "unresolved":
        message = _explain(ref)
        store.record_failure(ref.key, entry.title, entry.line, message)
        return outcome(entry, ref, "failed", message)
    if ref.status == "needs-network":
        return outcome(entry, ref, "skipped", ref.reason or "needs the network")
    if ref.key in seen:
        return outcome(entry, ref, "skipped", f"same paper as line {seen[ref.key]}")
    state = store.get(ref.key)
    if force or state is None or not folder.has_summary(state):
        return None
    return outcome(
        entry,
        ref,
        "skipped",
        "already summarized",
        state.summary_file,
        verdict=state.verdict,
        score=state.score,
    )


def _explain(ref: PaperRef) -> str:
    return "; ".join([*ref.warnings, ref.reason or "unresolved"])

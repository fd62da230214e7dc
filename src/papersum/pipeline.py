"""Runs resolve → fetch → extract → summarize → render for every unread entry of a list.

Resolution runs first, for all entries at once (one batched arXiv lookup, then title searches, all
paced). Downloads, extraction and summarizing run in a thread pool (``jobs``); writing pages and
recording state happen on the calling thread as results arrive, so a crash or Ctrl-C loses only
in-flight work and every file on disk is whole. One entry's failure becomes its ``Outcome``,
never the run's end.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from papersum.arxiv_api import ArxivApi
from papersum.errors import Cancelled, PapersumError
from papersum.extract import extract_paper, load_pymupdf
from papersum.fetch import PDF_FOLDER, Fetcher
from papersum.fsio import remove_stale_temps, write_text_atomic
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
from papersum.render import is_hand_edited, render_summary
from papersum.resolve import NEEDS_NETWORK, Resolver, check_pdf_title
from papersum.sources import Services
from papersum.store import SummaryRecord
from papersum.suggest import Proposal
from papersum.summarize import Summarized, Summarizer
from papersum.summarize.grounding import check_quotes, confidence_of
from papersum.workspace import ListFolder, Resolved

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


@dataclass(frozen=True)
class _Job:
    entry: Entry
    ref: PaperRef


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
    runner = _Runner(summarizer, prompts, folder, fetcher, options.force, jobs_for(summarizer, options.jobs))
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
            report.index_error = _cannot_write(folder.out_dir / "index.md", exc)
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
    _import_shared()

    def warm() -> None:
        with contextlib.suppress(ImportError, PapersumError):
            load_pymupdf()
            summarizer.prepare()

    thread = threading.Thread(target=warm, name="papersum-warm-up")
    thread.start()
    return thread


def _import_shared() -> None:
    """Import httpx whole on the calling (main) thread; a re-run with nothing to do never needs it."""
    import httpx  # noqa: F401


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

    def plan(self, entry: Entry, ref: PaperRef) -> _Job | Outcome | None:
        """The job for this entry, the outcome that makes one unnecessary, or None (over limit)."""
        ref = _with_cached_pdf(ref, self.fetcher, self.options.offline)
        skip = _skip_reason(entry, ref, self.folder, self.options.force, self.seen)
        self.seen.setdefault(ref.key, entry.line)
        if skip is not None:
            return skip
        if self.options.limit is not None and self.jobs >= self.options.limit:
            return None
        self.jobs += 1
        return _Job(entry, ref)


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
        return _outcome(entry, ref, "failed", message)
    if ref.status == "needs-network":
        return _outcome(entry, ref, "skipped", ref.reason or "needs the network")
    if ref.key in seen:
        return _outcome(entry, ref, "skipped", f"same paper as line {seen[ref.key]}")
    state = store.get(ref.key)
    if force or state is None or not folder.has_summary(state):
        return None
    return _outcome(
        entry,
        ref,
        "skipped",
        "already summarized",
        state.summary_file,
        verdict=state.verdict,
        score=state.score,
    )


def _cannot_write(path: Path, exc: OSError) -> str:
    """One line for a write that failed: what, where, and what to check."""
    why = exc.strerror or str(exc)
    return f"cannot write {path} ({why}); check that folder's permissions and free space, then run again"


def _explain(ref: PaperRef) -> str:
    return "; ".join([*ref.warnings, ref.reason or "unresolved"])


def _outcome(
    entry: Entry,
    ref: PaperRef,
    status: OutcomeStatus,
    message: str = "",
    path: Path | None = None,
    *,
    verdict: Verdict | None = None,
    score: int | None = None,
) -> Outcome:
    return Outcome(
        line=entry.line,
        title=entry.title or ref.title,
        key=ref.key,
        status=status,
        message=message,
        summary_path=path,
        verdict=verdict,
        score=score,
    )


class _Runner:
    """Runs jobs in a thread pool; writes each result on the calling thread.

    ``workers`` papers are with the model at once; as many more are downloaded and extracted
    meanwhile and wait for a turn, so when one answer arrives the next paper is ready to send
    (rather than every wave of answers being followed by a wave of downloads and extractions)."""

    def __init__(
        self,
        summarizer: Summarizer,
        prompts: PromptSet,
        folder: ListFolder,
        fetcher: Fetcher,
        force: bool,
        workers: int,
    ) -> None:
        self.summarizer = summarizer
        self.fetcher = fetcher
        self.prompts = prompts
        self.store = folder.store
        self.out_dir = folder.out_dir
        self.force = force
        workers = max(1, workers)
        self.pool = ThreadPoolExecutor(max_workers=2 * workers, thread_name_prefix="papersum")
        self.model_turns = threading.BoundedSemaphore(workers)
        self.stopping = threading.Event()
        """Set on Ctrl-C: a paper not yet with the model is left for the next run."""
        self.pending: dict[Future[SummaryPage], _Job] = {}
        self.submitted = 0
        self.ready: threading.Thread | None = None
        """The warm-up a job waits for before it summarizes (downloads need not wait)."""

    def submit(self, job: _Job) -> None:
        """Start a job in the pool."""
        if not self.submitted:
            _import_shared()  # a run with no warm-up still has no worker import it
        self.pending[self.pool.submit(self.work, job)] = job
        self.submitted += 1

    def finished(self, *, wait: bool) -> Iterator[Outcome]:
        """The outcomes of finished jobs (with ``wait``, of all jobs, as they finish), each
        written and recorded before it is yielded."""
        done = (
            as_completed(list(self.pending))
            if wait
            else [f for f in self.pending if f.done() and not f.cancelled()]
        )
        for future in done:
            yield self.finish(self.pending.pop(future), future)

    def close(self) -> None:
        """Wait for running jobs; drop the ones not started (on Ctrl-C or an error)."""
        self.pool.shutdown(wait=True, cancel_futures=True)

    def stop(self) -> None:
        """Ctrl-C: papers not yet with the model stop where they are (skipped, not failed)."""
        self.stopping.set()

    def work(self, job: _Job) -> SummaryPage:
        """Fetch, extract, summarize one paper and check its quotes (runs in a worker thread)."""
        paper = extract_paper(self.fetcher.fetch(job.ref))
        check_pdf_title(job.entry, job.ref, paper)
        if self.ready is not None:
            self.ready.join()  # at once when it is over
        with self.model_turns:
            if self.stopping.is_set():
                raise Cancelled("interrupted before it was summarized")
            made = self.summarizer.summarize(paper)
        checks = check_quotes(made.summary.relevance.quotes, paper)
        return self._page(job, paper, made, checks)

    def finish(self, job: _Job, future: Future[SummaryPage]) -> Outcome:
        """Turn a finished job into an outcome: write its page and record it."""
        entry, ref = job.entry, job.ref
        try:
            page = future.result()
        except Cancelled as exc:
            return _outcome(entry, ref, "skipped", f"{exc}; run again to summarize it")
        except PapersumError as exc:
            message = "; ".join([*ref.warnings, str(exc)])
            self.store.record_failure(ref.key, entry.title, entry.line, message)
            return _outcome(entry, ref, "failed", message)
        path = self.out_dir / f"{ref.key}.md"
        text = render_summary(page)
        summary = page.summary
        try:
            if path.is_file() and not self.force and is_hand_edited(path.read_text("utf-8", "replace")):
                return _outcome(
                    entry, ref, "skipped", "kept your hand-edited summary; --force replaces it", path
                )
            write_text_atomic(path, text)
        except OSError as exc:  # permissions, a full disk, a folder gone: this entry's failure only
            message = _cannot_write(path, exc)
            self.store.record_failure(ref.key, entry.title, entry.line, message)
            return _outcome(entry, ref, "failed", message)
        self.store.record_summary(
            SummaryRecord(
                key=ref.key,
                title=entry.title or ref.title,
                list_line=entry.line,
                summary_file=path,
                pdf_sha256=page.pdf_sha256,
                backend=self.summarizer.name,
                model=self.summarizer.model,
                prompt_sha256=self.prompts.sha256,
                verdict=summary.relevance.verdict,
                score=summary.relevance.score,
                rationale=_one_line(summary.relevance.rationale),
                text_sha256=page.text_sha256,
                summary_sha256=hashlib.sha256(text.encode()).hexdigest(),
                resolution=ref.model_dump_json(),
            )
        )
        return _outcome(
            entry,
            ref,
            "summarized",
            "; ".join(
                [
                    *(["check: the model and the offline judgment disagree"] if page.check else []),
                    *ref.warnings,
                ]
            ),
            path,
            verdict=summary.relevance.verdict,
            score=summary.relevance.score,
        )

    def _page(self, job: _Job, paper: PaperText, made: Summarized, checks: list[QuoteCheck]) -> SummaryPage:
        ref = job.ref
        url, pdf_url = ref.url or ref.pdf_url, ref.pdf_url
        if ref.source == "local-file" and ref.pdf_path is not None:
            url = pdf_url = _relative(ref.pdf_path, self.out_dir)
        described = ref.described  # the resolved record, not the PDF's first page, says who and when
        return SummaryPage(
            key=ref.key,
            title=ref.title if described else (paper.title or ref.title),
            authors=ref.authors if described and ref.authors else paper.authors,
            year=ref.year if described and ref.year else paper.year,
            arxiv=ref.arxiv_id,
            doi=ref.doi,
            url=url,
            pdf_url=pdf_url,
            list_line=job.entry.line,
            backend=self.summarizer.name,
            model=self.summarizer.model,
            generated=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            summary=made.summary,
            quote_checks=checks,
            confidence=confidence_of(checks),
            warnings=[*job.ref.warnings, *made.notes],
            check=made.check,
            pdf_sha256=paper.sha256,
            text_sha256=hashlib.sha256(paper.full_text.encode()).hexdigest(),
        )


def _one_line(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _relative(path: Path, start: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.resolve().as_uri()

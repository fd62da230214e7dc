"""The worker side of a run: each paper fetched, extracted and summarized in a thread pool
(``--jobs`` at the model at once, as many more getting ready), its page written and its state
recorded on the calling thread as results arrive. ``pipeline`` plans the jobs and drives this."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from papersum.errors import Cancelled, PapersumError
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
from papersum.render import is_hand_edited, render_summary
from papersum.resolve import check_pdf_title
from papersum.store import SummaryRecord
from papersum.summarize import Summarized, Summarizer
from papersum.summarize.grounding import check_quotes, confidence_of
from papersum.workspace import ListFolder

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    entry: Entry
    ref: PaperRef


def import_shared() -> None:
    """Import httpx whole on the calling (main) thread; a re-run with nothing to do never needs it."""
    import httpx  # noqa: F401


def cannot_write(path: Path, exc: OSError) -> str:
    """One line for a write that failed: what, where, and what to check."""
    why = exc.strerror or str(exc)
    return f"cannot write {path} ({why}); check that folder's permissions and free space, then run again"


def outcome(
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


class Runner:
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
        self.stopping = threading.Event()
        """Set on Ctrl-C: a paper not yet with the model is left for the next run."""
        self.turns = Turns(workers, self.stopping)
        self.pending: dict[Future[SummaryPage], Job] = {}
        self.submitted = 0
        self.ready: threading.Thread | None = None
        """The warm-up a job waits for before it summarizes (downloads need not wait)."""

    def submit(self, job: Job) -> None:
        """Start a job in the pool."""
        if not self.submitted:
            import_shared()  # a run with no warm-up still has no worker import it
        self.pending[self.pool.submit(self.work, job, self.submitted)] = job
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
        if self.pending:  # an error or Ctrl-C: jobs waiting for a dropped one's turn stop too
            self.turns.stop()
        self.pool.shutdown(wait=True, cancel_futures=True)

    def stop(self) -> None:
        """Ctrl-C: papers not yet with the model stop where they are (skipped, not failed)."""
        self.turns.stop()

    def work(self, job: Job, index: int) -> SummaryPage:
        """Fetch, extract, summarize one paper and check its quotes (runs in a worker thread);
        ``index``: its place in the run, which is its place in the queue for the model."""
        try:
            pdf = self.fetcher.fetch(job.ref)
            started = time.monotonic()
            paper = extract_paper(pdf)
            log.info(
                "line %d: read %d pages, %d sections, %s characters in %.2f s",
                job.entry.line,
                paper.page_count,
                len(paper.sections),
                f"{len(paper.full_text):,}",
                time.monotonic() - started,
            )
            check_pdf_title(job.entry, job.ref, paper)
            if self.ready is not None:
                self.ready.join()  # at once when it is over
        except BaseException:
            self.turns.pass_turn(index)
            raise
        with self.turns.turn(index):
            made = self.summarizer.summarize(paper)
        checks = check_quotes(made.summary.relevance.quotes, paper)
        return self._page(job, paper, made, checks)

    def finish(self, job: Job, future: Future[SummaryPage]) -> Outcome:
        """Turn a finished job into an outcome: write its page and record it."""
        entry, ref = job.entry, job.ref
        try:
            page = future.result()
        except Cancelled as exc:
            return outcome(entry, ref, "skipped", f"{exc}; run again to summarize it")
        except PapersumError as exc:
            message = "; ".join([*ref.warnings, str(exc)])
            self.store.record_failure(ref.key, entry.title, entry.line, message)
            return outcome(entry, ref, "failed", message)
        path = self.out_dir / f"{ref.key}.md"
        text = render_summary(page)
        summary = page.summary
        try:
            if path.is_file() and not self.force and is_hand_edited(path.read_text("utf-8", "replace")):
                return outcome(
                    entry, ref, "skipped", "kept your hand-edited summary; --force replaces it", path
                )
            write_text_atomic(path, text)
        except OSError as exc:  # permissions, a full disk, a folder gone: this entry's failure only
            message = cannot_write(path, exc)
            self.store.record_failure(ref.key, entry.title, entry.line, message)
            return outcome(entry, ref, "failed", message)
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
        return outcome(
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

    def _page(self, job: Job, paper: PaperText, made: Summarized, checks: list[QuoteCheck]) -> SummaryPage:
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


class Turns:
    """Turns at the model: at most ``width`` at once, started in the order of the run (so papers
    reach a one-at-a-time server in list order, whichever finished extracting first). A job that
    fails before its turn passes it on; once ``stopping`` is set, no turn is waited for."""

    def __init__(self, width: int, stopping: threading.Event) -> None:
        self.width = width
        self.stopping = stopping
        self._changed = threading.Condition()
        self._next = 0
        self._active = 0

    @contextmanager
    def turn(self, index: int) -> Iterator[None]:
        """Wait for job ``index``'s turn and hold it for the block."""
        with self._changed:
            self._changed.wait_for(lambda: self.stopping.is_set() or self._may_start(index))
            if self.stopping.is_set():
                self._advance(index)
                raise Cancelled("interrupted before it was summarized")
            self._advance(index)
            self._active += 1
        try:
            yield
        finally:
            with self._changed:
                self._active -= 1
                self._changed.notify_all()

    def stop(self) -> None:
        """Set ``stopping`` and wake the jobs waiting for a turn, which then stop at once (not
        when a job at the model next ends)."""
        with self._changed:
            self.stopping.set()
            self._changed.notify_all()

    def pass_turn(self, index: int) -> None:
        """Job ``index`` will not use its turn: let the next one have it when its time comes."""
        with self._changed:
            self._changed.wait_for(lambda: self.stopping.is_set() or self._next >= index)
            self._advance(index)

    def _may_start(self, index: int) -> bool:
        return self._next == index and self._active < self.width

    def _advance(self, index: int) -> None:
        self._next = max(self._next, index + 1)
        self._changed.notify_all()

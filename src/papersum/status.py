"""What papersum knows of each entry of a list: the reading list joined with the run state."""

from __future__ import annotations

from pydantic import BaseModel

from papersum.models import Entry, PaperRef, Verdict
from papersum.store import Decision, PaperState
from papersum.workspace import ListFolder


class EntryStatus(BaseModel):
    """One top-level entry's row in ``papersum status``."""

    line: int
    title: str
    read: bool
    resolved_to: str | None
    found_via: str | None
    """Where the paper was found: ``link``, ``doi``, ``landing-page``, ``title-search`` (arXiv),
    ``openalex``, ``semantic-scholar`` or ``local-file``."""
    summarized: bool
    verdict: Verdict | None
    score: int | None
    summary: str | None
    error: str | None
    review: str | None = None
    """``accepted`` or ``rejected`` once the user decided on the paper's suggested tick."""


def list_status(folder: ListFolder) -> list[EntryStatus]:
    """A row per top-level entry of the list, from the list and the state (no network)."""
    known = folder.known()
    return [
        _row(entry, ref, state, known.summarized[ref.key], known.decisions.get(ref.key))
        for entry, ref, state in known.rows
    ]


def _row(
    entry: Entry, ref: PaperRef, state: PaperState | None, summarized: bool, review: Decision | None
) -> EntryStatus:
    done = state if summarized else None
    resolved_to = {
        "local": ref.url or (ref.pdf_path.name if ref.pdf_path else None),
        "resolved": ref.arxiv_id or ref.doi or ref.pdf_url,
    }.get(ref.status)
    return EntryStatus(
        line=entry.line,
        title=entry.title,
        read=entry.checked,
        resolved_to=resolved_to,
        found_via=ref.source if ref.status in ("local", "resolved") else None,
        summarized=done is not None,
        verdict=done.verdict if done else None,
        score=done.score if done else None,
        summary=str(done.summary_file) if done else None,
        error=state.message if state and state.status == "failed" else None,
        review=review,
    )

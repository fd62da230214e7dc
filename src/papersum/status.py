"""What papersum knows of each entry of a list: the reading list joined with the run state."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from papersum.models import Entry, PaperRef, Verdict
from papersum.pipeline import summaries_dir, summary_in
from papersum.readinglist import ReadingList, read_reading_list
from papersum.resolve import Resolver
from papersum.sources import Services
from papersum.store import Decision, PaperState, Store


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


@dataclass
class Known:
    """The list joined with its state: each top-level entry, its paper, and what is known of it."""

    reading_list: ReadingList
    rows: list[tuple[Entry, PaperRef, PaperState | None]]
    summarized: dict[str, bool]
    decisions: dict[str, Decision]


def known_papers(list_path: Path, out_dir: Path | None) -> Known:
    """Every top-level entry resolved from the cache (no network) and looked up in the state."""
    reading_list = read_reading_list(list_path)
    out = summaries_dir(list_path, out_dir)
    store = Store.beside(list_path)
    try:
        entries = reading_list.top_level
        services = Services.from_env(store, offline=True)  # what the services answered before
        refs = Resolver(list_path.parent, store, api=None, services=services).resolve(entries)
        rows = [(entry, ref, store.get(ref.key)) for entry, ref in zip(entries, refs, strict=True)]
        summarized = {ref.key: state is not None and summary_in(state, out) for _e, ref, state in rows}
        return Known(reading_list, rows, summarized, store.decisions())
    finally:
        store.close()


def list_status(list_path: Path, out_dir: Path | None) -> list[EntryStatus]:
    """A row per top-level entry of the list, from the list and the state (no network)."""
    known = known_papers(list_path, out_dir)
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

"""What papersum knows of each entry of a list: the reading list joined with the run state."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from papersum.models import Entry, PaperRef, Verdict
from papersum.pipeline import summaries_dir, summary_in
from papersum.readinglist import read_reading_list
from papersum.resolve import Resolver
from papersum.store import Store


class EntryStatus(BaseModel):
    """One top-level entry's row in ``papersum status``."""

    line: int
    title: str
    read: bool
    resolved_to: str | None
    summarized: bool
    verdict: Verdict | None
    score: int | None
    summary: str | None
    error: str | None


def list_status(list_path: Path, out_dir: Path | None) -> list[EntryStatus]:
    """A row per top-level entry of the list, from the list and the state (no network)."""
    reading_list = read_reading_list(list_path)
    out = summaries_dir(list_path, out_dir)
    store = Store.beside(list_path)
    try:
        entries = reading_list.top_level
        refs = Resolver(list_path.parent, store, api=None).resolve(entries)
        return [_row(entry, ref, store, out) for entry, ref in zip(entries, refs, strict=True)]
    finally:
        store.close()


def _row(entry: Entry, ref: PaperRef, store: Store, out: Path) -> EntryStatus:
    state = store.get(ref.key)
    done = state if state is not None and summary_in(state, out) else None
    resolved_to = {"local": ref.url, "resolved": ref.arxiv_id}.get(ref.status)
    return EntryStatus(
        line=entry.line, title=entry.title, read=entry.checked, resolved_to=resolved_to,
        summarized=done is not None,
        verdict=done.verdict if done else None,
        score=done.score if done else None,
        summary=str(done.summary_file) if done else None,
        error=state.message if state and state.status == "failed" else None,
    )

"""Title searches for many entries in a few arXiv calls.

arXiv asks for 3 s between calls, so a list with many title-only entries would spend minutes on
one search each. Here ``TITLE_BATCH`` exact ``ti:`` phrases go in one query joined by OR; each
answer is matched back to its entry among the papers its own phrase finds (the others in the
answer are other entries' papers, which a search of its own would not have returned), by the
rule of a search of its own (``best_match``: confident, and no rival within the margin), and only
then cached as that entry's search, so its own search is never asked. Entries not matched this
way are searched one by one, as before.
"""

from __future__ import annotations

from papersum.arxiv_api import ArxivApi
from papersum.errors import ArxivApiError
from papersum.links import direct_pdf_link, landing_link, linked_arxiv_id, linked_doi, title_is_note
from papersum.models import Entry, record_of
from papersum.readinglist import title_context
from papersum.store import Store
from papersum.titles import best_match, clues_of, normalize_title, title_query

TITLE_BATCH = 10
"""Titles searched in one arXiv call (one query of OR-ed ``ti:`` phrases stays short)."""
_RESULTS_PER_TITLE = 5


def search_together(api: ArxivApi, store: Store, entries: list[Entry]) -> None:
    """Search arXiv for the title-only ``entries`` in batches, caching each confident match as
    that entry's own search."""
    entries = [e for e in entries if _title_only(e)]
    waiting = [
        e
        for e in entries
        if len(normalize_title(e.title).split()) > 1 and store.cached_search(title_query(e.title)) is None
    ]
    for start in range(0, len(waiting), TITLE_BATCH):
        batch = waiting[start : start + TITLE_BATCH]
        if api.last_error is not None:
            return
        query = " OR ".join(f'ti:"{normalize_title(e.title)}"' for e in batch)
        try:
            found = api.search(query, max_results=_RESULTS_PER_TITLE * len(batch))
        except ArxivApiError:
            return
        for entry in batch:
            phrase = f" {normalize_title(entry.title)} "
            own = [p for p in found if phrase in f" {normalize_title(p.title)} "]  # its own phrase's
            clues = clues_of(title_context(entry.text, entry.title))
            match, _ranked = best_match(entry.title, [record_of(p) for p in own], clues)
            if match is not None:
                store.cache_search(title_query(entry.title), own)


def _title_only(entry: Entry) -> bool:
    """An entry with nothing but its title to go by (no arXiv, DOI, PDF or landing-page link)."""
    return not (
        title_is_note(entry)
        or linked_arxiv_id(entry)
        or linked_doi(entry)
        or direct_pdf_link(entry)
        or landing_link(entry)
    )

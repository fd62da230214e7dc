"""The interface every metadata service implements, with its answer cache."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from papersum.errors import SourceError
from papersum.models import PaperRecord, RecordSource
from papersum.net import WAITS
from papersum.sources.http import Http
from papersum.store import Store

OFFLINE = "needs the network (--offline)"


class Source:
    """One metadata service: cached questions, asked over the shared client (None: offline)."""

    name: ClassVar[str]
    kind: ClassVar[RecordSource]
    one_failure_stops: ClassVar[bool] = True
    """A service that failed is not asked again this run; a landing page's host is only itself."""
    doi_batch: ClassVar[int] = 0
    """How many DOIs one request can look up (0: one at a time only)."""

    def __init__(self, base: str, http: Http | None, store: Store) -> None:
        self.base = base.rstrip("/")
        self.http = http
        self.store = store
        self.calls = 0
        self.error: SourceError | None = None

    def by_title(self, title: str) -> list[PaperRecord] | None:
        """The papers the service finds for a title, best first."""
        return self._ask("title", title, lambda: self._search(title))

    def by_doi(self, doi: str) -> list[PaperRecord] | None:
        """The paper with this DOI (a list of one, or empty when the service does not know it)."""
        return self._ask("doi", doi, lambda: self._doi(doi))

    def prefetch_dois(self, dois: list[str]) -> None:
        """Look up many DOIs in as few requests as the service allows, caching the answers as
        ``by_doi`` would: a DOI the batch does not return is one the service does not know."""
        if not self.doi_batch or self.http is None or self.error is not None:
            return
        missing = [d for d in dict.fromkeys(dois) if self.store.cached_lookup(self.kind, f"doi:{d}") is None]
        for start in range(0, len(missing), self.doi_batch):
            chunk = missing[start : start + self.doi_batch]
            self.calls += 1
            try:
                found = self._dois(chunk)
            except SourceError as exc:
                self._failed(exc)
                return
            for doi in chunk:
                record = found.get(doi.lower())
                self.store.cache_lookup(self.kind, f"doi:{doi}", [record] if record else [])

    def _failed(self, error: SourceError) -> None:
        """A service that failed is not asked again (``one_failure_stops``); it says so once."""
        if self.one_failure_stops:
            self.error = error
            WAITS.say(str(error))

    @property
    def unavailable(self) -> str:
        """Why the service could not be asked."""
        return str(self.error) if self.error is not None else OFFLINE

    def _search(self, title: str) -> list[PaperRecord]:
        raise NotImplementedError

    def _doi(self, doi: str) -> list[PaperRecord]:
        raise NotImplementedError

    def _dois(self, dois: list[str]) -> dict[str, PaperRecord]:
        """The records of these DOIs the service knows, by lower-case DOI (``doi_batch`` > 0)."""
        raise NotImplementedError

    def _ask(self, what: str, query: str, ask: Callable[[], list[PaperRecord]]) -> list[PaperRecord] | None:
        key = f"{what}:{query}"
        cached = self.store.cached_lookup(self.kind, key)
        if cached is not None or self.http is None or self.error is not None:
            return cached
        self.calls += 1
        try:
            found = ask()
        except SourceError as exc:
            self._failed(exc)
            return None
        self.store.cache_lookup(self.kind, key, found)
        return found

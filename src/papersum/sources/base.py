"""The interface every metadata service implements, with its answer cache."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from papersum.errors import SourceError
from papersum.models import PaperRecord, RecordSource
from papersum.sources.http import Http
from papersum.store import Store

OFFLINE = "needs the network (--offline)"


class Source:
    """One metadata service: cached questions, asked over the shared client (None: offline)."""

    name: ClassVar[str]
    kind: ClassVar[RecordSource]
    one_failure_stops: ClassVar[bool] = True
    """A service that failed is not asked again this run; a landing page's host is only itself."""

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

    @property
    def unavailable(self) -> str:
        """Why the service could not be asked."""
        return str(self.error) if self.error is not None else OFFLINE

    def _search(self, title: str) -> list[PaperRecord]:
        raise NotImplementedError

    def _doi(self, doi: str) -> list[PaperRecord]:
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
            if self.one_failure_stops:
                self.error = exc
            return None
        self.store.cache_lookup(self.kind, key, found)
        return found

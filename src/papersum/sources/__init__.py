"""Metadata services beyond arXiv, one small client each behind one interface, sharing one HTTP
client (retries, ``Retry-After``) and the answer cache in the run state.

A ``Source`` answers two questions, each cached per service and query so that a second
``resolve`` of the same list asks nothing: which papers have this title (``by_title``) and which
paper has this DOI (``by_doi``). ``None`` means "cannot be asked": offline with nothing cached, or
the service failed earlier in the run (one failure is enough: it is not asked again, and the next
service is tried instead).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from papersum.sources.base import OFFLINE, Source
from papersum.sources.http import Http
from papersum.sources.landing import LandingPages
from papersum.sources.openalex import DEFAULT_BASE as OPENALEX
from papersum.sources.openalex import OpenAlex
from papersum.sources.semantic_scholar import DEFAULT_BASE as S2
from papersum.sources.semantic_scholar import SemanticScholar
from papersum.store import Store

__all__ = ["OFFLINE", "Http", "LandingPages", "Services", "Source"]


@dataclass
class Services:
    """The metadata services of a run besides arXiv, and the landing-page reader."""

    openalex: Source
    semantic_scholar: Source
    pages: LandingPages

    @property
    def all(self) -> list[Source]:
        """Every service, in the order they are asked."""
        return [self.openalex, self.semantic_scholar]

    def prefetch_dois(self, dois: list[str]) -> None:
        """Look up many DOIs at once, in the order ``by_doi`` asks: OpenAlex, then Semantic
        Scholar for those OpenAlex did not return."""
        self.openalex.prefetch_dois(dois)
        rest = [d for d in dois if not self.openalex.store.cached_lookup(self.openalex.kind, f"doi:{d}")]
        self.semantic_scholar.prefetch_dois(rest)

    @property
    def calls(self) -> int:
        """The requests made to the services and landing pages this run."""
        return sum(s.calls for s in self.all) + self.pages.calls

    @classmethod
    def from_env(
        cls, store: Store, *, offline: bool, http: Http | None = None, env: Mapping[str, str] = os.environ
    ) -> Services:
        """The services configured by ``PAPERSUM_OPENALEX_API``, ``PAPERSUM_S2_API``,
        ``PAPERSUM_EMAIL`` and ``SEMANTIC_SCHOLAR_API_KEY``; offline, they read the cache only."""
        client = None if offline else (http or Http())
        return cls(
            openalex=OpenAlex(
                _setting(env, "PAPERSUM_OPENALEX_API") or OPENALEX,
                client,
                store,
                email=_setting(env, "PAPERSUM_EMAIL"),
            ),
            semantic_scholar=SemanticScholar(
                _setting(env, "PAPERSUM_S2_API") or S2,
                client,
                store,
                api_key=_setting(env, "SEMANTIC_SCHOLAR_API_KEY"),
            ),
            pages=LandingPages(client, store),
        )

    def close(self) -> None:
        """Close the shared HTTP client."""
        if self.pages.http is not None:
            self.pages.http.close()


def _setting(env: Mapping[str, str], name: str) -> str | None:
    return env.get(name, "").strip() or None

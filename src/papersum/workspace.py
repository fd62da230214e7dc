"""Everything beside one reading list, owned in one place: its paths (``summaries/``,
``.papersum/`` with its backups, ``papers/``), the one ``Store`` of its run state, and the
questions asked of them — what is known of each entry, what is summarized, the index, the
proposed checkbox changes, and applying them.

The CLI opens a ``ListFolder`` once per command and hands it down; ``pipeline`` and ``status``
take it; ``suggest`` stays pure functions over the data this module gathers::

    with ListFolder(Path("reading-list.md")) as folder:
        print(folder.proposal().changes)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from papersum.errors import ReadingListError
from papersum.fsio import write_bytes_atomic, write_text_atomic
from papersum.links import INBOX, Inbox
from papersum.lock import folder_lock
from papersum.models import Entry, PaperRef
from papersum.readinglist import ReadingList, read_reading_list
from papersum.render import IndexRow, render_index
from papersum.resolve import Resolver
from papersum.sources import Services
from papersum.store import STATE_DIR, Decision, PaperState, Store
from papersum.suggest import Applied, Change, Judgment, Proposal, apply_changes, propose

SUMMARIES = "summaries"
BACKUPS = "backups"
INDEX_NAME = "index.md"
OUT_SETTING = "out_dir"


Resolved = dict[tuple[int, str], PaperRef]
"""Papers already resolved, by their entry's line and text."""


@dataclass
class Known:
    """The list joined with its state: each top-level entry, its paper, and what is known of it."""

    reading_list: ReadingList
    rows: list[tuple[Entry, PaperRef, PaperState | None]]
    summarized: dict[str, bool]
    decisions: dict[str, Decision]


class ListFolder:
    """A reading list and the folder around it; the run state is opened on first use, once."""

    def __init__(self, list_path: Path, out_dir: Path | None = None) -> None:
        self.list_path = list_path
        self.folder = list_path.parent
        self._out = out_dir
        self._store: Store | None = None
        self._inbox: Inbox | None = None
        self._summary_dirs: dict[str, bool] = {}
        self._summary_names: set[str] | None = None
        self._read: tuple[tuple[int, int] | None, ReadingList] | None = None

    @property
    def inbox(self) -> Inbox:
        """The ``papers/`` inbox beside the list, indexed once for every resolution of a command."""
        if self._inbox is None:
            self._inbox = Inbox(self.folder / INBOX, self.store)
        return self._inbox

    @property
    def out_dir(self) -> Path:
        """Where summaries go: ``--out`` (then remembered for the list), else the folder the list
        was last given with ``--out``, else ``summaries/`` beside the list."""
        if self._out is None:
            remembered = self.store.setting(f"{OUT_SETTING}:{self.list_path.name}")
            self._out = self.folder / remembered if remembered else self.folder / SUMMARIES
        return self._out

    @property
    def store(self) -> Store:
        """The list's run state (``.papersum/state.sqlite``), opened on first use; an ``--out``
        given is remembered in it."""
        if self._store is None:
            self._store = Store.beside(self.list_path)
            if self._out is not None:
                self._store.set_setting(
                    f"{OUT_SETTING}:{self.list_path.name}", _relative_to(self._out, self.folder)
                )
        return self._store

    @property
    def backups(self) -> Path:
        """Where ``apply`` keeps the list as it was before each change."""
        return self.folder / STATE_DIR / BACKUPS

    def locked(
        self, wait: float, on_wait: Callable[[str], None] | None = None
    ) -> AbstractContextManager[None]:
        """Hold the folder's lock (``lock``) for a command that writes: one papersum at a time,
        waiting up to ``wait`` seconds for another."""
        return folder_lock(self.folder / STATE_DIR, wait=wait, on_wait=on_wait)

    def close(self) -> None:
        """Close the run state, if it was opened."""
        self._inbox = None
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def read(self) -> ReadingList:
        """The list as it is on disk now (parsed again only when the file has changed)."""
        try:
            stat = self.list_path.stat()
            version = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            version = None  # read_reading_list says what is wrong
        if version is None or self._read is None or self._read[0] != version:
            self._read = (version, read_reading_list(self.list_path))
        return self._read[1]

    def has_summary(self, state: PaperState) -> bool:
        """Whether the state holds a summary of this paper that still exists in ``out_dir``."""
        file = state.summary_file
        if state.status != "summarized" or file is None:
            return False
        folder = os.path.dirname(file)
        if folder not in self._summary_dirs:  # resolving a path is a system call per part
            self._summary_dirs[folder] = file.parent.resolve() == self.out_dir.resolve()
        if not self._summary_dirs[folder]:
            return False
        if self._summary_names is None:  # one listing of the folder rather than a stat per paper
            try:
                self._summary_names = {p.name for p in os.scandir(self.out_dir) if p.is_file()}
            except OSError:
                self._summary_names = set()
        return file.name in self._summary_names or file.is_file()  # or written since the listing

    def known(self, refs: Resolved | None = None) -> Known:
        """Every top-level entry resolved from the cache (no network) and looked up in the state;
        ``refs`` are the entries a run just resolved, not resolved again."""
        reading_list = self.read()
        entries = reading_list.top_level
        found = dict(refs or {})
        rest = [e for e in entries if (e.line, e.text) not in found]  # new, or edited meanwhile
        if rest:
            services = Services.from_env(self.store, offline=True)  # what the services answered before
            resolver = Resolver(self.folder, self.store, None, services, self.inbox)
            found.update(((e.line, e.text), ref) for e, ref in zip(rest, resolver.resolve(rest), strict=True))
        self._summary_names = None  # listed afresh: a page may have gone since
        states = {s.key: s for s in self.store.all()}
        rows = [(e, ref, states.get(ref.key)) for e in entries for ref in [found[e.line, e.text]]]
        summarized = {ref.key: state is not None and self.has_summary(state) for _e, ref, state in rows}
        return Known(reading_list, rows, summarized, self.store.decisions())

    def proposal(
        self, *, include_maybe: bool = False, link: bool = False, refs: Resolved | None = None
    ) -> Proposal:
        """The list's proposed changes from its summaries and the decisions in its state (``refs``:
        as for ``known``)."""
        known = self.known(refs)
        judgments: dict[int, Judgment] = {}
        judged: set[str] = set()
        for entry, ref, state in known.rows:  # a paper listed twice: its first line only
            if state is None or not known.summarized[ref.key] or not state.verdict or state.score is None:
                continue
            if ref.key not in judged:
                judged.add(ref.key)
                judgments[entry.line] = Judgment(
                    ref.key, state.verdict, state.score, state.rationale, state.summary_file
                )
        changes = propose(
            known.reading_list,
            judgments,
            set(known.decisions),
            include_maybe=include_maybe,
            link_dir=self.folder if link else None,
        )
        return Proposal(self.list_path, known.reading_list, changes, judgments)

    def apply(self, changes: list[Change], *, rejected: dict[str, int] | None = None) -> Applied:
        """Apply ``changes`` to the list file: a backup first, then an atomic replace; record the
        applied papers (and the ``rejected`` ones: key → entry line) as decided, so they are not
        proposed again."""
        try:
            original = self.list_path.read_bytes()
        except OSError as exc:
            raise ReadingListError(f"{self.list_path}: cannot read it ({exc.strerror})") from exc
        text, applied, skipped = apply_changes(original.decode("utf-8"), changes)
        backup = None
        if applied:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            name = self.list_path
            backup = self.backups / f"{name.stem}.{stamp}{name.suffix}"
            write_bytes_atomic(backup, original)
            write_bytes_atomic(self.list_path, text.encode("utf-8"))
        for change in applied:
            self.store.decide(change.key, "accepted", change.line)
        for key, line in (rejected or {}).items():
            self.store.decide(key, "rejected", line)
        return Applied(applied, skipped, backup)

    def write_index(self, pending: set[str] | None = None) -> Path | None:
        """Rewrite ``index.md`` from every summary in ``out_dir`` the state knows of; ``pending``
        are the papers whose ``Relevant?`` tick awaits the user (None: every relevant one)."""
        decided = self.store.decisions()

        def suggestion(key: str, verdict: str) -> str:
            if key in decided:
                return decided[key]
            waiting = key in pending if pending is not None else verdict == "relevant"
            return "pending" if waiting else "—"

        rows = [
            IndexRow(
                key=s.key,
                title=s.title,
                score=s.score,
                verdict=s.verdict,
                list_line=s.list_line,
                suggestion=suggestion(s.key, s.verdict),
            )
            for s in self.store.all()
            if self.has_summary(s) and s.score is not None and s.verdict is not None
        ]
        if not rows and not self.out_dir.exists():
            return None
        path = self.out_dir / INDEX_NAME
        write_text_atomic(path, render_index(rows))
        return path


def _relative_to(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` when inside it (the folder may move), else absolute."""
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())

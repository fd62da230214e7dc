"""Run state in SQLite (``.papersum/state.sqlite`` beside the list).

One row per paper, keyed by its identity (arXiv id or title slug), not by line number, so the
user can reorder and edit the list freely. Deleting the folder only costs re-work.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, Literal, ParamSpec, TypeVar

from papersum.errors import StoreError
from papersum.models import ArxivPaper, PaperRecord, Verdict
from papersum.state_schema import ADDED_COLUMNS, SCHEMA, SCHEMA_VERSION

if TYPE_CHECKING:
    from papersum.models import ModelCall

T = TypeVar("T")
P = ParamSpec("P")

STATE_DIR = ".papersum"
FORGET_MISSES_AFTER = timedelta(days=7)
"""An id arXiv did not know, or a search with no confident hit, is asked again after this long."""


def _locked(method: Callable[Concatenate[Store, P], T]) -> Callable[Concatenate[Store, P], T]:
    """Run a method holding the store's lock: model workers record their calls from threads."""

    @functools.wraps(method)
    def run(self: Store, /, *args: P.args, **kwargs: P.kwargs) -> T:
        with self._lock:
            return method(self, *args, **kwargs)

    return run


@dataclass(frozen=True)
class Example:
    """A paper the user judged (``Relevant?`` ticked or not on a read entry, or a review decision)."""

    key: str
    title: str
    text: str
    """Its title and abstract (or the start of its text), as the offline judgment read it."""
    relevant: bool
    source: str
    """``list`` (the Relevant? box of a read entry) or ``review`` (an accepted or rejected tick)."""
    list_line: int


@dataclass(frozen=True)
class PaperState:
    """What the state remembers of one paper."""

    key: str
    title: str
    list_line: int
    status: str
    message: str
    summary_file: Path | None
    verdict: Verdict | None
    score: int | None
    rationale: str = ""


@dataclass(frozen=True)
class SummaryRecord:
    """A paper summarized: what the state keeps of it (``record_summary``)."""

    key: str
    title: str
    list_line: int
    summary_file: Path
    pdf_sha256: str
    backend: str
    model: str | None
    prompt_sha256: str
    verdict: Verdict
    score: int
    rationale: str = ""
    text_sha256: str | None = None
    summary_sha256: str | None = None
    resolution: str | None = None
    """The ``PaperRef`` it was resolved to, as JSON."""


Decision = Literal["accepted", "rejected"]


class Store:
    """The run state of the lists in one folder."""

    def __init__(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.root = path.parent.parent
            """The folder of the lists this state belongs to; paths inside it are kept relative,
            so the folder can move."""
            self._resolved_root = self.root.resolve()
            self._resolved_dirs: dict[Path, Path] = {}  # folder → the same, symlinks resolved
            self._lock = threading.RLock()
            self._db = sqlite3.connect(path, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open the run state {path} ({exc}); delete the folder {path.parent} "
                "to start afresh (finished summaries are kept)"
            ) from exc

    @classmethod
    def beside(cls, list_path: Path) -> Store:
        """The store of the folder that holds ``list_path``."""
        return cls(list_path.parent / STATE_DIR / "state.sqlite")

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"made by a newer papersum (schema {version})")
        if version == SCHEMA_VERSION:
            return
        # Two papersum processes may open a fresh or older state at once (say, `status` during a
        # `run`): the write lock makes the second wait, then find the work done.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            if self._db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                for statement in filter(str.strip, SCHEMA.split(";")):
                    self._db.execute(statement)
                for table, column, declaration in ADDED_COLUMNS:
                    columns = {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
                    if column not in columns:
                        self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
                self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    @_locked
    def get(self, key: str) -> PaperState | None:
        """The state of one paper, if any."""
        row = self._db.execute(f"SELECT {_STATE_COLUMNS} FROM papers WHERE key = ?", (key,)).fetchone()
        return _to_state(row, self.root) if row else None

    @_locked
    def all(self) -> list[PaperState]:
        """Every paper in the state."""
        rows = self._db.execute(f"SELECT {_STATE_COLUMNS} FROM papers ORDER BY list_line").fetchall()
        return [_to_state(row, self.root) for row in rows]

    @_locked
    def record_summary(self, record: SummaryRecord) -> None:
        """Remember that a paper was summarized into ``record.summary_file``."""
        r = record
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO papers (key, title, list_line, status, message, "
                "summary_file, pdf_sha256, backend, model, prompt_sha256, verdict, score, updated, "
                "rationale, text_sha256, summary_sha256, resolution) "
                "VALUES (?, ?, ?, 'summarized', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    r.key,
                    r.title,
                    r.list_line,
                    self._relative(r.summary_file),
                    r.pdf_sha256,
                    r.backend,
                    r.model,
                    r.prompt_sha256,
                    r.verdict,
                    r.score,
                    _now(),
                    r.rationale,
                    r.text_sha256,
                    r.summary_sha256,
                    r.resolution,
                ),
            )

    def _relative(self, path: Path) -> str:
        if path.is_symlink():
            resolved = path.resolve()
        else:  # resolving is a system call per part: once per folder
            if path.parent not in self._resolved_dirs:
                self._resolved_dirs[path.parent] = path.parent.resolve()
            resolved = self._resolved_dirs[path.parent] / path.name
        try:
            return resolved.relative_to(self._resolved_root).as_posix()
        except ValueError:  # --out outside the list's folder
            return str(resolved)

    @_locked
    def decide(self, key: str, decision: Decision, list_line: int) -> None:
        """Remember the user's decision on a paper's suggestion."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO decisions VALUES (?, ?, ?, ?)", (key, decision, list_line, _now())
            )

    @_locked
    def decisions(self) -> dict[str, Decision]:
        """Every decision the user made, by paper key."""
        rows = self._db.execute("SELECT key, decision FROM decisions").fetchall()
        return {str(k): d for k, d in rows}

    @_locked
    def setting(self, name: str) -> str | None:
        """A setting remembered for the lists of this folder (e.g. ``--out``)."""
        row = self._db.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return str(row[0]) if row else None

    @_locked
    def set_setting(self, name: str, value: str) -> None:
        """Remember a setting for the lists of this folder."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (name, value))

    @_locked
    def remember_examples(self, examples: list[Example], agreed: int, auc: float | None) -> None:
        """Keep the user's judged papers as examples (replacing earlier ones) and how often the
        offline judgment agreed with them."""
        with self._db:
            self._db.execute("DELETE FROM examples")
            self._db.executemany(
                "INSERT OR REPLACE INTO examples VALUES (?, ?, ?, ?, ?, ?)",
                [(e.key, e.title, e.text, int(e.relevant), e.source, e.list_line) for e in examples],
            )
            self._db.execute(
                "INSERT OR REPLACE INTO calibration VALUES (1, ?, ?, ?, ?)",
                (len(examples), agreed, auc, _now()),
            )

    @_locked
    def examples(self) -> list[Example]:
        """The user's judged papers, as ``calibrate`` kept them."""
        rows = self._db.execute(
            "SELECT key, title, text, relevant, source, list_line FROM examples"
        ).fetchall()
        return [Example(str(k), str(t), str(x), bool(r), str(s), int(n)) for k, t, x, r, s, n in rows]

    @_locked
    def calibration(self) -> tuple[int, int, float | None, str] | None:
        """The last calibration: papers judged, agreed with, AUC (None: one class only), when."""
        row = self._db.execute("SELECT judged, agreed, auc, calibrated FROM calibration").fetchone()
        return (int(row[0]), int(row[1]), row[2], str(row[3])) if row else None

    @_locked
    def record_failure(self, key: str, title: str, list_line: int, message: str) -> None:
        """Remember why a paper failed, keeping an earlier summary if there is one."""
        with self._db:
            self._db.execute(
                "INSERT INTO papers (key, title, list_line, status, message, updated) "
                "VALUES (?, ?, ?, 'failed', ?, ?) ON CONFLICT(key) DO UPDATE SET "
                "message = excluded.message, updated = excluded.updated, "
                "status = CASE WHEN papers.summary_file IS NULL THEN 'failed' ELSE papers.status END",
                (key, title, list_line, message, _now()),
            )

    @_locked
    def cached_papers(self, ids: list[str]) -> dict[str, ArxivPaper | None]:
        """The arXiv metadata cached for these ids; ``None`` for ids arXiv recently did not know."""
        cached: dict[str, ArxivPaper | None] = {}
        for arxiv_id in ids:
            row = self._db.execute(
                "SELECT paper, fetched FROM arxiv_papers WHERE arxiv_id = ?", (arxiv_id,)
            ).fetchone()
            if row is None:
                continue
            if row[0] is not None:
                cached[arxiv_id] = ArxivPaper.model_validate_json(row[0])
            elif not _expired(row[1]):
                cached[arxiv_id] = None
        return cached

    @_locked
    def cache_papers(self, asked: list[str], found: dict[str, ArxivPaper]) -> None:
        """Remember the metadata arXiv gave for ``found``, and which ``asked`` ids it did not know."""
        rows = [
            (i, found[i].model_dump_json() if i in found else None, _now())
            for i in dict.fromkeys([*asked, *found])
        ]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO arxiv_papers VALUES (?, ?, ?)", rows)

    @_locked
    def cached_search(self, query: str) -> list[ArxivPaper] | None:
        """The papers a cached arXiv search found, best first, or None when it is not cached."""
        row = self._db.execute(
            "SELECT arxiv_ids, fetched FROM arxiv_searches WHERE query = ?", (query,)
        ).fetchone()
        if row is None:
            return None
        ids: list[str] = json.loads(row[0])
        papers = self.cached_papers(ids)
        if (not ids and _expired(row[1])) or any(papers.get(i) is None for i in ids):
            return None
        return [p for i in ids if (p := papers[i]) is not None]

    @_locked
    def cache_search(self, query: str, papers: list[ArxivPaper]) -> None:
        """Remember what an arXiv search found."""
        self.cache_papers([], {p.arxiv_id: p for p in papers})
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO arxiv_searches VALUES (?, ?, ?)",
                (query, json.dumps([p.arxiv_id for p in papers]), _now()),
            )

    @_locked
    def cached_lookup(self, service: str, query: str) -> list[PaperRecord] | None:
        """What a metadata service answered to ``query`` (a DOI, a title, a page's URL), or None
        when it was not asked (or found nothing, long enough ago to ask again)."""
        row = self._db.execute(
            "SELECT records, fetched FROM lookups WHERE service = ? AND query = ?", (service, query)
        ).fetchone()
        if row is None:
            return None
        records = [PaperRecord.model_validate(r) for r in json.loads(row[0])]
        return None if not records and _expired(row[1]) else records

    @_locked
    def cache_lookup(self, service: str, query: str, records: list[PaperRecord]) -> None:
        """Remember what a metadata service answered to ``query``."""
        answer = json.dumps([r.model_dump(mode="json") for r in records])
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO lookups VALUES (?, ?, ?, ?)", (service, query, answer, _now())
            )

    @_locked
    def inbox_matches(self, fingerprint: str) -> dict[str, str]:
        """What entries (by query) matched in the inbox as it was (``fingerprint``): a file name,
        or an empty string for no match."""
        rows = self._db.execute("SELECT query, file FROM inbox_matches WHERE fingerprint = ?", (fingerprint,))
        return dict(rows.fetchall())

    @_locked
    def remember_inbox_matches(self, fingerprint: str, matches: dict[str, str]) -> None:
        """Keep entries' inbox matches (query → file name, empty for none); those of an inbox
        that has changed since are dropped."""
        with self._db:
            self._db.execute("DELETE FROM inbox_matches WHERE fingerprint != ?", (fingerprint,))
            self._db.executemany(
                "INSERT OR REPLACE INTO inbox_matches VALUES (?, ?, ?)",
                [(fingerprint, query, file) for query, file in matches.items()],
            )

    @_locked
    def cached_pdf_titles(self, paths: list[Path]) -> dict[Path, str]:
        """The titles read earlier from these PDFs (one query), for the files not changed since."""
        query = "SELECT path, size, mtime_ns, title FROM pdf_titles"
        rows = {
            str(path): (int(str(size)), int(str(mtime)), str(title))
            for path, size, mtime, title in self._db.execute(query)
        }
        found: dict[Path, str] = {}
        for path in paths:
            row = rows.get(self._relative(path))
            if row is not None:
                stat = path.stat()
                if (row[0], row[1]) == (stat.st_size, stat.st_mtime_ns):
                    found[path] = row[2]
        return found

    @_locked
    def cache_pdf_title(self, path: Path, title: str) -> None:
        """Remember the title of the PDF at ``path`` as it is now."""
        stat = path.stat()
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO pdf_titles VALUES (?, ?, ?, ?)",
                (self._relative(path), stat.st_size, stat.st_mtime_ns, title),
            )

    @_locked
    def cached_answer(self, key: str) -> str | None:
        """A model answer cached under ``key`` (paper text, prompts, model, schema, budget)."""
        row = self._db.execute("SELECT answer FROM model_answers WHERE cache_key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    @_locked
    def cache_answer(self, key: str, answer: str) -> None:
        """Keep a model answer, so a re-run costs nothing."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO model_answers VALUES (?, ?, ?)", (key, answer, _now()))

    @_locked
    def record_call(self, call: ModelCall) -> None:
        """Log one model request: model, prompt hash, tokens, latency and outcome."""
        with self._db:
            self._db.execute(
                "INSERT INTO model_calls (paper_sha256, model, prompt_sha256, kind, input_tokens, "
                "output_tokens, seconds, outcome, created, cost_usd, counted_by, server) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    call.paper,
                    call.model,
                    call.prompt_sha256,
                    call.kind,
                    call.input_tokens,
                    call.output_tokens,
                    call.seconds,
                    call.outcome,
                    _now(),
                    call.cost_usd,
                    call.counted_by,
                    call.server,
                ),
            )

    @_locked
    def close(self) -> None:
        """Close the database."""
        self._db.close()


_STATE_COLUMNS = "key, title, list_line, status, message, summary_file, verdict, score, rationale"
"""The columns ``_to_state`` reads, in its order."""


def _to_state(row: tuple[object, ...], root: Path) -> PaperState:
    key, title, line, status, message, summary_file, verdict, score, rationale = row
    return PaperState(
        key=str(key),
        title=str(title),
        list_line=int(str(line)),
        status=str(status),
        message=str(message),
        summary_file=root / str(summary_file) if summary_file else None,
        verdict=verdict,  # type: ignore[arg-type]
        score=int(str(score)) if score is not None else None,
        rationale=str(rationale or ""),
    )


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _expired(stamp: str) -> bool:
    when = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return datetime.now(UTC) - when > FORGET_MISSES_AFTER

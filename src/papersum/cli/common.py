"""What every command shares: the typer app, the common arguments and options, and the only two
ways output reaches the terminal (``stdout()`` for results, ``stderr()`` for everything else)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pydantic import BaseModel
    from rich.console import Console

    from papersum.arxiv_api import ArxivApi
    from papersum.fetch import Fetcher
    from papersum.sources import Services
    from papersum.store import Store
    from papersum.workspace import ListFolder

app = typer.Typer(
    name="papersum",
    help="Summarize the unread papers of a Markdown reading list and judge their relevance "
    "to your research. Your list is never changed behind your back.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

ListArg = Annotated[Path, typer.Argument(metavar="LIST.md", help="Your reading list (a Markdown checklist).")]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", metavar="DIR", help="Where summaries go [default: summaries/ beside the list]."),
]
OfflineOpt = Annotated[
    bool,
    typer.Option("--offline", help="No network: only local and cached PDFs and cached arXiv answers."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")]
AlwaysOfflineOpt = Annotated[
    bool,
    typer.Option("--offline", help="Accepted like everywhere else; this command never uses the network."),
]


def require_file(path: Path, wanted: str = "your reading list") -> None:
    """A missing file is a one-line error (exit 2), not typer's usage block."""
    if not path.is_file():
        from papersum.errors import ReadingListError

        what = "is a folder" if path.is_dir() else "does not exist"
        raise ReadingListError(f"{path} {what}; give the path of {wanted}")


def echo_json(rows: Sequence[BaseModel]) -> None:
    """``--json`` output: the rows as a JSON array on stdout, and nothing else there."""
    typer.echo(json.dumps([row.model_dump(mode="json") for row in rows], indent=2, ensure_ascii=False))


PLAIN_ROWS = 200
"""Tables longer than this print as plain aligned text: rich measures every cell of every row,
which takes seconds for a list of a thousand entries."""


TITLE_CHARS = 60
"""A ``paper`` cell in a terminal table is cut at a word boundary to about this many characters."""


class Rows:
    """A results table: in a terminal, rich (long cells wrap; titles cut at a word, with "…") up
    to ``PLAIN_ROWS`` rows; piped, or longer, plain aligned text with every cell whole, one line
    per row. Cells are plain text: titles and ``[x]`` are not markup."""

    def __init__(self, *columns: str, title: str | None = None) -> None:
        self.columns = columns
        self.title = title
        self.rows: list[tuple[str, ...]] = []

    def add(self, *cells: str) -> None:
        """One row."""
        self.rows.append(cells)

    def print(self, console: Console | None = None) -> None:
        """Print the table on ``console`` (None: stdout; a long table then never loads rich)."""
        if len(self.rows) > PLAIN_ROWS or not (console.is_terminal if console else sys.stdout.isatty()):
            if console is None:
                typer.echo(self._plain())
            else:
                console.print(self._plain(), highlight=False, markup=False, soft_wrap=True)
            return
        console = console or stdout()
        from rich.table import Table
        from rich.text import Text

        table = Table(title=self.title, title_justify="left")
        for column in self.columns:
            table.add_column(column, overflow="fold")
        short = [column == "paper" for column in self.columns]
        for row in self.rows:
            table.add_row(
                *(Text(shorten(cell) if cut else cell) for cell, cut in zip(row, short, strict=True))
            )
        console.print(table)

    def _plain(self) -> str:
        cells = [[" ".join(c.split()) for c in row] for row in [self.columns, *self.rows]]
        widths = [max(len(row[i]) for row in cells) for i in range(len(self.columns))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
        return "\n".join(([self.title] if self.title else []) + lines)


def shorten(text: str, limit: int = TITLE_CHARS) -> str:
    """``text`` cut at the last word boundary within ``limit`` characters, with "…" (or whole)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:—-") + "…"


def stdout() -> Console:
    """Where results go: laid out for the terminal, or whole lines when piped (no 80-column wrap)."""
    from rich.console import Console

    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console.soft_wrap = True
    return console


_verbosity = 0
"""-1 with ``-q`` (no progress, notices or hints), 1 and more with ``-v``, else 0."""


def stderr() -> Console:
    """Where progress, notices and hints go (nowhere with ``-q``); whole lines when not a terminal."""
    from rich.console import Console

    console = Console(stderr=True, quiet=_verbosity < 0)
    if not console.is_terminal:
        console.soft_wrap = True
    return console


def warn(message: str) -> None:
    """A warning on stderr, shown even with ``-q``: something the user must know was not done."""
    from rich.console import Console

    Console(stderr=True, soft_wrap=True).print(f"papersum: {message}", highlight=False, markup=False)


LOUD_FLAGS = {"-q": -1, "--quiet": -1, "-v": 1, "--verbose": 1, "-vv": 2}


def lift_loudness(args: list[str]) -> list[str]:
    """``-q``/``-v`` are global options, but a user writes them anywhere (``papersum run LIST -q``):
    they are moved before the command, where typer reads them (not after a ``--``)."""
    end = args.index("--") if "--" in args else len(args)
    loud = [a for a in args[:end] if a in LOUD_FLAGS]
    return loud + [a for a in args[:end] if a not in LOUD_FLAGS] + args[end:]


def _set_loudness(quiet: bool, verbose: int) -> None:
    """Apply ``-q``/``-v``: ``-v`` logs what papersum does (each resolution, download, cache hit
    and model request) and every HTTP request on stderr; ``-vv`` also the libraries' detail."""
    global _verbosity
    if quiet and verbose:
        raise typer.BadParameter("-q and -v ask for opposite things; give one", param_hint="-q/-v")
    _verbosity = -1 if quiet else verbose
    if verbose:
        import logging

        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("papersum: [%(name)s] %(message)s"))
        for name in ("papersum", "httpx", "arxiv", "openai"):
            logger = logging.getLogger(name)
            logger.addHandler(handler)
            logger.setLevel(logging.DEBUG if verbose > 1 or name == "papersum" else logging.INFO)
            logger.propagate = False


@contextmanager
def telling(console: Console) -> Iterator[None]:
    """While the block runs, say on ``console`` when a service keeps the run waiting: once per
    service when a call is slow, then its timeouts, retries and failure. Piped or not, the user
    knows what papersum waits on."""
    import threading

    from papersum.net import WAITS

    def say(message: str) -> None:
        console.print(f"papersum: {message}", highlight=False, markup=False)

    told: set[str] = set()
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(1.0):
            longest = WAITS.longest()
            if longest is not None and longest[0] not in told:
                told.add(longest[0])
                say(f"still waiting for {longest[0]} after {longest[1]:.0f} s")

    watcher = threading.Thread(target=watch, name="papersum-waits", daemon=True)
    watcher.start()
    try:
        with WAITS.watched(say):
            yield
    finally:
        stop.set()
        watcher.join()


@contextmanager
def waiting_status(text: str) -> Iterator[None]:
    """A spinner saying ``text`` and, once a call is slow, what it waits for; service notices."""
    from rich.text import Text

    from papersum.net import WAITS

    class Line:
        def __rich__(self) -> Text:
            waiting = WAITS.describe()
            return Text(f"{text} ({waiting})" if waiting else text)

    console = stderr()
    with telling(console), console.status(Line()):
        yield


def holding_lock(folder: ListFolder) -> AbstractContextManager[None]:
    """The folder's lock for a command that writes, waiting ``PAPERSUM_LOCK_WAIT`` seconds for
    another papersum and saying on stderr whom it waits for."""
    from papersum.config import lock_wait

    return folder.locked(lock_wait(), lambda message: stderr().print(f"papersum: {message}", highlight=False))


def _show_version(value: bool) -> None:
    if value:
        from papersum import __version__

        typer.echo(f"papersum {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show papersum's version and exit."
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Only results and errors: no progress, notices or hints."),
    ] = False,
    verbose: Annotated[
        int,
        typer.Option(
            "--verbose",
            "-v",
            count=True,
            show_default=False,
            help="Say what papersum does: each resolution, download, cache hit, model request and "
            "HTTP request (-vv: the libraries' detail too). -q and -v may follow the command.",
        ),
    ] = 0,
) -> None:
    _set_loudness(quiet, verbose)


def arxiv_client(offline: bool) -> ArxivApi | None:
    """The run's one arXiv client, configured from the environment (none when offline)."""
    if offline:
        return None
    from papersum.arxiv_api import ArxivApi
    from papersum.config import arxiv_delay, arxiv_endpoint, network_patience

    return ArxivApi(arxiv_endpoint(), delay=arxiv_delay(), patience=network_patience())


def metadata_services(store: Store, offline: bool) -> Services:
    """The run's metadata services besides arXiv, configured from the environment."""
    from papersum.config import network_patience
    from papersum.sources import Http, Services

    return Services.from_env(store, offline=offline, http=Http(patience=network_patience()))


def pdf_fetcher() -> Fetcher:
    """The run's PDF downloader, caching in ``PAPERSUM_CACHE_DIR`` (or the user cache folder)."""
    from papersum.config import cache_dir, network_patience
    from papersum.fetch import Fetcher

    return Fetcher(cache_dir(), patience=network_patience())

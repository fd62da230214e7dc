"""What every command shares: the typer app, the common arguments and options, and the only two
ways output reaches the terminal (``stdout()`` for results, ``stderr()`` for everything else)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pydantic import BaseModel
    from rich.console import Console
    from rich.table import Table

app = typer.Typer(
    name="papersum",
    help="Summarize the unread papers of a Markdown reading list and judge their relevance "
    "to your research. Your list is never changed behind your back.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
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


def require_file(path: Path) -> None:
    """A missing list is a one-line error (exit 2), not typer's usage block."""
    if not path.is_file():
        from papersum.errors import ReadingListError

        what = "is a folder" if path.is_dir() else "does not exist"
        raise ReadingListError(f"{path} {what}; give the path of your reading list")


def echo_json(rows: Sequence[BaseModel]) -> None:
    """``--json`` output: the rows as a JSON array on stdout, and nothing else there."""
    typer.echo(json.dumps([row.model_dump(mode="json") for row in rows], indent=2, ensure_ascii=False))


def new_table(*columns: str, title: str | None = None) -> Table:
    """A results table whose long cells wrap rather than being cut."""
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def add_row(table: Table, *cells: str) -> None:
    """A table row of plain text: titles and checkboxes like ``[x]`` are not rich markup."""
    from rich.text import Text

    table.add_row(*(Text(cell) for cell in cells))


def stdout() -> Console:
    """Where results go."""
    from rich.console import Console

    return Console(soft_wrap=False)


def stderr() -> Console:
    """Where progress, notices and errors go."""
    from rich.console import Console

    return Console(stderr=True)

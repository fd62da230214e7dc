"""``papersum extract PAPER.pdf``: what papersum reads from a PDF, to see why a summary went wrong.
Registered on the app of ``papersum.cli``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from papersum.cli.common import AlwaysOfflineOpt, JsonOpt, Rows, app, require_file, stdout

ABSTRACT_SHOWN = 400
"""Characters of the abstract shown without ``--json`` (the JSON has all of it)."""


@app.command()
def extract(
    pdf: Annotated[Path, typer.Argument(metavar="PAPER.pdf", help="A PDF file.")],
    json_output: JsonOpt = False,
    offline: AlwaysOfflineOpt = False,
) -> None:
    """Show what papersum reads from a PDF: title, authors, year, abstract and the sections
    (heading, level, length; their text with --json)."""
    from papersum.errors import ExtractError
    from papersum.extract import extract_paper

    require_file(pdf, "a PDF")
    try:
        paper = extract_paper(pdf)
    except ExtractError as exc:
        typer.echo(f"papersum: {exc}", err=True)
        raise typer.Exit(1) from None
    if json_output:
        sections = [{"heading": s.heading, "level": s.level, "text": s.text} for s in paper.sections]
        typer.echo(
            json.dumps(
                {
                    "title": paper.title,
                    "authors": paper.authors,
                    "year": paper.year,
                    "abstract": paper.abstract,
                    "sections": sections,
                    "pages": paper.page_count,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    console = stdout()
    abstract = paper.abstract
    if len(abstract) > ABSTRACT_SHOWN:
        abstract = abstract[:ABSTRACT_SHOWN].rsplit(" ", 1)[0] + f" … ({len(paper.abstract):,} characters)"
    for name, value in (
        ("title", paper.title or "(none found)"),
        ("authors", "; ".join(paper.authors) or "(none found)"),
        ("year", str(paper.year or "(none found)")),
        ("pages", str(paper.page_count)),
        ("abstract", abstract or "(none found)"),
    ):
        console.print(f"{name + ':':<10}{value}", highlight=False, markup=False)
    table = Rows(
        "level", "heading", "characters", title=f"{len(paper.sections)} sections (references left out)"
    )
    for section in paper.sections:
        table.add(str(section.level), "  " * (section.level - 1) + section.heading, f"{len(section.text):,}")
    table.print(console)

"""The commands that may change the reading list, and only when asked: ``suggest`` (never
writes), ``apply`` and ``review``. Registered on the app of ``papersum.cli``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from papersum.cli.common import (
    AlwaysOfflineOpt,
    JsonOpt,
    ListArg,
    OutOpt,
    app,
    echo_json,
    holding_lock,
    require_file,
    stderr,
    stdout,
)
from papersum.errors import ConfigError

if TYPE_CHECKING:
    from papersum.suggest import Applied, Change, Proposal
    from papersum.workspace import ListFolder

MaybeOpt = Annotated[
    bool, typer.Option("--include-maybe", help="Also propose ticks for papers judged 'maybe'.")
]
LinkOpt = Annotated[bool, typer.Option("--link", help="Also add a child line linking each paper's summary.")]
_CHOICES = {"a": "accept", "r": "reject", "s": "skip", "o": "open", "m": "mark read", "q": "quit"}


@app.command()
def suggest(
    reading_list: ListArg,
    out: OutOpt = None,
    json_output: JsonOpt = False,
    include_maybe: MaybeOpt = False,
    link: LinkOpt = False,
    offline: AlwaysOfflineOpt = False,
) -> None:
    """Print the proposed Relevant? checkbox changes as a unified diff of LIST.md; writes nothing."""
    with _folder(reading_list, out) as folder:
        proposal = folder.proposal(include_maybe=include_maybe, link=link)
    if json_output:
        echo_json(proposal.changes)
        return
    if not proposal.changes:
        typer.echo("No checkbox changes to propose.")
        return
    _show(proposal)
    same = _same_options(include_maybe=include_maybe, link=link)
    typer.echo(
        f"`papersum apply {reading_list}{same} --yes` writes these; `papersum review "
        f"{reading_list}{same}` goes through them one by one.",
        err=True,
    )


@app.command(name="apply")
def apply_command(
    reading_list: ListArg,
    out: OutOpt = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Write without asking.")] = False,
    include_maybe: MaybeOpt = False,
    link: LinkOpt = False,
    offline: AlwaysOfflineOpt = False,
) -> None:
    """Write the proposed changes into LIST.md (asks first unless --yes), keeping a backup."""
    with _folder(reading_list, out) as folder, holding_lock(folder):
        _apply(folder, yes=yes, include_maybe=include_maybe, link=link)


def _apply(folder: ListFolder, *, yes: bool, include_maybe: bool, link: bool) -> None:
    reading_list = folder.list_path
    proposal = folder.proposal(include_maybe=include_maybe, link=link)
    if not proposal.changes:
        typer.echo("No checkbox changes to apply; the list is as papersum would have it.")
        return
    _show(proposal)
    if not yes:
        try:
            if not typer.confirm(f"Write these {len(proposal.changes)} changes to {reading_list}?"):
                typer.echo("Nothing written.")
                return
        except typer.Abort:
            raise ConfigError("no answer to the question; run apply in a terminal, or add --yes") from None
    _report(folder.apply(proposal.changes), folder)


@app.command()
def review(
    reading_list: ListArg,
    out: OutOpt = None,
    include_maybe: MaybeOpt = False,
    link: LinkOpt = False,
    offline: AlwaysOfflineOpt = False,
) -> None:
    """Go through the new summaries one by one: accept, reject or skip each suggested tick."""
    if not (sys.stdin.isatty() or os.environ.get("PAPERSUM_INTERACTIVE")):
        raise ConfigError(
            "review needs a terminal to ask you; use `papersum suggest` to see the "
            "changes and `papersum apply --yes` to write them"
        )
    with _folder(reading_list, out) as folder, holding_lock(folder):
        _review(folder, include_maybe=include_maybe, link=link)


def _review(folder: ListFolder, *, include_maybe: bool, link: bool) -> None:
    proposal = folder.proposal(include_maybe=include_maybe, link=link)
    if not proposal.changes:
        typer.echo("Nothing to review: no pending suggestions.")
        return
    accepted, rejected = _walk(proposal)
    if not accepted and not rejected:
        typer.echo("Nothing decided; the list is unchanged.")
        return
    _report(folder.apply(accepted, rejected=rejected), folder)
    if rejected:
        typer.echo(f"{len(rejected)} rejected; they will not be proposed again.")


def _walk(proposal: Proposal) -> tuple[list[Change], dict[str, int]]:
    """Ask about each paper's changes; returns the accepted changes and the rejected papers."""
    from papersum.suggest import mark_read

    groups: dict[int, list[Change]] = {}
    for change in proposal.changes:
        groups.setdefault(change.line, []).append(change)
    accepted: list[Change] = []
    rejected: dict[str, int] = {}
    for number, (line, changes) in enumerate(groups.items(), start=1):
        _present(changes[0], number, len(groups))
        answer = _ask()
        while answer == "o":
            typer.echo(f"summary: {changes[0].summary}")
            answer = _ask()
        if answer == "q":
            break
        if answer in ("a", "m"):
            accepted += changes
        if answer == "m":
            entry = next(e for e in proposal.reading_list.top_level if e.line == line)
            read = mark_read(proposal.reading_list, entry, proposal.judgments[line])
            accepted += [read] if read else []
        if answer == "r":
            rejected[changes[0].key] = line
    return accepted, rejected


def _ask() -> str:
    keys = " ".join(f"[{k}]{v[1:]}" for k, v in _CHOICES.items())
    while True:
        answer = str(typer.prompt(keys, default="s", show_default=False)).strip().lower()[:1]
        if answer in _CHOICES:
            return answer
        typer.echo(f"Please answer one of: {', '.join(_CHOICES)}")


def _present(change: Change, number: int, total: int) -> None:
    """The paper's summary as the reviewer needs it: TL;DR, verdict, rationale, quotes."""
    from rich.markdown import Markdown
    from rich.markup import escape
    from rich.panel import Panel

    from papersum.render import page_sections

    sections: dict[str, str] = {}
    if change.summary and Path(change.summary).is_file():
        sections = page_sections(Path(change.summary).read_text("utf-8", "replace"))
    body = "\n\n".join(
        [
            f"**{change.verdict}, {change.score}/10** — line {change.line}",
            f"**TL;DR** {sections.get('TL;DR', '(summary file missing)')}",
            sections.get("Relevance", change.rationale),
            f"_Proposed:_ `{change.after.strip()}`",
        ]
    )
    stdout().print(
        Panel(Markdown(body), title=escape(f"{number}/{total} · {change.title[:70]}"), title_align="left")
    )


def _same_options(*, include_maybe: bool, link: bool) -> str:
    """The options a hint must repeat to mean the same changes (``--out`` is remembered)."""
    return (" --include-maybe" if include_maybe else "") + (" --link" if link else "")


def _folder(reading_list: Path, out: Path | None) -> ListFolder:
    from papersum.workspace import ListFolder

    require_file(reading_list)
    return ListFolder(reading_list, out)


def _show(proposal: Proposal) -> None:
    """The diff (exact bytes, no styling), then one line per change with its reason."""
    from papersum.suggest import apply_changes, diff

    old = proposal.reading_list.render()
    new, _applied, _skipped = apply_changes(old, proposal.changes)
    typer.echo(diff(old, new, proposal.path.name), nl=False)  # stdout: fit for `git apply`
    for c in proposal.changes:
        typer.echo(f"line {c.line}: {c.title[:60]} — {c.verdict} {c.score}/10: {c.rationale[:120]}", err=True)


def _report(result: Applied, folder: ListFolder) -> None:
    for change, why in result.skipped:
        stderr().print(
            f"papersum: skipped line {change.target} ({change.title[:50]}): {why}",
            highlight=False,
            markup=False,
        )
    if result.applied:
        typer.echo(
            f"Wrote {len(result.applied)} change{'' if len(result.applied) == 1 else 's'} "
            f"to {folder.list_path}; "
            f"the list as it was is in {result.backup}."
        )
    folder.write_index({c.key for c in folder.proposal().changes})

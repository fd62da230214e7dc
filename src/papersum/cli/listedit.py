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
    shorten,
    stderr,
    stdout,
    warn,
)
from papersum.errors import ConfigError

if TYPE_CHECKING:
    from rich.console import Console

    from papersum.suggest import Applied, Change, Proposal
    from papersum.workspace import ListFolder

MaybeOpt = Annotated[
    bool, typer.Option("--include-maybe", help="Also propose ticks for papers judged 'maybe'.")
]
LinkOpt = Annotated[bool, typer.Option("--link", help="Also add a child line linking each paper's summary.")]
_CHOICES = {"a": "accept", "r": "reject", "s": "skip", "o": "open", "m": "mark read", "q": "quit"}
_DONE = {
    "a": "accepted: its Relevant? will be ticked",
    "r": "rejected: it will not be proposed again",
    "s": "skipped: it stays pending",
    "m": "accepted, and the entry is marked read",
}
_ASK_LINES = 4
"""Lines below the summary panel: the paper and keys line of ``_ask``, its answer, and a margin."""


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
    stderr().print(
        f"`papersum apply {reading_list}{same} --yes` writes these; `papersum review "
        f"{reading_list}{same}` goes through them one by one.",
        highlight=False,
        markup=False,
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
    same = _same_options(include_maybe=include_maybe, link=link)
    if not proposal.changes:
        maybes = 0 if include_maybe else len({c.line for c in folder.proposal(include_maybe=True).changes})
        typer.echo(
            "Nothing to review: no pending suggestions."
            + (
                f" `papersum review {folder.list_path} --include-maybe{same}` goes through the "
                f"{maybes} paper{'' if maybes == 1 else 's'} judged 'maybe'."
                if maybes
                else ""
            )
        )
        return
    try:
        accepted, rejected, left = _walk(proposal)
    except (KeyboardInterrupt, EOFError):
        warn("review interrupted; nothing was written")
        raise typer.Exit(130) from None
    if accepted or rejected:
        _report(folder.apply(accepted, rejected=rejected), folder)
    else:
        typer.echo("Nothing decided; the list is unchanged.")
    if rejected:
        typer.echo(f"{len(rejected)} rejected; they will not be proposed again.")
    if left:
        typer.echo(f"{left} left pending: `papersum review {folder.list_path}{same}` asks again.")


def _walk(proposal: Proposal) -> tuple[list[Change], dict[str, int], int]:
    """Ask about each paper's changes; returns the accepted changes, the rejected papers and how
    many papers were skipped or not reached."""
    from papersum.suggest import mark_read

    groups: dict[int, list[Change]] = {}
    for change in proposal.changes:
        groups.setdefault(change.line, []).append(change)
    accepted: list[Change] = []
    rejected: dict[str, int] = {}
    left = 0
    console = stdout()
    for number, (line, changes) in enumerate(groups.items(), start=1):
        change = changes[0]
        _present(console, change, number, len(groups))
        answer = _ask(console, change, number, len(groups))
        while answer == "o":
            _open(change.summary)
            answer = _ask(console, change, number, len(groups))
        if answer == "q":
            return accepted, rejected, left + len(groups) - number + 1
        left += answer == "s"
        if answer in ("a", "m"):
            accepted += changes
        if answer == "m":
            entry = next(e for e in proposal.reading_list.top_level if e.line == line)
            read = mark_read(proposal.reading_list, entry, proposal.judgments[line])
            accepted += [read] if read else []
        if answer == "r":
            rejected[change.key] = line
        console.print(f"→ line {line}: {_DONE[answer]}", highlight=False, markup=False)
    return accepted, rejected, left


def _ask(console: Console, change: Change, number: int, total: int) -> str:
    """The paper decided on and the keys, just above the prompt (they never scroll away); then
    one keypress in a terminal, or a line from a script (``PAPERSUM_INTERACTIVE``)."""
    import click

    single = sys.stdin.isatty()
    head = f"{number}/{total} · line {change.line} · {change.verdict} {change.score}/10 · "
    console.print(
        head + shorten(change.title, max(20, console.width - len(head) - 1)), highlight=False, markup=False
    )
    keys = " · ".join(f"{k} {v}" for k, v in _CHOICES.items())
    while True:
        if single:
            console.print(f"{keys}  (one key) ", end="", highlight=False, markup=False)
            typed = click.getchar()
            console.print(typed if typed.isprintable() else "")
            answer = "s" if typed in ("\r", "\n") else typed.lower()
        else:
            answer = str(typer.prompt(keys, default="s", show_default=False)).strip().lower()[:1]
        if answer in _CHOICES:
            return answer
        console.print(f"Please press one of: {', '.join(_CHOICES)}", highlight=False, markup=False)


def _present(console: Console, change: Change, number: int, total: int) -> None:
    """The paper's summary as the reviewer needs it (TL;DR, verdict, rationale, quotes), cut to
    leave the terminal room for the lines of ``_ask``."""
    from rich.markdown import Markdown
    from rich.panel import Panel

    from papersum.render import page_sections

    sections: dict[str, str] = {}
    if change.summary and Path(change.summary).is_file():
        sections = page_sections(Path(change.summary).read_text("utf-8", "replace"))
    body = "\n\n".join(
        [
            f"**{change.verdict}, {change.score}/10** — proposed: `{change.after.strip()}`",
            f"**TL;DR** {sections.get('TL;DR', '(summary file missing)')}",
            sections.get("Relevance", change.rationale),
        ]
    )
    panel = Panel(Markdown(body), title=f"{number}/{total}", title_align="left")
    room = max(6, console.height - _ASK_LINES)
    if len(console.render_lines(panel, console.options.update(height=None), pad=False)) > room:
        panel.height = room
        panel.subtitle, panel.subtitle_align = "o: the whole summary", "right"
    console.print(panel)


def _open(summary: str | None) -> None:
    """Show the summary page in ``$PAGER`` (or ``$EDITOR``) when one is set; else say where it is."""
    import shlex
    import subprocess

    viewer = os.environ.get("PAGER") or os.environ.get("EDITOR")
    if not summary or not viewer:
        typer.echo(
            f"summary: {summary or '(not written)'}"
            + ("" if viewer else "  (set $PAGER or $EDITOR to open it here)")
        )
        return
    try:
        subprocess.run([*shlex.split(viewer), summary], check=False)
    except OSError as exc:
        typer.echo(f"summary: {summary}  (could not start {viewer}: {exc.strerror or exc})")


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
        stderr().print(
            f"line {c.line}: {c.title[:60]} — {c.verdict} {c.score}/10: {c.rationale[:120]}",
            highlight=False,
            markup=False,
        )


def _report(result: Applied, folder: ListFolder) -> None:
    for change, why in result.skipped:
        warn(f"skipped line {change.target} ({change.title[:50]}): {why}")
    if result.applied:
        typer.echo(
            f"Wrote {len(result.applied)} change{'' if len(result.applied) == 1 else 's'} "
            f"to {folder.list_path}; "
            f"the list as it was is in {result.backup}."
        )
    folder.write_index({c.key for c in folder.proposal().changes})

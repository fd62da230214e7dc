"""The ``papersum`` command: a thin typer layer over the library; the only module that prints.

Heavy modules (pymupdf, rich, the pipeline) are imported inside the commands so that
``papersum --help`` starts fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from papersum.cli.common import (
    AlwaysOfflineOpt,
    JsonOpt,
    ListArg,
    OfflineOpt,
    OutOpt,
    Rows,
    app,
    arxiv_client,
    echo_json,
    holding_lock,
    lift_loudness,
    metadata_services,
    pdf_fetcher,
    require_file,
    stderr,
    stdout,
    telling,
    waiting_status,
    warn,
)
from papersum.errors import PapersumError

if TYPE_CHECKING:
    from papersum.models import Outcome
    from papersum.pipeline import RunOptions, RunReport
    from papersum.prompts import PromptSet
    from papersum.summarize import Summarizer
    from papersum.summarize.usage import Usage
    from papersum.workspace import ListFolder


@app.command()
def run(
    reading_list: ListArg,
    out: OutOpt = None,
    json_output: JsonOpt = False,
    backend: Annotated[
        str | None,
        typer.Option(
            metavar="auto|openai|extractive",
            help="Who writes the summaries [default: $PAPERSUM_BACKEND or auto].",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=64,
            help="Papers worked on at once [default: 1 for a model server "
            "on this machine or network, else 4].",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Summarize at most N papers this run.")] = None,
    match: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="Only entries whose title contains TEXT (any case)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Summarize again, replacing summaries (even hand-edited ones).")
    ] = False,
    offline: OfflineOpt = False,
    prompts: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="Prompt templates overriding the bundled ones."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            metavar="NAME", help="Model for the openai backend [default: $PAPERSUM_MODEL or gpt-5.4-mini]."
        ),
    ] = None,
    max_input_tokens: Annotated[
        int | None,
        typer.Option(
            min=2000,
            metavar="N",
            help="The most paper text sent in one model request "
            "[default: 16000]; longer papers are packed or read in parts.",
        ),
    ] = None,
) -> None:
    """Summarize every unread entry (top-level '- [ ]') of LIST.md into summaries/."""
    from papersum.config import choose_backend
    from papersum.pipeline import RunOptions
    from papersum.prompts import load_prompts
    from papersum.workspace import ListFolder

    require_file(reading_list)
    chosen, notice = choose_backend(backend)
    if notice:
        stderr().print(f"papersum: {notice}", highlight=False)
    if prompts is not None and not prompts.is_dir():
        raise typer.BadParameter(f"{prompts} is not a folder", param_hint="--prompts")
    prompt_set = load_prompts([reading_list.parent / "prompts", *([prompts] if prompts else [])])
    options = RunOptions(jobs=jobs, limit=limit, match=match, force=force, offline=offline)
    with ListFolder(reading_list, out) as folder, holding_lock(folder):
        summarizer, report = _run_locked(folder, chosen, prompt_set, options, model, max_input_tokens)
    if json_output:  # the outcomes on stdout, nothing else there
        echo_json(report.outcomes)
        if report.index_error:
            warn(f"the index was not updated: {report.index_error}")
        if (usage := summarizer.usage_line()) is not None:
            stderr().print(usage, highlight=False, markup=False)
    else:
        _print_report(report, folder.out_dir)
        _print_usage(summarizer)
        _print_proposal(report, reading_list)
    if report.interrupted:
        if report.cancelled_requests:
            warn(f"cancelled {report.cancelled_requests} model request(s) in flight")
        warn("interrupted; finished summaries are kept, run again to resume")
        raise typer.Exit(130)
    raise typer.Exit(1 if report.failed else 0)


def _run_locked(
    folder: ListFolder,
    chosen: str,
    prompt_set: PromptSet,
    options: RunOptions,
    model: str | None,
    max_input_tokens: int | None,
) -> tuple[Summarizer, RunReport]:
    """The run itself, the folder's lock held."""
    from papersum.config import model_name
    from papersum.pipeline import run_list
    from papersum.summarize import make_summarizer

    offline = options.offline
    api, fetcher, services = arxiv_client(offline), pdf_fetcher(), metadata_services(folder.store, offline)
    try:
        summarizer = make_summarizer(
            chosen,
            prompt_set,
            log=folder.store,
            model=model_name(model),
            max_input_tokens=max_input_tokens,
            examples=folder.store.examples(),
        )
        report = _run_with_progress(
            lambda planned, done: run_list(
                folder,
                summarizer,
                prompt_set,
                options,
                fetcher=fetcher,
                api=api,
                services=services,
                on_planned=planned,
                on_outcome=done,
            ),
            summarizer.usage if summarizer.model else None,
        )
    except KeyboardInterrupt:
        warn("interrupted; finished summaries are kept, run again to resume")
        raise typer.Exit(130) from None
    finally:
        fetcher.close()
        services.close()
    return summarizer, report


def _print_proposal(report: RunReport, reading_list: Path) -> None:
    """The checkbox changes the summaries suggest (not applied), and how to review them."""
    changes = report.proposal.changes if report.proposal else []
    if not changes:
        maybes = sum(o.verdict == "maybe" for o in report.outcomes)
        if maybes:
            stdout().print(
                f"{maybes} papers judged 'maybe': `papersum suggest {reading_list} "
                "--include-maybe` proposes Relevant? ticks for them too.",
                highlight=False,
                markup=False,
            )
        return
    table = Rows("line", "paper", "verdict", "change", title="Proposed checkbox changes (not applied)")
    for c in changes:
        table.add(str(c.line), c.title, f"{c.verdict} {c.score}/10", c.after.strip())
    console = stdout()
    table.print(console)
    console.print(
        f"{len(changes)} suggestion{'' if len(changes) == 1 else 's'} pending: "
        f"review them with `papersum review {reading_list}` "
        f"(or `papersum suggest` / `papersum apply`).",
        highlight=False,
        markup=False,
    )


def _print_usage(summarizer: Summarizer) -> None:
    """The HTTP requests made to the model server, its token counts and the cost (with a model)."""
    line = summarizer.usage_line()
    if line is not None:
        stdout().print(line, highlight=False, markup=False)


def _run_with_progress(start: Any, usage: Usage | None = None) -> RunReport:
    """Run with a progress bar; with a model server, it also counts the tokens streaming in."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TimeElapsedColumn
    from rich.text import Text

    from papersum.net import WAITS

    class Streamed(ProgressColumn):
        def render(self, task: Any) -> Text:
            waiting = WAITS.describe()
            if waiting:
                return Text(waiting)
            return Text(f"{usage.streamed:,} tokens from the model" if usage and usage.streamed else "")

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        Streamed(),
        console=stderr(),
        transient=True,
    ) as progress:
        task = progress.add_task("resolving", total=None)

        def planned(total: int) -> None:
            progress.update(task, total=total, description="summarizing")

        def done(outcome: Outcome) -> None:
            progress.advance(task)
            progress.console.print(
                f"{_mark(outcome)} line {outcome.line}: {outcome.title[:70]}", highlight=False, markup=False
            )

        with telling(progress.console):
            report: RunReport = start(planned, done)
        return report


def _print_report(report: RunReport, out_dir: Path) -> None:
    console = stdout()
    if report.unread == 0:
        console.print("No unread entries (top-level '- [ ]' items) in the list: nothing to do.")
        return
    table = Rows(
        "line",
        "paper",
        "outcome",
        "score",
        "verdict / reason",
        title=f"{len(report.outcomes)} of {report.unread} unread entries",
    )
    for o in report.outcomes:
        detail = " — ".join(filter(None, [o.verdict, o.message]))
        table.add(str(o.line), o.title, o.status, "" if o.score is None else str(o.score), detail)
    table.print(console)
    counts = {s: sum(o.status == s for o in report.outcomes) for s in ("summarized", "skipped", "failed")}
    console.print(
        ", ".join(f"{n} {s}" for s, n in counts.items()) + f"; summaries in {out_dir}/", highlight=False
    )
    if report.index_error:
        warn(f"the index was not updated: {report.index_error}")


def _mark(outcome: Outcome) -> str:
    return {"summarized": "✓", "skipped": "·", "failed": "✗"}[outcome.status]


@app.command()
def resolve(reading_list: ListArg, offline: OfflineOpt = False, json_output: JsonOpt = False) -> None:
    """How each unread entry maps to a paper (local file, arXiv, DOI, landing page, title search
    on arXiv, OpenAlex and Semantic Scholar); no downloads."""
    from papersum.models import resolution_of
    from papersum.resolve import Resolver
    from papersum.workspace import ListFolder

    require_file(reading_list)
    folder = ListFolder(reading_list)
    entries = folder.read().unread
    api = arxiv_client(offline)
    services = metadata_services(folder.store, offline)
    resolver = Resolver(folder.folder, folder.store, api, services)
    try:
        with waiting_status(f"resolving {len(entries)} unread entries"):
            refs = resolver.resolve(entries)
    except KeyboardInterrupt:
        warn("interrupted; what was resolved is cached, run again to resume")
        raise typer.Exit(130) from None
    finally:
        folder.close()
        services.close()
    rows = [resolution_of(entry, ref) for entry, ref in zip(entries, refs, strict=True)]
    if json_output:
        echo_json(rows)
    else:
        _print_resolutions(rows)
    failed = any(ref.status == "unresolved" for ref in refs)
    raise typer.Exit(1 if failed else 0)


def _print_resolutions(rows: list[Any]) -> None:
    table = Rows("line", "paper", "status", "resolved to", "via", "warnings")
    for r in rows:
        paper = r.arxiv_id or r.doi or (r.pdf_url or "")
        table.add(str(r.line), r.title, r.status, paper, r.source or "", "\n".join(r.warnings))
    table.print(stdout())
    counts = {s: sum(r.status == s for r in rows) for s in ("resolved", "local", "unresolved")}
    stdout().print(", ".join(f"{n} {s}" for s, n in counts.items()), highlight=False)


@app.command()
def status(
    reading_list: ListArg,
    out: OutOpt = None,
    json_output: JsonOpt = False,
    offline: AlwaysOfflineOpt = False,
) -> None:
    """One row per entry: read?, resolved to, summarized?, verdict, score."""
    from papersum.status import list_status
    from papersum.workspace import ListFolder

    require_file(reading_list)
    with ListFolder(reading_list, out) as folder:
        rows = list_status(folder)
        calibrated = folder.store.calibration()
    if json_output:
        echo_json(rows)
        return
    table = Rows("line", "read", "paper", "resolved to", "via", "summarized", "verdict", "score", "review")
    for r in rows:
        table.add(
            str(r.line),
            "x" if r.read else "",
            r.title,
            r.resolved_to or "",
            r.found_via or "",
            "yes" if r.summarized else ("failed" if r.error else ""),
            r.verdict or "",
            "" if r.score is None else str(r.score),
            r.review or "",
        )
    table.print()
    if calibrated is not None:
        judged, agreed, auc, when = calibrated
        auc_text = f", AUC {auc:.2f}" if auc is not None else ""
        typer.echo(
            f"Your judgments: papersum agreed with {agreed} of {judged}{auc_text} "
            f"(papersum calibrate, {when[:10]})."
        )


def main() -> None:
    """Entry point: run the app; user errors become one line on stderr, never a traceback."""
    code = 0
    try:
        app(args=lift_loudness(sys.argv[1:]))  # typer reports usage errors itself (exit 2)
    except PapersumError as exc:
        typer.echo(f"papersum: error: {exc}", err=True)
        code = 2
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    # Everything is written, flushed and closed by now (files atomically, the state on close);
    # tearing down the imported modules (openai's alone are thousands of classes) would add
    # up to half a second to every command, so leave at once.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


from papersum.cli import calibrate as _calibrate  # noqa: E402, F401  (registers calibrate)
from papersum.cli import extract as _extract  # noqa: E402, F401  (registers extract)
from papersum.cli import listedit  # noqa: E402, F401  (registers suggest, apply and review)

"""``papersum calibrate``: the user's own judgments against papersum's (see ``papersum.calibrate``).
Registered on the app of ``papersum.cli``."""

from __future__ import annotations

from papersum.cli.common import (
    ListArg,
    OfflineOpt,
    OutOpt,
    Rows,
    app,
    arxiv_client,
    holding_lock,
    metadata_services,
    pdf_fetcher,
    require_file,
    stderr,
    stdout,
    warn,
)


@app.command()
def calibrate(reading_list: ListArg, out: OutOpt = None, offline: OfflineOpt = False) -> None:
    """Score the papers you have judged (read entries with Relevant? ticked or not, and your
    review decisions), show how often papersum agrees, and keep them as examples that later
    offline judgments lean toward."""
    from papersum.calibrate import calibrate as run_calibration
    from papersum.calibrate import user_judgments
    from papersum.prompts import load_prompts
    from papersum.resolve import Resolver
    from papersum.summarize.extractive import ExtractiveSummarizer
    from papersum.workspace import ListFolder

    require_file(reading_list)
    with ListFolder(reading_list, out) as folder, holding_lock(folder):
        if not user_judgments(folder):
            stdout().print(
                "No judgments yet: tick or untick the Relevant? box of entries you have read "
                "(- [x]), or accept or reject suggestions with `papersum review`, then run "
                "calibrate again. Nothing was changed.",
                highlight=False,
            )
            return
        judge = ExtractiveSummarizer(load_prompts([reading_list.parent / "prompts"]).profile)
        services = metadata_services(folder.store, offline)
        resolver = Resolver(folder.folder, folder.store, arxiv_client(offline), services, folder.inbox)
        try:
            with stderr().status("reading the papers you judged"):
                result = run_calibration(folder, resolver, None if offline else pdf_fetcher(), judge)
        finally:
            services.close()
    table = Rows("line", "paper", "you", "papersum", "read from", "agree")
    for j in result.judged:
        agree = "yes" if (j.verdict == "relevant") == j.relevant else "NO"
        you = ("relevant" if j.relevant else "not relevant") + (" (review)" if j.source == "review" else "")
        table.add(str(j.line), j.title, you, f"{j.score} {j.verdict}", j.read_from, agree)
    table.print()
    console = stdout()
    for relevant in (True, False):
        counts = ", ".join(
            f"{result.confusion[relevant, v]} {v}" for v in ("relevant", "maybe", "not-relevant")
        )
        console.print(
            f"you marked {'relevant' if relevant else 'not relevant'}: papersum said {counts}",
            highlight=False,
        )
    auc = f"; AUC {result.auc:.2f}" if result.auc is not None else " (AUC needs papers of both kinds)"
    total = len(result.judged)
    console.print(f"papersum agrees with {result.agreed} of {total} of your judgments{auc}.", highlight=False)
    if total:
        console.print(
            f"Kept {total} examples: later offline judgments move up to 2 points toward your "
            "nearest judged papers.",
            highlight=False,
        )
    for line, title, why in result.unread:
        warn(f"line {line} ({title[:60]}) could not be read: {why}")

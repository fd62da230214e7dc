"""Suggested ``Relevant?`` ticks: only those lines change, byte for byte everything else stays."""

from __future__ import annotations

import difflib
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from papersum.cli import app
from papersum.readinglist import parse_reading_list
from papersum.suggest import Judgment, apply_changes, diff, mark_read, propose
from papersum.workspace import ListFolder

from .arxiv_server import ArxivStandIn
from .conftest import DATA, RunCli

REAL = (DATA / "reading-list.md").read_text()


def judge_all(text: str, verdict: str = "relevant") -> dict[int, Judgment]:
    """Every top-level entry judged ``verdict``, each as its own paper."""
    entries = parse_reading_list(text).top_level
    return {e.line: Judgment(f"k{e.line}", verdict, 8, "Music and video.") for e in entries}  # type: ignore[arg-type]


def applied(text: str, **kwargs: object) -> str:
    changes = propose(parse_reading_list(text), judge_all(text), set(), **kwargs)  # type: ignore[arg-type]
    new, _done, skipped = apply_changes(text, changes)
    assert skipped == []
    return new


def changed_lines(old: str, new: str) -> list[str]:
    """The lines a change removed (-) and added (+)."""
    return [d for d in difflib.ndiff(old.splitlines(True), new.splitlines(True)) if d[:1] in "+-"]


def test_on_the_real_list_only_relevant_lines_change() -> None:
    new = applied(REAL)
    changes = changed_lines(REAL, new)
    assert changes and all(
        line[2:].strip() in ("- [ ] Relevant?", "- [x] Relevant?")
        or line[2:].rstrip("\n") == "- [ ] **VideoBERT**"
        for line in changes
    )
    assert [e.relevant_box.checked for e in parse_reading_list(new).top_level if e.relevant_box] == [
        True
    ] * len(parse_reading_list(new).top_level)
    assert new.endswith("- [ ] **VideoBERT**\n    - [x] Relevant?")  # still no final newline
    assert "\t- [x] Relevant\n" in new and "\t- [x] Relevant?\n" in new  # the user's tabs kept
    assert applied(new) == new  # nothing left to do


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "- [ ] **A**\r\n  - [ ] Relevant?\r\n- [ ] **B**\r\n",
            "- [ ] **A**\r\n  - [x] Relevant?\r\n- [ ] **B**\r\n  - [x] Relevant?\r\n",
        ),
        (
            "- [ ] **A**\n\t- [ ] notes  \n- [ ] **B**",
            "- [ ] **A**\n\t- [ ] notes  \n\t- [x] Relevant?\n- [ ] **B**\n\t- [x] Relevant?",
        ),
        (
            "- [ ] **A**\n  - [X] relevant\n- [ ] **A**\n   - [ ] Relevant\n",
            "- [ ] **A**\n  - [X] relevant\n- [ ] **A**\n   - [x] Relevant\n",
        ),
        (
            "\ufeff* [ ] **A**\n\n  Some notes under A.\n* [ ] **B**\n",
            "\ufeff* [ ] **A**\n    - [x] Relevant?\n\n  Some notes under A.\n* [ ] **B**\n    - [x] Relevant?\n",
        ),
    ],
    ids=["crlf", "tabs-and-no-final-newline", "ticked-and-no-question-mark", "bom-and-notes"],
)
def test_adversarial_lists(before: str, after: str) -> None:
    assert applied(before) == after


def test_maybe_is_proposed_only_when_asked() -> None:
    text = "- [ ] **A**\n"
    judgments = {1: Judgment("a", "maybe", 5, "Audio only.")}
    assert propose(parse_reading_list(text), judgments, set()) == []
    assert len(propose(parse_reading_list(text), judgments, set(), include_maybe=True)) == 1


def test_decided_papers_are_not_proposed_again() -> None:
    assert propose(parse_reading_list("- [ ] **A**\n"), judge_all("- [ ] **A**\n"), {"k1"}) == []


def test_a_line_edited_since_the_suggestion_is_skipped() -> None:
    text = "- [ ] **A**\n    - [ ] Relevant?\n- [ ] **B**\n    - [ ] Relevant?\n"
    changes = propose(parse_reading_list(text), judge_all(text), set())
    edited = text.replace("- [ ] **B**\n    - [ ] Relevant?", "- [ ] **B**\n    - [ ] Relevant? (ask Ana)")
    new, done, skipped = apply_changes(edited, changes)
    assert [c.line for c in done] == [1] and [c.line for c, _why in skipped] == [3]
    assert new == edited.replace("    - [ ] Relevant?\n- [ ] **B**", "    - [x] Relevant?\n- [ ] **B**")
    assert "line 4 changed since the suggestion was made" in skipped[0][1]


def test_link_adds_a_child_linking_the_summary(tmp_path: Path) -> None:
    text = "- [ ] **A**\n    - [ ] Relevant?\n"
    judged = {1: Judgment("a", "relevant", 9, "Yes.", tmp_path / "summaries" / "a.md")}
    changes = propose(parse_reading_list(text), judged, set(), link_dir=tmp_path)
    assert apply_changes(text, changes)[0] == (
        "- [ ] **A**\n    - [x] Relevant?\n    - [papersum summary](<summaries/a.md>)\n"
    )


def test_the_diff_says_when_the_last_line_has_no_newline() -> None:
    assert diff("a\nb", "a\nb\nc", "list.md").endswith(
        "-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n"
    )


def test_a_crash_between_backup_and_replace_keeps_the_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listing = tmp_path / "list.md"
    listing.write_text("- [ ] **A**\n    - [ ] Relevant?\n")
    original = listing.read_bytes()
    changes = propose(parse_reading_list(listing.read_text()), judge_all(listing.read_text()), set())
    real_replace = os.replace

    def crash_on_the_list(src: str, dst: str | Path) -> None:
        if Path(dst) == listing:
            raise OSError("disk full")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash_on_the_list)
    with pytest.raises(OSError, match="disk full"), ListFolder(listing) as folder:
        folder.apply(changes)
    assert listing.read_bytes() == original
    (backup,) = (tmp_path / ".papersum" / "backups").iterdir()
    assert backup.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == [".papersum", "list.md"]  # no temp file


@pytest.fixture
def summarized(papersum: RunCli, arxiv: ArxivStandIn, tmp_path: Path) -> Path:
    """A copy of the real list, run against the arXiv stand-in: 16 summaries, 15 relevant."""
    listing = tmp_path / "reading-list.md"
    shutil.copy(DATA / "reading-list.md", listing)
    result = papersum("run", listing, env={"PAPERSUM_ARXIV_API": arxiv.api})
    assert "15 suggestions pending: review them with `papersum review" in result.stdout
    return listing


def test_suggest_then_apply_on_the_real_list(papersum: RunCli, summarized: Path) -> None:
    original = summarized.read_text()
    suggestion = papersum("suggest", summarized)
    assert suggestion.returncode == 0 and summarized.read_text() == original
    body = [line for line in suggestion.stdout.splitlines()[2:] if line[:1] in "+-"]
    assert sum(line == "+    - [x] Relevant?" for line in body) == 15
    assert sum(line == "-    - [ ] Relevant?" for line in body) == 9  # and 6 boxes added
    assert [line for line in body if "Relevant?" not in line] == [  # the last line gains a newline
        "-- [ ] **VideoBERT**",
        "+- [ ] **VideoBERT**",
    ]
    assert "line 38: VideoBERT — relevant 8/10" in suggestion.stderr

    result = papersum("apply", summarized, "--yes")
    assert result.returncode == 0, result.stderr
    (backup,) = (summarized.parent / ".papersum" / "backups").iterdir()
    assert backup.read_text() == original
    changes = changed_lines(original, summarized.read_text())
    assert [line for line in changes if "Relevant?" not in line] == [
        "- - [ ] **VideoBERT**",
        "+ - [ ] **VideoBERT**\n",
    ]  # only gains the newline it needs
    assert (
        "| 9 | relevant | [Deep audio-visual learning: A survey](<2001.04758.md>) | 7 | accepted |"
        in (summarized.parent / "summaries" / "index.md").read_text()
    )

    after = summarized.read_bytes()
    again = papersum("apply", summarized, "--yes")
    assert "No checkbox changes to apply" in again.stdout and summarized.read_bytes() == after


def test_a_scripted_review(papersum: RunCli, summarized: Path) -> None:
    original = summarized.read_text()
    runner = CliRunner()
    result = runner.invoke(
        app,
        ["review", str(summarized)],
        input="o\na\nr\nq\n",
        env={"PAPERSUM_INTERACTIVE": "1", "COLUMNS": "120"},
    )
    assert result.exit_code == 0, result.output
    assert "1/15" in result.output and "Deep audio-visual learning" in result.output
    assert "summary: " in result.output and "2001.04758.md" in result.output  # "o" showed the path
    assert "Wrote 1 change to" in result.output and "1 rejected" in result.output
    assert changed_lines(original, summarized.read_text()) == ["+     - [x] Relevant?\n"]
    assert (
        "- [ ] **Deep audio-visual learning: A survey** [Link](https://arxiv.org/abs/2001.04758)\n"
        "    - [x] Relevant?\n- [ ] E. Shlizerman"
    ) in summarized.read_text()

    pending = papersum("suggest", summarized, "--json")
    keys = [c["key"] for c in json.loads(pending.stdout)]
    assert "2001.04758" not in keys and "1712.09382" not in keys  # accepted, and rejected
    assert len(keys) == 13
    status = papersum("status", summarized, "--json").stdout
    assert '"review": "rejected"' in status and '"review": "accepted"' in status


def test_review_without_a_terminal(papersum: RunCli, summarized: Path) -> None:
    result = papersum("review", summarized)
    assert result.returncode == 2
    assert "review needs a terminal to ask you; use `papersum suggest`" in result.stderr


def test_mark_read_ticks_the_entry_itself_and_nothing_else() -> None:
    text = "- [ ] **A** [pdf](a.pdf)\r\n    - [ ] Relevant?\r\n"
    reading_list = parse_reading_list(text)
    judged = Judgment("a", "relevant", 9, "Yes.")
    read = mark_read(reading_list, reading_list.top_level[0], judged)
    assert read is not None and read.after == "- [x] **A** [pdf](a.pdf)"
    ticks = propose(reading_list, {1: judged}, set())
    assert apply_changes(text, [*ticks, read])[0] == "- [x] **A** [pdf](a.pdf)\r\n    - [x] Relevant?\r\n"

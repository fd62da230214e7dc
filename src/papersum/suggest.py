"""Summaries + reading list → ``Relevant?`` checkbox changes, shown as a diff, applied safely.

A change names the one line it touches and that line's exact text, so applying it to a list the
user has edited since is checked line by line: a change whose line is no longer what it was is
skipped, the others still apply. Applying keeps every other byte: line endings, tabs, trailing
spaces, a missing final newline. Everything here is pure; ``workspace.ListFolder`` reads the
file and the state, and writes them when asked.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from papersum.models import Entry, Verdict
from papersum.readinglist import ReadingList, parse_reading_list

Action = Literal["tick", "add", "link", "read"]
_BOX = re.compile(r"^(?P<lead>[ \t]*[-*+][ \t]+)\[ \]")
_ENDING = re.compile(r"\r?\n$")
_ORDER: dict[Action, int] = {"tick": 0, "read": 0, "add": 1, "link": 2}
"""Changes after the same line are applied last-first, so ``add`` lands above ``link``."""


class Change(BaseModel):
    """One proposed edit of the list: a line ticked, or a line inserted after ``target``."""

    model_config = ConfigDict(frozen=True)

    line: int
    title: str
    key: str
    verdict: Verdict
    score: int
    rationale: str
    action: Action
    target: int
    before: str
    after: str
    summary: str | None = None


@dataclass(frozen=True)
class Judgment:
    """What the state says of the paper an entry resolved to."""

    key: str
    verdict: Verdict
    score: int
    rationale: str
    summary_file: Path | None = None


@dataclass
class Proposal:
    """The list as read, and the changes proposed for it."""

    path: Path
    reading_list: ReadingList
    changes: list[Change]
    judgments: dict[int, Judgment] = field(default_factory=dict)


@dataclass
class Applied:
    """What applying changes to the list file did."""

    applied: list[Change]
    skipped: list[tuple[Change, str]]
    backup: Path | None


def propose(
    reading_list: ReadingList,
    judgments: dict[int, Judgment],
    decided: set[str],
    *,
    include_maybe: bool = False,
    link_dir: Path | None = None,
) -> list[Change]:
    """The changes for every judged entry whose suggestion the user has not decided on.

    ``relevant`` ticks (or adds) the entry's ``Relevant?`` box; ``maybe`` too with
    ``include_maybe``. With ``link_dir`` (the list's folder) a link to the summary is added too.
    """
    wanted = {"relevant", "maybe"} if include_maybe else {"relevant"}
    usual = _usual_indent(reading_list)
    changes: list[Change] = []
    for entry in reading_list.top_level:
        judged = judgments.get(entry.line)
        if judged is None or judged.key in decided or judged.verdict not in wanted:
            continue
        box = _relevant_change(reading_list, entry, judged, usual)
        if box is not None:
            changes.append(box)
        if link_dir is not None and judged.summary_file is not None:
            changes += _link_change(reading_list, entry, judged, link_dir, usual)
    return changes


def mark_read(reading_list: ReadingList, entry: Entry, judged: Judgment) -> Change | None:
    """The change that ticks the entry itself (the user read it), if it is not ticked yet."""
    before = _bare(reading_list.lines[entry.line - 1])
    after = _ticked(before)
    if after == before:
        return None
    return _change(entry, judged, "read", entry.line, before, after)


def apply_changes(text: str, changes: list[Change]) -> tuple[str, list[Change], list[tuple[Change, str]]]:
    """``text`` with the changes whose lines are still as they were; the applied and the skipped."""
    lines = parse_reading_list(text).lines
    out = list(lines)
    applied: list[Change] = []
    skipped: list[tuple[Change, str]] = []
    for change in sorted(changes, key=lambda c: (c.target, _ORDER[c.action]), reverse=True):
        index = change.target - 1  # bottom-up: nothing above this line has moved yet
        if index >= len(lines) or _bare(lines[index]) != change.before:
            skipped.append(
                (change, f"line {change.target} changed since the suggestion was made; run suggest again")
            )
            continue
        if change.action in ("tick", "read"):
            out[index] = change.after + _ending_of(out[index])
        else:
            ending = _ending_of(out[index]) or _dominant_ending(lines)
            if not _ending_of(out[index]):  # the last line had no newline: it gets one, the new
                out[index] += ending  # last line keeps the file's missing final newline
                ending = ""
            out.insert(index + 1, change.after + ending)
        applied.append(change)
    return "".join(out), applied[::-1], skipped


def diff(old: str, new: str, name: str) -> str:
    """A unified diff of the list, as ``git diff`` would show it (with its note on a last line
    that has no newline)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    return "".join(
        line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n" for line in lines
    )


def _relevant_change(reading_list: ReadingList, entry: Entry, judged: Judgment, usual: str) -> Change | None:
    box = entry.relevant_box
    if box is not None:
        if box.checked:
            return None  # already ticked, by the user or an earlier apply
        before = _bare(reading_list.lines[box.line - 1])
        return _change(entry, judged, "tick", box.line, before, _ticked(before))
    end = _block_end(reading_list, entry)
    indent = entry.children[0].indent if entry.children else usual
    return _change(entry, judged, "add", end, _bare(reading_list.lines[end - 1]), f"{indent}- [x] Relevant?")


def _link_change(
    reading_list: ReadingList, entry: Entry, judged: Judgment, list_dir: Path, usual: str
) -> list[Change]:
    assert judged.summary_file is not None
    target = Path(os.path.relpath(judged.summary_file.resolve(), list_dir.resolve())).as_posix()
    end = _block_end(reading_list, entry)
    block = "".join(reading_list.lines[entry.line - 1 : end])
    if target in block:
        return []
    indent = entry.children[0].indent if entry.children else usual
    line = f"{indent}- [papersum summary](<{target}>)"
    return [_change(entry, judged, "link", end, _bare(reading_list.lines[end - 1]), line)]


def _change(entry: Entry, judged: Judgment, action: Action, target: int, before: str, after: str) -> Change:
    return Change(
        line=entry.line,
        title=entry.title,
        key=judged.key,
        verdict=judged.verdict,
        score=judged.score,
        rationale=judged.rationale,
        action=action,
        target=target,
        before=before,
        after=after,
        summary=str(judged.summary_file) if judged.summary_file else None,
    )


def _block_end(reading_list: ReadingList, entry: Entry) -> int:
    """The last line of the entry's block: the entry and the indented lines right after it."""
    end = entry.line
    for line in reading_list.lines[entry.line :]:
        if not line.strip() or line[0] not in " \t":
            break
        end += 1
    return end


def _usual_indent(reading_list: ReadingList) -> str:
    """The indentation the list's children use most (for an entry with no children of its own),
    else four spaces."""
    usual = Counter(c.indent for e in reading_list.top_level for c in e.children).most_common(1)
    return usual[0][0] if usual else "    "


def _ticked(line: str) -> str:
    """The checklist line with its box ticked (unchanged if it has no unticked box)."""
    return _BOX.sub(r"\g<lead>[x]", line, count=1)


def _bare(line: str) -> str:
    return _ENDING.sub("", line)


def _ending_of(line: str) -> str:
    match = _ENDING.search(line)
    return match.group(0) if match else ""


def _dominant_ending(lines: tuple[str, ...]) -> str:
    endings = Counter(_ending_of(line) for line in lines if _ending_of(line))
    return endings.most_common(1)[0][0] if endings else "\n"

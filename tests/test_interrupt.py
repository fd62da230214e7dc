"""Ctrl-C mid-run: finished summaries stay, nothing is half-written, and a re-run resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from papersum.errors import Cancelled
from papersum.runner import Turns

from .conftest import make_pdf

PARAGRAPH = (
    "We study how musicians move while they play, and how the sound of each instrument "
    "follows the gestures seen in the video of the performance. "
) * 12


PAPERS = 8
"""Enough that the run is still busy when the test, told of the first paper, sends Ctrl-C, even
on a loaded machine where the test itself waits its turn for a core."""


def test_ctrl_c_keeps_finished_work_and_a_rerun_resumes(tmp_path: Path, interruptible: None) -> None:
    lines = []
    for n in range(PAPERS):
        sections = [(f"{i}. Part {i}", PARAGRAPH) for i in range(1, 120)]
        make_pdf(tmp_path / f"p{n}.pdf", f"Long Paper Number {n}", sections)
        lines.append(f"- [ ] **Long paper {n}** [pdf](p{n}.pdf)\n")
    listing = tmp_path / "list.md"
    listing.write_text("".join(lines))
    command = [sys.executable, "-m", "papersum", "run", str(listing), "--jobs", "1"]
    env = {**os.environ, "COLUMNS": "200", "PAPERSUM_CACHE_DIR": str(tmp_path / "cache")}
    with subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    ) as proc:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("✓"):
                proc.send_signal(signal.SIGINT)
                break
        stderr = proc.stderr.read()
        stdout = proc.stdout.read() if proc.stdout else ""
        proc.wait(timeout=60)
    assert proc.returncode == 130
    assert "interrupted; finished summaries are kept, run again to resume" in stderr
    assert "unread entries" in stdout  # the table of what was done is still printed
    summaries = tmp_path / "summaries"
    done = {p.name for p in summaries.iterdir()}
    assert 1 <= len(done - {"index.md"}) < PAPERS
    assert not any(name.endswith(".tmp") for name in done)

    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert again.returncode == 0
    finished = len(done - {"index.md"})
    assert f"{PAPERS - finished} summarized, {finished} skipped, 0 failed" in again.stdout


def test_ctrl_c_stops_a_paper_waiting_for_its_turn_at_once() -> None:
    # one paper at the model at a time: the next waits for its turn; Ctrl-C must stop it then,
    # not when the paper at the model next ends (its request may take minutes)
    turns = Turns(1, threading.Event())
    outcome: list[str] = []

    def second() -> None:
        try:
            with turns.turn(1):
                outcome.append("summarized")
        except Cancelled:
            outcome.append("stopped")

    with turns.turn(0):  # the first paper is with the model throughout
        waiting = threading.Thread(target=second)
        waiting.start()
        time.sleep(0.1)  # the second is waiting for its turn
        turns.stop()
        waiting.join(timeout=2)
        assert outcome == ["stopped"]

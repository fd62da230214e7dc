"""``kill -9`` in the middle of a run: the re-run finishes the job, asks the model nothing twice
for a paper whose summary was written, and no file is left half-written."""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from papersum.render import is_hand_edited

from .conftest import CLOSED_PORT_API, RunCli, make_pdf
from .openai_server import FakeOpenAI, paper_of
from .papers import MUSIC_VIDEO

PAPERS = 8


def test_a_killed_run_resumes_without_repeating_work(papersum: RunCli, tmp_path: Path) -> None:
    lines = []
    for i in range(1, PAPERS + 1):
        make_pdf(tmp_path / f"p{i}.pdf", f"Paper Number {i} on Music Videos", MUSIC_VIDEO)
        lines.append(f"- [ ] **Paper Number {i} on Music Videos** [pdf](p{i}.pdf)\n")
    listing = tmp_path / "list.md"
    listing.write_text("".join(lines))
    summaries = tmp_path / "summaries"
    model = FakeOpenAI(latency=0.4).start()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "OPENAI_BASE_URL": model.base_url,
        "PAPERSUM_CACHE_DIR": str(tmp_path / "cache"),
        "PAPERSUM_ARXIV_API": CLOSED_PORT_API,
    }
    try:
        run = subprocess.Popen(
            [sys.executable, "-m", "papersum", "run", str(listing), "--jobs", "2"],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while len(list(summaries.glob("paper-*.md"))) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        run.send_signal(signal.SIGKILL)
        run.wait()
        written = {p.name for p in summaries.glob("paper-*.md")}
        assert 3 <= len(written) < PAPERS  # killed midway
        asked_before = len(model.requests)

        result = papersum("run", listing, env={"OPENAI_BASE_URL": model.base_url})
    finally:
        model.stop()
    assert result.returncode == 0, result.stdout + result.stderr
    done = re.search(r"(\d+) summarized, (\d+) skipped, 0 failed", result.stdout)
    assert done is not None, result.stdout
    # a page written but not yet recorded when the kill came is made again, from the cached answer
    assert int(done[1]) + int(done[2]) == PAPERS and int(done[2]) in (len(written), len(written) - 1)

    asked = [paper_of(request).splitlines()[0] for request in model.requests]
    for i in range(1, PAPERS + 1):
        count = asked.count(f"# Paper Number {i} on Music Videos")
        if f"paper-number-{i}-on-music-videos.md" in written:
            assert count == 1, f"paper {i} was summarized before the kill, yet asked {count} times"
        else:
            assert count in (1, 2)  # asked again only if its request was in flight at the kill
    assert len(asked) <= PAPERS + 2  # two workers: at most two requests were in flight
    assert asked_before >= len(written)

    pages = sorted(summaries.glob("*.md"))
    assert len(pages) == PAPERS + 1  # and the index
    assert not any(is_hand_edited(p.read_text()) for p in pages if p.name != "index.md")
    assert [p.name for p in summaries.iterdir() if p.name.startswith(".")] == []  # no temp files
    with sqlite3.connect(tmp_path / ".papersum" / "state.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM papers WHERE status = 'summarized'").fetchone() == (PAPERS,)


def test_only_the_temp_files_of_dead_processes_are_removed(tmp_path: Path) -> None:
    import os

    from papersum.fsio import remove_stale_temps

    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    dead = tmp_path / f".x.md.pid{finished.stdout.strip()}.abc123.tmp"
    mine = tmp_path / f".y.md.pid{os.getpid()}.def456.tmp"
    other = tmp_path / ".hidden-notes.md"
    for path in (dead, mine, other):
        path.write_text("half")
    assert remove_stale_temps(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, other.name])

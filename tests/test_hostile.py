"""What papersum survives, one case per test: hostile files, failing writes, mistaken arguments.
Each fails with one clear line for that entry (or the command), never a traceback, and nothing in
the list is lost. (More cases live beside their step: test_extract, test_fetch, test_kill, …)"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from papersum.errors import ExtractError
from papersum.extract import extract_paper
from papersum.net import Patience, Transient, retry_transient

from .arxiv_server import ArxivStandIn
from .conftest import CLOSED_PORT, EXAMPLES, RunCli

PITCH_SPIRAL = "deep-convolutional-networks-on-the-pitch-spiral-for-musical-instrument"
HARMONIX = "the-harmonix-set-beats-downbeats-and-functional-segment-annotations-of-western"


def test_a_wrecked_pdf_is_called_corrupt_not_scanned(tmp_path: Path) -> None:
    """Most of the file overwritten: mupdf repairs what it can and finds no text. That is damage,
    not a scan (a scan's pages are images: test_extract covers it)."""
    data = bytearray((EXAMPLES / "papers" / "nieto-ismir2019-harmonix-set.pdf").read_bytes())
    noise = random.Random(2)
    for i in range(len(data) // 100, len(data) * 99 // 100):
        data[i] = noise.randrange(256)
    wrecked = tmp_path / "wrecked.pdf"
    wrecked.write_bytes(bytes(data))
    with pytest.raises(
        ExtractError,
        match=r"wrecked\.pdf is corrupt: mupdf had to repair it \(.+\) and its pages hold no readable text",
    ):
        extract_paper(wrecked)


def test_a_summary_that_cannot_be_written_fails_that_entry_only(papersum: RunCli, example: Path) -> None:
    """A page path that cannot be written (here a folder is in its way; a read-only folder or a full
    disk fail the same way): that entry fails with one line, the others are summarized."""
    (example.parent / "summaries" / f"{HARMONIX}.md").mkdir(parents=True)
    before = example.read_bytes()
    result = papersum("run", example)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    out = " ".join(result.stdout.split())
    assert "3 summarized, 0 skipped, 1 failed" in out
    (failure,) = [r["error"] for r in json.loads(papersum("status", example, "--json").stdout) if r["error"]]
    assert failure.startswith(f"cannot write {example.parent / 'summaries' / HARMONIX}.md (")
    assert failure.endswith("check that folder's permissions and free space, then run again")
    assert (example.parent / "summaries" / "index.md").is_file()
    assert not [p for p in (example.parent / "summaries").iterdir() if p.name.startswith(".")]
    assert example.read_bytes() == before


def test_an_index_that_cannot_be_written_leaves_the_summaries(papersum: RunCli, example: Path) -> None:
    (example.parent / "summaries" / "index.md").mkdir(parents=True)
    result = papersum("run", example)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "4 summarized, 0 skipped, 0 failed" in result.stdout
    assert "papersum: the index was not updated: cannot write" in " ".join(result.stderr.split())


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF file"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a zip archive"),
        (b"\x00\x01\x02binary\x00data", "a binary file"),
    ],
)
def test_a_list_that_is_not_text_says_what_it_is(
    papersum: RunCli, tmp_path: Path, content: bytes, kind: str
) -> None:
    listing = tmp_path / "paper.pdf"
    listing.write_bytes(content)
    result = papersum("status", listing)
    assert result.returncode == 2
    assert f"is {kind}" in result.stderr and "not a Markdown reading list" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_and_short_help(papersum: RunCli) -> None:
    from papersum import __version__

    version = papersum("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"papersum {__version__}"
    short = papersum("-h")
    assert short.returncode == 0 and "calibrate" in short.stdout and "--version" in short.stdout
    assert papersum("run", "-h").stdout.startswith("Usage:")


def test_verdicts_are_spelled_one_way(papersum: RunCli, example: Path) -> None:
    """The index, the page and the front matter all say "not-relevant" (as --json does)."""
    papersum("run", example)
    index = (example.parent / "summaries" / "index.md").read_text()
    assert "| not-relevant |" in index and "not relevant" not in index


def test_a_second_writer_waits_then_names_the_holder(papersum: RunCli, example: Path) -> None:
    from papersum.lock import folder_lock

    with folder_lock(example.parent / ".papersum", wait=0):
        result = papersum("run", example, env={"PAPERSUM_LOCK_WAIT": "0.5"})
    assert result.returncode == 2
    err = " ".join(result.stderr.split())
    assert "papersum: waiting up to 0.5 s for `papersum" in err
    assert f"(pid {os.getpid()}, since " in err
    assert "is working on this list's folder" in err and "Traceback" not in err
    assert not (example.parent / "summaries").exists()  # nothing was done
    after = papersum("run", example)  # the lock is free again
    assert after.returncode == 0 and "4 summarized" in after.stdout


def test_a_lock_left_by_a_killed_process_is_taken_over(papersum: RunCli, example: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from papersum.lock import folder_lock\n"
            "with folder_lock(Path(sys.argv[1]), wait=0):\n    print('held', flush=True); time.sleep(60)",
            str(example.parent / ".papersum"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    assert (example.parent / ".papersum" / "lock.json").exists()  # what the dead holder left
    result = papersum("run", example, env={"PAPERSUM_LOCK_WAIT": "0"})
    assert result.returncode == 0 and "waiting" not in result.stderr


def test_two_runs_at_once_do_the_work_once(papersum: RunCli, example: Path) -> None:
    """The second waits for the first, then finds every paper summarized."""
    first = subprocess.Popen(
        [sys.executable, "-m", "papersum", "run", str(example)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PAPERSUM_CACHE_DIR": str(example.parent / "cache"), "COLUMNS": "200"},
    )
    second = papersum("run", example, env={"PAPERSUM_LOCK_WAIT": "60"})
    out, _err = first.communicate(timeout=60)
    runs = sorted([" ".join(out.split()), " ".join(second.stdout.split())])
    assert first.returncode == 0 and second.returncode == 0
    assert sum("4 summarized, 0 skipped" in r for r in runs) == 1
    assert sum("0 summarized, 4 skipped" in r for r in runs) == 1


def test_a_paper_listed_twice_is_proposed_once(papersum: RunCli, example: Path) -> None:
    """The second entry is skipped as the same paper; only the first line gets a proposal, and the
    count printed is the number of rows shown."""
    text = example.read_text()
    twice = "- [ ] **Deep Convolutional Networks on the Pitch Spiral for Musical Instrument Recognition** [PDF](papers/lostanlen-ismir2016-pitch-spiral.pdf)\n    - [ ] Relevant?\n"
    example.write_text(text + twice)
    run = papersum("run", example)
    assert "same paper as line 7" in run.stdout
    suggestion = papersum("suggest", example, "--include-maybe", "--json")
    lines = [c["line"] for c in json.loads(suggestion.stdout)]
    assert len(lines) == len(set(lines)) and 11 not in lines and 12 not in lines  # the second listing
    assert any(line in (7, 8) for line in lines)  # the first listing of the paper


def test_out_is_remembered_for_the_list(papersum: RunCli, example: Path) -> None:
    """After `run --out notes`, status, suggest and the next run look in notes/ without being told."""
    assert papersum("run", example, "--out", example.parent / "notes").returncode == 0
    rows = json.loads(papersum("status", example, "--json").stdout)
    assert sum(r["summarized"] for r in rows) == 4
    assert all(r["summary"].startswith(str(example.parent / "notes")) for r in rows if r["summarized"])
    again = papersum("run", example)
    assert (
        "0 summarized, 4 skipped" in again.stdout
        and "summaries in " + str(example.parent / "notes") in again.stdout
    )
    assert not (example.parent / "summaries").exists()


def test_hints_repeat_the_options_that_matter(papersum: RunCli, example: Path) -> None:
    papersum("run", example)
    review = papersum("review", example, "--link", env={"PAPERSUM_INTERACTIVE": "1"})
    assert f"`papersum review {example} --include-maybe --link` goes through the 2 papers judged 'maybe'" in (
        " ".join(review.stdout.split())
    )
    suggestion = papersum("suggest", example, "--include-maybe")
    hint = " ".join(suggestion.stderr.split())
    assert f"`papersum apply {example} --include-maybe --yes` writes these" in hint
    assert f"`papersum review {example} --include-maybe` goes through them" in hint
    applied = papersum("apply", example, "--include-maybe", "--yes")
    assert "Wrote 2 changes" in applied.stdout  # what the hint promised, not "no changes"


def test_run_json_puts_only_the_outcomes_on_stdout(papersum: RunCli, example: Path) -> None:
    result = papersum("run", example, "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)  # nothing but the JSON array
    assert [(r["line"], r["status"]) for r in rows] == [(line, "summarized") for line in (5, 7, 8, 10)]
    assert {r["verdict"] for r in rows} <= {"relevant", "maybe", "not-relevant"}
    assert all(Path(r["summary_path"]).is_file() for r in rows)
    again = json.loads(papersum("run", example, "--json").stdout)
    assert [r["message"] for r in again] == ["already summarized"] * 4


class Silent:
    """A server that accepts connections and never answers a byte."""

    def __init__(self) -> None:
        import socket
        import threading

        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.held.append(connection)

    def close(self) -> None:
        self.socket.close()
        for connection in self.held:
            connection.close()


def test_a_silent_arxiv_is_given_up_on_in_time_and_reported_once(papersum: RunCli, tmp_path: Path) -> None:
    silent = Silent()
    listing = tmp_path / "list.md"
    listing.write_text(
        "- [ ] **VideoBERT: A Joint Model for Video and Language Representation Learning**\n"
        "- [ ] **ViLBERT** [Link](https://arxiv.org/abs/1908.02265)\n"
        "- [ ] **Audio to Body Dynamics**\n"
    )
    started = time.monotonic()
    try:
        result = papersum(
            "resolve",
            listing,
            env={"PAPERSUM_ARXIV_API": f"{silent.url}/api/query", "PAPERSUM_NETWORK_PATIENCE": "3"},
        )
    finally:
        silent.close()
    assert time.monotonic() - started < 20  # the patience (3 s), not 4 attempts of 20 s
    assert result.returncode == 1 and "Traceback" not in result.stderr
    arxiv = f"the arXiv API at {silent.url}/api/query"
    assert f"papersum: still waiting for {arxiv} after " in result.stderr  # what is waited on
    assert result.stderr.count(f"{arxiv} failed (no answer in 3 s; not asked again this run)") == 1
    rows = [line for line in result.stdout.splitlines() if line[:1].isdigit()][:-1]  # not the counts
    assert len(rows) == 3
    assert all("the arXiv API, OpenAlex and Semantic Scholar could not be asked this run" in r for r in rows)
    assert all(len(line) < 200 for line in result.stderr.splitlines())  # whole lines, none repeated


def test_a_silent_service_spends_its_patience_once_for_the_whole_run() -> None:
    calls: list[float] = []

    def no_answer() -> None:
        calls.append(time.monotonic())
        time.sleep(0.2)
        raise Transient("timed out")

    patience = Patience("a silent service", budget=0.5)
    started = time.monotonic()
    with pytest.raises(Transient, match=r"no answer in 0.5 s; not asked again this run"):
        retry_transient(no_answer, backoff=0.1, patience=patience)
    assert time.monotonic() - started < 1.0 and len(calls) <= 3
    with pytest.raises(Transient, match="not asked again"):  # later calls are not even tried
        retry_transient(no_answer, patience=patience)
    assert len(calls) <= 3


def test_a_busy_service_that_answers_spends_no_patience() -> None:
    answers = iter([Transient("HTTP 429", retry_after=0.05, answered=True), None])

    def busy_then_fine() -> str:
        failure = next(answers)
        if failure is not None:
            raise failure
        return "ok"

    patience = Patience("a busy service", budget=0.01)
    assert retry_transient(busy_then_fine, patience=patience) == "ok"
    assert patience.spent == 0


def in_terminal(args: list[str | Path], keys: str, env: dict[str, str], cwd: Path) -> tuple[int, list[str]]:
    """Run papersum in an 80×24 pseudo-terminal, pressing one key (no Enter) at each prompt;
    returns the exit status and, per prompt and for the end, what the screen showed since the last."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # the child: papersum itself
        os.chdir(cwd)
        os.execve(sys.executable, [sys.executable, "-m", "papersum", *map(str, args)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    screens, text, pending = [], "", list(keys)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child is gone
                break
            if not chunk:
                break
            text += re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", chunk.decode("utf-8", "replace")).replace("\r", "")
        if "(one key)" in text:
            screen, text = text.split("(one key)", 1)
            screens.append(screen)
            time.sleep(0.5)  # as a person would: a key pressed before the terminal is raw is dropped
            os.write(fd, pending.pop(0).encode() if pending else b"q")
    screens.append(text)
    if time.monotonic() >= deadline:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), screens


def test_review_fits_an_80_by_24_terminal_one_key_at_a_time(
    papersum: RunCli, example: Path, tmp_path: Path
) -> None:
    assert papersum("run", example).returncode == 0
    opened = tmp_path / "opened.txt"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "TERM": "xterm",
        "COLUMNS": "80",
        "LINES": "24",
        "PAPERSUM_CACHE_DIR": str(tmp_path / "cache"),
        "PAGER": f"sh -c 'echo \"$0\" >> {opened}'",
    }
    before = example.read_text()
    code, screens = in_terminal(["review", example, "--include-maybe"], "oar", env, example.parent)
    assert code == 0, screens
    first, again, second, end = screens  # a paper, the same after `o`, the next paper, the end
    for screen, paper in ((first, "1/2 · line 7"), (again, "1/2 · line 7"), (second, "2/2 · line 8")):
        lines = screen.strip("\n").splitlines()
        assert lines[-2].startswith(f"{paper} · maybe 6/10 · ")  # at the prompt: which paper, how judged
        assert lines[-1].startswith("a accept · r reject · s skip · o open · m mark read · q quit")
        if screen is not again:  # the summary's panel, top to bottom, and the prompt fit the screen
            top = max(i for i, text in enumerate(lines) if text.startswith("╭"))
            assert len(lines) - top <= 24 and "o: the whole summary" in screen  # it had to be cut
    assert "Deep Convolutional Networks on the Pitch Spiral" in first.splitlines()[-2]
    assert opened.read_text() == f"{example.parent}/summaries/{PITCH_SPIRAL}.md\n"  # `o` → $PAGER
    assert "→ line 7: accepted: its Relevant? will be ticked" in second
    assert "→ line 8: rejected: it will not be proposed again" in end
    assert "Wrote 1 change to" in end and "1 rejected" in end
    assert example.read_text() != before


def test_no_cost_or_tokens_for_requests_no_server_answered(papersum: RunCli, example: Path) -> None:
    result = papersum(
        "run", example, env={"OPENAI_BASE_URL": f"{CLOSED_PORT}/v1", "OPENAI_API_KEY": "sk-test"}
    )
    assert result.returncode == 1 and "cannot reach the model server" in result.stdout
    usage = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(
        r"\S+: no request was answered \(\d+ refused or unanswered\); no tokens, no cost", usage
    )
    with sqlite3.connect(example.parent / ".papersum" / "state.sqlite") as db:
        costs = db.execute("SELECT cost_usd, input_tokens, counted_by FROM model_calls").fetchall()
    assert costs and all(row == (None, 0, "none") for row in costs)


def test_quiet_keeps_results_and_errors_only(papersum: RunCli, example: Path) -> None:
    quiet = papersum("run", example, "-q")  # -q after the command works too
    assert quiet.returncode == 0 and quiet.stderr == ""  # no notice, progress or hint
    assert "4 summarized, 0 skipped, 0 failed" in quiet.stdout
    missing = papersum("--quiet", "status", example.parent / "nope.md")
    assert missing.returncode == 2 and "nope.md does not exist" in missing.stderr  # errors still show


def test_loading_the_embedding_model_leaves_the_processs_logging_as_it_was() -> None:
    # wordllama runs logging.basicConfig(level=INFO) on import: once the relevance model had
    # loaded (in a worker, at a moment that varies), every INFO record of the run printed on
    # stderr, under -q too ("INFO:papersum.runner:line 10: read 8 pages …"); a fresh process,
    # as the library is imported once
    code = (
        "import logging\n"
        "from papersum.summarize.semantic import Meaning\n"
        "assert Meaning('audio-visual music').load()\n"
        "logging.getLogger('papersum.runner').info('read 8 pages')\n"
    )
    _assert_runs_quietly(code)


def _assert_runs_quietly(code: str) -> None:
    """``code`` run in a fresh Python process (wordllama is imported once a process) succeeds and
    writes nothing on stderr."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (0, "")


def test_records_logged_while_the_embedding_model_loads_stay_quiet_too() -> None:
    # CI on a clean clone: a worker extracting a PDF logged "read 8 pages" in the moment the
    # relevance model was being imported, between wordllama's basicConfig and its undoing, and
    # the record printed under -q; here a thread logs all through the import
    code = (
        "import logging, threading\n"
        "from papersum.summarize.semantic import Meaning\n"
        "done = threading.Event()\n"
        "def extract():\n"
        "    while not done.is_set():\n"
        "        logging.getLogger('papersum.runner').info('read 8 pages')\n"
        "worker = threading.Thread(target=extract)\n"
        "worker.start()\n"
        "assert Meaning('audio-visual music').load()\n"
        "done.set()\n"
        "worker.join()\n"
    )
    _assert_runs_quietly(code)


def test_verbose_says_what_papersum_does(papersum: RunCli, example: Path, arxiv: ArxivStandIn) -> None:
    example.write_text(
        example.read_text()
        + "- [ ] **Deep audio-visual learning: A survey** [Link](https://arxiv.org/abs/2001.04758)\n"
    )
    result = papersum("-v", "run", example, "--match", "survey", env={"PAPERSUM_ARXIV_API": arxiv.api})
    assert result.returncode == 0, result.stderr
    said = result.stderr
    assert (
        '[papersum.pipeline] line 11: resolved via link: arXiv 2001.04758 "Deep Audio-Visual Learning' in said
    )
    assert f"[httpx] HTTP Request: GET {arxiv.base}/pdf/2001.04758" in said  # every HTTP request
    assert "[papersum.fetch] 2001.04758: downloaded" in said
    assert re.search(r"\[papersum.runner\] line 11: read \d+ pages, \d+ sections", said)
    again = papersum(
        "run", example, "--match", "survey", "--force", "-v", env={"PAPERSUM_ARXIV_API": arxiv.api}
    )
    assert "[papersum.fetch] 2001.04758: the PDF is in the cache" in again.stderr
    assert papersum("-q", "-v", "status", example).returncode == 2  # opposite asks: a usage error

"""papersum as a user runs it: the README's commands on the bundled example, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import RunCli, make_pdf

EXAMPLE_KEYS = {
    "further-steps-towards-a-standard-testbed-for-optical-music-recognition",
    "deep-convolutional-networks-on-the-pitch-spiral-for-musical-instrument",
    "the-harmonix-set-beats-downbeats-and-functional-segment-annotations-of-western",
    "reproducibility-report-identifying-essential-genes-by-mutagenesis",
}


def _summaries(list_path: Path) -> dict[str, str]:
    folder = list_path.parent / "summaries"
    return {p.stem: p.read_text() for p in folder.glob("*.md") if p.name != "index.md"}


def test_run_the_bundled_example(papersum: RunCli, example: Path) -> None:
    before = example.read_bytes()
    result = papersum("run", example)
    assert result.returncode == 0, result.stderr
    assert set(_summaries(example)) == EXAMPLE_KEYS
    assert example.read_bytes() == before
    assert "4 summarized, 0 skipped, 0 failed" in result.stdout
    assert "using the offline extractive backend" in result.stderr
    index = (example.parent / "summaries" / "index.md").read_text()
    assert index.index("pitch-spiral") < index.index("identifying-essential-genes")
    assert "`" not in result.stderr and "Traceback" not in result.stderr
    # the pitch spiral and the Harmonix set (music from audio alone); the OMR testbed is far in meaning
    assert f"2 papers judged 'maybe': `papersum suggest {example} --include-maybe`" in result.stdout


def test_a_rerun_does_no_work(papersum: RunCli, example: Path) -> None:
    papersum("run", example)
    first = _summaries(example)
    again = papersum("run", example)
    assert again.returncode == 0
    assert "0 summarized, 4 skipped, 0 failed" in again.stdout
    assert again.stdout.count("already summarized") == 4
    assert _summaries(example) == first


def test_force_summarizes_again(papersum: RunCli, example: Path) -> None:
    papersum("run", example)
    result = papersum("run", example, "--force", "--match", "harmonix")
    assert "1 summarized, 0 skipped, 0 failed" in result.stdout


def test_match_and_limit(papersum: RunCli, example: Path) -> None:
    result = papersum("run", example, "--match", "DEEP conv")
    assert set(_summaries(example)) == {
        "deep-convolutional-networks-on-the-pitch-spiral-for-musical-instrument"
    }
    assert "1 of 4 unread entries" in result.stdout
    result = papersum("run", example, "--limit", "2")
    assert "2 summarized" in result.stdout and len(_summaries(example)) == 3


def test_a_hand_edited_summary_is_kept_unless_forced(papersum: RunCli, example: Path) -> None:
    papersum("run", example, "--match", "harmonix")
    page = (
        example.parent
        / "summaries"
        / "the-harmonix-set-beats-downbeats-and-functional-segment-annotations-of-western.md"
    )
    edited = page.read_text() + "\nMy own notes.\n"
    page.write_text(edited)
    (example.parent / ".papersum").rename(example.parent / "old-state")  # forget the run
    result = papersum("run", example, "--match", "harmonix")
    assert "kept your hand-edited summary; --force replaces it" in result.stdout
    assert page.read_text() == edited
    papersum("run", example, "--match", "harmonix", "--force")
    assert "My own notes." not in page.read_text()


def test_one_bad_pdf_does_not_stop_the_others(papersum: RunCli, tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"<html><body>Access denied</body></html>")
    make_pdf(tmp_path / "good.pdf", "A Good Paper", [("Abstract", "We present a good paper here.")])
    listing = tmp_path / "list.md"
    listing.write_text(
        "- [ ] **Broken** [pdf](broken.pdf)\n- [ ] **Good** [pdf](good.pdf)\n"
        "- [ ] **Missing** [pdf](missing.pdf)\n- [ ] **Online** [x](https://arxiv.org/abs/2001.04758)\n"
    )
    result = papersum("run", listing)
    assert result.returncode == 1
    assert "is an HTML page, not a PDF file" in result.stdout
    assert "the linked PDF missing.pdf does not exist" in result.stdout
    assert "the arXiv API at http://127.0.0.1:9/api/query failed (cannot connect" in result.stderr
    assert "the arXiv API, OpenAlex and Semantic Scholar could not be asked this run" in result.stdout
    assert "1 summarized, 0 skipped, 3 failed" in result.stdout
    assert (tmp_path / "summaries" / "good.md").is_file()


def test_offline_entries_needing_the_network_are_skipped(papersum: RunCli, tmp_path: Path) -> None:
    listing = tmp_path / "list.md"
    listing.write_text("- [ ] **VideoBERT**\n- [ ] **X** [Link](https://arxiv.org/abs/1801.02200)\n")
    result = papersum("run", listing, "--offline")
    assert result.returncode == 0
    assert result.stdout.count("needs the network (--offline)") == 2


def test_a_list_with_no_unread_entries(papersum: RunCli, tmp_path: Path) -> None:
    listing = tmp_path / "list.md"
    listing.write_text("- [x] **Read it**\n    - [x] Relevant?\n")
    result = papersum("run", listing)
    assert result.returncode == 0
    assert "No unread entries" in result.stdout


def test_a_missing_list_file(papersum: RunCli, tmp_path: Path) -> None:
    result = papersum("run", tmp_path / "nope.md")
    assert result.returncode == 2
    assert (
        result.stderr
        == f"papersum: error: {tmp_path / 'nope.md'} does not exist; give the path of your reading list\n"
    )


def test_a_list_that_is_not_utf8(papersum: RunCli, tmp_path: Path) -> None:
    listing = tmp_path / "list.md"
    listing.write_bytes("- [ ] **Über**\n".encode("latin-1"))
    result = papersum("run", listing)
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "is not UTF-8 text (byte 0xdc at offset 8); save it as UTF-8 and try again"
    )
    assert "Traceback" not in result.stderr


def test_the_openai_backend_without_a_key_is_a_usage_error(papersum: RunCli, example: Path) -> None:
    result = papersum("run", example, "--backend", "openai")
    assert result.returncode == 2
    assert result.stderr == (
        "papersum: error: the openai backend needs OPENAI_API_KEY (or OPENAI_BASE_URL "
        "for a local OpenAI-compatible server such as Ollama); set one, or use "
        "--backend extractive\n"
    )
    result = papersum("run", example, "--backend", "gpt")
    assert result.returncode == 2 and "unknown backend 'gpt'" in result.stderr


def test_status_json(papersum: RunCli, example: Path) -> None:
    papersum("run", example, "--match", "pitch spiral")
    result = papersum("status", example, "--json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert [(r["line"], r["read"], r["summarized"]) for r in rows] == [
        (3, True, False),
        (5, False, False),
        (7, False, True),
        (8, False, False),
        (10, False, False),
    ]
    assert rows[2]["verdict"] == "maybe" and rows[2]["score"] == 6
    assert rows[2]["resolved_to"] == "papers/lostanlen-ismir2016-pitch-spiral.pdf"


def test_status_reads_inbox_titles_once(papersum: RunCli, example: Path) -> None:
    # line 3 links arXiv, so every resolution looks for it in papers/ by title
    papersum("run", example)
    code = (
        "import sys; from pathlib import Path; from papersum.status import list_status; "
        "from papersum.workspace import ListFolder; "
        f"rows = list_status(ListFolder(Path({str(example)!r}))); "
        "print(len(rows), 'pymupdf' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["5", "False"]  # titles came from the state, not the PDFs


def test_help_does_not_import_heavy_modules() -> None:
    heavy = ("pymupdf", "rich", "openai", "arxiv", "httpx", "requests", "rapidfuzz", "tenacity")
    code = f"import sys, papersum.cli; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_status_looks_in_the_out_folder(papersum: RunCli, example: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "notes"
    papersum("run", example, "--match", "pitch spiral", "--out", elsewhere)
    assert (elsewhere / "deep-convolutional-networks-on-the-pitch-spiral-for-musical-instrument.md").is_file()
    remembered = json.loads(papersum("status", example, "--json").stdout)  # --out is remembered
    chosen = json.loads(papersum("status", example, "--json", "--out", elsewhere).stdout)
    assert [r["summarized"] for r in remembered] == [False, False, True, False, False]
    assert [r["summarized"] for r in chosen] == [False, False, True, False, False]
    other = json.loads(papersum("status", example, "--json", "--out", example.parent / "summaries").stdout)
    assert [r["summarized"] for r in other] == [False] * 5


def test_every_command_takes_the_common_options(papersum: RunCli, example: Path) -> None:
    # CONTRACT.md: --out and --offline are common options; --json on resolve, suggest and status
    papersum("run", example, "--offline")
    out = example.parent / "summaries"
    assert papersum("status", example, "--offline", "--out", out, "--json").returncode == 0
    assert papersum("resolve", example, "--offline", "--json").returncode == 0
    assert papersum("suggest", example, "--offline", "--out", out, "--json").stdout.strip() == "[]"
    assert papersum("apply", example, "--offline", "--out", out, "--yes").returncode == 0
    review = papersum("review", example, "--offline", "--out", out)
    assert review.returncode == 2 and "review needs a terminal" in review.stderr

"""``papersum run`` with the network: resolve with arXiv, download, summarize — against the local
arXiv stand-in, as a user runs it."""

from __future__ import annotations

import shutil
from pathlib import Path

from .arxiv_catalogue import EXPECTED
from .arxiv_server import ArxivStandIn, Fault
from .conftest import DATA, RunCli


def test_the_real_list_end_to_end(papersum: RunCli, arxiv: ArxivStandIn, tmp_path: Path) -> None:
    listing = tmp_path / "reading-list.md"
    shutil.copy(DATA / "reading-list.md", listing)
    env = {"PAPERSUM_ARXIV_API": arxiv.api}
    result = papersum("run", listing, env=env)
    assert result.returncode == 1, result.stderr  # three entries are not on arXiv
    found = {i for i in EXPECTED.values() if i}
    assert "16 summarized, 0 skipped, 3 failed" in result.stdout
    assert {p.stem for p in (tmp_path / "summaries").glob("*.md")} == found | {"index"}
    page = (tmp_path / "summaries" / "1712.09382.md").read_text()
    assert 'arxiv: "1712.09382"' in page and "list_line: 8" in page
    assert "mismatch: the link points to arXiv 2004.09476" in result.stdout
    assert listing.read_bytes() == (DATA / "reading-list.md").read_bytes()

    requests_before = len(arxiv.requests)
    again = papersum("run", listing, env=env)
    assert "0 summarized, 16 skipped, 3 failed" in again.stdout
    assert len(arxiv.requests) == requests_before  # resolution and PDFs all came from caches

    offline = papersum("run", listing, "--offline", "--force", "--out", tmp_path / "elsewhere", env=env)
    assert "16 summarized, 0 skipped, 3 failed" in offline.stdout
    assert len(arxiv.requests) == requests_before


def test_a_paywall_page_fails_one_entry_only(papersum: RunCli, arxiv: ArxivStandIn, tmp_path: Path) -> None:
    listing = tmp_path / "list.md"
    listing.write_text(
        "- [ ] **VideoBERT** [Link](https://arxiv.org/abs/1904.01766)\n"
        "- [ ] **ViLBERT** [Link](https://arxiv.org/abs/1908.02265)\n"
    )
    arxiv.add_faults("/pdf/1904.01766v1", Fault("html"))
    result = papersum("run", listing, env={"PAPERSUM_ARXIV_API": arxiv.api})
    assert result.returncode == 1
    assert "got an HTML page instead of a PDF" in result.stdout
    assert "1 summarized, 0 skipped, 1 failed" in result.stdout
    assert (tmp_path / "summaries" / "1908.02265.md").is_file()

    rerun = papersum("run", listing, env={"PAPERSUM_ARXIV_API": arxiv.api})
    assert "1 summarized, 1 skipped, 0 failed" in rerun.stdout  # the failed one is tried again

"""`papersum calibrate`: the user's own judgments (Relevant? boxes of read entries, review
decisions) scored, compared, kept as examples — with real papers' abstracts served by the arXiv
stand-in, as the arXiv API gives them."""

from __future__ import annotations

import json
import sqlite3
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from papersum.models import PaperText
from papersum.prompts import load_prompts
from papersum.store import Example
from papersum.summarize.extractive import ExtractiveSummarizer

from .arxiv_server import ArxivStandIn, Paper
from .conftest import DATA, RunCli, make_pdf
from .openai_server import FakeOpenAI
from .papers import MUSIC_VIDEO, MUSIC_VIDEO_TITLE

LABELLED = {
    p["id"].removeprefix("arXiv:"): p
    for p in tomllib.loads((DATA / "relevance_set.toml").read_text("utf-8"))["paper"]
    if p["id"].startswith("arXiv:")
}
TICKED = ["1804.03160", "2004.09476", "2101.08779"]  # Sound of Pixels, Music Gesture, AI Choreographer
UNTICKED = ["1612.04642", "1512.03385", "1804.03619"]  # Harmonic Networks, ResNet, Looking to Listen


@pytest.fixture
def arxiv() -> Iterator[ArxivStandIn]:
    papers = [Paper(i, LABELLED[i]["title"], abstract=LABELLED[i]["abstract"]) for i in TICKED + UNTICKED]
    server = ArxivStandIn(papers).start()
    yield server
    server.stop()


def judged_list(tmp_path: Path) -> Path:
    listing = tmp_path / "reading-list.md"
    lines = []
    for arxiv_id in TICKED + UNTICKED:
        box = "x" if arxiv_id in TICKED else " "
        lines.append(f"- [x] **{LABELLED[arxiv_id]['title']}** [arXiv](https://arxiv.org/abs/{arxiv_id})\n")
        lines.append(f"    - [{box}] Relevant?\n")
    lines.append("- [ ] **An unread paper** (no link)\n")
    listing.write_text("".join(lines))
    return listing


def test_calibrate_scores_the_users_judgments_and_keeps_them(
    papersum: RunCli, arxiv: ArxivStandIn, tmp_path: Path
) -> None:
    listing = judged_list(tmp_path)
    before = listing.read_bytes()
    result = papersum("calibrate", listing, env={"PAPERSUM_ARXIV_API": arxiv.api})
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "papersum agrees with 6 of 6 of your judgments; AUC 1.00." in out
    assert "you marked relevant: papersum said 3 relevant, 0 maybe, 0 not-relevant" in out
    assert "Kept 6 examples" in out
    assert out.count(" abstract ") == 6  # every paper read from its arXiv abstract, no PDF
    assert not any(r.path.startswith("/pdf/") for r in arxiv.requests)
    assert listing.read_bytes() == before
    with sqlite3.connect(tmp_path / ".papersum" / "state.sqlite") as db:
        kept = dict(db.execute("SELECT key, relevant FROM examples").fetchall())
    assert kept == {**dict.fromkeys(TICKED, 1), **dict.fromkeys(UNTICKED, 0)}

    status = papersum("status", listing)
    assert "Your judgments: papersum agreed with 6 of 6, AUC 1.00 (papersum calibrate, " in status.stdout


def test_no_judgments_changes_nothing(papersum: RunCli, tmp_path: Path) -> None:
    listing = tmp_path / "reading-list.md"
    listing.write_text("- [ ] **Unread**\n    - [ ] Relevant?\n- [x] **Read, no box**\n")
    result = papersum("calibrate", listing)
    assert result.returncode == 0
    assert result.stdout.startswith("No judgments yet:") and "Nothing was changed." in result.stdout
    assert (
        not (tmp_path / ".papersum" / "state.sqlite").exists()
        or not sqlite3.connect(tmp_path / ".papersum" / "state.sqlite")
        .execute("SELECT count(*) FROM examples")
        .fetchone()[0]
    )


def test_a_paper_moves_toward_the_users_nearest_judgment() -> None:
    """Music source separation from audio alone: the profile says "maybe"; a user who marked a
    close paper relevant lifts it, one who marked it not relevant lowers it, by 2 points at most."""
    demucs = next(p for p in LABELLED.values() if p["id"] == "arXiv:1911.13254")
    paper = PaperText(
        title=demucs["title"], abstract=demucs["abstract"], page_count=1, full_text="", sha256=""
    )
    profile = load_prompts([]).profile
    alone = ExtractiveSummarizer(profile).summarize(paper).summary.relevance
    near = "Singing voice and instrument source separation of music in the waveform domain with a U-Net."
    scores = {}
    for relevant in (True, False):
        example = Example("x", "Waveform music separation", near, relevant, "list", 3)
        judged = ExtractiveSummarizer(profile, [example]).summarize(paper).summary.relevance
        scores[relevant] = judged.score
        assert (
            "which you marked relevant" if relevant else "which you marked not relevant"
        ) in judged.rationale
    assert scores[False] < alone.score < scores[True]
    assert scores[True] - alone.score <= 2 and alone.score - scores[False] <= 2
    far = Example(
        "y", "Quantum chemistry", "Coupled-cluster reaction energies of metal complexes.", True, "list", 5
    )
    assert ExtractiveSummarizer(profile, [far]).summarize(paper).summary.relevance == alone


def test_the_model_sees_a_few_judged_papers_and_its_cache_knows(
    papersum: RunCli, arxiv: ArxivStandIn, tmp_path: Path
) -> None:
    listing = judged_list(tmp_path)
    make_pdf(tmp_path / "new.pdf", MUSIC_VIDEO_TITLE, MUSIC_VIDEO)
    judged = listing.read_text().replace("- [ ] **An unread paper** (no link)\n", "")
    listing.write_text(judged + f"- [ ] **{MUSIC_VIDEO_TITLE}** [pdf](new.pdf)\n")
    model = FakeOpenAI().start()
    env = {"PAPERSUM_ARXIV_API": arxiv.api, "OPENAI_BASE_URL": model.base_url, "PAPERSUM_MODEL": "m"}
    try:
        assert papersum("run", listing, env=env).returncode == 0
        assert papersum("calibrate", listing, env=env).returncode == 0
        assert papersum("run", listing, "--force", env=env).returncode == 0
    finally:
        model.stop()
    before, after = (json.dumps(r["messages"]) for r in model.requests)  # not answered from the cache
    assert "already judged" not in before
    assert "Papers this researcher has already judged" in after
    assert "- relevant: The Sound of Pixels" in after and "- not relevant: Harmonic Networks" in after

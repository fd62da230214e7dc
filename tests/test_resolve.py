"""Entries → papers: arXiv ids in every link form, title search, wrong links, the papers/ inbox —
through the real ``arxiv`` package talking to a local arXiv stand-in."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from papersum.arxiv_api import ArxivApi, arxiv_id_of
from papersum.links import slugify
from papersum.models import PaperRef
from papersum.readinglist import parse_reading_list
from papersum.resolve import Resolver
from papersum.store import Store

from .arxiv_catalogue import EXPECTED, MISMATCHED, SEARCHED
from .arxiv_server import ArxivStandIn, Paper
from .conftest import DATA, RunCli, make_pdf


@pytest.mark.parametrize(
    ("text", "arxiv_id"),
    [
        ("https://arxiv.org/abs/2001.04758", "2001.04758"),
        ("https://arxiv.org/abs/2001.04758v3", "2001.04758"),
        ("https://arxiv.org/pdf/2007.10984", "2007.10984"),
        ("https://arxiv.org/pdf/2007.10984v2.pdf", "2007.10984"),
        ("http://www.arxiv.org/pdf/1704.01279.pdf", "1704.01279"),
        ("https://export.arxiv.org/abs/1801.02200", "1801.02200"),
        ("https://ar5iv.labs.arxiv.org/html/2206.06488", "2206.06488"),
        ("https://ar5iv.org/abs/1908.03744", "1908.03744"),
        ("https://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001"),
        ("https://arxiv.org/abs/math.GT/0309136", "math.GT/0309136"),
        ("see arXiv:2105.07581v1, it is good", "2105.07581"),
        ("arXiv: 1612.08727", "1612.08727"),
        ("https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=10677849", None),
        ("https://paperswithcode.com/dataset/mir-st500", None),
        ("https://arxiv.org/abs/2001.047581", None),  # too many digits: not an id
        ("", None),
    ],
)
def test_arxiv_ids_in_every_link_form(text: str, arxiv_id: str | None) -> None:
    assert arxiv_id_of(text) == arxiv_id


def resolve_text(text: str, folder: Path, arxiv: ArxivStandIn | None) -> list[PaperRef]:
    """Resolve the entries of a list's text, as ``papersum resolve`` does."""
    store = Store(folder / ".papersum" / "state.sqlite")
    api = ArxivApi(arxiv.api, delay=0) if arxiv else None
    try:
        entries = [e for e in parse_reading_list(text).entries if e.unread]
        return Resolver(folder, store, api).resolve(entries)
    finally:
        store.close()


def test_the_real_list_resolves_to_the_right_papers(
    papersum: RunCli, arxiv: ArxivStandIn, tmp_path: Path
) -> None:
    listing = tmp_path / "reading-list.md"
    shutil.copy(DATA / "reading-list.md", listing)
    result = papersum("resolve", listing, "--json", env={"PAPERSUM_ARXIV_API": arxiv.api})
    assert result.returncode == 1, result.stderr  # lines 27, 31 and 33 are not on arXiv
    rows = {row["line"]: row for row in json.loads(result.stdout)}
    assert {line: row["arxiv_id"] for line, row in rows.items()} == EXPECTED
    assert {line for line, row in rows.items() if any("mismatch" in w for w in row["warnings"])} == MISMATCHED
    for line, arxiv_id in EXPECTED.items():
        row = rows[line]
        assert row["status"] == ("resolved" if arxiv_id else "unresolved")
        if arxiv_id:
            assert row["pdf_url"] == f"{arxiv.base}/pdf/{arxiv_id}v1"
            assert row["source"] == ("title-search" if line in SEARCHED else "link")
    assert "no confident match" in " ".join(rows[33]["warnings"])
    assert '"Music Gesture for Visual Sound Separation"' in rows[31]["warnings"][0]

    calls = arxiv.api_calls()
    lookups = [c for c in calls if c.params.get("id_list")]
    assert len(lookups) == 1 and len(lookups[0].params["id_list"].split(",")) == 13
    assert len(calls) - len(lookups) <= len(SEARCHED) + 2  # line 33 also by its title's two parts

    again = papersum("resolve", listing, "--json", env={"PAPERSUM_ARXIV_API": arxiv.api})
    assert json.loads(again.stdout) == json.loads(result.stdout)
    assert len(arxiv.api_calls()) == len(calls)  # everything came from the cache


def test_a_wrong_link_is_replaced_by_a_confident_title_match(arxiv: ArxivStandIn, tmp_path: Path) -> None:
    arxiv.papers["2901.00099"] = Paper(
        "2901.00099", "Skeleton-Based Audio-Visual Learning for Source Separation in Music Performances"
    )
    (ref,) = resolve_text(
        "- [ ] **Skeleton-based audio-visual learning for source separation in "
        "music performances** [Link](https://arxiv.org/abs/2004.09476)\n",
        tmp_path,
        arxiv,
    )
    assert (ref.status, ref.arxiv_id, ref.source) == ("resolved", "2901.00099", "title-search")
    assert ref.warnings[0].startswith('mismatch: the link points to arXiv 2004.09476 "Music Gesture')
    assert ref.warnings[1] == (
        'found by title search: arXiv 2901.00099 "Skeleton-Based '
        'Audio-Visual Learning for Source Separation in Music Performances"'
    )


def test_near_twins_are_left_unresolved_with_the_candidates(arxiv: ArxivStandIn, tmp_path: Path) -> None:
    arxiv.papers["2901.00100"] = Paper(
        "2901.00100", "VideoBERT: A Joint Model for Video and Language Representation Learning (Extended)"
    )
    (ref,) = resolve_text("- [ ] **VideoBERT**\n", tmp_path, arxiv)
    assert ref.status == "unresolved" and ref.arxiv_id is None
    assert ref.reason is not None and ref.reason.startswith('no confident match for "VideoBERT"')
    assert "1904.01766" in ref.reason and "2901.00100" in ref.reason


def test_the_papers_inbox_serves_paywalled_entries(arxiv: ArxivStandIn, tmp_path: Path) -> None:
    inbox = tmp_path / "papers"
    inbox.mkdir()
    make_pdf(
        inbox / "download (3).pdf",
        "Towards Efficient Audio-Visual Learners via Empowering "
        "Pre-trained Vision Transformers with Cross-Modal Adaptation",
        [("Abstract", "Text.")],
    )
    make_pdf(inbox / "2001.04758v2.pdf", "Some other title", [("Abstract", "Text.")])
    text = (
        "- [ ] **Towards Efficient Audio-Visual Learners via Empowering Pre-trained Vision "
        "Transformers with Cross-Modal Adaptation** [Link](https://ieeexplore.ieee.org/stamp/"
        "stamp.jsp?tp=&arnumber=10677849)\n"
        "- [ ] **Deep audio-visual learning: A survey** [Link](https://arxiv.org/abs/2001.04758)\n"
    )
    ieee, survey = resolve_text(text, tmp_path, arxiv)
    assert (ieee.status, ieee.source, ieee.pdf_path) == ("local", "local-file", inbox / "download (3).pdf")
    assert (survey.status, survey.arxiv_id, survey.pdf_path) == (
        "local",
        "2001.04758",
        inbox / "2001.04758v2.pdf",
    )
    assert arxiv.api_calls() == []


def test_an_inbox_of_near_twins_gives_no_wrong_paper(arxiv: ArxivStandIn, tmp_path: Path) -> None:
    inbox = tmp_path / "papers"
    inbox.mkdir()
    for n in (751, 752):
        make_pdf(
            inbox / f"paper-{n}.pdf",
            f"Audio-Visual Music Study {n}: Players, Gestures and Sound",
            [("Abstract", "Text.")],
        )
    text = (
        "- [ ] **Audio-Visual Music Study 5: Players, Gestures and Sound**\n"  # in neither PDF
        "- [ ] **Audio-Visual Music Study 752: Players, Gestures and Sound**\n"
        "- [ ] **Audio-Visual Music Study 751 - Players, Gestures, Sound**\n"  # as the user typed it
    )
    other, exact, typed = resolve_text(text, tmp_path, None)
    assert other.status != "local" and other.pdf_path is None  # not "Study 751" nor "752"
    assert exact.pdf_path == inbox / "paper-752.pdf"
    assert typed.pdf_path != inbox / "paper-752.pdf"  # 751 if any: never its twin


def test_a_direct_pdf_link_needs_no_api(arxiv: ArxivStandIn, tmp_path: Path) -> None:
    (ref,) = resolve_text(
        "- [ ] **A Workshop Paper** [pdf](https://example.org/files/paper.pdf)\n", tmp_path, arxiv
    )
    assert (ref.status, ref.source, ref.pdf_url) == (
        "resolved",
        "link",
        "https://example.org/files/paper.pdf",
    )
    assert arxiv.api_calls() == []


def test_an_unknown_arxiv_id_falls_back_to_the_title(arxiv: ArxivStandIn, tmp_path: Path) -> None:
    (ref,) = resolve_text(
        "- [ ] **WaveNet: A Generative Model for Raw Audio** [Link](https://arxiv.org/abs/2999.99999)\n",
        tmp_path,
        arxiv,
    )
    assert (ref.status, ref.arxiv_id, ref.source) == ("resolved", "1609.03499", "title-search")
    assert ref.warnings[0] == "the link names arXiv 2999.99999, which arXiv does not know"


def test_offline_uses_only_what_is_cached(arxiv: ArxivStandIn, tmp_path: Path) -> None:
    text = "- [ ] **VideoBERT**\n- [ ] **Audio to Body Dynamics** [x](https://arxiv.org/abs/1712.09382)\n"
    before = resolve_text(text, tmp_path, None)
    assert [r.status for r in before] == ["needs-network", "needs-network"]
    assert before[1].key == "1712.09382"
    resolve_text(text, tmp_path, arxiv)
    after = resolve_text(text, tmp_path, None)
    assert [(r.status, r.arxiv_id) for r in after] == [("resolved", "1904.01766"), ("resolved", "1712.09382")]


def test_resolve_offline_json_says_why(papersum: RunCli, tmp_path: Path) -> None:
    listing = tmp_path / "list.md"
    listing.write_text("- [ ] **VideoBERT**\n")
    result = papersum("resolve", listing, "--json", "--offline")
    assert json.loads(result.stdout) == [
        {
            "line": 1,
            "title": "VideoBERT",
            "status": "unresolved",
            "arxiv_id": None,
            "doi": None,
            "pdf_url": None,
            "source": None,
            "warnings": ["needs the network (--offline)"],
        }
    ]


def test_an_unreachable_api_fails_each_entry_once(papersum: RunCli, tmp_path: Path) -> None:
    listing = tmp_path / "list.md"
    listing.write_text("- [ ] **VideoBERT**\n- [ ] **ViLBERT** [Link](https://arxiv.org/abs/1908.02265)\n")
    result = papersum("resolve", listing)
    assert result.returncode == 1
    assert result.stdout.count("the arXiv API, OpenAlex and Semantic Scholar could not be asked") == 2
    assert result.stderr.count("the arXiv API at http://127.0.0.1:9/api/query failed (cannot connect") == 1
    assert result.stderr.count("cannot connect to OpenAlex") == 1  # why, once for the whole run
    assert "Traceback" not in result.stderr


def test_a_local_pdf_link(tmp_path: Path) -> None:
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "my paper.pdf").write_bytes(b"%PDF-1.7\n")
    (ref,) = resolve_text("- [ ] **My Paper** [pdf](<papers/my paper.pdf>)\n", tmp_path, None)
    assert (ref.status, ref.key, ref.source) == ("local", "my-paper", "local-file")
    assert ref.pdf_path == tmp_path / "papers" / "my paper.pdf"


def test_an_old_style_id_makes_a_safe_key(tmp_path: Path) -> None:
    (ref,) = resolve_text("- [ ] **Old** [abs](https://arxiv.org/abs/hep-th/9901001)\n", tmp_path, None)
    assert ref.key == "hep-th_9901001"


def test_slugs_end_on_a_whole_word() -> None:
    assert slugify("Über Klänge: a study of sound, ça va?") == "uber-klange-a-study-of-sound-ca-va"
    assert slugify("word " * 30, limit=12) == "word-word"


def test_an_obsidian_link_finds_the_pdf_by_name(tmp_path: Path) -> None:
    (tmp_path / "papers").mkdir()
    make_pdf(tmp_path / "papers" / "my paper.pdf", "My Paper", [("Abstract", "Text.")])
    (ref,) = resolve_text("- [ ] **My Paper** ![[my paper.pdf]]\n", tmp_path, None)
    assert (ref.status, ref.source, ref.pdf_path) == (
        "local",
        "local-file",
        tmp_path / "papers" / "my paper.pdf",
    )


def test_title_only_entries_are_searched_together(arxiv: ArxivStandIn, tmp_path: Path) -> None:
    from .arxiv_catalogue import PAPERS

    real = [p for p in PAPERS if not p.arxiv_id.startswith("29")]
    text = "".join(f"- [ ] **{p.title}**\n" for p in real)
    refs = resolve_text(text, tmp_path, arxiv)
    searches = [c for c in arxiv.api_calls() if not c.params.get("id_list")]

    alone = tmp_path / "one-by-one"  # the same entries, each resolved in a list of its own
    expected = []
    for n, paper in enumerate(real):
        (alone / str(n)).mkdir(parents=True)
        expected += resolve_text(f"- [ ] **{paper.title}**\n", alone / str(n), arxiv)
    assert [r.arxiv_id for r in refs] == [r.arxiv_id for r in expected]  # never another paper
    assert sum(r.arxiv_id == p.arxiv_id for r, p in zip(refs, real, strict=True)) >= len(real) - 2
    assert len(real) >= 20 and len(searches) <= len(real) // 10 + 1 + 2


def test_inbox_matches_kept_in_the_state_follow_the_files(tmp_path: Path) -> None:
    inbox = tmp_path / "papers"
    inbox.mkdir()
    make_pdf(
        inbox / "download.pdf",
        "Audio-Visual Music Study 7: Players, Gestures and Sound",
        [("Abstract", "Text.")],
    )
    text = "- [ ] **Audio-Visual Music Study 7: Players, Gestures and Sound**\n"
    (first,) = resolve_text(text, tmp_path, None)
    assert first.pdf_path == inbox / "download.pdf"
    with sqlite3.connect(tmp_path / ".papersum" / "state.sqlite") as db:
        kept = db.execute("SELECT file FROM inbox_matches").fetchall()
    assert kept == [("download.pdf",)]  # the next run looks it up instead of matching again

    make_pdf(inbox / "download.pdf", "A Different Paper Altogether About Chemistry", [("Abstract", "Other.")])
    (again,) = resolve_text(text, tmp_path, None)
    assert again.pdf_path is None  # the file changed: the kept match is not used

"""Shared fixtures: the bundled example, PDFs made with pymupdf, and the CLI run as a user runs it."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .arxiv_server import ArxivStandIn
    from .scholarly_server import ScholarlyStandIn

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
CLOSED_PORT_API = "http://127.0.0.1:9/api/query"
"""Where the CLI looks for arXiv unless a test starts a stand-in: nothing listens there."""
CLOSED_PORT = "http://127.0.0.1:9"
"""Where the CLI looks for OpenAlex and Semantic Scholar unless a test starts a stand-in."""


def pdf_bytes(title: str, sections: list[tuple[str, str]], *, encrypt: bool = False) -> bytes:
    """A text PDF: a large title, then each (heading, text) with a bold heading."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    doc.set_metadata({"title": title})
    y = 72.0
    page.insert_text((72, y), title, fontsize=18, fontname="hebo")
    y += 36
    for heading, text in sections:
        if y > 700:
            page, y = doc.new_page(), 72.0
        page.insert_text((72, y), heading, fontsize=11, fontname="hebo")
        y += 18
        for chunk in _chunks(text, 1500):  # a long section flows over pages
            if y > 740:
                page, y = doc.new_page(), 72.0
            box = pymupdf.Rect(72, y, 540, 790)
            rest = page.insert_textbox(box, chunk, fontsize=10, fontname="helv")
            if rest < 0:  # nothing was written: continue on a fresh page
                page, y = doc.new_page(), 72.0
                box = pymupdf.Rect(72, y, 540, 790)
                rest = page.insert_textbox(box, chunk, fontsize=10, fontname="helv")
            y += box.height - rest + 4
        y += 10
    options = {}
    if encrypt:
        options = {"encryption": pymupdf.PDF_ENCRYPT_AES_256, "user_pw": "secret", "owner_pw": "owner"}
    data: bytes = doc.tobytes(**options)
    doc.close()
    return data


def _chunks(text: str, size: int) -> list[str]:
    """``text`` in pieces of at most about ``size`` characters, split between words."""
    pieces: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + len(word) > size:
            pieces.append(current)
            current = ""
        current = f"{current} {word}" if current else word
    return [*pieces, current]


def make_pdf(path: Path, title: str, sections: list[tuple[str, str]], *, encrypt: bool = False) -> Path:
    """Write a text PDF made by ``pdf_bytes`` to ``path``."""
    path.write_bytes(pdf_bytes(title, sections, encrypt=encrypt))
    return path


@pytest.fixture
def interruptible() -> Iterator[None]:
    """Ctrl-C reaches the papersum a test starts: a shell script that runs the tests in the
    background (``bash .ci/run &``) starts them with SIGINT ignored, and a child inherits that,
    so Python in it never raises KeyboardInterrupt and the run finishes as if not interrupted.
    SIGINT is as a terminal gives it while the test runs."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A private copy of the bundled example folder; returns its reading list."""
    target = tmp_path / "example"
    shutil.copytree(EXAMPLES, target, ignore=shutil.ignore_patterns("summaries", ".papersum"))
    return target / "reading-list.md"


RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def listing(tmp_path: Path) -> Path:
    """A list of two local PDFs: a music-video paper and a chemistry paper."""
    from .papers import CHEMISTRY, CHEMISTRY_TITLE, MUSIC_VIDEO, MUSIC_VIDEO_TITLE

    make_pdf(tmp_path / "music.pdf", MUSIC_VIDEO_TITLE, MUSIC_VIDEO)
    make_pdf(tmp_path / "chem.pdf", CHEMISTRY_TITLE, CHEMISTRY)
    path = tmp_path / "list.md"
    path.write_text(
        f"- [ ] **{MUSIC_VIDEO_TITLE}** [pdf](music.pdf)\n- [ ] **{CHEMISTRY_TITLE}** [pdf](chem.pdf)\n"
    )
    return path


@pytest.fixture
def papersum(tmp_path: Path) -> RunCli:
    """Run ``python -m papersum ARGS`` in a subprocess, as a user would, offline and keyless."""

    def run(
        *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        full_env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "PYTHONIOENCODING": "utf-8",
            "COLUMNS": "200",
            "PAPERSUM_CACHE_DIR": str(tmp_path / "cache"),
            "PAPERSUM_ARXIV_API": CLOSED_PORT_API,
            "PAPERSUM_ARXIV_DELAY": "0",
            "PAPERSUM_OPENALEX_API": f"{CLOSED_PORT}/openalex",
            "PAPERSUM_S2_API": f"{CLOSED_PORT}/s2",
            # the lists name real sites (IEEE, a dataset page, a blog): their landing pages go
            # to a proxy that is not there, so no test ever reaches beyond this machine
            "HTTP_PROXY": CLOSED_PORT,
            "HTTPS_PROXY": CLOSED_PORT,
            "ALL_PROXY": CLOSED_PORT,
            "NO_PROXY": "127.0.0.1,localhost",
            **(env or {}),
        }
        return subprocess.run(
            [sys.executable, "-m", "papersum", *map(str, args)],
            capture_output=True,
            text=True,
            env=full_env,
            cwd=cwd or tmp_path,
            timeout=120,
        )

    return run


@pytest.fixture
def arxiv() -> Iterator[ArxivStandIn]:
    """A local arXiv (API and PDFs) that knows the papers of the real list, and decoys."""
    from .arxiv_catalogue import PAPERS
    from .arxiv_server import ArxivStandIn

    server = ArxivStandIn(PAPERS).start()
    yield server
    server.stop()


@pytest.fixture
def scholarly(arxiv: ArxivStandIn) -> Iterator[ScholarlyStandIn]:
    """A local OpenAlex, Semantic Scholar and publishers' sites (pages and PDFs), beside the arXiv
    stand-in, which also knows the arXiv copy of one of their papers."""
    from .arxiv_server import Paper
    from .scholarly_catalogue import LOSTANLEN, WORKS
    from .scholarly_server import ScholarlyStandIn

    assert LOSTANLEN.arxiv_id is not None
    arxiv.papers[LOSTANLEN.arxiv_id] = Paper(
        LOSTANLEN.arxiv_id, LOSTANLEN.title, LOSTANLEN.authors, LOSTANLEN.year
    )
    server = ScholarlyStandIn(WORKS).start()
    yield server
    server.stop()

"""Measure papersum on this machine and print a Markdown table for the README.

    python bench/run_bench.py            # everything (about two minutes)
    python bench/run_bench.py --quick    # fewer repetitions

Local stand-ins for arXiv (Atom API and PDFs) and for an OpenAI-compatible model server (the ones
the tests use, from ``tests/``) run on 127.0.0.1 with a configurable latency; papersum runs as a
user runs it, in a subprocess, on generated lists. Everything happens in temporary folders.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.arxiv_server import ArxivStandIn, Paper  # noqa: E402
from tests.openai_server import FakeOpenAI  # noqa: E402
from tests.scholarly_server import ScholarlyStandIn, Work  # noqa: E402

EXAMPLE = ROOT / "examples"
PDFS = EXAMPLE / "papers"


@dataclass
class World:
    """The stand-ins and the environment that points papersum at them."""

    arxiv: ArxivStandIn
    model: FakeOpenAI
    env: dict[str, str]

    def requests(self) -> int:
        """Requests both stand-ins received so far."""
        return len(self.arxiv.requests) + len(self.model.requests)


@contextmanager
def world(
    tmp: Path, papers: int, *, model_latency: float, pdf_latency: float, pdf_interval: float = 0.0
) -> Iterator[World]:
    """Stand-ins knowing ``papers`` generated papers (PDFs made up front, outside the timing);
    ``pdf_interval``: the arXiv stand-in starts a PDF answer at most this often, as arxiv.org
    allows (papersum's own one-a-second pacing applies to arxiv.org only, not to 127.0.0.1)."""
    catalogue = [
        Paper(
            f"2501.{i:05d}",
            f"Audio-Visual Music Study {i}: Players, Gestures and Sound",
            ("A. Author",),
            2025,
        )
        for i in range(1, papers + 1)
    ]
    arxiv = ArxivStandIn(catalogue, pdf_latency=pdf_latency, pdf_interval=pdf_interval).start()
    model = FakeOpenAI(latency=model_latency).start()
    for paper in catalogue:
        arxiv.pdf(paper.arxiv_id)
    env = {
        **os.environ,
        "COLUMNS": "120",
        "PAPERSUM_ARXIV_API": arxiv.api,
        "PAPERSUM_ARXIV_DELAY": "0",
        "OPENAI_BASE_URL": model.base_url,
        "PAPERSUM_MODEL": "bench-model",
        "PAPERSUM_CACHE_DIR": str(tmp / f"cache-{time.monotonic_ns()}"),
    }
    try:
        yield World(arxiv, model, env)
    finally:
        arxiv.stop()
        model.stop()


def write_list(folder: Path, papers: int) -> Path:
    """A reading list of ``papers`` arXiv links in a fresh folder."""
    folder.mkdir(parents=True)
    path = folder / "reading-list.md"
    path.write_text(
        "".join(
            f"- [ ] **Audio-Visual Music Study {i}: Players, Gestures and Sound** "
            f"[Link](https://arxiv.org/abs/2501.{i:05d})\n    - [ ] Relevant?\n"
            for i in range(1, papers + 1)
        )
    )
    return path


_MEASURED = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_pid, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""
"""Runs papersum and prints its wall seconds and peak memory. The detour keeps the figure honest:
a child started from this big process (stand-ins, a thousand PDFs in memory) would inherit its
memory high-water mark until it execs, and ``ru_maxrss`` would report the bench, not papersum."""


def papersum(*args: str, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Run the CLI as a user would: wall seconds and peak memory of the process (``ru_maxrss``:
    KiB on Linux)."""
    with tempfile.TemporaryFile() as errors:  # not a pipe: a long run's progress would fill it and block
        done = subprocess.run(
            [sys.executable, "-c", _MEASURED, sys.executable, "-m", "papersum", *args],
            env=env or os.environ,
            stdout=subprocess.PIPE,
            stderr=errors,
            check=False,
        )
        if done.returncode not in (0, 1):
            errors.seek(0)
            raise SystemExit(f"papersum {' '.join(args)} failed: {errors.read().decode()[-3000:]}")
    seconds, kib = done.stdout.split()[-2:]
    return float(seconds), int(kib)


def median(action: Callable[[], float], repeat: int) -> float:
    """The median of ``repeat`` measurements."""
    return statistics.median(action() for _ in range(repeat))


def concurrency(tmp: Path, jobs: int, papers: int = 40) -> float:
    """Wall seconds for a cold run of ``papers`` entries at model latency 1 s, PDF latency 0.2 s."""
    with world(tmp, papers, model_latency=1.0, pdf_latency=0.2) as w:
        listing = write_list(tmp / f"jobs{jobs}-{time.monotonic_ns()}", papers)
        seconds, _kib = papersum("run", str(listing), "--jobs", str(jobs), env=w.env)
    return seconds


@dataclass(frozen=True)
class Bound:
    """A cold run against its bound ``ceil(N / jobs) × model latency``."""

    papers: int
    jobs: int
    seconds: float

    @property
    def bound(self) -> float:
        return math.ceil(self.papers / self.jobs) * 1.0


def cold_bound(tmp: Path, papers: int, jobs: int) -> Bound:
    """A cold run of ``papers`` arXiv-linked entries, model 1 s per request, PDFs at once."""
    with world(tmp, papers, model_latency=1.0, pdf_latency=0.0) as w:
        listing = write_list(tmp / f"bound-{papers}-{jobs}-{time.monotonic_ns()}", papers)
        return Bound(papers, jobs, papersum("run", str(listing), "--jobs", str(jobs), env=w.env)[0])


@dataclass(frozen=True)
class Paced:
    """A cold run at the real services' pace, and the floor those paces set."""

    linked: int
    titles: int
    arxiv_calls: int
    seconds: float

    @property
    def floor(self) -> float:
        """PDFs one a second, arXiv calls 3 s apart (overlapping), then one model answer (1 s)."""
        pdfs = self.linked + self.titles
        return max(pdfs * 1.0, 3.0 * (self.arxiv_calls - 1)) + 1.0


def paced(tmp: Path, linked: int = 30, titles: int = 10, jobs: int = 8) -> Paced:
    """A cold run of ``linked`` arXiv links and ``titles`` title-only entries with arXiv's real
    pacing: 3 s between API calls (``PAPERSUM_ARXIV_DELAY=3``) and at most one PDF a second."""
    with world(tmp, linked + titles, model_latency=1.0, pdf_latency=0.0, pdf_interval=1.0) as w:
        listing = write_list(tmp / f"paced-{time.monotonic_ns()}", linked)
        listing.write_text(
            listing.read_text()
            + "".join(
                f"- [ ] **Audio-Visual Music Study {i}: Players, Gestures and Sound**\n"
                for i in range(linked + 1, linked + titles + 1)
            )
        )
        seconds = papersum(
            "run", str(listing), "--jobs", str(jobs), env={**w.env, "PAPERSUM_ARXIV_DELAY": "3"}
        )[0]
        return Paced(linked, titles, len(w.arxiv.api_calls()), seconds)


def startup(tmp: Path) -> float:
    """Wall seconds of a run with nothing to do on an empty list (the fixed cost of a run)."""
    listing = tmp / f"empty-{time.monotonic_ns()}" / "reading-list.md"
    listing.parent.mkdir()
    listing.write_text("- [x] **Read already**\n")
    return papersum("run", str(listing))[0]


def startup_with_work(tmp: Path) -> float:
    """Wall seconds of a cold run of one entry with no latency: the fixed cost of a run that
    downloads, extracts and asks the model (imports included)."""
    with world(tmp, 1, model_latency=0.0, pdf_latency=0.0) as w:
        listing = write_list(tmp / f"one-{time.monotonic_ns()}", 1)
        return papersum("run", str(listing), env=w.env)[0]


def rerun(tmp: Path, papers: int = 200) -> tuple[float, int]:
    """Wall seconds of a re-run of ``papers`` done entries, and the requests it sent."""
    with world(tmp, papers, model_latency=0.0, pdf_latency=0.0) as w:
        listing = write_list(tmp / f"rerun-{time.monotonic_ns()}", papers)
        papersum("run", str(listing), "--jobs", "8", env=w.env)
        before = w.requests()
        seconds = median(lambda: papersum("run", str(listing), env=w.env)[0], 3)
        return seconds, w.requests() - before


def peak_memory(tmp: Path, papers: int = 100) -> int:
    """Peak resident memory (KiB) of a cold run of ``papers`` entries."""
    with world(tmp, papers, model_latency=0.0, pdf_latency=0.0) as w:
        listing = write_list(tmp / f"memory-{time.monotonic_ns()}", papers)
        return papersum("run", str(listing), "--jobs", "8", env=w.env)[1]


@dataclass(frozen=True)
class Thousand:
    """A list of 1000 entries, all summarized: the cached paths, and title searches batched."""

    entries: int
    inbox: int
    cold_s: float
    rerun_s: float
    rerun_kib: int
    status_s: float
    titles: int
    title_calls: int
    titles_right: int


def thousand(tmp: Path, papers: int = 1000, inbox: int = 250, titles: int = 50) -> Thousand:
    """``papers`` entries: arXiv links, and ``inbox`` title-only ones whose PDFs are in
    ``papers/``; a cold run (no latency, ``--jobs 16``), a re-run and ``status``; then a separate
    ``resolve`` of ``titles`` title-only entries against arXiv, counting its calls."""
    with world(tmp, papers, model_latency=0.0, pdf_latency=0.0) as w:
        folder = tmp / f"thousand-{time.monotonic_ns()}"
        listing = write_list(folder, papers - inbox)
        (folder / "papers").mkdir()
        lines = []
        for i in range(papers - inbox + 1, papers + 1):
            arxiv_id = f"2501.{i:05d}"
            (folder / "papers" / f"paper-{i}.pdf").write_bytes(w.arxiv.pdf(arxiv_id))
            lines.append(f"- [ ] **Audio-Visual Music Study {i}: Players, Gestures and Sound**\n")
        listing.write_text(listing.read_text() + "".join(lines))
        cold_s, _kib = papersum("run", str(listing), "--jobs", "16", env=w.env)
        rerun_s = median(lambda: papersum("run", str(listing), env=w.env)[0], 3)
        rerun_kib = papersum("run", str(listing), env=w.env)[1]
        status_s = median(lambda: papersum("status", str(listing), env=w.env)[0], 3)

        searched = tmp / f"titles-{time.monotonic_ns()}"
        searched.mkdir()
        title_list = searched / "reading-list.md"
        picks = range(1, titles * 7, 7)  # spread over the catalogue
        title_list.write_text(
            "".join(f"- [ ] **Audio-Visual Music Study {i}: Players, Gestures and Sound**\n" for i in picks)
        )
        before = len(w.arxiv.requests)
        out = subprocess.run(
            [sys.executable, "-m", "papersum", "resolve", str(title_list), "--json"],
            env=w.env,
            capture_output=True,
            text=True,
            check=False,
        )
        import json

        rows = json.loads(out.stdout)
        right = sum(r["arxiv_id"] == f"2501.{i:05d}" for r, i in zip(rows, picks, strict=True))
        calls = len(w.arxiv.requests) - before
    return Thousand(papers, inbox, cold_s, rerun_s, rerun_kib, status_s, titles, calls, right)


@dataclass(frozen=True)
class Resolution:
    """A cold ``resolve`` of a mixed list and a second one: seconds and requests."""

    entries: int
    cold_s: float
    arxiv_calls: int
    other_calls: int
    again_s: float
    again_calls: int


def resolution(tmp: Path, per_shape: int = 10) -> Resolution:
    """``resolve`` a list of ``4 × per_shape`` entries: arXiv links, DOI links, proceedings pages
    and plain titles of papers not on arXiv (found by OpenAlex), then again from the cache."""
    works = [
        Work(
            f"w{i}",
            f"Cross-Modal Study {i} of Gesture and Timbre in Ensemble Performance",
            (f"Author{i} Surname{i}",),
            2022,
            doi=f"10.5555/bench.{i}",
        )
        for i in range(3 * per_shape)
    ]
    scholarly = ScholarlyStandIn(works).start()
    catalogue = [
        Paper(
            f"2502.{i:05d}",
            f"Audio-Visual Music Study {i}: Players, Gestures and Sound",
            ("A. Author",),
            2025,
        )
        for i in range(per_shape)
    ]
    arxiv = ArxivStandIn(catalogue).start()
    folder = tmp / f"resolve-{time.monotonic_ns()}"
    folder.mkdir()
    listing = folder / "reading-list.md"
    lines = [f"- [ ] **{p.title}** [Link](https://arxiv.org/abs/{p.arxiv_id})\n" for p in catalogue]
    lines += [f"- [ ] **{w.title}** [doi](https://doi.org/{w.doi})\n" for w in works[:per_shape]]
    lines += [
        f"- [ ] **{w.title}** [page]({scholarly.page(w.slug)})\n" for w in works[per_shape : 2 * per_shape]
    ]
    lines += [f"- [ ] {w.title} ({w.authors[0].split()[-1]} et al., 2022)\n" for w in works[2 * per_shape :]]
    listing.write_text("".join(lines))
    env = {
        **os.environ,
        "PAPERSUM_ARXIV_API": arxiv.api,
        "PAPERSUM_ARXIV_DELAY": "0",
        "PAPERSUM_OPENALEX_API": scholarly.openalex,
        "PAPERSUM_S2_API": scholarly.s2,
    }
    try:
        cold_s, _kib = papersum("resolve", str(listing), env=env)
        arxiv_calls, other_calls = len(arxiv.requests), len(scholarly.requests)
        again_s, _kib = papersum("resolve", str(listing), env=env)
        again = len(arxiv.requests) + len(scholarly.requests) - arxiv_calls - other_calls
    finally:
        arxiv.stop()
        scholarly.stop()
    return Resolution(len(lines), cold_s, arxiv_calls, other_calls, again_s, again)


def extraction_ratio(repeat: int) -> tuple[float, float, int]:
    """Seconds for papersum's extraction and for raw pymupdf ``get_text`` over the same PDFs."""
    import pymupdf

    from papersum.extract import extract_paper

    pdfs = sorted(PDFS.glob("*.pdf"))

    def raw() -> float:
        start = time.perf_counter()
        for pdf in pdfs:
            with pymupdf.open(pdf) as doc:
                "".join(page.get_text() for page in doc)
        return time.perf_counter() - start

    def ours() -> float:
        start = time.perf_counter()
        for pdf in pdfs:
            extract_paper(pdf)
        return time.perf_counter() - start

    raw(), ours()  # warm the imports and the page cache
    # interleaved, and the best of each (as timeit advises): the least disturbed by other work
    pairs = [(ours(), raw()) for _ in range(repeat)]
    return min(o for o, _r in pairs), min(r for _o, r in pairs), len(pdfs)


def extraction_per_page(repeat: int) -> None:
    """ms a page for papersum's extraction and raw ``get_text`` on every real and LaTeX-built
    paper the tests use (theses included), the median over them and the ratio over all their
    pages. pymupdf is imported as a script of one's own would (a plain ``import pymupdf``, which
    in pymupdf 2.0 imports pymupdf4llm and so switches character-box corrections off): raw
    ``get_text`` at its fastest (with the corrections on it is a fifth slower)."""
    import statistics

    import pymupdf

    from papersum.extract import extract_paper

    data = ROOT / "tests" / "data"
    pdfs = sorted(
        [
            *PDFS.glob("*.pdf"),
            *(data / "papers").glob("*.pdf"),
            *(data / "latex").glob("*.pdf"),
        ]
    )
    rows = []
    for pdf in pdfs:
        extract_paper(pdf)  # warm
        read, plain = (lambda pdf=pdf: extract_paper(pdf)), (lambda pdf=pdf: _raw_text(pymupdf, pdf))
        # interleaved, each first in turn, in CPU time (one thread), best of each: the least
        # disturbed by other work on a machine whose speed varies by the minute
        pairs = [_timed_pair(read, plain, ours_first=turn % 2 == 0) for turn in range(4 * repeat + 3)]
        ours, raw = min(o for o, _r in pairs), min(r for _o, r in pairs)
        with pymupdf.open(pdf) as doc:
            pages = doc.page_count
        rows.append((pdf.stem, pages, ours * 1000 / pages, raw * 1000 / pages))
    for name, pages, ours_ms, raw_ms in rows:
        ratio = ours_ms / raw_ms
        print(f"| extraction, {name} ({pages} pages) | {ours_ms:.1f} ms a page ({ratio:.2f}× get_text) | |")
    real = [r for r in rows if not (data / "latex" / f"{r[0]}.pdf").exists()]
    for label, chosen in (("the real papers", real), ("all the papers", rows)):
        median_ms = statistics.median(r[2] for r in chosen)
        median_ratio = statistics.median(r[2] / r[3] for r in chosen)
        total_ratio = sum(r[1] * r[2] for r in chosen) / sum(r[1] * r[3] for r in chosen)
        print(
            f"| extraction, median of {label} ({len(chosen)}) | {median_ms:.1f} ms a page, "
            f"{median_ratio:.2f}× raw `get_text` (all their pages: {total_ratio:.2f}×) | ≤ 10 ms, ≤ 1.3× |"
        )


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _timed_pair(
    ours: Callable[[], object], raw: Callable[[], object], *, ours_first: bool
) -> tuple[float, float]:
    """CPU seconds of ``ours`` and of ``raw``, run one after the other in the order given."""
    if ours_first:
        first = _cpu_timed(ours)
        return first, _cpu_timed(raw)
    first = _cpu_timed(raw)
    return _cpu_timed(ours), first


def _cpu_timed(call: Callable[[], object]) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


def _raw_text(pymupdf: ModuleType, pdf: Path) -> str:
    with pymupdf.open(pdf) as doc:
        return "".join(page.get_text() for page in doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one repetition where there are more")
    parser.add_argument(
        "--only",
        choices=("basics", "thousand", "bound", "paced", "extraction"),
        help="run one group of scenarios",
    )
    args = parser.parse_args()
    repeat = 1 if args.quick else 3
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}"
    )
    print()
    print("| what | figure | target |")
    print("|---|---:|---|")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if args.only in (None, "basics"):
            basics(tmp, repeat)
        if args.only in (None, "thousand"):
            print_thousand(thousand(tmp))
        if args.only in (None, "bound"):
            for papers, jobs in ((200, 8), (200, 16), (1000, 8), (1000, 16)):
                b = cold_bound(tmp, papers, jobs)
                print(
                    f"| cold run, {papers} entries, `--jobs {jobs}`, model 1 s | {b.seconds:.1f} s: "
                    f"{b.seconds / b.bound:.2f}× the bound ⌈N/jobs⌉ × 1 s = {b.bound:.0f} s | ≤ 1.2× |"
                )
        if args.only in (None, "extraction"):
            extraction_per_page(repeat)
        if args.only in (None, "paced"):
            r = paced(tmp)
            print(
                f"| cold run at the real services' pace ({r.linked} arXiv links + {r.titles} titles; "
                f"3 s between arXiv calls, ≤ 1 PDF/s, model 1 s, `--jobs 8`) | {r.seconds:.1f} s, "
                f"{r.arxiv_calls} arXiv calls: {r.seconds / r.floor:.2f}× the floor {r.floor:.0f} s | |"
            )


def basics(tmp: Path, repeat: int) -> None:
    """Start-up, concurrency, re-run, memory, resolution and extraction figures."""
    help_s = median(lambda: papersum("--help")[0], 5 * repeat)
    start_s = median(lambda: startup(tmp), repeat)
    work_start_s = median(lambda: startup_with_work(tmp), repeat)
    jobs8 = median(lambda: concurrency(tmp, 8), repeat)
    jobs1 = concurrency(tmp, 1)
    rerun_s, rerun_requests = rerun(tmp)
    memory_kib = peak_memory(tmp)
    res = resolution(tmp)
    ours_s, raw_s, pdfs = extraction_ratio(5 * repeat)
    ideal = math.ceil(40 / 8) * 1.2 + work_start_s
    print(f"| `papersum --help` | {help_s:.2f} s | < 0.4 s |")
    print(f"| fixed cost of a run with nothing to do | {start_s:.2f} s | |")
    print(f"| fixed cost of a run that works (1 entry, no latency) | {work_start_s:.2f} s | |")
    print(
        f"| 40 entries, model 1.0 s, PDF 0.2 s, `--jobs 8` | {jobs8:.1f} s "
        f"({jobs8 / ideal:.2f}× the ideal 5 × 1.2 s + {work_start_s:.1f} s) | ≤ 1.3× ideal |"
    )
    print(f"| the same, `--jobs 1` | {jobs1:.1f} s ({jobs1 / jobs8:.1f}× slower) | ≥ 5× slower |")
    print(f"| re-run of 200 done entries | {rerun_s:.2f} s, {rerun_requests} requests | < 2 s, 0 |")
    print(f"| peak memory, 100-entry cold run | {memory_kib / 1024:.0f} MB | < 500 MB |")
    per_entry = (res.arxiv_calls + res.other_calls) / res.entries
    print(
        f"| `resolve`, {res.entries} entries (¼ arXiv links, ¼ DOIs, ¼ landing pages, ¼ titles "
        f"not on arXiv), no pacing | {res.cold_s:.2f} s, {per_entry:.2f} requests per entry "
        f"({res.arxiv_calls} arXiv, {res.other_calls} OpenAlex / Semantic Scholar / pages) | |"
    )
    print(
        f"| the same with arXiv's 3 s pacing (`PAPERSUM_ARXIV_DELAY=3`) | ≥ "
        f"{3 * max(res.arxiv_calls - 1, 0):.0f} s: {res.arxiv_calls} arXiv calls 3 s apart | |"
    )
    print(f"| a second `resolve` of that list | {res.again_s:.2f} s, {res.again_calls} requests | 0 |")
    print(
        f"| extraction of {pdfs} real PDFs: papersum / raw pymupdf `get_text` | "
        f"{ours_s:.2f} s / {raw_s:.2f} s ({ours_s / raw_s:.2f}×) | ≤ 1.2× |"
    )


def print_thousand(big: Thousand) -> None:
    print(
        f"| {big.entries} entries ({big.inbox} in `papers/` by title), all summarized: re-run / "
        f"`status` / peak memory of the re-run | {big.rerun_s:.2f} s / {big.status_s:.2f} s / "
        f"{big.rerun_kib / 1024:.0f} MB (cold run, no latency, `--jobs 16`: {big.cold_s:.0f} s) "
        f"| < 1 s / < 0.5 s / < 250 MB |"
    )
    print(
        f"| `resolve` of {big.titles} title-only entries | {big.title_calls} arXiv calls, "
        f"{big.titles_right} of {big.titles} right (≥ {3 * max(big.title_calls - 1, 0)} s at arXiv's "
        f"3 s pacing) | ≤ 5 calls |"
    )


if __name__ == "__main__":
    main()

"""Measure papersum on this machine and print a Markdown table for the README.

    python bench/run_bench.py

Figures: `papersum --help` start-up; a cold run and a re-run of the bundled example (4 papers);
extraction over the example's PDFs against raw pymupdf ``get_text``. Each is the median of a few
repetitions; everything runs in temporary folders, nothing here is written to.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples"


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``action`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def papersum(*args: str) -> None:
    """Run the CLI as a user would; fail loudly if it fails."""
    subprocess.run([sys.executable, "-m", "papersum", *args], check=True,
                   capture_output=True, env={**os.environ, "COLUMNS": "120"})


def fresh_example(tmp: Path) -> Path:
    target = tmp / f"example-{time.monotonic_ns()}"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("summaries", ".papersum"))
    return target / "reading-list.md"


def extraction_ratio() -> tuple[float, float]:
    """Seconds for papersum's extraction and for raw pymupdf get_text over the example PDFs."""
    import pymupdf

    from papersum.extract import extract_paper

    pdfs = sorted((EXAMPLE / "papers").glob("*.pdf"))

    def raw() -> None:
        for pdf in pdfs:
            with pymupdf.open(pdf) as doc:
                "".join(page.get_text() for page in doc)

    def ours() -> None:
        for pdf in pdfs:
            extract_paper(pdf)

    raw()  # warm the import and the page cache
    return median_seconds(ours, 5), median_seconds(raw, 5)


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        help_s = median_seconds(lambda: papersum("--help"), 10)
        cold_s = median_seconds(lambda: papersum("run", str(fresh_example(tmp))), 3)
        warm_list = fresh_example(tmp)
        papersum("run", str(warm_list))
        rerun_s = median_seconds(lambda: papersum("run", str(warm_list)), 5)
    ours_s, raw_s = extraction_ratio()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print()
    print("| what | median |")
    print("|---|---:|")
    print(f"| `papersum --help` | {help_s:.2f} s |")
    print(f"| `papersum run` on the bundled example (4 papers, cold) | {cold_s:.2f} s |")
    print(f"| the same run again (nothing to do) | {rerun_s:.2f} s |")
    print(f"| extraction of the 4 PDFs: papersum / raw pymupdf `get_text` | "
          f"{ours_s:.2f} s / {raw_s:.2f} s ({ours_s / raw_s:.1f}×) |")


if __name__ == "__main__":
    main()

"""Count the instructions papersum's extraction and raw pymupdf ``get_text`` execute on the same
PDFs, with valgrind's callgrind: a figure that does not move with the machine's load, as CPU
time does here by a tenth and more from run to run.

    python bench/instructions.py                 # the bench's real papers (about 25 minutes)
    python bench/instructions.py a.pdf b.pdf     # any PDFs
    python bench/instructions.py --each          # each paper apart, and their median

Each side runs in a process of its own, once with one pass over the PDFs and once with three:
the difference, halved, is one pass without the imports and first-use costs. Needs valgrind
(Debian: ``apt install valgrind``); it runs the code about fifty times slower.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_PAPERS = sorted((ROOT / "examples" / "papers").glob("*.pdf")) + sorted(
    (ROOT / "tests" / "data" / "papers").glob("*.pdf")
)


def passes(side: str, count: int, pdfs: list[Path]) -> None:
    """``count`` passes of ``side`` (``raw`` or ``papersum``) over ``pdfs``: what valgrind runs."""
    import pymupdf  # a plain import, as the bench's raw get_text has it

    from papersum.extract import extract_paper

    for _ in range(count):
        for pdf in pdfs:
            if side == "raw":
                with pymupdf.open(pdf) as doc:
                    "".join(page.get_text() for page in doc)
            else:
                extract_paper(pdf)


def instructions(side: str, count: int, pdfs: list[Path]) -> int:
    """Instructions valgrind counts in a process that makes ``count`` passes of ``side``."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable]
    command += [__file__, "--inner", side, str(count), *map(str, pdfs)]
    # Python's string hashing is seeded at random in each process, and a pass's count moves with
    # the seed by up to a twentieth (seen here): one seed for every run
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    collected = re.search(r"Collected : (\d+)", done.stderr)
    if collected is None:
        raise SystemExit(f"valgrind said no count:\n{done.stderr[-2000:]}")
    return int(collected[1])


def per_pass(side: str, pdfs: list[Path]) -> int:
    """Instructions of one pass of ``side`` over ``pdfs``, without the imports and first-use costs."""
    return (instructions(side, 3, pdfs) - instructions(side, 1, pdfs)) // 2


def each(pdfs: list[Path]) -> None:
    """Each PDF's ratio of papersum's instructions to raw ``get_text``'s, and their median: the
    per-paper figure that CPU time gives only to ±0.1 on a loaded machine. Two valgrinds at a
    time (each runs on one core)."""
    import statistics
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = {
            (pdf, side): pool.submit(per_pass, side, [pdf]) for pdf in pdfs for side in ("raw", "papersum")
        }
        ratios = []
        for pdf in pdfs:
            raw, ours = counts[pdf, "raw"].result(), counts[pdf, "papersum"].result()
            ratios.append(ours / raw)
            print(f"{pdf.stem}: {ours:,} / {raw:,} instructions = {ours / raw:.3f}×", flush=True)
    print(f"median over {len(pdfs)} PDFs: {statistics.median(ratios):.3f}×")


def main() -> None:
    raw_text = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw_text)
    parser.add_argument("pdfs", nargs="*", type=Path, help="PDFs to read (default: the bench's real papers)")
    parser.add_argument(
        "--each", action="store_true", help="count each PDF apart (two at a time) and give the median ratio"
    )
    parser.add_argument("--inner", nargs=2, metavar=("SIDE", "PASSES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    pdfs = args.pdfs or REAL_PAPERS
    if args.inner:
        passes(args.inner[0], int(args.inner[1]), pdfs)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt install valgrind)")
    if args.each:
        each(pdfs)
        return
    counted = {}
    for side in ("raw", "papersum"):
        counted[side] = per_pass(side, pdfs)
        print(f"{side}: {counted[side]:,} instructions a pass over {len(pdfs)} PDFs", flush=True)
    print(f"papersum / raw get_text: {counted['papersum'] / counted['raw']:.3f}×")


if __name__ == "__main__":
    main()

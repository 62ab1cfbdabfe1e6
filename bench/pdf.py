"""Benchmark of what ``--pdf`` costs: ``plangen build`` of the seed plan as a process, end to
end, with and without ``--pdf``, the two taking turns.

Usage:  python bench/pdf.py [--repeat 5] [--plan plans/cchc-2023-2025.yaml]

Prints the median wall time of each, the difference (what the PDFs cost) and the number
of PDF files a build wrote.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANGEN = [sys.executable, "-m", "plangen"]


def one_build(plan: Path, out: Path, pdf: bool) -> float:
    """Build ``plan`` into a fresh ``out`` in a child process; its wall time."""
    command = [*PLANGEN, "build", str(plan), "-o", str(out), *(["--pdf"] if pdf else [])]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--plan", type=Path, default=ROOT / "plans" / "cchc-2023-2025.yaml")
    args = parser.parse_args()
    times: dict[bool, list[float]] = {False: [], True: []}
    pdfs = 0
    with tempfile.TemporaryDirectory(prefix="plangen-bench-pdf-") as work:
        for i in range(args.repeat):
            for pdf in (False, True):
                out = Path(work) / f"{i}-{pdf}"
                times[pdf].append(one_build(args.plan, out, pdf))
                if pdf:
                    pdfs = len(list(out.rglob("*.pdf")))
    docx, with_pdf = statistics.median(times[False]), statistics.median(times[True])
    print(f"build without --pdf: {docx:.2f} s (median of {args.repeat})")
    print(f"build with --pdf:    {with_pdf:.2f} s (median of {args.repeat}), {pdfs} PDF files")
    print(f"what --pdf costs:    {with_pdf - docx:.2f} s, "
          f"{(with_pdf - docx) / max(pdfs, 1) * 1000:.0f} ms per PDF")


if __name__ == "__main__":
    main()

"""Benchmark: how long `plangen check` takes on a large document, and its peak memory.

It builds the seed plan's Kế hoạch, adds N body paragraphs before the signature table,
and checks the result in a fresh process (so the peak memory is the checker's own).

Usage:  .venv/bin/python bench/check.py [--paragraphs 5000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "cchc-2023-2025.yaml"


def large_document(paragraphs: int, folder: Path) -> Path:
    from plangen.pipeline.run import build_plan
    from plangen.plan.datafiles import load_bundle

    out = build_plan(load_bundle(PLAN), folder / "build", templates_dir=ROOT / "templates",
                     only=["ke-hoach"]).written[0]
    document = docx.Document(str(out))
    signature = document.tables[1]._tbl
    for i in range(paragraphs):
        added = document.add_paragraph(f"- Nội dung số {i} của kế hoạch, đủ dài để xuống dòng "
                                       "một lần trên trang A4 ở cỡ chữ 14.",
                                       style="ND30 Body")
        signature.addprevious(added._p)
    target = folder / "large.docx"
    document.save(str(target))
    return target


def child(path: Path) -> None:
    from plangen.check import check_docx

    start = time.perf_counter()
    report = check_docx(path)
    elapsed = time.perf_counter() - start
    print(json.dumps({"seconds": round(elapsed, 2), "findings": len(report.findings),
                      "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                                       / 1024, 1)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=5000)
    parser.add_argument("--child", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = large_document(args.paragraphs, Path(folder))
        done = subprocess.run([sys.executable, __file__, "--child", str(path)],
                              capture_output=True, text=True, check=True)
        result = json.loads(done.stdout)
        size_kb = path.stat().st_size / 1024
        print(f"checked a {size_kb:.0f} kB document with {args.paragraphs} added paragraphs "
              f"in {result['seconds']} s, {result['findings']} findings, "
              f"peak memory {result['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()

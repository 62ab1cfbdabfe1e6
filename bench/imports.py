"""Benchmark: `plangen import` as the user runs it (a process, reading, writing the plan,
building it to measure the coverage), on the two files issue 23 names:

- a DOCX whose `document.xml` is 48 MB (177 KB zipped): it once took 93 s and 2.3 GB;
- a 200-page real-shaped plan typed in Word: the corpus's Kế hoạch and Báo cáo texts
  (tests/data/corpus), their sections repeated under new headings, with lists, tables,
  Shift+Enter lines and the header and signer tables, until it runs to 200 A4 pages.

Each import runs in a fresh process; its wall time and its own peak memory (VmHWM) are
reported, the median of ``--runs`` runs.

Usage:  .venv/bin/python bench/imports.py [--runs 3] [--pages 200]
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "data" / "corpus"))
PARAGRAPHS_PER_PAGE = 16  # paragraphs of a page of 14 pt text with headings, lists, table rows
MEASURE = ("import re, sys\nfrom plangen.cli import main\ncode = main(sys.argv[1:])\n"
           "sys.stdout.flush()\n"
           "status = open('/proc/self/status').read()\n"
           "print('PEAK', re.search(r'VmHWM:\\s+(\\d+)', status)[1], file=sys.stderr)\n"
           "raise SystemExit(code)")


def long_plan(pages: int, target: Path) -> Path:
    """A Kế hoạch of about ``pages`` pages, typed in Word (python-docx, direct formatting)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from make import word
    from texts import TEXTS

    plan = next(t for t in TEXTS if t.key == "ke-hoach-mn-cam-linh")
    report = next(t for t in TEXTS if t.key == "bao-cao-thcs-mong-an")
    body: list[str] = []
    roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
    sections = max(1, pages * PARAGRAPHS_PER_PAGE // 40)
    for n in range(sections):
        body.append(f"#{roman[n % 10]}. NỘI DUNG THỰC HIỆN PHẦN {n + 1}")
        for k in range(1, 4):
            body.append(f"#{k}. Nhiệm vụ {k} của phần {n + 1}")
            body += [line for line in plan.body if not line.startswith("#")]
            body += [line for line in report.body if not line.startswith("#")
                     and not line.startswith("Trên đây")]
    long_text = type(plan)(**{**plan.__dict__, "body": tuple(body)})
    word(long_text, target)
    document = docx.Document(str(target))
    table = document.add_table(rows=1, cols=3)
    for i, title in enumerate(("STT", "Nội dung", "Thời gian")):
        table.cell(0, i).text = title
    for i in range(pages):
        row = table.add_row()
        row.cells[0].text, row.cells[1].text = str(i + 1), "Kiểm tra nội bộ các tổ chuyên môn"
        row.cells[2].text = f"Tháng {i % 12 + 1}"
    closing = document.add_paragraph("Trên đây là Kế hoạch của nhà trường./.")
    closing.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    signature = document.tables[1]._tbl
    signature.addprevious(table._tbl)
    signature.addprevious(closing._p)
    document.save(str(target))
    return target


def huge_part(target: Path) -> Path:
    """The corpus's Kế hoạch with 48 MB of repeated paragraphs in its document.xml."""
    source = ROOT / "tests" / "data" / "corpus" / "ke-hoach-mn-cam-linh.word.docx"
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode()
    filler = "<w:p><w:r><w:t>Nội dung lặp lại của kế hoạch.</w:t></w:r></w:p>"
    parts["word/document.xml"] = xml.replace(
        "<w:body>", "<w:body>" + filler * (48_000_000 // len(filler.encode())), 1).encode()
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    target.write_bytes(data.getvalue())
    return target


def run(path: Path, folder: Path) -> tuple[float, int, int, str]:
    """One import as a process: seconds, exit code, peak MB, last line said."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, "import", str(path), "-o",
                           str(folder / "plan.yaml"), "--force", "--lang", "en"],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peak = re.search(r"^PEAK (\d+)", done.stderr, re.M)
    said = [line for line in (done.stderr + done.stdout).splitlines()
            if line and not line.startswith(("PEAK", "REVIEW", "FIXED"))]
    return seconds, done.returncode, int(peak[1]) // 1024 if peak else 0, \
        (said[-1] if said else "")[:110]


def measure(name: str, path: Path, folder: Path, runs: int) -> None:
    results = [run(path, folder) for _ in range(runs)]
    seconds = statistics.median(r[0] for r in results)
    peak = max(r[2] for r in results)
    print(f"{name}: {path.stat().st_size / 1024:.0f} KB file, median {seconds:.2f} s of "
          f"{runs}, peak {peak} MB, exit {results[0][1]}: {results[0][3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plangen-bench-import-") as work:
        folder = Path(work)
        measure("48 MB document.xml", huge_part(folder / "huge.docx"), folder, args.runs)
        plan = long_plan(args.pages, folder / "long.docx")
        out = subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'p').as_uri()}",
                              "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                              str(plan)], capture_output=True, check=False, timeout=600)
        pdf = folder / "long.pdf"
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())) \
            if out.returncode == 0 and pdf.exists() else "?"
        measure(f"{pages}-page Kế hoạch typed in Word", plan, folder, args.runs)


if __name__ == "__main__":
    main()

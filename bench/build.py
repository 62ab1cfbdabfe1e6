"""Benchmark of what a user runs: ``plangen build`` as a process, end to end (render, gate,
write, manifest), on the seed plan with generated registrations and results for every
year, and the seed build against a bare import of plangen's dependencies.

Usage:  python bench/build.py [--sizes 100 1000 10000] [--repeat 5]

Each size prints wall time, time per registration and the peak memory of the build
process; the last line compares the seed build with ``python -c "import …"``.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"
SEED = "cchc-2023-2025"
PLANGEN = [sys.executable, "-m", "plangen"]
BARE_IMPORT = [sys.executable, "-c", "import pydantic, docx, docxtpl, jinja2, markdown, yaml"]
KINDS = ("mô hình", "giải pháp", "sáng kiến")
LEVELS = ("Hoàn thành tốt", "Hoàn thành", "Chưa hoàn thành")
YEARS = (2023, 2024, 2025)


def grown_plan(folder: Path, extra: int) -> Path:
    """A copy of plans/ whose seed plan has ``extra`` more registrations (in the online
    form's CSV) and a result for each of them in every year from its own."""
    shutil.copytree(PLANS, folder / "plans")
    data = folder / "plans" / SEED
    with (data / "dang-ky-bieu-mau.csv").open("a", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        for i in range(extra):
            year = YEARS[i % len(YEARS)]
            writer.writerow([f"05/9/{year} 08:00:00", f"X{i:05d}", KINDS[i % 3],
                             f"Mô hình số {i} của tổ chuyên môn", "Chuyển đổi số",
                             f"Nguyễn Văn {i} (Giáo viên); Trần Thị {i}",
                             "Tóm tắt nội dung của mô hình.", "Mục tiêu.", f"05/9/{year}",
                             f"31/5/{year + 1}", "Hiệu quả.", str(year)])
    results_file = data / "ket-qua.yaml"
    results = yaml.safe_load(results_file.read_text(encoding="utf-8"))
    for year in YEARS:
        if year not in results["years"]:  # a report for every year of the campaign
            last = results["years"][max(results["years"])]
            report = dict(last["report"], issued_on=f"{year}-10-29")
            results["years"][year] = {"report": report, "targets": dict(last["targets"]),
                                      "registrations": []}
        entries = results["years"][year]["registrations"]
        entries += [{"id": f"X{i:05d}", "level": LEVELS[(i + year) % 3],
                     "outcome": "Đã thực hiện.", "replicable": i % 2 == 0}
                    for i in range(extra) if YEARS[i % len(YEARS)] <= year]
    results_file.write_text(yaml.safe_dump(results, allow_unicode=True, sort_keys=False),
                            encoding="utf-8")
    return folder / "plans" / f"{SEED}.yaml"


def one_build(plan: Path, out: Path) -> dict[str, float]:
    """Build ``plan`` in a child process; its wall time and peak memory."""
    start = time.perf_counter()
    done = subprocess.run([*PLANGEN, "build", str(plan), "-o", str(out)],
                          capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": round(elapsed, 2), "peak_mb": round(peak, 1)}


def measure_size(extra: int) -> None:
    """Run in a process of its own, so that the peak memory is this build's alone."""
    with tempfile.TemporaryDirectory(prefix="plangen-bench-") as work:
        plan = grown_plan(Path(work), extra)
        result = one_build(plan, Path(work) / "out")
        documents = sum(1 for _ in (Path(work) / "out").rglob("*.docx"))
    print(json.dumps({"registrations": extra + 5, "documents": documents, **result}))


def medians_side_by_side(commands: list[list[str]], repeat: int) -> list[float]:
    """The median wall time of each command, run in turn ``repeat`` times: taking turns
    keeps a busy moment of a shared machine from falling on one command only."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for command, spent in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) for spent in times]


def seed_against_import(repeat: int) -> None:
    # The dependencies were compiled to bytecode when pip installed them; plangen's own
    # modules are too, as pip install would (an editable install under
    # PYTHONDONTWRITEBYTECODE would otherwise compile them again in every run).
    compileall.compile_dir(ROOT / "src" / "plangen", quiet=1)
    with tempfile.TemporaryDirectory(prefix="plangen-bench-") as work:
        build = [*PLANGEN, "build", str(PLANS / f"{SEED}.yaml"), "-o", work, "--force"]
        subprocess.run(build, capture_output=True, check=True)  # warm the disk cache
        bare, seed = medians_side_by_side([BARE_IMPORT, build], repeat)
    print(f"seed plan: plangen build {seed:.2f} s, bare import of the dependencies "
          f"{bare:.3f} s (medians of {repeat}, run in turn): {seed / bare:.1f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000],
                        help="registrations to add to the seed's five")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        measure_size(args.one)
        return
    previous: float | None = None
    for size in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(size)],
                              capture_output=True, text=True, check=True)
        r = json.loads(done.stdout)
        per = r["seconds"] / r["registrations"] * 1000
        growth = f", {per / previous:.2f}× the time per registration before" if previous else ""
        print(f"{r['registrations']:>6} registrations, {r['documents']:>6} documents: "
              f"{r['seconds']:7.2f} s, {per:6.2f} ms per registration, peak "
              f"{r['peak_mb']:.0f} MB{growth}")
        previous = per
    seed_against_import(args.repeat)


if __name__ == "__main__":
    main()

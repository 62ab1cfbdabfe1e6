"""Benchmark: filled registration forms per second, plangen against plain docxtpl.

The baseline is what people do today: docxtpl loads the template and renders one form,
for each form. plangen compiles the template once and then renders each form as a string
and a zip write. Both fill the same template (templates/phieu-dang-ky.docx) with the
same 1,000 registrations; each method runs in its own process so that its peak memory
(maximum resident set size) is its own.

Usage:  .venv/bin/python bench/forms.py [--count 1000]
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "cchc-2023-2025.yaml"
TEMPLATES = ROOT / "templates"


def registrations(count: int) -> list:
    from plangen.plan.records import Registration

    kinds = ("mô hình", "giải pháp", "sáng kiến")
    return [Registration.model_validate({
        "id": f"DK{i:04d}", "kind": kinds[i % 3], "name": f"Mô hình số {i} của tổ chuyên môn",
        "field": "Chuyển đổi số", "owner": {"people": [{"name": f"Nguyễn Văn {i}",
                                                        "position": "Giáo viên"}]},
        "summary": "Tóm tắt nội dung.\nDòng thứ hai & ký tự đặc biệt.", "goal": "Mục tiêu.",
        "start": date(2024, 9, 5), "end": date(2025, 5, 31), "effect": "Hiệu quả.",
        "year": 2024}) for i in range(count)]


def run_plangen(count: int) -> float:
    from plangen.kinds import campaign, phieu_dang_ky
    from plangen.plan.datafiles import Bundle
    from plangen.plan.load import read_plan
    from plangen.render.annex.forms import TemplateStore
    from plangen.render.context import RenderContext

    plan, digest = read_plan(PLAN)
    regs = registrations(count)
    start = time.perf_counter()
    main = campaign.main_document(Bundle(plan, PLAN, digest))
    assert main is not None and plan.campaign is not None
    context = RenderContext(TemplateStore(TEMPLATES))
    label = campaign.form_label(plan)
    total = sum(len(phieu_dang_ky.build(phieu_dang_ky.Form(
        main, label, campaign.form_context(plan, plan.campaign, reg), reg), context))
        for reg in regs)
    elapsed = time.perf_counter() - start
    assert total > 0
    return elapsed


def run_docxtpl(count: int) -> float:
    from docxtpl import DocxTemplate

    from plangen.kinds.campaign import form_context
    from plangen.plan.load import load_plan
    from plangen.render.annex.engine import ENV

    plan = load_plan(PLAN)
    regs = registrations(count)
    start = time.perf_counter()
    for reg in regs:
        template = DocxTemplate(str(TEMPLATES / "phieu-dang-ky.docx"))
        template.render(form_context(plan, plan.campaign, reg), jinja_env=ENV, autoescape=True)
        template.save(io.BytesIO())
    return time.perf_counter() - start


def child(method: str, count: int) -> None:
    elapsed = {"plangen": run_plangen, "docxtpl": run_docxtpl}[method](count)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"method": method, "count": count, "seconds": round(elapsed, 3),
                      "forms_per_second": round(count / elapsed, 1),
                      "peak_mb": round(peak_mb, 1)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--method", choices=("plangen", "docxtpl"))
    args = parser.parse_args()
    if args.method:
        child(args.method, args.count)
        return
    results = {}
    for method in ("docxtpl", "plangen"):
        done = subprocess.run([sys.executable, __file__, "--method", method,
                               "--count", str(args.count)], capture_output=True, text=True,
                              check=True)
        results[method] = json.loads(done.stdout)
        r = results[method]
        print(f"{method:8} {r['count']} forms in {r['seconds']:7.2f} s = "
              f"{r['forms_per_second']:8.1f} forms/s, peak memory {r['peak_mb']:.0f} MB")
    speedup = results["plangen"]["forms_per_second"] / results["docxtpl"]["forms_per_second"]
    print(f"speed-up: {speedup:.1f}×")
    seconds = end_to_end(args.count)
    print(f"plangen build --only phieu-dang-ky, as a process, gate and writes included: "
          f"{args.count} forms in {seconds:.2f} s = {args.count / seconds:.1f} forms/s")


def end_to_end(count: int) -> float:
    """``plangen build --only phieu-dang-ky`` on the seed plan with ``count`` more
    registrations: what a user waits for."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).parent))
    from build import grown_plan

    with tempfile.TemporaryDirectory(prefix="plangen-bench-") as work:
        plan = grown_plan(Path(work), count)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "plangen", "build", str(plan), "-o",
                        str(Path(work) / "out"), "--only", "phieu-dang-ky"],
                       capture_output=True, check=True)
        return time.perf_counter() - start


if __name__ == "__main__":
    main()

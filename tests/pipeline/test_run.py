"""The manifest after a complete build lists what this build made: an earlier file it did
not make is stale (named, and no longer listed), except the PDF of a DOCX it wrote again
unchanged (a build without --pdf after one with it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAL_PLAN, minimal_text
from plangen.cli import main
from plangen.pipeline.save import sha256


def listed(out: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in data["documents"]}


def add_earlier_pdf(out: Path, name: str = "ke-hoach.pdf") -> Path:
    """A PDF an earlier ``--pdf`` build left, listed in the manifest (no LibreOffice here)."""
    pdf = out / name
    pdf.write_bytes(b"%PDF-1.7\n% plangen test\n")
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    data["documents"].append({"file": name, "kind": "pdf", "sha256": sha256(pdf.read_bytes()),
                              "size": pdf.stat().st_size, "pdfa": "2b"})
    (out / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    return pdf


def test_the_pdf_of_an_unchanged_docx_stays_listed(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(MINIMAL_PLAN, plan)
    assert main(["build", str(plan), "-o", str(tmp_path / "out")]) == 0
    out = tmp_path / "out" / "plan"
    pdf = add_earlier_pdf(out)
    capsys.readouterr()
    assert main(["build", str(plan), "-o", str(tmp_path / "out")]) == 0
    assert "ke-hoach.pdf" in listed(out) and "lưu ý" not in capsys.readouterr().out
    assert pdf.is_file()


def test_the_pdf_of_a_changed_docx_is_stale(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(minimal_text(), encoding="utf-8")
    assert main(["build", str(plan), "-o", str(tmp_path / "out")]) == 0
    out = tmp_path / "out" / "plan"
    pdf = add_earlier_pdf(out)
    plan.write_text(minimal_text().replace("Tổ chức hội thi", "Tổ chức cuộc thi"),
                    encoding="utf-8")
    capsys.readouterr()
    assert main(["build", str(plan), "-o", str(tmp_path / "out")]) == 0
    assert (f"lưu ý: {pdf} do lần tạo trước ghi, nay không còn được tạo từ kế hoạch (đã bỏ "
            "khỏi manifest.json); xóa nếu không cần") in capsys.readouterr().out.splitlines()
    assert "ke-hoach.pdf" not in listed(out) and pdf.is_file()


def test_a_partial_build_keeps_every_earlier_file_listed(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(MINIMAL_PLAN, plan)
    assert main(["build", str(plan), "-o", str(tmp_path / "out")]) == 0
    out = tmp_path / "out" / "plan"
    before = set(listed(out))
    assert main(["build", str(plan), "-o", str(tmp_path / "out"), "--only", "ke-hoach"]) == 0
    assert set(listed(out)) == before

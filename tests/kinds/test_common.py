"""What every document gets the same way: a joint document's bodies, ký hiệu and
signature blocks, read back by the checker as the joint layout."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, bundle_of
from plangen.check import check_docx
from plangen.check.read.layout import find_layout
from plangen.check.read.package import read_docx
from plangen.check.rules.signer import signer_parts
from plangen.kinds import common
from plangen.pipeline.run import build_plan
from plangen.spec import mau

JOINT = ROOT / "plans" / "lien-tich-thi-dua-2025-2026.yaml"


def test_a_joint_document_has_both_bodies_and_a_block_each() -> None:
    bundle = bundle_of(JOINT)
    parts = common.issued_parts(bundle, bundle.plan.van_ban[0])
    assert parts["ky_hieu"] == "KHLT-THCSLQĐ-CĐCS"
    assert [body.name for body in parts["co_issuers"]] == ["Ban Chấp hành Công đoàn trường"]
    assert [block.lines() for block in parts["signatures"]] == [
        ("TM. BAN CHẤP HÀNH", "CHỦ TỊCH"), ("HIỆU TRƯỞNG",)]
    assert parts["profile"] == mau.MAU_1_4.joint(2)


def test_the_checker_reads_a_joint_document_as_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_plan(bundle_of(JOINT), out)
    doc = read_docx(out / "ke-hoach.docx")
    layout = find_layout(doc)
    assert layout.profile == mau.MAU_1_4.joint(2)
    assert [p.text for p in layout.issuer_lines] == [
        "TRƯỜNG THCS LÊ QUÝ ĐÔN", "BAN CHẤP HÀNH", "CÔNG ĐOÀN TRƯỜNG"]
    names = [signer_parts(block)[2] for block in layout.signatures]
    assert [n.text if n else None for n in names] == ["Phan Văn Thắng", "Đỗ Thị Minh Tâm"]
    assert "(Kèm theo" not in " ".join(p.text for p in doc.paragraphs)
    report = check_docx(out / "ke-hoach.docx")
    assert (report.count("error"), report.count("warning")) == (0, 0)

"""The kind registry: a new kind needs one entry, every kind is built, marked and gated
alike, and the plan's documents come from the plan as it was read."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Literal

import pytest

from conftest import (
    MINIMAL_PLAN,
    SEED_PLAN,
    bundle_of,
    minimal_text,
    problems_of,
    without_campaign,
    write_plan,
)
from plangen.check import check_docx
from plangen.check.read.layout import FAMILIES, find_layout
from plangen.check.read.package import read_docx
from plangen.check.rules.catalog import RULES
from plangen.cli import main
from plangen.errors import UserError
from plangen.kinds import (
    KINDS,
    Kind,
    Rendered,
    common,
    from_entries,
    kind_names,
    register,
    unregister,
)
from plangen.pipeline.run import build_plan
from plangen.pipeline.save import sha256
from plangen.plan.datafiles import Bundle
from plangen.plan.document import Document, Prose, Recipients
from plangen.plan.model import Entry, Text, VnDate
from plangen.plan.schema import plan_schema
from plangen.render.docx import blocks
from plangen.render.layouts import mau_1_4
from plangen.spec import mau, nd30
from plangen.spec.vn import ngay


class GiayGioiThieu(Entry):
    """Một giấy giới thiệu (Mẫu 1.8): người được giới thiệu, nơi đến, việc gì, hạn dùng."""

    kind: Literal["GGT"]
    """GGT: Giấy giới thiệu."""
    trich_yeu: str = ""
    """Giấy giới thiệu không có trích yếu (Mẫu 1.8)."""
    gioi_thieu: Text
    """Ông (bà) được giới thiệu."""
    chuc_vu: Text
    """Chức vụ của người được giới thiệu."""
    duoc_cu_den: Text
    """Cơ quan được giới thiệu tới làm việc."""
    ve_viec: Text
    """Về việc gì."""
    het_han: VnDate
    """Giấy có giá trị đến hết ngày này."""


def introduction(bundle: Bundle, entry: GiayGioiThieu) -> Document:
    """The toy kind's document: Mẫu 1.8's lines, laid out by the shared Mẫu 1.4 builder."""
    issuer = " ".join(bundle.plan.issuer.name.split())
    lines = (f"{issuer} trân trọng giới thiệu:", f"Ông (bà): {entry.gioi_thieu}.",
             f"Chức vụ: {entry.chuc_vu}.", f"Được cử đến: {entry.duoc_cu_den}.",
             f"Về việc: {entry.ve_viec}.",
             "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ.",
             f"Giấy này có giá trị đến hết {ngay(entry.het_han)}.")
    return Document(**common.issued_parts(bundle, entry),
                    body=tuple(Prose(text=line) for line in lines),
                    recipients=Recipients(noi_nhan=tuple(entry.noi_nhan)))


TOY = Kind(name="giay-gioi-thieu", file_name="{key}.docx",
           sources=from_entries("GGT", GiayGioiThieu, introduction), layout=mau_1_4.build,
           ten_loai=mau.TEN_LOAI["GGT"], entry=GiayGioiThieu,
           manifest=("loai_van_ban", "so_ky_hieu", "nguoi_ky"))

TOY_PLAN = """
van_ban:
  - kind: GGT
    number: 7
    issued_on: 2024-03-05
    gioi_thieu: Lê Văn Cường
    chuc_vu: Giáo viên
    duoc_cu_den: Sở Giáo dục và Đào tạo Hà Nội
    ve_viec: Nộp hồ sơ hội thi giáo viên dạy giỏi
    het_han: 2024-03-31
    noi_nhan: ["Lưu: VT"]
"""


@pytest.fixture
def toy_kind() -> Iterator[Kind[Document]]:
    """The toy kind registered for one test, and taken back after it."""
    register(TOY)
    try:
        yield TOY
    finally:
        unregister(TOY.name)


def test_a_kind_added_in_one_place_is_read_built_checked_and_listed(
        tmp_path: Path, toy_kind: Kind[Document], capsys: pytest.CaptureFixture[str]) -> None:
    """What CONTRIBUTING.md promises: a kind is one entry model, one conversion and one
    registry entry; the plan's union, the schema, --only, the gate, the checker's reading
    of its mẫu (1.8: no trích yếu) and the manifest all follow."""
    plan = write_plan(tmp_path, without_campaign() + TOY_PLAN)
    assert main(["build", str(plan), "-o", str(tmp_path), "--only", "giay-gioi-thieu"]) == 0
    out = tmp_path / plan.stem
    written = out / "giay-gioi-thieu.docx"
    assert sorted(p.name for p in out.iterdir()) == ["giay-gioi-thieu.docx", "manifest.json"]
    capsys.readouterr()
    assert main(["check", "--strict", str(written)]) == 0
    report = check_docx(written)
    assert (report.family, report.count("error"), report.count("warning")) == ("document", 0, 0)
    assert find_layout(read_docx(written)).profile == mau.MAU_1_8
    texts = [p.text for p in read_docx(written).paragraphs]
    assert "GIẤY GIỚI THIỆU" in texts and "Số: 07/GGT-THPTTN" in texts
    assert "Ông (bà): Lê Văn Cường." in texts
    entry = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"][0]
    assert entry["kind"] == "giay-gioi-thieu"
    assert {k: entry[k] for k in TOY.manifest} == {
        "loai_van_ban": "Giấy giới thiệu", "so_ky_hieu": "07/GGT-THPTTN",
        "nguoi_ky": "Trần Thị Bình"}
    schema = json.loads(plan_schema())
    assert "GGT" in schema["properties"]["van_ban"]["items"]["discriminator"]["mapping"]
    assert schema["$defs"]["GiayGioiThieu"]["properties"]["ve_viec"]["description"] == \
        "Về việc gì."
    assert "giay-gioi-thieu" in kind_names()


def test_a_toy_kinds_mistakes_are_located(tmp_path: Path, toy_kind: Kind[Document]) -> None:
    text = without_campaign() + TOY_PLAN.replace("    chuc_vu: Giáo viên\n", "")
    assert problems_of(text) == ["van_ban[0].chuc_vu: required field is missing"]


def test_a_kind_taken_back_is_gone(toy_kind: Kind[Document]) -> None:
    unregister(TOY.name)
    register(TOY)
    assert kind_names().count("giay-gioi-thieu") == 1


def test_a_draft_marks_every_document(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = build_plan(bundle_of(SEED_PLAN), out, draft=True).written
    docx_files = [p for p in written if p.suffix == ".docx"]
    assert {p.name for p in docx_files} >= {"ke-hoach.docx", "bao-cao-2024.docx",
                                            "bao-cao-tong-ket.docx", "danh-sach-dang-ky.docx",
                                            "mau-trong.docx"}
    for path in docx_files:
        first = [p.text for p in read_docx(path).paragraphs[:2]]
        assert nd30.DRAFT_MARK_TEXT in first, path.name
        assert check_docx(path).count("error") == 0, path.name


def test_the_gate_refuses_a_draft_without_its_mark(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blocks, "draft_mark", lambda document: None)
    with pytest.raises(UserError) as refused:
        build_plan(bundle_of(MINIMAL_PLAN), tmp_path / "out", draft=True,
                   only=["ke-hoach"], lang="en")
    assert refused.value.lines == [
        'ke-hoach.docx: not ready for signing: the draft has no "DỰ THẢO" mark at the top '
        "of page 1"]
    assert not (tmp_path / "out").exists()


def test_the_gate_refuses_a_file_the_checker_reads_as_another_layout(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = replace(KINDS["ke-hoach"], ten_loai=None)
    monkeypatch.setitem(KINDS, "ke-hoach", wrong)
    with pytest.raises(UserError) as refused:
        build_plan(bundle_of(MINIMAL_PLAN), tmp_path / "out", only=["ke-hoach"], lang="vi")
    assert refused.value.lines == [
        "ke-hoach.docx: chưa sẵn sàng để ký: trình kiểm tra đọc văn bản là một văn bản, nhưng "
        "loại ke-hoach phải là một phụ lục"]


def seed_with(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the seed plan and its data files with ``old`` replaced by ``new``."""
    folder = tmp_path / "plans"
    shutil.copytree(SEED_PLAN.parent, folder)
    target = folder / SEED_PLAN.name
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


REPORT_SIGNER = """  noi_nhan:
    - Ban Giám hiệu
    - "Lưu: VT"
  signer:
    authority: KT.
    head_title: Hiệu trưởng
    title: Phó Hiệu trưởng
"""


def test_reports_own_their_signer_and_the_gate_wants_its_name(tmp_path: Path) -> None:
    plan = seed_with(tmp_path, "  noi_nhan:\n    - Ban Giám hiệu\n    - \"Lưu: VT\"\n",
                     REPORT_SIGNER)
    with pytest.raises(UserError) as refused:
        build_plan(bundle_of(plan), tmp_path / "out", only=["bao-cao"], lang="en")
    assert refused.value.lines == [
        f"{name}: not ready for signing: no signer's name (signer.name); use --draft for a "
        "draft" for name in ("bao-cao-2023.docx", "bao-cao-2024.docx", "bao-cao-tong-ket.docx")]
    named = plan.read_text(encoding="utf-8").replace(
        "    title: Phó Hiệu trưởng\n", "    title: Phó Hiệu trưởng\n    name: Lê Văn Cường\n")
    plan.write_text(named, encoding="utf-8")
    out = tmp_path / "named"
    build_plan(bundle_of(plan), out, only=["bao-cao", "ke-hoach"])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    by_file = {e["file"]: e for e in manifest["documents"]}
    report = by_file["bao-cao-2024.docx"]
    assert {k: report[k] for k in ("nguoi_ky", "quyen_han", "tap_the", "chuc_vu_cap_truong",
                                   "chuc_vu")} == {
        "nguoi_ky": "Lê Văn Cường", "quyen_han": ["KT."], "tap_the": None,
        "chuc_vu_cap_truong": "Hiệu trưởng", "chuc_vu": "Phó Hiệu trưởng"}
    assert by_file["ke-hoach.docx"]["nguoi_ky"] == "Nguyễn Văn An"
    assert check_docx(out / "bao-cao-2024.docx").count("error") == 0


def test_a_plan_without_a_campaign_is_a_plain_ke_hoach(tmp_path: Path) -> None:
    plan = tmp_path / "khong-phong-trao.yaml"
    plan.write_text(without_campaign(), encoding="utf-8")
    assert "campaign" not in plan.read_text(encoding="utf-8")
    out = tmp_path / "out"
    written = build_plan(bundle_of(plan), out).written
    assert [p.name for p in written] == ["ke-hoach.docx"]
    texts = [p.text for p in read_docx(written[0]).paragraphs]
    assert not any(t.startswith(("Phụ lục", "(Kèm theo")) for t in texts)
    assert check_docx(written[0]).count("error") == 0


def test_a_campaign_name_in_a_plan_without_one_is_located() -> None:
    text = without_campaign().replace("Nâng cao chất lượng dạy học.",
                                      "Nâng cao chất lượng dạy học, {{ phases[0].end }}.")
    assert problems_of(text) == [
        'body[0].content: the expression uses "phases" of a campaign, but the plan has no '
        "campaign: add campaign (name, start, end) or drop the expression"]


@pytest.mark.parametrize(("lang", "expected"), [
    ("vi", "data: có tệp dữ liệu (đăng ký, kết quả) nhưng không có campaign: hãy thêm campaign "
           "(name, start, end)"),
    ("en", "data: data files (registrations, results) need a campaign: add campaign (name, "
           "start, end)"),
])
def test_data_files_without_a_campaign_are_refused(lang: str, expected: str) -> None:
    text = without_campaign() + "data:\n  results: ket-qua.yaml\n"
    assert problems_of(text, lang) == [expected]


def test_the_manifest_names_the_plan_as_it_was_read(tmp_path: Path) -> None:
    plan = tmp_path / "ke-hoach.yaml"
    original = minimal_text()
    plan.write_text(original, encoding="utf-8")
    bundle = bundle_of(plan)
    plan.write_text(original + "# saved again by an editor during the build\n",
                    encoding="utf-8")
    build_plan(bundle, tmp_path / "out", only=["ke-hoach"])
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["plan"] == {"file": "ke-hoach.yaml",
                                "sha256": sha256(original.encode("utf-8"))}


def test_which_rules_apply_to_an_attachment_is_data_on_each_rule() -> None:
    for_attachments = [r.code for r in RULES if "attachment" in r.families]
    assert for_attachments == ["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C11",
                               "C12", "C13", "C40", "C41", "C42", "C48"]
    assert all(r.families <= set(FAMILIES) and "document" in r.families for r in RULES)


def test_rendered_documents_know_their_signer() -> None:
    assert Rendered("a.docx", "x").signed is False
    assert Rendered("a.docx", "x", signer="").signed is True


def test_the_plans_document_is_named_after_its_kind(tmp_path: Path) -> None:
    plan = tmp_path / "thong-bao.yaml"
    plan.write_text(minimal_text().replace("place: Hà Nội", "kind: TB\nplace: Hà Nội"),
                    encoding="utf-8")
    out = tmp_path / "out"
    build_plan(bundle_of(plan), out, only=["thong-bao"])
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "thong-bao.docx"]
    texts = [p.text for p in read_docx(out / "thong-bao.docx").paragraphs]
    assert "THÔNG BÁO" in texts
    assert ("(Kèm theo Thông báo số ……/TB-THPTTN ngày 01 tháng 3 năm 2024 của Trường THPT "
            "Thử Nghiệm)") in texts


def test_the_built_in_kinds_make_the_plans_validator_once() -> None:
    """Each rebuild of the plan's validator costs some 35 ms; made once per kind, they were
    0.7 s of every command's start."""
    import subprocess
    import sys

    count = subprocess.run([sys.executable, "-c", """
from pydantic import BaseModel
calls = []
original = BaseModel.model_rebuild.__func__
def counted(cls, *args, **kwargs):
    calls.append(cls.__name__)
    return original(cls, *args, **kwargs)
BaseModel.model_rebuild = classmethod(counted)
import plangen.kinds
print(calls.count("Plan"))
"""], capture_output=True, text=True, check=True).stdout.strip()
    assert count == "1"

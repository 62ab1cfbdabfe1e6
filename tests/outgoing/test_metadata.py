"""NĐ30 Phụ lục VI metadata: every issued document's manifest entry carries the decree's
fields under their tags, computed from its e-office fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, SEED_PLAN, bundle_of
from plangen.outgoing.metadata import TAGS, kept_copy, outgoing_metadata, recipients, split_number
from plangen.pipeline.run import Staged, build_plan, make_manifest

SO_NOI_VU = ROOT / "plans" / "so-noi-vu-thi-dua-2025.yaml"
ENTRY = {"loai_van_ban": "Công văn", "so_ky_hieu": "05/THPTNT-VP",
         "trich_yeu": "báo cáo kết quả năm 2024", "ngay": "2024-10-30",
         "nguoi_ky": "Lê Thị Hoa", "quyen_han": ["KT."], "tap_the": None,
         "chuc_vu_cap_truong": "Hiệu trưởng", "chuc_vu": "Phó Hiệu trưởng",
         "kinh_gui": ["Sở Giáo dục và Đào tạo"],
         "noi_nhan": ["Ban Giám hiệu", "Lưu: VT, VP"]}


def test_the_fields_of_a_letter() -> None:
    assert outgoing_metadata(ENTRY, organ="Trường THPT Nguyễn Trãi", pages=2, draft=False) == {
        "TypeName": "Công văn", "CodeNumber": "05", "CodeNotation": "THPTNT-VP",
        "IssuedDate": "2024-10-30", "OrganName": "Trường THPT Nguyễn Trãi",
        "Subject": "báo cáo kết quả năm 2024", "Language": "Tiếng Việt", "PageAmount": 2,
        "Description": None,
        "SignerInfo": {"Position": "Phó Hiệu trưởng", "FullName": "Lê Thị Hoa"},
        "To": [{"OrganId": None, "OrganName": "Sở Giáo dục và Đào tạo"},
               {"OrganId": None, "OrganName": "Ban Giám hiệu"}],
        "Priority": None, "IssuedAmount": None, "DueDate": None}


def test_a_draft_without_number_or_pages() -> None:
    fields = outgoing_metadata({**ENTRY, "so_ky_hieu": "/KH-THPTNT", "ngay": None},
                               organ="T", pages=None, draft=True)
    assert (fields["CodeNumber"], fields["CodeNotation"], fields["IssuedDate"],
            fields["PageAmount"], fields["Description"]) == (None, "KH-THPTNT", None, None,
                                                             "Dự thảo")
    assert list(fields) == list(TAGS)


@pytest.mark.parametrize(("text", "expected"), [
    ("05/KH-THPTNT", ("05", "KH-THPTNT")), ("/QĐ-UBND", (None, "QĐ-UBND")),
    ("123/THPTNT-VP", ("123", "THPTNT-VP")),
])
def test_number_and_notation(text: str, expected: tuple[str | None, str]) -> None:
    assert split_number(text) == expected


def test_the_kept_copy_is_no_recipient() -> None:
    assert recipients(ENTRY) == ["Sở Giáo dục và Đào tạo", "Ban Giám hiệu"]
    assert kept_copy(ENTRY) == "VT, VP"
    assert kept_copy({"noi_nhan": ["A"]}) is None


def test_every_issued_document_of_a_build_has_them(tmp_path: Path) -> None:
    build_plan(bundle_of(SO_NOI_VU), tmp_path)
    entries = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))["documents"]
    issued = [e for e in entries if "so_ky_hieu" in e]
    assert issued and all(list(e["metadata"]) == list(TAGS) for e in issued)
    fields = issued[0]["metadata"]
    assert (fields["TypeName"], fields["CodeNumber"], fields["CodeNotation"],
            fields["IssuedDate"], fields["OrganName"], fields["SignerInfo"]) == (
        "Kế hoạch", "38", "KH-SNV", "2025-01-20", "Sở Nội vụ",
        {"Position": "Phó Giám đốc", "FullName": "Trần Quốc Huy"})
    assert fields["PageAmount"] is None  # no PDF built


def test_forms_and_lists_have_none(tmp_path: Path) -> None:
    build_plan(bundle_of(SEED_PLAN), tmp_path)
    entries = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))["documents"]
    assert {e["kind"] for e in entries if "metadata" not in e} == {"phieu-dang-ky", "danh-sach"}


def test_page_amount_comes_from_the_pdf() -> None:
    files = [Staged("ke-hoach.docx", "ke-hoach", "0" * 64, 1, dict(ENTRY)),
             Staged("ke-hoach.pdf", "pdf", "1" * 64, 2, {"pdfa": "2b", "trang": 6,
                                                        "phong_chu": ["Liberation Serif"]})]
    manifest = json.loads(make_manifest(bundle_of(SEED_PLAN), files, False))
    assert manifest["documents"][0]["metadata"]["PageAmount"] == 6
    assert "metadata" not in manifest["documents"][1]


def test_a_kind_recording_fewer_fields_gets_none_for_the_others() -> None:
    fields = outgoing_metadata({"so_ky_hieu": "07/TB-T", "trich_yeu": "Nghỉ Tết"},
                               organ="T", pages=None, draft=False)
    assert (fields["CodeNumber"], fields["Subject"], fields["TypeName"], fields["IssuedDate"],
            fields["SignerInfo"], fields["To"]) == (
        "07", "Nghỉ Tết", None, None, {"Position": None, "FullName": None}, [])

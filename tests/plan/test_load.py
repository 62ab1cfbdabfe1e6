"""Loading a plan file: a document at the top level of the file is read as the first of
``van_ban``, and every message names the path and line the file has."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import minimal_text, problems_of, without_campaign
from plangen.errors import PlanError
from plangen.plan import datafiles
from plangen.plan.load import load_plan_text
from plangen.plan.model import VanBanTenLoai

ONLY_VAN_BAN = """issuer: {name: Trường THCS Thử Nghiệm, abbreviation: THCSTN}
place: Hà Nội
signer: {title: Hiệu trưởng, name: Lê Thị Hoa}
van_ban:
  - kind: TB
    number: 3
    issued_on: 2025-01-10
    trich_yeu: Lịch nghỉ Tết Nguyên đán
    content: Học sinh nghỉ từ ngày 25 tháng 01 năm 2025.
    noi_nhan: ["Lưu: VT"]
"""


def test_a_top_level_document_is_the_first_of_the_plans_documents() -> None:
    plan = load_plan_text(minimal_text(), "plan.yaml")
    first = plan.van_ban[0]
    assert isinstance(first, VanBanTenLoai)
    assert (first.kind, first.key, first.file_stem) == ("KH", None, "ke-hoach")
    assert first.ky_hieu(plan.issuer) == "KH-THPTTN"


def test_a_file_may_list_its_documents_only_in_van_ban() -> None:
    plan = load_plan_text(ONLY_VAN_BAN, "plan.yaml")
    assert [(e.kind, e.file_stem) for e in plan.van_ban] == [("TB", "thong-bao")]


def test_messages_name_the_top_level_paths_the_file_has() -> None:
    text = minimal_text().replace("trich_yeu:", "trich_yue:")
    assert problems_of(text) == [
        "trich_yeu: required field is missing",
        'trich_yue: unknown key "trich_yue"; did you mean "trich_yeu"?']


def test_a_misspelt_shared_key_is_named_at_the_top_level() -> None:
    text = minimal_text().replace("campaign:", "campain:", 1)
    assert 'campain: unknown key "campain"; did you mean "campaign"?' in problems_of(text)


def test_a_key_of_another_kind_says_which_kind_it_was_read_as() -> None:
    text = ONLY_VAN_BAN.replace("    content:", "    dieu: [Một điều.]\n    content:")
    assert problems_of(text) == [
        'van_ban[0].dieu: a Thông báo (kind: TB) has no key "dieu"; check its kind, or remove '
        "the key"]


def test_the_documents_of_van_ban_keep_their_indexes_after_a_top_level_one() -> None:
    text = without_campaign() + "van_ban:\n  - kind: TB\n    trich_yeu: X\n    content: Y\n"
    assert problems_of(text) == ["van_ban[0].noi_nhan: required field is missing"]


def test_a_file_without_any_document_says_how_to_write_one() -> None:
    text = ONLY_VAN_BAN.split("van_ban:")[0]
    assert problems_of(text) == [
        ": the file has no document: list its documents in van_ban (e.g. - kind: KH, "
        "trich_yeu: …, body: …), or write the main one at the top level of the file"]


def test_a_signer_by_name_must_be_one_of_signers() -> None:
    text = ONLY_VAN_BAN.replace("    noi_nhan:", "    signer: pho_hieu_truong\n    noi_nhan:")
    assert problems_of(text) == [
        'van_ban[0].signer: no signer "pho_hieu_truong" in signers; the names there: —']
    named = text.replace("signer: {title: Hiệu trưởng, name: Lê Thị Hoa}\n", (
        "signers:\n  pho_hieu_truong: {authority: KT., head_title: Hiệu trưởng, "
        "title: Phó Hiệu trưởng, name: Trần Văn Nam}\n"))
    plan = load_plan_text(named, "plan.yaml")
    signer = plan.signer_of(plan.van_ban[0].signer)
    assert signer is not None and signer.titles() == ("KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG")


def test_a_document_without_any_signer_is_refused_at_its_signer() -> None:
    text = ONLY_VAN_BAN.replace("signer: {title: Hiệu trưởng, name: Lê Thị Hoa}\n", "")
    assert problems_of(text, "vi") == [
        "van_ban[0].signer: văn bản không có người ký: ghi signer ở đây, hoặc signer chung ở "
        "cấp ngoài cùng của tệp"]


def test_a_documents_own_abbreviation_and_a_joint_ky_hieu() -> None:
    text = ONLY_VAN_BAN.replace("    noi_nhan:", (
        "    abbreviation: HT\n    lien_tich:\n      - issuer: {name: Công đoàn trường, "
        "abbreviation: CĐCS}\n        signer: {authority: TM., collective: Ban Chấp hành, "
        "title: Chủ tịch, name: Phan Văn Thắng}\n    noi_nhan:"))
    plan = load_plan_text(text, "plan.yaml")
    assert plan.van_ban[0].ky_hieu(plan.issuer) == "TBLT-HT-CĐCS"


def test_two_documents_written_to_one_file_are_refused_at_the_second() -> None:
    text = ONLY_VAN_BAN + ONLY_VAN_BAN.split("van_ban:\n")[1]
    assert problems_of(text) == [
        "van_ban[1].key: two documents would both be written to thong-bao.docx (same kind, "
        "same key); give this one another key"]


def test_a_text_quoting_the_data_files_waits_for_them() -> None:
    text = ONLY_VAN_BAN.replace("Học sinh nghỉ", "Có {{ ket_qua.tong_ket.tong }} học sinh nghỉ")
    plan = load_plan_text(text, "plan.yaml")
    assert "{{ ket_qua.tong_ket.tong }}" in str(getattr(plan.van_ban[0], "content", ""))
    with pytest.raises(PlanError):
        load_plan_text(text.replace("{{ ket_qua", "{{ ket_quaa"), "plan.yaml")


def _final_problems(tmp_path: Path, text: str) -> list[str]:
    from plangen.plan.load import read_plan_located

    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    read_plan_located(plan, "en")  # a draft's check: nothing missing
    with pytest.raises(PlanError) as refused:
        datafiles.load_bundle(plan, "en", final=True)
    return [f"{p.line}: {p.path}: {p.message}" for p in refused.value.problems]


def test_a_value_still_to_fill_stops_a_final_build_at_its_line(tmp_path: Path) -> None:
    text = minimal_text().replace("  name: Trường THPT Thử Nghiệm",
                                  '  name: "<<cần điền: tên cơ quan ban hành>>"')
    assert _final_problems(tmp_path, text) == [
        "3: issuer.name: a value is still to fill in: <<cần điền: tên cơ quan ban hành>>; "
        "write the real value, or use --draft (only a draft may keep it)"]


def test_a_place_no_document_prints_may_stay_to_fill(tmp_path: Path) -> None:
    """A Biên bản has no date line: the place its plan needs is printed nowhere."""
    text = """\
issuer: {name: Trường THPT Thử Nghiệm, abbreviation: THPTTN}
place: "<<cần điền: địa danh>>"
van_ban:
  - kind: BB
    number: 3
    trich_yeu: họp Hội đồng Thi đua - Khen thưởng
    bat_dau: 2024-12-10 14:00
    ket_thuc: 2024-12-10 16:00
    dia_diem: Phòng họp Hội đồng
    thanh_phan: [Các thành viên Hội đồng]
    chu_toa: {name: Trần Thị Bình, title: Hiệu trưởng}
    thu_ky: {name: Lê Văn An, title: Thư ký Hội đồng}
    content: Hội đồng xét các danh hiệu thi đua.
    noi_nhan: ["Lưu: VT"]
"""
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    assert datafiles.load_bundle(plan, "en", final=True).plan.place.startswith("<<")

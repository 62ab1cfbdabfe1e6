"""Giấy mời (Mẫu 1.7): who is invited to what, by whom, when and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import bundle_of, problems_of, write_plan
from plangen.check import check_docx
from plangen.check.read.layout import find_layout
from plangen.check.read.package import read_docx
from plangen.pipeline.run import build_plan
from plangen.spec import mau

INVITATION = """issuer: {name: Trường THCS Thử Nghiệm, abbreviation: THCSTN}
place: Hà Nội
signer: {title: Hiệu trưởng, name: Lê Thị Hoa}
van_ban:
  - kind: GM
    number: 9
    issued_on: 2025-05-20
    trich_yeu: Dự Lễ tổng kết năm học 2024 - 2025
    kinh_moi: ["Ông Nguyễn Văn Bình, Trưởng Ban đại diện cha mẹ học sinh"]
    toi_du: Lễ tổng kết năm học 2024 - 2025
    chu_tri: Bà Lê Thị Hoa, Hiệu trưởng
    bat_dau: 2025-05-24 07:30
    ket_thuc: 2025-05-24 10:00
    dia_diem: Sân trường
    luu_y: Trang phục lịch sự.
    noi_nhan: [Như trên, "Lưu: VT"]
"""


def build(tmp_path: Path, text: str = INVITATION) -> Path:
    out = tmp_path / "out"
    build_plan(bundle_of(write_plan(tmp_path, text)), out)
    return out / "giay-moi.docx"


def test_the_invitation_says_what_mau_1_7_asks(tmp_path: Path) -> None:
    invitation = build(tmp_path)
    texts = [p.text for p in read_docx(invitation).paragraphs if p.text.strip()]
    start = texts.index("Trường THCS Thử Nghiệm trân trọng kính mời: Ông Nguyễn Văn Bình, "
                        "Trưởng Ban đại diện cha mẹ học sinh.")
    assert texts[start + 1:start + 6] == [
        "Tới dự Lễ tổng kết năm học 2024 - 2025.", "Chủ trì: Bà Lê Thị Hoa, Hiệu trưởng.",
        "Thời gian: từ 07 giờ 30 đến 10 giờ 00, thứ Bảy, ngày 24 tháng 5 năm 2025.",
        "Địa điểm: Sân trường.", "Trang phục lịch sự./."]
    assert "GIẤY MỜI" in texts and "Số: 09/GM-THCSTN" in texts
    assert find_layout(read_docx(invitation)).profile == mau.MAU_1_7
    report = check_docx(invitation)
    assert report.count("error") == 0


def test_several_guests_are_listed_and_an_event_over_two_days_says_both(
        tmp_path: Path) -> None:
    text = INVITATION.replace(
        "    kinh_moi: [\"Ông Nguyễn Văn Bình, Trưởng Ban đại diện cha mẹ học sinh\"]",
        "    kinh_moi: [Đại diện Phòng Giáo dục và Đào tạo, Ban đại diện cha mẹ học sinh]"
    ).replace("    ket_thuc: 2025-05-24 10:00", "    ket_thuc: 2025-05-25 10:00")
    texts = [p.text for p in read_docx(build(tmp_path, text)).paragraphs if p.text.strip()]
    start = texts.index("Trường THCS Thử Nghiệm trân trọng kính mời:")
    assert texts[start + 1:start + 3] == ["- Đại diện Phòng Giáo dục và Đào tạo;",
                                          "- Ban đại diện cha mẹ học sinh."]
    assert ("Thời gian: từ 07 giờ 30, thứ Bảy, ngày 24 tháng 5 năm 2025 đến 10 giờ 00, "
            "Chủ nhật, ngày 25 tháng 5 năm 2025.") in texts


def test_an_event_that_ends_before_it_starts_is_refused() -> None:
    text = INVITATION.replace("    ket_thuc: 2025-05-24 10:00", "    ket_thuc: 24/5/2025 07:00")
    assert problems_of(text) == [
        "van_ban[0].ket_thuc: the end (07 giờ 00, ngày 24 tháng 5 năm 2025) is not after the "
        "start (07 giờ 30, ngày 24 tháng 5 năm 2025)"]


@pytest.mark.parametrize("moment", ["2025-05-24 07:30", "24/5/2025 07:30", "07:30 24/05/2025"])
def test_a_time_is_written_as_offices_write_it(moment: str) -> None:
    assert problems_of(INVITATION.replace("2025-05-24 07:30", moment)) == []

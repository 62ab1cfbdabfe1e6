"""Biên bản (Mẫu 1.9): built from its fields, signed by the secretary and the chair side
by side with the Nơi nhận under them, no date line, read so by the checker."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import bundle_of, problems_of, write_plan
from plangen.check import check_docx
from plangen.check.read.layout import find_layout
from plangen.check.read.package import read_docx
from plangen.check.rules.signer import signer_parts
from plangen.pipeline.run import build_plan
from plangen.spec import mau

MINUTES = """issuer: {name: Trường THCS Thử Nghiệm, abbreviation: THCSTN}
place: Hà Nội
van_ban:
  - kind: BB
    number: 4
    trich_yeu: Họp Hội đồng Thi đua - Khen thưởng học kỳ I
    bat_dau: 2025-01-08 14:00
    ket_thuc: 2025-01-08 15:30
    dia_diem: Phòng họp Hội đồng
    thanh_phan: [Hội đồng Thi đua - Khen thưởng (có mặt 05/05), Đại diện Công đoàn]
    chu_toa: {name: Lê Thị Hoa, title: Hiệu trưởng}
    thu_ky: {name: Trần Văn Nam, title: Giáo viên}
    content: Hội đồng xét đề nghị của các tổ chuyên môn.
    ket_luan: Đề nghị khen thưởng 03 tập thể.
    noi_nhan: ["Lưu: VT, Hồ sơ thi đua"]
"""


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bb")
    out = folder / "out"
    build_plan(bundle_of(write_plan(folder, MINUTES)), out)
    return out / "bien-ban.docx"


def test_the_minutes_say_what_mau_1_9_asks_line_by_line(minutes: Path) -> None:
    texts = [p.text for p in read_docx(minutes).paragraphs if p.text.strip()]
    start = texts.index("Thời gian bắt đầu: 14 giờ 00, ngày 08 tháng 01 năm 2025.")
    assert texts[start:start + 12] == [
        "Thời gian bắt đầu: 14 giờ 00, ngày 08 tháng 01 năm 2025.",
        "Địa điểm: Phòng họp Hội đồng.", "Thành phần tham dự:",
        "- Hội đồng Thi đua - Khen thưởng (có mặt 05/05);", "- Đại diện Công đoàn.",
        "Chủ tọa: Lê Thị Hoa, Hiệu trưởng.",
        "Thư ký (người ghi biên bản): Trần Văn Nam, Giáo viên.",
        "Nội dung cuộc họp:", "Hội đồng xét đề nghị của các tổ chuyên môn.", "Kết luận cuộc họp:",
        "Đề nghị khen thưởng 03 tập thể.", "Cuộc họp kết thúc vào 15 giờ 30, ngày 08 tháng 01 năm "
        "2025./."]
    assert "BIÊN BẢN" in texts and "Số: 04/BB-THCSTN" in texts
    assert not any(t.startswith("Hà Nội, ngày") for t in texts)  # Mẫu 1.9 has no date line


def test_secretary_and_chair_sign_side_by_side_with_the_noi_nhan_under_them(
        minutes: Path) -> None:
    layout = find_layout(read_docx(minutes))
    assert layout.profile == mau.MAU_1_9
    blocks = [signer_parts(block) for block in layout.signatures]
    assert [([t.text for t in titles], name.text if name else None)
            for titles, _blanks, name in blocks] == [
        (["THƯ KÝ"], "Trần Văn Nam"), (["CHỦ TỌA"], "Lê Thị Hoa")]
    assert [p.text for p in layout.noi_nhan_items] == ["- Lưu: VT, Hồ sơ thi đua."]
    label, left = layout.noi_nhan_label, layout.signatures[0]
    assert label is not None and label.col == left[0].col and label.index > left[-1].index
    report = check_docx(minutes)
    assert (report.count("error"), report.count("warning")) == (0, 0)
    assert {n.code for n in report.not_checked} >= {"C16", "C17"}


def test_the_minutes_are_dated_by_their_meeting(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_plan(bundle_of(write_plan(tmp_path, MINUTES)), out)
    import json

    entry = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"][0]
    assert (entry["ngay"], entry["nguoi_ky"]) == ("2025-01-08", "Lê Thị Hoa")


@pytest.mark.parametrize(("change", "expected"), [
    (("    ket_thuc: 2025-01-08 15:30", "    ket_thuc: 2025-01-08 13:30"),
     "van_ban[0].ket_thuc: the end (13 giờ 30, ngày 08 tháng 01 năm 2025) is not after the "
     "start (14 giờ 00, ngày 08 tháng 01 năm 2025)"),
    (("    number: 4", "    number: 4\n    signer: {title: Hiệu trưởng, name: Lê Thị Hoa}"),
     "van_ban[0].signer: a Biên bản is signed by its secretary (thu_ky) and chair (chu_toa): "
     "remove signer"),
    (("    number: 4", "    number: 4\n    issued_on: 2025-01-08"),
     "van_ban[0].issued_on: a Biên bản has no date line: its date is the meeting's (bat_dau); "
     "remove issued_on"),
    (("    bat_dau: 2025-01-08 14:00", "    bat_dau: 2025-01-08"),
     'van_ban[0].bat_dau: cannot read the time "2025-01-08": write the day and the time, '
     "e.g. 2025-12-10 14:00 or 14:00 10/12/2025"),
])
def test_mistakes_in_minutes_are_named_at_their_line(change: tuple[str, str],
                                                    expected: str) -> None:
    assert problems_of(MINUTES.replace(*change)) == [expected]


def test_the_chair_may_be_called_chu_tri(tmp_path: Path) -> None:
    text = MINUTES.replace("    thu_ky:", "    chu_toa_goi_la: chủ trì\n    thu_ky:")
    out = tmp_path / "out"
    build_plan(bundle_of(write_plan(tmp_path, text)), out)
    texts = [p.text for p in read_docx(out / "bien-ban.docx").paragraphs]
    assert "CHỦ TRÌ" in texts and "Chủ trì: Lê Thị Hoa, Hiệu trưởng." in texts

"""``plangen register``: the Sổ đăng ký văn bản đi (NĐ30 Phụ lục IV) of built documents,
written, extended without a duplicate row, printable on A4 landscape."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import ROOT, SEED_PLAN
from plangen.cli import main
from plangen.outgoing.register import COLUMNS

NUMBERED = [ROOT / "plans" / f"{name}.yaml" for name in (
    "chi-so-cchc-2025", "so-noi-vu-thi-dua-2025", "ubnd-tinh-cchc-2025")]
"""Three example plans whose documents have a number and a date (2025); the seed has none."""
HEADER = ["Số, ký hiệu văn bản", "Ngày tháng văn bản",
          "Tên loại và trích yếu nội dung văn bản", "Người ký", "Nơi nhận văn bản",
          "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú"]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed plan (no number: nothing to register) and three numbered plans, built."""
    out = tmp_path_factory.mktemp("output")
    assert main(["build", str(SEED_PLAN), *map(str, NUMBERED), "-o", str(out)]) == 0
    return out


def rows(path: Path, sheet: str = "Năm 2025") -> list[tuple[object, ...]]:
    return [tuple(r) for r in load_workbook(path)[sheet].iter_rows(values_only=True)]


def test_the_register_of_the_example_plans(output: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    register = tmp_path / "so-dang-ky-van-ban-di.xlsx"
    assert len(NUMBERED) == 3
    assert main(["register", str(output), "-o", str(register)]) == 0
    said = capsys.readouterr()
    assert said.out == f"đã ghi {register}: thêm 3 văn bản, 0 văn bản đã có trong sổ\n"
    assert (f"bỏ qua {output / 'cchc-2023-2025' / 'ke-hoach.docx'}: chưa có số (văn thư ghi "
            "number vào kế hoạch rồi tạo lại)") in said.err.splitlines()
    table = rows(register)
    assert table[1][0] == "SỔ ĐĂNG KÝ VĂN BẢN ĐI" and table[2][0] == "Năm: 2025"
    assert list(table[4]) == HEADER == list(COLUMNS)
    assert list(table[5]) == [f"({n})" for n in range(1, 11)]
    assert table[6:] == [
        ("27/KH-UBND", datetime(2025, 1, 15), "Kế hoạch Cải cách hành chính nhà nước tỉnh "
         "Bình Định năm 2025", "Trương Văn Khải", table[6][4], "VT, K1", None, None, None,
         None),
        ("38/KH-SNV", datetime(2025, 1, 20), "Kế hoạch Công tác thi đua, khen thưởng năm "
         "2025", "Trần Quốc Huy", "UBND tỉnh (b/c); Giám đốc, các PGĐ Sở; Các phòng, đơn vị "
         "thuộc Sở; Công đoàn cơ sở Sở Nội vụ; Cổng thông tin điện tử Sở", "VT, VP", None,
         None, None, None),
        ("89/KH-SGDĐT", datetime(2025, 4, 8), "Kế hoạch Nâng cao Chỉ số cải cách hành chính "
         "(PAR Index) của Sở Giáo dục và Đào tạo năm 2025", "Võ Thị Minh Hằng", table[8][4],
         "VT, VP", None, None, None, None)]
    assert load_workbook(register)["Năm 2025"].cell(7, 2).number_format == "DD/MM/YYYY"


def test_a_second_run_adds_no_row_and_keeps_what_the_van_thu_wrote(
        output: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = tmp_path / "so.xlsx"
    assert main(["register", str(output / "so-noi-vu-thi-dua-2025"), "-o",
                 str(register)]) == 0
    book = load_workbook(register)
    book["Năm 2025"].cell(7, 8, "21/01/2025")  # the văn thư fills Ngày chuyển in Excel
    book["Năm 2025"].cell(7, 9, "Đã ký")
    book.save(register)
    before = register.read_bytes()
    capsys.readouterr()
    assert main(["register", str(output / "so-noi-vu-thi-dua-2025"), "-o",
                 str(register)]) == 0
    assert capsys.readouterr().out == (f"{register}: không có văn bản mới (1 văn bản đã có "
                                       "trong sổ); không ghi lại\n")
    assert register.read_bytes() == before
    assert main(["register", str(output), "-o", str(register)]) == 0
    table = rows(register)
    assert [r[0] for r in table[6:]] == ["38/KH-SNV", "27/KH-UBND", "89/KH-SGDĐT"]
    assert table[6][7:9] == ("21/01/2025", "Đã ký")


def test_the_same_rows_give_the_same_bytes(output: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for path in (first, second):
        assert main(["register", str(output), "-o", str(path)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_a_number_used_twice_in_a_year_is_reported(output: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(ROOT / "plans", plans)
    twin = plans / "so-noi-vu-khac.yaml"
    twin.write_text((plans / "so-noi-vu-thi-dua-2025.yaml").read_text(encoding="utf-8")
                    .replace("Công tác thi đua, khen thưởng năm 2025",
                             "Tổ chức Hội nghị điển hình tiên tiến năm 2025"), encoding="utf-8")
    assert main(["build", str(twin), "-o", str(tmp_path / "out")]) == 0
    register = tmp_path / "so.xlsx"
    capsys.readouterr()
    assert main(["register", str(output), str(tmp_path / "out"), "-o", str(register)]) == 0
    assert ("cảnh báo: số, ký hiệu 38/KH-SNV dùng hai lần trong Năm 2025 (dòng 8, 9); Phụ "
            "lục VI Nghị định 30, III.1.h") in capsys.readouterr().err.splitlines()
    assert len(rows(register)) == 6 + 4


def test_drafts_are_not_registered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(NUMBERED[0]), "-o", str(tmp_path), "--draft"]) == 0
    folder = tmp_path / NUMBERED[0].stem
    capsys.readouterr()
    assert main(["register", str(folder), "-o", str(tmp_path / "so.xlsx"),
                 "--lang", "en"]) == 0
    said = capsys.readouterr()
    assert said.err == f"skipped {folder}: a draft (--draft) is not registered\n"
    assert said.out == ("no document with a number and a date to register; "
                        f"{tmp_path / 'so.xlsx'} not written\n")
    assert not (tmp_path / "so.xlsx").exists()


def test_a_folder_without_a_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["register", str(tmp_path), "-o", str(tmp_path / "so.xlsx")]) == 1
    assert capsys.readouterr().err == (
        f"{tmp_path}: không có manifest.json (không phải thư mục kết quả của plangen build, "
        "cũng không chứa thư mục nào như vậy)\n")


def test_a_workbook_that_is_not_a_register_is_left_alone(
        output: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    other = tmp_path / "bang-luong.xlsx"
    book = Workbook()
    book.active.title = "Năm 2025"
    book.active["A5"] = "Họ và tên"
    book.save(other)
    before = other.read_bytes()
    assert main(["register", str(output), "-o", str(other)]) == 1
    assert capsys.readouterr().err.endswith(
        "trang Năm 2025 không phải sổ đăng ký văn bản đi: dòng 5 không phải 10 cột của Phụ "
        "lục IV Nghị định 30; không ghi gì\n")
    assert other.read_bytes() == before


def test_printed_on_a4_landscape_with_the_titles_on_every_page(output: Path,
                                                               tmp_path: Path) -> None:
    register = tmp_path / "so.xlsx"
    assert main(["register", str(output), "-o", str(register)]) == 0
    sheet = load_workbook(register)["Năm 2025"]
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$5:$6"


def has_calc() -> bool:
    """LibreOffice with Calc (Debian: libreoffice-calc-nogui), which reads .xlsx."""
    program = shutil.which("soffice")
    return program is not None and (
        Path(program).resolve().parent.parent / "share" / "registry" / "calc.xcd").is_file()


@pytest.mark.libreoffice
@pytest.mark.skipif(not has_calc(), reason="needs LibreOffice Calc")
def test_libreoffice_prints_it_on_one_a4_landscape_page(output: Path, tmp_path: Path) -> None:
    register = tmp_path / "so.xlsx"
    assert main(["register", str(output), "-o", str(register)]) == 0
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(register)], check=True, capture_output=True, timeout=120)
    info = subprocess.run(["pdfinfo", str(tmp_path / "so.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert "Pages:           1" in info and "841.89 x 595.3" in info
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "so.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    for word in ("SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Người ký", "Ký nhận", "Ghi chú", "(10)",
                 "27/KH-UBND", "38/KH-SNV", "89/KH-SGDĐT", "Trần Quốc Huy"):
        assert word in text, word


def test_the_seed_plan_with_its_numbers_filled(tmp_path: Path) -> None:
    """What a văn thư does: numbers written into the plan, the plan built again, the
    register extended."""
    plan = tmp_path / SEED_PLAN.name
    shutil.copytree(SEED_PLAN.parent / SEED_PLAN.stem, tmp_path / SEED_PLAN.stem)
    text = SEED_PLAN.read_text(encoding="utf-8")
    assert "de_trong: [number]" in text
    plan.write_text(text.replace("de_trong: [number]", "number: 12"), encoding="utf-8")
    assert main(["build", str(plan), "-o", str(tmp_path / "out"), "--only", "ke-hoach"]) == 0
    register = tmp_path / "so.xlsx"
    assert main(["register", str(tmp_path / "out"), "-o", str(register)]) == 0
    assert rows(register, "Năm 2023")[6][:2] == ("12/KH-THPTNT", datetime(2023, 8, 21))

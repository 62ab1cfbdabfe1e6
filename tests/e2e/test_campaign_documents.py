"""Forms, the registration list and the reports built from the plan and its data files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from conftest import ROOT, SEED_PLAN, bundle_of, copy_templates, minimal_text, replace_in_template
from plangen.check import check_docx
from plangen.check.read.package import read_docx
from plangen.cli import main
from plangen.errors import PlanError, UserError
from plangen.kinds import compile_all
from plangen.pipeline.run import build_plan
from plangen.plan import figures
from plangen.plan.datafiles import load_bundle
from plangen.plan.load import load_plan
from plangen.render.docx import page
from plangen.render.docx.package import docx_bytes
from plangen.spec import vn

TEMPLATES = ROOT / "templates"


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "cchc"
    build_plan(bundle_of(SEED_PLAN), out, templates_dir=TEMPLATES)
    return out


def texts(path: Path) -> list[str]:
    return [p.text for p in read_docx(path).paragraphs]


# -- what a build writes ---------------------------------------------------------------


def test_every_kind_is_built_with_predictable_names(seed_out: Path) -> None:
    """Each file is named by its kind's tên loại and the key the plan gives it, a report by
    its year, a filled form by its registration's id and name: the names follow from the
    plan, whatever documents it lists."""
    bundle = bundle_of(SEED_PLAN)
    names = {str(p.relative_to(seed_out)) for p in seed_out.rglob("*.docx")}
    expected = {f"{entry.file_stem}.docx" for entry in bundle.plan.van_ban}
    expected |= {f"bao-cao-{year}.docx" for year in bundle.results.years}
    expected |= {"bao-cao-tong-ket.docx", "danh-sach-dang-ky.docx",
                 "phieu-dang-ky/mau-trong.docx"}
    expected |= {f"phieu-dang-ky/{vn.safe_file_name(r.id, 20)}-{vn.safe_file_name(r.name, 50)}"
                 ".docx" for r in bundle.registrations}
    assert names == expected
    assert {"ke-hoach.docx", "quyet-dinh-khen-thuong.docx", "cong-van-gui-bao-cao-2024.docx",
            "bien-ban-hop-xet-khen-thuong.docx", "giay-moi-tong-ket.docx"} <= names


def test_every_document_meets_nd30(seed_out: Path) -> None:
    for path in seed_out.rglob("*.docx"):
        report = check_docx(path)
        assert report.findings == [], (path, report.findings)


def test_only_limits_the_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SEED_PLAN), "-o", str(tmp_path), "--only", "bao-cao",
                 "--only", "danh-sach", "--templates", str(TEMPLATES)]) == 0
    written = sorted(p.name for p in (tmp_path / "cchc-2023-2025").rglob("*.docx"))
    assert written == ["bao-cao-2023.docx", "bao-cao-2024.docx", "bao-cao-tong-ket.docx",
                       "danh-sach-dang-ky.docx"]
    capsys.readouterr()


# -- the plan's Phụ lục --------------------------------------------------------------------


def test_plan_has_the_blank_forms_as_numbered_phu_luc(seed_out: Path) -> None:
    doc = read_docx(seed_out / "ke-hoach.docx")
    _plan_section, first, second = doc.sections
    assert first.page_number_start == 1 and second.page_number_start == 1
    assert first.title_page and second.title_page
    for number, title, section in (("I", "MẪU PHIẾU ĐĂNG KÝ", 1), ("II", "MẪU BÁO CÁO", 2)):
        heading = [p for p in doc.paragraphs if p.section == section and p.text][:3]
        assert heading[0].text == f"Phụ lục {number}"
        assert heading[0].runs[0].bold and heading[0].runs[0].size_pt == 14
        assert heading[1].text.startswith(title) and heading[1].runs[0].bold
        assert heading[2].text == ("(Kèm theo Kế hoạch số ……/KH-THPTNT ngày 21 tháng 8 năm "
                                   "2023 của Trường THPT Nguyễn Trãi)")
        assert all(r.italic for r in heading[2].runs)
    form = [p.text for p in doc.paragraphs if p.section == 1]
    assert "Tên mô hình, giải pháp, sáng kiến" in form and "…………………………" in form


# -- filled forms --------------------------------------------------------------------------


def test_a_filled_form_has_the_registration(seed_out: Path) -> None:
    form = "gp01-ky-so-hoc-ba-dien-tu-cho-toan-bo-hoc-sinh.docx"
    lines = texts(seed_out / "phieu-dang-ky" / form)
    # A form that stands alone carries the national header, as real forms of its kind do.
    assert [line for line in lines[:6] if line] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Phụ lục I",
        "PHIẾU ĐĂNG KÝ MÔ HÌNH, GIẢI PHÁP, SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH",
        "(Kèm theo Kế hoạch số ……/KH-THPTNT ngày 21 tháng 8 năm 2023 của Trường THPT "
        "Nguyễn Trãi)"]
    # No date of registration: the place, and dots for the văn thư to fill.
    assert "Thành phố Hồ Chí Minh, ngày …… tháng …… năm ……" in lines
    assert "Ký số học bạ điện tử cho toàn bộ học sinh" in lines
    assert ("Lê Thị Hạnh (Phó Hiệu trưởng), Phạm Quốc Bảo (Giáo viên Tin học)" in lines)
    assert "Từ 05/9/2023 đến 30/6/2024" in lines
    assert lines[-1] == "Lê Thị Hạnh"


def test_a_form_shows_the_date_of_its_registration(seed_out: Path) -> None:
    form = "mh01-so-tay-dien-tu-thu-tuc-hanh-chinh-cua-nha-truong.docx"
    assert "Thành phố Hồ Chí Minh, ngày 24 tháng 8 năm 2023" in texts(
        seed_out / "phieu-dang-ky" / form)


def test_the_rule_under_a_phu_luc_heading_has_room_below(seed_out: Path) -> None:
    document = docx.Document(str(seed_out / "ke-hoach.docx"))
    paragraphs = document.paragraphs
    kem_theo = next(i for i, p in enumerate(paragraphs) if p.text.startswith("(Kèm theo"))
    rule = paragraphs[kem_theo + 1]
    assert rule.text == "" and rule.style.name == "ND30 Rule"
    assert rule.paragraph_format.space_after == Pt(6)


HARD = '''# yaml-language-server: $schema=../plan.schema.json
registrations:
  - id: KHO-01
    kind: sáng kiến
    name: 'Sở GD&ĐT "đồng hành" <cùng> trường'
    field: Chuyển đổi số
    owner:
      unit: Tổ Toán & Tin
    summary: |-
      Dòng một của tóm tắt.
      Dòng hai, sau một lần xuống dòng.
    goal: {goal}
    start: 2024-03-01
    end: 2024-06-30
    effect: Hiệu quả.
    year: 2024
'''


def hard_plan(tmp_path: Path, goal: str = "Mục tiêu.") -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "dang-ky.yaml").write_text(HARD.replace("{goal}", goal),
                                                    encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(minimal_text() + "data:\n  registrations:\n    - data/dang-ky.yaml\n",
                    encoding="utf-8")
    return plan


def test_ampersands_quotes_line_breaks_and_long_text(tmp_path: Path) -> None:
    long_goal = "Mục tiêu dài " + "x" * 1990
    plan = hard_plan(tmp_path, long_goal)
    out = tmp_path / "out"
    build_plan(bundle_of(plan), out, templates_dir=TEMPLATES)
    form = next((out / "phieu-dang-ky").glob("kho-01-*.docx"))
    lines = texts(form)
    assert 'Sở GD&ĐT "đồng hành" <cùng> trường' in lines
    assert "Tổ Toán & Tin" in lines
    assert "Dòng một của tóm tắt.\nDòng hai, sau một lần xuống dòng." in lines
    assert long_goal in lines
    with zipfile.ZipFile(form) as package:
        xml = package.read("word/document.xml").decode()
    assert "GD&amp;ĐT" in xml and "&lt;cùng&gt;" in xml and "<w:br/>" in xml
    assert check_docx(form).findings == []
    listing = texts(out / "danh-sach-dang-ky.docx")
    assert 'Sở GD&ĐT "đồng hành" <cùng> trường' in listing


# -- templates -----------------------------------------------------------------------------


def test_a_misspelt_variable_is_named_with_its_template(tmp_path: Path) -> None:
    templates = copy_templates(tmp_path)
    form = templates / "phieu-dang-ky.docx"
    replace_in_template(form, "{{ reg.name }}", "{{ reg.nmae }}")
    with pytest.raises(UserError) as failed:
        compile_all(load_plan(SEED_PLAN), templates, "vi")
    assert failed.value.lines == [
        f'{form}: thẻ "{{{{ reg.nmae }}}}" dùng "reg.nmae", dữ liệu không có (có: '
        "dia_danh_ngay, effect, field, goal, kind, name, owner, signer, summary, thoi_gian)"]


def test_a_tag_split_across_runs_is_reported(tmp_path: Path) -> None:
    templates = copy_templates(tmp_path)
    form = templates / "phieu-dang-ky.docx"
    replace_in_template(form, "{{ reg.field }}", "{{ reg.</w:t></w:r><w:r><w:rPr><w:b/>"
                        "</w:rPr><w:t>field }}")
    with pytest.raises(UserError) as failed:
        compile_all(load_plan(SEED_PLAN), templates, "en")
    assert failed.value.lines == [
        f'{form}: Word split the tag "{{{{ reg.field }}}}" across runs; delete it and type '
        "the whole tag again, without changing formatting inside it"]


def test_a_changed_label_shows_in_the_next_build(tmp_path: Path) -> None:
    templates = copy_templates(tmp_path)
    replace_in_template(templates / "phieu-dang-ky.docx", "Hiệu quả dự kiến",
                        "Hiệu quả mong đợi")
    out = tmp_path / "out"
    build_plan(bundle_of(SEED_PLAN), out, templates_dir=templates)
    assert "Hiệu quả mong đợi" in texts(out / "phieu-dang-ky" / "mau-trong.docx")
    assert "Hiệu quả mong đợi" in texts(out / "ke-hoach.docx")


@pytest.mark.parametrize(("damage", "expected"), [
    (lambda p: p.write_text("not a zip"), "không đọc được mẫu Word: File is not a zip file"),
    (lambda p: _without_document(p), "mẫu Word thiếu phần word/document.xml"),
    (lambda p: replace_in_template(p, "{{ reg.goal", "{% if reg.goal %}{{ reg.goal"),
     'thẻ "{% if reg.goal %}" sai cú pháp'),
])
def test_a_broken_template_is_named(damage: object, expected: str, tmp_path: Path) -> None:
    templates = copy_templates(tmp_path)
    form = templates / "phieu-dang-ky.docx"
    damage(form)  # type: ignore[operator]
    with pytest.raises(UserError) as failed:
        compile_all(load_plan(SEED_PLAN), templates, "vi")
    assert failed.value.lines[0].startswith(f"{form}: {expected}")


def _without_document(path: Path) -> None:
    with zipfile.ZipFile(path) as package:
        parts = {n: package.read(n) for n in package.namelist() if n != "word/document.xml"}
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_templates_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", str(SEED_PLAN), "--templates", str(TEMPLATES)]) == 0
    assert capsys.readouterr().out == f"{TEMPLATES}: các mẫu Word hợp lệ\n"


def test_shipped_blank_is_current() -> None:
    """The empty document every build starts from is what the code makes of nd30 today
    (after a change there: python tools/make_blank.py)."""
    shipped = ROOT / "src" / "plangen" / page.BLANK
    assert shipped.read_bytes() == docx_bytes(page.build_blank()), \
        "run: python tools/make_blank.py"


def test_shipped_templates_are_the_ones_in_templates() -> None:
    shipped = ROOT / "src" / "plangen" / "data" / "templates"
    for name in ("phieu-dang-ky.docx", "mau-bao-cao.docx"):
        assert (shipped / name).read_bytes() == (TEMPLATES / name).read_bytes()


# -- the list --------------------------------------------------------------------------


def test_the_list_is_landscape_with_a_repeated_header(seed_out: Path) -> None:
    doc = read_docx(seed_out / "danh-sach-dang-ky.docx")
    section, = doc.sections
    assert section.landscape and (section.width_mm, section.height_mm) == (297.0, 210.0)
    table, = doc.tables
    assert table.header_rows == 1 and table.cant_split_rows == table.rows == 6
    assert sum(table.columns_cm) <= (297 - section.left_mm - section.right_mm) / 10 + 0.01
    rows = [p.text for p in doc.paragraphs if p.table == 1 and p.col == 2]
    assert rows == ["Mã", "MH01", "GP01", "SK01", "GP02", "MH02"]


# -- figures, checked by hand ---------------------------------------------------------------


def test_figures_of_2024_checked_by_hand() -> None:
    bundle = bundle_of(SEED_PLAN)
    year = bundle.results.years[2024]
    rows = figures.target_rows(bundle.plan.campaign, year)
    # targets: 100 % e-payment (done 100), 100 % digital signatures (100), 1 model (5)
    assert [(r.key, r.actual, r.rate) for r in rows] == [
        ("thanh_toan_dien_tu", 100, 100.0), ("chu_ky_so", 100, 100.0), ("mo_hinh", 5, 500.0)]
    made = [r for r in bundle.registrations if r.year <= 2024]
    reg_rows = figures.registration_rows(made, year.registrations)
    # MH01, GP01 Hoàn thành tốt; SK01, GP02 Hoàn thành; MH02 Chưa hoàn thành
    assert figures.level_totals(reg_rows) == {"Hoàn thành tốt": 2, "Hoàn thành": 2,
                                              "Chưa hoàn thành": 1, "Chưa báo cáo": 0}
    assert figures.kind_totals(reg_rows) == {"mô hình": 2, "giải pháp": 2, "sáng kiến": 1}
    assert figures.counts(reg_rows)["mô hình"] == {"Hoàn thành tốt": 1, "Hoàn thành": 0,
                                                   "Chưa hoàn thành": 1, "Chưa báo cáo": 0}
    assert figures.replicable(reg_rows) == 2  # MH01 and GP01


def test_figures_of_2023_checked_by_hand() -> None:
    bundle = bundle_of(SEED_PLAN)
    year = bundle.results.years[2023]
    rows = figures.target_rows(bundle.plan.campaign, year)
    assert [(r.actual, r.rate) for r in rows] == [(80, 80.0), (90, 90.0), (3, 300.0)]
    made = [r for r in bundle.registrations if r.year <= 2023]  # MH01, GP01 only
    reg_rows = figures.registration_rows(made, year.registrations)
    assert figures.level_totals(reg_rows) == {"Hoàn thành tốt": 0, "Hoàn thành": 1,
                                              "Chưa hoàn thành": 1, "Chưa báo cáo": 0}


def test_report_2024_states_the_figures(seed_out: Path) -> None:
    doc = read_docx(seed_out / "bao-cao-2024.docx")
    lines = [p.text for p in doc.paragraphs]
    assert "Kính gửi: Sở Giáo dục và Đào tạo" in lines
    assert ("Tổng số 05 đăng ký (02 mô hình, 02 giải pháp, 01 sáng kiến); kết quả: 02 hoàn "
            "thành tốt, 02 hoàn thành, 01 chưa hoàn thành; 02 có thể nhân rộng. Chi tiết như "
            "sau:") in lines
    target_cells = [p.text for p in doc.paragraphs if p.table == 2]
    assert target_cells[-5:] == ["3", "Đăng ký mô hình, giải pháp sáng kiến về CCHC",
                                 "1 mô hình", "5 mô hình", "500%"]
    count_cells = [p.text for p in doc.paragraphs if p.table == 4]
    assert count_cells[-6:] == ["Tổng cộng", "2", "2", "1", "0", "5"]
    noi_nhan = [p.text for p in doc.paragraphs if p.table == 5 and p.col == 1]
    assert noi_nhan == ["Nơi nhận:", "- Như trên;", "- Ban Giám hiệu;", "- Lưu: VT."]
    assert "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-THPTNT" in lines


def test_final_report_uses_the_latest_result_of_each_registration(seed_out: Path) -> None:
    doc = read_docx(seed_out / "bao-cao-tong-ket.docx")
    levels = [p.text for p in doc.paragraphs if p.table == 3 and p.col == 5][1:]
    assert levels == ["Hoàn thành tốt", "Hoàn thành tốt", "Hoàn thành", "Hoàn thành",
                      "Chưa hoàn thành"]
    header = [p.text for p in doc.paragraphs if p.table == 2 and p.row == 1]
    assert header == ["STT", "Chỉ tiêu", "Kế hoạch", "Năm 2023", "Năm 2024"]


# -- data files: located problems ----------------------------------------------------------


def bundle_problems(plan: Path) -> list[str]:
    with pytest.raises(PlanError) as failed:
        load_bundle(plan, "en")
    return [str(p) for p in failed.value.problems]


def test_a_data_path_outside_the_plan_folder(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(minimal_text() + "data:\n  registrations:\n    - ../secret.yaml\n",
                    encoding="utf-8")
    assert bundle_problems(plan) == [
        f'{plan}: data.registrations[0]: data file "../secret.yaml" must be inside the plan '
        "file's folder"]


def test_registration_errors_are_located_in_the_data_file(tmp_path: Path) -> None:
    plan = hard_plan(tmp_path)
    data = tmp_path / "data" / "dang-ky.yaml"
    data.write_text(data.read_text().replace("kind: sáng kiến", "kind: sang kien")
                    .replace("year: 2024", "year: 2024\n  - id: KHO-02\n    kiind: x"))
    problems = bundle_problems(plan)
    assert problems[0] == (
        f"{data}:4:11: registrations[0].kind: invalid value \"sang kien\"; use one of: "
        "'mô hình', 'giải pháp' or 'sáng kiến'")
    assert f'{data}:18:5: registrations[1].kiind: unknown key "kiind"; did you mean "kind"?' \
        in problems
    assert f"{data}:17:5: registrations[1].kind: required field is missing" in problems


def test_csv_columns_and_ids(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    csv_file = tmp_path / "d" / "form.csv"
    csv_file.write_text("Tên,Loại\nA,mô hình\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(minimal_text() + "data:\n  registrations:\n    - file: d/form.csv\n"
                    "      columns: {name: Tên, kind: Loại, field: Lĩnh vực}\n",
                    encoding="utf-8")
    assert bundle_problems(plan) == [
        f'{csv_file}:1:1: column(s) "Lĩnh vực" missing from the CSV file (its columns: '
        "Tên, Loại)"]
    csv_file.write_text("Tên,Loại,Lĩnh vực\nA,mô hình,\n", encoding="utf-8")
    problems = bundle_problems(plan)
    assert f"{csv_file}:2:3: registrations[0].field: must not be empty" in problems
    csv_file.write_text("Tên,Loại,Lĩnh vực\nA\x07,mô hình,x\n", encoding="utf-8")
    assert bundle_problems(plan) == [
        f"{csv_file}:2:1: registrations[0].name: control character U+0007 cannot be written "
        "to a document; remove it"]


def test_results_must_name_known_registrations_and_targets(tmp_path: Path) -> None:
    plan = hard_plan(tmp_path)
    results = tmp_path / "data" / "ket-qua.yaml"
    results.write_text("years:\n  2024:\n    report: {done: a, danh_gia: b, kien_nghi: c}\n"
                       "    targets: {khong_co: 1}\n    registrations:\n"
                       "      - {id: KHO-02, level: Hoàn thành, outcome: x}\n",
                       encoding="utf-8")
    plan.write_text(plan.read_text() + "  results: data/ket-qua.yaml\n", encoding="utf-8")
    assert bundle_problems(plan) == [
        f'{results}:4:25: years.2024.targets.khong_co: no target "khong_co" in '
        "campaign.targets (defined: —)",
        f'{results}:6:14: years.2024.registrations[0].id: no registration with id "KHO-02"']

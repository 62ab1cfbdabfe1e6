"""The campaign's paper trail (issue 13): a Quyết định khen thưởng, a Tờ trình and a Công
văn built from the seed plan's data, read back from the DOCX, and the checker's verdict
when one rule of each is broken."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from conftest import SEED_PLAN, bundle_of
from plangen.check import check_docx
from plangen.check.read.facts import Paragraph
from plangen.check.read.layout import find_layout
from plangen.check.read.package import read_docx
from plangen.check.rules.catalog import BY_CODE
from plangen.plan import figures
from plangen.plan.datafiles import trail_names

DECISION = "quyet-dinh-khen-thuong.docx"
LETTER = "cong-van-gui-bao-cao-2024.docx"
SUBMISSION = "to-trinh-nhan-rong.docx"


@pytest.fixture(scope="module")
def seed_out(seed_docx: Path) -> Path:
    """The seed plan's output folder (built once for the session)."""
    return seed_docx.parent


def texts(path: Path) -> list[str]:
    return [p.text for p in read_docx(path).paragraphs if p.text.strip()]


def paragraph(path: Path, start: str) -> Paragraph:
    return next(p for p in read_docx(path).paragraphs if p.text.startswith(start))


# -- figures, checked by hand ---------------------------------------------------------------


def test_the_figures_the_trail_quotes_are_those_of_the_data() -> None:
    """By hand, from plans/cchc-2023-2025/ket-qua.yaml: the latest result of each of the 5
    registrations is MH01 and GP01 "Hoàn thành tốt" (2024), SK01 and GP02 "Hoàn thành",
    MH02 "Chưa hoàn thành"; MH01 and GP01 are fit to replicate."""
    names = trail_names(bundle_of(SEED_PLAN))
    assert names["ket_qua"]["tong_ket"] == {
        "hoan_thanh_tot": 2, "hoan_thanh": 2, "chua_hoan_thanh": 1, "chua_bao_cao": 0,
        "tong": 5, "nhan_rong": 2, "ty_le_hoan_thanh_tot": 40.0}
    assert names["ket_qua"][2023]["tong"] == 2  # MH01 and GP01 were registered in 2023
    assert names["bao_cao"][2024] == {"so_ky_hieu": "……/BC-THPTNT",
                                      "ngay": "ngày 29 tháng 10 năm 2024"}


def test_the_award_list_is_every_registration_at_the_level() -> None:
    bundle = bundle_of(SEED_PLAN)
    latest = figures.results_of("tong-ket", bundle.results.years)
    rows = figures.award_rows(bundle.registrations, latest, ["Hoàn thành tốt"])
    assert [row.registration.id for row in rows] == ["MH01", "GP01"]
    in_2023 = figures.award_rows(bundle.registrations, figures.results_of(2023,
                                 bundle.results.years), ["Hoàn thành", "Hoàn thành tốt"])
    assert [row.registration.id for row in in_2023] == ["MH01"]


# -- Quyết định -----------------------------------------------------------------------------


def test_the_decision_reads_as_mau_1_2(seed_out: Path) -> None:
    path = seed_out / DECISION
    lines = texts(path)
    start = lines.index("QUYẾT ĐỊNH")
    assert lines[start:start + 3] == [
        "QUYẾT ĐỊNH",
        "Về việc khen thưởng các mô hình, giải pháp, sáng kiến tiêu biểu trong phong trào "
        "thi đua “Cải cách hành chính” giai đoạn 2023 - 2025",
        "HIỆU TRƯỞNG TRƯỜNG THPT NGUYỄN TRÃI"]
    assert any(line.startswith("Số:") and line.endswith("/QĐ-THPTNT") for line in lines)
    layout = find_layout(read_docx(path))
    assert [p.text for p in layout.can_cu][-1] == (
        "Xét đề nghị của Hội đồng Thi đua - Khen thưởng nhà trường tại Biên bản số "
        "……/BB-THPTNT ngày 10 tháng 12 năm 2025.")
    assert all(all(r.italic for r in p.runs if r.text.strip()) for p in layout.can_cu)
    label = paragraph(path, "QUYẾT ĐỊNH:")
    assert label.align == "center" and all(r.bold for r in label.runs)
    articles = [p for p in layout.body if p.text.startswith("Điều ")]
    assert [p.text[:8] for p in articles] == ["Điều 1. ", "Điều 2. ", "Điều 3. "]
    first = articles[0]
    assert first.runs[0].text == "Điều 1." and first.runs[0].bold
    assert not any(r.bold for r in first.runs[1:] if r.text.strip())
    assert first.text.startswith("Điều 1. Khen thưởng 02 mô hình, giải pháp, sáng kiến")
    assert articles[-1].text.endswith("Quyết định này./.")
    assert layout.noi_nhan_items[0].text == "- Như Điều 3;"


def test_the_decision_attaches_the_awardees(seed_out: Path) -> None:
    tables = docx.Document(str(seed_out / DECISION)).tables
    awardees = tables[-1]
    assert [c.text for c in awardees.rows[0].cells] == [
        "STT", "Tên mô hình, giải pháp, sáng kiến", "Loại", "Đơn vị, cá nhân thực hiện",
        "Mức độ hoàn thành"]
    assert [[c.text for c in row.cells] for row in awardees.rows[1:]] == [
        ["1", "Sổ tay điện tử thủ tục hành chính của nhà trường", "Mô hình", "Tổ Văn phòng",
         "Hoàn thành tốt"],
        ["2", "Ký số học bạ điện tử cho toàn bộ học sinh", "Giải pháp",
         "Lê Thị Hạnh (Phó Hiệu trưởng), Phạm Quốc Bảo (Giáo viên Tin học)", "Hoàn thành tốt"]]
    assert "(Kèm theo Quyết định số ……/QĐ-THPTNT ngày …… tháng …… năm …… của Hiệu trưởng " \
           "Trường THPT Nguyễn Trãi)" in texts(seed_out / DECISION)


# -- Công văn -------------------------------------------------------------------------------


def test_the_letter_reads_as_mau_1_5(seed_out: Path) -> None:
    path = seed_out / LETTER
    doc = read_docx(path)
    layout = find_layout(doc)
    assert layout.title is None
    assert layout.so_line is not None and layout.so_line.text.endswith("/THPTNT-VP")
    vv = layout.vv_line
    assert vv is not None and vv.text == ("V/v báo cáo kết quả thực hiện phong trào thi đua "
                                          "“Cải cách hành chính” năm 2024")
    assert vv.align == "center" and not any(r.bold for r in vv.runs)
    assert {r.size_pt for r in vv.runs if r.text.strip()} == {12}
    assert [p.text for p in layout.kinh_gui] == [
        "Kính gửi: Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"]
    assert layout.body[0].text.startswith(
        "Trường THPT Nguyễn Trãi gửi Sở Giáo dục và Đào tạo Báo cáo số ……/BC-THPTNT ngày 29 "
        "tháng 10 năm 2024")
    assert "05 mô hình, giải pháp, sáng kiến đã báo cáo kết quả, trong đó 02 đạt mức" \
        in layout.body[0].text
    assert layout.noi_nhan_items[0].text == "- Như trên;"
    report = check_docx(path)
    assert {n.code for n in report.not_checked} >= {"C18", "C19", "C20"}
    assert not {"C21", "C39"} & {n.code for n in report.not_checked}  # judged on a công văn


# -- Tờ trình and the manifest --------------------------------------------------------------


def test_the_submission_has_its_kinh_gui_and_nhu_tren(seed_out: Path) -> None:
    layout = find_layout(read_docx(seed_out / SUBMISSION))
    assert layout.title is not None and layout.title.text == "TỜ TRÌNH"
    assert [p.text for p in layout.kinh_gui] == [
        "Kính gửi: Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"]
    assert layout.noi_nhan_items[0].text == "- Như trên;"


@pytest.mark.parametrize("name", [DECISION, LETTER, SUBMISSION])
def test_each_passes_the_strict_check(seed_out: Path, name: str) -> None:
    report = check_docx(seed_out / name)
    assert [(f.code, f.en) for f in report.findings
            if BY_CODE[f.code].severity in ("error", "warning")] == []


def test_the_manifest_lists_the_trail(seed_out: Path) -> None:
    manifest = json.loads((seed_out / "manifest.json").read_text(encoding="utf-8"))
    by_file = {e["file"]: e for e in manifest["documents"]}
    assert [(by_file[n]["kind"], by_file[n]["loai_van_ban"], by_file[n]["so_ky_hieu"])
            for n in (DECISION, SUBMISSION, LETTER)] == [
        ("quyet-dinh", "Quyết định", "/QĐ-THPTNT"), ("to-trinh", "Tờ trình", "/TTr-THPTNT"),
        ("cong-van", "Công văn", "/THPTNT-VP")]
    assert by_file[LETTER]["kinh_gui"] == ["Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"]
    assert by_file[LETTER]["ngay"] == "2024-10-30"


# -- one rule broken on each kind -----------------------------------------------------------

Doc = Any


def _paragraph(d: Doc, start: str) -> Any:
    every = [*d.paragraphs, *(p for t in d.tables for c in t._cells for p in c.paragraphs)]
    return next(p for p in every if p.text.startswith(start))


def _bold(start: str) -> Callable[[Doc], None]:
    def breaker(d: Doc) -> None:
        for run in _paragraph(d, start).runs:
            run.bold = True
    return breaker


def _upright(start: str) -> Callable[[Doc], None]:
    def breaker(d: Doc) -> None:
        for run in _paragraph(d, start).runs:
            run.italic = False
    return breaker


def _drop(start: str) -> Callable[[Doc], None]:
    def breaker(d: Doc) -> None:
        p = _paragraph(d, start)
        p._p.getparent().remove(p._p)
    return breaker


@pytest.mark.parametrize(("name", "breaker", "code"), [
    (LETTER, _bold("V/v"), "C21"),
    (LETTER, _bold("Kính gửi"), "C39"),
    (LETTER, _drop("- Như trên"), "C38"),
    (DECISION, _upright("Xét đề nghị"), "C27"),
    (DECISION, _drop("- Lưu"), "C37"),
    (SUBMISSION, _bold("Kính gửi"), "C39"),
])
def test_breaking_one_rule_of_a_trail_document(seed_out: Path, tmp_path: Path, name: str,
                                               breaker: Callable[[Doc], None],
                                               code: str) -> None:
    d = docx.Document(str(seed_out / name))
    breaker(d)
    path = tmp_path / name
    d.save(str(path))
    assert {f.code for f in check_docx(path).findings} == {code}


def test_a_decision_issues_its_regulation_as_mau_1_3(tmp_path: Path) -> None:
    from conftest import ROOT
    from plangen.pipeline.run import build_plan

    out = tmp_path / "out"
    build_plan(bundle_of(ROOT / "plans" / "truong-ngoai-khoa-2024-2025.yaml"), out,
               only=["quyet-dinh"])
    path = out / "quyet-dinh-ban-to-chuc.docx"
    doc = read_docx(path)
    issued = [p for p in doc.paragraphs if p.section == 1 and p.text.strip()]
    names = [p.text for p in issued]
    assert names[:3] == ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "HUYỆN TUY PHƯỚC", "TRƯỜNG THCS LÊ LỢI"]
    start = names.index("QUY CHẾ")
    assert names[start:start + 3] == [
        "QUY CHẾ", "Hoạt động của Ban tổ chức hoạt động ngoại khóa năm học 2024 - 2025",
        "(Kèm theo Quyết định số ……/QĐ-THCSLL ngày 16 tháng 9 năm 2024 của Hiệu trưởng "
        "Trường THCS Lê Lợi)"]
    assert not any(name.startswith("Số:") for name in names)  # Mẫu 1.3: no Số, no date
    assert not any("ngày 16 tháng 9 năm 2024" in name and "Tuy Phước" in name for name in names)
    assert names[-1].endswith("khi cần./.")
    assert doc.sections[1].page_number_start == 1
    strict = [(f.code, f.en) for f in check_docx(path).findings
              if BY_CODE[f.code].severity in ("error", "warning")]
    assert strict == []


def _seed_with_trail(tmp_path: Path, trail: str) -> Path:
    """A copy of the seed plan (with its data) whose van_ban is ``trail``."""
    from conftest import ROOT

    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    plan = tmp_path / "plans" / "cchc-2023-2025.yaml"
    text = plan.read_text(encoding="utf-8")
    start, end = text.index("van_ban:\n"), text.index("data:  #")
    plan.write_text(text[:start] + trail + "\n" + text[end:], encoding="utf-8")
    return plan


def test_a_document_named_like_a_generated_one_is_refused_and_nothing_is_written(
        tmp_path: Path) -> None:
    from plangen.errors import UserError
    from plangen.pipeline.run import build_plan

    plan = _seed_with_trail(tmp_path, """van_ban:
  - {kind: BC, key: "2024", number: 6, issued_on: 2025-12-01, trich_yeu: Báo cáo riêng,
     content: Nội dung., noi_nhan: ["Lưu: VT"]}""")
    out = tmp_path / "out"
    with pytest.raises(UserError) as refused:
        build_plan(bundle_of(plan), out, lang="en")
    assert refused.value.lines == [
        "bao-cao-2024.docx: two documents would be written to this file (e.g. a key in "
        "van_ban named like a report); use another key"]
    assert not out.exists() and not list(tmp_path.glob(".*dang-tao"))


@pytest.mark.parametrize(("award", "expected"), [
    ("{title: Danh sách, results: 2031}",
     "no registration is at Hoàn thành tốt in the results of 2031: the award list would be "
     "empty"),
    ("{title: Danh sách, results: 2023}",
     "no registration is at Hoàn thành tốt in the results of 2023: the award list would be "
     "empty"),
])
def test_an_empty_award_list_is_refused_at_its_line(tmp_path: Path, award: str,
                                                    expected: str) -> None:
    from plangen.errors import PlanError

    plan = _seed_with_trail(tmp_path, f"""van_ban:
  - kind: QĐ
    key: khen-thuong
    de_trong: [number, issued_on]
    trich_yeu: Về việc khen thưởng
    authority: Hiệu trưởng Trường THPT Nguyễn Trãi
    dieu: [Khen thưởng các mô hình.]
    khen_thuong: {award}
    noi_nhan: ["Lưu: VT"]""")
    from plangen.plan.datafiles import load_bundle

    with pytest.raises(PlanError) as refused:
        load_bundle(plan, "en")
    assert [f"{p.path}: {p.message}" for p in refused.value.problems] == [
        f"van_ban[0].khen_thuong: {expected}"]

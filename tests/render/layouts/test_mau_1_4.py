"""The seed plan's Kế hoạch, read back from the DOCX: every NĐ30 rule of its layout.

Formatting is judged as Word shows it (run → character style → paragraph style and its
ancestors → document defaults), through plangen.check.docx_read.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from plangen.check.read.facts import Document, Paragraph, Table
from plangen.spec import nd30
from plangen.spec.metrics import text_width_cm


def find(doc: Document, text: str) -> Paragraph:
    matches = [p for p in doc.paragraphs if p.text == text]
    assert len(matches) == 1, f"{text!r}: {len(matches)} paragraphs"
    return matches[0]


def cell(doc: Document, table: int, row: int, col: int) -> list[Paragraph]:
    return [p for p in doc.paragraphs if (p.table, p.row, p.col) == (table, row, col)]


def body(doc: Document) -> list[Paragraph]:
    """Body paragraphs of the plan itself (section 1), not of its Phụ lục."""
    return [p for p in doc.paragraphs if p.table is None and p.section == 0]


def rule_length_cm(table: Table | None, col: int | None, available_cm: float,
                   p: Paragraph) -> float:
    if table is not None and col is not None:
        left_pad, right_pad = table.cell_margins_cm
        available_cm = table.columns_cm[col - 1] - left_pad - right_pad
    return available_cm - p.left_cm - p.right_cm


def one_size(p: Paragraph) -> float:
    sizes = {r.size_pt for r in p.runs if r.text.strip()}
    assert len(sizes) == 1, (p.text, sizes)
    return sizes.pop()  # type: ignore[return-value]


def all_runs(p: Paragraph, **expected: object) -> None:
    for run in p.runs:
        if run.text.strip():
            for name, value in expected.items():
                assert getattr(run, name) == value, (p.text, name, getattr(run, name))


# -- page ------------------------------------------------------------------------------


def test_a4_portrait_and_margins_inside_the_ranges(seed_doc: Document) -> None:
    assert len(seed_doc.sections) == 3  # the plan, Phụ lục I, Phụ lục II
    for section in seed_doc.sections:
        assert (section.width_mm, section.height_mm) == (210.0, 297.0)
        assert not section.landscape
        assert nd30.MARGIN_TOP_MM.allows(section.top_mm)
        assert nd30.MARGIN_BOTTOM_MM.allows(section.bottom_mm)
        assert nd30.MARGIN_LEFT_MM.allows(section.left_mm)
        assert nd30.MARGIN_RIGHT_MM.allows(section.right_mm)


def test_every_run_is_black_times_new_roman_in_all_four_slots(seed_doc: Document) -> None:
    section = seed_doc.sections[0]
    paragraphs = seed_doc.paragraphs + [p for ps in section.headers.values() for p in ps]
    runs = [r for p in paragraphs for r in p.runs]
    assert len(runs) > 100
    for run in runs:
        assert set(run.fonts.values()) == {"Times New Roman"}, run
        assert run.color in ("000000", "auto"), run
        assert run.lang == "vi-VN", run
        assert not run.underline


# -- header ------------------------------------------------------------------------------


def test_header_is_a_borderless_two_column_table_first(seed_doc: Document) -> None:
    header = seed_doc.tables[0]
    assert seed_doc.paragraphs[0].table == 1
    assert len(header.columns_cm) == 2 and header.rows == 2
    assert not header.borders_visible
    left, right = header.columns_cm
    assert left < right
    assert right >= 9.95  # the Quốc hiệu at 13 pt needs ≈ 9.57 cm plus cell padding


def test_parent_body_is_regular_capitals_and_issuer_bold_capitals(seed_doc: Document) -> None:
    parent1, parent2, issuer, _rule = cell(seed_doc, 1, 1, 1)
    for p in (parent1, parent2):
        all_runs(p, bold=False, italic=False)
        assert p.text == p.text.upper()
        assert nd30.CO_QUAN_CHU_QUAN.size_pt.allows(one_size(p))
    assert issuer.text == "TRƯỜNG THPT NGUYỄN TRÃI"
    all_runs(issuer, bold=True, italic=False)
    assert nd30.CO_QUAN_BAN_HANH.size_pt.allows(one_size(issuer))
    assert one_size(parent1) == one_size(issuer)


def test_rule_under_the_issuer_is_a_third_to_half_of_the_name(seed_doc: Document) -> None:
    issuer, rule = cell(seed_doc, 1, 1, 1)[2:]
    assert rule.border_bottom and rule.text == ""
    name = text_width_cm(issuer.text, one_size(issuer), bold=True)
    length = rule_length_cm(seed_doc.tables[0], 1, 0, rule)
    assert nd30.NAME_RULE.lo * name <= length <= nd30.NAME_RULE.hi * name


def test_quoc_hieu_tieu_ngu_and_the_rule_as_long_as_the_motto(seed_doc: Document) -> None:
    quoc_hieu, tieu_ngu, rule = cell(seed_doc, 1, 1, 2)
    assert quoc_hieu.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    all_runs(quoc_hieu, bold=True, italic=False)
    assert one_size(quoc_hieu) == 13
    assert tieu_ngu.text == "Độc lập - Tự do - Hạnh phúc"
    all_runs(tieu_ngu, bold=True, italic=False)
    assert one_size(tieu_ngu) == 14
    assert quoc_hieu.align == tieu_ngu.align == "center"
    motto = text_width_cm(tieu_ngu.text, 14, bold=True)
    length = rule_length_cm(seed_doc.tables[0], 2, 0, rule)
    assert rule.border_bottom
    assert abs(length - motto) < 0.05, (length, motto)
    assert rule.left_cm == pytest.approx(rule.right_cm, abs=0.01)  # centred


def test_so_line_and_place_date_share_the_second_row(seed_doc: Document) -> None:
    so, = cell(seed_doc, 1, 2, 1)
    date_line, = cell(seed_doc, 1, 2, 2)
    assert re.fullmatch(r"Số: \u00a0{6,}/KH-THPTNT", so.text)
    all_runs(so, bold=False, italic=False)
    assert one_size(so) == 13
    assert date_line.text == "Thành phố Hồ Chí Minh, ngày 21 tháng 8 năm 2023"
    all_runs(date_line, italic=True, bold=False)
    assert nd30.DIA_DANH_NGAY.size_pt.allows(one_size(date_line))


def test_header_lines_fit_their_columns(seed_doc: Document) -> None:
    header = seed_doc.tables[0]
    pad = sum(header.cell_margins_cm)
    for p in seed_doc.paragraphs:
        if p.table == 1 and p.text:
            run = p.runs[0]
            width = text_width_cm(p.text, one_size(p), run.bold, run.italic)
            assert width <= header.columns_cm[(p.col or 1) - 1] - pad, p.text


# -- title, trích yếu, căn cứ ----------------------------------------------------------


def test_title_and_trich_yeu(seed_doc: Document) -> None:
    title = find(seed_doc, "KẾ HOẠCH")
    all_runs(title, bold=True, italic=False)
    assert nd30.TEN_LOAI.size_pt.allows(one_size(title)) and title.align == "center"
    index = seed_doc.paragraphs.index(title)
    trich_yeu, rule = seed_doc.paragraphs[index + 1:index + 3]
    assert trich_yeu.text == ("Phát động phong trào thi đua “Cải cách hành chính”\n"
                              "của Trường THPT Nguyễn Trãi giai đoạn 2023 - 2025")
    assert trich_yeu.text != trich_yeu.text.upper()
    all_runs(trich_yeu, bold=True, italic=False)
    assert nd30.TRICH_YEU.size_pt.allows(one_size(trich_yeu)) and trich_yeu.align == "center"
    widest = max(text_width_cm(line, 14, bold=True) for line in trich_yeu.text.split("\n"))
    text_width = 210 / 10 - 3.0 - 1.5
    length = rule_length_cm(None, None, text_width, rule)
    assert rule.border_bottom
    assert nd30.TRICH_YEU_RULE.lo * widest <= length <= nd30.TRICH_YEU_RULE.hi * widest


def test_can_cu_is_italic_and_ends_with_a_full_stop(seed_doc: Document) -> None:
    can_cu = [p for p in seed_doc.paragraphs if p.text.startswith("Căn cứ")]
    assert len(can_cu) == 1
    all_runs(can_cu[0], italic=True, bold=False)
    assert can_cu[0].text.endswith("2023 - 2025.")


# -- body ------------------------------------------------------------------------------


def content(doc: Document) -> list[Paragraph]:
    """Body paragraphs after the căn cứ, up to the signature table."""
    paragraphs = body(doc)
    start = next(i for i, p in enumerate(paragraphs) if p.style == "ND30 Can cu")
    return [p for p in paragraphs[start:] if p.text]


def test_body_paragraphs_follow_the_body_rules(seed_doc: Document) -> None:
    paragraphs = content(seed_doc)
    assert len(paragraphs) > 40
    for p in paragraphs:
        assert p.align == "both", p.text
        assert nd30.BODY.size_pt.allows(one_size(p)), p.text
        assert p.first_line_cm in nd30.FIRST_LINE_INDENT_CM, p.text
        assert p.space_before_pt + p.space_after_pt >= nd30.SPACE_BETWEEN_PARAGRAPHS_MIN_PT
        assert p.line_rule == "auto" and p.line is not None and 240 <= p.line <= 360
        if p.style != "ND30 Can cu":
            assert not any(r.italic for r in p.runs), p.text
    assert len({one_size(p) for p in paragraphs}) == 1  # one size for all running text


def test_heading_numbering_and_weights(seed_doc: Document) -> None:
    headings = [p for p in content(seed_doc) if p.style.startswith("ND30 Heading")]
    level1 = [p.text for p in headings if p.style == "ND30 Heading 1"]
    assert level1 == ["I. MỤC ĐÍCH, YÊU CẦU", "II. ĐỐI TƯỢNG, NỘI DUNG VÀ THỜI GIAN",
                      "III. TIẾN ĐỘ THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN"]
    level2 = [p.text for p in headings if p.style == "ND30 Heading 2"]
    assert level2 == ["1. Mục đích", "2. Yêu cầu", "1. Đối tượng thi đua",
                      "2. Nội dung thi đua", "3. Thời gian tổ chức thực hiện"]
    level3 = [p.text for p in headings if p.style == "ND30 Heading 3"]
    assert level3 == ["a) Tập thể", "b) Cá nhân", "a) Đối với tập thể đơn vị",
                      "b) Đối với viên chức và người lao động"]
    for p in headings:
        all_runs(p, bold=p.style != "ND30 Heading 3", italic=False)
        assert p.keep_next


def test_items_use_dash_and_plus(seed_doc: Document) -> None:
    texts = [p.text for p in content(seed_doc)]
    assert sum(t.startswith("- ") for t in texts) > 20
    assert [t[:12] for t in texts if t.startswith("+ ")] == [
        "+ Hiệu trưởn", "+ Triển khai", "+ Đôn đốc, k"]


def test_links_are_real_hyperlinks(seed_docx: Path) -> None:
    with zipfile.ZipFile(seed_docx) as package:
        rels = package.read("word/_rels/document.xml.rels").decode()
        xml = package.read("word/document.xml").decode()
    targets = re.findall(r'Target="(https://[^"]+)" TargetMode="External"', rels)
    assert set(targets) == {"https://bit.ly/dk_khoitructhuoc",
                            "https://bit.ly/bckq_mohinhgiaiphap"}
    assert xml.count("<w:hyperlink ") == 4  # one registration link, three report links


def test_content_ends_with_the_end_mark_and_keeps_with_the_signer(seed_doc: Document) -> None:
    last = content(seed_doc)[-1]
    assert last.text.endswith("Nguyễn Trãi./.")
    assert last.keep_next


# -- signer and Nơi nhận --------------------------------------------------------------


def test_signature_table_sits_right_after_the_content(seed_doc: Document) -> None:
    signature = seed_doc.tables[1]
    assert not signature.borders_visible
    assert signature.rows == 1 and signature.cant_split_rows == 1
    assert len(signature.columns_cm) == 2
    last_body = body(seed_doc)[-1]
    first_cell = next(p for p in seed_doc.paragraphs if p.table == 2)
    assert not last_body.text  # the section break closing the plan, right after the table
    last_body = [p for p in body(seed_doc) if p.text][-1]
    assert seed_doc.paragraphs.index(first_cell) == seed_doc.paragraphs.index(last_body) + 1


def test_noi_nhan(seed_doc: Document) -> None:
    label, *items = cell(seed_doc, 2, 1, 1)
    assert label.text == "Nơi nhận:"
    all_runs(label, bold=True, italic=True)
    assert one_size(label) == 12 and label.left_cm == 0 and label.first_line_cm == 0
    assert seed_doc.tables[1].cell_margins_cm[0] == 0  # flush with the left margin
    assert [p.text for p in items] == [
        "- Sở Giáo dục và Đào tạo;", "- Ban Giám hiệu;", "- BCH Công đoàn, Đoàn TN;",
        "- Tổ chuyên môn, Tổ Văn phòng;", "- Website trường;", "- Lưu: VT."]
    for p in items:
        all_runs(p, bold=False, italic=False)
        assert one_size(p) == 11 and p.align == "left"


def test_signer_block(seed_doc: Document) -> None:
    title, *blank, name = cell(seed_doc, 2, 1, 2)
    assert title.text == "HIỆU TRƯỞNG"
    all_runs(title, bold=True, italic=False)
    assert nd30.CHUC_VU.size_pt.allows(one_size(title))
    assert len(blank) >= 3 and all(p.text == "" for p in blank)
    assert name.text == "Nguyễn Văn An"
    all_runs(name, bold=True)
    assert nd30.HO_TEN.size_pt.allows(one_size(name))
    label = cell(seed_doc, 2, 1, 1)[0]
    assert title.space_before_pt == label.space_before_pt  # level with "Nơi nhận:"


# -- page numbers and properties ---------------------------------------------------------


def test_page_number_top_centre_hidden_on_page_one(seed_doc: Document) -> None:
    section = seed_doc.sections[0]
    assert section.title_page
    default, = section.headers["default"]
    assert default.has_page_field and default.align == "center"
    assert nd30.PAGE_NUMBER.size_pt.allows(one_size(default))
    assert all(not p.text and not p.has_page_field for p in section.headers["first"])
    assert all(not p.has_page_field for ps in section.footers.values() for p in ps)


def test_core_properties_come_from_the_plan(seed_doc: Document) -> None:
    core = seed_doc.core
    assert core["title"].startswith("Kế hoạch Phát động phong trào thi đua")
    assert core["subject"].startswith("Phát động phong trào thi đua")
    assert core["creator"] == "Trường THPT Nguyễn Trãi"
    assert core["keywords"] == "KH-THPTNT"
    assert core["created"] == core["modified"] == "2023-08-21T00:00:00Z"
    assert not seed_doc.has_comments and not seed_doc.has_tracked_changes

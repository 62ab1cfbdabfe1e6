"""Each checker rule: start from a good document, break exactly that rule, and the checker
reports exactly that code and nothing else.

The good document is the seed plan's Kế hoạch; each breaker edits it with python-docx the
way a person would in Word.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from plangen.check import check_docx
from plangen.check.rules.catalog import RULES

Doc = Any
Breaker = Callable[[Doc], None]


def header_cell(d: Doc, row: int, col: int) -> Any:
    return d.tables[0].cell(row, col)


def sign_cell(d: Doc, col: int) -> Any:
    return d.tables[1].cell(0, col)


def body(d: Doc, startswith: str) -> Any:
    return next(p for p in d.paragraphs if p.text.startswith(startswith))


def last_body(d: Doc) -> Any:
    """The last paragraph of the content (the one with ./.), before the Phụ lục."""
    return next(p for p in d.paragraphs if p.text.endswith("./."))


def set_text(paragraph: Any, text: str) -> None:
    paragraph.runs[0].text = text
    for run in paragraph.runs[1:]:
        run.text = ""


def remove(paragraph: Any) -> None:
    paragraph._p.getparent().remove(paragraph._p)


def drop_border(paragraph: Any) -> None:
    ppr = paragraph._p.pPr
    ppr.remove(ppr.find(qn("w:pBdr")))


def column_widths(table: Any, widths: list[float]) -> None:
    for col, width in zip(table.columns, widths, strict=True):
        col.width = Cm(width)
        for cell in col.cells:
            cell.width = Cm(width)


def widen_left_column(d: Doc) -> None:
    """Left column wider than the right; the issuer's rule keeps its length."""
    table = d.tables[0]
    old = table.columns[0].width
    column_widths(table, [10.5, 10.3])
    grown = (Cm(10.5) - old) // 2
    fmt = header_cell(d, 0, 0).paragraphs[3].paragraph_format
    fmt.left_indent, fmt.right_indent = fmt.left_indent + grown, fmt.right_indent + grown


def make_cong_van(d: Doc) -> None:
    """Title, trích yếu and its rule removed; a bold V/v line under the Số line."""
    for paragraph in d.paragraphs[:3]:
        remove(paragraph)
    vv = header_cell(d, 1, 0).add_paragraph("V/v phát động phong trào thi đua")
    vv.runs[0].bold = True


def show_borders(table: Any) -> None:
    for edge in table._tbl.tblPr.find(qn("w:tblBorders")):
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4")


def insert_after(paragraph: Any, text: str, bold: bool = False) -> Any:
    new = copy.deepcopy(paragraph._p)
    paragraph._p.addnext(new)
    para = docx.text.paragraph.Paragraph(new, paragraph._parent)
    set_text(para, text)
    para.runs[0].bold = bold
    return para


def kinh_gui_bold(d: Doc) -> None:
    opening = body(d, "Trường THPT Nguyễn Trãi xây dựng")
    kinh_gui = insert_after(body(d, "Căn cứ"), "Kính gửi: Sở Giáo dục và Đào tạo", bold=True)
    kinh_gui.runs[0].italic = False
    kinh_gui.paragraph_format.first_line_indent = opening.paragraph_format.first_line_indent
    # move it before the căn cứ, where Mẫu 1.4 puts it
    body(d, "Căn cứ")._p.addprevious(kinh_gui._p)
    set_text(sign_cell(d, 0).paragraphs[1], "- Như trên;")


def remove_page_field(d: Doc) -> None:
    for section in d.sections:
        for run in section.header.paragraphs[0].runs:
            run._r.getparent().remove(run._r)


def date_text(d: Doc, text: str) -> None:
    set_text(header_cell(d, 1, 1).paragraphs[0], text)


BREAKERS: dict[str, Breaker] = {
    "C01": lambda d: (setattr(d.sections[0], "page_width", Cm(21.59)),
                      setattr(d.sections[0], "page_height", Cm(27.94))),
    "C02": lambda d: setattr(d.sections[0], "top_margin", Cm(1.5)),
    "C03": lambda d: setattr(body(d, "- Tiếp tục").runs[0].font, "name", "Arial"),
    "C04": lambda d: set_text(body(d, "- Tiếp tục"),
                              unicodedata.normalize("NFD", body(d, "- Tiếp tục").text)),
    "C05": lambda d: setattr(body(d, "- Tiếp tục").runs[0].font.color, "rgb",
                             RGBColor(0, 0, 0xFF)),
    "C06": lambda d: setattr(header_cell(d, 0, 1).paragraphs[0].runs[0], "bold", False),
    "C07": lambda d: set_text(header_cell(d, 0, 1).paragraphs[1], "Độc lập – Tự do – Hạnh phúc"),
    "C08": lambda d: setattr(header_cell(d, 0, 1).paragraphs[2].paragraph_format,
                             "left_indent", Cm(4)),
    "C09": lambda d: setattr(header_cell(d, 0, 0).paragraphs[0].runs[0], "bold", True),
    "C10": lambda d: drop_border(header_cell(d, 0, 0).paragraphs[3]),
    "C11": lambda d: date_text(d, "Thành phố Hồ Chí Minh Mới, ngày 21 tháng 8 năm 2023"),
    "C12": widen_left_column,
    "C13": lambda d: show_borders(d.tables[0]),
    "C14": lambda d: set_text(header_cell(d, 1, 0).paragraphs[0], "Số: 5/KH-THPTNT"),
    "C15": lambda d: setattr(header_cell(d, 1, 0).paragraphs[0].runs[0], "bold", True),
    "C16": lambda d: setattr(header_cell(d, 1, 1).paragraphs[0].runs[0], "italic", False),
    "C17": lambda d: date_text(d, "TP. HCM, ngày 21 tháng 8 năm 2023"),
    "C18": lambda d: setattr(body(d, "KẾ HOẠCH").runs[0], "bold", False),
    "C19": lambda d: [setattr(r, "bold", False) for r in body(d, "Phát động").runs],
    "C20": lambda d: drop_border(d.paragraphs[2]),
    "C21": make_cong_van,
    "C22": lambda d: header_cell(d, 1, 0).add_paragraph("V/v phát động phong trào thi đua"),
    "C23": lambda d: setattr(body(d, "- Tiếp tục"), "alignment", WD_ALIGN_PARAGRAPH.LEFT),
    "C24": lambda d: setattr(body(d, "- Tiếp tục").runs[0].font, "size", Pt(13)),
    "C25": lambda d: setattr(body(d, "- Tiếp tục").paragraph_format, "first_line_indent",
                             Cm(0.5)),
    "C26": lambda d: setattr(body(d, "- Tiếp tục").paragraph_format, "space_before", Pt(0)),
    "C27": lambda d: setattr(body(d, "Căn cứ").runs[0], "italic", False),
    "C28": lambda d: set_text(body(d, "1. Mục đích"), "1.1. Mục đích"),
    "C29": lambda d: set_text(last_body(d), last_body(d).text.replace("./.", ".")),
    "C30": lambda d: set_text(sign_cell(d, 1).paragraphs[0], "KT HIỆU TRƯỞNG"),
    "C31": lambda d: setattr(sign_cell(d, 1).paragraphs[0].runs[0], "bold", False),
    "C32": lambda d: setattr(sign_cell(d, 1).paragraphs[-1].runs[0], "bold", False),
    "C33": lambda d: set_text(sign_cell(d, 1).paragraphs[-1], "NGUYỄN VĂN AN"),
    "C34": lambda d: [remove(p) for p in sign_cell(d, 1).paragraphs[1:3]],
    "C35": lambda d: setattr(sign_cell(d, 0).paragraphs[0].runs[0], "italic", False),
    "C36": lambda d: set_text(sign_cell(d, 0).paragraphs[2], "- Ban Giám hiệu"),
    "C37": lambda d: set_text(sign_cell(d, 0).paragraphs[-1], "- Lưu VT."),
    "C38": lambda d: set_text(sign_cell(d, 0).paragraphs[1], "- Như trên;"),
    "C39": kinh_gui_bold,
    "C40": lambda d: setattr(d.sections[0].header.paragraphs[0], "alignment",
                             WD_ALIGN_PARAGRAPH.RIGHT),
    "C41": remove_page_field,
    "C42": lambda d: [setattr(r, "italic", True) for r in body(d, "Phụ lục I").runs],
    "C46": lambda d: set_text(header_cell(d, 1, 0).paragraphs[0], "Số:       /UQ-THPTNT"),
    "C47": lambda d: set_text(header_cell(d, 1, 0).paragraphs[0], ""),
    "C48": lambda d: set_text(body(d, "- Tiếp tục"), "- <<cần điền: nội dung>>"),
}


def broken(seed_docx: Path, tmp_path: Path, breaker: Breaker) -> Path:
    d = docx.Document(str(seed_docx))
    breaker(d)
    target = tmp_path / "broken.docx"
    d.save(str(target))
    return target


def test_the_good_document_is_clean(seed_docx: Path) -> None:
    report = check_docx(seed_docx)
    assert report.findings == []
    assert {n.code for n in report.not_checked} == {"C21", "C39"}  # no V/v, no Kính gửi


def test_every_rule_has_a_breaker() -> None:
    assert set(BREAKERS) == {rule.code for rule in RULES}


@pytest.mark.parametrize("code", sorted(BREAKERS))
def test_breaking_one_rule_reports_exactly_that_rule(code: str, seed_docx: Path,
                                                      tmp_path: Path) -> None:
    report = check_docx(broken(seed_docx, tmp_path, BREAKERS[code]))
    assert {f.code for f in report.findings} == {code}, report.findings


def small_italic_label(d: Doc) -> None:
    for run in body(d, "Phụ lục I").runs:
        run.italic, run.font.size = True, Pt(11)


def left_title_justified_trich_yeu(d: Doc) -> None:
    body(d, "KẾ HOẠCH").alignment = WD_ALIGN_PARAGRAPH.LEFT
    body(d, "Phát động").alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


@pytest.mark.parametrize(("breaker", "codes"), [
    # A deleted trích yếu is a missing main component (Điều 8.2), not "not checked".
    (lambda d: remove(body(d, "Phát động")), {"C47"}),
    # A misaligned title and trích yếu are told to be centred; the căn cứ after them is
    # still read as căn cứ (italic is right), not as body text that must be upright.
    (left_title_justified_trich_yeu, {"C18", "C19"}),
    (small_italic_label, {"C42"}),
    (lambda d: set_text(body(d, "Phụ lục II"), "Phụ lục 2"), {"C42"}),
    (lambda d: [setattr(r, "italic", False) for r in body(d, "(Kèm theo").runs], {"C42"}),
])
def test_one_misplaced_part_gives_one_finding(breaker: Breaker, codes: set[str],
                                              seed_docx: Path, tmp_path: Path) -> None:
    report = check_docx(broken(seed_docx, tmp_path, breaker))
    assert {f.code for f in report.findings} == codes, report.findings


def test_rule_classes_print_in_single_brackets(seed_docx: Path, tmp_path: Path) -> None:
    from plangen.check.report import text_lines

    report = check_docx(broken(seed_docx, tmp_path, BREAKERS["C34"]))
    lines = [line for line in text_lines(report, "en") if " C34 " in line]
    assert lines and all("[PRACTICE]" in line and "[[" not in line for line in lines)

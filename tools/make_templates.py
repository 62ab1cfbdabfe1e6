"""Regenerate the Word templates in templates/ (and the copies plangen ships).

Why: the templates start from plangen's own NĐ30 page and styles, so a form looks like the
plan it is attached to; after that they are ordinary DOCX files an admin may open in Word
and change (wording, a logo, a column). The build reads templates/, not this script.

Usage:  python tools/make_templates.py
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt

from plangen.render.docx import oxml, page
from plangen.render.docx.package import docx_bytes

ROOT = Path(__file__).resolve().parents[1]
TARGETS = (ROOT / "templates", ROOT / "src" / "plangen" / "data" / "templates")

FORM_ROWS = (
    ("Loại (mô hình, giải pháp, sáng kiến)", "{{ reg.kind }}"),
    ("Tên mô hình, giải pháp, sáng kiến", "{{ reg.name }}"),
    ("Lĩnh vực cải cách hành chính", "{{ reg.field }}"),
    ("Đơn vị, cá nhân thực hiện", "{{ reg.owner }}"),
    ("Tóm tắt nội dung", "{{ reg.summary | xuong_dong }}"),
    ("Mục tiêu", "{{ reg.goal | xuong_dong }}"),
    ("Thời gian thực hiện", "{{ reg.thoi_gian }}"),
    ("Hiệu quả dự kiến", "{{ reg.effect | xuong_dong }}"),
)
REPORT_COLUMNS = ("STT", "Tên mô hình, giải pháp, sáng kiến", "Mức độ hoàn thành (1)",
                  "Kết quả đạt được", "Minh chứng (đường link)", "Có thể nhân rộng")


def paragraph(container: Any, text: str, *, bold: bool = False, italic: bool = False,
              align: str = "center", size: float = 14, style: str = page.HEADER_TEXT) -> Any:
    p = container.add_paragraph(style=style)
    p.alignment = page.ALIGN[align]
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    return p


def grid_table(document: Any, rows: int, widths_cm: list[float]) -> Any:
    table = document.add_table(rows=rows, cols=len(widths_cm))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    oxml.fixed_table(table, [Cm(w) for w in widths_cm], Cm(0))
    for row in table.rows:
        oxml.cant_split(row)
    return table


def signature(document: Any, title: str, name: str,
              date_line: str = "……, ngày …… tháng …… năm ……") -> None:
    """"…, ngày … tháng … năm …", the title, room to sign, the name: right half."""
    table = document.add_table(rows=1, cols=2)
    oxml.no_table_borders(table)
    oxml.fixed_table(table, [Cm(6.0), Cm(10.5)], Cm(0))
    cell = table.cell(0, 1)
    first = cell.paragraphs[0]
    first.style = page.HEADER_TEXT
    first.alignment = page.ALIGN["center"]
    first.paragraph_format.space_before = Pt(12)
    run = first.add_run(date_line)
    run.font.italic = True
    paragraph(cell, title, bold=True)
    paragraph(cell, "(Ký và ghi rõ họ tên)", italic=True)
    for _ in range(3):
        paragraph(cell, "")
    paragraph(cell, name, bold=True)


def registration_form() -> Any:
    document = page.new_document()
    intro = paragraph(document, "Phong trào thi đua “{{ campaign.name }}” giai đoạn "
                      "{{ campaign.years }} của {{ issuer.name }}", italic=True)
    intro.paragraph_format.space_after = Pt(12)
    table = grid_table(document, len(FORM_ROWS), [5.5, 11.0])
    for (label, tag), row in zip(FORM_ROWS, table.rows, strict=True):
        paragraph(row.cells[0], label, bold=True, align="left", size=13)
        paragraph(row.cells[1], tag, align="left", size=13)
        for cell in row.cells:
            first = cell.paragraphs[0]
            first._p.getparent().remove(first._p)
    signature(document, "NGƯỜI ĐĂNG KÝ", "{{ reg.signer }}", "{{ reg.dia_danh_ngay }}")
    return document


def report_form() -> Any:
    document = page.new_document()
    paragraph(document, "Phong trào thi đua “{{ campaign.name }}” giai đoạn "
              "{{ campaign.years }}", italic=True)
    unit = paragraph(document, "Đơn vị, cá nhân báo cáo: ………………………………………………", align="left")
    unit.paragraph_format.space_before = Pt(6)
    unit.paragraph_format.space_after = Pt(6)
    widths = [1.2, 4.3, 2.6, 3.6, 2.8, 2.0]
    table = grid_table(document, 4, widths)
    for i, (title, cell) in enumerate(zip(REPORT_COLUMNS, table.rows[0].cells, strict=True)):
        cell.paragraphs[0].style = page.HEADER_TEXT
        run = cell.paragraphs[0].add_run(title)
        run.font.bold = True
        run.font.size = Pt(12)
        for row_number, row in enumerate(table.rows[1:], start=1):
            cell_paragraph = row.cells[i].paragraphs[0]
            cell_paragraph.style = page.HEADER_TEXT
            if i == 0:
                cell_paragraph.add_run(str(row_number)).font.size = Pt(12)
    note = paragraph(document, "(1) Hoàn thành tốt, Hoàn thành hoặc Chưa hoàn thành. Báo cáo "
                     "gửi theo đường link: {{ campaign.link_bao_cao }}", italic=True,
                     align="left", size=12)
    note.paragraph_format.space_before = Pt(6)
    signature(document, "NGƯỜI BÁO CÁO", "")
    return document


def main() -> None:
    built = {"phieu-dang-ky.docx": docx_bytes(registration_form()),
             "mau-bao-cao.docx": docx_bytes(report_form())}
    for target in TARGETS:
        target.mkdir(parents=True, exist_ok=True)
        for name, data in built.items():
            (target / name).write_bytes(data)
            print(f"wrote {target / name}")
    shutil.rmtree(ROOT / "templates" / "__pycache__", ignore_errors=True)


if __name__ == "__main__":
    main()

"""Danh sách đăng ký: every registration in one wide table, on landscape pages.

Why: the list is read across, so it takes landscape pages (NĐ30 allows them for wide
tables); its header row repeats on each page and no row is split between pages, so every
registration can be read whole wherever the page breaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Mm, Pt

from plangen.plan.model import Plan
from plangen.plan.records import Registration
from plangen.render.annex.forms import kem_theo
from plangen.render.docx import blocks, oxml, page
from plangen.spec import vn

TITLE = "Danh sách đăng ký mô hình, giải pháp, sáng kiến cải cách hành chính"
COLUMNS: tuple[tuple[str, float], ...] = (
    ("STT", 1.3), ("Mã", 1.6), ("Loại", 2.2), ("Tên mô hình, giải pháp, sáng kiến", 5.4),
    ("Lĩnh vực", 3.2), ("Đơn vị, cá nhân thực hiện", 4.4), ("Thời gian thực hiện", 3.4),
    ("Hiệu quả dự kiến", 3.7),
)
# Landscape margins: NĐ30 gives none; the decree's own landscape page uses top 20,
# bottom 15, left 30, right 15 mm [MẪU], and so does plangen.
LANDSCAPE_MARGINS_MM = (20, 15, 30, 15)
CELL_SIZE_PT = 12


def landscape(section: Any) -> None:
    """Turn ``section`` to a landscape A4 with the decree's landscape margins."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    top, bottom, left, right = LANDSCAPE_MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)


def cell_text(cell: Any, text: str, bold: bool = False, align: str = "left") -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = page.HEADER_TEXT
    paragraph.alignment = page.ALIGN[align]
    run = paragraph.add_run(text)
    run.font.size = Pt(CELL_SIZE_PT)
    run.font.bold = bold


def row_values(number: int, reg: Registration) -> list[str]:
    return [str(number), reg.id, reg.kind.capitalize(), reg.name, reg.field, str(reg.owner),
            f"{vn.ngay_ngan(reg.start)} - {vn.ngay_ngan(reg.end)}", reg.effect]


def build(plan: Plan, registrations: Sequence[Registration]) -> Any:
    """The list as a python-docx Document."""
    document = page.new_document()
    section = document.sections[0]
    landscape(section)
    width = page.text_width_cm(section)
    blocks.appendix_heading(document, blocks.AppendixHeading(None, TITLE, kem_theo(plan)),
                            width)
    table = document.add_table(rows=1 + len(registrations), cols=len(COLUMNS))
    table.style = document.styles["Table Grid"]
    oxml.fixed_table(table, [Cm(w) for _, w in COLUMNS], Cm(0))
    for (title, _), cell in zip(COLUMNS, table.rows[0].cells, strict=True):
        cell_text(cell, title, bold=True, align="center")
    oxml.repeat_header(table.rows[0])
    for number, (reg, row) in enumerate(zip(registrations, table.rows[1:], strict=True), 1):
        for i, (value, cell) in enumerate(zip(row_values(number, reg), row.cells, strict=True)):
            cell_text(cell, value, align="center" if i in (0, 1, 2, 6) else "left")
    for row in table.rows:
        oxml.cant_split(row)
    total = document.add_paragraph(style=page.HEADER_TEXT)
    total.alignment = page.ALIGN["left"]
    total.paragraph_format.space_before = Pt(6)
    total.add_run(f"Tổng cộng: {vn.hai_so(len(registrations))} đăng ký.")
    page.set_properties(document, title=TITLE, subject=TITLE, author=plan.issuer.name,
                        keywords=plan.ky_hieu, category="Phụ lục",
                        day=plan.issued_on or plan.campaign.start)
    return document

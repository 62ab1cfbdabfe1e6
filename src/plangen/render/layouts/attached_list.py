"""A list attached to a document, on landscape pages: one wide table under a Phụ lục
heading (the registration list is one).

Why: a list is read across, so it takes landscape pages (NĐ30 allows them for wide
tables); its title row repeats on each page and no row is split between pages, so every
row can be read whole wherever the page breaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt

from plangen.plan.document import Document, Table
from plangen.render.annex.forms import kem_theo
from plangen.render.context import RenderContext
from plangen.render.docx import blocks, oxml, page, tables
from plangen.spec import vn

# Landscape margins: NĐ30 gives none; the decree's own landscape page uses top 20,
# bottom 15, left 30, right 15 mm [MẪU], and so does plangen.
LANDSCAPE_MARGINS_MM = (20, 15, 30, 15)


@dataclass(frozen=True)
class AttachedList:
    """A table attached to ``main``: its title, the table, and what one row counts."""

    main: Document
    title: str
    table: Table
    counted: str  # "đăng ký": the total line reads "Tổng cộng: 05 đăng ký."


def landscape(section: Any) -> None:
    """Turn ``section`` to a landscape A4 with the decree's landscape margins."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    top, bottom, left, right = LANDSCAPE_MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)


def build(attached: AttachedList, context: RenderContext) -> Any:
    """The list as a python-docx Document."""
    main = attached.main
    document = page.new_document()
    section = document.sections[0]
    landscape(section)
    if context.draft:
        blocks.draft_mark(document)
    blocks.appendix_heading(document, blocks.AppendixHeading(None, attached.title,
                                                             kem_theo(main)),
                            page.text_width_cm(section))
    tables.grid_table(document, attached.table)
    total = page.paragraph(document, page.HEADER_TEXT)
    oxml.align(total, "left")
    total.paragraph_format.space_before = Pt(6)
    total.add_run(f"Tổng cộng: {vn.hai_so(len(attached.table.rows))} {attached.counted}.")
    page.set_properties(document, title=attached.title, subject=attached.title,
                        author=main.issuer.name, keywords=main.ky_hieu, category="Phụ lục",
                        day=main.number.issued_on, draft=context.draft)
    return document

"""Grid tables in NĐ30 style: a bold, centred title row repeated on every page, rows that
never split across pages, fixed column widths.

Why: the reports' tables and the registration list are read row by row; a row cut by a
page break, or a title row missing on the next page, makes a printed list unreadable.
"""

from __future__ import annotations

from typing import Any

from docx.shared import Cm

from plangen.plan.document import Table
from plangen.render.docx import oxml, page


def grid_table(document: Any, table: Table) -> Any:
    """``table`` drawn with Word's "Table Grid" borders at the end of ``document``; its
    rows are copies of one prepared row, so the time grows with the rows, not their square."""
    drawn = document.add_table(rows=2, cols=len(table.columns))
    drawn.style = document.styles["Table Grid"]
    oxml.fixed_table(drawn, [Cm(c.width_cm) for c in table.columns], Cm(0))
    title_row, prototype = drawn.rows
    for column, cell in zip(table.columns, title_row.cells, strict=True):
        _cell_text(cell, column.title, table.size_pt, bold=True, align="center")
    for column, cell in zip(table.columns, prototype.cells, strict=True):
        _cell_text(cell, "", table.size_pt, bold=False, align=column.align)
    for row in drawn.rows:
        oxml.cant_split(row)
    oxml.repeat_header(title_row)
    oxml.append_rows(prototype, table.rows)
    return drawn


def _cell_text(cell: Any, text: str, size_pt: float, bold: bool, align: str) -> None:
    """A cell's one paragraph in the header-text style, saying only what differs from the
    style: a table of 10,000 rows repeats every property it writes 60,000 times."""
    paragraph = cell.paragraphs[0]
    page.set_style(paragraph, page.HEADER_TEXT)
    style = page.STYLE_BY_NAME[page.HEADER_TEXT].spec
    if align != style.align:
        oxml.align(paragraph, align)
    oxml.add_run(paragraph, text, bold=bold if bold != style.bold else None,
                 size_pt=size_pt if size_pt != style.size_pt.preferred else None)

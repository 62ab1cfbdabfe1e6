"""Grid tables in NĐ30 style: a bold, centred title row repeated on every page, rows that
never split across pages, fixed column widths.

Why: the reports' tables and the registration list are read row by row; a row cut by a
page break, or a title row missing on the next page, makes a printed list unreadable.
"""

from __future__ import annotations

from typing import Any

from docx.shared import Cm, Pt

from plangen.plan.document import Table
from plangen.render.docx import oxml, page


def grid_table(document: Any, table: Table) -> Any:
    """``table`` drawn with Word's "Table Grid" borders at the end of ``document``."""
    drawn = document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    drawn.style = document.styles["Table Grid"]
    oxml.fixed_table(drawn, [Cm(c.width_cm) for c in table.columns], Cm(0))
    titles = tuple(c.title for c in table.columns)
    for r, values in enumerate((titles, *table.rows)):
        for c, value in enumerate(values):
            align = table.columns[c].align if r else "center"
            _cell_text(drawn.cell(r, c), value, table.size_pt, bold=r == 0, align=align)
        oxml.cant_split(drawn.rows[r])
    oxml.repeat_header(drawn.rows[0])
    return drawn


def _cell_text(cell: Any, text: str, size_pt: float, bold: bool, align: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = page.HEADER_TEXT
    paragraph.alignment = page.ALIGN[align]
    run = paragraph.add_run(text)
    run.font.size = Pt(size_pt)
    run.font.bold = bold

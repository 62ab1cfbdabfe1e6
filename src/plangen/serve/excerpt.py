"""The first pages of a large document, as a document of their own.

Why: LibreOffice lays a document out whole before it writes a page; a list of a thousand
registrations takes it some ten seconds. The same document cut after its first few
hundred paragraphs lays out in a fraction of a second, and its pages but the last are the
large document's first pages: layout flows from the start, and what comes later moves
nothing before it. The preview shows those pages at once while the whole document is
converted beside them.

The size of a document is counted in paragraphs, those of table cells included: that is
what LibreOffice lays out, and a table row of seven cells costs as much as seven lines.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from docx import Document
from docx.oxml.ns import qn

LARGE = 1200
"""A document of more paragraphs than this is shown from an excerpt first (a landscape
list of 150 registrations; every document of the seed plan has fewer than 200)."""
EXCERPT = 300
"""How many paragraphs the excerpt keeps: four or five pages, laid out in under a second."""

_P, _TBL, _TR = qn("w:p"), qn("w:tbl"), qn("w:tr")


def weight(element: Any) -> int:
    """The paragraphs in ``element``, those of its tables included."""
    return sum(1 for _ in element.iter(_P))  # lxml's iter() counts the element itself


def excerpt(data: bytes, keep: int = EXCERPT) -> tuple[bytes, int, int] | None:
    """The document ``data`` cut after about ``keep`` paragraphs (a table is cut between
    rows), with its last section's page setup; with the paragraphs it keeps and those of
    the whole. None when the document has no more than :data:`LARGE` paragraphs."""
    if _paragraphs(data) <= LARGE:  # most documents: told without parsing them
        return None
    document = Document(io.BytesIO(data))
    body = document.element.body
    children = [child for child in body.iterchildren() if child.tag in (_P, _TBL)]
    total = sum(weight(child) for child in children)
    if total <= LARGE:
        return None
    kept, cut = 0, False
    for child in children:
        if cut or kept >= keep:
            body.remove(child)
        elif kept + weight(child) <= keep or child.tag == _P:
            kept += weight(child)
        else:
            kept += _cut_table(child, keep - kept)
            cut = True  # nothing may follow a table cut short
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), kept, total


def _paragraphs(data: bytes) -> int:
    """The paragraphs of the document ``data``, counted in its text: its opening tags
    (``<w:p>`` or ``<w:p w:rsidR=…>``, the prefix every Word file and plangen's use)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml")
    return xml.count(b"<w:p>") + xml.count(b"<w:p ")


def _cut_table(table: Any, room: int) -> int:
    """Keep the rows of ``table`` that fit in ``room`` paragraphs (its first row at
    least); the paragraphs kept."""
    kept, full = 0, False
    for i, row in enumerate(table.findall(_TR)):
        full = full or (i > 0 and kept + weight(row) > room)
        if full:
            table.remove(row)
        else:
            kept += weight(row)
    return kept

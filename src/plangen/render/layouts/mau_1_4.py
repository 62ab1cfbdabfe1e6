"""Mẫu 1.4 of Phụ lục III: the layout of every document with a tên loại (Kế hoạch, Báo cáo,
Tờ trình, Thông báo…), built once for all of them.

Why: a Kế hoạch and a Báo cáo differ in their data, not in their layout. One builder gives
both the same header, draft mark, signer block and Phụ lục, so a fix reaches every kind and
the gate sees the same shape everywhere. It reads only the document model.
"""

from __future__ import annotations

from typing import Any

from plangen.plan.document import Document, Table
from plangen.render.annex import forms
from plangen.render.context import RenderContext
from plangen.render.docx import blocks, body, page
from plangen.spec import vn


def build(doc: Document, context: RenderContext) -> Any:
    """The python-docx Document of ``doc``, ready to save; a draft is marked "DỰ THẢO" at
    the top of page 1."""
    document = page.new_document()
    if context.draft:
        blocks.draft_mark(document)
    number = doc.number
    blocks.header_table(document, blocks.Header(
        parent=doc.issuer.parent, issuer=doc.issuer.name,
        so_ky_hieu=vn.so_ky_hieu(number.number, doc.kind, doc.issuer.abbreviation),
        place=number.place, issued_on=number.issued_on))
    blocks.title_block(document, doc.kind_name, doc.trich_yeu)
    blocks.kinh_gui(document, doc.recipients.kinh_gui)
    blocks.can_cu(document, doc.can_cu)
    paragraphs = body.add_blocks(document, doc.body, doc.numbering)
    if isinstance(doc.body[-1], Table):  # the content ends with a table: ./. comes below it
        paragraphs.append(page.paragraph(document, page.BODY))
    body.end_mark(paragraphs[-1])
    paragraphs[-1].paragraph_format.keep_with_next = True  # the signer follows it
    blocks.signature_table(document, doc.recipients.noi_nhan_lines(),
                           blocks.SignerLines(doc.signer.titles(), doc.signer.name or ""))
    one_line = " ".join(doc.trich_yeu.split())
    page.set_properties(document, title=f"{doc.kind_name} {one_line}", subject=one_line,
                        author=doc.issuer.name, keywords=doc.ky_hieu, category=doc.kind_name,
                        day=doc.day)
    forms.append_annexes(document, doc, context.templates)
    return document

"""Mẫu 1.4 of Phụ lục III: the layout of every document with a tên loại (Kế hoạch, Báo cáo,
Tờ trình, Thông báo…), built once for all of them.

Why: a Kế hoạch and a Báo cáo differ in their data, not in their layout. One builder gives
both the same header, draft mark, signer block and Phụ lục, so a fix reaches every kind and
the gate sees the same shape everywhere. It reads only the document model.
"""

from __future__ import annotations

from typing import Any

from plangen.plan.document import Document
from plangen.render.context import RenderContext
from plangen.render.docx import blocks, body
from plangen.render.layouts.parts import close_document, open_document


def build(doc: Document, context: RenderContext) -> Any:
    """The python-docx Document of ``doc``, ready to save; a draft is marked "DỰ THẢO" at
    the top of page 1."""
    document = open_document(doc, context)
    blocks.title_block(document, doc.kind_name,
                       doc.trich_yeu if doc.profile.trich_yeu else "")
    blocks.kinh_gui(document, doc.recipients.kinh_gui)
    blocks.can_cu(document, doc.can_cu)
    paragraphs = body.add_blocks(document, doc.body, doc.numbering)
    return close_document(document, doc, paragraphs, doc.recipients.noi_nhan_lines(), context)

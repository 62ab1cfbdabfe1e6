"""Mẫu 1.5 of Phụ lục III: a Công văn. No tên loại: "V/v …" sits under the Số, then
"Kính gửi:", the body, and Nơi nhận beginning "- Như trên;".

Why: a công văn is most of a văn thư's daily output; it shares the header and the signer
with every other family and differs only in where its trích yếu goes.
"""

from __future__ import annotations

from typing import Any

from plangen.plan.document import Letter
from plangen.render.context import RenderContext
from plangen.render.docx import blocks, body
from plangen.render.layouts.parts import close_document, open_document


def build(doc: Letter, context: RenderContext) -> Any:
    """The python-docx Document of the công văn ``doc``, ready to save."""
    document = open_document(doc, context, vv=doc.trich_yeu)
    blocks.kinh_gui(document, doc.recipients.kinh_gui)
    paragraphs = body.add_blocks(document, doc.body, doc.numbering)
    return close_document(document, doc, paragraphs, doc.recipients.noi_nhan_lines(), context)

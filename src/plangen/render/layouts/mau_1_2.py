"""Mẫu 1.2 of Phụ lục III: a Quyết định. Under the header, "QUYẾT ĐỊNH" and its trích
yếu, the authority that decides in bold capitals, the căn cứ and "Theo đề nghị của …",
"QUYẾT ĐỊNH:", then the articles, each opening with its bold "Điều N.".

Why: most of an office's output is decisions; their articles are numbered as text, like
every other number plangen prints, so what is printed is what is checked.
"""

from __future__ import annotations

from typing import Any

from plangen.plan.document import Decision, IssuedWith
from plangen.render.annex import forms
from plangen.render.context import RenderContext
from plangen.render.docx import blocks, body, page
from plangen.render.layouts.parts import (
    close_document,
    end_of_content,
    header_of,
    open_document,
)
from plangen.spec import nd30


def build(doc: Decision, context: RenderContext) -> Any:
    """The python-docx Document of the decision ``doc``, ready to save."""
    document = open_document(doc, context)
    blocks.title_block(document, doc.kind_name, doc.trich_yeu)
    blocks.centred_label(document, doc.authority, nd30.THAM_QUYEN)
    bases = [*doc.can_cu, *([doc.theo_de_nghi] if doc.theo_de_nghi else [])]
    blocks.can_cu(document, bases)
    label = blocks.centred_label(document, nd30.QUYET_DINH_LABEL_TEXT, nd30.QUYET_DINH_LABEL)
    label.paragraph_format.keep_with_next = True
    paragraphs = body.add_blocks(document, doc.body, doc.numbering)
    close_document(document, doc, paragraphs, doc.recipients.noi_nhan, context)
    if doc.issues is not None:
        issued_document(document, doc, doc.issues)
    return document


def issued_document(document: Any, doc: Decision, issued: IssuedWith) -> None:
    """The document the decision issues (Mẫu 1.3), on new pages numbered from 1: the
    header without Số or date, its tên loại and trích yếu, "(Kèm theo Quyết định số …)",
    then its content, ending with ./."""
    page.new_numbered_section(document)
    blocks.header_table(document, header_of(doc), numbered=False)
    blocks.issued_with_title(document, issued.kind_name, issued.trich_yeu, forms.kem_theo(doc))
    paragraphs = body.add_blocks(document, issued.body, issued.numbering)
    body.end_mark(end_of_content(document, issued.body, paragraphs))

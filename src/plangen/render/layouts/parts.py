"""What every layout family shares: the top of page 1 (draft mark and header) and the end
of the content (./., Nơi nhận and signer, file properties, Phụ lục).

Why: a Kế hoạch, a Quyết định and a Công văn differ between their header and their
signer, not in them; building those parts once keeps every family identical where NĐ30
wants them identical, and a fix reaches all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plangen.plan.document import Block, IssuedDocument, Table
from plangen.render.annex import forms
from plangen.render.context import RenderContext
from plangen.render.docx import blocks, body, page


def open_document(doc: IssuedDocument, context: RenderContext, vv: str | None = None) -> Any:
    """A new document with the draft mark (for a draft) and the two-column header; ``vv``
    puts a công văn's "V/v …" under the Số."""
    document = page.new_document()
    if context.draft:
        blocks.draft_mark(document)
    blocks.header_table(document, header_of(doc, vv=vv))
    return document


def header_of(doc: IssuedDocument, vv: str | None = None) -> blocks.Header:
    """What the two-column header of ``doc`` shows, as its mẫu has it."""
    return blocks.Header(
        parent=doc.issuer.parent, issuer=doc.issuer.name, so_ky_hieu=doc.so_ky_hieu,
        place=doc.number.place, issued_on=doc.number.issued_on, vv=vv,
        co_issuers=tuple(body.name for body in doc.co_issuers),
        date_line=doc.profile.date_line)


def end_of_content(document: Any, blocks_: Sequence[Block], paragraphs: Sequence[Any]) -> Any:
    """The paragraph that carries ``./.``: the content's last, unless the content ends with
    a table or a centred line (a khẩu hiệu): then a paragraph of its own below it."""
    last = paragraphs[-1] if paragraphs else None
    if last is None or (blocks_ and isinstance(blocks_[-1], Table)) \
            or last.alignment == page.ALIGN["center"]:
        return page.paragraph(document, page.BODY)
    return last


def close_document(document: Any, doc: IssuedDocument, paragraphs: Sequence[Any],
                   noi_nhan: Sequence[str], context: RenderContext) -> Any:
    """``./.`` after the content's last paragraph, kept with the signer; Nơi nhận and the
    signer; the file's properties; then the Phụ lục."""
    last = end_of_content(document, doc.body, paragraphs)
    body.end_mark(last)
    last.paragraph_format.keep_with_next = True  # the signer follows it
    signers = [blocks.SignerLines(block.lines(), block.signer.name or "")
               for block in doc.blocks]
    if doc.profile.noi_nhan == "beside":
        blocks.signature_table(document, noi_nhan, signers[-1])
    else:
        blocks.signatures_above(document, noi_nhan, signers)
    one_line = " ".join(doc.trich_yeu.split())
    page.set_properties(document, title=f"{doc.kind_name} {one_line}".strip(),
                        subject=one_line or doc.kind_name,
                        author=doc.issuer.name, keywords=doc.ky_hieu, category=doc.kind_name,
                        day=doc.number.issued_on, draft=context.draft)
    forms.append_annexes(document, doc, context.templates)
    return document

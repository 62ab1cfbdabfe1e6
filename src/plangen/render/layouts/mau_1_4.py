"""The Kế hoạch (and any kind laid out by Mẫu 1.4): header, title, căn cứ, body, signer.

Why: one builder per document kind, reading only the validated model; the shared NĐ30
blocks come from ``blocks`` and the page from ``page``.
"""

from __future__ import annotations

from typing import Any

from plangen.plan.model import Plan, Signer
from plangen.render.docx import blocks, body, page
from plangen.spec import nd30, vn


def signer_lines(signer: Signer) -> blocks.SignerLines:
    """``KT. HIỆU TRƯỞNG`` / ``PHÓ HIỆU TRƯỞNG`` / name, from the signer's fields."""
    titles: list[str] = []
    if signer.authority is not None and signer.head_title is not None:
        titles.append(f"{signer.authority} {vn.upper(signer.head_title)}")
    if signer.title is not None:
        titles.append(vn.upper(signer.title))
    return blocks.SignerLines(tuple(titles), signer.name or "")


def build(plan: Plan, draft: bool = False) -> Any:
    """The python-docx Document of ``plan``'s Kế hoạch, ready to save; a ``draft`` is
    marked "DỰ THẢO" at the top of page 1."""
    document = page.new_document()
    if draft:
        blocks.draft_mark(document)
    blocks.header_table(document, blocks.Header(
        parent=plan.issuer.parent, issuer=plan.issuer.name,
        so_ky_hieu=vn.so_ky_hieu(plan.number, plan.kind, plan.issuer.abbreviation),
        place=plan.place, issued_on=plan.issued_on))
    blocks.title_block(document, nd30.DOC_KINDS[plan.kind], plan.trich_yeu)
    blocks.kinh_gui(document, plan.kinh_gui)
    blocks.can_cu(document, plan.can_cu)
    paragraphs: list[Any] = []
    if plan.opening:
        paragraphs += body.add_text(document, plan.opening)
    paragraphs += body.add_sections(document, plan.body)
    if plan.closing:
        paragraphs += body.add_text(document, plan.closing)
    body.end_mark(paragraphs[-1])
    paragraphs[-1].paragraph_format.keep_with_next = True  # the signer follows it
    noi_nhan = list(plan.noi_nhan)
    if plan.kinh_gui and "Như trên" not in noi_nhan:
        noi_nhan.insert(0, "Như trên")  # NĐ30 II.9.b: with a Kính gửi block
    blocks.signature_table(document, noi_nhan, signer_lines(plan.signer))
    kind = nd30.DOC_KINDS[plan.kind]
    one_line = " ".join(plan.trich_yeu.split())
    # The date of issue, or the campaign's start while the văn thư has yet to date it.
    page.set_properties(document, title=f"{kind} {one_line}", subject=one_line,
                        author=plan.issuer.name, keywords=plan.ky_hieu, category=kind,
                        day=plan.issued_on or plan.campaign.start)
    return document

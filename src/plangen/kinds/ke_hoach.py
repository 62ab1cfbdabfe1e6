"""The plan's own document: the Kế hoạch (or any mẫu 1.4 kind the plan names in ``kind``,
written to a file named after it: ``ke-hoach.docx``, ``to-trinh.docx``…), with the
Phụ lục the plan lists.

Why: the plan file's top-level fields are this document; turning them into the document
model here keeps the layout builder ignorant of plans and campaigns.
"""

from __future__ import annotations

from datetime import date

from plangen.kinds import Kind, Made, campaign
from plangen.plan import model
from plangen.plan.datafiles import Bundle
from plangen.plan.document import (
    Annex,
    Block,
    BlocksAnnex,
    Document,
    NumberAndDate,
    Recipients,
    TemplateAnnex,
)
from plangen.plan.model import Plan
from plangen.plan.textblocks import flatten, table_block, text_blocks
from plangen.render.layouts import mau_1_4
from plangen.spec import vn

# The day a document's file properties give when it has neither a date of issue nor a
# campaign to date it by: the zip format's epoch, which plangen's files use already.
NO_DAY = date(1980, 1, 1)


def plan_document(plan: Plan) -> Document:
    """The document the plan file describes, as the layout builders read it."""
    body: list[Block] = text_blocks(plan.opening) if plan.opening else []
    body += flatten(plan.body)
    if plan.closing:
        body += text_blocks(plan.closing)
    return Document(
        kind=plan.kind, issuer=plan.issuer,
        number=NumberAndDate(number=plan.number, place=plan.place, issued_on=plan.issued_on,
                             de_trong=frozenset(plan.de_trong)),
        trich_yeu=plan.trich_yeu,
        recipients=Recipients(kinh_gui=tuple(plan.kinh_gui), noi_nhan=tuple(plan.noi_nhan)),
        can_cu=tuple(plan.can_cu), body=tuple(body), numbering=plan.numbering,
        signer=plan.signer, annexes=tuple(annex_of(plan, a) for a in plan.phu_luc),
        undated_day=plan.campaign.start if plan.campaign is not None else NO_DAY)


def annex_of(plan: Plan, annex: model.Annex) -> Annex:
    """One Phụ lục the plan lists, as the layout builder reads it."""
    if annex.template is not None:
        return TemplateAnnex(title=annex.title, template=annex.template,
                             context=campaign.template_context(plan))
    if annex.table is not None:
        return BlocksAnnex(title=annex.title, blocks=(
            table_block(annex.table.columns, annex.table.rows),))
    return BlocksAnnex(title=annex.title, blocks=tuple(text_blocks(annex.content or "")))


def _sources(bundle: Bundle) -> list[Made[Document]]:
    main = plan_document(bundle.plan)
    return [Made(vn.slug(main.kind_name), main)]  # ke-hoach, to-trinh, thong-bao…


KIND: Kind[Document] = Kind(
    name="ke-hoach", file_name="{key}.docx", sources=_sources, layout=mau_1_4.build,
    checked_as="van-ban",
    manifest=("loai_van_ban", "so_ky_hieu", "trich_yeu", "ngay", "nguoi_ky", "quyen_han",
              "tap_the", "chuc_vu_cap_truong", "chuc_vu", "kinh_gui", "noi_nhan"))

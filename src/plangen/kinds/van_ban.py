"""Tờ trình, Thông báo and the other mẫu 1.4 documents the plan lists in ``van_ban``: a
Tờ trình with its Kính gửi to the superior, a Thông báo without one.

Why: they share the Kế hoạch's layout; only their data differ, so they reuse its builder.
"""

from __future__ import annotations

from plangen.kinds import Kind, Made, trail
from plangen.kinds.quyet_dinh import KIND as DECISION
from plangen.plan import model
from plangen.plan.datafiles import Bundle
from plangen.plan.document import Document, Recipients
from plangen.plan.textblocks import text_blocks
from plangen.render.layouts import mau_1_4
from plangen.spec import nd30, vn


def document(bundle: Bundle, entry: model.VanBanTenLoai) -> Document:
    """The entry of the plan as its layout builder reads it."""
    plan = bundle.plan
    return Document(**trail.issued_parts(plan, entry), kind=entry.kind,
                    can_cu=tuple(entry.can_cu), body=tuple(text_blocks(entry.content)),
                    recipients=Recipients(kinh_gui=tuple(entry.kinh_gui),
                                          noi_nhan=tuple(entry.noi_nhan)),
                    annexes=trail.annexes(plan, entry.phu_luc))


def _sources(bundle: Bundle) -> list[Made[Document]]:
    return [Made(f"{vn.slug(nd30.DOC_KINDS[entry.kind])}-{entry.key}", document(bundle, entry))
            for entry in trail.entries(bundle, model.VanBanTenLoai)]


KIND: Kind[Document] = Kind(
    name="van-ban", file_name="{key}.docx", sources=_sources, layout=mau_1_4.build,
    checked_as="van-ban", needs="needs_van_ban", manifest=DECISION.manifest)

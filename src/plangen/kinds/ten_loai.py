"""The documents of Mẫu 1.4, "văn bản có tên loại": Kế hoạch, Tờ trình, Thông báo,
Hướng dẫn, Chương trình… (and the Báo cáo a plan writes itself, in ``bao_cao``). Each
is a kind of its own (``--only to-trinh``), all written with one entry model and laid out
by one builder.

Why: these kinds differ in their data, not in their layout; declaring each from the
decree's table keeps their names, codes and files in one place.
"""

from __future__ import annotations

from plangen.kinds import Kind, common, from_entries
from plangen.plan.datafiles import Bundle
from plangen.plan.document import Block, Document, Recipients
from plangen.plan.model import GENERIC_KINDS, VanBanTenLoai
from plangen.plan.textblocks import flatten, text_blocks
from plangen.render.layouts import mau_1_4
from plangen.spec import mau, vn


def document(bundle: Bundle, entry: VanBanTenLoai) -> Document:
    """A Mẫu 1.4 document of the plan as its layout builder reads it: its opening and
    content, its numbered sections, its closing."""
    body: list[Block] = []
    for text in (entry.opening, entry.content):
        if text:
            body += text_blocks(text)
    body += flatten(entry.body)
    if entry.closing:
        body += text_blocks(entry.closing)
    return Document(**common.issued_parts(bundle, entry), can_cu=tuple(entry.can_cu),
                    body=tuple(body), numbering=entry.numbering,
                    recipients=Recipients(kinh_gui=tuple(entry.kinh_gui),
                                          noi_nhan=tuple(entry.noi_nhan)),
                    annexes=common.annexes(bundle.plan, entry.phu_luc))


def kind_of(code: str) -> Kind[Document]:
    """The registry entry of the Mẫu 1.4 kind ``code``: ``to-trinh`` for ``TTr``."""
    ten_loai = mau.TEN_LOAI[code]
    return Kind(name=vn.slug(ten_loai.name), file_name="{key}.docx",
                sources=from_entries(code, VanBanTenLoai, document), layout=mau_1_4.build,
                ten_loai=ten_loai, entry=VanBanTenLoai)


KE_HOACH: Kind[Document] = kind_of("KH")
OTHERS: tuple[Kind[Document], ...] = tuple(kind_of(code) for code in GENERIC_KINDS if code not in ("KH", "BC"))
"""Every other Mẫu 1.4 kind; the Báo cáo is ``bao_cao``'s, with the campaign's reports."""

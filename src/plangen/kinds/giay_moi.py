"""Giấy mời (Mẫu 1.7): an invitation to a meeting, conference or ceremony.

Why: a campaign closes with its tổng kết, to which the office invites its units and
guests; the invitation says who is invited to what, who chairs it, when and where, and
what to bring, and takes the event's day from the plan's data so it never disagrees with
the plan that announced it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from plangen.kinds import Kind, common, from_entries
from plangen.plan.datafiles import Bundle
from plangen.plan.document import Block, Document, Prose, Recipients
from plangen.plan.model import Entry, Plan, Recipient, Text, VnMoment
from plangen.plan.problems import RuleProblem
from plangen.plan.textblocks import text_blocks
from plangen.plan.yamlread import DataPath
from plangen.render.layouts import mau_1_4
from plangen.spec import mau, vn


class GiayMoi(Entry):
    """Một giấy mời (Mẫu 1.7 Phụ lục III): mời ai, tới dự việc gì, ai chủ trì, thời gian, địa điểm, những điều cần lưu ý."""

    kind: Literal["GM"]
    """GM: Giấy mời."""
    kinh_moi: list[Recipient] = Field(min_length=1)
    """Người, cơ quan được mời (ghi sau "trân trọng kính mời:"), mỗi dòng một nơi."""
    toi_du: Text
    """Tên (nội dung) cuộc họp, hội nghị, hội thảo (in sau "Tới dự")."""
    chu_tri: Text | None = None
    """Người chủ trì (họ tên, chức vụ)."""
    bat_dau: VnMoment
    """Thời gian bắt đầu (ví dụ: 2025-12-19 08:00)."""
    ket_thuc: VnMoment | None = None
    """Thời gian kết thúc, nếu cần ghi (cùng ngày: chỉ in giờ)."""
    dia_diem: Text
    """Địa điểm."""
    luu_y: Text | None = None
    """Các vấn đề cần lưu ý: tài liệu mang theo, trang phục, … (Markdown)."""

    def texts(self) -> Iterator[tuple[DataPath, str]]:
        if self.luu_y is not None:
            yield ("luu_y",), self.luu_y

    def rules(self, plan: Plan) -> Iterator[RuleProblem]:
        """The event ends after it starts."""
        if self.ket_thuc is not None and self.ket_thuc <= self.bat_dau:
            yield RuleProblem(("ket_thuc",), "meeting_ends_first", {
                "start": vn.luc(self.bat_dau), "end": vn.luc(self.ket_thuc)})


def when(entry: GiayMoi) -> str:
    """``08 giờ 00, thứ Sáu, ngày 19 tháng 12 năm 2025``, or ``từ 08 giờ 00 đến 11 giờ 00,
    thứ Sáu, …`` (``… đến 08 giờ 00, thứ Bảy, …`` across days)."""
    start, end = entry.bat_dau, entry.ket_thuc
    if end is None:
        return vn.luc(start, weekday=True)
    if end.date() == start.date():
        return f"từ {vn.gio(start)} đến {vn.luc(end, weekday=True)}"
    return f"từ {vn.luc(start, weekday=True)} đến {vn.luc(end, weekday=True)}"


def body(bundle: Bundle, entry: GiayMoi) -> list[Block]:
    """The invitation as Mẫu 1.7 writes it."""
    issuers = " và ".join(" ".join(body.name.split()) for body in
                          (bundle.plan.issuer, *(co.issuer for co in entry.lien_tich)))
    guests = entry.kinh_moi
    invited = (f"{issuers} trân trọng kính mời: {guests[0]}." if len(guests) == 1 else
               f"{issuers} trân trọng kính mời:\n" + "\n".join(
                   f"- {who}{'.' if i == len(guests) - 1 else ';'}"
                   for i, who in enumerate(guests)))
    lines = [invited, f"Tới dự {entry.toi_du}."]
    if entry.chu_tri:
        lines.append(f"Chủ trì: {entry.chu_tri}.")
    lines += [f"Thời gian: {when(entry)}.", f"Địa điểm: {entry.dia_diem}."]
    blocks: list[Block] = [Prose(text=line) for line in lines]
    if entry.luu_y:
        blocks += text_blocks(entry.luu_y)
    return blocks


def document(bundle: Bundle, entry: GiayMoi) -> Document:
    """The Giấy mời ``entry`` of the plan as its layout builder reads it."""
    return Document(**common.issued_parts(bundle, entry), body=tuple(body(bundle, entry)),
                    recipients=Recipients(noi_nhan=tuple(entry.noi_nhan)))


KIND: Kind[Document] = Kind(
    name="giay-moi", file_name="{key}.docx", sources=from_entries("GM", GiayMoi, document),
    layout=mau_1_4.build, ten_loai=mau.TEN_LOAI["GM"], entry=GiayMoi)

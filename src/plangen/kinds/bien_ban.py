"""Biên bản (Mẫu 1.9): the minutes of a meeting, conference or workshop.

Why: a campaign's decisions rest on meetings (the Hội đồng Thi đua – Khen thưởng's, which
proposes the awards), and a Quyết định cites their minutes. The minutes say when and where
the meeting was held, who attended, chaired and kept the record, what was said and
concluded, and when it ended; they are signed by the secretary and the chair side by side,
with the Nơi nhận under both (Mẫu 1.9), and have no place-and-date line in their header.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar, Literal

from pydantic import Field

from plangen.kinds import Kind, common, from_entries
from plangen.plan.datafiles import Bundle
from plangen.plan.document import Block, Document, Prose, Recipients, SignatureBlock
from plangen.plan.model import Entry, Plan, Signer, StrictModel, Text, VnMoment
from plangen.plan.problems import RuleProblem
from plangen.plan.textblocks import text_blocks
from plangen.plan.yamlread import DataPath
from plangen.render.layouts import mau_1_4
from plangen.spec import mau, vn


class Person(StrictModel):
    """Một người dự họp: họ tên và chức vụ."""

    name: Text
    """Họ và tên (không kèm "Ông", "Bà" hay học hàm, học vị: tên này được in dưới chữ ký)."""
    title: Text | None = None
    """Chức vụ, đơn vị (ví dụ: Hiệu trưởng, Chủ tịch Hội đồng)."""

    def __str__(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name


class BienBan(Entry):
    """Một biên bản (Mẫu 1.9 Phụ lục III): thời gian, địa điểm, thành phần, chủ trì, thư ký, nội dung, kết luận, giờ kết thúc; thư ký và chủ tọa (chủ trì) ký."""

    kind: Literal["BB"]
    """BB: Biên bản."""
    uses_signer: ClassVar[bool] = False
    loai: Literal["cuộc họp", "hội nghị", "hội thảo"] = "cuộc họp"
    """Biên bản của cuộc họp, hội nghị hay hội thảo."""
    bat_dau: VnMoment
    """Thời gian bắt đầu (ví dụ: 2025-12-10 14:00)."""
    ket_thuc: VnMoment
    """Thời gian kết thúc (ví dụ: 2025-12-10 16:30)."""
    dia_diem: Text
    """Địa điểm (ví dụ: Phòng họp Hội đồng, Trường THPT Nguyễn Trãi)."""
    thanh_phan: list[Text] = Field(min_length=1)
    """Thành phần tham dự, mỗi dòng một người hoặc một nhóm."""
    chu_toa: Person
    """Người chủ trì (chủ tọa), ký ở bên phải."""
    chu_toa_goi_la: Literal["chủ tọa", "chủ trì"] = "chủ tọa"
    """Chức danh in trên khối chữ ký bên phải: CHỦ TỌA (như Mẫu 1.9) hoặc CHỦ TRÌ."""
    thu_ky: Person
    """Thư ký (người ghi biên bản), ký ở bên trái."""
    content: Text
    """Nội dung theo diễn biến cuộc họp (Markdown: đoạn văn, ý gạch đầu dòng, bảng)."""
    ket_luan: Text | None = None
    """Kết luận của cuộc họp (Markdown)."""

    @property
    def day(self) -> date:
        """A Biên bản is dated by its meeting: its header has no date line."""
        return self.bat_dau.date()

    def texts(self) -> Iterator[tuple[DataPath, str]]:
        yield ("content",), self.content
        if self.ket_luan is not None:
            yield ("ket_luan",), self.ket_luan

    def rules(self, plan: Plan) -> Iterator[RuleProblem]:
        """The meeting ends after it starts; its signers are its secretary and chair."""
        if self.ket_thuc <= self.bat_dau:
            yield RuleProblem(("ket_thuc",), "meeting_ends_first", {
                "start": vn.luc(self.bat_dau), "end": vn.luc(self.ket_thuc)})
        if self.signer is not None:
            yield RuleProblem(("signer",), "bien_ban_signer")
        if self.issued_on is not None or "issued_on" in self.de_trong:
            yield RuleProblem(("issued_on",), "bien_ban_date")


def body(entry: BienBan) -> list[Block]:
    """The minutes as Mẫu 1.9 writes them, line by line."""
    what = entry.loai
    lines = [f"Thời gian bắt đầu: {vn.luc(entry.bat_dau)}.", f"Địa điểm: {entry.dia_diem}."]
    if len(entry.thanh_phan) == 1:
        lines.append(f"Thành phần tham dự: {entry.thanh_phan[0]}.")
    else:
        lines.append("Thành phần tham dự:\n" + "\n".join(
            f"- {who}{'.' if i == len(entry.thanh_phan) - 1 else ';'}"
            for i, who in enumerate(entry.thanh_phan)))
    lines += [f"{entry.chu_toa_goi_la.capitalize()}: {entry.chu_toa}.",
              f"Thư ký (người ghi biên bản): {entry.thu_ky}."]
    blocks: list[Block] = [Prose(text=line) for line in lines]
    blocks += [Prose(text=f"Nội dung {what}:"), *text_blocks(entry.content)]
    if entry.ket_luan:
        blocks += [Prose(text=f"Kết luận {what}:"), *text_blocks(entry.ket_luan)]
    blocks.append(Prose(text=f"{what.capitalize()} kết thúc vào {vn.luc(entry.ket_thuc)}."))
    return blocks


def document(bundle: Bundle, entry: BienBan) -> Document:
    """The Biên bản ``entry`` of the plan as its layout builder reads it: signed by the
    secretary (left) and the chair (right)."""
    chair = Signer(name=entry.chu_toa.name)
    parts = common.issued_parts(bundle, entry) | {"signer": chair}
    labels = mau.MAU_1_9.signatures
    return Document(**parts, body=tuple(body(entry)),
                    signatures=(SignatureBlock(signer=Signer(name=entry.thu_ky.name),
                                               label=labels[0]),
                                SignatureBlock(signer=chair,
                                               label=entry.chu_toa_goi_la.upper())),
                    recipients=Recipients(noi_nhan=tuple(entry.noi_nhan)))


KIND: Kind[Document] = Kind(
    name="bien-ban", file_name="{key}.docx", sources=from_entries("BB", BienBan, document),
    layout=mau_1_4.build, ten_loai=mau.TEN_LOAI["BB"], entry=BienBan)

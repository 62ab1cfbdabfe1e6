"""Công văn (Mẫu 1.5): the letters a plan lists with ``kind: CV``, for example the one
that sends a year's report to the Sở.

Why: a công văn's text can quote the generated report's number and date
(``{{ bao_cao[2024].so_ky_hieu }}``), so the letter and the report never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from plangen.kinds import Kind, common, from_entries
from plangen.plan.datafiles import Bundle
from plangen.plan.document import Letter, Recipients
from plangen.plan.model import Abbreviation, Entry, Issuer, Plan, Recipient, Text
from plangen.plan.problems import RuleProblem
from plangen.plan.textblocks import text_blocks
from plangen.plan.yamlread import DataPath
from plangen.render.layouts import mau_1_5
from plangen.spec import mau


class CongVan(Entry):
    """Một công văn (Mẫu 1.5 Phụ lục III): không có tên loại, trích yếu "V/v …", Kính gửi."""

    kind: Literal["CV"]
    """CV: Công văn."""
    unit: Abbreviation
    """Chữ viết tắt của đơn vị soạn thảo hoặc lĩnh vực, trong ký hiệu: Số: …/THPTNT-VP."""
    kinh_gui: list[Recipient] = Field(min_length=1)
    """Nơi nhận ghi sau "Kính gửi"."""
    content: Text
    """Nội dung công văn (Markdown)."""

    def ky_hieu(self, issuer: Issuer) -> str:
        """``THPTNT-VP``: a công văn's ký hiệu is the body's and the drafting unit's."""
        return f"{self.abbreviation or issuer.abbreviation}-{self.unit}"

    def texts(self) -> Iterator[tuple[DataPath, str]]:
        yield ("content",), self.content

    def rules(self, plan: Plan) -> Iterator[RuleProblem]:
        """plangen prints "V/v" before the trích yếu."""
        if re.match(r"^\s*V/v\b", self.trich_yeu, re.I):
            yield RuleProblem(("trich_yeu",), "vv_typed")


def letter(bundle: Bundle, entry: CongVan) -> Letter:
    """The công văn ``entry`` of the plan as its layout builder reads it."""
    return Letter(**common.issued_parts(bundle, entry),
                  body=tuple(text_blocks(entry.content)),
                  recipients=Recipients(kinh_gui=tuple(entry.kinh_gui),
                                        noi_nhan=tuple(entry.noi_nhan)))


KIND: Kind[Letter] = Kind(
    name="cong-van", file_name="{key}.docx", sources=from_entries("CV", CongVan, letter),
    layout=mau_1_5.build, ten_loai=mau.CONG_VAN, entry=CongVan, code="CV")

"""Quyết định (Mẫu 1.2, and 1.3 when it issues another document): a decision the plan
lists; an award decision takes its list of awardees from the results data, as a Phụ lục;
a decision may issue a regulation (Chương, Mục, Điều… numbered from the data) or a plan
(sections numbered as a Kế hoạch's) on pages of its own.

Why: a campaign ends with a decision that names who is rewarded, and starts with one that
founds its board and issues its rules; the list must be the one the results say, and the
rules' numbers the ones their data give, never retyped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Literal

from pydantic import Field

from plangen.kinds import Kind, common, from_entries
from plangen.plan import figures, model
from plangen.plan.consistency import sections
from plangen.plan.datafiles import Bundle
from plangen.plan.document import Block, BlocksAnnex, Decision, IssuedWith, Recipients
from plangen.plan.model import (
    LEVELS,
    Annex,
    CanCu,
    Entry,
    Level,
    Numbering,
    Plan,
    Section,
    Text,
    annex_texts,
    section_headings,
)
from plangen.plan.problems import RuleProblem
from plangen.plan.regulation import Chuong, Dieu, regulation_blocks, regulation_rules
from plangen.plan.textblocks import flatten, table_block, text_blocks
from plangen.plan.yamlread import DataPath
from plangen.render.layouts import mau_1_2
from plangen.spec import mau, nd30


class AwardList(model.StrictModel):
    """Danh sách khen thưởng lấy từ kết quả: các đăng ký đạt mức độ đã chọn."""

    title: Text
    """Tên phụ lục (ví dụ: Danh sách mô hình, giải pháp, sáng kiến được khen thưởng)."""
    results: Literal["tong-ket"] | int = "tong-ket"
    """Kết quả dùng để xét: tong-ket (kết quả mới nhất của mỗi đăng ký) hoặc một năm (ví dụ: 2024)."""
    levels: list[Level] = Field(default_factory=lambda: [LEVELS[0]], min_length=1)
    """Các mức độ hoàn thành được khen thưởng."""


class BanHanh(model.StrictModel):
    """Văn bản được ban hành kèm theo quyết định (Mẫu 1.3): quy chế, quy định, kế hoạch, …"""

    kind: Literal["QC", "QyĐ", "KH", "HD", "CTr", "PA", "ĐA"]
    """Loại văn bản: QC (Quy chế), QyĐ (Quy định), KH (Kế hoạch), HD (Hướng dẫn), CTr (Chương trình), PA (Phương án), ĐA (Đề án)."""
    trich_yeu: Text
    """Trích yếu của văn bản (ví dụ: Tổ chức và hoạt động của Ban tổ chức hội thi)."""
    chuong: list[Chuong] = Field(default_factory=list)
    """Quy chế, quy định chia chương: các chương, mỗi chương các mục hoặc các điều; plangen đánh số Chương I, Mục 1, Điều 1., khoản 1., điểm a)."""
    dieu: list[Dieu] = Field(default_factory=list)
    """Quy chế, quy định không chia chương: các điều."""
    numbering: Numbering = "roman"
    """Cách đánh số các mục của body (như kế hoạch): roman, arabic hoặc decimal."""
    body: list[Section] = Field(default_factory=list)
    """Văn bản chia mục như một kế hoạch (I. → 1. → a)): các mục."""
    content: Text | None = None
    """Nội dung viết bằng Markdown, khi văn bản không chia chương, điều hay mục."""

    def blocks(self) -> list[Block]:
        """Its content as body blocks, whichever way it is written."""
        blocks = text_blocks(self.content) if self.content else []
        return [*blocks, *flatten(self.body), *regulation_blocks(self.chuong, self.dieu)]


class QuyetDinh(Entry):
    """Một quyết định (Mẫu 1.2 Phụ lục III): thẩm quyền, căn cứ, các điều, phụ lục."""

    kind: Literal["QĐ"]
    """QĐ: Quyết định."""
    authority: Text
    """Thẩm quyền ban hành, in hoa dưới trích yếu (ví dụ: Hiệu trưởng Trường THPT Nguyễn Trãi)."""
    can_cu: list[CanCu] = Field(default_factory=list)
    """Các căn cứ ban hành."""
    theo_de_nghi: Text | None = None
    """Dòng sau các căn cứ, ghi cả chữ đầu: "Theo đề nghị của …" hoặc "Xét đề nghị của …"."""
    dieu: list[Text] = Field(min_length=1)
    """Các điều, theo thứ tự; plangen ghi "Điều 1.", "Điều 2.", … ở đầu mỗi điều."""
    khen_thuong: AwardList | None = None
    """Danh sách khen thưởng lấy từ tệp kết quả, kèm theo làm phụ lục."""
    ban_hanh: BanHanh | None = None
    """Văn bản được ban hành kèm theo quyết định (Mẫu 1.3), in sau quyết định, trang mới."""
    phu_luc: list[Annex] = Field(default_factory=list)
    """Các phụ lục khác, sau danh sách khen thưởng."""

    def texts(self) -> Iterator[tuple[DataPath, str]]:
        yield from ((("dieu", i), text) for i, text in enumerate(self.dieu))
        if self.ban_hanh is not None and self.ban_hanh.content is not None:
            yield ("ban_hanh", "content"), self.ban_hanh.content
        yield from annex_texts(self.phu_luc, ("phu_luc",))

    def lines(self) -> Iterator[tuple[DataPath, str]]:
        yield from super().lines()
        yield from ((("can_cu", i), text) for i, text in enumerate(self.can_cu))
        if self.ban_hanh is not None:
            yield from section_headings(self.ban_hanh.body, ("ban_hanh", "body"))

    def annex_lists(self) -> Iterator[tuple[DataPath, list[Annex]]]:
        yield ("phu_luc",), self.phu_luc

    def rules(self, plan: Plan) -> Iterator[RuleProblem]:
        """An award list needs results to draw from; plangen numbers the articles; the
        line after the căn cứ is a proposal; what a decision issues is written one way."""
        if self.khen_thuong is not None and (plan.data is None or plan.data.results is None):
            yield RuleProblem(("khen_thuong",), "award_needs_results")
        for i, text in enumerate(self.dieu):
            if _ARTICLE.match(text):
                yield RuleProblem(("dieu", i), "article_numbered")
        if self.theo_de_nghi is not None and not self.theo_de_nghi.startswith(PROPOSALS):
            yield RuleProblem(("theo_de_nghi",), "proposal_form",
                              {"value": self.theo_de_nghi[:40]})
        if self.ban_hanh is not None:
            yield from _issued_rules(self.ban_hanh)

    def data_rules(self, bundle: Bundle) -> Iterator[RuleProblem]:
        """An award list that no result fills is refused: a decision rewarding nobody."""
        award = self.khen_thuong
        if award is not None and not _award_rows(bundle, award):
            yield RuleProblem(("khen_thuong",), "award_empty", {
                "levels": ", ".join(award.levels), "results": award.results})


PROPOSALS = ("Theo đề nghị", "Xét đề nghị")
"""How the line that closes a decision's căn cứ opens (NĐ30 Mẫu 1.2 writes the first;
offices write both)."""
_ARTICLE = re.compile(r"^\s*(\*\*)?Điều\s+\d+\s*[.:]")
ISSUED_WAYS = ("chuong", "dieu", "body", "content")


def _issued_rules(issued: BanHanh) -> Iterator[RuleProblem]:
    path: DataPath = ("ban_hanh",)
    given = [way for way in ISSUED_WAYS if getattr(issued, way)]
    if not given:
        yield RuleProblem(path, "ban_hanh_empty")
    elif len(given) > 1 and given != ["body", "content"]:
        yield RuleProblem((*path, given[1]), "ban_hanh_one_way", {"found": ", ".join(given)})
    yield from sections(issued.body, (*path, "body"), depth=1, scheme=issued.numbering)
    yield from regulation_rules(issued.chuong, issued.dieu, path)


def _award_rows(bundle: Bundle, award: AwardList) -> list[figures.RegistrationRow]:
    results = figures.results_of(award.results, bundle.results.years)
    return figures.award_rows(bundle.registrations, results, award.levels)


AWARD_COLUMNS = ("STT", "Tên mô hình, giải pháp, sáng kiến", "Loại", "Đơn vị, cá nhân thực hiện",
                 "Mức độ hoàn thành")


def award_annex(bundle: Bundle, award: AwardList) -> BlocksAnnex:
    """The awardees: every registration whose result (of a year, or the latest of each)
    is at one of the levels, in registration order, numbered (an empty list is refused
    when the data is loaded)."""
    cells = [(str(i), row.registration.name, row.registration.kind.capitalize(),
              str(row.registration.owner), row.result.level if row.result else "")
             for i, row in enumerate(_award_rows(bundle, award), 1)]
    return BlocksAnnex(title=award.title, blocks=(table_block(AWARD_COLUMNS, cells),))


def articles(texts: Sequence[str]) -> list[str]:
    """Each article's text opening with its bold label: ``**Điều 1.** …``."""
    return [f"**{nd30.DIEU_LABEL.format(n=n)}** {text}" for n, text in enumerate(texts, 1)]


def noi_nhan(entry: QuyetDinh) -> tuple[str, ...]:
    """Nơi nhận opening with "Như Điều N" (N: the last article, which names who carries the
    decision out), unless the author wrote a "Như Điều" line."""
    if any(line.startswith("Như Điều") for line in entry.noi_nhan):
        return tuple(entry.noi_nhan)
    return (nd30.NHU_DIEU.format(n=len(entry.dieu)), *entry.noi_nhan)


def decision(bundle: Bundle, entry: QuyetDinh) -> Decision:
    """The decision ``entry`` of the plan as its layout builder reads it."""
    plan = bundle.plan
    award = (award_annex(bundle, entry.khen_thuong),) if entry.khen_thuong else ()
    issued = entry.ban_hanh
    return Decision(
        **common.issued_parts(bundle, entry), authority=entry.authority,
        can_cu=tuple(entry.can_cu), theo_de_nghi=entry.theo_de_nghi,
        body=tuple(block for text in articles(entry.dieu) for block in text_blocks(text)),
        recipients=Recipients(noi_nhan=noi_nhan(entry)),
        annexes=award + common.annexes(plan, entry.phu_luc),
        issues=(IssuedWith(kind=issued.kind, trich_yeu=issued.trich_yeu,
                           body=tuple(issued.blocks()), numbering=issued.numbering)
                if issued is not None else None))


KIND: Kind[Decision] = Kind(
    name="quyet-dinh", file_name="{key}.docx", sources=from_entries("QĐ", QuyetDinh, decision),
    layout=mau_1_2.build, ten_loai=mau.TEN_LOAI["QĐ"], entry=QuyetDinh)

"""Registrations and results: the data a campaign collects after the plan is issued.

Why: a school with 80 staff registers dozens of models, solutions and initiatives, and
reports on them every year; keeping them out of the plan file (in data files the plan
names, or the online form's CSV export) keeps each file short and lets each year's data
be added without touching the plan.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from plangen.plan.model import LEVELS, Level, StrictModel, Text, Url, VnDate

RegistrationKind = Literal["mô hình", "giải pháp", "sáng kiến"]
REGISTRATION_KINDS: tuple[RegistrationKind, ...] = ("mô hình", "giải pháp", "sáng kiến")
__all__ = ["LEVELS", "Level"]


class Person(StrictModel):
    """Một người thực hiện."""

    name: Text
    """Họ và tên."""
    position: Text | None = None
    """Chức vụ hoặc vị trí việc làm."""


class Owner(StrictModel):
    """Đơn vị hoặc các cá nhân thực hiện (ghi một trong hai)."""

    unit: Text | None = None
    """Tên đơn vị (tổ, phòng…)."""
    people: list[Person] = Field(default_factory=list)
    """Các cá nhân thực hiện."""

    def __str__(self) -> str:
        """``Tổ Văn phòng`` or ``Nguyễn Văn A (Giáo viên), Trần Thị B``."""
        if self.unit:
            return self.unit
        return ", ".join(f"{p.name} ({p.position})" if p.position else p.name
                         for p in self.people)


class Registration(StrictModel):
    """Một đăng ký mô hình, giải pháp hoặc sáng kiến."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=40)]
    """Mã đăng ký, duy nhất, dùng để ghép kết quả và đặt tên tệp (ví dụ: MH01)."""
    kind: RegistrationKind
    """Loại: mô hình, giải pháp hoặc sáng kiến."""
    name: Text
    """Tên mô hình, giải pháp, sáng kiến."""
    field: Text
    """Lĩnh vực cải cách hành chính."""
    owner: Owner
    """Đơn vị hoặc cá nhân thực hiện."""
    summary: Text
    """Tóm tắt nội dung."""
    goal: Text
    """Mục tiêu."""
    start: VnDate
    """Ngày bắt đầu thực hiện."""
    end: VnDate
    """Ngày hoàn thành dự kiến."""
    effect: Text
    """Hiệu quả dự kiến."""
    year: int
    """Năm đăng ký."""
    registered_on: VnDate | None = None
    """Ngày đăng ký (ghi ở dòng địa danh, ngày tháng của phiếu); để trống thì phiếu để chấm."""


class Result(StrictModel):
    """Kết quả của một đăng ký trong một năm."""

    id: str
    """Mã đăng ký (trùng với id trong danh sách đăng ký)."""
    level: Level
    """Mức độ hoàn thành: Hoàn thành tốt, Hoàn thành hoặc Chưa hoàn thành."""
    outcome: Text
    """Kết quả đo được."""
    evidence: Url | None = None
    """Đường link minh chứng."""
    replicable: bool = False
    """Có thể nhân rộng hay không."""


class ReportText(StrictModel):
    """Phần chữ và số, ngày của một báo cáo."""

    number: Annotated[int, Field(ge=1, le=999_999)] | None = None
    """Số báo cáo; để trống để văn thư ghi."""
    issued_on: VnDate | None = None
    """Ngày báo cáo; để trống để văn thư ghi."""
    de_trong: list[Literal["number", "issued_on"]] = Field(default_factory=list)
    """Những chỗ cố ý để trống cho văn thư ghi tay: number, issued_on."""
    done: Text
    """Công tác triển khai đã làm."""
    danh_gia: Text
    """Đánh giá chung."""
    kien_nghi: Text
    """Kiến nghị, đề xuất."""


class YearResults(StrictModel):
    """Kết quả của một năm."""

    report: ReportText
    """Phần chữ của báo cáo năm."""
    targets: dict[str, float] = Field(default_factory=dict)
    """Giá trị thực hiện của từng chỉ tiêu (theo tên ngắn trong campaign.targets)."""
    registrations: list[Result] = Field(default_factory=list)
    """Kết quả của từng đăng ký."""


class Results(StrictModel):
    """Tệp kết quả: từng năm và báo cáo tổng kết."""

    years: dict[int, YearResults] = Field(default_factory=dict)
    """Kết quả theo năm."""
    final: ReportText | None = None
    """Phần chữ của báo cáo tổng kết giai đoạn."""


class RegistrationFile(StrictModel):
    """Tệp danh sách đăng ký (YAML)."""

    registrations: list[Registration]
    """Các đăng ký."""


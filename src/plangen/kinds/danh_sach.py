"""Danh sách đăng ký: every registration in one wide table, attached to the plan.

Why: the Sở and the school's board read the registrations side by side; the list is built
from the data files only when there are registrations.
"""

from __future__ import annotations

from plangen.kinds import Kind, Made, campaign
from plangen.plan.datafiles import Bundle
from plangen.plan.document import Column, Table
from plangen.plan.records import Registration
from plangen.render.layouts import attached_list
from plangen.render.layouts.attached_list import AttachedList
from plangen.spec import vn

TITLE = "Danh sách đăng ký mô hình, giải pháp, sáng kiến cải cách hành chính"
COLUMNS = (
    Column(title="STT", width_cm=1.3, align="center"),
    Column(title="Mã", width_cm=1.6, align="center"),
    Column(title="Loại", width_cm=2.2, align="center"),
    Column(title="Tên mô hình, giải pháp, sáng kiến", width_cm=5.4),
    Column(title="Lĩnh vực", width_cm=3.2),
    Column(title="Đơn vị, cá nhân thực hiện", width_cm=4.4),
    Column(title="Thời gian thực hiện", width_cm=3.4, align="center"),
    Column(title="Hiệu quả dự kiến", width_cm=3.7),
)
CELL_SIZE_PT = 12


def row_values(number: int, reg: Registration) -> tuple[str, ...]:
    """One registration's row."""
    return (str(number), reg.id, reg.kind.capitalize(), reg.name, reg.field, str(reg.owner),
            f"{vn.ngay_ngan(reg.start)} - {vn.ngay_ngan(reg.end)}", reg.effect)


def _sources(bundle: Bundle) -> list[Made[AttachedList]]:
    main = campaign.main_document(bundle)
    if not bundle.registrations or main is None:
        return []
    rows = tuple(row_values(i, reg) for i, reg in enumerate(bundle.registrations, 1))
    table = Table(columns=COLUMNS, rows=rows, size_pt=CELL_SIZE_PT)
    return [Made("", AttachedList(main, TITLE, table, "đăng ký"))]


KIND: Kind[AttachedList] = Kind(name="danh-sach", file_name="danh-sach-dang-ky.docx",
                                sources=_sources, layout=attached_list.build, manifest=(),
                                needs="needs_danh_sach")

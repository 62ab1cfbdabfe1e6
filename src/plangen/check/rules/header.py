"""Rules of the header: Quốc hiệu, Tiêu ngữ, body names, their rules, the Số line, the
place and date (C06–C17, C46)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from plangen.check.read.facts import Paragraph
from plangen.check.read.layout import Layout, run_width_cm
from plangen.check.rules.base import (
    Finding,
    NotChecked,
    Result,
    all_bold,
    all_italic,
    any_bold,
    check_rule_length,
    check_size,
    found,
    missing,
    rule,
)
from plangen.spec import mau, nd30

# -- header ------------------------------------------------------------------------------


@rule("C06")
def quoc_hieu(layout: Layout) -> Iterator[Result]:
    p = layout.quoc_hieu
    if p is None:
        yield missing("C06", "Quốc hiệu", "the Quốc hiệu")
        return
    text = " ".join(p.text.split())
    if text not in nd30.QUOC_HIEU_VARIANTS:
        yield found("C06", p, f'Quốc hiệu ghi "{text}", phải là "{nd30.QUOC_HIEU_TEXT}"',
                    f'the Quốc hiệu reads "{text}", must be "{nd30.QUOC_HIEU_TEXT}"')
    if not all_bold(p):
        yield found("C06", p, "Quốc hiệu không in đậm", "the Quốc hiệu is not bold")
    yield from check_size("C06", p, nd30.QUOC_HIEU.size_pt, ("Quốc hiệu", "the Quốc hiệu"))


@rule("C07")
def tieu_ngu(layout: Layout) -> Iterator[Result]:
    p = layout.tieu_ngu
    if p is None:
        yield missing("C07", "Tiêu ngữ", "the Tiêu ngữ")
        return
    text = " ".join(p.text.split())
    if text != nd30.TIEU_NGU_TEXT:
        yield found("C07", p, f'Tiêu ngữ ghi "{text}", phải là "{nd30.TIEU_NGU_TEXT}" '
                    "(gạch nối có dấu cách hai bên, chữ đầu mỗi cụm viết hoa)",
                    f'the Tiêu ngữ reads "{text}", must be "{nd30.TIEU_NGU_TEXT}" '
                    "(spaced hyphens, each phrase capitalised)")
    if not all_bold(p):
        yield found("C07", p, "Tiêu ngữ không in đậm", "the Tiêu ngữ is not bold")
    yield from check_size("C07", p, nd30.TIEU_NGU.size_pt, ("Tiêu ngữ", "the Tiêu ngữ"))


@rule("C08")
def tieu_ngu_rule(layout: Layout) -> Iterator[Result]:
    if layout.tieu_ngu is None:
        yield missing("C08", "Tiêu ngữ", "the Tiêu ngữ")
        return
    yield from check_rule_length("C08", layout.tieu_ngu_rule, run_width_cm(layout.tieu_ngu),
                                 nd30.TIEU_NGU_RULE, layout.tieu_ngu, ("Tiêu ngữ", "the Tiêu ngữ"))


@rule("C09")
def body_names(layout: Layout) -> Iterator[Result]:
    if not layout.issuer_lines:
        yield missing("C09", "tên cơ quan ban hành", "the issuing body's name")
        return
    for p in layout.parent_lines:
        if any_bold(p):
            yield found("C09", p, "tên cơ quan chủ quản không được in đậm",
                        "the parent body must not be bold")
    for p in layout.issuer_lines:
        if not all_bold(p):
            yield found("C09", p, "tên cơ quan ban hành phải in đậm",
                        "the issuing body must be bold")
    for p in layout.parent_lines + layout.issuer_lines:
        yield from check_size("C09", p, nd30.CO_QUAN_BAN_HANH.size_pt,
                              ("tên cơ quan", "the body's name"))


@rule("C10")
def issuer_rule(layout: Layout) -> Iterator[Result]:
    if not layout.issuer_lines:
        yield missing("C10", "tên cơ quan ban hành", "the issuing body's name")
        return
    widest = max(min(run_width_cm(p), layout.available_cm(p)) for p in layout.issuer_lines)
    yield from check_rule_length("C10", layout.issuer_rule, widest, nd30.NAME_RULE,
                                 layout.issuer_lines[-1], ("tên cơ quan", "the body's name"))


@rule("C11")
def header_wraps(layout: Layout) -> Iterator[Result]:
    if layout.header_table is None:
        yield NotChecked("C11", "phần đầu không nằm trong bảng", "the header is not a table")
        return
    for p in (layout.quoc_hieu, layout.date_line):
        if p is None:
            continue
        width, room = run_width_cm(p), layout.available_cm(p) - p.left_cm - p.right_cm
        if width > room:
            yield found("C11", p, f"dòng chữ dài {width:.2f} cm, cột chỉ rộng {room:.2f} cm "
                        "nên bị xuống dòng", f"the line is {width:.2f} cm wide but its column "
                        f"holds {room:.2f} cm, so it wraps")


@rule("C12")
def header_columns(layout: Layout) -> Iterator[Result]:
    table = layout.header_table
    if table is None or len(table.columns_cm) < 2:
        yield NotChecked("C12", "phần đầu không là bảng hai cột", "the header is no 2-column table")
        return
    left, right = table.columns_cm[0], table.columns_cm[-1]
    if left > right:
        yield found("C12", None, f"cột trái {left:.2f} cm rộng hơn cột phải {right:.2f} cm",
                    f"left column {left:.2f} cm is wider than the right {right:.2f} cm",
                    where=f"table {table.index}")


@rule("C13")
def header_borders(layout: Layout) -> Iterator[Result]:
    table = layout.header_table
    if table is None:
        yield NotChecked("C13", "phần đầu không nằm trong bảng", "the header is not a table")
    elif table.borders_visible:
        yield found("C13", None, "bảng phần đầu có đường viền", "the header table shows borders",
                    where=f"table {table.index}")


_KY_HIEU = re.compile(r"^Số: ?(?P<number>[\d\s\u00a0.…]*)/(?P<ky_hieu>\S+)$")
_PART = r"[A-ZĐ0-9][A-Za-zĐđ0-9&]*"


@rule("C14")
def so_line(layout: Layout) -> Iterator[Result]:
    p = layout.so_line
    if p is None:
        yield missing("C14", "dòng Số", "the Số line")
        return
    yield from _so_problems(p, layout.vv_line is not None and layout.title is None)


def _so_problems(p: Paragraph, cong_van: bool) -> Iterator[Finding]:
    text = p.text.strip()
    if text.startswith(("No.", "Số hiệu", "SỐ")) or not text.startswith("Số:"):
        yield found("C14", p, 'dòng số phải bắt đầu bằng "Số:"', 'the line must start "Số:"')
        return
    match = _KY_HIEU.match(text)
    if match is None:
        yield found("C14", p, "dòng Số không đúng dạng Số: 05/KH-ABC (không có dấu cách trong "
                    "ký hiệu)", "the Số line is not of the form Số: 05/KH-ABC (no spaces in "
                    "the ký hiệu)")
        return
    number = match["number"].strip(" \u00a0.…")
    if number and (not number.isdigit() or (len(number) == 1) or number.startswith("00")):
        yield found("C14", p, f'số "{number}": số từ 1 đến 9 có số 0 phía trước (01…09)',
                    f'number "{number}": 1 to 9 get a leading zero (01…09)')
    ky_hieu = match["ky_hieu"]
    if re.search(r"/(19|20)\d\d/|/(19|20)\d\d$", "/" + ky_hieu) or re.match(r"^\d{4}/", ky_hieu):
        yield found("C14", p, "ký hiệu văn bản hành chính không ghi năm",
                    "an administrative document's ký hiệu has no year")
        return
    parts = ky_hieu.split("-")
    if not all(re.fullmatch(_PART, part) for part in parts) or len(parts) < 2:
        yield found("C14", p, f'ký hiệu "{ky_hieu}" không đúng dạng LOẠI-CƠQUAN',
                    f'ký hiệu "{ky_hieu}" is not of the form KIND-BODY')
    elif parts[0] == "CV":
        yield found("C14", p, 'công văn không có chữ viết tắt tên loại ("CV" là sai)',
                    'a công văn has no type code ("CV" is wrong)')
    elif not cong_van and mau.type_code(ky_hieu)[0] not in mau.TEN_LOAI \
            and parts[0] not in mau.OBSOLETE_CODES:
        yield found("C14", p, f'"{parts[0]}" không có trong bảng chữ viết tắt Phụ lục III',
                    f'"{parts[0]}" is not in the abbreviation table of Phụ lục III')


@rule("C15")
def so_line_look(layout: Layout) -> Iterator[Result]:
    p = layout.so_line
    if p is None:
        yield missing("C15", "dòng Số", "the Số line")
        return
    if any_bold(p):
        yield found("C15", p, "dòng Số không được in đậm", "the Số line must not be bold")
    yield from check_size("C15", p, nd30.SO_KY_HIEU.size_pt, ("dòng Số", "the Số line"))


# Day, month and year may be left blank (or dotted) for the văn thư to write by hand.
_DATE = re.compile(r"^(?P<place>[^,]+)(?P<comma>,?) ngày ?(?P<day>[\d.…]*) ?tháng "
                   r"?(?P<month>[\d.…]*) ?năm ?(?P<year>[\d.…]*)$")


def no_date_line(layout: Layout, code: str) -> NotChecked | None:
    """Not checked, and why, when the document's mẫu has no place-and-date line."""
    if layout.profile.date_line:
        return None
    return NotChecked(code, f"Mẫu {layout.profile.mau} không có dòng địa danh, ngày tháng",
                      f"Mẫu {layout.profile.mau} has no place-and-date line")


@rule("C16")
def date_line(layout: Layout) -> Iterator[Result]:
    p = layout.date_line
    absent = no_date_line(layout, "C16")
    if p is None and absent is not None:
        yield absent
        return
    if p is None:
        yield missing("C16", "dòng địa danh, ngày tháng", "the place-and-date line")
        return
    if not all_italic(p) or any_bold(p):
        yield found("C16", p, "dòng ngày tháng phải in nghiêng, không đậm",
                    "the date line must be italic, not bold")
    yield from check_size("C16", p, nd30.DIA_DANH_NGAY.size_pt,
                          ("dòng ngày tháng", "the date line"))
    yield from _date_text(p)
    yield from _date_level(layout, p)


def _date_text(p: Paragraph) -> Iterator[Finding]:
    text = " ".join(p.text.split())
    if re.search(r"\d{1,2}/\d{1,2}/\d{4}", text):
        yield found("C16", p, "ngày tháng phải viết chữ, không viết dạng 05/01/2025",
                    "the date must be written out, not as 05/01/2025")
        return
    match = _DATE.match(text)
    if match is None:
        yield found("C16", p, 'dòng ngày tháng phải có dạng "Địa danh, ngày … tháng … năm …"',
                    'the date line must read "Place, ngày … tháng … năm …"')
        return
    if not match["comma"]:
        yield found("C16", p, "thiếu dấu phẩy sau địa danh", "no comma after the place name")
    day, month = match["day"], match["month"]
    if day.isdigit() and len(day) == 1:
        yield found("C16", p, f'ngày "{day}": ngày 1 đến 9 viết có số 0 (05)',
                    f'day "{day}": days 1 to 9 get a leading zero (05)')
    if month.isdigit() and int(month) in (1, 2) and len(month) == 1:
        yield found("C16", p, f'tháng "{month}": tháng 1, 2 viết 01, 02',
                    f'month "{month}": months 1 and 2 are written 01, 02')
    if month.isdigit() and int(month) >= 3 and month.startswith("0"):
        yield found("C16", p, f'tháng "{month}": từ tháng 3 không có số 0 phía trước',
                    f'month "{month}": months from 3 on get no leading zero')


def _date_level(layout: Layout, p: Paragraph) -> Iterator[Finding]:
    so = layout.so_line
    if so is None or so.table is None or p.table != so.table:
        return
    left = [x for x in layout.left if x.row == so.row]
    right = [x for x in layout.right if x.row == p.row]
    if so not in left or p not in right:
        return  # the header's columns are not known: nothing to compare
    if so.row != p.row or left.index(so) != right.index(p):
        yield found("C16", p, "dòng ngày tháng không cùng hàng với dòng Số",
                    "the date line is not level with the Số line")


@rule("C17")
def place_name(layout: Layout) -> Iterator[Result]:
    p = layout.date_line
    absent = no_date_line(layout, "C17")
    if p is None and absent is not None:
        yield absent
        return
    if p is None:
        yield missing("C17", "dòng địa danh, ngày tháng", "the place-and-date line")
        return
    place = p.text.split(",")[0].strip()
    if re.match(r"^(TP\.?|Tp\.?|T\.P\.?)\s*\S|HCM\b", place):
        yield found("C17", p, f'địa danh viết tắt "{place}"; viết đầy đủ, ví dụ "Thành phố Hồ '
                    'Chí Minh"', f'abbreviated place name "{place}"; write it in full')




@rule("C46")
def obsolete_codes(layout: Layout) -> Iterator[Result]:
    p = layout.so_line
    if p is None:
        return
    match = re.search(r"/([^-\s]+)-", p.text)
    if match and match[1] in mau.OBSOLETE_CODES:
        code = match[1]
        yield found("C46", p, f'"{code}" là chữ viết tắt cũ; nay là "{mau.OBSOLETE_CODES[code]}"',
                    f'"{code}" is an obsolete code; it is now "{mau.OBSOLETE_CODES[code]}"')

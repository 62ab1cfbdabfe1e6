"""The checks behind each rule of ``catalog``: small functions over a found layout.

Why: one function per rule, each yielding its findings (or saying it could not decide),
so a broken rule points at exactly one function and a test can break exactly one rule.
Allowed ranges come from ``nd30``, the same numbers the renderer writes.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from plangen import nd30
from plangen.check.docx_read import Paragraph, Section
from plangen.check.layout import Layout, RuleMark, run_width_cm
from plangen.metrics import text_width_cm


@dataclass(frozen=True)
class Finding:
    """A rule broken at one place."""

    code: str
    where: str
    excerpt: str
    vi: str
    en: str


@dataclass(frozen=True)
class NotChecked:
    """A rule this file does not let the checker decide, and why."""

    code: str
    vi: str
    en: str


Result = Finding | NotChecked
Check = Callable[[Layout], Iterable[Result]]
CHECKS: dict[str, Check] = {}


def rule(code: str) -> Callable[[Check], Check]:
    """Register ``fn`` as the check of rule ``code``."""
    def register(fn: Check) -> Check:
        CHECKS[code] = fn
        return fn
    return register


def found(code: str, p: Paragraph | None, vi: str, en: str, where: str = "") -> Finding:
    """A finding at paragraph ``p`` (or at ``where`` when it is not a paragraph)."""
    if p is None:
        return Finding(code, where, "", vi, en)
    return Finding(code, f"{p.where} ¶{p.index + 1}", " ".join(p.text.split())[:60], vi, en)


def missing(code: str, vi: str, en: str) -> NotChecked:
    return NotChecked(code, f"không tìm thấy {vi}", f"{en} not found")


def sizes(p: Paragraph) -> set[float]:
    return {r.size_pt for r in p.runs if r.text.strip() and r.size_pt is not None}


def all_bold(p: Paragraph) -> bool:
    runs = [r for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def all_italic(p: Paragraph) -> bool:
    runs = [r for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.italic for r in runs)


def any_bold(p: Paragraph) -> bool:
    return any(r.bold for r in p.runs if r.text.strip())


def any_italic(p: Paragraph) -> bool:
    return any(r.italic for r in p.runs if r.text.strip())


def is_caps(text: str) -> bool:
    return text == text.upper() and any(ch.isalpha() for ch in text)


def pt(value: float) -> str:
    return f"{value:g} pt"


def check_size(code: str, p: Paragraph, allowed: nd30.Range, what: tuple[str, str]
               ) -> Iterator[Finding]:
    """A finding for each size of ``p`` outside ``allowed``."""
    for size in sorted(sizes(p)):
        if not allowed.allows(size):
            yield found(code, p, f"{what[0]} cỡ {pt(size)}, phải từ {pt(allowed.lo)} "
                        f"đến {pt(allowed.hi)}", f"{what[1]} is {pt(size)}, must be "
                        f"{pt(allowed.lo)} to {pt(allowed.hi)}")


def check_rule_length(code: str, mark: RuleMark | None, text_cm: float,
                      ratio: nd30.Range, near: Paragraph, what: tuple[str, str]
                      ) -> Iterator[Result]:
    """The rule under a text exists and its length is ``ratio`` of the text's width."""
    if mark is None:
        yield found(code, near, f"thiếu đường kẻ dưới {what[0]}", f"no rule under {what[1]}")
        return
    if mark.length_cm is None:
        yield NotChecked(code, "đường kẻ vẽ bằng VML, không đo được độ dài",
                         "the rule is a VML shape whose length is not measured")
        return
    lo, hi = ratio.lo * text_cm, ratio.hi * text_cm
    if not lo - 0.05 <= mark.length_cm <= hi + 0.05:
        yield found(code, mark.paragraph,
                    f"đường kẻ dưới {what[0]} dài {mark.length_cm:.2f} cm, phải từ {lo:.2f} "
                    f"đến {hi:.2f} cm", f"the rule under {what[1]} is {mark.length_cm:.2f} cm,"
                    f" must be {lo:.2f} to {hi:.2f} cm")


# -- page, font, colour ------------------------------------------------------------------


@rule("C01")
def paper(layout: Layout) -> Iterator[Result]:
    for i, s in enumerate(layout.doc.sections, start=1):
        short, long = sorted((s.width_mm, s.height_mm))
        if abs(short - nd30.PAGE_WIDTH_MM) > 1 or abs(long - nd30.PAGE_HEIGHT_MM) > 1:
            yield found("C01", None, f"khổ giấy {s.width_mm:g}×{s.height_mm:g} mm, phải là A4 "
                        "210×297 mm", f"paper is {s.width_mm:g}×{s.height_mm:g} mm, must be "
                        "A4 210×297 mm", where=f"section {i}")


_SIDES = (("top_mm", "trên", "top", nd30.MARGIN_TOP_MM),
          ("bottom_mm", "dưới", "bottom", nd30.MARGIN_BOTTOM_MM),
          ("left_mm", "trái", "left", nd30.MARGIN_LEFT_MM),
          ("right_mm", "phải", "right", nd30.MARGIN_RIGHT_MM))


@rule("C02")
def margins(layout: Layout) -> Iterator[Result]:
    for i, s in enumerate(layout.doc.sections, start=1):
        if s.landscape:
            yield from _landscape_margins(i, s)
            continue
        for attr, vi, en, allowed in _SIDES:
            value = getattr(s, attr)
            if not allowed.allows(value):
                yield found("C02", None, f"lề {vi} {value:g} mm, phải từ {allowed.lo:g} đến "
                            f"{allowed.hi:g} mm", f"{en} margin {value:g} mm, must be "
                            f"{allowed.lo:g} to {allowed.hi:g} mm", where=f"section {i}")


def _landscape_margins(i: int, s: Section) -> Iterator[Result]:
    # ND30 gives no landscape margins; the decree's own landscape page uses 20/15/30/15 mm
    # (nd30.md §1). A landscape section is judged only against 15–35 mm on every side.
    for attr, vi, en, _allowed in _SIDES:
        value = getattr(s, attr)
        if not 15 <= value <= 35:
            yield found("C02", None, f"lề {vi} trang ngang {value:g} mm, phải từ 15 đến 35 mm",
                        f"landscape {en} margin {value:g} mm, must be 15 to 35 mm",
                        where=f"section {i}")


def _every_paragraph(layout: Layout) -> Iterator[Paragraph]:
    yield from layout.doc.paragraphs
    for section in layout.doc.sections:
        for parts in (section.headers, section.footers):
            for paragraphs in parts.values():
                yield from paragraphs


_LEGACY_FONT = re.compile(r"^(\.Vn|VNI[- ]|VN[- ])", re.I)


@rule("C03")
def fonts(layout: Layout) -> Iterator[Result]:
    for p in _every_paragraph(layout):
        wrong = {font for r in p.runs if r.text.strip() for font in r.fonts.values()
                 if font and font != nd30.FONT_NAME}
        for font in sorted(wrong):
            legacy = " (phông TCVN3/VNI cũ)" if _LEGACY_FONT.match(font) else ""
            yield found("C03", p, f"phông {font}{legacy}, phải là Times New Roman",
                        f"font {font}{' (legacy TCVN3/VNI)' if legacy else ''}, must be "
                        "Times New Roman")


@rule("C04")
def composed(layout: Layout) -> Iterator[Result]:
    for p in _every_paragraph(layout):
        if not unicodedata.is_normalized("NFC", p.text):
            yield found("C04", p, "chữ có dấu ở dạng tổ hợp (không phải NFC)",
                        "letters with decomposed diacritics (not NFC)")


_BLACK = {"auto", "000000", ""}


@rule("C05")
def colours(layout: Layout) -> Iterator[Result]:
    for p in _every_paragraph(layout):
        colours = {r.color.upper() for r in p.runs if r.text.strip()} - {c.upper() for c in _BLACK}
        for colour in sorted(colours):
            yield found("C05", p, f"chữ màu {colour}, phải màu đen", f"text colour {colour}, "
                        "must be black")
        if p.border_bottom and p.border_color.upper() not in {c.upper() for c in _BLACK}:
            yield found("C05", p, f"đường kẻ màu {p.border_color}, phải màu đen",
                        f"rule colour {p.border_color}, must be black")


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
    elif not cong_van and parts[0] not in nd30.DOC_KINDS and parts[0] not in nd30.OBSOLETE_KINDS:
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


_DATE = re.compile(r"^(?P<place>[^,]+)(?P<comma>,?) ngày (?P<day>\S+) tháng (?P<month>\S+) "
                   r"năm (?P<year>\S+)$")


@rule("C16")
def date_line(layout: Layout) -> Iterator[Result]:
    p = layout.date_line
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
    if so.row != p.row or left.index(so) != right.index(p):
        yield found("C16", p, "dòng ngày tháng không cùng hàng với dòng Số",
                    "the date line is not level with the Số line")


@rule("C17")
def place_name(layout: Layout) -> Iterator[Result]:
    p = layout.date_line
    if p is None:
        yield missing("C17", "dòng địa danh, ngày tháng", "the place-and-date line")
        return
    place = p.text.split(",")[0].strip()
    if re.match(r"^(TP\.?|Tp\.?|T\.P\.?)\s*\S|HCM\b", place):
        yield found("C17", p, f'địa danh viết tắt "{place}"; viết đầy đủ, ví dụ "Thành phố Hồ '
                    'Chí Minh"', f'abbreviated place name "{place}"; write it in full')


# -- title and trích yếu -----------------------------------------------------------------


@rule("C18")
def type_name(layout: Layout) -> Iterator[Result]:
    p = layout.title
    if p is None:
        yield missing("C18", "tên loại văn bản", "the type name")
        return
    if not is_caps(p.text):
        yield found("C18", p, "tên loại phải in hoa", "the type name must be in capitals")
    if not all_bold(p):
        yield found("C18", p, "tên loại phải in đậm", "the type name must be bold")
    yield from check_size("C18", p, nd30.TEN_LOAI.size_pt, ("tên loại", "the type name"))


@rule("C19")
def trich_yeu(layout: Layout) -> Iterator[Result]:
    if not layout.trich_yeu:
        yield missing("C19", "trích yếu", "the trích yếu")
        return
    for p in layout.trich_yeu:
        if is_caps(p.text):
            yield found("C19", p, "trích yếu không được in hoa toàn bộ",
                        "the trích yếu must not be all capitals")
        if not all_bold(p):
            yield found("C19", p, "trích yếu phải in đậm", "the trích yếu must be bold")
        yield from check_size("C19", p, nd30.TRICH_YEU.size_pt, ("trích yếu", "the trích yếu"))


@rule("C20")
def trich_yeu_rule(layout: Layout) -> Iterator[Result]:
    if not layout.trich_yeu:
        yield missing("C20", "trích yếu", "the trích yếu")
        return
    widest = max(min(max(_line_widths(p)), layout.available_cm(p)) for p in layout.trich_yeu)
    yield from check_rule_length("C20", layout.trich_yeu_rule, widest, nd30.TRICH_YEU_RULE,
                                 layout.trich_yeu[-1], ("trích yếu", "the trích yếu"))


def _line_widths(p: Paragraph) -> list[float]:
    """Widths of the lines of ``p`` split at its line breaks."""
    widths, current = [], 0.0
    for run in p.runs:
        pieces = run.text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                widths.append(current)
                current = 0.0
            current += text_width_cm(piece, run.size_pt or 12, run.bold, run.italic)
    widths.append(current)
    return widths


@rule("C21")
def vv_line(layout: Layout) -> Iterator[Result]:
    p = layout.vv_line
    if p is None or layout.title is not None:
        yield NotChecked("C21", "không phải công văn", "not a công văn")
        return
    if any_bold(p):
        yield found("C21", p, "dòng V/v không được in đậm", "the V/v line must not be bold")
    if is_caps(p.text[3:]):
        yield found("C21", p, "dòng V/v không được in hoa", "the V/v line must not be capitals")
    yield from check_size("C21", p, nd30.Range(12, 13, 12), ("dòng V/v", "the V/v line"))


@rule("C22")
def vv_with_type(layout: Layout) -> Iterator[Result]:
    if layout.title is not None and layout.vv_line is not None:
        yield found("C22", layout.vv_line, "văn bản có tên loại không ghi dòng V/v",
                    "a document with a type name has no V/v line")


# -- body --------------------------------------------------------------------------------

_HEADING = re.compile(r"^(?P<mark>[IVXLC]+\.|\d+(\.\d+)*\.|[a-zđ][.)]|Phần|Chương|Mục|Điều)\s")
_CENTRED_LABEL = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s|^[A-ZĐÀ-Ỹ ,:]+$")


def _running(layout: Layout) -> list[Paragraph]:
    """Body paragraphs that are running text (not centred Phần/Chương labels)."""
    return [p for p in layout.body if not (p.align == "center" and _CENTRED_LABEL.match(p.text))]


def _is_heading(p: Paragraph) -> bool:
    return bool(_HEADING.match(p.text)) and len(p.text) < 150 and all_bold(p)


@rule("C23")
def body_text(layout: Layout) -> Iterator[Result]:
    if not layout.body:
        yield missing("C23", "nội dung", "the body")
        return
    for p in _running(layout):
        if p.align not in ("both", "distribute"):
            yield found("C23", p, "đoạn văn phải căn đều hai bên",
                        "the paragraph must be justified")
        yield from check_size("C23", p, nd30.BODY.size_pt, ("nội dung", "the body"))
        if all_italic(p):
            yield found("C23", p, "nội dung phải là chữ đứng", "the body must be upright")


@rule("C24")
def body_sizes(layout: Layout) -> Iterator[Result]:
    found_sizes = sorted({s for p in _running(layout) for s in sizes(p)})
    if len(found_sizes) > 1:
        p = next(p for p in _running(layout) if sizes(p) - {found_sizes[0]})
        yield found("C24", p, "nội dung dùng nhiều cỡ chữ: " + ", ".join(map(pt, found_sizes)),
                    "the body mixes sizes: " + ", ".join(map(pt, found_sizes)))


@rule("C25")
def first_line_indent(layout: Layout) -> Iterator[Result]:
    for p in _running(layout) + layout.can_cu:
        if _is_heading(p):
            continue  # ND30 places no rule on where mục headings start
        if not any(abs(p.first_line_cm - ok) <= 0.02 for ok in nd30.FIRST_LINE_INDENT_CM):
            yield found("C25", p, f"lùi đầu dòng {p.first_line_cm:.2f} cm, phải là 1 cm hoặc "
                        "1,27 cm", f"first-line indent {p.first_line_cm:.2f} cm, must be 1 cm "
                        "or 1.27 cm")


@rule("C26")
def spacing(layout: Layout) -> Iterator[Result]:
    paragraphs = layout.can_cu + _running(layout)
    for previous, p in itertools.pairwise(paragraphs):
        gap = previous.space_after_pt + p.space_before_pt
        if gap < nd30.SPACE_BETWEEN_PARAGRAPHS_MIN_PT:
            yield found("C26", p, f"cách đoạn {gap:g} pt, phải ít nhất 6 pt",
                        f"{gap:g} pt between paragraphs, must be at least 6 pt")
    for p in paragraphs:
        problem = _line_spacing_problem(p)
        if problem:
            yield found("C26", p, *problem)


def _line_spacing_problem(p: Paragraph) -> tuple[str, str] | None:
    if p.line is None:
        return None
    if p.line_rule == "auto":
        lines = p.line / 240
        if not nd30.LINE_SPACING.allows(round(lines, 3)):
            return (f"giãn dòng {lines:g} dòng, phải từ 1 đến 1,5 dòng",
                    f"line spacing {lines:g} lines, must be 1 to 1.5 lines")
        return None
    points = p.line / 20
    size = max(sizes(p) or {14.0})
    single = 1.15 * size  # the height of one line of Times New Roman
    if points < single - 0.5 or (p.line_rule == "exact" and points > 1.5 * single + 0.5):
        return (f"giãn dòng {points:g} pt với chữ {pt(size)}, phải từ {single:.1f} đến "
                f"{1.5 * single:.1f} pt", f"line spacing {points:g} pt at {pt(size)}, must be "
                f"{single:.1f} to {1.5 * single:.1f} pt")
    return None


@rule("C27")
def can_cu(layout: Layout) -> Iterator[Result]:
    if not layout.can_cu:
        yield NotChecked("C27", "văn bản không có căn cứ", "the document has no căn cứ")
        return
    for i, p in enumerate(layout.can_cu):
        text = p.text.strip()
        end = "." if i == len(layout.can_cu) - 1 else ";"
        if not all_italic(p):
            yield found("C27", p, "căn cứ phải in nghiêng", "a căn cứ must be italic")
        if text.count("Căn cứ") > 1:
            yield found("C27", p, "mỗi căn cứ một dòng", "one căn cứ per paragraph")
        if not text.endswith(end):
            yield found("C27", p, f'căn cứ này phải kết thúc bằng "{end}"',
                        f'this căn cứ must end with "{end}"')


_DIEM_BAD = set("fjwz")


@rule("C28")
def numbering(layout: Layout) -> Iterator[Result]:
    for p in _running(layout):
        match = _HEADING.match(p.text)
        if match is None:
            continue
        mark = match["mark"]
        if re.fullmatch(r"\d+\.\d+(\.\d+)*\.", mark):
            yield found("C28", p, f'đánh số "{mark}" không thuộc hệ I. / 1. / a)',
                        f'numbering "{mark}" is outside the I. / 1. / a) scheme')
        elif re.fullmatch(r"[a-zđ]\.", mark):
            yield found("C28", p, f'điểm ghi "{mark}", phải là "{mark[0]})"',
                        f'điểm "{mark}" must be "{mark[0]})"')
        elif re.fullmatch(r"[a-z]\)", mark) and mark[0] in _DIEM_BAD:
            yield found("C28", p, f'điểm "{mark}": bảng chữ cái tiếng Việt không có {mark[0]}',
                        f'điểm "{mark}": the Vietnamese alphabet has no {mark[0]}')
        elif re.fullmatch(r"[IVXLC]+\.", mark) and not (is_caps(p.text) and all_bold(p)):
            yield found("C28", p, "tiêu đề mục La Mã phải in hoa, đậm",
                        "a Roman-numbered heading must be bold capitals")


@rule("C29")
def end_mark(layout: Layout) -> Iterator[Result]:
    if not layout.body:
        yield missing("C29", "nội dung", "the body")
        return
    last = layout.body[-1]
    if not last.text.rstrip().endswith("/."):
        yield found("C29", last, 'nội dung không kết thúc bằng "./."',
                    'the content does not end with "./."')


# -- signer, Nơi nhận, Kính gửi ----------------------------------------------------------

_PREFIX_WRONG = re.compile(r"^(K/T|T/L|TU/Q|TM|KT|TL|TUQ|Q)(\s|$)")


def _signer_parts(layout: Layout) -> tuple[list[Paragraph], int, Paragraph | None]:
    """Position lines, blank lines between them and the name, and the name line."""
    lines = layout.signer
    filled = [p for p in lines if p.text.strip()]
    if not filled:
        return [], 0, None
    name = filled[-1]
    titles = [p for p in filled[:-1] if not p.text.strip().startswith("(")]
    last_title = titles[-1].index if titles else name.index
    blanks = sum(1 for p in lines if last_title < p.index < name.index and not p.text.strip())
    return titles, blanks, name


@rule("C30")
def authority(layout: Layout) -> Iterator[Result]:
    titles, _, _ = _signer_parts(layout)
    if not titles:
        yield missing("C30", "khối chữ ký", "the signer block")
        return
    for p in titles:
        match = _PREFIX_WRONG.match(p.text.strip())
        if match:
            yield found("C30", p, f'quyền hạn ký "{match[1]}" phải viết TM., KT., TL., TUQ. '
                        "hoặc Q. (có dấu chấm)", f'authority "{match[1]}" must be written TM., '
                        "KT., TL., TUQ. or Q. (with the dot)")


@rule("C31")
def position(layout: Layout) -> Iterator[Result]:
    titles, _, _ = _signer_parts(layout)
    if not titles:
        yield missing("C31", "chức vụ người ký", "the signer's position")
        return
    for p in titles:
        if not is_caps(p.text) or not all_bold(p):
            yield found("C31", p, "chức vụ người ký phải in hoa, đậm",
                        "the signer's position must be bold capitals")
        yield from check_size("C31", p, nd30.CHUC_VU.size_pt, ("chức vụ", "the position"))


@rule("C32")
def signer_name(layout: Layout) -> Iterator[Result]:
    _, _, name = _signer_parts(layout)
    if name is None:
        yield missing("C32", "họ tên người ký", "the signer's name")
        return
    if not all_bold(name):
        yield found("C32", name, "họ tên người ký phải in đậm", "the signer's name must be bold")
    first = name.text.split()[0] if name.text.split() else ""
    if first in nd30.ACADEMIC_TITLES or first.rstrip(".") + "." in nd30.ACADEMIC_TITLES:
        yield found("C32", name, f'không ghi học hàm, học vị "{first}" trước họ tên',
                    f'no academic title "{first}" before the name')
    yield from check_size("C32", name, nd30.HO_TEN.size_pt, ("họ tên", "the name"))


@rule("C33")
def name_case(layout: Layout) -> Iterator[Result]:
    _, _, name = _signer_parts(layout)
    if name is not None and is_caps(name.text):
        yield found("C33", name, "họ tên người ký viết hoa chữ đầu mỗi tiếng, không in hoa cả",
                    "write the signer's name in title case, not all capitals")


@rule("C34")
def signature_space(layout: Layout) -> Iterator[Result]:
    titles, blanks, name = _signer_parts(layout)
    if name is None or not titles:
        yield missing("C34", "khối chữ ký", "the signer block")
        return
    if blanks < 3:
        yield found("C34", name, f"chỉ có {blanks} dòng trống để ký và đóng dấu, nên từ 3 dòng",
                    f"only {blanks} blank lines for signature and seal; use at least 3")


@rule("C35")
def noi_nhan_label(layout: Layout) -> Iterator[Result]:
    p = layout.noi_nhan_label
    if p is None:
        yield missing("C35", '"Nơi nhận:"', '"Nơi nhận:"')
        return
    if p.text.strip() != nd30.NOI_NHAN_LABEL_TEXT:
        yield found("C35", p, 'phải ghi đúng "Nơi nhận:"', 'must read "Nơi nhận:"')
    if not (all_bold(p) and all_italic(p)):
        yield found("C35", p, '"Nơi nhận:" phải đậm, nghiêng', '"Nơi nhận:" must be bold italic')
    yield from check_size("C35", p, nd30.NOI_NHAN_LABEL.size_pt, ('"Nơi nhận:"', '"Nơi nhận:"'))
    if p.align not in ("left", "start", "both") or p.left_cm > 0.05 or p.first_line_cm > 0.05:
        yield found("C35", p, '"Nơi nhận:" phải sát lề trái', '"Nơi nhận:" must be flush left')


@rule("C36")
def noi_nhan_items(layout: Layout) -> Iterator[Result]:
    items = layout.noi_nhan_items
    if not items:
        yield missing("C36", "danh sách nơi nhận", "the recipient list")
        return
    for i, p in enumerate(items):
        text = p.text.strip()
        if not text.startswith("-"):
            yield found("C36", p, 'mỗi nơi nhận bắt đầu bằng "-"', 'each recipient starts with "-"')
        if i < len(items) - 1 and not text.endswith(";"):
            yield found("C36", p, 'nơi nhận kết thúc bằng ";"', 'a recipient ends with ";"')
        if any_bold(p) or any_italic(p):
            yield found("C36", p, "nơi nhận là chữ đứng, không đậm",
                        "recipients are upright, not bold")
        yield from check_size("C36", p, nd30.NOI_NHAN_ITEM.size_pt, ("nơi nhận", "a recipient"))


@rule("C37")
def archive_line(layout: Layout) -> Iterator[Result]:
    items = layout.noi_nhan_items
    if not items:
        yield missing("C37", "danh sách nơi nhận", "the recipient list")
        return
    last = items[-1]
    if not re.fullmatch(r"- ?Lưu: ?VT(,[^;]*)?\.", " ".join(last.text.split())):
        yield found("C37", last, 'dòng cuối phải là "- Lưu: VT, …" và kết thúc bằng dấu chấm',
                    'the last line must be "- Lưu: VT, …" ending with a full stop')


@rule("C38")
def nhu_tren(layout: Layout) -> Iterator[Result]:
    has_nhu_tren = any("Như trên" in p.text for p in layout.noi_nhan_items)
    if has_nhu_tren and not layout.kinh_gui:
        p = next(p for p in layout.noi_nhan_items if "Như trên" in p.text)
        yield found("C38", p, '"- Như trên;" chỉ dùng khi có Kính gửi',
                    '"- Như trên;" is only used with a Kính gửi block')
    if layout.kinh_gui and layout.noi_nhan_items and not has_nhu_tren:
        yield found("C38", layout.noi_nhan_items[0], 'có Kính gửi thì nơi nhận đầu là '
                    '"- Như trên;"', 'with a Kính gửi block the first recipient is "- Như trên;"')


@rule("C39")
def kinh_gui(layout: Layout) -> Iterator[Result]:
    if not layout.kinh_gui:
        yield NotChecked("C39", "văn bản không có Kính gửi", "the document has no Kính gửi")
        return
    for p in layout.kinh_gui:
        if any_bold(p):
            yield found("C39", p, "Kính gửi không in đậm", "Kính gửi must not be bold")
    lines = layout.kinh_gui[1:]
    for i, p in enumerate(lines):
        end = "." if i == len(lines) - 1 else ";"
        if not p.text.strip().startswith("-") or not p.text.strip().endswith(end):
            yield found("C39", p, f'mỗi nơi nhận bắt đầu bằng "-" và kết thúc bằng "{end}"',
                        f'each recipient starts with "-" and ends with "{end}"')


# -- page numbers ----------------------------------------------------------------------


@rule("C40")
def page_numbers(layout: Layout) -> Iterator[Result]:
    for i, s in enumerate(layout.doc.sections, start=1):
        for paragraphs in s.footers.values():
            for p in paragraphs:
                if p.has_page_field:
                    yield found("C40", p, "số trang ở chân trang; phải ở giữa lề trên",
                                "page number in the footer; it belongs top centre")
        numbered = [p for p in s.headers.get("default", []) if p.has_page_field]
        first = s.headers.get("first", []) if s.title_page else s.headers.get("default", [])
        if i == 1 and any(p.has_page_field for p in first):
            yield found("C40", None, "trang đầu có số trang", "page 1 shows a page number",
                        where=f"section {i} header")
        for p in numbered:
            yield from _page_number_look(p)


def _page_number_look(p: Paragraph) -> Iterator[Finding]:
    if p.align != "center":
        yield found("C40", p, "số trang phải căn giữa", "the page number must be centred")
    runs = [r for r in p.runs if r.text.strip()]
    for size in sorted({r.size_pt for r in runs if r.size_pt}):
        if not nd30.PAGE_NUMBER.size_pt.allows(size):
            yield found("C40", p, f"số trang cỡ {pt(size)}, phải từ 13 đến 14 pt",
                        f"page number is {pt(size)}, must be 13 to 14 pt")
    if re.search(r"roman|alphabetic", p.page_field_format, re.I):
        yield found("C40", p, "số trang phải là số Ả Rập", "page numbers must be Arabic digits")


@rule("C41")
def has_page_numbers(layout: Layout) -> Iterator[Result]:
    numbered = any(p.has_page_field for s in layout.doc.sections
                   for ps in (*s.headers.values(), *s.footers.values()) for p in ps)
    if numbered:
        return
    pages = _estimated_pages(layout)
    if pages is None:
        yield NotChecked("C41", "không ước lượng được số trang", "the page count is unknown")
    elif pages > 1:
        yield found("C41", None, f"văn bản khoảng {pages} trang nhưng không đánh số trang",
                    f"the document runs to about {pages} pages but has no page numbers",
                    where="section 1")


def _estimated_pages(layout: Layout) -> int | None:
    """A rough page count from line counts: enough to tell one page from several."""
    if not layout.doc.sections:
        return None
    s = layout.doc.sections[0]
    width = (s.width_mm - s.left_mm - s.right_mm) / 10
    height = (s.height_mm - s.top_mm - s.bottom_mm) / 10
    total = 0.0
    for p in layout.doc.paragraphs:
        size = max(sizes(p) or {13.0})
        lines = max(1, -(-run_width_cm(p) // max(width, 1)))
        total += lines * size * 1.15 * 2.54 / 72 + (p.space_before_pt + p.space_after_pt) / 28.35
    estimate = total / max(height, 1)
    return None if 0.8 < estimate < 1.3 else max(1, round(estimate + 0.5))


# -- abbreviations and completeness ------------------------------------------------------


@rule("C46")
def obsolete_codes(layout: Layout) -> Iterator[Result]:
    p = layout.so_line
    if p is None:
        return
    match = re.search(r"/([^-\s]+)-", p.text)
    if match and match[1] in nd30.OBSOLETE_KINDS:
        code = match[1]
        yield found("C46", p, f'"{code}" là chữ viết tắt cũ; nay là "{nd30.OBSOLETE_KINDS[code]}"',
                    f'"{code}" is an obsolete code; it is now "{nd30.OBSOLETE_KINDS[code]}"')


@rule("C47")
def components(layout: Layout) -> Iterator[Result]:
    wanted = (("quoc_hieu", "Quốc hiệu", "the Quốc hiệu"),
              ("tieu_ngu", "Tiêu ngữ", "the Tiêu ngữ"),
              ("so_line", "dòng Số, ký hiệu", "the Số line"),
              ("date_line", "dòng địa danh, ngày tháng", "the place-and-date line"),
              ("noi_nhan_label", "nơi nhận", "the Nơi nhận block"))
    for attr, vi, en in wanted:
        if getattr(layout, attr) is None:
            yield found("C47", None, f"thiếu {vi}", f"{en} is missing", where="document")
    if layout.title is None and layout.vv_line is None:
        yield found("C47", None, "thiếu tên loại văn bản (hoặc V/v của công văn)",
                    "no type name (nor the V/v of a công văn)", where="document")
    if not layout.issuer_lines:
        yield found("C47", None, "thiếu tên cơ quan ban hành", "the issuing body is missing",
                    where="document")

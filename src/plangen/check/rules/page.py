"""Rules of the page: paper, margins, fonts, Unicode form, colour, page numbers, and
the presence of the main components (C01–C05, C40, C41, C47)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from plangen.check.read.facts import Paragraph, Section
from plangen.check.read.layout import Layout, run_width_cm
from plangen.check.rules.base import Finding, NotChecked, Result, found, pt, rule, sizes
from plangen.check.rules.signer import signer_parts
from plangen.spec import fill, nd30

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
    if width <= 0 or height <= 0:  # no usable page size in the file
        return None
    total = 0.0
    for p in layout.doc.paragraphs:
        size = max(sizes(p) or {13.0})
        lines = max(1, -(-run_width_cm(p) // max(width, 1)))
        total += lines * size * 1.15 * 2.54 / 72 + (p.space_before_pt + p.space_after_pt) / 28.35
    estimate = total / max(height, 1)
    return None if 0.8 < estimate < 1.3 else max(1, round(estimate + 0.5))




# -- completeness ------------------------------------------------------------------------


@rule("C47")
def components(layout: Layout) -> Iterator[Result]:
    profile = layout.profile
    wanted = (("quoc_hieu", "Quốc hiệu", "the Quốc hiệu", True),
              ("tieu_ngu", "Tiêu ngữ", "the Tiêu ngữ", True),
              ("so_line", "dòng Số, ký hiệu", "the Số line", profile.so_line),
              ("date_line", "dòng địa danh, ngày tháng", "the place-and-date line",
               profile.date_line),
              ("noi_nhan_label", "nơi nhận", "the Nơi nhận block", True))
    for attr, vi, en, needed in wanted:
        if needed and getattr(layout, attr) is None:
            yield found("C47", None, f"thiếu {vi}", f"{en} is missing", where="document")
    if layout.title is None and layout.vv_line is None:
        yield found("C47", None, "thiếu tên loại văn bản (hoặc V/v của công văn)",
                    "no type name (nor the V/v of a công văn)", where="document")
    # Điều 8.2: every tên loại has a trích yếu, except where the mẫu shows none (Mẫu 1.8).
    if layout.title is not None and not layout.trich_yeu and profile.trich_yeu:
        yield found("C47", layout.title, "thiếu trích yếu nội dung dưới tên loại",
                    "no trích yếu under the type name")
    if not layout.issuer_lines:
        yield found("C47", None, "thiếu tên cơ quan ban hành", "the issuing body is missing",
                    where="document")
    yield from _signature_blocks(layout)


def _signature_blocks(layout: Layout) -> Iterator[Result]:
    """As many signature blocks as the mẫu has, each with its position lines and (but in a
    draft) a name."""
    expected = len(layout.profile.signatures)
    complete = [block for block in layout.signatures
                if (parts := signer_parts(block))[0] and (parts[2] is not None or layout.draft)]
    if not complete:
        yield found("C47", None, "thiếu khối chữ ký (quyền hạn, chức vụ, họ tên người ký)",
                    "the signer block (authority, position, name) is missing",
                    where="document")
    elif len(complete) != expected:
        yield found("C47", None, f"có {len(complete)} khối chữ ký; Mẫu {layout.profile.mau} có "
                    f"{expected}", f"{len(complete)} signature blocks; Mẫu "
                    f"{layout.profile.mau} has {expected}", where="document")


@rule("C48")
def left_to_fill(layout: Layout) -> Iterator[Result]:
    """A value an import could not find (``<<cần điền: …>>``) is still in the text: the
    document is not one to sign (a draft may keep it; the build's gate says so)."""
    for p in layout.doc.paragraphs:
        mark = fill.MARK.search(p.text)
        if mark is not None:
            yield found("C48", p, f'còn chỗ cần điền "{mark.group()}"',
                        f'a value is still to fill in: "{mark.group()}"')

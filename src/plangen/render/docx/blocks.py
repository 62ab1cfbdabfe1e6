"""The NĐ30 blocks every document with a type name shares (Mẫu 1.4 of Phụ lục III).

Why: the header table, the title with its trích yếu, the căn cứ and the signature table
are the same in a Kế hoạch and a Báo cáo; building them once keeps both documents
identical where the decree wants them identical. Sizes and lengths come from ``nd30``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Cm, Pt

from plangen.render.docx import oxml, page
from plangen.spec import nd30, vn
from plangen.spec.metrics import text_width_cm

FIT_SLACK_CM = 0.15  # room for rounding between our widths and a word processor's layout
RULE_HEIGHT_PT = 3.0  # the rule paragraph's own height: the line sits just under the text


@dataclass(frozen=True)
class Header:
    """What the two-column header shows."""

    parent: str | None
    issuer: str
    so_ky_hieu: str
    place: str
    issued_on: date | None
    vv: str | None = None  # a công văn's trích yếu, printed "V/v …" under the Số
    co_issuers: tuple[str, ...] = ()  # the other bodies of a joint document, under the first
    date_line: bool = True  # False: a Biên bản's header has no place and date (Mẫu 1.9)

    @property
    def issuer_lines(self) -> list[str]:
        """The issuing bodies' names, line by line, in capitals: the issuer's, then those
        of a joint document's other bodies."""
        return [vn.upper(t) for name in (self.issuer, *self.co_issuers)
                for t in name.splitlines()]


def run(paragraph: Any, text: str, spec: nd30.TextSpec | None = None) -> Any:
    """Add ``text`` to ``paragraph``; a ``spec`` sets size, bold and italic on the run."""
    if spec is None:
        return oxml.add_run(paragraph, text)
    return oxml.add_run(paragraph, text, size_pt=spec.size_pt.preferred, bold=spec.bold,
                        italic=spec.italic)


def line(container: Any, text: str, spec: nd30.TextSpec, style: str) -> Any:
    """A paragraph holding one ``text`` run set by ``spec``, in paragraph style ``style``."""
    paragraph = page.paragraph(container, style)
    oxml.align(paragraph, spec.align)
    run(paragraph, vn.upper(text) if spec.upper else text, spec)
    return paragraph


def rule(container: Any, available_cm: float, length_cm: float) -> Any:
    """A centred solid line ``length_cm`` long, as the bottom border of an empty paragraph.

    The indents shrink the paragraph to the rule's length inside ``available_cm``, so the
    length is exact in Word and LibreOffice, and readable by the checker.
    """
    length = min(length_cm, available_cm)
    paragraph = page.paragraph(container, page.RULE)
    side = Cm((available_cm - length) / 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent = side
    fmt.right_indent = side
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(RULE_HEIGHT_PT)
    oxml.bottom_border(paragraph, nd30.RULE_WEIGHT_EIGHTHS_PT)
    return paragraph


def _widest(lines: Sequence[str], spec: nd30.TextSpec, size: float | None = None) -> float:
    pt = size or spec.size_pt.preferred
    return max(text_width_cm(t, pt, spec.bold, spec.italic) for t in lines)


def _inner(cell_cm: float) -> float:
    return cell_cm - 2 * nd30.CELL_PADDING_CM


DRAFT_MARK = nd30.DRAFT_MARK_TEXT


DRAFT_MARK_PADDING_CM = 0.3  # room inside the box on each side of the words


def draft_mark(document: Any) -> Any:
    """A boxed "DỰ THẢO" at the top right of page 1: this copy is not for signing. The box
    is indented to hug the words, not drawn across the page."""
    spec = nd30.TextSpec(nd30.fixed(14), bold=True)
    paragraph = page.paragraph(document, page.HEADER_TEXT)
    oxml.align(paragraph, "center")  # centred in a box at the right margin
    run(paragraph, DRAFT_MARK, spec)
    oxml.box(paragraph, nd30.RULE_WEIGHT_EIGHTHS_PT)
    available = page.text_width_cm(document.sections[-1])
    words = _widest([DRAFT_MARK], spec) + 2 * DRAFT_MARK_PADDING_CM
    paragraph.paragraph_format.left_indent = Cm(max(available - words, 0))
    paragraph.paragraph_format.space_after = Pt(6)
    return paragraph


@dataclass(frozen=True)
class HeaderLayout:
    """Column widths of the header table and the size of the body-name lines."""

    left_cm: float
    right_cm: float
    name_size_pt: float


def header_layout(header: Header) -> HeaderLayout:
    """Widths that keep every header line on one line where NĐ30's sizes allow it.

    The right column keeps room for the Quốc hiệu and for the date line at 13 pt; the left
    takes the rest of the table as far as its names need. When a name is too long at
    13 pt, both name lines drop to 12 pt (NĐ30 allows 12–13); a name still too long then
    wraps, as the decree allows. The table grows up to HEADER_TOTAL_MAX_CM when both
    columns need it, reaching further into the left margin.
    """
    pad = 2 * nd30.CELL_PADDING_CM + FIT_SLACK_CM
    right_min = _right_min(header)
    size = nd30.CO_QUAN_BAN_HANH.size_pt
    for points in (size.preferred, size.lo):
        needed = _left_width(header, points) + pad
        if needed + right_min <= nd30.HEADER_TOTAL_CM:
            break
    total = min(max(needed + right_min, nd30.HEADER_TOTAL_CM), nd30.HEADER_TOTAL_MAX_CM)
    left = min(max(needed, nd30.HEADER_LEFT_MIN_CM), total - right_min)
    right = min(total - left, max(nd30.HEADER_RIGHT_MAX_CM, right_min))
    return HeaderLayout(round(left, 2), round(right, 2), points)


def _right_min(header: Header) -> float:
    """The right column's least width: the Quốc hiệu, and the date line at 13 pt."""
    date_13 = _widest([vn.dia_danh_ngay(header.place, header.issued_on)], nd30.DIA_DANH_NGAY,
                      nd30.DIA_DANH_NGAY.size_pt.lo) if header.date_line else 0.0
    pad = 2 * nd30.CELL_PADDING_CM + FIT_SLACK_CM
    return max(_widest([nd30.QUOC_HIEU_TEXT], nd30.QUOC_HIEU), date_13) + pad


PLACE_LEVELS = ("tỉnh ", "thành phố ", "huyện ", "quận ", "thị xã ", "xã ", "phường ",
                "thị trấn ")


def fit_names(header: Header) -> Header:
    """A body's name too long for the left column even at 12 pt is broken where its two
    lines come out most even, as offices print "ỦY BAN NHÂN DÂN / TỈNH BÌNH ĐỊNH", instead
    of leaving one word alone on a second line. Names the author broke are kept."""
    room = nd30.HEADER_TOTAL_MAX_CM - _right_min(header) - 2 * nd30.CELL_PADDING_CM
    points = nd30.CO_QUAN_BAN_HANH.size_pt.lo

    def fit(name: str | None, spec: nd30.TextSpec) -> str | None:
        if name is None or "\n" in name or _widest([vn.upper(name)], spec, points) <= room:
            return name
        words = name.split()
        splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
        if not splits:
            return name

        def widest(pair: tuple[str, str]) -> float:
            return max(_widest([vn.upper(part)], spec, points) for part in pair)

        # Offices break before the level of the place: "… / TỈNH BÌNH ĐỊNH".
        at_level = [pair for pair in splits if widest(pair) <= room
                    and pair[1].casefold().startswith(PLACE_LEVELS)]
        first, second = min(at_level or splits, key=widest)
        return f"{first}\n{second}"

    return replace(header, parent=fit(header.parent, nd30.CO_QUAN_CHU_QUAN),
                   issuer=fit(header.issuer, nd30.CO_QUAN_BAN_HANH) or header.issuer,
                   co_issuers=tuple(fit(name, nd30.CO_QUAN_BAN_HANH) or name
                                    for name in header.co_issuers))


def _left_width(header: Header, points: float) -> float:
    parent = [vn.upper(t) for t in (header.parent or "").splitlines()]
    widths = [_widest(header.issuer_lines, nd30.CO_QUAN_BAN_HANH, points),
              _widest([header.so_ky_hieu], nd30.SO_KY_HIEU)]
    if parent:
        widths.append(_widest(parent, nd30.CO_QUAN_CHU_QUAN, points))
    return max(widths)


def header_table(document: Any, header: Header, numbered: bool = True) -> Any:
    """Issuing body and Số on the left; Quốc hiệu, Tiêu ngữ and the date on the right.

    Two rows keep the Số line and the date on the same level whatever the names' lengths.
    Without ``numbered`` (a document issued by a decision, Mẫu 1.3), the names alone.
    """
    header = fit_names(header)
    layout = header_layout(header)
    table = document.add_table(rows=2 if numbered else 1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    oxml.no_table_borders(table)
    # The table's right edge meets the right margin; it reaches into the left margin.
    text_width = page.text_width_cm(document.sections[-1])
    indent = min(0.0, text_width - layout.left_cm - layout.right_cm)
    oxml.fixed_table(table, [Cm(layout.left_cm), Cm(layout.right_cm)], Cm(indent))
    oxml.cell_margins(table, Cm(nd30.CELL_PADDING_CM), Cm(nd30.CELL_PADDING_CM))
    cells = table._cells  # python-docx's ``table.cell`` rebuilds this list on every call
    _issuer_cell(cells[0], header, layout)
    _national_cell(cells[1], layout)
    if not numbered:
        for cell in cells:
            _drop_first_empty(cell)
        return table
    so = line(cells[2], header.so_ky_hieu, nd30.SO_KY_HIEU, page.HEADER_TEXT)
    so.paragraph_format.space_before = Pt(nd30.SPACE_BEFORE_PT)
    if header.vv is not None:
        _vv_line(cells[2], header.vv)
    if header.date_line:
        _date_line(cells[3], header, layout)
    for cell in cells:
        _drop_first_empty(cell)
    return table


def _drop_first_empty(cell: Any) -> None:
    """A new cell holds one empty paragraph; the blocks above added their own after it."""
    first = cell.paragraphs[0]
    if not first.text and len(cell.paragraphs) > 1 and first._p.pPr is None:
        first._p.getparent().remove(first._p)


def _issuer_cell(cell: Any, header: Header, layout: HeaderLayout) -> None:
    inner = _inner(layout.left_cm)
    points = layout.name_size_pt
    for text in (header.parent or "").splitlines():
        line(cell, text, nd30.CO_QUAN_CHU_QUAN, page.HEADER_TEXT).runs[0].font.size = Pt(points)
    names = header.issuer_lines
    for text in names:
        line(cell, text, nd30.CO_QUAN_BAN_HANH, page.HEADER_TEXT).runs[0].font.size = Pt(points)
    name_width = min(_widest(names, nd30.CO_QUAN_BAN_HANH, points), inner)
    rule(cell, inner, name_width * nd30.NAME_RULE.preferred)


def _national_cell(cell: Any, layout: HeaderLayout) -> None:
    national_header(cell, _inner(layout.right_cm))


def national_header(container: Any, available_cm: float) -> Any:
    """Quốc hiệu, Tiêu ngữ and the rule as long as the Tiêu ngữ, centred in
    ``available_cm``; returns the rule's paragraph."""
    line(container, nd30.QUOC_HIEU_TEXT, nd30.QUOC_HIEU, page.HEADER_TEXT)
    line(container, nd30.TIEU_NGU_TEXT, nd30.TIEU_NGU, page.HEADER_TEXT)
    width = _widest([nd30.TIEU_NGU_TEXT], nd30.TIEU_NGU) * nd30.TIEU_NGU_RULE.preferred
    return rule(container, available_cm, width)


def _vv_line(cell: Any, trich_yeu: str) -> None:
    """"V/v …" centred under the Số, 6 pt below it, its line breaks kept (Mẫu 1.5)."""
    spec = nd30.TRICH_YEU_CONG_VAN
    paragraph = page.paragraph(cell, page.HEADER_TEXT)
    oxml.align(paragraph, spec.align)
    paragraph.paragraph_format.space_before = Pt(nd30.SPACE_BEFORE_PT)
    lines = f"V/v {trich_yeu}".splitlines()
    for i, text in enumerate(lines):
        added = run(paragraph, text, spec)
        if i < len(lines) - 1:
            added.add_break()


def _date_line(cell: Any, header: Header, layout: HeaderLayout) -> None:
    """Italic place and date; 13 pt instead of 14 when 14 pt would wrap (both allowed)."""
    text = vn.dia_danh_ngay(header.place, header.issued_on)
    spec = nd30.DIA_DANH_NGAY
    size = spec.size_pt.preferred
    if _widest([text], spec, size) + FIT_SLACK_CM > _inner(layout.right_cm):
        size = spec.size_pt.lo
    paragraph = line(cell, text, spec, page.HEADER_TEXT)
    paragraph.runs[0].font.size = Pt(size)
    paragraph.paragraph_format.space_before = Pt(nd30.SPACE_BEFORE_PT)


def _type_name_and_trich_yeu(document: Any, kind_name: str, trich_yeu: str) -> list[str]:
    """``KẾ HOẠCH`` and the bold trích yếu under it (its line breaks kept); its lines, or
    the tên loại's when there is no trích yếu (Mẫu 1.8, a Giấy giới thiệu)."""
    title = line(document, kind_name, nd30.TEN_LOAI, page.TITLE)
    title.paragraph_format.space_before = Pt(18)
    if not trich_yeu:
        return [vn.upper(kind_name)]
    lines = trich_yeu.splitlines()
    paragraph = page.paragraph(document, page.TITLE)
    for i, text in enumerate(lines):
        added = run(paragraph, text, nd30.TRICH_YEU)
        if i < len(lines) - 1:
            added.add_break()
    return lines


def title_block(document: Any, kind_name: str, trich_yeu: str) -> None:
    """``KẾ HOẠCH``, the trích yếu and the rule under it (under the tên loại when the mẫu
    has no trích yếu)."""
    lines = _type_name_and_trich_yeu(document, kind_name, trich_yeu)
    available = page.text_width_cm(document.sections[-1])
    spec = nd30.TRICH_YEU if trich_yeu else nd30.TEN_LOAI
    width = min(_widest(lines, spec), available)
    rule(document, available, width * nd30.TRICH_YEU_RULE.preferred)


def issued_with_title(document: Any, kind_name: str, trich_yeu: str, kem_theo: str) -> None:
    """The title of a document issued by a decision (Mẫu 1.3): ``QUY CHẾ``, its trích yếu,
    the italic "(Kèm theo Quyết định số …)", and the rule under them."""
    _type_name_and_trich_yeu(document, kind_name, trich_yeu)
    line(document, kem_theo, nd30.PHU_LUC_KEM_THEO, page.HEADER_TEXT)
    available = page.text_width_cm(document.sections[-1])
    rule(document, available, nd30.PHU_LUC_RULE_CM).paragraph_format.space_after = \
        Pt(nd30.SPACE_BEFORE_PT)


def can_cu(document: Any, items: Sequence[str]) -> None:
    """One italic căn cứ per paragraph, each ending ``;`` and the last ``.`` (a decision's
    "Theo đề nghị của …" is the last)."""
    for i, text in enumerate(items):
        end = "." if i == len(items) - 1 else ";"
        paragraph = page.paragraph(document, page.CAN_CU, text.rstrip(";.,") + end)
        if i == 0:
            paragraph.paragraph_format.space_before = Pt(12)


def centred_label(document: Any, text: str, spec: nd30.TextSpec) -> Any:
    """A bold centred line in capitals: a decision's authority, or "QUYẾT ĐỊNH:"."""
    paragraph = line(document, text, spec, page.TITLE)
    paragraph.paragraph_format.space_before = Pt(12)
    return paragraph


KINH_GUI_INDENT_CM = 3.5  # [MẪU 1.5] "Kính gửi:" starts 3.5 cm in; the list 4.5 cm


def kinh_gui(document: Any, recipients: Sequence[str]) -> None:
    """"Kính gửi: X" on one line, or "Kính gửi:" then "- X;" lines ending with "."."""
    if not recipients:
        return
    spec = nd30.KINH_GUI
    first = page.paragraph(document, page.HEADER_TEXT)
    oxml.align(first, "left")
    first.paragraph_format.left_indent = Cm(KINH_GUI_INDENT_CM)
    first.paragraph_format.space_before = Pt(12)
    if len(recipients) == 1:
        run(first, f"Kính gửi: {recipients[0]}", spec)
        return
    run(first, "Kính gửi:", spec)
    for i, item in enumerate(recipients):
        end = "." if i == len(recipients) - 1 else ";"
        paragraph = page.paragraph(document, page.HEADER_TEXT)
        oxml.align(paragraph, "left")
        paragraph.paragraph_format.left_indent = Cm(KINH_GUI_INDENT_CM + 1)
        run(paragraph, f"- {item}{end}", spec)


@dataclass(frozen=True)
class SignerLines:
    """The signer block: authority and title lines (capitals) and the name."""

    titles: tuple[str, ...]
    name: str


def signature_table(document: Any, noi_nhan: Sequence[str], signer: SignerLines) -> Any:
    """Nơi nhận on the left, the signer on the right, in a borderless one-row table."""
    table = _borderless_row(document, [nd30.SIGN_LEFT_CM, nd30.SIGN_RIGHT_CM])
    left, right = table._cells
    _noi_nhan(left, noi_nhan)
    _signer_block(right, signer, 0)
    for cell in (left, right):
        _drop_first_empty(cell)
    return table


def signatures_above(document: Any, noi_nhan: Sequence[str],
                     signers: Sequence[SignerLines]) -> Any:
    """Several signature blocks side by side, each in an equal column, their names on one
    level, and the Nơi nhận under them, flush left (Mẫu 1.9; joint documents). The Nơi
    nhận stands in the first column, under its block: the row never splits, so the blocks
    and the Nơi nhận share a page."""
    width = page.text_width_cm(document.sections[-1])
    table = _borderless_row(document, [width / len(signers)] * len(signers))
    tallest = max(len(signer.titles) for signer in signers)
    cells = table._cells
    for cell, signer in zip(cells, signers, strict=True):
        _signer_block(cell, signer, tallest - len(signer.titles))
    _noi_nhan(cells[0], noi_nhan)
    for cell in cells:
        _drop_first_empty(cell)
    return table


def _borderless_row(document: Any, widths_cm: Sequence[float]) -> Any:
    """A one-row borderless table that never splits across pages, its cells unpadded (so
    that "Nơi nhận:" stands flush with the left margin, as NĐ30 wants)."""
    table = document.add_table(rows=1, cols=len(widths_cm))
    oxml.no_table_borders(table)
    oxml.fixed_table(table, [Cm(w) for w in widths_cm], Cm(0))
    oxml.cell_margins(table, Cm(0), Cm(0))
    oxml.cant_split(table.rows[0])
    return table


def _noi_nhan(container: Any, noi_nhan: Sequence[str]) -> list[Any]:
    """"Nơi nhận:" and one "- …;" line per recipient, the last ending with "."; returns
    the paragraphs."""
    label = line(container, nd30.NOI_NHAN_LABEL_TEXT, nd30.NOI_NHAN_LABEL, page.NOI_NHAN)
    label.paragraph_format.space_before = Pt(12)
    return [label, *(page.paragraph(container, page.NOI_NHAN,
                                    f"- {item}{'.' if i == len(noi_nhan) - 1 else ';'}")
                     for i, item in enumerate(noi_nhan))]


def _signer_block(cell: Any, signer: SignerLines, extra_space: int) -> None:
    """The position lines, the space for the signature and seal (``extra_space`` more
    lines, so that names beside it stand level), and the name."""
    for i, text in enumerate(signer.titles):
        paragraph = line(cell, text, nd30.CHUC_VU, page.SIGNER)
        if i == 0:
            paragraph.paragraph_format.space_before = Pt(12)
    for _ in range(nd30.SIGNATURE_SPACE_LINES + extra_space):
        page.paragraph(cell, page.SIGNER)
    line(cell, signer.name, nd30.HO_TEN, page.SIGNER)


@dataclass(frozen=True)
class AppendixHeading:
    """The lines that open a Phụ lục (Mẫu 2.1): label, title, "(Kèm theo …)"."""

    label: str | None  # "Phụ lục I"; None for a single, unnumbered Phụ lục
    title: str
    kem_theo: str


def appendix_heading(container: Any, heading: AppendixHeading, available_cm: float) -> None:
    """Label, title in capitals, the italic "(Kèm theo …)" line and a short rule."""
    if heading.label:
        line(container, heading.label, nd30.PHU_LUC_LABEL, page.TITLE)
    line(container, heading.title, nd30.PHU_LUC_TITLE, page.TITLE)
    line(container, heading.kem_theo, nd30.PHU_LUC_KEM_THEO, page.HEADER_TEXT)
    # Clear space under the rule: the Phụ lục's own first line may start right after it.
    rule(container, available_cm, nd30.PHU_LUC_RULE_CM).paragraph_format.space_after = \
        Pt(nd30.SPACE_BEFORE_PT)

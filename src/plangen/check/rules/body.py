"""Rules of the title block and the body: type name, trích yếu, V/v, text, indents,
spacing, căn cứ, numbering, the end mark (C18–C29)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from plangen.check.read.facts import Paragraph
from plangen.check.read.layout import Layout
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
    is_caps,
    missing,
    pt,
    rule,
    sizes,
)
from plangen.spec import nd30
from plangen.spec.metrics import text_width_cm

# -- title and trích yếu -----------------------------------------------------------------


def _cong_van(layout: Layout, code: str) -> NotChecked | None:
    """A công văn has no tên loại and no bold trích yếu under it (its V/v is C21's)."""
    if layout.title is None and layout.vv_line is not None:
        return NotChecked(code, "công văn không có tên loại và trích yếu dưới tên loại",
                          "a công văn has no type name and no trích yếu under one")
    return None


@rule("C18")
def type_name(layout: Layout) -> Iterator[Result]:
    p = layout.title
    if (skip := _cong_van(layout, "C18")) is not None:
        yield skip
        return
    if p is None:
        yield missing("C18", "tên loại văn bản", "the type name")
        return
    if not is_caps(p.text):
        yield found("C18", p, "tên loại phải in hoa", "the type name must be in capitals")
    if not all_bold(p):
        yield found("C18", p, "tên loại phải in đậm", "the type name must be bold")
    yield from _centred("C18", p, ("tên loại", "the type name"))
    yield from check_size("C18", p, nd30.TEN_LOAI.size_pt, ("tên loại", "the type name"))


def _centred(code: str, p: Paragraph, what: tuple[str, str]) -> Iterator[Finding]:
    if p.align != "center":
        yield found(code, p, f"{what[0]} phải căn giữa (đang căn {p.align})",
                    f"{what[1]} must be centred (it is aligned {p.align})")


@rule("C19")
def trich_yeu(layout: Layout) -> Iterator[Result]:
    if (skip := _cong_van(layout, "C19")) is not None:
        yield skip
        return
    if not layout.trich_yeu:
        yield missing("C19", "trích yếu", "the trích yếu")
        return
    for p in layout.trich_yeu:
        if is_caps(p.text):
            yield found("C19", p, "trích yếu không được in hoa toàn bộ",
                        "the trích yếu must not be all capitals")
        if not all_bold(p):
            yield found("C19", p, "trích yếu phải in đậm", "the trích yếu must be bold")
        yield from _centred("C19", p, ("trích yếu", "the trích yếu"))
        yield from check_size("C19", p, nd30.TRICH_YEU.size_pt, ("trích yếu", "the trích yếu"))


@rule("C20")
def trich_yeu_rule(layout: Layout) -> Iterator[Result]:
    if (skip := _cong_van(layout, "C20")) is not None:
        yield skip
        return
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
    yield from check_size("C21", p, nd30.TRICH_YEU_CONG_VAN.size_pt, ("dòng V/v", "the V/v line"))


@rule("C22")
def vv_with_type(layout: Layout) -> Iterator[Result]:
    if layout.title is not None and layout.vv_line is not None:
        yield found("C22", layout.vv_line, "văn bản có tên loại không ghi dòng V/v",
                    "a document with a type name has no V/v line")




# -- body --------------------------------------------------------------------------------

_HEADING = re.compile(r"^(?P<mark>[IVXLC]+\.|\d+(\.\d+)*\.|[a-zđ][.)]|Phần|Chương|Mục|Điều)\s")
_CENTRED_LABEL = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s|^[A-ZĐÀ-Ỹ ,:]+$")


def _running(layout: Layout) -> list[Paragraph]:
    """Body paragraphs that are running text: not centred Phần/Chương labels, nor a
    centred, emphasised line (a chủ đề or khẩu hiệu)."""
    return [p for p in layout.body if not (p.align == "center" and (
        _CENTRED_LABEL.match(p.text) or _is_centred_line(p)))]


def _is_centred_line(p: Paragraph) -> bool:
    return len(p.text) <= _CENTRED_LINE_MAX and (all_bold(p) or all_italic(p))


_CENTRED_LINE_MAX = 150  # characters: a chủ đề or khẩu hiệu is a line or two, never a paragraph


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

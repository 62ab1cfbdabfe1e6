"""Rules of the signer block, Nơi nhận and Kính gửi (C30–C39)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from plangen.check.read.facts import Paragraph
from plangen.check.read.layout import Layout
from plangen.check.rules.base import (
    NotChecked,
    Result,
    all_bold,
    all_italic,
    any_bold,
    any_italic,
    check_size,
    found,
    is_caps,
    missing,
    rule,
)
from plangen.spec import nd30

# -- signer, Nơi nhận, Kính gửi ----------------------------------------------------------

_PREFIX_WRONG = re.compile(r"^(K/T|T/L|TU/Q|TM|KT|TL|TUQ|Q)(\s|$)")


def signer_parts(block: list[Paragraph]) -> tuple[list[Paragraph], int, Paragraph | None]:
    """Position lines, blank lines between them and the name, and the name line of one
    signature block.

    The name is the last line with text, unless the space for the signature comes after it:
    then the block ends with its blank lines and has no name yet (a draft's).
    """
    filled = [p for p in block if p.text.strip()]
    if not filled:
        return [], 0, None
    trailing = sum(1 for p in block if p.index > filled[-1].index and not p.text.strip())
    unnamed = trailing >= MIN_SIGNATURE_LINES
    name = None if unnamed else filled[-1]
    titles = [p for p in (filled if unnamed else filled[:-1])
              if not p.text.strip().startswith("(")]
    last_title = titles[-1].index if titles else filled[-1].index
    end = name.index if name is not None else block[-1].index + 1
    blanks = sum(1 for p in block if last_title < p.index < end and not p.text.strip())
    return titles, blanks, name


def blocks(layout: Layout) -> list[list[Paragraph]]:
    """The document's signature blocks; one empty block when none was found, so that each
    rule reports the missing signer once."""
    return layout.signatures or [[]]


MIN_SIGNATURE_LINES = 3
"""Blank lines NĐ30's samples leave for the signature and seal (C34)."""


@rule("C30")
def authority(layout: Layout) -> Iterator[Result]:
    for block in blocks(layout):
        titles, _, _ = signer_parts(block)
        if not titles:
            yield missing("C30", "khối chữ ký", "the signer block")
            continue
        for p in titles:
            match = _PREFIX_WRONG.match(p.text.strip())
            if match:
                yield found("C30", p, f'quyền hạn ký "{match[1]}" phải viết TM., KT., TL., '
                            "TUQ. hoặc Q. (có dấu chấm)", f'authority "{match[1]}" must be '
                            "written TM., KT., TL., TUQ. or Q. (with the dot)")


@rule("C31")
def position(layout: Layout) -> Iterator[Result]:
    for block in blocks(layout):
        titles, _, _ = signer_parts(block)
        if not titles:
            yield missing("C31", "chức vụ người ký", "the signer's position")
            continue
        for p in titles:
            if not is_caps(p.text) or not all_bold(p):
                yield found("C31", p, "chức vụ người ký phải in hoa, đậm",
                            "the signer's position must be bold capitals")
            yield from check_size("C31", p, nd30.CHUC_VU.size_pt, ("chức vụ", "the position"))


@rule("C32")
def signer_name(layout: Layout) -> Iterator[Result]:
    for block in blocks(layout):
        _, _, name = signer_parts(block)
        if name is None and layout.draft:
            yield NotChecked("C32", "bản dự thảo chưa có họ tên người ký",
                             "the draft has no signer's name yet")
            continue
        if name is None:
            yield missing("C32", "họ tên người ký", "the signer's name")
            continue
        if not all_bold(name):
            yield found("C32", name, "họ tên người ký phải in đậm",
                        "the signer's name must be bold")
        first = name.text.split()[0] if name.text.split() else ""
        if first in nd30.ACADEMIC_TITLES or first.rstrip(".") + "." in nd30.ACADEMIC_TITLES:
            yield found("C32", name, f'không ghi học hàm, học vị "{first}" trước họ tên',
                        f'no academic title "{first}" before the name')
        yield from check_size("C32", name, nd30.HO_TEN.size_pt, ("họ tên", "the name"))


@rule("C33")
def name_case(layout: Layout) -> Iterator[Result]:
    for block in blocks(layout):
        _, _, name = signer_parts(block)
        if name is not None and is_caps(name.text):
            yield found("C33", name, "họ tên người ký viết hoa chữ đầu mỗi tiếng, không in hoa "
                        "cả", "write the signer's name in title case, not all capitals")


@rule("C34")
def signature_space(layout: Layout) -> Iterator[Result]:
    for block in blocks(layout):
        titles, blanks, name = signer_parts(block)
        if not titles or (name is None and not layout.draft):
            yield missing("C34", "khối chữ ký", "the signer block")
            continue
        if blanks < MIN_SIGNATURE_LINES:
            yield found("C34", name or titles[-1],
                        f"chỉ có {blanks} dòng trống để ký và đóng dấu, nên từ 3 dòng",
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
        wraps = i < len(items) - 1 and wrapped_on(text, items[i + 1].text)
        goes_on = i > 0 and wrapped_on(items[i - 1].text, text)
        if not text.startswith("-") and not goes_on:
            yield found("C36", p, 'mỗi nơi nhận bắt đầu bằng "-"', 'each recipient starts with "-"')
        if i < len(items) - 1 and not text.endswith(";") and not wraps:
            yield found("C36", p, 'nơi nhận kết thúc bằng ";"', 'a recipient ends with ";"')
        if any_bold(p) or any_italic(p):
            yield found("C36", p, "nơi nhận là chữ đứng, không đậm",
                        "recipients are upright, not bold")
        yield from check_size("C36", p, nd30.NOI_NHAN_ITEM.size_pt, ("nơi nhận", "a recipient"))


def wrapped_on(line: str, following: str) -> bool:
    """``following`` carries on the recipient of ``line``: the line ends with "," and the
    next has no "-" (a long recipient wrapped over two lines, as the Government's own
    files do: "- HĐND, UBND các tỉnh," then "thành phố trực thuộc trung ương;")."""
    return line.strip().endswith(",") and not following.strip().startswith(("-", "–", "+"))


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

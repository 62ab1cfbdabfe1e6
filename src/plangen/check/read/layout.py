"""Find the NĐ30 components of any DOCX: header, title, căn cứ, body, signer, Nơi nhận.

Why: a hand-typed Word file has no labels, so each component is recognised by its text
and position, the way a văn thư reads a page: the Quốc hiệu by its words, the issuing
body as the lines above the Số line, the signature table as the table with "Nơi nhận".
What cannot be found is left as None, and the rules that need it say "not checked".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from plangen.check.read.facts import Document, Paragraph, Table
from plangen.spec import mau, nd30, vn
from plangen.spec.metrics import text_width_cm

# A decision's proposal closes its căn cứ: "Theo đề nghị" (Mẫu 1.2) or "Xét đề nghị".
CAN_CU_STARTS = ("Căn cứ", "Theo đề nghị", "Xét đề nghị")
HEADING_START = re.compile(r"^(?:[IVXLC]+\.|\d+\.|Điều \d+)\s")
_HEADING_LIKE = re.compile(r"^(?:(?:[IVXLC]+|\d{1,2})\s*[.\-–:)/]?|Điều \d+\.?)\s+\S")
"""A heading as offices type it ("I.", "I -", "II MỤC TIÊU", "1/"): never a trích yếu."""
SUPERSCRIPT_SCALE = 0.65  # Word's superscript size (nd30.md §14.4, an estimate)
_UNDERSCORES = re.compile(r"^[_\s]{5,}$")
_ORG_WORDS = ("TRƯỜNG", "BAN", "PHÒNG", "SỞ", "CỤC", "VỤ", "VIỆN", "TRUNG TÂM", "VĂN PHÒNG",
              "CÔNG TY", "UBND", "ỦY BAN", "UỶ BAN", "HỘI ĐỒNG", "KHOA", "CHI CỤC")


def letters(text: str) -> str:
    """Upper-case letters and digits only, NFC, with HOÀ spelt HÒA: for matching words."""
    return mau.key(text)


def is_type_name(text: str) -> bool:
    """``text`` is a tên loại ("KẾ HOẠCH", "BIÊN BẢN"), of the decree's table or of a kind
    registered since."""
    return mau.by_title(text) is not None or mau.is_legal_title(text)


QUOC_HIEU_KEY = letters(nd30.QUOC_HIEU_TEXT)
TIEU_NGU_KEY = letters(nd30.TIEU_NGU_TEXT)


Family = Literal["document", "attachment"]
"""What a file is: a whole document (header, body, signer of its own) or an attachment
(a Phụ lục or form in a file of its own, Mẫu 2.1/2.2), which has none of those."""
FAMILIES: tuple[Family, ...] = ("document", "attachment")


@dataclass(frozen=True)
class RuleMark:
    """A drawn rule (line) under a text, and its length when it can be measured."""

    paragraph: Paragraph
    length_cm: float | None
    how: str  # "border", "underscores", "shape", "underline", "vml"


@dataclass(frozen=True)
class AnnexHeading:
    """The lines that open a Phụ lục: its label ("Phụ lục II"), title and "(Kèm theo …)"."""

    label: Paragraph | None
    titles: tuple[Paragraph, ...]
    kem_theo: Paragraph


@dataclass
class Layout:
    """The components found in one document; None or [] where not found."""

    doc: Document
    family: Family = "document"  # "attachment": a Phụ lục or form in its own file
    header_table: Table | None = None
    left: list[Paragraph] = field(default_factory=list)
    right: list[Paragraph] = field(default_factory=list)
    quoc_hieu: Paragraph | None = None
    tieu_ngu: Paragraph | None = None
    tieu_ngu_rule: RuleMark | None = None
    parent_lines: list[Paragraph] = field(default_factory=list)
    issuer_lines: list[Paragraph] = field(default_factory=list)
    issuer_rule: RuleMark | None = None
    so_line: Paragraph | None = None
    date_line: Paragraph | None = None
    title: Paragraph | None = None
    trich_yeu: list[Paragraph] = field(default_factory=list)
    trich_yeu_rule: RuleMark | None = None
    vv_line: Paragraph | None = None
    kinh_gui: list[Paragraph] = field(default_factory=list)
    can_cu: list[Paragraph] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    signature_table: Table | None = None
    noi_nhan_label: Paragraph | None = None
    noi_nhan_items: list[Paragraph] = field(default_factory=list)
    signatures: list[list[Paragraph]] = field(default_factory=list)
    """Each signature block's paragraphs (authority and position, blank lines, name), left
    to right: one beside the Nơi nhận, or several above it (Biên bản, joint documents)."""
    profile: mau.Profile = mau.MAU_1_4
    """The mẫu the document follows, from its tên loại (and its ký hiệu, when joint)."""
    annexes: list[AnnexHeading] = field(default_factory=list)
    draft: bool = False
    """Marked "DỰ THẢO" at the top of page 1: a draft may leave the signer's name blank."""
    legal: str | None = None
    """The kind of a legal normative document ("Nghị định"), which NĐ30 does not govern:
    its tên loại, or a Quyết định's or Nghị quyết's number with a year, says so."""

    def available_cm(self, p: Paragraph) -> float:
        """Width a paragraph can use: its table column, or the page's text width."""
        if p.table is not None and p.col is not None:
            table = self.doc.tables[p.table - 1]
            if p.col <= len(table.columns_cm):
                return table.columns_cm[p.col - 1] - sum(table.cell_margins_cm)
        default = (nd30.PAGE_WIDTH_MM - nd30.MARGIN_LEFT_MM.preferred
                   - nd30.MARGIN_RIGHT_MM.preferred) / 10
        if not self.doc.sections:  # a damaged file without page setup: assume NĐ30's A4
            return default
        section = self.doc.sections[min(p.section, len(self.doc.sections) - 1)]
        width = (section.width_mm - section.left_mm - section.right_mm) / 10
        return width if width > 0 else default


def run_width_cm(p: Paragraph) -> float:
    """Width of a paragraph's text on one line, from its runs' sizes and styles."""
    return sum(text_width_cm(r.text, r.size_pt or 12, r.bold, r.italic)
               * (SUPERSCRIPT_SCALE if r.vert_align in ("superscript", "subscript") else 1)
               for r in p.runs)


def is_rule_paragraph(p: Paragraph) -> bool:
    """An empty paragraph carrying a line, or a line of underscores."""
    return (not p.text.strip() and (p.border_bottom or bool(p.line_shapes_cm)
                                    or p.unmeasured_shapes)) or bool(_UNDERSCORES.match(p.text))


def rule_after(layout: Layout, text: Paragraph, siblings: list[Paragraph]) -> RuleMark | None:
    """The rule drawn under ``text``: its own underline, or the next rule paragraph."""
    if text.runs and all(r.underline for r in text.runs if r.text.strip()):
        return RuleMark(text, run_width_cm(text), "underline")
    after = [p for p in siblings if p.index > text.index][:2]
    for p in after:
        if p.text.strip() and not _UNDERSCORES.match(p.text):
            break
        mark = _measure(layout, p)
        if mark is not None:
            return mark
    return None


def _measure(layout: Layout, p: Paragraph) -> RuleMark | None:
    if p.line_shapes_cm:
        return RuleMark(p, max(p.line_shapes_cm), "shape")
    if _UNDERSCORES.match(p.text):
        return RuleMark(p, run_width_cm(p), "underscores")
    if p.border_bottom:
        return RuleMark(p, layout.available_cm(p) - p.left_cm - p.right_cm, "border")
    if p.unmeasured_shapes:
        return RuleMark(p, None, "vml")
    return None


def find_layout(doc: Document) -> Layout:
    """Every component this module can recognise in ``doc``."""
    layout = Layout(doc)
    opening = [p for p in doc.paragraphs[:40] if p.table is None and p.text.strip()][:4]
    layout.draft = bool(opening) and opening[0].text.strip() == nd30.DRAFT_MARK_TEXT
    for p in opening:  # a Phụ lục heading before any tên loại: an attachment of its own
        if is_type_name(p.text):
            break
        if p.text.strip().startswith(("(Kèm theo", "Phụ lục")):
            layout.family = "attachment"
            break
    _header(layout)
    _title_block(layout)
    if layout.title is not None:
        layout.legal = mau.legal_title(layout.title.text, layout.so_line.text
                                       if layout.so_line is not None else "")
    layout.profile = _profile(layout)
    _signature(layout)
    _body(layout)
    layout.annexes = _annexes(doc)
    return layout


ANNEX_LABEL = re.compile(r"^phụ lục(\s+\S+)?$", re.IGNORECASE)
_ANNEX_TITLE_LINES = 3


def _annexes(doc: Document) -> list[AnnexHeading]:
    """Each "(Kèm theo …)" line outside tables, with the title lines above it and the
    "Phụ lục …" label above those, if any (Mẫu 2.1)."""
    heads: list[AnnexHeading] = []
    outside = [p for p in doc.paragraphs if p.table is None]
    for i, p in enumerate(outside):
        if not p.text.strip().startswith("(Kèm theo"):
            continue
        label: Paragraph | None = None
        titles: list[Paragraph] = []
        for above in reversed(outside[max(0, i - _ANNEX_TITLE_LINES - 1):i]):
            text = above.text.strip()
            if ANNEX_LABEL.match(text):
                label = above
                break
            if not text or text == nd30.DRAFT_MARK_TEXT or letters(text) in (
                    QUOC_HIEU_KEY, TIEU_NGU_KEY) or len(titles) == _ANNEX_TITLE_LINES:
                break
            titles.insert(0, above)
        if label is None and any(is_type_name(t.text) for t in titles):
            continue  # a document a decision issues (Mẫu 1.3): a tên loại, not a Phụ lục
        heads.append(AnnexHeading(label, tuple(titles), p))
    return heads


def _header(layout: Layout) -> None:
    doc = layout.doc
    layout.quoc_hieu = next((p for p in doc.paragraphs[:60]
                             if letters(p.text) == QUOC_HIEU_KEY), None)
    if layout.quoc_hieu is not None and layout.quoc_hieu.table is not None:
        table = doc.tables[layout.quoc_hieu.table - 1]
        layout.header_table = table
        cells = [p for p in doc.paragraphs if p.table == table.index]
        # The Quốc hiệu's column and those right of it are the right side; a cell merged
        # across columns (w:gridSpan) starts at its first grid column.
        split = layout.quoc_hieu.col or 1
        layout.left = [p for p in cells if (p.col or 1) < split]
        layout.right = [p for p in cells if (p.col or 1) >= split]
    right = layout.right or doc.paragraphs[:60]
    if layout.quoc_hieu is not None:
        after = [p for p in right if p.index > layout.quoc_hieu.index and p.text.strip()]
        layout.tieu_ngu = next((p for p in after[:2] if letters(p.text) == TIEU_NGU_KEY), None)
    if layout.tieu_ngu is not None:
        layout.tieu_ngu_rule = rule_after(layout, layout.tieu_ngu, right)
    # The date line is the right column's, under the Tiêu ngữ: in a header typed as lines,
    # one of the few lines after it (a Biên bản has none, and its "Thời gian: …, ngày …"
    # is body text).
    near = right if layout.header_table is not None else [
        p for p in right if p.text.strip() and (layout.tieu_ngu is None or p.index <=
                                                layout.tieu_ngu.index + 4)]
    layout.date_line = next((p for p in near if re.search(r"ngày\b", p.text)
                             and not re.match(r"^\s*Thời gian", p.text)
                             and (layout.tieu_ngu is None or p.index > layout.tieu_ngu.index)),
                            None)
    left = layout.left or doc.paragraphs[:60]
    layout.so_line = next((p for p in left if re.match(r"^\s*(Số|SỐ|số|No\.|Số hiệu)", p.text)),
                          None)
    layout.vv_line = next((p for p in left + doc.paragraphs[:60]
                           if re.match(r"^\s*V/v", p.text, flags=re.I)), None)
    if not layout.left and layout.quoc_hieu is not None and layout.quoc_hieu.table is None:
        _plain_left(layout)
    if layout.left:
        _issuer(layout)


def _plain_left(layout: Layout) -> None:
    """A header typed as plain lines, not a table: the body's names and the Số line are
    the lines around the Quốc hiệu (before it, or the Số line just after its block)."""
    doc = layout.doc
    assert layout.quoc_hieu is not None
    top = [p for p in doc.paragraphs[:layout.quoc_hieu.index] if p.table is None]
    if layout.so_line is not None and layout.so_line.index > layout.quoc_hieu.index:
        top.append(layout.so_line)
    layout.left = top
    layout.right = [p for p in doc.paragraphs if p.table is None and p not in top
                    and layout.quoc_hieu.index <= p.index
                    <= (layout.date_line.index if layout.date_line else layout.quoc_hieu.index)]


def _issuer(layout: Layout) -> None:
    stop = layout.so_line.index if layout.so_line else layout.left[-1].index + 1
    names = [p for p in layout.left
             if p.index < stop and p.text.strip() and not is_rule_paragraph(p)]
    if not names:
        return
    bold = [all(r.bold for r in p.runs if r.text.strip()) for p in names]
    suffix = len(names)
    while suffix > 0 and bold[suffix - 1]:
        suffix -= 1
    if suffix == len(names):  # no bold line at all: the last line is the issuer
        suffix = len(names) - 1
    elif suffix == 0 and len(names) > 1:  # all bold: a bold parent, or one wrapped name?
        starts = [i for i, p in enumerate(names) if i and p.text.strip().startswith(_ORG_WORDS)]
        suffix = starts[-1] if starts else 0
    layout.parent_lines, layout.issuer_lines = names[:suffix], names[suffix:]
    layout.issuer_rule = rule_after(layout, layout.issuer_lines[-1], layout.left)


def _title_block(layout: Layout) -> None:
    doc = layout.doc
    header_end = _last_index(layout)
    after_header = [p for p in doc.paragraphs
                    if p.table is None and p.text.strip() and p.index > header_end]
    for p in after_header[:3]:
        if is_type_name(p.text):
            layout.title = p
            break
    if layout.title is None:
        return
    body = [p for p in doc.paragraphs if p.table is None and p.index > layout.title.index]
    for p in body:
        if not _continues_trich_yeu(layout.title, p):
            break
        layout.trich_yeu.append(p)
        following = next((q for q in body if q.index > p.index and q.text.strip()), None)
        if len(layout.trich_yeu) == 3 or following is None or (
                (layout.title.align != "center" or p.align != layout.title.align)
                and not _bold_line(following)):
            break  # no centred layout to follow: one line of trích yếu, or bold lines
    if layout.trich_yeu:
        layout.trich_yeu_rule = rule_after(layout, layout.trich_yeu[-1], body)


def _continues_trich_yeu(title: Paragraph, p: Paragraph) -> bool:
    """A line right under the tên loại belongs to the trích yếu when it is aligned like the
    title, or bold (a trích yếu set justified or left is still a trích yếu, and is judged
    as one rather than as body text)."""
    text = p.text.strip()
    if not text or is_rule_paragraph(p) or text.startswith((*CAN_CU_STARTS, "Kính gửi")) \
            or _HEADING_LIKE.match(text) or re.match(r"^(Phần|Chương|Mục)\s+\w+$", text):
        return False  # the body's first heading, centred as some offices set it
    bold = [r.bold for r in p.runs if r.text.strip()]
    return p.align == title.align or (bool(bold) and all(bold))


def _bold_line(p: Paragraph) -> bool:
    """A bold line in lower case: a trích yếu's next line when the title is not centred
    (pandoc's, a plain paragraph in bold), not a decision's capitals authority line."""
    bold = [r.bold for r in p.runs if r.text.strip()]
    text = p.text.strip()
    return bool(bold) and all(bold) and text != text.upper() and not \
        _HEADING_LIKE.match(text) and len(text) < 120


def _last_index(layout: Layout) -> int:
    """The header's last paragraph: its table's, or a plain header's last line."""
    if layout.header_table:
        return max(p.index for p in layout.doc.paragraphs
                   if p.table == layout.header_table.index)
    parts = [p for p in (layout.quoc_hieu, layout.tieu_ngu, layout.date_line, layout.so_line,
                         *layout.left) if p is not None]
    return max((p.index for p in parts), default=-1)


def _profile(layout: Layout) -> mau.Profile:
    """The mẫu of the document: its tên loại's (a công văn's without one), made joint when
    its ký hiệu names several bodies after a joint type code (``KHLT-A-B``)."""
    kind = mau.by_title(layout.title.text) if layout.title is not None else None
    profile = kind.profile if kind is not None else (
        mau.MAU_1_5 if layout.vv_line is not None else mau.MAU_1_4)
    so = layout.so_line.text if layout.so_line is not None else ""
    ky_hieu = so.split("/", 1)[1].strip() if "/" in so else ""
    if ky_hieu and mau.type_code(ky_hieu)[1]:
        return profile.joint(len(ky_hieu.split("-")) - 1)
    return profile


def _signature(layout: Layout) -> None:
    """The Nơi nhận and the signature blocks: the blocks share a row with the Nơi nhận
    (Mẫu 1.4), or stand in a borderless table right above it (Mẫu 1.9, joint documents)."""
    doc = layout.doc
    label = next((p for p in doc.paragraphs if p.text.strip().startswith("Nơi nhận")), None)
    layout.noi_nhan_label = label
    if label is None:
        return
    if label.table is not None:
        layout.signature_table = doc.tables[label.table - 1]
        same_cell = [p for p in doc.paragraphs
                     if (p.table, p.row, p.col) == (label.table, label.row, label.col)]
        layout.noi_nhan_items = [p for p in same_cell if p.index > label.index and p.text.strip()]
        # A block above the Nơi nhận in its own cell (Nơi nhận under the blocks), then the
        # blocks of the other columns.
        above = [p for p in same_cell if p.index < label.index]
        beside = [p for p in doc.paragraphs if p.table == label.table
                  and p.row == label.row and p.col != label.col]
        layout.signatures = _columns(above + beside)
        return
    following = [p for p in doc.paragraphs if p.index > label.index]
    for p in following:
        if not p.text.strip().startswith("-"):
            break
        layout.noi_nhan_items.append(p)
    table = _table_above(doc, label)
    if table is not None:
        layout.signature_table = table
        layout.signatures = _columns([p for p in doc.paragraphs if p.table == table.index])


def _columns(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """``paragraphs`` of a table, one list per column, left to right, blocks without text
    left out (an empty spacing column)."""
    columns = sorted({p.col or 1 for p in paragraphs})
    blocks = [[p for p in paragraphs if (p.col or 1) == col] for col in columns]
    return [block for block in blocks if any(p.text.strip() for p in block)]


def _table_above(doc: Document, label: Paragraph) -> Table | None:
    """The borderless table that ends right above the Nơi nhận label (only empty
    paragraphs between): where a Biên bản or a joint document puts its signature blocks."""
    above = [p for p in doc.paragraphs if p.index < label.index]
    for p in reversed(above):
        if p.table is None:
            if p.text.strip():
                return None
            continue
        table = doc.tables[p.table - 1]
        return None if table.borders_visible else table
    return None


def _body(layout: Layout) -> None:
    doc = layout.doc
    start = max([p.index for p in (layout.trich_yeu_rule.paragraph if layout.trich_yeu_rule
                                   else None, *layout.trich_yeu, layout.title, layout.vv_line)
                 if p is not None] + [_last_index(layout)])
    end = (min(p.index for p in doc.paragraphs if p.table == layout.signature_table.index)
           if layout.signature_table else
           layout.noi_nhan_label.index if layout.noi_nhan_label else len(doc.paragraphs))
    content = [p for p in doc.paragraphs if start < p.index < end and p.table is None
               and p.text.strip() and not is_rule_paragraph(p)]
    kinh_gui = next((i for i, p in enumerate(content[:3]) if p.text.startswith("Kính gửi")),
                    None)
    if kinh_gui is not None:
        layout.kinh_gui = [content[kinh_gui]]
        for p in content[kinh_gui + 1:]:
            if not p.text.lstrip().startswith("-"):
                break
            layout.kinh_gui.append(p)
        content = content[kinh_gui + len(layout.kinh_gui):]
    layout.can_cu = _can_cu(content, layout.legal is not None)
    can_cu = {p.index for p in layout.can_cu}
    layout.body = [p for p in content if p.index not in can_cu]


ENACTS = re.compile(r"^[^.;]{2,160}\bban hành\b[^;]*\.$")
"""The line that closes a legal normative document's căn cứ: "Chính phủ ban hành Nghị định
về công tác văn thư." (Nghị định 34/2016/NĐ-CP, its Mẫu), set in italics with them."""


def _can_cu(content: list[Paragraph], legal: bool = False) -> list[Paragraph]:
    """The căn cứ, found by their words before the first heading: a misplaced line before
    them does not turn them into body text, and they end at the first other line (in a
    legal normative document, with the line that says who enacts it)."""
    found: list[Paragraph] = []
    for p in content:
        text = p.text.strip()
        if HEADING_START.match(text) or vn.leads_in(text):
            break
        if text.startswith(CAN_CU_STARTS):
            found.append(p)
        elif found:
            if legal and ENACTS.match(text):
                found.append(p)
            break
    return found


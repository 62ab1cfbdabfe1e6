"""The formatting rules of Nghị định 30/2020/NĐ-CP, kept once, as data.

Why: the renderer uses the *preferred* value of each rule and the checker uses the
*allowed range*, so both read the same numbers and cannot drift apart. Each value says
where it comes from, using the tags of ``docs/nd30.md``: [ND30] is the decree's text,
[MẪU] a value measured from the decree's own sample layouts (chosen where the decree
leaves a range or is silent), [PRACTICE] common practice.

This module is a leaf: it imports nothing from plangen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Range:
    """An allowed interval and the value plangen writes."""

    lo: float
    hi: float
    preferred: float

    def allows(self, value: float) -> bool:
        """True when ``value`` lies inside the interval (ends included)."""
        return self.lo <= value <= self.hi


def fixed(value: float) -> Range:
    """A rule that allows exactly one value."""
    return Range(value, value, value)


@dataclass(frozen=True)
class TextSpec:
    """How one component of the document is set: size, weight, slant, case, alignment."""

    size_pt: Range
    bold: bool = False
    italic: bool = False
    upper: bool = False
    align: Align = "center"
    ref: str = ""  # where Phụ lục I states it


# -- Page [ND30] Phụ lục I, Phần I, mục I.1–I.3 ------------------------------------------

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
# Margins: the decree gives ranges. plangen writes top 20, bottom 20, left 30, right 15 mm,
# the generator default of nd30.md §1 (all inside the ranges); it leaves a 16.5 cm text
# width, wide enough for the Mẫu 1.4 header table without reaching into the right margin.
MARGIN_TOP_MM = Range(20, 25, 20)
MARGIN_BOTTOM_MM = Range(20, 25, 20)
MARGIN_LEFT_MM = Range(30, 35, 30)
MARGIN_RIGHT_MM = Range(15, 20, 15)
HEADER_DISTANCE_MM = 10.0  # [MẪU] the decree's files use 10 mm

FONT_NAME = "Times New Roman"  # [ND30] I.4, in all four rFonts slots
LANGUAGE = "vi-VN"
TEXT_COLOR = "000000"  # [ND30] I.4: black text and rules

# -- Header [ND30] Phụ lục I, Phần II, mục 1–5 --------------------------------------------

QUOC_HIEU_TEXT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
QUOC_HIEU_VARIANTS = (QUOC_HIEU_TEXT, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
TIEU_NGU_TEXT = "Độc lập - Tự do - Hạnh phúc"

QUOC_HIEU = TextSpec(Range(12, 13, 13), bold=True, upper=True, ref="II.1.a")
TIEU_NGU = TextSpec(Range(13, 14, 14), bold=True, ref="II.1.b")  # 13/14 pairing is [MẪU]
CO_QUAN_CHU_QUAN = TextSpec(Range(12, 13, 13), upper=True, ref="II.2")
CO_QUAN_BAN_HANH = TextSpec(Range(12, 13, 13), bold=True, upper=True, ref="II.2")
SO_KY_HIEU = TextSpec(fixed(13), ref="II.3")
DIA_DANH_NGAY = TextSpec(Range(13, 14, 14), italic=True, ref="II.4")
TEN_LOAI = TextSpec(Range(13, 14, 14), bold=True, upper=True, ref="II.5.a")
TRICH_YEU = TextSpec(Range(13, 14, 14), bold=True, ref="II.5.a")
# A công văn's "V/v …" under its Số: lowercase, upright, not bold, 12–13 (Mẫu 1.5 uses 12).
TRICH_YEU_CONG_VAN = TextSpec(Range(12, 13, 12), align="center", ref="II.5.b")
# Quyết định (Mẫu 1.2): the authority that decides, and "QUYẾT ĐỊNH:", bold centred capitals.
THAM_QUYEN = TextSpec(Range(13, 14, 14), bold=True, upper=True, ref="PL III Mẫu 1.2")
QUYET_DINH_LABEL = TextSpec(Range(13, 14, 14), bold=True, upper=True, ref="PL III Mẫu 1.2")
QUYET_DINH_LABEL_TEXT = "QUYẾT ĐỊNH:"
DIEU_LABEL = "Điều {n}."  # bold, then the article's text upright (II.6.đ)
NHU_DIEU = "Như Điều {n}"  # the first Nơi nhận of a decision: those its last article names
KINH_GUI = TextSpec(Range(13, 14, 14), align="left", ref="II.9.a")

# Rules (lines) under header texts, as fractions of the text line above them.
TIEU_NGU_RULE = Range(0.85, 1.15, 1.0)  # [ND30] as long as the text; ±15 % for checking
NAME_RULE = Range(1 / 3, 1 / 2, 0.4)  # [ND30] 1/3–1/2 of the name line
TRICH_YEU_RULE = Range(1 / 3, 1 / 2, 0.4)  # [ND30] 1/3–1/2 of the trích yếu line
RULE_WEIGHT_EIGHTHS_PT = 6  # a 0.75 pt solid line: the weight of Word's default border

# Header table [MẪU 1.4 is 6.75 + 10.00 cm, indented −0.35 cm]. ND30 gives no widths.
# plangen keeps the mẫu's shape but sizes the columns to the text: 17.0 cm in all (up to
# 17.5 cm for long names and places), its right edge on the right margin; the right
# column is never narrower than the Quốc hiệu or the date at 13 pt need, the left never
# narrower than 6.0 cm.
HEADER_TOTAL_CM = 17.0
HEADER_TOTAL_MAX_CM = 17.5  # a real school's template measured 17.25–17.5 cm [PRACTICE]
HEADER_LEFT_MIN_CM = 6.0
HEADER_RIGHT_MAX_CM = 10.5  # [MẪU] right columns measure 9.5–10.5 cm
CELL_PADDING_CM = 0.19  # Word's default left/right cell margin (108 twips)

# -- Body [ND30] II.6 -------------------------------------------------------------------

BODY = TextSpec(Range(13, 14, 14), align="justify", ref="II.6")
CAN_CU = TextSpec(Range(13, 14, 14), italic=True, align="justify", ref="II.6.a")
FIRST_LINE_INDENT_CM = (1.0, 1.27)  # [ND30] exactly one of these
FIRST_LINE_INDENT_PREFERRED_CM = 1.0  # [MẪU]
SPACE_BETWEEN_PARAGRAPHS_MIN_PT = 6.0  # [ND30] at least 6 pt
SPACE_BEFORE_PT = 6.0  # [MẪU] 6 pt before, 0 after
LINE_SPACING = Range(1.0, 1.5, 1.0)  # [ND30] single to 1.5 lines; [MẪU] single
END_MARK = "./."  # [MẪU] every sample ends its content with ./.
DRAFT_MARK_TEXT = "DỰ THẢO"  # [PRACTICE] boxed at the top right of page 1 of a draft
DRAFT_STATUS = "Dự thảo"  # a draft's status among its file properties (cp:contentStatus)

# Heading levels of a Kế hoạch / Báo cáo: mục I. / khoản 1. / điểm a) / - / +
HEADING_MUC = TextSpec(Range(13, 14, 14), bold=True, upper=True, align="justify", ref="II.6.đ")
HEADING_KHOAN = TextSpec(Range(13, 14, 14), bold=True, align="justify", ref="II.6.đ")
HEADING_DIEM = TextSpec(Range(13, 14, 14), align="justify", ref="II.6.đ")
SECTION_DEPTH = 5  # I. → 1. → a) → - → +
NUMBERING = {"roman": ("muc", "khoan", "diem", "gach", "cong"),
             "arabic": ("khoan", "diem", "gach", "cong"),
             "decimal": ("khoan", "khoan_2", "khoan_3")}
"""The levels of a body's headings (II.6.đ): a body with large parts numbers them I., then
khoản 1., then điểm a), then "-" and "+" [PRACTICE]; a body without large parts starts at
khoản 1. "decimal" (1. → 1.1. → 1.1.1.) is what many offices write; NĐ30 does not define
it, and the checker warns of it (C28)."""
# Phần, Chương, Mục of a regulation: the word and number, then the title in capitals, each
# on a line of its own, centred and bold (II.6.đ).
DIVISION_LABEL = TextSpec(Range(13, 14, 14), bold=True, ref="II.6.đ")
DIVISION_TITLE = TextSpec(Range(13, 14, 14), bold=True, upper=True, ref="II.6.đ")
# [UNVERIFIED] NĐ30 gives no size for footnotes; 12 pt is the size its samples give the
# smallest text of a page (Nơi nhận), so a note reads as secondary but stays legible.
FOOTNOTE_PT = 12.0
BULLET_MARKS = ("-", "+")  # [PRACTICE] levels below điểm

# -- Signer block and Nơi nhận [ND30] II.7, II.9.b ----------------------------------------

AUTHORITY_PREFIXES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")
CHUC_VU = TextSpec(Range(13, 14, 14), bold=True, upper=True, ref="II.7.a")
HO_TEN = TextSpec(Range(13, 14, 14), bold=True, ref="II.7.b")
SIGNATURE_SPACE_LINES = 4  # [PRACTICE] 3–5 empty lines for signature and seal
NOI_NHAN_LABEL = TextSpec(fixed(12), bold=True, italic=True, align="left", ref="II.9.b")
NOI_NHAN_ITEM = TextSpec(fixed(11), align="left", ref="II.9.b")
NOI_NHAN_LABEL_TEXT = "Nơi nhận:"
ARCHIVE_PREFIX = "Lưu: VT"
SIGN_LEFT_CM = 6.0  # [MẪU] 5.1–6.9 cm
SIGN_RIGHT_CM = 10.5  # [MẪU] 9.5–11.1 cm

# -- Page numbers [ND30] I.7 -------------------------------------------------------------

PAGE_NUMBER = TextSpec(Range(13, 14, 14), ref="I.7")  # top centre, hidden on page 1

# -- Phụ lục [ND30] PL I, III.1; Mẫu 2.1 ------------------------------------------------------

PHU_LUC_LABEL = TextSpec(fixed(14), bold=True, ref="III.1")
PHU_LUC_TITLE = TextSpec(Range(13, 14, 14), bold=True, upper=True, ref="III.1")
PHU_LUC_KEM_THEO = TextSpec(Range(13, 14, 14), italic=True, ref="III.1")
PHU_LUC_RULE_CM = 1.8  # [MẪU] a short rule of 1.5–2 cm under the "(Kèm theo …)" line

ACADEMIC_TITLES = ("GS.", "PGS.", "TS.", "ThS.", "BS.", "KS.", "CN.", "NGƯT", "NGND")

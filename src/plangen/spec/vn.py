"""Vietnamese administrative writing: dates, numbers, letters, case.

Why: these forms follow rules that generic libraries get wrong (the leading zero of
NĐ30 dates, the Vietnamese điểm letters that skip f/j/w/z and add đ). Every function is
pure and is also offered as a Jinja filter in plan text.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date, datetime

# Điểm letters follow the Vietnamese alphabet: no f, j, w, z; đ after d. [PRACTICE]
DIEM_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p",
                "q", "r", "s", "t", "u", "v", "x", "y")

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def nfc(text: str) -> str:
    """Composed (NFC) form: TCVN 6909 text, searchable and shaped right by every font."""
    return unicodedata.normalize("NFC", text)


def day_text(day: int) -> str:
    """Day of month as NĐ30 writes it: 1–9 get a leading zero."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Month as NĐ30 writes it: January and February get a leading zero, 3–12 none."""
    return f"{month:02d}" if month < 3 else str(month)


def ngay(d: date) -> str:
    """``ngày 05 tháng 02 năm 2024``: the long date of NĐ30 (Phụ lục I, II.4)."""
    return f"ngày {day_text(d.day)} tháng {month_text(d.month)} năm {d.year}"


WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def thu(d: date) -> str:
    """``thứ Sáu``: the day of the week as a letter of invitation writes it."""
    return WEEKDAYS[d.weekday()]


def gio(t: datetime) -> str:
    """``08 giờ 30``: a time of day as documents write it."""
    return f"{t.hour:02d} giờ {t.minute:02d}"


def luc(t: datetime, weekday: bool = False) -> str:
    """``14 giờ 00, ngày 10 tháng 12 năm 2025`` (with ``weekday``: ``…, thứ Tư, ngày …``)."""
    day = f"{thu(t.date())}, {ngay(t.date())}" if weekday else ngay(t.date())
    return f"{gio(t)}, {day}"


def ngay_ngan(d: date) -> str:
    """``25/8/2023``, ``05/02/2024``: the short date, with the same leading-zero rule."""
    return f"{day_text(d.day)}/{month_text(d.month)}/{d.year}"


DOTS = "……"
"""A number another document leaves for its văn thư to write: "Kế hoạch số ……/KH-…"."""
DOTTED_NGAY = "ngày …… tháng …… năm ……"
"""A date another document leaves for its văn thư to write."""
BLANK_DATE_PART = "\u00a0" * 6  # room for the văn thư to write a day, month or year


def dia_danh_ngay(place: str, d: date | None) -> str:
    """The place-and-date line: ``Hà Nội, ngày 05 tháng 3 năm 2020``; without a date,
    room for the văn thư to write it when the document is issued."""
    if d is None:
        blank = BLANK_DATE_PART
        return f"{place}, ngày{blank}tháng{blank}năm{blank}"
    return f"{place}, {ngay(d)}"


def hai_so(n: int) -> str:
    """Counts 1–9 with a leading zero, as plans write them (``02 đợt``, ``01 mô hình``)."""
    return f"{n:02d}" if n else "0"


def la_ma(n: int) -> str:
    """Roman numeral for mục and Phụ lục numbers (1 → I, 4 → IV)."""
    if not 0 < n < 4000:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def chu_cai(n: int) -> str:
    """The n-th điểm letter, counting from 1: 1 → a, 5 → đ, 6 → e, 7 → g."""
    if not 0 < n <= len(DIEM_LETTERS):
        raise ValueError(f"no điểm letter for {n} (there are {len(DIEM_LETTERS)})")
    return DIEM_LETTERS[n - 1]


def upper(text: str) -> str:
    """Capitals that stay NFC (``đ`` → ``Đ``, ``ữ`` → ``Ữ``)."""
    return nfc(nfc(text).upper())


def giai_doan(start_year: int, end_year: int) -> str:
    """A period of years as the seed writes it: ``2023 - 2025`` (hyphen, not a dash)."""
    return str(start_year) if start_year == end_year else f"{start_year} - {end_year}"


def ky_hieu(kind: str, issuer_abbreviation: str) -> str:
    """Ký hiệu of a document with a type name: ``KH-THPTNT`` (Phụ lục I, II.3)."""
    return f"{kind}-{issuer_abbreviation}"


BLANK_NUMBER = "\u00a0" * 7  # room for the văn thư to write the number by hand [MẪU]


def so_ky_hieu(number: int | None, kind: str, issuer_abbreviation: str) -> str:
    """``Số: 05/KH-THPTNT``; without a number, blank room before the slash."""
    return so_ky_hieu_of(number, ky_hieu(kind, issuer_abbreviation))


def so_ky_hieu_of(number: int | None, ky_hieu_text: str) -> str:
    """``Số: 05/`` and a ký hiệu (``KH-THPTNT``, or a công văn's ``THPTNT-VP``)."""
    shown = BLANK_NUMBER if number is None else hai_so(number)
    return f"Số: {shown}/{ky_hieu_text}"


def phan_tram(value: float) -> str:
    """A percentage as Vietnamese text writes it: ``100%``, ``12,5%`` (decimal comma)."""
    return f"{so(value)}%"


def so(value: float) -> str:
    """A number with Vietnamese separators: ``1.234``, ``12,5``."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = f"{value:,.2f}".rstrip("0").partition(".")
    return f"{whole.replace(',', '.')},{frac}"


def cap(text: str, limit: int = 255) -> str:
    """``text`` cut to ``limit`` characters with "…" (DOCX core properties hold 255)."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def slug(text: str) -> str:
    """``Kế hoạch`` → ``ke-hoach``: a file name that any system and any văn thư can type."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() and c.isascii() else " " for c in ascii_only).split())


_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
             *(f"lpt{i}" for i in range(1, 10))}


def safe_file_name(text: str, max_length: int = 80) -> str:
    """A file or folder name made from data: ASCII letters, digits and "-", never empty,
    never a Windows device name, at most ``max_length`` characters, the same for the same
    text. It cannot hold "/" or "..", so it stays inside the output folder."""
    name = slug(text) or "khong-ten"
    if name in _RESERVED:
        name = f"{name}-tep"
    if len(name) > max_length:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        name = f"{name[:max_length - 9].rstrip('-')}-{digest}"
    return name


def leads_in(paragraph: str) -> bool:
    """A sentence that cites its basis and leads into the content ("Căn cứ Kế hoạch số …,
    Trường … xây dựng kế hoạch như sau:"): the first paragraph of a body, as offices write
    it, not a căn cứ of NĐ30's list (which ends with ";" or ".")."""
    text = paragraph.strip()
    return text.endswith(":") and text.count("Căn cứ") == 1

"""The Sổ đăng ký văn bản đi (NĐ30 Phụ lục IV, I): one row per issued document, read from
the manifests of builds, written to or added to an .xlsx workbook.

Why: the văn thư keeps this register by hand today and types each document into it a
second time. The ten columns are the decree's, in its order and wording; columns 7–10
(copies, date sent, signature of receipt, notes) are the văn thư's to fill on paper or in
Excel, so a row once written is never touched again: a second run adds only documents the
register does not have. One sheet per year, as numbering restarts each year; a number and
ký hiệu used twice in a year is reported (Phụ lục VI, Phần I, III.1.h).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from plangen.errors import UserError
from plangen.messages import Lang, message
from plangen.outgoing.metadata import kept_copy, outgoing_metadata, recipients
from plangen.render.docx.package import zip_entries
from plangen.spec import nd30

MANIFEST = "manifest.json"
TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
COLUMNS = ("Số, ký hiệu văn bản", "Ngày tháng văn bản",
           "Tên loại và trích yếu nội dung văn bản", "Người ký", "Nơi nhận văn bản",
           "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú")
"""NĐ30 Phụ lục IV, I.2: the ten columns, in the decree's order and wording."""
WIDTHS = (13, 11, 36, 17, 27, 13, 8, 10, 8, 10)
"""Column widths (characters): the decree's proportions, widened for the trích yếu and
the recipients, which are the long texts; 153 characters fill the width of A4 landscape
between 1.5 cm margins at 94 % (printing is fitted to the width in any case)."""
SIDE_MARGIN_CM, TOP_MARGIN_CM, CM_PER_INCH = 1.5, 2.0, 2.54
LINE_PT = 15.0  # the height of a line of 12 pt Times New Roman in a cell, with leading
CHARS_PER_WIDTH = 1.25  # characters of 12 pt Times New Roman a unit of column width holds
ORGAN_ROW, TITLE_ROW, YEAR_ROW, HEADER_ROW, NUMBER_ROW, FIRST_ROW = 1, 2, 3, 5, 6, 7
DATE_FORMAT = "DD/MM/YYYY"
SIZE = 12  # pt
CONG_VAN = "Công văn"
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Row:
    """One issued document as the register records it (columns 1–7)."""

    so_ky_hieu: str
    ngay: date
    ten_loai_trich_yeu: str
    nguoi_ky: str
    noi_nhan: str
    luu: str
    so_luong: int | None
    organ: str

    @property
    def identity(self) -> tuple[str, str, str]:
        """What makes a row the same document: its number, date and title, as written."""
        return identity(self.so_ky_hieu, self.ngay, self.ten_loai_trich_yeu)

    def cells(self) -> tuple[str | date | int | None, ...]:
        """Its ten cells (8–10 empty: the văn thư's)."""
        return (self.so_ky_hieu, self.ngay, self.ten_loai_trich_yeu, self.nguoi_ky,
                self.noi_nhan, self.luu, self.so_luong, None, None, None)


def identity(so_ky_hieu: object, day: object, title: object) -> tuple[str, str, str]:
    """A row's identity from its first three cells, whitespace and date types aside."""
    when = _day(day).isoformat() if isinstance(day, date) else _text(day)
    return _text(so_ky_hieu), when, _text(title)


def _day(value: date) -> date:
    """A cell's date: Excel keeps a date as a moment, openpyxl reads it as a datetime."""
    return value.date() if isinstance(value, datetime) else value


def _text(value: object) -> str:
    return _SPACES.sub(" ", "" if value is None else str(value)).strip()


@dataclass
class Found:
    """What the output folders give: the rows to register and notes on what they left out."""

    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def manifests(folders: Iterable[Path], lang: Lang) -> list[Path]:
    """The manifest of each folder, or of each plan folder inside it (``output/``, where
    ``make documents`` writes every plan)."""
    found: list[Path] = []
    for folder in folders:
        if (folder / MANIFEST).is_file():
            found.append(folder / MANIFEST)
            continue
        inside = sorted(p for p in folder.glob(f"*/{MANIFEST}")) if folder.is_dir() else []
        if not inside:
            raise UserError([message("register_no_manifest", lang, path=folder)])
        found += inside
    return found


def read_rows(folders: Iterable[Path], lang: Lang) -> Found:
    """The rows of the issued documents the builds in ``folders`` made: not a draft, with
    a number and a date (the others are named in ``notes``)."""
    found = Found()
    for path in manifests(folders, lang):
        data = _manifest(path, lang)
        if data.get("du_thao"):
            found.notes.append(message("register_draft", lang, path=path.parent))
            continue
        for entry in data.get("documents", []):
            if isinstance(entry, dict) and "so_ky_hieu" in entry:
                row = _row(entry, path.parent, found.notes, lang)
                if row is not None:
                    found.rows.append(row)
    return found


def _manifest(path: Path, lang: Lang) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise UserError([message("register_unreadable", lang, path=path,
                                 reason=getattr(err, "strerror", None) or err)]) from None
    if not isinstance(data, dict):
        raise UserError([message("register_unreadable", lang, path=path, reason="JSON")])
    return data


def _row(entry: Mapping[str, Any], folder: Path, notes: list[str], lang: Lang) -> Row | None:
    meta = entry.get("metadata") or outgoing_metadata(entry, organ="", pages=None,
                                                      draft=False)
    where = folder / str(entry.get("file", ""))
    if not meta["CodeNumber"]:
        notes.append(message("register_unnumbered", lang, path=where))
        return None
    try:
        day = date.fromisoformat(str(meta["IssuedDate"]))
    except ValueError:  # none yet (or a manifest edited by hand)
        notes.append(message("register_undated", lang, path=where))
        return None
    kind, subject = meta["TypeName"] or "", meta["Subject"] or ""
    title = f"{kind} V/v {subject}" if kind == CONG_VAN else f"{kind} {subject}".strip()
    return Row(so_ky_hieu=str(entry["so_ky_hieu"]), ngay=day, ten_loai_trich_yeu=title,
               nguoi_ky=str(meta["SignerInfo"]["FullName"] or ""),
               noi_nhan="; ".join(recipients(entry)), luu=kept_copy(entry) or "",
               so_luong=meta["IssuedAmount"], organ=str(meta["OrganName"] or ""))


@dataclass
class Outcome:
    """What a run did to the register: rows added, rows it had already, and each number
    and ký hiệu it now holds twice in a year."""

    added: int = 0
    already: int = 0
    twice: list[str] = field(default_factory=list)


def sheet_name(year: int) -> str:
    return f"Năm {year}"


def extend(workbook: Workbook, rows: Sequence[Row], lang: Lang) -> Outcome:
    """Add to ``workbook`` each of ``rows`` its year's sheet does not hold yet, in order of
    date and number; report the numbers held twice."""
    outcome = Outcome()
    years = sorted({row.ngay.year for row in rows})
    for year in years:
        name = sheet_name(year)
        sheet = (_checked(workbook[name], lang) if name in workbook.sheetnames
                 else _new_sheet(workbook, year, rows))
        held = {identity(*(sheet.cell(r, c).value for c in (1, 2, 3)))
                for r in range(FIRST_ROW, sheet.max_row + 1)}
        for row in sorted((r for r in rows if r.ngay.year == year), key=_order):
            if row.identity in held:
                outcome.already += 1
                continue
            held.add(row.identity)
            _append(sheet, row)
            outcome.added += 1
    for sheet in workbook.worksheets:
        outcome.twice += _twice(sheet, lang)
    return outcome


def _order(row: Row) -> tuple[date, int, str]:
    number = row.so_ky_hieu.partition("/")[0]
    return row.ngay, int(number) if number.isdigit() else 0, row.so_ky_hieu


def _checked(sheet: Worksheet, lang: Lang) -> Worksheet:
    """An existing year sheet, refused when its title row is not the decree's columns (a
    workbook that is not a register must not be written into)."""
    header = tuple(_text(sheet.cell(HEADER_ROW, c).value) for c in range(1, len(COLUMNS) + 1))
    if header != COLUMNS:
        raise UserError([message("register_not_a_register", lang, sheet=sheet.title,
                                 row=HEADER_ROW)])
    return sheet


def _new_sheet(workbook: Workbook, year: int, rows: Sequence[Row]) -> Worksheet:
    """A year's sheet as the decree's register opens: the office, the title, the year, the
    ten column titles and their numbers (1)–(10); set to print on A4 landscape."""
    position = sum(1 for name in workbook.sheetnames if name < sheet_name(year))
    sheet: Worksheet = workbook.create_sheet(sheet_name(year), position)
    organs = dict.fromkeys(r.organ for r in rows if r.ngay.year == year and r.organ)
    last = get_column_letter(len(COLUMNS))
    for row, text, font in ((ORGAN_ROW, "; ".join(organs).upper(), Font(bold=True)),
                            (TITLE_ROW, TITLE, Font(bold=True, size=SIZE + 2)),
                            (YEAR_ROW, f"Năm: {year}", Font(italic=True))):
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row, 1, text)
        cell.font = _font(font)
        cell.alignment = Alignment(horizontal="center")
    sheet.row_dimensions[HEADER_ROW].height = row_height(COLUMNS)
    for column, (title, width) in enumerate(zip(COLUMNS, WIDTHS, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        for row, value, bold in ((HEADER_ROW, title, True),
                                 (NUMBER_ROW, f"({column})", False)):
            cell = sheet.cell(row, column, value)
            cell.font = _font(Font(bold=bold))
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = _BOX
    _print_setup(sheet)
    return sheet


def _font(font: Font) -> Font:
    return Font(name=nd30.FONT_NAME, size=font.size or SIZE, bold=font.bold,
                italic=font.italic)


def _print_setup(sheet: Worksheet) -> None:
    """A4 landscape, fitted to the page width, the column titles repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{HEADER_ROW}:{NUMBER_ROW}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = SIDE_MARGIN_CM / CM_PER_INCH
    sheet.page_margins.top = sheet.page_margins.bottom = TOP_MARGIN_CM / CM_PER_INCH
    sheet.freeze_panes = f"A{FIRST_ROW}"


def _append(sheet: Worksheet, row: Row) -> None:
    at = max(FIRST_ROW, _last_used_row(sheet) + 1)
    for column, value in enumerate(row.cells(), start=1):
        cell = sheet.cell(at, column, value)
        cell.font = _font(Font())
        cell.border = _BOX
        cell.alignment = Alignment(vertical="top", wrap_text=True,
                                   horizontal="center" if column in (1, 2, 7) else None)
        if column == 2:
            cell.number_format = DATE_FORMAT
    sheet.row_dimensions[at].height = row_height(row.cells())


def row_height(cells: Sequence[object]) -> float:
    """The height (pt) a row of ``cells`` needs, their texts wrapped in their columns:
    written in the file, as neither Excel nor LibreOffice sizes a row when it prints it."""
    lines = 1
    for value, width in zip(cells, WIDTHS, strict=True):
        if isinstance(value, str):
            lines = max(lines, wrapped_lines(value, int(width * CHARS_PER_WIDTH)))
    return lines * LINE_PT + 3


def wrapped_lines(text: str, per_line: int) -> int:
    """How many lines ``text`` takes wrapped at word boundaries, ``per_line`` characters a
    line (a word longer than a line takes the lines it needs)."""
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > per_line:
                lines += 1
                used = 0
            extra = max(0, len(word) - 1) // max(1, per_line)
            lines += extra
            used = (used + 1 if used else 0) + len(word) - extra * per_line
    return lines


def _last_used_row(sheet: Worksheet) -> int:
    """The last row below the titles with something in it (Excel may keep formatted empty
    rows at the end)."""
    for row in range(sheet.max_row, FIRST_ROW - 1, -1):
        if any(sheet.cell(row, c).value not in (None, "") for c in range(1, len(COLUMNS) + 1)):
            return row
    return FIRST_ROW - 1


def _twice(sheet: Worksheet, lang: Lang) -> list[str]:
    """A warning for each number and ký hiệu on more than one row of a year's sheet."""
    rows: dict[str, list[int]] = {}
    for row in range(FIRST_ROW, sheet.max_row + 1):
        number = _text(sheet.cell(row, 1).value)
        if number:
            rows.setdefault(number.casefold(), []).append(row)
    return [message("register_twice", lang, number=_text(sheet.cell(at[0], 1).value),
                    sheet=sheet.title, rows=", ".join(map(str, at)))
            for at in rows.values() if len(at) > 1]


def open_register(path: Path, lang: Lang) -> Workbook:
    """The register at ``path``, or a new empty workbook when there is none yet."""
    if not path.exists():
        workbook = Workbook()
        for sheet in list(workbook.worksheets):  # the empty "Sheet" a new workbook has
            workbook.remove(sheet)
        return workbook
    try:
        return load_workbook(path)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise UserError([message("register_unreadable", lang, path=path,
                                 reason=getattr(err, "strerror", None) or err)]) from None


def register_bytes(workbook: Workbook) -> bytes:
    """The workbook's bytes, the same for the same rows: its dates are the latest document
    date it holds, not the clock, and its zip entries carry fixed times."""
    days = [_day(cell.value) for sheet in workbook.worksheets
            for (cell,) in sheet.iter_rows(min_row=FIRST_ROW, min_col=2, max_col=2)
            if isinstance(cell.value, date)]
    stamp = datetime.combine(max(days, default=date(1980, 1, 1)), datetime.min.time())
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.creator = workbook.properties.lastModifiedBy = "plangen"
    raw = io.BytesIO()
    workbook.save(raw)
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as package:
        entries = {name: package.read(name) for name in package.namelist()}
    return zip_entries(entries)


"""Make the corpus's Word files from ``texts.py``, each three ways, as offices make them:

- ``*.lo.docx``: typed as plain text (the header's two columns and the signer typed with
  spaces, a text pasted from a PDF hard-wrapped), opened and saved as DOCX by LibreOffice;
- ``*.pandoc.docx``: written as Markdown and converted by pandoc (its lists are Word's
  numbering, its line breaks Shift+Enter);
- ``*.word.docx``: typed in Word with direct formatting (python-docx): the header and the
  signer in borderless tables whose lines are broken with Shift+Enter, the recipients one
  paragraph of Shift+Enter lines.

Run it from the repository's root (``.venv/bin/python tests/data/corpus/make.py``) after
changing a text; the files are kept in git, as LibreOffice's output is not reproducible
byte for byte.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).parent))
from texts import TEXTS, Text

HERE = Path(__file__).parent
WIDE = 44  # the column where an office's typed right column starts


def _joined(lines: tuple[str, ...]) -> list[str]:
    """Body lines with the hard-wrapped ones ("~") as lines of their own."""
    return [line.lstrip("#~") for line in lines]


# -- typed as text, saved by LibreOffice ------------------------------------------------------


def typed(text: Text) -> str:
    """The document as typed in a plain editor: columns apart with spaces."""
    left = list(text.left) + list(text.vv)
    right = list(text.right)
    rows = max(len(left), len(right))
    lines = []
    for i in range(rows):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        lines.append(f"{a:<{WIDE}}{b}".rstrip() if a else " " * WIDE + b)
    lines.append("")
    lines += [" " * 20 + line for line in text.title]
    lines.append("")
    if text.kinh_gui:
        lines.append(" " * 14 + "Kính gửi: " + text.kinh_gui[0])
        lines.append("")
    for line in text.body:
        lines.append(line.lstrip("#~"))
    lines.append("")
    if text.left_signer:
        lines.append(f"{text.left_signer[0]:<{WIDE}}{text.signer[0]}")
        lines += ["", "", ""]
        lines.append(f"{text.left_name:<{WIDE}}{text.name}")
        lines.append("")
        lines.append("Nơi nhận:")
        lines += list(text.noi_nhan)
        return "\n".join(lines) + "\n"
    signer = [*text.signer, "", "", "", text.name]
    recipients = ["Nơi nhận:", *text.noi_nhan]
    for i in range(max(len(signer), len(recipients))):
        a = recipients[i] if i < len(recipients) else ""
        b = signer[i] if i < len(signer) else ""
        lines.append(f"{a:<{WIDE}}{b}".rstrip() if b else a)
    return "\n".join(lines) + "\n"


def libreoffice(text: Text, target: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"{text.key}.txt"
        source.write_text(typed(text), encoding="utf-8")
        subprocess.run(["soffice", f"-env:UserInstallation={(Path(work) / 'p').as_uri()}",
                        "--headless", "--infilter=Text (encoded):UTF8,LF,Times New Roman,vi",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", work,
                        str(source)], check=True, capture_output=True, timeout=180)
        shutil.copyfile(Path(work) / f"{text.key}.docx", target)


# -- Markdown through pandoc --------------------------------------------------------------------


def markdown(text: Text) -> str:
    """The document as Markdown: each header line a paragraph, headings bold, wrapped lines
    as hard line breaks."""
    out = [*(f"**{line}**" if i == len(text.left) - 2 or (len(text.left) < 3 and i == 0)
             else line for i, line in enumerate(text.left))]
    out += [f"*{line}*" if "ngày" in line else f"**{line}**" for line in text.right]
    out += list(text.vv)
    out += [f"**{line}**" for line in text.title]
    if text.kinh_gui:
        out.append(f"Kính gửi: {text.kinh_gui[0]}")
    body: list[str] = []
    for line in text.body:
        if line.startswith("~"):
            body[-1] += "\\\n" + line[1:]
        elif line.startswith("#"):
            body.append(f"**{line[1:]}**")
        else:
            body.append(line)
    out += body
    if text.left_signer:
        out += [f"**{text.left_signer[0]}**", f"**{text.left_name}**"]
        out += [f"**{text.signer[0]}**", f"**{text.name}**"]
    out.append("***Nơi nhận:***")
    out.append("\n".join(text.noi_nhan))
    if not text.left_signer:
        out += [f"**{line}**" for line in text.signer] + [f"**{text.name}**"]
    return "\n\n".join(out) + "\n"


def pandoc(text: Text, target: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "source.md"
        source.write_text(markdown(text), encoding="utf-8")
        subprocess.run(["pandoc", str(source), "-o", str(target)], check=True, timeout=120)


# -- typed in Word ----------------------------------------------------------------------------


def _run(paragraph: object, text: str, size: float, bold: bool = False,
         italic: bool = False) -> None:
    run = paragraph.add_run(text)  # type: ignore[attr-defined]
    run.font.name, run.font.size, run.bold, run.italic = "Times New Roman", Pt(size), bold, \
        italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:eastAsia", "w:cs"):
        fonts.set(qn(slot), "Times New Roman")


def _lines(paragraph: object, lines: list[tuple[str, bool, bool]], size: float) -> None:
    """Lines in one paragraph, broken with Shift+Enter."""
    for i, (line, bold, italic) in enumerate(lines):
        if i:
            paragraph.add_run().add_break(WD_BREAK.LINE)  # type: ignore[attr-defined]
        if line:
            _run(paragraph, line, size, bold, italic)


def _borderless(table: object) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)  # type: ignore[attr-defined]


def _a4() -> Any:
    """An empty A4 document with the margins offices type on."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    return document


def word(text: Text, target: Path) -> None:
    document = _a4()
    header = document.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borderless(header)
    left, right = header.cell(0, 0).paragraphs[0], header.cell(0, 1).paragraphs[0]
    left.alignment = right.alignment = WD_ALIGN_PARAGRAPH.CENTER
    names = list(text.left[:-1]) if text.left[-1].startswith("Số") else list(text.left)
    lines = [(n, i == len(names) - 1, False) for i, n in enumerate(names)]
    if text.left[-1].startswith("Số"):
        lines.append((text.left[-1], False, False))
    lines += [(v, False, False) for v in text.vv]
    _lines(left, lines, 13)
    _lines(right, [(line, "ngày" not in line, "ngày" in line) for line in text.right], 13)
    for i, line in enumerate(text.title):
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, line, 14, bold=True)
        if i == 0 and len(text.title) > 2:  # the trích yếu's lines in one paragraph
            p = document.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _lines(p, [(x, True, False) for x in text.title[1:]], 14)
            break
    if text.kinh_gui:
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, f"Kính gửi: {text.kinh_gui[0]}", 14)
    current = None
    for line in text.body:
        if line.startswith("~") and current is not None:
            current.add_run().add_break(WD_BREAK.LINE)
            _run(current, line[1:], 14)
            continue
        current = document.add_paragraph()
        current.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        current.paragraph_format.first_line_indent = Cm(1)
        current.paragraph_format.space_after = Pt(6)
        heading = line.startswith("#")
        if heading and line[1:] == line[1:].upper():
            current.alignment = WD_ALIGN_PARAGRAPH.CENTER
            current.paragraph_format.first_line_indent = Cm(0)
        _run(current, line.lstrip("#"), 14, bold=heading, italic=line.startswith("Căn cứ"))
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    l_cell, r_cell = table.cell(0, 0).paragraphs[0], table.cell(0, 1).paragraphs[0]
    r_cell.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text.left_signer:
        l_cell.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _lines(l_cell, [(text.left_signer[0], True, False), ("", False, False),
                        ("", False, False), ("", False, False), (text.left_name, True, False)],
               14)
        _lines(r_cell, [(text.signer[0], True, False), ("", False, False),
                        ("", False, False), ("", False, False), (text.name, True, False)], 14)
        p = document.add_paragraph()
        _run(p, "Nơi nhận:", 12, bold=True, italic=True)
        p = document.add_paragraph()
        _lines(p, [(x, False, False) for x in text.noi_nhan], 11)
    else:
        _run(l_cell, "Nơi nhận:", 12, bold=True, italic=True)
        p = table.cell(0, 0).add_paragraph()
        _lines(p, [(x, False, False) for x in text.noi_nhan], 11)
        _lines(r_cell, [*((x, True, False) for x in text.signer), ("", False, False),
                        ("", False, False), ("", False, False), (text.name, True, False)], 14)
    document.core_properties.author = ""
    document.save(str(target))


def main() -> None:
    for text in TEXTS:
        libreoffice(text, HERE / f"{text.key}.lo.docx")
        pandoc(text, HERE / f"{text.key}.pandoc.docx")
        word(text, HERE / f"{text.key}.word.docx")
        print(text.key)




# -- the decree itself -----------------------------------------------------------------------

DECREE_RECIPIENTS = (
    "- Ban Bí thư Trung ương Đảng;", "- Thủ tướng, các Phó Thủ tướng Chính phủ;",
    "- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;", "- HĐND, UBND các tỉnh,",
    "thành phố trực thuộc trung ương;", "- Văn phòng Trung ương và các Ban của Đảng;",
    "- Văn phòng Tổng Bí thư;", "- Văn phòng Chủ tịch nước;",
    "- Hội đồng dân tộc và các Ủy ban của Quốc hội;", "- Văn phòng Quốc hội;",
    "- Tòa án nhân dân tối cao;", "- Viện kiểm sát nhân dân tối cao;", "- Kiểm toán nhà nước;",
    "- Ủy ban trung ương Mặt trận Tổ quốc Việt Nam;", "- Cơ quan trung ương của các đoàn thể;",
    "- VPCP: BTCN, các PCN, Trợ lý TTg,", "TGĐ Cổng TTĐT, các Vụ, Cục, đơn vị trực thuộc,",
    "Công báo;", "- Lưu: VT, TCCV (2b).")
DECREE_BODY = (
    ("c", "Chương I"), ("c", "QUY ĐỊNH CHUNG"),
    ("h", "Điều 1. Phạm vi điều chỉnh"),
    ("p", "Nghị định này quy định về công tác văn thư và quản lý nhà nước về công tác văn "
          "thư. Công tác văn thư được quy định tại Nghị định này bao gồm: Soạn thảo, ký ban "
          "hành văn bản; quản lý văn bản; lập hồ sơ và nộp lưu hồ sơ, tài liệu vào Lưu trữ cơ "
          "quan; quản lý và sử dụng con dấu, thiết bị lưu khóa bí mật trong công tác văn thư."),
    ("h", "Điều 2. Đối tượng áp dụng"),
    ("p", "1. Nghị định này áp dụng đối với cơ quan, tổ chức nhà nước và doanh nghiệp nhà nước "
          "(sau đây gọi chung là cơ quan, tổ chức)."),
    ("p", "2. Tổ chức chính trị, tổ chức chính trị - xã hội, tổ chức xã hội, tổ chức xã hội - "
          "nghề nghiệp căn cứ quy định của Nghị định này và các quy định của Đảng, của pháp "
          "luật có liên quan để áp dụng cho phù hợp."),
    ("c", "Chương VII"), ("c", "ĐIỀU KHOẢN THI HÀNH"),
    ("h", "Điều 37. Hiệu lực thi hành"),
    ("p", "Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành."),
    ("h", "Điều 38. Trách nhiệm thi hành"),
    ("p", "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, "
          "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương, người đứng đầu "
          "cơ quan, tổ chức và cá nhân có liên quan chịu trách nhiệm thi hành Nghị định "
          "này./."),
)


def _cell_paragraph(cell: object, text: str, size: float, bold: bool = False,
                    italic: bool = False, first: bool = False,
                    align: object = WD_ALIGN_PARAGRAPH.CENTER) -> object:
    p = cell.paragraphs[0] if first else cell.add_paragraph()  # type: ignore[attr-defined]
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    if text:
        _run(p, text, size, bold, italic)
    return p


def _rule_under(paragraph: object) -> None:
    """A bottom border under an empty paragraph: the Government's short rule."""
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    ppr.append(borders)


def nghi_dinh(target: Path) -> None:
    """Nghị định 30/2020/NĐ-CP as the Government laid it out (its first articles and its
    last, with the Nơi nhận whose lines wrap as in the Government's file)."""
    document = _a4()
    header = document.add_table(rows=2, cols=2)
    _borderless(header)
    header.columns[0].width, header.columns[1].width = Cm(5.5), Cm(10.5)
    for row in header.rows:
        row.cells[0].width, row.cells[1].width = Cm(5.5), Cm(10.5)
    _cell_paragraph(header.cell(0, 0), "CHÍNH PHỦ", 13, bold=True, first=True)
    rule = _cell_paragraph(header.cell(0, 0), "", 13)
    rule.paragraph_format.left_indent, rule.paragraph_format.right_indent = Cm(1.9), Cm(1.9)
    _rule_under(rule)
    _cell_paragraph(header.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True,
                    first=True)
    _cell_paragraph(header.cell(0, 1), "Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    rule = _cell_paragraph(header.cell(0, 1), "", 13)
    rule.paragraph_format.left_indent, rule.paragraph_format.right_indent = Cm(2.2), Cm(2.2)
    _rule_under(rule)
    _cell_paragraph(header.cell(1, 0), "Số: 30/2020/NĐ-CP", 13, first=True)
    _cell_paragraph(header.cell(1, 1), "Hà Nội, ngày 05 tháng 3 năm 2020", 14, italic=True,
                    first=True)
    for text, bold, size in (("NGHỊ ĐỊNH", True, 14), ("Về công tác văn thư", True, 14)):
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(6)
        _run(p, text, size, bold)
    rule = document.add_paragraph()
    rule.paragraph_format.left_indent, rule.paragraph_format.right_indent = Cm(7.1), Cm(7.1)
    _rule_under(rule)

    def body(text: str, bold: bool = False, italic: bool = False, centre: bool = False) -> None:
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if centre else WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Cm(0) if centre else Cm(1)
        p.paragraph_format.space_before = Pt(6)
        _run(p, text, 14, bold, italic)

    body("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;", italic=True)
    body("Theo đề nghị của Bộ trưởng Bộ Nội vụ;", italic=True)
    body("Chính phủ ban hành Nghị định về công tác văn thư.", italic=True)
    for style, text in DECREE_BODY:
        body(text, bold=style in "ch", centre=style == "c")
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    _cell_paragraph(left, "Nơi nhận:", 12, bold=True, italic=True, first=True,
                    align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in DECREE_RECIPIENTS:
        _cell_paragraph(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _cell_paragraph(right, "TM. CHÍNH PHỦ", 14, bold=True, first=True)
    _cell_paragraph(right, "THỦ TƯỚNG", 14, bold=True)
    for _ in range(4):
        _cell_paragraph(right, "", 14)
    _cell_paragraph(right, "Nguyễn Xuân Phúc", 14, bold=True)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    page = section.header.paragraphs[0]
    page.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    number = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), "Times New Roman")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "28")
    rpr.extend([fonts, size])
    text = OxmlElement("w:t")
    text.text = "2"
    number.extend([rpr, text])
    field.append(number)
    page._p.append(field)
    document.core_properties.title = "Nghị định về công tác văn thư"
    document.save(str(target))


if __name__ == "__main__":
    if "--decree" not in sys.argv:
        main()
    nghi_dinh(HERE.parent / "nd30-nghi-dinh.docx")

"""Word files made the way offices make them, for the import tests: typed with python-docx
(Word's own default template), the header as a borderless table or as plain lines, with
the common NĐ30 mistakes: "a." for "a)", en-dashes in the Tiêu ngữ, "Lưu VT", a day
without its leading zero, a number typed with spaces, a trích yếu in capitals."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

LEFT = ["UBND HUYỆN TUY PHƯỚC", "TRƯỜNG THCS LÊ LỢI", "Số 04/ KH-THCSLL"]
RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc",
         "Tuy Phước, ngày 5 tháng 9 năm 2024"]
BODY = [
    ("I. MỤC ĐÍCH, YÊU CẦU", True),
    ("1. Mục đích", True),
    ("- Nâng cao chất lượng dạy học của đội ngũ giáo viên Trường THCS Lê Lợi.", False),
    ("- Phát hiện, bồi dưỡng giáo viên giỏi để tham gia hội thi cấp huyện.", False),
    ("2. Yêu cầu", True),
    ("a. Tổ chức hội thi nghiêm túc, đúng quy chế, công bằng và khách quan.", False),
    ("b. Giáo viên tham gia đầy đủ các nội dung của hội thi theo kế hoạch.", False),
    ("II. TỔ CHỨC THỰC HIỆN", True),
    ("Các tổ chuyên môn lập danh sách giáo viên dự thi, gửi về nhà trường trước ngày "
     "20 tháng 9 năm 2024; Ban tổ chức xếp lịch thi và thông báo cho giáo viên.", False),
    ("Trên đây là Kế hoạch tổ chức hội thi giáo viên dạy giỏi cấp trường năm học "
     "2024 - 2025 của Trường THCS Lê Lợi./.", False),
]
NOI_NHAN = ["- Phòng GD&ĐT huyện;", "- Các tổ chuyên môn;", "- Lưu VT."]


def _font(document: docx.document.Document) -> None:
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), "Times New Roman")


def _line(container: object, text: str, bold: bool = False, italic: bool = False,
          size: float = 13, center: bool = True) -> None:
    paragraph = container.add_paragraph()  # type: ignore[attr-defined]
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)


def hand_typed(path: Path, header_as_table: bool = True) -> Path:
    """A Kế hoạch typed in Word, with the usual mistakes; saved at ``path``."""
    document = docx.Document()
    _font(document)
    section = document.sections[0]
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    if header_as_table:
        table = document.add_table(rows=1, cols=2)
        left, right = table.cell(0, 0), table.cell(0, 1)
        left.paragraphs[0].text = ""
        for i, text in enumerate(LEFT):
            _line(left, text, bold=i == 1)
        for i, text in enumerate(RIGHT):
            _line(right, text, bold=i < 2, italic=i == 2)
    else:
        for i, text in enumerate(LEFT[:2]):
            _line(document, text, bold=i == 1, center=False)
        _line(document, LEFT[2], center=False)
        for i, text in enumerate(RIGHT):
            _line(document, text, bold=i < 2, italic=i == 2)
    _line(document, "KẾ HOẠCH", bold=True, size=14)
    _line(document, "TỔ CHỨC HỘI THI GIÁO VIÊN DẠY GIỎI CẤP TRƯỜNG NĂM HỌC 2024 - 2025",
          bold=True, size=14)
    _line(document, "Căn cứ Kế hoạch số 45/KH-THCSLL ngày 10 tháng 9 năm 2024 của Trường THCS "
          "Lê Lợi về thực hiện nhiệm vụ năm học 2024 - 2025;", italic=True, size=14,
          center=False)
    for text, bold in BODY:
        _line(document, text, bold=bold, size=14, center=False)
    signature = document.add_table(rows=1, cols=2)
    left, right = signature.cell(0, 0), signature.cell(0, 1)
    _line(left, "Nơi nhận:", bold=True, italic=True, size=12, center=False)
    for text in NOI_NHAN:
        _line(left, text, size=11, center=False)
    _line(right, "HIỆU TRƯỞNG", bold=True, size=14)
    for _ in range(4):
        right.add_paragraph()
    _line(right, "Phạm Thị Thu Hà", bold=True, size=14)
    document.save(str(path))
    return path


def typed(path: Path, lines: list[str | tuple[str, str]], numbered: list[str] = ()) -> Path:
    """A document typed line by line in Word: each item a paragraph (``"\\n"`` in it a
    Shift+Enter), ``("b", text)`` bold, ``("c", text)`` bold and centred, ``("i", text)``
    italic; each text of ``numbered`` a paragraph numbered by Word ("1.", "2.", …) after
    the line "<numbered>"."""
    document = docx.Document()
    _font(document)
    for line in lines:
        style, text = line if isinstance(line, tuple) else ("", line)
        if text == "<numbered>":
            for item in numbered:
                paragraph = document.add_paragraph(style="List Number")
                run = paragraph.add_run(item)
                run.bold = True
            continue
        paragraph = document.add_paragraph()
        if style == "c":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for i, piece in enumerate(text.split("\n")):
            if i:
                paragraph.add_run().add_break()
            run = paragraph.add_run(piece)
            run.bold, run.italic = style in ("b", "c"), style == "i"
    document.save(str(path))
    return path

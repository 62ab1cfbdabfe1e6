"""Undoing how offices type: two columns typed with spaces or tabs, typed rules,
Shift+Enter lines, lines centred with spaces, Word's numbering written into the text."""

from __future__ import annotations

from pathlib import Path

from handtyped import typed
from plangen.check.read.facts import Paragraph, Run
from plangen.check.read.package import read_docx
from plangen.importdoc.lines import readable, split_at_gap


def paragraph(text: str) -> Paragraph:
    return Paragraph(text=text, style="Normal", align="left", first_line_cm=0, left_cm=0,
                     right_cm=0, space_before_pt=0, space_after_pt=0, line=None,
                     line_rule="auto", keep_next=False, border_bottom=False,
                     runs=[Run(text, False, False, 13, {}, "auto", False, None, False, "")],
                     where="body")


def test_two_columns_typed_with_spaces_or_a_tab_are_cut_where_they_were_typed_apart() -> None:
    for typed_line in ("SỞ GD&ĐT BÌNH PHƯỚC      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                       "SỞ GD&ĐT BÌNH PHƯỚC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"):
        cut = split_at_gap(paragraph(typed_line))
        assert cut is not None
        assert (cut[0].text, cut[1].text) == ("SỞ GD&ĐT BÌNH PHƯỚC",
                                              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert split_at_gap(paragraph("Một dòng  bình thường")) is None
    assert split_at_gap(paragraph("          chỉ thụt đầu dòng")) is None


def test_lines_rules_and_numbers_as_the_page_shows_them(tmp_path: Path) -> None:
    docx = typed(tmp_path / "a.docx", [
        "UBND HUYỆN A          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TRƯỜNG B          Độc lập - Tự do - Hạnh phúc", "-------          ---------",
        "                    KẾ HOẠCH", "dòng một\ndòng hai", "<numbered>"],
        numbered=["Thuận lợi"])
    doc = readable(read_docx(docx.read_bytes()))
    texts = [(p.text, p.table, p.col, p.align) for p in doc.paragraphs]
    assert texts == [
        ("UBND HUYỆN A", 1, 1, "center"), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1, 2, "center"),
        ("TRƯỜNG B", 1, 1, "center"), ("Độc lập - Tự do - Hạnh phúc", 1, 2, "center"),
        ("KẾ HOẠCH", None, None, "center"), ("dòng một", None, None, "left"),
        ("dòng hai", None, None, "left"), ("1. Thuận lợi", None, None, "left")]
    assert [p.index for p in doc.paragraphs] == list(range(8))

"""Reading a document's components by its mẫu: the profile from its tên loại (and its
ký hiệu, when joint), and the signature blocks wherever the Nơi nhận stands."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt

from plangen.check import check_docx
from plangen.check.read.layout import find_layout
from plangen.check.read.package import read_docx
from plangen.check.rules.signer import signer_parts
from plangen.spec import mau


def minutes_typed_by_hand(path: Path, blocks: list[tuple[str, str]],
                          noi_nhan_in_table: bool) -> Path:
    """A Biên bản as an office types it in Word: its header as lines, the signature
    blocks in a borderless table, the Nơi nhận under the table or in its first cell."""
    document = docx.Document()
    for text in ("TRƯỜNG THCS THỬ NGHIỆM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: 04/BB-THCSTN", "BIÊN BẢN",
                 "Họp Hội đồng Thi đua - Khen thưởng", "Thời gian bắt đầu: 14 giờ 00.",
                 "Cuộc họp kết thúc vào 15 giờ 30./."):
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=len(blocks))
    for cell, (label, name) in zip(table.rows[0].cells, blocks, strict=True):
        cell.paragraphs[0].add_run(label).bold = True
        for _ in range(4):
            cell.add_paragraph()
        cell.add_paragraph().add_run(name).bold = True
    where = table.rows[0].cells[0] if noi_nhan_in_table else document
    for text in ("Nơi nhận:", "- Lưu: VT."):
        where.add_paragraph().add_run(text).font.size = Pt(11)
    document.save(str(path))
    return path


def test_the_noi_nhan_under_the_table_finds_the_blocks_above_it(tmp_path: Path) -> None:
    path = minutes_typed_by_hand(tmp_path / "bb.docx", [("THƯ KÝ", "Trần Văn Nam"),
                                                        ("CHỦ TỌA", "Lê Thị Hoa")], False)
    layout = find_layout(read_docx(path))
    assert layout.profile == mau.MAU_1_9
    assert [[t.text for t in signer_parts(b)[0]] for b in layout.signatures] == [
        ["THƯ KÝ"], ["CHỦ TỌA"]]
    assert [p.text for p in layout.noi_nhan_items] == ["- Lưu: VT."]


def test_the_noi_nhan_under_the_first_block_in_its_cell(tmp_path: Path) -> None:
    path = minutes_typed_by_hand(tmp_path / "bb.docx", [("THƯ KÝ", "Trần Văn Nam"),
                                                        ("CHỦ TỌA", "Lê Thị Hoa")], True)
    layout = find_layout(read_docx(path))
    assert [signer_parts(b)[2].text for b in layout.signatures  # type: ignore[union-attr]
            ] == ["Trần Văn Nam", "Lê Thị Hoa"]


def test_a_biên_bản_signed_by_one_is_missing_a_block(tmp_path: Path) -> None:
    path = minutes_typed_by_hand(tmp_path / "bb.docx", [("CHỦ TỌA", "Lê Thị Hoa")], False)
    findings = [(f.code, f.en) for f in check_docx(path).findings if f.code == "C47"]
    assert ("C47", "1 signature blocks; Mẫu 1.9 has 2") in findings
    assert "C16" in [n.code for n in check_docx(path).not_checked]

"""The signer block and the number, found in the PDFs plangen builds (LibreOffice lays
them out), in every signer form of the example plans."""

from __future__ import annotations

import pytest

from plangen.sign.locate import document_number, find_signer_block, read_pages, signer_blocks
from signing import MISSING_TOOLS, built

pytestmark = [pytest.mark.libreoffice,
              pytest.mark.skipif(bool(MISSING_TOOLS), reason=f"needs {MISSING_TOOLS}")]


@pytest.mark.parametrize(("plan", "name", "positions", "signer"), [
    ("cchc-2023-2025", "ke-hoach.pdf", ["HIỆU TRƯỞNG"], "Nguyễn Văn An"),
    ("cchc-2023-2025", "quyet-dinh-khen-thuong.pdf", ["HIỆU TRƯỞNG"], "Nguyễn Văn An"),
    ("cchc-2023-2025", "cong-van-gui-bao-cao-2024.pdf", ["HIỆU TRƯỞNG"], "Nguyễn Văn An"),
    ("cchc-2023-2025", "bao-cao-tong-ket.pdf", ["HIỆU TRƯỞNG"], "Nguyễn Văn An"),
    ("so-noi-vu-thi-dua-2025", "ke-hoach.pdf", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
     "Trần Quốc Huy"),
    ("ubnd-tinh-cchc-2025", "ke-hoach.pdf",
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Trương Văn Khải"),
])
def test_signer_block_in_every_signer_form(plan: str, name: str, positions: list[str],
                                           signer: str) -> None:
    pages = read_pages(built(plan) / name)
    block = find_signer_block(pages)
    assert block is not None
    assert [line.text for line in block.positions] == positions
    assert block.name.text == signer
    assert block.gap.y1 == block.positions[-1].box.y0 and block.gap.y0 == block.name.box.y1
    assert block.gap.height > 3 * block.name.height  # the four empty lines plangen leaves
    assert block.centre_x > pages[block.page].width / 2


def test_titles_forms_and_tables_are_not_signer_blocks() -> None:
    folder = built("cchc-2023-2025")
    for name in ("danh-sach-dang-ky.pdf", "phieu-dang-ky/mau-trong.pdf"):
        assert list(signer_blocks(read_pages(folder / name))) == []
    # "QUYẾT ĐỊNH" centred over "QUYẾT ĐỊNH:" is a title, not a signer
    blocks = list(signer_blocks(read_pages(folder / "quyet-dinh-khen-thuong.pdf")))
    assert [b.name.text for b in blocks] == ["Nguyễn Văn An"]


def test_document_number_printed_or_left_blank() -> None:
    assert document_number(read_pages(built("ubnd-tinh-cchc-2025") / "ke-hoach.pdf")) == (
        "27/KH-UBND")
    seed = built("cchc-2023-2025")
    assert document_number(read_pages(seed / "ke-hoach.pdf")) is None  # "Số: /KH-THPTNT"
    assert document_number(read_pages(seed / "phieu-dang-ky/mau-trong.pdf")) is None

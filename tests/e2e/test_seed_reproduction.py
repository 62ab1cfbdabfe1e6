"""Every paragraph of the school's plan (shared/seed-plan.txt) is in the generated Kế hoạch.

The seed is text extracted from the school's document: one visual line per line, blank
lines between them, a page number, and the link addresses repeated at page ends. The test
joins the lines back into paragraphs, applies the deliberate NĐ30 corrections listed
below (each must apply, so the list stays honest), and requires each paragraph to equal
a paragraph of the generated document, whitespace normalised.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SHARED
from plangen.check.read.package import Document

# A copy of shared/seed-plan.txt lives in tests/data so that the tests run anywhere;
# test_the_copy_is_current keeps it equal to the shared original where that is present.
SEED_TEXT = Path(__file__).parents[1] / "data" / "seed-plan.txt"

# (why, pattern, replacement, how many times it must apply)
CORRECTIONS: list[tuple[str, str, str, int]] = [
    ("NĐ30 Phụ lục I II.6: điểm are numbered a), b), not a., b.",
     r"(?m)^([ab])\. ", r"\1) ", 4),
    ("NĐ30 Phụ lục I II.9.b: the archive line is '- Lưu: VT' with a colon",
     r"- Lưu VT\.", "- Lưu: VT.", 1),
    ("NĐ30 Phụ lục II: a cited document's type is capitalised (Kế hoạch số …)",
     r"Căn cứ kế hoạch số", "Căn cứ Kế hoạch số", 1),
    ("NĐ30 Phụ lục I II.6.a: the last căn cứ ends with a full stop",
     r"(giai đoạn 2023 - 2025) *\n+(Trường THPT)", r"\1.\n\n\2", 1),
    ("NĐ30 Phụ lục II: an organisation's name is capitalised (Trường THPT …)",
     r"của trường THPT", "của Trường THPT", 2),
    ("Typing: a space before the bracket", r"Đào tạo\(100%\)", "Đào tạo (100%)", 1),
    ("Typing: no space before the closing bracket", r"khoitructhuoc \)", "khoitructhuoc)", 1),
    ("Consistency: phase 1 ends with a full stop, like phase 2",
     r"(Từ nay đến ngày 25 tháng 8 năm 2023) *\n", r"\1.\n", 1),
    ("The phase tasks are '+' items (their bullet glyph was lost in the extraction)",
     r"(?m)^ ?(Hiệu trưởng nhà trường có trách nhiệm|Triển khai thực hiện các giải"
     r"|Đôn đốc, kiểm tra)", r"+ \1", 3),
    ("NĐ30 [MẪU]: the content ends with ./.",
     r"của Trường THPT Nguyễn Trãi\. *\n", "của Trường THPT Nguyễn Trãi./.\n", 1),
]

HEADING = re.compile(r"^(?:[IVX]+\.|\d+\.|[a-zđ]\)|Năm \d{4}:)\s")
PAGE_NUMBER = re.compile(r"^\d+$")
LONE_ADDRESS = re.compile(r"^https?://[\w./-]+$")  # a link annotation, not text


def corrected_seed() -> str:
    text = SEED_TEXT.read_text(encoding="utf-8")
    for why, pattern, replacement, times in CORRECTIONS:
        text, count = re.subn(pattern, replacement, text)
        assert count == times, f"correction did not apply as expected: {why} ({count}×)"
    return text


def seed_paragraphs() -> list[str]:
    """Join the seed's visual lines into paragraphs, dropping extraction artifacts."""
    paragraphs: list[list[str]] = []
    ends_paragraph = True
    for raw in corrected_seed().splitlines():
        line = " ".join(raw.split())
        if raw and not line:  # a line of spaces: the extraction's mark of a block's end
            ends_paragraph = True
        if not line or PAGE_NUMBER.match(line) or LONE_ADDRESS.match(line):
            continue
        starts = (line.startswith(("- ", "+ ")) or HEADING.match(line) is not None
                  or line.isupper() or line == "Nơi nhận:")
        continues = line.startswith("http")  # an address wrapped after "đường link:"
        if starts or (ends_paragraph and not continues):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
        ends_paragraph = (line.endswith((".", ":", ";")) or HEADING.match(line) is not None
                          or line.isupper())
    return [" ".join(lines) for lines in paragraphs]


def document_paragraphs(doc: Document) -> set[str]:
    """The plan's own paragraphs (section 1); its Phụ lục are not in the seed."""
    return {" ".join(p.text.split()) for p in doc.paragraphs
            if p.text.strip() and p.section == 0}


@pytest.mark.skipif(not (SHARED / "seed-plan.txt").is_file(), reason="no ../shared here")
def test_the_copy_is_current() -> None:
    assert SEED_TEXT.read_bytes() == (SHARED / "seed-plan.txt").read_bytes()


def test_the_splitter_finds_the_seed_structure() -> None:
    paragraphs = seed_paragraphs()
    assert paragraphs[0] == "KẾ HOẠCH"
    assert paragraphs[1].startswith("Phát động phong trào")
    assert paragraphs[1].endswith("2023 - 2025")
    assert paragraphs[-1] == "HIỆU TRƯỞNG"
    assert sum(p.startswith("- ") for p in paragraphs) == 34
    assert len(paragraphs) == 61


@pytest.mark.parametrize("paragraph", seed_paragraphs())
def test_seed_paragraph_is_in_the_document(paragraph: str, seed_doc: Document) -> None:
    assert paragraph in document_paragraphs(seed_doc)


def test_nothing_is_left_over(seed_doc: Document) -> None:
    """The document adds only what NĐ30 and plangen's example values add to the seed."""
    extra = document_paragraphs(seed_doc) - set(seed_paragraphs())
    assert extra == {
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "THÀNH PHỐ HỒ CHÍ MINH", "TRƯỜNG THPT NGUYỄN TRÃI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: /KH-THPTNT", "Thành phố Hồ Chí Minh, ngày 21 tháng 8 năm 2023",
        "Nguyễn Văn An",
    }

"""A body's headings numbered by its scheme: from 1 or from N, down to "-" and "+", or
decimally; articles keep the label they were given."""

from __future__ import annotations

from plangen.plan.document import Block, Heading
from plangen.render.docx import body, page


def numbered(blocks: list[Block], scheme: str) -> list[str]:
    document = page.new_document()
    return [p.text for p in body.add_blocks(document, blocks, scheme)]


def test_roman_numbering_goes_down_to_dash_and_plus_and_may_start_at_n() -> None:
    blocks: list[Block] = [Heading(level=1, text="Kết quả", start=2),
                           Heading(level=2, text="Dạy học"), Heading(level=3, text="Khối 6"),
                           Heading(level=4, text="Lớp 6A"), Heading(level=5, text="Tổ Toán"),
                           Heading(level=1, text="Kiến nghị")]
    assert numbered(blocks, "roman") == [
        "II. KẾT QUẢ", "1. Dạy học", "a) Khối 6", "- Lớp 6A", "+ Tổ Toán", "III. KIẾN NGHỊ"]


def test_decimal_numbering_carries_the_numbers_above() -> None:
    blocks: list[Block] = [Heading(level=1, text="A"), Heading(level=2, text="B"),
                           Heading(level=3, text="C"), Heading(level=2, text="D"),
                           Heading(level=1, text="E"), Heading(level=2, text="F")]
    assert numbered(blocks, "decimal") == [
        "1. A", "1.1. B", "1.1.1. C", "1.2. D", "2. E", "2.1. F"]


def test_a_heading_with_its_label_is_printed_as_given() -> None:
    blocks: list[Block] = [Heading(level=2, label="Điều 7.", text="Hiệu lực"),
                           Heading(level=1, text="Tổ chức thực hiện")]
    assert numbered(blocks, "roman") == ["Điều 7. Hiệu lực", "I. TỔ CHỨC THỰC HIỆN"]


def _paragraph_with(*texts: str, note: bool = False) -> object:
    import docx

    from plangen.render.docx import oxml

    paragraph = docx.Document().add_paragraph()
    for text in texts:
        paragraph.add_run(text)
    if note:
        oxml.footnote(paragraph, "Quyết định số 5/QĐ-UBND.", 10)
    return paragraph


def _runs(paragraph: object) -> list[str]:
    return [r.text or ("¹" if "footnoteReference" in r._r.xml else "")
            for r in paragraph.runs]  # type: ignore[attr-defined]


def test_the_end_mark_takes_the_place_of_the_last_full_stop() -> None:
    paragraph = _paragraph_with("Trên đây là kế hoạch.")
    body.end_mark(paragraph)
    assert _runs(paragraph) == ["Trên đây là kế hoạch", "./."]


def test_the_end_mark_stays_before_a_footnote_typed_after_the_full_stop() -> None:
    paragraph = _paragraph_with("Theo Quyết định.", note=True)
    body.end_mark(paragraph)
    assert _runs(paragraph) == ["Theo Quyết định", "./.", "¹"]


def test_the_end_mark_is_not_doubled_or_added_after_a_word_twice() -> None:
    written = _paragraph_with("Kế hoạch./.")
    body.end_mark(written)
    assert _runs(written) == ["Kế hoạch./."]
    bare = _paragraph_with("Kế hoạch", note=True)
    body.end_mark(bare)
    assert _runs(bare) == ["Kế hoạch", "¹", "./."]

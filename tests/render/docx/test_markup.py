"""Plan text → blocks and spans."""

from hypothesis import given
from hypothesis import strategies as st

from plangen.render.docx.markup import Span, _markdown_spans, is_plain, parse_blocks, parse_inline


def test_paragraphs_items_and_wrapped_lines() -> None:
    blocks = parse_blocks("Mở đầu\nnối dòng:\n- Ý một\ntiếp ý một\n  - Ý con\n\nĐoạn sau")
    assert [(b.level, b.text) for b in blocks] == [
        (0, "Mở đầu nối dòng:"), (1, "- Ý một tiếp ý một"), (2, "+ Ý con"), (0, "Đoạn sau")]


def test_plus_marker_is_a_second_level_item() -> None:
    assert [b.text for b in parse_blocks("+ con")] == ["+ con"]


def test_bold_italic_and_links() -> None:
    spans = parse_inline("**đậm** và *nghiêng*, [trang](https://a.vn/x_y)")
    assert spans == [Span("đậm", bold=True), Span(" và "), Span("nghiêng", italic=True),
                     Span(", "), Span("trang", href="https://a.vn/x_y")]


def test_bare_addresses_become_links_without_trailing_punctuation() -> None:
    spans = parse_inline("link: https://bit.ly/dk_khoitructhuoc). Hết.")
    assert spans == [Span("link: "), Span("https://bit.ly/dk_khoitructhuoc",
                                          href="https://bit.ly/dk_khoitructhuoc"),
                     Span("). Hết.")]


def test_raw_html_and_ampersands_stay_text() -> None:
    text = 'Sở GD&ĐT <script>alert("x")</script> <b>b</b> &amp;'
    assert [s.text for s in parse_inline(text)] == [text]


def test_numbered_and_hash_lines_stay_text() -> None:
    assert parse_inline("1. Không phải danh sách") == [Span("1. Không phải danh sách")]
    assert parse_inline("# không phải tiêu đề") == [Span("# không phải tiêu đề")]


def test_a_centred_line_stands_alone_between_plain_lines() -> None:
    blocks = parse_blocks("Nhà trường chọn chủ đề:\n-> **Kỷ cương, sáng tạo** <-\n"
                          "Thực hiện trong cả năm học.")
    assert [(b.text, b.centred) for b in blocks] == [
        ("Nhà trường chọn chủ đề:", False), ("Kỷ cương, sáng tạo", True),
        ("Thực hiện trong cả năm học.", False)]
    assert all(span.bold for span in blocks[1].spans)


def test_a_centred_line_keeps_the_authors_emphasis() -> None:
    (block,) = parse_blocks("-> *Khẩu hiệu* của **năm** <-")
    assert [(s.text, s.bold, s.italic) for s in block.spans] == [
        ("Khẩu hiệu", False, True), (" của ", False, False), ("năm", True, False)]


def test_numbered_and_lettered_lines_are_paragraphs_of_their_own() -> None:
    blocks = parse_blocks("Gồm:\n1. Thứ nhất.\n2. Thứ hai, viết dài\nsang dòng sau.\na) Điểm a.")
    assert [b.text for b in blocks] == ["Gồm:", "1. Thứ nhất.",
                                        "2. Thứ hai, viết dài sang dòng sau.", "a) Điểm a."]


def test_footnote_marks_become_note_spans() -> None:
    (block,) = parse_blocks("Theo Quyết định[^qd] và Luật[^x].", {"qd": "QĐ số 12."})
    assert [(s.text, s.note) for s in block.spans] == [
        ("Theo Quyết định", None), ("", "QĐ số 12."), (" và Luật[^x].", None)]


# Letters, digits, punctuation and spacing of Vietnamese plans, with every Markdown sign.
_TEXT = st.lists(st.sampled_from(list("aăâđeêoôơuưy AĐÊƠƯ0123456789.,;:()/%'\"-+#=>")
                                 + list("*_`[]\\<>&!~|\t\n") + ["  ", "https://a.vn/x"]),
                 max_size=30).map("".join)


@given(_TEXT)
def test_plain_text_reads_the_same_without_markdown(text: str) -> None:
    """Most sentences skip the Markdown converter; for each of them, the converter would
    have given the same spans."""
    if is_plain(text):
        assert _markdown_spans(text) == [Span(text)]


def test_a_decimal_line_is_a_paragraph_of_its_own() -> None:
    from plangen.render.docx.markup import parse_blocks

    blocks = parse_blocks("a) Ý a.\n1.1. Mục nhỏ.\n1.2.3. Mục nhỏ hơn\ntiếp dòng.")
    assert [b.text for b in blocks] == ["a) Ý a.", "1.1. Mục nhỏ.",
                                        "1.2.3. Mục nhỏ hơn tiếp dòng."]

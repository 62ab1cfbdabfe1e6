"""The coverage counts structure: a heading given back as a line of text, and text kept
only in a review comment, are not kept."""

from __future__ import annotations

from plangen.importdoc.coverage import Line, coverage

HEADING = "I. MỤC ĐÍCH, YÊU CẦU CỦA KẾ HOẠCH NĂM HỌC"
TEXT = "Nhà trường tổ chức hội thi giáo viên dạy giỏi cấp trường năm học này."


def test_every_run_given_back_in_its_part_is_kept() -> None:
    source = [Line(HEADING, heading=True), Line(TEXT)]
    assert coverage(source, [Line(HEADING, heading=True), Line(TEXT)]) == 1.0


def test_a_heading_given_back_as_text_is_lost() -> None:
    """Once 0.93 was reported when every heading was lost."""
    source = [Line(HEADING, heading=True), Line(TEXT)]
    share = coverage(source, [Line(HEADING), Line(TEXT)])
    assert share == 10 / 15  # the heading's 5 runs of six words are lost, the text's 10 kept


def test_text_kept_only_in_a_comment_is_lost() -> None:
    assert coverage([Line(TEXT)], [Line(TEXT)], unplaced=[TEXT]) == 0.0
    assert coverage([Line(TEXT)], []) == 0.0


def test_a_short_line_counts_as_one_run() -> None:
    assert coverage(["Lưu: VT"], ["- Lưu: VT."]) == 1.0


def test_a_line_corrected_on_purpose_is_compared_as_corrected() -> None:
    """"Số: 5/KH-THHB" written "Số: 05/KH-THHB" is no loss: the import lists it as SỬA."""
    assert coverage(["Số: 5/KH-THHB"], ["Số: 05/KH-THHB"]) == 0.0
    assert coverage(["Số: 5/KH-THHB"], ["Số: 05/KH-THHB"],
                    rewritten={"Số: 5/KH-THHB": "Số: 05/KH-THHB"}) == 1.0

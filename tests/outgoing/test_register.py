"""The register's own arithmetic: which rows are the same document, and how tall a row
must be for its wrapped text (neither Excel nor LibreOffice sizes a row when printing)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from plangen.outgoing.register import LINE_PT, Row, identity, row_height, wrapped_lines


@pytest.mark.parametrize(("text", "per_line", "lines"), [
    ("", 10, 1), ("abc def", 10, 1), ("abc defgh ijk", 7, 3), ("a" * 25, 10, 3),
    ("một\nhai", 10, 2), ("Bộ Nội vụ (b/c); TT Tỉnh ủy", 12, 3),
])
def test_wrapped_lines(text: str, per_line: int, lines: int) -> None:
    assert wrapped_lines(text, per_line) == lines


def test_a_row_is_as_tall_as_its_longest_cell() -> None:
    short = ("1/KH-X", date(2025, 1, 1), "Kế hoạch", "A", "B", "VT", None, None, None, None)
    assert row_height(short) == LINE_PT + 3
    long = (*short[:4], "Sở Nội vụ; " * 12, *short[5:])
    assert row_height(long) > 3 * LINE_PT


def test_the_same_document_read_back_from_excel_is_the_same_row() -> None:
    row = Row("05/KH-T", date(2025, 3, 1), "Kế hoạch  Tổ chức\nhội thi", "A", "B", "VT",
              None, "T")
    assert row.identity == identity("05/KH-T", datetime(2025, 3, 1, 0, 0),
                                    "Kế hoạch Tổ chức hội thi")
    assert row.identity != identity("05/KH-T", datetime(2025, 3, 2), "Kế hoạch Tổ chức hội thi")

"""Names printed in capitals read back as written: acronyms, place levels, place names."""

from __future__ import annotations

import pytest

from plangen.importdoc.names import _abbreviate, sentence_case


@pytest.mark.parametrize(("caps", "expected"), [
    ("SỞ GD&ĐT SƠN LA", "Sở GD&ĐT Sơn La"),
    ("UBND TỈNH ĐỒNG THÁP", "UBND tỉnh Đồng Tháp"),
    ("PHÒNG GD&ĐT BẢO LÂM", "Phòng GD&ĐT Bảo Lâm"),
    ("TRƯỜNG THCS MÔNG ÂN", "Trường THCS Mông Ân"),
])
def test_a_place_after_an_acronym_is_a_proper_name(caps: str, expected: str) -> None:
    assert sentence_case(caps, name=True) == expected


@pytest.mark.parametrize(("name", "abbreviation"), [
    ("TRƯỜNG THPT NGUYỄN TRÃI", "THPTNT"), ("TRƯỜNG THCS LÊ LỢI", "THCSLL"),
])
def test_a_stand_in_abbreviation(name: str, abbreviation: str) -> None:
    assert _abbreviate(name) == abbreviation

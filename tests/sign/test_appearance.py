"""The attachment's signing text: NĐ30's wording, Vietnam's time zone, and a font whose
widths PDF readers draw correctly."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from plangen.sign import appearance, clock
from plangen.sign.fonts import serif_font


def test_attachment_text_as_nd30_shows_it() -> None:
    moment = dt.datetime(2025, 3, 5, 2, 4, 9, tzinfo=dt.UTC).astimezone(clock.VIETNAM)
    assert appearance.attachment_text("12/KH-THPTNT", moment) == (
        "Số: 12/KH-THPTNT; 05/03/2025; 09:04:09 +07:00")
    assert clock.iso(moment) == "2025-03-05T09:04:09+07:00"


def test_signing_time_is_vietnam_time_whatever_the_computer_says(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    assert clock.now().utcoffset() == dt.timedelta(hours=7)


def test_font_program_is_rescaled_to_thousandths_of_an_em() -> None:
    from fontTools.ttLib import TTFont

    font = serif_font()
    if font is None:
        pytest.skip("no Times New Roman or Liberation Serif")
    text = "Số: 12/KH-THPTNT; 05/03/2025; 09:04:09 +07:00"
    program = appearance.font_program(font, text)
    with TTFont(io.BytesIO(program)) as ttf:
        assert ttf["head"].unitsPerEm == 1000
        assert ttf["hmtx"].metrics[ttf.getBestCmap()[ord("0")]][0] == 500  # digits: half an em
    width = appearance.text_width(program, text)
    assert 180 < width < 220  # ≈ 7 cm at 10 pt: fits NĐ30's 7.7 cm box

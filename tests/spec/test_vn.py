"""Vietnamese writing helpers: the NĐ30 date, điểm letters, Roman numerals, case."""

import re
import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plangen.spec import vn


@pytest.mark.parametrize(("day", "expected"), [
    (date(2024, 2, 5), "ngày 05 tháng 02 năm 2024"),
    (date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
    (date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
    (date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),
    (date(2023, 10, 31), "ngày 31 tháng 10 năm 2023"),
    (date(2023, 12, 1), "ngày 01 tháng 12 năm 2023"),
])
def test_long_date_follows_the_leading_zero_rule(day: date, expected: str) -> None:
    assert vn.ngay(day) == expected


def test_short_date() -> None:
    assert vn.ngay_ngan(date(2023, 8, 25)) == "25/8/2023"
    assert vn.ngay_ngan(date(2024, 2, 5)) == "05/02/2024"


def test_place_and_date_line() -> None:
    assert vn.dia_danh_ngay("Hà Nội", date(2020, 3, 5)) == "Hà Nội, ngày 05 tháng 3 năm 2020"


def test_diem_letters_skip_f_j_w_z_and_include_dd() -> None:
    letters = [vn.chu_cai(i) for i in range(1, 24)]
    assert letters[:7] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert not {"f", "j", "w", "z"} & set(letters)
    with pytest.raises(ValueError):
        vn.chu_cai(24)


@pytest.mark.parametrize(("n", "roman"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"),
                                          (40, "XL"), (1990, "MCMXC")])
def test_roman(n: int, roman: str) -> None:
    assert vn.la_ma(n) == roman


def test_roman_refuses_zero() -> None:
    with pytest.raises(ValueError):
        vn.la_ma(0)


def test_upper_keeps_vietnamese_letters_composed() -> None:
    assert vn.upper("trường thpt nguyễn trãi, đợt") == "TRƯỜNG THPT NGUYỄN TRÃI, ĐỢT"
    decomposed = "Nguye\u0302\u0303n"
    assert vn.upper(decomposed) == "NGUYỄN"


def test_counts_and_numbers() -> None:
    assert vn.hai_so(2) == "02"
    assert vn.hai_so(12) == "12"
    assert vn.so(1234567) == "1.234.567"
    assert vn.so(12.5) == "12,5"
    assert vn.phan_tram(100) == "100%"


def test_so_ky_hieu_with_and_without_number() -> None:
    assert vn.so_ky_hieu(5, "KH", "THPTNT") == "Số: 05/KH-THPTNT"
    assert vn.so_ky_hieu(123, "BC", "UBND") == "Số: 123/BC-UBND"
    blank = vn.so_ky_hieu(None, "KH", "THPTNT")
    assert blank.startswith("Số: ") and blank.endswith("/KH-THPTNT")
    assert blank[4:-10].strip("\u00a0") == "" and len(blank[4:-10]) >= 6


def test_period_and_slug() -> None:
    assert vn.giai_doan(2023, 2025) == "2023 - 2025"
    assert vn.giai_doan(2024, 2024) == "2024"
    assert vn.slug("Kế hoạch") == "ke-hoach"
    assert vn.slug("Báo cáo kết quả năm 2024") == "bao-cao-ket-qua-nam-2024"
    assert vn.slug("Đề án") == "de-an"


NĐ30_DATE = re.compile(r"^ngày (0[1-9]|[12][0-9]|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_date_matches_the_nd30_pattern(day: date) -> None:
    text = vn.ngay(day)
    assert NĐ30_DATE.match(text), text
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    assert date(numbers[2], numbers[1], numbers[0]) == day


@given(st.text())
def test_upper_is_always_nfc(text: str) -> None:
    upper = vn.upper(text)
    assert unicodedata.is_normalized("NFC", upper)


@given(st.text())
def test_slug_is_a_safe_file_name_part(text: str) -> None:
    assert re.fullmatch(r"[a-z0-9]*(-[a-z0-9]+)*", vn.slug(text))


def test_times_and_weekdays_as_documents_write_them() -> None:
    from datetime import datetime

    moment = datetime(2025, 12, 19, 8, 0)
    assert vn.thu(moment.date()) == "thứ Sáu" and vn.thu(date(2025, 12, 21)) == "Chủ nhật"
    assert vn.gio(moment) == "08 giờ 00"
    assert vn.luc(moment) == "08 giờ 00, ngày 19 tháng 12 năm 2025"
    assert vn.luc(moment, weekday=True) == "08 giờ 00, thứ Sáu, ngày 19 tháng 12 năm 2025"


@pytest.mark.parametrize(("text", "leads"), [
    ("Căn cứ Kế hoạch số 12/KH-PGDĐT, Trường THCS A báo cáo như sau:", True),
    ("Căn cứ Kế hoạch số 12/KH-PGDĐT;", False),
    ("Căn cứ Luật A, căn cứ Luật B, nhà trường xây dựng kế hoạch như sau:", True),
    ("Căn cứ Luật A. Căn cứ Luật B, như sau:", False),
    ("Nhà trường xây dựng kế hoạch như sau:", False)])
def test_a_sentence_leading_into_the_content_is_not_a_can_cu(text: str, leads: bool) -> None:
    assert vn.leads_in(text) is leads

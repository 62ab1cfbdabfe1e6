"""The tên loại table and the mẫu profiles: one list of kinds, read by the renderer and
the checker alike."""

from __future__ import annotations

import pytest

from plangen.spec import mau


def test_the_table_has_the_decrees_27_kinds_with_their_samples() -> None:
    assert len(mau.TEN_LOAI) == 27
    assert mau.TEN_LOAI["BB"].profile == mau.MAU_1_9
    assert mau.TEN_LOAI["GM"].profile == mau.MAU_1_7
    assert mau.TEN_LOAI["KH"].profile == mau.MAU_1_4
    assert mau.name_of("QyĐ") == "Quy định" and mau.name_of("CV") == "Công văn"


@pytest.mark.parametrize(("text", "code"), [
    ("KẾ HOẠCH", "KH"), ("Biên bản", "BB"), ("GIẤY  MỜI", "GM"), ("QUYẾT ĐỊNH", "QĐ"),
    ("CỘNG HÒA", None)])
def test_a_title_is_known_by_its_words(text: str, code: str | None) -> None:
    found = mau.by_title(text)
    assert (found.code if found else None) == code


@pytest.mark.parametrize(("ky_hieu", "expected"), [
    ("KH-THPTNT", ("KH", False)), ("KHLT-THCSLQĐ-CĐCS", ("KH", True)),
    ("QĐ-CTUBND", ("QĐ", False)), ("THPTNT-VP", ("THPTNT", False))])
def test_a_ky_hieu_says_its_type_and_whether_it_is_joint(
        ky_hieu: str, expected: tuple[str, bool]) -> None:
    assert mau.type_code(ky_hieu) == expected


def test_a_joint_profile_has_a_block_per_body_and_the_noi_nhan_under_them() -> None:
    joint = mau.MAU_1_4.joint(3)
    assert (joint.signatures, joint.noi_nhan, joint.mau) == (
        (None, None, None), "under", "1.4 liên tịch")
    assert mau.MAU_1_9.signatures == ("THƯ KÝ", "CHỦ TỌA") and not mau.MAU_1_9.date_line


def test_a_kind_registered_is_known_and_taken_back() -> None:
    toy = mau.TenLoai("TOY", "Phiếu thử", mau.Profile("toy", date_line=False))
    mau.register(toy)
    try:
        assert mau.by_title("PHIẾU THỬ") == toy
    finally:
        mau.unregister("TOY")
    assert mau.by_title("PHIẾU THỬ") is None and "TOY" not in mau.TEN_LOAI
    mau.register(mau.TenLoai("GM", "Giấy mời", mau.MAU_1_4))
    mau.unregister("GM")
    assert mau.TEN_LOAI["GM"].profile == mau.MAU_1_7

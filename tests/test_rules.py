"""Cross-field rules of a plan, each with its exact message."""

import pytest

from conftest import minimal_text, problems_of


def changed(old: str, new: str) -> str:
    text = minimal_text()
    assert old in text
    return text.replace(old, new, 1)


def test_minimal_plan_is_valid() -> None:
    assert problems_of(minimal_text()) == []


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("signer:\n  title: Hiệu trưởng", "signer:\n  authority: TM.\n  title: Chủ tịch",
     "signer.head_title: a TM. signer needs head_title"),
    ("signer:\n  title: Hiệu trưởng", "signer:\n  authority: Q.\n  head_title: Hiệu trưởng\n"
     "  title: Phó Hiệu trưởng",
     "signer.title: a Q. signer has only head_title (e.g. Q. HIỆU TRƯỞNG); drop title"),
    ("signer:\n  title: Hiệu trưởng", "signer:\n  head_title: Hiệu trưởng\n  title: Phó",
     "signer.head_title: head_title is only used with an authority prefix "
     "(TM., KT., TL., TUQ., Q.)"),
    ("signer:\n  title: Hiệu trưởng", "signer:", "signer.title: a — signer needs title"),
    ("name: Trần Thị Bình", "name: ThS. Trần Thị Bình",
     'signer.name: no academic title "ThS." before the signer\'s name'),
])
def test_signer_rules(old: str, new: str, expected: str) -> None:
    assert problems_of(changed(old, new)) == [expected]


def test_authority_without_its_dot() -> None:
    text = changed("signer:\n", "signer:\n  authority: K/T\n  head_title: X\n")
    assert problems_of(text) == [
        "signer.authority: invalid value \"K/T\"; use one of: 'TM.', 'KT.', 'TL.', "
        "'TUQ.' or 'Q.'"]


def test_kt_signer_with_both_titles_is_valid() -> None:
    text = changed("signer:\n  title: Hiệu trưởng",
                   "signer:\n  authority: KT.\n  head_title: Hiệu trưởng\n"
                   "  title: Phó Hiệu trưởng")
    assert problems_of(text) == []


def test_phase_that_ends_before_it_starts() -> None:
    text = changed("      start: 2024-05-01\n      end: 2024-10-31",
                   "      start: 2024-10-01\n      end: 2024-09-30")
    assert problems_of(text) == [
        "campaign.phases[1].end: the phase ends (30/9/2024) before it starts (01/10/2024)"]


def test_phase_outside_the_period() -> None:
    text = changed("      end: 2024-10-31", "      end: 2025-01-31")
    assert problems_of(text) == [
        "campaign.phases[1].end: 31/01/2025 is outside the period 01/3/2024 – 31/12/2024"]


def test_phases_may_share_a_boundary_day() -> None:
    text = changed("      start: 2024-05-01", "      start: 2024-04-30")
    assert problems_of(text) == []


def test_milestone_year_outside_the_period() -> None:
    text = changed("    - year: 2024\n      deadline: 2024-11-15", "    - year: 2026")
    assert problems_of(text) == [
        "campaign.milestones[0].year: year 2026 is outside the period 2024 - 2024"]


def test_target_group_must_exist() -> None:
    text = changed("  milestones:", "  targets:\n    a:\n      description: X\n      value: 1\n"
                   "      group: ca_nhan\n  milestones:")
    assert problems_of(text) == [
        'campaign.targets.a.group: no group "ca_nhan" in campaign.participants (defined: —)']


def test_archive_line_missing() -> None:
    text = changed('  - "Lưu: VT"\n', "")
    assert problems_of(text) == [
        'noi_nhan[0]: the last recipient must be the archive line, e.g. "Lưu: VT" or '
        '"Lưu: VT, TCCB"']


def test_archive_line_with_drafting_unit_and_written_punctuation_is_valid() -> None:
    text = changed('  - Sở Giáo dục và Đào tạo\n  - "Lưu: VT"',
                   '  - "- Sở Giáo dục và Đào tạo;"\n  - "- Lưu: VT, TCCB."')
    assert problems_of(text) == []


def test_sections_deeper_than_three_levels() -> None:
    deep = ("  - heading: A\n    sections:\n      - heading: B\n        sections:\n"
            "          - heading: C\n            sections:\n              - heading: D\n")
    text = changed("body:\n", "body:\n" + deep)
    assert problems_of(text) == [
        "body[0].sections[0].sections[0].sections: sections nested too deep: only three "
        "levels I. → 1. → a); use bullets in content"]


def test_kinh_gui_is_not_for_a_plan() -> None:
    text = changed("place: Hà Nội", "place: Hà Nội\nkinh_gui:\n  - Sở Giáo dục và Đào tạo")
    assert problems_of(text) == [
        "kinh_gui: a plan has no Kính gửi; only reports and submissions to a superior use it"]


def test_vietnamese_dates_are_accepted() -> None:
    text = changed("issued_on: 2024-03-01", "issued_on: 01/3/2024")
    assert problems_of(text) == []


def test_numbers_typed_as_text_fields_are_read_as_text() -> None:
    text = changed("place: Hà Nội", "place: 2024")
    assert problems_of(text) == []


def test_abbreviation_with_spaces() -> None:
    text = changed("abbreviation: THPTTN", "abbreviation: THPT TN")
    assert problems_of(text, "vi") == [
        'issuer.abbreviation: chữ viết tắt "THPT TN" không hợp lệ: chỉ gồm chữ hoa, chữ số, '
        '"-", không có dấu cách']


def test_all_problems_in_one_run() -> None:
    text = changed("place: Hà Nội", "place: Hà Nội\nnumber: 0\ncolour: red")
    assert problems_of(text) == [
        "number: must be at least 1",
        'colour: unknown key "colour"',
    ]

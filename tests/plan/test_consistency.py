"""Cross-field rules of a plan, each with its exact message."""

import pytest

from conftest import minimal_text, problems_of
from plangen.plan.load import load_plan_text


def changed(old: str, new: str) -> str:
    text = minimal_text()
    assert old in text
    return text.replace(old, new, 1)


def test_minimal_plan_is_valid() -> None:
    assert problems_of(minimal_text()) == []


SIGNER = "signer:\n  title: Hiệu trưởng"


@pytest.mark.parametrize(("new", "expected"), [
    ("signer:\n  authority: TM.\n  title: Chủ tịch",
     "signer.collective: a TM. signer needs collective"),
    ("signer:\n  authority: [TM., KT.]\n  collective: Ủy ban nhân dân\n"
     "  title: Phó Chủ tịch",
     "signer.head_title: a TM. KT. signer needs head_title"),
    ("signer:\n  authority: Q.\n  head_title: Hiệu trưởng\n  title: Phó Hiệu trưởng",
     "signer.title: a Q. signer has only head_title (e.g. Q. HIỆU TRƯỞNG); drop title"),
    ("signer:\n  head_title: Hiệu trưởng\n  title: Phó",
     "signer.head_title: head_title (the head's title) is only used after KT., TL., TUQ. "
     "or Q.; a — signer has none (after TM. comes the body's name: write it in collective)"),
    ("signer:\n  authority: KT.\n  collective: Ủy ban\n  head_title: Giám đốc\n"
     "  title: Phó Giám đốc",
     "signer.collective: collective (the body's name) is only used after TM.: write "
     "authority: TM. or [TM., KT.]"),
    ("signer:", "signer.title: the signer needs a title (their position, e.g. Hiệu trưởng)"),
])
def test_signer_rules(new: str, expected: str) -> None:
    assert problems_of(changed(SIGNER, new)) == [expected]


def test_head_title_after_tm_points_at_collective() -> None:
    text = changed(SIGNER, "signer:\n  authority: TM.\n  head_title: Ủy ban nhân dân\n"
                           "  title: Chủ tịch")
    assert problems_of(text, lang="vi") == [
        "signer.collective: người ký TM. cần có collective",
        "signer.head_title: head_title (chức vụ người đứng đầu) chỉ dùng sau KT., TL., TUQ. "
        "hoặc Q.; người ký TM. không ghi (sau TM. là tên tập thể: ghi vào collective)"]


def test_academic_title_before_the_name() -> None:
    assert problems_of(changed("name: Trần Thị Bình", "name: ThS. Trần Thị Bình")) == [
        'signer.name: no academic title "ThS." before the signer\'s name']


@pytest.mark.parametrize("written", ["K/T", "KT", "[KT., TM.]", "[TM., TL.]"])
def test_authority_forms_refused_with_the_allowed_ones(written: str) -> None:
    text = changed("signer:\n", f"signer:\n  authority: {written}\n  head_title: X\n")
    shown = written.strip("[]")
    assert problems_of(text) == [
        f'signer.authority: invalid authority "{shown}"; write one of: TM., KT., TL., TUQ., '
        "Q. (with the dot), or [TM., KT.] for a deputy signing for the head of a collective"]


def test_authority_message_in_vietnamese() -> None:
    text = changed("signer:\n", "signer:\n  authority: K/T\n  head_title: X\n")
    assert problems_of(text, lang="vi") == [
        'signer.authority: quyền hạn ký "K/T" không hợp lệ; ghi một trong: TM., KT., TL., '
        "TUQ., Q. (có dấu chấm), hoặc [TM., KT.] khi cấp phó ký thay người đứng đầu tập thể"]


@pytest.mark.parametrize(("new", "titles"), [
    ("signer:\n  authority: KT.\n  head_title: Hiệu trưởng\n  title: Phó Hiệu trưởng",
     ("KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG")),
    ("signer:\n  authority: TM.\n  collective: Ủy ban nhân dân\n  title: Chủ tịch",
     ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
    ("signer:\n  authority: [TM., KT.]\n  collective: Ủy ban nhân dân\n"
     "  head_title: Chủ tịch\n  title: Phó Chủ tịch",
     ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    ("signer:\n  authority: TL.\n  head_title: Giám đốc\n  title: Chánh Văn phòng",
     ("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG")),
    ("signer:\n  authority: TUQ.\n  head_title: Giám đốc\n  title: Trưởng phòng Tổ chức",
     ("TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG TỔ CHỨC")),
    ("signer:\n  authority: Q.\n  head_title: Giám đốc", ("Q. GIÁM ĐỐC",)),
])
def test_every_signer_form_is_valid_and_prints_its_lines(new: str, titles: tuple[str, ...]
                                                          ) -> None:
    text = changed(SIGNER, new)
    assert problems_of(text) == []
    assert load_plan_text(text, "plan.yaml").signer.titles() == titles


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


def test_sections_deeper_than_five_levels() -> None:
    deep = "".join(f"{'    ' * i}  - heading: {letter}\n{'    ' * i}    sections:\n"
                   for i, letter in enumerate("ABCDE")) + f"{'    ' * 5}  - heading: F\n"
    text = changed("body:\n", "body:\n" + deep)
    assert problems_of(text) == [
        "body[0]" + ".sections[0]" * 4 + ".sections: sections nested too deep: there are five "
        "levels I. → 1. → a) → - → +; write deeper parts in content"]


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


@pytest.mark.parametrize(("title", "expected"), [
    ("KT. Hiệu trưởng", "signer.title: the authority \"KT.\" is not written into a title: "
     "write authority: KT. and head_title: Hiệu trưởng, then title, the signer's own "
     "position (e.g. Phó Hiệu trưởng)"),
    ("TM. Ủy ban nhân dân", "signer.title: the authority \"TM.\" is not written into a "
     "title: write authority: TM. and collective: Ủy ban nhân dân, then title, the signer's "
     "own position (e.g. Phó Hiệu trưởng)"),
    ("K/T Giám đốc", "signer.title: the authority \"KT.\" is not written into a title: "
     "write authority: KT. and head_title: Giám đốc, then title, the signer's own position "
     "(e.g. Phó Hiệu trưởng)"),
])
def test_an_authority_typed_into_the_title_is_refused_with_the_right_form(
        title: str, expected: str) -> None:
    assert problems_of(changed("  title: Hiệu trưởng", f"  title: {title}")) == [expected]


@pytest.mark.parametrize(("heading", "expected"), [
    ("I - Mục đích", 'write the heading without its number "I -": plangen numbers '
     'headings; write "Mục đích"'),
    ("I Mục đích yêu cầu", 'write the heading without its number "I": plangen numbers '
     'headings; write "Mục đích yêu cầu"'),
    ("Điều 1. Phạm vi", 'write the heading without its number "Điều 1.": plangen numbers '
     'headings; write "Phạm vi"'),
    ("2: Kết quả", 'write the heading without its number "2:": plangen numbers headings; '
     'write "Kết quả"'),
    ("1.2 Nội dung", 'write the heading without its number "1.2": plangen numbers '
     'headings; write "Nội dung"'),
    ("- Công tác", 'a heading does not start with a dash: plangen numbers headings; write '
     '"Công tác" (a bullet belongs in content)'),
])
def test_a_heading_typed_with_any_number_or_mark_is_refused(heading: str,
                                                            expected: str) -> None:
    text = changed("  - heading: Mục đích", f'  - heading: "{heading}"')
    assert problems_of(text) == [f"body[0].heading: {expected}"]


@pytest.mark.parametrize("heading", ["Mục đích", "Về việc tổ chức", "Vị trí", "Lịch trình",
                                     "XÃ HỘI HÓA", "Ủy ban"])
def test_headings_that_only_look_numbered_are_kept(heading: str) -> None:
    assert problems_of(changed("  - heading: Mục đích", f"  - heading: {heading}")) == []


CONTENT = ("    content: |\n      - Nâng cao chất lượng dạy học, hạn chót "
           "{{ phases[0].end | ngay }}.\n")


@pytest.mark.parametrize(("line", "expected"), [
    ("> Trích dẫn", 'plangen prints no Markdown blockquote (a line starting ">"): '
     '"> Trích dẫn"; write a paragraph, or a centred line "-> … <-"'),
    ("### Tiêu đề", 'plangen prints no Markdown heading ("#"): "### Tiêu đề"; make it a '
     "section (a heading in body) for plangen to number"),
    ("---", 'plangen prints no Markdown horizontal rule ("---"): "---"; remove the line '
     "(NĐ30 has no rule inside the content)"),
    ("Chữ ~~gạch~~ bỏ.", 'plangen prints no struck-through text ("~~…~~"): "Chữ ~~gạch~~ '
     'bỏ."; remove that text (an issued document has no struck text)'),
    ("![Hình](a.png)", 'plangen inserts no picture ("![…](…)"): "![Hình](a.png)"; put the '
     "picture in a Word template (an annex template) or remove it"),
    ("```", 'plangen prints no Markdown code block ("```"): "```"; write it as a paragraph'),
    ("b. Ý thứ hai.", 'the điểm reads "b." — NĐ30 writes "b)"; write "b)" (plangen prints '
     "each điểm as a paragraph)"),
])
def test_markdown_plangen_does_not_print_is_refused_at_its_line(line: str,
                                                               expected: str) -> None:
    text = changed(CONTENT, CONTENT + f"      {line}\n")
    (problem,) = problems_of_located(text)
    assert problem == ("body[0].content", 32, expected)  # the line it is typed on


def problems_of_located(text: str) -> list[tuple[str, int, str]]:
    from plangen.errors import PlanError

    try:
        load_plan_text(text, "plan.yaml", "en")
    except PlanError as err:
        return [(p.path, p.line, p.message) for p in err.problems]
    return []


def test_a_decimal_line_and_a_table_row_are_not_markdown_mistakes() -> None:
    text = changed(CONTENT, CONTENT + "      1.1. Mục nhỏ.\n\n      | a | b |\n"
                   "      |---|---|\n      | 1 | 2 |\n")
    assert problems_of(text) == []

"""Plans of any office (issue 9): signer forms, numbering, annexes, tables and footnotes,
each read back from the DOCX that was built, as Word would show it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from conftest import bundle_of, without_campaign
from plangen.check import check_docx
from plangen.check.read.layout import find_layout
from plangen.check.read.package import read_docx
from plangen.check.rules.catalog import BY_CODE
from plangen.check.rules.signer import signer_parts
from plangen.cli import main
from plangen.errors import UserError
from plangen.pipeline.run import build_plan
from plangen.plan.datafiles import load_bundle


def build_text(tmp_path: Path, text: str, *, draft: bool = False,
               only: list[str] | None = None) -> Path:
    """Build plan ``text`` into the folder ``tmp_path/out``, which it returns."""
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    build_plan(bundle_of(plan), out, draft=draft, only=only)
    return out


def strict_clean(path: Path) -> None:
    """``plangen check --strict`` would pass: no error and no warning."""
    report = check_docx(path)
    assert [(f.code, f.en) for f in report.findings
            if BY_CODE[f.code].severity in ("error", "warning")] == []


UBND_SIGNER = """signer:
  authority: [TM., KT.]
  collective: Ủy ban nhân dân
  head_title: Chủ tịch
  title: Phó Chủ tịch
  name: Trần Thị Bình
"""


@pytest.mark.parametrize(("signer", "lines"), [
    (UBND_SIGNER, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ("signer:\n  authority: KT.\n  head_title: Giám đốc\n  title: Phó Giám đốc\n"
     "  name: Trần Thị Bình\n", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    ("signer:\n  authority: Q.\n  head_title: Giám đốc\n  name: Trần Thị Bình\n",
     ["Q. GIÁM ĐỐC"]),
])
def test_signer_forms_print_their_lines_bold_capitals(tmp_path: Path, signer: str,
                                                      lines: list[str]) -> None:
    text = without_campaign(**{"signer:\n  title: Hiệu trưởng\n  name: Trần Thị Bình\n":
                                    signer})
    out = build_text(tmp_path, text) / "ke-hoach.docx"
    titles, blanks, name = signer_parts(find_layout(read_docx(out)).signatures[-1])
    assert [t.text for t in titles] == lines
    assert all(run.bold for t in titles for run in t.runs)
    assert name is not None and name.text == "Trần Thị Bình" and blanks >= 3
    strict_clean(out)


def test_a_draft_without_a_signer_name_passes_the_strict_check(tmp_path: Path) -> None:
    text = without_campaign(**{"  name: Trần Thị Bình\n": ""})
    out = build_text(tmp_path, text, draft=True) / "ke-hoach.docx"
    titles, _blanks, name = signer_parts(find_layout(read_docx(out)).signatures[-1])
    assert [t.text for t in titles] == ["HIỆU TRƯỞNG"] and name is None
    strict_clean(out)
    assert "C32" in [n.code for n in check_docx(out).not_checked]


def body_texts(out: Path, name: str = "ke-hoach.docx") -> list[tuple[str, bool, bool]]:
    """The body paragraphs of a built document: text, all bold, any italic."""
    layout = find_layout(read_docx(out / name))
    return [(p.text, all(r.bold for r in p.runs if r.text.strip()),
             any(r.italic for r in p.runs)) for p in layout.body]


ARABIC_BODY = """numbering: arabic
body:
  - heading: Mục đích, *yêu cầu*
    content: |
      Các khoản của kế hoạch:
      1. Tổ chức hội thi cấp trường.
      2. Chọn giáo viên dự thi cấp thành phố.
      a) Giáo viên có 3 năm công tác.
      b) Giáo viên đạt chuẩn nghề nghiệp.
    sections:
      - heading: Đối tượng
        content: Giáo viên toàn trường.
  - heading: Tổ chức thực hiện
    content: Tổ trưởng chuyên môn triển khai.
"""


def test_arabic_numbering_and_numbered_lines_in_content(tmp_path: Path) -> None:
    text = without_campaign(**{"body:\n  - heading: Mục đích\n    content: |\n"
                               "      - Nâng cao chất lượng dạy học.\n": ARABIC_BODY})
    out = build_text(tmp_path, text)
    texts = body_texts(out)
    assert [t for t, _b, _i in texts][:8] == [
        "1. Mục đích, yêu cầu", "Các khoản của kế hoạch:",
        "1. Tổ chức hội thi cấp trường.", "2. Chọn giáo viên dự thi cấp thành phố.",
        "a) Giáo viên có 3 năm công tác.", "b) Giáo viên đạt chuẩn nghề nghiệp.",
        "a) Đối tượng", "Giáo viên toàn trường."]
    assert texts[0][1:] == (True, True)  # a khoản heading is bold; its *emphasis* is kept
    assert texts[2][1:] == (False, False)  # a khoản without title is a body paragraph
    assert [t for t, _b, _i in texts][8:] == [
        "2. Tổ chức thực hiện", "Tổ trưởng chuyên môn triển khai./."]
    strict_clean(out / "ke-hoach.docx")


def test_roman_headings_keep_markdown_emphasis_in_capitals(tmp_path: Path) -> None:
    text = without_campaign(**{"heading: Mục đích": "heading: Mục đích **chung** và *riêng*"})
    out = build_text(tmp_path, text)
    layout = find_layout(read_docx(out / "ke-hoach.docx"))
    first = layout.body[0]
    assert first.text == "I. MỤC ĐÍCH CHUNG VÀ RIÊNG"
    assert [(r.text, r.italic) for r in first.runs if r.italic] == [("RIÊNG", True)]


def annex_headings(out: Path, name: str = "ke-hoach.docx") -> list[tuple[str | None, str]]:
    """Each Phụ lục heading of a built document: its label and its title."""
    layout = find_layout(read_docx(out / name))
    return [(a.label.text if a.label else None, " ".join(t.text for t in a.titles))
            for a in layout.annexes]


ANNEXES = """phu_luc:
  - title: Danh sách nhiệm vụ trọng tâm
    table:
      columns: [STT, Nhiệm vụ, Đơn vị chủ trì, Thời hạn]
      rows:
        - [1, Xây dựng đề thi, Tổ Toán, 15/3/2024]
        - [2, Tổ chức chấm thi, Tổ Văn, 30/4/2024]
  - title: Chỉ tiêu theo khối
    table:
      file: chi-tieu.csv
  - title: Lịch tổ chức
    content: |
      Hội thi diễn ra trong hai vòng.

      | Vòng | Thời gian |
      |------|-----------|
      | Sơ khảo | Tháng 3 |
      | Chung khảo | Tháng 4 |
noi_nhan:
"""


def test_annexes_as_data_are_numbered_and_drawn(tmp_path: Path) -> None:
    (tmp_path / "chi-tieu.csv").write_text("Khối,Chỉ tiêu\n10,5 giáo viên\n11,4 giáo viên\n",
                                           encoding="utf-8-sig")
    out = build_text(tmp_path, without_campaign(**{"noi_nhan:\n": ANNEXES}))
    assert annex_headings(out) == [("Phụ lục I", "DANH SÁCH NHIỆM VỤ TRỌNG TÂM"),
                                   ("Phụ lục II", "CHỈ TIÊU THEO KHỐI"),
                                   ("Phụ lục III", "LỊCH TỔ CHỨC")]
    doc = read_docx(out / "ke-hoach.docx")
    kem_theo = [p.text for p in doc.paragraphs if p.text.startswith("(Kèm theo")]
    assert kem_theo == ["(Kèm theo Kế hoạch số ……/KH-THPTTN ngày 01 tháng 3 năm 2024 của "
                        "Trường THPT Thử Nghiệm)"] * 3
    assert [(t.rows, t.header_rows, t.cant_split_rows, t.borders_visible)
            for t in doc.tables[-3:]] == [(3, 1, 3, True)] * 3
    tasks, targets, schedule = docx.Document(str(out / "ke-hoach.docx")).tables[-3:]
    assert [c.text for c in tasks.rows[0].cells] == ["STT", "Nhiệm vụ", "Đơn vị chủ trì",
                                                      "Thời hạn"]
    cells = {(p.row, p.col): p for p in doc.paragraphs if p.table == doc.tables[-3].index}
    assert cells[1, 2].text == "Nhiệm vụ" and cells[1, 2].align == "center"
    assert all(r.bold and r.size_pt == 13 for r in cells[1, 2].runs)
    assert (cells[2, 1].text, cells[2, 1].align) == ("1", "center")
    assert cells[2, 2].align in ("left", "both") and not any(r.bold for r in cells[2, 2].runs)
    assert sum(c.width.cm for c in tasks.columns) == pytest.approx(16.5, abs=0.05)
    assert tasks.columns[0].width.cm < tasks.columns[1].width.cm
    assert [c.text for c in targets.rows[2].cells] == ["11", "4 giáo viên"]
    assert [c.text for c in schedule.rows[1].cells] == ["Sơ khảo", "Tháng 3"]
    strict_clean(out / "ke-hoach.docx")


def test_a_plan_without_annexes_gets_none(tmp_path: Path) -> None:
    out = build_text(tmp_path, without_campaign())
    assert annex_headings(out) == []
    assert sorted(p.name for p in out.iterdir()) == ["ke-hoach.docx", "manifest.json"]


def test_a_single_annex_is_just_phu_luc(tmp_path: Path) -> None:
    one = "phu_luc:\n  - title: Lịch tổ chức\n    content: Tháng 3 và tháng 4.\nnoi_nhan:\n"
    out = build_text(tmp_path, without_campaign(**{"noi_nhan:\n": one}))
    assert annex_headings(out) == [("Phụ lục", "LỊCH TỔ CHỨC")]


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["--only bao-cao: ke-hoach.yaml has no data for this kind of document; it needs a "
            "report (kind: BC) in van_ban, or a campaign and a results file (data.results)"]),
    ("vi", ["--only bao-cao: ke-hoach.yaml không có dữ liệu cho loại văn bản này; cần một "
            "báo cáo (kind: BC) trong van_ban, hoặc campaign và tệp kết quả (data.results)"]),
])
def test_only_a_kind_the_plan_has_no_data_for(tmp_path: Path, lang: str,
                                             expected: list[str]) -> None:
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(without_campaign(), encoding="utf-8")
    with pytest.raises(UserError) as refused:
        build_plan(bundle_of(plan), tmp_path / "out", only=["bao-cao"], lang=lang)
    assert refused.value.lines == expected
    assert not (tmp_path / "out").exists()


def test_validate_reaches_the_verdict_build_reaches(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(without_campaign(**{"  name: Trần Thị Bình\n": ""}), encoding="utf-8")
    assert main(["validate", "--lang", "en", str(plan)]) == 1
    refused = capsys.readouterr()
    # Found with the plan's other problems, at the signer's line, before anything is made.
    verdict = (f"{plan}:20:3: signer.name: no signer's name (ke-hoach.docx); write the name, "
               "or use --draft for a draft")
    assert refused.err.splitlines() == [verdict, "1 problem(s)"]
    assert main(["build", "--lang", "en", str(plan), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.splitlines() == [verdict, "1 problem(s); nothing was written"]
    # Built alone, the document is still judged by the gate, which names the plan.
    assert main(["build", "--lang", "en", str(plan), "-o", str(tmp_path / "out"),
                 "--only", "ke-hoach"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{plan}: ke-hoach.docx: not ready for signing: no signer's name (signer.name); use "
        "--draft for a draft", "1 problem(s); nothing was written"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach.yaml"]  # nothing written
    assert main(["validate", "--lang", "en", "--draft", str(plan)]) == 0
    assert capsys.readouterr().out == f"{plan}: valid\n"


def test_punctuation_plangen_adds_is_not_doubled(tmp_path: Path) -> None:
    text = without_campaign(**{
        "  - Căn cứ Kế hoạch năm học 2023 - 2024\n":
        "  - Căn cứ Luật Giáo dục năm 2019;\n  - Căn cứ Kế hoạch năm học 2023 - 2024.\n",
        "  - Sở Giáo dục và Đào tạo\n": "  - Sở Giáo dục và Đào tạo;\n"})
    out = build_text(tmp_path, text)
    layout = find_layout(read_docx(out / "ke-hoach.docx"))
    assert [p.text for p in layout.can_cu] == ["Căn cứ Luật Giáo dục năm 2019;",
                                               "Căn cứ Kế hoạch năm học 2023 - 2024."]
    assert [p.text for p in layout.noi_nhan_items] == ["- Sở Giáo dục và Đào tạo;",
                                                       "- Lưu: VT."]


FOOTNOTES_BODY = """body:
  - heading: Mục đích
    content: |
      -> **Chủ đề năm học: “Đổi mới, sáng tạo”** <-
      - Nâng cao chất lượng dạy học theo Quyết định số 12[^qd].
      - Tăng số giáo viên giỏi[^2] so với năm trước.

      | STT | Chỉ tiêu | Năm 2024 |
      |---|---|:---:|
      | 1 | Giáo viên dạy giỏi **cấp trường** | 20 |
      | 2 | Giáo viên dạy giỏi cấp thành phố | 5 |

      [^qd]: Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2024 của Ủy ban nhân dân
        thành phố Hà Nội.
      [^2]: Tính cả giáo viên hợp đồng.
"""
SIMPLE_BODY = ("body:\n  - heading: Mục đích\n    content: |\n"
               "      - Nâng cao chất lượng dạy học.\n")


@pytest.fixture(scope="module")
def footnoted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plan whose body has a centred line, footnotes and a table, built."""
    folder = tmp_path_factory.mktemp("footnotes")
    return build_text(folder, without_campaign(**{SIMPLE_BODY: FOOTNOTES_BODY}))


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_footnotes_are_real_word_footnotes(footnoted: Path) -> None:
    with zipfile.ZipFile(footnoted / "ke-hoach.docx") as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
        document = etree.fromstring(package.read("word/document.xml"))
        rels = package.read("word/_rels/document.xml.rels").decode()
        types = package.read("[Content_Types].xml").decode()
    texts = {n.get(f"{W}id"): "".join(n.itertext()) for n in notes.iter(f"{W}footnote")}
    assert texts["1"] == " Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2024 của Ủy ban nhân " \
                         "dân thành phố Hà Nội."
    assert texts["2"] == " Tính cả giáo viên hợp đồng."
    assert notes.find(f"{W}footnote[@{W}type='separator']") is not None
    marks = [r.get(f"{W}id") for r in document.iter(f"{W}footnoteReference")]
    assert marks == ["1", "2"]
    assert "relationships/footnotes" in rels and "footnotes+xml" in types
    body = [p.text for p in find_layout(read_docx(footnoted / "ke-hoach.docx")).body]
    assert "- Nâng cao chất lượng dạy học theo Quyết định số 12." in body  # mark, not "[^qd]"
    assert not any("[^" in text for text in body)


def test_a_centred_line_and_a_body_table(footnoted: Path) -> None:
    doc = read_docx(footnoted / "ke-hoach.docx")
    centred = next(p for p in find_layout(doc).body if p.text.startswith("Chủ đề"))
    assert centred.align == "center" and all(r.bold for r in centred.runs)
    table = doc.tables[-2]  # the body's table; the last one is the signer block
    assert (table.rows, table.header_rows, table.cant_split_rows, table.borders_visible) \
        == (3, 1, 3, True)
    cells = {(p.row, p.col): p for p in doc.paragraphs if p.table == table.index}
    assert cells[2, 2].text == "Giáo viên dạy giỏi cấp trường"  # emphasis marks dropped
    assert cells[1, 3].text == "Năm 2024" and cells[1, 3].align == "center"
    strict_clean(footnoted / "ke-hoach.docx")


@pytest.mark.parametrize(("parent", "issuer", "lines"), [
    (None, "Ủy ban nhân dân tỉnh Bình Định", ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"]),
    ("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", "Sở Giáo dục và Đào tạo",
     ["ỦY BAN NHÂN DÂN", "TỈNH BÀ RỊA - VŨNG TÀU", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]),
    ("Sở Giáo dục và Đào tạo Hà Nội", "Trường THPT Thử Nghiệm",
     ["SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI", "TRƯỜNG THPT THỬ NGHIỆM"]),
])
def test_a_name_too_long_for_the_header_breaks_before_its_place_level(
        tmp_path: Path, parent: str | None, issuer: str, lines: list[str]) -> None:
    text = without_campaign(**{"  name: Trường THPT Thử Nghiệm\n": f"  name: {issuer}\n",
                               "  parent: Sở Giáo dục và Đào tạo Hà Nội\n":
                               f"  parent: {parent}\n" if parent else ""})
    out = build_text(tmp_path, text)
    layout = find_layout(read_docx(out / "ke-hoach.docx"))
    assert [p.text for p in layout.parent_lines + layout.issuer_lines] == lines
    strict_clean(out / "ke-hoach.docx")


@pytest.mark.parametrize(("csv", "expected"), [
    ("", "the CSV file has no title row (its first line is empty)"),
    ("STT;Nhiệm vụ;Hạn\n1;Ra đề;Tháng 3\n",
     'the CSV file separates columns with ";" (Excel with Vietnamese settings): save it '
     'again as "CSV UTF-8 (comma delimited)"'),
])
def test_a_bad_annex_csv_is_refused_with_its_reason(tmp_path: Path, csv: str,
                                                    expected: str) -> None:
    from plangen.errors import PlanError

    (tmp_path / "bang.csv").write_text(csv, encoding="utf-8")
    text = without_campaign(**{"noi_nhan:\n": "phu_luc:\n  - title: Bảng\n    table:\n"
                               "      file: bang.csv\nnoi_nhan:\n"})
    (tmp_path / "ke-hoach.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as refused:
        load_bundle(tmp_path / "ke-hoach.yaml", "en")
    assert [p.message for p in refused.value.problems] == [expected]


def test_a_trail_documents_own_csv_annex_is_read(tmp_path: Path) -> None:
    (tmp_path / "lich.csv").write_text("Vòng,Thời gian\nSơ khảo,Tháng 3\n", encoding="utf-8")
    text = without_campaign(**{"noi_nhan:\n": """van_ban:
  - kind: TB
    key: lich-thi
    de_trong: [number, issued_on]
    trich_yeu: Lịch tổ chức hội thi
    content: Nhà trường thông báo lịch tổ chức hội thi.
    phu_luc:
      - title: Lịch thi
        table: {file: lich.csv}
    noi_nhan: ["Lưu: VT"]
noi_nhan:
"""})
    out = build_text(tmp_path, text)
    doc = docx.Document(str(out / "thong-bao-lich-thi.docx"))
    assert [c.text for c in doc.tables[-1].rows[1].cells] == ["Sơ khảo", "Tháng 3"]
    strict_clean(out / "thong-bao-lich-thi.docx")


def test_a_centred_line_that_ends_the_content_leaves_the_end_mark_below(
        tmp_path: Path) -> None:
    text = without_campaign(**{"      - Nâng cao chất lượng dạy học.\n":
                               "      - Nâng cao chất lượng dạy học.\n"
                               "      -> **Dạy tốt, học tốt** <-\n"})
    out = build_text(tmp_path, text)
    texts = body_texts(out)
    assert [t for t, _b, _i in texts][-2:] == ["Dạy tốt, học tốt", "./."]
    strict_clean(out / "ke-hoach.docx")


def test_validate_refuses_two_plans_that_build_into_one_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plans = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        plans.append(tmp_path / folder / "same.yaml")
        plans[-1].write_text(without_campaign(), encoding="utf-8")
    assert main(["validate", "--lang", "en", *map(str, plans)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{plans[0]} and {plans[1]} would both write to output/same; rename one plan file")


@pytest.mark.parametrize(("text", "aligns"), [
    ("Tên | Giá\n---|---:\nBút | 5.000 đồng", ["left", "right"]),
    ("| Việc | Hạn |\n|:-:|--:|\n| Ra đề | Tháng 3 |", ["center", "right"]),
])
def test_markdown_tables_as_github_writes_them(text: str, aligns: list[str]) -> None:
    from plangen.plan.document import Table
    from plangen.plan.textblocks import text_blocks

    (table,) = text_blocks(text)
    assert isinstance(table, Table) and [c.align for c in table.columns] == aligns


def test_a_bar_in_prose_is_not_a_table() -> None:
    from plangen.plan.document import Prose
    from plangen.plan.textblocks import text_blocks

    assert [type(b) for b in text_blocks("Giá: 100 | 200\n---\nkhác")] == [Prose]

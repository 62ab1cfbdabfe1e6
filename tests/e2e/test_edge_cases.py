"""Edge cases found in review: each was a traceback, a wrong document or a lost file."""

from __future__ import annotations

import copy
import io
import json
import shutil
import struct
import zlib
from pathlib import Path

import docx
import pytest

from conftest import (
    MINIMAL_PLAN,
    ROOT,
    SEED_PLAN,
    bundle_of,
    copy_templates,
    minimal_text,
    problems_of,
    replace_in_template,
    without_campaign,
    write_plan,
)
from plangen.check import check_docx
from plangen.check.read.package import read_docx
from plangen.cli import main
from plangen.errors import PlanError, UserError
from plangen.kinds import compile_all
from plangen.kinds.campaign import FORM_TEMPLATE, form_context
from plangen.pipeline.run import build_plan
from plangen.plan.datafiles import load_bundle
from plangen.plan.load import load_plan, load_plan_text

TEMPLATES = ROOT / "templates"


def test_a_very_long_trich_yeu_builds(tmp_path: Path) -> None:
    long = "Triển khai thực hiện phong trào thi đua " + "đổi mới, sáng tạo " * 20
    plan = write_plan(tmp_path, minimal_text().replace(
        "trich_yeu: Tổ chức hội thi {{ campaign.name }} năm {{ campaign.start.year }}",
        f"trich_yeu: {long}"))
    out = build_plan(bundle_of(plan), tmp_path / "out").written[0]
    title = read_docx(out).core["title"]
    assert len(title) == 255 and title.endswith("…")


def test_xml_comments_content_controls_and_nested_tables_are_read(tmp_path: Path,
                                                                  seed_docx: Path) -> None:
    d = docx.Document(str(seed_docx))
    body = d.element.body
    from lxml import etree

    body.insert(0, etree.Comment(" a comment Word never writes "))
    title = next(p for p in d.paragraphs if p.text == "KẾ HOẠCH")
    sdt = etree.SubElement(body, "{http://schemas.openxmlformats.org/wordprocessingml/2006/"
                           "main}sdt")
    content = etree.SubElement(sdt, "{http://schemas.openxmlformats.org/wordprocessingml/"
                               "2006/main}sdtContent")
    title._p.addprevious(sdt)
    content.append(title._p)
    target = tmp_path / "odd.docx"
    d.save(str(target))
    assert check_docx(target).findings == []
    outer = docx.Document()
    cell = outer.add_table(rows=1, cols=1).cell(0, 0)
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 1).paragraphs[0].add_run("Nơi nhận:")
    nested = tmp_path / "nested.docx"
    outer.save(str(nested))
    doc = read_docx(nested)
    assert len(doc.tables) == 2
    assert [(p.table, p.text) for p in doc.paragraphs if p.text] == [(2, "Nơi nhận:")]


@pytest.mark.parametrize(("tag", "expected"), [
    ("{{ reg.name | khongco }}", 'thẻ "{{ reg.name | khongco }}" sai cú pháp: No filter '
                                 "named 'khongco'."),
    ("{{ reg.name ~ (1 / 0) }}", "không điền được mẫu: ZeroDivisionError: division by zero"),
])
def test_template_filter_and_render_errors_name_the_template(tag: str, expected: str,
                                                             tmp_path: Path) -> None:
    templates = copy_templates(tmp_path)
    form = templates / "phieu-dang-ky.docx"
    replace_in_template(form, "{{ reg.name }}", tag)
    plan = load_plan(SEED_PLAN)
    with pytest.raises(UserError) as failed:
        compiled = compile_all(plan, templates, "vi")
        compiled.get(FORM_TEMPLATE, form_context(plan, plan.campaign, None)).render_xml(
            form_context(plan, plan.campaign, None))
    assert failed.value.lines[0] == f"{form}: {expected}"


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    raw = b"\x00\x00\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_a_picture_in_a_template_reaches_the_plan(tmp_path: Path) -> None:
    templates = copy_templates(tmp_path)
    report = templates / "mau-bao-cao.docx"
    d = docx.Document(str(report))
    d.paragraphs[0].add_run().add_picture(io.BytesIO(tiny_png()))
    d.save(str(report))
    out = tmp_path / "out"
    build_plan(bundle_of(SEED_PLAN), out, templates_dir=templates)
    plan = docx.Document(str(out / "ke-hoach.docx"))
    blips = plan.element.body.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/"
                                      "main}blip")
    assert len(blips) == 1
    rel_id = blips[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/"
                          "relationships}embed")
    assert plan.part.related_parts[rel_id].content_type == "image/png"


def test_a_template_table_keeps_its_word_table_style(tmp_path: Path) -> None:
    """plangen's own documents carry only the table styles they use; a template's table
    in a style of Word's gallery brings that style (and the one it is based on) along."""
    templates = copy_templates(tmp_path)
    report = templates / "mau-bao-cao.docx"
    d = docx.Document(str(report))
    word = docx.Document().styles["Light Grid Accent 1"]  # as Word writes it into a file
    d.styles.element.append(copy.deepcopy(word.element))
    d.add_table(rows=1, cols=2).style = d.styles["Light Grid Accent 1"]
    d.save(str(report))
    out = tmp_path / "out"
    build_plan(bundle_of(SEED_PLAN), out, templates_dir=templates)
    plan = docx.Document(str(out / "ke-hoach.docx"))
    ids = {style.style_id for style in plan.styles}
    assert {"LightGrid-Accent1", "TableNormal"} <= ids
    assert "LightGrid-Accent2" not in ids  # only what the annex uses
    assert check_docx(out / "ke-hoach.docx").count("error") == 0


def test_extreme_shifts_and_unwritable_targets(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(MINIMAL_PLAN), str(tmp_path / "n.yaml"),
                 "--shift-years", "100000"]) == 1
    assert capsys.readouterr().err == "dời ngày như vậy ra ngoài lịch (năm 1 đến 9999)\n"
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    assert main(["init", str(blocker / "x.yaml")]) == 1
    assert capsys.readouterr().err.startswith(f"không ghi được {blocker / 'x.yaml'}: ")


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(PlanError) as failed:
        load_plan_text("a: " + "[" * 5000 + "]" * 5000 + "\n", "deep.yaml")
    assert str(failed.value.problems[0]) == "deep.yaml:1:1: tệp lồng nhau quá sâu"


def test_vietnamese_words_like_nan_pass_the_gate(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, minimal_text().replace(
        "- Nâng cao chất lượng dạy học,", "- Giải quyết vấn đề nan giải, null hay không,"))
    assert build_plan(bundle_of(plan), tmp_path / "out").written


def test_an_end_mark_written_by_the_author_is_not_doubled(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, minimal_text().replace(
        "{{ phases[0].end | ngay }}.", "{{ phases[0].end | ngay }}./."))
    out = build_plan(bundle_of(plan), tmp_path / "out").written[0]
    last = next(p.text for p in read_docx(out).paragraphs if p.text.endswith("/."))
    assert last.endswith("2024./.") and not last.endswith("././.")


def test_a_report_kind_plan_has_its_kinh_gui(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, minimal_text().replace("place: Hà Nội", "kind: BC\nplace: Hà Nội\n"
                                                       "kinh_gui:\n  - Sở Giáo dục và Đào tạo"))
    out = build_plan(bundle_of(plan), tmp_path / "out").written[0]
    texts = [p.text for p in read_docx(out).paragraphs]
    assert "Kính gửi: Sở Giáo dục và Đào tạo" in texts and "- Như trên;" in texts
    assert any(t.startswith("(Kèm theo Báo cáo số") for t in texts)
    assert check_docx(out).findings == []


def test_registration_ids_differing_in_case_and_duplicate_results(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    reg = ("  - {id: %s, kind: mô hình, name: A, field: B, owner: {unit: C}, summary: D, "
           "goal: E, start: 2024-03-01, end: 2024-06-30, effect: F, year: 2024}\n")
    (tmp_path / "d" / "dk.yaml").write_text("registrations:\n" + reg % "MH01" + reg % "mh01",
                                            encoding="utf-8")
    plan = write_plan(tmp_path, minimal_text() + "data:\n  registrations: [d/dk.yaml]\n")
    with pytest.raises(PlanError) as failed:
        load_bundle(plan, "en")
    assert [p.message for p in failed.value.problems] == [
        f'registration id "mh01" is used twice (first in {tmp_path / "d" / "dk.yaml"})']


def test_only_then_full_build_and_stale_files(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["build", str(SEED_PLAN), "-o", str(tmp_path), "--templates", str(TEMPLATES)]
    assert main(argv) == 0
    assert main([*argv, "--only", "ke-hoach"]) == 0
    assert main(argv) == 0  # no file is taken for hand-edited
    out = tmp_path / "cchc-2023-2025"
    old = out / "bao-cao-2022.docx"
    shutil.copy(out / "bao-cao-2023.docx", old)
    manifest = json.loads((out / "manifest.json").read_text())
    entry = dict(next(e for e in manifest["documents"] if e["file"] == "bao-cao-2023.docx"))
    entry["file"] = "bao-cao-2022.docx"
    manifest["documents"].append(entry)
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    capsys.readouterr()
    assert main(argv) == 0
    assert (f"lưu ý: {old} do lần tạo trước ghi, nay không còn được tạo từ kế hoạch (đã bỏ "
            "khỏi manifest.json); xóa nếu không cần") in capsys.readouterr().out.splitlines()
    assert old.is_file()
    listed = json.loads((out / "manifest.json").read_text())["documents"]
    assert "bao-cao-2022.docx" not in [e["file"] for e in listed]


def test_two_plans_cannot_share_a_folder(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write_plan(tmp_path / "a", minimal_text(), "x.yaml")
    second = write_plan(tmp_path / "b", minimal_text(), "x.yaml")
    assert main(["build", str(first), str(second), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        f"{first} và {second} cùng ghi vào {tmp_path / 'out' / 'x'}; đổi tên một tệp kế "
        "hoạch\n")
    assert not (tmp_path / "out").exists()


def test_check_of_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "khong-co.docx"]) == 1
    assert capsys.readouterr().err == "khong-co.docx: không tìm thấy tệp\n"


# -- found by review of the kind registry -------------------------------------------------


def no_campaign_text() -> str:
    return without_campaign()


def test_new_from_a_plan_with_campaign_null_starts_from_its_date_of_issue(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write_plan(tmp_path, no_campaign_text() + "campaign: null\n")
    assert main(["validate", str(old)]) == 0
    capsys.readouterr()
    assert main(["new", str(old), str(tmp_path / "moi.yaml"), "--start", "2025-01-01",
                 "--lang", "en"]) == 0
    undated = old.read_text(encoding="utf-8").replace("issued_on: 2024-03-01\n", "")
    write_plan(tmp_path, undated, "undated.yaml")
    assert main(["new", str(tmp_path / "undated.yaml"), str(tmp_path / "moi2.yaml"), "--start",
                 "2025-01-01", "--lang", "en"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "neither campaign.start nor a date of issue (issued_on) found, so the shift cannot be "
        "computed; use --shift-years N")


def test_new_replaces_a_de_trong_block_list(tmp_path: Path) -> None:
    text = minimal_text().replace("de_trong: [number]", "de_trong:\n  - number")
    old = write_plan(tmp_path, text)
    new = tmp_path / "moi.yaml"
    assert main(["new", str(old), str(new), "--shift-years", "1"]) == 0
    assert "de_trong: [number, issued_on]\n" in new.read_text(encoding="utf-8")
    load_plan(new)


def test_a_raw_ampersand_from_a_safe_tag_is_named_not_a_traceback(tmp_path: Path) -> None:
    templates = copy_templates(tmp_path)
    replace_in_template(templates / "mau-bao-cao.docx", "{{ campaign.name }}",
                        "{{ campaign.name | safe }}")
    plan = write_plan(tmp_path, minimal_text().replace("name: Giáo viên dạy giỏi",
                                                       "name: Dạy & học giỏi"))
    with pytest.raises(UserError) as failed:
        build_plan(load_bundle(plan), tmp_path / "out", templates_dir=templates)
    assert failed.value.lines[0].startswith(
        f"{templates / 'mau-bao-cao.docx'}: không điền được mẫu: XML: ")


def test_lang_before_the_command_is_kept(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "validate", str(tmp_path / "none.yaml")]) == 1
    assert capsys.readouterr().err.splitlines()[0] == f"{tmp_path / 'none.yaml'}: no such file"


@pytest.mark.parametrize(("lang", "expected"), [
    ("vi", 'trich_yeu: biểu thức dùng "campaign" của phong trào, nhưng kế hoạch không có '
           "campaign: thêm campaign (name, start, end) hoặc bỏ biểu thức"),
    ("en", 'trich_yeu: the expression uses "campaign" of a campaign, but the plan has no '
           "campaign: add campaign (name, start, end) or drop the expression"),
])
def test_campaign_names_in_a_plan_without_one(lang: str, expected: str) -> None:
    text = no_campaign_text().replace("Tổ chức hội thi Giáo viên dạy giỏi năm 2024",
                                      "Tổ chức hội thi {{ campaign.name }}")
    assert problems_of(text, lang) == [expected]


def test_templates_of_a_plan_that_uses_none(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    plan = write_plan(tmp_path, no_campaign_text())
    assert main(["templates", str(plan), "--templates", str(tmp_path), "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        f"{plan}: the plan uses no Word template (it has no campaign); nothing to check\n")


def test_reports_need_a_noi_nhan() -> None:
    text = minimal_text() + "reports:\n  noi_nhan: []\n"
    assert problems_of(text) == ["reports.noi_nhan: needs at least 1 item(s)"]


def test_the_manifest_records_the_kinh_gui_of_the_plans_document(tmp_path: Path) -> None:
    text = minimal_text().replace("place: Hà Nội", "kind: TTr\nplace: Hà Nội") + (
        "kinh_gui: [Sở Giáo dục và Đào tạo Hà Nội]\n")
    plan = write_plan(tmp_path, text)
    build_plan(load_bundle(plan), tmp_path / "out", only=["to-trinh"])
    entry = json.loads((tmp_path / "out" / "manifest.json").read_text())["documents"][0]
    assert (entry["file"], entry["kinh_gui"]) == ("to-trinh.docx",
                                                  ["Sở Giáo dục và Đào tạo Hà Nội"])


def test_a_data_file_may_be_larger_than_a_plan(tmp_path: Path) -> None:
    """A province's registrations pass the plan's 1 MB limit; the data limit is 50 MB."""
    from plangen.plan.yamlread import MAX_FILE_BYTES

    shutil.copytree(SEED_PLAN.parent, tmp_path / "plans")
    csv_file = tmp_path / "plans" / "cchc-2023-2025" / "dang-ky-bieu-mau.csv"
    row = ("05/9/2024 08:00:00,X{i:05d},giải pháp,Giải pháp số {i} của tổ chuyên môn với một "
           "cái tên khá dài,Chuyển đổi số,Tổ Văn phòng,Tóm tắt nội dung của giải pháp.,Mục "
           "tiêu.,05/9/2024,31/5/2025,Hiệu quả.,2024\n")
    with csv_file.open("a", encoding="utf-8") as stream:
        i = 0
        while csv_file.stat().st_size <= MAX_FILE_BYTES:
            stream.write(row.format(i=i))
            stream.flush()
            i += 1
    bundle = load_bundle(tmp_path / "plans" / SEED_PLAN.name)
    assert len(bundle.registrations) == 5 + i

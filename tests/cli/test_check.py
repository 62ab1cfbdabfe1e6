"""plangen check on files plangen did not write, on broken files, and from the command line."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_PLAN, ROOT, write_documents
from plangen.check import DocxUnreadable, check_docx
from plangen.check.read import package
from plangen.cli import main

DATA = ROOT / "tests" / "data"
TYPED = DATA / "typed-by-hand.docx"

# What a văn thư would be told about the hand-typed plan (tests/data/typed-by-hand.fodt,
# saved as DOCX by LibreOffice): each line was read and judged against nd30.md.
TYPED_FINDINGS = [
    ("C07", "table 1 r1c2 ¶6"),   # "Độc Lập - Tự Do - Hạnh Phúc"
    ("C10", "table 1 r1c1 ¶3"),   # 12 underscores: shorter than 1/3 of the name
    ("C14", "table 1 r1c1 ¶4"),   # "Số: 5/KH-THHB": no leading zero
    ("C16", "table 1 r1c2 ¶8"),   # not italic
    ("C16", "table 1 r1c2 ¶8"),   # "ngày 5"
    ("C16", "table 1 r1c2 ¶8"),   # "tháng 03"
    ("C17", "table 1 r1c2 ¶8"),   # "TP. Hồ Chí Minh"
    ("C20", "body ¶11"),          # 10 underscores under a 10 cm trích yếu
    ("C23", "body ¶13"), ("C23", "body ¶14"), ("C23", "body ¶15"), ("C23", "body ¶16"),
    ("C23", "body ¶17"),          # left-aligned body
    ("C28", "body ¶13"),          # "I. MỤC ĐÍCH, YÊU CẦU" not bold
    ("C28", "body ¶15"),          # "a." instead of "a)"
    ("C28", "body ¶16"),          # "II. THỜI GIAN" not bold
    ("C29", "body ¶17"),          # no ./.
    ("C30", "table 2 r1c2 ¶22"),  # "K/T"
    ("C32", "table 2 r1c2 ¶27"),  # "ThS." before the name
    ("C36", "table 2 r1c1 ¶20"),  # a recipient without ";"
    ("C37", "table 2 r1c1 ¶21"),  # "- Lưu VT."
]


def codes_and_places(path: Path) -> list[tuple[str, str]]:
    return [(f.code, f.where.split(" ¶")[0] + " ¶" + f.where.split(" ¶")[1]
             if " ¶" in f.where else f.where) for f in check_docx(path).findings]


def test_a_plan_typed_by_hand_and_saved_by_libreoffice() -> None:
    assert codes_and_places(TYPED) == TYPED_FINDINGS


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_the_libreoffice_fixture_is_what_libreoffice_writes(tmp_path: Path) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path),
                    str(DATA / "typed-by-hand.fodt")], check=True, capture_output=True,
                   timeout=180)
    assert codes_and_places(tmp_path / "typed-by-hand.docx") == TYPED_FINDINGS


def test_python_docx_default_template(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    d.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Tổ chức hội thi")
    d.add_paragraph("Nội dung kế hoạch.")
    target = tmp_path / "default.docx"
    d.save(str(target))
    report = check_docx(target)
    messages = {(f.code, f.en) for f in report.findings}
    assert ("C01", "paper is 215.9×279.4 mm, must be A4 210×297 mm") in messages
    assert ("C02", "top margin 25.4 mm, must be 20 to 25 mm") in messages
    assert ("C02", "right margin 31.8 mm, must be 15 to 20 mm") in messages
    assert ("C03", "font Cambria, must be Times New Roman") in messages  # the theme's minor font
    assert ("C06", "the Quốc hiệu is not bold") in messages
    assert ("C47", "the Số line is missing") in messages
    assert ("C47", "the Nơi nhận block is missing") in messages
    assert ("C08", "no rule under the Tiêu ngữ") in messages
    assert ("C23", "the body is 11 pt, must be 13 pt to 14 pt") in messages
    assert {f.code for f in report.findings} == {
        "C01", "C02", "C03", "C06", "C07", "C08", "C18", "C19", "C20", "C23", "C25", "C29",
        "C47"}
    assert {n.code for n in report.not_checked} >= {"C09", "C10", "C11", "C14", "C16"}


def test_every_document_plangen_builds_is_clean(tmp_path: Path) -> None:
    plans = [*sorted((ROOT / "plans").glob("*.yaml")), MINIMAL_PLAN]
    for plan in plans:
        for written in write_documents(plan, tmp_path / plan.stem):
            assert check_docx(written).findings == [], written


# -- broken files ------------------------------------------------------------------------


def zip_with(path: Path, parts: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        for name, text in parts.items():
            package.writestr(name, text)
    return path


@pytest.mark.parametrize(("make", "reason"), [
    (lambda p: p.write_text("plain text"), "not_docx"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512), "encrypted"),
    (lambda p: zip_with(p, {"hello.txt": "hi"}), "not_docx"),
    (lambda p: zip_with(p, {"word/document.xml": "<w:document"}), "corrupt"),
    (lambda p: p.write_bytes(TYPED.read_bytes()[:2000]), "not_docx"),
])
def test_unreadable_files_say_why(make: object, reason: str, tmp_path: Path) -> None:
    target = tmp_path / "bad.docx"
    make(target)  # type: ignore[operator]
    with pytest.raises(DocxUnreadable) as raised:
        check_docx(target)
    assert str(raised.value) == reason


def test_entity_expansion_is_not_followed(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>")
    target = zip_with(tmp_path / "bomb.docx", {"word/document.xml": bomb})
    report = check_docx(target)
    assert "aaaaaaaaaa" not in "".join(f.excerpt for f in report.findings)


def test_a_part_over_the_size_limit_is_refused(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_PART_BYTES", 1000)
    with pytest.raises(DocxUnreadable) as raised:
        check_docx(TYPED)
    assert str(raised.value) == "too_large"


def test_a_large_document_is_checked(tmp_path: Path) -> None:
    d = docx.Document(str(TYPED))
    signature = d.tables[1]._tbl
    for i in range(3000):
        added = d.add_paragraph(f"- Đoạn thứ {i}: nội dung kế hoạch dài vừa phải.")
        signature.addprevious(added._p)
    target = tmp_path / "large.docx"
    d.save(str(target))
    report = check_docx(target)
    assert sum(f.code == "C23" for f in report.findings) > 3000


# -- command line ------------------------------------------------------------------------


def test_check_exit_codes_and_summary(seed_docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(seed_docx)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"{seed_docx}: 0 lỗi, 0 cảnh báo, 2 quy tắc chưa kiểm tra"
    assert main(["check", "--lang", "en", str(TYPED)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (f"{TYPED}: C07 error [PL I, II.1.b] table 1 r1c2 ¶6 «Độc Lập - Tự Do - "
                      'Hạnh Phúc»: the Tiêu ngữ reads "Độc Lập - Tự Do - Hạnh Phúc", must be '
                      '"Độc lập - Tự do - Hạnh phúc" (spaced hyphens, each phrase capitalised)')
    assert out[-1] == f"{TYPED}: 16 error(s), 5 warning(s), 3 rule(s) not checked"


def test_strict_makes_warnings_fail(tmp_path: Path, seed_docx: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    d = docx.Document(str(seed_docx))
    last = next(p for p in d.paragraphs if p.text.endswith("./."))
    last.runs[-1].text = last.runs[-1].text.replace("./.", ".")  # C29 is a warning
    target = tmp_path / "warning.docx"
    d.save(str(target))
    assert main(["check", str(target)]) == 0
    assert main(["check", "--strict", str(target)]) == 1
    capsys.readouterr()


def test_json_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip")
    assert main(["check", "--format", "json", str(TYPED), str(broken)]) == 1
    data = json.loads(capsys.readouterr().out)
    typed, unreadable = data["files"]
    assert typed["errors"] == 16 and typed["warnings"] == 5
    assert typed["findings"][0] == {
        "code": "C07", "severity": "error", "ref": "PL I, II.1.b", "where": "table 1 r1c2 ¶6",
        "excerpt": "Độc Lập - Tự Do - Hạnh Phúc",
        "message": 'Tiêu ngữ ghi "Độc Lập - Tự Do - Hạnh Phúc", phải là "Độc lập - Tự do - '
                   'Hạnh phúc" (gạch nối có dấu cách hai bên, chữ đầu mỗi cụm viết hoa)'}
    assert {"code": "C21", "reason": "không phải công văn"} in typed["not_checked"]
    assert unreadable == {"path": str(broken), "unreadable": "không phải tệp DOCX"}


def test_unreadable_file_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.docx"
    target.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    assert main(["check", "--lang", "en", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"{target}: the file is password-protected or an old .doc; open it in Word and save "
        "it as a .docx without a password\n")


# -- never crashes ---------------------------------------------------------------------

@functools.cache
def source_parts(which: str) -> dict[str, bytes]:
    """The parts of a hand-typed DOCX, or of one plangen wrote (rules, fields, links)."""
    path = TYPED
    if which == "plangen":
        out = Path(tempfile.mkdtemp())
        path = write_documents(MINIMAL_PLAN, out)[0]
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.sampled_from(["typed", "plangen"]),
       drops=st.lists(st.integers(min_value=0, max_value=400), max_size=8),
       values=st.lists(st.tuples(st.integers(min_value=0, max_value=400),
                                 st.sampled_from(["", "-1", "abc", "99999999999", "nil", "0"])),
                       max_size=8))
def test_mutated_documents_never_crash_the_checker(which: str, drops: list[int],
                                                   values: list[tuple[int, str]],
                                                   tmp_path: Path) -> None:
    from lxml import etree

    parts = source_parts(which)
    root = etree.fromstring(parts["word/document.xml"])
    elements = list(root.iter())
    for index, value in values:
        element = elements[index % len(elements)]
        for attr in list(element.attrib)[:1]:
            element.set(attr, value)
    for index in drops:
        element = elements[index % len(elements)]
        if element.getparent() is not None:
            element.getparent().remove(element)
    target = tmp_path / "mutated.docx"
    with zipfile.ZipFile(target, "w") as package:
        for name, data in parts.items():
            package.writestr(name, etree.tostring(root) if name == "word/document.xml" else data)
    try:
        report = check_docx(target)
    except DocxUnreadable:
        return
    assert all(f.code for f in report.findings)


def test_formats_shared_between_files_keep_no_part_of_a_file(tmp_path: Path) -> None:
    """Files with the same styles share their resolved formats; a format holding an XML
    element would keep that element's whole document (10,000 rows) in memory."""
    from lxml import etree

    for path in write_documents(ROOT / "plans" / "cchc-2023-2025.yaml", tmp_path):
        package.read_docx(path)
    looks = [look for resolver in package._RESOLVERS.values()
             for look in (*resolver._run_formats.values(), *resolver._paragraph_formats.values())]
    assert looks
    assert not [value for look in looks for value in look.values()
                if isinstance(value, etree._Element)]

"""``plangen build --pdf``: PDF/A from LibreOffice, judged by a validator plangen did not
write (``page``, which passes veraPDF's test corpus) and read back with pikepdf; the same
bytes on every build; fonts named; all or nothing when LibreOffice fails.

Most need LibreOffice (soffice); .ci/run installs it."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import page as validator
import pikepdf
import pytest
from fontTools.ttLib import TTFont

from conftest import MINIMAL_PLAN, SEED_PLAN
from plangen.cli import main

needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                       reason="needs LibreOffice")
LIBERATION = Path("/usr/share/fonts/truetype/liberation2")


def build(plan: Path, out: Path, *options: str) -> int:
    return main(["build", str(plan), "-o", str(out), "--pdf", *options])


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seed plan built twice with --pdf, in two folders."""
    first, second = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    for out in (first, second):
        assert build(SEED_PLAN, out) == 0
    return first / SEED_PLAN.stem, second / SEED_PLAN.stem


def manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.libreoffice
@needs_libreoffice
def test_two_builds_give_the_same_bytes_pdfs_included(seed: tuple[Path, Path]) -> None:
    first, second = seed
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert {f.with_suffix(".docx") for f in files if f.suffix == ".pdf"} == {
        f for f in files if f.suffix == ".docx"}
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@pytest.mark.libreoffice
@needs_libreoffice
def test_every_pdf_is_pdf_a_2b_for_an_independent_validator(seed: tuple[Path, Path]) -> None:
    failures = {}
    for pdf in seed[0].rglob("*.pdf"):
        report = validator.validate_pdf(pdf, profile="2b")
        if not report.is_compliant:
            failures[pdf.name] = [f"{f.rule_id}: {f.message}" for f in report.failures]
    assert failures == {}


@pytest.mark.libreoffice
@needs_libreoffice
def test_a_plain_libreoffice_pdf_is_not_pdf_a(seed: tuple[Path, Path], tmp_path: Path) -> None:
    """The validator is not one that passes anything: the same document as LibreOffice
    exports it by default fails it."""
    import subprocess

    docx = seed[0] / "to-trinh-nhan-rong.docx"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=120)
    assert not validator.validate_pdf(tmp_path / docx.with_suffix(".pdf").name,
                                      profile="2b").is_compliant


@pytest.mark.libreoffice
@needs_libreoffice
def test_pdf_a_metadata_language_title_tags_fonts(seed: tuple[Path, Path]) -> None:
    with pikepdf.open(seed[0] / "ke-hoach.pdf") as pdf:
        xmp = pdf.open_metadata()
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("2", "B")
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFA1" and intent.DestOutputProfile.read_bytes()[36:40] == b"acsp"
        assert str(pdf.Root.Lang) == "vi-VN"
        assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root
        title = ("Kế hoạch Phát động phong trào thi đua “Cải cách hành chính” của Trường THPT "
                 "Nguyễn Trãi giai đoạn 2023 - 2025")
        assert str(pdf.docinfo["/Title"]) == xmp["dc:title"] == title
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                descriptor = font.get("/FontDescriptor")
                assert descriptor is not None and (
                    "/FontFile2" in descriptor or "/FontFile3" in descriptor), font.BaseFont


@pytest.mark.libreoffice
@needs_libreoffice
def test_dates_are_the_documents_own_or_none(seed: tuple[Path, Path]) -> None:
    with pikepdf.open(seed[0] / "ke-hoach.pdf") as pdf:  # dated 21/8/2023 in the plan
        assert str(pdf.docinfo["/CreationDate"]) == str(pdf.docinfo["/ModDate"]) \
            == "D:20230821000000Z"
        assert pdf.open_metadata()["xmp:CreateDate"] == "2023-08-21T00:00:00+00:00"
    with pikepdf.open(seed[0] / "quyet-dinh-khen-thuong.pdf") as pdf:  # date left blank
        assert "/CreationDate" not in pdf.docinfo
        assert "xmp:CreateDate" not in pdf.open_metadata()


@pytest.mark.libreoffice
@needs_libreoffice
def test_the_manifest_lists_each_pdf_with_level_pages_and_fonts(
        seed: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    entries = {e["file"]: e for e in manifest(seed[0])["documents"]}
    entry = entries["ke-hoach.pdf"]
    assert (entry["kind"], entry["pdfa"], entry["phong_chu"]) == (
        "pdf", "2b", ["Liberation Serif"])
    with pikepdf.open(seed[0] / "ke-hoach.pdf") as pdf:
        assert entry["trang"] == len(pdf.pages)
    assert {name.removesuffix(".pdf") for name in entries if name.endswith(".pdf")} == {
        name.removesuffix(".docx") for name in entries if name.endswith(".docx")}


@pytest.mark.libreoffice
@needs_libreoffice
def test_source_date_epoch_sets_every_date(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build(MINIMAL_PLAN, tmp_path) == 0
    when = datetime.fromtimestamp(1700000000, UTC)
    for pdf_file in (tmp_path / MINIMAL_PLAN.stem).rglob("*.pdf"):
        with pikepdf.open(pdf_file) as pdf:
            assert str(pdf.docinfo["/CreationDate"]) == when.strftime("D:%Y%m%d%H%M%SZ")
            assert pdf.open_metadata()["xmp:ModifyDate"] == when.isoformat()


@pytest.mark.libreoffice
@needs_libreoffice
def test_pdf_a_1_for_tcvn_14159(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """LibreOffice tags a PDF/A-1 and claims level A: the claim holds (with the role map
    plangen cleans), and so does 1b."""
    assert main(["build", str(MINIMAL_PLAN), "-o", str(tmp_path), "--pdfa", "1",
                 "--lang", "en"]) == 0  # --pdfa implies --pdf
    out = tmp_path / MINIMAL_PLAN.stem
    for pdf_file in out.rglob("*.pdf"):
        with pikepdf.open(pdf_file) as pdf:
            assert pdf.pdf_version == "1.4" and "/ObjStm" not in {
                str(o.get("/Type")) for o in pdf.objects if isinstance(o, pikepdf.Dictionary)}
        for profile in ("1a", "1b"):
            assert validator.validate_pdf(pdf_file, profile=profile).is_compliant, profile
    assert {e.get("pdfa") for e in manifest(out)["documents"]} == {None, "1a"}
    assert f"PDFs in {out}: PDF/A-1a, font Liberation Serif" in capsys.readouterr().out


def times_new_roman_stand_in(folder: Path) -> Path:
    """Liberation Serif renamed "Times New Roman" (Times New Roman itself is not free to
    ship): what a PLANGEN_FONTS folder with the real fonts looks like to LibreOffice."""
    folder.mkdir()
    for style, subfamily, postscript in (
            ("Regular", "Regular", "TimesNewRomanPSMT"), ("Bold", "Bold", "TimesNewRomanPS-BoldMT"),
            ("Italic", "Italic", "TimesNewRomanPS-ItalicMT"),
            ("BoldItalic", "Bold Italic", "TimesNewRomanPS-BoldItalicMT")):
        font = TTFont(LIBERATION / f"LiberationSerif-{style}.ttf")
        for record in font["name"].names:
            if record.nameID in (1, 16):
                record.string = "Times New Roman"
            elif record.nameID == 4:
                record.string = f"Times New Roman {subfamily}"
            elif record.nameID == 6:
                record.string = postscript
            elif record.nameID in (2, 17):
                record.string = subfamily
        font.save(folder / f"times-{style.lower()}.ttf")
    return folder


@pytest.mark.libreoffice
@needs_libreoffice
def test_fonts_from_plangen_fonts_and_the_stand_in_named(
        seed: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PLANGEN_FONTS", str(times_new_roman_stand_in(tmp_path / "fonts")))
    capsys.readouterr()
    assert build(MINIMAL_PLAN, tmp_path / "out") == 0
    said = capsys.readouterr().out
    out = tmp_path / "out" / MINIMAL_PLAN.stem
    assert f"PDF trong {out}: PDF/A-2b, phông Times New Roman" in said
    assert "lưu ý" not in said
    assert {tuple(e["phong_chu"]) for e in manifest(out)["documents"] if e["kind"] == "pdf"} \
        == {("Times New Roman",)}
    with pikepdf.open(out / "ke-hoach.pdf") as pdf:
        names = {str(f.BaseFont) for p in pdf.pages for f in p.Resources.Font.values()}
    assert names and all("+TimesNewRomanPS" in name for name in names), names


@pytest.mark.libreoffice
@needs_libreoffice
def test_without_times_new_roman_the_output_says_so(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert build(MINIMAL_PLAN, tmp_path, "--lang", "en") == 0
    assert ("note: this machine has no Times New Roman, the PDFs use Liberation Serif (same "
            "metrics, standing in for Times New Roman); install Times New Roman or set "
            "PLANGEN_FONTS to a folder holding its font files") in capsys.readouterr().out


@pytest.mark.libreoffice
@needs_libreoffice
def test_a_pdf_changed_after_the_build_is_not_overwritten(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    """A PDF signed (or edited) after the build is the văn thư's: the next build keeps it,
    as it keeps a DOCX edited by hand."""
    assert build(MINIMAL_PLAN, tmp_path) == 0
    signed = tmp_path / MINIMAL_PLAN.stem / "ke-hoach.pdf"
    signed.write_bytes(signed.read_bytes() + b"% a signature's incremental update\n")
    capsys.readouterr()
    assert build(MINIMAL_PLAN, tmp_path) == 1
    assert f"{signed} đã được sửa tay" in capsys.readouterr().err
    assert signed.read_bytes().endswith(b"% a signature's incremental update\n")


# -- what is wrong is said, and nothing is written -------------------------------------------


def test_plangen_soffice_naming_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PLANGEN_SOFFICE", str(tmp_path / "khong-co" / "soffice"))
    assert build(MINIMAL_PLAN, tmp_path / "out") == 1
    assert capsys.readouterr().err == (
        f"biến PLANGEN_SOFFICE chỉ tới {tmp_path / 'khong-co' / 'soffice'}, nhưng không có "
        "tệp đó; sửa đường dẫn tới soffice (Windows: soffice.exe) hoặc bỏ biến để plangen tự "
        "tìm LibreOffice\n")
    assert not (tmp_path / "out").exists()


def test_a_failing_libreoffice_leaves_nothing_written(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    """The conversion is part of the build's all or nothing: the DOCX files are not moved
    into place when a PDF cannot be made, and an earlier build's files stay as they were."""
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'soffice: cannot start' >&2\nexit 3\n")
    fake.chmod(0o755)
    out = tmp_path / "out"
    assert main(["build", str(MINIMAL_PLAN), "-o", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    monkeypatch.setenv("PLANGEN_SOFFICE", str(fake))
    capsys.readouterr()
    assert build(MINIMAL_PLAN, out, "--lang", "en") == 1
    assert capsys.readouterr().err == (
        "LibreOffice could not convert ke-hoach.docx to PDF: soffice: cannot start; nothing "
        "was written\n")
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize(("folder", "expected"), [
    ("khong-co", "biến PLANGEN_FONTS chỉ tới {path}, nhưng không có thư mục đó\n"),
    ("rong", "thư mục PLANGEN_FONTS ({path}) không có tệp phông nào (.ttf, .otf, .ttc)\n"),
], ids=["missing", "empty"])
def test_a_fonts_folder_that_gives_no_font(folder: str, expected: str, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "rong").mkdir()
    (tmp_path / "rong" / "doc-truoc.txt").write_text("không phải phông")
    monkeypatch.setenv("PLANGEN_SOFFICE", shutil.which("true") or "/bin/true")
    monkeypatch.setenv("PLANGEN_FONTS", str(tmp_path / folder))
    assert build(MINIMAL_PLAN, tmp_path / "out") == 1
    assert capsys.readouterr().err == expected.format(path=tmp_path / folder)
    assert not (tmp_path / "out").exists()


def test_source_date_epoch_that_is_no_number(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PLANGEN_SOFFICE", shutil.which("true") or "/bin/true")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "hôm nay")
    assert build(MINIMAL_PLAN, tmp_path / "out") == 1
    assert capsys.readouterr().err == (
        'SOURCE_DATE_EPOCH phải là số giây kể từ 01/01/1970 (UTC), không phải "hôm nay"\n')
    assert not (tmp_path / "out").exists()


def test_pdfa_takes_only_the_three_parts(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["build", str(MINIMAL_PLAN), "--pdf", "--pdfa", "4"])
    assert exited.value.code == 2
    assert "tham số --pdfa: giá trị không hợp lệ: 4 (chọn một trong: 1, 2, 3)" in \
        capsys.readouterr().err

"""Opening the file to import: formats told apart by their bytes, .doc/.odt/.rtf through
LibreOffice (``PLANGEN_SOFFICE`` honoured), and hostile files refused within bounds
without leaking anything."""

from __future__ import annotations

import io
import os
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from handtyped import hand_typed
from plangen.cli import main

SECRET = "MẬT-KHẨU-KHÔNG-ĐƯỢC-LỘ-9271"


def run_import(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
               env: dict[str, str] | None = None) -> tuple[int, str, str]:
    plan = tmp_path / "out" / "plan.yaml"
    plan.parent.mkdir(exist_ok=True)
    saved = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        code = main(["import", str(path), "-o", str(plan), "--lang", "en"])
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    out = capsys.readouterr()
    return code, out.out, out.err


def with_part(source: Path, target: Path, name: str, data: bytes,
              compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """``source`` with part ``name`` replaced (or added)."""
    with zipfile.ZipFile(source) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    parts[name] = data
    with zipfile.ZipFile(target, "w", compression) as package:
        for part, content in parts.items():
            package.writestr(part, content)
    return target


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return hand_typed(tmp_path / "good.docx")


def test_a_missing_path_says_the_path_is_missing(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "khong-co.docx"
    assert run_import(missing, tmp_path, capsys) == (
        1, "", f"{missing}: no such file (check the path and the file name)\n")


def test_an_empty_file_and_a_pdf_get_their_own_messages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "trong.docx"
    empty.write_bytes(b"")
    assert run_import(empty, tmp_path, capsys)[2] == (
        f"{empty}: the file is empty, there is nothing to import\n")
    pdf = tmp_path / "ke-hoach.docx"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n")
    assert run_import(pdf, tmp_path, capsys)[2] == (
        f"{pdf}: this is a PDF, not a Word file; plangen imports Word (.docx, .doc), .odt or "
        ".rtf files only. Use the document's Word file, or open the PDF in Word (File > Open) "
        "and save it as .docx\n")
    assert not (tmp_path / "out" / "plan.yaml").exists()


@pytest.mark.parametrize(("suffix", "name"), [("doc", "Word 97–2003 (.doc)"),
                                              ("odt", "OpenDocument (.odt)"),
                                              ("rtf", "RTF (.rtf)")])
def test_without_libreoffice_a_doc_odt_or_rtf_is_named_with_how_to_convert_it(
        suffix: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / f"cu.{suffix}"
    source.write_bytes({"doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode(
        "utf-16-le"), "rtf": b"{\\rtf1\\ansi hello}", "odt": _odt()}[suffix])
    code, _out, err = run_import(source, tmp_path, capsys,
                                 {"PLANGEN_SOFFICE": str(tmp_path / "no-soffice")})
    assert code == 1
    assert err == (f"{source}: a {name} file; plangen converts it to .docx with LibreOffice, "
                   "which was not found (install LibreOffice, or set PLANGEN_SOFFICE to the "
                   "path of soffice). Or open it in Word and save it as .docx (File > Save As > "
                   "Word Document)\n")


def _odt() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    return data.getvalue()


@pytest.mark.libreoffice
@pytest.mark.parametrize("suffix", ["doc", "odt", "rtf"])
def test_a_doc_odt_or_rtf_is_converted_by_libreoffice_and_imported(
        suffix: str, good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The file is made by LibreOffice from a hand-typed DOCX (as an office's 2010 file
    would be), then imported through the LibreOffice that PLANGEN_SOFFICE names."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("needs LibreOffice")
    filters = {"doc": "doc:MS Word 97", "odt": "odt", "rtf": "rtf"}
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                    "--headless", "--convert-to", filters[suffix], "--outdir",
                    str(tmp_path / "old"), str(good)], check=True, capture_output=True,
                   timeout=180)
    code, out, err = run_import(tmp_path / "old" / f"good.{suffix}", tmp_path, capsys,
                                {"PLANGEN_SOFFICE": soffice})
    assert code == 0, err
    assert err.splitlines()[0] == (
        f"converted the {suffix} file to .docx with LibreOffice before importing it")
    assert "coverage: " in out
    plan = (tmp_path / "out" / "plan.yaml").read_text(encoding="utf-8")
    assert "name: Phạm Thị Thu Hà" in plan


# -- hostile files: bounded, and nothing leaks ------------------------------------------------


def _bounded(path: Path, tmp_path: Path) -> tuple[int, str, str, float, int]:
    """Import ``path`` in a process of its own: exit code, outputs, seconds, peak MB."""
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", (
        "import re, sys\n"
        "from plangen.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "sys.stdout.flush()\n"
        # VmHWM: this process's own peak (ru_maxrss would count pytest's, inherited at fork)
        "status = open('/proc/self/status').read()\n"
        "print(re.search(r'VmHWM:\\s+(\\d+)', status)[1], file=sys.stderr)\n"
        "raise SystemExit(code)"), "import", str(path), "-o", str(tmp_path / "plan.yaml"),
        "--lang", "en"], capture_output=True, text=True, timeout=60, check=False)
    seconds = time.monotonic() - start
    lines = done.stderr.strip().splitlines()
    peak_mb = int(lines[-1]) // 1024 if lines and lines[-1].isdigit() else 0
    return done.returncode, done.stdout, "\n".join(lines[:-1]), seconds, peak_mb


def _secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    return secret


def hostile(kind: str, good: Path, tmp_path: Path) -> Path:
    """A hostile variant of the hand-typed DOCX ``good``."""
    target = tmp_path / f"{kind}.docx"
    with zipfile.ZipFile(good) as package:
        xml = package.read("word/document.xml").decode()
    if kind == "xxe":
        uri = _secret_file(tmp_path).as_uri()
        doc = xml.replace("?>", f'?><!DOCTYPE w:document [<!ENTITY x SYSTEM "{uri}">]>', 1)
        doc = doc.replace("Phạm Thị Thu Hà", "&x;")
        return with_part(good, target, "word/document.xml", doc.encode())
    if kind == "billion-laughs":
        entities = '<!ENTITY a0 "ha">' + "".join(
            f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
        doc = xml.replace("?>", f"?><!DOCTYPE w:document [{entities}]>", 1)
        doc = doc.replace("Phạm Thị Thu Hà", "&a9;")
        return with_part(good, target, "word/document.xml", doc.encode())
    if kind == "zip-bomb":  # 1 GB of spaces in a part read first, compressed to 1 MB
        data = io.BytesIO()
        with zipfile.ZipFile(good) as source, zipfile.ZipFile(data, "w") as package:
            for name in source.namelist():
                if name != "word/styles.xml":
                    package.writestr(name, source.read(name), zipfile.ZIP_DEFLATED)
            info = zipfile.ZipInfo("word/styles.xml")
            info.compress_type = zipfile.ZIP_DEFLATED
            with package.open(info, "w", force_zip64=True) as part:
                block = b" " * 1_000_000
                for _ in range(1000):
                    part.write(block)
        target.write_bytes(data.getvalue())
        return target
    if kind == "48-mb-part":
        paragraph = xml[xml.index("<w:p>"):xml.index("</w:p>") + 6] if "<w:p>" in xml else \
            "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
        filler = "<w:p><w:r><w:t>Nội dung lặp lại của kế hoạch.</w:t></w:r></w:p>"
        body = filler * (48_000_000 // len(filler.encode()))
        doc = xml.replace("<w:body>", "<w:body>" + body + paragraph, 1)
        return with_part(good, target, "word/document.xml", doc.encode())
    if kind == "50-mb-picture":
        return with_part(good, target, "word/media/image1.png",
                         os.urandom(50_000_000), zipfile.ZIP_STORED)
    if kind == "pdf-renamed":
        target.write_bytes(b"%PDF-1.4\n" + os.urandom(2000))
        return target
    if kind == "empty":
        target.write_bytes(b"")
        return target
    raise ValueError(kind)


HOSTILE = {
    "xxe": "part word/document.xml declares a DOCTYPE or ENTITY, which Word never writes; "
           "the file is not imported",
    "billion-laughs": "part word/document.xml declares a DOCTYPE or ENTITY, which Word never "
                      "writes; the file is not imported",
    "zip-bomb": "too large to import (word/styles.xml: 1.000.000.000 byte; at most "
                "16.000.000); an administrative document is far smaller, check the file",
    "48-mb-part": "too large to import (word/document.xml: 4",
    "pdf-renamed": "this is a PDF, not a Word file",
    "empty": "the file is empty, there is nothing to import",
}


@pytest.mark.parametrize("kind", [*HOSTILE, "50-mb-picture"])
def test_hostile_files_are_bounded_and_leak_nothing(kind: str, good: Path,
                                                    tmp_path: Path) -> None:
    """Each ends in seconds, under a gigabyte, with its reason (a 50 MB picture is never
    unpacked: the document imports); the secret an XXE points at is never read."""
    path = hostile(kind, good, tmp_path)
    code, out, err, seconds, peak_mb = _bounded(path, tmp_path)
    assert seconds < 20 and peak_mb < 1024, (seconds, peak_mb)
    if kind == "50-mb-picture":
        assert code == 0, err
    else:
        assert code == 1
        assert err.startswith(f"{path}: {HOSTILE[kind]}"), err
        assert not (tmp_path / "plan.yaml").exists()
    written = (tmp_path / "plan.yaml").read_text(encoding="utf-8") \
        if (tmp_path / "plan.yaml").exists() else ""
    assert SECRET not in out + err + written
    assert "Traceback" not in err


def test_the_lxml_reader_itself_expands_no_entity(good: Path, tmp_path: Path) -> None:
    """Below the import's own refusal, the checker's reader resolves no entity either."""
    from plangen.check.read.package import read_docx

    path = hostile("xxe", good, tmp_path)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    texts = " ".join(p.text for p in read_docx(path).paragraphs)
    assert SECRET not in texts
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000


def test_too_many_paragraphs_is_refused_with_the_count(
        good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from plangen.importdoc import source

    monkeypatch.setattr(source, "MAX_PARAGRAPHS", 5)
    code, _out, err = run_import(good, tmp_path, capsys)
    assert code == 1
    assert err.startswith(f"{good}: too large to import (") and err.endswith(
        " paragraphs; at most 5 paragraphs); an administrative document is far smaller, "
        "check the file\n")

"""What Windows changes, as far as it can be tried without a Windows machine: LibreOffice
where its installer puts it, a console that is not UTF-8, a document held open by Word,
Vietnamese letters and spaces in paths. Where behaviour branches on the platform, the
tests set ``sys.platform`` to "win32"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_PLAN, ROOT, minimal_text
from plangen.cli import main
from plangen.pipeline import pdf, save


def test_libreoffice_is_found_where_its_windows_installer_puts_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    monkeypatch.delenv("ProgramFiles(x86)", raising=False)
    monkeypatch.delenv("PLANGEN_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert pdf.soffice() == str(program)


def test_plangen_soffice_names_the_program(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "LibreOffice Portable" / "soffice.exe"
    program.parent.mkdir()
    program.write_bytes(b"")
    monkeypatch.setenv("PLANGEN_SOFFICE", str(program))
    assert pdf.soffice() == str(program)
    monkeypatch.setenv("PLANGEN_SOFFICE", str(tmp_path / "missing.exe"))
    assert pdf.soffice() is None


def test_messages_are_utf8_on_a_console_that_is_not(tmp_path: Path) -> None:
    """A Windows console or pipe in cp1252: Vietnamese messages arrive whole, no traceback."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run([sys.executable, "-m", "plangen", "validate",
                           str(ROOT / "tests" / "bad" / "misspelt-key.yaml")],
                          capture_output=True, env=env, check=False)
    assert done.returncode == 1
    text = done.stderr.decode("utf-8")
    assert "khóa không hợp lệ" in text and "Traceback" not in text


def test_a_document_open_in_word_is_named_and_nothing_is_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["build", str(MINIMAL_PLAN), "-o", str(tmp_path)]
    assert main(argv) == 0
    out = tmp_path / MINIMAL_PLAN.stem
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    plan = tmp_path / "minimal.yaml"
    plan.write_text(minimal_text().replace("Nâng cao", "Tiếp tục nâng cao"), encoding="utf-8")
    opened = out / "ke-hoach.docx"
    monkeypatch.setattr("plangen.pipeline.run.is_locked", lambda path: path == opened)
    capsys.readouterr()
    assert main(["build", str(plan), "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"{opened} đang được mở (trong Word hoặc chương trình khác): hãy đóng tệp rồi tạo "
        "lại; chưa tệp nào được thay\n")
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_rename_refused_by_windows_is_a_message(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Word may open the file between the check and the move: the rename then fails."""
    def refused(source: object, target: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(save.os, "replace", refused)
    assert main(["build", str(MINIMAL_PLAN), "-o", str(tmp_path), "--lang", "en"]) == 1
    assert capsys.readouterr().err == (
        f"{tmp_path / 'minimal' / 'ke-hoach.docx'} is open (in Word or another program): "
        "close it and build again; no file was replaced\n")
    assert not (tmp_path / "minimal" / "ke-hoach.docx").exists()


def test_vietnamese_letters_and_spaces_in_paths(tmp_path: Path) -> None:
    folder = tmp_path / "Kế hoạch 2025"
    folder.mkdir()
    plan = folder / "Kế hoạch thi đua.yaml"
    plan.write_text(minimal_text(), encoding="utf-8")
    out = tmp_path / "Văn bản đã tạo"
    assert main(["build", str(plan), "-o", str(out)]) == 0
    assert (out / "ke-hoach-thi-dua" / "ke-hoach.docx").is_file()


def test_staged_files_are_flushed_where_there_is_no_sync(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no os.sync: each staged file is flushed on its own, and moved."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delattr(save.os, "sync")
    flushed: list[int] = []
    real_fsync = save.os.fsync
    monkeypatch.setattr(save.os, "fsync", lambda fd: (flushed.append(fd), real_fsync(fd)))
    assert main(["build", str(MINIMAL_PLAN), "-o", str(tmp_path)]) == 0
    assert (tmp_path / "minimal" / "ke-hoach.docx").is_file() and len(flushed) >= 2

"""LibreOffice for the preview (plangen.serve.office), against the real LibreOffice and
poppler: conversions warm and on their own, page sizes and images, a conversion ended
half-way, and the pipe files it leaves, named as LibreOffice names them."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from plangen.serve.office import PIPE_FOLDER, Office
from serving import needs, own_processes

pytestmark = needs("office")


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Office:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # TMPDIR is read again
    made = Office()
    yield made
    made.close()


def a_docx(folder: Path, name: str) -> Path:
    from docx import Document

    document = Document()
    for i in range(60):
        document.add_paragraph(f"Dòng {i} của văn bản thử.")
    target = folder / name
    document.save(str(target))
    return target


def test_the_pipes_are_named_as_libreoffice_names_them(office: Office, tmp_path: Path) -> None:
    warm_pipe, warm_single, cold_single = office.own_pipes()
    before = set(PIPE_FOLDER.glob("OSL_PIPE_*"))
    office.start()
    assert warm_pipe.exists() and warm_single.exists() and not cold_single.exists()
    assert {warm_pipe, warm_single} <= set(PIPE_FOLDER.glob("OSL_PIPE_*")) - before
    office.close()
    assert not warm_pipe.exists() and not warm_single.exists()
    assert own_processes(tmp_path) == []
    assert not office.folder.exists()


def test_a_document_becomes_pages(office: Office, tmp_path: Path) -> None:
    docx = a_docx(tmp_path, "thu.docx")
    for convert in (office.convert, office.convert_cold):
        pdf = convert(docx)
        assert pdf == docx.with_suffix(".pdf") and pdf.read_bytes()[:5] == b"%PDF-"
        sizes = office.page_sizes(pdf)
        assert sizes == [(816, 1056)] * 3  # python-docx's Letter pages at 96 dpi
        image = office.draw(pdf, 2, tmp_path / "2.jpg")
        assert image is not None and image[:3] == b"\xff\xd8\xff"
        assert (tmp_path / "2.jpg").read_bytes() == image
    assert office.draw(pdf, 4, tmp_path / "4.jpg") is None


def test_a_conversion_on_its_own_ends_at_once_when_cancelled(office: Office,
                                                             tmp_path: Path) -> None:
    docx = a_docx(tmp_path, "lon.docx")
    stop, result = threading.Event(), []
    worker = threading.Thread(target=lambda: result.append(office.convert_cold(docx, stop)))
    worker.start()
    deadline = time.monotonic() + 60
    while not any("--convert-to" in p for p in own_processes(tmp_path)):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    cancelled = time.monotonic()
    office.cancel(stop)
    worker.join(timeout=10)
    assert time.monotonic() - cancelled < 3 and result == [None]
    assert office.convert_cold(docx, stop) is None  # a cancelled one never starts
    office.close()
    assert [p for p in office.own_pipes() if p.exists()] == []
    assert own_processes(tmp_path) == []

"""The empty NĐ30 document every build starts from, and the file properties each document
gets: nothing left of the Japanese Word 2010 file python-docx's template was saved from."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from conftest import ROOT
from plangen.render.docx import page
from plangen.render.docx.package import docx_bytes

BLANK = ROOT / "src" / "plangen" / page.BLANK


def parts() -> dict[str, str]:
    with zipfile.ZipFile(BLANK) as package:
        return {n: package.read(n).decode("utf-8") for n in package.namelist()}


def test_the_blank_keeps_plangens_styles_and_the_defaults_only() -> None:
    document = page.new_document()
    kept = {s.style_id for s in document.styles}
    assert kept == {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header",
                    "HeaderChar", "TableGrid",
                    *(page.style_id(s.name) for s in page.STYLES)}


def test_the_blank_has_no_list_definitions_and_its_own_app_properties() -> None:
    names = parts()
    assert "word/numbering.xml" not in names
    assert "numbering" not in names["word/_rels/document.xml.rels"]
    assert "<Application>plangen</Application>" in names["docProps/app.xml"]
    assert "extended-properties" in names["_rels/.rels"]


def test_the_blank_says_nothing_of_python_docx() -> None:
    core = parts()["docProps/core.xml"]
    assert "python-docx" not in core and "2013" not in core and "created" not in core


def test_a_document_without_a_date_has_no_creation_date() -> None:
    document = page.new_document()
    page.set_properties(document, title="Quyết định", subject="Về việc", author="Trường",
                        keywords="QĐ-T", category="Quyết định", day=None)
    core = _core(document)
    assert "dcterms:created" not in core and "dcterms:modified" not in core
    assert "contentStatus" not in core


def test_a_dated_draft_says_its_date_and_that_it_is_a_draft() -> None:
    document = page.new_document()
    page.set_properties(document, title="Kế hoạch", subject="Về việc", author="Trường",
                        keywords="KH-T", category="Kế hoạch", day=date(2024, 3, 1),
                        draft=True)
    core = _core(document)
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T00:00:00Z' in core
    assert "<cp:contentStatus>Dự thảo</cp:contentStatus>" in core


def _core(document: object) -> str:
    with zipfile.ZipFile(io.BytesIO(docx_bytes(document))) as package:
        return package.read("docProps/core.xml").decode("utf-8")

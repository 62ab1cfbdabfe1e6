"""What Word will accept, judged by a validator plangen did not write: ``openxml-audit``, a
Python port of the Open XML SDK's schema and semantic checks. Every document of every
example plan, and every filled template, has no finding; a damaged file has some."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openxml_audit import OpenXmlValidator

from conftest import MINIMAL_PLAN, ROOT, bundle_of
from plangen.pipeline.run import build_plan

PLANS = [*sorted((ROOT / "plans").glob("*.yaml")), MINIMAL_PLAN]


def findings(path: Path) -> list[str]:
    return [str(error) for error in OpenXmlValidator().validate(path).errors]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("audit")
    files: list[Path] = []
    for plan in PLANS:
        for draft in (False, True):
            folder = out / f"{plan.stem}-{'draft' if draft else 'final'}"
            files += build_plan(bundle_of(plan), folder, draft=draft).written
    return [f for f in files if f.suffix == ".docx"]


def test_every_document_has_no_finding(built: list[Path]) -> None:
    names = {p.name for p in built}
    assert {"ke-hoach.docx", "mau-trong.docx", "danh-sach-dang-ky.docx",
            "bao-cao-tong-ket.docx"} <= names
    assert {str(p): findings(p) for p in built if findings(p)} == {}


def test_the_templates_have_no_finding() -> None:
    templates = sorted((ROOT / "templates").glob("*.docx"))
    assert templates
    assert {p.name: findings(p) for p in templates if findings(p)} == {}


def test_a_damaged_document_has_findings(built: list[Path], tmp_path: Path) -> None:
    source = next(p for p in built if p.name == "ke-hoach.docx")
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(damaged, "w") as target:
        for item in package.infolist():
            data = package.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body><w:notAnElement/>", 1)
            target.writestr(item, data)
    assert findings(damaged)


def test_no_leftover_of_python_docx_template(built: list[Path]) -> None:
    """Word's own view of every file: a current Word file (no "[Compatibility Mode]"),
    written in Vietnamese, not yet proofread, with none of the Japanese Word 2010 file
    python-docx's template was saved from, and plangen's own docProps/app.xml."""
    for path in built:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            settings = package.read("word/settings.xml").decode()
            theme = package.read("word/theme/theme1.xml").decode()
            fonts = package.read("word/fontTable.xml").decode()
            app = package.read("docProps/app.xml").decode()
        assert not {n for n in names if "stylesWithEffects" in n or n.startswith("customXml")
                    or n in ("docProps/thumbnail.jpeg", "word/numbering.xml")}, path
        assert 'w:percent="100"' in settings and "savePreviewPicture" not in settings
        assert ('w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
                ' w:val="15"') in settings, path
        assert "proofState" not in settings and "useFELayout" not in settings
        assert '<w:themeFontLang w:val="vi-VN" w:eastAsia="vi-VN"/>' in settings
        assert "ja-JP" not in settings and "en-US" not in settings
        assert "<a:font " not in theme and "Calibri" not in theme and "Cambria" not in theme
        assert fonts.count("<w:font ") == 1 and 'w:name="Times New Roman"' in fonts
        assert "<Application>plangen</Application>" in app

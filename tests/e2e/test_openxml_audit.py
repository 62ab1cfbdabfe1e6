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
    with zipfile.ZipFile(next(p for p in built if p.name == "ke-hoach.docx")) as package:
        names = set(package.namelist())
        settings = package.read("word/settings.xml").decode()
    assert not {n for n in names if "stylesWithEffects" in n or n.startswith("customXml")
                or n in ("docProps/app.xml", "docProps/thumbnail.jpeg")}
    assert 'w:percent="100"' in settings and "savePreviewPicture" not in settings

"""The gate and each document's own dates and draft status in its file properties."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from conftest import SEED_PLAN, bundle_of
from plangen.kinds import Rendered
from plangen.pipeline.gate import gate_reasons
from plangen.pipeline.run import build_plan
from plangen.render.docx import package, page


def core(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("docProps/core.xml").decode("utf-8")


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Path]:
    """The seed plan built final and as a draft."""
    built = {}
    for draft in (False, True):
        out = tmp_path_factory.mktemp("draft" if draft else "final")
        build_plan(bundle_of(SEED_PLAN), out, draft=draft)
        built[draft] = out
    return built


@pytest.mark.parametrize(("name", "created"), [
    ("ke-hoach.docx", "2023-08-21"),
    ("bao-cao-2024.docx", "2024-10-29"),
    ("cong-van-gui-bao-cao-2024.docx", "2024-10-30"),
    ("phieu-dang-ky/mau-trong.docx", "2023-08-21"),  # a form attached to the Kế hoạch
    ("danh-sach-dang-ky.docx", "2023-08-21"),
    ("quyet-dinh-khen-thuong.docx", None),  # the văn thư dates it: no date borrowed
    ("to-trinh-nhan-rong.docx", None),
    ("bao-cao-tong-ket.docx", None),
])
def test_each_document_carries_its_own_date_or_none(seed: dict[bool, Path], name: str,
                                                    created: str | None) -> None:
    text = core(seed[False] / name)
    if created is None:
        assert "dcterms:created" not in text and "dcterms:modified" not in text
    else:
        assert f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}T00:00:00Z' in text
        assert f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}T00:00:00Z' in text


def test_a_drafts_properties_say_it_is_a_draft(seed: dict[bool, Path]) -> None:
    drafts = sorted(seed[True].rglob("*.docx"))
    finals = sorted(seed[False].rglob("*.docx"))
    assert [p.name for p in drafts] == [p.name for p in finals] != []
    for path in drafts:
        assert "<cp:contentStatus>Dự thảo</cp:contentStatus>" in core(path), path
    for path in finals:
        assert "contentStatus" not in core(path), path


def document_dated(day: date | None) -> bytes:
    document = page.new_document()
    page.set_properties(document, title="Tờ trình", subject="Đề nghị", author="Trường",
                        keywords="TTr-T", category="Tờ trình", day=day)
    return package.docx_bytes(document)


@pytest.mark.parametrize(("recorded", "day", "expected"), [
    ("2024-10-30", date(2024, 10, 30), []),
    (None, None, []),
    ("2024-10-30", date(2023, 8, 21), [
        "x.docx: not ready for signing: the creation date among the file properties "
        "(2023-08-21T00:00:00Z) is not the document's date (2024-10-30)"]),
    (None, date(2023, 8, 21), [
        "x.docx: not ready for signing: the creation date among the file properties "
        "(2023-08-21T00:00:00Z) is not the document's date (—)"]),
])
def test_the_gate_refuses_a_date_that_is_not_the_documents(
        recorded: str | None, day: date | None, expected: list[str]) -> None:
    rendered = Rendered("x.docx", "van-ban", meta={"ngay": recorded})
    reasons = gate_reasons(rendered, document_dated(day), draft=False, lang="en", full=False)
    assert reasons == expected
